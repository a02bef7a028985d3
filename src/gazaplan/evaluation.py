"""Evaluating conditions: :func:`evaluate` gives an :class:`Evaluation`, a verdict with its trace.

The trace is a tree mirroring the condition. Each node records its verdict, the plan point it
comes from (its own or the nearest ancestor's) and, for leaves, the facts it read with the values
it saw. :meth:`Evaluation.blockers` finds the leaves that keep a condition from being MET, which
is what an analyst asks first: "what exactly is missing?".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._compile import compiled, need_plan, operand_value
from .conditions import (
    AllOf,
    AnyOf,
    AtLeast,
    AtMost,
    Condition,
    Equals,
    Not,
    OneOf,
    PhaseComplete,
    Times,
)
from .state import State, fact_reader
from .truth import Verdict, all_of, any_of

if TYPE_CHECKING:
    from .plan import Plan

__all__ = ["Blocker", "Evaluation", "Reading", "evaluate"]


@attrs.frozen
class Reading:
    """A fact a leaf read, and the value it saw (possibly UNKNOWN)."""

    fact: str
    value: Any


@attrs.frozen
class Evaluation:
    """The verdict of a condition in a state, with the trace of how it was reached.

    Attributes:
        condition: the condition evaluated.
        verdict: MET, UNMET or UNKNOWN.
        children: evaluations of the sub-conditions (for ``PhaseComplete``: of the phase's
            completion condition); empty for leaves and when no trace was asked for.
        readings: for leaves, the facts read and the values seen.
        target: for comparisons, the value compared against (a term resolved, a product computed).
        point: the plan point the condition comes from, its own or inherited.
    """

    condition: Condition
    verdict: Verdict
    children: tuple[Evaluation, ...] = ()
    readings: tuple[Reading, ...] = ()
    target: Any = None
    point: int | None = None

    def walk(self) -> Iterator[Evaluation]:
        """This node and every node below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self) -> tuple[Evaluation, ...]:
        """The leaf evaluations (facts read), depth first."""
        return tuple(e for e in self.walk() if not e.children and not _is_composite(e.condition))

    def blockers(self) -> tuple[Blocker, ...]:
        """The leaves that keep this condition from being MET, with their effect on it.

        A leaf under a ``Not`` blocks by being MET; its ``effect`` is then UNMET. Leaves that
        block by being UNKNOWN have the effect UNKNOWN. Empty when the verdict is MET.
        """
        return tuple(_blockers(self, Verdict.MET, ()))

    def points(self) -> frozenset[int]:
        """Every plan point named in the trace."""
        return frozenset(e.point for e in self.walk() if e.point is not None)


@attrs.frozen
class Blocker:
    """A leaf that keeps a condition from being MET.

    Attributes:
        evaluation: the leaf's evaluation (its own verdict, readings and point).
        effect: UNMET if it makes the condition fail, UNKNOWN if it leaves it undecided.
        path: the labels of the composite conditions above it, outermost first.
    """

    evaluation: Evaluation
    effect: Verdict
    path: tuple[str, ...] = ()


def _is_composite(cond: Condition) -> bool:
    return isinstance(cond, AllOf | AnyOf | Not | PhaseComplete)


def _blockers(ev: Evaluation, want: Verdict, path: tuple[str, ...]) -> Iterator[Blocker]:
    """Leaves preventing *ev* from having verdict *want* (MET or UNMET)."""
    if ev.verdict is want:
        return
    cond = ev.condition
    label = getattr(cond, "label", "") or type(cond).__name__
    if isinstance(cond, Not):
        flipped = Verdict.UNMET if want is Verdict.MET else Verdict.MET
        yield from _blockers(ev.children[0], flipped, (*path, label))
    elif isinstance(cond, AllOf | AnyOf | PhaseComplete) and ev.children:
        for child in ev.children:
            yield from _blockers(child, want, (*path, label))
    else:
        effect = Verdict.UNKNOWN if ev.verdict is Verdict.UNKNOWN else Verdict.UNMET
        yield Blocker(ev, effect, path)


def evaluate(
    condition: Condition, state: State, *, plan: Plan | None = None, trace: bool = True
) -> Evaluation:
    """Evaluate *condition* in *state* under Kleene's strong three-valued logic.

    Args:
        condition: the condition.
        state: the facts.
        plan: needed when the condition names plan terms (``Term``) or phases
            (``PhaseComplete``); otherwise optional.
        trace: if False, only the verdict is computed (faster; ``children`` and ``readings``
            are empty).

    Returns:
        An :class:`Evaluation`. Never a bare bool; every valid state gets a verdict.

    Raises:
        MissingPlanError: the condition needs a plan and none was given.
    """
    if not trace:
        return Evaluation(condition, compiled(condition, plan)(state))
    return _trace(condition, state, plan, None)


def _trace(cond: Condition, state: State, plan: Plan | None, inherited: int | None) -> Evaluation:
    point = getattr(cond, "point", None) or inherited
    if isinstance(cond, AllOf | AnyOf):
        kids = tuple(_trace(c, state, plan, point) for c in cond.conditions)
        combine = all_of if isinstance(cond, AllOf) else any_of
        return Evaluation(cond, combine(k.verdict for k in kids), kids, point=point)
    if isinstance(cond, Not):
        kid = _trace(cond.condition, state, plan, point)
        return Evaluation(cond, ~kid.verdict, (kid,), point=point)
    if isinstance(cond, PhaseComplete):
        completion = need_plan(plan, f"phase {cond.phase!r}").phase(cond.phase).completion
        kid = _trace(completion, state, plan, point)
        return Evaluation(cond, kid.verdict, (kid,), point=point)
    verdict = compiled(cond, plan)(state)
    readings = [Reading(cond.fact, fact_reader(cond.fact)(state))]
    target: Any = None
    if isinstance(cond, Equals | AtLeast | AtMost):
        target = operand_value(cond.value, state, plan)
        if isinstance(cond.value, Times):
            readings.append(Reading(cond.value.fact, fact_reader(cond.value.fact)(state)))
    elif isinstance(cond, OneOf):
        target = cond.values
    return Evaluation(cond, verdict, (), tuple(readings), target, point)
