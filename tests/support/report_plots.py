"""The HTML report's three plots, each drawn on a figure of its own, for the tests of how charts
measure and lay themselves out."""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.axes import Axes

import gazaplan as gp
from gazaplan.desk.plots import plot_exchange, plot_obligations, plot_withdrawal

PLAN = gp.plan()
TL = gp.timeline()

DRAWS: dict[str, Callable[[], Axes]] = {
    "obligations": lambda: plot_obligations(gp.compliance(PLAN, TL), timeline=TL),
    "exchange": lambda: plot_exchange(PLAN, TL),
    "withdrawal": lambda: plot_withdrawal(PLAN, TL),
}
"""The report's plots, each on a figure of its own."""


def constrained_layout_moves(plot: str, inches: tuple[float, float], *, afresh: bool) -> float:
    """How far, in pixels, matplotlib's constrained layout moves the axes of *plot* drawn at
    *inches*, run after the chart's own layout (*afresh*: from matplotlib's default position)."""
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    ax = DRAWS[plot]()
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    fig.set_size_inches(inches)
    fig.canvas.draw()
    ours = ax.get_position().bounds
    params = fig.get_layout_engine().get()  # type: ignore[union-attr]
    if afresh:
        ax._set_position((0.125, 0.11, 0.775, 0.77))  # type: ignore[attr-defined]
    ConstrainedLayoutEngine(
        h_pad=params["h_pad"], w_pad=params["w_pad"], rect=params["rect"]
    ).execute(fig)
    theirs = ax.get_position().bounds
    width, height = float(fig.bbox.width), float(fig.bbox.height)
    return float(
        max(
            abs(a - b) * (width if i % 2 == 0 else height)
            for i, (a, b) in enumerate(zip(ours, theirs, strict=True))
        )
    )
