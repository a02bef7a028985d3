"""Plots (the ``plot`` extra: matplotlib): obligations, the exchange and the withdrawal over time;
a sweep's results (``SweepResult.plot()``) and a simulation's (``MonteCarloResult.plot()``).

Each function takes ``ax=None`` (a new figure is made only then) and returns the Axes; none
calls ``plt.show()``. What is unknown is left out and said so in the legend, never drawn as
zero; a contested value is drawn as every claim, each labelled with who makes it.

A sweep over one axis is a line per phase or obligation of its lateness in days (how late it was
fulfilled, or how long overdue; 0 where it is neither), a marker at each value coloured by its
status, an unknown status a gap; over two axes, a heatmap of one phase's or obligation's
statuses, a cell per variant labelled with its lateness. A simulation is a bar per obligation
whose status varies, split by the share of runs in each status, the Wilson interval of the
largest share marked on it.

An edge module: matplotlib is imported when a function is called, not before.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeVar

from ..core.explain import show
from ..core.sources import Contested
from ..core.state import read_fact
from ..exceptions import InvalidValueError, MissingExtraError
from ..runs.montecarlo import MonteCarloResult
from ..runs.sweeps import Standing, SweepResult
from ..time.compliance import ComplianceReport, ComplianceStatus, plan_origin
from ..time.histories import history
from ..time.timelines import Timeline
from ..truth import UNKNOWN

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from ..core.plans import Plan
    from ..core.state import State

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

# What the plots share: the colours of the statuses, the axes, dates on the x axis, and drawing
# with mathtext off.

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
    ComplianceStatus.BREACHED: "#8e2453",
    ComplianceStatus.DISCHARGED: "#7f9f7f",
    ComplianceStatus.SUPERSEDED: "#d9d9d9",
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


def _series(plan: Plan, timeline: Timeline, start: State | None) -> list[tuple[dt.datetime, State]]:
    h = history(plan, timeline, start=start)
    return [(plan_origin(plan), h.start)] + [
        (e.at, s) for e, s in zip(timeline.events, h.states, strict=True)
    ]


def _exact(value: Any) -> tuple[float | None, str]:
    """A number, or None with the reason: "unknown", or "contested" (no claim is picked)."""
    if isinstance(value, Contested):
        return None, "contested"
    if value is UNKNOWN or value is None or isinstance(value, bool):
        return None, "unknown"
    return float(value), ""


# The exchange over time: hostages returned, prisoners released and remains returned, as shares
# of the plan's terms or as counts.

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


@_plain_text
def plot_exchange(
    plan: Plan,
    timeline: Timeline,
    *,
    ax: Axes | None = None,
    start: State | None = None,
    counts: bool = False,
) -> Axes:
    """The exchange over time, each series as a share of what the plan's terms require.

    Hostages returned (living, deceased), prisoners released by category and Gazan remains
    returned are drawn as steps (the remains against the ratio times the Israeli hostages' remains
    received so far, as point 5's obligation counts them); the legend gives the counts at the end
    (``20 of 20``). An unknown or contested count, or an unknown requirement, leaves a gap labelled
    with its reason; no claim is picked. Coinciding lines are drawn 1.5 points apart on the page.

    Args:
        plan: the plan whose terms give the requirements.
        timeline: the events replayed on it.
        ax: the axes to draw on (None: new ones).
        start: the state the timeline starts from (None: the plan's facts at publication).
        counts: draw the counts themselves (a log scale; the terms as dotted rules) rather than
            the shares.

    Returns:
        The axes drawn on.

    Raises:
        MissingExtraError: if matplotlib (the ``plot`` extra) is not installed.
        InvalidEventError: if an event cannot happen in the state it meets.
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
        nudge = offset_copy(
            ax.transData, fig=figure, y=0 if counts else (i - 2) * 1.5, units="points"
        )
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
    ax.set_xlim(times[0] - 2, times[-1] + 5)  # lines drawn offset are not autoscaled
    if counts:
        ax.set_ylim(-0.5, 1.5 * max((y for line in ax.lines for y in _finite(line)), default=10))
        ax.set_yscale("symlog", linthresh=10)
        ax.set_ylabel("count (log scale); dotted: what the terms require")
    else:
        ax.axhline(100, color="#333333", linestyle="--", linewidth=1)
        ax.set_ylabel("% of what the terms require\n(lines drawn a hair apart where they coincide)")
        ax.set_ylim(-3, 112)
    _dates(ax)
    ax.legend(fontsize=7, loc="lower right", framealpha=0.9)
    ax.set_title(
        f"The exchange over time (plan version {plan.version})", fontsize=10, y=1.0
    )  # a set y: no search for ticks above
    return ax


def _finite(line: Any) -> list[float]:
    return [float(y) for y in line.get_ydata() if y == y]


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


# The plots of many runs: a sweep's (a line for one axis, a heatmap for two) and a simulation's
# (each status's probability).

SWEEP_COLOURS = {
    **{str(s): c for s, c in STATUS_COLOURS.items()},
    "complete": STATUS_COLOURS[ComplianceStatus.FULFILLED],
    "not complete": STATUS_COLOURS[ComplianceStatus.NOT_TRIGGERED],
}


"""The colour of each status a sweep shows (obligations' and phases')."""


def _days(s: Standing) -> float:
    if s.lateness is not None:
        return s.lateness.total_seconds() / 86400
    return float("nan") if s.status == "unknown" else 0.0


def _subjects(result: SweepResult, subjects: Sequence[str] | str | None, most: int) -> list[str]:
    if isinstance(subjects, str):
        subjects = [subjects]
    if subjects is None:
        varying = list(result.varying())
        return (
            varying[:most]
            or [s.id for s in result.variants[0].standings if s.kind == "obligation"][:1]
        )
    for subject in subjects:
        result.variants[0].standing(subject)  # raises UnknownIdError listing the ids
    return list(subjects)


@_plain_text
def plot_sweep(
    result: SweepResult, subjects: Sequence[str] | str | None = None, *, ax: Axes | None = None
) -> Axes:
    """A sweep drawn: lines of lateness for one axis, a heatmap of one subject's statuses for two.

    Args:
        result: the sweep.
        subjects: the phases or obligations to draw (None: those that vary, up to eight, or the
            first obligation if none does); for two axes, the first of them.
        ax: the axes to draw on (None: new ones).

    Returns:
        The axes drawn on.

    Raises:
        InvalidValueError: a grid of three axes or more (plot a slice of it).
        UnknownIdError: a subject that is no phase or obligation of the plan.
        MissingExtraError: if matplotlib (the ``plot`` extra) is not installed.
    """
    if len(result.axes) > 2:
        raise InvalidValueError(
            "SweepResult.plot()",
            len(result.axes),
            "a plot shows one or two axes",
            "Sweep one or two paths, or plot result.to_pandas() yourself.",
        )
    if len(result.axes) == 2:
        return _heatmap(result, _subjects(result, subjects, 1)[0], ax)
    chosen = _subjects(result, subjects, 8)
    if any(len({v.standing(c).lateness for v in result.variants} - {None}) > 1 for c in chosen):
        return _lines(result, chosen, ax)
    return _strips(result, chosen, ax)


def _xs(result: SweepResult, ax: Axes) -> list[Any]:
    axis = result.axes[0]
    numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in axis.values)
    xs: list[Any] = list(axis.values) if numeric else list(range(len(axis.values)))
    if not numeric:
        ax.set_xticks(xs, [axis.label(v) for v in axis.values])
    ax.set_xlabel(axis.path)
    return xs


def _status_legend(ax: Axes, seen: dict[str, str], **where: Any) -> None:
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], marker="o", linestyle="", color=c, label=s) for s, c in seen.items()]
    ax.legend(handles=handles, fontsize="small", title="status", **where)


