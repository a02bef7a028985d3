"""The tracker site: the bundled build on one core, and how its cost grows with the events and
the obligations (``python -m benchmarks.run`` runs :func:`publishing`)."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from functools import partial

import attrs

import gazaplan as gp
from gazaplan.core.amendments import AddObligation
from gazaplan.desk.site import write_site
from gazaplan.time.datasets import Dataset, Entry, Release, Status

from .measure import fresh_seconds, once
from .mix import realistic

__all__ = ["generated_dataset", "more_obligations", "one_core_seconds", "site_seconds"]

ONE_CORE = (
    "import os, sys, time, io, tempfile\n"
    "os.sched_setaffinity(0, {{min(os.sched_getaffinity(0))}})\n"
    "t = time.perf_counter()\n"
    "from gazaplan.cli import main\n"
    "with tempfile.TemporaryDirectory() as d:\n"
    "    main({argv}, out=io.StringIO(), err=io.StringIO())\n"
    "print(time.perf_counter() - t)\n"
)
"""A command timed end to end (imports included) in a fresh interpreter held to one CPU."""


def one_core_seconds(argv: str, runs: int) -> list[float]:
    """Seconds the command *argv* (a Python list's text; ``d`` is a new folder) takes, each
    run in a fresh interpreter on one CPU."""
    return fresh_seconds(ONE_CORE.format(argv=argv), runs)


def generated_dataset(n: int) -> Dataset:
    """A dataset of one release holding *n* realistic events (:func:`~benchmarks.mix.realistic`)."""
    tl = realistic(n)
    release = Release("2099.01", as_of=tl.events[-1].at + dt.timedelta(days=1), title="generated")
    entries = tuple(
        Entry(added_in="2099.01", coded_by="benchmark", status=Status.VETTED,
              reviewed_by="benchmark", event=e)
        for e in tl.events
    )  # fmt: skip
    return Dataset(releases=(release,), entries=entries)


def more_obligations(plan: gp.Plan, copies: int) -> gp.Plan:
    """*plan* with *copies* more of each obligation (new ids, same terms), as a what-if."""
    edits = [
        AddObligation(phase.id, attrs.evolve(o, id=f"{o.id}-copy-{i}"))
        for i in range(copies)
        for phase in plan.phases
        for o in phase.obligations
    ]
    if not edits:
        return plan
    return gp.amend(plan, gp.Amendment(f"{plan.version}-x{copies + 1}", "benchmark", edits))


def site_seconds(plan: gp.Plan, dataset: Dataset, tries: int = 2) -> float:
    """The best of *tries* builds of the site (no charts: matplotlib's cost does not grow)."""

    def build(folder: str) -> None:
        write_site(plan, dataset, f"{folder}/site", plots=False)

    best = []
    for _ in range(tries):
        with tempfile.TemporaryDirectory() as folder:
            best.append(once(partial(build, folder)))
    return min(best)


def series(sizes: list[int], make: Callable[[int], tuple[gp.Plan, Dataset]]) -> list[float]:
    """Build times over *sizes*, each input made before its timing."""
    return [site_seconds(*make(n)) for n in sizes]
