"""The withdrawal lines, the exchange and aid terms, and the conditions the phases are built from.

Each condition carries the point it comes from. Where a phase or a condition is the library's
reading rather than the text's, the phase's ``basis`` says so.
"""

from __future__ import annotations

from ..core.conditions import AllOf, AtLeast, AtMost, Condition, Equals, Not, OneOf, Term, Times
from ..core.facts import Crossing, GovernanceRole, Progress
from ..core.obligations import Obligation, ObligationKind
from ..core.parties import Response
from ..core.sources import Claim, Sourced
from ..core.terms import AidTerms, ExchangeTerms, WithdrawalLine
from ._sources import FT, R7, R8, R14, R15, R16, R17, R18, R19, R21, R22, W1, W4, WH

LINE_ORDER = ("front", "yellow", "second", "perimeter", "full")


def at_or_beyond(line: str, point: int, label: str) -> OneOf:
    """Israeli forces are at *line* or further out."""
    return OneOf("idf_line", LINE_ORDER[LINE_ORDER.index(line) :], point=point, label=label)


def flag(fact: str, point: int, label: str, value: bool = True) -> Equals:
    """A yes/no fact has the given value."""
    return Equals(fact, value, point=point, label=label)


def established(body: str, point: int, label: str) -> Equals:
    """A body is established."""
    return Equals(f"established.{body}", True, point=point, label=label)


BOTH_ACCEPT = AllOf(
    (
        Equals("response.israel", Response.ACCEPTED, label="Israel accepts the plan"),
        Equals("response.hamas", Response.ACCEPTED, label="Hamas accepts the plan"),
    ),
    point=3,
    label="both sides accept the plan",
)
ISRAEL_ACCEPTED = Equals(
    "response.israel", Response.ACCEPTED, point=4, label="Israel has publicly accepted"
)
ALL_HOSTAGES_BACK = Equals(
    "hostages_held", 0, point=4, label="every hostage, living and deceased, returned"
)
PRISONER_TRIGGER = Equals("hostages_held", 0, point=5, label="all hostages released")
REMAINS_TRIGGER = AtLeast(
    "israeli_hostage_remains_returned",
    1,
    point=5,
    label="remains of an Israeli hostage handed over",
)
PRISONERS_FREED = AllOf(
    (
        AtLeast(
            "life_sentence_prisoners_released",
            Term("exchange.life_sentence_prisoners"),
            label="life-sentence prisoners freed",
        ),
        AtLeast(
            "gaza_detainees_released",
            Term("exchange.gaza_detainees"),
            label="Gazans detained after 7 October 2023 freed",
        ),
        flag("detained_women_children_released", 5, "all detained women and children freed"),
    ),
    point=5,
    label="prisoners freed as point 5 sets out",
)
REMAINS_MATCHED = AtLeast(
    "gazan_remains_returned",
    Times(Term("exchange.remains_ratio"), "israeli_hostage_remains_returned"),
    point=5,
    label="Gazan remains returned at the ratio",
)
CEASEFIRE = flag("ceasefire_in_force", 3, "military operations suspended")
AT_FIRST_LINE = at_or_beyond("yellow", 3, "Israeli forces at or beyond the agreed first line")
NO_GOVERNANCE_ROLE = Equals(
    "hamas_governance_role",
    GovernanceRole.NONE,
    point=13,
    label="Hamas and the factions have no governing role",
)
DECOMMISSIONED = AllOf(
    (
        Equals("decommissioning", Progress.COMPLETE, label="weapons put beyond use"),
        flag("decommissioning_verified", 13, "verified by the independent monitors"),
    ),
    point=13,
    label="decommissioning complete and verified",
)
ISF_IN_PLACE = AllOf(
    (established("isf", 15, "the ISF is set up"), flag("isf_deployed", 15, "the ISF is deployed")),
    point=15,
    label="the ISF is set up and deployed",
)
ISF_HOLDS_GROUND = Not(AtMost("isf_control_pct", 0), point=16, label="the ISF holds some of Gaza")
ISF_TAKES_OVER = AllOf(
    (ISF_IN_PLACE, flag("withdrawal_standards_agreed", 16, "withdrawal standards agreed")),
    point=16,
    label="the ISF takes over under agreed standards",
)

