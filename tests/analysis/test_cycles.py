"""Mutual conditionality: obligations of two or more parties that wait on each other."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.analysis.waits import _strongly_connected, cycles

LATEST = gp.plan()


def test_the_2026_positions_make_disarmament_and_withdrawal_wait_on_each_other() -> None:
    (cycle,) = cycles(LATEST)
    assert {"p13-decommission", "p16-hand-over"} <= set(cycle.obligations)
    assert {"hamas", "israel"} <= set(cycle.parties)
    assert set(cycle.points) == {13, 16}
    text = cycle.explain()
    assert "Hamas commits to" in text  # both stated positions, attributed, same wording
    assert "Israel commits to" in text
    assert "TL-2026-07-31-4" in text
    assert "TL-2026-08-09-1" in text
    for link in cycle.links:
        assert link.waiter in cycle.obligations
        assert link.holder in cycle.obligations


def test_the_text_alone_and_the_positions_before_july_make_no_cycle() -> None:
    assert cycles(gp.plan("2025-09-29")) == ()  # the text ties withdrawal to disarmament one way
    assert cycles(LATEST, positions=False) == ()
    assert cycles(LATEST, on=dt.date(2026, 7, 1)) == ()  # neither position stated yet


@given(st.dictionaries(st.sampled_from("abcdef"), st.sets(st.sampled_from("abcdef")), min_size=1))
def test_strongly_connected_parts_are_the_mutually_reachable_sets(
    edges: dict[str, set[str]],
) -> None:
    nodes = set(edges) | {v for vs in edges.values() for v in vs}
    graph = {n: edges.get(n, set()) & nodes for n in nodes}
    reach = {n: {n} for n in nodes}
    for _ in nodes:  # transitive closure by repetition
        for n in nodes:
            reach[n] |= {w for v in reach[n] for w in graph[v]}
    parts = _strongly_connected(graph)
    assert sorted(n for p in parts for n in p) == sorted(nodes)  # a partition
    for p in parts:
        for a, b in itertools.product(p, repeat=2):
            assert b in reach[a]
    for a, b in itertools.combinations(nodes, 2):
        together = any(a in p and b in p for p in parts)
        assert together == (b in reach[a] and a in reach[b])
