"""Exploration's speed on the bundled phases 1-2 model: distinct states and transitions a
second, bytes a state, and the growth with the number of hostages.

Run: ``python -m benchmarks.bench_explore`` (the sizes in ``SIZES``; ``--quick`` for small ones).
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

import gazaplan as gp

PLAN = gp.plan()
SIZES = ((5, 5), (10, 10), (20, 28))
QUICK = ((2, 2), (4, 4), (6, 6))


def measure(living: int, deceased: int, *, memory: bool = False) -> dict[str, float]:
    """One exhaustive run: seconds (model built inside), states, transitions, bytes a state."""
    if memory:
        tracemalloc.start()
    t = time.perf_counter()
    found = gp.explore(
        PLAN,
        actions=gp.catalog.model(living, deceased),
        start=gp.catalog.model_start(PLAN, living, deceased),
        targets=["phase-1.completion", "phase-2.completion", "perimeter.entry"],
    )
    seconds = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1] if memory else 0
    if memory:
        tracemalloc.stop()
    return {"seconds": seconds, "states": found.states, "transitions": found.transitions,
            "bytes_per_state": peak / found.states if memory else 0.0}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small models")
    sizes = QUICK if parser.parse_args(argv).quick else SIZES
    for living, deceased in sizes:
        m = measure(living, deceased)
        print(f"{living:>3} living, {deceased:>3} deceased: {m['states']:>10,.0f} states "
              f"{m['transitions']:>11,.0f} transitions in {m['seconds']:6.2f} s: "
              f"{m['states'] / m['seconds']:>9,.0f} states/s, "
              f"{m['transitions'] / m['seconds']:>10,.0f} transitions/s", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
