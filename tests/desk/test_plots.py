"""Plots: each takes ``ax=None`` and returns the Axes, never shows, and draws what the data say."""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections.abc import Callable, Iterator

import matplotlib as mpl
import pytest

mpl.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

import gazaplan as gp
from gazaplan.desk.plots import STATUS_COLOURS, plot_exchange, plot_obligations, plot_withdrawal

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


def _legend(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


def _ys(ax: Axes, i: int) -> list[float]:
    return [float(y) for y in ax.lines[i].get_ydata()]  # type: ignore[union-attr, arg-type]


def _bars(ax: Axes) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


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
        plt.close(fig)


def test_without_an_axes_each_plot_makes_one_figure() -> None:
    before = len(plt.get_fignums())
    ax = plot_exchange(PLAN, TL)
    assert len(plt.get_fignums()) == before + 1
    assert ax.figure is plt.gcf()


def test_obligations_plot_has_a_row_per_obligation_and_overdue_stands_out() -> None:
    report = gp.compliance(PLAN, TL, at=AT)
    overdue = [i for i in report.items if i.status is gp.ComplianceStatus.OVERDUE]
    assert overdue  # the hostage deadline passed before every deceased hostage was returned
    ax = plot_obligations(report)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == len(report.items)
    assert labels[-1].startswith(report.items[0].obligation.id)  # overdue first, on top
    hatched = [b for b in _bars(ax) if b.get_hatch() == "//"]
    assert len(hatched) == len(overdue)
    red = mpl.colors.to_rgba(STATUS_COLOURS[gp.ComplianceStatus.OVERDUE])
    assert all(b.get_facecolor() == red for b in hatched)
    texts = [t.get_text() for t in ax.texts]
    assert texts.count("overdue") == len(overdue)
    ticks = [line for line in ax.lines if line.get_color() == "black"]
    assert len(ticks) == sum(i.due is not None for i in report.items)  # one per deadline


def test_exchange_plot_reports_the_counts_against_the_terms() -> None:
    ax = plot_exchange(PLAN, TL)
    labels = _legend(ax)
    end = gp.replay(PLAN, TL)
    living = end.hostages_living_returned
    assert f"living hostages returned: {living} of {PLAN.exchange.hostages_living.value}" in labels
    received = end.israeli_hostage_remains_returned  # what point 5's obligation counts
    assert isinstance(received, int)
    ratio = PLAN.exchange.remains_ratio.value * received
    assert f"Gazan remains returned: {end.gazan_remains_returned} of {ratio}" in labels
    first = _ys(ax, 0)
    assert first[0] == 0  # nothing returned at publication


def test_exchange_plot_leaves_unknown_out_instead_of_zero() -> None:
    start = gp.State.initial(PLAN).updated({"hostages_living_returned": gp.UNKNOWN})
    ax = plot_exchange(PLAN, gp.Timeline(), start=start)
    labels = _legend(ax)
    assert "living hostages returned: unknown" in labels
    assert math.isnan(_ys(ax, 0)[0])


def test_exchange_plot_picks_no_claim_of_a_contested_count() -> None:
    claims = tuple(
        gp.Claim(n, who, PLAN.exchange.gaza_detainees.sources)
        for n, who in ((1700, "a"), (1718, "b"))
    )
    start = gp.State.initial(PLAN).updated({"gaza_detainees_released": gp.Contested(claims)})
    ax = plot_exchange(PLAN, gp.Timeline(), start=start)
    assert "Gaza detainees released: contested" in _legend(ax)
    assert math.isnan(_ys(ax, 3)[0])


def test_withdrawal_plot_labels_every_claim_with_who_makes_it() -> None:
    ax = plot_withdrawal(PLAN, TL)
    labels = _legend(ax)
    end = gp.replay(PLAN, TL).israeli_control_pct
    assert isinstance(end, gp.Contested)
    for claim in end.claims:
        assert f"{claim.value:g}% per {claim.claimed_by}" in labels
    for line in PLAN.lines:
        for share in line.israeli_share:
            assert f"plan: {line.name}, {share.value:g}% per {share.claimed_by}" in labels


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(gp.MissingExtraError, match=r"gazaplan\[plot\]"):
        plot_exchange(PLAN, TL)
