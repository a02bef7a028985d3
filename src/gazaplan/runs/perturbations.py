"""Perturbations as data: what a Monte Carlo run changes in a timeline, drawn from a seed.

A :class:`Perturbation` is a list of steps, each applied to the events an :class:`Events`
selection picks (every event if it picks none):

- :class:`Delay` moves each event later (or earlier, for a negative draw) by a whole number of
  days or hours drawn from a distribution (:class:`Uniform`, :class:`Triangular`, :class:`Fixed`).
  An event never overtakes the one before it: where a delay would, the later event moves with
  it (ties keep the timeline's order).
- :class:`Drop` leaves an event out with a probability.
- :class:`PickClaim` replaces each contested value an event reports with one of its claims,
  drawn with equal chances: a run in which that claim holds.

:meth:`Perturbation.check` refuses, before any run, a step whose draws could move an event
before the plan's publication or before the event preceding it, delays that together could move
an event past the library's calendar (its instants lie before 2200), and a selection naming an
event or kind the timeline lacks. A distribution's numbers are at most a billion either way (the
library's largest count). Each run draws from its own ``random.Random`` (see
:func:`gazaplan.runs.run_seed`), steps and events in order, so a run is the same wherever it
runs.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any, ClassVar, TypeAlias

import attrs

from ..core import _checks as check
from ..core.sources import Contested
from ..exceptions import InvalidValueError, UnknownIdError
from ..time.events import KINDS as EVENT_KINDS
from ..time.events import Event, FactsReported

__all__ = [
    "Delay",
    "Distribution",
    "Drop",
    "Events",
    "Fixed",
    "Perturbation",
    "Perturbed",
    "PickClaim",
    "Step",
    "Triangular",
    "Uniform",
]

MOVED = "Hypothetical: a Monte Carlo run moved this event from "


def _whole(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValueError(
            check.where(inst, attr), value, "a whole number is needed", "Pass e.g. 3."
        )
    if abs(value) > check.MAX_NUMBER:
        raise InvalidValueError(
            check.where(inst, attr),
            value,
            f"a delay is a whole number from -{check.MAX_NUMBER:,} to {check.MAX_NUMBER:,}",
            "Pass a number of days or hours that keeps the events within the calendar, e.g. 3.",
        )


@attrs.frozen
class Uniform:
    """A whole number from *low* to *high*, both included, each as likely."""

    low: int = attrs.field(validator=_whole)
    high: int = attrs.field(validator=_whole)
    tag: ClassVar[str] = "uniform"

    def __attrs_post_init__(self) -> None:
        if self.high < self.low:
            raise InvalidValueError(
                "Uniform.high", self.high, f"is below low ({self.low})", "Give low <= high."
            )

    def bounds(self) -> tuple[int, int]:
        """The least and the greatest number it can give.

        Returns:
            ``(low, high)``.
        """
        return self.low, self.high

    def draw(self, rng: random.Random) -> int:
        """Draw one number.

        Args:
            rng: the run's random generator.

        Returns:
            A whole number from *low* to *high*, each as likely.
        """
        return self.low + int(rng.random() * (self.high - self.low + 1))


@attrs.frozen
class Triangular:
    """A whole number from *low* to *high*, most likely near *mode* (a triangular draw, rounded)."""

    low: int = attrs.field(validator=_whole)
    mode: int = attrs.field(validator=_whole)
    high: int = attrs.field(validator=_whole)
    tag: ClassVar[str] = "triangular"

    def __attrs_post_init__(self) -> None:
        if not self.low <= self.mode <= self.high:
            raise InvalidValueError(
                "Triangular",
                (self.low, self.mode, self.high),
                "needs low <= mode <= high",
                "Reorder the three numbers.",
            )

    def bounds(self) -> tuple[int, int]:
        """The least and the greatest number it can give.

        Returns:
            ``(low, high)``.
        """
        return self.low, self.high

    def draw(self, rng: random.Random) -> int:
        """Draw one number.

        Args:
            rng: the run's random generator.

        Returns:
            A whole number from *low* to *high*, most likely near *mode*.
        """
        return min(self.high, max(self.low, round(rng.triangular(self.low, self.high, self.mode))))


@attrs.frozen
class Fixed:
    """Always *value* (no draw)."""

    value: int = attrs.field(validator=_whole)
    tag: ClassVar[str] = "fixed"

    def bounds(self) -> tuple[int, int]:
        """The least and the greatest number it can give: both *value*.

        Returns:
            ``(value, value)``.
        """
        return self.value, self.value

    def draw(self, rng: random.Random) -> int:
        """Draw one number.

        Args:
            rng: the run's random generator (unused: nothing is drawn).

        Returns:
            *value*.
        """
        return self.value


Distribution: TypeAlias = Uniform | Triangular | Fixed


@attrs.frozen
class Events:
    """Which events a step applies to.

    Those with one of *ids*, of one of *kinds* (change tags such as ``hostages_released``),
    dated from *since* to *until* (both included). Every event if nothing is given.
    """

    ids: tuple[str, ...] = attrs.field(default=(), converter=check.as_tuple)
    kinds: tuple[str, ...] = attrs.field(default=(), converter=check.as_tuple)
    since: dt.date | None = attrs.field(default=None, validator=check.optional_date())
    until: dt.date | None = attrs.field(default=None, validator=check.optional_date())

    def __attrs_post_init__(self) -> None:
        if self.since is not None and self.until is not None and self.since > self.until:
            raise InvalidValueError(
                "Events.since",
                f"{self.since} to {self.until}",
                "the range ends before it starts, so it selects no event",
                "Give since on or before until.",
            )

    def picks(self, event: Event) -> bool:
        """Whether an event is selected.

        Args:
            event: the event.

        Returns:
            True if it passes every criterion given.
        """
        if self.ids and event.id not in self.ids:
            return False
        if self.kinds and event.change.tag not in self.kinds:
            return False
        day = event.at.date()
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )

    def check(self, events: Sequence[Event], where: str) -> None:
        """Refuse a selection that names what the timeline lacks.

        Args:
            events: the timeline's events.
            where: the place the error names, such as ``"Perturbation.steps[0]"``.

        Raises:
            UnknownIdError: if an id names no event of the timeline.
            InvalidValueError: if a kind is no kind of event, or a selection that names ids,
                kinds or dates picks no event.
        """
        known = {e.id for e in events}
        for i in self.ids:
            if i not in known:
                raise UnknownIdError(i, known, where=f"{where}.events.ids")
        tags = set(EVENT_KINDS.by_tag)
        for k in self.kinds:
            if k not in tags:
                raise InvalidValueError(
                    f"{where}.events.kinds",
                    k,
                    "is no kind of event",
                    f"Use one of: {', '.join(sorted(tags))}.",
                )
        if (self.ids or self.kinds or self.since or self.until) and not any(
            self.picks(e) for e in events
        ):
            raise InvalidValueError(
                f"{where}.events",
                self._words(),
                "selects no event of the timeline, so the step would change nothing",
                "Widen the selection (its dates, ids or kinds), or leave the step out.",
            )

    def _words(self) -> str:
        """The selection in words, such as ``"kinds hostages_released, from 2025-10-10"``."""
        parts = []
        if self.ids:
            parts.append("ids " + ", ".join(self.ids))
        if self.kinds:
            parts.append("kinds " + ", ".join(self.kinds))
        if self.since is not None:
            parts.append(f"from {self.since}")
        if self.until is not None:
            parts.append(f"to {self.until}")
        return "; ".join(parts) or "every event"


_UNITS = {"day": dt.timedelta(days=1), "hour": dt.timedelta(hours=1)}
_MICROS = {"day": 86_400_000_000, "hour": 3_600_000_000}


def _micros(span: dt.timedelta) -> int:
    """A span in whole microseconds (exact; never overflows, as a timedelta may)."""
    return (span.days * 86_400 + span.seconds) * 1_000_000 + span.microseconds


def _shifted(at: dt.datetime, micros: int) -> str:
    """*at* moved by *micros*, in words (a year out of Python's calendar said as such)."""
    try:
        return f"{at + dt.timedelta(microseconds=micros):%Y-%m-%d %H:%M}"
    except OverflowError:
        return "a date out of the calendar"


@attrs.frozen
class Delay:
    """Move each selected event by a whole number of *unit*s (``day`` or ``hour``) drawn from *by*."""

    by: Distribution = attrs.field(
        validator=attrs.validators.instance_of((Uniform, Triangular, Fixed))
    )
    events: Events = attrs.field(factory=Events)
    unit: str = attrs.field(default="day", validator=check.one_of(tuple(_UNITS)))
    tag: ClassVar[str] = "delay"


@attrs.frozen
class Drop:
    """Leave each selected event out with *probability* (0 to 1)."""

    probability: float = attrs.field(validator=check.number(low=0.0, high=1.0, unknown_ok=False))
    events: Events = attrs.field(factory=Events)
    tag: ClassVar[str] = "drop"


@attrs.frozen
class PickClaim:
    """Replace each contested value a selected event reports with one of its claims, each as likely."""

    events: Events = attrs.field(factory=Events)
    tag: ClassVar[str] = "pick_claim"


Step: TypeAlias = Delay | Drop | PickClaim


@attrs.frozen
class Perturbed:
    """What one run changed.

    Every event's instant, the events left out (by index), and the events whose facts were
    replaced (by index).
    """

    instants: tuple[dt.datetime, ...]
    dropped: frozenset[int]
    replaced: dict[int, Event] = attrs.field(eq=False)

    @property
    def retimed_only(self) -> bool:
        """True if the run only moved events: the same facts, in the same order."""
        return not self.dropped and not self.replaced

    def events(self, base: Sequence[Event], *, flag: bool = False) -> tuple[Event, ...]:
        """The run's timeline, as events.

        Args:
            base: the unperturbed events.
            flag: whether each moved event's note says it is hypothetical and where it was.

        Returns:
            The events kept, at their new instants, with their facts as replaced.
        """
        out = []
        for i, e in enumerate(base):
            if i in self.dropped:
                continue
            e = self.replaced.get(i, e)
            if e.at != self.instants[i]:
                note = f"{e.note} {MOVED}{e.at.isoformat()}.".strip() if flag else e.note
                e = attrs.evolve(e, at=self.instants[i], note=note)
            out.append(e)
        return tuple(out)


def _picked(event: Event, rng: random.Random) -> Event | None:
    """*event* with one claim of each contested value it reports, drawn in the order of its
    fields (a report's facts in their order); None if it reports none."""
    change = event.change
    chosen: list[str] = []

    def pick(name: str, value: Any) -> Any:
        if not isinstance(value, Contested):
            return value
        claim = value.claims[rng.randrange(len(value.claims))]
        chosen.append(f"{name}: {claim.value!r} as {claim.claimed_by or 'a source'} claims")
        return claim.value

    if isinstance(change, FactsReported):
        values = dict(change.facts)
    else:
        values = {a.name: getattr(change, a.name) for a in attrs.fields(type(change)) if a.init}
    if not any(isinstance(v, Contested) for v in values.values()):
        return None
    picked = {k: pick(k, v) for k, v in values.items()}
    new = (
        FactsReported(picked)
        if isinstance(change, FactsReported)
        else attrs.evolve(change, **picked)
    )
    note = "Hypothetical: a Monte Carlo run picked one claim: " + "; ".join(chosen) + "."
    return attrs.evolve(event, change=new, note=(event.note + " " + note).strip())


@attrs.frozen
class Perturbation:
    """Steps applied in order to a timeline, each run drawing from its own generator."""

    steps: tuple[Step, ...] = attrs.field(
        converter=check.as_tuple, validator=check.items_of((Delay, Drop, PickClaim))
    )
    name: str = ""

    def check(
        self,
        events: Sequence[Event],
        origin: dt.datetime,
        *,
        names: Sequence[str] | None = None,
    ) -> None:
        """Refuse steps that could not apply to a timeline.

        Args:
            events: the timeline's events.
            origin: the plan's origin (its publication); no event may move before it.
            names: what to call each step in an error (``"--delay 0:3"``); by default
                ``Perturbation.steps[i].by``.

        Raises:
            InvalidValueError: if there is no step, a step names a kind of event that does not
                exist, a delay's draws could move an event before *origin* or before the event
                preceding it, or the delays together could move an event past the calendar's
                limit (instants before 2200).
            UnknownIdError: if a step names an event the timeline lacks.
        """
        if not self.steps:
            raise InvalidValueError(
                "Perturbation.steps",
                (),
                "a perturbation needs a step",
                "Give a Delay, a Drop or a PickClaim.",
            )
        early = [0] * len(events)  # the most each event can move, earlier and later (microseconds)
        late = [0] * len(events)
        for n, step in enumerate(self.steps):
            where = f"Perturbation.steps[{n}]"
            place = names[n] if names is not None else f"{where}.by"
            step.events.check(events, where)
            if not isinstance(step, Delay):
                continue
            unit = _MICROS[step.unit]
            low, high = (b * unit for b in step.by.bounds())
            tightest: tuple[int, int] | None = None  # (room left, event) of the latest reach
            for i, e in enumerate(events):
                if not step.events.picks(e):
                    continue
                if low < 0:
                    early[i] += low
                    self._check_early(e, i, events, origin, low, early[i], place, step)
                if high > 0:
                    room = _micros(check.LATEST - e.at) - 1 - late[i]
                    late[i] += high
                    if tightest is None or room < tightest[0]:
                        tightest = (room, i)
            if tightest is not None and high > tightest[0]:
                room, i = tightest
                e = events[i]
                raise InvalidValueError(
                    place,
                    step.by,
                    f"could move {e.id} ({e.at:%Y-%m-%d}) by up to {late[i] // unit:,} "
                    f"{step.unit}s, past the calendar's limit (instants before "
                    f"{check.LATEST:%Y-%m-%d})",
                    f"Bound the delay at {room // unit:,} {step.unit}s or less"
                    + (", with the other delays of this event" if late[i] > high else "")
                    + ", or select fewer events.",
                )

    @staticmethod
    def _check_early(
        e: Event,
        i: int,
        events: Sequence[Event],
        origin: dt.datetime,
        low: int,
        total: int,
        place: str,
        step: Delay,
    ) -> None:
        """Refuse a delay that could move event *i* before the plan's publication (with the
        steps before it) or before the event preceding it."""
        unit = _MICROS[step.unit]
        if total < -_micros(e.at - origin):
            allowed = _micros(e.at - origin) + (total - low)  # what this step may take
            raise InvalidValueError(
                place,
                step.by,
                f"could move {e.id} to {_shifted(e.at, total)}, before the plan's publication",
                f"Bound the delay at {-(allowed // unit):,} {step.unit}s or more.",
            )
        if i and low < -_micros(e.at - events[i - 1].at):
            raise InvalidValueError(
                place,
                step.by,
                f"could move {e.id} before {events[i - 1].id}, the event before it",
                f"Bound the delay at {-(_micros(e.at - events[i - 1].at) // unit):,} "
                f"{step.unit}s or more, or select fewer events.",
            )

    def select(self, events: Sequence[Event]) -> tuple[tuple[int, ...], ...]:
        """The events each step applies to (to pass to :meth:`draw`).

        Args:
            events: the timeline's events.

        Returns:
            For each step, the indices of its events.
        """
        return tuple(
            tuple(i for i, e in enumerate(events) if s.events.picks(e)) for s in self.steps
        )

    def draw(
        self,
        events: Sequence[Event],
        rng: random.Random,
        selected: Sequence[Sequence[int]] | None = None,
    ) -> Perturbed:
        """One run: the steps applied in order.

        Args:
            events: the timeline's events.
            rng: the run's random generator.
            selected: what :meth:`select` gives for *events*, computed once for many runs (None:
                computed here).

        Returns:
            What the run changed; no event is moved before the one preceding it.
        """
        picked = self.select(events) if selected is None else selected
        instants = [e.at for e in events]
        dropped: set[int] = set()
        replaced: dict[int, Event] = {}
        for step, chosen in zip(self.steps, picked, strict=True):
            if isinstance(step, Delay):
                unit, draw, moved = _UNITS[step.unit], step.by.draw, False
                for i in chosen:
                    d = draw(rng)
                    if d:
                        instants[i] += d * unit
                        moved = True
                if moved:
                    for i in range(1, len(instants)):  # nothing overtakes the event before it
                        if instants[i] < instants[i - 1]:
                            instants[i] = instants[i - 1]
            elif isinstance(step, Drop):
                for i in chosen:
                    if rng.random() < step.probability:
                        dropped.add(i)
            else:
                for i in chosen:
                    if new := _picked(replaced.get(i, events[i]), rng):
                        replaced[i] = new
        return Perturbed(tuple(instants), frozenset(dropped), replaced)

    def describe(self) -> str:
        """The steps in words.

        Returns:
            Each step in words, joined by semicolons (``"nothing"`` for none).
        """
        return "; ".join(_words(s) for s in self.steps) or "nothing"


def _words(step: Step) -> str:
    which = _which(step.events)
    if isinstance(step, Delay):
        b = step.by
        how = (
            f"{b.value}"
            if isinstance(b, Fixed)
            else f"{b.low} to {b.high}"
            if isinstance(b, Uniform)
            else f"{b.low} to {b.high} (most likely {b.mode})"
        )
        return f"delay {which} by {how} {step.unit}s"
    if isinstance(step, Drop):
        return f"drop {which} with probability {step.probability:g}"
    return f"pick one claim of each contested value in {which}"


def _which(e: Events) -> str:
    parts = [f"ids {', '.join(e.ids)}"] if e.ids else []
    parts += [f"kinds {', '.join(e.kinds)}"] if e.kinds else []
    parts += [f"from {e.since}"] if e.since else []
    parts += [f"to {e.until}"] if e.until else []
    return "every event" if not parts else "events (" + "; ".join(parts) + ")"
