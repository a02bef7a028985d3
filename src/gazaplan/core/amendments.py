"""Amendments as data: what changed, why, and on what source; applied by :func:`amend`.

An :class:`Amendment` is a dated list of edits from a closed set (set a term, set a deadline,
set an obligation's kind, replace a condition, add or drop an obligation, record a position).
``amend(plan, amendment)`` derives a new plan; the original is untouched and the new plan keeps
the amendments it came through in ``Plan.amendments``. ``amend(plan, edit, ...)`` makes a
what-if variant from bare edits.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Final, TypeAlias

import attrs

from ..exceptions import InvalidValueError, UnknownIdError
from . import _checks as check
from ._kinds import Kinds
from ._pickling import added_fields_default
from ._references import check_references
from ._value import Value
from .conditions import Condition, condition_check
from .obligations import Deadline, Obligation, ObligationKind, Period, Phase
from .plans import DEFERRED_CHECKS, Plan
from .records import Position
from .sources import Source, Sourced

__all__ = [
    "EDIT_TYPES",
    "KINDS",
    "AddObligation",
    "AddPosition",
    "Amendment",
    "DropObligation",
    "Edit",
    "SetCondition",
    "SetDeadline",
    "SetKind",
    "SetTerm",
    "amend",
]


@attrs.frozen
class SetTerm(Value):
    """Give the term at *path* (``"exchange.remains_ratio"``) a new sourced value."""

    path: str = attrs.field(validator=check.text())
    value: Sourced[Any] = attrs.field()
    tag: ClassVar[str] = "set_term"

    def applied(self, plan: Plan) -> Plan:
        """The plan with the term set.

        Args:
            plan: the plan to edit.

        Returns:
            A new plan with the term's new value (checked once all of an amendment's
            edits are made).

        Raises:
            UnknownTermError: if the plan has no term at *path*; the message lists the paths.
        """
        plan.term(self.path)  # raises UnknownTermError listing the paths
        group, _, name = self.path.partition(".")
        holder = getattr(plan, group)
        return attrs.evolve(plan, **{group: attrs.evolve(holder, **{name: self.value})})


@attrs.frozen
class SetDeadline(Value):
    """Give obligation *obligation* a new deadline (None: no deadline)."""

    obligation: str = attrs.field(validator=check.ident())
    deadline: Deadline | None = None
    tag: ClassVar[str] = "set_deadline"

    def applied(self, plan: Plan) -> Plan:
        """The plan with the obligation's deadline replaced.

        Args:
            plan: the plan to edit.

        Returns:
            A new plan with the new deadline.

        Raises:
            UnknownIdError: if the plan has no such obligation.
        """
        return _edit_obligation(
            plan, self.obligation, lambda o: attrs.evolve(o, deadline=self.deadline)
        )


@attrs.frozen
class SetKind(Value):
    """Make obligation *obligation* an achievement, a maintenance duty or punctual (a what-if:
    "what if keeping the crossing open were owed only once?")."""

    obligation: str = attrs.field(validator=check.ident())
    obligation_kind: ObligationKind = attrs.field(
        validator=check.member(ObligationKind, unknown_ok=False)
    )
    period: Period | None = None
    tag: ClassVar[str] = "set_kind"

    def applied(self, plan: Plan) -> Plan:
        """The plan with the obligation's kind (and maintenance period) replaced.

        Args:
            plan: the plan to edit.

        Returns:
            A new plan with the new kind.

        Raises:
            UnknownIdError: if the plan has no such obligation.
            InvalidValueError: if the kind and period do not fit (a period is for a maintenance
                duty; a punctual obligation needs a deadline).
        """
        return _edit_obligation(
            plan,
            self.obligation,
            lambda o: attrs.evolve(o, kind=self.obligation_kind, period=self.period),
        )


TARGETS = ("entry", "completion", "trigger")


@attrs.frozen
class SetCondition(Value):
    """Replace a condition of a phase or an obligation.

    *target* is ``"phase-1.entry"``, ``"phase-1.completion"``, ``"p5-release-prisoners.trigger"``
    or ``"p5-release-prisoners.completion"``.
    """

    target: str = attrs.field(validator=check.text())
    condition: Condition = attrs.field(validator=condition_check())
    tag: ClassVar[str] = "set_condition"

    def applied(self, plan: Plan) -> Plan:
        """The plan with the condition replaced.

        Args:
            plan: the plan to edit.

        Returns:
            A new plan with the new condition.

        Raises:
            InvalidValueError: if *target* is not ``<phase or obligation id>.<entry, completion or
                trigger>``.
            UnknownIdError: if it names no phase (for ``entry``) or no obligation.
        """
        owner, part = _where(self.target)
        if any(p.id == owner for p in plan.phases) and part != "trigger":
            return _edit_phase(plan, owner, lambda p: attrs.evolve(p, **{part: self.condition}))
        if part == "entry":
            raise UnknownIdError(
                owner, [p.id for p in plan.phases], where=f"SetCondition({self.target!r})"
            )
        return _edit_obligation(plan, owner, lambda o: attrs.evolve(o, **{part: self.condition}))


@attrs.frozen
class AddObligation(Value):
    """Add *obligation* to phase *phase*."""

    phase: str = attrs.field(validator=check.ident())
    obligation: Obligation = attrs.field(validator=attrs.validators.instance_of(Obligation))
    tag: ClassVar[str] = "add_obligation"

    def applied(self, plan: Plan) -> Plan:
        """The plan with the obligation added to the phase.

        Args:
            plan: the plan to edit.

        Returns:
            A new plan with the obligation last in its phase.

        Raises:
            UnknownPhaseError: if the plan has no such phase.
        """
        return _edit_phase(
            plan,
            self.phase,
            lambda p: attrs.evolve(p, obligations=(*p.obligations, self.obligation)),
        )


@attrs.frozen
class DropObligation(Value):
    """Remove obligation *obligation*.

    A stated position about it stays on record (what a party said does not change), no longer
    linked to an obligation of the plan.
    """

    obligation: str = attrs.field(validator=check.ident())
    tag: ClassVar[str] = "drop_obligation"

    def applied(self, plan: Plan) -> Plan:
        """The plan without the obligation.

        Args:
            plan: the plan to edit.

        Returns:
            A new plan without it; positions about it stay, no longer linked to it.

        Raises:
            UnknownIdError: if the plan has no such obligation.
        """
        dropped = _edit_obligation(plan, self.obligation, lambda _o: None)
        if not any(p.obligation == self.obligation for p in plan.positions):
            return dropped
        positions = tuple(
            attrs.evolve(p, obligation="") if p.obligation == self.obligation else p
            for p in plan.positions
        )
        return attrs.evolve(dropped, positions=positions)


@attrs.frozen
class AddPosition(Value):
    """Record a party's (new) stated position."""

    position: Position
    tag: ClassVar[str] = "add_position"

    def applied(self, plan: Plan) -> Plan:
        """The plan with the position recorded.

        Args:
            plan: the plan to edit.

        Returns:
            A new plan with the position last among its positions.
        """
        return attrs.evolve(plan, positions=(*plan.positions, self.position))


