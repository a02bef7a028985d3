"""Monte Carlo: a scenario's timeline perturbed at random, many times; how likely each status is.

``gp.monte_carlo(scenario, perturbation, n, seed=...)`` draws *n* runs of a
:class:`~gazaplan.runs.perturbations.Perturbation` (delays, drops, a claim picked among contested
ones) over the scenario's timeline and judges every obligation's compliance in each, as of
*at*. :class:`MonteCarloResult` gives the distribution of statuses per obligation, the
probability of each with a Wilson score interval, and the extreme runs, each of which
:meth:`MonteCarloResult.scenario` writes out as a scenario to replay (``gazaplan check``).

Run *i* draws from ``random.Random(run_seed(seed, i))``, so each run is the same whatever runs
it: serially, in a process pool or on a Dask cluster (``executor=``). A run that only moves
events shares the scenario's states (facts do not depend on when), and re-judges only the
obligations whose facts as of *at* changed or, for one with a deadline, whose trigger, clock or
completion moved; the others keep the unperturbed status and lateness. A run whose timeline
cannot happen (an event dropped that a later one needs) is counted as failed, with the reason,
and apart: never silently left out.

The runs are counted as they come, in order of index, so memory does not grow with *n*: the
result keeps each obligation's count of each status, the extreme runs, the first
:data:`MAX_FAILED_KEPT` failed runs and how many failed. Every run is kept only when asked
(``keep_runs=True``, ``--keep-runs``), for :meth:`MonteCarloResult.run_rows`; any one run can be
computed again from its index (:meth:`MonteCarloResult.run`). The counts are the same to the bit
whichever way, on any executor. At most :data:`MAX_RUNS` runs are drawn (:data:`MAX_KEPT_RUNS`
kept).
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import math
import random
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ..analysis.implicants import called, names_of
from ..core import _checks as check
from ..core import _ports
from ..core._frozenmap import FrozenMap
from ..core._results import NotebookDisplay
from ..core.explain import duration, plural
from ..core.obligations import Obligation
from ..exceptions import GazaplanError, InvalidValueError
from ..time.compliance import (
    NEWS_ORDER,
    ComplianceStatus,
    judge,
    onset_indices,
    read_changes,
    read_fields,
)
from ..time.events import Event
from ..time.histories import history, refolded, retimed
from ..time.timelines import Timeline
from ..whatif.scenarios import ObligationExpectation, Scenario
from .executors import (
    PlanRecipe,
    Progress,
    iter_all,
    progress_bar,
    run_seed,
    token_of,
    worker_cached,
)
from .perturbations import Perturbation

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "MAX_FAILED_KEPT",
    "MAX_KEPT_RUNS",
    "MAX_RUNS",
    "Estimate",
    "MonteCarloResult",
    "Run",
    "monte_carlo",
    "wilson",
]

MAX_RUNS = 10_000_000
"""The most runs a simulation draws: ten million (a share's 95% interval is then narrower than
0.07 points); for more, run again with other seeds and add the counts."""

MAX_KEPT_RUNS = 1_000_000
"""The most runs kept with ``keep_runs=True`` (about a kilobyte each: a gigabyte)."""

MAX_FAILED_KEPT = 100
"""The failed runs a result keeps, the first by index (all are counted)."""

# The runs, as a worker computes them: the unperturbed judgement built once per simulation
# (Payload), then each run from its index: the perturbation drawn from the run's seed, the
# history retimed or refolded, and only the obligations whose facts or onsets moved judged again.


@attrs.frozen
class Run:
    """One run of a simulation.

    Its index and seed, each obligation's status and lateness (in the result's order of
    obligations), or why its timeline could not be replayed.
    """

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
    """What every run of a simulation needs, sent to each worker once.

    Attributes:
        token: names the payload in each worker's cache.
        recipe: the plan, as data.
        timeline: the timeline perturbed.
        at: the instant judged.
        perturbation: what each run changes.
        seed: the simulation's seed.
    """

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
        self.items = [
            judge(plan, self.h, o, pid, p.at, periods=False) for pid, o in self.obligations
        ]
        self.onsets = [onset_indices(plan, self.h, o) for _, o in self.obligations]
        self.reads = [read_changes(self.h, o) for _, o in self.obligations]
        self.fields = [read_fields(o) for _, o in self.obligations]
        self.selected = p.perturbation.select(self.events)

    def run(self, index: int) -> Run:
        """One run, drawn from its seed and judged.

        Args:
            index: the run's index.

        Returns:
            The run; a timeline that cannot be replayed gives a run with its error.
        """
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
                not _timed(o)
                or all(instants[k - 1] == self.instants[k - 1] for k in self.onsets[j])
            )
            out.append(
                self.items[j] if same else judge(self.plan, h, o, pid, self.p.at, periods=False)
            )
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
            # without a clock, when things happened changes no status and no lateness
            same = same and (
                not _timed(o)
                or all(instants[k - 1] == self.instants[k - 1] for k in self.onsets[j] if k <= n)
            )
            if same:
                out.append(self.items[j])
                continue
            h = h or retimed(self.h, instants)
            out.append(judge(self.plan, h, o, pid, self.p.at, periods=False))
        return out


def _timed(o: Obligation) -> bool:
    """Whether an obligation's status depends on when things happened, not only on their order:
    a deadline, or a maintenance period of set length."""
    return o.deadline is not None or (o.period is not None and o.period.hours is not None)


def simulate_runs(p: Payload, indices: Sequence[int]) -> list[Run]:
    """A batch of runs, on a worker.

    The unperturbed judgement is built once per worker, then each run from it.

    Args:
        p: the simulation's payload.
        indices: the indexes of the runs in the batch.

    Returns:
        The runs, in the order of *indices*.
    """
    base: _Base = worker_cached(p.token, lambda: _Base(p))
    return [base.run(i) for i in indices]


# The simulation: runs sent to an executor, gathered into probabilities.

Z95 = 1.959963984540054


@attrs.frozen
class Estimate:
    """A probability estimated from runs, with its Wilson score interval (95%)."""

    p: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.p:.1%} (95% interval {self.low:.1%} to {self.high:.1%})"


def wilson(k: int, n: int, z: float = Z95) -> Estimate:
    """A share of runs as a probability with its Wilson score interval.

    Args:
        k: the runs counted.
        n: the runs in all.
        z: the normal quantile of the interval (95% by default).

    Returns:
        *k* / *n* with its interval; for no run, NaN with the interval 0 to 1.
    """
    if n == 0:
        return Estimate(math.nan, 0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return Estimate(p, max(0.0, centre - half), min(1.0, centre + half))


def monte_carlo(
    scenario: Scenario,
    perturbation: Perturbation,
    n: int,
    *,
    seed: int,
    at: dt.datetime | None = None,
    executor: Any = None,
    progress: bool | Progress | None = None,
    keep_runs: bool = False,
) -> MonteCarloResult:
    """Many runs of a perturbation over a scenario's timeline, judged as of an instant.

    Args:
        scenario: the plan version, its amendments and the timeline to perturb.
        perturbation: what each run changes (see :mod:`gazaplan.runs.perturbations`).
        n: the number of runs (from 1 to :data:`MAX_RUNS`).
        seed: run *i* draws from ``run_seed(seed, i)``: the same results on any executor.
        at: the instant judged (default: the timeline's data-as-of, else the scenario's last
            event, unperturbed); not past the data's edge.
        executor: None (here), any ``concurrent.futures.Executor``, or a Dask Client.
        progress: a bar on stderr (the ``progress`` extra); None: only on a terminal; False:
            nothing. Unless False, a simulation expected to last more than a few seconds says
            so on stderr, with its estimate, after its first runs. A callable is told (runs
            done, runs in all) instead.
        keep_runs: keep every run (for :meth:`MonteCarloResult.run_rows` and
            :attr:`MonteCarloResult.runs`; at most :data:`MAX_KEPT_RUNS`). Without it the runs
            are counted as they come, and memory does not grow with *n*; the counts are the
            same either way.

    Returns:
        What the runs say of each obligation's status, the extreme runs and the failed ones.

    Raises:
        InvalidValueError: *n* below 1 or above :data:`MAX_RUNS` (or :data:`MAX_KEPT_RUNS`
            with *keep_runs*), a seed that is no whole number, a perturbation that could move
            an event before the plan's publication, before the event preceding it or past the
            calendar's limit (instants before 2200).
        UnknownIdError: a perturbation naming an event the timeline lacks.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:  # type: ignore[redundant-expr]
        raise InvalidValueError("monte_carlo(n=)", n, "needs at least one run", "Pass n=1000.")
    if n > MAX_RUNS:
        raise InvalidValueError(
            "monte_carlo(n=)",
            n,
            f"a simulation draws at most {MAX_RUNS:,} runs",
            f"Pass n={MAX_RUNS:,} or fewer (--runs on the command line); for more, run again "
            "with other seeds and add the counts.",
        )
    if not isinstance(keep_runs, bool):
        raise InvalidValueError(
            "monte_carlo(keep_runs=)", keep_runs, "is True or False", "Pass keep_runs=True."
        )
    if keep_runs and n > MAX_KEPT_RUNS:
        raise InvalidValueError(
            "monte_carlo(keep_runs=)",
            True,
            f"keeps at most {MAX_KEPT_RUNS:,} runs (about a kilobyte each); n is {n:,}",
            "Leave keep_runs out (--keep-runs on the command line): the counts, the extreme "
            "and the failed runs are kept without it, and result.run(i) computes any run again.",
        )
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise InvalidValueError(
            "monte_carlo(seed=)", seed, "a seed is a whole number", "Pass seed=1."
        )
    plan = scenario.plan()
    timeline = scenario.timeline
    perturbation.check(timeline.events, plan.origin)
    at = at or timeline.data_as_of or timeline.last or plan.origin
    check.need_instant(at, "at")
    if timeline.data_as_of is not None and at > timeline.data_as_of:
        raise InvalidValueError(
            "monte_carlo(at=)",
            at.isoformat(),
            f"past the data's edge ({timeline.data_as_of.isoformat()}): runs perturb what the "
            "sources record, and past them nothing is recorded",
            "Judge at or before the timeline's data_as_of, or make the timeline a scenario "
            "(attrs.evolve(timeline, data_as_of=None)) to assume nothing else happens.",
        )
    recipe = PlanRecipe(scenario.version, scenario.amendments)
    payload = Payload(token_of(scenario, perturbation), recipe, timeline, at, perturbation, seed)
    ids = tuple(o.id for ph in plan.phases for o in ph.obligations)
    tally = _Tally(len(ids), keep_runs)
    tell, close = progress_bar(n, "monte carlo", progress)
    try:
        runs = iter_all(simulate_runs, payload, range(n), executor=executor, progress=tell)
        with contextlib.closing(runs):
            for run in runs:
                tally.add(run)
    finally:
        close()
    return MonteCarloResult(
        scenario,
        perturbation,
        seed,
        at,
        ids,
        n,
        tuple(tuple(c.items()) for c in tally.counts),
        tally.replayed,
        tuple(tally.failed),
        tally.failed_count,
        tally.extremes(),
        None if tally.kept is None else tuple(tally.kept),
        names_of(plan),
    )


