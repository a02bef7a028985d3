"""``gp.monte_carlo``: perturbations as data, each run checked against replaying its timeline
whole; statuses, Wilson intervals, extreme runs as scenarios that replay; bad input."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan import InvalidValueError, UnknownIdError
from gazaplan.runs import run_seed
from gazaplan.runs.montecarlo import MonteCarloResult, wilson
from gazaplan.runs.perturbations import (
    Delay,
    Drop,
    Events,
    Fixed,
    Perturbation,
    PickClaim,
    Triangular,
    Uniform,
)
from gazaplan.strategies import perturbations

PLAN = gp.plan()
SCENARIO = gp.Scenario(name="bundled", version=PLAN.version, timeline=gp.timeline())
EVENTS = SCENARIO.timeline.events
DELAY = Perturbation((Delay(Uniform(0, 3)),), name="a few days late")


@pytest.fixture(scope="module")
def delayed() -> MonteCarloResult:
    return gp.monte_carlo(SCENARIO, DELAY, 300, seed=11, keep_runs=True)


def replayed_whole(result: MonteCarloResult, index: int) -> dict[str, tuple[object, object]]:
    """Run *index* the slow way: its timeline drawn again and replayed from the start."""
    drawn = result.perturbation.draw(EVENTS, random.Random(run_seed(result.seed, index)))
    report = gp.compliance(PLAN, gp.Timeline.of(drawn.events(EVENTS)), at=result.at)
    return {c.obligation.id: (c.status, c.late_by or c.overdue_by) for c in report.items}


def test_each_run_is_what_replaying_its_timeline_whole_gives(delayed: MonteCarloResult) -> None:
    assert len(delayed.runs) == 300
    assert not delayed.failed
    for run in delayed.runs[::15]:
        got = dict(
            zip(delayed.obligations, zip(run.statuses, run.lateness, strict=True), strict=True)
        )
        assert got == replayed_whole(delayed, run.index)


@pytest.mark.parametrize(
    "pert",
    [
        Perturbation((Drop(0.05), Delay(Uniform(0, 3)))),
        Perturbation((PickClaim(), Drop(0.3, Events(kinds=("hostages_released",))))),
    ],
    ids=["drops-and-delays", "claims-and-releases-dropped"],
)
def test_refolded_runs_are_what_replaying_whole_gives(pert: Perturbation) -> None:
    result = gp.monte_carlo(SCENARIO, pert, 40, seed=5, keep_runs=True)
    assert not result.failed
    for run in result.runs:
        got = dict(
            zip(result.obligations, zip(run.statuses, run.lateness, strict=True), strict=True)
        )
        assert got == replayed_whole(result, run.index)


steps = st.one_of(
    st.builds(
        Delay,
        st.builds(Uniform, st.just(0), st.integers(0, 40)),
        unit=st.sampled_from(["day", "hour"]),
    ),
    st.builds(Delay, st.builds(Fixed, st.integers(0, 5))),
    st.builds(
        Delay,
        st.just(Triangular(0, 1, 9)),
        st.builds(Events, kinds=st.just(("hostages_released",))),
    ),
    st.builds(Drop, st.floats(0, 0.2)),
    st.just(PickClaim()),
)


@settings(max_examples=15, deadline=None)
@given(st.lists(steps, min_size=1, max_size=3), st.integers(0, 2**32))
def test_the_fast_paths_agree_with_replaying_whole(chosen: list[Any], seed: int) -> None:
    pert = Perturbation(tuple(chosen))
    result = gp.monte_carlo(SCENARIO, pert, 3, seed=seed, keep_runs=True)
    for run in result.runs:
        if run.error:
            continue
        got = dict(
            zip(result.obligations, zip(run.statuses, run.lateness, strict=True), strict=True)
        )
        assert got == replayed_whole(result, run.index)


@settings(max_examples=25, deadline=None)
@given(perturbations(SCENARIO.timeline), st.sampled_from(["json", "toml"]))
def test_a_perturbation_is_a_document_that_reads_back_equal(pert: Perturbation, fmt: str) -> None:
    assert gp.loads(gp.dumps(pert, format=fmt), Perturbation, format=fmt) == pert  # type: ignore[arg-type]
    pert.check(EVENTS, PLAN.origin)  # what the strategy draws, a simulation accepts


def test_a_bad_perturbation_file_is_located() -> None:
    text = (
        '{"document": "perturbation", "schema_version": 1, '
        '"steps": [{"kind": "delay", "by": {"kind": "uniform", "low": 3, "high": 1}}]}'
    )
    with pytest.raises(gp.ScenarioFormatError, match=r"steps\[0\]\.by\.high: got 1; is below low"):
        gp.loads(text, Perturbation)


def test_the_same_seed_gives_the_same_runs_and_another_seed_others(
    delayed: MonteCarloResult,
) -> None:
    again = gp.monte_carlo(SCENARIO, DELAY, 300, seed=11, keep_runs=True)
    assert again.runs == delayed.runs
    other = gp.monte_carlo(SCENARIO, DELAY, 300, seed=12, keep_runs=True)
    assert [r.seed for r in other.runs] != [r.seed for r in delayed.runs]
    assert len({run_seed(11, i) for i in range(1000)}) == 1000
    assert run_seed(11, 5) == delayed.runs[5].seed


def test_probabilities_with_wilson_intervals(delayed: MonteCarloResult) -> None:
    counts = delayed.counts("p3-withdraw-to-first-line")
    assert sum(counts.values()) == 300
    # a pull-back 24 hours after approval: a delay of a day or more makes it late in some runs
    assert set(counts) == {
        gp.ComplianceStatus.FULFILLED_ON_TIME,
        gp.ComplianceStatus.FULFILLED_LATE,
    }
    late = delayed.probability("p3-withdraw-to-first-line", "fulfilled late")
    assert late.p == counts[gp.ComplianceStatus.FULFILLED_LATE] / 300
    assert late.low < late.p < late.high
    # the textbook value: 10 of 100 runs gives 5.5% to 17.4%
    ten = wilson(10, 100)
    assert (round(ten.low, 3), round(ten.high, 3)) == (0.055, 0.174)
    assert wilson(0, 20).low == 0.0
    assert wilson(20, 20).high == 1.0
    rows = delayed.rows()
    assert {r["obligation"] for r in rows} == set(delayed.obligations)
    assert sum(r["runs"] for r in rows if r["obligation"] == "p4-return-hostages") == 300
    assert list(delayed.to_pandas().columns) == [
        "obligation",
        "status",
        "runs",
        "probability",
        "low",
        "high",
    ]
    text = delayed.explain()
    assert "p3-withdraw-to-first-line" in text
    assert "95% interval" in text
    assert "late or overdue in all" in text
    assert "Monte Carlo" in delayed._repr_html_()


def test_runs_as_rows_and_the_plot(delayed: MonteCarloResult) -> None:
    rows = delayed.run_rows()
    assert len(rows) == 300 * len(delayed.obligations)
    assert rows[0]["run"] == 0
    assert rows[0]["seed"] == run_seed(11, 0)
    df = delayed.to_pandas("runs")
    assert len(df) == len(rows)
    late = df[(df.obligation == "p3-withdraw-to-first-line") & (df.status == "fulfilled late")]
    assert (
        len(late) == delayed.counts("p3-withdraw-to-first-line")[gp.ComplianceStatus.FULFILLED_LATE]
    )
    with pytest.raises(InvalidValueError, match="neither 'statuses' nor 'runs'"):
        delayed.to_pandas("nothing")
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    ax = delayed.plot()
    assert [t.get_text() for t in ax.get_yticklabels()] == [  # each named by its action
        PLAN.obligation(o).action for o in delayed.varying()
    ]
    shares = sorted(p.get_width() for p in ax.patches if isinstance(p, Rectangle))
    on_time = delayed.probability("p3-withdraw-to-first-line", "fulfilled on time").p
    assert shares[-1] == pytest.approx(on_time)
    with pytest.raises(UnknownIdError):
        delayed.plot("p99-nothing")
    plt.close("all")


def test_the_extreme_runs_are_scenarios_that_replay(delayed: MonteCarloResult) -> None:
    extremes = delayed.extremes()
    assert extremes["latest"].late >= extremes["least late"].late
    assert all(extremes["latest"].late >= r.late for r in delayed.runs)
    s = delayed.scenario(extremes["latest"])
    assert gp.check_scenario(s).passed
    assert len(s.expectations) == len(delayed.obligations)
    moved = [e for e in s.timeline.events if "Hypothetical: a Monte Carlo run moved" in e.note]
    assert moved
    assert f"run seed {extremes['latest'].seed}" in s.description
    again = gp.loads(gp.dumps(s), gp.Scenario)  # a scenario file, read back
    assert again == s


def test_drops_and_claims_are_hypothetical_and_said() -> None:
    pert = Perturbation(
        (
            PickClaim(Events(ids=("2026-06-24-morocco-isf-claim",))),
            Drop(1.0, Events(ids=("2025-12-10-aid-rate",))),
        )
    )
    result = gp.monte_carlo(SCENARIO, pert, 20, seed=3, keep_runs=True)
    s = result.scenario(0)
    ids = [e.id for e in s.timeline.events]
    assert "2025-12-10-aid-rate" not in ids
    assert "Left out: 2025-12-10-aid-rate" in s.description
    claim = next(e for e in s.timeline.events if e.id == "2026-06-24-morocco-isf-claim")
    assert "picked one claim" in claim.note
    isf = {r.statuses[result.obligations.index("p15-build-isf")] for r in result.runs}
    assert isf  # judged in every run
    assert "pick one claim" in pert.describe()


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: gp.monte_carlo(SCENARIO, DELAY, 0, seed=1), InvalidValueError, "at least one run"),
        (lambda: gp.monte_carlo(SCENARIO, DELAY, 10, seed=1.5), InvalidValueError, "whole number"),  # type: ignore[arg-type]
        (
            lambda: gp.monte_carlo(SCENARIO, Perturbation((Delay(Uniform(-2, 0)),)), 1, seed=1),
            InvalidValueError,
            "before the plan's publication",
        ),
        (
            lambda: gp.monte_carlo(
                SCENARIO,
                Perturbation((Delay(Fixed(-1), Events(ids=("2025-10-10-pullback-complete",))),)),
                1,
                seed=1,
            ),
            (InvalidValueError, UnknownIdError),
            "before|unknown",
        ),
        (
            lambda: gp.monte_carlo(
                SCENARIO, Perturbation((Drop(0.5, Events(ids=("no-such-event",))),)), 1, seed=1
            ),
            UnknownIdError,
            "no-such-event",
        ),
        (
            lambda: gp.monte_carlo(
                SCENARIO, Perturbation((Drop(0.5, Events(kinds=("rumour",))),)), 1, seed=1
            ),
            InvalidValueError,
            "is no kind of event",
        ),
        (  # accepted silently before: the step changed nothing
            lambda: gp.monte_carlo(
                SCENARIO,
                Perturbation((Drop(0.5, Events(since=dt.date(2030, 1, 1))),)),
                1,
                seed=1,
            ),
            InvalidValueError,
            "selects no event of the timeline",
        ),
        (
            lambda: Events(since=dt.date(2026, 1, 2), until=dt.date(2026, 1, 1)),
            InvalidValueError,
            "ends before it starts",
        ),
        (
            lambda: gp.monte_carlo(SCENARIO, Perturbation(()), 1, seed=1),
            InvalidValueError,
            "needs a step",
        ),
        (lambda: Uniform(3, 1), InvalidValueError, "below low"),
        (lambda: Triangular(0, 5, 2), InvalidValueError, "low <= mode <= high"),
        (lambda: Drop(1.5), InvalidValueError, "Drop.probability"),
        (lambda: Delay(Uniform(0, 1), unit="week"), InvalidValueError, "unit"),
    ],
)
def test_bad_input_is_refused_naming_the_place(
    call: object, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        call()  # type: ignore[operator]


def test_an_event_moved_before_the_one_before_it_is_refused() -> None:
    i = next(
        i for i in range(5, len(EVENTS)) if EVENTS[i].at - EVENTS[i - 1].at > dt.timedelta(days=2)
    )
    gap = (EVENTS[i].at - EVENTS[i - 1].at).days
    pert = Perturbation((Delay(Fixed(-gap - 1), Events(ids=(EVENTS[i].id,))),))
    with pytest.raises(
        InvalidValueError, match=f"could move {EVENTS[i].id} before {EVENTS[i - 1].id}"
    ):
        gp.monte_carlo(SCENARIO, pert, 1, seed=1)
    within = Perturbation((Delay(Fixed(-gap), Events(ids=(EVENTS[i].id,))),))
    run = gp.monte_carlo(SCENARIO, within, 1, seed=1)  # within the gap: fine
    moved = run.scenario(0).timeline.events[i]
    assert moved.at == EVENTS[i].at - dt.timedelta(days=gap)


# Bounded Monte Carlo: counts streamed, runs kept only when asked, delays within the calendar.


def kept_counts(result: MonteCarloResult) -> list[dict[Any, int]]:
    """Each obligation's statuses counted from the kept runs, by hand (a run that failed, its
    dropped events leaving an impossible state, has no statuses and counts in none)."""
    out: list[dict[Any, int]] = [{} for _ in result.obligations]
    for run in result.runs:
        if run.error:
            continue
        for counts, status in zip(out, run.statuses, strict=True):
            counts[status] = counts.get(status, 0) + 1
    return out


@settings(max_examples=12, deadline=None)
@given(st.lists(steps, min_size=1, max_size=3), st.integers(0, 2**32), st.integers(1, 25))
def test_streamed_counts_are_the_counts_of_the_kept_runs(
    chosen: list[Any], seed: int, n: int
) -> None:
    pert = Perturbation(tuple(chosen))
    kept = gp.monte_carlo(SCENARIO, pert, n, seed=seed, keep_runs=True)
    streamed = gp.monte_carlo(SCENARIO, pert, n, seed=seed)
    assert [dict(t) for t in streamed.tallies] == kept_counts(kept)
    assert [dict(t) for t in kept.tallies] == kept_counts(kept)
    assert streamed.rows() == kept.rows()  # bit-identical, in the same order
    assert streamed.extremes() == kept.extremes()
    assert streamed.failed == tuple(r for r in kept.runs if r.error)
    assert (streamed.n, streamed.replayed) == (n, sum(1 for r in kept.runs if not r.error))
    assert streamed.explain() == kept.explain()
    latest = max(
        (r for r in kept.runs if not r.error), key=lambda r: (r.late, -r.index), default=None
    )
    assert streamed.extremes().get("latest") == latest


def test_without_keep_runs_memory_does_not_grow_with_the_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pickle
    from concurrent.futures import ThreadPoolExecutor

    import gazaplan.runs.montecarlo as montecarlo

    few = gp.monte_carlo(SCENARIO, DELAY, 30, seed=4)
    many = gp.monte_carlo(SCENARIO, DELAY, 600, seed=4)
    assert few.kept_runs is None
    assert abs(len(pickle.dumps(many)) - len(pickle.dumps(few))) < 2_000  # 0.8 KB a run before
    with pytest.raises(InvalidValueError, match=r"keep_runs=True.*--keep-runs"):
        many.runs  # noqa: B018 - the property raises
    with pytest.raises(InvalidValueError, match="keep_runs=True"):
        many.run_rows()
    kept = gp.monte_carlo(SCENARIO, DELAY, 600, seed=4, keep_runs=True)
    assert many.rows() == kept.rows()
    assert many.run(417) == kept.runs[417]  # any run computed again, to the bit
    assert many.scenario(417) == kept.scenario(417)
    latest = many.extremes()["latest"]
    assert many.scenario(latest) == kept.scenario(latest.index)
    with pytest.raises(InvalidValueError, match="numbered 0 to 599"):
        many.run(600)
    with ThreadPoolExecutor(3) as pool:  # the same counts on an executor
        assert gp.monte_carlo(SCENARIO, DELAY, 600, seed=4, executor=pool) == many
    # failed runs: every one counted, the first kept
    monkeypatch.setattr(montecarlo, "MAX_FAILED_KEPT", 3)
    drops = Perturbation((Drop(0.5),))
    counted = gp.monte_carlo(SCENARIO, drops, 300, seed=1)
    every = gp.monte_carlo(SCENARIO, drops, 300, seed=1, keep_runs=True)
    failures = [r for r in every.runs if r.error]
    assert len(failures) > 3
    assert counted.failed == tuple(failures[:3])
    assert counted.failed_count == len(failures)
    assert f"{len(failures)} runs could not be replayed" in counted.explain()
    assert counted.rows() == every.rows()


def ran_nothing(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("a run was drawn before the simulation was refused")


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (
            lambda: gp.monte_carlo(
                SCENARIO, Perturbation((Delay(Uniform(0, 100_000)),)), 5, seed=1
            ),
            (
                r"Perturbation\.steps\[0\]\.by: got Uniform\(low=0, high=100000\); could move "
                r"2026-10-07-third-anniversary \(2026-10-07\) by up to 100,000 days, past the "
                r"calendar's limit \(instants before 2200-01-01\). Bound the delay at 63,273 days"
            ),
        ),
        (
            lambda: gp.monte_carlo(
                SCENARIO, Perturbation((Delay(Uniform(0, 40_000)), Delay(Fixed(40_000)))), 5, seed=1
            ),
            r"steps\[1\]\.by.*by up to 80,000 days.*with the other delays of this event",
        ),
        (
            lambda: gp.monte_carlo(
                SCENARIO, Perturbation((Delay(Uniform(0, 10**9), unit="hour"),)), 5, seed=1
            ),
            "1,000,000,000 hours, past the calendar's limit",
        ),
        (
            lambda: gp.monte_carlo(SCENARIO, Perturbation((Delay(Fixed(-(10**9))),)), 5, seed=1),
            "before the plan's publication",
        ),
        (lambda: Uniform(0, 10**9 + 1), "Uniform.high: got 1000000001; a delay is a whole number"),
        (lambda: Triangular(-(10**22), 0, 1), "Triangular.low"),
        (lambda: Fixed(10**22), "from -1,000,000,000 to 1,000,000,000"),
        (
            lambda: gp.monte_carlo(SCENARIO, DELAY, 10_000_001, seed=1),
            r"monte_carlo\(n=\): got 10000001; a simulation draws at most 10,000,000 runs",
        ),
        (
            lambda: gp.monte_carlo(SCENARIO, DELAY, 1_000_001, seed=1, keep_runs=True),
            "keeps at most 1,000,000 runs",
        ),
    ],
    ids=[
        "past-2199",
        "two-delays",
        "hours",
        "before-publication",
        "uniform",
        "triangular",
        "fixed",
        "too-many-runs",
        "too-many-kept",
    ],
)
def test_what_would_leave_the_calendar_or_the_memory_is_refused_before_any_run(
    monkeypatch: pytest.MonkeyPatch, call: Any, match: str
) -> None:
    import gazaplan.runs.montecarlo as montecarlo

    monkeypatch.setattr(montecarlo, "simulate_runs", ran_nothing)
    with pytest.raises(InvalidValueError, match=match):
        call()


def test_the_largest_delay_allowed_reaches_2199_and_a_day_more_is_refused() -> None:
    last = EVENTS[-1]
    with pytest.raises(InvalidValueError, match="Bound the delay at 63,273 days or less"):
        gp.monte_carlo(
            SCENARIO, Perturbation((Delay(Fixed(63_274), Events(ids=(last.id,))),)), 1, seed=1
        )
    result = gp.monte_carlo(
        SCENARIO, Perturbation((Delay(Fixed(63_273), Events(ids=(last.id,))),)), 1, seed=1
    )
    moved = result.scenario(0).timeline.events[-1]
    assert moved.at.astimezone(dt.UTC).year == 2199  # the last instant the library takes
    assert moved.at < dt.datetime(2200, 1, 1, tzinfo=dt.UTC)
    assert gp.check_scenario(result.scenario(0)).passed


def test_the_obligations_that_never_vary_are_listed_as_invariant(
    delayed: MonteCarloResult,
) -> None:
    invariant = dict(delayed.invariant())
    varying = set(delayed.varying())
    assert invariant
    assert varying.isdisjoint(invariant)
    assert varying | set(invariant) == set(delayed.obligations)  # none left out
    for o, status in invariant.items():
        assert delayed.counts(o) == {status: delayed.replayed}
    text = delayed.explain()
    assert f"{len(invariant)} obligations are invariant" in text
    listed = text.split(" invariant: ", 1)[1].splitlines()[1:]  # the lines after the heading
    lines = {line.strip().split(": ", 1)[0]: line.strip() for line in listed}
    for o, status in invariant.items():
        assert o in lines[str(status)].split(": ", 1)[1].split(", ")
