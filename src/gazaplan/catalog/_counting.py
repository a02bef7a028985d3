"""The counting points: the readings the sources give of when a deadline's clock starts.

Point 4 counts the hostages' 72 hours from Israel's public acceptance [WH 4]; the phase-one
terms ran them from the completed pull-back to the first line [R7, R12]. A sweep over
``since.p4-return-hostages`` compares the two. Only readings a fact of the plan can express are
listed: the Reuters source and Shafaq's count of point 3's 24 hours from the signing has no
fact of its own, so it is not one.
"""

from __future__ import annotations

from ..core.obligations import CountingPoint
from ._rules import ISRAEL_ACCEPTED, at_or_beyond
from ._sources import R7, R12, WH

COUNTING_POINTS: dict[str, tuple[CountingPoint, ...]] = {
    "p4-return-hostages": (
        CountingPoint(
            "acceptance",
            ISRAEL_ACCEPTED,
            "The published text counts the window from Israel's public acceptance.",
            (WH.at(4),),
        ),
        CountingPoint(
            "pull-back",
            at_or_beyond("yellow", 4, "the pull-back to the first line is complete"),
            "The phase-one terms counted the window from the completed pull-back to the first "
            "line (noon, 10 Oct 2025).",
            (R7, R12),
        ),
    ),
}
"""For each obligation with more than one reading of its clock, the readings, by name."""
