"""The whole plan as data: :class:`Plan`, which checks on construction that every reference resolves.

A plan names parties, provisions, phases, lines and terms, and its conditions name facts, terms,
phases and (in per-party facts such as ``"response.hamas"``) parties. A plan in which any of these
names nothing is refused with an error that says where the name was used and what was meant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

import attrs

from ..exceptions import (
    InvalidValueError,
    UnknownIdError,
    UnknownPartyError,
    UnknownPhaseError,
    UnknownTermError,
)
from ..truth import UNKNOWN
from . import _checks as check
from ._pickling import added_fields_default
from ._plancache import PlanCache
from ._results import NotebookDisplay
from ._value import Value
from .conditions import (
    AtLeast,
    Condition,
)
from .obligations import InitialFact, Obligation, Phase
from .parties import Party
from .provisions import Provision
from .records import AnomalyNote, Figure, Position, Topic
from .sources import Contested, Source, Sourced
from .state import State
from .terms import AidTerms, ExchangeTerms, WithdrawalLine

if TYPE_CHECKING:
    import pandas as pd

    from .amendments import Amendment  # noqa: TC004 - amendments sit above plans; a forward reference

__all__ = ["Plan"]

DEFERRED_CHECKS: ContextVar[bool] = ContextVar("gazaplan_defer_reference_check", default=False)
"""True while the plans being built are checked by whoever set it, not one by one:
:func:`~gazaplan.amend` checks its final plan once, not each step (and leaves even that to a
caller that set it: the catalog, whose bundled versions the tests check)."""


def _unique(key: Any, what: str) -> list[check.Validator]:
    return [check.unique(key, what)]


def _by_order(lines: Iterable[WithdrawalLine]) -> tuple[WithdrawalLine, ...]:
    return tuple(sorted(lines, key=lambda line: line.order))


def _offset_hours(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not -12 <= value <= 14:
        raise InvalidValueError(
            check.where(inst, attr),
            value,
            "a UTC offset is a whole number of hours from -12 to +14",
            "Pass the offset of the plan's local time, such as 3 for UTC+3.",
        )


@added_fields_default
@attrs.frozen(kw_only=True)
class Plan(NotebookDisplay, Value):
    """A version of the plan: its parties, points, phases, lines, terms and reported figures.

    Attributes:
        version: the version id, the date its terms were set (``"2025-09-29"``).
        date: that date.
        title: display title.
        parties: the parties and bodies the plan names (ids unique).
        provisions: the plan's numbered points (numbers unique).
        phases: the plan's phases, with their obligations (ids unique).
        lines: the withdrawal lines, in order (ids unique).
        exchange: the terms of the hostage and prisoner exchange.
        aid: the terms of the aid.
        figures: attributed records of reported numbers.
        positions: attributed records of the parties' stated positions.
        anomaly_notes: the library's account of each place where the record and its reading
            of the rules differ (see :func:`~gazaplan.anomalies`).
        initial_facts: the facts when the version took effect, each sourced.
        sources: the source register the content cites.
        amendments: the amendments this version was derived through, oldest first.
        published: the publication date of the original text, which ``initial_facts`` describe
            (None: the same as ``date``). See :attr:`start_date`.
        utc_offset_hours: the offset of the plan's local time from UTC, in whole hours: its
            starting facts hold from midnight of :attr:`start_date` there (0 unless given; the
            bundled plan's is +3, Israel and Gaza in October 2025).
    """

    version: str = attrs.field(validator=check.text())
    date: dt.date = attrs.field(validator=check.optional_date())
    title: str = attrs.field(validator=check.text())
    parties: tuple[Party, ...] = attrs.field(
        converter=check.as_tuple,
        validator=[check.items_of(Party), *_unique(lambda p: p.id, "parties")],
    )
    provisions: tuple[Provision, ...] = attrs.field(
        converter=check.as_tuple,
        validator=[check.items_of(Provision), *_unique(lambda p: p.number, "provisions")],
    )
    phases: tuple[Phase, ...] = attrs.field(
        converter=check.as_tuple,
        validator=[check.items_of(Phase), *_unique(lambda p: p.id, "phases")],
    )
    lines: tuple[WithdrawalLine, ...] = attrs.field(
        converter=_by_order,
        validator=[
            check.items_of(WithdrawalLine),
            *_unique(lambda line: line.id, "lines"),
            *_unique(lambda line: line.order, "line orders"),
        ],
    )
    exchange: ExchangeTerms
    aid: AidTerms
    figures: tuple[Figure, ...] = attrs.field(
        default=(),
        converter=check.as_tuple,
        validator=[check.items_of(Figure), *_unique(lambda f: f.id, "figures")],
    )
    positions: tuple[Position, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.items_of(Position)
    )
    anomaly_notes: tuple[AnomalyNote, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.items_of(AnomalyNote)
    )
    initial_facts: tuple[InitialFact, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.items_of(InitialFact)
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.items_of(Source)
    )
    amendments: tuple[Amendment, ...] = attrs.field(default=(), converter=check.as_tuple)
    published: dt.date | None = attrs.field(default=None, validator=check.optional_date())
    utc_offset_hours: int = attrs.field(default=0, validator=_offset_hours)
    _cache: PlanCache = attrs.field(init=False, factory=PlanCache, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        if not DEFERRED_CHECKS.get():  # amend() checks its final plan once, not each step
            from ._references import check_references

            check_references(self)

    @property
    def origin(self) -> dt.datetime:
        """Midnight of :attr:`start_date` in the plan's local time: when its starting facts hold."""
        zone = dt.timezone(dt.timedelta(hours=self.utc_offset_hours))
        return dt.datetime.combine(self.start_date, dt.time(0), tzinfo=zone)

    @property
    def in_force(self) -> dt.datetime:
        """When this version took effect: its last dated amendment's instant, else the origin.

        An amendment's ``in_force`` where it gives one, else the start of its date in the plan's
        local time; a what-if amendment without a date leaves the instant of the version it
        edits.
        """
        zone = dt.timezone(dt.timedelta(hours=self.utc_offset_hours))
        for a in reversed(self.amendments):
            if a.in_force is not None:
                return a.in_force
            if a.date is not None:
                return dt.datetime.combine(a.date, dt.time(0), tzinfo=zone)
        return self.origin

    @property
    def start_date(self) -> dt.date:
        """The date the starting facts hold: the original text's publication date."""
        return self.published or self.date

    # -- lookups --
    def phase(self, phase_id: str) -> Phase:
        """The phase with one id.

        Args:
            phase_id: the phase's id.

        Returns:
            The phase.

        Raises:
            UnknownPhaseError: if the plan has no such phase (a KeyError); the message lists the
                known ids.
        """
        for p in self.phases:
            if p.id == phase_id:
                return p
        raise UnknownPhaseError(phase_id, [p.id for p in self.phases]) from None

    def party(self, party_id: str) -> Party:
        """The party with one id.

        Args:
            party_id: the party's id.

        Returns:
            The party.

        Raises:
            UnknownPartyError: if the plan has no such party (a KeyError).
        """
        for p in self.parties:
            if p.id == party_id:
                return p
        raise UnknownPartyError(party_id, [p.id for p in self.parties]) from None

    def provision(self, number: int) -> Provision:
        """One numbered point of the plan.

        Args:
            number: the point's number (1-20).

        Returns:
            The provision.

        Raises:
            UnknownIdError: if this plan lacks the point (a KeyError).
        """
        for p in self.provisions:
            if p.number == number:
                return p
        raise UnknownIdError(
            str(number), [str(p.number) for p in self.provisions], where="Plan.provision"
        )

    def line(self, line_id: str) -> WithdrawalLine:
        """The withdrawal line with one id.

        Args:
            line_id: the line's id.

        Returns:
            The line.

        Raises:
            UnknownIdError: if the plan has no such line (a KeyError).
        """
        for line in self.lines:
            if line.id == line_id:
                return line
        raise UnknownIdError(line_id, [line.id for line in self.lines], where="Plan.line")

    def lines_from(self, line_id: str) -> frozenset[str]:
        """A line and every line beyond it (for "at or beyond" conditions).

        Args:
            line_id: the line's id.

        Returns:
            The ids of that line and of every line of a later order.

        Raises:
            UnknownIdError: if the plan has no such line.
        """
        order = self.line(line_id).order
        return frozenset(line.id for line in self.lines if line.order >= order)

    def term(self, path: str) -> Sourced[Any]:
        """The term at one path.

        Args:
            path: the term's path, such as ``"exchange.remains_ratio"``.

        Returns:
            The term's value with its sources.

        Raises:
            UnknownTermError: if no term has that path.
        """
        group, _, name = path.partition(".")
        holder = {"exchange": self.exchange, "aid": self.aid}.get(group)
        value = getattr(holder, name, None) if holder is not None and name else None
        if not isinstance(value, Sourced):
            raise UnknownTermError(path, self.term_paths())
        return value

    def term_paths(self) -> tuple[str, ...]:
        """Every term path of the plan.

        Returns:
            The paths, such as ``"exchange.remains_ratio"``, exchange terms first.
        """
        out = []
        for group, holder in (("exchange", self.exchange), ("aid", self.aid)):
            out += [
                f"{group}.{a.name}"
                for a in attrs.fields(type(holder))
                if isinstance(getattr(holder, a.name), Sourced)
            ]
        return tuple(out)

    def obligations(self) -> tuple[Obligation, ...]:
        """Every obligation of the plan.

        Returns:
            The obligations, phase by phase.
        """
        return tuple(o for p in self.phases for o in p.obligations)

    def obligation(self, obligation_id: str) -> Obligation:
        """The obligation with one id.

        Args:
            obligation_id: the obligation's id.

        Returns:
            The obligation.

        Raises:
            UnknownIdError: if no phase of the plan has such an obligation (a KeyError).
        """
        for o in self.obligations():
            if o.id == obligation_id:
                return o
        raise UnknownIdError(
            obligation_id, [o.id for o in self.obligations()], where="Plan.obligation"
        )

    def find_figures(
        self, *, topic: Topic | None = None, claimed_by: str | None = None, text: str | None = None
    ) -> tuple[Figure, ...]:
        """The plan's figures, filtered.

        Args:
            topic: keep the figures on this topic; None for every topic.
            claimed_by: keep the figures whose claimant contains this text (any case); None for
                every claimant.
            text: keep the figures whose label contains this text (any case); None for every
                label.

        Returns:
            The figures that pass every filter given, in the plan's order.
        """
        out = self.figures
        if topic is not None:
            out = tuple(f for f in out if f.topic is topic)
        if claimed_by is not None:
            out = tuple(f for f in out if claimed_by.casefold() in f.claimed_by.casefold())
        if text is not None:
            out = tuple(f for f in out if text.casefold() in f.label.casefold())
        return out

    def positions_of(self, party_id: str) -> tuple[Position, ...]:
        """The recorded positions of one party.

        Args:
            party_id: the party's id.

        Returns:
            Its positions, oldest first (undated ones first of all).

        Raises:
            UnknownPartyError: if the plan has no such party.
        """
        self.party(party_id)
        return tuple(
            sorted(
                (p for p in self.positions if p.party == party_id),
                key=lambda p: p.as_of or dt.date.min,
            )
        )

    def conditions(self) -> Iterator[tuple[str, Condition]]:
        """Every condition in the plan with a description of where it sits.

        Yields:
            Pairs of a description (``"phase 'phase-1' entry"``) and the condition.
        """
        for phase in self.phases:
            yield f"phase {phase.id!r} entry", phase.entry
            yield f"phase {phase.id!r} completion", phase.completion
            for o in phase.obligations:
                yield f"obligation {o.id!r} trigger", o.trigger
                yield f"obligation {o.id!r} completion", o.completion
                if o.deadline is not None and o.deadline.since is not None:
                    yield f"obligation {o.id!r} deadline", o.deadline.since
                for m in o.measures:
                    yield f"obligation {o.id!r} measure", AtLeast(m.fact, m.owed, point=o.provision)
        for line in self.lines:
            if line.advance is not None:
                yield f"line {line.id!r} advance", line.advance
        yield "exchange hostage_trigger", self.exchange.hostage_trigger
        yield "exchange prisoner_trigger", self.exchange.prisoner_trigger
        yield "exchange remains_trigger", self.exchange.remains_trigger

    def check_ids(self, facts: Mapping[str, Any]) -> None:
        """Refuse fact ids naming parties, or a line value, that this plan does not have.

        Args:
            facts: fact ids and their values.

        Raises:
            UnknownPartyError: if a per-party fact names a party not in the plan.
            UnknownIdError: if a value of ``idf_line`` names no line of the plan.
        """
        parties, lines = self._ids()
        for fact_id, value in facts.items():
            _, dot, party = fact_id.partition(".")
            if dot and party not in parties:
                raise UnknownPartyError(party, parties, where=f"fact {fact_id!r}")
            if fact_id == "idf_line" and value is not UNKNOWN and value not in lines:
                raise UnknownIdError(str(value), lines, where="idf_line (withdrawal line)")

    def _ids(self) -> tuple[frozenset[str], frozenset[str]]:
        return self._cache.derive(
            "ids",
            lambda: (
                frozenset(p.id for p in self.parties),
                frozenset(line.id for line in self.lines),
            ),
        )

    def check_state(self, state: State) -> None:
        """Refuse a state that names parties or lines this plan does not have.

        Args:
            state: the state to check.

        Raises:
            UnknownPartyError: a per-party fact names a party not in the plan.
            UnknownIdError: ``idf_line`` names no line of the plan.
        """
        parties, lines = self._ids()
        for field, prefix in (
            ("responses", "response"),
            ("approvals", "approved"),
            ("established", "established"),
        ):
            mapping = getattr(state, field)
            if not parties.issuperset(mapping):
                party = sorted(set(mapping) - parties)[0]
                raise UnknownPartyError(party, parties, where=f"State.{field} ({prefix}.{party})")
        line = state.idf_line
        for value in line.values() if isinstance(line, Contested) else (line,):
            if value is not UNKNOWN and value not in lines:
                raise UnknownIdError(str(value), lines, where="State.idf_line (withdrawal line)")

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"

    def to_pandas(self, table: str = "provisions") -> pd.DataFrame:
        """One of the plan's tables as a DataFrame.

        Needs the ``pandas`` extra.

        Args:
            table: which table: one of :data:`gazaplan.desk.tables.PLAN_TABLES`.

        Returns:
            The table, a row per item.

        Raises:
            MissingExtraError: if pandas is not installed.
            InvalidValueError: if *table* names no table of the plan.
        """
        from . import _ports  # on first use: building a plan needs no port

        return _ports.tables().to_pandas(self, table)
