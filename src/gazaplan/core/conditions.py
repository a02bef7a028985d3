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

A kind of condition is one class, a subclass of :class:`Node`, that says in its own methods all
it means:

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

The union :data:`Condition` is the one list of the built-in kinds; :data:`KINDS` is the registry
derived from it, which every other part of the library reads. A new kind for research is a
subclass of :class:`Node` registered there::

    @conditions.KINDS.register
    @attrs.frozen
    class Exceeds(conditions.Node):
        fact: str = attrs.field(validator=conditions.fact_id, metadata=conditions.FACT)
        value: int = attrs.field(metadata=conditions.VALUE)
        tag: ClassVar[str] = "exceeds"
        ...  # reads, operand, fast, need, words: see tests/core/test_kinds.py
"""

from __future__ import annotations

import enum
import math
import operator
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Final, Protocol, TypeAlias

import attrs

from ..exceptions import InvalidValueError
from ..truth import UNKNOWN, Verdict, combine, combine_calls
from . import _checks as check
from ._kinds import Kinds, family
from ._value import Value
from .facts import FactKind, Floor
from .sources import Contested
from .state import State, fact_reader, spec_of

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

# What every kind of condition shares: operands, field roles, the node base and its protocol.

Scalar: TypeAlias = bool | int | float | str | enum.Enum


Fn: TypeAlias = Callable[[State], Verdict]


MET, UNMET, UNK = Verdict.MET, Verdict.UNMET, Verdict.UNKNOWN


NUMERIC = (FactKind.COUNT, FactKind.NUMBER, FactKind.PERCENT)


class Env(Protocol):
    """What compiling a condition may ask of its surroundings (a plan, or none)."""

    def sub(self, condition: Condition) -> Fn:
        """The compiled form of a sub-condition (cached).

        Args:
            condition: the sub-condition.

        Returns:
            Its verdict function, from a state to a verdict.
        """
        ...

    def operand(self, value: Operand) -> Callable[[State], Any]:
        """A function giving an operand's value in a state.

        Args:
            value: the operand: a literal, a :class:`Term` (resolved in the plan) or a
                :class:`Times` (computed).

        Returns:
            A function from a state to the operand's value.
        """
        ...

    def completion(self, phase: str) -> Condition:
        """The completion condition of a phase.

        Args:
            phase: the phase's id.

        Returns:
            The phase's completion condition.

        Raises:
            MissingPlanError: if there is no plan to look the phase up in.
        """
        ...


def show(value: Any) -> str:
    """Show a value as explanations write it.

    Args:
        value: a fact's value or an operand.

    Returns:
        ``unknown``, ``yes``/``no``, an enum's words, a set's members sorted, or a contested
        value with each claim and who makes it.
    """
    if value is UNKNOWN:
        return "unknown"
    if isinstance(value, Floor):
        return str(value)
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
    """Name an operand as explanations do.

    Args:
        value: the operand.

    Returns:
        A term by its path, a product written out, any other value as :func:`show` writes it.
    """
    return value.words() if isinstance(value, Term | Times) else show(value)


def agree(test: Callable[[Any], bool], value: Contested) -> Verdict:
    """The verdict every claim of a contested value agrees on.

    Args:
        test: the test of one claimed value.
        value: the contested value.

    Returns:
        MET or UNMET if every claim gives it, or UNKNOWN when they differ.
    """
    verdicts = {MET if test(v) else UNMET for v in value.values()}
    return verdicts.pop() if len(verdicts) == 1 else UNK


def by_claims(test: Callable[[Any], bool], value: Any) -> Verdict:
    """Test a fact's value, three-valued: the rule every one-fact leaf follows.

    Args:
        test: the test of one known value.
        value: the fact's value.

    Returns:
        UNKNOWN for UNKNOWN, the claims' agreement for a contested value (see :func:`agree`),
        else MET or UNMET.
    """
    if value is UNKNOWN or type(value) is Floor:
        return UNK
    if type(value) is Contested:
        return agree(test, value)
    return MET if test(value) else UNMET


def fact_id(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    """An attrs validator: the value is the id of a fact.

    Args:
        inst: the instance being checked.
        attr: the field being checked.
        value: the value received.

    Raises:
        InvalidValueError: if the value is not a str.
        UnknownFactError: if it names no fact; the message suggests the closest ids.
    """
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
    """The field of the plan point a node comes from (optional, keyword only).

    Returns:
        The attrs field.
    """
    return attrs.field(default=None, kw_only=True, validator=check.point_number(optional=True))


def label() -> Any:
    """The field of the label explanations use for a node (optional, keyword only).

    Returns:
        The attrs field.
    """
    return attrs.field(default="", kw_only=True, validator=check.text(allow_empty=True))


@attrs.frozen
class Term(Value):
    """A term of the plan, by path: ``"exchange.remains_ratio"``, ``"aid.trucks_per_day"``."""

    path: str = attrs.field(validator=check.text())
    tag: ClassVar[str] = "term"

    def __str__(self) -> str:
        return f"term {self.path}"

    def words(self) -> str:
        """The term as an explanation names it.

        Returns:
            Its path.
        """
        return self.path


@attrs.frozen
class Times(Value):
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
        """The product as an explanation names it.

        Returns:
            The factor and the fact, such as ``exchange.remains_ratio x <fact>``.
        """
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
    """An attrs validator of one operand: a literal, a Term or a Times (never UNKNOWN).

    Args:
        inst: the instance being checked.
        attr: the field being checked.
        value: the operand received.

    Raises:
        InvalidValueError: if the value is UNKNOWN or not an operand.
    """
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
    """Refuse a comparison whose value cannot be compared with the fact (keeps evaluation total).

    Args:
        inst: the comparison (it has a ``fact``).
        value: the value it compares the fact with.
        ordered: whether the comparison needs an order (``AtLeast``, ``AtMost``).

    Raises:
        InvalidValueError: if the fact has no order and one is needed, or the value is not of
            the fact's type.
        UnknownFactError: if the comparison's fact names no fact.
    """
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


class Node(Value):
    """The base of every kind of condition.

    It gives the operators ``&`` (AllOf), ``|`` (AnyOf) and ``~`` (Not), and what a kind that
    says nothing else is: a leaf with no parts, reading no fact. The methods a kind defines are
    listed in the description of :mod:`gazaplan.core.conditions`.
    """

    __slots__ = ()
    negates: ClassVar[bool] = False
    """True for a kind whose verdict is the opposite of its one inner condition's (``Not``)."""

    # The operators build the composites (AllOf, AnyOf, Not), found by their tags: they are
    # defined further down this module.
    def __and__(self, other: Condition) -> AllOf:
        return family("condition").by_tag["all_of"]((self, other))  # type: ignore[no-any-return]

    def __or__(self, other: Condition) -> AnyOf:
        return family("condition").by_tag["any_of"]((self, other))  # type: ignore[no-any-return]

    def __invert__(self) -> Not:
        return family("condition").by_tag["not"](self)  # type: ignore[no-any-return]

    def parts(self) -> tuple[Condition, ...]:
        """The sub-conditions held as data.

        Returns:
            The sub-conditions (empty for a leaf).
        """
        return ()

    def reads(self) -> tuple[str, ...]:
        """The facts this node itself reads, in order (a ``Times`` operand's fact second).

        Returns:
            The fact ids (empty for a node that reads none itself).
        """
        return ()

    def operand(self) -> Any:
        """What a leaf compares against.

        Returns:
            The operand, or None if the node compares with nothing.
        """
        return None

    def phases(self) -> tuple[str, ...]:
        """The phases this node itself names.

        Returns:
            The phase ids (empty for a node that names none).
        """
        return ()

    def inner(self, env: Env) -> tuple[Condition, ...] | None:
        """The sub-conditions a trace shows below this node.

        Args:
            env: what compiling may ask of the surroundings (the plan, for a phase).

        Returns:
            The sub-conditions, or None for a leaf.
        """
        return None

    def seen(self, value: Any) -> str:
        """A leaf's first reading in words, as its trace line shows it.

        Args:
            value: the value the leaf read.

        Returns:
            The value as :func:`show` writes it.
        """
        return show(value)


