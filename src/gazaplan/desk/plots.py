"""Plots (the ``plot`` extra: matplotlib): obligations, the exchange and the withdrawal over time;
a sweep's results (``SweepResult.plot()``) and a simulation's (``MonteCarloResult.plot()``).

Each function takes ``ax=None`` and returns the Axes; none calls ``plt.show()``. Given no axes, a
plot makes a figure of its own, framed for publication (after Our World in Data's grapher and
Datawrapper): a title, a subtitle with the data's as-of and the plan version, a key where colours
need one, the plot, then notes and a source line naming the sources behind what is drawn by
their codes (``gazaplan sources CODE`` looks one up). Lines and rows are labelled directly, by
their names in plain words. The texts are fitted to the figure's size at every draw, and
:func:`save` writes the figure as PNG or SVG at 600x400 or 1200x800 pixels with no label outside
the frame. Given axes, a plot draws on them and puts its title and source line on those axes.

Every status is drawn in one palette (:data:`STATUS_STYLES`, :data:`VERDICT_STYLES`), taken
from the Okabe-Ito colours, which readers with the common colour-vision deficiencies tell apart;
statuses whose colours come close in lightness (and so in greyscale) differ in hatching and
marker too.

What is unknown is left out and said so, never drawn as zero; a contested value is drawn as every
claim, each attributed. A sweep over one axis is a line per phase or obligation of its lateness
in days (how late it was fulfilled, or how long overdue; 0 where it is neither), a marker at each
value styled by its status, an unknown status a gap; over two axes, a heatmap of one phase's or
obligation's statuses, a cell per variant labelled with its lateness. A simulation is a bar per
obligation whose status varies, split by the share of runs in each status, the Wilson interval of
the largest share marked on it.

An edge module: matplotlib is imported when a function is called, not before.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import re
import textwrap
import types
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from ..core.explain import show
from ..core.sources import Contested, Source
from ..core.state import read_fact
from ..core.words import fact_name, phase_name
from ..exceptions import InvalidValueError, MissingExtraError
from ..runs.montecarlo import MonteCarloResult
from ..runs.sweeps import Standing, SweepResult
from ..time.compliance import ComplianceReport, ComplianceStatus, plan_origin
from ..time.histories import history
from ..time.timelines import Timeline
from ..truth import UNKNOWN, Verdict
from . import _frame
from ._frame import Frame, day

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..core.plans import Plan
    from ..core.state import State

__all__ = [
    "EXCHANGE_SERIES",
    "STATUS_COLOURS",
    "STATUS_STYLES",
    "SWEEP_COLOURS",
    "VERDICT_STYLES",
    "StatusStyle",
    "plot_exchange",
    "plot_monte_carlo",
    "plot_obligations",
    "plot_sweep",
    "plot_withdrawal",
    "save",
    "status_style",
]

F = TypeVar("F", bound=Callable[..., Any])


# The palette: one style per status, for every chart.


@attrs.frozen
class StatusStyle:
    """How a status is drawn in every chart.

    Attributes:
        colour: the fill of its bars and cells and the face of its markers.
        hatch: the hatching of its bars and cells (empty: none), for statuses whose colours come
            close in lightness.
        marker: the marker of its points.
        edge: the colour of its hatching and outlines.
    """

    colour: str
    hatch: str = ""
    marker: str = "o"
    edge: str = "#333333"


# Okabe-Ito: orange #E69F00, sky blue #56B4E9, bluish green #009E73, blue #0072B2, vermillion
# #D55E00, reddish purple #CC79A7; with tints and greys so that the lightness of each status
# differs from its neighbours' (or its hatching does).
STATUS_STYLES: Final[Mapping[ComplianceStatus, StatusStyle]] = types.MappingProxyType(
    {
        ComplianceStatus.OVERDUE: StatusStyle("#D55E00", "////", "v", "#5c2300"),
        ComplianceStatus.BREACHED: StatusStyle("#6B1E00", "xxx", "X", "#f2c9b8"),
        ComplianceStatus.UNKNOWN: StatusStyle("#CC79A7", "....", "d", "#5e2a48"),
        ComplianceStatus.PARTLY_FULFILLED: StatusStyle("#0072B2", "", "s", "#00314d"),
        ComplianceStatus.PENDING: StatusStyle("#A6D8F5", "", "o", "#1d5f85"),
        ComplianceStatus.NOT_TRIGGERED: StatusStyle("#E3E3E3", "", "o", "#8a8a8a"),
        ComplianceStatus.FULFILLED_LATE: StatusStyle("#E69F00", "\\\\\\", "D", "#6b4a00"),
        ComplianceStatus.FULFILLED_ON_TIME: StatusStyle("#009E73", "", "^", "#003d2c"),
        ComplianceStatus.FULFILLED: StatusStyle("#80CEB9", "", "P", "#1f5e4c"),
        ComplianceStatus.DISCHARGED: StatusStyle("#8C8C8C", "---", "h", "#2e2e2e"),
        ComplianceStatus.SUPERSEDED: StatusStyle("#F4F4F4", "|||", "*", "#8a8a8a"),
    }
)
"""The style of each compliance status (Okabe-Ito colours; hatching where lightness is close)."""

VERDICT_STYLES: Final[Mapping[Verdict, StatusStyle]] = types.MappingProxyType(
    {
        Verdict.MET: StatusStyle("#00573F", "", "p", "#001f16"),
        Verdict.UNMET: StatusStyle("#56B4E9", "++", ">", "#1d5f85"),
        Verdict.UNKNOWN: STATUS_STYLES[ComplianceStatus.UNKNOWN],
    }
)
"""The style of each verdict (a phase in a sweep: complete, not complete, unknown)."""

STATUS_COLOURS: Final[Mapping[ComplianceStatus, str]] = types.MappingProxyType(
    {s: style.colour for s, style in STATUS_STYLES.items()}
)
"""The colour of each status (of :data:`STATUS_STYLES`)."""

_PHASE_WORDS: Final = {
    "complete": Verdict.MET,
    "not complete": Verdict.UNMET,
}

SWEEP_COLOURS: Final[Mapping[str, str]] = types.MappingProxyType(
    {
        **{str(s): c for s, c in STATUS_COLOURS.items()},
        **{w: VERDICT_STYLES[v].colour for w, v in _PHASE_WORDS.items()},
    }
)
"""The colour of each status a sweep shows (obligations' and phases'), by its words."""

_OTHER: Final = StatusStyle("#000000", "", "o", "#000000")


def status_style(status: ComplianceStatus | Verdict | str) -> StatusStyle:
    """The style a status is drawn in.

    Args:
        status: a compliance status, a verdict, or either in words as sweeps write them
            (``"fulfilled late"``, ``"complete"``, ``"not complete"``, ``"unknown"``).

    Returns:
        Its style (black for words of no status).
    """
    if isinstance(status, ComplianceStatus):
        return STATUS_STYLES[status]
    if isinstance(status, Verdict):
        return VERDICT_STYLES[status]
    if status in _PHASE_WORDS:
        return VERDICT_STYLES[_PHASE_WORDS[status]]
    for s, style in STATUS_STYLES.items():
        if str(s) == status:
            return style
    return _explored_style(status)


# An explored sweep's phase: "entry X; completion Y". The colour says how far the entry gets
# (reached and through: green; reached: blue; possibly: the unknown pink; stuck: grey; not
# reached: light grey), the hatching and marker how far the completion gets.
_ENTRY_COLOURS: Final = {"reached": "#56B4E9", "possibly reached": "#CC79A7",
                         "stuck": "#8C8C8C", "not reached": "#E3E3E3"}  # fmt: skip
_COMPLETION_MARKS: Final = {"reached": ("", "^"), "possibly reached": ("....", "d"),
                            "stuck": ("xxx", "X"), "not reached": ("//", "o")}  # fmt: skip


def _explored_style(status: str) -> StatusStyle:
    entry, _, done = status.partition("; ")
    entry, done = entry.removeprefix("entry "), done.removeprefix("completion ")
    if entry not in _ENTRY_COLOURS or done not in _COMPLETION_MARKS:
        return _OTHER
    colour = "#009E73" if (entry, done) == ("reached", "reached") else _ENTRY_COLOURS[entry]
    hatch, marker = _COMPLETION_MARKS[done]
    return StatusStyle(colour, hatch, marker, "#333333")


def _patch(style: StatusStyle, label: str) -> Any:
    from matplotlib.patches import Patch

    return Patch(
        facecolor=style.colour,
        hatch=style.hatch or None,
        edgecolor=style.edge,
        linewidth=0.5,
        label=label,
    )


def _dot(style: StatusStyle, label: str) -> Any:
    from matplotlib.lines import Line2D

    return Line2D(
        [],
        [],
        marker=style.marker,
        linestyle="",
        markerfacecolor=style.colour,
        markeredgecolor=style.edge,
        markersize=5,
        label=label,
    )


# What the plots share: the axes (new and framed, or the caller's), dates on the x axis, drawing
# with mathtext off, and the sources behind what is drawn.


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
            drawn = draw(*args, **kwargs)
            interactive = matplotlib.is_interactive()
        # Jupyter turns interactive drawing on when the first figure loads its backend, here
        # inside the context, whose end would turn it off again: no later figure would show.
        matplotlib.interactive(interactive)
        return drawn

    return plain  # type: ignore[return-value]


def _axes(ax: Axes | None, feature: str) -> Axes:
    """The caller's axes, or new ones on a figure of the base size, framed and fitted."""
    try:
        import matplotlib
    except ImportError:
        raise MissingExtraError(feature, "plot", "matplotlib") from None
    del matplotlib
    return ax if ax is not None else _frame.new_axes(feature)


