"""Exhaustive exploration: every order in which the parties could act, breadth first.

:func:`explore` takes a plan and an action :class:`~gazaplan.core.models.Model` (the moves, as data)
and visits every state reachable from the start, each once, over a packed state
(:mod:`gazaplan.exploration._packing`). Breadth first and on one worker, so the first state found for a
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

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from ..analysis.waits import Cycle
from ..core import _checks as check
from ..core import _ports
from ..core._references import check_condition
from ..core._results import NotebookDisplay
from ..core.conditions import Condition
from ..core.models import Model
from ..core.plans import Plan
from ..core.state import State
from ..exceptions import InvalidValueError, MissingExtraError
from ..truth import Verdict
from ._breadth import Breadth, SetSearch
from ._limits import BYTES_PER_STATE, MAX_STATES, StateLimit, state_limit
from ._packing import Packed
from .witnesses import Finding, explain_exploration, finding, lasso

if TYPE_CHECKING:
    import pandas as pd

    from ..whatif.scenarios import Scenario

__all__ = [
    "BYTES_PER_STATE", "ENGINES", "MAX_STARTS_CHECKED", "MAX_STATES", "Exploration", "Finding",
    "SearchProgress", "StateLimit", "Target", "default_max_states", "explore",
]  # fmt: skip

MAX_STARTS_CHECKED = 8
"""With up to this many possible starts, each is always searched alone to say whether every
start reaches a finding; with more, only while the work stays under :data:`START_CHECK_BUDGET`."""
START_CHECK_BUDGET = 2_000_000
"""States times starts at most for the start-by-start check beyond :data:`MAX_STARTS_CHECKED`."""


def default_max_states() -> int:
    """The states a search may hold by default.

    Returns:
        Half the memory left under the tightest limit, at :data:`BYTES_PER_STATE` a state, the
        limits being the memory this machine has free, the process's cgroup memory limit (a
        container's) and its ``RLIMIT_AS`` and ``RLIMIT_DATA``; at least 100,000 and at most
        :data:`MAX_STATES` (20 million where nothing says how much is free).
        :func:`~gazaplan.exploration._limits.state_limit` also says which limit set it.
    """
    return state_limit().states


@attrs.frozen
class SearchProgress:
    """How far a search has come, after each layer (for a progress line)."""

    states: int
    transitions: int
    depth: int


@attrs.frozen
class Exploration(NotebookDisplay):
    """What :func:`explore` found (in a notebook: a table of the findings; ``to_pandas()``).

    Attributes:
        states: distinct states reached.
        transitions: moves taken (enabled actions over all states).
        depth: the deepest layer.
        complete: False if *max_depth* or an interruption cut the search short.
        targets: each target's finding.
        deadlock: states with nothing enabled while the goal is not MET (its finding).
        deadlocks: how many such states.
        cycles: the obligations that wait on each other in the explored plan (the analysis'
            :func:`~gazaplan.cycles`), which may explain a stuck target.
        livelock: where a target is never reached and the moves can go on for ever, a lasso:
            the moves to a state as deep as any that has one, and a loop of moves back to it,
            which never reach the target (None otherwise, or where no loop was found within
            :data:`~gazaplan.exploration.witnesses.LOOP_SEARCH` states).
        invariants: each invariant's finding: reachable means broken (its verdict UNMET
            somewhere) or, with the verdict UNKNOWN, possibly broken.
        interrupted: the search was stopped (Ctrl-C) before it ended.
        plan: the plan explored (the stated positions applied if asked), for witness files.
        start: the state the search started from.
        limit: the most states the search could hold, and what set it (the memory left under
            the tightest limit, or ``max_states``).
        engine: the engine that searched (``"arrays"`` or ``"sets"``: see :data:`ENGINES`);
            both find the same, so it takes no part in comparing explorations.
        stuck: the targets never reached although moves stay enabled (the search did not end
            in deadlocks alone): no order of moves leads there, and none leads to a state where
            the verdict is UNKNOWN either (those are ``possibly`` reached, not stuck).
    """

    states: int
    transitions: int
    depth: int
    complete: bool
    targets: tuple[Finding, ...]
    deadlock: Finding
    deadlocks: int
    cycles: tuple[Cycle, ...] = ()
    livelock: Finding | None = None
    invariants: tuple[Finding, ...] = ()
    interrupted: bool = False
    plan: Plan | None = attrs.field(default=None, eq=False, repr=False)
    start: State | None = attrs.field(default=None, eq=False, repr=False)
    limit: StateLimit | None = attrs.field(default=None, eq=False, repr=False)
    engine: str = attrs.field(default="", eq=False)

    @property
    def stuck(self) -> tuple[str, ...]:
        """The targets never reached although moves stay enabled (see the class's attributes)."""
        if self.livelock is None:  # every run ends (in deadlocks), or the search was cut short
            return ()
        return _unreached(self.targets)

    def target(self, name: str) -> Finding:
        """The finding of one target.

        Args:
            name: the target's name, such as ``"phase-2.completion"``.

        Returns:
            The target's finding.

        Raises:
            UnknownIdError: no target has that name (the message lists the targets).
        """
        from ..exceptions import UnknownIdError

        for f in self.targets:
            if f.what == name:
                return f
        raise UnknownIdError(name, [f.what for f in self.targets], where="target")

    def finding(self, what: str) -> Finding:
        """The finding with one name.

        Args:
            what: a target's name, ``"deadlock"``, ``"livelock"`` or an invariant's name.

        Returns:
            The finding.

        Raises:
            UnknownIdError: none is called so (the message lists them).
        """
        from ..exceptions import UnknownIdError

        every = {f.what: f for f in (*self.targets, self.deadlock, *self.invariants)}
        if self.livelock is not None:
            every["livelock"] = self.livelock
        if what not in every:
            raise UnknownIdError(what, list(every), where="finding")
        return every[what]

    def scenario(self, what: str | None = None) -> Scenario:
        """A finding's witness as a scenario ``gazaplan check`` replays.

        See :func:`~gazaplan.exploration.witnesses.witness_scenario`.

        Args:
            what: the finding's name (None: the livelock if a target is stuck, else the last
                target reached, else a deadlock).

        Returns:
            The scenario, with the plan version, the amendments used, the witness's events and what
            was found at its end as expectations.

        Raises:
            UnknownIdError: if no finding has that name.
            InvalidValueError: if the finding has no witness, the exploration kept no plan, or
                its plan is neither a bundled version nor made from one by amendments.
        """
        from .witnesses import witness_scenario

        return witness_scenario(self, what)

    def findings(self) -> tuple[tuple[str, Finding], ...]:
        """Every finding with its kind.

        Returns:
            ``(kind, finding)`` pairs for the targets, the deadlock, the livelock if any, then the
            invariants.
        """
        out = [("target", f) for f in self.targets] + [("deadlock", self.deadlock)]
        out += [("livelock", self.livelock)] if self.livelock is not None else []
        return (*out, *(("invariant", f) for f in self.invariants))

    def rows(self) -> list[dict[str, Any]]:
        """The findings as rows of plain values.

        Returns:
            One row per finding (what, kind, result, moves, loop, from every start, the moves).
        """
        rows = []
        for kind, f in self.findings():
            verdict = dict(f.verdicts).get(f.what)
            if kind == "invariant":
                result = ("holds" if not f.reachable else "broken" if verdict is Verdict.UNMET
                          else "possibly broken")  # fmt: skip
            elif f.reachable:
                result = "reached"
            else:
                stuck = f.what in self.stuck
                result = "possibly (UNKNOWN)" if f.possibly else "stuck" if stuck else "not reached"
            moves = [f"{e.reported_by}: {e.summary}" for e in f.witness if e.id != "start-assumed"]
            rows.append({"finding": f.what, "kind": kind, "result": result, "moves": f.depth,
                         "loop": f.loop or None, "from_every_start": f.from_every_start,
                         "witness": "; ".join(moves)})  # fmt: skip
        return rows

    def to_pandas(self) -> pd.DataFrame:
        """The findings as a DataFrame.

        Needs the ``pandas`` extra.

        Returns:
            One row per finding (see :meth:`rows`).

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        columns = ("finding", "kind", "result", "moves", "loop", "from_every_start", "witness")
        return _ports.tables().frame(self.rows(), columns, feature="Exploration.to_pandas()")

    def explain(self) -> str:
        """What the search found, in words.

        See :func:`~gazaplan.exploration.witnesses.explain_exploration`.

        Returns:
            The findings first (targets reached, possibly reached, stuck or not reachable; the
            deadlocks, the livelock, the invariants), then the size of the search and its state
            limit, then each shortest witness once with repeated moves grouped, and the cycles
            that may explain a stuck target.
        """
        return explain_exploration(self)


def _unreached(targets: Iterable[Finding]) -> tuple[str, ...]:
    return tuple(f.what for f in targets if not f.reachable and not f.possibly)


Target = str | tuple[str, Condition]
"""A phase's or obligation's target (``"phase-2.completion"``), or a name and a condition."""


def _targets(plan: Plan, targets: Iterable[Target] | None) -> list[tuple[str, Condition]]:
    from ..analysis.implicants import resolve

    names = targets if targets is not None else [
        f"{p.id}.{a}" for p in plan.phases for a in ("entry", "completion")]  # fmt: skip
    return [resolve(plan, t) if isinstance(t, str) else t for t in names]


def explore(
    plan: Plan, *, actions: Model | None = None, start: State | None = None,
    positions: bool = False, never: Iterable[str] = (), targets: Iterable[Target] | None = None,
    goal: Target | None = None, invariants: Iterable[Target] = (), max_depth: int | None = None,
    max_states: int | StateLimit | None = None, check_each_start: bool | None = None,
    progress: Callable[[SearchProgress], None] | None = None, interruptible: bool = False,
    engine: str = "auto",
) -> Exploration:  # fmt: skip
    """Every state the moves of an action model reach, breadth first.

    See the module's description.

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
        invariants: conditions that should hold in every state reached (a name and a
            condition, or a target's name); each finding's witness is a shortest way to break it.
        max_depth: stop after this many moves.
        max_states: stop with an error beyond this many states, a whole number from 1 to
            :data:`MAX_STATES` (default: :func:`default_max_states`, half the memory left under
            the tightest of the machine's free memory, the cgroup's limit and the process's
            ``RLIMIT_AS``; the result's ``limit`` says which), or a :class:`StateLimit`
            made by :func:`~gazaplan.exploration._limits.state_limit`.
        check_each_start: search from each possible start alone, to say whether a finding
            holds from every one (default: up to :data:`MAX_STARTS_CHECKED` starts, or within
            :data:`START_CHECK_BUDGET`; otherwise ``from_every_start`` is None: not checked).
        progress: called after each layer with the states, transitions and depth so far.
        interruptible: on Ctrl-C (KeyboardInterrupt), stop and return what was explored
            (``interrupted``) instead of raising.
        engine: ``"auto"`` (the default), ``"arrays"`` or ``"sets"`` (see :data:`ENGINES`).

    Returns:
        The exploration, with the size of the search and a finding, with a shortest witness, for each
        target, the deadlocks, each invariant and any livelock.

    Raises:
        MissingExtraError: ``engine="arrays"`` without numpy (the ``explore`` extra).
        InvalidValueError: an unknown *engine*, or ``"arrays"`` for a model whose packed state
            is wider than 64 bits; *max_depth* below 0, *max_states* not a whole number from 1 to
            :data:`MAX_STATES`, or more states than the limit, or the memory running out (the
            error says how many states were reached, what set the limit, and how to bound the
            model or raise the limit).
        UnknownIdError: a *never* entry that names no party's move in the model, a target or
            invariant naming no phase or obligation, or a condition naming a line, phase or
            point the plan lacks (UnknownPartyError: a party it lacks).
    """
    check.need_type(plan, Plan, "explore(plan)", check.PLAN_FIX)
    check.need_type(start, (State, type(None)), "explore(start)", check.STATE_FIX)
    if actions is None:
        from ..catalog import model as bundled_model
        from ..catalog import model_start

        actions = bundled_model()
        start = start if start is not None else model_start(plan)
    for item in never:
        party, _, action = item.partition(":")
        actions = actions.never(party, action or None)
    stated = plan  # its positions, as data: what the cycles are read from
    if positions:
        from ..whatif.positions import under_positions

        plan = under_positions(plan)
    if max_depth is not None and max_depth < 0:
        raise InvalidValueError("explore.max_depth", max_depth, "a depth is 0 or more",
                                "Pass max_depth=None for no limit, or a depth >= 0.")  # fmt: skip
    limit = max_states if isinstance(max_states, StateLimit) else state_limit(max_states)
    state = start if start is not None else State.initial(plan)
    model = actions
    packed = Packed(plan, model, state)
    wanted = _targets(plan, targets)
    kept = _targets(plan, invariants)
    for kind, named in (("target", wanted), ("invariant", kept)):
        for name, cond in named:
            check_condition(plan, cond, f"{kind} {name!r}")
    goal_cond = wanted[-1][1] if goal is None else _targets(plan, [goal])[0][1]
    starts = [packed.pack(a) for a in packed.starts()]
    searcher = _engine(engine, packed)
    if max_states is None:  # the limit from the memory left, at what this engine takes a state
        limit = state_limit(bytes_per_state=searcher.bytes_per_state)
    run = searcher(packed, wanted, goal_cond, max_depth, limit, kept, maybes=True)
    try:
        return _findings(run, starts, stated, positions, model, wanted, kept, check_each_start,
                         progress, interruptible)  # fmt: skip
    except MemoryError:
        raise run.limit_error(memory=True) from None


ENGINES = ("auto", "arrays", "sets")
"""The explorer's engines: ``"arrays"`` (numpy arrays, a layer at a time: the ``explore``
extra), ``"sets"`` (Python integers and a set) or ``"auto"`` (arrays where numpy is installed and
a packed state fits 64 bits, else sets). Both find the same."""


def _engine(name: str, packed: Packed) -> type[Breadth]:
    """The engine class *name* asks for (see :data:`ENGINES`)."""
    from ._vectorised import MAX_BITS, ArraySearch, fits

    if name not in ENGINES:
        raise InvalidValueError("explore.engine", name, f"the engines are {', '.join(ENGINES)}",
                                'Pass engine="auto" (the default), "arrays" or "sets".')  # fmt: skip
    if name == "sets":
        return SetSearch
    try:
        import numpy  # noqa: F401
    except ImportError:
        if name == "arrays":
            raise MissingExtraError('explore(engine="arrays")', "explore", "numpy") from None
        return SetSearch
    if not fits(packed):
        if name == "arrays":
            raise InvalidValueError(
                "explore.engine", name,
                f"a packed state of this model takes {packed.bits} bits, more than the "
                f"{MAX_BITS} the array engine holds",
                'Pass engine="sets" (or "auto"), or give the variables fewer values.',
            )  # fmt: skip
        return SetSearch
    return ArraySearch


def _findings(
    run: Breadth, starts: list[int], stated: Plan, positions: bool, model: Model,
    wanted: list[tuple[str, Condition]], kept: list[tuple[str, Condition]],
    check_each_start: bool | None, progress: Callable[[SearchProgress], None] | None,
    interruptible: bool,
) -> Exploration:  # fmt: skip
    """The search, then each finding with its witness (see :func:`explore`)."""
    from ..analysis.waits import cycles

    packed = run.packed
    told = None if progress is None else (
        lambda states, moves, depth: progress(SearchProgress(states, moves, depth)))  # fmt: skip
    run.search(starts, progress=told, interruptible=interruptible)
    every = _from_every_start(run, starts, check_each_start, [n for n, _ in wanted])
    found = [finding(packed, model, run.layers, name, run.first.get(name), every[name], [(name, c)],
                     possibly=f"maybe:{name}" in run.first) for name, c in wanted]  # fmt: skip
    dl = finding(packed, model, run.layers, "deadlock", run.first.get("deadlock"),
                 every["deadlock"], [])  # fmt: skip
    broken = tuple(
        finding(packed, model, run.layers, name, run.first.get(f"invariant:{name}"),
                None if len(starts) > 1 else True, [(name, c)])
        for name, c in kept
    )  # fmt: skip
    result = Exploration(run.reached, run.transitions, run.depth, run.complete, tuple(found),
                         dl, run.deadlocks, cycles(stated, positions=positions), None, broken,
                         run.interrupted, packed.plan, packed.start_state, run.limit,
                         run.engine)  # fmt: skip
    unreached = _unreached(found)
    if unreached and run.complete and run.transitions:
        stuck = [(name, c) for name, c in wanted if name in unreached]
        result = attrs.evolve(
            result,
            livelock=lasso(
                packed, model, run.layers, stuck, len(starts), packed.expand_fn(model.actions)
            ),
        )
    return result


def _from_every_start(
    run: Breadth, starts: list[int], check: bool | None, names: list[str]
) -> dict[str, bool | None]:
    """Whether each finding holds from every possible start (None: not checked)."""
    every: dict[str, bool | None] = dict.fromkeys([*names, "deadlock"], True)
    if len(starts) == 1 or run.interrupted:
        return every if not run.interrupted else dict.fromkeys(every)
    if check is None:
        check = len(starts) <= MAX_STARTS_CHECKED or len(starts) * run.reached <= START_CHECK_BUDGET
    if not check:
        return dict.fromkeys(every)
    for s0 in starts:
        alone = type(run)(run.packed, run.wanted, run.goal, run.max_depth, run.limit)
        alone.search([s0], stop_when={n for n in run.first if n in every})
        for name in every:
            every[name] = bool(every[name]) and name in alone.first
    return every
