"""Conditions as data: a small closed set of frozen classes, evaluated by :func:`gazaplan.evaluate`.

Leaves read facts of a :class:`~gazaplan.State`:

=====================  ==========================================================
``Equals(f, v)``       fact *f* equals *v*
``AtLeast(f, v)``      fact *f* >= *v*  (``AtMost``: <=)
``OneOf(f, vs)``       fact *f* is one of *vs*
``Known(f)``           fact *f* is known (never UNKNOWN itself)
``PhaseComplete(p)``   phase *p*'s completion condition is MET (needs the plan)
=====================  ==========================================================

and ``AllOf``, ``AnyOf`` and ``Not`` combine them (also written ``a & b``, ``a | b``, ``~a``).
A comparison's value may be a literal, a :class:`Term` of the plan (``Term("exchange.remains_ratio")``),
or a :class:`Times` product of a term and a fact. Every node may carry the plan ``point`` it comes
from and a ``label`` used in explanations. Each class has a stable ``tag``: the name it has in files.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, TypeAlias

import attrs

from . import _checks as check
from .exceptions import InvalidValueError
from .facts import FactKind
from .state import spec_of
from .truth import UNKNOWN

__all__ = [
    "MAX_DEPTH",
    "AllOf",
    "AnyOf",
    "AtLeast",
    "AtMost",
    "Condition",
    "Equals",
    "Known",
    "Not",
    "OneOf",
    "Operand",
    "PhaseComplete",
    "Term",
    "Times",
    "children",
    "depth",
    "facts_read",
    "phases_named",
    "terms_named",
    "walk",
]

Scalar: TypeAlias = bool | int | float | str | enum.Enum


def _fact_id(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidValueError(
            check.where(inst, attr), value, "a fact id is a str", "See gazaplan.FACTS for the ids."
        )
    spec_of(value)  # raises UnknownFactError with a did-you-mean hint


@attrs.frozen
class Term:
    """A term of the plan, by path: ``"exchange.remains_ratio"``, ``"aid.trucks_per_day"``."""

    path: str = attrs.field(validator=check.text())
    tag: ClassVar[str] = "term"

    def __str__(self) -> str:
        return f"term {self.path}"


@attrs.frozen
class Times:
    """*factor* times the value of fact *fact*, e.g. the remains ratio times the remains returned."""

    factor: Term | int | float = attrs.field(validator=lambda i, a, v: _factor(i, a, v))
    fact: str = attrs.field(validator=_fact_id)
    tag: ClassVar[str] = "times"

    def __attrs_post_init__(self) -> None:
        if spec_of(self.fact)[0].kind not in _NUMERIC:
            raise InvalidValueError(
                f"Times({self.fact!r})",
                self.fact,
                "a product needs a numeric fact",
                "Name a count or number fact, such as 'israeli_hostage_remains_returned'.",
            )

    def __str__(self) -> str:
        return f"{self.factor} x {self.fact}"


Operand: TypeAlias = Scalar | Term | Times


def _factor(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Term) and not check.bounded_number(value):
        raise InvalidValueError(
            check.where(inst, attr),
            value,
            f"a factor is a Term or a finite number within +-{check.MAX_NUMBER:,}",
            "Pass 15 or Term(...).",
        )


def _operand(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is UNKNOWN:
        raise InvalidValueError(
            check.where(inst, attr),
            value,
            "a condition cannot compare with UNKNOWN",
            "To ask whether a fact is known, use Known(fact).",
        )
    if not isinstance(value, Scalar | Term | Times):
        raise InvalidValueError(
            check.where(inst, attr),
            value,
            "expected a bool, number, str, enum member, Term or Times",
            "Compare with a plain value or a Term('exchange.remains_ratio').",
        )


_NUMERIC = (FactKind.COUNT, FactKind.NUMBER, FactKind.PERCENT)


def _fits(inst: Any, value: object, *, ordered: bool) -> None:
    """Refuse a comparison whose value cannot be compared with the fact (keeps evaluation total)."""
    spec, _ = spec_of(inst.fact)
    where = f"{type(inst).__name__}({inst.fact!r})"
    if ordered and spec.kind not in _NUMERIC:
        raise InvalidValueError(
            where,
            value,
            f"{inst.fact} is a {spec.kind.value} fact and has no order",
            "Use Equals or OneOf for it; AtLeast and AtMost are for numbers.",
        )
    if isinstance(value, Term | Times) or spec.kind in _NUMERIC:
        ok = spec.kind in _NUMERIC and (
            isinstance(value, Term | Times) or check.bounded_number(value)
        )
        expected = f"a finite number within +-{check.MAX_NUMBER:,}, a Term or a Times"
    elif spec.kind is FactKind.FLAG:
        ok, expected = isinstance(value, bool), "True or False"
    elif spec.choices is not None:
        ok, expected = isinstance(value, spec.choices), f"a {spec.choices.__name__} member"
    else:
        ok, expected = isinstance(value, str), "a line id (str)"
    if not ok:
        raise InvalidValueError(
            where, value, f"{inst.fact} takes {expected}", f"Compare it with {expected}."
        )


class _Node:
    """Operators shared by all conditions: ``&`` (AllOf), ``|`` (AnyOf), ``~`` (Not)."""

    __slots__ = ()

    def __and__(self, other: Condition) -> AllOf:
        return AllOf((self, other))

    def __or__(self, other: Condition) -> AnyOf:
        return AnyOf((self, other))

    def __invert__(self) -> Not:
        return Not(self)  # type: ignore[arg-type]


def _meta() -> Any:
    return attrs.field(default=None, kw_only=True, validator=check.point_number(optional=True))


def _label() -> Any:
    return attrs.field(default="", kw_only=True, validator=check.text(allow_empty=True))


@attrs.frozen
class Equals(_Node):
    """Fact *fact* equals *value*."""

    fact: str = attrs.field(validator=_fact_id)
    value: Operand = attrs.field(validator=_operand)
    point: int | None = _meta()
    label: str = _label()
    tag: ClassVar[str] = "equals"

    def __attrs_post_init__(self) -> None:
        _fits(self, self.value, ordered=False)


@attrs.frozen
class AtLeast(_Node):
    """Fact *fact* is at least *value*."""

    fact: str = attrs.field(validator=_fact_id)
    value: Operand = attrs.field(validator=_operand)
    point: int | None = _meta()
    label: str = _label()
    tag: ClassVar[str] = "at_least"

    def __attrs_post_init__(self) -> None:
        _fits(self, self.value, ordered=True)


@attrs.frozen
class AtMost(_Node):
    """Fact *fact* is at most *value*."""

    fact: str = attrs.field(validator=_fact_id)
    value: Operand = attrs.field(validator=_operand)
    point: int | None = _meta()
    label: str = _label()
    tag: ClassVar[str] = "at_most"

    def __attrs_post_init__(self) -> None:
        _fits(self, self.value, ordered=True)


def _values(inst: object, attr: attrs.Attribute[Any], value: frozenset[Any]) -> None:
    if not value:
        raise InvalidValueError(
            check.where(inst, attr), value, "needs at least one value", "List the accepted values."
        )
    for v in value:
        _operand(inst, attr, v)


@attrs.frozen
class OneOf(_Node):
    """Fact *fact* is one of *values* (such as the lines at or beyond the first)."""

    fact: str = attrs.field(validator=_fact_id)
    values: frozenset[Scalar] = attrs.field(converter=check.as_frozenset, validator=_values)
    point: int | None = _meta()
    label: str = _label()
    tag: ClassVar[str] = "one_of"

    def __attrs_post_init__(self) -> None:
        for v in self.values:
            _fits(self, v, ordered=False)


@attrs.frozen
class Known(_Node):
    """Fact *fact* is known. MET or UNMET, never UNKNOWN.

    It asks about the information, not about the world, so it is the one leaf that is not
    monotone in information: learning the fact turns it from UNMET to MET.
    """

    fact: str = attrs.field(validator=_fact_id)
    point: int | None = _meta()
    label: str = _label()
    tag: ClassVar[str] = "known"


@attrs.frozen
class PhaseComplete(_Node):
    """Phase *phase*'s completion condition is MET. Evaluating it needs the plan."""

    phase: str = attrs.field(validator=check.ident())
    point: int | None = _meta()
    label: str = _label()
    tag: ClassVar[str] = "phase_complete"


