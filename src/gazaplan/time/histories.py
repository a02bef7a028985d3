"""Histories: :class:`History`, :func:`history` and :func:`replay`.

A history is every state of a replayed timeline. The first replay of a timeline folds it once and
keeps every intermediate state (cached on the plan); later look-ups at any instant are a binary
search (O(log n)).

A history grows in linear time: :meth:`History.extend` folds and checks only the new events and
shares its storage with the history it extends (the way a slice shares its array), so adding
events one at a time costs O(1) each. Nothing a caller can see is ever changed: each history sees
only its own first *n* entries; extending a history that was already extended copies its entries
once (a branch) instead of overwriting the other's.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, overload

import attrs

from ..core import _checks as check
from ..core import _ports
from ..core._collector import collector_paused
from ..core._frozenmap import FrozenMap
from ..core.explain import show
from ..core.facts import FactKind, Floor
from ..core.instants import Instant, read_instant
from ..core.plans import Plan
from ..core.state import FACTS, State
from ..exceptions import GazaplanError, InvalidValueError
from ..truth import UNKNOWN
from .events import CHECKED_WHEN_MADE, Event, FactsReported, Precision
from .timelines import Timeline, check_next, commit, facts_set, party_fields

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["History", "history", "refolded", "replay", "retimed"]


class _Log:
    """The append-only storage that a history and the histories extended from it share."""

    __slots__ = ("_ids", "changes", "events", "instants", "lock", "states")

    def __init__(self, events: list[Event], start: State | None = None) -> None:
        self.events = events
        self._ids: set[str] | None = None  # made when first needed: extending a history
        self.instants = [e.at for e in events]
        self.states = _States(start)
        self.changes: dict[str, list[int]] = {}  # field -> indices (1 = after the first event)
        self.lock = threading.Lock()

    @property
    def ids(self) -> set[str]:
        """The ids of the events, to check an added event's (made on first use)."""
        if self._ids is None:
            self._ids = {e.id for e in self.events}
        return self._ids

    @ids.setter
    def ids(self, ids: set[str]) -> None:
        self._ids = ids

    def prefix(self, n: int) -> _Log:
        """A copy holding the first *n* entries (for a history extended a second time)."""
        log = _Log(self.events[:n])
        log.states = self.states[:n]
        log.changes = {f: idx[: bisect.bisect_right(idx, n)] for f, idx in self.changes.items()}
        return log

    def __getstate__(self) -> tuple[Any, ...]:
        return (self.events, list(self.states), self.changes)  # every state, made

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        events, states, changes = state
        self.__init__(events)  # type: ignore[misc]
        self.states, self.changes = _States.of(states), changes


_EVERY: Final = 16
"""A history keeps a whole state after every 16th event; the others are made when first asked
for, from the one before and the fields each event changed (at most 15 small updates)."""


