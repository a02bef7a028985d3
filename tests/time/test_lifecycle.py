"""Obligations over time: kinds, periods, breaches and discharges, and the laws periods obey."""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import pickle
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.core.amendments import AddObligation
from gazaplan.time import compliance as compliance_module

from ..support.strategies import PLAN, T0, timelines

S = gp.ComplianceStatus
K = gp.ObligationKind
H = dt.timedelta(hours=1)
DAY = dt.timedelta(days=1)
OPEN = gp.Equals("ceasefire_in_force", True, point=3, label="ceasefire in force")
TRUE = gp.Equals("response.israel", gp.Response.ACCEPTED, point=3, label="Israel accepts")


def duty(kind: K = K.MAINTENANCE, **kw: Any) -> gp.Plan:
    """The published plan with one more obligation: keep the ceasefire, owed once Israel accepts."""
    ob = gp.Obligation(
        "keep-ceasefire",
        "Keep the ceasefire",
        3,
        (),
        trigger=TRUE,
        completion=OPEN,
        kind=kind,
        **kw,
    )
    return gp.amend(PLAN, AddObligation("phase-1", ob))


def judged(plan: gp.Plan, flips: list[tuple[dt.timedelta, bool]], at: dt.datetime) -> gp.Compliance:
    events = [gp.Event(f"e{i}", T0 + d, gp.CeasefireChanged(v)) for i, (d, v) in enumerate(flips)]
    return gp.compliance(plan, gp.Timeline(tuple(events)), at=at).get("keep-ceasefire")


def test_a_duty_that_stops_holding_is_breached_and_counts_how_long_it_held() -> None:
    item = judged(duty(), [(DAY, True), (11 * DAY, False)], T0 + 20 * DAY)
    assert item.status is S.BREACHED
    assert item.held == 10 * DAY
    assert [p.status for p in item.periods][-2:] == [S.FULFILLED, S.BREACHED]
    assert [p.start for p in item.periods][-2:] == [T0 + DAY, T0 + 11 * DAY]
    assert item.periods[-2].end == T0 + 11 * DAY
    assert item.periods[-1].end is None
    assert "breached since" in item.reason
    assert "held 10 days of" in item.reason


def test_an_achievement_with_the_same_facts_stays_fulfilled_unless_undone() -> None:
    plan = duty(K.ACHIEVEMENT)
    assert judged(plan, [(DAY, True)], T0 + 20 * DAY).status is S.FULFILLED
    undone = judged(plan, [(DAY, True), (11 * DAY, False)], T0 + 20 * DAY)
    assert undone.status is S.BREACHED  # undone: the ceasefire no longer holds
    assert "undone since" in undone.reason


def test_a_duty_holding_again_is_fulfilled_again() -> None:
    item = judged(duty(), [(DAY, True), (2 * DAY, False), (3 * DAY, True)], T0 + 5 * DAY)
    assert item.status is S.FULFILLED
    assert [p.status for p in item.periods][-3:] == [S.FULFILLED, S.BREACHED, S.FULFILLED]
    assert item.held == 3 * DAY


def test_a_duty_never_held_is_pending_not_breached() -> None:
    assert judged(duty(), [(DAY, False)], T0 + 5 * DAY).status is S.PENDING


def test_a_period_in_hours_discharges_the_duty() -> None:
    plan = duty(period=gp.Period(48))
    during = judged(plan, [(H, True)], T0 + H)
    assert during.status is S.FULFILLED
    after = judged(plan, [(H, True), (10 * DAY, False)], T0 + 20 * DAY)
    assert after.status is S.DISCHARGED  # the later collapse falls outside the period
    assert after.owed_for == 48 * H


def test_a_condition_discharges_the_duty() -> None:
    until = gp.Equals("gaza_annexed", False, point=16, label="settled")
    plan = duty(period=gp.Period(until=until))
    events = gp.Timeline(
        (
            gp.Event("a", T0 + H, gp.CeasefireChanged(True)),
            gp.Event("b", T0 + DAY, gp.FactsReported({"gaza_annexed": False})),
            gp.Event("c", T0 + 2 * DAY, gp.CeasefireChanged(False)),
        )
    )
    item = gp.compliance(plan, events, at=T0 + 3 * DAY).get("keep-ceasefire")
    assert item.status is S.DISCHARGED
    assert "settled" in item.reason


def test_a_punctual_duty_is_judged_at_its_instant() -> None:
    plan = duty(K.PUNCTUAL, deadline=gp.Deadline(48))
    assert judged(plan, [], T0 + H).status is S.PENDING
    held = judged(plan, [(H, True), (3 * DAY, False)], T0 + 5 * DAY)
    assert held.status is S.FULFILLED_ON_TIME  # held at 48 hours; what came after is not owed
    missed = judged(plan, [(3 * DAY, True)], T0 + 5 * DAY)
    assert missed.status is S.BREACHED


