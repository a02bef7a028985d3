"""The frame every chart shares: one status palette told apart in colour and in grey, the source
line, labels spread apart, and save() to PNG and SVG at publication sizes."""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import matplotlib as mpl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

mpl.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgb

import gazaplan as gp
from gazaplan.desk import _frame
from gazaplan.desk.plots import (
    STATUS_COLOURS,
    STATUS_STYLES,
    SWEEP_COLOURS,
    VERDICT_STYLES,
    StatusStyle,
    plot_exchange,
    plot_obligations,
    save,
    status_style,
)

PLAN = gp.plan()
TL = gp.timeline()


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def _grey(style: StatusStyle) -> float:
    """The lightness a greyscale print gives the colour (luma, ITU-R BT.601), 0 to 1."""
    r, g, b = to_rgb(style.colour)
    return 0.299 * r + 0.587 * g + 0.114 * b


STYLES: dict[str, StatusStyle] = {
    **{f"status {s}": v for s, v in STATUS_STYLES.items()},
    **{f"verdict {v}": s for v, s in VERDICT_STYLES.items() if v is not gp.Verdict.UNKNOWN},
}
"""Every style a chart may show together (a verdict's unknown is the status's, the same)."""


def test_every_status_and_verdict_has_a_style_and_the_sweep_words_map_to_them() -> None:
    assert set(STATUS_STYLES) == set(gp.ComplianceStatus)
    assert set(VERDICT_STYLES) == set(gp.Verdict)
    assert dict(STATUS_COLOURS) == {s: v.colour for s, v in STATUS_STYLES.items()}
    for status, style in STATUS_STYLES.items():
        assert status_style(status) is style
        assert status_style(str(status)) is style
        assert SWEEP_COLOURS[str(status)] == style.colour
    assert status_style("complete") is VERDICT_STYLES[gp.Verdict.MET]
    assert status_style("not complete") is VERDICT_STYLES[gp.Verdict.UNMET]
    assert status_style("unknown") is VERDICT_STYLES[gp.Verdict.UNKNOWN]
    assert len({v.colour for v in STATUS_STYLES.values()}) == len(STATUS_STYLES)


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(STYLES, 2)))
def test_any_two_statuses_differ_in_grey_or_in_hatching_and_marker(a: str, b: str) -> None:
    x, y = STYLES[a], STYLES[b]
    if abs(_grey(x) - _grey(y)) < 0.06:  # too close to tell apart printed in grey
        assert x.hatch != y.hatch, (a, b)  # bars and cells: by their hatching
        assert x.marker != y.marker, (a, b)  # points: by their marker


def test_the_palette_is_one_for_every_chart() -> None:
    report = gp.compliance(PLAN, TL, at=TL.events[12].at)
    ax = plot_obligations(report)
    bars = [c for c in ax.collections if isinstance(c, PolyCollection)]
    fills = {
        (mpl.colors.to_hex(cast("Any", c.get_facecolor())[0]), c.get_hatch() or "") for c in bars
    }
    assert all(len(c.get_facecolor()) == 1 for c in bars)  # each bar of a status in its style
    assert fills
    assert fills <= {(v.colour.lower(), v.hatch) for v in STATUS_STYLES.values()}


@given(
    st.lists(st.from_regex(r"[A-Z][A-Z0-9-]{0,12}", fullmatch=True), unique=True, max_size=30),
    st.integers(1, 10),
)
def test_a_source_line_names_the_first_codes_and_counts_the_rest(
    codes: list[str], most: int
) -> None:
    line = _frame.source_line(codes, most=most)
    assert line.endswith(f"; gazaplan {gp.__version__}")
    listed = line.split(": ", 1)[1].rsplit("; gazaplan", 1)[0]
    more = re.fullmatch(r"(.*) and (\d+) more", listed)
    named = (more.group(1) if more else listed).split(", ")
    if not codes:
        assert listed == "none cited"
        return
    assert named == codes[:most]
    assert (int(more.group(2)) if more else 0) == len(codes) - len(named)
    assert line.startswith("Source: " if len(codes) == 1 else "Sources: ")