class _States(Sequence[State]):
    """The states of a history: the fields each event changed, and the states made so far (a
    whole one every :data:`_EVERY` events). A replay makes one state in 16 instead of each, and
    keeps a few changed fields per event instead of every field."""

    __slots__ = ("_changed", "_made", "_start")

    def __init__(
        self,
        start: State | None,
        changed: list[Mapping[str, Any]] | None = None,
        made: list[State | None] | None = None,
    ) -> None:
        self._start = start  # the state before the first entry (None: every entry is made)
        self._changed: list[Mapping[str, Any]] = [] if changed is None else changed
        self._made: list[State | None] = [] if made is None else made

    @classmethod
    def of(cls, states: Sequence[State]) -> _States:
        """Storage holding states already made."""
        return cls(None, [{}] * len(states), list(states))

    def begin(self, start: State) -> None:
        """Name the state before the first entry, if it is not known yet."""
        if self._start is None:
            self._start = start

    def add(self, changed: list[Mapping[str, Any]], made: list[State | None]) -> None:
        """Append entries: the fields each changed, and the state after it where made."""
        self._changed.extend(changed)
        self._made.extend(made)

    def __len__(self) -> int:
        return len(self._made)

    @overload
    def __getitem__(self, i: int) -> State: ...
    @overload
    def __getitem__(self, i: slice) -> _States: ...
    def __getitem__(self, i: int | slice) -> State | _States:
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            if start != 0 or step != 1:
                raise TypeError("a history's states slice only as a prefix, [:n]")
            return _States(self._start, self._changed[:stop], self._made[:stop])
        i = range(len(self._made))[i]
        made = self._made[i]
        return self._make(i) if made is None else made

    def _make(self, i: int) -> State:
        j = i - 1
        while j >= 0 and self._made[j] is None:
            j -= 1
        base = self._made[j] if j >= 0 else self._start
        assert base is not None  # every storage without a start has every entry made
        fields = base.__dict__.copy()
        for k in range(j + 1, i + 1):
            fields.update(self._changed[k])
        made = State._of_fields(fields)
        self._made[i] = made
        return made

    def field(self, i: int, name: str) -> Any:
        """Field *name* of entry *i*'s state, read from the entry's changes where it changed
        there (no state is made), else from the state."""
        made = self._made[i]
        if made is not None:
            return made.__dict__[name]
        changed = self._changed[i]
        if name in changed:
            return changed[name]
        return self[i].__dict__[name]

    def __iter__(self) -> Iterator[State]:
        run: dict[str, Any] | None = None
        for i, made in enumerate(self._made):
            if made is None:
                if run is None:
                    made = self._make(i)
                else:
                    fields = run.copy()
                    fields.update(self._changed[i])
                    made = self._made[i] = State._of_fields(fields)
            run = made.__dict__
            yield made


