"""``gp.sweep``: a grid of terms, deadlines and counting points, each point an amendment judged
over the bundled timeline; checked against amending and judging by hand; rows, display, plot;
bad input."""

from __future__ import annotations

import datetime as dt
import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import gazaplan as gp
from gazaplan import InvalidValueError
from gazaplan.core.explain import duration
from gazaplan.core.words import phase_name
from gazaplan.runs import recipe_of
from gazaplan.runs.sweeps import SWEEP_SOURCE, SweepResult, parse_axis

PLAN = gp.plan()
TIMELINE = gp.timeline()


@pytest.fixture(scope="module")
def ratio() -> SweepResult:
    return gp.sweep(PLAN, {"exchange.remains_ratio": range(5, 26)}, timeline=TIMELINE)


def by_hand(*edits: gp.Edit) -> dict[str, str]:
    """Each obligation's compliance status, amending and judging without the sweep."""
    variant = gp.amend(PLAN, *edits)
    return {c.obligation.id: str(c.status) for c in gp.compliance(variant, TIMELINE).items}


def test_each_point_is_judged_as_amending_by_hand_would(ratio: SweepResult) -> None:
    assert len(ratio) == 21
    assert [v.values for v in ratio.variants] == [(r,) for r in range(5, 26)]
    for ratio_value in (5, 15, 16, 25):
        variant = ratio.variants[ratio_value - 5]
        want = by_hand(
            gp.SetTerm("exchange.remains_ratio", gp.Sourced(ratio_value, (SWEEP_SOURCE,)))
        )
        got = {s.id: s.status for s in variant.standings if s.kind == "obligation"}
        assert got == want
        # the amendment is the variant: applying it gives the plan judged
        assert gp.amend(PLAN, variant.amendment).exchange.remains_ratio.value == ratio_value
        edit = variant.amendment.edits[0]
        assert isinstance(edit, gp.SetTerm)
        assert edit.value.sources == (SWEEP_SOURCE,)  # not a source's word
    # the ratio decides whether the remains owed are all returned
    assert (
        ratio.variants[0].standing("p5-return-remains").status
        != ratio.variants[-1].standing("p5-return-remains").status
    )
    assert "p5-return-remains" in ratio.varying()


def test_deadline_and_counting_point_axes() -> None:
    r = gp.sweep(
        PLAN,
        {
            "deadline.p4-return-hostages": [24, 72],
            "since.p4-return-hostages": ["acceptance", "pull-back"],
        },
        timeline=TIMELINE,
    )
    assert [v.values for v in r.variants] == [
        (24, "acceptance"),
        (24, "pull-back"),
        (72, "acceptance"),
        (72, "pull-back"),
    ]
    due = {v.values: v.standing("p4-return-hostages") for v in r.variants}
    late = {k: s.lateness or dt.timedelta(0) for k, s in due.items()}
    assert all(s.status == "fulfilled late" for s in due.values())
    # 48 more hours of window: 48 hours less late, whatever the counting point
    assert late[(24, "acceptance")] - late[(72, "acceptance")] == dt.timedelta(hours=48)
    assert late[(24, "pull-back")] - late[(72, "pull-back")] == dt.timedelta(hours=48)
    # counting from the acceptance starts the clock earlier: later by the gap between the two
    assert late[(72, "acceptance")] > late[(72, "pull-back")]
    points = gp.catalog.counting_points("p4-return-hostages")["p4-return-hostages"]
    deadline = gp.amend(PLAN, r.variants[0].amendment).obligation("p4-return-hostages").deadline
    assert deadline is not None
    assert deadline.since == points[0].since
    assert deadline.hours == 24
    text = r.explain()
    for hours in (24, 72):  # each grid point's lateness, not a range over them
        line = (
            f"deadline.p4-return-hostages = {hours}; fulfilled late throughout, by: "
            f"since.p4-return-hostages = acceptance: {duration(late[(hours, 'acceptance')])}; "
            f"pull-back: {duration(late[(hours, 'pull-back')])}"
        )
        assert line in text
    mixed = gp.sweep(
        PLAN,
        {
            "exchange.remains_ratio": [14, 15, 16, 17],
            "since.p4-return-hostages": ["acceptance", "pull-back"],
        },
        timeline=TIMELINE,
    ).explain()
    assert "exchange.remains_ratio = 16; since.p4-return-hostages = acceptance-pull-back: " in mixed


