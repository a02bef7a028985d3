"""Monte Carlo and sweeps: the time of one randomly delayed replay with compliance (against
replaying each run's timeline whole, measured beside it), many runs on one core, and the same
runs in a process pool of one and of two workers (started with ``spawn``), and on a Dask
``LocalCluster`` of two worker processes.

Run: ``python -m benchmarks.bench_runs`` (``--quick`` for fewer runs). ``benchmarks.run``
reports the goals from :func:`measure`.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import gazaplan as gp
from gazaplan.runs import run_seed
from gazaplan.runs.perturbations import Delay, Perturbation, Uniform

PLAN = gp.plan()
SCENARIO = gp.Scenario(name="bundled", version=PLAN.version, timeline=gp.timeline())
DELAY = Perturbation((Delay(Uniform(0, 3)),))


def _whole(n: int) -> float:
    """*n* runs the slow way: each timeline drawn, built and replayed whole, then judged."""
    events, at = SCENARIO.timeline.events, SCENARIO.timeline.last
    t = time.perf_counter()
    for i in range(n):
        drawn = DELAY.draw(events, random.Random(run_seed(1, i)))
        gp.compliance(PLAN, gp.Timeline.of(drawn.events(events)), at=at)
    return time.perf_counter() - t


def _runs(n: int, executor: Any = None) -> float:
    t = time.perf_counter()
    gp.monte_carlo(SCENARIO, DELAY, n, seed=1, executor=executor)
    return time.perf_counter() - t


def measure(n: int, *, dask: bool = False) -> dict[str, float]:
    """Seconds for *n* runs: serially, the slow way (a tenth of them, scaled), in pools of one
    and two spawned workers (started and warmed first), and on a LocalCluster if *dask*."""
    _runs(50)  # warm: the plan built, the code paths taken
    out = {"serial": min(_runs(n) for _ in range(2)), "whole": _whole(max(1, n // 10)) * 10}
    spawn = multiprocessing.get_context("spawn")
    for workers in (1, 2):
        with ProcessPoolExecutor(workers, mp_context=spawn) as pool:
            _runs(200, pool)  # the workers started and gazaplan imported in each
            out[f"pool{workers}"] = min(_runs(n, pool) for _ in range(2))
    if dask:
        import distributed

        cluster_of: Any = distributed.LocalCluster
        client_of: Any = distributed.Client
        with cluster_of(n_workers=2, threads_per_worker=1, processes=True,
                        dashboard_address=None) as cluster, client_of(cluster) as client:  # fmt: skip
            _runs(200, client)
            out["dask2"] = min(_runs(n, client) for _ in range(2))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="2,000 runs instead of 10,000")
    n = 2000 if parser.parse_args(argv).quick else 10_000
    m = measure(n, dask=True)
    for name, seconds in m.items():
        print(f"{name:>7}: {n:,} runs in {seconds:6.2f} s ({seconds / n * 1e3:.3f} ms a run; "
              f"{m['serial'] / seconds:.2f}x serial)")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