@attrs.frozen(eq=False, repr=False)
class History:
    """Every state of a replayed timeline: ``states[i]`` holds after ``timeline.events[i]``."""

    plan: Plan
    start: State
    _log: _Log
    _n: int
    _given: State | None = None
    """The *start* that :func:`history` was given (None: the plan's initial state)."""
    # Built on first access (a history grown by extend() has none until asked):
    _timeline: Timeline | None = attrs.field(default=None, alias="timeline")
    _states: tuple[State, ...] | None = attrs.field(default=None, init=False)
    _changes: FrozenMap[str, tuple[int, ...]] | None = attrs.field(default=None, init=False)

    def __len__(self) -> int:
        """The number of events (and of states after the start)."""
        return self._n

    @property
    def timeline(self) -> Timeline:
        """The replayed timeline (built on first access for a history grown by :meth:`extend`)."""
        if self._timeline is None:
            made = Timeline._trusted(tuple(self._log.events[: self._n]))
            object.__setattr__(self, "_timeline", made)
            _keep(self, made)
            return made
        return self._timeline

    @property
    def states(self) -> tuple[State, ...]:
        """The state after each event, in order."""
        if self._states is None:
            object.__setattr__(self, "_states", tuple(itertools.islice(self._log.states, self._n)))
        assert self._states is not None
        return self._states

    @property
    def changes(self) -> FrozenMap[str, tuple[int, ...]]:
        """For each State field, the events that changed it.

        Each field maps to the indices (1 = after the first event) of those events; an event
        setting a fact to the very value it had is not counted.
        """
        if self._changes is None:
            made = {f: tuple(self.changed(f)) for f in self._log.changes}
            object.__setattr__(self, "_changes", FrozenMap({f: i for f, i in made.items() if i}))
        assert self._changes is not None
        return self._changes

    def changed(self, field: str, upto: int | None = None) -> list[int]:
        """The events that changed one State field.

        Args:
            field: the State field.
            upto: the last state to look at (None: every state).

        Returns:
            The indices of those events (1 = the first), in order.
        """
        indices = self._log.changes.get(field, [])
        n = self._n if upto is None else min(upto, self._n)
        return indices[: bisect.bisect_right(indices, n)]

    def state(self, index: int) -> State:
        """One state of the history.

        Args:
            index: 0 for the start, i for the state after the i-th event.

        Returns:
            That state.

        Raises:
            IndexError: if *index* is not from 0 to the number of events.
        """
        if not 0 <= index <= self._n:
            raise IndexError(f"history has states 0..{self._n}, not {index}")
        return self._log.states[index - 1] if index else self.start

    def field(self, index: int, name: str) -> Any:
        """One field of one state of the history, without making the state where the event
        before it changed that field (a judgement reading a fact at its changes reads these).

        Args:
            index: 0 for the start, i for the state after the i-th event.
            name: a State field, such as ``"hostages_living_returned"``.

        Returns:
            That field's value, the one ``state(index)`` holds.

        Raises:
            IndexError: if *index* is not from 0 to the number of events.
            KeyError: if *name* is not a State field.
        """
        if not 0 <= index <= self._n:
            raise IndexError(f"history has states 0..{self._n}, not {index}")
        return self._log.states.field(index - 1, name) if index else self.start.__dict__[name]

    def event(self, index: int) -> Event:
        """One event of the history: the one that led to state *index*.

        Args:
            index: i for the i-th event (1 = the first).

        Returns:
            That event.

        Raises:
            IndexError: if *index* is not from 1 to the number of events.
        """
        if not 1 <= index <= self._n:
            raise IndexError(f"history has events 1..{self._n}, not {index}")
        return self._log.events[index - 1]

    def count(self, at: dt.datetime) -> int:
        """How many events are at or before an instant.

        Args:
            at: the instant (timezone-aware).

        Returns:
            The number of events at or before *at*.

        Raises:
            InvalidValueError: if *at* is not a timezone-aware datetime in the library's range.
        """
        check.need_instant(at, "at")
        return bisect.bisect_right(self._log.instants, at, 0, self._n)

    def _instants(self) -> Sequence[dt.datetime]:
        """The instant of each event (``[i - 1]`` for the i-th), for the library's own loops."""
        return self._log.instants

    def _count(self, at: dt.datetime) -> int:
        """:meth:`count` of an instant already checked (the library's own, in loops)."""
        return bisect.bisect_right(self._log.instants, at, 0, self._n)

    def at(self, at: dt.datetime | None = None) -> State:
        """The state at an instant.

        Args:
            at: the instant (timezone-aware); events at exactly *at* are included. None: the
                last state.

        Returns:
            The state after the last event at or before *at*, or the start if there is none.

        Raises:
            InvalidValueError: if *at* is not a timezone-aware datetime in the library's range.
        """
        return self.state(self._n if at is None else self.count(at))

    def extend(self, events: Iterable[Event]) -> History:
        """The history with more events at the end, in O(k) for k events.

        Only the new events are checked and folded, and the states so far are shared, not copied.
        This history is not changed; ``history(plan, result.timeline)`` then finds the result
        without folding.

        Args:
            events: the events to add, in order.

        Returns:
            The new history.

        Raises:
            InvalidEventError: if an event's id is already used, it is earlier than the one
                before it, or it cannot happen in the state it meets.
            InvalidValueError: if one is not an Event.
        """
        new = tuple(events)
        log = self._log
        with log.lock:
            if len(log.events) != self._n or not isinstance(log.events, list):
                # extended before (or retimed, sharing another's storage): branch off a copy
                log = log.prefix(self._n)
            return _fold(self.plan, log, self._n, new, self.start, self._given)

    def explain(self) -> str:
        """The history in words.

        Returns:
            A heading, then a line per event with the facts it changed and their new values.
        """
        lines = [f"History of {self._n} events on plan version {self.plan.version}"]
        before = self.start.facts()
        for i in range(1, self._n + 1):
            event, after = self.event(i), self.state(i).facts()
            changed = [
                f"{fact} = {show(value)}"
                for fact, value in after.items()
                if fact not in before or before[fact] is not value
            ]
            head = f"  {event.at.isoformat()} {event.id} ({event.kind}): "
            lines.append(head + ("; ".join(changed) if changed else "no fact changed"))
            before = after
        return "\n".join(lines) + "\n"

    def to_pandas(self) -> pd.DataFrame:
        """The facts over time, as a DataFrame.

        Needs the ``pandas`` extra.

        Returns:
            A row for the starting state, then a row after each event.

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        return _ports.tables().to_pandas(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, History):
            return NotImplemented
        return (self.plan, self.start, self.timeline, self.states) == (
            other.plan,
            other.start,
            other.timeline,
            other.states,
        )

    def __hash__(self) -> int:
        return hash((self.start, self.timeline))

    def __repr__(self) -> str:
        last = self._log.events[self._n - 1].at.isoformat() if self._n else None
        return f"History(plan={self.plan.version!r}, events={self._n}, last={last!r})"


def _fold(
    plan: Plan, log: _Log, n: int, new: tuple[Event, ...], first: State, given: State | None
) -> History:
    """Check and fold *new* after the first *n* entries of *log*, then append them to it at once
    (an event that fails leaves *log* as it was)."""
    last = log.events[n - 1] if n else None
    folded = _folded(plan, log.states[n - 1] if n else first, new, n, (log.ids, last))
    log.events.extend(new)
    log.ids.update(e.id for e in new)
    log.instants.extend(e.at for e in new)
    log.states.begin(first)
    log.states.add(folded.changed, folded.made)
    for field, indices in folded.added.items():
        log.changes.setdefault(field, []).extend(indices)
    return History(plan, first, log, n + len(new), given)


def _refuse(plan: Plan, facts: dict[str, Any], event: Event) -> None:
    """Fold *event* the plain way on the state of *facts* (:func:`commit`): it raises the error
    :func:`~gazaplan.time.timelines.apply` gives."""
    state = State._of_fields(facts.copy())
    commit(state, event, facts_set(state, event), plan)


class _RefusedError(Exception):
    """An event the quick fold refuses: the plain fold says why."""


@attrs.define
class _Folded:
    """Events folded: the fields each changed, the states made, and the events that changed
    each field."""

    changed: list[Mapping[str, Any]] = attrs.Factory(list)
    made: list[State | None] = attrs.Factory(list)
    added: dict[str, list[int]] = attrs.Factory(dict)


def _folded(
    plan: Plan,
    before: State,
    new: Sequence[Event],
    n: int,
    unchecked: tuple[set[str], Event | None] | None = None,
) -> _Folded:
    """Fold *new*, the events after the first *n*, on *before* (the state after them).

    *unchecked*: the ids used so far and the last event, when *new* must be checked as events
    added to a timeline (None: they were checked when their timeline was made).

    The facts live in one dict, changed in place; a state is made every :data:`_EVERY` events.
    An event that fails is folded again the plain way (:func:`commit` on a state), so that its
    error is the one :func:`~gazaplan.time.timelines.apply` gives. The garbage collector is
    paused meanwhile (:func:`~gazaplan.core._collector.collector_paused`): what a fold makes is
    kept, so a collection would find nothing to free.
    """
    with collector_paused():
        return _fold_events(plan, before, new, n, unchecked)


def _fold_events(
    plan: Plan,
    before: State,
    new: Sequence[Event],
    n: int,
    unchecked: tuple[set[str], Event | None] | None,
) -> _Folded:
    """:func:`_folded`, the collector left as it is."""
    out = _Folded()
    facts_now = before.__dict__.copy()
    now = State._of_fields(facts_now)  # reads the dict as it changes
    seen: set[str] = set()
    last = None if unchecked is None else unchecked[1]
    parties, lines = plan._ids()
    known: set[str] = set()  # fact ids whose party the plan has (idf_line's value aside)
    named: dict[type, tuple[tuple[str, ...], bool]] = {}  # per kind: party fields, checked
    changes_of, added, changed_all, made = now._changes, out.added, out.changed, out.made
    changed: Mapping[str, Any]
    for i, event in enumerate(new, start=n + 1):
        if unchecked is not None:
            check_next(event, seen if event.id in seen else unchecked[0], last, i - 1, "events")
            seen.add(event.id)
            last = event
        change = event.change
        try:
            kind = type(change)
            of_kind = named.get(kind)
            if of_kind is None:
                of_kind = named[kind] = (party_fields(kind), kind in CHECKED_WHEN_MADE)
            fields, checked = of_kind
            for field in fields:
                if getattr(change, field) not in parties:
                    raise _RefusedError
            facts = change.sets(now)
            if not facts:  # a change of no fact: nothing to check
                changed, cross = facts, False
            else:
                if not known.issuperset(facts):
                    plan.check_ids(dict.fromkeys(facts, UNKNOWN))
                    known.update(facts)
                if "idf_line" in facts:
                    line = facts["idf_line"]
                    if line is not UNKNOWN and line not in lines:
                        raise _RefusedError
                changed, cross = changes_of(facts, checked)
        except (GazaplanError, _RefusedError):
            _refuse(plan, facts_now, event)
            raise
        for field, value in changed.items():
            if value is not facts_now[field]:
                indices = added.get(field)
                if indices is None:
                    added[field] = [i]
                else:
                    indices.append(i)
        if cross:  # the rules between facts, on the new facts
            undo = {field: facts_now[field] for field in changed}
            facts_now.update(changed)
            try:
                now.__attrs_post_init__()
            except GazaplanError:
                facts_now.update(undo)
                _refuse(plan, facts_now, event)
                raise
        else:
            facts_now.update(changed)
        changed_all.append(changed)
        made.append(State._of_fields(facts_now.copy()) if i % _EVERY == 0 else None)
    return out


class _Retimed(Sequence[Event]):
    """A history's events at new instants, each made when first asked for."""

    __slots__ = ("_base", "_instants", "_made")

    def __init__(self, base: Sequence[Event], instants: Sequence[dt.datetime]) -> None:
        self._base, self._instants = base, instants
        self._made: dict[int, Event] = {}

    def __len__(self) -> int:
        return len(self._instants)

    @overload
    def __getitem__(self, i: int) -> Event: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Event]: ...
    def __getitem__(self, i: int | slice) -> Event | Sequence[Event]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = range(len(self))[i]
        made = self._made.get(i)
        if made is None:
            e = self._base[i]
            made = e if e.at == self._instants[i] else attrs.evolve(e, at=self._instants[i])
            self._made[i] = made
        return made


