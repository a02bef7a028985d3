"""Witnesses: the moves from a start to what the explorer found, as hypothetical events, and as a
scenario file ``gazaplan check`` replays.

A :class:`Finding` holds one target's witness: a :class:`~gazaplan.Timeline` whose events each
say they are hypothetical, who moves and the plan point. Its first event (``start-assumed``)
sets the start the search began from where it differs from the plan's facts at publication, and
the values it assumes for facts the sources leave unknown, so the timeline replays on the plan.
A *livelock* witness is a lasso: moves to a state, then a loop of moves back to that same state,
which the parties could repeat for ever without the stuck target coming any closer.

:func:`witness_scenario` writes a finding as a :class:`~gazaplan.Scenario`: the bundled version
the explored plan comes from, the amendments that make it (the stated positions included), the
witness, and what the explorer found at its end as expectations (each variable's value and the
target's verdict), so that replaying it checks the explorer against the library's own rules.

:func:`moves_in_words` says a witness's moves with repeats grouped ("28 x a deceased hostage's
remains are returned"), and :func:`explain_exploration` says what a search found, its findings
first, then the search's size, then each shortest witness once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ..core.amendments import Amendment
from ..core.conditions import show
from ..core.explain import plural
from ..core.models import Action, Model
from ..core.plans import Plan
from ..core.state import FACTS, State, read_fact
from ..core.words import named, party_names, target_name
from ..exceptions import InvalidValueError, UnknownVersionError
from ..time.events import Event, FactsReported
from ..time.timelines import Timeline
from ..truth import Verdict
from ..whatif.scenarios import Expectation, FactExpectation, PhaseExpectation, Scenario
from ._layers import Layers, ListLayers, depth_of
from ._packing import Packed

if TYPE_CHECKING:
    from .search import Exploration

__all__ = [
    "HYPOTHETICAL",
    "Finding",
    "explain_exploration",
    "moves_in_words",
    "witness_scenario",
]

HYPOTHETICAL = "hypothetical: a move the model allows, not a reported event"
T0 = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)  # witnesses' clock: one move a day from here
LOOP_SEARCH = 2_000_000
"""States at most visited looking for a loop back to a state (a livelock's lasso), over all the
states tried."""

Path = list[tuple[Action, int]]


@attrs.frozen
class Finding:
    """One target (or deadlock, livelock, invariant) and how it is reached.

    Attributes:
        what: the target (``"phase-2.completion"``), ``"deadlock"``, ``"livelock"`` or an
            invariant's name.
        reachable: whether some order of moves reaches it.
        depth: the fewest moves that do (None if none); for a livelock, the moves before the
            loop.
        witness: those moves, as hypothetical events (empty if none); a livelock's loop last.
        from_every_start: whether it is reached from every start (a variable unknown at the
            start ranges over its values), or only from some; None where that was not checked.
        assumed: the start values the witness assumes for facts the sources leave unknown
            (its first event sets them, so that it replays).
        loop: how many of the witness's last moves lead back to the state they start from (0:
            no loop).
        end: each model variable's value where the witness ends.
        verdicts: the targets' verdicts there (for a livelock: the stuck targets').
        possibly: not reachable, yet its verdict is UNKNOWN in some state reached (it reads
            facts the model does not move and the sources leave unknown): it may hold there.
    """

    what: str
    reachable: bool
    depth: int | None
    witness: Timeline
    from_every_start: bool | None
    assumed: tuple[tuple[str, str], ...] = ()
    loop: int = 0
    end: tuple[tuple[str, Any], ...] = ()
    verdicts: tuple[tuple[str, Verdict], ...] = ()
    possibly: bool = False

    def explain(self, names: Mapping[str, str] | None = None) -> str:
        """The finding in one line.

        Args:
            names: the parties' display names by id (None: parties are shown by id).

        Returns:
            Whether and in how many moves it is reached, from which starts, what the witness
            assumes and its moves, repeated moves grouped ("28 x ..."); for a livelock, the
            loop that may repeat for ever.
        """
        if not self.reachable and self.possibly:
            return (f"{self.what}: never surely reached, but UNKNOWN in some states reached "
                    "(it reads facts the model does not move, unknown at the start)")  # fmt: skip
        if not self.reachable:
            return f"{self.what}: not reachable"
        starts = _STARTS[self.from_every_start]
        events = self.moves()
        head = "; ".join(moves_in_words(events[: len(events) - self.loop], names))
        if self.assumed:
            assumed = ", ".join(f"{f} = {v}" for f, v in self.assumed)
            head = f"assuming {assumed}; {head}" if head else f"assuming {assumed}"
        if self.loop:
            stuck = ", ".join(name for name, _ in self.verdicts)
            loop = "; ".join(moves_in_words(events[len(events) - self.loop :], names))
            return (f"{self.what}: after {plural(self.depth or 0, 'move')}{starts} "
                    f"({head or 'none'}), {plural(self.loop, 'move')} lead back to the same state "
                    f"and may repeat for ever without reaching {stuck}: {loop}")  # fmt: skip
        moves = plural(self.depth or 0, "move")
        return f"{self.what}: reachable in {moves}{starts}: {head or 'already'}"

    def moves(self) -> tuple[Event, ...]:
        """The witness's moves, without the event that sets the start it assumes.

        Returns:
            The hypothetical events of the moves, in order (a livelock's loop last).
        """
        return tuple(e for e in self.witness if e.id != "start-assumed")


_STARTS = {
    True: "",
    False: " (from some of the possible starts only)",
    None: " (from some start; not checked from each)",
}
_MOVER = re.compile(r"(?P<party>.*) \(hypothetical(?:, point (?P<point>\d+))?\)\Z")


def moves_in_words(moves: Iterable[Event], names: Mapping[str, str] | None = None) -> list[str]:
    """A witness's moves in words, a run of the same move grouped as one.

    Args:
        moves: the moves' hypothetical events, in order.
        names: the parties' display names by id (None: parties are shown by id).

    Returns:
        A line per run of equal moves, such as ``"28 x a deceased hostage's remains are returned
        (none identified, point 4)"``; a move made once without the count.
    """
    table: Mapping[str, str] = names if names is not None else {}
    runs: list[tuple[str, int]] = []
    for e in moves:
        said = _move_words(e, table)
        if runs and runs[-1][0] == said:
            runs[-1] = (said, runs[-1][1] + 1)
        else:
            runs.append((said, 1))
    return [said if n == 1 else f"{n} x {said}" for said, n in runs]


def _move_words(e: Event, names: Mapping[str, str]) -> str:
    """One move: what happens, then who moves (by name) and the point."""
    found = _MOVER.match(e.reported_by or "")
    if found is None:
        return f"{e.summary} ({e.reported_by})" if e.reported_by else e.summary
    party = found["party"]
    who = names.get(party, party)
    point = f", point {found['point']}" if found["point"] else ""
    return f"{e.summary} ({who}{point})"


def explain_exploration(exploration: Exploration) -> str:
    """What a search found, in words: its findings first, then the search, then the witnesses.

    What :meth:`Exploration.explain <gazaplan.exploration.search.Exploration.explain>` says.
    Targets are named in words with their ids beside them (an id is what ``--witness-of`` and
    ``--target`` take); parties by name.

    Args:
        exploration: the exploration.

    Returns:
        The findings (each target reached, possibly reached, stuck or not reachable; the
        deadlocks; the livelock; the invariants), the size of the search and its state limit,
        then each shortest witness once, repeated moves grouped, and the cycles that may explain
        a stuck target.
    """
    x = exploration
    plan = x.plan
    names: Mapping[str, str] = party_names(plan) if plan is not None else {}

    def name(what: str) -> str:
        if plan is None or "." not in what:
            return what
        words = target_name(plan, what)
        return named(words, what) if words != what else what

    reached = [f for f in x.targets if f.reachable]
    possibly = [f for f in x.targets if not f.reachable and f.possibly]
    stuck = set(x.stuck)
    never = [f for f in x.targets if not f.reachable and not f.possibly and f.what not in stuck]
    lines = ["Findings (every move is hypothetical):"]
    if reached:
        lines.append("  reached, in the fewest moves:")
        lines += [f"    {name(f.what)}: {plural(f.depth or 0, 'move')}" for f in reached]
    if possibly:
        lines.append("  possibly reached (UNKNOWN in some states reached: it reads facts the model "
                     "does not move, unknown at the start):")  # fmt: skip
        lines += [f"    {name(f.what)}" for f in possibly]
    if stuck:
        lines.append("  stuck (moves stay enabled, yet none leads there):")
        lines += [f"    {name(s)}" for s in x.stuck]
    if never:
        lines.append("  not reachable:")
        lines += [f"    {name(f.what)}" for f in never]
    first = (f" (the first after {plural(x.deadlock.depth or 0, 'move')})"
             if x.deadlocks and x.deadlock.reachable else "")  # fmt: skip
    lines.append(f"  deadlocks: {x.deadlocks:,} states where no move is enabled{first}"
                 if x.deadlocks else "  deadlocks: none")  # fmt: skip
    if x.livelock is not None:
        lines.append(f"  livelock: after {plural(x.livelock.depth or 0, 'move')}, "
                     f"{plural(x.livelock.loop, 'move')} may repeat for ever")  # fmt: skip
    lines += [f"  invariant {_invariant_words(f, name(f.what))}" for f in x.invariants]
    cut = " (interrupted)" if x.interrupted else " (cut short by max_depth)"
    lines += ["", f"Search: {x.states:,} states, {x.transitions:,} transitions, depth {x.depth}"
              + ("" if x.complete else cut)]  # fmt: skip
    if x.limit is not None:
        lines.append(f"  state limit: {x.limit.explain()}")
    if x.engine:
        how = ("numpy arrays, a layer at a time" if x.engine == "arrays"
               else "Python integers in a set, a state at a time")  # fmt: skip
        lines.append(f"  engine: {x.engine} ({how})")
    witnessed = [(name(f.what), f) for f in reached]
    if x.deadlocks and x.deadlock.reachable:
        witnessed.append(("a deadlock", x.deadlock))
    witnessed += [(f"invariant {name(f.what)}", f) for f in x.invariants if f.reachable]
    if x.livelock is not None:
        witnessed.append(("the livelock", x.livelock))
    if witnessed:
        lines += ["", "Shortest witnesses (hypothetical moves, repeats grouped):"]
    seen: dict[tuple[tuple[str, str], ...], str] = {}
    for label, f in witnessed:
        lines += _witness_lines(label, f, names, name, seen)
    if stuck:
        for c in x.cycles:
            head, *rest = c.explain().splitlines()
            lines += [f"which may come from: {head}", *(f"  {line}" for line in rest)]
    return "\n".join(lines) + "\n"


def _witness_lines(
    label: str,
    f: Finding,
    names: Mapping[str, str],
    name: Any,
    seen: dict[tuple[tuple[str, str], ...], str],
) -> list[str]:
    """One witness: its head, then what it assumes and its moves; a witness already shown is
    named, not repeated."""
    starts = _STARTS[f.from_every_start]
    head = f"  {label}: {plural(f.depth or 0, 'move')}{starts}"
    if f.loop:
        stuck = ", ".join(name(n) for n, _ in f.verdicts)
        head += (f", then {plural(f.loop, 'move')} that lead back to the same state and may "
                 f"repeat for ever without reaching {stuck}")  # fmt: skip
    key = tuple((e.reported_by or "", e.summary) for e in f.witness)
    if not f.witness.events:
        return [f"{head}: no move (it holds at the start)"]
    if key in seen and not f.loop:
        return [f"{head}: the same moves as {seen[key]}"]
    seen.setdefault(key, label)
    out = [head + ":"]
    if f.assumed:
        out.append("    assuming " + ", ".join(f"{a} = {v}" for a, v in f.assumed))
    events = f.moves()
    out += [f"    {m}" for m in moves_in_words(events[: len(events) - f.loop], names)]
    if f.loop:
        out += [f"    loop: {m}" for m in moves_in_words(events[len(events) - f.loop :], names)]
    return out


def _invariant_words(f: Finding, name: str) -> str:
    if not f.reachable:
        return f"{name}: holds in every state reached"
    verdict = dict(f.verdicts).get(f.what)
    how = "broken" if verdict is Verdict.UNMET else "possibly broken (UNKNOWN)"
    return f"{name}: {how} after {plural(f.depth or 0, 'move')}"


def finding(
    packed: Packed, model: Model, layers: Layers, what: str, state: int | None,
    every: bool | None, verdicts: list[tuple[str, Any]], *, loop: Path | None = None,
    possibly: bool = False,
) -> Finding:  # fmt: skip
    """The finding for a state reached, its witness the shortest path there.

    Args:
        packed: the packed model.
        model: the action model.
        layers: the search's layers of packed states, breadth first.
        what: the finding's name.
        state: the packed state found (in one of *layers*); None: not reachable.
        every: whether it is reached from every start (None: not checked).
        verdicts: ``(name, condition)`` pairs judged where the witness ends.
        loop: moves appended to the witness, leading back to *state* (a livelock's loop).
        possibly: whether its verdict is UNKNOWN in some state reached.

    Returns:
        The finding, its witness as hypothetical events (after one setting the start it
        assumes, where that differs from the plan's).
    """
    if state is None:
        return Finding(what, False, None, Timeline(), False, possibly=possibly)
    s0, path = path_to(packed, model, layers, state)
    events: list[Event] = []
    assumed = {
        f: v for f, v in packed.unpack(s0).items() if _open(read_fact(packed.start_state, f))
    }
    start = _start_facts(packed.plan, packed.start_state) | assumed
    if start:
        words = ", ".join(f"{f} = {show(v)}" for f, v in start.items())
        events.append(Event(
            "start-assumed", T0 - dt.timedelta(days=1), FactsReported(start),
            summary=f"the start this witness assumes (where it differs from the plan's facts at "
                    f"publication, or the sources give nothing): {words}",
            reported_by="gazaplan explore (hypothetical)", note=HYPOTHETICAL,
        ))  # fmt: skip
    for i, (action, after) in enumerate([*path, *(loop or [])]):
        value = packed.unpack(after)[action.fact]
        point = f", point {action.point}" if action.point else ""
        events.append(Event(
            f"move-{i + 1}-{action.id}", T0 + dt.timedelta(days=i), FactsReported({action.fact: value}),
            summary=action.summary or f"{action.fact} becomes {show(value)}",
            reported_by=f"{action.party or 'none identified'} (hypothetical{point})", note=HYPOTHETICAL,
        ))  # fmt: skip
    return Finding(
        what, True, len(path), Timeline(tuple(events)), every,
        tuple((f, show(v)) for f, v in assumed.items()), len(loop or ()),
        tuple(packed.unpack(state).items()),
        tuple((name, packed.verdict(c, state)) for name, c in verdicts),
    )  # fmt: skip


def _start_facts(plan: Plan, start: State) -> dict[str, Any]:
    """The facts of *start* that differ from the plan's at publication (derived ones aside)."""
    initial = State.initial(plan).facts()
    return {
        f: v for f, v in start.facts().items()
        if not FACTS[f.split(".")[0]].derived and f in initial and initial[f] != v
    }  # fmt: skip


def _open(value: object) -> bool:
    from ..core.sources import Contested
    from ..truth import UNKNOWN

    return value is UNKNOWN or isinstance(value, Contested)


def path_to(packed: Packed, model: Model, layers: Layers, state: int) -> tuple[int, Path]:
    """The moves from a start to a state, walking back layer by layer.

    Args:
        packed: the packed model.
        model: the action model.
        layers: the search's layers of packed states, breadth first.
        state: the packed state (found in one of *layers*).

    Returns:
        The packed start, and each move with the packed state it leads to, in order.
    """
    return _walk_back(packed, model, layers, state, depth_of(layers, state))


def _walk_back(
    packed: Packed, model: Model, layers: Layers, state: int, depth: int
) -> tuple[int, Path]:
    path: Path = []
    t = state
    moving: dict[str, list[Action]] = {}  # the actions on each fact, in the model's order
    for a in model.actions:
        moving.setdefault(a.fact, []).append(a)
    for d in range(depth, 0, -1):
        step = next(
            (p, a) for p in _predecessors(packed, model, t) if layers.contains(d - 1, p)
            for a in moving[_changed(packed, p, t)] if packed.successor(a, p) == t
        )  # fmt: skip
        path.append((step[1], t))
        t = step[0]
    return t, path[::-1]


def _changed(packed: Packed, s: int, t: int) -> str:
    """The fact whose value differs between two packed states (a move changes one)."""
    return next(f for i, f in enumerate(packed.facts) if packed.field(s, i) != packed.field(t, i))


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


def loop_from(
    packed: Packed, model: Model, s: int, expand: Any, limit: int
) -> tuple[Path | None, int]:
    """The fewest moves from a state back to itself, breadth first.

    Args:
        packed: the packed model.
        model: the action model.
        s: the packed state.
        expand: the generated successor function.
        limit: the most states to visit.

    Returns:
        The loop's moves (None if none is found within *limit* states), and how many states the search
        visited.
    """
    seen: set[int] = set()  # without s: the search adds it when a move leads back to it
    layers = ListLayers([[s]])
    while layers.lists[-1] and len(seen) < limit:
        out: list[int] = []
        expand(layers.lists[-1], seen, out, [])
        layers.lists.append(out)
        if s in seen:
            return _walk_back(packed, model, layers, s, len(layers) - 1)[1], len(seen)
    return None, len(seen)


def lasso(
    packed: Packed, model: Model, layers: Layers, stuck: list[tuple[str, Any]],
    starts: int, expand: Any,
) -> Finding | None:  # fmt: skip
    """A livelock: moves to a state as deep as any, then a loop back to it.

    A run that never ends and never reaches the stuck targets.

    Args:
        packed: the packed model.
        model: the action model.
        layers: the search's layers of packed states, breadth first.
        stuck: ``(name, condition)`` of the stuck targets.
        starts: how many possible starts the search had.
        expand: the generated successor function.

    Returns:
        The livelock's finding, or None if no state has such a loop, or none was found within
        :data:`LOOP_SEARCH` states visited.
    """
    budget = LOOP_SEARCH
    for depth in reversed(range(len(layers))):
        for s in layers.ascending(depth):  # in the same order whichever engine searched
            loop, visited = loop_from(packed, model, s, expand, budget)
            if loop is not None:
                return finding(packed, model, layers, "livelock", s,
                               True if starts == 1 else None, stuck, loop=loop)  # fmt: skip
            budget -= max(1, visited)
            if budget <= 0:
                return None
    return None


def witness_scenario(exploration: Exploration, what: str | None = None) -> Scenario:
    """An exploration's witness for a finding, as a scenario.

    See the module's description.

    Args:
        exploration: the exploration.
        what: the finding's name (None: the livelock if a target is stuck, else the last target
            reached, else a deadlock).

    Returns:
        The scenario, with the plan version, the amendments used, the witness's events, and each
        variable's value and the targets' verdicts where it ends, as expectations.

    Raises:
        UnknownIdError: no finding is called *what*.
        InvalidValueError: it has no witness (not reachable), or the explored plan is not a
            bundled version nor made from one by amendments (a scenario names its version).
    """
    if what is None:
        reached = [f.what for f in exploration.targets if f.reachable]
        what = ("livelock" if exploration.livelock is not None else reached[-1] if reached
                else "deadlock")  # fmt: skip
    f = exploration.finding(what)
    if not f.reachable:
        raise InvalidValueError(
            "witness", what, "nothing reaches it, so there is no witness to write",
            "Ask for a reachable target, 'deadlock' where there are some, or 'livelock' where a "
            "target is stuck (see Exploration.explain()).",
        )  # fmt: skip
    plan = exploration.plan
    if plan is None:
        raise InvalidValueError("witness", what, "the exploration does not say what plan it explored",
                                "Take the witness from the result of gp.explore.")  # fmt: skip
    version, amendments = replayable(plan)
    events = f.witness.events
    ends = [events[-1].at if events else T0]
    if f.loop:
        ends.insert(0, events[-1 - f.loop].at if len(events) > f.loop else T0)
    expectations: list[Expectation] = []
    for end in dict.fromkeys(e + dt.timedelta(hours=1) for e in ends):
        expectations += [FactExpectation(end, fact, value) for fact, value in f.end]
        for name, verdict in f.verdicts:
            phase, _, part = name.rpartition(".")
            if part in ("entry", "completion") and phase in {p.id for p in plan.phases}:
                expectations.append(PhaseExpectation(end, phase, verdict, part=part))
    kind = "a loop after which" if f.loop else "a shortest order of moves after which"
    return Scenario(
        name=f"gazaplan explore: {what} (hypothetical)",
        version=version,
        amendments=amendments,
        timeline=f.witness,
        expectations=tuple(expectations),
        description=(f"Hypothetical moves the action model allows, found by exhaustive search: "
                     f"{kind} the expectations hold. {f.explain()}"),
    )  # fmt: skip


def replayable(plan: Plan) -> tuple[str, tuple[Amendment, ...]]:
    """The bundled version a plan comes from and the amendments over it that make the plan.

    Args:
        plan: the plan.

    Returns:
        The bundled version's id and the amendments, in order.

    Raises:
        InvalidValueError: if the plan is not a bundled version, nor made from one.
    """
    from .. import catalog

    def bundled(version: str) -> Plan | None:
        try:
            return catalog.plan(version)
        except UnknownVersionError:
            return None

    chain = plan.amendments
    for k in range(len(chain), 0, -1):  # the latest bundled version in the chain
        version = plan.version if k == len(chain) else chain[k - 1].version
        base = bundled(version)
        if base is not None and base.amendments == chain[:k]:
            return version, chain[k:]
    roots = [v for v in catalog.versions() if not catalog.plan(v).amendments]
    if plan.version in roots and not chain:
        return plan.version, ()
    if chain and roots:  # amended from the original text
        return roots[0], chain
    raise InvalidValueError(
        "witness", plan.version, "the explored plan is not a bundled version, nor made from one",
        "Explore a bundled version (gp.plan(...)) or one amended from it (gp.amend), so that a "
        "scenario file can name its version.",
    )  # fmt: skip
