"""The runs of a Monte Carlo simulation, as a worker computes them (see :mod:`gazaplan.montecarlo`).

A worker builds the unperturbed judgement once per simulation (:class:`_Base`) and then each run
from its index: the perturbation drawn from the run's seed, the history retimed or refolded, and
only the obligations whose facts or onsets moved judged again.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

import attrs

from ._compliance import ComplianceStatus, judge, onset_indices, read_changes, read_fields
from .events import Event
from .exceptions import GazaplanError
from .histories import history, refolded, retimed
from .perturbations import Perturbation
from .runs import PlanRecipe, run_seed, worker_cached
from .timelines import Timeline

__all__ = ["Payload", "Run", "runs"]


@attrs.frozen
class Run:
    """One run: its index and seed, each obligation's status and lateness (in the result's
    order of obligations), or why its timeline could not be replayed."""

    index: int
    seed: int
    statuses: tuple[ComplianceStatus, ...]
    lateness: tuple[dt.timedelta | None, ...]
    error: str = ""

    @property
    def late(self) -> dt.timedelta:
        """How late, in all: the sum of every obligation's lateness or time overdue."""
        return sum((x for x in self.lateness if x is not None), dt.timedelta())


@attrs.frozen
class Payload:
    token: str
    recipe: PlanRecipe
    timeline: Timeline
    at: dt.datetime
    perturbation: Perturbation
    seed: int


class _Base:
    """The unperturbed judgement, made once per worker, that each run starts from."""

    def __init__(self, p: Payload) -> None:
        self.p = p
        self.plan = plan = p.recipe.plan()
        self.events = p.timeline.events
        self.h = history(plan, p.timeline)
        self.n = self.h.count(p.at)
        self.instants = [e.at for e in self.events]
        self.obligations = [(ph.id, o) for ph in plan.phases for o in ph.obligations]
        self.items = [judge(plan, self.h, o, pid, p.at) for pid, o in self.obligations]
        self.onsets = [onset_indices(plan, self.h, o) for _, o in self.obligations]
        self.reads = [read_changes(self.h, o) for _, o in self.obligations]
        self.fields = [read_fields(o) for _, o in self.obligations]
        self.selected = p.perturbation.select(self.events)

    def run(self, index: int) -> Run:
        p = self.p
        seed = run_seed(p.seed, index)
        drawn = p.perturbation.draw(self.events, random.Random(seed), self.selected)
        try:
            if drawn.retimed_only:
                items = self._retimed(drawn.instants)
            else:
                items = self._refolded(
                    drawn.instants,
                    drawn.events(self.events),
                    min((*drawn.dropped, *drawn.replaced)),
                )
        except GazaplanError as e:
            return Run(index, seed, (), (), str(e))
        return Run(
            index,
            seed,
            tuple(c.status for c in items),
            tuple(c.late_by or c.overdue_by for c in items),
        )

    def _refolded(
        self, instants: Sequence[dt.datetime], events: Sequence[Event], first: int
    ) -> list[Any]:
        """Each obligation judged on the timeline refolded from event *first* (where the facts
        begin to differ), or kept where none of the facts it reads changes after *first* in
        either history, both cut-offs at *at* lie beyond it and, for one with a deadline, its
        onsets (all before *first*) happened at the same instants."""
        h = refolded(self.h, events, first)
        n = h.count(self.p.at)
        out = []
        for j, (pid, o) in enumerate(self.obligations):
            fields, reads = self.fields[j], self.reads[j]
            same = (
                fields is not None
                and reads is not None
                and min(n, self.n) >= first
                and (not reads or reads[-1] <= first)
                and all(not (c := h.changed(f)) or c[-1] <= first for f in fields)
            )
            same = same and (
                o.deadline is None
                or all(instants[k - 1] == self.instants[k - 1] for k in self.onsets[j])
            )
            out.append(self.items[j] if same else judge(self.plan, h, o, pid, self.p.at))
        return out

    def _retimed(self, instants: Sequence[dt.datetime]) -> list[Any]:
        """Each obligation's status and lateness on the retimed history: kept from the
        unperturbed judgement where the facts it reads as of *at* are the same and, for one with
        a deadline, its trigger, clock and completion happened at the same instants."""
        n = bisect.bisect_right(instants, self.p.at)
        lo, hi = min(n, self.n), max(n, self.n)
        h = None
        out = []
        for j, (pid, o) in enumerate(self.obligations):
            reads = self.reads[j]
            same = (reads is None and lo == hi) or (
                reads is not None
                and bisect.bisect_right(reads, lo) == bisect.bisect_right(reads, hi)
            )
            # without a deadline, when things happened changes no status and no lateness
            same = same and (
                o.deadline is None
                or all(instants[k - 1] == self.instants[k - 1] for k in self.onsets[j] if k <= n)
            )
            if same:
                out.append(self.items[j])
                continue
            h = h or retimed(self.h, instants)
            out.append(judge(self.plan, h, o, pid, self.p.at))
        return out


def runs(p: Payload, indices: Sequence[int]) -> list[Run]:
    base: _Base = worker_cached(p.token, lambda: _Base(p))
    return [base.run(i) for i in indices]