def retimed(h: History, instants: Sequence[dt.datetime]) -> History:
    """A history with its events moved to new instants.

    The states are shared with *h*, since facts do not depend on when events happen; an event is
    rebuilt only when asked for. For the runs of a Monte Carlo simulation.

    Args:
        h: the history.
        instants: the new instants, one per event, in order, none earlier than the one before.

    Returns:
        The retimed history.

    Raises:
        InvalidValueError: if there is not one instant per event, or they are out of order.
    """
    if len(instants) != h._n or any(b < a for a, b in itertools.pairwise(instants)):
        raise InvalidValueError(
            "retimed(instants=)",
            len(instants),
            f"needs {h._n} instants in order",
            "Keep the events' order.",
        )
    log = _Log([])
    log.events = _Retimed(h._log.events[: h._n], instants)  # type: ignore[assignment]
    log.ids = h._log.ids
    log.instants = list(instants)
    log.states = h._log.states[: h._n]
    log.changes = {f: h.changed(f) for f in h._log.changes}  # copies: never shared
    return History(h.plan, h.start, log, h._n, h._given)


def refolded(h: History, events: Sequence[Event], k: int) -> History:
    """Events replayed on a history's plan from its start, sharing the states of a common prefix.

    The first *k* events set the same facts as *h*'s first *k* (at the same or other instants):
    their states are *h*'s, shared, and only ``events[k:]`` are checked and folded. For the runs
    of a Monte Carlo simulation.

    Args:
        h: the history whose plan, start and first states are reused.
        events: the events to replay, in order.
        k: how many of the first events set the same facts as *h*'s.

    Returns:
        The history of *events*.

    Raises:
        InvalidValueError: if *k* is not from 0 to the length of the shorter of the two.
        InvalidEventError: if one of ``events[k:]`` cannot be added or cannot happen.
    """
    if not 0 <= k <= min(h._n, len(events)):
        raise InvalidValueError(
            "refolded(k=)",
            k,
            f"needs 0 to {min(h._n, len(events))}",
            "Pass the index of the first event that differs.",
        )
    log = _Log(list(events[:k]))
    log.states = h._log.states[:k]
    log.changes = {f: h.changed(f, k) for f in h._log.changes}
    return _fold(h.plan, log, k, tuple(events[k:]), h.start, h._given)


