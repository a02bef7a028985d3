"""Action models: the moves the parties could make, as data, for exhaustive exploration.

A :class:`Model` is a set of :class:`Variable` (a fact and the finite values it may take, in
order) and :class:`Action` (who makes the move, the fact it changes and how, the condition under
which it may be made, and the plan point it comes from). Every fact the plan reads that is not a
variable keeps its value in the start state. Effects are data too: :class:`SetTo` a value, or
:class:`Step` to the next value in the variable's order (a hostage released one at a time, the
forces moved to the next line).

A user restricts a model ("this party never takes this action": :meth:`Model.never`) or extends
it (:meth:`Model.with_actions`), and the bundled model (``gazaplan.catalog.model()``) is built
from the plan's obligations the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeAlias

import attrs

from ..exceptions import InvalidValueError, UnknownIdError
from ..truth import UNKNOWN
from . import _checks as check
from ._value import Value
from .conditions import Condition, condition_check
from .state import check_value, spec_of

__all__ = ["Action", "Effect", "Model", "SetTo", "Step", "Variable"]


def _values(inst: Variable, attr: attrs.Attribute[Any], values: tuple[Any, ...]) -> None:
    if not values:
        raise InvalidValueError("Variable.values", values, "a variable needs at least one value",
                                "List the values the fact may take, in order.")  # fmt: skip
    seen: set[Any] = set()  # a set: a count of 100,000 hostages is 100,001 values
    for i, v in enumerate(values):
        if v is UNKNOWN:
            raise InvalidValueError(f"Variable.values[{i}]", v, "UNKNOWN is not a value to move to",
                                    "List known values; an unknown start ranges over them.")  # fmt: skip
        check_value(inst.fact, v, f"Variable.values[{i}]")
        if v in seen:
            raise InvalidValueError(f"Variable.values[{i}]", v, "the value is listed twice",
                                    "List each value once.")  # fmt: skip
        seen.add(v)


def _fact(inst: object, attr: attrs.Attribute[Any], value: str) -> None:
    spec_of(value)  # raises, listing the facts


@attrs.frozen
class Variable(Value):
    """A fact the exploration moves, with the values it may take, in order."""

    fact: str = attrs.field(validator=_fact)
    values: tuple[Any, ...] = attrs.field(converter=check.as_tuple, validator=_values)


@attrs.frozen
class SetTo(Value):
    """The fact becomes *value* (the action is enabled only where that changes it)."""

    value: Any


@attrs.frozen
class Step(Value):
    """The fact moves *by* places along its variable's values (enabled until the end)."""

    by: int = attrs.field(default=1, validator=check.count(unknown_ok=False))


Effect: TypeAlias = SetTo | Step


@attrs.frozen
class Action(Value):
    """A move one party may make.

    Attributes:
        id: stable id, unique in the model (``"release-living"``).
        party: who makes it (several, comma-separated, when they act jointly); empty where the
            plan's point names nobody (see the controls).
        fact: the fact it changes (a variable of the model).
        effect: how.
        obligation: the plan's obligation it carries out, if any: its trigger (as the plan
            being explored has it) guards the action.
        guard: a further condition on when it may be made (None: none), over any facts.
        point: the plan point it comes from.
        summary: the move in the library's words (a witness event's summary).
    """

    id: str = attrs.field(validator=check.ident())
    party: str
    fact: str = attrs.field(validator=_fact)
    effect: Effect
    obligation: str = attrs.field(default="")
    guard: Condition | None = attrs.field(default=None, validator=condition_check(optional=True))
    point: int | None = None
    summary: str = ""

    @property
    def parties(self) -> tuple[str, ...]:
        """The parties who make it (none where the point names nobody)."""
        return tuple(p.strip() for p in self.party.split(",") if p.strip())


@attrs.frozen
class Model(Value):
    """Variables and actions; see the module's description.

    Raises:
        InvalidValueError: an action's fact is no variable, a value it sets is not among the
            variable's, or two actions or variables share an id or fact.
    """

    variables: tuple[Variable, ...] = attrs.field(converter=check.as_tuple)
    actions: tuple[Action, ...] = attrs.field(converter=check.as_tuple)

    def __attrs_post_init__(self) -> None:
        facts = [v.fact for v in self.variables]
        for i, f in enumerate(facts):
            if f in facts[:i]:
                raise InvalidValueError(f"Model.variables[{i}]", f, "the fact is a variable twice",
                                        "Merge the two into one list of values.")  # fmt: skip
        ids: list[str] = []
        for i, a in enumerate(self.actions):
            where = f"Model.actions[{i}]"
            if a.id in ids:
                raise InvalidValueError(where, a.id, "two actions have this id", "Rename one.")
            ids.append(a.id)
            if a.fact not in facts:
                raise InvalidValueError(f"{where}.fact", a.fact, "the action's fact is no variable",
                                        f"Add Variable({a.fact!r}, ...) or use one of {facts}.")  # fmt: skip
            values = self.variable(a.fact).values
            if isinstance(a.effect, SetTo) and a.effect.value not in values:
                raise InvalidValueError(f"{where}.effect", a.effect.value,
                                        f"not a value of {a.fact} ({list(values)})",
                                        "Add it to the variable's values, or set one of them.")  # fmt: skip

    def variable(self, fact: str) -> Variable:
        """The variable of one fact.

        Args:
            fact: the fact's id.

        Returns:
            The model's variable for *fact*.

        Raises:
            UnknownIdError: if no variable of the model is that fact.
        """
        for v in self.variables:
            if v.fact == fact:
                return v
        raise UnknownIdError(fact, [v.fact for v in self.variables], where="Model.variables")

    def action(self, action_id: str) -> Action:
        """The action with one id.

        Args:
            action_id: the action's id.

        Returns:
            The model's action with that id.

        Raises:
            UnknownIdError: if no action of the model has that id.
        """
        for a in self.actions:
            if a.id == action_id:
                return a
        raise UnknownIdError(action_id, [a.id for a in self.actions], where="Model.actions")

    def never(self, party: str, action_id: str | None = None) -> Model:
        """The model in which a party never takes an action (or any action).

        An action it takes jointly with others is gone too (it needs each of them).

        Args:
            party: the party's id.
            action_id: the action's id; None for every action of *party*.

        Returns:
            A new model without those actions.

        Raises:
            UnknownIdError: no action of the model has that party (or id and party).
        """
        gone = [a for a in self.actions if party in a.parties and action_id in (None, a.id)]
        if not gone:
            known = sorted({f"{a.party}:{a.id}" for a in self.actions})
            raise UnknownIdError(f"{party}:{action_id or '*'}", known, where="Model.never")
        return attrs.evolve(self, actions=tuple(a for a in self.actions if a not in gone))

    def with_actions(self, actions: Iterable[Action], variables: Iterable[Variable] = ()) -> Model:
        """The model with more actions (and variables for them).

        Args:
            actions: the actions to add.
            variables: the variables to add, for facts the new actions change.

        Returns:
            A new model, checked as on construction.

        Raises:
            InvalidValueError: if the new actions or variables break the model's rules (see the
                class).
        """
        return Model((*self.variables, *variables), (*self.actions, *actions))
