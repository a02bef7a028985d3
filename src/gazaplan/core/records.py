"""Attributed records an analyst can list and filter: :class:`Figure` and :class:`Position`.

A figure is a number someone reported (hostages held, people killed according to a named
authority, trucks a day); a position is what a party said about the plan. Both are dated,
attributed and sourced. An unconfirmed figure has the value :data:`~gazaplan.UNKNOWN`.

A position can be a stated condition, as data: *who* (``party``) commits to or refuses
(``stance``) *which action* (``action``, and the plan ``obligation`` it bears on), *only if*
which :class:`~gazaplan.Condition` (``only_if``), valid from ``as_of`` until ``valid_until``.
:func:`gazaplan.whatif.under_positions` puts the conditions a party states into the plan's
triggers, so a check, a compliance judgement or a what-if can ask what follows from them. Every
position is worded by the same template, whichever party holds it (:meth:`Position.statement`).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

import attrs

from ..exceptions import InvalidValueError
from ..truth import UNKNOWN, Unknown
from . import _checks as check
from ._value import Value
from .conditions import Condition, condition_check, text
from .parties import Response
from .sources import Source, cite, sources_required

__all__ = ["AnomalyNote", "Figure", "Position", "Qualifier", "Stance", "Topic"]


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
class Figure(Value):
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


class Stance(enum.Enum):
    """What a position says a party will do about an action."""

    COMMITS = "commits to"
    """It will take the action (if ``only_if`` is given, only once that holds)."""
    REFUSES = "refuses"
    """It will not take the action, whatever happens."""

    def __str__(self) -> str:
        return self.value


def _obligation_id(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value != "":
        check.ident()(inst, attr, value)


def _position(pos: Position) -> None:
    def bad(field: str, value: object, problem: str, fix: str) -> InvalidValueError:
        return InvalidValueError(f"Position.{field}", value, problem, fix)

    if pos.stance is not UNKNOWN and not pos.action:
        raise bad("action", pos.action, "a stance is about an action", "Say which, in words.")
    if pos.obligation and pos.stance is UNKNOWN:
        raise bad(
            "stance", pos.stance, "a position on an obligation says whether the party commits",
            "Give a stance: commits or refuses.",
        )  # fmt: skip
    if pos.only_if is not None and pos.stance is not Stance.COMMITS:
        raise bad(
            "only_if", pos.only_if, "a condition goes with a commitment",
            "Make the stance 'commits' (refusing unless C is committing only if C).",
        )  # fmt: skip
    if pos.valid_until is not None and pos.as_of is not None and pos.valid_until < pos.as_of:
        raise bad(
            "valid_until", pos.valid_until, f"it is before the position was stated ({pos.as_of})",
            "Correct one of the dates.",
        )  # fmt: skip


@attrs.frozen
class Position(Value):
    """A party's stated position on the plan, paraphrased, dated and sourced.

    Attributes:
        party: the id of the party whose position this is.
        summary: the library's paraphrase of what the party said.
        sources: where it is reported.
        response: the answer to the plan the position amounts to, or UNKNOWN where it is unclear.
        as_of: when it was stated, if known; it holds from then.
        topics: what it is about.
        stance: COMMITS or REFUSES, or UNKNOWN for a general statement.
        action: the action it commits to or refuses, in the library's words.
        obligation: the id of the plan's obligation the action is, if it is one.
        only_if: the condition the party puts on its commitment, if any.
        valid_until: the last day it is known to hold (None: not known to have lapsed).
        reported_by: who reports it, where the sources relay it.
    """

    party: str = attrs.field(validator=check.ident())
    summary: str = attrs.field(validator=check.text())
    sources: tuple[Source, ...] = attrs.field(
        converter=check.as_tuple, validator=sources_required()
    )
    response: Response | Unknown = attrs.field(default=UNKNOWN, validator=check.member(Response))
    as_of: dt.date | None = attrs.field(default=None, validator=check.optional_date())
    topics: frozenset[Topic] = attrs.field(default=frozenset(), converter=check.as_frozenset)
    stance: Stance | Unknown = attrs.field(default=UNKNOWN, validator=check.member(Stance))
    action: str = ""
    obligation: str = attrs.field(default="", validator=_obligation_id)
    only_if: Condition | None = attrs.field(default=None, validator=condition_check(optional=True))
    valid_until: dt.date | None = attrs.field(default=None, validator=check.optional_date())
    reported_by: str = ""

    def __attrs_post_init__(self) -> None:
        _position(self)

    def holds_at(self, day: dt.date) -> bool:
        """Tell whether the position holds on *day*.

        Args:
            day: the day asked about.

        Returns:
            True if it was stated by then (or is undated) and is not known to have lapsed.
        """
        started = self.as_of is None or self.as_of <= day
        return started and (self.valid_until is None or day <= self.valid_until)

    def statement(self, names: Mapping[str, str] | None = None) -> str:
        """The position in the library's one template, the same for every party.

        Args:
            names: the parties' display names by id (``gazaplan.core.words.party_names(plan)``);
                None: the party is named by its id.

        Returns:
            ``"<party> commits to X only if Y"``, ``"<party> refuses X"`` and the like, or the
            summary for a general position.
        """
        if self.stance is UNKNOWN:
            return self.summary
        condition = f" only if {text(self.only_if)}" if self.only_if is not None else ""
        return f"{self._who(names)} {self.stance} {self.action}{condition}"

    def explain(self, names: Mapping[str, str] | None = None) -> str:
        """The position in one line: who, when, its statement, the paraphrase and the sources.

        Args:
            names: the parties' display names by id (``gazaplan.core.words.party_names(plan)``);
                None: the party is named by its id.

        Returns:
            ``"Israel, 2026-08-04: Israel commits to ...: <summary> [sources]"``.
        """
        when = f", {self.as_of}" if self.as_of else ""
        said = f" {self.statement(names)}:" if self.stance is not UNKNOWN else ""
        return f"{self._who(names)}{when}:{said} {self.summary} {cite(self.sources)}"

    def _who(self, names: Mapping[str, str] | None) -> str:
        return names.get(self.party, self.party) if names is not None else self.party

    def __str__(self) -> str:
        return self.explain()


@attrs.frozen
class AnomalyNote(Value):
    """The library's account of a place where the record and its reading of the rules differ.

    :func:`~gazaplan.anomalies` lists every event that acts on an obligation before its trigger
    is MET, and every fact that undoes a fulfilled achievement; a note says, with its sources,
    whether that is a real early or out-of-order step, or a gap in what the sources say.

    Attributes:
        event: the id of the event.
        obligation: the id of the obligation.
        note: the account, in the library's words.
        sources: where it rests.
    """

    event: str = attrs.field(validator=check.ident())
    obligation: str = attrs.field(validator=check.ident())
    note: str = attrs.field(validator=check.text())
    sources: tuple[Source, ...] = attrs.field(
        converter=check.as_tuple, validator=sources_required()
    )