class _Tally:
    """The runs counted as they come, in order of index: what a result keeps of them."""

    def __init__(self, width: int, keep: bool) -> None:
        self.counts: list[dict[ComplianceStatus, int]] = [{} for _ in range(width)]
        self.replayed = 0
        self.failed: list[Run] = []
        self.failed_count = 0
        self.latest: tuple[dt.timedelta, Run] | None = None
        self.least: tuple[dt.timedelta, Run] | None = None
        self.kept: list[Run] | None = [] if keep else None

    def add(self, run: Run) -> None:
        if self.kept is not None:
            self.kept.append(run)
        if run.error:
            self.failed_count += 1
            if len(self.failed) < MAX_FAILED_KEPT:
                self.failed.append(run)
            return
        self.replayed += 1
        for counts, status in zip(self.counts, run.statuses, strict=True):
            counts[status] = counts.get(status, 0) + 1
        late = run.late  # among equals the lowest index: the first come
        if self.latest is None or late > self.latest[0]:
            self.latest = (late, run)
        if self.least is None or late < self.least[0]:
            self.least = (late, run)

    def extremes(self) -> tuple[Run, ...]:
        if self.latest is None or self.least is None:
            return ()
        return (self.latest[1], self.least[1])


@attrs.frozen
class MonteCarloResult(NotebookDisplay):
    """What the runs of a simulation say of each obligation.

    Attributes:
        base: the scenario perturbed.
        perturbation: what each run changed.
        seed: the simulation's seed.
        at: the instant judged.
        obligations: the obligations' ids, in the order of each run's statuses.
        n: the runs drawn, failed ones included.
        tallies: for each obligation (in the order of *obligations*), each status seen and how
            many replayed runs gave it, in the order first seen.
        replayed: the runs whose timeline could be replayed (the probabilities' denominator).
        failed: the runs whose timeline could not be replayed, each with its reason: the first
            :data:`MAX_FAILED_KEPT` by index.
        failed_count: how many runs failed in all.
        extreme_runs: the latest and the least late replayed run (see :meth:`extremes`), or
            none if no run was replayed.
        kept_runs: every run, in order of index, if the simulation kept them
            (``keep_runs=True``); else None.
        names: the words of the obligations by id, which :meth:`explain` uses.
    """

    base: Scenario
    perturbation: Perturbation
    seed: int
    at: dt.datetime
    obligations: tuple[str, ...]
    n: int
    tallies: tuple[tuple[tuple[ComplianceStatus, int], ...], ...]
    replayed: int
    failed: tuple[Run, ...]
    failed_count: int
    extreme_runs: tuple[Run, ...]
    kept_runs: tuple[Run, ...] | None = None
    names: Mapping[str, str] = attrs.field(default=FrozenMap[str, str](), eq=False, repr=False)

    def __getstate__(self) -> dict[str, Any]:
        return {a.name: getattr(self, a.name) for a in attrs.fields(type(self))}

    def __setstate__(self, state: dict[str, Any]) -> None:
        if "runs" in state and "n" not in state:  # pickled before the runs were counted
            runs = state.pop("runs")
            tally = _Tally(len(state["obligations"]), True)
            for run in runs:
                tally.add(run)
            state |= {
                "n": len(runs),
                "tallies": tuple(tuple(c.items()) for c in tally.counts),
                "replayed": tally.replayed,
                "failed": tuple(tally.failed),
                "failed_count": tally.failed_count,
                "extreme_runs": tally.extremes(),
                "kept_runs": tuple(runs),
            }
        state.setdefault("names", FrozenMap[str, str]())  # pickled before results had words
        for name, value in state.items():
            object.__setattr__(self, name, value)

    @property
    def runs(self) -> tuple[Run, ...]:
        """Every run, failed ones included, in order of index (kept with ``keep_runs=True``).

        Raises:
            InvalidValueError: if the simulation did not keep its runs.
        """
        if self.kept_runs is None:
            raise InvalidValueError(
                "MonteCarloResult.runs",
                f"{self.n:,} runs counted, not kept",
                "the simulation kept only the counts, the extreme runs and the failed ones",
                "Pass keep_runs=True to gp.monte_carlo (--keep-runs on the command line), or "
                "compute one run again with result.run(index).",
            )
        return self.kept_runs

    def run(self, index: int) -> Run:
        """One run, kept or computed again from its index (the same to the bit).

        Args:
            index: the run's index, from 0 to ``n - 1``.

        Returns:
            The run.

        Raises:
            InvalidValueError: if no run has that index.
        """
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < self.n:  # type: ignore[redundant-expr]
            raise InvalidValueError(
                "MonteCarloResult.run(index=)",
                index,
                f"the runs are numbered 0 to {self.n - 1:,}",
                "Pass the index of a run.",
            )
        if self.kept_runs is not None:
            return self.kept_runs[index]
        for r in (*self.extreme_runs, *self.failed):
            if r.index == index:
                return r
        recipe = PlanRecipe(self.base.version, self.base.amendments)
        payload = Payload(
            token_of(self), recipe, self.base.timeline, self.at, self.perturbation, self.seed
        )
        (found,) = simulate_runs(payload, [index])
        return found

    def counts(self, obligation: str) -> dict[ComplianceStatus, int]:
        """How many runs gave one obligation each status (failed runs apart).

        Args:
            obligation: the obligation's id.

        Returns:
            Each status seen and how many runs gave it.

        Raises:
            UnknownIdError: if the simulation judged no such obligation.
        """
        return dict(self.tallies[self._index(obligation)])

    def probability(self, obligation: str, status: ComplianceStatus | str) -> Estimate:
        """The share of the replayed runs in which an obligation has a status.

        Args:
            obligation: the obligation's id.
            status: the status, or its words (``"overdue"``).

        Returns:
            The share, with its Wilson score interval.

        Raises:
            UnknownIdError: if the simulation judged no such obligation.
            ValueError: if *status* is no status's words.
        """
        wanted = status if isinstance(status, ComplianceStatus) else ComplianceStatus(status)
        return wilson(self.counts(obligation).get(wanted, 0), self.replayed)

    def _index(self, obligation: str) -> int:
        if obligation not in self.obligations:
            from ..exceptions import UnknownIdError

            raise UnknownIdError(obligation, self.obligations, where="MonteCarloResult")
        return self.obligations.index(obligation)

    def rows(self) -> list[dict[str, Any]]:
        """The statuses as rows of plain values.

        Returns:
            One row per obligation and status seen, with its runs, probability and interval.
        """
        total = self.replayed
        out = []
        for o in self.obligations:
            for status, k in sorted(self.counts(o).items(), key=lambda kv: -kv[1]):
                e = wilson(k, total)
                out.append(
                    {
                        "obligation": o,
                        "status": str(status),
                        "runs": k,
                        "probability": e.p,
                        "low": e.low,
                        "high": e.high,
                    }
                )
        return out

    def run_rows(self) -> list[dict[str, Any]]:
        """The runs as rows of plain values (the runs must have been kept).

        Returns:
            One row per run and obligation (run, seed, obligation, status, lateness); a failed
            run gives one row, with its error.

        Raises:
            InvalidValueError: if the simulation did not keep its runs (``keep_runs=True``).
        """
        out: list[dict[str, Any]] = []
        for r in self.runs:
            if r.error:
                out.append({"run": r.index, "seed": r.seed, "error": r.error})
                continue
            out += [
                {
                    "run": r.index,
                    "seed": r.seed,
                    "obligation": o,
                    "status": str(s),
                    "lateness": late,
                }
                for o, s, late in zip(self.obligations, r.statuses, r.lateness, strict=True)
            ]
        return out

    def to_pandas(self, table: str = "statuses") -> pd.DataFrame:
        """The result as a DataFrame.

        Needs the ``pandas`` extra.

        Args:
            table: ``"statuses"`` (:meth:`rows`, a row per obligation and status) or ``"runs"``
                (:meth:`run_rows`, a row per run and obligation; the runs must have been kept).

        Returns:
            The table.

        Raises:
            InvalidValueError: if *table* is neither, or is ``"runs"`` and the runs were not
                kept.
            MissingExtraError: if pandas is not installed.
        """
        if table == "runs":
            columns: tuple[str, ...] = ("run", "seed", "obligation", "status", "lateness", "error")
            return _ports.tables().frame(
                self.run_rows(), columns, feature="MonteCarloResult.to_pandas()"
            )
        if table != "statuses":
            raise InvalidValueError(
                "MonteCarloResult.to_pandas(table=)",
                table,
                "is neither 'statuses' nor 'runs'",
                "Pass one of them.",
            )
        columns = ("obligation", "status", "runs", "probability", "low", "high")
        return _ports.tables().frame(self.rows(), columns, feature="MonteCarloResult.to_pandas()")

    def plot(
        self, obligations: Sequence[str] | str | None = None, *, ax: Axes | None = None
    ) -> Axes:
        """Each status's share of the runs, a bar per obligation.

        Needs the ``plot`` extra; see :func:`gazaplan.desk.plots.plot_monte_carlo`.

        Args:
            obligations: the obligation or obligations to show (None: those whose status
                varies, up to twelve).
            ax: the axes to draw on (None: new ones).

        Returns:
            The axes drawn on.

        Raises:
            MissingExtraError: if matplotlib is not installed.
            UnknownIdError: if the simulation judged no such obligation.
        """
        return _ports.plots().plot_monte_carlo(self, obligations, ax=ax)  # type: ignore[no-any-return]

    def varying(self) -> tuple[str, ...]:
        """The obligations whose status is not the same in every replayed run.

        Returns:
            Their ids, in the result's order.
        """
        return tuple(o for o in self.obligations if len(self.counts(o)) > 1)

    def invariant(self) -> tuple[tuple[str, ComplianceStatus], ...]:
        """The obligations whose status is the same in every replayed run, with that status.

        Returns:
            ``(obligation, status)`` pairs, in the result's order; empty if no run was
            replayed.
        """
        out = []
        for o in self.obligations:
            counts = self.counts(o)
            if len(counts) == 1:
                (status,) = counts
                out.append((o, status))
        return tuple(out)

    def extremes(self) -> dict[str, Run]:
        """The replayed runs latest and least late in all.

        Lateness in all is the sum of every obligation's lateness or time overdue; among equals,
        the lowest index is taken.

        Returns:
            ``{"latest": run, "least late": run}``; empty if no run was replayed.
        """
        if not self.extreme_runs:
            return {}
        latest, least = self.extreme_runs
        return {"latest": latest, "least late": least}

    def scenario(self, run: Run | int) -> Scenario:
        """One run as a scenario.

        Args:
            run: the run, or its index (a run not kept is computed again).

        Returns:
            The scenario, with its timeline drawn again from its seed, each moved or re-claimed
            event marked hypothetical; its statuses as expectations (none for a failed run).

        Raises:
            InvalidValueError: if no run has that index.
        """
        found = self.run(run) if isinstance(run, int) else run
        index = found.index
        seed = run_seed(self.seed, index)
        events = self.base.timeline.events
        drawn = self.perturbation.draw(events, random.Random(seed))
        dropped = [events[i].id for i in sorted(drawn.dropped)]
        expectations = (
            ()
            if found.error
            else tuple(
                ObligationExpectation(self.at, o, s, note="as this run found")
                for o, s in zip(self.obligations, found.statuses, strict=True)
            )
        )
        gone = f" Left out: {', '.join(dropped)}." if dropped else ""
        return Scenario(
            name=f"{self.base.name}, Monte Carlo run {index} (hypothetical)",
            version=self.base.version,
            amendments=self.base.amendments,
            timeline=Timeline.of(drawn.events(events, flag=True)),
            expectations=expectations,
            description=f"Run {index} of a simulation seeded {self.seed} (run seed {seed}): "
            f"{self.perturbation.describe()}.{gone} Every change is hypothetical.",
        )

    def explain(self) -> str:
        """The simulation in words.

        Returns:
            A heading, the runs that failed, each status's probability for each obligation
            whose status varies, the obligations whose status never varies (invariant), by
            status, and the extreme runs.
        """
        lines = [
            (
                f"{self.n:,} runs of {self.base.name!r} ({self.perturbation.describe()}), "
                f"seed {self.seed}, judged at {self.at:%Y-%m-%d %H:%M %z}"
            )
        ]
        if self.failed:
            lines.append(
                f"  {self.failed_count:,} runs could not be replayed, e.g.: {self.failed[0].error}"
            )
        varying = self.varying()
        for o in varying:
            lines.append(f"  {called(self.names, o)}:")
            for status, k in sorted(self.counts(o).items(), key=lambda kv: -kv[1]):
                lines.append(f"    {status}: {wilson(k, self.replayed)}")
        invariant = self.invariant()
        if invariant:
            every = "Every obligation is" if not varying else plural(len(invariant), "obligation")
            verb = "" if not varying else (" is" if len(invariant) == 1 else " are")
            lines.append(
                f"  {every}{verb} invariant: the same status in all {self.replayed:,} runs replayed"
            )
            by_status: dict[ComplianceStatus, list[str]] = {}
            for o, status in invariant:
                by_status.setdefault(status, []).append(o)
            for status in sorted(by_status, key=NEWS_ORDER.index):
                lines.append(f"    {status}: {', '.join(by_status[status])}")
        for what, r in self.extremes().items():
            lines.append(
                f"  {what}: run {r.index} (seed {r.seed}), {duration(r.late)} late or overdue in all"
            )
        return "\n".join(lines) + "\n"