# The leaves: comparisons of one fact with a value, ``OneOf`` and ``Known``.


@attrs.frozen
class _Comparison(Node):
    """Fact *fact* compared with *value* (a literal, a Term or a Times)."""

    fact: str = attrs.field(validator=fact_id, metadata=FACT)
    value: Operand = attrs.field(validator=operand_check, metadata=VALUE)
    point: int | None = meta()
    label: str = label()
    compare: ClassVar[Callable[[Any, Any], Any]]
    sign: ClassVar[str]
    ordered: ClassVar[bool] = True

    def __attrs_post_init__(self) -> None:
        fits(self, self.value, ordered=self.ordered)

    def reads(self) -> tuple[str, ...]:
        """The facts the comparison reads.

        Returns:
            Its fact, then a ``Times`` operand's fact if there is one.
        """
        if isinstance(self.value, Times):
            return (self.fact, self.value.fact)
        return (self.fact,)

    def operand(self) -> Any:
        """What the comparison compares its fact with.

        Returns:
            Its value (a literal, a Term or a Times).
        """
        return self.value

    def fast(self, env: Env) -> Fn:
        """The comparison compiled to a verdict function.

        Args:
            env: what compiling may ask of the surroundings (a term's value, a product's).

        Returns:
            A function from a state to MET, UNMET, or UNKNOWN (an unknown side, or contested
            claims that disagree).
        """
        read, compare = fact_reader(self.fact), type(self).compare
        if isinstance(self.value, Term | Times):
            rhs = env.operand(self.value)

            def dynamic(state: State) -> Verdict:
                v, w = read(state), rhs(state)
                if v is UNKNOWN or w is UNKNOWN:
                    return UNK
                if type(v) is Floor or type(w) is Floor:
                    return by_bounds(compare, v, w)
                if type(v) is Contested or type(w) is Contested:
                    pairs = [(x, y) for x in _claims(v) for y in _claims(w)]
                    verdicts = {MET if compare(x, y) else UNMET for x, y in pairs}
                    return verdicts.pop() if len(verdicts) == 1 else UNK
                return MET if compare(v, w) else UNMET

            return dynamic
        constant = self.value

        def static(state: State) -> Verdict:
            v = read(state)
            if v is UNKNOWN:
                return UNK
            if type(v) is Contested:
                return agree(lambda x: compare(x, constant), v)
            if type(v) is Floor:
                return by_bounds(compare, v, constant)
            return MET if compare(v, constant) else UNMET

        return static

    def words(self) -> str:
        """The comparison in a few words.

        Returns:
            The fact, the sign and the operand, such as ``hostages_held <= 0``.
        """
        return f"{self.fact} {self.sign} {operand_words(self.value)}"


