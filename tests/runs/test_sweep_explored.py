"""``gp.sweep(..., explore=True)``: each variant explored instead of replayed; the parties' stated
conditions swept on and off, and the model's size; each variant checked against exploring the
same plan by hand; what blocks a stuck phase; bad input."""

from __future__ import annotations

import itertools
from concurrent.futures import ThreadPoolExecutor

import pytest

import gazaplan as gp
from gazaplan import InvalidValueError, catalog
from gazaplan.runs.sweeps import (
    MODEL_PATHS,
    SweepResult,
    axes_of,
    edits_of,
    explored,
    parse_axis,
)
from gazaplan.whatif import under_positions

PLAN = gp.plan()
SMALL = {"model.living": [1], "model.deceased": [1]}
POSITIONS = {"position.hamas": [True, False], "position.israel": [True, False]}


@pytest.fixture(scope="module")
def positions() -> SweepResult:
    return gp.sweep(PLAN, {**POSITIONS, **SMALL}, explore=True)


def by_hand(parties: list[str]) -> gp.Exploration:
    """The bundled model explored under the stated conditions of *parties* only, without the
    sweep."""
    plan = under_positions(PLAN, parties=parties)
    return gp.explore(plan, actions=catalog.model(1, 1), start=catalog.model_start(plan, 1, 1))


def test_each_variant_is_what_exploring_it_by_hand_finds(positions: SweepResult) -> None:
    assert [v.values[:2] for v in positions.variants] == list(
        itertools.product([True, False], [True, False])
    )
    for v in positions.variants:
        on = [party for party, flag in zip(("hamas", "israel"), v.values, strict=False) if flag]
        found = by_hand(on)
        for s in v.standings:
            entry, done = found.target(f"{s.id}.entry"), found.target(f"{s.id}.completion")
            assert (s.verdict is gp.Verdict.MET) == entry.reachable
            assert ("completion reached" in s.status) == done.reachable
            assert ("entry stuck" in s.status) == (f"{s.id}.entry" in found.stuck)


def test_the_variants_amendment_applies_the_stated_conditions_of_the_parties_on() -> None:
    axes = axes_of(PLAN, POSITIONS)
    both = gp.amend(PLAN, gp.Amendment("x", "x", edits_of(PLAN, axes, (True, True))))
    assert (
        both.obligation("p13-decommission").trigger
        == under_positions(PLAN).obligation("p13-decommission").trigger
    )
    none = edits_of(PLAN, axes, (False, False))
    assert none == ()
    hamas = gp.amend(PLAN, gp.Amendment("x", "x", edits_of(PLAN, axes, (True, False))))
    assert hamas.obligation("p16-hand-over").trigger == PLAN.obligation("p16-hand-over").trigger
    assert (
        hamas.obligation("p13-decommission").trigger != PLAN.obligation("p13-decommission").trigger
    )


def test_a_stuck_phase_names_the_obligations_waiting_on_each_other(
    positions: SweepResult,
) -> None:
    for v in positions.variants:
        phase_two = v.standing("phase-2")
        if "completion stuck" in phase_two.status:
            assert {"p13-decommission", "p16-hand-over"} <= set(phase_two.waits_on)
        else:
            assert phase_two.waits_on == ()
    # the phases 1-2 model moves none of pa-reform's facts: stuck for that, not for a cycle
    for v in positions.variants:
        assert v.standing("pa-reform").waits_on == ()
    text = positions.explain()
    assert "explored from the bundled model's start" in text
    assert "wait on each other" in text
    assert "(p13-decommission)" in text


def test_rows_carry_the_waits_and_no_instant(positions: SweepResult) -> None:
    rows = positions.rows()
    assert set(rows[0]) == set(positions.columns())
    assert positions.columns()[-1] == "waits_on"
    assert {r["kind"] for r in rows} == {"phase"}
    assert all(r["instant"] is None and r["lateness"] is None for r in rows)
    assert len(rows) == len(positions.variants) * len(PLAN.phases)
    assert positions.judgement == "exploration"


def test_the_model_is_swept_too() -> None:
    result = gp.sweep(PLAN, {"model.living": [0, 1], "model.deceased": [0]}, explore=True)
    for v in result.variants:
        assert v.standings == explored(PLAN, v.values[0], v.values[1])
    assert MODEL_PATHS == {"model.living": 20, "model.deceased": 28, "model.whole_plan": False}


def test_an_executor_gives_the_same_variants(positions: SweepResult) -> None:
    with ThreadPoolExecutor(2) as pool:
        again = gp.sweep(PLAN, {**POSITIONS, **SMALL}, explore=True, executor=pool)
    assert again == positions


def test_the_command_line_reads_on_and_off() -> None:
    assert parse_axis(PLAN, "position.hamas=on,off") == ("position.hamas", ("on", "off"))
    axes = axes_of(PLAN, {"position.hamas": ("on", "off")})
    assert axes[0].values == (True, False)
    assert [axes[0].label(v) for v in axes[0].values] == ["on", "off"]


@pytest.mark.parametrize(
    ("grid", "kwargs", "where", "words"),
    [
        ({"position.us": [True]}, {"explore": True}, "grid['position.us']", "states a condition"),
        ({"position.hamas": ["maybe"]}, {"explore": True}, "grid['position.hamas']", "on or off"),
        ({"model.living": [-1]}, {"explore": True}, "grid['model.living']", "0 or more"),
        ({"model.living": [True]}, {"explore": True}, "grid['model.living']", "whole number"),
        ({"model.whole_plan": [2]}, {"explore": True}, "grid['model.whole_plan']", "on or off"),
        ({"model.living": [1]}, {"timeline": gp.timeline()}, "grid['model.living']", "explore"),
        (POSITIONS, {"explore": True, "timeline": gp.timeline()}, "sweep(timeline=)", "replays"),
        (POSITIONS, {"explore": "yes"}, "sweep(explore=)", "True or False"),
        (POSITIONS, {}, "sweep(timeline=)", "explore=True"),
    ],
)
def test_bad_input_is_refused_naming_the_place(
    grid: dict[str, list[object]], kwargs: dict[str, object], where: str, words: str
) -> None:
    with pytest.raises(InvalidValueError) as e:
        gp.sweep(PLAN, grid, **kwargs)  # type: ignore[arg-type]
    assert e.value.where == where
    assert words in str(e.value)