@pytest.mark.parametrize(
    ("kw", "words"),
    [
        ({"kind": "maintenance"}, "ObligationKind"),
        ({"kind": K.ACHIEVEMENT, "period": gp.Period(10)}, "only a maintenance duty"),
        ({"kind": K.PUNCTUAL}, "a punctual obligation is judged at one instant"),
        ({"kind": K.MAINTENANCE, "period": 10}, "expected a Period"),
    ],
)
def test_bad_kinds_and_periods_are_refused_with_the_place_and_the_fix(
    kw: dict[str, object], words: str
) -> None:
    with pytest.raises(gp.InvalidValueError, match=words):
        gp.Obligation("x", "y", 3, (), trigger=TRUE, completion=OPEN, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("hours", [0, -5, 10**9])
def test_a_maintenance_period_that_ends_before_it_starts_is_refused(hours: int) -> None:
    with pytest.raises(gp.InvalidValueError, match="ends before it starts"):
        gp.Period(hours)


def test_a_status_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(gp.InvalidValueError, match="ends before it starts"):
        gp.StatusPeriod(S.PENDING, T0, T0 - H, "x", ())


def test_every_bundled_obligation_has_a_kind_read_from_its_point() -> None:
    for o in gp.plan().obligations():
        assert o.kind_basis is not None, o.id
        assert o.kind_basis.value.startswith(f"Point {o.provision}:"), o.id
        assert [s.point for s in o.kind_basis.sources] == [o.provision], o.id


@settings(max_examples=40, deadline=None)
@given(timelines(max_size=8))
def test_periods_tile_the_time_and_each_reads_as_its_start_is_judged(tl: gp.Timeline) -> None:
    plan = duty()
    at = (tl.last or T0) + DAY
    report = gp.compliance(plan, tl, at=at)
    for item in report.items:
        ps = item.periods
        assert ps, item.obligation.id
        assert ps[0].start == plan.origin
        assert ps[-1].status is item.status
        assert ps[-1].end is None
        for a, b in itertools.pairwise(ps):
            assert a.end == b.start
            assert a.status is not b.status
        for p in ps[1:]:
            again = gp.compliance(plan, tl, at=p.start).get(item.obligation.id)
            assert again.status is p.status, (item.obligation.id, p)
            assert again.reason == p.reason, (item.obligation.id, p)


_DUTIES = [
    duty(),
    duty(period=gp.Period(48)),
    duty(K.PUNCTUAL, deadline=gp.Deadline(24)),
    duty(K.ACHIEVEMENT, deadline=gp.Deadline(24)),
    duty(K.MAINTENANCE, deadline=gp.Deadline(6), period=gp.Period(72)),
]


@settings(max_examples=60, deadline=None)
@given(timelines(max_size=10), st.sampled_from(_DUTIES), st.integers(0, 30))
def test_periods_judged_only_where_their_reads_change_equal_those_judged_everywhere(
    tl: gp.Timeline, plan: gp.Plan, hours: int
) -> None:
    # The periods judge only the instants where what a status reads may change; judging every
    # instant instead must give the very same periods, for every kind of duty.
    at = (tl.last or T0) + hours * H
    fast = gp.compliance(plan, tl, at=at)
    every = compliance_module._every_instant
    with mock.patch.object(compliance_module, "_change_points", every):
        slow = gp.compliance(plan, gp.Timeline._trusted(tl.events), at=at)
    assert [i.periods for i in fast.items] == [i.periods for i in slow.items]
    assert repr(fast) == repr(slow)  # each instant given alike (its time zone too)
    assert fast == slow


def test_events_at_one_instant_in_two_zones_give_the_instant_of_every_instant() -> None:
    # Two events at one instant, given in different time zones: a period that begins there
    # gives it as judging every instant does (the first event's), whichever event is judged.
    plus2 = dt.timezone(dt.timedelta(hours=2))
    events = [
        gp.Event("e0", T0 + DAY, gp.Responded("israel", gp.Response.ACCEPTED)),
        gp.Event("e1", T0 + 2 * DAY, gp.CeasefireChanged(True)),
        gp.Event("e2", (T0 + 2 * DAY).astimezone(plus2), gp.CeasefireChanged(False)),
        gp.Event("e3", T0 + 3 * DAY, gp.CeasefireChanged(True)),
    ]
    tl = gp.Timeline(tuple(events))
    for plan in _DUTIES:
        fast = gp.compliance(plan, tl, at=T0 + 5 * DAY)
        with mock.patch.object(
            compliance_module, "_change_points", compliance_module._every_instant
        ):
            slow = gp.compliance(plan, gp.Timeline._trusted(tl.events), at=T0 + 5 * DAY)
        assert repr(fast) == repr(slow)


def test_a_period_worded_on_first_read_compares_pickles_and_copies_as_one_worded_at_once() -> None:
    events = [
        gp.Event("e0", T0 + DAY, gp.Responded("israel", gp.Response.ACCEPTED)),
        gp.Event("e1", T0 + 2 * DAY, gp.CeasefireChanged(True)),
        gp.Event("e2", T0 + 3 * DAY, gp.CeasefireChanged(False)),
    ]
    tl = gp.Timeline(tuple(events))
    item = gp.compliance(duty(), tl, at=T0 + 9 * DAY).get("keep-ceasefire")
    found = item.periods[-2]  # a lifecycle's periods but the last are worded when first read
    made = gp.StatusPeriod(
        found.status, found.start, found.end, found.reason, found.events, found.version, found.cause
    )
    assert "held" in made.reason
    again = gp.compliance(duty(), tl, at=T0 + 9 * DAY).get("keep-ceasefire").periods[-2]
    assert pickle.loads(pickle.dumps(again)) == made
    assert copy.deepcopy(again) == made == again
    assert hash(again) == hash(made)
    assert attrs.evolve(again, cause="x").reason == made.reason
    assert str(again) == str(made)
    with pytest.raises(AttributeError):
        again.nothing  # type: ignore[attr-defined]  # noqa: B018
