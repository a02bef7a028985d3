"""The phases and the obligations in them.

The 20 points number no phases. Phase 1 and phase 2 are the negotiators' and the FT's; the later
stages (perimeter, reconstruction, PA reform, political horizon) and the point-17 fallback are the
library's grouping of the points, which each phase's ``basis`` states.
"""

from __future__ import annotations

from ..conditions import AllOf, AtLeast, Equals, Not, PhaseComplete, Term
from ..facts import Crossing, Progress
from ..obligations import Deadline, Obligation, Path, Phase
from ._rules import (
    AT_FIRST_LINE,
    BOTH_ACCEPT,
    CEASEFIRE,
    DECOMMISSIONED,
    ISF_HOLDS_GROUND,
    ISF_IN_PLACE,
    ISF_TAKES_OVER,
    ISRAEL_ACCEPTED,
    NO_GOVERNANCE_ROLE,
    PRISONER_TRIGGER,
    PRISONERS_FREED,
    REMAINS_MATCHED,
    REMAINS_TRIGGER,
    at_or_beyond,
    established,
    flag,
    hamas_rejects,
)
from ._sources import FT, R15, WH

NOBODY = "The text is passive and names nobody who must act."
ALL_BACK = Equals("hostages_held", 0, point=6, label="every hostage returned")


def ob(id: str, point: int, action: str, obligors: tuple[str, ...], **kw: object) -> Obligation:
    """An obligation; the trigger defaults to both sides accepting (the plan in force, point 3)."""
    kw.setdefault("trigger", BOTH_ACCEPT)
    if not obligors:
        kw.setdefault("obligor_note", NOBODY)
    return Obligation(id, action, point, obligors, **kw)  # type: ignore[arg-type]


PHASE_1 = Phase(
    "phase-1",
    "Ceasefire, first pull-back and exchange",
    "The war stops, Israeli forces pull back to the first line, the hostages come home, Israel frees "
    "prisoners and returns remains, and aid is surged.",
    entry=BOTH_ACCEPT,
    completion=AllOf(
        (
            CEASEFIRE,
            AT_FIRST_LINE,
            Equals("hostages_held", 0, point=4, label="all hostages returned"),
            PRISONERS_FREED,
            REMAINS_MATCHED,
        ),
        label="phase 1 done",
    ),
    obligations=(
        ob(
            "p3-suspend-operations",
            3,
            "Suspend military operations, air and artillery strikes included, "
            "and keep the front lines frozen",
            (),
            completion=CEASEFIRE,
        ),
        ob(
            "p3-withdraw-to-first-line",
            3,
            "Pull forces back to the agreed first line",
            ("israel",),
            completion=AT_FIRST_LINE,
        ),
        ob(
            "p4-return-hostages",
            4,
            "Return every hostage, living and deceased",
            (),
            owed_to=("israel",),
            completion=Equals("hostages_held", 0, point=4, label="all hostages returned"),
            deadline=Deadline(
                Term("exchange.hostage_window_hours"),
                since=ISRAEL_ACCEPTED,
                note="The text counts the 72 hours from Israel's public acceptance.",
            ),
            obligor_note=NOBODY + " The hostages were held by Hamas and other groups.",
        ),
        ob(
            "p5-release-prisoners",
            5,
            "Free the prisoners point 5 lists",
            ("israel",),
            trigger=PRISONER_TRIGGER,
            completion=PRISONERS_FREED,
        ),
        ob(
            "p5-return-remains",
            5,
            "Return the remains of deceased Gazans at the agreed ratio",
            ("israel",),
            trigger=REMAINS_TRIGGER,
            completion=AllOf(
                (REMAINS_TRIGGER, REMAINS_MATCHED),
                point=5,
                label="Gazan remains returned for the Israeli hostages' remains received",
            ),
        ),
        ob(
            "p7-full-aid",
            7,
            "Let full aid in at once, at least at the 19 January 2025 volume",
            (),
            owed_to=("gaza-population",),
            completion=AtLeast(
                "aid_trucks_per_day",
                Term("aid.trucks_per_day"),
                point=7,
                label="aid at or above the agreed daily volume",
            ),
        ),
        ob(
            "p8-neutral-distribution",
            8,
            "Let the UN, the Red Crescent and neutral bodies distribute aid without interference",
            ("israel", "hamas"),
            completion=flag("aid_via_neutral_bodies", 8, "aid distributed by neutral bodies"),
        ),
        ob(
            "p8-open-rafah",
            8,
            "Open the Rafah crossing in both directions",
            (),
            completion=Equals(
                "rafah_crossing", Crossing.BOTH_WAYS, point=8, label="Rafah open both ways"
            ),
        ),
    ),
    provisions=(3, 4, 5, 7, 8),
    sources=(FT, WH.at(3), WH.at(4), WH.at(5)),
    basis="FT: phase one is the pull-back to an initial line, the ceasefire declaration and the hostage "
    "release, with a prisoner release; its terms are those of points 3-8.",
)


