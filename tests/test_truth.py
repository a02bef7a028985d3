"""Kleene's strong three-valued logic, as laws over all verdicts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
