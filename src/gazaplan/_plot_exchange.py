"""The exchange over time (part of :mod:`gazaplan.plots`): hostages returned, prisoners released
and remains returned, as shares of the plan's terms or as counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._plotting import axes as _axes
from ._plotting import dates as _dates
from ._plotting import exact as _exact
from ._plotting import plain_text as _plain_text
from ._plotting import series as _series
from ._plotting import x as _x
from .state import read_fact
from .timelines import Timeline

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .plans import Plan
    from .state import State

__all__ = ["EXCHANGE_SERIES", "plot_exchange"]

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
