"""Events, apply and replay: purity, order, impossible events, and lookups against the naive fold."""

from __future__ import annotations

import datetime as dt
import random

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp

from ..support.strategies import PLAN, T0, timelines

START = gp.State.initial(PLAN)


def ev(i: int, change: gp.Change, hours: float = 0) -> gp.Event:
    return gp.Event(f"e{i}", T0 + dt.timedelta(hours=hours), change)


def naive(timeline: gp.Timeline, at: dt.datetime) -> gp.State:
    state = START
    for e in timeline:
        if e.at <= at:
            state = gp.apply(state, e, plan=PLAN)
    return state


def test_apply_is_pure_and_does_what_each_kind_says() -> None:
    s1 = gp.apply(START, ev(1, gp.HostagesReleased(20)))
    assert START.hostages_living_held == 20  # untouched
    assert s1.hostages_living_held == 0
    s2 = gp.apply(s1, ev(2, gp.RemainsReturned(4, israeli=3)))
    assert (s2.hostages_deceased_held, s2.israeli_hostage_remains_returned) == (24, 3)
    s3 = gp.apply(s2, ev(3, gp.PrisonersReleased(250, 1718, women_and_children_all=True)))
    assert (s3.life_sentence_prisoners_released, s3.gaza_detainees_released) == (250, 1718)
    assert s3.detained_women_children_released is True
    s4 = gp.apply(s3, ev(4, gp.Redeployed("yellow")))
    assert s4.idf_line == "yellow"
    s5 = gp.apply(s4, ev(5, gp.ViolationAlleged("hamas", "israel", "strikes continued")))
    assert s5 == s4  # an allegation is a claim, not a change of facts
    s6 = gp.apply(s5, ev(6, gp.FactsReported({"hamas_governance_role": gp.GovernanceRole.NONE})))
    assert s6.hamas_governance_role is gp.GovernanceRole.NONE


def test_impossible_events_are_refused() -> None:
    with pytest.raises(gp.InvalidEventError) as info:
        gp.apply(START, ev(1, gp.HostagesReleased(21)))
    msg = str(info.value)
    assert "event 'e1'" in msg
    assert "hostages_living_returned" in msg
    assert info.value.event_id == "e1"
    with pytest.raises(gp.InvalidEventError, match="Did you mean 'yellow'"):
        gp.apply(START, ev(1, gp.Redeployed("yelow")), plan=PLAN)
    with pytest.raises(gp.InvalidEventError, match="Did you mean 'hamas'"):
        gp.apply(START, ev(1, gp.Responded("hamaz", gp.Response.ACCEPTED)), plan=PLAN)
    with pytest.raises(gp.InvalidValueError, match="more than the 2 returned"):
        gp.RemainsReturned(2, israeli=3)


def test_bad_event_input() -> None:
    with pytest.raises(gp.InvalidValueError, match="timezone-aware"):
        gp.Event("e1", dt.datetime(2025, 10, 10, 12), gp.CeasefireChanged(True))
    with pytest.raises(gp.InvalidValueError, match="not a kind of event"):
        gp.Event("e1", T0, "ceasefire")  # type: ignore[arg-type]
    with pytest.raises(gp.InvalidValueError, match="negative"):
        gp.HostagesReleased(-1)


def test_timeline_order_and_ids() -> None:
    a, b = ev(1, gp.CeasefireChanged(True), 5), ev(2, gp.CeasefireChanged(False), 1)
    with pytest.raises(gp.InvalidEventError, match="before the previous event"):
        gp.Timeline((a, b))
    assert [e.id for e in gp.Timeline.of([a, b])] == ["e2", "e1"]
    with pytest.raises(gp.InvalidEventError, match="own id"):
        gp.Timeline((b, ev(2, gp.CeasefireChanged(True), 3)))
    with pytest.raises(gp.InvalidEventError, match="before the previous"):
        gp.Timeline((a,)).append(b)


