"""How a :class:`~gazaplan.State` field is declared and checked: a fact's validator by kind, a
contested value's claims each checked, and a per-party map checked entry by entry (so that an
update checks only the entries it changes)."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, Final

import attrs

from . import _checks as check
from ._frozenmap import FrozenMap, frozen_map
from .exceptions import InvalidValueError
from .facts import FactKind
from .sources import Contested
from .truth import UNKNOWN

__all__ = ["VALIDATORS", "PartyCheck", "fact", "or_contested", "party_map"]


VALIDATORS: Final[dict[FactKind, Callable[..., check.Validator]]] = {
    FactKind.FLAG: check.flag,
    FactKind.COUNT: check.count,
    FactKind.NUMBER: check.number,
    FactKind.PERCENT: lambda: check.number(low=0.0, high=100.0),
    FactKind.LINE: lambda: _line_id,
}


def _line_id(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is not UNKNOWN:
        check.ident()(inst, attr, value)


def or_contested(inner: check.Validator) -> check.Validator:
    """Accept a Contested value whose every claim passes *inner*."""

    def checker(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, Contested):
            for c in value.claims:
                inner(inst, attr, c.value)
        else:
            inner(inst, attr, value)

    return checker


def fact(
    kind: FactKind, doc: str, *, unit: str = "", choices: type[enum.Enum] | None = None
) -> Any:
    validator = or_contested(check.member(choices) if choices is not None else VALIDATORS[kind]())
    spec = {"kind": kind, "doc": doc, "unit": unit, "choices": choices}
    return attrs.field(default=UNKNOWN, validator=validator, metadata={"fact": spec})


class PartyCheck:
    """The validator of a per-party map: each key a party id, each value as *value_check* says.
    :meth:`one` checks a single entry, so that a state update checks only what it changes."""

    __slots__ = ("_named", "value_check")

    def __init__(self, value_check: check.Validator) -> None:
        self.value_check = value_check
        self._named: dict[tuple[str, str], attrs.Attribute[Any]] = {}  # "responses['hamas']"

    def one(self, inst: object, attr: attrs.Attribute[Any], party: object, v: object) -> None:
        if not isinstance(party, str) or not check.ID_PATTERN.match(party):
            raise InvalidValueError(
                f"{check.where(inst, attr)}[{party!r}]",
                party,
                "keys are party ids",
                "Use ids such as 'israel' or 'hamas'.",
            )
        named = self._named.get((attr.name, party))
        if named is None:  # built once per field and party (messages name the entry)
            named = attr.evolve(name=f"{attr.name}[{party!r}]")
            if len(self._named) < 1024:
                self._named[(attr.name, party)] = named
        self.value_check(inst, named, v)

    def __call__(
        self, inst: object, attr: attrs.Attribute[Any], value: FrozenMap[Any, Any]
    ) -> None:
        for party, v in value.items():
            self.one(inst, attr, party, v)


def party_map(kind: FactKind, doc: str, *, choices: type[enum.Enum] | None = None) -> Any:
    inner = check.member(choices) if choices is not None else VALIDATORS[kind]()
    spec = {"kind": kind, "doc": doc, "choices": choices, "per_party": True}
    return attrs.field(
        factory=FrozenMap,
        converter=frozen_map,
        validator=PartyCheck(inner),
        metadata={"fact": spec},
    )