def test_rows_pandas_display_and_plots(ratio: SweepResult) -> None:
    rows = ratio.rows()
    assert len(rows) == 21 * (len(PLAN.phases) + len(PLAN.obligations()))
    assert list(rows[0]) == list(ratio.columns())
    df = ratio.to_pandas()
    assert list(df.columns) == list(ratio.columns())
    assert len(df) == len(rows)
    text = ratio.explain()
    assert "exchange.remains_ratio = 5-15: fulfilled (no deadline); 16-25: partly fulfilled" in text
    html = ratio._repr_html_()
    assert "What varies across the grid" in html
    assert "p5-return-remains" in html
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = ratio.plot()  # statuses only: a strip per subject, each named in words
    names = {p.id: phase_name(PLAN, p.id) for p in PLAN.phases}
    names |= {o.id: o.action for o in PLAN.obligations()}
    assert [t.get_text() for t in ax.get_yticklabels()] == [names[s] for s in ratio.varying()]
    hours = gp.sweep(PLAN, {"deadline.p4-return-hostages": [24, 72, 168]}, timeline=TIMELINE)
    ax = hours.plot("p4-return-hostages")  # lateness varies: a line of days late
    (line,) = ax.get_lines()
    xs: Any = line.get_xdata()
    ys: Any = line.get_ydata()
    assert [float(x) for x in xs] == [24, 72, 168]
    days = [float(y) for y in ys]
    assert days[0] - days[1] == pytest.approx(2)
    assert days[1] - days[2] == pytest.approx(4)
    two = gp.sweep(
        PLAN,
        {
            "deadline.p4-return-hostages": [24, 72],
            "since.p4-return-hostages": ["acceptance", "pull-back"],
        },
        timeline=TIMELINE,
    )
    ax = two.plot()
    assert ax.get_xlabel() == "since.p4-return-hostages"
    assert len(ax.texts) == 4
    plt.close("all")


def test_an_executor_gives_the_same_results_and_a_hand_built_plan_cannot_travel() -> None:
    grid: dict[str, list[Any]] = {
        "exchange.remains_ratio": [10, 20],
        "aid.rafah": ["closed", "open both ways"],
    }
    serial = gp.sweep(PLAN, grid, timeline=TIMELINE)
    with ThreadPoolExecutor(2) as pool:
        threaded = gp.sweep(PLAN, grid, timeline=TIMELINE, executor=pool)
    assert threaded.variants == serial.variants
    assert recipe_of(PLAN).version == PLAN.version
    assert recipe_of(PLAN).amendments == ()
    variant = gp.amend(PLAN, serial.variants[1].amendment)
    assert recipe_of(variant).plan() == variant
    import attrs

    assert (
        recipe_of(gp.loads(gp.dumps(PLAN), gp.Plan)).version == PLAN.version
    )  # equal, not the same
    hand_built = attrs.evolve(PLAN, amendments=())
    with pytest.raises(InvalidValueError, match="cannot be sent to workers"):
        recipe_of(hand_built)


@pytest.mark.parametrize(
    ("grid", "match"),
    [
        ({}, "at least one path"),
        (
            {"exchange.remains": [1]},
            "names no term, deadline or counting point.*exchange.remains_ratio",
        ),
        ({"deadline.p99-nothing": [1]}, "names no obligation"),
        ({"exchange.remains_ratio": ["ten"]}, "takes int"),
        ({"exchange.remains_ratio": [True]}, "takes int"),
        ({"exchange.remains_ratio": []}, "at least one value"),
        ({"exchange.remains_ratio": [5, 5]}, "listed twice"),
        ({"aid.rafah": ["ajar"]}, "takes Crossing .'closed', 'open for leaving"),
        ({"deadline.p4-return-hostages": [0]}, "above 0"),
        ({"since.p4-return-hostages": ["signing"]}, "acceptance, pull-back"),
        ({"since.p3-withdraw-to-first-line": ["acceptance"]}, "single reading"),
    ],
)
def test_bad_grids_are_refused_naming_the_path(grid: dict[str, list[Any]], match: str) -> None:
    with pytest.raises(InvalidValueError, match=match):
        gp.sweep(PLAN, grid, timeline=TIMELINE)


