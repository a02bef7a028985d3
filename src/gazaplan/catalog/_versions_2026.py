"""Versions of 2026 after phase two's launch, each an amendment over the one before.

2026-05-21: the High Representative's 15-point implementation roadmap. Its wording is known only
from his thread on X and from press summaries (one copy dates it 22 May), so every edit is a
reading of reports, marked as such.
2026-07-31: the Board of Peace's disarmament agreement (the US president announced it on 30 Jul,
the Board published it on 31 Jul). Its duration is contested (three years, eight months, a 30-day
hand-over with 60-90 days for tunnels, a timetable due within 14 days): the claims are kept as
figures on the timeline's entry, and no deadline is set. Hamas's and Islamic Jihad's stated
positions on it are recorded.
2026-08-09: Israel's stated conditions (positions recorded; terms unchanged): no withdrawal
before disarmament is complete, and rejection of the roadmap.

Every source here rests on reports relayed by third-party digests from July on (see each
source's note); the edits say so.
"""

from __future__ import annotations

import datetime as dt
from datetime import date

from ..core.amendments import AddPosition, Amendment, SetCondition
from ..core.conditions import AllOf, Equals, OneOf, PhaseComplete
from ..core.facts import Progress
from ..core.records import Position, Stance, Topic
from ._rules import CEASEFIRE, DECOMMISSIONED, ISF_TAKES_OVER, at_or_beyond, established, flag
from ._timeline_sources import TL

IDT = dt.timezone(dt.timedelta(hours=3))  # Israel and Gaza, summer
IST = dt.timezone(dt.timedelta(hours=2))  # winter

__all__ = ["AGREEMENT", "IDT", "IST", "LATER_2026", "POSITIONS_AUGUST", "ROADMAP"]

FROM_REPORTS = (
    "The roadmap's text is known only from the High Representative's thread and press summaries; "
    "this edit is the library's reading of them."
)
ROADMAP_SOURCES = tuple(TL[f"TL-2026-05-21-{i}"] for i in range(1, 6))
AGREEMENT_SOURCES = tuple(TL[f"TL-2026-07-31-{i}"] for i in range(1, 7))
DASHBOARD = TL["TL-2026-06-20-1"]

ROADMAP = Amendment(
    version="2026-05-21",
    title="The implementation roadmap (15 points)",
    date=date(2026, 5, 21),
    in_force=dt.datetime(2026, 5, 21, tzinfo=IDT),
    in_force_note="Set out on 21 May 2026 (event 2026-05-21-roadmap; a source gives only the day, and one copy dates it 22 May).",
    rationale="The roadmap makes each step wait on the verification committee's certification "
    "that the one before is complete, ties each side's obligations to the other's (disarmament "
    "tranches against withdrawal tranches) and brings all weapons under one Palestinian "
    "authority. " + FROM_REPORTS,
    sources=ROADMAP_SOURCES,
    edits=(
        SetCondition(
            "perimeter.entry",
            AllOf(
                (
                    PhaseComplete("phase-2", label="phase 2 complete"),
                    flag("phase_two_certified", 16, "the verification committee certifies it"),
                ),
                point=16,
                label="phase 2 complete and certified (roadmap)",
            ),
        ),
        SetCondition(
            "reconstruction.entry",
            AllOf(
                (
                    CEASEFIRE,
                    established("board-of-peace", 9, "the Board of Peace exists"),
                    flag("phase_two_certified", 9, "stability verified by the committee"),
                ),
                point=9,
                label="ceasefire holding, the Board in place, stability verified (roadmap)",
            ),
        ),
        SetCondition(
            "p16-hand-over.trigger",
            AllOf(
                (
                    ISF_TAKES_OVER,
                    OneOf(
                        "decommissioning",
                        (Progress.UNDER_WAY, Progress.COMPLETE),
                        point=13,
                        label="a disarmament tranche under way",
                    ),
                    flag("decommissioning_verified", 13, "the tranche verified"),
                ),
                point=16,
                label="the ISF takes over, after a verified disarmament tranche (roadmap)",
            ),
        ),
        SetCondition(
            "p13-decommission.completion",
            AllOf(
                (
                    DECOMMISSIONED,
                    flag("weapons_to_committee", 13, "weapons handed to the committee"),
                ),
                point=13,
                label="decommissioning complete and verified, weapons with the committee (roadmap)",
            ),
        ),
    ),
)

