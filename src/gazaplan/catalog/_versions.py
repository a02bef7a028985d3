"""Later versions of the plan, each an amendment over the one before (data, not a copy).

2025-10-09: the phase-one implementation terms agreed in Egypt (announced 8 Oct, signed at
Sharm el-Sheikh on 9 Oct, approved by Israel's government overnight 9-10 Oct). Their text is not
public; every edit rests on the reports it cites.
2025-11-17: UN Security Council resolution 2803 (positions recorded; terms unchanged).
2026-01-14: the launch of phase two, before phase one's last remains were returned.
Later 2026 versions (the roadmap, the July agreement, the August positions): ``_versions_2026``.
"""

from __future__ import annotations

import datetime as dt
from datetime import date

from ..core.amendments import AddPosition, Amendment, SetCondition, SetDeadline, SetTerm
from ..core.conditions import AnyOf, Equals, PhaseComplete, Term
from ..core.facts import Crossing
from ..core.obligations import Deadline
from ..core.parties import Response
from ..core.records import Position
from ..core.sources import Sourced
from ._rules import at_or_beyond
from ._sources import R7, R8, R9, R10, R12, R17, R21, W12, WH
from ._timeline_sources import TL
from ._versions_2026 import IDT, IST, LATER_2026

EGYPT_TERMS = Amendment(
    version="2025-10-09",
    title="Phase-one implementation terms agreed at Sharm el-Sheikh",
    date=date(2025, 10, 9),
    in_force=dt.datetime(2025, 10, 9, tzinfo=IDT),
    in_force_note="Signed at Sharm el-Sheikh on the morning of 9 Oct 2025 (event 2025-10-09-phase-one-signed; a source gives only the day). Its clocks count from Israel's approval at 01:30 on 10 Oct.",
    rationale="The phase-one agreement set clocks, counts and volumes of its own. Its text is not "
    "public; these edits follow the reports cited.",
    sources=(R7, R8, R9, R10, R12, R17, R21),
    edits=(
        SetDeadline(
            "p3-withdraw-to-first-line",
            Deadline(
                24,
                since=Equals(
                    "approved.israel",
                    True,
                    point=3,
                    label="Israel's government approves the agreement",
                ),
                note="Within 24 hours of the Israeli government's approval, per Israeli officials "
                "[R8, R9, R17]. A Reuters source and Shafaq counted from the signing instead.",
            ),
        ),
        SetDeadline(
            "p4-return-hostages",
            Deadline(
                Term("exchange.hostage_window_hours"),
                since=at_or_beyond("yellow", 4, "the pull-back to the first line is complete"),
                note="The phase-one terms ran the 72 hours from the completed pull-back (noon, "
                "10 Oct 2025) [R7, R12], not from Israel's acceptance as point 4 has it. The "
                "agreement acknowledged that some remains might not be found in that time.",
            ),
        ),
        SetTerm(
            "aid.trucks_per_day",
            Sourced(
                600,
                (R9, R10),
                "About 600 trucks a day agreed (Egyptian officials via Al-Araby; "
                "COGAT; UN News on the 'previously agreed 600').",
            ),
        ),
        SetTerm(
            "aid.rafah",
            Sourced(Crossing.BOTH_WAYS, (WH.at(8), R9), "Both ways, per Egyptian officials [R9]."),
        ),
    ),
)

UNSC_2803 = Amendment(
    version="2025-11-17",
    title="UN Security Council resolution 2803",
    date=date(2025, 11, 17),
    in_force=dt.datetime(2025, 11, 17, tzinfo=IST),
    in_force_note="Adopted on 17 Nov 2025 (event 2025-11-17-resolution-2803; a source gives only the day).",
    rationale="The Council endorsed the plan, welcomed the Board of Peace as a transitional "
    "administration and authorised a temporary International Stabilization Force. The terms "
    "themselves are unchanged; the parties' stated positions on the resolution are recorded.",
    sources=(TL["TL-2025-11-17-1"], TL["TL-2025-11-17-2"], W12),
    edits=(
        AddPosition(
            Position(
                "un",
                "The Security Council endorsed the plan by 13 votes to none, Russia and China "
                "abstaining; it welcomed the Board of Peace as a transitional administration and "
                "authorised a temporary International Stabilization Force.",
                (TL["TL-2025-11-17-1"], TL["TL-2025-11-17-2"]),
                Response.ACCEPTED,
                date(2025, 11, 17),
            )
        ),
        AddPosition(
            Position(
                "hamas",
                "Rejected resolution 2803.",
                (TL["TL-2025-11-17-1"],),
                as_of=date(2025, 11, 17),
            )
        ),
        AddPosition(
            Position(
                "pa",
                "Welcomed resolution 2803.",
                (TL["TL-2025-11-17-1"],),
                as_of=date(2025, 11, 17),
            )
        ),
    ),
)

PHASE_TWO = Amendment(
    version="2026-01-14",
    title="Launch of phase two",
    date=date(2026, 1, 14),
    in_force=dt.datetime(2026, 1, 14, tzinfo=IST),
    in_force_note="Announced on 14 Jan 2026 (event 2026-01-14-phase-two; a source gives only the day).",
    rationale="The US announced phase two while the remains of one hostage were still held, so in "
    "practice phase two did not wait for phase one's completion: its entry now also holds once the "
    "launch is announced.",
    sources=(TL["TL-2026-01-14-1"], TL["TL-2026-01-14-2"], TL["TL-2026-01-14-3"]),
    edits=(
        SetCondition(
            "phase-2.entry",
            AnyOf(
                (
                    PhaseComplete("phase-1", label="phase 1 complete"),
                    Equals(
                        "phase_two_launched", True, label="the US announces the launch of phase two"
                    ),
                ),
                label="phase 1 complete, or phase two launched",
            ),
        ),
    ),
)

LATER = (EGYPT_TERMS, UNSC_2803, PHASE_TWO, *LATER_2026)
