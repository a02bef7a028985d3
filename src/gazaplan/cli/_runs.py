"""The handlers of ``gazaplan sweep`` and ``gazaplan simulate``: many runs, here, in a pool of
worker processes (``--workers N``, started with ``spawn``) or on a Dask scheduler
(``--scheduler ADDRESS``). Ctrl-C cancels what has not started, lets the workers stop, and
exits 130.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TextIO

from .. import catalog
from ..exceptions import InvalidValueError
from ..runs.perturbations import (
    Delay,
    Distribution,
    Drop,
    Events,
    Fixed,
    Perturbation,
    PickClaim,
    Step,
    Triangular,
    Uniform,
)
from ..runs.sweeps import parse_axis
from ..whatif.scenarios import Scenario
from ._options import Handler, at_arg, default_at, emit, plan_and_timeline, plan_at

__all__ = ["HANDLERS", "parse_delay", "parse_drop"]


@contextlib.contextmanager
def _executor(args: argparse.Namespace) -> Iterator[Any]:
    """None, a pool of ``--workers`` processes (shut down, pending work cancelled, on the way
    out), or the client of ``--scheduler``."""
    from ..runs.executors import check_timeout

    check_timeout(args.timeout, "--timeout")  # refused even when unused: nothing passes silently
    if args.workers is not None and args.scheduler is not None:
        raise InvalidValueError(
            "--workers",
            args.workers,
            "is for a pool here; --scheduler for a cluster",
            "Pass one of them.",
        )
    if args.scheduler is not None:
        from ..runs.executors import dask_client

        client = dask_client(args.scheduler, timeout=args.timeout)
        try:
            yield client
        finally:
            client.close()
        return
    if args.workers is None or args.workers == 1:
        yield None
        return
    if args.workers < 1:
        raise InvalidValueError("--workers", args.workers, "needs 1 or more", "Pass --workers 2.")
    pool = ProcessPoolExecutor(args.workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _progress(args: argparse.Namespace) -> bool | None:
    return False if args.quiet else None


def _sweep(args: argparse.Namespace, out: TextIO) -> int | None:
    from ..runs.sweeps import sweep

    plan, tl = plan_and_timeline(args)
    if not args.grid:
        raise InvalidValueError(
            "--grid", None, "a sweep needs a grid", "Pass e.g. --grid exchange.remains_ratio=5:25."
        )
    at = default_at(args, tl, plan)
    plan = plan_at(args, plan, at)
    grid = dict(parse_axis(plan, text) for text in args.grid)
    try:
        with _executor(args) as executor:
            result = sweep(
                plan, grid, timeline=tl, at=at, executor=executor, progress=_progress(args)
            )
    except KeyboardInterrupt:
        sys.stderr.write("gazaplan: interrupted; the pending variants were cancelled\n")
        return 130
    if args.json:
        emit(
            out,
            "sweep",
            {
                "version": result.version,
                "at": result.at,
                "axes": [{"path": a.path, "values": list(a.values)} for a in result.axes],
                "summary": result.summary(),
                "rows": result.rows(),
            },
        )
    else:
        out.write(result.explain())
    return None


def _range(text: str, where: str) -> Distribution:
    parts = text.split(":")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        raise InvalidValueError(
            where,
            text,
            "expected whole numbers: N, LOW:HIGH or LOW:MODE:HIGH",
            "Write e.g. 0:3 (days), 0:12h (hours) or 0:1:7.",
        ) from None
    if len(numbers) == 1:
        return Fixed(numbers[0])
    if len(numbers) == 2:
        return Uniform(*numbers)
    if len(numbers) == 3:
        return Triangular(*numbers)
    raise InvalidValueError(where, text, "expected N, LOW:HIGH or LOW:MODE:HIGH", "Write e.g. 0:3.")


def _selection(name: str, scenario: Scenario) -> Events:
    if not name:
        return Events()
    if any(e.id == name for e in scenario.timeline.events):
        return Events(ids=(name,))
    return Events(kinds=(name,))  # checked against the kinds of event with the perturbation


def parse_delay(text: str, scenario: Scenario) -> Delay:
    """``--delay [EVENTS=]SPEC``: SPEC is ``N``, ``LOW:HIGH`` (uniform) or ``LOW:MODE:HIGH``
    (triangular), in days, or hours with an ``h``; EVENTS an event id or kind."""
    name, _, spec = text.rpartition("=")
    unit = "hour" if spec.endswith("h") else "day"
    return Delay(
        _range(spec.removesuffix("h").removesuffix("d"), "--delay"),
        _selection(name, scenario),
        unit,
    )


def parse_drop(text: str, scenario: Scenario) -> Drop:
    """``--drop [EVENTS=]P``: leave events out with probability P."""
    name, _, spec = text.rpartition("=")
    try:
        p = float(spec)
    except ValueError:
        raise InvalidValueError(
            "--drop",
            text,
            "expected a probability from 0 to 1",
            "Write e.g. --drop 0.05 or --drop hostages_released=0.1.",
        ) from None
    return Drop(p, _selection(name, scenario))


def _scenario(args: argparse.Namespace) -> Scenario:
    if args.scenario == "bundled":
        tl = catalog.timeline(args.release)
        at = default_at(args, tl)
        version = args.plan_version or catalog.in_force(at).version  # the version in force
        return Scenario(
            name=f"the bundled timeline (release {catalog.dataset().release(args.release).version})",
            version=version,
            timeline=tl,
        )
    from ..files.documents import load_scenario

    return load_scenario(args.scenario)


def _simulate(args: argparse.Namespace, out: TextIO) -> int | None:
    from ..files.documents import dump_scenario
    from ..runs.montecarlo import monte_carlo

    scenario = _scenario(args)
    steps: list[Step] = []
    if args.perturbation is not None:
        from ..files.documents import load

        steps += load(args.perturbation, Perturbation).steps
    steps += [PickClaim()] if args.pick_claims else []
    steps += [parse_drop(t, scenario) for t in args.drop]
    steps += [parse_delay(t, scenario) for t in args.delay]
    pert = Perturbation(tuple(steps), name="the command line")
    at = default_at(args, scenario.timeline) if args.scenario == "bundled" else at_arg(args)
    try:
        with _executor(args) as executor:
            result = monte_carlo(
                scenario,
                pert,
                args.runs,
                seed=args.seed,
                at=at,
                executor=executor,
                progress=_progress(args),
            )
    except KeyboardInterrupt:
        sys.stderr.write("gazaplan: interrupted; the pending runs were cancelled\n")
        return 130
    written: dict[str, str] = {}
    if args.extremes is not None:
        folder = Path(args.extremes)
        folder.mkdir(parents=True, exist_ok=True)
        for what, run in result.extremes().items():
            path = folder / f"run-{run.index}-{what.replace(' ', '-')}.toml"
            dump_scenario(result.scenario(run), path)
            written[what] = str(path)
    if args.json:
        emit(
            out,
            "simulate",
            {
                "runs": len(result.runs),
                "seed": result.seed,
                "at": result.at,
                "perturbation": pert.describe(),
                "failed": [{"run": r.index, "error": r.error} for r in result.failed],
                "extremes": {
                    k: {"run": r.index, "seed": r.seed, "late": r.late, "file": written.get(k)}
                    for k, r in result.extremes().items()
                },
                "rows": result.rows(),
            },
        )
    else:
        out.write(result.explain())
        for what, name in written.items():
            out.write(f"wrote the {what} run to {name} (replay it: gazaplan check {name})\n")
    return None


HANDLERS: dict[str, Handler] = {"sweep": _sweep, "simulate": _simulate}