AGREEMENT = Amendment(
    version="2026-07-31",
    title="The Board of Peace's disarmament agreement",
    date=date(2026, 7, 31),
    in_force=dt.datetime(2026, 7, 31, tzinfo=IDT),
    in_force_note="Published by the Board on 31 Jul 2026, announced on 30 Jul (event 2026-07-31-disarmament-agreement; a source gives only the day).",
    rationale="Police weapons first, then heavy weapons handed to the technocratic committee "
    "rather than to Israel, on a timetable matched by Israeli withdrawals and verified by the "
    "verification committee: the roadmap's terms, which this version leaves as they are. Announced "
    "on 30 Jul by the US president and published on 31 Jul by the Board; its duration is "
    "contested (the claims are figures on the timeline's entry), so no deadline is set. Known only "
    "from reports relayed by third-party digests. The parties' stated positions are recorded.",
    sources=AGREEMENT_SOURCES,
    edits=(
        AddPosition(
            Position(
                "hamas",
                "A Hamas official accepted the agreement but said Hamas would not act before "
                "Israel withdraws.",
                (TL["TL-2026-07-31-4"], TL["TL-2026-07-31-1"]),
                as_of=date(2026, 7, 31),
                topics={Topic.DEMILITARISATION, Topic.WITHDRAWAL},
                stance=Stance.COMMITS,
                action="put its weapons beyond use under the agreement",
                obligation="p13-decommission",
                only_if=at_or_beyond("second", 16, "Israeli forces withdraw beyond their line"),
                reported_by="Hamas official Ghazi Hamad, as relayed by digests",
            )
        ),
        AddPosition(
            Position(
                "other-factions",
                "Islamic Jihad's armed wing said it consented to the disarmament plan.",
                (DASHBOARD,),
                as_of=date(2026, 8, 2),
                topics={Topic.DEMILITARISATION},
                stance=Stance.COMMITS,
                action="the disarmament plan",
                reported_by="a third-party dashboard (weak)",
            )
        ),
    ),
)

POSITIONS_AUGUST = Amendment(
    version="2026-08-09",
    title="Israel's stated conditions on withdrawal",
    date=date(2026, 8, 9),
    in_force=dt.datetime(2026, 8, 9, tzinfo=IDT),
    in_force_note="Stated at the security cabinet on 9 Aug 2026 (event 2026-08-09-israel-rejects-roadmap; a source gives only the day).",
    rationale="The parties' stated positions are recorded; the terms are unchanged.",
    sources=(DASHBOARD, TL["TL-2026-08-09-1"], TL["TL-2026-08-09-2"], TL["TL-2026-07-31-3"]),
    edits=(
        AddPosition(
            Position(
                "israel",
                "The prime minister said Israel would not pull back from its current lines until "
                "disarmament is complete, and said so again at the security cabinet on 9 Aug.",
                (DASHBOARD, TL["TL-2026-07-31-3"], TL["TL-2026-08-09-1"]),
                as_of=date(2026, 8, 4),
                topics={Topic.WITHDRAWAL, Topic.DEMILITARISATION},
                stance=Stance.COMMITS,
                action="withdraw beyond its current lines",
                obligation="p16-hand-over",
                only_if=Equals(
                    "decommissioning", Progress.COMPLETE, point=13, label="disarmament complete"
                ),
                reported_by="the Israeli prime minister, as relayed by digests (weak)",
            )
        ),
        AddPosition(
            Position(
                "israel",
                "At the security cabinet the prime minister rejected the Board of Peace's roadmap: "
                "all weapons must go, not only heavy ones.",
                (TL["TL-2026-07-31-3"], TL["TL-2026-08-09-1"], TL["TL-2026-08-09-2"]),
                as_of=date(2026, 8, 9),
                topics={Topic.DEMILITARISATION},
                stance=Stance.REFUSES,
                action="the roadmap's disarmament of heavy weapons only",
                reported_by="Kyodo; BBC headlines; as relayed by digests",
            )
        ),
        AddPosition(
            Position(
                "hamas",
                "Hamas said it accepts the roadmap and will abide by it.",
                (TL["TL-2026-07-31-3"], TL["TL-2026-08-09-1"]),
                as_of=date(2026, 8, 9),
                topics={Topic.DEMILITARISATION},
                stance=Stance.COMMITS,
                action="the 15-point roadmap",
                reported_by="Kyodo; BBC headlines; as relayed by digests",
            )
        ),
    ),
)

LATER_2026 = (ROADMAP, AGREEMENT, POSITIONS_AUGUST)