def test_a_negative_count_is_refused_by_the_plan_and_a_non_timeline_by_the_sweep() -> None:
    with pytest.raises(InvalidValueError, match="remains_ratio"):
        gp.sweep(PLAN, {"exchange.remains_ratio": [-1]}, timeline=TIMELINE)
    with pytest.raises(InvalidValueError, match="is not a Timeline"):
        gp.sweep(PLAN, {"exchange.remains_ratio": [1]}, timeline=list(TIMELINE.events))  # type: ignore[arg-type]


def test_the_command_lines_grid() -> None:
    assert parse_axis(PLAN, "exchange.remains_ratio=5:8") == (
        "exchange.remains_ratio",
        range(5, 9),  # a range stays one, so that its size is checked before it is spelled out
    )
    assert tuple(parse_axis(PLAN, "deadline.p4-return-hostages=24:96:24")[1]) == (24, 48, 72, 96)
    assert parse_axis(PLAN, "since.p4-return-hostages=acceptance,pull-back")[1] == (
        "acceptance",
        "pull-back",
    )
    assert parse_axis(PLAN, "deadline.p4-return-hostages=36.5,72")[1] == (36.5, 72)
    for bad, match in [
        ("exchange.remains_ratio", "PATH=VALUES"),
        ("exchange.remains_ratio=9:5", "LOW <= HIGH"),
        ("exchange.remains_ratio=a:b", "whole numbers"),
        ("nothing=1", "names no term"),
    ]:
        with pytest.raises(InvalidValueError, match=match):
            parse_axis(PLAN, bad)


# Bounded sweeps: a lazy grid, a limit checked before any work, an estimate of the time.


def test_the_lazy_grids_points_are_itertools_products_by_index() -> None:
    import itertools

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from gazaplan.runs.sweeps import GridPoints

    axis = st.one_of(
        st.lists(st.integers(-5, 50), min_size=1, max_size=5, unique=True),
        st.builds(range, st.integers(-5, 5), st.integers(6, 12), st.integers(1, 3)),
        st.builds(range, st.integers(6, 12), st.integers(-5, 5), st.integers(-3, -1)),
    )

    @settings(max_examples=200, deadline=None)
    @given(st.lists(axis, min_size=1, max_size=4))
    def check(axes: list[Any]) -> None:
        want = list(itertools.product(*axes))
        grid = GridPoints(axes)
        assert len(grid) == len(want)
        assert [grid[i] for i in range(len(grid))] == want
        assert grid[-1] == want[-1]
        assert grid[1::3] == want[1::3]
        assert list(grid) == want
        with pytest.raises(IndexError):
            grid[len(want)]

    check()


def test_a_million_variants_start_at_once_without_building_the_grid() -> None:
    # A 1000 x 1000 grid built every amendment before the first variant ran (1 GB in 45 s).
    import time
    import tracemalloc

    class EnoughError(Exception):
        pass

    told: list[tuple[int, int]] = []

    def stop_after_a_few(done: int, total: int) -> None:
        told.append((done, total))
        if done >= 5:
            raise EnoughError

    grid = {"exchange.remains_ratio": range(1, 1001), "aid.trucks_per_day": range(1, 1001)}
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(EnoughError):
            gp.sweep(PLAN, grid, timeline=TIMELINE, max_variants=10**6, progress=stop_after_a_few)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert told[-1][1] == 10**6
    assert peak < 30_000_000  # a million amendments took a gigabyte
    assert time.monotonic() - started < 60


