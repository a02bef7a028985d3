"""Exhaustive exploration: every order in which the parties could act, breadth first.

:func:`explore` takes a plan and an action :class:`~gazaplan.models.Model` (the moves, as data)
and visits every state reachable from the start, each once, over a packed state
(:mod:`gazaplan._packing`). Breadth first and on one worker, so the first state found for a
target is at the smallest depth and its witness is a shortest one. It reports the distinct
states and transitions, which targets (phase entries and completions by default) are reachable
and which are not, and the deadlocks: states where no action is enabled while the goal (by
default the last target) is not MET. A target that is unreachable although no deadlock exists
is *stuck*: actions stay enabled, yet none leads there (a livelock a deadlock check misses).

Every witness is a :class:`~gazaplan.Timeline` of hypothetical events, one per action, each
saying it is hypothetical, who acts and the point. Facts that are not variables of the model keep
their start values; a variable whose start value is unknown starts at every one of its values,
and each finding says whether it holds from every such start or only from some.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from ._condition_base import show
from ._packing import Packed
from .conditions import Condition
from .events import Event, FactsReported
from .exceptions import InvalidValueError
from .models import Action, Model
from .plans import Plan
from .state import State, read_fact
from .timelines import Timeline
from .waits import Cycle

__all__ = ["MAX_STARTS_CHECKED", "Exploration", "Finding", "Target", "explore"]

HYPOTHETICAL = "hypothetical: a move the model allows, not a reported event"
MAX_STARTS_CHECKED = 8
"""With more possible starts than this, a finding does not say whether every start reaches it."""
DEFAULT_MAX_STATES = 20_000_000
"""States at most before :func:`explore` stops with an error (about 1.5 GB at the engine's size
a state); pass ``max_states`` to change it."""
T0 = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)  # witnesses' clock: one move a day from here


@attrs.frozen
class Finding:
    """One target (or deadlock) and how it is reached.

    Attributes:
        what: the target (``"phase-2.completion"``) or ``"deadlock"``.
        reachable: whether some order of moves reaches it.
        depth: the fewest moves that do (None if none).
        witness: those moves, as hypothetical events (empty if none).
        from_every_start: whether it is reached from every start (a variable unknown at the
            start ranges over its values), or only from some; None where there were more
            starts than :data:`MAX_STARTS_CHECKED` (not checked one by one).
        assumed: the start values the witness assumes for facts the sources leave unknown
            (its first event sets them, so that it replays).
    """

    what: str
    reachable: bool
    depth: int | None
    witness: Timeline
    from_every_start: bool | None
    assumed: tuple[tuple[str, str], ...] = ()

    def explain(self) -> str:
        if not self.reachable:
            return f"{self.what}: not reachable"
        starts = {True: "", False: " (from some of the possible starts only)",
                  None: " (from some start; not checked from each)"}[self.from_every_start]  # fmt: skip
        moves = "; ".join(f"{e.reported_by}: {e.summary}" for e in self.witness
                          if e.id != "start-assumed")  # fmt: skip
        if self.assumed:
            moves = f"assuming {', '.join(f'{f} = {v}' for f, v in self.assumed)}; " + moves
        return f"{self.what}: reachable in {self.depth} move(s){starts}: {moves or 'already'}"


@attrs.frozen
class Exploration:
    """What :func:`explore` found.

    Attributes:
        states: distinct states reached.
        transitions: moves taken (enabled actions over all states).
        depth: the deepest layer.
        complete: False if *max_depth* cut the search short.
        targets: each target's finding.
        deadlock: states with nothing enabled while the goal is not MET (its finding).
        deadlocks: how many such states.
        stuck: the targets never reached although moves stay enabled (the search did not end
            in deadlocks alone): no order of moves leads there.
        cycles: the obligations that wait on each other in the explored plan (the analysis'
            :func:`~gazaplan.cycles`), which may explain a stuck target.
    """

    states: int
    transitions: int
    depth: int
    complete: bool
    targets: tuple[Finding, ...]
    deadlock: Finding
    deadlocks: int
    cycles: tuple[Cycle, ...] = ()

    @property
    def stuck(self) -> tuple[str, ...]:
        if not self.complete or not self.transitions:
            return ()
        return tuple(f.what for f in self.targets if not f.reachable)

    def target(self, name: str) -> Finding:
        return next(f for f in self.targets if f.what == name)

    def explain(self) -> str:
        lines = [f"{self.states:,} states, {self.transitions:,} transitions, depth {self.depth}"
                 + ("" if self.complete else " (cut short by max_depth)")]  # fmt: skip
        lines += [f"  {f.explain()}" for f in self.targets]
        lines.append(f"  deadlocks: {self.deadlocks:,}" + (f"; {self.deadlock.explain()}"
                                                             if self.deadlocks else ""))  # fmt: skip
        if self.stuck:
            lines.append(
                f"  stuck (moves stay enabled, yet none leads there): {', '.join(self.stuck)}"
            )
            for c in self.cycles:
                head, *rest = c.explain().splitlines()
                lines += [f"  which may come from: {head}", *(f"  {line}" for line in rest)]
        return "\n".join(lines) + "\n"


Target = str | tuple[str, Condition]
"""A phase's or obligation's target (``"phase-2.completion"``), or a name and a condition."""


def _targets(plan: Plan, targets: Iterable[Target] | None) -> list[tuple[str, Condition]]:
    from .implicants import resolve

    names = targets if targets is not None else [
        f"{p.id}.{a}" for p in plan.phases for a in ("entry", "completion")]  # fmt: skip
    return [resolve(plan, t) if isinstance(t, str) else t for t in names]


def explore(
    plan: Plan, *, actions: Model | None = None, start: State | None = None,
    positions: bool = False, never: Iterable[str] = (), targets: Iterable[Target] | None = None,
    goal: Target | None = None, max_depth: int | None = None,
    max_states: int = DEFAULT_MAX_STATES,
) -> Exploration:  # fmt: skip
    """Every state the moves of *actions* reach from *start*, breadth first; see the module's
    description.

    Args:
        plan: the plan whose triggers guard the moves.
        actions: the action model (default: the bundled phases 1-2 model,
            ``gazaplan.catalog.model()``, with its start if *start* is None).
        start: the state to start from (default: the plan's facts at publication).
        positions: judge the triggers as the parties' stated positions would have them
            (:func:`~gazaplan.whatif.under_positions`).
        never: ``"party"`` or ``"party:action"``: moves that party never makes.
        targets: what to look for (default: every phase's entry and completion).
        goal: what a deadlock fails to reach (default: the last target).
        max_depth: stop after this many moves.
        max_states: stop with an error beyond this many states.

    Raises:
        InvalidValueError: *max_depth* below 0, or more than *max_states* states (the error says
            how to bound the model).
        UnknownIdError: a *never* entry that names no party's move in the model.
    """
    from .waits import cycles

    if actions is None:
        from .catalog import model as bundled_model
        from .catalog import model_start

        actions = bundled_model()
        start = start if start is not None else model_start(plan)
    for item in never:
        party, _, action = item.partition(":")
        actions = actions.never(party, action or None)
    stated = plan  # its positions, as data: what the cycles are read from
    if positions:
        from .whatif import under_positions

        plan = under_positions(plan)
    if max_depth is not None and max_depth < 0:
        raise InvalidValueError("explore.max_depth", max_depth, "a depth is 0 or more",
                                "Pass max_depth=None for no limit, or a depth >= 0.")  # fmt: skip
    state = start if start is not None else State.initial(plan)
    model = actions
    packed = Packed(plan, model, state)
    wanted = _targets(plan, targets)
    goal_cond = wanted[-1][1] if goal is None else _targets(plan, [goal])[0][1]
    finders = [(name, packed.finder(c)) for name, c in wanted]
    expand = packed.expand_fn(model.actions)
    starts = [packed.pack(a) for a in packed.starts()]
    run = _Search(packed, expand, finders, goal_cond, max_depth, max_states)
    run.search(starts)
    every: dict[str, bool | None] = {name: True for name, _ in wanted}
    every["deadlock"] = True
    if len(starts) > MAX_STARTS_CHECKED:
        every = dict.fromkeys(every)
    elif len(starts) > 1:  # reached from every possible start, or only from some?
        for s0 in starts:
            alone = _Search(packed, expand, finders, goal_cond, max_depth, max_states)
            alone.search([s0], stop_when=set(run.first))
            for name in every:
                every[name] = bool(every[name]) and name in alone.first
    findings = tuple(
        _finding(packed, model, run.layers, name, run.first.get(name), every[name])
        for name, _ in wanted
    )
    dl = _finding(
        packed, model, run.layers, "deadlock", run.first.get("deadlock"), every["deadlock"]
    )
    return Exploration(len(run.seen), run.transitions, run.depth, run.complete, findings, dl,
                       run.deadlocks, cycles(stated, positions=positions))  # fmt: skip


class _Search:
    """One breadth-first search: the layers, the first state found for each target."""

    def __init__(self, packed: Packed, expand: Any, finders: list[tuple[str, Any]],
                 goal: Condition, max_depth: int | None, max_states: int) -> None:  # fmt: skip
        self.packed, self.expand, self.finders, self.goal = packed, expand, finders, goal
        self.max_depth, self.max_states = max_depth, max_states
        self.seen: set[int] = set()
        self.layers: list[list[int]] = []
        self.first: dict[str, int] = {}
        self.transitions = self.deadlocks = 0
        self.complete = True

    @property
    def depth(self) -> int:
        return max(0, len([x for x in self.layers if x]) - 1)

    def search(self, starts: list[int], stop_when: set[str] | None = None) -> None:
        """Search from *starts*; stop early once everything in *stop_when* is found."""
        self.seen = set(starts)
        self.layers = [list(dict.fromkeys(starts))]
        while self.layers[-1]:
            layer = self.layers[-1]
            for name, find in self.finders:
                if name not in self.first and (hit := find(layer)) is not None:
                    self.first[name] = hit
            if stop_when is not None and stop_when <= self.first.keys():
                return
            if self.max_depth is not None and len(self.layers) - 1 >= self.max_depth:
                self.complete = False
                break
            out: list[int] = []
            dead: list[int] = []
            self.transitions += self.expand(layer, self.seen, out, dead)
            for s in dead:
                if not self.packed.holds(self.goal, s):
                    self.deadlocks += 1
                    self.first.setdefault("deadlock", s)
            if len(self.seen) > self.max_states:
                raise InvalidValueError(
                    "explore", f"{len(self.seen):,} states", f"more than max_states={self.max_states:,}",
                    "Bound the model: fewer values per variable, fewer actions, or max_depth; or "
                    "raise max_states if the memory allows (about 80 bytes a state).",
                )  # fmt: skip
            self.layers.append(out)


def _finding(packed: Packed, model: Model, layers: list[list[int]], what: str, state: int | None,
             every: bool | None) -> Finding:  # fmt: skip
    if state is None:
        return Finding(what, False, None, Timeline(), False)
    s0, path = _path(packed, model, layers, state)
    events = []
    assumed = {
        f: v for f, v in packed.unpack(s0).items() if _open(read_fact(packed.start_state, f))
    }
    if assumed:
        words = ", ".join(f"{f} = {show(v)}" for f, v in assumed.items())
        events.append(Event(
            "start-assumed", T0 - dt.timedelta(days=1), FactsReported(assumed),
            summary=f"the start this witness assumes where the sources give nothing: {words}",
            reported_by="gazaplan explore (hypothetical)", note=HYPOTHETICAL,
        ))  # fmt: skip
    for i, (action, after) in enumerate(path):
        value = packed.unpack(after)[action.fact]
        words = show(value)
        who = action.party or "none identified"
        point = f", point {action.point}" if action.point else ""
        events.append(Event(
            f"move-{i + 1}-{action.id}", T0 + dt.timedelta(days=i), FactsReported({action.fact: value}),
            summary=action.summary or f"{action.fact} becomes {words}",
            reported_by=f"{who} (hypothetical{point})", note=HYPOTHETICAL,
        ))  # fmt: skip
    return Finding(what, True, len(path), Timeline(tuple(events)), every,
                   tuple((f, show(v)) for f, v in assumed.items()))  # fmt: skip


def _open(value: object) -> bool:
    from .sources import Contested
    from .truth import UNKNOWN

    return value is UNKNOWN or isinstance(value, Contested)


def _path(
    packed: Packed, model: Model, layers: list[list[int]], state: int
) -> tuple[int, list[tuple[Action, int]]]:
    """The moves from a start to *state* (found in layer d), walking back layer by layer."""
    depth = next(d for d, layer in enumerate(layers) if state in set(layer))
    path: list[tuple[Action, int]] = []
    t = state
    for d in range(depth, 0, -1):
        previous = set(layers[d - 1])
        step = next(
            (p, a) for p in _predecessors(packed, model, t) for a in model.actions
            if p in previous and packed.successor(a, p) == t
        )  # fmt: skip
        path.append((step[1], t))
        t = step[0]
    return t, path[::-1]


def _predecessors(packed: Packed, model: Model, t: int) -> list[int]:
    found: list[int] = []
    for a in model.actions:
        i = packed.facts.index(a.fact)
        o, mask, k = packed.offset[i], (1 << packed.width[i]) - 1, packed.field(t, i)
        if hasattr(a.effect, "by"):
            by = a.effect.by
            if by and k >= by:
                found.append(t - (by << o))
        elif k == packed.values[i].index(a.effect.value):
            found += [(t & ~(mask << o)) | (u << o) for u in range(len(packed.values[i])) if u != k]
    return list(dict.fromkeys(found))