@given(
    st.lists(
        st.tuples(st.floats(0, 500), st.floats(1, 30)),
        min_size=1,
        max_size=12,
    ),
    st.floats(0, 4),
)
def test_labels_spread_apart_keep_their_order_room_and_place_where_they_can(
    labels: list[tuple[float, float]], gap: float
) -> None:
    low, high = 0.0, 500.0
    targets = [t for t, _ in labels]
    heights = [h for _, h in labels]
    at = _frame.spread_centres(targets, heights, low, high, gap)
    order = sorted(range(len(targets)), key=lambda i: -targets[i])
    for upper, lower in itertools.pairwise(order):  # never closer than the gap, never swapped
        room = at[upper] - at[lower] - (heights[upper] + heights[lower]) / 2
        assert room >= gap - 1e-6
    if sum(heights) + gap * (len(heights) - 1) <= high - low:  # they fit: all inside
        for y, h in zip(at, heights, strict=True):
            assert low - 1e-6 <= y - h / 2
            assert y + h / 2 <= high + 1e-6
    apart = all(
        targets[u] - targets[v] >= (heights[u] + heights[v]) / 2 + gap
        for u, v in itertools.pairwise(order)
    )
    inside = all(low + h / 2 <= t <= high - h / 2 for t, h in zip(targets, heights, strict=True))
    if apart and inside:  # nothing to move: each stays at its target
        assert at == pytest.approx(targets)


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize(("size", "pixels"), [("small", (600, 400)), ("large", (1200, 800))])
def test_save_writes_png_and_svg_at_the_size_asked_byte_for_byte_again(
    tmp_path: Path, size: str, pixels: tuple[int, int]
) -> None:
    ax = plot_exchange(PLAN, TL)
    fig = ax.get_figure(root=True)
    assert fig is not None
    before = tuple(fig.get_size_inches())
    png = save(ax, tmp_path / "chart.png", size=size)
    assert png == tmp_path / "chart.png"
    assert _png_size(png) == pixels
    svg = save(fig, tmp_path / "chart.SVG", size=size)
    head = svg.read_text(encoding="utf-8")[:2000]
    assert f'width="{pixels[0]}px" height="{pixels[1]}px"' in head
    assert "viewBox" in head
    assert tuple(fig.get_size_inches()) == before  # the figure keeps its size
    digests = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (png, svg)}
    again = plot_exchange(PLAN, TL)  # a second chart of the same data
    save(again, tmp_path / "chart.png", size=size)
    save(again, tmp_path / "chart.SVG", size=size)
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (png, svg)} == digests
    assert sorted(os.listdir(tmp_path)) == ["chart.SVG", "chart.png"]  # no temporary left


@settings(max_examples=5, deadline=None)
@given(st.integers(300, 1500), st.integers(200, 1000))
def test_save_at_a_pair_of_pixels_gives_that_many(width: int, height: int) -> None:
    import tempfile

    ax = plot_obligations(gp.compliance(PLAN, TL, at=TL.events[12].at))
    with tempfile.TemporaryDirectory() as folder:
        path = save(ax, Path(folder) / "c.png", size=(width, height))
        assert _png_size(path) == (width, height)
    plt.close("all")


@pytest.mark.parametrize(
    ("path", "size", "where"),
    [
        ("chart.pdf", "small", "save(path)"),
        ("chart", "small", "save(path)"),
        ("chart.png", "medium", "save(size)"),
        ("chart.png", (600,), "save(size)"),
        ("chart.png", (600.5, 400), "save(size)"),
        ("chart.png", (99, 400), "save(size)"),
        ("chart.png", (True, 400), "save(size)"),
    ],
)
def test_save_refuses_a_suffix_or_size_it_cannot_write_naming_the_fix(
    tmp_path: Path, path: str, size: object, where: str
) -> None:
    ax = plot_exchange(PLAN, TL)
    with pytest.raises(gp.InvalidValueError) as caught:
        save(ax, tmp_path / path, size=size)  # type: ignore[arg-type]
    assert caught.value.where == where
    assert ".png" in str(caught.value) or "'small'" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_save_refuses_what_is_no_chart(tmp_path: Path) -> None:
    with pytest.raises(gp.InvalidValueError, match=r"save\(chart\).*Axes a plot returned"):
        save("not a chart", tmp_path / "c.png")  # type: ignore[arg-type]