def _claims(v: Any) -> tuple[Any, ...]:
    return v.values() if type(v) is Contested else (v,)


def _bounds(v: Any) -> tuple[float, float] | None:
    if type(v) is Floor:
        return (v.value, math.inf)
    if isinstance(v, int | float) and not isinstance(v, bool):
        return (v, v)
    return None  # contested, or not a number


def by_bounds(compare: Callable[[Any, Any], Any], v: Any, w: Any) -> Verdict:
    """A comparison of counts known only from below (:class:`~gazaplan.core.facts.Floor`): the
    verdict every pair of values they allow agrees on, else UNKNOWN.

    Args:
        compare: ``operator.eq``, ``ge`` or ``le``.
        v: the fact's value (a number or a Floor).
        w: what it is compared with (a number or a Floor).

    Returns:
        MET or UNMET where every value from each floor up gives it, else UNKNOWN.
    """
    a, b = _bounds(v), _bounds(w)
    if a is None or b is None:
        return UNK
    if compare is operator.ge:
        return MET if a[0] >= b[1] else UNMET if a[1] < b[0] else UNK
    if compare is operator.le:
        return MET if a[1] <= b[0] else UNMET if a[0] > b[1] else UNK
    if compare is operator.eq:
        if a[0] == a[1] == b[0] == b[1]:
            return MET
        return UNMET if a[1] < b[0] or b[1] < a[0] else UNK
    return UNK


