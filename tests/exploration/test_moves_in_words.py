"""A witness's moves in words: runs of the same move grouped, and nothing lost."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.exploration.witnesses import HYPOTHETICAL, moves_in_words

MOVES = (
    ("hamas (hypothetical, point 3)", "Hamas accepts the plan"),
    ("none identified (hypothetical, point 4)", "a deceased hostage's remains are returned"),
    ("none identified (hypothetical, point 4)", "a living hostage is returned"),
    ("us (hypothetical, point 15)", "the ISF is set up"),
    ("israel (hypothetical)", "Israeli forces pull back"),
)
NAMES = {"hamas": "Hamas", "us": "United States", "israel": "Israel"}
T0 = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


def events(picks: list[int]) -> list[gp.Event]:
    return [
        gp.Event(
            f"move-{i}",
            T0 + dt.timedelta(days=i),
            gp.FactsReported({"ceasefire_in_force": True}),
            summary=MOVES[k][1],
            reported_by=MOVES[k][0],
            note=HYPOTHETICAL,
        )
        for i, k in enumerate(picks)
    ]


COUNTED = re.compile(r"(\d+) x (.*)\Z")


@given(st.lists(st.integers(0, len(MOVES) - 1), max_size=60))
def test_grouped_moves_expand_back_to_the_moves(picks: list[int]) -> None:
    lines = moves_in_words(events(picks), NAMES)
    expanded: list[str] = []
    runs: list[str] = []
    for line in lines:
        found = COUNTED.match(line)
        n, said = (int(found[1]), found[2]) if found else (1, line)
        assert n >= 2 or found is None  # a count only for a run
        expanded += [said] * n
        runs.append(said)
    assert len(expanded) == len(picks)
    for said, k in zip(expanded, picks, strict=True):
        party, summary = MOVES[k]
        assert said.startswith(summary + " (")
        who = party.split(" (")[0]
        assert f"({NAMES.get(who, who)}" in said  # parties by name, an unknown one as it is
    assert all(a != b for a, b in itertools.pairwise(runs))  # each run as long as it goes
