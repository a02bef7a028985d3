"""Benchmark: check_plan on the bundled plan against a hand-written if-chain of the same rules,
and ``import gazaplan`` against ``import attrs``. Reported as ratios measured in one run.

Goals (issue 2): check_plan <= 3x the if-chain without the trace, <= 10x with it; import <= 1.5x.
Run: ``python -m benchmarks.bench_check`` (``--quick`` for a smoke run). Not a timed test.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import gazaplan as gp

from .ifchain import check, engine

PLAN = gp.plan("2025-09-29")


def random_states(n: int, seed: int = 7) -> list[gp.State]:
    """*n* varied states: the initial state with a random subset of facts set or made unknown."""
    rng = random.Random(seed)
    base = gp.State.initial(PLAN)
    choices: dict[str, list[Any]] = {
        "response.hamas": [*gp.Response, gp.UNKNOWN],
        "ceasefire_in_force": [True, False, gp.UNKNOWN],
        "idf_line": [line.id for line in PLAN.lines],
        "hostages_living_returned": [0, 7, 20],
        "hostages_deceased_returned": [0, 4, 28],
        "life_sentence_prisoners_released": [0, 250, gp.UNKNOWN],
        "gaza_detainees_released": [0, 1718],
        "detained_women_children_released": [True, False],
        "aid_trucks_per_day": [300, 600, gp.UNKNOWN],
        "established.isf": [True, False, gp.UNKNOWN],
        "isf_deployed": [True, False],
        "decommissioning": list(gp.Progress),
        "hamas_governance_role": list(gp.GovernanceRole),
    }
    out = []
    for _ in range(n):
        facts = {k: rng.choice(v) for k, v in choices.items() if rng.random() < 0.6}
        out.append(base.updated(facts))
    return out


def best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def import_time(module: str, runs: int, then: str = "") -> float:
    body = f"import {module}; {then or 'pass'}"
    code = f"import time; t = time.perf_counter(); {body}; print(time.perf_counter() - t)"
    samples = [
        float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(runs)
    ]
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few repetitions (smoke run)")
    opts = parser.parse_args(argv)
    n, repeat, runs = (50, 3, 3) if opts.quick else (400, 15, 21)
    states = random_states(n)
    for s in states:  # same answers first, or the comparison means nothing
        assert check(s) == engine(PLAN, s), "the if-chain and the engine disagree"
    gp.check_plan(PLAN, states[0])  # warm the compiled-condition cache

    base = best_of(lambda: [check(s) for s in states], repeat)
    fast = best_of(lambda: [gp.check_plan(PLAN, s, trace=False) for s in states], repeat)
    full = best_of(lambda: [gp.check_plan(PLAN, s) for s in states], repeat)
    attrs_t, ours_t = import_time("attrs", runs), import_time("gazaplan", runs)
    first_use = import_time(
        "gazaplan", runs, "gazaplan.check_plan(p := gazaplan.plan(), gazaplan.State.initial(p))"
    )

    per = 1e6 / n
    print(f"states: {n}; best of {repeat}")
    print(f"if-chain baseline        {base * per:8.1f} us/state")
    print(
        f"check_plan, no trace     {fast * per:8.1f} us/state   ratio {fast / base:5.2f}x  (goal <= 3x)"
    )
    print(
        f"check_plan, with trace   {full * per:8.1f} us/state   ratio {full / base:5.2f}x  (goal <= 10x)"
    )
    print(f"import attrs             {attrs_t * 1e3:8.2f} ms")
    ratio = ours_t / attrs_t
    print(
        f"import gazaplan          {ours_t * 1e3:8.2f} ms        ratio {ratio:5.2f}x  (goal <= 1.5x)"
    )
    print(
        f"first use (import, load the plan, one check_plan) {first_use * 1e3:8.2f} ms, for information"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
