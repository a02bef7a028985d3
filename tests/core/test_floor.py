"""A count known only from below: a comparison is decided only where every value allowed agrees."""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.core.conditions import by_bounds, show
from gazaplan.core.facts import Floor

MET, UNMET, UNK = gp.Verdict.MET, gp.Verdict.UNMET, gp.Verdict.UNKNOWN
COMPARE = st.sampled_from([operator.eq, operator.ge, operator.le])
SIDE = st.integers(0, 60) | st.integers(0, 60).map(Floor)


def values(side: int | Floor, upto: int = 200) -> range:
    return range(side.value, upto) if isinstance(side, Floor) else range(side, side + 1)


@given(COMPARE, SIDE, SIDE)
def test_a_decided_verdict_holds_for_every_value_the_floors_allow(
    compare: Callable[[Any, Any], bool], v: int | Floor, w: int | Floor
) -> None:
    verdict = by_bounds(compare, v, w)
    seen = {compare(x, y) for x in values(v) for y in values(w)}
    if verdict is MET:
        assert seen == {True}
    elif verdict is UNMET:
        assert seen == {False}
    else:  # UNKNOWN only where the values allowed disagree
        assert seen == {True, False}


@pytest.mark.parametrize("bad", [-1, 2.5, True, "3"])
def test_a_floor_is_a_whole_number(bad: object) -> None:
    with pytest.raises(gp.InvalidValueError, match="a floor is a whole number"):
        Floor(bad)  # type: ignore[arg-type]


def test_a_floor_reads_in_words() -> None:
    assert str(Floor(250)) == "at least 250"
    assert show(Floor(3)) == "at least 3"