PHASE_2 = Phase(
    "phase-2",
    "Governance, stabilisation force and demilitarisation",
    "Transitional governance under the Board of Peace, the ISF and police, Hamas's exit from "
    "governance, decommissioning under monitors, amnesty, and withdrawal linked to demilitarisation.",
    entry=PhaseComplete("phase-1", label="phase 1 complete"),
    completion=AllOf(
        (
            NO_GOVERNANCE_ROLE,
            DECOMMISSIONED,
            ISF_IN_PLACE,
            at_or_beyond("second", 16, "Israeli forces at or beyond the second line"),
        ),
        label="phase 2 done",
    ),
    obligations=(
        ob(
            "p9-board-of-peace",
            9,
            "Set up the Board of Peace",
            (),
            completion=established("board-of-peace", 9, "the Board of Peace exists"),
        ),
        ob(
            "p9-committee",
            9,
            "Set up the technocratic Palestinian committee",
            (),
            completion=established("technocratic-committee", 9, "the committee exists"),
        ),
        ob(
            "p13-leave-governance",
            13,
            "Take no part, direct or indirect, in governing Gaza",
            ("hamas", "other-factions"),
            completion=NO_GOVERNANCE_ROLE,
        ),
        ob(
            "p13-destroy-infrastructure",
            13,
            "Destroy military, terror and offensive infrastructure",
            (),
            completion=Equals(
                "military_infrastructure_destroyed",
                Progress.COMPLETE,
                point=13,
                label="infrastructure destroyed",
            ),
        ),
        ob(
            "p13-decommission",
            13,
            "Put weapons beyond use through the agreed process, verified by monitors",
            ("hamas", "other-factions"),
            completion=DECOMMISSIONED,
        ),
        ob(
            "p6-amnesty",
            6,
            "Grant amnesty to members who commit to co-existence and to decommissioning",
            (),
            trigger=AllOf(
                (
                    ALL_BACK,
                    flag("coexistence_commitment", 6, "members commit to peaceful co-existence"),
                    flag(
                        "decommissioning_commitment",
                        6,
                        "members commit to decommissioning their weapons",
                    ),
                ),
                point=6,
                label="hostages back and both commitments made",
            ),
            completion=flag("amnesty_offered", 6, "amnesty offered"),
            obligor_note="The text does not say who grants the amnesty.",
        ),
        ob(
            "p6-safe-passage",
            6,
            "Give members who wish to leave safe passage to receiving countries",
            (),
            trigger=ALL_BACK,
            completion=flag("safe_passage_offered", 6, "safe passage offered"),
            obligor_note="The text does not say who provides the safe passage.",
        ),
        ob(
            "p14-guarantee",
            14,
            "Guarantee that Hamas and the factions comply",
            ("guarantors",),
            completion=flag("guarantee_given", 14, "guarantee given"),
        ),
        ob(
            "p15-build-isf",
            15,
            "Develop the ISF with Arab and international partners and deploy it",
            ("us",),
            completion=ISF_IN_PLACE,
        ),
        ob(
            "p15-train-police",
            15,
            "Train and support vetted Palestinian police",
            ("isf",),
            trigger=ISF_IN_PLACE,
            completion=established("palestinian-police", 15, "the police force exists"),
        ),
        ob(
            "p15-deconfliction",
            15,
            "Agree a deconfliction mechanism",
            (),
            completion=flag("deconfliction_agreed", 15, "deconfliction mechanism agreed"),
            obligor_note="The text says 'the parties' without naming them.",
        ),
        ob(
            "p16-agree-standards",
            16,
            "Agree the standards, milestones and time frames for withdrawal",
            ("israel", "isf", "guarantors", "us"),
            completion=flag("withdrawal_standards_agreed", 16, "withdrawal standards agreed"),
        ),
        ob(
            "p16-hand-over",
            16,
            "Withdraw to the second line as the ISF takes over",
            ("israel",),
            owed_to=("isf",),
            trigger=ISF_TAKES_OVER,
            completion=at_or_beyond("second", 16, "Israeli forces at or beyond the second line"),
        ),
        ob(
            "p16-no-annexation",
            16,
            "Neither occupy nor annex Gaza",
            ("israel",),
            completion=Not(
                flag("gaza_annexed", 16, "Gaza or part of it annexed"),
                point=16,
                label="no annexation",
            ),
        ),
        ob(
            "p12-free-movement",
            12,
            "Force nobody to leave Gaza and let those who leave return",
            (),
            completion=flag("free_to_leave_and_return", 12, "departure free and return allowed"),
        ),
    ),
    provisions=(6, 9, 12, 13, 14, 15, 16),
    sources=(FT, WH.at(13), WH.at(16)),
    basis="FT: phase two is Hamas's disarmament and Gaza's demilitarisation (as Israel's PM put it), with "
    "gradual Israeli withdrawal on time frames linked to demilitarisation (as the US proposals have it). "
    "Entry on phase 1's completion is this library's reading; the sources state no formal trigger.",
)