def _patch_legend(ax: Axes, seen: dict[str, str]) -> None:
    """A legend of the statuses drawn, a coloured patch each, to the right of the axes."""
    from matplotlib.patches import Patch

    handles = [Patch(color=c, label=s) for s, c in seen.items()]
    ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        fontsize="small",
        title="status",
    )


def _lines(result: SweepResult, chosen: list[str], ax: Axes | None) -> Axes:
    """Lateness in days against the axis, a line per subject, markers coloured by status."""
    ax = _axes(ax, "SweepResult.plot()", (9, 4.5))
    xs = _xs(result, ax)
    seen: dict[str, str] = {}
    for subject in chosen:
        standings = [v.standing(subject) for v in result.variants]
        (line,) = ax.plot(xs, [_days(s) for s in standings], label=subject, zorder=1)
        for x, s in zip(xs, standings, strict=True):
            colour = seen.setdefault(s.status, SWEEP_COLOURS.get(s.status, "#000000"))
            if s.status != "unknown":
                ax.scatter(
                    [x], [_days(s)], color=colour, edgecolor=line.get_color(), zorder=2, s=30
                )
    if "unknown" in seen:
        seen["unknown (left out)"] = seen.pop("unknown")
    ax.set_ylabel("days late or overdue")
    ax.set_title(f"Sweep of plan {result.version}, judged at {result.at:%Y-%m-%d}")
    ax.add_artist(
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", title="line")
    )
    _status_legend(ax, seen, loc="lower left", bbox_to_anchor=(1.01, 0))
    return ax


