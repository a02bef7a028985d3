"""Later versions of the plan, each an amendment over the one before (data, not a copy).

2025-10-09: the phase-one implementation terms agreed in Egypt (announced 8 Oct, signed at
Sharm el-Sheikh on 9 Oct, approved by Israel's government overnight 9-10 Oct). Their text is not
public; every edit rests on the reports it cites.
"""

from __future__ import annotations

from datetime import date

from ..amendments import Amendment, SetDeadline, SetTerm
from ..conditions import Equals, Term
from ..facts import Crossing
from ..obligations import Deadline
from ..sources import Sourced
from ._rules import at_or_beyond
from ._sources import R7, R8, R9, R10, R12, R17, R21, WH

EGYPT_TERMS = Amendment(
    version="2025-10-09",
    title="Phase-one implementation terms agreed at Sharm el-Sheikh",
    date=date(2025, 10, 9),
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

LATER = (EGYPT_TERMS,)
