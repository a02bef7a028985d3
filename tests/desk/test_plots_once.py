"""What a chart's draw works out once (font heights, text layouts, ticks) and its one-measure
layout: the same file as working each out every time, the axes where constrained layout puts
them (issue 29, item 2: the report's plots in a quarter of a second)."""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Iterator
from typing import Any

import matplotlib as mpl
import pytest

mpl.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from gazaplan.desk import _frame

from ..support.report_plots import DRAWS, constrained_layout_moves


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def _svg(ax: Axes, inches: tuple[float, float] | None = None) -> str:
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    if inches is not None:
        fig.set_size_inches(inches)
    buf = io.StringIO()
    with mpl.rc_context({"svg.hashsalt": "test", "svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


@contextlib.contextmanager
def _nothing(*_: Any) -> Iterator[None]:
    yield


@pytest.mark.parametrize("plot", list(DRAWS))
@pytest.mark.parametrize("once", ["_layouts_once", "_remembered_heights", "_ticks_once"])
def test_what_a_draw_works_out_once_it_would_work_out_the_same_each_time(
    plot: str, once: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _svg(DRAWS[plot]())
    monkeypatch.setattr(_frame, once, _nothing)  # worked out each time, as matplotlib does
    assert _svg(DRAWS[plot]()) == kept


def test_font_heights_are_matplotlibs_own() -> None:
    from matplotlib.text import Text

    fig = plt.figure(dpi=130)
    text = fig.text(0, 0, "Two lines\nof text, gy", fontsize=9.5, fontweight="bold")
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    if "_get_font_height_metrics" not in Text._get_layout.__code__.co_names:  # type: ignore[attr-defined]
        pytest.skip("this matplotlib lays texts out without the font's tables")
    theirs = text.get_window_extent(renderer).bounds
    with _frame._remembered_heights(fig, renderer):
        ours = text.get_window_extent(renderer).bounds
        assert renderer._get_font_height_metrics(text.get_fontproperties()) == (
            _frame._font_heights(text.get_fontproperties(), fig.dpi)
        )
    assert ours == theirs
    assert not hasattr(renderer, "_get_font_height_metrics")  # the renderer is as it was


@pytest.mark.parametrize("plot", list(DRAWS))
@pytest.mark.parametrize("inches", [(6.0, 4.0), (8.0, 7.5), (12.0, 3.0), (4.0, 6.0)])
def test_the_layout_puts_the_axes_within_a_pixel_of_constrained_layout(
    plot: str, inches: tuple[float, float]
) -> None:
    assert constrained_layout_moves(plot, inches, afresh=True) < 1.0


def test_a_figure_of_more_axes_is_laid_out_by_constrained_layout() -> None:
    ax = DRAWS["exchange"]()
    twin = ax.twinx()
    twin.set_ylabel("a second scale")
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    assert _frame._lone_axes(fig) is None
    fig.canvas.draw()
    assert ax.get_position().x1 <= twin.yaxis.label.get_window_extent().x0 / fig.bbox.width


def test_a_room_too_small_for_the_decorations_leaves_the_axes_and_says_so() -> None:
    ax = DRAWS["obligations"]()
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    fig.set_size_inches((1.2, 1.2))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    assert any("collapsed" in str(w.message) for w in caught)
    assert ax.get_position().width > 0
