"""Who owes what, and the stages of the plan: :class:`Obligation`, :class:`Deadline`, :class:`Phase`.

An obligation is *triggered* when its trigger condition holds and *fulfilled* when its completion
condition holds; a deadline (judged over a timeline) counts from the instant its clock starts.
Its :class:`ObligationKind` says what fulfilling it means over time, after Governatori's
classification: an *achievement* is done once (return the hostages), a *maintenance* duty must
keep holding from its trigger for a :class:`Period` (keep a crossing open), a *punctual* one must
hold at one instant (its deadline). A phase has an entry condition (its stated preconditions),
the obligations it carries and a completion condition.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from ..exceptions import InvalidValueError
from . import _checks as check
from ._pickling import added_fields_default
from ._results import NotebookDisplay
from ._value import Value
from .conditions import AtLeast, Condition, Term, Times, condition_check
from .sources import Source, Sourced, sources_required

__all__ = [
    "CountingPoint",
    "Deadline",
    "InitialFact",
    "Measure",
    "Obligation",
    "ObligationKind",
    "Path",
    "Period",
    "Phase",
]


def _hours(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, Term):
        return  # the plan checks the term's value (Plan: at most MAX_HOURS)
    if not check.bounded_number(value) or not 0 < value <= check.MAX_HOURS:  # type: ignore[operator]
        raise InvalidValueError(
            check.where(inst, attr),
            value,
            f"a deadline is a Term or a number of hours above 0 and at most {check.MAX_HOURS:,}"
            " (a hundred years)",
            "Pass hours=72 or hours=Term('exchange.hostage_window_hours').",
        )


@attrs.frozen
class Deadline(Value):
    """A time limit: *hours* after the instant *since* first holds (the trigger, if None).

    Attributes:
        hours: the length of the window, or a Term of the plan.
        since: the condition whose first becoming true starts the clock; None means the
            obligation's trigger.
        note: how the clock is read from the sources.
    """

    hours: Term | int | float = attrs.field(validator=_hours)
    since: Condition | None = attrs.field(default=None, validator=condition_check(optional=True))
    note: str = ""


@attrs.frozen
class CountingPoint(Value):
    """One reading of when an obligation's deadline clock starts, as a source gives it.

    Attributes:
        name: a short name (``"acceptance"``, ``"pull-back"``), used in sweeps.
        since: the condition whose first becoming true starts the clock.
        note: the reading, in the library's words.
        sources: where it is stated.
    """

    name: str = attrs.field(validator=check.ident())
    since: Condition = attrs.field(validator=condition_check())
    note: str = attrs.field(validator=check.text())
    sources: tuple[Source, ...] = attrs.field(
        converter=check.as_tuple, validator=sources_required()
    )


@attrs.frozen
class Measure(Value):
    """How much of an obligation is delivered: fact *fact* against what is *owed*.

    Attributes:
        fact: the count or number delivered (``"life_sentence_prisoners_released"``).
        owed: what is owed: a number, a Term of the plan or a Times product.
        label: what is counted, in words.
    """

    fact: str = attrs.field(validator=check.text())
    owed: Term | Times | int | float = attrs.field()
    label: str = ""

    def __attrs_post_init__(self) -> None:
        AtLeast(self.fact, self.owed)  # same rules as a comparison: a numeric fact, a numeric owed


class ObligationKind(enum.Enum):
    """What fulfilling an obligation means over time (after Governatori's classification).

    ACHIEVEMENT is done once: fulfilled at the first instant its completion holds, and breached
    only if that is undone. MAINTENANCE must keep holding from its trigger, for its
    :class:`Period` or until discharged: met while it holds, breached when it stops holding after
    it held. PUNCTUAL must hold at one instant, its deadline.
    """

    ACHIEVEMENT = "achievement"
    MAINTENANCE = "maintenance"
    PUNCTUAL = "punctual"

    def __str__(self) -> str:
        return self.value


def _period_hours(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is None or isinstance(value, Term):
        return
    if not check.bounded_number(value) or not 0 < value <= check.MAX_HOURS:  # type: ignore[operator]
        raise InvalidValueError(
            check.where(inst, attr),
            value,
            "a maintenance period that ends before it starts (or lasts over a hundred years):"
            f" its length is a number of hours above 0 and at most {check.MAX_HOURS:,}",
            "Pass hours=720 for thirty days, hours=None for no set end, or a Term of the plan.",
        )


@attrs.frozen
class Period(Value):
    """How long a maintenance duty is owed: from its trigger, for *hours* or until *until*.

    With neither, it is owed for as long as its trigger holds and the plan is in force.

    Attributes:
        hours: the length of the period after the trigger first holds, or a Term of the plan
            (None: no set length).
        until: the condition that discharges the duty once it holds (None: none stated).
        note: how the period is read from the text.
    """

    hours: Term | int | float | None = attrs.field(default=None, validator=_period_hours)
    until: Condition | None = attrs.field(
        default=None, kw_only=True, validator=condition_check(optional=True)
    )
    note: str = attrs.field(default="", kw_only=True)


_party_ids = check.each(check.ident())


@added_fields_default
@attrs.frozen
class Obligation(Value):
    """Something a party owes under the plan.

    Attributes:
        id: stable id, such as ``"p5-release-prisoners"``.
        action: what is owed, in the library's words.
        provision: the point (1-20) it comes from.
        obligors: ids of who owes it; empty when the text names nobody (see ``obligor_note``).
        owed_to: ids of who it is owed to (may be empty).
        trigger: when it becomes due.
        completion: when it is fulfilled.
        deadline: the time limit, if the text sets one.
        measures: what is delivered against what is owed, where the obligation is a quantity.
        obligor_note: who acts in practice where the text names nobody, attributed.
        kind: an achievement (the default), a maintenance duty or punctual; see
            :class:`ObligationKind`.
        period: how long a maintenance duty is owed (None: from its trigger, with no set end).
        kind_basis: the wording the kind is read from, with its source.
    """

    id: str = attrs.field(validator=check.ident())
    action: str = attrs.field(validator=check.text())
    provision: int = attrs.field(validator=check.point_number())
    obligors: tuple[str, ...] = attrs.field(converter=check.as_tuple, validator=_party_ids)
    owed_to: tuple[str, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=_party_ids
    )
    trigger: Condition = attrs.field(kw_only=True, validator=condition_check())
    completion: Condition = attrs.field(kw_only=True, validator=condition_check())
    deadline: Deadline | None = attrs.field(default=None, kw_only=True)
    measures: tuple[Measure, ...] = attrs.field(
        default=(), kw_only=True, converter=check.as_tuple, validator=check.items_of(Measure)
    )
    obligor_note: str = attrs.field(default="", kw_only=True)
    kind: ObligationKind = attrs.field(
        default=ObligationKind.ACHIEVEMENT,
        kw_only=True,
        validator=check.member(ObligationKind, unknown_ok=False),
    )
    period: Period | None = attrs.field(default=None, kw_only=True)
    kind_basis: Sourced[str] | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.period is not None and not isinstance(self.period, Period):
            raise InvalidValueError(
                f"Obligation({self.id!r}).period",
                self.period,
                "expected a Period",
                "Build it with Period(hours=..., until=...), or pass None.",
            )
        if self.period is not None and self.kind is not ObligationKind.MAINTENANCE:
            raise InvalidValueError(
                f"Obligation({self.id!r}).period",
                self.period,
                f"only a maintenance duty is owed for a period; this one is {self.kind}",
                "Pass kind=ObligationKind.MAINTENANCE, or leave the period out.",
            )
        if self.kind is ObligationKind.PUNCTUAL and self.deadline is None:
            raise InvalidValueError(
                f"Obligation({self.id!r}).deadline",
                None,
                "a punctual obligation is judged at one instant, its deadline, and this one has none",
                "Give it deadline=Deadline(hours, since=...), or make it an achievement.",
            )

    @property
    def obligor_text(self) -> str:
        """``"israel"``, ``"hamas, other-factions"`` or ``"no obligor named in the text"``."""
        return ", ".join(self.obligors) if self.obligors else "no obligor named in the text"


class Path(enum.Enum):
    """Whether a phase is on the plan's main path or its fallback (point 17)."""

    MAIN = "main"
    FALLBACK = "fallback"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Phase(NotebookDisplay, Value):
    """A stage of the plan's implementation.

    The 20 points number no phases: "phase 1" and "phase 2" come from the negotiators and the
    reporting, which ``basis`` and ``sources`` record.

    Attributes:
        id: stable id, such as ``"phase-1"``.
        name: display name.
        description: what the phase covers.
        entry: the stated preconditions for the phase.
        completion: when the phase counts as done.
        obligations: what is owed in it.
        provisions: the points it realises.
        sources: where the phase and its content are described.
        basis: where the phase structure comes from, and what is the library's reading.
        path: main path or the fallback.
    """

    id: str = attrs.field(validator=check.ident())
    name: str = attrs.field(validator=check.text())
    description: str = attrs.field(validator=check.text())
    entry: Condition = attrs.field(validator=condition_check())
    completion: Condition = attrs.field(validator=condition_check())
    obligations: tuple[Obligation, ...] = attrs.field(
        default=(),
        converter=check.as_tuple,
        validator=[check.items_of(Obligation), check.unique(lambda o: o.id, "obligations")],
    )
    provisions: tuple[int, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.each(check.point_number())
    )
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.items_of(Source)
    )
    basis: str = ""
    path: Path = Path.MAIN


@attrs.frozen
class InitialFact(Value):
    """One fact at the plan's publication, with its source: the catalog's starting state.

    Attributes:
        fact: the fact id (``"response.israel"``).
        value: its value then.
        sources: where it is reported.
        note: how the value is read from the sources.
    """

    fact: str = attrs.field(validator=check.text())
    value: Any
    sources: tuple[Source, ...] = attrs.field(
        converter=check.as_tuple, validator=sources_required()
    )
    note: str = ""
