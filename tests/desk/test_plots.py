"""Plots: each takes ``ax=None`` and returns the Axes, never shows, draws what the data say, and
names what it draws in plain words, with the data's as-of and its sources."""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, cast

import attrs
import matplotlib as mpl
import pytest

mpl.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure

import gazaplan as gp
from gazaplan.core.words import phase_name
from gazaplan.desk import _frame
from gazaplan.desk.plots import (
    EXCHANGE_SERIES,
    STATUS_STYLES,
    plot_exchange,
    plot_obligations,
    plot_sweep,
    plot_withdrawal,
)

PLAN = gp.plan()
TL = gp.timeline()
AT = dt.datetime.fromisoformat("2025-10-20T12:00+03:00")


@pytest.fixture(autouse=True)
def _no_show(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("library code called plt.show()")

    monkeypatch.setattr(plt, "show", refuse)
    yield
    plt.close("all")


def _figure(ax: Axes) -> Figure:
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    fig.canvas.draw()  # lay out and fit: the texts as a reader sees them
    return fig


def _frame_texts(ax: Axes) -> tuple[str, str, str]:
    """The title, the subtitle and the footer (notes and source line) of a chart's own figure."""
    fig = _figure(ax)
    title, subtitle, footer = (t.get_text().replace("\n", " ") for t in fig.texts[:3])
    return title, subtitle, footer


def _ys(ax: Axes, i: int) -> list[float]:
    return [float(y) for y in ax.lines[i].get_ydata()]  # type: ignore[union-attr, arg-type]


def _bars(ax: Axes) -> list[tuple[float, float, float, str, str]]:
    """Each period's bar in an obligations chart: left, right, height, fill and hatching."""
    bars = []
    for c in ax.collections:
        if isinstance(c, PolyCollection):
            fill = mpl.colors.to_hex(cast("Any", c.get_facecolor())[0])
            for path in c.get_paths():
                v: Any = path.vertices
                xs, ys = v[:, 0], v[:, 1]
                bars.append((xs.min(), xs.max(), ys.max() - ys.min(), fill, c.get_hatch() or ""))
    return bars


def _named(footer: str) -> list[str]:
    """The codes a source line names."""
    line = footer[footer.index("Source") :]
    listed = line.split(":", 1)[1].split(";")[0]
    listed = re.sub(r" and \d+ more$", "", listed.strip())
    return [code.strip() for code in listed.split(",")]


def test_each_plot_draws_on_the_axes_given_and_returns_it() -> None:
    report = gp.compliance(PLAN, TL, at=AT)
    draws: list[Callable[[Axes], Axes]] = [
        lambda ax: plot_obligations(report, ax=ax),
        lambda ax: plot_exchange(PLAN, TL, ax=ax),
        lambda ax: plot_withdrawal(PLAN, TL, ax=ax),
    ]
    for draw in draws:
        fig, ax = plt.subplots()
        before = plt.get_fignums()
        assert draw(ax) is ax
        assert plt.get_fignums() == before  # no figure of its own
        assert ax.has_data()
        assert "plan version" in ax.get_title(loc="left").replace("\n", " ")  # the frame
        assert "gazaplan" in ax.get_xlabel()  # the source line under the x axis
        assert fig.texts == []  # the caller's figure keeps no text of the chart's
        plt.close(fig)


def test_without_an_axes_each_plot_makes_one_figure_at_the_base_size() -> None:
    before = len(plt.get_fignums())
    ax = plot_exchange(PLAN, TL)
    assert len(plt.get_fignums()) == before + 1
    fig = ax.figure
    assert fig is plt.gcf()
    assert tuple(fig.get_size_inches()) == _frame.BASE_INCHES


def test_obligations_are_rows_named_by_their_action_and_overdue_stands_out() -> None:
    report = gp.compliance(PLAN, TL, at=AT)
    overdue = [i for i in report.items if i.status is gp.ComplianceStatus.OVERDUE]
    assert overdue  # the hostage deadline passed before every deceased hostage was returned
    ax = plot_obligations(report)
    _figure(ax)
    rows = [t for t in ax.texts if t.get_label() == "_row"]  # a text each, where ticks would be
    assert [t.get_position()[1] for t in rows] == list(range(len(report.items)))
    labels = [t.get_text() for t in rows]
    assert len(labels) == len(report.items)
    for label, item in zip(reversed(labels), report.items, strict=True):  # the first on top
        o = item.obligation
        assert label.endswith(f"(point {o.provision})")
        assert o.id not in label
        shown = label.removesuffix(f" (point {o.provision})")
        assert o.action.startswith(shown.removesuffix("…"))  # the action, cut to fit if need be
    style = STATUS_STYLES[gp.ComplianceStatus.OVERDUE]
    hatched = [b for b in _bars(ax) if b[4] == style.hatch]
    periods = [
        p for i in report.items for p in i.periods if p.status is gp.ComplianceStatus.OVERDUE
    ]
    assert len(hatched) == len(periods)
    assert all(b[3] == style.colour.lower() for b in hatched)
    texts = [t.get_text() for t in ax.texts if t not in rows]
    assert texts.count("overdue") == len(overdue)
    ticks = [
        segment
        for c in ax.collections
        if isinstance(c, LineCollection)
        and mpl.colors.to_hex(cast("Any", c.get_colors())[0]) == "#000000"
        for segment in c.get_segments()
    ]
    assert len(ticks) == sum(i.due is not None for i in report.items)  # one per deadline


def test_the_obligations_chart_says_as_of_when_and_cites_the_events_judged() -> None:
    at = TL.events[20].at
    report = gp.compliance(PLAN, TL, at=at)
    title, subtitle, footer = _frame_texts(plot_obligations(report))
    assert title
    assert f"as of {_frame.day(at)}" in subtitle  # the data as far as the instant judged
    assert f"plan version {report.version}" in subtitle
    named = {e for i in report.items for p in i.periods for e in p.events}
    cited = {s.tag for e in TL.events if e.id in named for s in e.sources}
    cited |= {s.tag for o in PLAN.obligations() for s in PLAN.provision(o.provision).sources}
    codes = _named(footer)
    assert codes
    assert set(codes) <= cited
    assert f"gazaplan {gp.__version__}" in footer


def test_the_exchange_is_labelled_at_each_lines_end_with_its_count() -> None:
    ax = plot_exchange(PLAN, TL)
    texts = [t.get_text().replace("\n", " ") for t in ax.texts]
    end = gp.replay(PLAN, TL)
    living = end.hostages_living_returned
    assert f"living hostages returned {living} of {PLAN.exchange.hostages_living.value}" in texts
    received = end.israeli_hostage_remains_returned  # what point 5's obligation counts
    assert isinstance(received, int)
    ratio = PLAN.exchange.remains_ratio.value * received
    assert f"Gazan remains returned {end.gazan_remains_returned} of {ratio}" in texts
    assert ax.get_legend() is None  # labelled directly: no legend to look up
    assert _ys(ax, 0)[0] == 0  # nothing returned at publication


def test_the_exchanges_sources_are_its_terms_and_the_events_that_moved_it() -> None:
    _, subtitle, footer = _frame_texts(plot_exchange(PLAN, TL))
    assert TL.data_as_of is not None
    assert f"data as of {_frame.day(TL.data_as_of)}" in subtitle
    h = gp.history(PLAN, TL)
    facts = [f for _, f, _ in EXCHANGE_SERIES] + ["israeli_hostage_remains_returned"]
    moved = {k for f in facts for k in h.changed(f)}
    terms = [t for _, _, t in EXCHANGE_SERIES if t != "ratio"] + ["exchange.remains_ratio"]
    behind = [s.tag for t in terms for s in PLAN.term(t).sources]
    behind += [s.tag for k in sorted(moved) for s in TL.events[k - 1].sources]
    assert _named(footer) == list(dict.fromkeys(behind))[: len(_named(footer))]
    more = re.search(r"and (\d+) more", footer)
    assert more is not None
    assert len(_named(footer)) + int(more.group(1)) == len(set(behind))


def test_exchange_plot_leaves_unknown_out_instead_of_zero() -> None:
    start = gp.State.initial(PLAN).updated({"hostages_living_returned": gp.UNKNOWN})
    ax = plot_exchange(PLAN, gp.Timeline(), start=start)
    texts = [t.get_text().replace("\n", " ") for t in ax.texts]
    assert "living hostages returned unknown" in texts
    assert math.isnan(_ys(ax, 0)[0])
    notes = [t for t in texts if t.startswith("living hostages returned: no share")]
    assert notes
    assert "unknown" in notes[0]


def test_exchange_plot_picks_no_claim_of_a_contested_count() -> None:
    claims = tuple(
        gp.Claim(n, who, PLAN.exchange.gaza_detainees.sources)
        for n, who in ((1700, "a"), (1718, "b"))
    )
    start = gp.State.initial(PLAN).updated({"gaza_detainees_released": gp.Contested(claims)})
    ax = plot_exchange(PLAN, gp.Timeline(), start=start)
    assert "Gaza detainees released contested" in [
        t.get_text().replace("\n", " ") for t in ax.texts
    ]
    assert math.isnan(_ys(ax, 3)[0])


def test_withdrawal_names_every_claimant_in_its_notes_and_numbers_each_report() -> None:
    ax = plot_withdrawal(PLAN, TL)
    _, _, footer = _frame_texts(ax)
    h = gp.history(PLAN, TL)
    claimants: list[str] = []
    for k in h.changed("israeli_control_pct"):
        value = h.state(k).israeli_control_pct
        assert isinstance(value, gp.Contested)
        claimants += [c.claimed_by for c in value.claims if c.claimed_by not in claimants]
    for n, who in enumerate(claimants, start=1):
        assert f"({n}) {who}" in footer
    labels = "\n".join(t.get_text() for t in ax.texts)
    end = h.state(len(TL)).israeli_control_pct
    assert isinstance(end, gp.Contested)
    for claim in end.claims:
        assert f"{claim.value:g}% ({claimants.index(claim.claimed_by) + 1})" in labels
    legend = ax.get_legend()
    assert legend is not None
    shown = [t.get_text().replace("\n", " ") for t in legend.get_texts()]
    assert len(shown) == sum(len(line.israeli_share) for line in PLAN.lines)  # the rules only
    for line in PLAN.lines:
        for share in line.israeli_share:
            assert f"{line.name}: {share.value:g}% per {share.claimed_by}" in shown


def test_a_sweep_names_its_rows_in_words() -> None:
    result = gp.sweep(PLAN, {"exchange.remains_ratio": [5, 25]}, timeline=TL)
    ax = plot_sweep(result)
    _figure(ax)
    shown = [t.get_text() for t in ax.get_yticklabels()]
    assert len(shown) == len(result.varying())
    for label, subject in zip(shown, result.varying(), strict=True):
        words = (
            phase_name(PLAN, subject)
            if subject in {p.id for p in PLAN.phases}
            else PLAN.obligation(subject).action
        )
        assert words.startswith(label.removesuffix("…"))
        assert subject not in label
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks
    assert all(t.lstrip("−-").isdigit() for t in ticks), ticks  # a whole-number term: 5, 10


def test_a_dollar_in_a_title_is_text_not_math() -> None:
    plan = attrs.evolve(PLAN, version="$5 or $10")
    ax = plot_exchange(plan, TL)
    fig = _figure(ax)
    assert any("$5 or $10" in t.get_text() for t in fig.texts)


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(gp.MissingExtraError, match=r"gazaplan\[plot\]"):
        plot_exchange(PLAN, TL)


def _count(footer: str) -> int:
    more = re.search(r"and (\d+) more", footer)
    return len(_named(footer)) + (int(more.group(1)) if more else 0)


def test_the_obligations_chart_cites_a_timeline_of_its_own_only_when_given_it() -> None:
    renamed = gp.Timeline(
        [attrs.evolve(e, id=f"mine-{e.id}") for e in TL.events[:15]],
        data_as_of=TL.events[14].at,
    )
    report = gp.compliance(PLAN, renamed)
    _, _, without = _frame_texts(plot_obligations(report))
    _, _, given = _frame_texts(plot_obligations(report, timeline=renamed))
    named = {e for i in report.items for p in i.periods for e in (*p.events, *i.events)}
    events = {s.tag for e in renamed.events if e.id in named for s in e.sources}
    assert events
    points = {s.tag for i in report.items for s in PLAN.provision(i.obligation.provision).sources}
    assert _count(without) == len(points)  # not in the bundled data: its events are not guessed
    assert _count(given) == len(points | events)