@attrs.frozen
class Equals(_Comparison):
    """Fact *fact* equals *value*."""

    tag: ClassVar[str] = "equals"
    compare: ClassVar[Callable[[Any, Any], Any]] = operator.eq
    sign: ClassVar[str] = "="
    ordered: ClassVar[bool] = False

    def need(self, target: str, negated: bool) -> str:
        """What the leaf needs, in words.

        Args:
            target: the value compared with, in words (with the term it comes from, if any).
            negated: whether the leaf is under a ``Not`` (the requirement is the opposite).

        Returns:
            ``"needs <target>"``; negated, ``"needs anything but <target>"`` (the opposite truth
            value, for a flag).
        """
        if not negated:
            return f"needs {target}"
        if isinstance(self.value, bool):
            return f"needs {show(not self.value)}"
        return f"needs anything but {target}"


@attrs.frozen
class AtLeast(_Comparison):
    """Fact *fact* is at least *value*."""

    tag: ClassVar[str] = "at_least"
    compare: ClassVar[Callable[[Any, Any], Any]] = operator.ge
    sign: ClassVar[str] = ">="

    def need(self, target: str, negated: bool) -> str:
        """What the leaf needs, in words.

        Args:
            target: the value compared with, in words (with the term it comes from, if any).
            negated: whether the leaf is under a ``Not`` (the requirement is the opposite).

        Returns:
            ``"needs at least <target>"``; negated, ``"needs less than <target>"``.
        """
        return f"needs {'less than' if negated else 'at least'} {target}"


@attrs.frozen
class AtMost(_Comparison):
    """Fact *fact* is at most *value*."""

    tag: ClassVar[str] = "at_most"
    compare: ClassVar[Callable[[Any, Any], Any]] = operator.le
    sign: ClassVar[str] = "<="

    def need(self, target: str, negated: bool) -> str:
        """What the leaf needs, in words.

        Args:
            target: the value compared with, in words (with the term it comes from, if any).
            negated: whether the leaf is under a ``Not`` (the requirement is the opposite).

        Returns:
            ``"needs at most <target>"``; negated, ``"needs more than <target>"``.
        """
        return f"needs {'more than' if negated else 'at most'} {target}"


def _values(inst: object, attr: attrs.Attribute[Any], value: frozenset[Any]) -> None:
    if not value:
        raise InvalidValueError(
            check.where(inst, attr), value, "needs at least one value", "List the accepted values."
        )
    for v in value:
        operand_check(inst, attr, v)


@attrs.frozen
class OneOf(Node):
    """Fact *fact* is one of *values* (such as the lines at or beyond the first)."""

    fact: str = attrs.field(validator=fact_id, metadata=FACT)
    values: frozenset[Scalar] = attrs.field(
        converter=check.as_frozenset, validator=_values, metadata=VALUES
    )
    point: int | None = meta()
    label: str = label()
    tag: ClassVar[str] = "one_of"

    def __attrs_post_init__(self) -> None:
        for v in self.values:
            fits(self, v, ordered=False)

    def reads(self) -> tuple[str, ...]:
        """The facts the leaf reads.

        Returns:
            Its one fact.
        """
        return (self.fact,)

    def operand(self) -> Any:
        """What the leaf compares its fact with.

        Returns:
            The accepted values.
        """
        return self.values

    def fast(self, env: Env) -> Fn:
        """The leaf compiled to a verdict function.

        Args:
            env: what compiling may ask of the surroundings (unused: the leaf needs nothing).

        Returns:
            A function from a state to MET, UNMET, or UNKNOWN (an unknown fact, or contested
            claims that disagree).
        """
        read, values = fact_reader(self.fact), self.values

        def one_of(state: State) -> Verdict:  # by_claims written out: the hot path
            v = read(state)
            if v is UNKNOWN or type(v) is Floor:
                return UNK
            if type(v) is Contested:
                return agree(values.__contains__, v)
            return MET if v in values else UNMET

        return one_of

    def need(self, target: str, negated: bool) -> str:
        """What the leaf needs, in words.

        Args:
            target: the value compared with, in words (with the term it comes from, if any).
            negated: whether the leaf is under a ``Not`` (the requirement is the opposite).

        Returns:
            ``"needs one of: <values>"``; negated, ``"needs none of: <values>"``.
        """
        return f"needs {'none' if negated else 'one'} of: {show(self.values)}"

    def words(self) -> str:
        """The leaf in a few words.

        Returns:
            The fact and the accepted values, such as ``idf_line one of {...}``.
        """
        return f"{self.fact} one of {{{show(self.values)}}}"


