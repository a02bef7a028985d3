"""Benchmark: replay plus the full compliance report over a generated 10,000-event timeline, and a
state look-up at an arbitrary instant after one replay, each against the naive fold in the same run.

Goals (issue 3): replay + compliance under 100 ms; a look-up under 20 us.
Run: ``python -m benchmarks.bench_timeline`` (``--quick`` for a smoke run). Not a timed test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections.abc import Callable

import gazaplan as gp

PLAN = gp.plan("2025-09-29")
T0 = dt.datetime(2025, 10, 1, tzinfo=dt.UTC)


def generated(n: int, seed: int = 1) -> gp.Timeline:
    """*n* events, ten minutes apart, of kinds that can repeat without running out."""
    rng = random.Random(seed)
    kinds: list[Callable[[], gp.Change]] = [
        lambda: gp.AidDelivered(rng.randint(100, 800)),
        lambda: gp.CeasefireChanged(rng.random() < 0.8),
        lambda: gp.ViolationAlleged("israel", "hamas", "alleged breach"),
        lambda: gp.PrisonersReleased(1, 3),
        lambda: gp.GazanRemainsReturned(1),
        lambda: gp.CrossingChanged(rng.choice(list(gp.Crossing))),
        lambda: gp.Responded("hamas", rng.choice(list(gp.Response))),
    ]
    return gp.Timeline(
        tuple(
            gp.Event(f"e{i}", T0 + dt.timedelta(minutes=10 * i), rng.choice(kinds)())
            for i in range(n)
        )
    )


def naive_state(timeline: gp.Timeline, at: dt.datetime) -> gp.State:
    state = gp.State.initial(PLAN)
    for e in timeline:
        if e.at <= at:
            state = gp.apply(state, e, plan=PLAN)
    return state


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1,000 events (smoke run)")
    n = 1000 if parser.parse_args(argv).quick else 10_000
    rng = random.Random(2)
    fresh = [generated(n, seed) for seed in range(3)]  # a new timeline each round: no cache help

    times = []
    for tl in fresh:
        t = time.perf_counter()
        gp.compliance(PLAN, tl)
        times.append(time.perf_counter() - t)
    full = min(times)

    tl = fresh[0]
    history = gp.history(PLAN, tl)
    instants = [T0 + dt.timedelta(minutes=rng.randrange(10 * n)) for _ in range(2000)]
    t = time.perf_counter()
    for at in instants:
        history.at(at)
    lookup = (time.perf_counter() - t) / len(instants)
    t = time.perf_counter()
    for at in instants[:5]:
        naive_state(tl, at)
    fold = (time.perf_counter() - t) / 5
    assert all(history.at(at) == naive_state(tl, at) for at in instants[:3])

    print(f"events: {n}")
    print(f"replay + full compliance report   {full * 1e3:8.1f} ms   (goal < 100 ms)")
    print(f"state look-up after one replay    {lookup * 1e6:8.2f} us   (goal < 20 us)")
    print(
        f"naive fold up to an instant       {fold * 1e3:8.1f} ms   look-up is {fold / lookup:,.0f}x faster"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
