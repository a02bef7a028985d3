"""Plots (the ``plot`` extra: matplotlib): obligations, the exchange and the withdrawal over time.

Each function takes ``ax=None`` (a new figure is made only then) and returns the Axes; none
calls ``plt.show()``. What is unknown is left out and said so in the legend, never drawn as
zero; a contested value is drawn as every claim, each labelled with who makes it.

An edge module: matplotlib is imported when a function is called, not before.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from ._compliance import ComplianceReport, ComplianceStatus, _origin
from .exceptions import MissingExtraError
from .explain import show
from .sources import Contested
from .state import read_fact
from .timelines import Timeline, history
from .truth import UNKNOWN

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .plans import Plan
    from .state import State

__all__ = ["STATUS_COLOURS", "plot_exchange", "plot_obligations", "plot_withdrawal"]

F = TypeVar("F", bound=Callable[..., Any])

STATUS_COLOURS = {
    ComplianceStatus.OVERDUE: "#c0392b",
    ComplianceStatus.UNKNOWN: "#8e7cc3",
    ComplianceStatus.PARTLY_FULFILLED: "#5b8bd6",
    ComplianceStatus.PENDING: "#5b8bd6",
    ComplianceStatus.NOT_TRIGGERED: "#b0b0b0",
    ComplianceStatus.FULFILLED_LATE: "#e0a030",
    ComplianceStatus.FULFILLED_ON_TIME: "#3c9a50",
    ComplianceStatus.FULFILLED: "#2a8c8c",
}
"""The colour of each status (the same tones as the HTML tables)."""


def _plain_text(draw: F) -> F:
    """Draw with matplotlib's mathtext off: a ``$`` in a label (``Gaza MoH $x^$ reading``, or
    ``$5 or $10``) is text, never parsed as math, so no label can break or change a plot."""

    @functools.wraps(draw)
    def plain(*args: Any, **kwargs: Any) -> Any:
        try:
            import matplotlib
        except ImportError:
            return draw(*args, **kwargs)  # _axes raises MissingExtraError naming the extra
        with matplotlib.rc_context({"text.parse_math": False}):
            return draw(*args, **kwargs)

    return plain  # type: ignore[return-value]


def _axes(ax: Axes | None, feature: str, size: tuple[float, float] = (9, 5)) -> Axes:
    try:
        import matplotlib

        if ax is not None:
            return ax
        import matplotlib.pyplot as plt
    except ImportError:
        raise MissingExtraError(feature, "plot", "matplotlib") from None
    del matplotlib
    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _dates(ax: Axes) -> None:
    """Date ticks on an x axis whose values are matplotlib date numbers (days)."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def _x(t: dt.datetime) -> float:
    """An instant as a matplotlib date number (days since 1970 UTC): plain floats, exact types."""
    return t.timestamp() / 86400.0


DAY_X = 1.0  # one day on the x axis


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
        f"Obligations as of {report.at:%Y-%m-%d} (plan version {report.version})", fontsize=10
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


# -- the exchange ----------------------------------------------------------------------------------

EXCHANGE_SERIES = (
    ("living hostages returned", "hostages_living_returned", "exchange.hostages_living"),
    ("deceased hostages returned", "hostages_deceased_returned", "exchange.hostages_deceased"),
    (
        "life-sentence prisoners released",
        "life_sentence_prisoners_released",
        "exchange.life_sentence_prisoners",
    ),
    ("Gaza detainees released", "gaza_detainees_released", "exchange.gaza_detainees"),
    ("Gazan remains returned", "gazan_remains_returned", "ratio"),
)
"""(label, fact, term) for each series of :func:`plot_exchange`; "ratio" is the remains ratio
times the deceased hostages returned so far."""


_STYLES: tuple[dict[str, Any], ...] = (
    {"linestyle": "-", "linewidth": 4.5, "alpha": 0.55},
    {"linestyle": "-", "linewidth": 2.0},
    {"linestyle": "--", "linewidth": 2.0},
    {"linestyle": "-.", "linewidth": 2.0},
    {"linestyle": ":", "linewidth": 2.4},
)
"""Line styles that stay apart where series coincide (several reach 100% together)."""


def _series(plan: Plan, timeline: Timeline, start: State | None) -> list[tuple[dt.datetime, State]]:
    h = history(plan, timeline, start=start)
    return [(_origin(plan), h.start)] + [
        (e.at, s) for e, s in zip(timeline.events, h.states, strict=True)
    ]


