"""What every kind of condition shares: operands, field roles, the node base and its protocol.

A kind of condition is one class (a subclass of :class:`gazaplan.conditions.Node`, in
:mod:`gazaplan.conditions` or registered from outside) that says, in its own methods, all it
means:

=======================  ===================================================================
``tag``                  its name in files
``fast(env)``            its verdict function ``State -> Verdict`` (the compiled, trace-less path)
``reads()``              the facts it reads, in order (a leaf's trace shows their values)
``operand()``            what a leaf compares against (a literal, a set, a Term or a Times)
``parts()``              its sub-conditions as data (walks, depth, validation)
``inner(env)``           the sub-conditions its trace shows, or None for a leaf
``combine(verdicts)``    a composite's verdict from its inner verdicts (the traced path)
``need(target, neg)``    a leaf's requirement in words; ``heading()`` a composite's
``words()``              the condition in a few words (when it has no label)
=======================  ===================================================================

Field roles (``metadata={"role": ...}``) tell the file formats, the JSON Schema and the
hypothesis strategies what a field holds: ``"fact"`` (a fact id), ``"value"`` (an operand of the
type of that fact) and ``"values"`` (a set of such values).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Final, Protocol, TypeAlias

import attrs

from . import _checks as check
from ._kinds import family
from .exceptions import InvalidValueError
from .facts import FactKind
from .sources import Contested
from .state import State, spec_of
from .truth import UNKNOWN, Verdict

if TYPE_CHECKING:
    from .conditions import AllOf, AnyOf, Condition, Not

__all__ = [
    "Env",
    "Fn",
    "Node",
    "Operand",
    "Scalar",
    "Term",
    "Times",
    "agree",
    "by_claims",
    "show",
]

Scalar: TypeAlias = bool | int | float | str | enum.Enum
Fn: TypeAlias = Callable[[State], Verdict]
MET, UNMET, UNK = Verdict.MET, Verdict.UNMET, Verdict.UNKNOWN
NUMERIC = (FactKind.COUNT, FactKind.NUMBER, FactKind.PERCENT)


class Env(Protocol):
    """What compiling a condition may ask of its surroundings (a plan, or none)."""

    def sub(self, condition: Condition) -> Fn:
        """The compiled form of a sub-condition (cached)."""
        ...

    def operand(self, value: Operand) -> Callable[[State], Any]:
        """A function giving an operand's value in a state (a term resolved, a product computed)."""
        ...

    def completion(self, phase: str) -> Condition:
        """Phase *phase*'s completion condition (MissingPlanError without a plan)."""
        ...


def show(value: Any) -> str:
    """A value as explanations write it: ``unknown``, ``yes``/``no``, an enum's words, sets
    sorted, a contested value with each claim and who makes it."""
    if value is UNKNOWN:
        return "unknown"
    if isinstance(value, Contested):
        return (
            "contested ("
            + "; ".join(f"{show(c.value)} per {c.claimed_by}" for c in value.claims)
            + ")"
        )
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        return str(value)
    if isinstance(value, frozenset | set):
        return ", ".join(sorted(show(v) for v in value))
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def operand_words(value: Any) -> str:
    """An operand as explanations name it: a term by its path, a product written out."""
    return value.words() if isinstance(value, Term | Times) else show(value)


def agree(test: Callable[[Any], bool], value: Contested) -> Verdict:
    """The verdict every claim of a contested value agrees on, or UNKNOWN when they differ."""
    verdicts = {MET if test(v) else UNMET for v in value.values()}
    return verdicts.pop() if len(verdicts) == 1 else UNK


def by_claims(test: Callable[[Any], bool], value: Any) -> Verdict:
    """*test* of a fact's value, three-valued: UNKNOWN for UNKNOWN, the claims' agreement for a
    contested value, else MET or UNMET. The rule every one-fact leaf follows."""
    if value is UNKNOWN:
        return UNK
    if type(value) is Contested:
        return agree(test, value)
    return MET if test(value) else UNMET


