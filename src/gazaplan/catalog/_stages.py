"""The later stages (perimeter, reconstruction, PA reform, political horizon) and the point-17
fallback: the library's grouping of the points, each with a ``basis`` saying so.
"""

from __future__ import annotations

from ..core.conditions import AllOf, PhaseComplete
from ..core.obligations import Path, Phase
from ._rules import (
    ACHIEVEMENT,
    CEASEFIRE,
    DECOMMISSIONED,
    ISF_HOLDS_GROUND,
    ISF_IN_PLACE,
    at_or_beyond,
    established,
    flag,
    hamas_rejects,
    ob,
)
from ._sources import R15, WH

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
            kind=ACHIEVEMENT,
            basis="Point 16: the remaining ground is handed to the ISF down to the perimeter, a movement to complete.",
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
            kind=ACHIEVEMENT,
            basis="Point 10: an economic development plan is drawn up, done once.",
            completion=flag("development_plan_adopted", 10, "development plan drawn up"),
        ),
        ob(
            "p11-economic-zone",
            11,
            "Set up the special economic zone",
            (),
            kind=ACHIEVEMENT,
            basis="Point 11: a special economic zone is set up, done once.",
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
            kind=ACHIEVEMENT,
            basis="Point 9: the PA completes its reform programme, done once.",
            completion=flag("pa_reform_complete", 9, "PA reform complete"),
        ),
        ob(
            "p9-handover-to-pa",
            9,
            "Hand control of Gaza back to the PA once it is reformed and able",
            (),
            kind=ACHIEVEMENT,
            basis="Point 9: control passes back to the PA once it is reformed and able, done once.",
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
            kind=ACHIEVEMENT,
            basis="Point 20: the US establishes a dialogue, done once it is under way.",
            completion=flag("political_dialogue_started", 20, "US-convened dialogue under way"),
        ),
        ob(
            "p18-interfaith-dialogue",
            18,
            "Set up the interfaith dialogue",
            (),
            kind=ACHIEVEMENT,
            basis="Point 18: an interfaith dialogue process is set up, done once it is under way.",
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
            kind=ACHIEVEMENT,
            basis="Point 17: areas are handed to the ISF and the plan proceeds there, judged as the hand-over done.",
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

LATER_STAGES = (PERIMETER, RECONSTRUCTION, PA_REFORM, POLITICAL_HORIZON, FALLBACK)
