"""Kleene's strong three-valued logic, as laws over all verdicts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan import UNKNOWN, Verdict
from gazaplan.truth import all_of, any_of

MET, UNMET, UNK = Verdict.MET, Verdict.UNMET, Verdict.UNKNOWN
verdicts = st.sampled_from(list(Verdict))


@given(verdicts, verdicts)
def test_de_morgan(a: Verdict, b: Verdict) -> None:
    assert ~(a & b) is (~a | ~b)
    assert ~(a | b) is (~a & ~b)


@given(verdicts)
def test_double_negation_and_identities(a: Verdict) -> None:
    assert ~~a is a
    assert (a & MET) is a
    assert (a | UNMET) is a
    assert (a & UNMET) is UNMET
    assert (a | MET) is MET


@given(verdicts, verdicts, verdicts)
def test_associative_commutative(a: Verdict, b: Verdict, c: Verdict) -> None:
    assert (a & b) is (b & a)
    assert (a | b) is (b | a)
    assert ((a & b) & c) is (a & (b & c))
    assert all_of([a, b, c]) is (a & b & c)
    assert any_of([a, b, c]) is (a | b | c)


def test_unknown_is_not_false() -> None:
    assert (UNK & MET) is UNK
    assert (UNK | UNMET) is UNK
    assert ~UNK is UNK
    assert Verdict.of(UNKNOWN) is UNK
    assert all_of([]) is MET
    assert any_of([]) is UNMET


def test_a_verdict_is_not_a_bool() -> None:
    with pytest.raises(TypeError, match="not a bool"):
        bool(Verdict.UNKNOWN)


def test_unknown_is_not_a_bool() -> None:
    state = gp.State()
    with pytest.raises(TypeError, match="neither true nor false"):
        bool(gp.UNKNOWN)
    with pytest.raises(TypeError):
        _ = "branch taken" if state.gaza_annexed else "not taken"  # neither: it is unknown
    assert state.gaza_annexed is gp.UNKNOWN


def test_an_empty_diff_or_comparison_is_falsy_and_has_a_length() -> None:
    plan = gp.plan("2025-09-29")
    same = gp.diff(plan, plan)
    assert not same
    assert len(same) == 0
    changed = gp.diff(plan, gp.plan("2025-10-09"))
    assert changed
    assert len(changed) == len(changed.differences) > 0
    nothing = gp.compare(plan, plan, gp.timeline())
    assert not nothing
    assert len(nothing) == 0
    some = gp.compare(plan, gp.plan("2025-10-09"), gp.timeline())
    assert len(some) == len(some.phases) + len(some.obligations) > 0
    assert some


def test_a_scenario_result_is_truthy_only_when_it_passed() -> None:
    at = dt.datetime(2025, 9, 30, tzinfo=dt.UTC)
    holds = gp.PhaseExpectation(at, "phase-1", gp.Verdict.UNMET)
    fails = gp.PhaseExpectation(at, "phase-1", gp.Verdict.MET)
    assert gp.check_scenario(gp.Scenario(name="s", version="2025-09-29", expectations=[holds]))
    result = gp.check_scenario(gp.Scenario(name="s", version="2025-09-29", expectations=[fails]))
    assert not result
    assert not result.passed


@given(st.lists(st.sampled_from(list(gp.Verdict)), max_size=6), st.sampled_from(list(gp.Verdict)))
def test_kleene_is_one_rule_however_it_is_reached(
    verdicts: list[gp.Verdict], first: gp.Verdict
) -> None:
    from functools import reduce

    from gazaplan.truth import all_of, any_of, combine, combine_calls

    called: list[int] = []

    def fn(i: int) -> Callable[[None], gp.Verdict]:
        def call(_: None) -> gp.Verdict:
            called.append(i)
            return verdicts[i]

        return call

    for decisive, fold, op in (
        (gp.Verdict.UNMET, all_of, lambda a, b: a & b),
        (gp.Verdict.MET, any_of, lambda a, b: a | b),
    ):
        expected = reduce(op, verdicts, first)
        assert combine([first, *verdicts], decisive) is expected
        assert fold([first, *verdicts]) is expected
        called.clear()
        lazily = combine_calls([fn(i) for i in range(len(verdicts))], None, decisive)
        assert lazily is combine(verdicts, decisive)
        stop = next((i for i, v in enumerate(verdicts) if v is decisive), len(verdicts) - 1)
        assert called == list(range(stop + 1)) if verdicts else called == []  # no call past it
