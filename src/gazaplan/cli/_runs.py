"""The handlers of ``gazaplan sweep`` and ``gazaplan simulate``: many runs, here, in a pool of
worker processes (``--workers N``, started with ``spawn``) or on a Dask scheduler
(``--scheduler ADDRESS``). Ctrl-C (or SIGTERM) cancels what has not started, ends the workers,
and exits 130 (143).
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import re
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TextIO

from .. import catalog
from ..core._checks import MAX_NUMBER
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
from ..runs.sweeps import (
    MAX_VARIANTS,
    check_variants,
    grid_size,
    parse_axis,
    variant_limit,
)
from ..whatif.scenarios import Scenario
from ._options import Handler, at_arg, default_at, emit, plan_and_timeline, plan_at
from ._signals import interrupt_code, interrupt_word

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
    except BaseException:  # Ctrl-C, SIGTERM or an error: the workers' batches are not wanted
        _end_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """End a pool's workers now, mid-batch too: ``shutdown`` would wait for the batches they
    run, and for the ones already queued to them."""
    end = getattr(pool, "terminate_workers", None)  # Python 3.14
    if callable(end):
        end()
        return
    for process in list((pool._processes or {}).values()):
        process.terminate()


def _progress(args: argparse.Namespace) -> bool | None:
    return False if args.quiet else None


def _sweep(args: argparse.Namespace, out: TextIO) -> int | None:
    from ..runs.sweeps import sweep

    if not args.grid:
        raise InvalidValueError(
            "--grid", None, "a sweep needs a grid", "Pass e.g. --grid exchange.remains_ratio=5:25."
        )
    if args.explore:
        for option in ("--timeline", "--at", "--release"):
            value = getattr(args, option[2:])
            if value is not None:
                raise InvalidValueError(
                    option, value, "--explore explores each variant from the bundled model's "
                    "start, and replays no timeline", f"Leave {option} out, or drop --explore."
                )  # fmt: skip
    plan, tl = plan_and_timeline(args)
    at = default_at(args, tl, plan)
    plan = plan if args.explore else plan_at(args, plan, at)
    wanted = MAX_VARIANTS if args.max_variants is None else args.max_variants
    limit = variant_limit(wanted, "--max-variants")
    grid: dict[str, Any] = {}
    for text in args.grid:
        path, values = parse_axis(plan, text)
        if path in grid:
            raise InvalidValueError(
                f"--grid {path}",
                text,
                "the path is swept twice",
                f"Give one --grid for {path}, with all its values, e.g. {path}=5,6.",
            )
        grid[path] = values
    check_variants(grid_size(grid), limit, place="--grid", option="--max-variants N")
    try:
        with _executor(args) as executor:
            result = sweep(
                plan,
                grid,
                timeline=None if args.explore else tl,
                at=None if args.explore else at,
                explore=args.explore,
                executor=executor,
                progress=_progress(args),
                max_variants=limit,
            )
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (see _signals)
        sys.stderr.write(f"gazaplan: {interrupt_word(stop)}; the pending variants were cancelled\n")
        return interrupt_code(stop)
    if args.json:
        emit(
            out,
            "sweep",
            {
                "version": result.version,
                "judgement": result.judgement,
                "at": None if args.explore else result.at,
                "axes": [{"path": a.path, "values": list(a.values)} for a in result.axes],
                "summary": result.summary(),
                "rows": result.rows(),
            },
        )
    else:
        out.write(result.explain())
    return None


def _range(text: str, where: str) -> Distribution:
    parts = [p.strip() for p in text.split(":")]
    if not all(_WHOLE.fullmatch(p) for p in parts):
        raise InvalidValueError(
            where,
            text,
            "expected whole numbers in the digits 0-9: N, LOW:HIGH or LOW:MODE:HIGH",
            "Write e.g. 0:3 (days), 0:12h (hours) or 0:1:7.",
        )
    numbers = [int(p) for p in parts]
    if any(abs(x) > MAX_NUMBER for x in numbers):
        raise InvalidValueError(
            where,
            text,
            f"a delay is a whole number from -{MAX_NUMBER:,} to {MAX_NUMBER:,} (days or hours)",
            "Write a delay that keeps the events within the calendar (before 2200), e.g. 0:3.",
        )
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
        _range(spec.removesuffix("h").removesuffix("d"), f"--delay {text}"),
        _selection(name, scenario),
        unit,
    )


def parse_drop(text: str, scenario: Scenario) -> Drop:
    """``--drop [EVENTS=]P``: leave events out with probability P."""
    name, _, spec = text.rpartition("=")
    if not _DECIMAL.fullmatch(spec.strip()):
        raise InvalidValueError(
            "--drop",
            text,
            "expected a probability from 0 to 1, in the digits 0-9",
            "Write e.g. --drop 0.05 or --drop hostages_released=0.1.",
        )
    return Drop(float(spec), _selection(name, scenario))


# Numbers as a user types them: ASCII digits only, so that what is read is what is shown.
_WHOLE = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)")


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
    from ..runs.montecarlo import MAX_KEPT_RUNS, MAX_RUNS, monte_carlo

    if args.runs > MAX_RUNS:
        raise InvalidValueError(
            "--runs",
            args.runs,
            f"a simulation draws at most {MAX_RUNS:,} runs",
            f"Pass --runs {MAX_RUNS} or fewer; for more, run again with other --seed values and "
            "add the counts.",
        )
    if args.keep_runs and args.runs > MAX_KEPT_RUNS:
        raise InvalidValueError(
            "--keep-runs",
            f"--runs {args.runs}",
            f"keeps at most {MAX_KEPT_RUNS:,} runs (about a kilobyte each)",
            "Leave --keep-runs out: the counts, the extreme and the failed runs are kept without "
            "it.",
        )
    if args.keep_runs and not args.json:
        raise InvalidValueError(
            "--keep-runs",
            True,
            "keeps every run for --json's run_rows, and nothing else shows them",
            "Add --json, or leave --keep-runs out.",
        )
    scenario = _scenario(args)
    steps: list[Step] = []
    names: list[str] = []  # what each step is called in an error: the option that gave it
    if args.perturbation is not None:
        from ..files.documents import load

        steps += load(args.perturbation, Perturbation).steps
        names += [f"{args.perturbation}: steps[{i}].by" for i in range(len(steps))]
    steps += [PickClaim()] if args.pick_claims else []
    names += ["--pick-claims"] if args.pick_claims else []
    steps += [parse_drop(t, scenario) for t in args.drop]
    names += [f"--drop {t}" for t in args.drop]
    steps += [parse_delay(t, scenario) for t in args.delay]
    names += [f"--delay {t}" for t in args.delay]
    if not steps:
        raise InvalidValueError(
            "simulate",
            args.scenario,
            "no perturbation given, so every run would be the same",
            "Pass --delay, --drop, --pick-claims or --perturbation FILE, e.g. --delay 0:3.",
        )
    pert = Perturbation(tuple(steps), name="the command line")
    pert.check(scenario.timeline.events, scenario.plan().origin, names=names)
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
                keep_runs=args.keep_runs,
            )
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (see _signals)
        sys.stderr.write(f"gazaplan: {interrupt_word(stop)}; the pending runs were cancelled\n")
        return interrupt_code(stop)
    written: dict[str, str] = {}
    if args.extremes is not None:
        folder = Path(args.extremes)
        folder.mkdir(parents=True, exist_ok=True)
        for what, run in result.extremes().items():
            path = folder / f"run-{run.index}-{what.replace(' ', '-')}.toml"
            dump_scenario(result.scenario(run), path)
            written[what] = str(path)
    if args.json:
        doc: dict[str, Any] = {
            "runs": result.n,
            "seed": result.seed,
            "at": result.at,
            "perturbation": pert.describe(),
            "failed_count": result.failed_count,
            "failed": [{"run": r.index, "error": r.error} for r in result.failed],
            "extremes": {
                k: {"run": r.index, "seed": r.seed, "late": r.late, "file": written.get(k)}
                for k, r in result.extremes().items()
            },
            "rows": result.rows(),
            "invariant": [{"obligation": o, "status": str(s)} for o, s in result.invariant()],
        }
        if args.keep_runs:
            doc["run_rows"] = result.run_rows()
        emit(out, "simulate", doc)
    else:
        out.write(result.explain())
        for what, name in written.items():
            out.write(f"wrote the {what} run to {name} (replay it: gazaplan check {name})\n")
    return None


HANDLERS: dict[str, Handler] = {"sweep": _sweep, "simulate": _simulate}
