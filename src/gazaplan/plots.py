"""Plots (the ``plot`` extra: matplotlib): obligations, the exchange and the withdrawal over time.

Each function takes ``ax=None`` (a new figure is made only then) and returns the Axes; none
calls ``plt.show()``. What is unknown is left out and said so in the legend, never drawn as
zero; a contested value is drawn as every claim, each labelled with who makes it.

An edge module: matplotlib is imported when a function is called, not before.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ._compliance import ComplianceReport, ComplianceStatus
from ._plot_exchange import EXCHANGE_SERIES, plot_exchange
from ._plot_runs import SWEEP_COLOURS, plot_monte_carlo, plot_sweep
from ._plotting import STATUS_COLOURS
from ._plotting import axes as _axes
from ._plotting import dates as _dates
from ._plotting import plain_text as _plain_text
from ._plotting import series as _series
from ._plotting import x as _x
from .explain import show
from .histories import history
from .sources import Contested
from .timelines import Timeline

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .plans import Plan
    from .state import State

__all__ = [
    "EXCHANGE_SERIES",
    "STATUS_COLOURS",
    "SWEEP_COLOURS",
    "plot_exchange",
    "plot_monte_carlo",
    "plot_obligations",
    "plot_sweep",
    "plot_withdrawal",
]

# -- obligations -----------------------------------------------------------------------------------


@_plain_text
def plot_obligations(report: ComplianceReport, *, ax: Axes | None = None) -> Axes:
    """A Gantt-like view of every obligation as of the report's instant.

    A bar runs from when the obligation fell due (its trigger, or its clock) to when it was
    fulfilled, or to the report's instant if it is still owed; its colour is the status
    (:data:`STATUS_COLOURS`), overdue bars are hatched and labelled; a black tick marks the
    deadline. Obligations never triggered, or whose start is unknown, have no bar: the status
    is written at the right instead.
    """
    ax = _axes(ax, "plot_obligations()", (10, 0.32 * len(report.items) + 1.6))
    items = list(reversed(report.items))  # overdue first, at the top
    end = _x(report.at)
    starts = [i.clock_from or i.triggered_at for i in items]
    known = [_x(s) for s in starts if s is not None] + [_x(i.due) for i in items if i.due]
    left = min(known, default=end - 30)
    for y, (item, start) in enumerate(zip(items, starts, strict=True)):
        colour = STATUS_COLOURS[item.status]
        overdue = item.status is ComplianceStatus.OVERDUE
        if start is not None and _x(start) <= end:
            stop = min(_x(item.fulfilled_at), end) if item.fulfilled_at else end
            ax.barh(
                y,
                max(stop - _x(start), min(0.25, end - _x(start))),  # visible, not past "as of"
                left=_x(start),
                height=0.6,
                color=colour,
                hatch="//" if overdue else None,
                edgecolor="#7a1a10" if overdue else colour,
                linewidth=1.2 if overdue else 0,
            )
        if item.fulfilled_at is not None:
            done = _x(item.fulfilled_at)
            ax.plot([done], [y], marker="D", markersize=5, color=colour, mec="black")
        if item.due is not None:
            ax.plot([_x(item.due)] * 2, [y - 0.4, y + 0.4], color="black", linewidth=2)
        if start is None or overdue:
            ax.annotate(
                str(item.status),
                (end, y),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
                fontweight="bold" if overdue else "normal",
                color=colour if overdue else "#444444",
            )
    ax.set_yticks(
        range(len(items)), [f"{i.obligation.id} ({i.obligation.provision})" for i in items]
    )
    ax.tick_params(axis="y", labelsize=8)
    ax.axvline(end, color="#333333", linestyle=":", linewidth=1)
    ax.set_xlim(left - 2, end + 12)
    ax.set_ylim(-0.7, len(items) - 0.3)
    _dates(ax)
    _legend_statuses(ax, {i.status for i in items})
    ax.set_title(
        f"Obligations as of {report.at:%Y-%m-%d} (plan version {report.version})",
        fontsize=10,
        y=1.0,  # a set y: no search for ticks above
    )
    return ax


def _legend_statuses(ax: Axes, present: set[ComplianceStatus]) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = [
        Patch(color=STATUS_COLOURS[s], label=str(s), hatch="//" if s.name == "OVERDUE" else None)
        for s in ComplianceStatus
        if s in present
    ]
    handles.append(Line2D([], [], color="black", linewidth=2, label="deadline"))
    handles.append(Line2D([], [], color="grey", marker="D", mec="black", lw=0, label="fulfilled"))
    ax.legend(handles=handles, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.04), ncol=5)


# -- the withdrawal --------------------------------------------------------------------------------


@_plain_text
def plot_withdrawal(
    plan: Plan, timeline: Timeline, *, ax: Axes | None = None, start: State | None = None
) -> Axes:
    """The line Israeli forces are at, and the reported share of Gaza they control, over time.

    The share is drawn where reported, one step line per claim, each labelled with who makes
    it (sources that differ are both shown; none is picked). Shaded spans name the line in
    force; dotted rules give the share each line of the plan leaves, per the sources stating it.
    """
    ax = _axes(ax, "plot_withdrawal()", (9, 6))
    points = _series(plan, timeline, start)
    times = [_x(t) for t, _ in points]
    end = times[-1] + 7
    _line_spans(ax, plan, points, end)
    claims: dict[str, list[float]] = {}  # who claims -> the value at each point (NaN elsewhere)
    for i, (_, state) in enumerate(points):
        value = state.israeli_control_pct
        stated = (
            [(c.claimed_by, c.value) for c in value.claims]
            if isinstance(value, Contested)
            else [("reported", value)]
            if isinstance(value, int | float) and not isinstance(value, bool)
            else []
        )
        for who, v in stated:
            claims.setdefault(who, [float("nan")] * len(points))[i] = float(v)
    reported = {0, *history(plan, timeline, start=start).changed("israeli_control_pct")}
    for who, ys in claims.items():
        shown = next(v for v in ys if v == v)  # the first value this claimant gives
        (drawn,) = ax.step(times, ys, where="post", lw=2.2, label=f"{shown:g}% per {who}")
        marks = [k for k in sorted(reported) if k < len(ys) and ys[k] == ys[k]]
        ax.plot(
            [times[k] for k in marks],
            [ys[k] for k in marks],
            "o",
            color=drawn.get_color(),
            markersize=5,
        )
    if claims:
        ax.plot([], [], "o", color="#555555", label="when reported (the line carries it forward)")
    palette = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d")
    dashes = (":", "--", "-.", (0, (1, 3)), (0, (5, 2, 1, 2)))
    for n, line in enumerate(plan.lines):
        for m, claim in enumerate(line.israeli_share):
            style: dict[str, Any] = {
                "color": palette[n % len(palette)],
                "linestyle": dashes[m % len(dashes)],
                "linewidth": 1.1,
            }
            ax.axhline(claim.value, **style)
            ax.plot([], [], **style,
                    label=f"plan: {line.name}, {claim.value:g}% per {claim.claimed_by}")  # fmt: skip
    if not claims:
        ax.text(0.5, 0.5, "no share of territory reported", transform=ax.transAxes, ha="center")
    ax.set_ylim(-2, 100)
    ax.set_xlim(times[0], end)
    ax.set_ylabel("% of Gaza under Israeli control (reported)")
    _dates(ax)
    ax.legend(fontsize=6.5, loc="upper center", bbox_to_anchor=(0.5, -0.07), ncol=1)
    ax.set_title(
        f"Withdrawal line and reported control (plan version {plan.version})", fontsize=10, y=1.0
    )  # a set y: no search for ticks above
    return ax


def _line_spans(ax: Axes, plan: Plan, points: list[tuple[dt.datetime, State]], end: float) -> None:
    """Shade the span during which each line is in force, named at the top."""
    names = {line.id: line.name for line in plan.lines}
    spans: list[tuple[float, str]] = []
    for t, state in points:
        line = show(state.idf_line)
        if not spans or spans[-1][1] != line:
            spans.append((_x(t), line))
    width = end - spans[0][0]
    for i, (x, line) in enumerate(spans):
        stop = spans[i + 1][0] if i + 1 < len(spans) else end
        ax.axvspan(x, stop, color=("#f4f1e8", "#e6eef6")[i % 2], zorder=0)
        narrow = stop - x < 0.12 * width
        ax.text(
            x + (stop - x) / 2, 98, names.get(line, line), fontsize=7, color="#444444",
            ha="center", va="top", rotation=90 if narrow else 0,
        )  # fmt: skip
