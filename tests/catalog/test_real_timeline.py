"""The bundled timeline replays and gives the statuses its sources support.

Each expectation names the source it rests on (tags from the timeline register, TL-*, and the
source register, R*), so a reader can check it.
"""

from __future__ import annotations

import datetime as dt

import pytest

import gazaplan as gp

TL = gp.timeline()
PUBLISHED, EGYPT = gp.plan("2025-09-29"), gp.plan("2025-10-09")
S = gp.ComplianceStatus
IDT = dt.timezone(dt.timedelta(hours=3))


def status(plan: gp.Plan, obligation: str, at: dt.datetime | None = None) -> gp.Compliance:
    return gp.compliance(plan, TL, at=at).get(obligation)


def test_every_event_is_sourced_attributed_and_ordered() -> None:
    assert len(TL) >= 30
    for e in TL:
        assert e.sources, e.id
        assert e.reported_by, e.id
        assert e.summary, e.id
    assert [e.at for e in TL] == sorted(e.at for e in TL)
    # a tag names one source everywhere: in the dataset and in the plan's register alike
    by_tag: dict[str, gp.Source] = {s.tag: s for s in EGYPT.sources}
    for entry in gp.dataset().entries:
        for s in entry.event.sources if entry.event is not None else ():
            assert by_tag.setdefault(s.tag, s) == s, s.tag


def test_it_replays_under_every_version() -> None:
    for v in gp.versions():
        assert (
            gp.replay(gp.plan(v), TL).hostages_held == 0
        )  # last remains recovered 26 Jan 2026 [TL-2026-01-26-*]


def test_phase_one_entry_met_once_the_text_was_signed() -> None:
    before = gp.replay(EGYPT, TL, at=dt.datetime(2025, 10, 8, 12, tzinfo=IDT))
    after = gp.replay(EGYPT, TL, at=dt.datetime(2025, 10, 10, 12, tzinfo=IDT))
    assert (
        gp.check_phase(EGYPT, "phase-1", before).verdict is gp.Verdict.UNMET
    )  # Hamas accepted in part [TL-2025-10-03-*]
    assert (
        gp.check_phase(EGYPT, "phase-1", after).verdict is gp.Verdict.MET
    )  # signed 9 Oct [TL-2025-10-09-1]


def test_pull_back_on_time_under_the_egypt_terms() -> None:
    """Approval about 01:30 on 10 Oct [TL-2025-10-10-3]; pull-back done at noon [TL-2025-10-10-5]."""
    item = status(EGYPT, "p3-withdraw-to-first-line")
    assert item.status is S.FULFILLED_ON_TIME
    assert item.due == dt.datetime(2025, 10, 11, 1, 30, tzinfo=IDT)


def test_hostage_window_ran_from_the_pull_back_and_was_missed_for_the_deceased() -> None:
    """72 h from noon 10 Oct, to noon 13 Oct [R7, R12]; the last remains came back on 26 Jan 2026."""
    item = status(EGYPT, "p4-return-hostages")
    assert item.due == dt.datetime(2025, 10, 13, 12, tzinfo=IDT)
    assert item.status is S.FULFILLED_LATE
    living_back = gp.replay(EGYPT, TL, at=dt.datetime(2025, 10, 13, 23, tzinfo=IDT))
    assert living_back.hostages_living_held == 0  # all 20 on 13 Oct [TL-2025-10-13-1..3]
    assert living_back.hostages_deceased_held == 24  # four bodies that day [TL-2025-10-13-4]


def test_under_the_published_text_the_clock_ran_from_israels_acceptance() -> None:
    """Point 4 counts 72 h from Israel's public acceptance (29 Sep) [WH 4]: due by 3 Oct at the latest."""
    item = status(PUBLISHED, "p4-return-hostages")
    assert item.status is S.FULFILLED_LATE
    assert item.due is not None
    assert item.due.date() == dt.date(2025, 10, 2)


