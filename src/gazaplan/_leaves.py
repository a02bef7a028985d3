"""The leaves of conditions: comparisons of one fact with a value, ``OneOf`` and ``Known``.

Each kind is one class saying all it means (see ``gazaplan._condition_base``); they are public
as :mod:`gazaplan.conditions`.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any, ClassVar, TypeAlias

import attrs

from . import _checks as check
from . import _condition_base as base
from ._condition_base import Env, Node, Term, Times, show
from .exceptions import InvalidValueError
from .sources import Contested
from .state import State, fact_reader
from .truth import UNKNOWN, Verdict

__all__ = ["AtLeast", "AtMost", "Equals", "Known", "OneOf"]

MET, UNMET, UNK = Verdict.MET, Verdict.UNMET, Verdict.UNKNOWN
Operand: TypeAlias = base.Operand
Scalar: TypeAlias = base.Scalar


@attrs.frozen
class _Comparison(Node):
    """Fact *fact* compared with *value* (a literal, a Term or a Times)."""

    fact: str = attrs.field(validator=base.fact_id, metadata=base.FACT)
    value: Operand = attrs.field(validator=base.operand_check, metadata=base.VALUE)
    point: int | None = base.meta()
    label: str = base.label()
    compare: ClassVar[Callable[[Any, Any], Any]]
    sign: ClassVar[str]
    ordered: ClassVar[bool] = True

    def __attrs_post_init__(self) -> None:
        base.fits(self, self.value, ordered=self.ordered)

    def reads(self) -> tuple[str, ...]:
        if isinstance(self.value, Times):
            return (self.fact, self.value.fact)
        return (self.fact,)

    def operand(self) -> Any:
        return self.value

    def fast(self, env: Env) -> base.Fn:
        read, compare = fact_reader(self.fact), type(self).compare
        if isinstance(self.value, Term | Times):
            rhs = env.operand(self.value)

            def dynamic(state: State) -> Verdict:
                v, w = read(state), rhs(state)
                if v is UNKNOWN or w is UNKNOWN:
                    return UNK
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
                return base.agree(lambda x: compare(x, constant), v)
            return MET if compare(v, constant) else UNMET

        return static

    def words(self) -> str:
        return f"{self.fact} {self.sign} {base.operand_words(self.value)}"


def _claims(v: Any) -> tuple[Any, ...]:
    return v.values() if type(v) is Contested else (v,)


@attrs.frozen
class Equals(_Comparison):
    """Fact *fact* equals *value*."""

    tag: ClassVar[str] = "equals"
    compare: ClassVar[Callable[[Any, Any], Any]] = operator.eq
    sign: ClassVar[str] = "="
    ordered: ClassVar[bool] = False

    def need(self, target: str, negated: bool) -> str:
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
        return f"needs {'less than' if negated else 'at least'} {target}"


@attrs.frozen
class AtMost(_Comparison):
    """Fact *fact* is at most *value*."""

    tag: ClassVar[str] = "at_most"
    compare: ClassVar[Callable[[Any, Any], Any]] = operator.le
    sign: ClassVar[str] = "<="

    def need(self, target: str, negated: bool) -> str:
        return f"needs {'more than' if negated else 'at most'} {target}"


def _values(inst: object, attr: attrs.Attribute[Any], value: frozenset[Any]) -> None:
    if not value:
        raise InvalidValueError(
            check.where(inst, attr), value, "needs at least one value", "List the accepted values."
        )
    for v in value:
        base.operand_check(inst, attr, v)


@attrs.frozen
class OneOf(Node):
    """Fact *fact* is one of *values* (such as the lines at or beyond the first)."""

    fact: str = attrs.field(validator=base.fact_id, metadata=base.FACT)
    values: frozenset[Scalar] = attrs.field(
        converter=check.as_frozenset, validator=_values, metadata=base.VALUES
    )
    point: int | None = base.meta()
    label: str = base.label()
    tag: ClassVar[str] = "one_of"

    def __attrs_post_init__(self) -> None:
        for v in self.values:
            base.fits(self, v, ordered=False)

    def reads(self) -> tuple[str, ...]:
        return (self.fact,)

    def operand(self) -> Any:
        return self.values

    def fast(self, env: Env) -> base.Fn:
        read, values = fact_reader(self.fact), self.values

        def one_of(state: State) -> Verdict:  # by_claims written out: the hot path
            v = read(state)
            if v is UNKNOWN:
                return UNK
            if type(v) is Contested:
                return base.agree(values.__contains__, v)
            return MET if v in values else UNMET

        return one_of

    def need(self, target: str, negated: bool) -> str:
        return f"needs {'none' if negated else 'one'} of: {show(self.values)}"

    def words(self) -> str:
        return f"{self.fact} one of {{{show(self.values)}}}"


@attrs.frozen
class Known(Node):
    """Fact *fact* is known. MET or UNMET, never UNKNOWN.

    It asks about the information, not about the world, so it is the one leaf that is not
    monotone in information: learning the fact turns it from UNMET to MET.
    """

    fact: str = attrs.field(validator=base.fact_id, metadata=base.FACT)
    point: int | None = base.meta()
    label: str = base.label()
    tag: ClassVar[str] = "known"

    def reads(self) -> tuple[str, ...]:
        return (self.fact,)

    def fast(self, env: Env) -> base.Fn:
        read = fact_reader(self.fact)  # a contested fact is reported, so known
        return lambda state: UNMET if read(state) is UNKNOWN else MET

    def seen(self, value: Any) -> str:
        return f"{'not ' if value is UNKNOWN else ''}known (it is {show(value)})"

    def need(self, target: str, negated: bool) -> str:
        return "needs it not known" if negated else "needs it known"

    def words(self) -> str:
        return f"{self.fact} known"