def fact_id(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        raise InvalidValueError(
            check.where(inst, attr), value, "a fact id is a str", "See gazaplan.FACTS for the ids."
        )
    spec_of(value)  # raises UnknownFactError with a did-you-mean hint


FACT: Final = {"role": "fact"}
"""The metadata of a field holding a fact id."""
VALUE: Final = {"role": "value"}
"""The metadata of a field holding an operand of the type of the fact named beside it."""
VALUES: Final = {"role": "values"}
"""The metadata of a field holding a set of values of the type of the fact named beside it."""


def meta() -> Any:
    """The plan point a node comes from."""
    return attrs.field(default=None, kw_only=True, validator=check.point_number(optional=True))


def label() -> Any:
    """The label explanations use for a node."""
    return attrs.field(default="", kw_only=True, validator=check.text(allow_empty=True))


@attrs.frozen
class Term:
    """A term of the plan, by path: ``"exchange.remains_ratio"``, ``"aid.trucks_per_day"``."""

    path: str = attrs.field(validator=check.text())
    tag: ClassVar[str] = "term"

    def __str__(self) -> str:
        return f"term {self.path}"

    def words(self) -> str:
        """The term as an explanation names it: its path."""
        return self.path


@attrs.frozen
class Times:
    """*factor* times the value of fact *fact*, e.g. the remains ratio times the remains returned."""

    factor: Term | int | float = attrs.field(validator=lambda i, a, v: _factor(i, a, v))
    fact: str = attrs.field(validator=fact_id)
    tag: ClassVar[str] = "times"

    def __attrs_post_init__(self) -> None:
        if spec_of(self.fact)[0].kind not in NUMERIC:
            raise InvalidValueError(
                f"Times({self.fact!r})",
                self.fact,
                "a product needs a numeric fact",
                "Name a count or number fact, such as 'israeli_hostage_remains_returned'.",
            )

    def __str__(self) -> str:
        return f"{self.factor} x {self.fact}"

    def words(self) -> str:
        """The product as an explanation names it: ``exchange.remains_ratio x <fact>``."""
        factor = self.factor.path if isinstance(self.factor, Term) else show(self.factor)
        return f"{factor} x {self.fact}"


Operand: TypeAlias = Scalar | Term | Times


def _factor(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Term) and not check.bounded_number(value):
        raise InvalidValueError(
            check.where(inst, attr),
            value,
            f"a factor is a Term or a finite number within +-{check.MAX_NUMBER:,}",
            "Pass 15 or Term(...).",
        )


def operand_check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """Validate one operand: a literal, a Term or a Times (never UNKNOWN)."""
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


def fits(inst: Any, value: object, *, ordered: bool) -> None:
    """Refuse a comparison whose value cannot be compared with the fact (keeps evaluation total)."""
    spec, _ = spec_of(inst.fact)
    where = f"{type(inst).__name__}({inst.fact!r})"
    if ordered and spec.kind not in NUMERIC:
        raise InvalidValueError(
            where,
            value,
            f"{inst.fact} is a {spec.kind.value} fact and has no order",
            "Use Equals or OneOf for it; AtLeast and AtMost are for numbers.",
        )
    if isinstance(value, Term | Times) or spec.kind in NUMERIC:
        ok = spec.kind in NUMERIC and (
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


class Node:
    """The base of every kind of condition: the operators ``&`` (AllOf), ``|`` (AnyOf) and
    ``~`` (Not), and what a kind that says nothing else is: a leaf with no parts, reading no
    fact. The methods a kind defines are listed in ``gazaplan._condition_base``."""

    __slots__ = ()
    negates: ClassVar[bool] = False
    """True for a kind whose verdict is the opposite of its one inner condition's (``Not``)."""

    # The operators build the composites of gazaplan.conditions, found by their tags (that
    # module sits above this one).
    def __and__(self, other: Condition) -> AllOf:
        return family("condition").by_tag["all_of"]((self, other))  # type: ignore[no-any-return]

    def __or__(self, other: Condition) -> AnyOf:
        return family("condition").by_tag["any_of"]((self, other))  # type: ignore[no-any-return]

    def __invert__(self) -> Not:
        return family("condition").by_tag["not"](self)  # type: ignore[no-any-return]

    def parts(self) -> tuple[Condition, ...]:
        """The sub-conditions held as data (empty for a leaf)."""
        return ()

    def reads(self) -> tuple[str, ...]:
        """The facts this node itself reads, in order (a ``Times`` operand's fact second)."""
        return ()

    def operand(self) -> Any:
        """What a leaf compares against (None if nothing)."""
        return None

    def phases(self) -> tuple[str, ...]:
        """The phases this node itself names."""
        return ()

    def inner(self, env: Env) -> tuple[Condition, ...] | None:
        """The sub-conditions a trace shows below this node; None for a leaf."""
        return None

    def seen(self, value: Any) -> str:
        """A leaf's first reading in words, as its trace line shows it."""
        return show(value)
