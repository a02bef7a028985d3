"""The bundled plan's rules written by hand as an if-chain: the baseline for the benchmark.

It handles plain states (no contested facts), like the benchmark's states.

It must give the same verdicts and statuses as ``check_plan`` on the bundled plan; the test suite
checks that over generated states, so the benchmark compares like with like.
"""

from __future__ import annotations

from typing import Any

import gazaplan as gp
from gazaplan.core.rules import ObligationStatus, status_of

U = gp.UNKNOWN
MET, UNMET, UNK = gp.Verdict.MET, gp.Verdict.UNMET, gp.Verdict.UNKNOWN
ACC = gp.Response.ACCEPTED
FIRST = frozenset({"yellow", "second", "perimeter", "full"})
SECOND = frozenset({"second", "perimeter", "full"})
PERIMETER = frozenset({"perimeter", "full"})


def eq(v: Any, x: Any) -> gp.Verdict:
    if v is U:
        return UNK
    return MET if v == x else UNMET


def ge(v: Any, x: Any) -> gp.Verdict:
    if v is U or x is U:
        return UNK
    return MET if v >= x else UNMET


def within(v: Any, xs: frozenset[str]) -> gp.Verdict:
    if v is U:
        return UNK
    return MET if v in xs else UNMET


def both(a: gp.Verdict, b: gp.Verdict) -> gp.Verdict:
    if a is UNMET or b is UNMET:
        return UNMET
    if a is UNK or b is UNK:
        return UNK
    return MET


def every(*vs: gp.Verdict) -> gp.Verdict:
    out = MET
    for v in vs:
        if v is UNMET:
            return UNMET
        if v is UNK:
            out = UNK
    return out


def negate(v: gp.Verdict) -> gp.Verdict:
    return UNMET if v is MET else MET if v is UNMET else UNK


def check(s: gp.State) -> tuple[list[tuple[gp.Verdict, gp.Verdict]], list[ObligationStatus]]:
    """(entry, completion) per phase and the status of each obligation, in the plan's order."""
    est = s.established
    accept = both(eq(s.responses.get("israel", U), ACC), eq(s.responses.get("hamas", U), ACC))
    back = eq(s.hostages_held, 0)
    freed = every(
        ge(s.life_sentence_prisoners_released, 250),
        ge(s.gaza_detainees_released, 1700),
        eq(s.detained_women_children_released, True),
    )
    israeli_remains = s.israeli_hostage_remains_returned
    remains_due = ge(israeli_remains, 1)
    owed = U if israeli_remains is U else 15 * israeli_remains  # type: ignore[operator]  # plain states only
    matched = ge(s.gazan_remains_returned, owed)
    ceasefire = eq(s.ceasefire_in_force, True)
    line = s.idf_line
    at_first = within(line, FIRST)
    p1_done = every(ceasefire, at_first, back, freed, matched)
    no_role = eq(s.hamas_governance_role, gp.GovernanceRole.NONE)
    decom = both(eq(s.decommissioning, gp.Progress.COMPLETE), eq(s.decommissioning_verified, True))
    isf = both(eq(est.get("isf", U), True), eq(s.isf_deployed, True))
    at_second = within(line, SECOND)
    p2_done = every(no_role, decom, isf, at_second)
    standards = eq(s.withdrawal_standards_agreed, True)
    board = eq(est.get("board-of-peace", U), True)
    committee = eq(est.get("technocratic-committee", U), True)
    plan_dev = eq(s.development_plan_adopted, True)
    zone = eq(s.economic_zone_established, True)
    reform = eq(s.pa_reform_complete, True)
    control = eq(s.pa_control_resumed, True)
    talks = eq(s.political_dialogue_started, True)
    faith = eq(s.interfaith_dialogue_started, True)
    rejects = eq(s.responses.get("hamas", U), gp.Response.REJECTED)
    isf_share = s.isf_control_pct
    isf_holds = UNK if isf_share is U else (MET if isf_share > 0 else UNMET)  # type: ignore[operator]
    at_perimeter = within(line, PERIMETER)

    phases = [
        (accept, p1_done),
        (p1_done, p2_done),
        (p2_done, at_perimeter),
        (both(ceasefire, board), both(plan_dev, zone)),
        (both(board, committee), both(reform, control)),
        (both(plan_dev, reform), both(talks, faith)),
        (rejects, isf_holds),
    ]
    pairs = [
        (accept, ceasefire),
        (accept, at_first),
        (accept, back),
        (back, freed),
        (remains_due, both(remains_due, matched)),
        (accept, ge(s.aid_trucks_per_day, 600)),
        (accept, eq(s.aid_via_neutral_bodies, True)),
        (accept, eq(s.rafah_crossing, gp.Crossing.BOTH_WAYS)),
        (accept, board),
        (accept, committee),
        (accept, no_role),
        (accept, eq(s.military_infrastructure_destroyed, gp.Progress.COMPLETE)),
        (accept, decom),
        (
            every(back, eq(s.coexistence_commitment, True), eq(s.decommissioning_commitment, True)),
            eq(s.amnesty_offered, True),
        ),
        (back, eq(s.safe_passage_offered, True)),
        (accept, eq(s.guarantee_given, True)),
        (accept, isf),
        (isf, eq(est.get("palestinian-police", U), True)),
        (accept, eq(s.deconfliction_agreed, True)),
        (accept, standards),
        (both(isf, standards), at_second),
        (accept, negate(eq(s.gaza_annexed, True))),
        (accept, eq(s.free_to_leave_and_return, True)),
        (both(decom, isf), at_perimeter),
        (accept, plan_dev),
        (accept, zone),
        (accept, reform),
        (reform, control),
        (accept, talks),
        (accept, faith),
        (rejects, isf_holds),
    ]
    return phases, [status_of(t, c) for t, c in pairs]


def engine(
    plan: gp.Plan, s: gp.State
) -> tuple[list[tuple[gp.Verdict, gp.Verdict]], list[ObligationStatus]]:
    """The same answers from the library, for comparison."""
    report = gp.check_plan(plan, s, trace=False)
    return [(r.verdict, r.completion.verdict) for r in report.phases], [
        o.status for o in report.obligations
    ]