def test_replay_at_instants() -> None:
    tl = gp.Timeline(
        (ev(1, gp.Responded("hamas", gp.Response.ACCEPTED), 1), ev(2, gp.HostagesReleased(20), 5))
    )
    assert gp.replay(PLAN, tl, at=T0) == START
    assert (
        gp.replay(PLAN, tl, at=T0 + dt.timedelta(hours=1)).responses["hamas"]
        is gp.Response.ACCEPTED
    )
    assert gp.replay(PLAN, tl).hostages_living_held == 0
    # a naive datetime, a date and a string are read in the plan's local time (+3)
    local = dt.timezone(dt.timedelta(hours=PLAN.utc_offset_hours))
    naive = dt.datetime(2025, 10, 1)
    assert gp.replay(PLAN, tl, at=naive) == gp.replay(PLAN, tl, at=naive.replace(tzinfo=local))
    day_end = dt.datetime(2025, 10, 1, 23, 59, 59, tzinfo=local)
    assert gp.replay(PLAN, tl, at=dt.date(2025, 10, 1)) == gp.replay(PLAN, tl, at=day_end)
    assert gp.replay(PLAN, tl, at="2025-10-01") == gp.replay(PLAN, tl, at=day_end)
    with pytest.raises(gp.InvalidValueError, match="not a date or an instant"):
        gp.replay(PLAN, tl, at="1 October")


@given(timelines(), st.integers(-60, 60 * 24 * 40))
def test_state_at_t_equals_the_naive_fold(tl: gp.Timeline, minutes: int) -> None:
    at = T0 + dt.timedelta(minutes=minutes)
    assert gp.replay(PLAN, tl, at=at) == naive(tl, at)
    assert gp.replay(PLAN, tl, at=at) == gp.replay(PLAN, tl, at=at)  # deterministic


@given(timelines(min_size=1), st.integers(0, 60 * 24 * 40))
def test_appending_after_t_changes_nothing_at_t(tl: gp.Timeline, minutes: int) -> None:
    at = T0 + dt.timedelta(minutes=minutes)
    last = tl.last
    assert last is not None
    later = max(at, last) + dt.timedelta(seconds=1)
    extended = tl.append(gp.Event("late", later, gp.CeasefireChanged(False)))
    assert gp.replay(PLAN, extended, at=at) == gp.replay(PLAN, tl, at=at)


@given(timelines())
def test_held_plus_returned_is_constant(tl: gp.Timeline) -> None:
    for state in gp.history(PLAN, tl).states:
        assert state.hostages_living_held + state.hostages_living_returned == 20  # type: ignore[operator]
        assert state.hostages_deceased_held + state.hostages_deceased_returned == 28  # type: ignore[operator]


@given(timelines(max_size=12), st.integers(-2, 30))
def test_until_keeps_exactly_the_events_at_or_before(timeline: gp.Timeline, hours: int) -> None:
    at = T0 + dt.timedelta(hours=hours)
    assert timeline.until(at) == gp.Timeline(e for e in timeline if e.at <= at)
    for e in timeline:  # an event's own instant includes it (and any sharing it)
        assert e in timeline.until(e.at).events


def test_every_kind_of_change_has_one_effect_on_a_state() -> None:
    import typing

    from gazaplan.time import events, timelines

    assert typing.get_args(events.Change) == events.CHANGE_TYPES  # one list: the union
    assert events.KINDS.types()[: len(events.CHANGE_TYPES)] == events.CHANGE_TYPES
    state = gp.State.initial(PLAN)
    for kind in events.CHANGE_TYPES:  # each defines its own effect, not one inherited
        assert "sets" in vars(kind), kind
    first = gp.timeline("2026.05").events[0]  # Hamas' answer of 3 October 2025
    assert timelines.facts_set(state, first) == {"response.hamas": gp.Response.ACCEPTED_IN_PART}


