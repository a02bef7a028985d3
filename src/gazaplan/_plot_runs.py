"""The plots of many runs: a sweep's (``SweepResult.plot()``: a line for one axis, a heatmap for
two) and a simulation's (``MonteCarloResult.plot()``: each status's probability).

One axis: each phase or obligation asked for (by default those that vary, up to eight) is a line
of its lateness in days (how late it was fulfilled, or how long overdue; 0 where it is neither),
with a marker at each value coloured by its status; an unknown status is a gap, never a zero.
Two axes: the statuses of one phase or obligation over the grid, a cell per variant, labelled
with its lateness in days where it has one. A simulation: a bar per obligation whose status
varies, split by the share of runs in each status, the Wilson interval of the largest share
marked on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._compliance import ComplianceStatus
from ._plotting import STATUS_COLOURS, plain_text
from ._plotting import axes as _axes
from .exceptions import InvalidValueError
from .montecarlo import MonteCarloResult
from .sweeps import Standing, SweepResult

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["SWEEP_COLOURS", "plot_monte_carlo", "plot_sweep"]

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


@plain_text
def plot_sweep(
    result: SweepResult, subjects: Sequence[str] | str | None = None, *, ax: Axes | None = None
) -> Axes:
    """*result* drawn: lines of lateness for one axis, a heatmap of one subject's statuses for two.

    Raises:
        InvalidValueError: a grid of three axes or more (plot a slice of it).
        UnknownIdError: a subject that is no phase or obligation of the plan.
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


@plain_text
def plot_monte_carlo(
    result: MonteCarloResult,
    obligations: Sequence[str] | str | None = None,
    *,
    ax: Axes | None = None,
) -> Axes:
    """*result*'s statuses: a bar per obligation (by default those whose status varies, up to
    twelve), split by the share of the replayed runs in each status; a black line marks the 95%
    Wilson interval of the largest share."""
    chosen = (
        [obligations]
        if isinstance(obligations, str)
        else list(obligations or result.varying()[:12])
    )
    for o in chosen:
        result.counts(o)  # raises UnknownIdError listing the obligations
    ax = _axes(ax, "MonteCarloResult.plot()", (9, 1.4 + 0.45 * max(1, len(chosen))))
    total = len(result.runs) - len(result.failed)
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