PERIMETER = Phase(
    "perimeter",
    "Withdrawal to the security perimeter",
    "Israeli forces hand the rest of the ground to the ISF and keep only the security perimeter.",
    entry=PhaseComplete("phase-2", label="phase 2 complete"),
    completion=at_or_beyond("perimeter", 16, "Israeli forces back to the security perimeter"),
    obligations=(
        ob(
            "p16-withdraw-to-perimeter",
            16,
            "Hand the remaining ground to the ISF, keeping the perimeter",
            ("israel",),
            owed_to=("isf",),
            trigger=AllOf(
                (DECOMMISSIONED, ISF_IN_PLACE), point=16, label="demilitarisation milestones met"
            ),
            completion=at_or_beyond(
                "perimeter", 16, "Israeli forces back to the security perimeter"
            ),
        ),
    ),
    provisions=(16,),
    sources=(WH.at(16), R15),
    basis="Point 16's perimeter; the plan's 29 Sep map showed it as the third line. The grouping as a "
    "phase is this library's.",
)

RECONSTRUCTION = Phase(
    "reconstruction",
    "Redevelopment and economy",
    "Rebuilding under the Board of Peace's funding framework, the economic development plan and the "
    "special economic zone.",
    entry=AllOf(
        (CEASEFIRE, established("board-of-peace", 9, "the Board of Peace exists")),
        point=9,
        label="ceasefire holding and the Board handling redevelopment funding",
    ),
    completion=AllOf(
        (
            flag("development_plan_adopted", 10, "development plan drawn up"),
            flag("economic_zone_established", 11, "economic zone set up"),
        ),
        label="reconstruction framework in place",
    ),
    obligations=(
        ob(
            "p10-development-plan",
            10,
            "Draw up the economic development plan",
            (),
            completion=flag("development_plan_adopted", 10, "development plan drawn up"),
        ),
        ob(
            "p11-economic-zone",
            11,
            "Set up the special economic zone",
            (),
            completion=flag("economic_zone_established", 11, "economic zone set up"),
        ),
    ),
    provisions=(2, 9, 10, 11),
    sources=(WH.at(10), WH.at(11)),
    basis="Points 2, 9, 10 and 11, grouped as a stage by this library; the text gives no start condition "
    "beyond the plan being in force.",
)

