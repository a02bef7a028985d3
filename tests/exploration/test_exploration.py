"""Exhaustive exploration, checked against a plain breadth-first search over assignments that
judges each guard and target with the library's own evaluation: the same states, transitions,
deadlocks and shortest depths on generated models; witnesses that replay to the target."""

from __future__ import annotations

from typing import Any, cast

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.analysis._structure import View
from gazaplan.core._compile import compiled
from gazaplan.core.conditions import Condition
from gazaplan.core.models import Action, Model, SetTo, Step, Variable
from gazaplan.core.parties import Response
from gazaplan.core.state import read_fact
from gazaplan.exploration import explore
from gazaplan.exploration._packing import guard_of

PLAN = gp.plan("2025-10-09")
START = gp.State.initial(PLAN)
R = Response
POOL = {
    "ceasefire_in_force": (False, True),
    "idf_line": ("front", "yellow", "second"),
    "gaza_detainees_released": (0, 1, 2, 3),
    "response.hamas": (R.NO_RESPONSE, R.ACCEPTED, R.REJECTED),
    "rafah_crossing": (gp.Crossing.CLOSED, gp.Crossing.BOTH_WAYS),
}


def _equals(fact: str) -> st.SearchStrategy[Condition]:
    return st.builds(gp.Equals, st.just(fact), st.sampled_from(POOL[fact]))


def _guard(facts: list[str]) -> st.SearchStrategy[Condition | None]:
    options = [_equals(f) for f in facts]
    if "gaza_detainees_released" in facts:
        options.append(st.builds(gp.AtLeast, st.just("gaza_detainees_released"),
                                 st.sampled_from(POOL["gaza_detainees_released"][1:])))  # fmt: skip

    def junctions(kids: st.SearchStrategy[Condition]) -> st.SearchStrategy[Condition]:
        parts = st.lists(kids, min_size=1, max_size=3).map(tuple)
        return st.one_of(parts.map(gp.AllOf), parts.map(gp.AnyOf), kids.map(gp.Not))

    cond: st.SearchStrategy[Condition] = st.recursive(st.one_of(options), junctions, max_leaves=4)
    return st.none() | cond


@st.composite
def models(draw: st.DrawFn) -> Model:
    facts = draw(st.lists(st.sampled_from(sorted(POOL)), min_size=1, max_size=4, unique=True))
    actions = []
    for k in range(draw(st.integers(1, 6))):
        fact = draw(st.sampled_from(facts))
        effect = draw(st.sampled_from(POOL[fact]).map(SetTo) | st.integers(1, 2).map(Step))
        party = draw(st.sampled_from(["israel", "hamas", ""]))
        actions.append(Action(f"a{k}", party, fact, effect, guard=draw(_guard(facts))))
    return Model(tuple(Variable(f, POOL[f]) for f in facts), tuple(actions))


def _met(cond: Condition, assignment: dict[str, Any]) -> bool:
    view = cast("gp.State", View(START, assignment))
    return compiled(cond, PLAN)(view) is gp.Verdict.MET


def _after(model: Model, a: Action, s: dict[str, Any]) -> dict[str, Any] | None:
    values = model.variable(a.fact).values
    k = values.index(s[a.fact])
    if isinstance(a.effect, Step):
        if k + a.effect.by >= len(values):
            return None
        new = values[k + a.effect.by]
    else:
        new = a.effect.value
        if new == s[a.fact]:
            return None
    g = guard_of(PLAN, a)
    if g is not None and not _met(g, s):
        return None
    return {**s, a.fact: new}


def _verdict(cond: Condition, assignment: dict[str, Any]) -> gp.Verdict:
    return compiled(cond, PLAN)(cast("gp.State", View(START, assignment)))


def _starts(model: Model) -> list[dict[str, Any]]:
    import itertools

    choices = []
    for v in model.variables:
        now = read_fact(START, v.fact)
        choices.append([now] if now in v.values else list(v.values))
    return [dict(zip([v.fact for v in model.variables], c, strict=True))
            for c in itertools.product(*choices)]  # fmt: skip


