"""Plan construction checks every reference and refuses bad plans with a hint."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import gazaplan as gp

PLAN = gp.plan("2025-09-29")


def with_phase(**changes: Any) -> gp.Plan:
    phase1 = attrs.evolve(PLAN.phase("phase-1"), **changes)
    return attrs.evolve(PLAN, phases=(phase1, *PLAN.phases[1:]))


def test_unknown_party_in_a_condition() -> None:
    with pytest.raises(gp.UnknownPartyError) as info:
        with_phase(entry=gp.Equals("response.hamaz", gp.Response.ACCEPTED))
    msg = str(info.value)
    assert "phase 'phase-1' entry" in msg
    assert "'hamaz'" in msg
    assert "Did you mean 'hamas'" in msg


def test_unknown_party_as_obligor() -> None:
    ob = attrs.evolve(PLAN.phase("phase-1").obligations[0], obligors=("isreal",))
    with pytest.raises(gp.UnknownPartyError, match="Did you mean 'israel'"):
        with_phase(obligations=(ob,))


def test_unknown_phase_reference() -> None:
    with pytest.raises(gp.UnknownPhaseError, match="Did you mean 'phase-2'"):
        with_phase(entry=gp.PhaseComplete("phase2"))


def test_unknown_term() -> None:
    with pytest.raises(gp.UnknownTermError, match=r"exchange\.remains_ratio"):
        with_phase(entry=gp.AtLeast("gazan_remains_returned", gp.Term("exchange.remain_ratio")))


def test_unknown_line() -> None:
    with pytest.raises(gp.UnknownIdError, match="Did you mean 'yellow'"):
        with_phase(entry=gp.Equals("idf_line", "yelow"))


def test_provision_numbers() -> None:
    with pytest.raises(gp.InvalidValueError, match="points 1 to 20"):
        attrs.evolve(PLAN.provision(3), number=21)
    with pytest.raises(gp.UnknownIdError, match="provision"):
        attrs.evolve(PLAN, provisions=PLAN.provisions[:-1])  # point 20 is cited but gone


def test_phase_cycles_are_refused() -> None:
    p1 = attrs.evolve(PLAN.phase("phase-1"), completion=gp.PhaseComplete("phase-2"))
    p2 = attrs.evolve(PLAN.phase("phase-2"), completion=gp.PhaseComplete("phase-1"))
    with pytest.raises(gp.InvalidPlanError, match="phase-1 -> phase-2 -> phase-1"):
        attrs.evolve(PLAN, phases=(p1, p2, *PLAN.phases[2:]))


def test_duplicate_ids() -> None:
    with pytest.raises(gp.InvalidValueError, match="share this id"):
        attrs.evolve(PLAN, phases=(*PLAN.phases, PLAN.phases[0]))


def test_bad_initial_fact() -> None:
    bad = gp.InitialFact("hostages_living_returned", -2, PLAN.initial_facts[0].sources)
    with pytest.raises(gp.InvalidValueError, match=r"State\.hostages_living_returned"):
        attrs.evolve(PLAN, initial_facts=(*PLAN.initial_facts, bad))


def test_lookups_raise_key_errors_listing_ids() -> None:
    with pytest.raises(KeyError):
        PLAN.phase("phase-9")
    with pytest.raises(gp.UnknownPartyError, match="Known parties"):
        PLAN.party("nobody")
    with pytest.raises(gp.UnknownTermError):
        PLAN.term("exchange")


def test_terms_resolve_by_path() -> None:
    assert PLAN.term("exchange.remains_ratio").value == 15
    assert set(PLAN.term_paths()) >= {"exchange.remains_ratio", "aid.trucks_per_day"}
    assert PLAN.lines_from("second") == {"second", "perimeter", "full"}


def test_a_variant_is_a_derived_plan() -> None:
    variant = attrs.evolve(
        PLAN,
        exchange=attrs.evolve(
            PLAN.exchange, remains_ratio=gp.Sourced(10, PLAN.exchange.remains_ratio.sources)
        ),
    )
    s = gp.State.initial(PLAN).updated(
        {
            "hostages_deceased_returned": 2,
            "israeli_hostage_remains_returned": 2,
            "gazan_remains_returned": 20,
        }
    )
    cond = PLAN.obligation("p5-return-remains").completion
    assert gp.evaluate(cond, s, plan=PLAN).verdict is gp.Verdict.UNMET  # 15 x 2 = 30 owed
    assert gp.evaluate(cond, s, plan=variant).verdict is gp.Verdict.MET  # 10 x 2 = 20 owed
    assert PLAN.term("exchange.remains_ratio").value == 15  # the original is untouched


def test_the_plans_local_day_is_the_plans_not_the_engines() -> None:
    import datetime as dt

    plan = gp.plan("2025-09-29")
    assert plan.origin == dt.datetime(2025, 9, 29, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    utc = attrs.evolve(plan, utc_offset_hours=0)
    assert utc.origin - plan.origin == dt.timedelta(hours=3)
    assert gp.loads(gp.dumps(plan), gp.Plan).utc_offset_hours == 3
    bad: object
    for bad in (15, -13, 2.5, True):
        with pytest.raises(gp.InvalidValueError, match="UTC offset"):
            attrs.evolve(plan, utc_offset_hours=bad)  # type: ignore[arg-type]
