"""Benchmark: how long one draw of gazaplan's strategies takes, against a plain Hypothesis strategy
of similar size drawn in the same run.

Goal (issue 10): a ``timelines()`` draw takes at most 10 ms (median), so that a user's own
``st.from_type(gp.Timeline)`` test passes Hypothesis' health checks on a busy machine (they allow
about one second for the first ten inputs). The baseline is ``st.lists(st.tuples(st.integers(),
st.text()), max_size=12)``: what a dozen small records cost Hypothesis itself.

Run: ``python -m benchmarks.bench_strategies`` (``--quick`` for a smoke run). Not a timed test.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gazaplan.strategies as gst


def draw_times(strategy: st.SearchStrategy[Any], n: int) -> list[float]:
    """Seconds per draw of *strategy*, for *n* draws inside a Hypothesis test."""
    times: list[float] = []

    @settings(
        max_examples=n,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        t = time.perf_counter()
        data.draw(strategy)
        times.append(time.perf_counter() - t)

    run()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="30 draws each (smoke run)")
    n = 30 if parser.parse_args(argv).quick else 300
    baseline = statistics.median(
        draw_times(st.lists(st.tuples(st.integers(), st.text()), max_size=12), n)
    )
    rows = [
        ("timelines()", gst.timelines(), 10.0),
        ("states()", gst.states(), None),
        ("scenarios()", gst.scenarios(), None),
        ("conditions()", gst.conditions(), None),
    ]
    print(f"baseline (12 small records)    {baseline * 1e3:7.2f} ms median per draw")
    worst = 0.0
    for name, strategy, goal in rows:
        median = statistics.median(draw_times(strategy, n))
        note = f"   (goal <= {goal:g} ms)" if goal is not None else ""
        print(f"{name:<30} {median * 1e3:7.2f} ms   {median / baseline:5.1f}x baseline{note}")
        if goal is not None:
            worst = max(worst, median * 1e3 / goal)
    print(f"draws each: {n}")
    return 0 if worst <= 1.0 or n < 100 else 1


if __name__ == "__main__":
    raise SystemExit(main())