def _dates(ax: Axes) -> None:
    """Date ticks on an x axis whose values are matplotlib date numbers (days)."""
    import matplotlib.dates as mdates

    locator = _date_locator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.tick_params(axis="x", labelsize=6.5)


_LOCATOR: list[type] = []


def _date_locator() -> Any:
    """Matplotlib's automatic date locator (at most seven ticks), remembering the ticks of the
    last view it placed them in: a layout and a draw ask for them a dozen times, and each time
    it would work them out again from the calendar rules."""
    if not _LOCATOR:
        import matplotlib.dates as mdates
        import numpy as np

        class RememberingDateLocator(mdates.AutoDateLocator):
            """An ``AutoDateLocator`` that works the ticks of a view out once."""

            _kept: tuple[tuple[float, ...], Any] | None = None

            def __call__(self) -> Any:
                view = tuple(self.axis.get_view_interval()) if self.axis is not None else ()
                if self._kept is None or self._kept[0] != view:
                    self._kept = (view, super().__call__())  # type: ignore[no-untyped-call]
                return np.array(self._kept[1])  # a copy: the caller's to change

        _LOCATOR.append(RememberingDateLocator)
    return _LOCATOR[0](maxticks=7)


_TICK_COLOUR: Final = "#333333"
_TICK_SIZE: Final = 6.5


def _quiet(ax: Axes) -> None:
    """The axes drawn lightly: no top or right frame, small grey ticks."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#888888")
    ax.tick_params(colors=_TICK_COLOUR, labelsize=_TICK_SIZE, length=3, width=0.6)


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


def _as_of(edge: dt.datetime | None, at: dt.datetime | None, version: str) -> str:
    """The subtitle's end: the data's as-of (the instant judged, where that is earlier, or later
    and so past the data) and the plan version."""
    if at is not None and edge is not None and at > edge:
        when = f"judged {day(at)}, past the data (as of {day(edge)})"
    elif at is not None and (edge is None or at < edge):
        when = f"as of {day(at)}"
    elif edge is not None:
        when = f"data as of {day(edge)}"
    else:
        when = "a scenario's events"
    return f"{when} · plan version {version}"


def _event_sources(timeline: Timeline, indices: Iterable[int]) -> list[Source]:
    """The sources of the timeline's events at *indices* (1 = the first event), in order."""
    events = timeline.events
    return [s for i in sorted(set(indices)) if 0 < i <= len(events) for s in events[i - 1].sources]


def _bundled(version: str) -> Plan | None:
    """The bundled plan of *version*, or None where the catalog has no such version."""
    from .. import catalog

    return catalog.plan(version) if version in catalog.versions() else None


def _point_sources(plan: Plan | None, points: Iterable[int]) -> list[Source]:
    if plan is None:
        return []
    known = {p.number: p for p in plan.provisions}
    return [s for n in sorted(set(points)) if n in known for s in known[n].sources]


_LABEL_BOX: Final = {"boxstyle": "round,pad=0.25", "fc": "white", "ec": "none", "alpha": 0.9}
"""A white box behind a label on a hatched fill, so the hatching does not cross it."""


def _dark(colour: str) -> bool:
    """Whether white text reads better than black on *colour* (its lightness under half)."""
    return _lightness(colour) < 0.5


