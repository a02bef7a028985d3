"""Compliance over timelines: deadline edges, clocks that cannot be placed, statuses that last."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.time.compliance import NEWS_ORDER

from ..support.strategies import PLAN, T0, timelines

S = gp.ComplianceStatus
H = dt.timedelta(hours=1)
# A start in which nobody has answered yet, so the clocks start on the timeline.
FRESH = gp.State.initial(PLAN).updated({"response.israel": gp.Response.NO_RESPONSE})


def ev(i: int, change: gp.Change, at: dt.datetime) -> gp.Event:
    return gp.Event(f"e{i}", at, change)


def accepted_at(t: dt.datetime) -> list[gp.Event]:
    return [
        ev(1, gp.Responded("israel", gp.Response.ACCEPTED), t),
        ev(2, gp.Responded("hamas", gp.Response.ACCEPTED), t),
    ]


def hostages_back_at(t: dt.datetime) -> list[gp.Event]:
    return [ev(3, gp.HostagesReleased(20), t), ev(4, gp.RemainsReturned(28, israeli=24), t)]


def status(events: list[gp.Event], at: dt.datetime, start: gp.State = FRESH) -> gp.Compliance:
    return gp.compliance(PLAN, gp.Timeline(tuple(events)), at=at, start=start).get(
        "p4-return-hostages"
    )


def test_exactly_72_hours_is_on_time_and_one_second_more_is_late() -> None:
    on_time = status(accepted_at(T0) + hostages_back_at(T0 + 72 * H), T0 + 100 * H)
    assert on_time.status is S.FULFILLED_ON_TIME
    assert on_time.due == T0 + 72 * H
    late = status(
        accepted_at(T0) + hostages_back_at(T0 + 72 * H + dt.timedelta(seconds=1)), T0 + 100 * H
    )
    assert late.status is S.FULFILLED_LATE
    assert late.late_by == dt.timedelta(seconds=1)


def test_pending_then_overdue() -> None:
    events = accepted_at(T0)
    pending = status(events, T0 + 71 * H)
    assert pending.status is S.PENDING
    assert pending.time_left == H
    overdue = status(events, T0 + 73 * H)
    assert overdue.status is S.OVERDUE
    assert overdue.overdue_by == H
    assert "overdue by 1 hour" in overdue.reason


def test_partly_fulfilled_reports_quantities() -> None:
    events = [*accepted_at(T0), ev(3, gp.HostagesReleased(20), T0 + 10 * H)]
    item = status(events, T0 + 20 * H)
    assert item.status is S.PARTLY_FULFILLED
    assert [(q.delivered, q.owed) for q in item.quantities] == [(20, 20), (0, 28)]


def test_clock_from_first_time_the_condition_held() -> None:
    """Israel accepts, withdraws its acceptance, accepts again: the clock runs from the first."""
    events = [
        ev(1, gp.Responded("israel", gp.Response.ACCEPTED), T0),
        ev(2, gp.Responded("israel", gp.Response.NO_RESPONSE), T0 + H),
        ev(3, gp.Responded("israel", gp.Response.ACCEPTED), T0 + 2 * H),
        ev(4, gp.Responded("hamas", gp.Response.ACCEPTED), T0 + 3 * H),
    ]
    item = status(events, T0 + 10 * H)
    assert item.clock_from == T0
    assert item.due == T0 + 72 * H


def test_a_clock_that_cannot_be_placed_gives_unknown_not_overdue() -> None:
    unknown_start = FRESH.updated({"response.israel": gp.UNKNOWN})
    item = status(accepted_at(T0), T0 + 200 * H, start=unknown_start)
    assert item.status is S.UNKNOWN
    assert item.overdue_by is None


def test_the_published_clock_runs_from_israels_acceptance() -> None:
    """At publication Israel had accepted: under the text, the 72 hours ran from then."""
    tl = gp.Timeline((ev(2, gp.Responded("hamas", gp.Response.ACCEPTED), T0 + 200 * H),))
    item = gp.compliance(PLAN, tl, at=T0 + 201 * H).get("p4-return-hostages")
    assert item.status is S.OVERDUE
    assert item.clock_from is not None
    assert item.clock_from.date() == PLAN.date


def test_overdue_come_first() -> None:
    report = gp.compliance(PLAN, gp.Timeline(tuple(accepted_at(T0))), at=T0 + 100 * H, start=FRESH)
    order = NEWS_ORDER
    ranks = [order.index(i.status) for i in report.items]
    assert ranks == sorted(ranks)
    assert report.items[0].status is S.OVERDUE
    assert "OVERDUE" in report.explain()


@given(timelines(min_size=1), st.integers(0, 60 * 24 * 60))
def test_fulfilled_on_time_stays_so(tl: gp.Timeline, minutes: int) -> None:
    last = tl.last
    assert last is not None
    first = gp.compliance(PLAN, tl, at=last)
    later = gp.compliance(PLAN, tl, at=last + dt.timedelta(minutes=minutes))
    for item in first.items:
        if item.status in (S.FULFILLED_ON_TIME, S.FULFILLED_LATE, S.FULFILLED):
            assert later.get(item.obligation.id).status is item.status


@given(timelines(min_size=1, max_size=20))
def test_skipping_unchanged_states_finds_the_same_onsets(tl: gp.Timeline) -> None:
    """Compliance evaluates a condition only where a fact it reads changed; a full scan agrees."""
    from gazaplan.core._compile import compiled
    from gazaplan.time.compliance import _onset

    h = gp.history(PLAN, tl)
    states = (h.start, *h.states)
    for _, cond in PLAN.conditions():
        fn = compiled(cond, PLAN)
        fast = _onset(fn, h, cond, len(h.states))
        verdicts = [fn(s) for s in states]
        first = next((i for i, v in enumerate(verdicts) if v is gp.Verdict.MET), None)
        assert fast.index == first
        if first is not None:
            assert fast.placeable == (first == 0 or verdicts[first - 1] is not gp.Verdict.UNKNOWN)


def test_a_day_only_fulfilment_on_the_deadline_day_is_unknown() -> None:
    """Sources giving only the day cannot show on time or late when the deadline falls that day."""
    due_day = (T0 + 72 * H).replace(hour=0, minute=0)
    day_only = [
        gp.Event("e3", due_day, gp.HostagesReleased(20), precision=gp.Precision.DAY),
        gp.Event("e4", due_day, gp.RemainsReturned(28, israeli=24), precision=gp.Precision.DAY),
    ]
    item = status(accepted_at(T0) + day_only, T0 + 200 * H)
    assert item.status is S.UNKNOWN
    assert "only the day" in item.reason
    # The day before the deadline's day is on time whatever the hour.
    earlier = [attrs.evolve(e, at=due_day - 24 * H) for e in day_only]
    assert status(accepted_at(T0) + earlier, T0 + 200 * H).status is S.FULFILLED_ON_TIME


def test_a_day_only_clock_start_widens_the_deadline() -> None:
    start = [attrs.evolve(e, precision=gp.Precision.DAY) for e in accepted_at(T0)]
    assert status(start, T0 + 73 * H).status is S.UNKNOWN  # may still be within its 72 hours
    assert status(start, T0 + 97 * H).status is S.OVERDUE


@given(timelines(max_size=12), st.sampled_from(gp.versions()))
def test_scanning_only_where_read_facts_change_agrees_with_scanning_every_state(
    timeline: gp.Timeline, version: str
) -> None:
    # compliance() evaluates a condition only at the states where an event changed a fact it
    # reads; evaluating it at every state must give the same report.
    from gazaplan.time import compliance as _compliance

    plan = gp.plan(version)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_compliance, "_candidates", lambda _h, _c, n: list(range(n + 1)))
        every = gp.compliance(plan, timeline)
    assert gp.compliance(plan, timeline) == every


def test_a_fact_set_to_the_value_it_had_is_no_change() -> None:
    t0 = dt.datetime(2025, 10, 10, tzinfo=dt.UTC)
    timeline = gp.Timeline(
        [
            gp.Event("a", t0, gp.GazanRemainsReturned(15)),
            gp.Event("b", t0 + dt.timedelta(hours=1), gp.GazanRemainsReturned(0)),
            gp.Event("c", t0 + dt.timedelta(hours=2), gp.CeasefireChanged(True)),
            gp.Event("d", t0 + dt.timedelta(hours=3), gp.CeasefireChanged(True)),
        ]
    )
    h = gp.history(PLAN, timeline)
    assert h.changes["gazan_remains_returned"] == (1,)
    assert h.changes["ceasefire_in_force"] == (3,)
