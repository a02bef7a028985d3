"""Timelines: :class:`Timeline`, :class:`TimelineBuilder` and :func:`apply`.

``apply(state, event)`` is pure: it returns the next state. A timeline is an ordered, immutable
sequence of events; a builder makes a long one in linear time::

    builder = gp.Timeline.builder()          # or gp.TimelineBuilder(base=timeline)
    for event in events:
        builder.add(event)
    timeline = builder.build()

Replaying a timeline (the states at every instant) is :mod:`gazaplan.time.histories`.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    import pandas as pd

from ..core import _checks as check
from ..core import _ports
from ..core._pickling import added_fields_default
from ..core._results import NotebookDisplay
from ..core.plans import Plan
from ..core.state import State
from ..exceptions import GazaplanError, InvalidEventError, InvalidValueError, did_you_mean
from .events import Event

__all__ = [
    "Timeline",
    "TimelineBuilder",
    "apply",
    "check_ids",
    "check_next",
    "named_parties",
    "party_fields",
]


def _ordered(inst: object, attr: attrs.Attribute[Any], events: tuple[Event, ...]) -> None:
    check.items_of(Event)(inst, attr, events)
    seen: set[str] = set()
    for i, e in enumerate(events):
        if e.id in seen:
            raise InvalidEventError(
                e.id, f"a second event has this id (events[{i}])", "Give each event its own id."
            )
        seen.add(e.id)
        if i and e.at < events[i - 1].at:
            raise InvalidEventError(
                e.id,
                f"its instant {e.at.isoformat()} is before the previous event's "
                f"({events[i - 1].id!r}, {events[i - 1].at.isoformat()})",
                "Sort the events by instant (Timeline.of sorts them for you).",
            )


def _edge(inst: Timeline, attr: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    check.need_instant(value, "Timeline.data_as_of", "the data's as_of")
    assert isinstance(value, dt.datetime)
    late = [e for e in inst.events if e.at > value]
    if late:
        raise InvalidValueError(
            "Timeline.data_as_of",
            value.isoformat(),
            f"event {late[0].id!r} ({late[0].at.isoformat()}) is later than the data's as_of",
            "Give the instant the sources reach (no event is later), or None for a scenario.",
        )


@added_fields_default
@attrs.frozen
class Timeline(NotebookDisplay):
    """An ordered, immutable sequence of events (instants never decrease; ids are unique).

    Attributes:
        events: the events, in order.
        data_as_of: the latest instant its sources cover (a dataset release's ``as_of``), or
            None for a scenario, whose events are all that happens. Past it, a judgement holds
            facts that can change back as unknown, unless told to assume them unchanged.
    """

    events: tuple[Event, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=_ordered
    )
    data_as_of: dt.datetime | None = attrs.field(default=None, kw_only=True, validator=_edge)

    @classmethod
    def of(cls, events: Iterable[Event]) -> Timeline:
        """A timeline of events sorted by instant.

        Args:
            events: the events, in any order.

        Returns:
            The timeline; the sort is stable (same-instant events keep their order).

        Raises:
            InvalidEventError: if two events share an id.
        """
        return cls(tuple(sorted(events, key=lambda e: e.at)))

    @classmethod
    def _trusted(cls, events: tuple[Event, ...], data_as_of: dt.datetime | None = None) -> Timeline:
        """A timeline of *events* already checked (by a builder): no second pass over them."""
        made = object.__new__(cls)
        object.__setattr__(made, "events", events)
        object.__setattr__(made, "data_as_of", data_as_of)
        return made

    @classmethod
    def builder(cls, base: Timeline | None = None) -> TimelineBuilder:
        """A builder: add events one by one in O(1) each, then build.

        Args:
            base: the timeline to extend (empty by default); it is not changed.

        Returns:
            A new :class:`~gazaplan.TimelineBuilder`.
        """
        return TimelineBuilder(base)

    def append(self, event: Event) -> Timeline:
        """A new timeline with *event* at the end (it must not be earlier than the last one).

        Only the new event is checked, but the events are copied: to add many one at a time, use
        :meth:`builder` (linear) or :meth:`extend` (all at once).

        Args:
            event: the event to add.

        Returns:
            The new timeline; this one is untouched.

        Raises:
            InvalidEventError: if its id is already used, or it is earlier than the last event.
            InvalidValueError: if it is not an Event.
        """
        return self.extend((event,))

    def extend(self, events: Iterable[Event]) -> Timeline:
        """A new timeline with more events at the end: only they are checked (O(n + k)).

        It keeps :attr:`data_as_of` unless an event added is later, which makes it a scenario
        (``data_as_of`` None): what it adds past the data is what the caller supposes.

        Args:
            events: the events to add, in order.

        Returns:
            The new timeline; this one is untouched.

        Raises:
            InvalidEventError: if an id is already used, or an event is earlier than the one
                before it.
            InvalidValueError: if one is not an Event.
        """
        return TimelineBuilder(self).extend(events).build()

    def until(self, at: dt.datetime) -> Timeline:
        """The timeline up to an instant.

        Args:
            at: the instant (timezone-aware).

        Returns:
            A timeline of the events at or before *at* (its ``data_as_of`` the earlier of its
            own and *at*).

        Raises:
            InvalidValueError: if *at* is not a timezone-aware datetime in the library's range.
        """
        check.need_instant(at, "at")
        n = bisect.bisect_right(self.events, at, key=_instant_of)
        edge = None if self.data_as_of is None else min(self.data_as_of, at)
        return Timeline._trusted(self.events[:n], edge)  # a prefix of a checked one is one

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    @property
    def last(self) -> dt.datetime | None:
        """The instant of the last event (None if empty)."""
        return self.events[-1].at if self.events else None

    def to_pandas(self) -> pd.DataFrame:
        """The timeline as a DataFrame.

        Needs the ``pandas`` extra.

        Returns:
            One row per event.

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        return _ports.tables().to_pandas(self)


# -- building a timeline event by event in linear time --
# A Timeline is immutable, so adding one event to it makes a new one: n appends cost O(n^2)
# copying. A builder collects events in a list, checks each new one only against what it already
# holds (its id is new, its instant is not earlier than the last), and makes the timeline once,
# without checking the events again. It is the one mutable object of the library; what it builds
# is an ordinary Timeline.


def check_next(
    event: object, ids: AbstractSet[str], last: Event | None, index: int, where: str
) -> None:
    """Refuse an event as the next of a timeline.

    Args:
        event: the candidate.
        ids: the ids the timeline already holds.
        last: its last event (None if it is empty).
        index: the place the event would take, for the message.
        where: the place an error names when the candidate is not an event.

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

    __slots__ = ("_edge", "_events", "_ids", "_last")

    def __init__(self, base: Timeline | None = None) -> None:
        events = list(base.events) if base is not None else []
        self._edge = base.data_as_of if base is not None else None
        self._events: list[Event] = events
        self._ids: set[str] = {e.id for e in events}
        self._last = events[-1] if events else None

    def add(self, event: Event) -> TimelineBuilder:
        """Add an event at the end.

        Args:
            event: the event to add.

        Returns:
            The builder, so calls can be chained.

        Raises:
            InvalidEventError: its id is already used, or it is earlier than the last event.
            InvalidValueError: it is not an Event.
        """
        check_next(event, self._ids, self._last, len(self._events), "TimelineBuilder.add")
        if self._edge is not None and event.at > self._edge:
            self._edge = None  # past the data: a scenario from here
        self._events.append(event)
        self._ids.add(event.id)
        self._last = event
        return self

    def extend(self, events: Iterable[Event]) -> TimelineBuilder:
        """Add events in turn (as :meth:`add`).

        Args:
            events: the events to add, in order.

        Returns:
            The builder, so calls can be chained.

        Raises:
            InvalidEventError: if an id is already used, or an event is earlier than the one
                before it.
            InvalidValueError: if one is not an Event.
        """
        for event in events:
            self.add(event)
        return self

    def __len__(self) -> int:
        return len(self._events)

    def build(self) -> Timeline:
        """The timeline of the events added so far (the builder may go on adding).

        Returns:
            The timeline, built without checking the events again.
        """
        return Timeline._trusted(tuple(self._events), self._edge)


def _instant_of(event: Event) -> dt.datetime:
    return event.at


def facts_set(state: State, event: Event) -> dict[str, Any]:
    """The facts an event sets: what its kind of change says (``change.sets``).

    Args:
        state: the state before the event (counts move from their values there).
        event: the event.

    Returns:
        Fact ids and their new values.
    """
    return event.change.sets(state)


def apply(state: State, event: Event, *, plan: Plan | None = None) -> State:
    """The state after *event* (pure: *state* is untouched).

    Args:
        state: the state before.
        event: what happens.
        plan: if given, the parties and lines the event names must be the plan's.

    Returns:
        The new state.

    Raises:
        InvalidEventError: the event cannot happen in *state* (more hostages released than held,
            an unknown party or line, a value of the wrong type); the message names the event,
            the fact and the fix.
    """
    return commit(state, event, facts_set(state, event), plan)


def named_parties(change: Any) -> tuple[tuple[str, str], ...]:
    """The parties a change names: who responds, accuses, adopts or is set up.

    Args:
        change: the event's change.

    Returns:
        ``(field, party id)`` pairs, one per field that names a party.
    """
    return tuple((name, getattr(change, name)) for name in party_fields(type(change)))


def party_fields(kind: type) -> tuple[str, ...]:
    """The fields of a kind of change that name a party.

    Args:
        kind: the change's class.

    Returns:
        The names of its fields whose value is a party id (read once per kind).
    """
    found = _PARTY_FIELDS.get(kind)
    if found is None:
        found = tuple(a.name for a in attrs.fields(kind) if a.metadata.get("role") == "party")
        _PARTY_FIELDS[kind] = found
    return found


_PARTY_FIELDS: dict[type, tuple[str, ...]] = {}


def check_ids(plan: Plan, event: Event) -> None:
    """Refuse an event naming a party or body the plan does not have.

    Args:
        plan: the plan.
        event: the event.

    Raises:
        InvalidEventError: if a field of its change names no party or body of the plan.
    """
    parties, _ = plan._ids()
    change = event.change
    for field in party_fields(type(change)):
        party = getattr(change, field)
        if party not in parties:
            raise InvalidEventError(
                event.id,
                f"{party!r} is no party or body of the plan",
                did_you_mean(party, parties, what="parties and bodies"),
                fact=f"{event.kind}.{field}",
            )


def commit(state: State, event: Event, facts: dict[str, Any], plan: Plan | None) -> State:
    """The state after an event whose facts are already worked out.

    Args:
        state: the state before.
        event: the event.
        facts: the facts it sets (see :func:`facts_set`).
        plan: if given, the parties and lines the event names must be the plan's.

    Returns:
        The new state.

    Raises:
        InvalidEventError: if the event names a party, body or line the plan lacks, or the facts
            cannot hold in the new state; the message names the event and the fact.
    """
    if plan is not None:
        check_ids(plan, event)
        try:
            plan.check_ids(facts)
        except GazaplanError as e:
            raise InvalidEventError(
                event.id, str(e), "Use the plan's party and line ids."
            ) from None
    try:
        return state.updated(facts)
    except InvalidValueError as e:
        raise InvalidEventError(
            event.id,
            f"cannot happen here: {e}",
            "Check the event's numbers against what is still held.",
            fact=e.where,
        ) from None
