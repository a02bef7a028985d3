"""What happens: :class:`Event`, a dated, sourced, attributed change of facts, as data.

An event has an instant (timezone-aware), a :class:`Precision` (a source that gives only a day is
recorded at the start of that day, local time, with ``precision=DAY`` kept visible), sources, who
reports it, and a :class:`Change` from a closed set of kinds. :func:`gazaplan.apply` turns a state
and an event into the next state; impossible events raise
:class:`~gazaplan.exceptions.InvalidEventError`.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from typing import Any, ClassVar, Final, TypeAlias

import attrs

from ..core import _checks as check
from ..core._frozenmap import FrozenMap, frozen_map
from ..core._kinds import Kinds
from ..core.facts import Crossing, Progress
from ..core.parties import Response
from ..core.records import Figure, Topic
from ..core.sources import Contested, Source, cite
from ..core.state import State, check_set
from ..exceptions import InvalidValueError
from ..truth import UNKNOWN

__all__ = [
    "CHANGE_TYPES",
    "CHECKED_WHEN_MADE",
    "KINDS",
    "AidDelivered",
    "Approved",
    "BodyEstablished",
    "CeasefireChanged",
    "Change",
    "Confidence",
    "CrossingChanged",
    "Event",
    "FactsReported",
    "GazanRemainsReturned",
    "HostagesReleased",
    "Precision",
    "PrisonersReleased",
    "Redeployed",
    "RemainsReturned",
    "Reported",
    "ResolutionAdopted",
    "Responded",
    "TerritoryHandedOver",
    "ViolationAlleged",
    "WeaponsDecommissioned",
]


class Precision(enum.Enum):
    """How exactly a source dates an event."""

    INSTANT = "instant"
    """The source gives the time of day."""
    DAY = "day"
    """The source gives only the day: the event is placed at the start of that day, local time."""

    def __str__(self) -> str:
        return self.value


class Confidence(enum.Enum):
    """The project's confidence marks for events."""

    CONFIRMED = "confirmed"
    CONFLICT = "sources disagree"

    def __str__(self) -> str:
        return self.value


PARTY: Final = {"role": "party"}
"""The metadata of a field naming a party or body (checked against the plan on replay)."""


