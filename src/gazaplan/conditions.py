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

Each kind says in its own class all it means: its verdict (``fast``), the facts it reads, its
words (the table in ``gazaplan._condition_base``). The union :data:`Condition` is the one list of
the built-in kinds; :data:`KINDS` is the registry derived from it, which every other part of the
library reads. A new kind for research is a subclass of :class:`Node` registered there::

    @conditions.KINDS.register
    @attrs.frozen
    class Exceeds(conditions.Node):
        fact: str = attrs.field(validator=conditions.fact_id, metadata=conditions.FACT)
        value: int = attrs.field(metadata=conditions.VALUE)
        tag: ClassVar[str] = "exceeds"
        ...  # reads, operand, fast, need, words: see tests/core/test_kinds.py
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar, Final, TypeAlias

import attrs

from . import _checks as check
from . import _condition_base as base
from ._condition_base import FACT, VALUE, VALUES, Env, Node, Term, Times, by_claims, fact_id, fits
from ._kinds import Kinds
from ._leaves import AtLeast, AtMost, Equals, Known, OneOf
from .exceptions import InvalidValueError
from .truth import Verdict, combine, combine_calls

MET, UNMET, UNK = Verdict.MET, Verdict.UNMET, Verdict.UNKNOWN

__all__ = [
    "CONDITION_TYPES",
    "FACT",
    "KINDS",
    "MAX_DEPTH",
    "VALUE",
    "VALUES",
    "AllOf",
    "AnyOf",
    "AtLeast",
    "AtMost",
    "Condition",
    "Env",
    "Equals",
    "Known",
    "Node",
    "Not",
    "OneOf",
    "Operand",
    "PhaseComplete",
    "Term",
    "Times",
    "by_claims",
    "children",
    "condition_check",
    "depth",
    "fact_id",
    "facts_read",
    "fits",
    "phases_named",
    "terms_named",
    "text",
    "walk",
]

Scalar: TypeAlias = base.Scalar
Operand: TypeAlias = base.Operand


@attrs.frozen
class PhaseComplete(Node):
    """Phase *phase*'s completion condition is MET. Evaluating it needs the plan."""

    phase: str = attrs.field(validator=check.ident())
    point: int | None = base.meta()
    label: str = base.label()
    tag: ClassVar[str] = "phase_complete"

    def phases(self) -> tuple[str, ...]:
        return (self.phase,)

    def inner(self, env: Env) -> tuple[Condition, ...]:
        return (env.completion(self.phase),)

    def combine(self, verdicts: Sequence[Verdict]) -> Verdict:
        return verdicts[0]

    def fast(self, env: Env) -> base.Fn:
        target = env.completion(self.phase)
        return lambda state: env.sub(target)(state)

    def heading(self) -> str:
        return f"phase {self.phase} is complete"

    def words(self) -> str:
        return f"phase {self.phase} complete"


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
        if phases is not None:
            level += max((phases.get(p, 0) for p in node.phases()), default=0)
        deepest = max(deepest, level)
        if deepest > limit:
            break
        stack.extend((c, level + 1) for c in node.parts())
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
    check.items_of(KINDS.types())(inst, attr, value)
    _not_too_deep(inst, value)


@attrs.frozen
class _Junction(Node):
    """Conditions side by side, combined by Kleene's strong logic."""

    conditions: tuple[Condition, ...] = attrs.field(converter=check.as_tuple, validator=_conditions)
    point: int | None = base.meta()
    label: str = base.label()
    decisive: ClassVar[Verdict]
    word: ClassVar[str]

    def parts(self) -> tuple[Condition, ...]:
        return self.conditions

    def inner(self, env: Env) -> tuple[Condition, ...]:
        return self.conditions

    def combine(self, verdicts: Sequence[Verdict]) -> Verdict:
        return combine(verdicts, self.decisive)

    def fast(self, env: Env) -> base.Fn:
        fns, decisive = tuple(env.sub(c) for c in self.conditions), self.decisive
        return lambda state: combine_calls(fns, state, decisive)

    def words(self) -> str:
        return f"{self.word} ({'; '.join(text(c) for c in self.conditions)})"