def test_a_history_explains_what_each_event_changed() -> None:
    events = gp.timeline("2026.05").events[:4]  # from Hamas' answer of 3 October 2025
    h = gp.history(PLAN, gp.Timeline(events))
    lines = h.explain().splitlines()
    assert len(lines) == 1 + len(events)
    assert all(e.id in line for e, line in zip(events, lines[1:], strict=True))
    assert "response.hamas = accepted in part" in lines[1]
    repeated = gp.Timeline([*events[:1], attrs.evolve(events[0], id="again")])
    assert gp.history(PLAN, repeated).explain().splitlines()[2].endswith("no fact changed")


def naive_states(timeline: gp.Timeline | tuple[gp.Event, ...]) -> list[gp.State]:
    state, out = START, []
    for e in timeline:
        state = gp.apply(state, e, plan=PLAN)
        out.append(state)
    return out


@settings(max_examples=30, deadline=None)
@given(timelines(min_size=20, max_size=70), st.randoms(use_true_random=False))
def test_a_long_history_read_in_any_order_equals_the_naive_fold(
    tl: gp.Timeline, rnd: random.Random
) -> None:
    # A history keeps a whole state every 16 events and makes the others when asked: in any
    # order of asking, each is the state the naive fold gives, and a second look is the same.
    want = naive_states(tl)
    h = gp.history(PLAN, gp.Timeline._trusted(tl.events))
    order = list(range(1, len(want) + 1))
    rnd.shuffle(order)
    for i in order:
        assert h.state(i) == want[i - 1], i
    assert list(h.states) == want
    grown = gp.history(PLAN, gp.Timeline(())).extend(tl.events)  # the path that checks events
    assert list(grown.states) == want
    assert [grown.state(i) for i in reversed(order)] == [want[i - 1] for i in reversed(order)]


@settings(max_examples=30, deadline=None)
@given(timelines(min_size=0, max_size=70), st.randoms(use_true_random=False))
def test_a_field_read_alone_is_the_states(tl: gp.Timeline, rnd: random.Random) -> None:
    # History.field reads a field where it changed without making the state: in any order, before
    # or after the states are made, it is the field the naive fold's state holds.
    want = [gp.State.initial(PLAN), *naive_states(tl)]
    h = gp.history(PLAN, gp.Timeline._trusted(tl.events))
    names = [a.name for a in attrs.fields(gp.State)]
    asked = [(i, n) for i in range(len(want)) for n in names]
    rnd.shuffle(asked)
    for i, name in asked[: len(asked) // 2]:
        assert h.field(i, name) == getattr(want[i], name), (i, name)
    list(h.states)  # every state made
    for i, name in asked[len(asked) // 2 :]:
        assert h.field(i, name) == getattr(want[i], name), (i, name)
    with pytest.raises(IndexError):
        h.field(len(want), names[0])


_REFUSED = [
    gp.HostagesReleased(21),  # more than are held
    gp.Redeployed("nowhere"),  # no such line
    gp.Responded("nobody", gp.Response.ACCEPTED),  # no such party
    gp.FactsReported({"israeli_control_pct": 90, "isf_control_pct": 20}),  # over 100 together
    gp.FactsReported({"response.nobody": gp.Response.ACCEPTED}),  # no such party
]


@settings(max_examples=40, deadline=None)
@given(timelines(min_size=1, max_size=40), st.sampled_from(_REFUSED), st.data())
def test_a_refused_event_gives_the_error_apply_gives(
    tl: gp.Timeline, change: gp.Change, data: st.DataObject
) -> None:
    k = data.draw(st.integers(0, len(tl)))
    at = tl.events[k - 1].at if k else T0
    bad = gp.Event("refused", at, change)
    events = (*tl.events[:k], bad, *tl.events[k:])
    with pytest.raises(gp.GazaplanError) as folded:
        naive_states(events)
    with pytest.raises(gp.GazaplanError) as replayed:
        gp.history(PLAN, gp.Timeline._trusted(events))
    with pytest.raises(gp.GazaplanError) as extended:
        gp.history(PLAN, gp.Timeline(())).extend(events)
    assert type(replayed.value) is type(folded.value)
    assert str(replayed.value) == str(folded.value)
    assert str(extended.value) == str(folded.value)
