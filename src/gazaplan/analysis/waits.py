"""Who waits for whom: :func:`links` (one obligation waiting on another through facts) and
:func:`cycles`, the obligations of two or more parties that wait on each other.

One obligation waits on another when its trigger (or, with ``positions=True``, a condition its
obligor states) reads a fact that the other's completion reads. Each link says where the wait
comes from in the library's one wording; a cycle is a strongly connected part of that graph
(Tarjan's algorithm) owed by two or more parties. Both keep ids in their fields; their words name
the obligations by their action, the facts by their meaning (each with its id) and the parties by
name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs

from ..core._frozenmap import FrozenMap
from ..core.conditions import facts_read
from ..core.plans import Plan
from ..core.sources import cite
from ..core.words import parties_text
from .implicants import called, called_all, names_of

__all__ = ["Cycle", "Link", "cycles", "links"]


@attrs.frozen
class Link:
    """One obligation waiting on another.

    *waiter*'s trigger (or a condition its obligor states) reads *facts*, which *holder*'s
    completion reads: *waiter* waits on *holder*.

    Attributes:
        waiter: the obligation that waits.
        holder: the obligation it waits on.
        facts: the facts that tie them.
        because: where the wait comes from: ``"its trigger"``, or the stated position
            (party, date, sources) in the library's one wording.
        names: the words of the obligations and facts by id
            (:func:`~gazaplan.analysis.implicants.names_of`), which its line uses.
    """

    waiter: str
    holder: str
    facts: tuple[str, ...]
    because: str
    names: Mapping[str, str] = attrs.field(default=FrozenMap(), eq=False, repr=False)

    def explain(self) -> str:
        """The wait in one line.

        Returns:
            The two obligations by their action, the facts that tie them by their meaning
            (each with its id), and where the wait comes from.
        """
        facts = called_all(self.names, self.facts, none="no fact")
        return (f"{called(self.names, self.waiter)} waits on {called(self.names, self.holder)} "
                f"through {facts}: {self.because}")  # fmt: skip


@attrs.frozen
class Cycle:
    """Obligations of two or more parties that wait on each other, each link explained.

    Attributes:
        obligations: the obligations in the cycle.
        parties: the parties that owe them.
        links: the waits that close the cycle.
        points: the plan points involved.
        names: the words of the obligations, parties and facts by id
            (:func:`~gazaplan.analysis.implicants.names_of`), which its lines use.
    """

    obligations: tuple[str, ...]
    parties: tuple[str, ...]
    links: tuple[Link, ...]
    points: tuple[int, ...]
    names: Mapping[str, str] = attrs.field(default=FrozenMap(), eq=False, repr=False)

    def explain(self) -> str:
        """The cycle in words.

        Returns:
            A heading with the obligors by name and the points, a line per obligation (its
            action and id), then a line per link.
        """
        who = parties_text(self.names, self.parties)
        points = ", ".join(map(str, self.points))
        head = f"{len(self.obligations)} obligations of {who} wait on each other (points {points}):"
        lines = [head]
        lines += [f"  - {called(self.names, o)}" for o in self.obligations]
        lines += [f"  {k.explain()}" for k in self.links]
        return "\n".join(lines)


def links(plan: Plan, *, positions: bool = True, on: dt.date | None = None) -> list[Link]:
    """Every wait of one obligation on another (see the module's description).

    Args:
        plan: the plan.
        positions: whether the conditions the obligors state count as waits too.
        on: only positions holding on this day (None: every position).

    Returns:
        The links, waiter by waiter in the plan's order.
    """
    obligations = plan.obligations()
    names = names_of(plan)
    completes = {o.id: set(facts_read(o.completion)) for o in obligations}
    waits: dict[str, list[tuple[set[str], str]]] = {
        o.id: [(set(facts_read(o.trigger)), "its trigger")] for o in obligations
    }
    if positions:
        for p in plan.positions:
            if p.obligation in waits and p.only_if is not None and (on is None or p.holds_at(on)):
                said = f"{p.statement(names)}, {p.as_of or 'undated'} {cite(p.sources)}"
                waits[p.obligation].append((set(facts_read(p.only_if)), said))
    readers: dict[str, set[str]] = {}  # fact -> the obligations whose completion reads it
    for holder, done in completes.items():
        for fact in done:
            readers.setdefault(fact, set()).add(holder)
    order = {o: i for i, o in enumerate(completes)}
    found: list[Link] = []
    for waiter, reasons in waits.items():
        mine: list[tuple[int, int, Link]] = []
        for r, (facts, because) in enumerate(reasons):
            holders: dict[str, set[str]] = {}
            for fact in facts:
                for holder in readers.get(fact, ()):
                    if holder != waiter:
                        holders.setdefault(holder, set()).add(fact)
            mine += [(order[h], r, Link(waiter, h, tuple(sorted(f)), because, names))
                     for h, f in holders.items()]  # fmt: skip
        found += [link for _, _, link in sorted(mine, key=lambda x: x[:2])]
    return found


def cycles(plan: Plan, *, positions: bool = True, on: dt.date | None = None) -> tuple[Cycle, ...]:
    """Every set of obligations, owed by two or more parties, that wait on each other.

    Each is a strongly connected part of the graph in which an obligation points to those whose
    completion sets a fact its trigger reads (and, with *positions*, a fact a condition its
    obligor states reads).

    Args:
        plan: the plan.
        positions: whether the conditions the obligors state count as waits too.
        on: only positions holding on this day (None: every position).

    Returns:
        The cycles, each with the links that close it.
    """
    found_links = links(plan, positions=positions, on=on)
    graph: dict[str, set[str]] = {o.id: set() for o in plan.obligations()}
    for k in found_links:
        graph[k.waiter].add(k.holder)
    owed = {o.id: o for o in plan.obligations()}
    found = []
    for part in _strongly_connected(graph):
        parties = sorted({party for o in part for party in owed[o].obligors})
        if len(part) < 2 or len(parties) < 2:
            continue
        inside = tuple(k for k in found_links if k.waiter in part and k.holder in part)
        points = tuple(sorted({owed[o].provision for o in part}))
        found.append(Cycle(tuple(sorted(part)), tuple(parties), inside, points, names_of(plan)))
    return tuple(found)


def _strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative (no recursion limit on a large generated plan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    parts: list[set[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                part = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    part.add(member)
                    if member == node:
                        break
                parts.append(part)
    return parts
