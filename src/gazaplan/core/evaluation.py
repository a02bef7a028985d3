"""Evaluating conditions: :func:`evaluate` gives an :class:`Evaluation`, a verdict with its trace.

The trace is a tree mirroring the condition. Each node records its verdict, the plan point it
comes from (its own or the nearest ancestor's) and, for leaves, the facts it read with the values
it saw. :meth:`Evaluation.blockers` finds the leaves that keep a condition from being MET, which
is what an analyst asks first: "what exactly is missing?".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ..truth import Verdict
from . import _checks as check
from . import _ports
from ._compile import PlanEnv, compiled, operand_fn
from ._plancache import FREE, PlanCache
from ._results import NotebookDisplay
from ._value import Value
from .conditions import Condition, Term, Times, walk
from .explain import explain_evaluation
from .state import State, fact_reader

if TYPE_CHECKING:
    import pandas as pd

    from .plans import Plan

__all__ = ["Blocker", "Evaluation", "Reading", "evaluate"]

T = TypeVar("T")


@attrs.frozen
class Reading(Value):
    """A fact a leaf read, and the value it saw (possibly UNKNOWN)."""

    fact: str
    value: Any


@attrs.frozen
class Evaluation(NotebookDisplay, Value):
    """The verdict of a condition in a state, with the trace of how it was reached.

    Attributes:
        condition: the condition evaluated.
        verdict: MET, UNMET or UNKNOWN.
        children: evaluations of the sub-conditions (for ``PhaseComplete``: of the phase's
            completion condition); empty for leaves and when no trace was asked for.
        seen: for leaves, the values of the facts read, in the order of :attr:`readings`.
        target: for comparisons, the value compared against (a term resolved, a product computed).
        point: the plan point the condition comes from, its own or inherited.

    Evaluations are immutable, so a trace may share a sub-tree where the same condition occurs
    twice (the "both sides accept" trigger of many obligations is evaluated once per check).
    """

    condition: Condition
    verdict: Verdict
    children: tuple[Evaluation, ...] = ()
    seen: tuple[Any, ...] = ()
    target: Any = None
    point: int | None = None

    @property
    def readings(self) -> tuple[Reading, ...]:
        """For leaves, each fact read with the value seen (possibly UNKNOWN)."""
        return tuple(
            Reading(f, v) for f, v in zip(leaf_facts(self.condition), self.seen, strict=False)
        )

    def walk(self) -> Iterator[Evaluation]:
        """This node and every node below it, depth first.

        Yields:
            This evaluation, then each one below it, depth first.
        """
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self) -> tuple[Evaluation, ...]:
        """The leaf evaluations (facts read).

        Returns:
            The leaves of the trace, depth first.
        """
        return tuple(e for e in self.walk() if not e.children and not _is_composite(e.condition))

    def blockers(self) -> tuple[Blocker, ...]:
        """The leaves that keep this condition from being MET, with their effect on it.

        A leaf under a ``Not`` blocks by being MET; its ``effect`` is then UNMET, and it is
        ``negated``: what the condition needs is that the leaf does *not* hold. Leaves that block by
        being UNKNOWN have the effect UNKNOWN.

        Returns:
            The blockers, depth first; empty when the verdict is MET.
        """
        return tuple(_blockers(self, Verdict.MET, (), ()))

    def explain(self) -> str:
        """The trace in words.

        Returns:
            The trace as indented lines, each led by its verdict.
        """
        return "\n".join(explain_evaluation(self)) + "\n"

    def points(self) -> frozenset[int]:
        """The plan points the trace names.

        Returns:
            Every plan point named in the trace.
        """
        return frozenset(e.point for e in self.walk() if e.point is not None)

    def to_pandas(self) -> pd.DataFrame:
        """The trace as a DataFrame.

        Needs the ``pandas`` extra.

        Returns:
            One row per node, depth first.

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        return _ports.tables().to_pandas(self)