MAX_DEPTH = 100
"""The deepest a condition may nest, counting each ``AllOf``, ``AnyOf``, ``Not`` and leaf as a level
(a plan also counts the levels a ``PhaseComplete`` reaches through). The bundled plan needs fewer
than ten. Deeper conditions are refused when built, so that evaluating, explaining and writing
them never runs out of Python's stack."""


def depth(
    condition: Condition, *, limit: int = MAX_DEPTH, phases: Mapping[str, int] | None = None
) -> int:
    """The levels of *condition* (a leaf is 1); counting stops just past *limit*. With *phases*
    (phase id -> the levels of its completion), a ``PhaseComplete`` adds those of its phase."""
    deepest, stack = 0, [(condition, 1)]
    while stack:
        node, level = stack.pop()
        if phases is not None and isinstance(node, PhaseComplete):
            level += phases.get(node.phase, 0)
        deepest = max(deepest, level)
        if deepest > limit:
            break
        stack.extend((c, level + 1) for c in children(node))
    return deepest


def _not_too_deep(inst: Any, kids: tuple[Any, ...]) -> None:
    levels = 1 + max((depth(c) for c in kids), default=0)
    if levels > MAX_DEPTH:
        raise InvalidValueError(
            type(inst).__name__,
            f"{levels} levels",
            f"a condition may nest at most {MAX_DEPTH} levels deep",
            "Flatten it: AllOf and AnyOf take any number of conditions side by side.",
        )