PA_REFORM = Phase(
    "pa-reform",
    "Palestinian Authority reform and handover",
    "The PA completes its reform programme and takes back control of Gaza from the transitional bodies.",
    entry=AllOf(
        (
            established("board-of-peace", 9, "the Board of Peace exists"),
            established("technocratic-committee", 9, "the committee exists"),
        ),
        point=9,
        label="transitional governance in place",
    ),
    completion=AllOf(
        (
            flag("pa_reform_complete", 9, "PA reform complete"),
            flag("pa_control_resumed", 9, "PA back in control"),
        ),
        label="handover done",
    ),
    obligations=(
        ob(
            "p9-pa-reform",
            9,
            "Complete the reform programme",
            ("pa",),
            completion=flag("pa_reform_complete", 9, "PA reform complete"),
        ),
        ob(
            "p9-handover-to-pa",
            9,
            "Hand control of Gaza back to the PA once it is reformed and able",
            (),
            trigger=flag("pa_reform_complete", 9, "PA reform complete"),
            completion=flag("pa_control_resumed", 9, "PA back in control"),
            obligor_note="The text says the Board's role lasts until then; it names no one who hands over.",
        ),
    ),
    provisions=(9, 19),
    sources=(WH.at(9), WH.at(19)),
    basis="Point 9's end condition for the Board of Peace's role, grouped as a stage by this library.",
)

POLITICAL_HORIZON = Phase(
    "political-horizon",
    "Political horizon",
    "Dialogue towards a political horizon and, in hedged terms, a possible pathway to statehood.",
    entry=AllOf(
        (
            flag("development_plan_adopted", 19, "redevelopment under way"),
            flag("pa_reform_complete", 19, "PA reform faithfully carried out"),
        ),
        point=19,
        label="point 19's conditions (which only 'may' open a pathway)",
    ),
    completion=AllOf(
        (
            flag("political_dialogue_started", 20, "US-convened dialogue under way"),
            flag("interfaith_dialogue_started", 18, "interfaith dialogue under way"),
        ),
        label="both dialogues under way",
    ),
    obligations=(
        ob(
            "p20-political-dialogue",
            20,
            "Convene an Israeli-Palestinian dialogue on a political horizon",
            ("us",),
            completion=flag("political_dialogue_started", 20, "US-convened dialogue under way"),
        ),
        ob(
            "p18-interfaith-dialogue",
            18,
            "Set up the interfaith dialogue",
            (),
            completion=flag("interfaith_dialogue_started", 18, "interfaith dialogue under way"),
        ),
    ),
    provisions=(18, 19, 20),
    sources=(WH.at(19), WH.at(20)),
    basis="Points 18-20. Point 19 is hedged ('may'): a MET entry here means only that its stated "
    "conditions hold, not that statehood follows. The plan sets no end state; completion is this "
    "library's reading (both dialogues under way).",
)

FALLBACK = Phase(
    "fallback-17",
    "Fallback if Hamas delays or rejects",
    "The plan, the enlarged aid operation included, goes ahead in terror-free areas handed to the ISF.",
    entry=hamas_rejects(),
    completion=ISF_HOLDS_GROUND,
    obligations=(
        ob(
            "p17-proceed-in-handed-areas",
            17,
            "Hand terror-free areas to the ISF and proceed there, aid included",
            ("israel", "isf"),
            trigger=hamas_rejects(),
            completion=ISF_HOLDS_GROUND,
        ),
    ),
    provisions=(17,),
    sources=(WH.at(17),),
    path=Path.FALLBACK,
    basis="Point 17. A single state can show a rejection but not a delay, which needs a timeline; so the "
    "entry condition here is the rejection only.",
)

PHASES = (PHASE_1, PHASE_2, PERIMETER, RECONSTRUCTION, PA_REFORM, POLITICAL_HORIZON, FALLBACK)