def _keep(h: History, timeline: Timeline) -> None:
    h.plan._cache.keep_history((id(timeline), id(h._given)), (timeline, h._given, h))


def history(plan: Plan, timeline: Timeline, *, start: State | None = None) -> History:
    """Every state of a timeline replayed on a plan, folded once.

    The plan keeps the histories of the last 16 timelines replayed on it, so asking again is a
    look-up; older ones are dropped and their memory freed.

    Args:
        plan: the plan (its parties and lines check the events' names).
        timeline: the events to replay.
        start: the state the first event applies to (None: the plan's initial state,
            ``State.initial(plan)``).

    Returns:
        The history, the start then the state after each event.

    Raises:
        InvalidEventError: if an event cannot happen in the state it meets, or names a party or
            line the plan lacks.
    """
    check.need_type(plan, Plan, "history(plan)", check.PLAN_FIX)
    check.need_type(timeline, Timeline, "history(timeline)", check.TIMELINE_FIX)
    check.need_type(start, (State, type(None)), "history(start)", check.STATE_FIX)
    key = (id(timeline), id(start))
    cached = plan._cache.history(key)
    if cached is not None and cached[0] is timeline and cached[1] is start:
        return cached[2]  # type: ignore[no-any-return]
    first = State.initial(plan) if start is None else start
    result = _fold_checked(plan, timeline, first, start)
    _keep(result, timeline)
    return result