def _strips(result: SweepResult, chosen: list[str], ax: Axes | None) -> Axes:
    """A line per subject across the axis, each value a marker coloured by its status (and
    labelled with the days late or overdue where there are any)."""
    ax = _axes(ax, "SweepResult.plot()", (9, 1.4 + 0.5 * len(chosen)))
    xs = _xs(result, ax)
    seen: dict[str, str] = {}
    for row, subject in enumerate(chosen):
        ax.plot(xs, [row] * len(xs), color="#d0d0d0", zorder=1)
        for x, v in zip(xs, result.variants, strict=True):
            s = v.standing(subject)
            colour = seen.setdefault(s.status, SWEEP_COLOURS.get(s.status, "#000000"))
            ax.scatter([x], [row], color=colour, zorder=2, s=60)
            if s.lateness is not None:
                ax.annotate(
                    f"{_days(s):.1f}",
                    (x, row),
                    textcoords="offset points",
                    xytext=(0, 7),
                    ha="center",
                    fontsize="x-small",
                )
    ax.set_yticks(range(len(chosen)), chosen)
    ax.set_ylim(-0.7, len(chosen) - 0.3)
    ax.set_title(f"Sweep of plan {result.version}, judged at {result.at:%Y-%m-%d}: status")
    _status_legend(ax, seen, loc="upper left", bbox_to_anchor=(1.01, 1))
    return ax


def _heatmap(result: SweepResult, subject: str, ax: Axes | None) -> Axes:
    rows_axis, cols_axis = result.axes
    size = (
        max(5.5, 3.5 + 0.8 * len(cols_axis.values)),
        max(3.0, 1.5 + 0.4 * len(rows_axis.values)),
    )
    ax = _axes(ax, "SweepResult.plot()", size)
    from matplotlib.colors import to_rgb

    n_cols = len(cols_axis.values)
    grid: list[list[tuple[float, float, float]]] = [
        [(1.0, 1.0, 1.0)] * n_cols for _ in rows_axis.values
    ]
    seen: dict[str, str] = {}
    for k, v in enumerate(result.variants):
        i, j = divmod(k, n_cols)
        s = v.standing(subject)
        colour = SWEEP_COLOURS.get(s.status, "#000000")
        seen.setdefault(s.status, colour)
        grid[i][j] = to_rgb(colour)
        if s.lateness is not None:
            ax.text(j, i, f"{_days(s):.1f}", ha="center", va="center", fontsize="x-small")
    ax.imshow(grid, aspect="auto", origin="lower")
    ax.set_xticks(range(n_cols), [cols_axis.label(x) for x in cols_axis.values])
    ax.set_yticks(range(len(rows_axis.values)), [rows_axis.label(x) for x in rows_axis.values])
    ax.set_xlabel(cols_axis.path)
    ax.set_ylabel(rows_axis.path)
    ax.set_title(f"{subject}\n(days late or overdue in the cells)", fontsize="medium")
    _patch_legend(ax, seen)
    return ax


@_plain_text
def plot_monte_carlo(
    result: MonteCarloResult,
    obligations: Sequence[str] | str | None = None,
    *,
    ax: Axes | None = None,
) -> Axes:
    """A simulation's statuses, a bar per obligation.

    Each bar is split by the share of the replayed runs in each status; a black line marks the
    95% Wilson interval of the largest share.

    Args:
        result: the simulation.
        obligations: the obligation or obligations to draw (None: those whose status varies,
            up to twelve).
        ax: the axes to draw on (None: new ones).

    Returns:
        The axes drawn on.

    Raises:
        UnknownIdError: if the simulation judged no such obligation.
        MissingExtraError: if matplotlib (the ``plot`` extra) is not installed.
    """
    chosen = (
        [obligations]
        if isinstance(obligations, str)
        else list(obligations or result.varying()[:12])
    )
    for o in chosen:
        result.counts(o)  # raises UnknownIdError listing the obligations
    ax = _axes(ax, "MonteCarloResult.plot()", (9, 1.4 + 0.45 * max(1, len(chosen))))
    total = result.replayed
    seen: dict[str, str] = {}
    for row, o in enumerate(chosen):
        left = 0.0
        counts = sorted(result.counts(o).items(), key=lambda kv: -kv[1])
        for status, k in counts:
            colour = seen.setdefault(str(status), SWEEP_COLOURS.get(str(status), "#000000"))
            ax.barh(row, k / total, left=left, color=colour, edgecolor="white")
            left += k / total
        if counts:
            e = result.probability(o, counts[0][0])
            ax.plot([e.low, e.high], [row, row], color="black", linewidth=1.5)
    ax.set_yticks(range(len(chosen)), chosen)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"share of {total:,} runs (seed {result.seed})")
    ax.set_title(
        f"{result.perturbation.describe()}: statuses at {result.at:%Y-%m-%d}", fontsize="medium"
    )
    _patch_legend(ax, seen)
    return ax


