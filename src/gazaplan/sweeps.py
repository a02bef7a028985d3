"""Sweeps: one plan, many variants, each judged over the same timeline.

``gp.sweep(plan, grid, timeline=..., at=...)`` takes a grid of paths to values and judges every
point of it. A path is a term (``exchange.remains_ratio``, see ``Plan.term_paths()``), a deadline's
hours (``deadline.p4-return-hostages``) or a deadline's counting point
(``since.p4-return-hostages``: a reading of when the clock starts, as ``gp.catalog.counting_points()``
lists them with their sources). Each point is an :class:`~gazaplan.Amendment` (a what-if, its
values attributed to the sweep, not to a source), applied to the plan; each variant is then
judged: every phase (its entry verdict, whether it is complete, when it first was) and every
obligation (its completion verdict, its compliance status, when it was fulfilled or is due, and
how late). :class:`SweepResult` holds the results as tidy rows, with ``to_pandas()``, a notebook
display and ``plot()``.

Pass ``executor=`` to spread the variants over processes or a cluster (:mod:`gazaplan.runs`):
the results are the same.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from . import _checks as check
from . import _notebook
from ._compliance import compliance, first_instant
from ._notebook import NotebookDisplay
from ._sweep_grid import Axis, axes_of, edits_of
from .amendments import Amendment, amend
from .exceptions import InvalidValueError
from .explain import duration
from .histories import history
from .plans import Plan
from .rules import check_plan
from .runs import PlanRecipe, recipe_of, run_all, token_of, worker_cached
from .runs import progress_bar as _progress_bar
from .state import State
from .timelines import Timeline
from .truth import Verdict

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["Axis", "Standing", "SweepResult", "Variant", "sweep"]


@attrs.frozen
class Standing:
    """How one phase or obligation stands in one variant.

    Attributes:
        kind: ``"phase"`` or ``"obligation"``.
        id: the phase's or obligation's id.
        verdict: a phase's entry verdict (its preconditions); an obligation's completion verdict.
        status: a phase: ``complete``, ``not complete`` or ``unknown``; an obligation: its
            compliance status (``fulfilled late``, ``overdue``, ...).
        instant: a phase: when it was first complete; an obligation: when it was fulfilled, or
            else when it is due (None: never, or not known).
        lateness: how late it was fulfilled, or how long overdue (None: neither).
    """

    kind: str
    id: str
    verdict: Verdict
    status: str
    instant: dt.datetime | None
    lateness: dt.timedelta | None


@attrs.frozen
class Variant:
    """One point of the grid: its values (in the axes' order), the amendment, the standings."""

    values: tuple[Any, ...]
    amendment: Amendment
    standings: tuple[Standing, ...]

    def standing(self, subject_id: str) -> Standing:
        """The standing of phase or obligation *subject_id*."""
        for s in self.standings:
            if s.id == subject_id:
                return s
        from .exceptions import UnknownIdError

        raise UnknownIdError(subject_id, [s.id for s in self.standings], where="Variant.standing")


_PHASE_STATUS = {Verdict.MET: "complete", Verdict.UNMET: "not complete", Verdict.UNKNOWN: "unknown"}


def judge(
    plan: Plan, timeline: Timeline, at: dt.datetime, start: State | None
) -> tuple[Standing, ...]:
    """Every phase's and obligation's standing on *timeline* as of *at* (what a variant holds)."""
    h = history(plan, timeline, start=start)
    n = h.count(at)
    report = check_plan(plan, h.state(n))
    out = []
    for p in report.phases:
        when = first_instant(plan, h, p.phase.completion, n)
        verdict = p.completion.verdict
        out.append(Standing("phase", p.phase.id, p.verdict, _PHASE_STATUS[verdict], when, None))
    by_id = {c.obligation.id: c for c in compliance(plan, timeline, at=at, start=start).items}
    for o in plan.obligations():
        c = by_id[o.id]
        out.append(
            Standing(
                "obligation",
                o.id,
                c.completion.verdict,
                str(c.status),
                c.fulfilled_at or c.due,
                c.late_by or c.overdue_by,
            )
        )
    return tuple(out)


@attrs.frozen
class _Payload:
    token: str
    recipe: PlanRecipe | None  # None: the plan itself travels (serial runs only)
    plan: Plan | None
    timeline: Timeline
    at: dt.datetime
    start: State | None


def _base(p: _Payload) -> Plan:
    if p.plan is not None:
        return p.plan
    assert p.recipe is not None
    recipe = p.recipe
    return worker_cached(p.token, recipe.plan)  # type: ignore[no-any-return]


def _run(p: _Payload, batch: Sequence[Amendment]) -> list[tuple[Standing, ...]]:
    base = _base(p)
    return [judge(amend(base, a), p.timeline, p.at, p.start) for a in batch]


def sweep(
    plan: Plan,
    grid: Mapping[str, Iterable[Any]],
    *,
    timeline: Timeline,
    at: dt.datetime | None = None,
    start: State | None = None,
    executor: Any = None,
    progress: bool | None = None,
) -> SweepResult:
    """Judge *plan* at every point of *grid* over *timeline*, as of *at*.

    Args:
        plan: the plan the variants amend.
        grid: paths to the values each takes (``{"exchange.remains_ratio": range(5, 26)}``);
            the variants are every combination, the first path varying slowest.
        timeline: the events to judge against.
        at: the instant judged (default: the timeline's last event).
        start: the facts before the first event (default: the plan's at publication).
        executor: None (here, in order), any ``concurrent.futures.Executor``, or a Dask Client.
        progress: a bar on stderr (the ``progress`` extra); None: only when stderr is a terminal.

    Raises:
        InvalidValueError: a path that names no term, deadline or counting point, a value of
            the wrong type, an axis without values, a plan that cannot travel to an executor.
    """
    if not isinstance(timeline, Timeline):
        raise InvalidValueError(
            "sweep(timeline=)",
            type(timeline).__name__,
            "is not a Timeline",
            "Pass gp.timeline() or a Timeline of your events.",
        )
    axes = axes_of(plan, grid)
    if at is None:
        at = timeline.last or plan.origin
    check.need_instant(at, "at")
    points = list(itertools.product(*(a.values for a in axes)))
    amendments = [
        Amendment(
            f"{plan.version}+sweep-{i + 1}",
            _title(axes, values),
            edits_of(plan, axes, values),
            rationale="A sweep point: the values are the sweep's, not a source's.",
        )
        for i, values in enumerate(points)
    ]
    travels = executor is not None
    payload = _Payload(
        token_of(plan, timeline),
        recipe_of(plan) if travels else None,
        None if travels else plan,
        timeline,
        at,
        start,
    )
    tell, close = _progress_bar(len(points), "sweep", progress)
    try:
        results = run_all(_run, payload, amendments, executor=executor, progress=tell)
    finally:
        close()
    variants = tuple(Variant(v, a, r) for v, a, r in zip(points, amendments, results, strict=True))
    return SweepResult(plan.version, at, axes, variants)


def _spans(axis: Axis, indices: Sequence[int]) -> str:
    """Values of *axis* (by index, in order) in words, consecutive ones as a range: ``5-15, 20``."""
    spans: list[list[int]] = []
    for i in indices:
        if spans and spans[-1][1] == i - 1:
            spans[-1][1] = i
        else:
            spans.append([i, i])
    label = axis.label
    return ", ".join(
        label(axis.values[a]) if a == b else f"{label(axis.values[a])}-{label(axis.values[b])}"
        for a, b in spans
    )


def _title(axes: Sequence[Axis], values: Sequence[Any]) -> str:
    return ", ".join(f"{a.path} = {a.label(v)}" for a, v in zip(axes, values, strict=True))


@attrs.frozen
class SweepResult(NotebookDisplay):
    """Every variant of a sweep and how each phase and obligation stands in it.

    Attributes:
        version: the version of the plan the variants amend.
        at: the instant judged.
        axes: the grid's paths and values.
        variants: one per point, the first axis varying slowest.
    """

    version: str
    at: dt.datetime
    axes: tuple[Axis, ...]
    variants: tuple[Variant, ...]

    def __len__(self) -> int:
        return len(self.variants)

    def rows(self) -> list[dict[str, Any]]:
        """One row per variant and phase or obligation: the axes' values, then kind, id,
        verdict, status, instant, lateness."""
        out = []
        for v in self.variants:
            head = dict(zip((a.path for a in self.axes), v.values, strict=True))
            for s in v.standings:
                out.append(
                    {
                        **head,
                        "kind": s.kind,
                        "id": s.id,
                        "verdict": str(s.verdict),
                        "status": s.status,
                        "instant": s.instant,
                        "lateness": s.lateness,
                    }
                )
        return out

    def columns(self) -> tuple[str, ...]:
        """The rows' columns, in order."""
        return (
            *(a.path for a in self.axes),
            "kind",
            "id",
            "verdict",
            "status",
            "instant",
            "lateness",
        )

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a DataFrame (the ``pandas`` extra)."""
        return _notebook.tables().frame(
            self.rows(), self.columns(), feature="SweepResult.to_pandas()"
        )

    def varying(self) -> tuple[str, ...]:
        """The phases and obligations whose status or lateness is not the same in every variant."""
        seen: dict[str, set[tuple[str, Any]]] = {}
        for v in self.variants:
            for s in v.standings:
                seen.setdefault(s.id, set()).add((s.status, s.lateness))
        return tuple(k for k, v in seen.items() if len(v) > 1)

    def summary(self) -> list[dict[str, Any]]:
        """What varies, as rows: for each phase or obligation whose standing varies and each
        status it takes, the lateness (a range where it varies) and the variants."""
        rows = []
        for subject in self.varying():
            groups: dict[str, list[Variant]] = {}
            for v in self.variants:
                groups.setdefault(v.standing(subject).status, []).append(v)
            for status, where in groups.items():
                lates = sorted(
                    {x for v in where if (x := v.standing(subject).lateness) is not None}
                )
                late = (
                    ""
                    if not lates
                    else duration(lates[0])
                    if len(lates) == 1
                    else f"{duration(lates[0])} to {duration(lates[-1])}"
                )
                rows.append(
                    {
                        "id": subject,
                        "status": status,
                        "lateness": late,
                        "variants": self._where(where),
                    }
                )
        return rows

    def title(self) -> str:
        """One line: the plan, the grid, how many variants, the instant judged."""
        grid = " x ".join(f"{a.path} ({len(a.values)} values)" for a in self.axes)
        return (
            f"Sweep of plan {self.version} over {grid}: {len(self.variants)} variants, "
            f"judged at {self.at:%Y-%m-%d %H:%M %z}"
        )

    def explain(self) -> str:
        """What varies across the grid, subject by subject, with the values behind each status."""
        lines = [self.title()]
        summary = self.summary()
        if not summary:
            lines.append("  No phase or obligation stands differently in any variant.")
        last = None
        for row in summary:
            if row["id"] != last:
                lines.append(f"  {row['id']}:")
                last = row["id"]
            late = f" by {row['lateness']}" if row["lateness"] else ""
            lines.append(f"    {row['status']}{late}: {row['variants']}")
        return "\n".join(lines) + "\n"

    def _where(self, variants: Sequence[Variant]) -> str:
        """The variants in words: where they are every combination of some values of each
        axis, those values (ranges for consecutive ones; an axis taking all its values is left
        out); else how many, and the first few."""
        taken = [
            [
                i
                for i, x in enumerate(a.values)
                if any(repr(v.values[k]) == repr(x) for v in variants)
            ]
            for k, a in enumerate(self.axes)
        ]
        if len(variants) == math.prod(len(t) for t in taken):  # a product: say it per axis
            parts = [
                f"{a.path} = {_spans(a, t)}"
                for a, t in zip(self.axes, taken, strict=True)
                if len(t) < len(a.values)
            ]
            return "; ".join(parts) or "every variant"
        titles = [v.amendment.title for v in variants]
        more = f"; and {len(titles) - 3} more" if len(titles) > 3 else ""
        return f"{len(titles)} variant(s): " + "; ".join(titles[:3]) + more

    def plot(self, subjects: Sequence[str] | str | None = None, *, ax: Axes | None = None) -> Axes:
        """A line of lateness against the axis for one axis; a heatmap of statuses for two
        (the ``plot`` extra); see :func:`gazaplan.plots.plot_sweep`."""
        return _notebook.plots().plot_sweep(self, subjects, ax=ax)  # type: ignore[no-any-return]
