"""A sweep's text shows each grid point: read back, its lines give every point's standing."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.core.explain import duration
from gazaplan.runs.sweeps import Standing, SweepResult

PLAN = gp.plan()
TIMELINE = gp.timeline()
RUN = re.compile(r"(?P<a>\d+)(?:-(?P<b>\d+))?: (?P<words>.*)\Z")


def read_back(result: SweepResult, subject: str) -> dict[tuple[object, ...], str]:
    """Each grid point's words, from the lines of ``points`` (a run spread over its points)."""
    last = result.axes[-1]
    values = list(last.values)
    found: dict[tuple[object, ...], str] = {}
    for line in result.points(subject):
        *lead, body = line.split("; ", len(result.axes) - 1)
        status = ""
        if " throughout, by: " in body:
            status, body = body.split(" throughout, by: ", 1)
        prefix = f"{last.path} = "
        assert body.startswith(prefix)
        leading = tuple(int(part.split(" = ")[1]) for part in lead)
        for run in body.removeprefix(prefix).split("; "):
            m = RUN.match(run)
            assert m is not None, run
            a = values.index(int(m["a"]))
            b = values.index(int(m["b"])) if m["b"] else a
            for v in values[a : b + 1]:
                words = f"{status} by {m['words']}" if status else m["words"]
                found[(*leading, v)] = words
    return found


def words_of(s: Standing) -> str:
    return s.status + (f" by {duration(s.lateness)}" if s.lateness else "")


@settings(max_examples=8, deadline=None)
@given(
    st.lists(st.integers(1, 48), min_size=1, max_size=4, unique=True).map(sorted),
    st.lists(st.integers(10, 25), min_size=1, max_size=3, unique=True).map(sorted),
)
def test_the_text_gives_every_grid_point(hours: list[int], ratios: list[int]) -> None:
    result = gp.sweep(
        PLAN,
        {"deadline.p3-withdraw-to-first-line": hours, "exchange.remains_ratio": ratios},
        timeline=TIMELINE,
    )
    text = result.explain()
    for subject in result.varying():
        assert f"({subject}):\n" in text  # in words, the id beside them
        for line in result.points(subject):
            assert f"    {line}\n" in text
        back = read_back(result, subject)
        assert back == {v.values: words_of(v.standing(subject)) for v in result.variants}