def _party(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    check.ident()(inst, attr, value)


def added(state: State, field: str, amount: int) -> Any:
    """A count of a state moved by an amount.

    Args:
        state: the state before the change.
        field: the count's field (and fact id), such as ``"hostages_living_returned"``.
        amount: how much it moves by.

    Returns:
        The new count; UNKNOWN if it was unknown, each claim moved alike if it is contested.
    """
    current = getattr(state, field)
    if isinstance(current, Contested):
        return current.map(lambda v: v + amount)  # each source's count moves by the same amount
    return UNKNOWN if current is UNKNOWN else current + amount


@attrs.frozen
class Responded:
    """A party answers the plan (accepts, accepts in part, rejects)."""

    party: str = attrs.field(validator=_party, metadata=PARTY)
    response: Response = attrs.field(validator=check.member(Response, unknown_ok=False))
    tag: ClassVar[str] = "responded"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets.

        Args:
            state: the state the change applies to (unused: the new values do not depend on it).

        Returns:
            ``response.<party>``, set to the party's response.
        """
        return {f"response.{self.party}": self.response}


@attrs.frozen
class Approved:
    """A party's government formally approves the agreement."""

    party: str = attrs.field(validator=_party, metadata=PARTY)
    tag: ClassVar[str] = "approved"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets.

        Args:
            state: the state the change applies to (unused: the new values do not depend on it).

        Returns:
            ``approved.<party>``, set to True.
        """
        return {f"approved.{self.party}": True}


@attrs.frozen
class CeasefireChanged:
    """A ceasefire takes effect (``in_force=True``) or collapses (``False``)."""

    in_force: bool = attrs.field(validator=check.flag())
    tag: ClassVar[str] = "ceasefire"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets.

        Args:
            state: the state the change applies to (unused: the new values do not depend on it).

        Returns:
            ``ceasefire_in_force``, set to whether the ceasefire is in force.
        """
        return {"ceasefire_in_force": self.in_force}


@attrs.frozen
class Redeployed:
    """Israeli forces complete a redeployment to a withdrawal line (and hold the stated share)."""

    line: str = attrs.field(validator=check.ident())
    tag: ClassVar[str] = "redeployed"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets.

        Args:
            state: the state the change applies to (unused: the new values do not depend on it).

        Returns:
            ``idf_line``, set to the line the forces redeployed to.
        """
        return {"idf_line": self.line}


@attrs.frozen
class HostagesReleased:
    """Living hostages are released."""

    living: int = attrs.field(validator=check.count(unknown_ok=False))
    tag: ClassVar[str] = "hostages_released"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets.

        Args:
            state: the state the change applies to (the counts move from their values there).

        Returns:
            ``hostages_living_returned``, moved up by the number released.
        """
        return {"hostages_living_returned": added(state, "hostages_living_returned", self.living)}


@attrs.frozen
class RemainsReturned:
    """Remains of *count* deceased hostages are returned; *israeli* of them of Israeli hostages.

    *israeli* is None where the sources do not say, which makes the Israeli count UNKNOWN from
    then on.
    """

    count: int = attrs.field(validator=check.count(unknown_ok=False))
    israeli: int | None = attrs.field(default=None)
    tag: ClassVar[str] = "remains_returned"

    def __attrs_post_init__(self) -> None:
        if self.israeli is None:
            return
        check.count(unknown_ok=False)(self, attrs.fields(RemainsReturned).israeli, self.israeli)
        if self.israeli > self.count:
            raise InvalidValueError(
                "RemainsReturned.israeli",
                self.israeli,
                f"more than the {self.count} returned",
                "Count Israeli hostages' remains among those returned.",
            )

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets.

        Args:
            state: the state the change applies to (the counts move from their values there).

        Returns:
            ``hostages_deceased_returned`` moved up by *count*, and
            ``israeli_hostage_remains_returned`` moved up by *israeli* (UNKNOWN if None).
        """
        return {
            "hostages_deceased_returned": added(state, "hostages_deceased_returned", self.count),
            "israeli_hostage_remains_returned": UNKNOWN
            if self.israeli is None
            else added(state, "israeli_hostage_remains_returned", self.israeli),
        }


@attrs.frozen
class PrisonersReleased:
    """Prisoners are released, by category.

    *women_and_children_all*: True if all detained women and children are now freed, False if
    not, None if the sources do not say (a release of Gaza detainees then makes that fact
    UNKNOWN).
    """

    life_sentence: int = attrs.field(default=0, validator=check.count(unknown_ok=False))
    gaza_detainees: int = attrs.field(default=0, validator=check.count(unknown_ok=False))
    women_and_children_all: bool | None = attrs.field(
        default=None, validator=attrs.validators.optional(check.flag())
    )
    tag: ClassVar[str] = "prisoners_released"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets.

        Args:
            state: the state the change applies to (the counts move from their values there).

        Returns:
            The released counts moved up by category, and
            ``detained_women_children_released`` where the event says (UNKNOWN after a release
            of Gaza detainees that does not).
        """
        out = {
            "life_sentence_prisoners_released": added(
                state, "life_sentence_prisoners_released", self.life_sentence
            ),
            "gaza_detainees_released": added(state, "gaza_detainees_released", self.gaza_detainees),
        }
        if self.women_and_children_all is not None:
            out["detained_women_children_released"] = self.women_and_children_all
        elif self.gaza_detainees:  # a release that does not say whether it included all of them
            out["detained_women_children_released"] = UNKNOWN
        return out


@attrs.frozen
class GazanRemainsReturned:
    """Israel returns the remains of deceased Gazans."""

    count: int = attrs.field(validator=check.count(unknown_ok=False))
    tag: ClassVar[str] = "gazan_remains_returned"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets.

        Args:
            state: the state the change applies to (the counts move from their values there).

        Returns:
            ``gazan_remains_returned``, moved up by *count*.
        """
        return {"gazan_remains_returned": added(state, "gazan_remains_returned", self.count)}


@attrs.frozen
class AidDelivered:
    """Aid enters at a reported daily rate (trucks a day)."""

    trucks_per_day: float = attrs.field(validator=check.number(unknown_ok=False))
    tag: ClassVar[str] = "aid"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets.

        Args:
            state: the state the change applies to (unused: the new values do not depend on it).

        Returns:
            ``aid_trucks_per_day``, set to the reported rate.
        """
        return {"aid_trucks_per_day": self.trucks_per_day}


@attrs.frozen
class CrossingChanged:
    """The Rafah crossing opens, closes or changes direction."""

    status: Crossing = attrs.field(validator=check.member(Crossing, unknown_ok=False))
    tag: ClassVar[str] = "crossing"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets.

        Args:
            state: the state the change applies to (unused: the new values do not depend on it).

        Returns:
            ``rafah_crossing``, set to the crossing's new status.
        """
        return {"rafah_crossing": self.status}


@attrs.frozen
class BodyEstablished:
    """A body is set up (the Board of Peace, the committee, the ISF, the police)."""

    body: str = attrs.field(validator=_party, metadata=PARTY)
    tag: ClassVar[str] = "body_established"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets.

        Args:
            state: the state the change applies to (unused: the new values do not depend on it).

        Returns:
            ``established.<body>``, set to True.
        """
        return {f"established.{self.body}": True}


@attrs.frozen
class TerritoryHandedOver:
    """Israeli forces hand ground to the ISF: the ISF is deployed and holds *isf_pct* percent."""

    isf_pct: float = attrs.field(validator=check.number(high=100.0, unknown_ok=False))
    tag: ClassVar[str] = "territory_handed_over"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets.

        Args:
            state: the state the change applies to (unused: the new values do not depend on it).

        Returns:
            ``isf_control_pct``, set to *isf_pct*, and ``isf_deployed``, set to True.
        """
        return {"isf_control_pct": self.isf_pct, "isf_deployed": True}


@attrs.frozen
class WeaponsDecommissioned:
    """Decommissioning reaches a stage; *verified* if the monitors verify it."""

    progress: Progress = attrs.field(validator=check.member(Progress, unknown_ok=False))
    verified: bool = attrs.field(default=False, validator=check.flag())
    tag: ClassVar[str] = "weapons_decommissioned"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets.

        Args:
            state: the state the change applies to (unused: the new values do not depend on it).

        Returns:
            ``decommissioning``, set to the stage reached, and ``decommissioning_verified``.
        """
        return {"decommissioning": self.progress, "decommissioning_verified": self.verified}


@attrs.frozen
class ViolationAlleged:
    """One party accuses another of breaking the terms. Changes no fact: it is a claim."""

    by: str = attrs.field(validator=_party, metadata=PARTY)
    against: str = attrs.field(validator=_party, metadata=PARTY)
    allegation: str = attrs.field(validator=check.text())
    tag: ClassVar[str] = "violation_alleged"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets: none.

        Args:
            state: the state the change applies to (unused: the new values do not depend on it).

        Returns:
            An empty dict.
        """
        return {}


@attrs.frozen
class ResolutionAdopted:
    """A body adopts a resolution on the plan (the UN Security Council's 2803).

    Changes no fact: what it changes in the plan's terms is recorded as a plan version.
    """

    body: str = attrs.field(validator=_party, metadata=PARTY)
    resolution: str = attrs.field(validator=check.text())
    tag: ClassVar[str] = "resolution_adopted"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets: none.

        Args:
            state: the state the change applies to (unused: the new values do not depend on it).

        Returns:
            An empty dict.
        """
        return {}


@attrs.frozen
class Reported:
    """A development reported that sets none of the plan's facts (talks, statements, tolls).

    Kept for the record with the figures it gives, each attributed. Changes no fact.
    """

    topics: frozenset[Topic] = attrs.field(default=frozenset(), converter=check.as_frozenset)
    figures: tuple[Figure, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.items_of(Figure)
    )
    tag: ClassVar[str] = "reported"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets: none.

        Args:
            state: the state the change applies to (unused: the new values do not depend on it).

        Returns:
            An empty dict.
        """
        return {}


def _settable(inst: object, attr: attrs.Attribute[Any], value: FrozenMap[str, Any]) -> None:
    for fact_id, v in value.items():
        check_set(fact_id, v, f"{type(inst).__name__}.{attr.name}")


@attrs.frozen
class FactsReported:
    """Facts reported directly, by fact id (for facts no other kind of event sets).

    Each fact is checked when the change is made: its id names a fact that is not derived, and
    its value is one the fact takes (see :meth:`State.updated <gazaplan.State.updated>`).
    """

    facts: FrozenMap[str, Any] = attrs.field(converter=frozen_map, validator=_settable)
    tag: ClassVar[str] = "facts_reported"

    def sets(self, state: State) -> dict[str, Any]:
        """The facts the change sets.

        Args:
            state: the state the change applies to (unused: the new values do not depend on it).

        Returns:
            The facts reported, by id.
        """
        return self.facts.to_dict()


Change: TypeAlias = (
    Responded
    | Approved
    | CeasefireChanged
    | Redeployed
    | HostagesReleased
    | RemainsReturned
    | PrisonersReleased
    | GazanRemainsReturned
    | AidDelivered
    | CrossingChanged
    | BodyEstablished
    | TerritoryHandedOver
    | WeaponsDecommissioned
    | ViolationAlleged
    | ResolutionAdopted
    | Reported
    | FactsReported
)
"""The built-in kinds of change (the one list of them). Each says its effect on a state
(``sets(state)``: the facts it sets, by id); the fields that name a party say so
(``metadata=PARTY``), and a replay on a plan checks those names."""

KINDS: Final = Kinds("change", Change, requires=("sets",))
"""The kinds of change by tag: the built-in ones and any registered with ``KINDS.register``."""

CHANGE_TYPES: Final[tuple[type, ...]] = typing.get_args(Change)
"""The built-in kinds of change (kept for old code; :meth:`KINDS.types` adds registered kinds)."""

CHECKED_WHEN_MADE: Final[frozenset[type]] = frozenset(CHANGE_TYPES) - {
    HostagesReleased,
    RemainsReturned,
    PrisonersReleased,
    GazanRemainsReturned,
}
"""The kinds of change whose every value set is one its fact takes, since their own fields were
checked when they were made: a replay reads their facts without checking the values again (the
kinds that move counts, and registered kinds, are checked). A property test holds each to it."""


def _change(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, KINDS.types()):
        raise InvalidValueError(
            check.where(inst, attr),
            value,
            "not a kind of event gazaplan knows",
            f"Use one of: {KINDS.names()}.",
        )


@attrs.frozen
class Event:
    """A dated, sourced change of facts.

    Attributes:
        id: stable id, such as ``"2025-10-13-hostages-released"``.
        at: when it happened (timezone-aware).
        change: what changed (one of the event kinds).
        summary: the library's own short description.
        sources: where it is reported.
        reported_by: who states it, in the library's neutral wording.
        precision: INSTANT, or DAY when the source gives only the day.
        confidence: CONFIRMED, or CONFLICT where sources disagree on a detail.
        note: caveats.
    """

    id: str = attrs.field(validator=check.ident())
    at: dt.datetime = attrs.field(validator=check.instant("an event's instant"))
    change: Change = attrs.field(validator=_change)
    summary: str = attrs.field(default="", validator=check.text(allow_empty=True))
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.items_of(Source)
    )
    reported_by: str = ""
    precision: Precision = Precision.INSTANT
    confidence: Confidence = Confidence.CONFIRMED
    note: str = ""

    @property
    def kind(self) -> str:
        """The tag of the change (``"hostages_released"``)."""
        return self.change.tag

    def __str__(self) -> str:
        when = (
            self.at.date().isoformat() if self.precision is Precision.DAY else self.at.isoformat()
        )
        return f"{when} {self.kind}: {self.summary or self.change} {cite(self.sources)}"
