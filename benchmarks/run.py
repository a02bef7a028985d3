"""Every speed goal of the project in one run: each as a ratio against a baseline measured in the
same run (variants interleaved), with the spread over rounds, the machine's load beside it, and
the fitted growth exponent of each size series.

Run: ``python -m benchmarks.run`` (a few minutes) or ``python -m benchmarks.run --quick`` (under a
minute, smaller sizes). The full run exits 1 when a goal is not met; the quick run, which CI runs,
exits 1 only when a size series grows faster than n^1.3: growth, not absolute time, is what a
busy CI machine can judge. Not a timed test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import io
import json
import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import Any

import attrs

import gazaplan as gp
from gazaplan.files import documents
from gazaplan.time.timelines import facts_set

from . import bench_site
from .bench_check import random_states
from .bench_site import one_core_seconds
from .bench_strategies import draw_times
from .bench_timeline import generated
from .ifchain import check
from .measure import Ratio, exponent, fresh_seconds, interleaved, load, once
from .mix import PLAN, realistic

GROWTH_LIMIT = 1.3


@attrs.frozen
class Goal:
    """One goal of a run, as ``--json`` writes it.

    ``measured`` is the quantity in its unit (seconds, states a second, bytes, an exponent),
    ``baseline`` what it is compared with in the same run and ``ratio`` the one over the other
    (None where a goal has no baseline); ``spread`` the lowest and highest ratio of a round;
    ``met`` true, false, or None for information.
    """

    name: str
    measured: float | None
    unit: str
    baseline: float | None
    ratio: float | None
    spread: tuple[float, float] | None
    goal: str
    met: bool | None
    shown: str  # the measured value as the table prints it


def of(r: Ratio) -> dict[str, Any]:
    """A variant's interleaved measure as a goal's numbers (seconds, against the baseline)."""
    return {"value": r.seconds, "baseline": r.baseline, "ratio": r.ratio, "spread": (r.low, r.high)}


@attrs.define
class Report:
    quick: bool
    goals: list[Goal] = attrs.Factory(list)
    growth: list[tuple[str, list[int], list[float], float]] = attrs.Factory(list)

    def goal(
        self,
        name: str,
        measured: str,
        compared: str,
        goal: str,
        met: bool | None,
        *,
        value: float | None = None,
        unit: str = "s",
        baseline: float | None = None,
        spread: tuple[float, float] | None = None,
        **numbers: float | None,
    ) -> None:
        """Record and print one goal: the texts of the table, and its numbers for ``--json``
        (*value* in *unit*; *baseline*; ``ratio=`` where it is not value / baseline)."""
        factor = numbers.get("ratio")
        if factor is None and value is not None and baseline:
            factor = value / baseline
        self.goals.append(
            Goal(name.strip(), value, unit, baseline, factor, spread, goal, met, measured)
        )
        print(f"  {name:<44} {measured:>18}  {compared:<30} {goal:<16} {_mark(met)}", flush=True)

    def series(self, name: str, sizes: list[int], seconds: list[float], goal: float) -> None:
        slope = exponent(sizes, seconds)
        self.growth.append((name, sizes, seconds, slope))
        points = ", ".join(f"{n:,}: {t * 1e3:.1f} ms" for n, t in zip(sizes, seconds, strict=True))
        print(f"  {name:<44} exponent {slope:4.2f} (goal <= {goal:g})  [{points}]", flush=True)
        self.goals.append(
            Goal(f"growth of {name}", slope, "exponent", None, None, None, f"<= n^{goal:g}",
                 slope <= goal, f"n^{slope:.2f}")
        )  # fmt: skip

    def document(self, machine: dict[str, Any]) -> dict[str, Any]:
        """The run as data: the machine, then every goal."""
        goals = [
            {
                "name": g.name,
                "measured": g.measured,
                "unit": g.unit,
                "baseline": g.baseline,
                "ratio": g.ratio,
                "spread": list(g.spread) if g.spread else None,
                "goal": g.goal,
                "met": g.met,
            }
            for g in self.goals
        ]
        return {"machine": machine, "quick": self.quick, "goals": goals}


def machine() -> dict[str, Any]:
    """What the run ran on: Python, the platform, the CPUs it may use, the load."""
    import os
    import platform

    cpus = os.cpu_count() or 1
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    try:
        one = os.getloadavg()[0]
    except OSError:
        one = None
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "cpus": cpus,
        "cpus_usable": usable,
        "load_1min": one,
        "gazaplan": gp.__version__,
        "date": f"{dt.datetime.now(dt.UTC):%Y-%m-%dT%H:%M:%SZ}",
    }


def _mark(met: bool | None) -> str:
    return "" if met is None else ("met" if met else "NOT MET")


def _ratio(r: Any) -> str:
    return f"{r.ratio:6.2f}x (rounds {r.spread()})"


# -- the goals ---------------------------------------------------------------------------------
def appending(rep: Report, sizes: list[int]) -> None:
    timelines = {n: generated(n).events for n in sizes}

    def by_builder(events: tuple[gp.Event, ...]) -> None:
        b = gp.Timeline.builder()
        for e in events:
            b.add(e)
        b.build()

    def by_extend(events: tuple[gp.Event, ...]) -> None:
        h = gp.history(PLAN, gp.Timeline())
        for e in events:
            h = h.extend((e,))

    # The builder takes a few ms: its sizes are measured in three interleaved passes and each
    # keeps its best, so a burst of load on a busy machine lands on one try, not on a size.
    built = {n: float("inf") for n in sizes}
    for _ in range(3):
        for n in sizes:
            gc.collect()  # a size's times must not carry what the last size left
            build = functools.partial(by_builder, timelines[n])
            built[n] = min(built[n], *(once(build) for _ in range(5)))
    grown = []
    for n in sizes:
        gc.collect()
        tries = 3 if n <= 16_000 else 1
        grow = functools.partial(by_extend, timelines[n])
        grown.append(min(once(grow) for _ in range(tries)))
    rep.series("TimelineBuilder.add, one event at a time", sizes, [built[n] for n in sizes], 1.1)
    rep.series("History.extend, one event at a time", sizes, grown, 1.1)


def checking(rep: Report, alive_n: int, rounds: int) -> None:
    alive = gp.history(PLAN, realistic(alive_n, 3))  # states held on the heap while checking
    states = random_states(400)
    gp.check_plan(PLAN, states[0])
    assert gc.isenabled()
    got = interleaved(
        lambda: [check(s) for s in states],
        {
            "untraced": lambda: [gp.check_plan(PLAN, s, trace=False) for s in states],
            "traced": lambda: [gp.check_plan(PLAN, s) for s in states],
        },
        rounds,
    )
    held = f"{len(alive):,} states alive, gc on"
    for name, limit in (("untraced", 3.0), ("traced", 10.0)):
        r = got[name]
        rep.goal(
            f"check_plan {name} vs if-chain ({held})",
            f"{r.seconds / len(states) * 1e6:.1f} us/state",
            _ratio(r),
            f"<= {limit:g}x",
            r.ratio <= limit,
            **of(r),
        )


def drawing(rep: Report, draws: int) -> None:
    from hypothesis import strategies as st

    import gazaplan.strategies as gst

    base = statistics.median(
        draw_times(st.lists(st.tuples(st.integers(), st.text()), max_size=12), draws)
    )
    median = statistics.median(draw_times(gst.timelines(), draws))
    rep.goal(
        "a timelines() draw vs 12 small records",
        f"{median * 1e3:.2f} ms median",
        f"{median / base:6.2f}x",
        "<= 10 ms",
        median <= 0.010,
        value=median,
        baseline=base,
    )


def replaying(rep: Report, n: int, rounds: int) -> None:
    pool = iter([realistic(n, seed) for seed in range(100, 100 + 2 * rounds + 2)])
    facts = [facts_set(gp.State(), e) for e in realistic(n, 99)]  # what each event sets

    def dict_fold() -> None:  # the floor: a fold over plain dicts, nothing checked
        state: dict[str, Any] = {}
        for f in facts:
            state = {**state, **f}

    def fresh(fn: Callable[[gp.Timeline], object]) -> Callable[[], object]:
        return lambda: fn(next(pool))  # a new timeline each time: no cache helps

    got = interleaved(
        dict_fold,
        {
            "replay": fresh(lambda tl: gp.history(PLAN, tl)),
            "replay+compliance": fresh(lambda tl: gp.compliance(PLAN, tl)),
        },
        rounds,
    )
    r = got["replay"]
    per = r.seconds / n * 1e6
    rep.goal(
        f"replay vs the plain-dict fold ({n:,} events)",
        f"{per:.1f} us/event",
        _ratio(r),
        "<= 10x",
        r.ratio <= 10,
        **of(r),
    )
    r = got["replay+compliance"]
    rep.goal(
        f"replay + compliance, realistic mix ({n:,})",
        f"{r.seconds * 1e3:.1f} ms",
        _ratio(r),
        "< 100 ms" if n == 10_000 else "(at 10k: < 100 ms)",
        r.seconds < 0.1 if n == 10_000 else None,
        **of(r),
    )
    tl = realistic(n, 7)
    gp.history(PLAN, tl)  # replayed once: the look-ups below are what is compared
    early = tl.events[n // 100].at
    got = interleaved(
        lambda: gp.compliance(PLAN, tl),
        {"early": lambda: gp.compliance(PLAN, tl, at=early)},
        rounds,
    )
    r = got["early"]
    rep.goal(
        "compliance at 1% of the timeline vs at its end",
        f"{r.seconds * 1e3:.2f} ms",
        _ratio(r),
        "<= 0.5x",
        r.ratio <= 0.5,
        **of(r),
    )
    instants = [tl.events[i * n // 10].at for i in range(10)]

    def one_history() -> None:  # folded anew (a copy of the timeline: no cache), ten look-ups
        h = gp.history(PLAN, gp.Timeline._trusted(tl.events))
        for at in instants:
            h.at(at)

    got = interleaved(
        one_history,
        {"until": lambda: [gp.replay(PLAN, tl.until(at)) for at in instants]},
        max(3, rounds // 3),
    )
    r = got["until"]
    rep.goal(
        "ten instants: replay(until(at)) vs one history",
        f"{r.seconds * 1e3:.1f} ms",
        _ratio(r),
        "(information)",
        None,
        **of(r),
    )


def loading(rep: Report, n: int, rounds: int) -> None:
    tl = realistic(n, 5)
    text = gp.dumps(tl)
    scenario = gp.dumps(gp.Scenario(name="bench", version=PLAN.version, timeline=tl))
    got = interleaved(
        lambda: json.loads(text),
        {
            "timeline": lambda: gp.loads(text, gp.Timeline),
            "scenario": lambda: gp.loads(scenario, gp.Scenario),
        },
        rounds,
    )
    r = got["timeline"]
    rep.goal(
        f"gp.loads of a timeline vs json.loads ({n:,} events)",
        f"{r.seconds * 1e3:.1f} ms",
        _ratio(r),
        "<= 2x",
        r.ratio <= 2,
        **of(r),
    )
    r = got["scenario"]
    rep.goal(
        "  the same as a scenario (replayed to check it)",
        f"{r.seconds * 1e3:.1f} ms",
        _ratio(r),
        "(information)",
        None,
        **of(r),
    )
    big = len(gp.dumps(realistic(1000, 5)).encode()) / 1000
    rep.goal(
        "events that fit the one size limit",
        f"~{documents.MAX_BYTES / big:,.0f}",
        f"({big:.0f} B each)",
        "(information)",
        None,
        value=documents.MAX_BYTES / big,
        unit="events",
    )


def plotting(rep: Report, rounds: int) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plan, tl = gp.plan(), gp.timeline()
    gp.html_report(plan, tl)  # imports and caches warm

    def empty_figures() -> None:  # the floor: three empty figures written as SVG
        for _ in range(3):
            fig, _ax = plt.subplots(figsize=(9, 5), layout="constrained")
            fig.savefig(io.StringIO(), format="svg")
            plt.close(fig)

    got = interleaved(
        empty_figures,
        {
            "with": lambda: gp.html_report(plan, tl),
            "without": lambda: gp.html_report(plan, tl, plots=False),
        },
        rounds,
    )
    plots = got["with"].seconds - got["without"].seconds
    ratio = plots / got["with"].baseline
    rep.goal(
        "HTML report's plots (bundled data)",
        f"{plots:.3f} s",
        f"{ratio:6.2f}x three empty figures",
        "<= 0.3 s",
        plots <= 0.3,
        value=plots,
        baseline=got["with"].baseline,
    )


def starting(rep: Report, runs: int) -> None:
    timed = "import time; t = time.perf_counter(); {}; print(time.perf_counter() - t)"
    attrs_s = statistics.median(fresh_seconds(timed.format("import attrs"), runs))
    ours = statistics.median(fresh_seconds(timed.format("import gazaplan"), runs))
    plan_s = statistics.median(
        fresh_seconds(
            "import time, attrs, gazaplan; t = time.perf_counter(); gazaplan.plan(); "
            "print(time.perf_counter() - t)",
            runs,
        )
    )
    first = statistics.median(
        fresh_seconds(
            timed.format(
                "import gazaplan as gp; gp.check_plan(p := gp.plan(), gp.State.initial(p))"
            ),
            runs,
        )
    )
    rep.goal(
        "import gazaplan vs import attrs",
        f"{ours * 1e3:.1f} ms",
        f"{ours / attrs_s:6.2f}x",
        "<= 1.5x",
        ours / attrs_s <= 1.5,
        value=ours,
        baseline=attrs_s,
    )
    rep.goal(
        "gp.plan() first use (attrs imported)",
        f"{plan_s * 1e3:.1f} ms",
        f"{plan_s / attrs_s:6.2f}x import attrs",
        "<= 1x import attrs",
        plan_s <= attrs_s,
        value=plan_s,
        baseline=attrs_s,
    )
    dataset = statistics.median(
        fresh_seconds(
            timed.format(
                "import gazaplan as gp; p = gp.plan(); tl = gp.timeline(); "
                "gp.compliance(p, tl, at=gp.dataset().latest.as_of)"
            ),
            runs,
        )
    )
    rep.goal(
        "bundled dataset cold: load, validate, replay, comply",
        f"{dataset * 1e3:.0f} ms",
        f"{dataset / attrs_s:6.2f}x import attrs",
        "<= 1 s",
        dataset <= 1.0,
        value=dataset,
        baseline=attrs_s,
    )
    rep.goal(
        "first use: import, plan, one check_plan",
        f"{first * 1e3:.1f} ms",
        f"{first / attrs_s:6.2f}x import attrs",
        "(information)",
        None,
        value=first,
        baseline=attrs_s,
    )


def analysing(rep: Report, runs: int) -> None:
    """The structure report: cold on the bundled plan (its modules imported in the time), and on
    generated plans up to ten times the bundled size, with the growth."""
    from .bench_analysis import report_seconds

    timed = "import time; t = time.perf_counter(); {}; print(time.perf_counter() - t)"
    attrs_s = statistics.median(fresh_seconds(timed.format("import attrs"), runs))
    cold = statistics.median(
        fresh_seconds(
            "import time, gazaplan as gp; p = gp.plan(); "
            "st = gp.replay(p, gp.timeline(), at=gp.dataset().latest.as_of); "
            "t = time.perf_counter(); gp.analyse(p, st); print(time.perf_counter() - t)",
            runs,
        )
    )
    rep.goal(
        "structure report cold (bundled plan, all targets)",
        f"{cold * 1e3:.1f} ms",
        f"{cold / attrs_s:6.2f}x import attrs",
        "<= 50 ms",
        cold <= 0.050,
        value=cold,
        baseline=attrs_s,
    )
    sizes = [1, 2, 5, 10]
    report_seconds(1)  # warm the plan's own caches once; each size then builds its own plan
    seconds = [min(report_seconds(k) for _ in range(2)) for k in sizes]
    rep.series("structure report, k x the bundled plan", sizes, seconds, 1.1)
    rep.goal(
        "structure report, 10x the bundled plan",
        f"{seconds[-1] * 1e3:.0f} ms",
        f"{seconds[-1] / seconds[0]:6.2f}x the bundled plan's",
        "<= 1 s",
        seconds[-1] <= 1.0,
        value=seconds[-1],
        baseline=seconds[0],
    )


def exploring(rep: Report, quick: bool) -> None:
    """Exhaustive exploration of the bundled phases 1-2 model against SPIN measured in the same
    run (issue 29's goals): states a second against pan's on the largest size of the run (the
    full run: 20 living and 28 deceased hostages, 2.2 million states), bytes a state at peak, and
    the whole search, building included, against SPIN's compile alone; the set engine beside it,
    and the growth with the living hostages."""
    from .bench_explore import QUICK, SIZES, measure, spin_seconds

    sizes = QUICK if quick else SIZES
    runs = [measure(living, deceased) for living, deceased in sizes]
    last = runs[-1]
    living, deceased = sizes[-1]
    rate = last["states"] / last["seconds"]
    moves = last["transitions"] / last["seconds"]
    spin = spin_seconds(living, deceased)
    if spin is not None:
        compiled, ran, stored = spin
        pan = stored / ran
        rep.goal(f"explore: states a second vs SPIN's pan ({living}+{deceased})", f"{rate:,.0f}/s",
                 f"{rate / pan:6.2f}x pan's {pan:,.0f}/s", ">= 10x pan's", rate / pan >= 10,
                 value=rate, unit="states/s", baseline=pan)  # fmt: skip
        rep.goal(f"explore end to end vs SPIN's compile alone ({stored:,} states)",
                 f"{last['seconds']:.2f} s vs {compiled:.2f} s",
                 f"{last['seconds'] / compiled:6.2f}x SPIN's compile", "< 1x",
                 last["seconds"] < compiled, value=last["seconds"], baseline=compiled)  # fmt: skip
        rep.goal("  the same vs SPIN compile + run", f"{compiled + ran:.2f} s",
                 f"{last['seconds'] / (compiled + ran):6.2f}x SPIN's", "(information)", None,
                 value=last["seconds"], baseline=compiled + ran)  # fmt: skip
    else:
        rep.goal(f"explore: states a second ({living}+{deceased}; no SPIN here)", f"{rate:,.0f}/s",
                 "", "(information)", None, value=rate, unit="states/s")  # fmt: skip
    rep.goal(f"explore: transitions a second ({last['transitions']:,.0f})", f"{moves:,.0f}/s",
             "", "(information)", None, value=moves, unit="transitions/s")  # fmt: skip
    memory = measure(living, deceased, memory=True)["bytes_per_state"]
    rep.goal(f"explore: bytes a state at peak ({living}+{deceased}, tracemalloc)",
             f"{memory:.1f} B", "", "<= 16 B", memory <= 16, value=memory,
             unit="bytes")  # fmt: skip
    sets = measure(*sizes[-2], engine="sets")
    arrays = runs[-2]
    rep.goal(f"explore: the set engine (the oracle), {sizes[-2][0]}+{sizes[-2][1]}",
             f"{sets['seconds']:.2f} s", f"{sets['seconds'] / arrays['seconds']:6.2f}x the arrays'",
             "(information)", None, value=sets["seconds"], baseline=arrays["seconds"])  # fmt: skip
    for (lv, dc), m in zip(sizes, runs, strict=True):
        rep.goal(f"explore: {lv} living, {dc} deceased", f"{m['states']:,.0f} states",
                 f"{m['seconds']:.2f} s", "(information)", None,
                 value=m["seconds"])  # fmt: skip


def simulating(rep: Report, quick: bool) -> None:
    """Monte Carlo runs (issue 16's goals): one delayed replay with compliance, against replaying
    each run whole; many runs on one core; pools of one and two spawned workers; a Dask
    LocalCluster of two workers in the full run."""
    from .bench_runs import measure as runs

    n = 2000 if quick else 10_000
    m = runs(n, dask=not quick)
    each = m["serial"] / n
    rep.goal("monte carlo: a delayed replay + compliance", f"{each * 1e3:.3f} ms",
             f"{m['serial'] / m['whole']:6.2f}x replaying it whole", "<= 1 ms", each <= 1e-3,
             value=each, baseline=m["whole"] / n)  # fmt: skip
    rep.goal(f"monte carlo: {n:,} runs, one core", f"{m['serial']:.2f} s",
             f"{m['serial'] / n * 10_000 / 10:6.2f}x the goal", "10,000 in <= 10 s",
             m["serial"] / n * 10_000 <= 10, value=m["serial"])  # fmt: skip
    over = m["pool1"] / m["serial"] - 1
    rep.goal("monte carlo: a pool of one worker vs serial", f"{m['pool1']:.2f} s",
             f"{over:+6.1%} overhead", "<= +10%", over <= 0.10,
             value=m["pool1"], baseline=m["serial"])  # fmt: skip
    two = m["serial"] / m["pool2"]
    rep.goal(f"monte carlo: two workers vs serial ({load()})", f"{m['pool2']:.2f} s",
             f"{two:6.2f}x serial", ">= 1.7x", two >= 1.7,
             value=m["pool2"], baseline=m["serial"], ratio=two)  # fmt: skip
    if "dask2" in m:
        rep.goal("monte carlo: Dask LocalCluster, two workers", f"{m['dask2']:.2f} s",
                 f"{m['serial'] / m['dask2']:6.2f}x serial", "(information)", None,
                 value=m["dask2"], baseline=m["serial"], ratio=m["serial"] / m["dask2"])  # fmt: skip


def growing(rep: Report, sizes: list[int]) -> None:
    series: dict[str, list[float]] = {
        "replay": [],
        "replay + compliance": [],
        "gp.loads (timeline)": [],
    }
    for n in sizes:  # the best of three, each on a new timeline: a pause must not read as growth
        fresh = [realistic(n, seed) for seed in range(6)]
        gc.collect()  # what earlier goals left is not this series' cost
        series["replay"].append(min(once(partial(gp.history, PLAN, t)) for t in fresh[:3]))
        series["replay + compliance"].append(
            min(once(partial(gp.compliance, PLAN, t)) for t in fresh[3:])
        )
        text = gp.dumps(generated(n))
        series["gp.loads (timeline)"].append(
            min(once(partial(gp.loads, text, gp.Timeline)) for _ in range(3))
        )
    for name, seconds in series.items():
        rep.series(name, sizes, seconds, 1.1)


def publishing(rep: Report, quick: bool) -> None:
    runs = 1 if quick else 5
    site = statistics.median(one_core_seconds('["site", d + "/site"]', runs))
    base = statistics.median(one_core_seconds('["report"]', runs))
    rep.goal(
        "tracker site, bundled data, one core",
        f"{site:.2f} s",
        f"{site / base:6.2f}x gazaplan report",
        "<= 5 s",
        site <= 5.0,
        value=site,
        baseline=base,
    )
    events = [250, 500, 1000] if quick else [500, 1000, 2000, 4000]
    rep.series(
        "site build (events)",
        events,
        bench_site.series(events, lambda n: (PLAN, bench_site.generated_dataset(n))),
        1.1,
    )
    copies = [0, 1, 3] if quick else [0, 1, 3, 7]
    dataset = gp.dataset()
    plans = {k: bench_site.more_obligations(PLAN, k) for k in copies}
    sizes = [len(plans[k].obligations()) for k in copies]
    rep.series(
        "site build (obligations)",
        sizes,
        bench_site.series(copies, lambda k: (plans[k], dataset)),
        1.1,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes; fail only on growth")
    parser.add_argument(
        "--json", metavar="FILE", default=None, help="also write the run as JSON data to FILE"
    )
    args = parser.parse_args(argv)
    quick = args.quick
    at_start = machine()
    rep = Report(quick)
    sizes = [1000, 4000, 16_000] if quick else [1000, 10_000, 100_000]
    rounds = 5 if quick else 15
    started = time.perf_counter()
    print(f"gazaplan {gp.__version__}; {'quick' if quick else 'full'} run; {load()}; "
          f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")  # fmt: skip
    print(f"  {'goal':<44} {'measured':>18}  {'ratio (spread over rounds)':<30} goal")
    appending(rep, sizes)
    growing(rep, sizes if quick else [1000, 10_000, 50_000])  # early: a small heap
    checking(rep, 20_000 if quick else 100_000, rounds)
    drawing(rep, 30 if quick else 300)
    replaying(rep, 2000 if quick else 10_000, rounds)
    loading(rep, 2000 if quick else 10_000, rounds)
    plotting(rep, 3 if quick else 7)
    starting(rep, 3 if quick else 11)
    analysing(rep, 3 if quick else 7)
    exploring(rep, quick)
    simulating(rep, quick)
    publishing(rep, quick)
    if args.json:
        document = rep.document({**at_start, "load_1min_at_end": machine()["load_1min"]})
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(document, f, indent=2)
            f.write("\n")
        print(f"wrote {args.json}")
    unmet = [g.name for g in rep.goals if g.met is False]
    steep = [g[0] for g in rep.growth if g[3] > GROWTH_LIMIT]
    print(f"{load()} at the end; {time.perf_counter() - started:.0f} s in all")
    print(f"goals not met: {', '.join(unmet) or 'none'}")
    if steep:
        print(f"growing faster than n^{GROWTH_LIMIT}: {', '.join(steep)}")
    return 1 if steep or (unmet and not quick) else 0


if __name__ == "__main__":
    raise SystemExit(main())
