"""Exhaustive exploration, checked against a plain breadth-first search over assignments that
judges each guard and target with the library's own evaluation: the same states, transitions,
deadlocks and shortest depths on generated models; witnesses that replay to the target."""

from __future__ import annotations

from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan._compile import compiled
from gazaplan._packing import guard_of
from gazaplan._structure import View
from gazaplan.conditions import Condition
from gazaplan.exploration import explore
from gazaplan.models import Action, Model, SetTo, Step, Variable
from gazaplan.parties import Response
from gazaplan.state import read_fact

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


def oracle(model: Model, targets: list[tuple[str, Condition]]) -> dict[str, Any]:
    import itertools

    choices = []
    for v in model.variables:
        now = read_fact(START, v.fact)
        choices.append([now] if now in v.values else list(v.values))
    starts = [dict(zip([v.fact for v in model.variables], c, strict=True))
              for c in itertools.product(*choices)]  # fmt: skip

    def key(s: dict[str, Any]) -> tuple[tuple[str, str], ...]:
        return tuple(sorted((f, str(v)) for f, v in s.items()))

    seen = {key(s) for s in starts}
    layer, depth, transitions, deadlocks = starts, 0, 0, 0
    first: dict[str, int] = {}
    goal = targets[-1][1]
    while layer:
        for name, cond in targets:
            if name not in first and any(_met(cond, s) for s in layer):
                first[name] = depth
        nxt: list[dict[str, Any]] = []
        for s in layer:
            succ = [t for a in model.actions if (t := _after(model, a, s)) is not None]
            transitions += len(succ)
            if not succ and not _met(goal, s):
                deadlocks += 1
            for t in succ:
                if key(t) not in seen:
                    seen.add(key(t))
                    nxt.append(t)
        layer, depth = nxt, depth + 1
    return {"states": len(seen), "transitions": transitions, "deadlocks": deadlocks, "first": first}


TARGETS: list[tuple[str, Condition]] = [("ceasefire", gp.Equals("ceasefire_in_force", True)),
           ("second line", gp.OneOf("idf_line", frozenset({"second"}))),
           ("all of it", gp.AllOf((gp.Equals("ceasefire_in_force", True),
                                   gp.AtLeast("gaza_detainees_released", 3))))]  # fmt: skip


@settings(deadline=None)
@given(models())
def test_explore_agrees_with_a_plain_search_over_assignments(model: Model) -> None:
    got = explore(PLAN, actions=model, start=START, targets=TARGETS)
    want = oracle(model, TARGETS)
    assert got.states == want["states"]
    assert got.transitions == want["transitions"]
    assert got.deadlocks == want["deadlocks"]
    assert got.complete
    for f in got.targets:
        assert f.reachable == (f.what in want["first"])
        if f.reachable:
            assert f.depth == want["first"][f.what]  # a shortest witness
            assert len(f.witness) == want["first"][f.what] + bool(f.assumed)


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
    assert phase_two.from_every_start is None  # 48 possible starts: not checked one by one
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