Edit: TypeAlias = (
    SetTerm | SetDeadline | SetKind | SetCondition | AddObligation | DropObligation | AddPosition
)
"""The built-in kinds of edit (the one list of them). Each applies itself: ``applied(plan)``
is the plan with the edit made (checked once all of an amendment's edits are made)."""

KINDS: Final = Kinds("edit", Edit, requires=("applied",))
"""The kinds of edit by tag: the built-in ones and any registered with ``KINDS.register``."""

EDIT_TYPES: Final[tuple[type, ...]] = KINDS.types()
"""The built-in kinds of edit (kept for old code; :meth:`KINDS.types` adds registered kinds)."""


def _edits(inst: object, attr: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    check.items_of(KINDS.types())(inst, attr, value)


@added_fields_default
@attrs.frozen
class Amendment(Value):
    """A dated change to the plan's terms, with its reason and sources.

    Attributes:
        version: the id of the version it produces (``"2025-10-09"``, or a what-if name).
        date: when it took effect (None for a what-if).
        title: what it is.
        edits: what it changes.
        rationale: why, in the library's words.
        sources: where the change is reported (may be empty only for a what-if).
        in_force: the instant it took effect, timezone-aware (None: the start of *date* in the
            plan's local time; a what-if without a date is never in force by itself).
        in_force_note: how that instant is read from the sources.
    """

    version: str = attrs.field(validator=check.text())
    title: str = attrs.field(validator=check.text())
    edits: tuple[Edit, ...] = attrs.field(converter=check.as_tuple, validator=_edits)
    date: dt.date | None = attrs.field(default=None, validator=check.optional_date())
    rationale: str = ""
    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=check.as_tuple, validator=check.items_of(Source)
    )
    in_force: dt.datetime | None = attrs.field(
        default=None,
        kw_only=True,
        validator=check.instant("an amendment's in_force", optional=True),
    )
    in_force_note: str = attrs.field(default="", kw_only=True)