LINES = (
    WithdrawalLine(
        "front",
        "Front lines at acceptance",
        0,
        "Where Israeli forces stood when the plan was accepted; point 3 freezes these lines until the "
        "conditions for withdrawal are met.",
        (WH.at(3),),
        advance=BOTH_ACCEPT,
    ),
    WithdrawalLine(
        "yellow",
        "First ('yellow') line",
        1,
        "Point 3's 'agreed upon line', which the text does not draw. The map released with the plan "
        "showed three lines; Trump's more detailed 4 Oct map called it the initial withdrawal line and "
        "US officials then called it the 'yellow line'.",
        (WH.at(3), R15, R19, R14),
        israeli_share=(
            Claim(
                53.0,
                "Israeli officials (PM's office; Times of Israel; Israeli spokeswoman)",
                (R8, R17, R22),
            ),
            Claim(53.0, "The Guardian", (R16,), note="weak provenance (a reprint)"),
            Claim(58.0, "Al Jazeera's Sanad unit, measuring Trump's 4 Oct map", (R14,)),
        ),
        advance=ISF_TAKES_OVER,
        also_called=("initial withdrawal line", "yellow line"),
    ),
    WithdrawalLine(
        "second",
        "Second line",
        2,
        "A further line shown on the plan's 29 Sep map, to which forces pull back as the ISF takes over; "
        "the reporting calls it the 'red line'. The share of Gaza it leaves under Israeli control is "
        "unknown: one reading of the map (the BBC, R22) gives about 40%, and a single reading is "
        "not confirmed.",
        (R15, R22),
        advance=AllOf(
            (DECOMMISSIONED, ISF_IN_PLACE), point=16, label="demilitarisation milestones met"
        ),
        also_called=("red line",),
    ),
    WithdrawalLine(
        "perimeter",
        "Security perimeter",
        3,
        "The perimeter presence point 16 keeps until Gaza is judged secure against a renewed terror "
        "threat; the text sets no test for that judgement, so no condition for leaving it is encoded. "
        "Its share of Gaza is unknown: one reading of the map (the BBC, R22) gives about 15%, and a "
        "single reading is not confirmed.",
        (WH.at(16), R15, R22),
    ),
    WithdrawalLine(
        "full",
        "Full withdrawal",
        4,
        "No Israeli forces left in Gaza (point 16).",
        (WH.at(16),),
        israeli_share=(Claim(0.0, "the definition of full withdrawal in point 16", (WH.at(16),)),),
    ),
)

EXCHANGE = ExchangeTerms(
    hostages_living=Sourced(
        20, (FT, R7, R21), "FT: 20 of the 48 believed alive; the phase-one terms counted 20 living"
    ),
    hostages_deceased=Sourced(
        28, (R7, FT), "the phase-one terms counted 28 deceased (48 held, 20 believed alive)"
    ),
    hostage_window_hours=Sourced(72, (WH.at(4), W1.at(4), W4.at(4))),
    hostage_clock="from Israel's public acceptance of the agreement (point 4)",
    life_sentence_prisoners=Sourced(250, (WH.at(5), W1.at(5))),
    gaza_detainees=Sourced(1700, (WH.at(5), W1.at(5))),
    women_and_children="all women and children detained in that context, counted within the 1,700 (point 5)",
    remains_ratio=Sourced(15, (WH.at(5), W1.at(5))),
    remains_ratio_basis="per Israeli hostage whose remains are released, as point 5 words it",
    hostage_trigger=BOTH_ACCEPT,
    prisoner_trigger=PRISONER_TRIGGER,
    remains_trigger=REMAINS_TRIGGER,
)

AID = AidTerms(
    trucks_per_day=Sourced(
        600,
        (WH.at(7), R18),
        "The plan states no number: it asks for at least the quantities of the 19 January 2025 "
        "agreement, which set 600 trucks a day [R18].",
    ),
    rafah=Sourced(Crossing.BOTH_WAYS, (WH.at(8),)),
    channels="the UN and its agencies, the Red Crescent and other international bodies tied to neither side (point 8)",
)


NOBODY = "The text is passive and names nobody who must act."


ACHIEVEMENT, MAINTENANCE = ObligationKind.ACHIEVEMENT, ObligationKind.MAINTENANCE


def ob(
    id: str,
    point: int,
    action: str,
    obligors: tuple[str, ...],
    *,
    kind: ObligationKind,
    basis: str,
    **kw: object,
) -> Obligation:
    """An obligation; the trigger defaults to both sides accepting (the plan in force, point 3).

    Its *kind* is read from the wording of its point, which *basis* paraphrases; the source is the
    point in the published text.
    """
    kw.setdefault("trigger", BOTH_ACCEPT)
    if not obligors:
        kw.setdefault("obligor_note", NOBODY)
    kw["kind_basis"] = Sourced(basis, (WH.at(point),))
    return Obligation(id, action, point, obligors, kind=kind, **kw)  # type: ignore[arg-type]


def hamas_rejects() -> Condition:
    """Point 17's trigger as far as a single state can show it (a delay needs a timeline)."""
    return Equals("response.hamas", Response.REJECTED, point=17, label="Hamas rejects the proposal")
