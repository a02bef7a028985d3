"""The action model written in Promela, for SPIN: the same variables (each holding its value's
index, in the narrowest type that holds them all: ``byte`` to 255, ``short``, then ``int``), the
same moves (one ``d_step`` each: its guard, then its effect) and the
same start, so that SPIN and :func:`~gazaplan.explore` can be checked against each other.

A guard becomes a Boolean expression over the indices of the variables it reads: the rows of its
table (built by the library's own evaluation) where it is MET, or the negation of those where it
is not, whichever is shorter, each run of consecutive indices of the first variable one range
(``v0 >= 256 && v0 <= 300``), so that a count's threshold stays one term however many values it
has. Facts that are not variables keep their start values, as in the
explorer. Where variables start unknown, a first nondeterministic step picks each possible start
(SPIN then counts one state more than the explorer: the one before that choice).

A target becomes ``assert(!(...))`` in a monitor step, so that SPIN's breadth-first search
(``-DBFS``) stops at a shortest path to it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..core.conditions import Condition
from ..core.models import Model, Step
from ..core.plans import Plan
from ..core.state import State
from ..exceptions import InvalidValueError
from ._packing import Packed

__all__ = ["to_promela"]

_TYPES = (("byte", 255), ("short", 32_767), ("int", 2_147_483_647))
"""Promela's integer types, narrowest first, with the largest index each holds."""


def _type(fact: str, n: int) -> str:
    """The narrowest Promela type for a variable of *n* values (indices 0 to n - 1)."""
    for name, top in _TYPES:
        if n - 1 <= top:
            return name
    raise InvalidValueError(
        f"the variable {fact!r}",
        n,
        f"more values than Promela's widest integer holds ({_TYPES[-1][1]:,})",
        "Explore a smaller model (fewer hostages), or use gazaplan.explore, which has no such limit.",
    )


def _expression(packed: Packed, cond: Condition) -> str:
    table, _ = packed.table(cond)
    if all(table):
        return "true"
    if not any(table):
        return "false"
    parts = packed.parts(cond)  # the variables it reads, first varying fastest
    sizes = [len(packed.values[i]) for i, _ in parts]
    met, unmet = _terms(table, parts, sizes, True), _terms(table, parts, sizes, False)
    negate = len(unmet) < len(met)
    expr = " || ".join(unmet if negate else met)
    return f"!({expr})" if negate else f"({expr})"


def _terms(
    table: Sequence[bool], parts: Sequence[tuple[int, int]], sizes: Sequence[int], want: bool
) -> list[str]:
    """The rows of *table* equal to *want*, each run of consecutive indices of the first
    variable (over the same values of the others) as one term: ``v0 >= 3 && v0 <= 9``."""
    first, n = parts[0][0], sizes[0]
    terms = []
    for rest in range(len(table) // n):  # each combination of the other variables' indices
        others, r = [], rest
        for (i, _), size in zip(parts[1:], sizes[1:], strict=True):
            others.append(f"v{i} == {r % size}")
            r //= size
        row = table[rest * n : (rest + 1) * n]
        k = 0
        while k < n:
            if row[k] is not want:
                k += 1
                continue
            j = k
            while j + 1 < n and row[j + 1] is want:
                j += 1
            if k == j:
                bounds = [f"v{first} == {k}"]
            else:
                bounds = [f"v{first} >= {k}"] * (k > 0) + [f"v{first} <= {j}"] * (j < n - 1)
            terms.append("(" + " && ".join([*bounds, *others] or ["true"]) + ")")
            k = j + 1
    return terms


def to_promela(
    plan: Plan, model: Model, start: State, *, targets: Sequence[tuple[str, Condition]] = ()
) -> str:
    """An action model over a plan, from a start, as a Promela program.

    See the module's description.

    Args:
        plan: the plan whose triggers guard the moves.
        model: the action model.
        start: the state to start from.
        targets: ``(name, condition)`` pairs; each becomes an assertion SPIN reports when it
            can be reached.

    Returns:
        The program's text.

    Raises:
        UnknownPartyError: if the model names a party the plan lacks.
        UnknownIdError: if it names an obligation, line or phase the plan lacks.
        InvalidValueError: if a variable's start value is not among its values, a variable has
            more values than Promela's widest integer holds, or a condition reads too many
            combinations of values.
    """
    packed = Packed(plan, model, start)
    starts = packed.starts()
    head = (f"/* gazaplan action model over plan version {plan.version}: "
            f"{len(model.variables)} variables, {len(model.actions)} moves */")  # fmt: skip
    lines = [head]
    first = starts[0]
    for i, v in enumerate(model.variables):
        kind = _type(v.fact, len(v.values))  # a byte would wrap past 255, silently
        lines.append(f"{kind} v{i} = {v.values.index(first[v.fact])}; /* {v.fact} */")
    lines += ["", "active proctype moves() {"]
    open_facts = [i for i, v in enumerate(model.variables)
                  if len({s[v.fact] for s in starts}) > 1]  # fmt: skip
    if open_facts:
        lines.append("  if")
        combos = itertools.product(*(range(len(model.variables[i].values)) for i in open_facts))
        for combo in combos:
            sets = "; ".join(f"v{i} = {k}" for i, k in zip(open_facts, combo, strict=True))
            lines.append(f"  :: d_step {{ {sets} }}")
        lines.append("  fi;")
    lines.append("  do")
    for a in model.actions:
        i = packed.facts.index(a.fact)
        n = len(packed.values[i])
        if isinstance(a.effect, Step):
            if a.effect.by == 0:
                continue
            test, effect = f"v{i} < {n - a.effect.by}", f"v{i} = v{i} + {a.effect.by}"
        else:
            k = packed.values[i].index(a.effect.value)
            test, effect = f"v{i} != {k}", f"v{i} = {k}"
        g = packed.guard(a)
        guard = _expression(packed, g) if g is not None else "true"
        if guard == "false":
            continue
        full = test if guard == "true" else f"{test} && {guard}"
        who = a.party or "none identified"
        lines.append(f"  :: d_step {{ ({full}) -> {effect} }} /* {a.id} ({who}) */")
    for name, cond in targets:
        expr = _expression(packed, cond)
        if expr == "true" and model.variables:  # SPIN refuses `true` here ("unconditional
            expr = "v0 >= 0"  # self-loop"); an index is never negative: true, not as written
        lines.append(f"  :: ({expr}) -> assert(false) /* reached: {name} */")
    lines.append("  :: false -> skip /* never enabled: a do needs one option */")
    lines += ["  od", "}", ""]
    return "\n".join(lines)
