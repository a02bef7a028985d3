"""Exploration's speed on the bundled phases 1-2 model: distinct states and transitions a
second, bytes a state, the growth with the number of living hostages (5, 10, 20, with the 28
deceased), and SPIN's compile and run on the same model beside it.

Run: ``python -m benchmarks.bench_explore`` (the sizes in ``SIZES``;
``--quick`` for small ones). Every figure is end to end: the model built, packed and explored.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

import gazaplan as gp

PLAN = gp.plan()
SIZES = ((5, 28), (10, 28), (20, 28))
"""The full run's sizes: the last is the bundled model itself (2,217,696 states)."""
QUICK = ((2, 2), (4, 4), (6, 6))


def measure(
    living: int, deceased: int, *, memory: bool = False, engine: str = "auto"
) -> dict[str, float]:
    """One exhaustive run: seconds (model built inside), states, transitions, bytes a state."""
    if memory:
        tracemalloc.start()
    t = time.perf_counter()
    found = gp.explore(
        PLAN,
        actions=gp.catalog.model(living, deceased),
        start=gp.catalog.model_start(PLAN, living, deceased),
        targets=["phase-1.completion", "phase-2.completion", "perimeter.entry"],
        check_each_start=False,  # the search alone, as SPIN does it
        engine=engine,
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
        spin = spin_seconds(living, deceased)
        if spin is not None:
            compiled, ran, stored = spin
            print(f"{'':>24}SPIN: {stored:>10,} states, compile {compiled:.2f} s + run {ran:.2f} s "
                  f"({stored / ran:,.0f} states/s); gazaplan / SPIN end to end: "
                  f"{m['seconds'] / (compiled + ran):.2f}", flush=True)  # fmt: skip
    return 0


def spin_seconds(living: int, deceased: int) -> tuple[float, float, int] | None:
    """SPIN on the same model: seconds to compile its verifier (spin -a, gcc -O2), seconds to
    run it, and the states it stores; None if spin or gcc is missing."""
    import re
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    from gazaplan.exploration.promela import to_promela

    if not (shutil.which("spin") and shutil.which("gcc")):
        return None
    text = to_promela(PLAN, gp.catalog.model(living, deceased),
                      gp.catalog.model_start(PLAN, living, deceased))  # fmt: skip
    with tempfile.TemporaryDirectory() as where:
        (Path(where) / "m.pml").write_text(text, encoding="utf-8")
        t = time.perf_counter()
        subprocess.run(["spin", "-a", "m.pml"], cwd=where, check=True, capture_output=True)
        subprocess.run(["gcc", "-O2", "-DNOREDUCE", "-DMEMLIM=4096", "-o", "pan", "pan.c"],
                       cwd=where, check=True, capture_output=True)  # fmt: skip
        compiled = time.perf_counter() - t
        t = time.perf_counter()
        run = subprocess.run(["./pan", "-E", "-m10000000"], cwd=where, check=False,
                             capture_output=True, text=True)  # fmt: skip
        ran = time.perf_counter() - t
    found = re.search(r"(\d+) states, stored", run.stdout)
    return compiled, ran, int(found.group(1)) if found else -1


if __name__ == "__main__":
    raise SystemExit(main())