def _conditions(inst: object, attr: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    check.items_of(CONDITION_TYPES)(inst, attr, value)
    _not_too_deep(inst, value)


@attrs.frozen
class AllOf(_Node):
    """Every condition holds (Kleene AND). MET when empty."""

    conditions: tuple[Condition, ...] = attrs.field(converter=check.as_tuple, validator=_conditions)
    point: int | None = _meta()
    label: str = _label()
    tag: ClassVar[str] = "all_of"


@attrs.frozen
class AnyOf(_Node):
    """At least one condition holds (Kleene OR). UNMET when empty."""

    conditions: tuple[Condition, ...] = attrs.field(converter=check.as_tuple, validator=_conditions)
    point: int | None = _meta()
    label: str = _label()
    tag: ClassVar[str] = "any_of"


def _one_condition(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, CONDITION_TYPES):
        raise InvalidValueError(
            check.where(inst, attr),
            value,
            "expected a condition",
            "Wrap a condition, such as Known(...).",
        )
    _not_too_deep(inst, (value,))


@attrs.frozen
class Not(_Node):
    """The condition does not hold (Kleene NOT: UNKNOWN stays UNKNOWN)."""

    condition: Condition = attrs.field(validator=_one_condition)
    point: int | None = _meta()
    label: str = _label()
    tag: ClassVar[str] = "not"


Leaf: TypeAlias = Equals | AtLeast | AtMost | OneOf | Known | PhaseComplete
Condition: TypeAlias = Leaf | AllOf | AnyOf | Not
CONDITION_TYPES = (Equals, AtLeast, AtMost, OneOf, Known, PhaseComplete, AllOf, AnyOf, Not)


def children(condition: Condition) -> tuple[Condition, ...]:
    """The direct sub-conditions (empty for a leaf)."""
    if isinstance(condition, AllOf | AnyOf):
        return condition.conditions
    if isinstance(condition, Not):
        return (condition.condition,)
    return ()


def walk(condition: Condition) -> Iterator[Condition]:
    """Every node of *condition*, depth first, the node itself first."""
    stack = [condition]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


def facts_read(condition: Condition) -> frozenset[str]:
    """The ids of every fact *condition* reads (including those inside ``Times`` operands)."""
    out: set[str] = set()
    for node in walk(condition):
        if isinstance(node, Equals | AtLeast | AtMost | OneOf | Known):
            out.add(node.fact)
            if isinstance(node, Equals | AtLeast | AtMost) and isinstance(node.value, Times):
                out.add(node.value.fact)
    return frozenset(out)


def terms_named(condition: Condition) -> frozenset[str]:
    """The paths of every plan term *condition* refers to."""
    out: set[str] = set()
    for node in walk(condition):
        if isinstance(node, Equals | AtLeast | AtMost):
            value = node.value
            if isinstance(value, Times):
                value = value.factor
            if isinstance(value, Term):
                out.add(value.path)
    return frozenset(out)


def phases_named(condition: Condition) -> frozenset[str]:
    """The ids of every phase *condition* refers to with ``PhaseComplete``."""
    return frozenset(n.phase for n in walk(condition) if isinstance(n, PhaseComplete))
