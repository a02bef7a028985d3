"""Verdicts over time: each phase's verdicts at every instant of a timeline, and when a target was
first MET.

:func:`verdicts_over_time` replays a timeline once and judges every phase's preconditions and
completion at the start and after each instant at which events happen; :func:`first_met` says
when a phase's preconditions (``"phase-2"`` or ``"phase-2.entry"``) or completion
(``"phase-2.completion"``) first became MET, and, three-valued, at which earlier instants the
verdict was UNKNOWN, so that it may have held sooner than the data can show.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from ..core import _checks as check
from ..core import _ports
from ..core._compile import compiled
from ..core._results import NotebookDisplay
from ..core.plans import Plan
from ..core.state import State
from ..exceptions import InvalidValueError, UnknownPhaseError
from ..truth import Verdict
from .histories import history
from .timelines import Timeline

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ASPECTS", "FirstMet", "VerdictsOverTime", "first_met", "verdicts_over_time"]

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
        """One phase's verdicts over time.

        Args:
            phase: the phase's id.
            aspect: ``"entry"`` (its preconditions) or ``"completion"``.

        Returns:
            The verdict at each instant, the start first.

        Raises:
            UnknownPhaseError: if no phase judged has that id.
        """
        if phase not in self.phases:
            raise UnknownPhaseError(phase, self.phases)
        column = self.phases.index(phase)
        table = self.entry if aspect == "entry" else self.completion
        return tuple(row[column] for row in table)

    def rows(self) -> list[dict[str, Any]]:
        """The verdicts as rows of plain values.

        Returns:
            One row per instant and phase, with the keys ``at``, ``phase``, ``preconditions``,
            ``completion`` and ``events``.
        """
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
        """The changes only, in words.

        Returns:
            A heading, each phase's verdicts at the start, then each change, with the events that
            brought it.
        """
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
        """The rows as a DataFrame.

        Needs the ``pandas`` extra.

        Returns:
            One row per instant and phase (see :meth:`rows`).

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        columns = ("at", "phase", "preconditions", "completion", "events")
        return _ports.tables().frame(self.rows(), columns, feature="VerdictsOverTime.to_pandas()")


def verdicts_over_time(
    plan: Plan, timeline: Timeline, *, start: State | None = None
) -> VerdictsOverTime:
    """Every phase's verdicts at the start and after each instant at which events happen.

    Events at the same instant are judged together.

    Args:
        plan: the plan.
        timeline: the events to replay on it.
        start: the state the first event applies to (None: the plan's initial state).

    Returns:
        Each phase's preconditions and completion verdicts at each instant.

    Raises:
        InvalidEventError: if an event cannot happen in the state it meets, or names a party or
            line the plan lacks.
    """
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
        """The answer in one line.

        Returns:
            When the target was first MET, by which events, and at how many earlier instants it
            was UNKNOWN; or that it was never MET on this timeline.
        """
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
    """When a phase's preconditions or completion first became MET on a timeline.

    Args:
        plan: the plan.
        timeline: the events to replay on it.
        target: ``"phase-2"`` or ``"phase-2.entry"`` (the preconditions), or
            ``"phase-2.completion"``.
        start: the state the first event applies to (None: the plan's initial state).

    Returns:
        The first instant it is MET (if any), and the earlier instants at which it was UNKNOWN.

    Raises:
        UnknownPhaseError: no phase has that id.
        InvalidValueError: the part after the dot is neither ``entry`` nor ``completion``.
    """
    check.need_type(plan, Plan, "first_met(plan)", check.PLAN_FIX)
    check.need_type(timeline, Timeline, "first_met(timeline)", check.TIMELINE_FIX)
    check.need_type(target, str, "first_met(target)", "Pass a target such as 'phase-2.completion'.")
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
