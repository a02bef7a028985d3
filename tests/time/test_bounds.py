"""What validates must not crash later: instants, durations and counts are bounded when read, deep
chains of phases are refused past a documented limit, and every id an event names is checked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

import gazaplan as gp
from gazaplan.core._checks import MAX_HOURS, MAX_NUMBER

from ..support.cli import run

PLAN = gp.plan("2025-09-29")
T = dt.datetime(2025, 10, 10, 12, tzinfo=dt.timezone(dt.timedelta(hours=3)))


def scenario(amendment: str = "", events: str = "") -> str:
    return f"""schema_version = 1
name = "edge"
version = "2025-09-29"
{amendment}
{events}
"""


DEADLINE = """
[[amendments]]
version = "what-if"
title = "a long window"

[[amendments.edits]]
kind = "set_deadline"
obligation = "p3-withdraw-to-first-line"

[amendments.edits.deadline]
hours = {hours}
"""

PRISONERS = """
[[timeline.events]]
id = "{id}"
at = {at}

[timeline.events.change]
kind = "prisoners_released"
life_sentence = {n}
"""


@pytest.mark.parametrize("hours", ["1000000000000", "1e300", "inf", "0", "-5"])
def test_a_huge_or_endless_deadline_is_refused_where_it_is_written(hours: str) -> None:
    text = scenario(DEADLINE.format(hours=hours))
    with pytest.raises(gp.ScenarioFormatError) as caught:
        gp.loads(text, gp.Scenario, format="toml")
    problem = caught.value.problems[0]
    assert problem.line == text.splitlines().index(f"hours = {hours}") + 1
    assert problem.path == "amendments[0].edits[0].deadline.hours"
    assert "number" in problem.message


def test_a_set_term_window_past_the_limit_is_refused() -> None:
    sources = PLAN.exchange.hostage_window_hours.sources
    for value in (MAX_HOURS + 1, 10**12):
        with pytest.raises(gp.GazaplanError, match="at most"):
            gp.amend(PLAN, gp.SetTerm("exchange.hostage_window_hours", gp.Sourced(value, sources)))


@pytest.mark.parametrize("at", ["9999-12-31T00:00:00+00:00", "0001-01-01T00:00:00+00:00"])
def test_an_event_out_of_the_calendar_is_refused_at_load(at: str) -> None:
    text = scenario(events=PRISONERS.format(id="e1", at=at, n=1))
    with pytest.raises(gp.ScenarioFormatError) as caught:
        gp.loads(text, gp.Scenario, format="toml")
    assert "timeline.events[0].at" in str(caught.value)
    assert "1900" in str(caught.value)


def test_deadlines_and_comparisons_take_finite_numbers_only() -> None:
    for hours in (float("inf"), float("nan"), 10**12, MAX_HOURS + 1):
        with pytest.raises(gp.InvalidValueError):
            gp.Deadline(hours=hours)
    assert gp.Deadline(hours=MAX_HOURS).hours == MAX_HOURS
    for value in (float("nan"), float("inf"), 10**5000, MAX_NUMBER + 1):
        with pytest.raises(gp.InvalidValueError):
            gp.AtLeast("hostages_held", value)
        with pytest.raises(gp.InvalidValueError):
            gp.Times(value, "israeli_hostage_remains_returned")


def test_the_longest_deadline_at_the_last_instant_is_judged() -> None:
    late = dt.datetime(2199, 12, 31, 23, tzinfo=dt.UTC)
    variant = gp.amend(
        PLAN,
        gp.Amendment(
            "long", "long", (gp.SetDeadline("p5-release-prisoners", gp.Deadline(MAX_HOURS)),)
        ),
    )
    events = [
        gp.Event(
            "a", late, gp.Responded("hamas", gp.Response.ACCEPTED), precision=gp.Precision.DAY
        ),
        gp.Event("b", late, gp.HostagesReleased(20)),
        gp.Event("c", late, gp.RemainsReturned(28, 24)),
    ]
    report = gp.compliance(variant, gp.Timeline(events), at=late)
    assert report.get("p5-release-prisoners").due is not None
    gp.html_report(variant, gp.Timeline(events), at=late)


def test_huge_counts_are_refused_with_a_message_that_prints() -> None:
    for build in (
        lambda: gp.HostagesReleased(living=-(10**5000)),
        lambda: gp.PrisonersReleased(life_sentence=9 * 10**4299),
        lambda: gp.State().updated({"gaza_detainees_released": 10**5000}),
        lambda: gp.FactExpectation(T, "hostages_held", 10**5000),
    ):
        with pytest.raises(gp.InvalidValueError) as caught:
            build()
        text = str(caught.value)
        assert "digits" in text
        assert len(text) < 400
        repr(caught.value)


def test_two_large_releases_that_sum_past_the_limit_fail_at_validate(tmp_path: Path) -> None:
    n = MAX_NUMBER // 2 + 1
    events = PRISONERS.format(id="e1", at="2025-10-10T12:00:00+03:00", n=n) + PRISONERS.format(
        id="e2", at="2025-10-11T12:00:00+03:00", n=n
    )
    path = tmp_path / "big.toml"
    path.write_text(scenario(events=events), encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert code == 2
    assert "timeline.events[1]" in err
    assert "1,000,000,000" in err


def _chain(n: int) -> gp.Plan:
    p1 = PLAN.phase("phase-1")
    phases, prev = list(PLAN.phases), "phase-1"
    for i in range(n):
        done = gp.AllOf((gp.PhaseComplete(prev), gp.Equals("ceasefire_in_force", True)))
        phases.append(
            attrs.evolve(
                p1, id=f"c-{i}", obligations=(), entry=gp.PhaseComplete(prev), completion=done
            )
        )
        prev = f"c-{i}"
    return attrs.evolve(PLAN, phases=tuple(phases))


def test_a_long_chain_of_phases_is_refused_past_the_limit() -> None:
    with pytest.raises(gp.InvalidPlanError, match="limit is 100"):
        _chain(300)


def test_the_longest_allowed_chain_works_everywhere() -> None:
    longest = max(n for n in range(40, 60) if _fits(n))
    plan = _chain(longest)
    timeline = gp.timeline()
    report = gp.check_plan(plan, gp.replay(plan, timeline))
    report.explain()
    report.phases[-1]._repr_html_()
    report.phases[-1].completion.to_pandas()
    gp.compare(PLAN, plan, timeline).explain()
    gp.compliance(plan, timeline).explain()
    gp.html_report(plan, timeline, plots=False)
    assert gp.loads(gp.dumps(plan), gp.Plan) == plan


def _fits(n: int) -> bool:
    try:
        _chain(n)
    except gp.InvalidPlanError:
        return False
    return True


def test_many_phases_side_by_side_are_fine() -> None:
    p1 = PLAN.phase("phase-1")
    extra = [attrs.evolve(p1, id=f"x-{i}", obligations=()) for i in range(1500)]
    plan = attrs.evolve(PLAN, phases=(*PLAN.phases, *extra))
    assert len(gp.check_plan(plan, gp.State.initial(plan)).phases) == len(plan.phases)


def test_a_condition_nested_too_deep_is_refused_when_built() -> None:
    cond: gp.Condition = gp.Equals("ceasefire_in_force", True)
    for _ in range(gp.conditions.MAX_DEPTH - 1):
        cond = gp.Not(cond)
    assert gp.conditions.depth(cond) == gp.conditions.MAX_DEPTH
    gp.evaluate(cond, gp.State())
    with pytest.raises(gp.InvalidValueError, match="at most 100 levels"):
        gp.Not(cond)


@pytest.mark.parametrize(
    "change",
    [
        gp.ViolationAlleged("israel", "hamaz", "said"),
        gp.ViolationAlleged("isreal", "hamas", "said"),
        gp.ResolutionAdopted("un-sc", "2803"),
        gp.Responded("hamaz", gp.Response.ACCEPTED),
        gp.BodyEstablished("board-of-peaze"),
    ],
)
def test_every_id_an_event_names_is_checked(change: gp.Change, tmp_path: Path) -> None:
    event = gp.Event("e1", T, change)
    with pytest.raises(gp.InvalidEventError, match=r"Did you mean|no party"):
        gp.replay(PLAN, gp.Timeline([event]))
    path = tmp_path / "timeline.json"
    gp.dump(gp.Timeline([event]), path)
    code, _, err = run("validate", str(path))
    assert code == 2
    assert "events[0]" in err
    code, _, _ = run("report", "--timeline", str(path))
    assert code == 2