@attrs.frozen
class Blocker(Value):
    """A leaf that keeps a condition from being MET.

    Attributes:
        evaluation: the leaf's evaluation (its own verdict, readings and point).
        effect: UNMET if it makes the condition fail, UNKNOWN if it leaves it undecided.
        path: the labels of the composite conditions above it, outermost first.
        negated: True if the leaf sits under an odd number of ``Not``: the condition needs the
            leaf's test to fail (``Not(Equals("gaza_annexed", True))`` needs ``gaza_annexed`` to
            be no). :func:`gazaplan.core.explain.summary` words it so.
        position: the child indices from the root of the trace down to the leaf.
    """

    evaluation: Evaluation
    effect: Verdict
    path: tuple[str, ...] = ()
    negated: bool = False
    position: tuple[int, ...] = ()


def _is_composite(cond: Condition) -> bool:
    return hasattr(cond, "combine")


def _blockers(
    ev: Evaluation, want: Verdict, path: tuple[str, ...], position: tuple[int, ...]
) -> Iterator[Blocker]:
    """Leaves preventing *ev* from having verdict *want* (MET or UNMET). Iterative: a trace may
    be deeper than Python's recursion limit (a long chain of phases)."""
    stack = [(ev, want, path, position)]
    while stack:
        ev, want, path, position = stack.pop()
        if ev.verdict is want:
            continue
        cond = ev.condition
        label = getattr(cond, "label", "") or type(cond).__name__
        if ev.children:
            if cond.negates:
                want = Verdict.UNMET if want is Verdict.MET else Verdict.MET
            stack.extend(
                (child, want, (*path, label), (*position, i))
                for i, child in reversed(list(enumerate(ev.children)))
            )
        else:
            effect = Verdict.UNKNOWN if ev.verdict is Verdict.UNKNOWN else Verdict.UNMET
            yield Blocker(ev, effect, path, want is Verdict.UNMET, position)


def evaluate(
    condition: Condition, state: State, *, plan: Plan | None = None, trace: bool = True
) -> Evaluation:
    """Evaluate *condition* in *state* under Kleene's strong three-valued logic.

    Args:
        condition: the condition.
        state: the facts.
        plan: needed when the condition names plan terms (``Term``) or phases
            (``PhaseComplete``); otherwise optional.
        trace: if False, only the verdict is computed (faster; ``children`` and ``seen``
            are empty).

    Returns:
        An :class:`Evaluation`. Never a bare bool; every valid state gets a verdict.

    Raises:
        MissingPlanError: the condition needs a plan and none was given.
    """
    check.need_type(state, State, "evaluate(state)", check.STATE_FIX)
    if not trace:
        return bare(condition, compiled(condition, plan)(state), plan)
    return tracer(condition, plan)(state, {})


def leaf_facts(cond: Condition) -> tuple[str, ...]:
    """The facts a leaf reads.

    Args:
        cond: the condition.

    Returns:
        Its own fact, then a ``Times`` operand's fact; empty for a composite.
    """
    return () if _is_composite(cond) else cond.reads()


Tracer = Callable[[State, dict[object, Evaluation]], Evaluation]


def _cache(plan: Plan | None) -> PlanCache:
    return plan._cache if plan is not None else FREE


def bare(cond: Condition, verdict: Verdict, plan: Plan | None) -> Evaluation:
    """The trace-less evaluation of a condition with a given verdict.

    Shared: evaluations are immutable, so one serves every call with the same condition and
    verdict.

    Args:
        cond: the condition.
        verdict: its verdict.
        plan: the plan whose cache keeps the evaluation (None: the cache of no plan).

    Returns:
        An :class:`Evaluation` without trace.
    """
    return _cache(plan).form("bare", cond, verdict, lambda: Evaluation(cond, verdict))


def tracer(cond: Condition, plan: Plan | None, inherited: int | None = None) -> Tracer:
    """A function tracing a condition in a state.

    Args:
        cond: the condition.
        plan: the plan, for terms and phases (and whose cache keeps the function).
        inherited: the plan point of the nearest ancestor, for a node that names none.

    Returns:
        A function of a state and a dict, giving the traced :class:`Evaluation`; the results
        for nodes that occur more than once are memoised in the dict.
    """
    return _cache(plan).form("trace", cond, inherited, lambda: _make_tracer(cond, plan, inherited))


