"""Who can act, owe or oversee: :class:`Party`, its :class:`PartyKind`, and a party's :class:`Response`."""

from __future__ import annotations

import enum

import attrs

from . import _checks as check
from ._value import Value
from .sources import Source

__all__ = ["Party", "PartyKind", "Response"]


class PartyKind(enum.Enum):
    """What sort of party or body this is. A party has one main kind; its description says more."""

    BELLIGERENT = "belligerent"
    MEDIATOR = "mediator"
    GUARANTOR = "guarantor"
    TRANSITIONAL_BODY = "transitional body"
    INTERNATIONAL_FORCE = "international force"
    AID_BODY = "aid body"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


class Response(enum.Enum):
    """A party's answer to the plan, as reported."""

    NO_RESPONSE = "no response"
    ACCEPTED = "accepted"
    ACCEPTED_IN_PART = "accepted in part"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Party(Value):
    """A party, body or group of states named by the plan or the reporting on it.

    Attributes:
        id: stable id, such as ``"israel"`` or ``"board-of-peace"``; conditions and obligations
            refer to parties by it.
        name: display name.
        kind: the main kind.
        description: the library's own short description.
        sources: where the party's role is stated.
        members: who the party is made of where it is a group (``"guarantors"``); empty where the
            sources do not say, which the description then states.
    """

    id: str = attrs.field(validator=check.ident())
    name: str = attrs.field(validator=check.text())
    kind: PartyKind = attrs.field(validator=check.member(PartyKind, unknown_ok=False))
    description: str = attrs.field(default="", validator=check.text(allow_empty=True))
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.items_of(Source)
    )
    members: tuple[str, ...] = attrs.field(default=(), converter=check.as_tuple)

    def __str__(self) -> str:
        return self.name
