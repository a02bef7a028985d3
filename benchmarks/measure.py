"""Measuring for the benchmark runner: interleaved rounds, spread, growth exponents, the machine's
load, and start-up times in fresh interpreters.

Variants compared in one goal run in turns (A B C, B C A, ...) for several rounds, so a drift of
the machine moves every variant alike instead of the ratio; each is reported as its median over
the rounds with the spread (lowest to highest ratio of a round).
"""

from __future__ import annotations

import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping

import attrs

__all__ = ["Ratio", "exponent", "fresh_seconds", "interleaved", "load", "once"]


def once(fn: Callable[[], object]) -> float:
    """Seconds one call of *fn* takes."""
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


@attrs.frozen
class Ratio:
    """A variant's time against the baseline's, over rounds measured in turns."""

    seconds: float  # the variant's median over the rounds
    baseline: float  # the baseline's median
    low: float  # the lowest ratio of one round
    high: float  # the highest

    @property
    def ratio(self) -> float:
        return self.seconds / self.baseline

    def spread(self) -> str:
        return f"{self.low:.2f}-{self.high:.2f}"


def interleaved(
    baseline: Callable[[], object], variants: Mapping[str, Callable[[], object]], rounds: int
) -> dict[str, Ratio]:
    """Time *baseline* and each variant in turns, *rounds* times; a Ratio per variant."""
    names = ["", *variants]
    fns = {"": baseline, **variants}
    times: dict[str, list[float]] = {n: [] for n in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            times[name].append(once(fns[name]))
    base = statistics.median(times[""])
    out = {}
    for name in variants:
        per_round = [v / b for v, b in zip(times[name], times[""], strict=True)]
        out[name] = Ratio(statistics.median(times[name]), base, min(per_round), max(per_round))
    return out


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """The least-squares slope of log(time) against log(size): 1.0 is linear, 2.0 quadratic."""
    xs, ys = [math.log(n) for n in sizes], [math.log(max(t, 1e-9)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def load() -> str:
    """The machine's load average over the last minute, against its CPU count."""
    cpus = os.cpu_count() or 1
    try:
        one = os.getloadavg()[0]
    except OSError:  # not on every platform
        return f"{cpus} CPUs, load unknown"
    return f"load {one:.2f} on {cpus} CPUs"


def fresh_seconds(code: str, runs: int) -> list[float]:
    """Seconds *code* takes in each of *runs* fresh interpreters (it prints its own time).

    Bytecode caches are allowed (a user's installed package has them), whatever this
    environment says; one warm-up run writes them first.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    run = [sys.executable, "-c", code]
    subprocess.run(run, env=env, check=True, capture_output=True)
    return [
        float(subprocess.run(run, env=env, check=True, capture_output=True, text=True).stdout)
        for _ in range(runs)
    ]
