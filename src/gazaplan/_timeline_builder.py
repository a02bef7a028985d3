"""Building a timeline event by event in linear time: :class:`TimelineBuilder`.

A :class:`~gazaplan.Timeline` is immutable, so adding one event to it makes a new one: n appends
cost O(n²) copying. A builder collects events in a list, checks each new one only against what it
already holds (its id is new, its instant is not earlier than the last), and makes the timeline
once, without checking the events again::

    builder = gp.Timeline.builder()          # or gp.TimelineBuilder(base=timeline)
    for event in events:
        builder.add(event)
    timeline = builder.build()

A builder is the one mutable object of the library; what it builds is an ordinary Timeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from .events import Event
from .exceptions import InvalidEventError, InvalidValueError

if TYPE_CHECKING:
    from .timelines import Timeline

__all__ = ["TimelineBuilder", "check_next"]


def check_next(
    event: object, ids: AbstractSet[str], last: Event | None, index: int, where: str
) -> None:
    """Refuse *event* as the next of a timeline holding *ids* whose last event is *last*.

    Raises:
        InvalidEventError: its id is already used, or it is earlier than *last*.
        InvalidValueError: it is not an Event.
    """
    if not isinstance(event, Event):
        raise InvalidValueError(
            where, event, "expected an Event", "Build it with Event(id, at, change)."
        )
    if event.id in ids:
        raise InvalidEventError(
            event.id,
            f"a second event has this id (events[{index}])",
            "Give each event its own id.",
        )
    if last is not None and event.at < last.at:
        raise InvalidEventError(
            event.id,
            f"its instant {event.at.isoformat()} is before the previous event's "
            f"({last.id!r}, {last.at.isoformat()})",
            "Add the events in order of instant (Timeline.of sorts them for you).",
        )


class TimelineBuilder:
    """Collects events for a timeline; each is checked once, when added (O(1) per event).

    Args:
        base: the timeline to extend (empty by default); it is not changed.
    """

    __slots__ = ("_events", "_ids", "_last")

    def __init__(self, base: Timeline | None = None) -> None:
        events = list(base.events) if base is not None else []
        self._events: list[Event] = events
        self._ids: set[str] = {e.id for e in events}
        self._last = events[-1] if events else None

    def add(self, event: Event) -> TimelineBuilder:
        """Add *event* at the end; returns the builder, so calls can be chained.

        Raises:
            InvalidEventError: its id is already used, or it is earlier than the last event.
            InvalidValueError: it is not an Event.
        """
        check_next(event, self._ids, self._last, len(self._events), "TimelineBuilder.add")
        self._events.append(event)
        self._ids.add(event.id)
        self._last = event
        return self

    def extend(self, events: Iterable[Event]) -> TimelineBuilder:
        """Add each of *events* in turn (as :meth:`add`)."""
        for event in events:
            self.add(event)
        return self

    def __len__(self) -> int:
        return len(self._events)

    def build(self) -> Timeline:
        """The timeline of the events added so far (the builder may go on adding)."""
        from .timelines import Timeline

        return Timeline._trusted(tuple(self._events))