def _fold_checked(plan: Plan, timeline: Timeline, first: State, given: State | None) -> History:
    """The history of a whole timeline (its events were checked when it was made)."""
    events = timeline.events
    folded = _folded(plan, first, events, 0)
    log = _Log(list(events), first)
    log.states.add(folded.changed, folded.made)
    log.changes = folded.added
    return History(plan, first, log, len(events), given, timeline)


EDGE_ID: Final = "gazaplan-data-edge"
"""The id of the event that marks the data's edge in a judged history (no real event has it)."""

_CAPPED: Final = {
    "hostages_living_returned": ("hostages_living_at_start",),
    "hostages_deceased_returned": ("hostages_deceased_at_start",),
    "israeli_hostage_remains_returned": ("hostages_deceased_at_start",),
}
"""Counts that cannot grow once every hostage they count is back: the count of the group."""


def edge_facts(state: State, as_of: dt.date | None = None) -> dict[str, Any]:
    """What is known of the facts just past the data's edge, from the last state within it.

    A fact that can change back (a flag, a choice, a line, a share, a number) is UNKNOWN. A count
    only grows: it keeps its value where it cannot grow any more (every hostage it counts is
    back), and is a :class:`~gazaplan.core.facts.Floor` otherwise (at least what was last known).
    The counts at the start stay.

    Args:
        state: the state at the data's edge.
        as_of: when the facts were last known (shown with a floor).

    Returns:
        The facts to set, by id (per-party facts for the parties present).
    """
    out: dict[str, Any] = {}
    for spec in FACTS.values():
        if spec.derived or spec.field.endswith("_at_start"):
            continue
        value = getattr(state, spec.field)
        if spec.per_party:
            out |= {f"{spec.id}.{party}": UNKNOWN for party in value}
            continue
        if spec.kind is FactKind.COUNT:
            if spec.field in _CAPPED:
                returned = (
                    state.hostages_deceased_returned if spec.field.startswith("israeli") else value
                )
                total = getattr(state, _CAPPED[spec.field][0])
                if isinstance(returned, int) and isinstance(total, int) and returned == total:
                    continue  # all back: it cannot grow
            if isinstance(value, int):
                out[spec.id] = Floor(value, as_of)
                continue
        if value is not UNKNOWN:
            out[spec.id] = UNKNOWN
    return out