@attrs.frozen
class AllOf(_Junction):
    """Every condition holds (Kleene AND). MET when empty."""

    tag: ClassVar[str] = "all_of"
    decisive: ClassVar[Verdict] = Verdict.UNMET
    word: ClassVar[str] = "all of"

    def heading(self) -> str:
        return "all of the following" if self.conditions else "nothing required (always met)"


@attrs.frozen
class AnyOf(_Junction):
    """At least one condition holds (Kleene OR). UNMET when empty."""

    tag: ClassVar[str] = "any_of"
    decisive: ClassVar[Verdict] = Verdict.MET
    word: ClassVar[str] = "any of"

    def heading(self) -> str:
        return (
            "at least one of the following"
            if self.conditions
            else "none to choose from (never met)"
        )


def _one_condition(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, KINDS.types()):
        raise InvalidValueError(
            check.where(inst, attr),
            value,
            "expected a condition",
            "Wrap a condition, such as Known(...).",
        )
    _not_too_deep(inst, (value,))


@attrs.frozen
class Not(Node):
    """The condition does not hold (Kleene NOT: UNKNOWN stays UNKNOWN)."""

    condition: Condition = attrs.field(validator=_one_condition)
    point: int | None = base.meta()
    label: str = base.label()
    tag: ClassVar[str] = "not"
    negates: ClassVar[bool] = True

    def parts(self) -> tuple[Condition, ...]:
        return (self.condition,)

    def inner(self, env: Env) -> tuple[Condition, ...]:
        return (self.condition,)

    def combine(self, verdicts: Sequence[Verdict]) -> Verdict:
        return ~verdicts[0]

    def fast(self, env: Env) -> base.Fn:
        inner = env.sub(self.condition)
        return lambda state: ~inner(state)

    def heading(self) -> str:
        return "not the following"

    def words(self) -> str:
        return f"not ({text(self.condition)})"


Leaf: TypeAlias = Equals | AtLeast | AtMost | OneOf | Known | PhaseComplete
Condition: TypeAlias = Leaf | AllOf | AnyOf | Not
"""The built-in kinds of condition (the one list of them); :data:`KINDS` adds any registered."""

KINDS: Final = Kinds("condition", Condition, requires=("fast", "words", "need|heading"))
"""The kinds of condition by tag: the built-in ones and any registered with ``KINDS.register``."""


def condition_check(optional: bool = False) -> check.Validator:
    """An attrs validator: the value is a condition of a known kind (or None, if *optional*)."""

    def checker(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, KINDS.types()):
            raise InvalidValueError(
                check.where(inst, attr),
                value,
                "expected a condition",
                "Build one from gazaplan.conditions (AllOf, Equals, AtLeast, ...).",
            )

    return checker


CONDITION_TYPES: tuple[type, ...] = KINDS.types()
"""The built-in kinds (kept for old code; :meth:`KINDS.types` includes registered kinds)."""


def text(condition: Condition) -> str:
    """*condition* in a few words: its label, or its test written out (``idf_line in {...}``)."""
    return getattr(condition, "label", "") or condition.words()


def children(condition: Condition) -> tuple[Condition, ...]:
    """The direct sub-conditions (empty for a leaf)."""
    return condition.parts()


def walk(condition: Condition) -> Iterator[Condition]:
    """Every node of *condition*, depth first, the node itself first."""
    stack = [condition]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.parts()))


def facts_read(condition: Condition) -> frozenset[str]:
    """The ids of every fact *condition* reads (including those inside ``Times`` operands)."""
    return frozenset(f for node in walk(condition) for f in node.reads())


def terms_named(condition: Condition) -> frozenset[str]:
    """The paths of every plan term *condition* refers to."""
    out: set[str] = set()
    for node in walk(condition):
        value = node.operand()
        if isinstance(value, Times):
            value = value.factor
        if isinstance(value, Term):
            out.add(value.path)
    return frozenset(out)


def phases_named(condition: Condition) -> frozenset[str]:
    """The ids of every phase *condition* refers to with ``PhaseComplete``."""
    return frozenset(p for node in walk(condition) for p in node.phases())
