"""Analysis over time: each phase's verdicts at every instant of a timeline, and when a target was
first MET.

:func:`verdicts_over_time` replays a timeline once and judges every phase's preconditions and
completion at the start and after each instant at which events happen; :func:`first_met` says
when a phase's preconditions (``"phase-2"`` or ``"phase-2.entry"``) or completion
(``"phase-2.completion"``) first became MET, and, three-valued, at which earlier instants the
verdict was UNKNOWN, so that it may have held sooner than the data can show.

:func:`cycles` finds obligations of two or more parties that wait on each other: one's trigger
(or a condition its obligor states, with ``positions=True``) reads a fact that another's completion
reads, and so round. Each link says where the wait comes from, in the library's one wording.

(The rest of the analysis the project plans, the dependency graph, veto players and the minimal
sets of changes, builds on the same module.)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from . import _notebook
from ._compile import compiled
from ._notebook import NotebookDisplay
from .exceptions import InvalidValueError, UnknownPhaseError
from .histories import history
from .plans import Plan
from .state import State
from .timelines import Timeline
from .truth import Verdict

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Cycle",
    "FirstMet",
    "Link",
    "VerdictsOverTime",
    "cycles",
    "first_met",
    "verdicts_over_time",
]

ASPECTS = ("entry", "completion")


@attrs.frozen
class VerdictsOverTime(NotebookDisplay):
    """Every phase's verdicts at each instant of a timeline.

    Attributes:
        plan_version: the plan judged.
        phases: the phase ids, in the plan's order.
        instants: the start (None) and each instant at which events happen, in order.
        events: the ids of the events at each instant (none at the start).
        entry: for each instant, each phase's preconditions verdict.
        completion: for each instant, each phase's completion verdict.
    """

    plan_version: str
    phases: tuple[str, ...]
    instants: tuple[dt.datetime | None, ...]
    events: tuple[tuple[str, ...], ...]
    entry: tuple[tuple[Verdict, ...], ...]
    completion: tuple[tuple[Verdict, ...], ...]

    def __len__(self) -> int:
        return len(self.instants)

    def verdict(self, phase: str, aspect: str = "entry") -> tuple[Verdict, ...]:
        """One phase's verdicts over time (*aspect* ``"entry"`` or ``"completion"``)."""
        if phase not in self.phases:
            raise UnknownPhaseError(phase, self.phases)
        column = self.phases.index(phase)
        table = self.entry if aspect == "entry" else self.completion
        return tuple(row[column] for row in table)

    def rows(self) -> list[dict[str, Any]]:
        """One row per instant and phase: at, phase, preconditions, completion, events."""
        return [
            {
                "at": at,
                "phase": phase,
                "preconditions": str(self.entry[i][j]),
                "completion": str(self.completion[i][j]),
                "events": ";".join(self.events[i]),
            }
            for i, at in enumerate(self.instants)
            for j, phase in enumerate(self.phases)
        ]

    def explain(self) -> str:
        """The changes only: at the start, each phase's verdicts; then each change, with the events
        that brought it."""
        lines = [f"Verdicts over time (plan version {self.plan_version})"]
        for i, at in enumerate(self.instants):
            when = "at the start" if at is None else at.isoformat()
            for j, phase in enumerate(self.phases):
                now = (self.entry[i][j], self.completion[i][j])
                before = (self.entry[i - 1][j], self.completion[i - 1][j]) if i else None
                if now != before:
                    cause = f" ({', '.join(self.events[i])})" if self.events[i] else ""
                    lines.append(
                        f"  {when} {phase}: preconditions {now[0]}, completion {now[1]}{cause}"
                    )
        return "\n".join(lines) + "\n"

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a DataFrame (the ``pandas`` extra)."""
        columns = ("at", "phase", "preconditions", "completion", "events")
        return _notebook.tables().frame(
            self.rows(), columns, feature="VerdictsOverTime.to_pandas()"
        )


def verdicts_over_time(
    plan: Plan, timeline: Timeline, *, start: State | None = None
) -> VerdictsOverTime:
    """Every phase's preconditions and completion verdicts at the start and after each instant
    at which events happen (events at the same instant are judged together)."""
    h = history(plan, timeline, start=start)
    phases = tuple(p.id for p in plan.phases)
    checks = [(compiled(p.entry, plan), compiled(p.completion, plan)) for p in plan.phases]
    instants: list[dt.datetime | None] = [None]
    indices: list[int] = [0]
    ids: list[tuple[str, ...]] = [()]
    events = h.timeline.events
    for i, e in enumerate(events, start=1):
        if i < len(events) and events[i].at == e.at:
            continue  # the last event at this instant stands for all of them
        first = indices[-1] + 1
        instants.append(e.at)
        ids.append(tuple(x.id for x in events[first - 1 : i]))
        indices.append(i)
    entry, completion = [], []
    for index in indices:
        state = h.state(index)
        entry.append(tuple(fn(state) for fn, _ in checks))
        completion.append(tuple(fn(state) for _, fn in checks))
    return VerdictsOverTime(
        plan.version, phases, tuple(instants), tuple(ids), tuple(entry), tuple(completion)
    )


@attrs.frozen
class FirstMet:
    """When a target first became MET on a timeline.

    Attributes:
        target: ``"phase-2.entry"`` or ``"phase-2.completion"``.
        at: the first instant it is MET (None: never on this timeline; the start counts as None
            too, see *at_start*).
        at_start: True if it was MET before any event.
        unknown_before: the earlier instants at which it was UNKNOWN: it may have held sooner than
            the data show.
        events: the events at *at*.
    """

    target: str
    at: dt.datetime | None
    at_start: bool
    unknown_before: tuple[dt.datetime | None, ...]
    events: tuple[str, ...]

    @property
    def met(self) -> bool:
        """Whether it became MET on this timeline (at the start or later)."""
        return self.at_start or self.at is not None

    def explain(self) -> str:
        if not self.met:
            return f"{self.target}: never MET on this timeline"
        when = "at the start" if self.at_start else f"at {self.at.isoformat()}"  # type: ignore[union-attr]
        cause = f" ({', '.join(self.events)})" if self.events else ""
        doubt = (
            f"; UNKNOWN at {len(self.unknown_before)} earlier instant(s), so possibly sooner"
            if self.unknown_before
            else ""
        )
        return f"{self.target}: first MET {when}{cause}{doubt}"


def _target(plan: Plan, target: str) -> tuple[str, str]:
    phase, _, aspect = target.partition(".")
    plan.phase(phase)  # raises, listing the phases
    aspect = aspect or "entry"
    if aspect not in ASPECTS:
        raise InvalidValueError(
            "first_met.target", target, "a target is a phase or its entry or completion",
            f'Write "{phase}", "{phase}.entry" or "{phase}.completion".',
        )  # fmt: skip
    return phase, aspect


def first_met(
    plan: Plan, timeline: Timeline, target: str, *, start: State | None = None
) -> FirstMet:
    """When *target* (``"phase-2"``, ``"phase-2.entry"`` or ``"phase-2.completion"``) first
    became MET on *timeline*.

    Raises:
        UnknownPhaseError: no phase has that id.
        InvalidValueError: the part after the dot is neither ``entry`` nor ``completion``.
    """
    phase, aspect = _target(plan, target)
    over = verdicts_over_time(plan, timeline, start=start)
    verdicts = over.verdict(phase, aspect)
    unknown: list[dt.datetime | None] = []
    for i, v in enumerate(verdicts):
        if v is Verdict.MET:
            return FirstMet(f"{phase}.{aspect}", over.instants[i], i == 0, tuple(unknown),
                            over.events[i])  # fmt: skip
        if v is Verdict.UNKNOWN:
            unknown.append(over.instants[i])
    return FirstMet(f"{phase}.{aspect}", None, False, tuple(unknown), ())


@attrs.frozen
class Link:
    """One obligation waiting on another: *waiter*'s trigger (or a condition its obligor
    states) reads *facts*, which *holder*'s completion reads: *waiter* waits on *holder*.

    Attributes:
        waiter: the obligation that waits.
        holder: the obligation it waits on.
        facts: the facts that tie them.
        because: where the wait comes from: ``"its trigger"``, or the stated position
            (party, date, sources) in the library's one wording.
    """

    waiter: str
    holder: str
    facts: tuple[str, ...]
    because: str


@attrs.frozen
class Cycle:
    """Obligations of two or more parties that wait on each other, each link explained.

    Attributes:
        obligations: the obligations in the cycle.
        parties: the parties that owe them.
        links: the waits that close the cycle.
        points: the plan points involved.
    """

    obligations: tuple[str, ...]
    parties: tuple[str, ...]
    links: tuple[Link, ...]
    points: tuple[int, ...]

    def explain(self) -> str:
        head = f"{', '.join(self.obligations)} wait on each other "
        head += f"(owed by {', '.join(self.parties)}; points {', '.join(map(str, self.points))}):"
        lines = [head]
        lines += [
            f"  {k.waiter} waits on {k.holder} through {', '.join(k.facts)} ({k.because})"
            for k in self.links
        ]
        return "\n".join(lines)


def _links(plan: Plan, positions: bool, on: dt.date | None) -> list[Link]:
    from .conditions import facts_read
    from .sources import cite

    obligations = plan.obligations()
    completes = {o.id: set(facts_read(o.completion)) for o in obligations}
    waits: dict[str, list[tuple[set[str], str]]] = {
        o.id: [(set(facts_read(o.trigger)), "its trigger")] for o in obligations
    }
    if positions:
        for p in plan.positions:
            if p.obligation in waits and p.only_if is not None and (on is None or p.holds_at(on)):
                said = f"{p.statement()}, {p.as_of or 'undated'} {cite(p.sources)}"
                waits[p.obligation].append((set(facts_read(p.only_if)), said))
    links = []
    for waiter, reasons in waits.items():
        for holder, done in completes.items():
            if holder == waiter:
                continue
            for facts, because in reasons:
                shared = tuple(sorted(facts & done))
                if shared:
                    links.append(Link(waiter, holder, shared, because))
    return links


def cycles(plan: Plan, *, positions: bool = True, on: dt.date | None = None) -> tuple[Cycle, ...]:
    """Every set of obligations, owed by two or more parties, that wait on each other: a
    strongly connected part of the graph in which an obligation points to those whose completion
    sets a fact its trigger reads (and, with *positions*, a fact a condition its obligor states
    reads, holding *on* that day if given)."""
    links = _links(plan, positions, on)
    graph: dict[str, set[str]] = {o.id: set() for o in plan.obligations()}
    for k in links:
        graph[k.waiter].add(k.holder)
    owed = {o.id: o for o in plan.obligations()}
    found = []
    for part in _strongly_connected(graph):
        parties = sorted({party for o in part for party in owed[o].obligors})
        if len(part) < 2 or len(parties) < 2:
            continue
        inside = tuple(k for k in links if k.waiter in part and k.holder in part)
        points = tuple(sorted({owed[o].provision for o in part}))
        found.append(Cycle(tuple(sorted(part)), tuple(parties), inside, points))
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