MET, UNMET, UNK = Verdict.MET, Verdict.UNMET, Verdict.UNKNOWN


def _shared(plan: Plan) -> frozenset[int]:
    """Ids of the plan's conditions that occur more than once (worth memoising in a trace)."""

    def count() -> frozenset[int]:
        counts: dict[int, int] = {}
        for _, root in plan.conditions():
            for node in walk(root):
                counts[id(node)] = counts.get(id(node), 0) + 1
        for phase in plan.phases:  # PhaseComplete re-traces a phase's completion
            counts[id(phase.completion)] = counts.get(id(phase.completion), 0) + 1
        return frozenset(k for k, n in counts.items() if n > 1)

    return plan._cache.derive("shared", count)


def _memoised(compute: Tracer) -> Tracer:
    """*compute*, run once per memo (a node that occurs more than once in the plan)."""
    token = object()

    def run(state: State, memo: dict[object, Evaluation]) -> Evaluation:
        ev = memo.get(token)
        if ev is None:
            ev = memo[token] = compute(state, memo)
        return ev

    return run


def _make_tracer(cond: Condition, plan: Plan | None, inherited: int | None) -> Tracer:
    compute = _make_compute(cond, plan, getattr(cond, "point", None) or inherited)
    return _memoised(compute) if plan is None or id(cond) in _shared(plan) else compute


# Shared nodes: a tracer hands out the same Evaluation whenever what it saw is the same (the
# same children, the same value read), so a trace allocates only where states differ. Traces of
# many states then keep few objects alive, which is what makes the garbage collector cheap on a
# heap that holds many states. Each tracer keeps at most SHARED nodes.
SHARED = 64
K = TypeVar("K")


def _keep(made: dict[K, Evaluation], key: K, ev: Evaluation) -> Evaluation:
    if key is not None and len(made) < SHARED:
        made[key] = ev
    return ev


def _value_key(v: object) -> object:
    """A key telling values apart as a trace shows them (1, 1.0 and True are not the same
    reading); None for a value not to share (unhashable, or a signed zero)."""
    if type(v) is float and v == 0.0:
        return None
    try:
        hash(v)
    except TypeError:
        return None
    return (type(v), v)


def _make_compute(cond: Condition, plan: Plan | None, point: int | None) -> Tracer:
    env = PlanEnv(plan)
    inner = cond.inner(env)
    if inner is not None:
        kids = tuple(tracer(c, plan, point) for c in inner)
        combine = cond.combine  # type: ignore[union-attr]
        made: dict[tuple[int, ...], Evaluation] = {}

        def composite(state: State, memo: dict[object, Evaluation]) -> Evaluation:
            children = tuple([k(state, memo) for k in kids])
            key = tuple(map(id, children))  # the entry keeps these children alive: ids hold
            ev = made.get(key)
            if ev is not None:
                return ev
            result = combine([c.verdict for c in children])
            return _keep(made, key, Evaluation(cond, result, children, (), None, point))

        return composite
    verdict_of = compiled(cond, plan)
    readers = tuple(fact_reader(f) for f in cond.reads())
    operand = cond.operand()
    if isinstance(operand, Term | Times):
        target_of = operand_fn(operand, plan)

        def leaf(state: State, _memo: dict[object, Evaluation]) -> Evaluation:
            seen = tuple([r(state) for r in readers])
            return Evaluation(cond, verdict_of(state), (), seen, target_of(state), point)

        return leaf
    if len(readers) != 1:  # a leaf of another kind: nothing to share by
        return lambda state, _memo: Evaluation(
            cond, verdict_of(state), (), tuple([r(state) for r in readers]), operand, point
        )
    (read,) = readers
    seen: dict[object, Evaluation] = {}

    def simple(state: State, _memo: dict[object, Evaluation]) -> Evaluation:
        # The common case: one fact against a constant. Its verdict depends on the value read
        # alone, so one Evaluation serves every state in which the fact has that value.
        v = read(state)
        key = _value_key(v)
        ev = seen.get(key)
        if ev is not None:
            return ev
        return _keep(seen, key, Evaluation(cond, verdict_of(state), (), (v,), operand, point))

    return simple