def _exact(value: Any) -> tuple[float | None, str]:
    """A number, or None with the reason: "unknown", or "contested" (no claim is picked)."""
    if isinstance(value, Contested):
        return None, "contested"
    if value is UNKNOWN or value is None or isinstance(value, bool):
        return None, "unknown"
    return float(value), ""


@_plain_text
def plot_exchange(
    plan: Plan,
    timeline: Timeline,
    *,
    ax: Axes | None = None,
    start: State | None = None,
    counts: bool = False,
) -> Axes:
    """The exchange over time: each series as a share of what the plan's terms require, or with
    ``counts=True`` as the counts themselves (a log scale; the terms as dotted rules).

    Hostages returned (living, deceased), prisoners released by category and Gazan remains
    returned are drawn as steps (the remains against the ratio times the Israeli hostages' remains
    received so far, as point 5's obligation counts them); the legend gives the counts at the end
    (``20 of 20``). An unknown or contested count, or an unknown requirement, leaves a gap labelled
    with its reason; no claim is picked. Coinciding lines are drawn 1.5 points apart on the page.
    """
    ax = _axes(ax, "plot_exchange()")
    from matplotlib.figure import Figure
    from matplotlib.transforms import offset_copy

    figure = ax.get_figure(root=True)
    assert isinstance(figure, Figure)
    points = _series(plan, timeline, start)
    times = [_x(t) for t, _ in points]
    for i, (label, fact, term) in enumerate(EXCHANGE_SERIES):
        ys: list[float] = []
        gaps: list[tuple[int, str]] = []  # where a gap starts (or its reason changes), and why
        last, gap = "", ""  # the reason of the gap the series is in ("" where it is drawn)
        for k, (_, state) in enumerate(points):
            got, why = _exact(read_fact(state, fact))
            need, why_need = _requirement(plan, state, term)
            value = got if counts else _share(got, need)
            if value is None:
                reason = why if got is None else f"owed {why_need}" if need is None else ""
                if reason and reason != gap:  # (no reason: nothing owed yet, nothing to say)
                    gaps.append((k, reason))
                gap = reason
                ys.append(float("nan"))
            else:
                gap = ""
                ys.append(value)
            if got is None:
                last = why
            else:
                last = f"{got:g} of {need:g}" if need is not None else f"{got:g} (owed {why_need})"
        style = _STYLES[i % len(_STYLES)]
        # Drawn 1.5 points apart on the page (the data stay exact) so coinciding shares show.
        nudge = offset_copy(ax.transData, fig=figure, y=(i - 2) * 1.5, units="points")
        (drawn,) = ax.step(
            times, ys, where="post", label=f"{label}: {last}", transform=nudge, **style
        )
        for n, (k, reason) in enumerate(gaps):
            ax.annotate(
                f"{label.split()[0]}: {reason}",
                (times[k], 1 if counts else 4 + 7 * i),
                fontsize=6,
                color=drawn.get_color(),
                xytext=(2, 2 * n),
                textcoords="offset points",
            )
        if counts and term != "ratio":
            need, _ = _exact(plan.term(term).value)
            if need is not None:
                ax.axhline(need, color=drawn.get_color(), linestyle=":", linewidth=0.8)
    if counts:
        ax.set_yscale("symlog", linthresh=10)
        ax.set_ylabel("count (log scale); dotted: what the terms require")
    else:
        ax.axhline(100, color="#333333", linestyle="--", linewidth=1)
        ax.set_ylabel("% of what the terms require\n(lines drawn a hair apart where they coincide)")
        ax.set_ylim(-3, 112)
    _dates(ax)
    ax.legend(fontsize=7, loc="lower right", framealpha=0.9)
    ax.set_title(f"The exchange over time (plan version {plan.version})", fontsize=10)
    return ax


def _requirement(plan: Plan, state: State, term: str) -> tuple[float | None, str]:
    """What a series owes in *state*: its term, or the remains ratio times the remains received."""
    if term != "ratio":
        return _exact(plan.term(term).value)
    ratio, why_r = _exact(plan.term("exchange.remains_ratio").value)
    received, why_d = _exact(read_fact(state, "israeli_hostage_remains_returned"))
    if ratio is None or received is None:
        return None, "not known: " + (
            f"the ratio is {why_r}"
            if ratio is None
            else f"the Israeli remains received are {why_d}"
        )
    return ratio * received, ""


def _share(got: float | None, need: float | None) -> float | None:
    if got is None or need is None or need == 0:  # nothing owed yet: no share to draw
        return None
    return 100.0 * got / need


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
    reported = {0, *history(plan, timeline, start=start).changes.get("israeli_control_pct", ())}
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
    ax.set_title(f"Withdrawal line and reported control (plan version {plan.version})", fontsize=10)
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