@attrs.frozen
class Known(Node):
    """Fact *fact* is known. MET or UNMET, never UNKNOWN.

    It asks about the information, not about the world, so it is the one leaf that is not
    monotone in information: learning the fact turns it from UNMET to MET.
    """

    fact: str = attrs.field(validator=fact_id, metadata=FACT)
    point: int | None = meta()
    label: str = label()
    tag: ClassVar[str] = "known"

    def reads(self) -> tuple[str, ...]:
        """The facts the leaf reads.

        Returns:
            Its one fact.
        """
        return (self.fact,)

    def fast(self, env: Env) -> Fn:
        """The leaf compiled to a verdict function.

        Args:
            env: what compiling may ask of the surroundings (unused: the leaf needs nothing).

        Returns:
            A function from a state to UNMET if the fact is UNKNOWN, else MET (a contested fact
            is reported, so known).
        """
        read = fact_reader(self.fact)  # a contested fact is reported, so known
        return lambda state: UNMET if read(state) is UNKNOWN else MET

    def seen(self, value: Any) -> str:
        """The leaf's reading in words, as its trace line shows it.

        Args:
            value: the value the leaf read.

        Returns:
            ``"known (it is <value>)"`` or ``"not known (it is unknown)"``.
        """
        return f"{'not ' if value is UNKNOWN else ''}known (it is {show(value)})"

    def need(self, target: str, negated: bool) -> str:
        """What the leaf needs, in words.

        Args:
            target: the value compared with, in words (with the term it comes from, if any).
            negated: whether the leaf is under a ``Not`` (the requirement is the opposite).

        Returns:
            ``"needs it known"``; negated, ``"needs it not known"``.
        """
        return "needs it not known" if negated else "needs it known"

    def words(self) -> str:
        """The leaf in a few words.

        Returns:
            The fact, then ``known``.
        """
        return f"{self.fact} known"


# The composites, and the kinds registered.


@attrs.frozen
class PhaseComplete(Node):
    """Phase *phase*'s completion condition is MET. Evaluating it needs the plan."""

    phase: str = attrs.field(validator=check.ident())
    point: int | None = meta()
    label: str = label()
    tag: ClassVar[str] = "phase_complete"

    def phases(self) -> tuple[str, ...]:
        """The phases the condition names.

        Returns:
            Its one phase.
        """
        return (self.phase,)

    def inner(self, env: Env) -> tuple[Condition, ...]:
        """The sub-condition a trace shows below this one.

        Args:
            env: what compiling may ask of the surroundings (the plan, for the phase).

        Returns:
            The phase's completion condition.

        Raises:
            MissingPlanError: if there is no plan to look the phase up in.
        """
        return (env.completion(self.phase),)

    def combine(self, verdicts: Sequence[Verdict]) -> Verdict:
        """The verdict from the inner one.

        Args:
            verdicts: the verdict of the phase's completion condition.

        Returns:
            That verdict.
        """
        return verdicts[0]

    def fast(self, env: Env) -> Fn:
        """The condition compiled to a verdict function.

        Args:
            env: what compiling may ask of the surroundings (the plan, for the phase).

        Returns:
            A function from a state to the verdict of the phase's completion condition.

        Raises:
            MissingPlanError: if there is no plan to look the phase up in.
        """
        target = env.completion(self.phase)
        return lambda state: env.sub(target)(state)

    def heading(self) -> str:
        """The heading of the condition's trace line.

        Returns:
            ``"phase <id> is complete"``.
        """
        return f"phase {self.phase} is complete"

    def words(self) -> str:
        """The condition in a few words.

        Returns:
            ``"phase <id> complete"``.
        """
        return f"phase {self.phase} complete"