def test_prisoner_release_cannot_be_judged_fulfilled() -> None:
    """1,968 freed (250 + 1,718) [TL-2025-10-13-4..8], but no source says all detained women and
    children were among them: UNKNOWN, not fulfilled and not breached."""
    item = status(EGYPT, "p5-release-prisoners")
    assert item.status is S.UNKNOWN
    assert [(q.delivered, q.owed) for q in item.quantities] == [(250, 250), (1718, 1700)]


def test_remains_exchange_complete_at_fifteen_per_israeli_hostage() -> None:
    """ICRC: 360 Palestinian bodies in all [TL-2026-01-29-1]; 24 Israeli hostages x 15 (register reading)."""
    item = status(EGYPT, "p5-return-remains")
    assert item.status is S.FULFILLED
    assert item.fulfilled_at is not None
    assert item.fulfilled_at.date() == dt.date(2026, 1, 29)
    mid = status(EGYPT, "p5-return-remains", dt.datetime(2025, 11, 8, tzinfo=IDT))
    assert mid.status is S.UNKNOWN  # nationalities of returned remains not all stated


def test_contested_figures_stay_contested() -> None:
    end = gp.replay(EGYPT, TL)
    assert isinstance(end.israeli_control_pct, gp.Contested)  # 53 vs 58 [TL-2025-12-07-*]
    assert isinstance(end.aid_trucks_per_day, gp.Contested)  # 459 / 113 / 600 [TL-2025-12-10-*]
    assert status(EGYPT, "p7-full-aid").status is S.UNKNOWN


@pytest.mark.parametrize(
    ("obligation", "day"),
    [
        ("p9-committee", dt.date(2026, 1, 14)),  # NCAG announced [TL-2026-01-14-*]
        ("p9-board-of-peace", dt.date(2026, 1, 22)),  # charter in force [TL-2026-01-22-*]
    ],
)
def test_bodies_and_crossing(obligation: str, day: dt.date) -> None:
    item = status(EGYPT, obligation)
    assert item.status is S.FULFILLED
    assert item.fulfilled_at is not None
    assert item.fulfilled_at.date() == day


@pytest.mark.parametrize("version", gp.versions()[1:])
def test_rafah_reads_as_fulfilled_and_then_breached(version: str) -> None:
    """Shut from 19 Oct 2025 [TL-2025-10-19-*]; reopened both ways, limited, on 2 Feb 2026
    [TL-2026-02-02-*]; closed again from 1 Mar; its status unknown from 7 Mar [TL-2026-03-*]."""
    june = dt.datetime(2026, 6, 1, tzinfo=IDT)
    item = status(gp.plan(version), "p8-open-rafah", june)
    assert item.kind is gp.ObligationKind.MAINTENANCE
    seen = [(p.status, p.start.date()) for p in item.periods]
    assert seen[-4:] == [
        (S.PENDING, dt.date(2025, 10, 19)),
        (S.FULFILLED, dt.date(2026, 2, 2)),
        (S.BREACHED, dt.date(2026, 3, 1)),
        (S.UNKNOWN, dt.date(2026, 3, 7)),
    ]
    assert item.status is S.UNKNOWN
    assert "last known breached" in item.reason
    assert item.held == dt.timedelta(days=27)  # 2 Feb to 1 Mar
    march = status(gp.plan(version), "p8-open-rafah", dt.datetime(2026, 3, 3, tzinfo=IDT))
    assert march.status is S.BREACHED
    assert "fulfilled 2 Feb 2026 (The Rafah crossing reopened" in march.lifecycle()
    assert "breached 1 Mar 2026" in march.lifecycle()


def test_no_isf_deployment_or_disarmament_in_the_sources() -> None:
    """None found up to the last source (21 May 2026); the Board's report names Hamas's refusal of
    verified decommissioning as the main obstacle [TL-2026-05-19-*]."""
    assert status(EGYPT, "p15-build-isf").status is S.PENDING
    assert status(EGYPT, "p13-decommission").status is S.PENDING
    pairs = {
        (e.change.by, e.change.against) for e in TL if isinstance(e.change, gp.ViolationAlleged)
    }
    assert pairs >= {("board-of-peace", "hamas"), ("israel", "hamas")}


