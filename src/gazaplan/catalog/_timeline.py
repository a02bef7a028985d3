"""The bundled real timeline: events since publication, each dated, sourced and attributed.

Built from the project's timeline register. Events the register marks MEMORY are left out. Times
are Israel/Gaza local; a source giving only the day makes a DAY-precision event placed at the
start of that day. Where sources give running tallies (remains returned, bodies handed back), the
tally is recorded as reported rather than guessed increments. Contested figures are held as
Contested claims. Allegations are recorded as claims and change no fact.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from ..events import (
    Approved,
    BodyEstablished,
    CeasefireChanged,
    Change,
    Confidence,
    CrossingChanged,
    Event,
    FactsReported,
    GazanRemainsReturned,
    HostagesReleased,
    Precision,
    PrisonersReleased,
    Redeployed,
    RemainsReturned,
    ResolutionAdopted,
    Responded,
    ViolationAlleged,
)
from ..facts import Crossing
from ..parties import Response
from ..sources import Claim, Contested, Source
from ..timelines import Timeline
from ._sources import R14
from ._timeline_sources import TL

LOCAL = ZoneInfo("Asia/Jerusalem")
CONFLICT = Confidence.CONFLICT
NATIONALITIES = (
    "The sources do not give every returned hostage's nationality: the Israeli count is unknown."
)


def _src(*tags: str) -> tuple[Source, ...]:
    return tuple(TL[t] for t in tags)


def _ev(
    id: str,
    day: str,
    change: Change,
    summary: str,
    sources: tuple[Source, ...],
    reported_by: str,
    *,
    time: str | None = None,
    confidence: Confidence = Confidence.CONFIRMED,
    note: str = "",
) -> Event:
    clock = dt.time.fromisoformat(time) if time else dt.time(0)
    at = dt.datetime.combine(dt.date.fromisoformat(day), clock, tzinfo=LOCAL)
    return Event(
        id,
        at,
        change,
        summary,
        sources,
        reported_by,
        Precision.INSTANT if time else Precision.DAY,
        confidence,
        note,
    )


SHARE_AT_FIRST_LINE = Contested(
    (
        Claim(53.0, "an Israeli PMO spokesperson (BBC)", _src("TL-2025-10-10-6")),
        Claim(58.0, "Al Jazeera's Sanad unit, measuring the 4 Oct map", (R14,)),
    )
)
SHARE_DECEMBER = Contested(
    (
        Claim(
            53.0,
            "Al Majalla citing the Guardian (lower end of a 53-58% range)",
            _src("TL-2025-12-07-1"),
        ),
        Claim(58.0, "Ta Nea and Gazan withdrawal maps", _src("TL-2025-12-07-2")),
    )
)
AID_RATE = Contested(
    (
        Claim(
            459.0,
            "AP's analysis of COGAT data (average, 12 Oct-7 Dec)",
            _src("TL-2025-12-10-1", "TL-2025-12-10-2"),
        ),
        Claim(
            113.0,
            "the UN 2720 dashboard (UN and partners' trucks offloaded)",
            _src("TL-2025-12-10-1"),
        ),
        Claim(
            600.0,
            "COGAT, which said entries exceed 600 a day",
            _src("TL-2025-12-10-1"),
            note="at least",
        ),
    )
)

EVENTS = (
    _ev(
        "2025-10-03-hamas-response",
        "2025-10-03",
        Responded("hamas", Response.ACCEPTED_IN_PART),
        "Hamas said it would free all hostages, living and dead, under the plan's exchange formula if "
        "field conditions allowed, and hand Gaza's administration to independent technocrats; it asked "
        "to negotiate the details and did not address disarmament.",
        _src("TL-2025-10-03-1", "TL-2025-10-03-2", "TL-2025-10-03-3"),
        "Hamas statement (NPR/KLCC)",
    ),
    _ev(
        "2025-10-09-phase-one-signed",
        "2025-10-09",
        Responded("hamas", Response.ACCEPTED),
        "The final text of phase one was signed in Egypt that morning by all parties.",
        _src("TL-2025-10-09-1", "TL-2025-10-09-2"),
        "Israeli government spokeswoman (AFP)",
        note="Recorded as Hamas's acceptance of the agreement point 3 makes the trigger; disarmament "
        "was not part of phase one.",
    ),
    _ev(
        "2025-10-10-government-approval",
        "2025-10-10",
        Approved("israel"),
        "Israel's government approved the framework for releasing all hostages after a security-cabinet "
        "meeting.",
        _src("TL-2025-10-10-1", "TL-2025-10-10-2", "TL-2025-10-10-3", "TL-2025-10-10-4"),
        "Israeli PMO; time per The Independent and NW Telegraph",
        time="01:30",
        note="About 01:30 local.",
    ),
    _ev(
        "2025-10-10-ceasefire",
        "2025-10-10",
        CeasefireChanged(True),
        "The IDF said the ceasefire took effect at noon local time.",
        _src("TL-2025-10-10-5", "TL-2025-10-10-7"),
        "IDF (AP)",
        time="12:00",
    ),
    _ev(
        "2025-10-10-first-line",
        "2025-10-10",
        Redeployed("yellow"),
        "Troops completed the pull-back to the agreed first line; the US side said the pull-back was "
        "complete.",
        _src("TL-2025-10-10-5", "TL-2025-10-10-6", "TL-2025-10-10-7"),
        "IDF (AP); Pentagon (AFP)",
        time="12:00",
    ),
    _ev(
        "2025-10-10-share-held",
        "2025-10-10",
        FactsReported({"israeli_control_pct": SHARE_AT_FIRST_LINE}),
        "Share of Gaza left under Israeli control at the first line, as claimed.",
        (*_src("TL-2025-10-10-6"), R14),
        "see each claim",
        time="12:00",
        confidence=CONFLICT,
    ),
    _ev(
        "2025-10-13-living-hostages",
        "2025-10-13",
        HostagesReleased(20),
        "All 20 living hostages were handed to the ICRC in two groups, seven early in the morning and "
        "thirteen a few hours later, without public ceremonies.",
        _src("TL-2025-10-13-1", "TL-2025-10-13-2", "TL-2025-10-13-3"),
        "IDF; Israeli authorities; Hamas",
    ),
    _ev(
        "2025-10-13-prisoners",
        "2025-10-13",
        PrisonersReleased(250, 1718),
        "Israel released 1,968 Palestinians: 250 serving life or long sentences and 1,718 Gazans detained "
        "after 7 October 2023.",
        _src(*(f"TL-2025-10-13-{i}" for i in range(4, 9))),
        "Israel Prison Service (total); MoJ lists and Prisoners' Media Office (split)",
        confidence=CONFLICT,
        note="Sub-counts differ between sources (West Bank arrivals 88 or 96). Whether all detained "
        "women and children were among them is not stated.",
    ),
    _ev(
        "2025-10-13-remains",
        "2025-10-13",
        RemainsReturned(4),
        "Hamas handed the ICRC the remains of four deceased hostages.",
        _src("TL-2025-10-13-4", "TL-2025-10-13-9", "TL-2025-10-13-10"),
        "IDF; names per the Qassam Brigades",
        note=NATIONALITIES,
    ),
    _ev(
        "2025-10-13-remains-dispute",
        "2025-10-13",
        ViolationAlleged("israel", "hamas", "returning only four bodies fails the commitments"),
        "Israel's defence minister said returning only four bodies was a failure to meet commitments.",
        _src("TL-2025-10-13-10"),
        "Israel's defence minister (TASS)",
    ),
    _ev(
        "2025-10-13-guarantors",
        "2025-10-13",
        FactsReported({"guarantee_given": True}),
        "The leaders of the US, Egypt, Qatar and Turkey signed a declaration at Sharm el-Sheikh as "
        "guarantors; neither Israel nor Hamas signed.",
        _src("TL-2025-10-13-11", "TL-2025-10-13-12", "TL-2025-10-13-13"),
        "White House release; Reuters",
        note="Recorded as point 14's guarantee; the declaration's text is not in the sources used.",
    ),
    _ev(
        "2025-10-14-remains",
        "2025-10-14",
        RemainsReturned(3),
        "Of four bodies handed over overnight, three were identified as hostages; the IDF said the fourth "
        "matched none.",
        _src("TL-2025-10-14-3", "TL-2025-10-14-4"),
        "IDF; forensic institute",
        note=NATIONALITIES,
    ),
    _ev(
        "2025-10-14-gazan-remains",
        "2025-10-14",
        GazanRemainsReturned(45),
        "Israel handed 45 unidentified Palestinian bodies to the ICRC.",
        _src("TL-2025-10-14-3", "TL-2025-10-14-4"),
        "AP",
    ),
    _ev(
        "2025-10-15-remains",
        "2025-10-15",
        RemainsReturned(2),
        "Two more bodies were handed over; the Qassam Brigades said they had returned all the remains they "
        "could reach.",
        _src("TL-2025-10-15-1", "TL-2025-10-15-2"),
        "Qassam Brigades (AFP)",
        note=NATIONALITIES,
    ),
    _ev(
        "2025-10-15-gazan-remains",
        "2025-10-15",
        GazanRemainsReturned(30),
        "The ICRC moved 30 Palestinian bodies into Gaza.",
        _src("TL-2025-10-15-2"),
        "an ICRC official, as relayed by Caliber.az",
        note="A lower-reliability relay.",
    ),
    _ev(
        "2025-10-17-remains",
        "2025-10-17",
        RemainsReturned(1),
        "Another coffin reached Israel through the ICRC; Hamas said Israel was blocking the machinery "
        "needed to search the rubble.",
        _src("TL-2025-10-17-1"),
        "IDF / PMO; ICRC (BBC text)",
        note="Counted as the tenth: the tally of 19 Oct (12 identified) bears it out. "
        + NATIONALITIES,
    ),
    _ev(
        "2025-10-18-remains",
        "2025-10-18",
        RemainsReturned(2),
        "Two bodies handed over were identified, one of them a Thai worker.",
        _src("TL-2025-10-19-1", "TL-2025-10-19-2"),
        "Israeli PMO / IDF",
        note=NATIONALITIES,
    ),
    _ev(
        "2025-10-19-gazan-remains-tally",
        "2025-10-19",
        FactsReported({"gazan_remains_returned": 150}),
        "Gaza's health ministry said Israel had returned 150 Palestinian bodies.",
        _src("TL-2025-10-19-1", "TL-2025-10-19-2"),
        "Gaza Health Ministry",
    ),
    _ev(
        "2025-10-19-rafah-shut",
        "2025-10-19",
        CrossingChanged(Crossing.CLOSED),
        "Israel said the Rafah crossing stays shut until further notice, tied to the return of all "
        "deceased hostages.",
        _src("TL-2025-10-19-1", "TL-2025-10-19-2"),
        "Israeli PMO",
    ),
    _ev(
        "2025-10-19-rafah-clash",
        "2025-10-19",
        ViolationAlleged(
            "israel", "hamas", "militants fired on troops in Rafah, killing two soldiers"
        ),
        "Israel said militants attacked troops in Rafah and struck dozens of targets; Hamas denied "
        "involvement. Palestinian death tolls differ between reports.",
        _src("TL-2025-10-19-3", "TL-2025-10-19-4", "TL-2025-10-19-5", "TL-2025-10-04-3"),
        "IDF (AP)",
        confidence=CONFLICT,
    ),
    _ev(
        "2025-10-20-remains",
        "2025-10-20",
        RemainsReturned(1),
        "The thirteenth body was received.",
        _src("TL-2025-10-20-1", "TL-2025-10-20-2"),
        "Israeli sources (Reuters, INN)",
        note=NATIONALITIES,
    ),
    _ev(
        "2025-10-21-remains-tally",
        "2025-10-21",
        FactsReported({"hostages_deceased_returned": 15}),
        "By then 15 of the 28 bodies had been handed over.",
        _src("TL-2025-10-21-1", "TL-2025-10-21-2", "TL-2025-10-21-3"),
        "reporting on the CMCC's opening",
    ),
    _ev(
        "2025-10-28-rafah-clash",
        "2025-10-28",
        ViolationAlleged(
            "israel",
            "hamas",
            "a reservist was killed and partial remains of a recovered hostage were handed over",
        ),
        "Israel said a reservist was killed in Rafah and accused Hamas of handing over partial remains of "
        "a hostage already recovered; Hamas denied involvement.",
        _src("TL-2025-10-28-1", "TL-2025-10-28-2", "TL-2025-10-28-3"),
        "IDF",
    ),
    _ev(
        "2025-11-03-remains-tally",
        "2025-11-03",
        FactsReported({"hostages_deceased_returned": 20}),
        "Israeli sources said eight hostages' bodies remained in Gaza.",
        _src("TL-2025-11-03-1"),
        "Israeli sources (dpa)",
    ),
    _ev(
        "2025-11-07-tallies",
        "2025-11-07",
        FactsReported({"hostages_deceased_returned": 22, "gazan_remains_returned": 285}),
        "Before that day's handover, 22 of 28 deceased hostages had been returned and Israel had handed "
        "back 285 Palestinian bodies.",
        _src("TL-2025-11-07-1"),
        "BBC tallies",
    ),
    _ev(
        "2025-11-09-remains-tally",
        "2025-11-09",
        FactsReported({"hostages_deceased_returned": 24}),
        "The remains of Hadar Goldin, held since 2014, were returned: the 24th deceased hostage.",
        _src("TL-2025-11-09-1", "TL-2025-11-09-2", "TL-2025-11-09-3", "TL-2025-11-09-4"),
        "Israeli PMO / IDF; count per AFP and WION",
        note="IFP News counted 26, apparently differently.",
    ),
    _ev(
        "2025-11-10-gazan-remains-tally",
        "2025-11-10",
        FactsReported({"gazan_remains_returned": 315}),
        "Palestinian bodies returned reached 315.",
        _src("TL-2025-11-09-3", "TL-2025-11-09-4"),
        "Gaza Health Ministry",
    ),
    _ev(
        "2025-11-17-resolution-2803",
        "2025-11-17",
        ResolutionAdopted("un", "2803"),
        "The UN Security Council adopted resolution 2803 (13 in favour, none against, Russia and China "
        "abstaining), endorsing the plan, welcoming the Board of Peace as a transitional administration "
        "and authorising a temporary ISF. Hamas rejected it; the PA welcomed it.",
        _src("TL-2025-11-17-1", "TL-2025-11-17-2"),
        "UN vote record (Xinhua)",
    ),
    _ev(
        "2025-11-26-tallies",
        "2025-11-26",
        FactsReported({"hostages_deceased_returned": 26, "gazan_remains_returned": 345}),
        "Israel returned 15 more Palestinian bodies; 26 deceased hostages had been returned and two "
        "remained.",
        _src("TL-2025-11-26-1", "TL-2025-11-26-2"),
        "Gaza Health Ministry (AFP, AP)",
    ),
    _ev(
        "2025-12-03-remains-tally",
        "2025-12-03",
        FactsReported({"hostages_deceased_returned": 27}),
        "Remains returned through the ICRC were identified as a Thai worker; one hostage remained.",
        _src("TL-2025-12-03-1", "TL-2025-12-03-2"),
        "Israeli PMO; Thai foreign ministry (AP)",
    ),
    _ev(
        "2025-12-07-share-held",
        "2025-12-07",
        FactsReported({"israeli_control_pct": SHARE_DECEMBER}),
        "The IDF chief called the yellow line a new border line; estimates of the area on the Israeli "
        "side still differ.",
        _src("TL-2025-12-07-1", "TL-2025-12-07-2"),
        "see each claim",
        confidence=CONFLICT,
    ),
    _ev(
        "2025-12-10-aid-rate",
        "2025-12-10",
        FactsReported({"aid_trucks_per_day": AID_RATE}),
        "Aid volumes since the ceasefire, as the sources count them.",
        _src("TL-2025-12-10-1", "TL-2025-12-10-2"),
        "see each claim",
        confidence=CONFLICT,
    ),
    _ev(
        "2026-01-14-committee",
        "2026-01-14",
        BodyEstablished("technocratic-committee"),
        "The US envoy announced the launch of phase two and the National Committee for the Administration "
        "of Gaza (15 members); Hamas, PIJ and the PA backed it.",
        _src("TL-2026-01-14-1", "TL-2026-01-14-2", "TL-2026-01-14-3"),
        "US envoy; joint mediators' statement",
    ),
    _ev(
        "2026-01-14-phase-two",
        "2026-01-14",
        FactsReported({"phase_two_launched": True}),
        "The US envoy announced the launch of phase two (demilitarisation, technocratic governance, "
        "reconstruction) while one deceased hostage was still held; 27 of 28 had been returned.",
        _src("TL-2026-01-14-1", "TL-2026-01-14-2"),
        "US envoy (post on X)",
    ),
    _ev(
        "2026-01-22-board-of-peace",
        "2026-01-22",
        BodyEstablished("board-of-peace"),
        "The Board of Peace charter was signed at Davos and declared in force as an international "
        "organisation.",
        _src("TL-2026-01-22-1", "TL-2026-01-22-2", "TL-2026-01-22-3"),
        "White House",
        confidence=CONFLICT,
        note="The number of signatory states is reported differently (about 19 vs 25).",
    ),
    _ev(
        "2026-01-26-last-remains",
        "2026-01-26",
        FactsReported({"hostages_deceased_returned": 28}),
        "The body of the last hostage held in Gaza was recovered and identified.",
        _src("TL-2026-01-26-1", "TL-2026-01-26-2", "TL-2026-01-26-3"),
        "IDF and PMO",
    ),
    _ev(
        "2026-01-29-exchange-completed",
        "2026-01-29",
        FactsReported({"gazan_remains_returned": 360, "israeli_hostage_remains_returned": 24}),
        "Israel returned the last 15 Palestinian bodies; the ICRC called the release and transfer "
        "operations complete, with 360 Palestinian bodies in all.",
        _src("TL-2026-01-29-1"),
        "ICRC",
        note="24 Israeli hostages' remains is the register's reading (360 bodies at 15 each; the four "
        "foreign hostages appear not to have triggered returns), an inference from the figures.",
    ),
    _ev(
        "2026-02-02-rafah-open",
        "2026-02-02",
        CrossingChanged(Crossing.BOTH_WAYS),
        "The Rafah crossing reopened both ways for a limited number of pedestrians, with EU border "
        "monitors.",
        _src("TL-2026-02-02-1", "TL-2026-02-02-2", "TL-2026-02-02-3"),
        "EEAS / EUBAM; Reuters",
        note="About 150 out and 50 in a day, per Israeli media.",
    ),
    _ev(
        "2026-05-19-board-report",
        "2026-05-19",
        ViolationAlleged(
            "board-of-peace",
            "hamas",
            "refusing verified decommissioning and keeping coercive control is the main obstacle",
        ),
        "A Board of Peace report to the Security Council named Hamas's refusal of verified decommissioning "
        "as the main obstacle; Hamas rejected it. The High Representative said Israel must also meet its "
        "obligations.",
        _src("TL-2026-05-19-1", "TL-2026-05-19-2"),
        "Board of Peace report (AP, AFP)",
    ),
)

TIMELINE = Timeline.of(EVENTS)
