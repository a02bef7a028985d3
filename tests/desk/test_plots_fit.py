"""Charts fit to print: every plot, drawn at 600x400 and at 1200x800 pixels, keeps every label
inside the frame and no two labels on top of each other, as the renderer measures them."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

import matplotlib as mpl
import pytest

mpl.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

import gazaplan as gp
from gazaplan.desk import _frame
from gazaplan.desk.plots import (
    plot_exchange,
    plot_monte_carlo,
    plot_obligations,
    plot_sweep,
    plot_withdrawal,
)
from gazaplan.runs.perturbations import Delay, Perturbation, Uniform

PLAN = gp.plan()
TL = gp.timeline()


def _sweeps() -> dict[str, gp.SweepResult]:
    statuses = gp.sweep(PLAN, {"exchange.remains_ratio": [5, 10, 15, 20, 25]}, timeline=TL)
    hours = gp.sweep(PLAN, {"deadline.p4-return-hostages": [24, 72, 168]}, timeline=TL)
    two = gp.sweep(
        PLAN,
        {
            "deadline.p4-return-hostages": [24, 72],
            "since.p4-return-hostages": ["acceptance", "pull-back"],
        },
        timeline=TL,
    )
    return {"strips": statuses, "lines": hours, "heatmap": two}


SWEEPS = _sweeps()
SIMULATION = gp.monte_carlo(
    gp.Scenario(name="bundled", version=PLAN.version, timeline=TL),
    Perturbation((Delay(Uniform(0, 3)),), name="a few days late"),
    40,
    seed=3,
)

PLOTS: dict[str, Callable[[], Axes]] = {
    "obligations": lambda: plot_obligations(gp.compliance(PLAN, TL)),
    "obligations early": lambda: plot_obligations(gp.compliance(PLAN, TL, at=TL.events[12].at)),
    "exchange": lambda: plot_exchange(PLAN, TL),
    "exchange counts": lambda: plot_exchange(PLAN, TL, counts=True),
    "withdrawal": lambda: plot_withdrawal(PLAN, TL),
    "sweep strips": lambda: plot_sweep(SWEEPS["strips"]),
    "sweep lines": lambda: plot_sweep(SWEEPS["lines"], "p4-return-hostages"),
    "sweep heatmap": lambda: plot_sweep(SWEEPS["heatmap"]),
    "simulation": lambda: plot_monte_carlo(SIMULATION),
}


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def _drawn_at(fig: Figure, size: str) -> FigureCanvasAgg:
    """Lay the figure out and draw it as save() does at *size*; the canvas drawn on."""
    inches, dpi = _frame.layout_for(*_frame.SIZES[size])
    fig.set_size_inches(inches)
    fig.set_dpi(dpi)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()  # type: ignore[no-untyped-call]
    return canvas


def _in_view(axis: object, locs: list[float]) -> list[bool]:
    low, high = sorted(axis.get_view_interval())  # type: ignore[attr-defined]
    slack = (high - low) * 1e-9
    return [low - slack <= v <= high + slack for v in locs]


def _labels(fig: Figure) -> list[Text]:
    """Every text the figure draws: its own, the legends', each axes' texts, titles, axis labels
    and the tick labels of the ticks in view."""
    texts: list[Text] = [*fig.texts]
    legends = [*fig.legends, *(a.get_legend() for a in fig.axes)]
    for legend in legends:
        if legend is not None and legend.get_visible():
            texts += [*legend.get_texts(), legend.get_title()]
    for ax in fig.axes:
        texts += [*ax.texts, ax.title, ax._left_title, ax._right_title]  # type: ignore[attr-defined]
        texts += [ax.xaxis.label, ax.yaxis.label]
        for axis in (ax.xaxis, ax.yaxis):
            locs = list(axis.get_majorticklocs())
            shown = _in_view(axis, locs)
            labels = axis.get_majorticklabels()
            texts += [t for t, ok in zip(labels, shown, strict=False) if ok]
    return [t for t in texts if t.get_visible() and t.get_text().strip()]


def _boxes(fig: Figure, canvas: FigureCanvasAgg) -> list[tuple[Text, Bbox]]:
    renderer = canvas.get_renderer()  # type: ignore[no-untyped-call]
    return [(t, t.get_window_extent(renderer)) for t in _labels(fig)]


@pytest.mark.parametrize("size", ["small", "large"])
@pytest.mark.parametrize("name", list(PLOTS))
def test_no_label_leaves_the_frame_and_none_covers_another(name: str, size: str) -> None:
    ax = PLOTS[name]()
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    canvas = _drawn_at(fig, size)
    width, height = _frame.SIZES[size]
    assert canvas.get_width_height() == (width, height)
    frame = fig.bbox
    boxes = _boxes(fig, canvas)
    assert len(boxes) >= 8  # title, subtitle, source line, ticks, labels: something was measured
    outside = [
        (t.get_text()[:40], box.bounds)
        for t, box in boxes
        if box.x0 < frame.x0 - 0.5
        or box.y0 < frame.y0 - 0.5
        or box.x1 > frame.x1 + 0.5
        or box.y1 > frame.y1 + 0.5
    ]
    assert outside == []
    overlapping = [
        (a.get_text()[:30], b.get_text()[:30])
        for (a, p), (b, q) in itertools.combinations(boxes, 2)
        if p.overlaps(q) and _area(p, q) > 1.0
    ]
    assert overlapping == []


def _area(p: Bbox, q: Bbox) -> float:
    """The area two boxes share, in square pixels."""
    across = min(p.x1, q.x1) - max(p.x0, q.x0)
    down = min(p.y1, q.y1) - max(p.y0, q.y0)
    return float(max(0.0, across) * max(0.0, down))


@pytest.mark.parametrize("name", ["obligations", "withdrawal", "sweep strips"])
def test_a_figure_fitted_at_one_size_fits_again_at_another_shape(name: str) -> None:
    ax = PLOTS[name]()
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    fig.set_size_inches(9, 3.5)  # wider and lower than the base page
    canvas = FigureCanvasAgg(fig)
    canvas.draw()  # type: ignore[no-untyped-call]
    frame = fig.bbox
    for t, box in _boxes(fig, canvas):
        assert frame.x0 - 0.5 <= box.x0, t.get_text()[:40]
        assert box.x1 <= frame.x1 + 0.5, t.get_text()[:40]
        assert frame.y0 - 0.5 <= box.y0, t.get_text()[:40]
        assert box.y1 <= frame.y1 + 0.5, t.get_text()[:40]
