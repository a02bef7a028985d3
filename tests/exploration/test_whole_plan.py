"""The whole-plan action model (``catalog.model(whole_plan=True)``): it moves every fact a phase of
any bundled version reads, each move by its obligation's obligors, from a start where the later
steps are not yet taken; both engines find the same; what it finds under the stated positions."""

from __future__ import annotations

import pytest

import gazaplan as gp
from gazaplan import catalog
from gazaplan.core.conditions import facts_read
from gazaplan.core.state import spec_of

PLAN = gp.plan()
WHOLE = catalog.model(0, 0, whole_plan=True)
PHASES_1_2 = catalog.model(0, 0)
# point 5's remains exchange: its ratio holds at the start (no Israeli hostage's remains counted)
NOT_MOVED = {"gazan_remains_returned", "israeli_hostage_remains_returned"}


@pytest.mark.parametrize("version", [p.version for p in gp.plan_versions()])
def test_it_moves_every_fact_a_phase_reads(version: str) -> None:
    plan = gp.plan(version)
    moved = {v.fact for v in WHOLE.variables}
    read = {
        f
        for p in plan.phases
        for c in (p.entry, p.completion)
        for f in facts_read(c)
        if not spec_of(f)[0].derived
    }
    assert read - moved == NOT_MOVED
    assert read - {v.fact for v in PHASES_1_2.variables} > NOT_MOVED  # the later phases' facts


def test_each_new_move_is_made_by_its_obligations_obligors() -> None:
    new = WHOLE.actions[len(PHASES_1_2.actions) :]
    assert new, "the whole plan adds moves"
    for a in new:
        if a.obligation:
            assert set(a.parties) == set(PLAN.obligation(a.obligation).obligors), a.id
    assert WHOLE.actions[: len(PHASES_1_2.actions)] == PHASES_1_2.actions


def test_the_start_takes_no_later_step_and_leaves_the_dataset_alone() -> None:
    start = catalog.model_start(PLAN, 0, 0, whole_plan=True)
    for fact in ("development_plan_adopted", "political_dialogue_started", "phase_two_certified"):
        assert start.facts()[fact] is False
        assert catalog.model_start(PLAN, 0, 0).facts()[fact] is gp.UNKNOWN
    assert start.facts()["isf_control_pct"] == 0


def test_both_engines_find_the_same_on_the_whole_plan() -> None:
    pytest.importorskip("numpy")
    start = catalog.model_start(PLAN, 0, 0, whole_plan=True)
    runs = [
        gp.explore(PLAN, actions=WHOLE, start=start, max_depth=6, engine=engine)
        for engine in ("arrays", "sets")
    ]
    assert runs[0] == runs[1]
    assert runs[0].states > 10_000


def test_under_the_stated_positions_phase_two_and_what_follows_it_are_stuck() -> None:
    """With one hostage of neither kind (3.5 million states): the parties' stated conditions
    make phase 2's completion, the perimeter and reconstruction's entry unreachable, while the
    governance phases, which do not wait on phase 2, are reached; a witness replays."""
    start = catalog.model_start(PLAN, 0, 0, whole_plan=True)
    found = gp.explore(PLAN, actions=WHOLE, start=start, positions=True)
    assert set(found.stuck) == {
        "phase-2.completion",
        "perimeter.entry",
        "perimeter.completion",
        "reconstruction.entry",
    }
    assert found.deadlocks == 0
    reached = {f.what for f in found.targets if f.reachable}
    assert {"pa-reform.completion", "political-horizon.completion"} <= reached
    assert gp.check_scenario(found.scenario("pa-reform.completion")).passed
