"""Building timelines in linear time: the builder checks each event once, makes the same timeline
as the constructor, and a history extends without folding again."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp

from ..support.strategies import PLAN, timelines

T = dt.datetime(2025, 10, 10, 12, tzinfo=dt.UTC)


@given(timelines(max_size=10))
def test_the_builder_makes_what_the_constructor_makes(timeline: gp.Timeline) -> None:
    built = gp.Timeline.builder().extend(timeline.events).build()
    assert built == timeline
    one_by_one = gp.TimelineBuilder()
    for e in timeline:
        one_by_one.add(e)
    assert one_by_one.build() == timeline
    assert len(one_by_one) == len(timeline)


@given(timelines(max_size=10), st.data())
def test_append_and_extend_agree_with_the_constructor(
    timeline: gp.Timeline, data: st.DataObject
) -> None:
    k = data.draw(st.integers(0, len(timeline)))
    head = gp.Timeline(timeline.events[:k])
    assert head.extend(timeline.events[k:]) == timeline
    grown = head
    for e in timeline.events[k:]:
        grown = grown.append(e)
    assert grown == timeline
    assert len(head) == k  # the base is not changed


@given(timelines(max_size=10), st.data())
def test_a_history_extends_to_the_history_of_the_whole(
    timeline: gp.Timeline, data: st.DataObject
) -> None:
    k = data.draw(st.integers(0, len(timeline)))
    part = gp.history(PLAN, gp.Timeline(timeline.events[:k]))
    whole = part.extend(timeline.events[k:])
    fresh = gp.history(PLAN, timeline)
    assert whole.states == fresh.states
    assert dict(whole.changes) == dict(fresh.changes)
    assert gp.history(PLAN, whole.timeline) is whole  # found, not folded again


def test_the_builder_refuses_what_the_constructor_refuses() -> None:
    first = gp.Event("a", T, gp.CeasefireChanged(True))
    builder = gp.Timeline.builder().add(first)
    with pytest.raises(gp.InvalidEventError, match="second event has this id"):
        builder.add(gp.Event("a", T, gp.CeasefireChanged(False)))
    with pytest.raises(gp.InvalidEventError, match="before the previous event"):
        builder.add(gp.Event("b", T - dt.timedelta(hours=1), gp.CeasefireChanged(False)))
    with pytest.raises(gp.InvalidValueError, match="expected an Event"):
        builder.add("not an event")  # type: ignore[arg-type]
    assert builder.build() == gp.Timeline([first])  # nothing refused got in
    with pytest.raises(gp.InvalidEventError):
        gp.Timeline([first]).append(gp.Event("a", T, gp.CeasefireChanged(False)))


def test_a_builder_from_a_base_leaves_the_base_alone() -> None:
    base = gp.Timeline(gp.timeline().events[:3])
    builder = gp.TimelineBuilder(base)
    builder.add(gp.timeline().events[3])
    assert len(base) == 3
    assert builder.build() == gp.Timeline(gp.timeline().events[:4])


@given(timelines(max_size=10), st.data())
def test_histories_grown_one_event_at_a_time_and_branched_each_see_only_their_own(
    timeline: gp.Timeline, data: st.DataObject
) -> None:
    # Histories extended from one another share storage; each must see exactly its own events,
    # however the extensions interleave (a second extension of the same history branches).
    grown = [gp.history(PLAN, gp.Timeline())]
    for e in timeline:
        grown.append(grown[-1].extend([e]))
    k = data.draw(st.integers(0, len(timeline)))
    branch = grown[k].extend(timeline.events[k:])  # extends a history already extended
    for i, h in enumerate(grown):
        assert len(h) == i
        assert h.timeline == gp.Timeline(timeline.events[:i])
        assert h.states == gp.history(PLAN, h.timeline).states
        assert h.at() == (h.states[-1] if i else h.start)
    assert branch.states == grown[-1].states
    assert dict(branch.changes) == dict(gp.history(PLAN, timeline).changes)


def test_a_refused_extension_leaves_every_history_as_it_was() -> None:
    events = gp.timeline().events
    h = gp.history(PLAN, gp.Timeline(events[:3]))
    dup = gp.Event(events[0].id, events[3].at, gp.CeasefireChanged(True))
    with pytest.raises(gp.InvalidEventError, match="second event has this id"):
        h.extend([events[3], dup])  # the first would fit; the batch is refused whole
    with pytest.raises(gp.InvalidEventError, match="before the previous event"):
        h.extend(
            [gp.Event("early", events[0].at - dt.timedelta(days=1), gp.CeasefireChanged(True))]
        )
    with pytest.raises(gp.InvalidEventError, match="second event has this id"):
        h.extend([events[3], events[3]])
    with pytest.raises(gp.InvalidEventError):
        h.extend([gp.Event("x", events[3].at, gp.HostagesReleased(10_000))])  # more than held
    assert len(h) == 3
    assert h.timeline == gp.Timeline(events[:3])
    assert h.extend([events[3]]).timeline == gp.Timeline(events[:4])  # still extends in place


def test_a_grown_history_pickles_and_compares_by_value() -> None:
    import pickle

    events = gp.timeline().events
    grown = gp.history(PLAN, gp.Timeline(events[:2])).extend(events[2:5])
    back = pickle.loads(pickle.dumps(grown))
    assert back == grown == gp.history(PLAN, gp.Timeline(events[:5]))
    assert hash(back) == hash(grown)
    assert back.extend(events[5:6]).timeline == gp.Timeline(events[:6])
    assert (
        repr(grown)
        == f"History(plan={PLAN.version!r}, events=5, last={events[4].at.isoformat()!r})"
    )
