"""The library's account of each place where the bundled record and its reading of the rules
differ, as ``gp.anomalies`` finds them, each sourced.

Each is either a real early or out-of-order step the sources record (kept as recorded), or a gap
in what the sources say (kept as UNKNOWN). None of them showed a trigger read wrongly: had one,
the trigger would have been fixed in its version, with its source, instead.
"""

from __future__ import annotations

from ..core.records import AnomalyNote
from ._sources import R7, R11, R12
from ._timeline_sources import TL

__all__ = ["ANOMALY_NOTES"]

_PRISONERS = AnomalyNote(
    "2025-10-13-prisoners",
    "p5-release-prisoners",
    "A real out-of-order step, kept as recorded. Point 5 ties the prisoner release to the return "
    "of all hostages; the phase-one terms had the living hostages freed at once and the deceased "
    "returned as they were found [R7, R12], and Israel freed the prisoners on 13 Oct 2025, after "
    "the living hostages were back and before all the deceased were [R11].",
    (R11, R7, R12, TL["TL-2025-10-13-4"]),
)

_REMAINS_GAP = (
    "A gap in the sources, kept as UNKNOWN. Point 5's ratio counts the remains of Israeli "
    "hostages, and the sources of these weeks do not say how many of the deceased hostages "
    "returned so far were Israeli; the register's reading of 24 Israeli of 28 comes only from the "
    "final totals (285 bodies by 7 Nov, 360 in all) [TL-2025-11-07-1, TL-2026-01-29-1]. So the "
    "trigger is UNKNOWN while the Gazan remains this event reports were returned."
)

_REMAINS = tuple(
    AnomalyNote(
        event,
        "p5-return-remains",
        _REMAINS_GAP,
        (TL["TL-2025-11-07-1"], TL["TL-2026-01-29-1"], *(TL[tag] for tag in tags)),
    )
    for event, tags in (
        ("2025-10-14-gazan-remains", ("TL-2025-10-14-3",)),
        ("2025-10-15-gazan-remains", ("TL-2025-10-15-2",)),
        ("2025-10-19-gazan-remains-tally", ("TL-2025-10-19-1",)),
        ("2025-11-07-tallies", ()),
        ("2025-11-10-gazan-remains-tally", ("TL-2025-11-09-3",)),
        ("2025-11-26-tallies", ("TL-2025-11-26-1",)),
    )
)

ANOMALY_NOTES = (_PRISONERS, *_REMAINS)
"""Every anomaly of the bundled timeline against the bundled versions, accounted for."""
