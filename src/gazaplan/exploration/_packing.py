"""The explorer's engine: a model's variables packed into one integer, its conditions turned into
lookup tables over the variables they read, and the successor function generated as Python
source and compiled once, so that a step of the search is a few shifts, masks, table look-ups
and set operations, with no object built per state.

Each variable takes ``ceil(log2(n))`` bits holding the index of its value. A condition reading
variables ``v1 .. vk`` (a phase's completion included where it names one) becomes a table with
one entry per combination of their values: True where the condition is MET with the other facts
as the start state has them. Tables are built by the library's own evaluation, so the explorer
judges exactly as ``check_plan`` does.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

from ..analysis._structure import Structure, View
from ..core._compile import compiled
from ..core.conditions import Condition
from ..core.models import Action, Model, Step
from ..core.plans import Plan
from ..core.state import State, parts_of, read_fact
from ..exceptions import InvalidValueError
from ..truth import Verdict

__all__ = ["MAX_TABLE", "Packed", "check_model"]

MAX_TABLE = 1 << 20
"""The largest condition table (combinations of the values it reads) the engine builds."""

Expand = Callable[[Sequence[int], set[int], list[int], list[int]], int]


class Packed:
    """A model packed for one plan and start state."""

    def __init__(self, plan: Plan, model: Model, start: State) -> None:
        check_model(plan, model)
        self.plan: Plan = plan
        self.model: Model = model
        self.start_state: State = start
        self.structure: Structure = Structure(plan, start)
        self.facts: list[str] = [v.fact for v in model.variables]
        self.values: list[tuple[Any, ...]] = [v.values for v in model.variables]
        self.offset: list[int] = []
        self.width: list[int] = []
        at = 0
        for values in self.values:
            w = max(1, (len(values) - 1).bit_length())
            self.offset.append(at)
            self.width.append(w)
            at += w
        self.bits: int = at
        self._tables: dict[tuple[int, Verdict], tuple[list[bool], str]] = {}
        self._judged: dict[int, tuple[list[Verdict], str]] = {}
        self._parts: dict[int, list[tuple[int, int]]] = {}
        self._derived: dict[tuple[int, ...], dict[tuple[str, tuple[Any, ...]], Any]] = {}
        self._guards: dict[str, Condition | None] = {}
        self._kept: list[Condition] = []  # every condition a table was made for, kept alive

    # -- states ----------------------------------------------------------------------------------
    def pack(self, assignment: dict[str, Any]) -> int:
        """Pack an assignment of the variables into one integer.

        Args:
            assignment: each variable's fact and its value (one of the variable's values).

        Returns:
            The packed state: each variable's value index at its offset.
        """
        s = 0
        for i, fact in enumerate(self.facts):
            s |= self.values[i].index(assignment[fact]) << self.offset[i]
        return s

    def unpack(self, s: int) -> dict[str, Any]:
        """Unpack a packed state.

        Args:
            s: the packed state.

        Returns:
            Each variable's fact and its value.
        """
        return {f: self.values[i][self.field(s, i)] for i, f in enumerate(self.facts)}

    def field(self, s: int, i: int) -> int:
        """One variable's value index in a packed state.

        Args:
            s: the packed state.
            i: the variable's place in the model.

        Returns:
            The index of its value among the variable's values.
        """
        return (s >> self.offset[i]) & ((1 << self.width[i]) - 1)

    def starts(self) -> list[dict[str, Any]]:
        """The start assignments: each variable at its start value; an unknown one at each of
        its values (every completion)."""
        choices = []
        for i, fact in enumerate(self.facts):
            now = read_fact(self.start_state, fact)
            if now in self.values[i]:
                choices.append([now])
            elif _unknown(now):
                choices.append(list(self.values[i]))
            else:
                raise InvalidValueError(
                    f"model variable {fact}", now, f"the start value is not among {list(self.values[i])}",
                    "Add it to the variable's values, or start from a state where it is one of them.",
                )  # fmt: skip
        return [dict(zip(self.facts, combo, strict=True)) for combo in itertools.product(*choices)]

    # -- conditions ------------------------------------------------------------------------------
    def table(self, cond: Condition, want: Verdict = Verdict.MET) -> tuple[list[bool], str]:
        """*cond* as a table (True where its verdict is *want*) and the Python expression (over
        ``s``) of its index."""
        key = (id(cond), want)
        found = self._tables.get(key)
        if found is not None:
            return found
        verdicts, expr = self._verdicts(cond)
        self._tables[key] = ([v is want for v in verdicts], expr)
        self._kept.append(cond)
        return self._tables[key]

    def _verdicts(self, cond: Condition) -> tuple[list[Verdict], str]:
        """*cond*'s verdict for each combination of the values it reads, and the expression of
        the combination's index (computed once a condition, whichever verdict is asked for)."""
        found = self._judged.get(id(cond))
        if found is not None:
            return found
        reads = self._reads(cond)
        used = [i for i, f in enumerate(self.facts) if f in reads]
        size = 1
        for i in used:
            size *= len(self.values[i])
        if size > MAX_TABLE:
            widest = sorted(used, key=lambda i: -len(self.values[i]))
            shown = " x ".join(f"{self.facts[i]} {len(self.values[i]):,}" for i in widest[:4])
            raise InvalidValueError(
                "condition", cond.label or str(cond),
                f"it reads {size:,} combinations of values ({shown}{' x ...' if len(used) > 4 else ''}), "
                f"more than the {MAX_TABLE:,} a condition's table holds",
                "Give the variables it reads fewer values.",
            )  # fmt: skip
        verdicts = self._combined(cond, used) if size > 64 else None
        if verdicts is None:
            fn = compiled(cond, self.plan)
            verdicts = []
            # a derived count worked out once per parts, for every condition reading the same
            derived = self._derived.setdefault(tuple(used), {})
            for combo in itertools.product(*(range(len(self.values[i])) for i in reversed(used))):
                over = {self.facts[i]: self.values[i][k]
                        for i, k in zip(reversed(used), combo, strict=True)}  # fmt: skip
                verdicts.append(fn(cast("State", View(self.start_state, over, derived))))
        terms, stride, parts = [], 1, []
        for i in used:  # the first variable varies fastest (itertools.product: the last does)
            mask = (1 << self.width[i]) - 1
            terms.append(f"((s >> {self.offset[i]}) & {mask}) * {stride}")
            parts.append((i, stride))
            stride *= len(self.values[i])
        expr = " + ".join(terms) or "0"
        self._judged[id(cond)] = (verdicts, expr)
        self._parts[id(cond)] = parts
        self._kept.append(cond)
        return verdicts, expr

    def _combined(self, cond: Condition, used: list[int]) -> list[Verdict] | None:
        """A junction's or negation's verdicts from its parts' tables, by Kleene's rule (as the
        compiled condition combines them), rather than judging every combination anew; None
        where *cond* is neither, or a part reads what *cond* does not."""
        from ..core.conditions import AllOf, AnyOf, Not

        if isinstance(cond, Not):
            flip = {Verdict.MET: Verdict.UNMET, Verdict.UNMET: Verdict.MET}
            kid, _ = self._verdicts(cond.condition)
            if [i for i, _ in self._parts[id(cond.condition)]] != used:
                return None
            return [flip.get(v, v) for v in kid]
        if not isinstance(cond, AllOf | AnyOf) or not cond.conditions:
            return None
        rank = {Verdict.UNMET: 0, Verdict.UNKNOWN: 1, Verdict.MET: 2}
        back = (Verdict.UNMET, Verdict.UNKNOWN, Verdict.MET)
        try:
            import numpy as np
        except ImportError:  # the set engine without the explore extra: the same, in Python
            pass
        else:
            picked: Any = None
            for c in cond.conditions:
                kid, _ = self._verdicts(c)
                strides = dict(self._parts[id(c)])
                if not strides.keys() <= set(used):
                    return None
                where = np.zeros(1, dtype=np.intp)  # as below, the variable added varying slowest
                for i in used:
                    steps = np.arange(len(self.values[i]), dtype=np.intp) * strides.get(i, 0)
                    where = (steps[:, None] + where[None, :]).reshape(-1)
                column = np.array([rank[v] for v in kid], dtype=np.uint8)[where]
                picked = column if picked is None else (
                    np.minimum(picked, column) if isinstance(cond, AllOf)
                    else np.maximum(picked, column))  # fmt: skip
            return [back[r] for r in picked.tolist()]
        columns = []
        for c in cond.conditions:
            kid, _ = self._verdicts(c)
            strides = dict(self._parts[id(c)])
            if not strides.keys() <= set(used):
                return None
            index = [0]  # each combination's index in the part's table, the first variable fastest
            for i in used:
                step = strides.get(i, 0)
                index = [at + k * step for k in range(len(self.values[i])) for at in index]
            ranks = [rank[v] for v in kid]
            columns.append([ranks[at] for at in index])
        pick = min if isinstance(cond, AllOf) else max
        return [back[pick(row)] for row in zip(*columns, strict=True)]

    def parts(self, cond: Condition) -> list[tuple[int, int]]:
        """The variables *cond*'s table reads, each with its stride in the table's index."""
        self._verdicts(cond)
        return self._parts[id(cond)]

    def finder(
        self, cond: Condition, want: Verdict = Verdict.MET
    ) -> Callable[[Sequence[int]], int | None]:
        """A generated function giving the smallest state of a layer where *cond*'s verdict
        is *want* (None: no state); the smallest, so that every engine finds the same."""
        table, expr = self.table(cond, want)
        if not any(table):
            return lambda _layer: None
        src = (f"def find(layer):\n    for s in layer:\n        if T[{expr}]:\n"
               f"            return min(s for s in layer if T[{expr}])\n    return None")  # fmt: skip
        env: dict[str, Any] = {"T": table}
        exec(compile(src, "<gazaplan explore>", "exec"), env)  # generated from numbers only
        return cast("Callable[[Sequence[int]], int | None]", env["find"])

    def _reads(self, cond: Condition) -> frozenset[str]:
        """The facts *cond* reads, a derived count's parts included (they are what moves)."""
        direct = self.structure.reads(cond)
        return direct.union(*(parts_of(f) for f in direct))

    def holds(self, cond: Condition, s: int) -> bool:
        """Whether a condition is MET in a packed state (by its table).

        Args:
            cond: the condition.
            s: the packed state.

        Returns:
            True where it is MET, the facts that are not variables as the start state has them.

        Raises:
            InvalidValueError: if its table would be larger than :data:`MAX_TABLE`.
        """
        table, _ = self.table(cond)
        index = 0
        for i, stride in self.parts(cond):  # the variables it reads, the first varying fastest
            index += self.field(s, i) * stride
        return table[index]

    def verdict(self, cond: Condition, s: int) -> Verdict:
        """*cond*'s verdict (MET, UNMET or UNKNOWN) in state *s*, the other facts as at the start."""
        view = View(self.start_state, self.unpack(s))
        return compiled(cond, self.plan)(cast("State", view))

    # -- actions ---------------------------------------------------------------------------------
    def guard(self, action: Action) -> Condition | None:
        """*action*'s guard, built once (the tables are keyed by the condition's identity, so
        the condition is kept alive here)."""
        if action.id not in self._guards:
            self._guards[action.id] = guard_of(self.plan, action)
        return self._guards[action.id]

    def successor(self, action: Action, s: int) -> int | None:
        """The state after *action* from *s*, or None if it is not enabled there."""
        i = self.facts.index(action.fact)
        k = self.field(s, i)
        if isinstance(action.effect, Step):
            if k + action.effect.by >= len(self.values[i]) or action.effect.by == 0:
                return None
            t = s + (action.effect.by << self.offset[i])
        else:
            v = self.values[i].index(action.effect.value)
            if v == k:
                return None
            t = (s & ~(((1 << self.width[i]) - 1) << self.offset[i])) | (v << self.offset[i])
        g = self.guard(action)
        return t if g is None or self.holds(g, s) else None

    def expand_fn(self, actions: Iterable[Action]) -> Expand:
        """The generated successor function: ``expand(frontier, seen, out, dead)`` adds each
        new successor to *seen* and *out*, each state with no action enabled to *dead*, and
        returns the number of transitions."""
        body: list[str] = []
        env: dict[str, Any] = {}
        fields: set[int] = set()

        def f(i: int) -> str:
            fields.add(i)
            return f"f{i}"

        actions = list(actions)
        uses: dict[int, int] = {}
        for a in actions:
            g = self.guard(a)
            if g is not None:
                uses[id(self.table(g)[0])] = uses.get(id(self.table(g)[0]), 0) + 1
        shared: dict[int, str] = {}  # a guard several actions share: judged once a state
        top: list[str] = []
        for k, a in enumerate(actions):
            i = self.facts.index(a.fact)
            o, mask = self.offset[i], (1 << self.width[i]) - 1
            if isinstance(a.effect, Step):
                if a.effect.by == 0:
                    continue
                test = f"{f(i)} < {len(self.values[i]) - a.effect.by}"
                new = f"s + {a.effect.by << o}"
            else:
                v = self.values[i].index(a.effect.value)
                test = f"{f(i)} != {v}"
                if self.width[i] == 1:  # one bit, not v: the other value; flip it
                    new = f"s + {1 << o}" if v else f"s - {1 << o}"
                else:
                    new = f"(s & {~(mask << o)}) | {v << o}"
            g = self.guard(a)
            if g is not None:
                table, _ = self.table(g)
                if not any(table):
                    continue  # never enabled
                if not all(table):
                    index = " + ".join(f"{f(j)} * {m}" if m != 1 else f(j)
                                       for j, m in self._parts[id(g)]) or "0"  # fmt: skip
                    if uses[id(table)] > 1:
                        if id(table) not in shared:
                            name = shared[id(table)] = f"h{len(shared)}"
                            env[f"H{name}"] = table
                            top.append(f"        {name} = H{name}[{index}]")
                        test += f" and {shared[id(table)]}"
                    else:
                        env[f"G{k}"] = table
                        test += f" and G{k}[{index}]"
            body += [f"        if {test}:", "            n += 1", f"            t = {new}",
                     "            if t not in seen:", "                add(t)",
                     "                push(t)"]  # fmt: skip
        local = "".join(f", {name}={name}" for name in env)  # tables as locals: faster
        lines = [f"def expand(frontier, seen, out, dead{local}):", "    n = 0",
                 "    add = seen.add", "    push = out.append", "    for s in frontier:",
                 "        e = n"]  # fmt: skip
        lines += [f"        f{i} = (s >> {self.offset[i]}) & {(1 << self.width[i]) - 1}"
                  for i in sorted(fields)]  # fmt: skip
        lines += top + body
        lines += ["        if n == e:", "            dead.append(s)", "    return n"]
        code = compile("\n".join(lines), "<gazaplan explore>", "exec")
        exec(code, env)  # generated above from the model's own numbers; no outside text
        return cast("Expand", env["expand"])