MAX_DEPTH = 100


"""The deepest a condition may nest, counting each ``AllOf``, ``AnyOf``, ``Not`` and leaf as a level
(a plan also counts the levels a ``PhaseComplete`` reaches through). The bundled plan needs fewer
than ten. Deeper conditions are refused when built, so that evaluating, explaining and writing
them never runs out of Python's stack."""


def depth(
    condition: Condition, *, limit: int = MAX_DEPTH, phases: Mapping[str, int] | None = None
) -> int:
    """The levels of a condition; a leaf is 1.

    Args:
        condition: the condition to measure.
        limit: counting stops just past this many levels.
        phases: phase id -> the levels of its completion; with it, a ``PhaseComplete`` adds
            those of its phase. None: a ``PhaseComplete`` counts as a leaf.

    Returns:
        The levels of the deepest branch, or a number just past *limit* if it is deeper.
    """
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
    point: int | None = meta()
    label: str = label()
    decisive: ClassVar[Verdict]
    word: ClassVar[str]

    def parts(self) -> tuple[Condition, ...]:
        """The sub-conditions held as data.

        Returns:
            The conditions side by side.
        """
        return self.conditions

    def inner(self, env: Env) -> tuple[Condition, ...]:
        """The sub-conditions a trace shows below this one.

        Args:
            env: what compiling may ask of the surroundings (unused here).

        Returns:
            The conditions side by side.
        """
        return self.conditions

    def combine(self, verdicts: Sequence[Verdict]) -> Verdict:
        """The verdict from the inner ones, by Kleene's strong logic.

        Args:
            verdicts: the verdicts of the conditions, in order.

        Returns:
            The combined verdict (see :func:`gazaplan.truth.combine`).
        """
        return combine(verdicts, self.decisive)

    def fast(self, env: Env) -> Fn:
        """The condition compiled to a verdict function.

        Args:
            env: what compiling may ask of the surroundings (each sub-condition compiled).

        Returns:
            A function from a state to the combined verdict, calling the sub-conditions only as
            far as it must.
        """
        fns, decisive = tuple(env.sub(c) for c in self.conditions), self.decisive
        return lambda state: combine_calls(fns, state, decisive)

    def words(self) -> str:
        """The condition in a few words.

        Returns:
            ``"all of (...)"`` or ``"any of (...)"``, each sub-condition in its own words.
        """
        return f"{self.word} ({'; '.join(text(c) for c in self.conditions)})"


@attrs.frozen
class AllOf(_Junction):
    """Every condition holds (Kleene AND). MET when empty."""

    tag: ClassVar[str] = "all_of"
    decisive: ClassVar[Verdict] = Verdict.UNMET
    word: ClassVar[str] = "all of"

    def heading(self) -> str:
        """The heading of the condition's trace line.

        Returns:
            ``"all of the following"``, or, when empty, ``"nothing required (always met)"``.
        """
        return "all of the following" if self.conditions else "nothing required (always met)"


