"""Conditions compiled to closures ``State -> Verdict``: the fast path, with no trace.

Compiling resolves fact readers, terms and phase references once, so that evaluating a condition
is a few attribute reads and comparisons. The traced path (``evaluation.py``) must give the same
verdicts; the property tests check that it does.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._plancache import FREE
from .conditions import (
    AllOf,
    AnyOf,
    AtLeast,
    AtMost,
    Condition,
    Equals,
    Known,
    Not,
    OneOf,
    Operand,
    PhaseComplete,
    Term,
    Times,
)
from .exceptions import MissingPlanError
from .sources import Contested
from .state import State, fact_reader
from .truth import UNKNOWN, Verdict, combine_calls

if TYPE_CHECKING:
    from .plans import Plan

__all__ = ["compiled", "operand_fn"]

Fn = Callable[[State], Verdict]
MET, UNMET, UNK = Verdict.MET, Verdict.UNMET, Verdict.UNKNOWN

_COMPARE: dict[type[Any], Callable[[Any, Any], bool]] = {
    Equals: operator.eq,
    AtLeast: operator.ge,
    AtMost: operator.le,
}


def agree(test: Callable[[Any], bool], value: Contested) -> Verdict:
    """The verdict every claim of a contested value agrees on, or UNKNOWN when they differ."""
    verdicts = {MET if test(v) else UNMET for v in value.values()}
    return verdicts.pop() if len(verdicts) == 1 else UNK


def need_plan(plan: Plan | None, what: str) -> Plan:
    """*plan*, or a MissingPlanError saying why it is needed."""
    if plan is None:
        msg = (
            f"this condition refers to {what}, which only a plan can resolve; "
            "pass plan=... to evaluate(), or use check_phase / check_plan"
        )
        raise MissingPlanError(msg)
    return plan


def operand_fn(value: Operand, plan: Plan | None) -> Callable[[State], Any]:
    if isinstance(value, Term):
        constant = need_plan(plan, str(value)).term(value.path).value
        return lambda _state: constant
    if isinstance(value, Times):
        factor = operand_fn(value.factor, plan)
        read = fact_reader(value.fact)

        def times(state: State) -> Any:
            f, a = factor(state), read(state)
            if f is UNKNOWN or a is UNKNOWN:
                return UNKNOWN
            if isinstance(a, Contested):
                return a.map(lambda x: f * x)
            return f * a

        return times
    return lambda _state: value


def _compile(cond: Condition, plan: Plan | None) -> Fn:
    if isinstance(cond, AllOf | AnyOf):
        fns = tuple(_compile(c, plan) for c in cond.conditions)
        decisive = UNMET if isinstance(cond, AllOf) else MET
        return lambda state: combine_calls(fns, state, decisive)
    if isinstance(cond, Not):
        inner = _compile(cond.condition, plan)
        return lambda state: ~inner(state)
    if isinstance(cond, Known):
        read = fact_reader(cond.fact)
        return lambda state: (
            UNMET if read(state) is UNKNOWN else MET
        )  # contested: reported, so known
    if isinstance(cond, OneOf):
        read, values = fact_reader(cond.fact), cond.values

        def one_of(state: State) -> Verdict:
            v = read(state)
            if v is UNKNOWN:
                return UNK
            if type(v) is Contested:
                return agree(lambda x: x in values, v)
            return MET if v in values else UNMET

        return one_of
    if isinstance(cond, PhaseComplete):
        p = need_plan(plan, f"phase {cond.phase!r}")
        target = p.phase(cond.phase).completion
        return lambda state: compiled(target, p)(state)
    read, compare = fact_reader(cond.fact), _COMPARE[type(cond)]
    if isinstance(cond.value, Term | Times):
        rhs = operand_fn(cond.value, plan)

        def dynamic(state: State) -> Verdict:
            v, w = read(state), rhs(state)
            if v is UNKNOWN or w is UNKNOWN:
                return UNK
            if type(v) is Contested or type(w) is Contested:
                pairs = [(x, y) for x in _values(v) for y in _values(w)]
                verdicts = {MET if compare(x, y) else UNMET for x, y in pairs}
                return verdicts.pop() if len(verdicts) == 1 else UNK
            return MET if compare(v, w) else UNMET

        return dynamic
    constant = cond.value
    if isinstance(cond, Equals):

        def equals(state: State) -> Verdict:
            v = read(state)
            if v is UNKNOWN:
                return UNK
            if type(v) is Contested:
                return agree(lambda x: x == constant, v)
            return MET if v == constant else UNMET

        return equals

    def static(state: State) -> Verdict:
        v = read(state)
        if v is UNKNOWN:
            return UNK
        if type(v) is Contested:
            return agree(lambda x: compare(x, constant), v)
        return MET if compare(v, constant) else UNMET

    return static


def _values(v: Any) -> tuple[Any, ...]:
    return v.values() if type(v) is Contested else (v,)


def compiled(cond: Condition, plan: Plan | None) -> Fn:
    """The compiled form of *cond*, cached on the plan (or in the plan-free cache)."""
    cache = plan._cache if plan is not None else FREE
    return cache.form("fast", cond, None, lambda: _compile(cond, plan))
