"""The dependency graph and the table of who controls each fact: typed, sourced, and
consistent with the cycles; a passive point names nobody and the graph says so."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

import gazaplan as gp
from gazaplan import strategies as gst
from gazaplan.analysis._structure import conditions_of
from gazaplan.analysis.graphs import EdgeKind, NodeKind
from gazaplan.analysis.waits import _strongly_connected
from gazaplan.core.conditions import facts_read
from gazaplan.core.control import Control, Controls

LATEST = gp.plan()
GRAPH = gp.graph(LATEST)


def test_every_fact_any_bundled_version_reads_has_a_sourced_control_entry() -> None:
    table = gp.controls()
    parties = {p.id for p in LATEST.parties}
    for version in gp.versions():
        for cond in conditions_of(gp.plan(version)):
            for fact in facts_read(cond):
                entry = table.of(fact)
                assert entry is not None, fact
                assert entry.sources, fact  # every entry cites where the plan says it
                assert set(entry.who(fact)) <= parties | {fact.partition(".")[2]}


def test_passive_points_name_nobody_and_the_graph_says_none_identified() -> None:
    for fact in ("hostages_held", "aid_trucks_per_day", "rafah_crossing"):  # points 4, 7, 8
        assert gp.controls().parties(fact) == ()
        node = GRAPH.node(f"fact:{fact}")
        assert node.detail.startswith("none identified")
        assert not GRAPH.into(node.id, EdgeKind.CONTROLS)
    (edge,) = GRAPH.into("fact:idf_line", EdgeKind.CONTROLS)
    assert edge.source == "party:israel"
    assert "WH 16" in edge.because  # the point that says so, cited
    assert gp.controls().parties("response.hamas") == ("hamas",)  # the party the fact names


def test_a_control_table_refuses_what_it_cannot_mean() -> None:
    with pytest.raises(gp.exceptions.UnknownFactError):
        Control("no_such_fact", (), (1,), "why")
    with pytest.raises(gp.exceptions.InvalidValueError, match="per-party"):
        Control("idf_line", (), (3,), "why", named_party=True)
    one = Control("idf_line", ("israel",), (3,), "why")
    with pytest.raises(gp.exceptions.InvalidValueError, match="listed twice"):
        Controls((one, one))
    assert Controls((one,)).of("gaza_annexed") is None
    assert "israel (point 3; why)" in one.explain()


def test_the_graph_is_typed_and_each_view_of_it_agrees() -> None:
    kinds = {n.kind for n in GRAPH.nodes}
    assert kinds == set(NodeKind)
    assert {e.kind for e in GRAPH} >= {EdgeKind.READS, EdgeKind.CONTROLS, EdgeKind.TRIGGERS,
                                       EdgeKind.COMPLETES, EdgeKind.WAITS_ON}  # fmt: skip
    for e in GRAPH:
        assert e.source in GRAPH
        assert e.target in GRAPH
    frame = GRAPH.to_pandas()
    assert len(frame) == len(GRAPH.edges)
    assert list(frame.columns)[:3] == ["source", "target", "kind"]
    nx_graph = GRAPH.to_networkx()
    assert nx_graph.number_of_nodes() == len(GRAPH)
    assert nx_graph.number_of_edges() == len(GRAPH.edges)
    dot = GRAPH.to_dot()
    assert dot.startswith('digraph "2026-08-09"')
    assert dot.count(" -> ") == len(GRAPH.edges)
    near = GRAPH.around("p13-decommission")
    assert "p13-decommission" in near
    assert len(near) < len(GRAPH)
    assert "<svg" in near._repr_html_()  # small: drawn
    assert "<svg" not in GRAPH._repr_html_()  # large: tables, with a way to see a part
    with pytest.raises(gp.exceptions.UnknownIdError):
        GRAPH.node("nowhere")


@settings(max_examples=40, deadline=None)
@given(gst.plans())
def test_every_cycle_is_a_strongly_connected_part_of_the_graphs_waits(plan: gp.Plan) -> None:
    g = gp.graph(plan)
    waits: dict[str, set[str]] = {o.id: set() for o in plan.obligations()}
    for e in g:
        if e.kind is EdgeKind.WAITS_ON:
            waits[e.source].add(e.target)
    owed = {o.id: set(o.obligors) for o in plan.obligations()}
    expected = {
        frozenset(part)
        for part in _strongly_connected(waits)
        if len(part) > 1 and len(set().union(*(owed[o] for o in part))) > 1
    }
    found = {frozenset(c.obligations) for c in gp.cycles(plan)}
    assert found == expected  # every cycle is in the graph, and a graph with none reports none
    for c in gp.cycles(plan):
        for k in c.links:
            assert k.holder in waits[k.waiter]
