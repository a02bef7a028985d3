"""``gp.sweep``: a grid of terms, deadlines and counting points, each point an amendment judged
over the bundled timeline; checked against amending and judging by hand; rows, display, plot;
bad input."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import gazaplan as gp
from gazaplan import InvalidValueError
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
    assert "fulfilled late by" in text
    assert "fulfilled late by 104 days 12 hours to 117 days 1 hour: every variant" in text
    mixed = gp.sweep(
        PLAN,
        {
            "exchange.remains_ratio": [14, 15, 16, 17],
            "since.p4-return-hostages": ["acceptance", "pull-back"],
        },
        timeline=TIMELINE,
    ).explain()
    assert "partly fulfilled: exchange.remains_ratio = 16-17\n" in mixed  # whatever the clock


def test_rows_pandas_display_and_plots(ratio: SweepResult) -> None:
    rows = ratio.rows()
    assert len(rows) == 21 * (len(PLAN.phases) + len(PLAN.obligations()))
    assert list(rows[0]) == list(ratio.columns())
    df = ratio.to_pandas()
    assert list(df.columns) == list(ratio.columns())
    assert len(df) == len(rows)
    text = ratio.explain()
    assert "exchange.remains_ratio = 5-15" in text
    assert "exchange.remains_ratio = 16-25" in text
    html = ratio._repr_html_()
    assert "What varies across the grid" in html
    assert "p5-return-remains" in html
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = ratio.plot()  # statuses only: a strip per subject
    assert [t.get_text() for t in ax.get_yticklabels()] == list(ratio.varying())
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
        (5, 6, 7, 8),
    )
    assert parse_axis(PLAN, "deadline.p4-return-hostages=24:96:24")[1] == (24, 48, 72, 96)
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