def _where(target: str) -> tuple[str, str]:
    owner, dot, part = target.rpartition(".")
    if not dot or part not in TARGETS:
        raise InvalidValueError(
            "SetCondition.target",
            target,
            "expected '<phase or obligation id>.<entry|completion|trigger>'",
            "Write e.g. 'phase-1.entry' or 'p4-return-hostages.trigger'.",
        )
    return owner, part


def _edit_phase(plan: Plan, phase_id: str, change: Any) -> Plan:
    phase = plan.phase(phase_id)
    return attrs.evolve(plan, phases=tuple(change(p) if p is phase else p for p in plan.phases))


def _edit_obligation(plan: Plan, obligation_id: str, change: Any) -> Plan:
    plan.obligation(obligation_id)  # raises with the known ids

    def in_phase(p: Phase) -> Phase:
        if all(o.id != obligation_id for o in p.obligations):
            return p  # untouched: no phase is rebuilt (and re-checked) for nothing
        obs = tuple(change(o) if o.id == obligation_id else o for o in p.obligations)
        return attrs.evolve(p, obligations=tuple(o for o in obs if o is not None))

    return attrs.evolve(plan, phases=tuple(in_phase(p) for p in plan.phases))


def amend(plan: Plan, *changes: Amendment | Edit, version: str | None = None) -> Plan:
    """A plan with amendments or edits applied; the plan given is untouched.

    Pass an :class:`Amendment` (a dated, sourced change), or edits for a what-if::

        variant = gp.amend(plan, gp.SetTerm("exchange.remains_ratio", gp.Sourced(10, sources)))

    Args:
        plan: the plan to amend.
        *changes: amendments and edits, applied in order; the edits given directly are wrapped
            in one what-if amendment, applied after the amendments.
        version: the version id of that what-if amendment (default ``"<version>+what-if"``).

    Returns:
        A new plan, fully checked once every change is made, keeping the amendments it came
        through.

    Raises:
        UnknownIdError: if an edit names a phase, obligation or term the plan does not have (or
            a reference of the new plan resolves to nothing).
        InvalidValueError: if an edit is malformed (such as a condition's target).
        InvalidPlanError: if the new plan's parts do not fit together.
    """
    check.need_type(plan, Plan, "amend(plan)", check.PLAN_FIX)
    edits = tuple(c for c in changes if not isinstance(c, Amendment))
    amendments = [c for c in changes if isinstance(c, Amendment)]
    if edits:
        amendments.append(Amendment(version or f"{plan.version}+what-if", "what-if", edits))
    checked_by_caller = DEFERRED_CHECKS.get()  # the catalog's versions: the tests check them
    token = DEFERRED_CHECKS.set(True)  # the steps are not checked one by one: the result is, once
    try:
        for a in amendments:
            plan = _amend(plan, a)
    finally:
        DEFERRED_CHECKS.reset(token)
    if not checked_by_caller:
        check_references(plan)
    return plan


def _amend(plan: Plan, amendment: Amendment) -> Plan:
    for edit in amendment.edits:
        plan = edit.applied(plan)
    return attrs.evolve(
        plan,
        version=amendment.version,
        date=amendment.date or plan.date,
        published=plan.published if amendment.date in (None, plan.date) else plan.start_date,
        amendments=(*plan.amendments, amendment),
    )
