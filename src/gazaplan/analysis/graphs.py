"""The plan as a dependency graph: :func:`graph` builds a typed :class:`Graph` of phases,
obligations, condition leaves, facts, parties, points and stated positions
(:mod:`gazaplan.analysis.waits` finds the obligations of two or more parties that wait on each
other).

Edges point the way dependence runs: a leaf *reads* a fact; a party *controls* a fact (from the
sourced table ``gazaplan.controls()``); a leaf *triggers* the obligation (or opens the phase)
whose trigger (entry) it is part of, and *completes* the one whose completion it is part of; an
obligation *waits on* another whose completion sets what its trigger, or a condition its obligor
states, reads. A fact no named party controls says "none identified" and has no controls edge.
Node ids are ids (``party:us``, ``fact:idf_line``); labels and details are the words a reader
sees (a party's display name, a fact's meaning, an obligation's action and its obligors by name,
"no obligor named in the text" where it names none). The graph is data: iterate it (its
edges), ask :meth:`Graph.out` and :meth:`Graph.into`, turn it into a frame, DOT text or, with the
``networkx`` package, a ``networkx.MultiDiGraph``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ..core import _checks as check
from ..core import _ports
from ..core._results import NotebookDisplay
from ..core.conditions import Condition, PhaseComplete, facts_read, text, walk
from ..core.control import NONE_IDENTIFIED, Controls
from ..core.plans import Plan
from ..core.sources import cite
from ..core.words import fact_name, parties_text
from ..exceptions import UnknownIdError
from .implicants import bundled_controls, called_all, names_of
from .waits import links

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = ["Edge", "EdgeKind", "Graph", "Node", "NodeKind", "graph"]


class NodeKind(enum.Enum):
    """What a node of the dependency graph stands for."""

    PARTY = "party"
    PROVISION = "point"
    POSITION = "position"
    FACT = "fact"
    CONDITION = "condition"
    OBLIGATION = "obligation"
    PHASE = "phase"


class EdgeKind(enum.Enum):
    """How the source of an edge bears on its target (its value is the edge's label)."""

    READS = "reads"
    CONTROLS = "controls"
    TRIGGERS = "triggers"
    COMPLETES = "completes"
    WAITS_ON = "waits on"
    OWES = "owes"
    PROVIDES = "provides"
    INCLUDES = "includes"
    STATES = "states"
    QUALIFIES = "qualifies"


@attrs.frozen
class Node:
    """One node of the dependency graph.

    *id* is unique in its graph; *label* is what a reader sees (a party's display name, a fact's
    meaning); *detail* says more (who controls a fact by name, or "none identified"; who owes an
    obligation; a position's paraphrase); *points* are the plan points it comes from.
    """

    id: str
    kind: NodeKind
    label: str
    points: tuple[int, ...] = ()
    detail: str = ""


@attrs.frozen
class Edge:
    """One edge of the dependency graph: *source* -> *target*, of one *kind*.

    *because* says why where a source does (a stated position, a control's basis and citation).
    """

    source: str
    target: str
    kind: EdgeKind
    because: str = ""


@attrs.frozen
class Graph(NotebookDisplay):
    """The plan's dependency graph. Iterating it yields its edges."""

    plan_version: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    _index: dict[str, Node] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", {n.id: n for n in self.nodes})

    def __iter__(self) -> Iterator[Edge]:
        return iter(self.edges)

    def __len__(self) -> int:
        return len(self.nodes)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._index

    def node(self, node_id: str) -> Node:
        """The node with one id.

        Args:
            node_id: the node's id.

        Returns:
            The node.

        Raises:
            UnknownIdError: if the graph has no such node; the message lists the ids.
        """
        found = self._index.get(node_id)
        if found is None:
            raise UnknownIdError(node_id, list(self._index), where="Graph")
        return found

    def out(self, node_id: str, kind: EdgeKind | None = None) -> tuple[Edge, ...]:
        """The edges from one node.

        Args:
            node_id: the node's id.
            kind: only edges of this kind (None: every kind).

        Returns:
            The edges, in the graph's order.

        Raises:
            UnknownIdError: if the graph has no such node; the message lists the ids.
        """
        self.node(node_id)
        return tuple(e for e in self.edges if e.source == node_id and kind in (None, e.kind))

    def into(self, node_id: str, kind: EdgeKind | None = None) -> tuple[Edge, ...]:
        """The edges to one node.

        Args:
            node_id: the node's id.
            kind: only edges of this kind (None: every kind).

        Returns:
            The edges, in the graph's order.

        Raises:
            UnknownIdError: if the graph has no such node; the message lists the ids.
        """
        self.node(node_id)
        return tuple(e for e in self.edges if e.target == node_id and kind in (None, e.kind))

    def around(self, node_id: str, depth: int = 1) -> Graph:
        """The part of the graph around one node (small enough to draw).

        Args:
            node_id: the node's id.
            depth: how many edges away, either way, a node may be.

        Returns:
            The subgraph of the nodes within *depth* edges and the edges between them.

        Raises:
            UnknownIdError: if the graph has no such node; the message lists the ids.
        """
        keep, frontier = {node_id}, {self.node(node_id).id}
        for _ in range(depth):
            nxt = {e.target for e in self.edges if e.source in frontier}
            nxt |= {e.source for e in self.edges if e.target in frontier}
            frontier = nxt - keep
            keep |= nxt
        nodes = tuple(n for n in self.nodes if n.id in keep)
        edges = tuple(e for e in self.edges if e.source in keep and e.target in keep)
        return Graph(self.plan_version, nodes, edges)

    def rows(self) -> list[dict[str, Any]]:
        """The edges as rows of plain values.

        Returns:
            One row per edge, with its source, target, kind, the two nodes' kinds, and because.
        """
        return [
            {"source": e.source, "target": e.target, "kind": e.kind.value,
             "source_kind": self._index[e.source].kind.value,
             "target_kind": self._index[e.target].kind.value, "because": e.because}
            for e in self.edges
        ]  # fmt: skip

    def to_pandas(self) -> pd.DataFrame:
        """The edges as a DataFrame.

        Needs the ``pandas`` extra.

        Returns:
            One row per edge (see :meth:`rows`).

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        columns = ("source", "target", "kind", "source_kind", "target_kind", "because")
        return _ports.tables().frame(self.rows(), columns, feature="Graph.to_pandas()")

    def to_dot(self) -> str:
        """The graph in Graphviz's DOT language.

        Returns:
            The DOT text, its nodes shaped by kind and its edges labelled by kind.
        """
        shape = {NodeKind.PARTY: "ellipse", NodeKind.FACT: "note", NodeKind.CONDITION: "box",
                 NodeKind.OBLIGATION: "box3d", NodeKind.PHASE: "doubleoctagon",
                 NodeKind.PROVISION: "tab", NodeKind.POSITION: "component"}  # fmt: skip
        lines = [f"digraph {_quote(self.plan_version)} {{", "  rankdir=LR;"]
        for n in self.nodes:
            lines.append(f"  {_quote(n.id)} [label={_quote(n.label)}, shape={shape[n.kind]}];")
        for e in self.edges:
            lines.append(
                f"  {_quote(e.source)} -> {_quote(e.target)} [label={_quote(e.kind.value)}];"
            )
        return "\n".join([*lines, "}"]) + "\n"

    def to_networkx(self) -> nx.MultiDiGraph[str]:
        """The graph as a ``networkx.MultiDiGraph`` (networkx is imported here only).

        Returns:
            The graph; nodes and edges carry their kinds, labels and reasons as attributes.

        Raises:
            MissingExtraError: if networkx is not installed.
        """
        try:
            import networkx as nx
        except ImportError:  # pragma: no cover - the tests install it
            from ..exceptions import MissingExtraError

            raise MissingExtraError("Graph.to_networkx()", "networkx", "networkx") from None
        g: nx.MultiDiGraph[str] = nx.MultiDiGraph(plan_version=self.plan_version)
        for n in self.nodes:
            g.add_node(n.id, kind=n.kind.value, label=n.label, points=n.points, detail=n.detail)
        for edge in self.edges:
            g.add_edge(edge.source, edge.target, kind=edge.kind.value, because=edge.because)
        return g


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Builder:
    def __init__(self, plan: Plan, controls: Controls) -> None:
        self.plan, self.controls = plan, controls
        self.names = names_of(plan)
        self.nodes: dict[str, Node] = {}
        self.edges: list[Edge] = []

    def node(self, node: Node) -> str:
        self.nodes.setdefault(node.id, node)
        return node.id

    def edge(self, source: str, target: str, kind: EdgeKind, because: str = "") -> None:
        self.edges.append(Edge(source, target, kind, because))

    def fact(self, fact_id: str) -> str:
        nid = f"fact:{fact_id}"
        if nid in self.nodes:
            return nid
        entry = self.controls.of(fact_id)
        who = () if entry is None else entry.who(fact_id)
        if entry is None:
            detail = f"{NONE_IDENTIFIED} (not in the table of controls)"
        else:
            named = parties_text(self.names, who, none=NONE_IDENTIFIED)
            detail = f"{named}: {entry.basis} {cite(entry.sources)}"
        label = self.names.get(fact_id) or fact_name(fact_id)
        self.node(Node(nid, NodeKind.FACT, label, entry.points if entry else (), detail))
        for party in who:
            because = "" if entry is None else f"{entry.basis} {cite(entry.sources)}".strip()
            self.edge(self.party(party), nid, EdgeKind.CONTROLS, because)
        return nid

    def party(self, party_id: str) -> str:
        label = self.names.get(party_id, party_id)
        return self.node(Node(f"party:{party_id}", NodeKind.PARTY, label))

    def condition(self, cond: Condition, owner: str, aspect: str, kind: EdgeKind) -> None:
        for i, leaf in enumerate(c for c in walk(cond) if not c.parts()):
            nid = self.node(Node(f"{owner}.{aspect}/{i}", NodeKind.CONDITION,
                                 text(leaf), (leaf.point,) if leaf.point else ()))  # fmt: skip
            self.edge(nid, owner, kind, aspect)
            for fact in facts_read(leaf):
                self.edge(nid, self.fact(fact), EdgeKind.READS)
            if isinstance(leaf, PhaseComplete):
                self.edge(nid, leaf.phase, EdgeKind.READS, "the phase's completion")


def graph(
    plan: Plan, *, positions: bool = True, on: dt.date | None = None,
    controls: Controls | None = None,
) -> Graph:  # fmt: skip
    """The dependency graph of a plan.

    Who controls which fact, which leaves read it, which obligations and phases those leaves
    trigger, open or complete, and who waits on whom.

    Args:
        plan: the plan.
        positions: whether the parties' stated positions are included.
        on: only positions holding on this day (None: every position).
        controls: the table of who controls each fact (None: the bundled table,
            ``gazaplan.controls()``).

    Returns:
        The graph.
    """
    check.need_type(plan, Plan, "graph(plan)", check.PLAN_FIX)
    b = _Builder(plan, bundled_controls(controls))
    for phase in plan.phases:
        b.node(Node(phase.id, NodeKind.PHASE, phase.name, phase.provisions))
    for phase in plan.phases:
        b.condition(phase.entry, phase.id, "entry", EdgeKind.TRIGGERS)
        b.condition(phase.completion, phase.id, "completion", EdgeKind.COMPLETES)
        for o in phase.obligations:
            owed = parties_text(b.names, o.obligors)  # "no obligor named in the text" if none
            b.node(Node(o.id, NodeKind.OBLIGATION, o.action, (o.provision,), owed))
            b.edge(phase.id, o.id, EdgeKind.INCLUDES)
            point = b.node(Node(f"point:{o.provision}", NodeKind.PROVISION, f"point {o.provision}",
                                (o.provision,)))  # fmt: skip
            b.edge(point, o.id, EdgeKind.PROVIDES)
            for party in o.obligors:
                b.edge(b.party(party), o.id, EdgeKind.OWES)
            b.condition(o.trigger, o.id, "trigger", EdgeKind.TRIGGERS)
            b.condition(o.completion, o.id, "completion", EdgeKind.COMPLETES)
    if positions:
        for i, p in enumerate(plan.positions):
            if on is not None and not p.holds_at(on):
                continue
            said = f"{p.statement(b.names)}, {p.as_of or 'undated'} {cite(p.sources)}"
            nid = b.node(Node(f"position:{p.party}/{i}", NodeKind.POSITION, said, (), p.summary))
            b.edge(b.party(p.party), nid, EdgeKind.STATES)
            if p.obligation and p.obligation in b.nodes:
                b.edge(nid, p.obligation, EdgeKind.QUALIFIES)
            if p.only_if is not None:
                b.condition(p.only_if, nid, "only_if", EdgeKind.TRIGGERS)
    for k in links(plan, positions=positions, on=on):
        facts = called_all(b.names, k.facts, none="no fact")
        b.edge(k.waiter, k.holder, EdgeKind.WAITS_ON, f"{facts}; {k.because}")
    return Graph(plan.version, tuple(b.nodes.values()), tuple(b.edges))
