"""Evaluation: Kleene laws on conditions, information monotonicity, totality, traced == fast."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp

from ..support.strategies import PLAN, conditions, full_states, hide, state_pairs, states

MET, UNMET, UNK = gp.Verdict.MET, gp.Verdict.UNMET, gp.Verdict.UNKNOWN


def v(cond: gp.Condition, state: gp.State) -> gp.Verdict:
    return gp.evaluate(cond, state).verdict


@given(conditions(), conditions(), states())
def test_de_morgan_on_conditions(a: gp.Condition, b: gp.Condition, s: gp.State) -> None:
    assert v(gp.Not(gp.AllOf((a, b))), s) is v(gp.AnyOf((gp.Not(a), gp.Not(b))), s)
    assert v(gp.Not(gp.AnyOf((a, b))), s) is v(gp.AllOf((gp.Not(a), gp.Not(b))), s)


@given(conditions(), states())
def test_double_negation_and_identities(a: gp.Condition, s: gp.State) -> None:
    assert v(gp.Not(gp.Not(a)), s) is v(a, s)
    assert v(gp.AllOf((a,)), s) is v(a, s)
    assert v(gp.AnyOf((a,)), s) is v(a, s)
    assert v(gp.AllOf((a, gp.AllOf(()))), s) is v(a, s)  # MET is the identity of AND
    assert v(gp.AnyOf((a, gp.AnyOf(()))), s) is v(a, s)  # UNMET is the identity of OR


@given(conditions(known=False), state_pairs())
def test_information_monotonicity(cond: gp.Condition, pair: tuple[gp.State, gp.State]) -> None:
    """Learning facts never flips MET or UNMET; only UNKNOWN can resolve. (``Known`` asks about
    the information itself and is the documented exception: see the next test.)"""
    partial, full = pair
    before, after = v(cond, partial), v(cond, full)
    if before is not UNK:
        assert after is before


def test_known_is_the_exception_to_monotonicity() -> None:
    assert v(gp.Known("ceasefire_in_force"), gp.State()) is UNMET
    assert v(gp.Known("ceasefire_in_force"), gp.State(ceasefire_in_force=False)) is MET


@given(state_pairs())
def test_information_monotonicity_on_the_bundled_plan(pair: tuple[gp.State, gp.State]) -> None:
    partial, full = pair
    for where, cond in PLAN.conditions():
        before = gp.evaluate(cond, partial, plan=PLAN).verdict
        if before is not UNK:
            assert gp.evaluate(cond, full, plan=PLAN).verdict is before, where


@given(full_states())
def test_a_fully_known_state_decides_every_plan_condition(s: gp.State) -> None:
    for where, cond in PLAN.conditions():
        assert gp.evaluate(cond, s, plan=PLAN).verdict is not UNK, where


@given(conditions(), states())
def test_traced_and_fast_paths_agree(cond: gp.Condition, s: gp.State) -> None:
    traced = gp.evaluate(cond, s)
    assert gp.evaluate(cond, s, trace=False).verdict is traced.verdict
    assert gp.evaluate(cond, s).verdict is traced.verdict  # deterministic
    for node in traced.walk():  # every node's verdict follows from its children
        if isinstance(node.condition, gp.AllOf):
            assert node.verdict is gp.truth.all_of(c.verdict for c in node.children)


@given(conditions(), states())
def test_blockers_explain_every_verdict_but_met(cond: gp.Condition, s: gp.State) -> None:
    ev = gp.evaluate(cond, s)
    blockers = ev.blockers()
    if ev.verdict is MET:
        assert blockers == ()
    else:
        assert blockers, "a verdict other than MET names at least one leaf"
        effects = {b.effect for b in blockers}
        if ev.verdict is UNMET:
            assert UNMET in effects
        else:
            assert effects == {UNK} or UNMET in effects


@given(states())
def test_evaluation_is_total_on_the_bundled_plan(s: gp.State) -> None:
    report = gp.check_plan(PLAN, s)
    assert len(report.phases) == len(PLAN.phases)
    for r in report.phases:
        assert r.verdict in (MET, UNMET, UNK)
        assert r.explain()


def test_leaf_trace_records_what_it_saw() -> None:
    s = gp.State.initial(PLAN)
    cond = gp.AtLeast(
        "gazan_remains_returned",
        gp.Times(gp.Term("exchange.remains_ratio"), "israeli_hostage_remains_returned"),
        point=5,
    )
    s2 = s.updated(
        {
            "hostages_deceased_returned": 4,
            "israeli_hostage_remains_returned": 3,
            "gazan_remains_returned": 30,
        }
    )
    ev = gp.evaluate(cond, s2, plan=PLAN)
    assert ev.verdict is UNMET
    assert ev.target == 45
    assert [(r.fact, r.value) for r in ev.readings] == [
        ("gazan_remains_returned", 30),
        ("israeli_hostage_remains_returned", 3),
    ]
    assert ev.point == 5


def test_not_inverts_blocker_effect() -> None:
    cond = gp.Not(gp.Equals("gaza_annexed", True, label="annexed"))
    ev = gp.evaluate(cond, gp.State(gaza_annexed=True))
    (b,) = ev.blockers()
    assert b.evaluation.verdict is MET  # the leaf holds ...
    assert b.effect is UNMET  # ... and that is what makes the condition fail


def test_conditions_needing_a_plan_say_so() -> None:
    cond = gp.AtLeast("aid_trucks_per_day", gp.Term("aid.trucks_per_day"))
    with pytest.raises(gp.MissingPlanError, match="pass plan="):
        gp.evaluate(cond, gp.State())
    assert gp.evaluate(cond, gp.State(aid_trucks_per_day=600), plan=PLAN).verdict is MET


@given(st.data())
def test_hiding_nothing_changes_nothing(data: st.DataObject) -> None:
    s = data.draw(full_states())
    assert hide(s, frozenset()) == s


@given(st.lists(full_states(), min_size=1, max_size=8), st.sampled_from(gp.versions()))
def test_shared_trace_nodes_are_the_traces_a_fresh_plan_makes(
    many: list[gp.State], version: str
) -> None:
    # A plan's tracers hand out one Evaluation for what they saw before; each trace must equal
    # the one a plan that never traced anything makes, whatever was traced first.
    import attrs

    plan = gp.plan(version)
    warm = [gp.check_plan(plan, s) for s in many]
    for state, report in zip(many, warm, strict=True):
        fresh = attrs.evolve(plan)  # a copy with empty caches
        assert gp.check_plan(fresh, state) == report
        assert gp.check_plan(plan, state) == report
