"""Attributed records an analyst can list and filter: :class:`Figure` and :class:`Position`.

A figure is a number someone reported (hostages held, people killed according to a named
authority, trucks a day); a position is what a party said about the plan. Both are dated,
attributed and sourced. An unconfirmed figure has the value :data:`~gazaplan.UNKNOWN`.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from . import _checks as check
from .parties import Response
from .sources import Source, cite, sources_required
from .truth import UNKNOWN, Unknown

__all__ = ["Figure", "Position", "Qualifier", "Topic"]


class Topic(enum.Enum):
    """Subject tags for provisions, figures and positions."""

    GOALS = "goals"
    CEASEFIRE = "ceasefire"
    WITHDRAWAL = "withdrawal"
    HOSTAGES = "hostages"
    PRISONERS = "prisoners"
    REMAINS = "remains"
    AID = "aid"
    GOVERNANCE = "governance"
    SECURITY = "security"
    DEMILITARISATION = "demilitarisation"
    AMNESTY = "amnesty"
    RECONSTRUCTION = "reconstruction"
    ECONOMY = "economy"
    MOVEMENT = "movement"
    DIALOGUE = "dialogue"
    POLITICAL_HORIZON = "political horizon"
    CONTINGENCY = "contingency"
    CASUALTIES = "casualties"
    POPULATION = "population"
    TERRITORY = "territory"

    def __str__(self) -> str:
        return self.value


class Qualifier(enum.Enum):
    """How a reported number is hedged by its source."""

    EXACT = ""
    ABOUT = "about"
    MORE_THAN = "more than"
    NEARLY = "nearly"

    def __str__(self) -> str:
        return self.value


def _figure_value(inst: object, attr: attrs.Attribute[Any], value: Any) -> None:
    check.number(low=0.0)(inst, attr, value)


@attrs.frozen
class Figure:
    """A reported number, attributed and sourced.

    Attributes:
        id: stable id, such as ``"hostages-held"``.
        topic: what it is about.
        label: what is counted, in the library's words.
        value: the number, or :data:`~gazaplan.UNKNOWN` where no source confirms one.
        unit: ``"people"``, ``"trucks a day"``, ``"percent"`` ...
        claimed_by: who states the number.
        sources: where it is reported.
        qualifier: the source's hedge ("about", "more than", "nearly").
        as_of: the date the figure refers to, if given.
        note: caveats, and other values for the same quantity from other sources.
    """

    id: str = attrs.field(validator=check.ident())
    topic: Topic = attrs.field(validator=check.member(Topic, unknown_ok=False))
    label: str = attrs.field(validator=check.text())
    value: int | float | Unknown = attrs.field(validator=_figure_value)
    unit: str = attrs.field(validator=check.text())
    claimed_by: str = attrs.field(validator=check.text())
    sources: tuple[Source, ...] = attrs.field(
        converter=check.as_tuple, validator=sources_required()
    )
    qualifier: Qualifier = Qualifier.EXACT
    as_of: dt.date | None = attrs.field(default=None, validator=check.optional_date())
    note: str = ""

    def __str__(self) -> str:
        if self.value is UNKNOWN:
            amount = "unknown"
        else:
            hedge = f"{self.qualifier} " if self.qualifier is not Qualifier.EXACT else ""
            amount = f"{hedge}{self.value:,} {self.unit}"
        return f"{self.label}: {amount} (per {self.claimed_by}) {cite(self.sources)}"


@attrs.frozen
class Position:
    """A party's stated position on the plan, paraphrased, dated and sourced.

    Attributes:
        party: the id of the party whose position this is.
        summary: the library's paraphrase of what the party said.
        sources: where it is reported.
        response: the answer to the plan the position amounts to, or UNKNOWN where it is unclear.
        as_of: when it was stated, if known.
        topics: what it is about.
    """

    party: str = attrs.field(validator=check.ident())
    summary: str = attrs.field(validator=check.text())
    sources: tuple[Source, ...] = attrs.field(
        converter=check.as_tuple, validator=sources_required()
    )
    response: Response | Unknown = attrs.field(default=UNKNOWN, validator=check.member(Response))
    as_of: dt.date | None = attrs.field(default=None, validator=check.optional_date())
    topics: frozenset[Topic] = attrs.field(default=frozenset(), converter=check.as_frozenset)

    def __str__(self) -> str:
        when = f" ({self.as_of})" if self.as_of else ""
        return f"{self.party}{when}: {self.summary} {cite(self.sources)}"