def oracle(
    model: Model, targets: list[tuple[str, Condition]], starts: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    starts = _starts(model) if starts is None else starts

    def key(s: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        return tuple(sorted((f, str(v)) for f, v in s.items()))

    seen = {key(s) for s in starts}
    edges: dict[Any, list[Any]] = {}
    layer, depth, transitions, deadlocks = starts, 0, 0, 0
    first: dict[str, int] = {}
    broken: dict[str, int] = {}  # an invariant (each target taken as one): first depth UNMET
    unsure: dict[str, int] = {}  # ... or, never UNMET, first depth UNKNOWN
    goal = targets[-1][1]
    while layer:
        for name, cond in targets:
            if name not in first and any(_met(cond, s) for s in layer):
                first[name] = depth
            verdicts = {_verdict(cond, s) for s in layer}
            if gp.Verdict.UNMET in verdicts:
                broken.setdefault(name, depth)
            if gp.Verdict.UNKNOWN in verdicts:
                unsure.setdefault(name, depth)
        nxt: list[dict[str, Any]] = []
        for s in layer:
            succ = [t for a in model.actions if (t := _after(model, a, s)) is not None]
            edges[key(s)] = [key(t) for t in succ]
            transitions += len(succ)
            if not succ and not _met(goal, s):
                deadlocks += 1
            for t in succ:
                if key(t) not in seen:
                    seen.add(key(t))
                    nxt.append(t)
        layer, depth = nxt, depth + 1
    return {"states": len(seen), "transitions": transitions, "deadlocks": deadlocks,
            "first": first, "broken": broken, "unsure": unsure, "cyclic": _cyclic(edges)}  # fmt: skip


def _cyclic(edges: dict[Any, list[Any]]) -> bool:
    """Whether the graph has a cycle (depth first, with colours)."""
    colour: dict[Any, int] = {}
    for root in edges:
        if root in colour:
            continue
        stack = [(root, iter(edges[root]))]
        colour[root] = 1
        while stack:
            node, kids = stack[-1]
            kid = next(kids, None)
            if kid is None:
                colour[node] = 2
                stack.pop()
            elif colour.get(kid) == 1:
                return True
            elif kid not in colour:
                colour[kid] = 1
                stack.append((kid, iter(edges[kid])))
    return False


TARGETS: list[tuple[str, Condition]] = [("ceasefire", gp.Equals("ceasefire_in_force", True)),
           ("second line", gp.OneOf("idf_line", frozenset({"second"}))),
           ("all of it", gp.AllOf((gp.Equals("ceasefire_in_force", True),
                                   gp.AtLeast("gaza_detainees_released", 3))))]  # fmt: skip


@settings(deadline=None)
@given(models())
def test_explore_agrees_with_a_plain_search_over_assignments(model: Model) -> None:
    got = explore(PLAN, actions=model, start=START, targets=TARGETS, invariants=TARGETS,
                  check_each_start=True)  # fmt: skip
    want = oracle(model, TARGETS)
    assert got.states == want["states"]
    assert got.transitions == want["transitions"]
    assert got.deadlocks == want["deadlocks"]
    assert got.complete
    alone = [oracle(model, TARGETS, [s0]) for s0 in _starts(model)]
    for f in got.targets:
        assert f.reachable == (f.what in want["first"])
        if f.reachable:
            assert f.depth == want["first"][f.what]  # a shortest witness
            assert len(f.witness) == want["first"][f.what] + bool(f.assumed)
            assert f.from_every_start == all(f.what in a["first"] for a in alone)
        else:
            assert f.possibly == (f.what in want["unsure"])
    for f in got.invariants:  # broken where UNMET first, else possibly where UNKNOWN first
        depth = want["broken"].get(f.what, want["unsure"].get(f.what))
        assert f.depth == depth
        if depth is not None:
            sure = f.what in want["broken"]
            assert dict(f.verdicts)[f.what] is (gp.Verdict.UNMET if sure else gp.Verdict.UNKNOWN)
    unreached = [f.what for f in got.targets if not f.reachable and not f.possibly]
    assert bool(got.stuck) == bool(unreached and want["cyclic"])  # stuck: the moves go on
    if got.stuck:
        _check_lasso(model, got)


def _check_lasso(model: Model, got: gp.Exploration) -> None:
    """A livelock's witness: its loop is enabled move by move, returns to where it began, and no
    stuck target holds on the way."""
    lasso = got.livelock
    assert lasso is not None
    assert lasso.loop >= 1
    states = [dict(lasso.end)]
    moves = [e for e in lasso.witness if e.id != "start-assumed"]
    loop = moves[len(moves) - lasso.loop :]
    for e in loop:
        action = model.action(e.id.split("-", 2)[2])
        after = _after(model, action, states[-1])
        assert after is not None  # enabled where the loop makes it
        states.append(after)
    assert states[-1] == states[0]
    conds = dict(TARGETS)
    assert not any(_met(conds[name], s) for name in got.stuck for s in states)


def test_a_witness_replays_to_its_target_as_hypothetical_events() -> None:
    m = Model(
        (Variable("response.hamas", (R.NO_RESPONSE, R.ACCEPTED)), Variable("idf_line", ("front", "yellow"))),
        (Action("accept", "hamas", "response.hamas", SetTo(R.ACCEPTED), point=3),
         Action("withdraw", "israel", "idf_line", SetTo("yellow"),
                obligation="p3-withdraw-to-first-line", point=3)),
    )  # fmt: skip
    found = explore(PLAN, actions=m, start=START, targets=["p3-withdraw-to-first-line.completion"])
    (f,) = found.targets
    assert f.reachable
    assert f.depth == 2
    assert f.from_every_start
    assert [e.note for e in f.witness] == [
        "hypothetical: a move the model allows, not a reported event"
    ] * 2
    assert "israel (hypothetical, point 3)" in [e.reported_by for e in f.witness]
    end = gp.replay(PLAN, f.witness, start=START)
    assert gp.check_plan(PLAN, end)  # replays on the plan
    assert (
        compiled(PLAN.obligation("p3-withdraw-to-first-line").completion, PLAN)(end)
        is gp.Verdict.MET
    )
    never = explore(
        PLAN,
        actions=m,
        start=START,
        never=["israel"],
        targets=["p3-withdraw-to-first-line.completion"],
    )
    assert not never.targets[0].reachable
    assert "not reachable" in never.explain()


def test_bad_models_and_options_are_refused_with_the_fix() -> None:
    with pytest.raises(gp.exceptions.UnknownFactError):
        Variable("no_such_fact", (1,))
    with pytest.raises(gp.exceptions.InvalidValueError, match="listed twice"):
        Variable("ceasefire_in_force", (True, True))
    v = Variable("ceasefire_in_force", (False, True))
    with pytest.raises(gp.exceptions.InvalidValueError, match="no variable"):
        Model((v,), (Action("x", "", "idf_line", SetTo("yellow")),))
    with pytest.raises(gp.exceptions.InvalidValueError, match="not a value"):
        Model((v,), (Action("x", "", "ceasefire_in_force", SetTo("maybe")),))
    m = Model((v,), (Action("x", "", "ceasefire_in_force", SetTo(True)),))
    with pytest.raises(gp.exceptions.UnknownIdError):
        m.never("hamas")
    with pytest.raises(gp.exceptions.InvalidValueError, match="max_depth"):
        explore(PLAN, actions=m, max_depth=-1)
    big = Model((Variable("gaza_detainees_released", tuple(range(50))),),
                (Action("up", "", "gaza_detainees_released", Step()),))  # fmt: skip
    with pytest.raises(gp.exceptions.InvalidValueError, match="max_states"):
        explore(PLAN, actions=big, start=START, max_states=10, targets=TARGETS[:1])


SMALL_PLAN = gp.plan()  # the latest version, with the parties' 2026 positions
KEYS = ["phase-1.completion", "phase-2.completion", "perimeter.entry"]


def _small() -> dict[str, Any]:
    return {"actions": gp.catalog.model(1, 1), "start": gp.catalog.model_start(SMALL_PLAN, 1, 1)}


def test_the_bundled_model_reaches_phase_two_and_its_witness_replays() -> None:
    found = explore(SMALL_PLAN, targets=KEYS, **_small())
    phase_two = found.target("phase-2.completion")
    assert phase_two.reachable
    assert phase_two.from_every_start is True  # 48 possible starts: each searched alone
    assert found.complete
    end = gp.replay(SMALL_PLAN, phase_two.witness, start=_small()["start"])
    assert gp.check_phase(SMALL_PLAN, "phase-2", end).completion.verdict is gp.Verdict.MET
    assert all(e.note.startswith("hypothetical") for e in phase_two.witness)


def test_the_stated_positions_make_phase_two_stuck_and_name_the_cycle() -> None:
    found = explore(SMALL_PLAN, targets=KEYS, positions=True, **_small())
    assert found.target("phase-1.completion").reachable
    assert not found.target("phase-2.completion").reachable
    assert "phase-2.completion" in found.stuck  # moves stay enabled; none leads there
    (cycle,) = found.cycles
    assert {"p13-decommission", "p16-hand-over"} <= set(cycle.obligations)
    assert "which may come from" in found.explain()


def test_a_party_that_never_moves_blocks_what_only_it_can_do() -> None:
    found = explore(SMALL_PLAN, targets=KEYS, never=["hamas:decommissioning-step"], **_small())
    assert found.target("phase-1.completion").reachable
    assert not found.target("phase-2.completion").reachable
    with pytest.raises(gp.exceptions.UnknownIdError):
        explore(SMALL_PLAN, never=["nobody"], **_small())


def test_witnesses_are_scenarios_that_replay_and_say_what_the_explorer_found() -> None:
    stuck = explore(SMALL_PLAN, targets=KEYS, positions=True, **_small())
    lasso = stuck.livelock
    assert lasso is not None
    assert lasso.loop >= 2  # e.g. the ceasefire breaks and is restored
    scenario = stuck.scenario()  # the livelock, by default
    assert [a.version for a in scenario.amendments] == [f"{SMALL_PLAN.version}+positions"]
    result = gp.check_scenario(scenario)
    assert result.passed, result.explain()
    kinds = {(type(e).__name__, getattr(e, "part", "")) for e in scenario.expectations}
    assert ("PhaseExpectation", "completion") in kinds
    assert len({e.at for e in scenario.expectations}) == 2  # before and after the loop
    reached = explore(SMALL_PLAN, targets=KEYS, **_small())
    assert reached.livelock is None
    assert not reached.stuck
    s2 = reached.scenario("phase-2.completion")
    assert s2.amendments == ()
    assert gp.check_scenario(s2).passed
    last = s2.expectations[-1]
    assert isinstance(last, gp.PhaseExpectation)
    wrong = attrs.evolve(last, verdict=gp.Verdict.UNMET)  # a test that can fail
    assert not gp.check_scenario(attrs.evolve(s2, expectations=(wrong,))).passed
    with pytest.raises(gp.exceptions.InvalidValueError, match="no witness"):
        stuck.scenario("perimeter.entry")  # stuck: nothing reaches it
    with pytest.raises(gp.exceptions.UnknownIdError):
        reached.scenario("nothing")
    mine = attrs.evolve(SMALL_PLAN, version="mine", amendments=())
    with pytest.raises(gp.exceptions.InvalidValueError, match="bundled"):
        explore(mine, targets=KEYS, **_small()).scenario("phase-1.completion")


def test_progress_is_reported_and_an_interruption_keeps_what_was_explored() -> None:
    seen: list[gp.exploration.SearchProgress] = []
    explore(SMALL_PLAN, targets=KEYS, progress=seen.append, **_small())
    assert [p.depth for p in seen] == list(range(1, len(seen) + 1))
    assert [p.states for p in seen] == sorted(p.states for p in seen)

    def stop_at_three(p: gp.exploration.SearchProgress) -> None:
        if p.depth == 3:
            raise KeyboardInterrupt

    cut = explore(SMALL_PLAN, targets=KEYS, progress=stop_at_three, interruptible=True, **_small())
    assert cut.interrupted
    assert not cut.complete
    assert cut.depth == 3
    assert cut.states == seen[2].states
    assert not cut.stuck  # nothing is claimed stuck from a search cut short
    assert "(interrupted)" in cut.explain()
    with pytest.raises(KeyboardInterrupt):
        explore(SMALL_PLAN, targets=KEYS, progress=stop_at_three, **_small())


def test_the_default_bound_on_states_comes_from_the_free_memory() -> None:
    from gazaplan.exploration import BYTES_PER_STATE, default_max_states

    n = default_max_states()
    assert n >= 100_000
    assert n * BYTES_PER_STATE < 2**50  # half the free memory: a real figure, not infinity


def test_an_invariant_naming_what_the_plan_lacks_is_refused() -> None:
    accepted = gp.Response.ACCEPTED
    with pytest.raises(gp.exceptions.UnknownPartyError, match="nobody"):
        explore(SMALL_PLAN, invariants=[("x", gp.Equals("response.nobody", accepted))], **_small())
    with pytest.raises(gp.exceptions.UnknownIdError, match="nowhere"):
        explore(SMALL_PLAN, targets=[("y", gp.Equals("idf_line", "nowhere"))], **_small())
    with pytest.raises(gp.exceptions.UnknownFactError):
        gp.Equals("no_such_fact", 1)  # refused when it is made
    with pytest.raises(gp.exceptions.UnknownIdError):
        explore(SMALL_PLAN, invariants=["no-such-phase.entry"], **_small())


def test_a_model_naming_what_the_plan_lacks_is_refused() -> None:
    v = Variable("ceasefire_in_force", (False, True))

    def one(**kw: Any) -> Model:
        return Model((v,), (Action("x", kw.pop("party", "hamas"), "ceasefire_in_force",
                                   SetTo(True), **kw),))  # fmt: skip

    with pytest.raises(gp.exceptions.UnknownPartyError, match="nobody"):
        explore(SMALL_PLAN, actions=one(party="hamas, nobody"))
    with pytest.raises(gp.exceptions.UnknownIdError, match="nope"):
        explore(SMALL_PLAN, actions=one(obligation="nope"))
    with pytest.raises(gp.exceptions.UnknownIdError, match="nowhere"):
        explore(SMALL_PLAN, actions=one(guard=gp.Equals("idf_line", "nowhere")))
    with pytest.raises(gp.exceptions.UnknownPartyError, match="nobody"):
        explore(SMALL_PLAN, actions=Model((Variable("response.nobody", (R.ACCEPTED,)),), ()))
    assert explore(SMALL_PLAN, actions=one(party="")).states == 2  # "": none identified


def test_an_exploration_displays_its_findings_in_a_notebook() -> None:
    pytest.importorskip("pandas")
    found = explore(SMALL_PLAN, targets=KEYS, positions=True, invariants=KEYS[:1], **_small())
    rows = {(r["finding"], r["kind"]): r for r in found.rows()}
    assert rows[("phase-2.completion", "target")]["result"] == "stuck"
    assert rows[("livelock", "livelock")]["loop"] == found.livelock.loop  # type: ignore[union-attr]
    assert rows[("phase-1.completion", "invariant")]["result"] == "broken"  # UNMET at the start
    frame = found.to_pandas()
    assert list(frame.columns) == ["finding", "kind", "result", "moves", "loop",
                                   "from_every_start", "witness"]  # fmt: skip
    assert len(frame) == len(found.rows())
    html = found._repr_html_()
    assert "Exploration: " in html
    assert "stuck" in html
    assert "<script" not in html


def test_an_unknown_target_of_an_exploration_is_named_with_the_known_ones() -> None:
    found = gp.explore(gp.plan(), actions=gp.catalog.model(living=1, deceased=1))
    with pytest.raises(gp.UnknownIdError, match=r"phase-1\.completion"):
        found.target("phase-9.completion")
