"""A dependency graph drawn as inline SVG (no Graphviz, no JavaScript): one column per kind of
node, left to right as dependence runs (parties, facts, conditions, obligations, phases), edges
as lines with arrows, each node's label cut short with its full text as a tooltip. Used by the
notebook display of a small graph (``Graph.around(...)``); a large one shows as tables.
"""

from __future__ import annotations

from ..analysis.graphs import Graph, NodeKind
from ._html import esc

__all__ = ["MAX_DRAWN", "svg"]

MAX_DRAWN = 60
"""Graphs with more nodes than this are shown as tables, not drawn."""

COLUMNS = (
    (NodeKind.PARTY, NodeKind.POSITION),
    (NodeKind.FACT,),
    (NodeKind.CONDITION,),
    (NodeKind.OBLIGATION, NodeKind.PROVISION),
    (NodeKind.PHASE,),
)
WIDTH, ROW, BOX_W, BOX_H, PAD = 190, 34, 170, 24, 10
FILL = {NodeKind.PARTY: "#e8f0fe", NodeKind.POSITION: "#fdf3e1", NodeKind.FACT: "#eef7ee",
        NodeKind.CONDITION: "#f4f4f4", NodeKind.OBLIGATION: "#fbeaea", NodeKind.PROVISION: "#f4f4f4",
        NodeKind.PHASE: "#ece8f7"}  # fmt: skip


def _short(text: str, n: int = 26) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def svg(graph: Graph) -> str:
    """*graph* as an ``<svg>`` element (call only for graphs of at most :data:`MAX_DRAWN` nodes)."""
    where: dict[str, tuple[int, int]] = {}
    heights = []
    for col, kinds in enumerate(COLUMNS):
        members = [n for n in graph.nodes if n.kind in kinds]
        for row, n in enumerate(members):
            where[n.id] = (PAD + col * WIDTH, PAD + row * ROW)
        heights.append(len(members))
    width = PAD * 2 + len(COLUMNS) * WIDTH
    height = PAD * 2 + max([*heights, 1]) * ROW
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="dependency graph">'
    )
    arrow = (
        '<defs><marker id="gp-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" '
        'markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#777"/></marker></defs>'
    )
    parts = [head, arrow]
    for e in graph.edges:
        (x1, y1), (x2, y2) = where[e.source], where[e.target]
        a = (x1 + BOX_W, y1 + BOX_H // 2) if x1 <= x2 else (x1, y1 + BOX_H // 2)
        b = (x2, y2 + BOX_H // 2) if x1 <= x2 else (x2 + BOX_W, y2 + BOX_H // 2)
        tip = f"{e.source} {e.kind.value} {e.target}" + (f" ({e.because})" if e.because else "")
        parts.append(
            f'<line x1="{a[0]}" y1="{a[1]}" x2="{b[0]}" y2="{b[1]}" stroke="#999" '
            f'marker-end="url(#gp-arrow)"><title>{esc(tip)}</title></line>'
        )
    for n in graph.nodes:
        x, y = where[n.id]
        tip = f"{n.kind.value}: {n.label}" + (f" - {n.detail}" if n.detail else "")
        parts.append(
            f'<g><title>{esc(tip)}</title><rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" '
            f'rx="4" fill="{FILL[n.kind]}" stroke="#888"/><text x="{x + 6}" y="{y + 16}" '
            f'font-size="11" font-family="sans-serif">{esc(_short(n.label))}</text></g>'
        )
    return "".join([*parts, "</svg>"])