def edge_event(state: State, data_as_of: dt.datetime) -> Event:
    """The event that marks the data's edge: just after *data_as_of*, it sets :func:`edge_facts`.

    Args:
        state: the state at the data's edge.
        data_as_of: the latest instant the data cover.

    Returns:
        The event, id :data:`EDGE_ID`, one microsecond after *data_as_of*.
    """
    return Event(
        EDGE_ID,
        data_as_of + dt.timedelta(microseconds=1),
        FactsReported(edge_facts(state, data_as_of.date())),
        summary=f"The data end here (last known on {data_as_of:%-d %b %Y}): facts that can "
        "change are unknown from then on",
        reported_by="gazaplan",
        precision=Precision.INSTANT,
    )


def judged_history(
    plan: Plan,
    timeline: Timeline,
    *,
    at: dt.datetime | None,
    start: State | None = None,
    assume_unchanged: bool = False,
) -> History:
    """The history a judgement as of *at* reads: past the data's edge, the edge event added.

    Args:
        plan: the plan.
        timeline: the events to replay.
        at: the instant judged (None: the timeline's end).
        start: the state the first event applies to (None: the plan's initial state).
        assume_unchanged: carry every fact forward past the edge instead.

    Returns:
        :func:`history`, with :func:`edge_event` at its end when *at* is past the timeline's
        ``data_as_of`` and facts are not assumed unchanged.

    Raises:
        InvalidEventError: if an event cannot happen in the state it meets.
    """
    h = history(plan, timeline, start=start)
    edge = timeline.data_as_of
    if edge is None or assume_unchanged or at is None or at <= edge:
        return h
    return h.extend([edge_event(h.state(len(h)), edge)])


def replay(
    plan: Plan,
    timeline: Timeline,
    *,
    at: Instant | None = None,
    start: State | None = None,
    assume_unchanged: bool = False,
) -> State:
    """The state at an instant after the events of a timeline.

    Past the timeline's ``data_as_of`` (the data's edge), facts that can change back are
    UNKNOWN (see :func:`edge_facts`) unless *assume_unchanged*.

    Args:
        plan: the plan (its parties and lines check the events' names).
        timeline: the events to replay.
        at: the instant: a timezone-aware datetime, a date or a string (``"2025-10-13"`` is the
            end of that day in the plan's local time); events at exactly *at* are included.
            None: after the last event.
        start: the state the first event applies to (None: the plan's initial state,
            ``State.initial(plan)``).
        assume_unchanged: past the data's edge, carry every fact forward as last known.

    Returns:
        The state at *at*, which is *start* changed by every event up to then.

    Raises:
        InvalidEventError: if an event cannot happen in the state it meets, or names a party or
            line the plan lacks.
        InvalidValueError: if *at* is not a timezone-aware datetime in the library's range.
    """
    when = None if at is None else read_instant(at, utc_offset_hours=plan.utc_offset_hours)
    h = judged_history(plan, timeline, at=when, start=start, assume_unchanged=assume_unchanged)
    return h.at(when)
