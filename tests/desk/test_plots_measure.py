"""How charts measure their texts and lay themselves out: as measuring every candidate would, each
text measured once, laid out in the draw that saves them, the axes where constrained layout puts
them (issue 29: the report's plots in a fraction of the time)."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterator
from typing import Any

import matplotlib as mpl
import pytest

mpl.use("Agg")
import matplotlib.pyplot as plt
import matplotlib.textpath
from matplotlib.figure import Figure
from matplotlib.text import Text

import gazaplan as gp
from gazaplan.desk import _frame

from ..support.report_plots import DRAWS, PLAN, TL, constrained_layout_moves

TEXTS = [
    (
        "Note: Claims: (1) an Israeli PMO spokesperson (BBC); (2) Al Jazeera's Sanad unit,"
        " measuring the 4 Oct map; (3) an Al Jazeera explainer (its headline, as listed); (4) Al"
        " Majalla citing the Guardian (lower end of a 53-58% range)"
    ),
    (
        "Hostages returned, prisoners released and remains returned, by date; each as a share of"
        " what the terms require · data as of 9 Oct 2026 · plan version 2026-08-09"
    ),
    "AVATAR To Tyre WAVE Wolf Yawn Vex AV AV To To Ty Ty Wa Wa",  # kerned pairs
    "Supercalifragilistic-and-more-words-without-spaces and then some short ones",
    "a b c d e f g h i j k l m n o p q r s t u v w x y z",
]


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def _wrapped_measuring_each(artist: Text, text: str, width: float) -> list[str]:
    """Greedy wrapping that measures every candidate line: what the estimates must reproduce."""
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            artist.set_text(candidate)
            if line and _frame.extent(artist).width > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def _shortened_measuring_each(artist: Text, text: str, room: float, suffix: str) -> str:
    def fits(candidate: str) -> bool:
        artist.set_text(candidate + suffix)
        return bool(_frame.extent(artist).width <= room)

    if fits(text):
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(",;:") + "…"
        if fits(candidate):
            return candidate
    chars = words[0]
    while len(chars) > 1:
        chars = chars[:-1]
        if fits(chars + "…"):
            break
    return chars + "…"


@pytest.mark.parametrize("dpi", [72, 100, 200])  # hinting on a coarse raster: the widest gaps
@pytest.mark.parametrize(("size", "weight"), [(5.5, "normal"), (7.5, "normal"), (11, "bold")])
def test_wrapping_and_shortening_give_what_measuring_every_candidate_gives(
    dpi: int, size: float, weight: str
) -> None:
    fig = plt.figure(dpi=dpi)
    artist = fig.text(0, 0, "", fontsize=size, fontweight=weight)
    for text in TEXTS:
        for width in (40.0, 150.0, 233.0, 451.0, 1000.0):
            assert _frame._wrap(artist, text, width) == _wrapped_measuring_each(
                artist, text, width
            ), (text[:20], width)
            gauge = _frame.Gauge(artist)
            assert _frame.shorten(text, gauge, width, suffix=" (point 4)") == (
                _shortened_measuring_each(artist, text, width, " (point 4)")
            ), (text[:20], width)


def _sizes_measured(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[str, float, Any]]:
    """Count what SVG renderers measure: each text with its font's size and weight."""
    counted: Counter[tuple[str, float, Any]] = Counter()
    measure = matplotlib.textpath.TextToPath.get_text_width_height_descent

    def counting(self: Any, s: str, prop: Any, ismath: Any) -> Any:
        counted[s, prop.get_size_in_points(), prop.get_weight()] += 1
        return measure(self, s, prop, ismath)

    monkeypatch.setattr(matplotlib.textpath.TextToPath, "get_text_width_height_descent", counting)
    return counted


def test_each_text_of_the_reports_plots_is_measured_once_and_then_remembered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_frame, "_SIZES", {})  # as a fresh process
    counted = _sizes_measured(monkeypatch)
    first = gp.html_report(PLAN, TL)
    assert counted  # the texts were measured
    assert [k for k, n in counted.items() if n > 1] == []  # each once, in all three plots
    counted.clear()
    assert gp.html_report(PLAN, TL) == first  # remembered sizes draw the same page
    assert sum(counted.values()) == 0  # and nothing is measured again


def _svg(fig: Figure) -> str:
    buf = io.StringIO()
    with mpl.rc_context({"svg.hashsalt": "test", "svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


@pytest.mark.parametrize("plot", list(DRAWS))
def test_saving_in_one_draw_writes_what_saving_in_two_writes(plot: str) -> None:
    two = DRAWS[plot]().get_figure(root=True)
    one = DRAWS[plot]().get_figure(root=True)
    assert isinstance(two, Figure)
    assert isinstance(one, Figure)
    engine = one.get_layout_engine()
    with _frame.laid_out_in_draw(one):
        assert one.get_layout_engine() is None  # savefig sees none: no draw to lay it out
        in_one = _svg(one)
    assert one.get_layout_engine() is engine  # and the figure is as it was
    assert in_one == _svg(two)  # matplotlib's way: a draw to lay it out, one to write it


@pytest.mark.parametrize("plot", list(DRAWS))
@pytest.mark.parametrize("inches", [(6.0, 4.0), (8.0, 7.5), (9.0, 3.5)])
def test_a_layout_that_runs_once_leaves_the_axes_where_running_again_would(
    plot: str, inches: tuple[float, float]
) -> None:
    # within a pixel: the fittings run first left nothing to redo
    assert constrained_layout_moves(plot, inches, afresh=False) < 1.0
