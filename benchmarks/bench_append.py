"""Benchmark: building a timeline one event at a time, at 1k, 10k and 100k events, and the fitted
growth exponent (1.0 is linear), against ``Timeline(tuple_of_events)`` in the same run.

Goal (issue 11): appending is linear, an exponent of at most 1.1 for ``TimelineBuilder.add`` and
for ``History.extend`` one event at a time (against one fold of the whole timeline).
``Timeline.append`` in a loop copies the events each time (quadratic; measured at 1k and 4k only,
for comparison). Run: ``python -m benchmarks.bench_append`` (``--quick``: 1k and 10k, a smoke run
that reports and never fails). Exits 1 when the exponent is above 1.3. Not a timed test.
"""

from __future__ import annotations

import argparse
import math
import time

import gazaplan as gp
from benchmarks.bench_timeline import generated

PLAN = gp.plan("2025-09-29")


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """The least-squares slope of log(time) against log(size)."""
    xs, ys = [math.log(n) for n in sizes], [math.log(max(t, 1e-9)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def best(run: object, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1k and 10k events only")
    quick = parser.parse_args(argv).quick
    sizes = [1000, 10_000] if quick else [1000, 10_000, 100_000]
    built, whole, grown, folded = [], [], [], []
    for n in sizes:
        events = generated(n).events

        def by_builder(events: tuple[gp.Event, ...] = events) -> None:
            builder = gp.Timeline.builder()
            for e in events:
                builder.add(e)
            builder.build()

        built.append(best(by_builder))
        whole.append(best(lambda events=events: gp.Timeline(events)))

        def by_extend(events: tuple[gp.Event, ...] = events) -> None:
            h = gp.history(PLAN, gp.Timeline())
            for e in events:
                h = h.extend((e,))

        grown.append(best(by_extend, 1 if n > 10_000 else 3))
        folded.append(best(lambda events=events: gp.history(PLAN, gp.Timeline(events)), 1))
        print(
            f"{n:>7} events  builder {built[-1] * 1e3:8.1f} ms   Timeline(tuple) "
            f"{whole[-1] * 1e3:8.1f} ms   ratio {built[-1] / whole[-1]:4.1f}x   "
            f"History.extend each {grown[-1] * 1e3:8.1f} ms   one fold {folded[-1] * 1e3:8.1f} ms"
        )
    appended = []
    for n in (1000, 4000):
        events = generated(n).events

        def by_append(events: tuple[gp.Event, ...] = events) -> None:
            tl = gp.Timeline()
            for e in events:
                tl = tl.append(e)

        appended.append(best(by_append, 1))
    slope = max(exponent(sizes, built), exponent(sizes, grown))
    print(f"growth exponent: builder {exponent(sizes, built):.2f}, History.extend "
          f"{exponent(sizes, grown):.2f} (goal <= 1.1), Timeline(tuple) "
          f"{exponent(sizes, whole):.2f}; Timeline.append in a loop "
          f"{exponent([1000, 4000], appended):.2f} (1k: {appended[0] * 1e3:.0f} ms, "
          f"4k: {appended[1] * 1e3:.0f} ms)")  # fmt: skip
    return 0 if quick or slope <= 1.3 else 1  # two small sizes are too noisy to judge growth


if __name__ == "__main__":
    raise SystemExit(main())
