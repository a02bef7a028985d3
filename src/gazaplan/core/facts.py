"""The vocabulary of facts: the kinds of value a fact takes, and :class:`FactSpec`, one fact's schema.

The facts themselves are the fields of :class:`~gazaplan.State`; ``gazaplan.FACTS`` maps each fact
id to its :class:`FactSpec`. Conditions name facts by these ids, such as ``"ceasefire_in_force"``,
``"hostages_held"`` or ``"response.hamas"`` (a per-party fact: the party id follows the dot).
A count past the data's edge may be a :class:`Floor`: known only from below.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from ._value import Value

__all__ = ["Crossing", "FactKind", "FactSpec", "Floor", "GovernanceRole", "Progress"]


class Crossing(enum.Enum):
    """Whether the Rafah crossing is open, and in which direction."""

    CLOSED = "closed"
    EXIT_ONLY = "open for leaving Gaza only"
    ENTRY_ONLY = "open for entering Gaza only"
    BOTH_WAYS = "open both ways"

    def __str__(self) -> str:
        return self.value


class Progress(enum.Enum):
    """How far a process has gone."""

    NOT_STARTED = "not started"
    UNDER_WAY = "under way"
    COMPLETE = "complete"

    def __str__(self) -> str:
        return self.value


class GovernanceRole(enum.Enum):
    """The part Hamas and the other factions play in governing Gaza (point 13 asks for NONE)."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    NONE = "none"

    def __str__(self) -> str:
        return self.value


class FactKind(enum.Enum):
    """The type of value a fact takes (besides UNKNOWN, which every fact may take)."""

    FLAG = "true or false"
    COUNT = "whole number, 0 or more"
    NUMBER = "number"
    PERCENT = "percentage, 0 to 100"
    CHOICE = "one of a set of values"
    LINE = "id of a withdrawal line"


@attrs.frozen
class FactSpec(Value):
    """What one fact means and what values it takes.

    Attributes:
        id: the fact id used in conditions. For a per-party fact this is the prefix
            (``"response"``); conditions use ``"response.<party id>"``.
        kind: the type of its values.
        doc: what it means, in one line.
        unit: the unit of a number (``"trucks a day"``), else empty.
        choices: the enum whose members a CHOICE fact takes.
        per_party: True if the fact is kept per party (``"response.hamas"``).
        derived: True if it is computed from other facts (it cannot be set directly).
        field: the :class:`~gazaplan.State` field that holds it.
    """

    id: str
    kind: FactKind
    doc: str
    unit: str = ""
    choices: type[enum.Enum] | None = None
    per_party: bool = False
    derived: bool = False
    field: str = ""

    def describe(self) -> str:
        """Describe the fact in one line: its id, the values it takes and what it means.

        Returns:
            A line such as ``"hostages_held: whole number, 0 or more - hostages still held ..."``.
        """
        kind = self.kind.value
        if self.choices is not None:
            kind = "one of " + ", ".join(str(m.value) for m in self.choices)
        name = f"{self.id}.<party>" if self.per_party else self.id
        return f"{name}: {kind} - {self.doc}"


def _floor_value(inst: object, attr: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        from ..exceptions import InvalidValueError

        raise InvalidValueError(
            f"Floor.{attr.name}", value, "a floor is a whole number, 0 or more", "Pass e.g. 250."
        )


@attrs.frozen
class Floor(Value):
    """A count known only from below: at least *value*.

    Past the data's edge a count that can still grow keeps what was last known as its floor. A
    comparison with it is MET or UNMET only where every count from the floor up gives the same
    answer (at least 250 is at least 200; it may or may not be 300), else UNKNOWN.

    Attributes:
        value: the least the count can be.
        as_of: when it was last known (None: not said).
    """

    value: int = attrs.field(validator=_floor_value)
    as_of: dt.date | None = None

    def __str__(self) -> str:
        last = f", last known on {self.as_of.day} {self.as_of:%b %Y}" if self.as_of else ""
        return f"at least {self.value}{last}"
