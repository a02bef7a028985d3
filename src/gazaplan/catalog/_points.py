"""The 20 points of the 29 September 2025 text, in the library's own paraphrase, each sourced.

Every point cites the White House text [WH] (whose page could not be checked directly) and the
witnesses that carry its wording. Points 15-20 are witnessed only in summaries, quotations and
translations, which ``Wording.PARAPHRASE_ONLY`` records.
"""

from __future__ import annotations

from ..core.provisions import Nature, Provision, Wording
from ..core.records import Topic as T
from ..core.sources import Source
from ._sources import W1, W2, W3, W4, W7, W8, W11, W12, W13, W14, W15, W16, W19, WH


def _src(n: int, *extra: Source) -> tuple[Source, ...]:
    """WH and W1 (the full 20-point summary), then *extra*, each cited for point *n*."""
    return (WH.at(n), W1.at(n), *(s.at(n) for s in extra))


C, P = Wording.CHECKED, Wording.PARAPHRASE_ONLY
NO_OBLIGOR = "The point is written in the passive and names nobody who must act."

POINTS = (
    Provision(
        1,
        "A Gaza free of terror",
        "Gaza is to become a deradicalised zone, free of terror, that threatens none of its neighbours.",
        _src(1, W4, W11),
        nature=Nature.GOAL,
        topics={T.GOALS, T.SECURITY},
    ),
    Provision(
        2,
        "Redevelopment for Gazans",
        "Gaza is to be rebuilt for the good of the people who live there.",
        _src(2, W4, W11),
        nature=Nature.GOAL,
        topics={T.GOALS, T.RECONSTRUCTION},
    ),
    Provision(
        3,
        "The war ends once both sides agree",
        "If both sides accept the proposal, the war stops at once. Israeli forces pull back to the "
        "agreed line to prepare the hostage release. Military operations, air and artillery strikes "
        "included, are suspended, and the front lines stay where they are until the conditions for a "
        "complete, staged withdrawal are met.",
        _src(3, W4, W11),
        binds=("israel", "hamas"),
        nature=Nature.CONDITIONAL,
        topics={T.CEASEFIRE, T.WITHDRAWAL},
        note="The text calls it only 'the agreed upon line'; 'yellow line' is the US officials' and "
        "the reporting's name for the line on the 4 Oct map [R14].",
    ),
    Provision(
        4,
        "All hostages back within 72 hours",
        "Every hostage, alive or dead, is to be returned within 72 hours of Israel publicly accepting "
        "the agreement.",
        _src(4, W4, W11),
        binds=(),
        topics={T.HOSTAGES},
        obligor_note=NO_OBLIGOR + " The hostages were held by Hamas and other groups.",
        note="The White House page itself was not read; the wording comes from reprints.",
    ),
    Provision(
        5,
        "Prisoners freed and remains exchanged",
        "Once every hostage is back, Israel frees 250 prisoners serving life sentences and 1,700 "
        "Gazans detained after 7 October 2023, among them all the women and children detained in that "
        "context. For each Israeli hostage whose remains are handed over, Israel hands over the "
        "remains of 15 deceased Gazans.",
        _src(5, W4, W11),
        binds=("israel",),
        nature=Nature.CONDITIONAL,
        topics={T.PRISONERS, T.REMAINS},
    ),
    Provision(
        6,
        "Amnesty and safe passage",
        "After every hostage is returned, Hamas members who commit to peaceful co-existence and to "
        "decommissioning their weapons receive an amnesty; members who want to leave Gaza are given "
        "safe passage to countries willing to receive them.",
        _src(6, W4, W11),
        binds=("hamas",),
        nature=Nature.CONDITIONAL,
        topics={T.AMNESTY, T.DEMILITARISATION},
        obligor_note="The point does not say who grants the amnesty or the safe passage.",
    ),
    Provision(
        7,
        "Full aid at once",
        "On acceptance, full aid goes into Gaza immediately, in quantities at least consistent with "
        "the 19 January 2025 agreement on humanitarian aid. It covers repairs to water, power and "
        "sewage systems, hospitals and bakeries, and machinery to clear rubble and open roads.",
        _src(7, W4, W11),
        binds=(),
        nature=Nature.CONDITIONAL,
        topics={T.AID, T.RECONSTRUCTION},
        obligor_note=NO_OBLIGOR,
        note="The plan states no number of trucks; the 19 January 2025 agreement set 600 a day [R18].",
    ),
    Provision(
        8,
        "Neutral aid channels and the Rafah crossing",
        "Aid enters and is handed out without interference from either party, through the UN and its "
        "agencies, the Red Crescent and other international bodies tied to neither side. The Rafah "
        "crossing opens in both directions under the arrangements of the 19 January 2025 agreement.",
        _src(8, W11, W15),
        binds=("israel", "hamas", "un", "red-crescent"),
        topics={T.AID},
    ),
    Provision(
        9,
        "A technocratic committee under a Board of Peace",
        "Gaza is governed for a transition by a temporary, technocratic and apolitical Palestinian "
        "committee of qualified Palestinians and international experts, which runs daily public "
        "services and municipalities. A new international body, the Board of Peace, chaired by Donald "
        "J. Trump with other members to be announced (Tony Blair among them), oversees it, sets the "
        "framework and handles the money for redevelopment until the Palestinian Authority has "
        "completed its reform programme and can take back control securely and effectively.",
        _src(9, W2, W3, W7, W11, W13),
        binds=("technocratic-committee", "board-of-peace", "pa"),
        topics={T.GOVERNANCE, T.RECONSTRUCTION},
        note="The handover to the PA needs both the completed reform and the capacity to take "
        "control; the reform programme is the one set out in earlier proposals (Trump's 2020 "
        "plan and the Saudi-French proposal).",
    ),
    Provision(
        10,
        "An economic development plan",
        "A 'Trump economic development plan' to rebuild and energise Gaza is to be drawn up by a "
        "panel of experts associated with the region's modern 'miracle cities', taking account of "
        "investment and development proposals already put forward.",
        _src(10, W19),
        binds=(),
        topics={T.ECONOMY, T.RECONSTRUCTION},
        obligor_note=NO_OBLIGOR,
    ),
    Provision(
        11,
        "A special economic zone",
        "A special economic zone is to be set up, with preferential tariff and access rates negotiated "
        "with the countries taking part.",
        _src(11),
        binds=(),
        topics={T.ECONOMY},
        obligor_note=NO_OBLIGOR,
    ),
    Provision(
        12,
        "Free to stay, free to return",
        "Nobody is made to leave Gaza; anyone who leaves may come back; people are to be encouraged to "
        "stay.",
        _src(12),
        binds=(),
        topics={T.MOVEMENT},
        obligor_note=NO_OBLIGOR,
    ),
    Provision(
        13,
        "No governing role for Hamas; demilitarisation",
        "Hamas and the other factions agree to take no part, direct or indirect, in governing Gaza. "
        "All military, terror and offensive infrastructure, tunnels and weapon workshops included, is "
        "destroyed and not rebuilt. Independent monitors oversee demilitarisation: weapons are put "
        "beyond use for good by an agreed decommissioning process, backed by an internationally "
        "funded buy-back and reintegration scheme, all verified by the monitors. 'New Gaza' commits "
        "to building a prosperous economy and to living peacefully beside its neighbours.",
        _src(13, W3, W14),
        binds=("hamas", "other-factions", "monitors"),
        topics={T.GOVERNANCE, T.DEMILITARISATION},
    ),
    Provision(
        14,
        "A regional guarantee",
        "Regional partners guarantee that Hamas and the factions keep their obligations and that "
        "'New Gaza' threatens neither its neighbours nor its own people.",
        _src(14),
        binds=("guarantors",),
        topics={T.SECURITY},
        note="The text names no guarantor.",
    ),
    Provision(
        15,
        "An International Stabilization Force",
        "The US works with Arab and international partners to build a temporary International "
        "Stabilization Force that deploys at once. It trains and supports vetted Palestinian police, "
        "consulting Jordan and Egypt, and with Israel, Egypt and the newly trained police secures the "
        "border areas, keeping munitions out and speeding goods for rebuilding. The parties agree a "
        "deconfliction mechanism.",
        _src(15, W3),
        binds=("us", "isf", "palestinian-police", "israel", "egypt"),
        topics={T.SECURITY},
        wording=P,
    ),
    Provision(
        16,
        "Withdrawal tied to demilitarisation",
        "Israel will not occupy or annex Gaza. As the ISF brings control and stability, Israeli forces "
        "withdraw by 'standards, milestones, and time frames' linked to demilitarisation, agreed among "
        "the IDF, the ISF, the guarantors and the US, so that Gaza no longer threatens Israel, Egypt or "
        "their citizens. Israeli forces hand the ground they hold to the ISF step by step, under an "
        "agreement with the transitional authority, until they have withdrawn fully, except for a "
        "presence on a security perimeter kept until Gaza is judged secure against any renewed terror "
        "threat.",
        _src(16, W7, W8, W12),
        binds=("israel", "isf", "guarantors", "us"),
        topics={T.WITHDRAWAL, T.SECURITY},
        wording=P,
    ),
    Provision(
        17,
        "If Hamas delays or rejects",
        "Should Hamas delay or reject the proposal, what the plan sets out, the enlarged aid operation "
        "included, goes ahead in the terror-free areas that Israeli forces hand over to the ISF.",
        (WH.at(17), W1.at(17), W16.at(17)),
        binds=("israel", "isf"),
        nature=Nature.FALLBACK,
        topics={T.CONTINGENCY, T.AID},
        wording=P,
    ),
    Provision(
        18,
        "An interfaith dialogue",
        "An interfaith dialogue grounded in tolerance and peaceful co-existence is to be set up, aiming "
        "to change how Palestinians and Israelis think and speak of each other by stressing what peace "
        "brings.",
        _src(18),
        binds=(),
        topics={T.DIALOGUE},
        wording=P,
        obligor_note=NO_OBLIGOR,
    ),
    Provision(
        19,
        "A possible pathway to statehood",
        "While redevelopment advances and once the PA reform programme has been faithfully carried "
        "out, the conditions may exist for a 'credible pathway' to Palestinian self-determination and "
        "statehood, which the plan recognises as the Palestinian people's aspiration.",
        _src(19, W13),
        binds=(),
        nature=Nature.ASPIRATION,
        topics={T.POLITICAL_HORIZON},
        wording=P,
        note="Hedged ('may'): not a commitment. Israel's prime minister said statehood is not in the "
        "agreement [R2].",
    ),
    Provision(
        20,
        "A US-convened political dialogue",
        "The US sets up a dialogue between Israel and the Palestinians to agree a 'political horizon' "
        "for living side by side in peace and prosperity.",
        _src(20, W13),
        binds=("us",),
        topics={T.DIALOGUE, T.POLITICAL_HORIZON},
        wording=P,
    ),
)