def test_the_security_council_version_records_positions_not_new_terms() -> None:
    """Resolution 2803: 13-0, two abstentions; Hamas rejected it, the PA welcomed it [TL-2025-11-17-*]."""
    unsc = gp.plan("2025-11-17")
    kinds = {d.kind for d in gp.diff(EGYPT, unsc).differences}
    assert kinds == {"plan", "position"}
    assert [p.party for p in unsc.positions if p.as_of == dt.date(2025, 11, 17)] == [
        "un",
        "hamas",
        "pa",
    ]


def test_phase_two_entry_after_its_launch() -> None:
    """Phase two was launched on 14 Jan 2026 with one hostage's remains still held [TL-2026-01-14-1]."""
    latest = gp.plan("2026-01-14")
    end = gp.replay(latest, TL)
    assert gp.check_phase(latest, "phase-2", end).verdict is gp.Verdict.MET
    assert gp.check_phase(EGYPT, "phase-2", gp.replay(EGYPT, TL)).verdict is not gp.Verdict.MET
    before = gp.replay(latest, TL, at=dt.datetime(2026, 1, 13, tzinfo=IDT))
    report = gp.check_phase(latest, "phase-2", before)
    assert report.verdict is gp.Verdict.UNMET  # one hostage's remains still held [TL-2025-12-03-*]
    assert {b.evaluation.readings[0].fact for b in report.unmet} == {
        "hostages_held",
        "phase_two_launched",
    }


# -- the 2026.10 release: events to early October 2026 [the 2026 register, TL-2026-*] --
LATEST = gp.plan()
AS_OF = gp.dataset().release("2026.10").as_of


def test_rafah_closed_again_on_1_march_and_is_unknown_after() -> None:
    on = dt.datetime(2026, 3, 2, tzinfo=IDT)
    assert gp.replay(LATEST, TL, at=on).rafah_crossing is gp.Crossing.CLOSED  # [TL-2026-03-01-1]
    assert gp.replay(LATEST, TL, at=AS_OF).rafah_crossing is gp.UNKNOWN  # undated reopening
    assert gp.replay(LATEST, gp.timeline("2026.05")).rafah_crossing is gp.Crossing.BOTH_WAYS


def test_contested_values_stay_claims_and_unclear_ones_unknown() -> None:
    state = gp.replay(LATEST, TL, at=AS_OF)
    share = state.israeli_control_pct
    assert isinstance(share, gp.Contested)
    assert sorted(share.values()) == [60.0, 64.0]  # PM 28 May vs the maps [TL-2026-05-28-*]
    assert isinstance(state.isf_deployed, gp.Contested)  # Moroccan claim vs later sources
    assert state.hamas_governance_role is gp.UNKNOWN  # dissolution announced, effect unclear
    assert state.decommissioning is gp.Progress.NOT_STARTED  # agreed on paper, none reported


def test_the_new_release_keeps_the_old_one_and_says_how_far_it_reaches() -> None:
    ds = gp.dataset()
    old, new = ds.release("2026.05"), ds.release("2026.10")
    assert new.as_of.date() == dt.date(2026, 10, 9)
    assert any("election" in u for u in new.unknown)
    kept = {e.id for e in TL} | set(ds.marks())  # still published, or corrected / retracted
    assert {e.id for e in gp.timeline("2026.05")} <= kept
    assert all(e.at <= old.as_of for e in gp.timeline("2026.05"))
    revised = ds.entry("2026-03-01-crossings-closed").revises
    assert revised == ("2026-02-02-rafah-open",)  # a revision: both stay
    assert "2026-02-02-rafah-open" in {e.id for e in TL}
