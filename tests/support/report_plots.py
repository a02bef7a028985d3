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
