"""Phases 1 and 2 and the obligations in them.

The 20 points number no phases. Phase 1 and phase 2 are the negotiators' and the FT's; the later
stages and the point-17 fallback (``_stages``) are the library's grouping of the points, which
each phase's ``basis`` states.
"""

from __future__ import annotations

from ..core.conditions import AllOf, AtLeast, Equals, Not, PhaseComplete, Term, Times
from ..core.facts import Crossing, Progress
from ..core.obligations import Deadline, Measure, Phase
from ._rules import (
    ACHIEVEMENT,
    AT_FIRST_LINE,
    BOTH_ACCEPT,
    CEASEFIRE,
    DECOMMISSIONED,
    ISF_IN_PLACE,
    ISF_TAKES_OVER,
    ISRAEL_ACCEPTED,
    MAINTENANCE,
    NO_GOVERNANCE_ROLE,
    NOBODY,
    PRISONER_TRIGGER,
    PRISONERS_FREED,
    REMAINS_MATCHED,
    REMAINS_TRIGGER,
    at_or_beyond,
    established,
    flag,
    ob,
)
from ._sources import FT, WH
from ._stages import LATER_STAGES

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
            kind=MAINTENANCE,
            basis="Point 3: operations are suspended and the front lines stay frozen until the conditions for the staged withdrawal are met, a state to keep, not a single act.",
            completion=CEASEFIRE,
        ),
        ob(
            "p3-withdraw-to-first-line",
            3,
            "Pull forces back to the agreed first line",
            ("israel",),
            kind=ACHIEVEMENT,
            basis="Point 3: forces withdraw to the agreed line, one movement to complete.",
            completion=AT_FIRST_LINE,
        ),
        ob(
            "p4-return-hostages",
            4,
            "Return every hostage, living and deceased",
            (),
            kind=ACHIEVEMENT,
            basis="Point 4: all hostages are returned within a deadline, done once.",
            owed_to=("israel",),
            completion=Equals("hostages_held", 0, point=4, label="all hostages returned"),
            measures=(
                Measure(
                    "hostages_living_returned", Term("exchange.hostages_living"), "living hostages"
                ),
                Measure(
                    "hostages_deceased_returned",
                    Term("exchange.hostages_deceased"),
                    "deceased hostages",
                ),
            ),
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
            kind=ACHIEVEMENT,
            basis="Point 5: the listed prisoners are released once the hostages are, done once.",
            trigger=PRISONER_TRIGGER,
            completion=PRISONERS_FREED,
            measures=(
                Measure(
                    "life_sentence_prisoners_released",
                    Term("exchange.life_sentence_prisoners"),
                    "life-sentence prisoners",
                ),
                Measure(
                    "gaza_detainees_released", Term("exchange.gaza_detainees"), "Gaza detainees"
                ),
            ),
        ),
        ob(
            "p5-return-remains",
            5,
            "Return the remains of deceased Gazans at the agreed ratio",
            ("israel",),
            kind=ACHIEVEMENT,
            basis="Point 5: remains are released at a ratio to the hostages' remains returned, a count to reach.",
            trigger=REMAINS_TRIGGER,
            measures=(
                Measure(
                    "gazan_remains_returned",
                    Times(Term("exchange.remains_ratio"), "israeli_hostage_remains_returned"),
                    "remains of deceased Gazans",
                ),
            ),
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
            kind=MAINTENANCE,
            basis="Point 7: full aid is sent in at once, at least at the volume of the January 2025 agreement, a level to keep up, not a single delivery.",
            owed_to=("gaza-population",),
            measures=(
                Measure("aid_trucks_per_day", Term("aid.trucks_per_day"), "aid trucks a day"),
            ),
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
            kind=MAINTENANCE,
            basis="Point 8: aid enters and is distributed without interference from either party, a standing condition.",
            completion=flag("aid_via_neutral_bodies", 8, "aid distributed by neutral bodies"),
        ),
        ob(
            "p8-open-rafah",
            8,
            "Open the Rafah crossing in both directions",
            (),
            kind=MAINTENANCE,
            basis="Point 8: the Rafah crossing opens in both directions, a state to keep, under the January 2025 mechanism.",
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


ALL_BACK = Equals("hostages_held", 0, point=6, label="every hostage returned")


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
            kind=ACHIEVEMENT,
            basis="Point 9: the Board of Peace is set up, done once.",
            completion=established("board-of-peace", 9, "the Board of Peace exists"),
        ),
        ob(
            "p9-committee",
            9,
            "Set up the technocratic Palestinian committee",
            (),
            kind=ACHIEVEMENT,
            basis="Point 9: the transitional committee is set up, done once.",
            completion=established("technocratic-committee", 9, "the committee exists"),
        ),
        ob(
            "p13-leave-governance",
            13,
            "Take no part, direct or indirect, in governing Gaza",
            ("hamas", "other-factions"),
            kind=MAINTENANCE,
            basis="Point 13: Hamas and the factions stay out of Gaza's governance entirely, a standing commitment.",
            completion=NO_GOVERNANCE_ROLE,
        ),
        ob(
            "p13-destroy-infrastructure",
            13,
            "Destroy military, terror and offensive infrastructure",
            (),
            kind=ACHIEVEMENT,
            basis="Point 13: the infrastructure is destroyed (and not rebuilt, which would undo it), done once.",
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
            kind=ACHIEVEMENT,
            basis="Point 13: weapons are put permanently beyond use by an agreed process, done once.",
            completion=DECOMMISSIONED,
        ),
        ob(
            "p6-amnesty",
            6,
            "Grant amnesty to members who commit to co-existence and to decommissioning",
            (),
            kind=ACHIEVEMENT,
            basis="Point 6: members who commit receive amnesty, an offer to make once the hostages are back.",
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
            kind=ACHIEVEMENT,
            basis="Point 6: members who wish to leave get safe passage, an offer to make once the hostages are back.",
            trigger=ALL_BACK,
            completion=flag("safe_passage_offered", 6, "safe passage offered"),
            obligor_note="The text does not say who provides the safe passage.",
        ),
        ob(
            "p14-guarantee",
            14,
            "Guarantee that Hamas and the factions comply",
            ("guarantors",),
            kind=ACHIEVEMENT,
            basis="Point 14: regional partners give a guarantee, an act; what it guarantees is owed by others.",
            completion=flag("guarantee_given", 14, "guarantee given"),
        ),
        ob(
            "p15-build-isf",
            15,
            "Develop the ISF with Arab and international partners and deploy it",
            ("us",),
            kind=ACHIEVEMENT,
            basis="Point 15: the US develops the ISF with partners and it deploys, done once.",
            completion=ISF_IN_PLACE,
        ),
        ob(
            "p15-train-police",
            15,
            "Train and support vetted Palestinian police",
            ("isf",),
            kind=ACHIEVEMENT,
            basis="Point 15: the ISF trains and supports vetted police; the library judges the force being set up, done once.",
            trigger=ISF_IN_PLACE,
            completion=established("palestinian-police", 15, "the police force exists"),
        ),
        ob(
            "p15-deconfliction",
            15,
            "Agree a deconfliction mechanism",
            (),
            kind=ACHIEVEMENT,
            basis="Point 15: the parties agree a deconfliction mechanism, done once.",
            completion=flag("deconfliction_agreed", 15, "deconfliction mechanism agreed"),
            obligor_note="The text says 'the parties' without naming them.",
        ),
        ob(
            "p16-agree-standards",
            16,
            "Agree the standards, milestones and time frames for withdrawal",
            ("israel", "isf", "guarantors", "us"),
            kind=ACHIEVEMENT,
            basis="Point 16: the withdrawal standards, milestones and time frames are agreed, done once.",
            completion=flag("withdrawal_standards_agreed", 16, "withdrawal standards agreed"),
        ),
        ob(
            "p16-hand-over",
            16,
            "Withdraw to the second line as the ISF takes over",
            ("israel",),
            kind=ACHIEVEMENT,
            basis="Point 16: forces withdraw as the ISF takes control, a movement to complete.",
            owed_to=("isf",),
            trigger=ISF_TAKES_OVER,
            completion=at_or_beyond("second", 16, "Israeli forces at or beyond the second line"),
        ),
        ob(
            "p16-no-annexation",
            16,
            "Neither occupy nor annex Gaza",
            ("israel",),
            kind=MAINTENANCE,
            basis="Point 16: Israel will not occupy or annex Gaza, a standing prohibition.",
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
            kind=MAINTENANCE,
            basis="Point 12: nobody is forced to leave and those who leave may return, a standing condition.",
            completion=flag("free_to_leave_and_return", 12, "departure free and return allowed"),
        ),
    ),
    provisions=(6, 9, 12, 13, 14, 15, 16),
    sources=(FT, WH.at(13), WH.at(16)),
    basis="FT: phase two is Hamas's disarmament and Gaza's demilitarisation (as Israel's PM put it), with "
    "gradual Israeli withdrawal on time frames linked to demilitarisation (as the US proposals have it). "
    "Entry on phase 1's completion is this library's reading; the sources state no formal trigger.",
)

PHASES = (PHASE_1, PHASE_2, *LATER_STAGES)