def test_an_executor_is_given_a_window_of_batches_not_the_whole_grid() -> None:
    from gazaplan.runs.executors import WINDOW, iter_all
    from gazaplan.runs.sweeps import GridPoints

    read: list[int] = []

    class Lazy(GridPoints):
        def __getitem__(self, index: Any) -> Any:
            got = super().__getitem__(index)
            read.append(len(got) if isinstance(index, slice) else 1)
            return got

    points = Lazy([range(1000), range(1000)])
    submitted = 0

    class Counting(ThreadPoolExecutor):
        def submit(self, *args: Any, **kwargs: Any) -> Any:
            nonlocal submitted
            submitted += 1
            return super().submit(*args, **kwargs)

    def first(_payload: None, batch: Any) -> list[Any]:
        return [p[0] for p in batch]

    with Counting(2) as pool:
        results = iter_all(first, None, points, executor=pool)
        taken = [next(results) for _ in range(200)]
        results.close()  # leaving early cancels what has not started
    assert taken == [0] * 200
    assert submitted <= 2 * WINDOW  # a window of batches, never a million
    assert sum(read) < 200_000  # what the window's batches hold, not the grid


def judged_nothing(*_args: Any, **_kwargs: Any) -> Any:
    raise AssertionError("a variant was judged before the grid was refused")


@pytest.mark.parametrize(
    ("grid", "limit", "match"),
    [
        (
            {"exchange.remains_ratio": range(1, 10_002)},
            None,
            r"sweep\(grid=\): got '10,001 variants'; the limit is 10,000 variants.*max_variants=N",
        ),
        (
            {"exchange.remains_ratio": range(1, 201), "aid.trucks_per_day": range(1, 101)},
            19_999,
            "got '20,000 variants'; the limit is 19,999",
        ),
        (
            {"exchange.remains_ratio": range(1, 10**22 + 1)},
            10**9,
            "10,000,000,000,000,000,000,000 variants'; no sweep judges more than 1,000,000,000",
        ),
        (
            {"exchange.remains_ratio": (i for i in range(1, 20_000))},
            None,
            "got 'more than 10,000 variants'",
        ),
        ({"exchange.remains_ratio": [5]}, 0, "a limit on a sweep's variants is a whole number"),
        ({"exchange.remains_ratio": [5]}, 10**9 + 1, "from 1 to 1,000,000,000"),
        ({"exchange.remains_ratio": [5, 6, 10**22]}, None, "a count is at most 1,000,000,000"),
        ({"exchange.remains_ratio": range(4, -4, -1)}, None, "a count cannot be negative"),
    ],
    ids=[
        "default",
        "raised",
        "huge",
        "iterator",
        "zero",
        "past-ceiling",
        "value",
        "negative",
    ],
)
def test_a_grid_too_large_or_a_value_refused_is_refused_before_any_variant(
    monkeypatch: pytest.MonkeyPatch, grid: dict[str, Any], limit: int | None, match: str
) -> None:
    import gazaplan.runs.sweeps as sweeps

    monkeypatch.setattr(sweeps, "judge", judged_nothing)
    more: dict[str, Any] = {} if limit is None else {"max_variants": limit}
    with pytest.raises(InvalidValueError, match=match):
        gp.sweep(PLAN, grid, timeline=TIMELINE, **more)


def test_a_long_sweep_says_how_long_from_its_first_variants(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import gazaplan.runs.executors as executors
    from gazaplan.runs.executors import estimate_line

    assert estimate_line("sweep", "variant", 1_000_000, 20, 0.2) == (
        "sweep: 1,000,000 variants; about 2 h 47 min to go at 10 ms each (from the first 20)"
    )
    assert estimate_line("sweep", "variant", 100, 20, 0.2) == ""  # a second: nothing said
    assert estimate_line("monte carlo", "run", 10**7, 50, 5.5) == (
        "monte carlo: 10,000,000 runs; about 12 days 18 h to go at 110 ms each (from the first 50)"
    )
    monkeypatch.setattr(executors, "ESTIMATE_SECONDS", 0.0)  # every sweep is long
    # Enough variants that the batches (sized by time) cannot reach the end before the
    # estimate is made, however busy the machine.
    gp.sweep(PLAN, {"exchange.remains_ratio": range(1, 201)}, timeline=TIMELINE)
    err = capsys.readouterr().err
    assert err.count("sweep: 200 variants; about") == 1  # once, on stderr
    (first,) = re.findall(r"\(from the first (\d+)\)", err)
    assert 0 < int(first) < 200  # from the first variants (20, or two seconds of them)
    gp.sweep(PLAN, {"exchange.remains_ratio": range(1, 31)}, timeline=TIMELINE, progress=False)
    assert capsys.readouterr().err == ""  # quiet
