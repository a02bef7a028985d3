"""What the plots share: the colours of the statuses, the axes, dates on the x axis, and
drawing with mathtext off (see :mod:`gazaplan.plots`, where the plots themselves are).

matplotlib is imported inside the functions, never at import.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from ._compliance import ComplianceStatus, plan_origin
from .exceptions import MissingExtraError
from .histories import history
from .sources import Contested
from .timelines import Timeline
from .truth import UNKNOWN

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .plans import Plan
    from .state import State

__all__ = ["DAY_X", "STATUS_COLOURS", "axes", "dates", "exact", "plain_text", "series", "x"]

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


def plain_text(draw: F) -> F:
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


def axes(ax: Axes | None, feature: str, size: tuple[float, float] = (9, 5)) -> Axes:
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


def dates(ax: Axes) -> None:
    """Date ticks on an x axis whose values are matplotlib date numbers (days)."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def x(t: dt.datetime) -> float:
    """An instant as a matplotlib date number (days since 1970 UTC): plain floats, exact types."""
    return t.timestamp() / 86400.0


DAY_X = 1.0  # one day on the x axis


def series(plan: Plan, timeline: Timeline, start: State | None) -> list[tuple[dt.datetime, State]]:
    h = history(plan, timeline, start=start)
    return [(plan_origin(plan), h.start)] + [
        (e.at, s) for e, s in zip(timeline.events, h.states, strict=True)
    ]


def exact(value: Any) -> tuple[float | None, str]:
    """A number, or None with the reason: "unknown", or "contested" (no claim is picked)."""
    if isinstance(value, Contested):
        return None, "contested"
    if value is UNKNOWN or value is None or isinstance(value, bool):
        return None, "unknown"
    return float(value), ""
