"""Conditions compiled to closures ``State -> Verdict``: the fast path, with no trace.

Each kind of condition compiles itself (its ``fast`` method); this module gives it what it may
ask for (:class:`PlanEnv`: sub-conditions compiled and cached, terms and phases resolved by the
plan), and caches the result. Compiling resolves fact readers, terms and phase references once,
so that evaluating a condition is a few attribute reads and comparisons. The traced path
(``evaluation.py``) must give the same verdicts; the property tests check that it does.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..exceptions import MissingPlanError
from ..truth import UNKNOWN
from ._plancache import FREE
from .conditions import Condition, Fn, Operand, Term, Times
from .facts import Floor
from .sources import Contested
from .state import State, fact_reader

if TYPE_CHECKING:
    from .plans import Plan

__all__ = ["PlanEnv", "compiled", "operand_fn"]


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
            if isinstance(a, Floor):  # a non-negative factor keeps it a floor (rounded down)
                return Floor(math.floor(f * a.value)) if f >= 0 else UNKNOWN
            return f * a

        return times
    return lambda _state: value


class PlanEnv:
    """What a condition compiling itself may ask of *plan* (None: a plan-free condition)."""

    __slots__ = ("plan",)

    def __init__(self, plan: Plan | None) -> None:
        self.plan = plan

    def sub(self, condition: Condition) -> Fn:
        return compiled(condition, self.plan)

    def operand(self, value: Operand) -> Callable[[State], Any]:
        return operand_fn(value, self.plan)

    def completion(self, phase: str) -> Condition:
        return need_plan(self.plan, f"phase {phase!r}").phase(phase).completion


def compiled(cond: Condition, plan: Plan | None) -> Fn:
    """The compiled form of *cond*, cached on the plan (or in the plan-free cache)."""
    cache = plan._cache if plan is not None else FREE
    return cache.form("fast", cond, None, lambda: cond.fast(PlanEnv(plan)))