def check_model(plan: Plan, model: Model) -> None:
    """Refuse a model naming a party, obligation, line or phase *plan* does not have.

    Raises:
        UnknownPartyError: an action by, or a variable of, a party the plan lacks.
        UnknownIdError: an action's obligation, or a line or phase its guard names, unknown.
    """
    from ..core._references import check_condition
    from ..exceptions import UnknownPartyError

    parties = {p.id for p in plan.parties}
    for v in model.variables:
        for value in v.values:
            plan.check_ids({v.fact: value})
    for a in model.actions:
        for party in a.parties:
            if party not in parties:
                raise UnknownPartyError(party, parties, where=f"action {a.id!r}")
        if a.obligation:
            plan.obligation(a.obligation)
        if a.guard is not None:
            check_condition(plan, a.guard, f"action {a.id!r} guard")


def guard_of(plan: Plan, action: Action) -> Condition | None:
    """When *action* may be made: the trigger of the obligation it carries out (as *plan* has
    it, so amendments and stated positions apply), and its own guard."""
    from ..core.conditions import AllOf

    parts = [plan.obligation(action.obligation).trigger] if action.obligation else []
    parts += [action.guard] if action.guard is not None else []
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else AllOf(tuple(parts))


def _unknown(value: object) -> bool:
    from ..core.facts import Floor
    from ..core.sources import Contested
    from ..truth import UNKNOWN

    return value is UNKNOWN or isinstance(value, Contested | Floor)