@attrs.frozen
class AnyOf(_Junction):
    """At least one condition holds (Kleene OR). UNMET when empty."""

    tag: ClassVar[str] = "any_of"
    decisive: ClassVar[Verdict] = Verdict.MET
    word: ClassVar[str] = "any of"

    def heading(self) -> str:
        """The heading of the condition's trace line.

        Returns:
            ``"at least one of the following"``, or, when empty, ``"none to choose from (never
            met)"``.
        """
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
    point: int | None = meta()
    label: str = label()
    tag: ClassVar[str] = "not"
    negates: ClassVar[bool] = True

    def parts(self) -> tuple[Condition, ...]:
        """The sub-conditions held as data.

        Returns:
            The one condition negated.
        """
        return (self.condition,)

    def inner(self, env: Env) -> tuple[Condition, ...]:
        """The sub-conditions a trace shows below this one.

        Args:
            env: what compiling may ask of the surroundings (unused here).

        Returns:
            The one condition negated.
        """
        return (self.condition,)

    def combine(self, verdicts: Sequence[Verdict]) -> Verdict:
        """The verdict from the inner one.

        Args:
            verdicts: the verdict of the condition negated.

        Returns:
            Its opposite (UNKNOWN stays UNKNOWN).
        """
        return ~verdicts[0]

    def fast(self, env: Env) -> Fn:
        """The condition compiled to a verdict function.

        Args:
            env: what compiling may ask of the surroundings (the condition negated, compiled).

        Returns:
            A function from a state to the opposite of the inner verdict.
        """
        inner = env.sub(self.condition)
        return lambda state: ~inner(state)

    def heading(self) -> str:
        """The heading of the condition's trace line.

        Returns:
            ``"not the following"``.
        """
        return "not the following"

    def words(self) -> str:
        """The condition in a few words.

        Returns:
            ``"not (...)"``, the condition negated in its own words.
        """
        return f"not ({text(self.condition)})"


Leaf: TypeAlias = Equals | AtLeast | AtMost | OneOf | Known | PhaseComplete


Condition: TypeAlias = Leaf | AllOf | AnyOf | Not


"""The built-in kinds of condition (the one list of them); :data:`KINDS` adds any registered."""


KINDS: Final = Kinds("condition", Condition, requires=("fast", "words", "need|heading"))


"""The kinds of condition by tag: the built-in ones and any registered with ``KINDS.register``."""


def condition_check(optional: bool = False) -> check.Validator:
    """An attrs validator: the value is a condition of a known kind.

    Args:
        optional: whether None is accepted too.

    Returns:
        The validator; it raises :class:`~gazaplan.exceptions.InvalidValueError` for anything
        but a condition (or None, if *optional*).
    """

    def checker(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, KINDS.types()):
            raise InvalidValueError(
                check.where(inst, attr),
                value,
                "expected a condition",
                "Build one from gazaplan.core.conditions (AllOf, Equals, AtLeast, ...).",
            )

    return checker


CONDITION_TYPES: tuple[type, ...] = KINDS.types()


"""The built-in kinds (kept for old code; :meth:`KINDS.types` includes registered kinds)."""


def text(condition: Condition) -> str:
    """A condition in a few words.

    Args:
        condition: the condition.

    Returns:
        Its label, or its test written out (``idf_line one of {...}``).
    """
    return getattr(condition, "label", "") or condition.words()


def children(condition: Condition) -> tuple[Condition, ...]:
    """The direct sub-conditions of a condition.

    Args:
        condition: the condition.

    Returns:
        Its sub-conditions (empty for a leaf).
    """
    return condition.parts()


def walk(condition: Condition) -> Iterator[Condition]:
    """Every node of a condition, depth first.

    Args:
        condition: the condition.

    Yields:
        The condition itself, then each node below it, depth first.
    """
    stack = [condition]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.parts()))


def facts_read(condition: Condition) -> frozenset[str]:
    """The facts a condition reads.

    Args:
        condition: the condition.

    Returns:
        The ids of every fact it reads, including those inside ``Times`` operands.
    """
    return frozenset(f for node in walk(condition) for f in node.reads())


def terms_named(condition: Condition) -> frozenset[str]:
    """The plan terms a condition refers to.

    Args:
        condition: the condition.

    Returns:
        The paths of the terms, such as ``"exchange.remains_ratio"``.
    """
    out: set[str] = set()
    for node in walk(condition):
        value = node.operand()
        if isinstance(value, Times):
            value = value.factor
        if isinstance(value, Term):
            out.add(value.path)
    return frozenset(out)


def phases_named(condition: Condition) -> frozenset[str]:
    """The phases a condition refers to with ``PhaseComplete``.

    Args:
        condition: the condition.

    Returns:
        The ids of the phases.
    """
    return frozenset(p for node in walk(condition) for p in node.phases())