# Obligations and the withdrawal over time.


_HATCH: Final = {ComplianceStatus.OVERDUE: "//", ComplianceStatus.BREACHED: "xx"}


@_plain_text
def plot_obligations(report: ComplianceReport, *, ax: Axes | None = None) -> Axes:
    """A Gantt-like view of every obligation's lifecycle up to the report's instant.

    Each row is one obligation; from when it fell due, a bar per period of its lifecycle
    (:attr:`Compliance.periods <gazaplan.time.compliance.Compliance.periods>`) in the colour of
    that period's status (:data:`STATUS_COLOURS`): a duty fulfilled, then breached, shows both.
    Overdue and breached spans are hatched and their rows labelled; a black tick marks the
    deadline, a diamond the fulfilment. Obligations never triggered have no bar: the status is
    written at the right instead.

    Args:
        report: the compliance report.
        ax: the axes to draw on (None: new ones).

    Returns:
        The axes drawn on.

    Raises:
        MissingExtraError: if matplotlib (the ``plot`` extra) is not installed.
    """
    ax = _axes(ax, "plot_obligations()", (10, 0.32 * len(report.items) + 1.6))
    items = list(reversed(report.items))  # overdue first, at the top
    end = _x(report.at)
    owed = [[p for p in i.periods if p.status is not ComplianceStatus.NOT_TRIGGERED] for i in items]
    known = [_x(ps[0].start) for ps in owed if ps] + [_x(i.due) for i in items if i.due]
    left = min(known, default=end - 30)
    for y, (item, spans) in enumerate(zip(items, owed, strict=True)):
        colour = STATUS_COLOURS[item.status]
        flagged = item.status in _HATCH
        for p in spans:
            a, b = _x(p.start), min(_x(p.end) if p.end is not None else end, end)
            if a > end:
                continue
            c = STATUS_COLOURS[p.status]
            hatch = _HATCH.get(p.status)
            ax.barh(
                y,
                max(b - a, min(0.25, end - a)),  # visible, not past "as of"
                left=a,
                height=0.6,
                color=c,
                hatch=hatch,
                edgecolor="#5a1030" if hatch else c,
                linewidth=1.0 if hatch else 0,
            )
        if item.fulfilled_at is not None and item.fulfilled_at <= report.at:
            done = _x(item.fulfilled_at)
            ax.plot([done], [y], marker="D", markersize=5, color=colour, mec="black")
        if item.due is not None:
            ax.plot([_x(item.due)] * 2, [y - 0.4, y + 0.4], color="black", linewidth=2)
        if not spans or flagged:
            ax.annotate(
                str(item.status),
                (end, y),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
                fontweight="bold" if flagged else "normal",
                color=colour if flagged else "#444444",
            )
    ax.set_yticks(
        range(len(items)), [f"{i.obligation.id} ({i.obligation.provision})" for i in items]
    )
    ax.tick_params(axis="y", labelsize=8)
    ax.axvline(end, color="#333333", linestyle=":", linewidth=1)
    ax.set_xlim(left - 2, end + 12)
    ax.set_ylim(-0.7, len(items) - 0.3)
    _dates(ax)
    _legend_statuses(ax, {p.status for ps in owed for p in ps} | {i.status for i in items})
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
        Patch(color=STATUS_COLOURS[s], label=str(s), hatch=_HATCH.get(s))
        for s in ComplianceStatus
        if s in present
    ]
    handles.append(Line2D([], [], color="black", linewidth=2, label="deadline"))
    handles.append(Line2D([], [], color="grey", marker="D", mec="black", lw=0, label="fulfilled"))
    ax.legend(handles=handles, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.04), ncol=5)


@_plain_text
def plot_withdrawal(
    plan: Plan, timeline: Timeline, *, ax: Axes | None = None, start: State | None = None
) -> Axes:
    """The line Israeli forces are at, and the reported share of Gaza they control, over time.

    The share is drawn where reported, one step line per claim, each labelled with who makes
    it (sources that differ are both shown; none is picked). Shaded spans name the line in
    force; dotted rules give the share each line of the plan leaves, per the sources stating it.

    Args:
        plan: the plan whose lines are drawn.
        timeline: the events replayed on it.
        ax: the axes to draw on (None: new ones).
        start: the state the timeline starts from (None: the plan's facts at publication).

    Returns:
        The axes drawn on.

    Raises:
        MissingExtraError: if matplotlib (the ``plot`` extra) is not installed.
        InvalidEventError: if an event cannot happen in the state it meets.
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