def _lightness(colour: str) -> float:
    """A colour's lightness in greyscale, 0 (black) to 1 (white): its luma (ITU-R BT.601)."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _wrapped(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


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
times the deceased hostages returned so far. The labels are the series' names on the chart."""


_COLOURS: Final = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000")
"""Okabe-Ito colours for series that are no status, in order."""

_STYLES: tuple[dict[str, Any], ...] = (
    {"linestyle": "-", "linewidth": 4.0, "alpha": 0.5},
    {"linestyle": "-", "linewidth": 1.8},
    {"linestyle": "--", "linewidth": 1.8},
    {"linestyle": "-.", "linewidth": 1.8},
    {"linestyle": ":", "linewidth": 2.2},
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
    received so far, as point 5's obligation counts them), each labelled at its end with its name
    and its count against the terms (``20 of 20``). An unknown or contested count, or an unknown
    requirement, leaves a gap, marked under the lines with its span and its reason; no claim is
    picked. Coinciding lines are drawn 1.5 points apart on the page.

    Args:
        plan: the plan whose terms give the requirements.
        timeline: the events replayed on it.
        ax: the axes to draw on (None: a figure of its own, framed).
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
    from matplotlib.transforms import offset_copy

    figure = ax.get_figure(root=True)
    assert figure is not None
    points = _series(plan, timeline, start)
    times = [_x(t) for t, _ in points]
    ends: list[tuple[float, str, str]] = []
    gap_notes: list[tuple[float, float, str, str]] = []  # (from, to, text, colour)
    for i, (label, fact, term) in enumerate(EXCHANGE_SERIES):
        ys: list[float] = []
        gaps: list[tuple[int, int, str]] = []  # each gap with a reason: first and last point
        last, gap = "", ""  # the reason of the gap the series is in ("" where it is drawn)
        for k, (_, state) in enumerate(points):
            got, why = _exact(read_fact(state, fact))
            need, why_need = _requirement(plan, state, term)
            value = got if counts else _share(got, need)
            if value is None:
                reason = (
                    why if got is None else f"what is owed is {why_need}" if need is None else ""
                )
                if reason and reason != gap:  # (no reason: nothing owed yet, nothing to say)
                    gaps.append((k, k, reason))
                elif reason:
                    gaps[-1] = (gaps[-1][0], k, reason)
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
        colour = _COLOURS[i % len(_COLOURS)]
        # Drawn 1.5 points apart on the page (the data stay exact) so coinciding shares show.
        nudge = offset_copy(
            ax.transData, fig=figure, y=0 if counts else (i - 2) * 1.5, units="points"
        )
        ax.step(times, ys, where="post", label=label, transform=nudge, color=colour, **style)
        finite = [y for y in ys if y == y]
        ends.append((finite[-1] if finite else 0.0, f"{_wrapped(label, 22)}\n{last}", colour))
        for first, final, reason in gaps:
            later = final + 1 < len(times)
            stop = times[final + 1] if later else times[-1] + 5
            span = (
                f"{day(points[first][0])} to {day(points[final + 1][0])}"
                if later
                else (f"{day(points[first][0])} on")
            )
            what = "no count" if counts else "no share"
            gap_notes.append((times[first], stop, f"{label}: {what}, {span}; {reason}", colour))
        if counts and term != "ratio":
            need, _ = _exact(plan.term(term).value)
            if need is not None:
                ax.axhline(need, color=colour, linestyle=":", linewidth=0.8)
    ax.set_xlim(times[0] - 2, times[-1] + 5)  # lines drawn offset are not autoscaled
    if counts:
        ax.set_ylim(-0.5, 1.5 * max((y for line in ax.lines for y in _finite(line)), default=10))
        ax.set_yscale("symlog", linthresh=10)
        import matplotlib.ticker as mticker

        top = ax.get_ylim()[1]
        ax.yaxis.set_major_locator(
            mticker.FixedLocator([v for v in (0, 10, 100, 1000, 10_000, 100_000) if v <= top])
        )
        ax.yaxis.set_minor_locator(mticker.NullLocator())
        ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.set_ylabel("count (log scale)", fontsize=7)
    else:
        ax.axhline(100, color="#333333", linestyle="--", linewidth=0.8)
        ax.set_ylabel("% of what the terms require", fontsize=7)
        ax.set_ylim(-3, 112)
    _quiet(ax)
    _dates(ax)
    _frame.right_labels(ax, ends)
    _gap_notes(ax, gap_notes)
    terms = [t for _, _, t in EXCHANGE_SERIES if t != "ratio"] + ["exchange.remains_ratio"]
    facts = [f for _, f, _ in EXCHANGE_SERIES] + ["israeli_hostage_remains_returned"]
    h = history(plan, timeline, start=start)
    changed = [k for f in facts for k in h.changed(f)]
    sources = [s for t in terms for s in plan.term(t).sources]
    notes = [
        (
            "Gazan remains are measured against the ratio in the terms times the Israeli "
            "hostages' remains received so far."
        ),
    ]
    if counts:
        notes.append("Dotted rules: what the terms require.")
    else:
        notes.append("Lines that coincide are drawn a hair apart.")
    _frame.framed(
        ax,
        Frame(
            title="The exchange in counts" if counts else "The exchange against the plan's terms",
            subtitle=(
                ("Hostages returned, prisoners released and remains returned, by date; ")
                + (
                    "counts on a log scale"
                    if counts
                    else "each as a share of what the terms require"
                )
                + f" · {_as_of(timeline.data_as_of, None, plan.version)}"
            ),
            sources=_frame.tags([*sources, *_event_sources(timeline, changed)]),
            notes=tuple(notes),
        ),
    )
    return ax


def _gap_notes(ax: Axes, notes: Sequence[tuple[float, float, str, str]]) -> None:
    """Each gap as a rule along the bottom of the axes over its span, its reason written above
    it, inside the axes (from the gap's start, or ending at the right edge where it is late)."""
    from matplotlib.transforms import blended_transform_factory

    if not notes:
        return
    across = blended_transform_factory(ax.transData, ax.transAxes)
    made = []
    for n, (start, stop, text, colour) in enumerate(notes):
        ax.plot(
            [start, stop], [0.02 + 0.1 * n] * 2, transform=across, color=colour,
            linewidth=1.2, linestyle=(0, (1, 1.5)), solid_capstyle="butt",
        )  # fmt: skip
        made.append(
            ax.annotate(
                text,
                (start, 0.02 + 0.1 * n),
                xycoords=across,
                xytext=(0, 2),
                textcoords="offset points",
                fontsize=5.5,
                color=colour,
                va="bottom",
                ha="left",
            )
        )
        made[-1].set_in_layout(False)  # fitted inside the axes: the layout leaves it no room
    full = [str(t) for _, _, t, _ in notes]

    def fitted() -> bool:
        box = ax.bbox
        for annotation, text in zip(made, full, strict=True):
            x0 = ax.transData.transform((annotation.xy[0], 0))[0]
            room = box.x1 - max(x0, box.x0) - 4
            if room < 0.45 * box.width:  # late in the span: end at the right edge instead
                annotation.set_horizontalalignment("right")
                annotation.xy = (ax.get_xlim()[1], annotation.xy[1])
                room = box.width - 8
            _frame.fit_text(annotation, text, room)
        return False

    _frame.fit(ax, fitted)


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


def _subject_name(plan: Plan | None, subject: str) -> str:
    """A phase or obligation in words: ``"phase 1"``, an obligation's action; else its id."""
    if plan is None:
        return subject
    for phase in plan.phases:
        if phase.id == subject:
            return phase_name(plan, subject)
    for o in plan.obligations():
        if o.id == subject:
            return o.action
    return subject


def _subject_sources(plan: Plan | None, subjects: Iterable[str]) -> list[Source]:
    """The sources of the phases drawn and of the points the obligations drawn come from."""
    if plan is None:
        return []
    chosen = set(subjects)
    phases = [s for p in plan.phases if p.id in chosen for s in p.sources]
    points = [o.provision for o in plan.obligations() if o.id in chosen]
    return [*_point_sources(plan, points), *phases]


@_plain_text
def plot_sweep(
    result: SweepResult,
    subjects: Sequence[str] | str | None = None,
    *,
    ax: Axes | None = None,
    plan: Plan | None = None,
) -> Axes:
    """A sweep drawn: lines of lateness for one axis, a heatmap of one subject's statuses for two.

    Phases and obligations are named in words (``"phase 1"``, an obligation's action) from
    *plan*, or from the bundled plan of the sweep's version.

    Args:
        result: the sweep.
        subjects: the phases or obligations to draw (None: those that vary, up to eight, or the
            first obligation if none does); for two axes, the first of them.
        ax: the axes to draw on (None: a figure of its own, framed).
        plan: the plan the sweep amended, for the names and sources (None: the bundled plan of
            the sweep's version; ids where there is none).

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
    named = plan if plan is not None else _bundled(result.version)
    if len(result.axes) == 2:
        return _heatmap(result, _subjects(result, subjects, 1)[0], ax, named)
    chosen = _subjects(result, subjects, 8)
    if any(len({v.standing(c).lateness for v in result.variants} - {None}) > 1 for c in chosen):
        return _lines(result, chosen, ax, named)
    return _strips(result, chosen, ax, named)


def _xs(result: SweepResult, ax: Axes) -> list[Any]:
    axis = result.axes[0]
    numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in axis.values)
    xs: list[Any] = list(axis.values) if numeric else list(range(len(axis.values)))
    if not numeric:
        ax.set_xticks(xs, [axis.label(v) for v in axis.values])
    elif all(isinstance(v, int) for v in axis.values):
        import matplotlib.ticker as mticker

        ax.xaxis.set_major_locator(mticker.MaxNLocator(integer=True))  # 5, 10, never 7.5
    ax.set_xlabel(axis.path, fontsize=7)
    return xs


def _sweep_frame(
    result: SweepResult, title: str, plan: Plan | None, chosen: Sequence[str], note: str
) -> Frame:
    paths = " and ".join(a.path for a in result.axes)
    judged = (
        f"each explored, every move hypothetical · plan version {result.version}"
        if result.judgement == "exploration"
        else _as_of(None, result.at, result.version)
    )
    return Frame(
        title=title,
        subtitle=f"Each value a variant of the plan with {paths} set to it · {judged}",
        sources=_frame.tags(_subject_sources(plan, chosen)),
        notes=(note,) if note else (),
    )


def _status_key(seen: Iterable[str], *, dots: bool) -> list[tuple[Artist, str]]:
    make = _dot if dots else _patch
    return [(make(status_style(s), s), s) for s in seen]


def _lines(result: SweepResult, chosen: list[str], ax: Axes | None, plan: Plan | None) -> Axes:
    """Lateness in days against the axis, a line per subject, markers styled by status."""
    ax = _axes(ax, "SweepResult.plot()")
    xs = _xs(result, ax)
    seen: list[str] = []
    ends: list[tuple[float, str, str]] = []
    for n, subject in enumerate(chosen):
        colour = _COLOURS[n % len(_COLOURS)]
        standings = [v.standing(subject) for v in result.variants]
        days = [_days(s) for s in standings]
        ax.plot(xs, days, label=subject, zorder=1, color=colour, linewidth=1.4)
        for x, s in zip(xs, standings, strict=True):
            if s.status not in seen:
                seen.append(s.status)
            if s.status != "unknown":
                style = status_style(s.status)
                ax.scatter(
                    [x], [_days(s)], color=style.colour, marker=style.marker,
                    edgecolor=style.edge, linewidth=0.6, zorder=2, s=26,
                )  # fmt: skip
        finite = [d for d in days if d == d]
        ends.append(
            (finite[-1] if finite else 0.0, _wrapped(_subject_name(plan, subject), 24), colour)
        )
    ax.set_ylabel("days late or overdue", fontsize=7)
    _quiet(ax)
    _frame.right_labels(ax, ends)
    labels = [s for s in seen if s != "unknown"]
    note = "An unknown status is left out (a gap in its line)." if "unknown" in seen else ""
    _frame.framed(
        ax,
        _sweep_frame(result, "Days late or overdue across the sweep", plan, chosen, note),
        _status_key(labels, dots=True),
    )
    return ax


def _rows(
    ax: Axes,
    labels: Sequence[str],
    extra: Sequence[Any] = (),
    *,
    suffixes: Sequence[str] = (),
    share: float = 0.4,
    texts: bool = False,
) -> None:
    """Row labels on the y axis, sized to their rows and cut to *share* of the figure's width
    (at every layout); a label's suffix (``" (point 4)"``) is kept whole where the label is cut.

    With *texts*, each label is a text of the axes (labelled ``"_row"``) where a tick label
    would be, and the y axis has no ticks: a chart of many rows is laid out and drawn in a
    fraction of the time matplotlib takes over as many ticks.
    """
    import matplotlib as mpl
    import matplotlib.ticker as mticker

    full = list(labels)
    ends = list(suffixes) or [""] * len(full)
    whole = [t + e for t, e in zip(full, ends, strict=True)]
    made: list[Any] = []
    if texts:
        from matplotlib.transforms import blended_transform_factory, offset_copy

        fig = ax.get_figure(root=True)
        assert fig is not None
        ax.yaxis.set_major_locator(mticker.NullLocator())
        beside = offset_copy(  # where a tick label would be: a tick's pad left of the axes
            blended_transform_factory(ax.transAxes, ax.transData),
            fig=fig,
            x=-float(mpl.rcParams["ytick.major.pad"]),
            units="points",
        )
        made = [
            ax.text(
                0, y, label, transform=beside, ha="right", va="center_baseline",
                fontsize=_TICK_SIZE, color=_TICK_COLOUR, label="_row",
            )
            for y, label in enumerate(whole)
        ]  # fmt: skip
    else:
        ax.yaxis.set_major_locator(mticker.FixedLocator(list(range(len(labels)))))
        ax.yaxis.set_major_formatter(mticker.FixedFormatter(whole))

    drawn: list[Any] = []  # the size and labels of the last fitting
    fitting_for: list[Any] = []  # what the last fitting was for: renderer, size and room

    def fitted() -> bool:
        fig = ax.get_figure(root=True)
        assert fig is not None
        pitch = ax.bbox.height / max(1, len(full)) * 72 / fig.dpi  # points a row
        size = max(4.0, min(7.5, 0.8 * pitch))
        room = share * fig.bbox.width
        measured_by = weakref.ref(_frame.renderer(fig))
        if fitting_for == [measured_by, size, room]:
            return False  # the labels are those the layout made room for
        fitting_for[:] = [measured_by, size, room]
        probe = fig.text(0, 0, "", fontsize=size)
        gauge = _frame.Gauge(probe)
        try:
            shown = [
                _frame.shorten(text, gauge, room, suffix=end) + end
                for text, end in zip(full, ends, strict=True)
            ]
        finally:
            probe.remove()
        if drawn == [size, shown]:
            return False  # as the layout made room for them
        drawn[:] = [size, shown]
        if texts:
            for text, label in zip(made, shown, strict=True):
                text.set_text(label)
                text.set_fontsize(size)
        else:
            ax.yaxis.set_major_formatter(mticker.FixedFormatter(shown))
            ax.tick_params(axis="y", labelsize=size)
        for t in extra:
            t.set_fontsize(size)
        return True

    _frame.fit(ax, fitted, early=True)  # the room is the figure's; the size, nearly the axes'


def _strips(result: SweepResult, chosen: list[str], ax: Axes | None, plan: Plan | None) -> Axes:
    """A line per subject across the axis, each value a marker styled by its status (and
    labelled with the days late or overdue where there are any)."""
    ax = _axes(ax, "SweepResult.plot()")
    xs = _xs(result, ax)
    seen: list[str] = []
    for row, subject in enumerate(chosen):
        ax.plot(xs, [row] * len(xs), color="#d0d0d0", zorder=1)
        for x, v in zip(xs, result.variants, strict=True):
            s = v.standing(subject)
            if s.status not in seen:
                seen.append(s.status)
            style = status_style(s.status)
            ax.scatter(
                [x], [row], color=style.colour, marker=style.marker, edgecolor=style.edge,
                linewidth=0.6, zorder=2, s=40,
            )  # fmt: skip
            if s.lateness is not None:
                ax.annotate(
                    f"{_days(s):.1f}",
                    (x, row),
                    textcoords="offset points",
                    xytext=(0, 5),
                    ha="center",
                    fontsize=5.5,
                )
    ax.set_ylim(len(chosen) - 0.3, -0.7)  # the first on top
    _quiet(ax)
    _rows(ax, [_subject_name(plan, c) for c in chosen])
    note = (
        "Numbers: days late or overdue."
        if any(v.standing(c).lateness is not None for c in chosen for v in result.variants)
        else ""
    )
    _frame.framed(
        ax,
        _sweep_frame(result, "Status across the sweep", plan, chosen, note),
        _status_key(seen, dots=True),
    )
    return ax


def _heatmap(result: SweepResult, subject: str, ax: Axes | None, plan: Plan | None) -> Axes:
    ax = _axes(ax, "SweepResult.plot()")
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Rectangle

    rows_axis, cols_axis = result.axes
    n_cols = len(cols_axis.values)
    grid: list[list[tuple[float, float, float]]] = [
        [(1.0, 1.0, 1.0)] * n_cols for _ in rows_axis.values
    ]
    seen: list[str] = []
    for k, v in enumerate(result.variants):
        i, j = divmod(k, n_cols)
        s = v.standing(subject)
        style = status_style(s.status)
        if s.status not in seen:
            seen.append(s.status)
        grid[i][j] = to_rgb(style.colour)
        if style.hatch:
            ax.add_patch(
                Rectangle(
                    (j - 0.5, i - 0.5), 1, 1, fill=False, hatch=style.hatch,
                    edgecolor=style.edge, linewidth=0,
                )
            )  # fmt: skip
        if s.lateness is not None:
            ax.text(
                j, i, f"{_days(s):.1f}", ha="center", va="center", fontsize=6,
                bbox=_LABEL_BOX if style.hatch else None,
            )  # fmt: skip
    ax.imshow(grid, aspect="auto", origin="lower")
    ax.set_xticks(range(n_cols), [cols_axis.label(x) for x in cols_axis.values])
    ax.set_yticks(range(len(rows_axis.values)), [rows_axis.label(x) for x in rows_axis.values])
    ax.set_xlabel(cols_axis.path, fontsize=7)
    ax.set_ylabel(rows_axis.path, fontsize=7)
    ax.tick_params(labelsize=6.5)
    _frame.framed(
        ax,
        _sweep_frame(
            result,
            f"{_subject_name(plan, subject)}: status across the sweep",
            plan,
            [subject],
            "Numbers in the cells: days late or overdue."
            if any(v.standing(subject).lateness is not None for v in result.variants)
            else "",
        ),
        _status_key(seen, dots=False),
    )
    return ax


@_plain_text
def plot_monte_carlo(
    result: MonteCarloResult,
    obligations: Sequence[str] | str | None = None,
    *,
    ax: Axes | None = None,
) -> Axes:
    """A simulation's statuses, a bar per obligation, named by its action.

    Each bar is split by the share of the replayed runs in each status; a black line marks the
    95% Wilson interval of the largest share.

    Args:
        result: the simulation.
        obligations: the obligation or obligations to draw (None: those whose status varies,
            up to twelve).
        ax: the axes to draw on (None: a figure of its own, framed).

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
    ax = _axes(ax, "MonteCarloResult.plot()")
    plan = result.base.plan()
    total = result.replayed
    seen: list[str] = []
    for row, o in enumerate(chosen):
        left = 0.0
        counts = sorted(result.counts(o).items(), key=lambda kv: -kv[1])
        for status, k in counts:
            style = status_style(status)
            if str(status) not in seen:
                seen.append(str(status))
            ax.barh(
                row, k / total, left=left, color=style.colour, hatch=style.hatch or None,
                edgecolor=style.edge, linewidth=0.4, height=0.7,
            )  # fmt: skip
            if k / total >= 0.08:
                ax.text(
                    left + k / total / 2, row + 0.2, f"{k / total:.0%}", ha="center",
                    va="center", fontsize=6, color="white" if _dark(style.colour) else "black",
                    bbox=_LABEL_BOX if style.hatch else None,
                )  # fmt: skip
            left += k / total
        if counts:
            e = result.probability(o, counts[0][0])
            ax.plot([e.low, e.high], [row, row], color="black", linewidth=1.5)
    ax.set_ylim(len(chosen) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"share of {total:,} runs (seed {result.seed})", fontsize=7)
    _quiet(ax)
    _rows(ax, [_subject_name(plan, o) for o in chosen])
    timeline = result.base.timeline
    _frame.framed(
        ax,
        Frame(
            title=f"Status in {total:,} simulated runs",
            subtitle=(
                f"{_capital(result.perturbation.describe())} · "
                f"{_as_of(timeline.data_as_of, result.at, plan.version)}"
            ),
            sources=_frame.tags(
                [
                    *_subject_sources(plan, chosen),
                    *_event_sources(timeline, range(1, len(timeline.events) + 1)),
                ]
            ),
            notes=("Black line: the 95% Wilson interval of the largest share.",),
        ),
        _status_key(seen, dots=False),
    )
    return ax


# Obligations and the withdrawal over time.


@_plain_text
def plot_obligations(
    report: ComplianceReport, *, ax: Axes | None = None, timeline: Timeline | None = None
) -> Axes:
    """A Gantt-like view of every obligation's lifecycle up to the report's instant.

    Each row is one obligation, named by its action and its point; from when it fell due, a bar
    per period of its lifecycle (:attr:`Compliance.periods
    <gazaplan.time.compliance.Compliance.periods>`) in the style of that period's status
    (:data:`STATUS_STYLES`): a duty fulfilled, then breached, shows both. Overdue and breached
    rows are labelled at the right; a black tick marks the deadline, a diamond the fulfilment.
    Obligations never triggered have no bar: the status is written at the right instead.

    Args:
        report: the compliance report.
        ax: the axes to draw on (None: a figure of its own, framed).
        timeline: the timeline the report judged, to cite its events' sources (None: the
            bundled timeline, where it holds every event the report names).

    Returns:
        The axes drawn on.

    Raises:
        MissingExtraError: if matplotlib (the ``plot`` extra) is not installed.
    """
    ax = _axes(ax, "plot_obligations()")
    items = list(reversed(report.items))  # the report's first on top
    end = _x(report.at)
    owed = [[p for p in i.periods if p.status is not ComplianceStatus.NOT_TRIGGERED] for i in items]
    known = [_x(ps[0].start) for ps in owed if ps] + [_x(i.due) for i in items if i.due]
    left = min(known, default=end - 30)
    right: list[Any] = []
    present: list[ComplianceStatus] = []
    bars: dict[ComplianceStatus, list[tuple[float, float, int]]] = {}  # (left, width, row)
    fulfilled: list[tuple[float, int]] = []
    deadlines: list[float] = []
    for y, (item, spans) in enumerate(zip(items, owed, strict=True)):
        style = STATUS_STYLES[item.status]
        flagged = item.status in (ComplianceStatus.OVERDUE, ComplianceStatus.BREACHED)
        for p in spans:
            a, b = _x(p.start), min(_x(p.end) if p.end is not None else end, end)
            if a > end:
                continue
            if p.status not in present:
                present.append(p.status)
            width = max(b - a, min(0.25, end - a))  # visible, not past "as of"
            bars.setdefault(p.status, []).append((a, width, y))
        if item.fulfilled_at is not None and item.fulfilled_at <= report.at:
            fulfilled.append((_x(item.fulfilled_at), y))
        deadlines.append(_x(item.due) if item.due is not None else float("nan"))
        if not spans or flagged:
            right.append(
                ax.annotate(
                    str(item.status),
                    (end, y),
                    xytext=(3, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=6,
                    fontweight="bold" if flagged else "normal",
                    color=style.edge if flagged else "#555555",
                    annotation_clip=False,
                )
            )
        if item.status not in present and spans:
            present.append(item.status)
    _period_bars(ax, bars)
    _marks(ax, fulfilled, deadlines)
    ax.axvline(end, color="#333333", linestyle=":", linewidth=0.8)
    ax.set_xlim(left - 2, end + 2)
    ax.set_ylim(-0.7, len(items) - 0.3)
    _quiet(ax)
    ax.tick_params(axis="y", length=0)
    _dates(ax)
    _rows(
        ax,
        [i.obligation.action for i in items],
        right,
        suffixes=[f" (point {i.obligation.provision})" for i in items],
        texts=True,  # a row each: texts, not ticks
    )
    key = [(_patch(STATUS_STYLES[s], str(s)), str(s)) for s in ComplianceStatus if s in present]
    key += _deadline_key()
    sources = _point_sources(_bundled(report.version), [i.obligation.provision for i in items])
    _frame.framed(
        ax,
        Frame(
            title="The plan's obligations over time",
            subtitle=(
                "Status of each obligation from when it fell due · "
                + _as_of(report.data_as_of, report.at, report.version)
            ),
            sources=_frame.tags([*sources, *_report_sources(report, timeline)]),
            notes=("No bar: not triggered as of the date judged; dotted line: that date.",),
        ),
        key,
    )
    return ax


def _period_bars(ax: Axes, bars: Mapping[ComplianceStatus, list[tuple[float, float, int]]]) -> None:
    """The periods' bars, 0.6 high on their rows: one collection per status, in its style (a
    few artists to lay out and draw, however many periods there are)."""
    from matplotlib.collections import PolyCollection

    for status, spans in bars.items():
        s = STATUS_STYLES[status]
        boxes = [
            [(a, y - 0.3), (a + width, y - 0.3), (a + width, y + 0.3), (a, y + 0.3)]
            for a, width, y in spans
        ]
        ax.add_collection(
            PolyCollection(
                boxes,
                facecolors=s.colour,
                hatch=s.hatch or None,
                edgecolors=s.edge if s.hatch else s.colour,
                linewidths=0.4 if s.hatch else 0,
                label=f"_{status}",  # named for the status, kept out of any legend
            ),
            autolim=False,
        )


def _marks(ax: Axes, fulfilled: Sequence[tuple[float, int]], deadlines: Sequence[float]) -> None:
    """A diamond where each obligation was fulfilled and a black tick across its row at its
    deadline (*deadlines*: one per row, NaN for none), each kind one artist."""
    from matplotlib.collections import LineCollection

    if fulfilled:
        ax.plot(
            [x for x, _ in fulfilled], [y for _, y in fulfilled], linestyle="",
            marker="D", markersize=3.5, color="white", mec="black", mew=0.8, label="_fulfilled",
        )  # fmt: skip
    ticks = [[(x, y - 0.4), (x, y + 0.4)] for y, x in enumerate(deadlines) if x == x]
    if ticks:
        ax.add_collection(
            LineCollection(ticks, colors="black", linewidths=1.5, zorder=2, label="_deadlines"),
            autolim=False,
        )


def _deadline_key() -> list[tuple[Artist, str]]:
    from matplotlib.lines import Line2D

    tick = Line2D([], [], color="black", linewidth=1.5, marker="|", markersize=7, linestyle="")
    diamond = Line2D([], [], color="white", marker="D", mec="black", mew=0.8, lw=0, markersize=3.5)
    return [(tick, "deadline"), (diamond, "fulfilled")]


def _report_sources(report: ComplianceReport, timeline: Timeline | None) -> list[Source]:
    """The sources of the events a report names, looked up in *timeline* (or the bundled one,
    where it holds them all)."""
    named = {
        e for i in report.items for e in (*i.events, *(x for p in i.periods for x in p.events))
    }
    if not named:
        return []
    if timeline is None:
        from .. import catalog

        timeline = catalog.timeline()
        if not named <= {e.id for e in timeline.events}:
            return []
    return [s for e in timeline.events if e.id in named for s in e.sources]


_CLAIMS: Final = "#0072B2"
_RULES: Final = (
    ("#D55E00", ":"),
    ("#009E73", "--"),
    ("#CC79A7", "-."),
    ("#000000", (0, (1, 3))),
    ("#E69F00", (0, (5, 2, 1, 2))),
)


@_plain_text
def plot_withdrawal(
    plan: Plan, timeline: Timeline, *, ax: Axes | None = None, start: State | None = None
) -> Axes:
    """The line Israeli forces are at, and the reported share of Gaza they control, over time.

    The share is drawn where reported, one step line per claim; each report is labelled with its
    values and a number per claimant, and the notes say who each is (sources that differ are all
    shown; none is picked). Shaded spans name the line in force; the rules give the share each
    line of the plan leaves, per the sources stating it, in the legend.

    Args:
        plan: the plan whose lines are drawn.
        timeline: the events replayed on it.
        ax: the axes to draw on (None: a figure of its own, framed).
        start: the state the timeline starts from (None: the plan's facts at publication).

    Returns:
        The axes drawn on.

    Raises:
        MissingExtraError: if matplotlib (the ``plot`` extra) is not installed.
        InvalidEventError: if an event cannot happen in the state it meets.
    """
    ax = _axes(ax, "plot_withdrawal()")
    points = _series(plan, timeline, start)
    times = [_x(t) for t, _ in points]
    end = times[-1] + 7
    span_notes = _line_spans(ax, plan, points, end)
    claims: dict[str, list[float]] = {}  # who claims -> the value at each point (NaN elsewhere)
    stated_at: list[list[tuple[str, float]]] = []
    for i, (_, state) in enumerate(points):
        value = state.israeli_control_pct
        stated = (
            [(c.claimed_by, float(c.value)) for c in value.claims]
            if isinstance(value, Contested)
            else [("reported", float(value))]
            if isinstance(value, int | float) and not isinstance(value, bool)
            else []
        )
        stated_at.append(stated)
        for who, v in stated:
            claims.setdefault(who, [float("nan")] * len(points))[i] = v
    h = history(plan, timeline, start=start)
    reports = [k for k in sorted({0, *h.changed("israeli_control_pct")}) if stated_at[k]]
    number = {who: n for n, who in enumerate(claims, start=1)}
    for ys in claims.values():
        ax.step(times, ys, where="post", lw=1.8, color=_CLAIMS, label="_claim")
    if reports:
        ax.plot(
            [times[k] for k in reports for _ in stated_at[k]],
            [v for k in reports for _, v in stated_at[k]],
            "o",
            color=_CLAIMS,
            markersize=3.5,
            label="_reported",
        )
    for k in reports:
        block = sorted(stated_at[k], key=lambda wv: -wv[1])
        ax.annotate(
            "\n".join(f"{v:g}% ({number[who]})" for who, v in block),
            (times[k], block[0][1]),
            xytext=(2, 3),
            textcoords="offset points",
            fontsize=5.5,
            color=_CLAIMS,
            va="bottom",
            ha="left",
            linespacing=1.05,
        )
    rules: list[Any] = []
    labels: list[str] = []
    for n, line in enumerate(plan.lines):
        colour, _ = _RULES[n % len(_RULES)]
        for m, claim in enumerate(line.israeli_share):
            dash = _RULES[m % len(_RULES)][1]
            rules.append(
                ax.axhline(
                    claim.value, color=colour, linestyle=dash, linewidth=1.0,
                    label=f"plan: {line.name}, {claim.value:g}% per {claim.claimed_by}",
                )
            )  # fmt: skip
            labels.append(_wrapped(f"{line.name}: {claim.value:g}% per {claim.claimed_by}", 70))
    if rules:
        ax.legend(
            rules,
            labels,
            title="What each line of the plan leaves, per source",
            title_fontsize=5.5,
            fontsize=5.5,
            loc="lower left",
            bbox_to_anchor=(0.01, 0.05),
            frameon=True,
            framealpha=0.9,
            edgecolor="#cccccc",
            handlelength=2.2,
        )
    if not claims:
        ax.text(0.5, 0.5, "no share of territory reported", transform=ax.transAxes, ha="center")
    ax.set_ylim(-2, 100)
    ax.set_xlim(times[0], end)
    ax.set_ylabel("% of Gaza", fontsize=7)
    _quiet(ax)
    _dates(ax)
    claimants = "; ".join(f"({n}) {who}" for who, n in number.items())
    notes = []
    if claimants:
        notes.append(f"Claims: {claimants}.")
        notes.append("Dots: when reported; a line carries the claim to the next report.")
    notes += [_capital(n) + "." for n in span_notes]
    sources = [
        *(s for line in plan.lines for c in line.israeli_share for s in c.sources),
        *_event_sources(timeline, [*h.changed("israeli_control_pct"), *h.changed("idf_line")]),
    ]
    _frame.framed(
        ax,
        Frame(
            title="The withdrawal line and the reported Israeli-held share of Gaza",
            subtitle=(
                f"{_capital(fact_name('israeli_control_pct'))}, as each source reports it; "
                f"shading: the line in force · {_as_of(timeline.data_as_of, None, plan.version)}"
            ),
            sources=_frame.tags(sources),
            notes=tuple(notes),
        ),
    )
    return ax


def _line_spans(
    ax: Axes, plan: Plan, points: list[tuple[dt.datetime, State]], end: float
) -> list[str]:
    """Shade the span during which each line is in force, named at its top where it is wide
    enough (the name fitted to it), else in the notes; the notes."""
    names = {line.id: line.name for line in plan.lines}
    spans: list[tuple[float, str, dt.datetime]] = []
    for t, state in points:
        line = show(state.idf_line)
        if not spans or spans[-1][1] != line:
            spans.append((_x(t), line, t))
    width = end - spans[0][0]
    named: list[tuple[Any, str, float, float]] = []
    notes: list[str] = []
    for i, (x, line, t) in enumerate(spans):
        stop = spans[i + 1][0] if i + 1 < len(spans) else end
        ax.axvspan(x, stop, color=("#f4f1e8", "#e9eef4")[i % 2], zorder=0, linewidth=0)
        name = names.get(line, line)
        if stop - x < 0.12 * width:
            until = f" to {day(spans[i + 1][2])}" if i + 1 < len(spans) else " on"
            notes.append(f"the narrow shaded span: {name}, {day(t)}{until}")
            continue
        text = ax.text(
            x + (stop - x) / 2, 98, name, fontsize=5.5, color="#555555", ha="center", va="top"
        )
        text.set_in_layout(False)  # fitted inside its span: the layout leaves it no room
        named.append((text, name, x, stop))

    def fitted() -> bool:
        for text, name, x, stop in named:
            room = abs(ax.transData.transform((stop, 0))[0] - ax.transData.transform((x, 0))[0])
            _frame.fit_text(text, name, room - 4)
        return False

    _frame.fit(ax, fitted)
    return notes


# Saving a chart at a publication size.

_SVG_SIZE: Final = re.compile(r'<svg([^>]*?)\swidth="[^"]*"\sheight="[^"]*"')


def save(
    chart: Axes | Figure,
    path: str | os.PathLike[str],
    *,
    size: str | tuple[int, int] = "small",
) -> Path:
    """Write a chart to a PNG or SVG file (by the path's suffix) at a publication size.

    ``"small"`` is 600x400 pixels, ``"large"`` 1200x800: the same chart at twice the
    resolution. A ``(width, height)`` pair is drawn at the scale that keeps text and room in
    the base proportions (the smaller of width/600 and height/400), its page widened or
    heightened to the pair's shape, and the chart fitted to it again. An SVG's text is drawn as
    paths, so it looks the same everywhere, and it is sized to the pixels asked for. The output
    is the same for the same chart, byte for byte (no date, no random ids). The figure keeps
    its own size afterwards. The file is written whole or not at all.

    Args:
        chart: the Axes a plot returned, or its Figure.
        path: the file to write, ending in ``.png`` or ``.svg``.
        size: ``"small"``, ``"large"`` or ``(width, height)`` in whole pixels, each 100 to
            10,000.

    Returns:
        The path written.

    Raises:
        InvalidValueError: a suffix other than .png or .svg, an unknown size, or something
            that is no matplotlib Axes or Figure.
        MissingExtraError: if matplotlib (the ``plot`` extra) is not installed.
        OSError: if the file cannot be written; it names *path*.
    """
    target = Path(path)
    kind = target.suffix.lower().lstrip(".")
    if kind not in ("png", "svg"):
        raise InvalidValueError(
            "save(path)",
            os.fspath(path),
            "the format is read from the file's suffix, which must be .png or .svg",
            "Name the file chart.png or chart.svg.",
        )
    width, height = _frame.pixels(size, "save(size)")
    try:
        import matplotlib
        from matplotlib.axes import Axes as MplAxes
        from matplotlib.figure import Figure as MplFigure
        from matplotlib.figure import SubFigure
    except ImportError:
        raise MissingExtraError("save()", "plot", "matplotlib") from None
    fig = chart.get_figure(root=True) if isinstance(chart, MplAxes | SubFigure) else chart
    if not isinstance(fig, MplFigure):
        raise InvalidValueError(
            "save(chart)",
            chart,
            "expected the Axes a plot returned, or its Figure",
            "Pass the value gp.plot_exchange(...) (or another plot) returned.",
        )
    inches, dpi = _frame.layout_for(width, height)
    before = tuple(fig.get_size_inches())
    buffer = io.BytesIO()
    try:
        fig.set_size_inches(inches, forward=False)
        rc: dict[Any, Any] = {
            "svg.hashsalt": "gazaplan",
            "svg.fonttype": "path",
            "text.parse_math": False,
        }
        with matplotlib.rc_context(rc), _frame.laid_out_in_draw(fig):  # one draw, not two
            if kind == "png":
                fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
            else:
                fig.savefig(buffer, format="svg", dpi=dpi, metadata={"Date": None})
    finally:
        fig.set_size_inches(before, forward=False)
    data = buffer.getvalue()
    if kind == "svg":
        text = _SVG_SIZE.sub(
            lambda m: f'<svg{m.group(1)} width="{width}px" height="{height}px"',
            data.decode("utf-8"),
            count=1,
        )
        data = text.encode("utf-8")
    from ..files._io import write_atomically

    write_atomically(target, data)
    return target
