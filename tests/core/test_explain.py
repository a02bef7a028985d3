"""Explanations say what the condition says: negations kept, unknown operands named, plain words."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

import gazaplan as gp
from gazaplan.core.explain import describe, duration, plural, summary

from ..support.strategies import PLAN, T0, conditions, states

H = dt.timedelta(hours=1)
LATEST = gp.plan()


def test_a_negated_requirement_is_stated_negated() -> None:
    state = gp.State.initial(LATEST).updated(
        {"response.israel": gp.Response.ACCEPTED, "response.hamas": gp.Response.ACCEPTED}
    )
    text = gp.check_phase(LATEST, "phase-2", state).explain()
    line = next(x for x in text.splitlines() if "annexed" in x and x.strip().startswith("-"))
    assert "needs no" in line
    assert "must not hold" in line
    assert "needs yes" not in line


def test_the_isf_holding_ground_needs_more_than_nothing() -> None:
    state = gp.State.initial(PLAN).updated({"response.hamas": gp.Response.REJECTED})
    text = gp.check_phase(PLAN, "fallback-17", state).explain()
    line = next(x for x in text.splitlines() if "isf_control_pct" in x)
    assert "needs more than 0" in line
    assert "at most" not in line


def test_an_unknown_operand_is_named_not_printed_as_unknown() -> None:
    cond = gp.AtLeast(
        "gazan_remains_returned",
        gp.Times(gp.Term("exchange.remains_ratio"), "israeli_hostage_remains_returned"),
    )
    state = gp.State.from_facts({"gazan_remains_returned": 10})
    text = describe(gp.evaluate(cond, state, plan=PLAN))
    assert "needs at least unknown" not in text
    assert "exchange.remains_ratio x israeli_hostage_remains_returned, which is not known" in text


def test_every_kind_of_leaf_negates() -> None:
    state = gp.State.from_facts(
        {"hostages_living_returned": 3, "rafah_crossing": gp.Crossing.CLOSED}
    )
    pairs: dict[gp.Condition, tuple[str, str]] = {
        gp.AtLeast("hostages_living_returned", 5): ("at least 5", "less than 5"),
        gp.AtMost("hostages_living_returned", 5): ("at most 5", "more than 5"),
        gp.Equals("rafah_crossing", gp.Crossing.BOTH_WAYS): (
            "needs open both ways",
            "needs anything but open both ways",
        ),
        gp.OneOf("idf_line", frozenset({"yellow"})): ("one of: yellow", "none of: yellow"),
        gp.Known("ceasefire_in_force"): ("needs it known", "needs it not known"),
    }
    for cond, (plain, negated) in pairs.items():
        ev = gp.evaluate(cond, state)
        assert plain in describe(ev)
        assert negated in describe(ev, negated=True)


def _leaves_with_polarity(
    ev: gp.Evaluation, negated: bool = False, at: tuple[int, ...] = ()
) -> list[tuple[tuple[int, ...], gp.Evaluation, bool]]:
    if isinstance(ev.condition, gp.Not):
        return _leaves_with_polarity(ev.children[0], not negated, (*at, 0))
    if ev.children:
        out = []
        for i, c in enumerate(ev.children):
            out += _leaves_with_polarity(c, negated, (*at, i))
        return out
    return [(at, ev, negated)]


@given(conditions(), states())
def test_a_condition_and_its_negation_never_state_the_same_requirement(
    cond: gp.Condition, state: gp.State
) -> None:
    plain = {b.position: summary(b) for b in gp.evaluate(cond, state).blockers()}
    negated = {b.position[1:]: summary(b) for b in gp.evaluate(gp.Not(cond), state).blockers()}
    for position in plain.keys() & negated.keys():
        assert plain[position] != negated[position]
    # Every leaf, whether it blocks or not, is worded differently under each polarity.
    for _, leaf, polarity in _leaves_with_polarity(gp.evaluate(cond, state)):
        assert describe(leaf, negated=polarity) != describe(leaf, negated=not polarity)


def test_blocker_positions_lead_to_their_leaf() -> None:
    state = gp.State.initial(PLAN)
    ev = gp.check_phase(PLAN, "phase-2", state).completion
    for b in ev.blockers():
        node = ev
        for i in b.position:
            node = node.children[i]
        assert node is b.evaluation


def test_plain_words_for_counts_and_durations() -> None:
    assert plural(1, "phase") == "1 phase"
    assert plural(2, "phase") == "2 phases"
    assert plural(2, "party", "parties") == "2 parties"
    assert duration(dt.timedelta(days=104, hours=12)) == "104 days 12 hours"
    assert duration(dt.timedelta(hours=1, minutes=5)) == "1 hour 5 minutes"
    assert duration(dt.timedelta(seconds=30)) == "30 seconds"
    egypt = gp.plan("2025-10-09")
    text = gp.compliance(egypt, gp.timeline()).explain()
    assert ", 12:00:00" not in text
    assert "days" in text


def test_an_unknown_party_is_named_in_the_singular() -> None:
    with pytest.raises(gp.UnknownPartyError) as caught:
        PLAN.party("hamaz")
    assert "unknown party 'hamaz'" in str(caught.value)
    assert "partie " not in str(caught.value)


def test_a_comparison_says_one_phase_not_phases() -> None:
    variant = gp.amend(
        PLAN,
        gp.SetTerm("exchange.remains_ratio", gp.Sourced(1, PLAN.exchange.remains_ratio.sources)),
    )
    text = gp.compare(PLAN, variant, gp.timeline()).explain()
    assert "(s)" not in text


def test_a_day_precision_deadline_reads_the_same_in_due_and_reason() -> None:
    accepted = [
        gp.Event("a", T0, gp.Responded("israel", gp.Response.ACCEPTED), precision=gp.Precision.DAY),
        gp.Event("b", T0, gp.Responded("hamas", gp.Response.ACCEPTED), precision=gp.Precision.DAY),
    ]
    fresh = gp.State.initial(PLAN).updated({"response.israel": gp.Response.NO_RESPONSE})
    late = [*accepted, gp.Event("c", T0 + 200 * H, gp.HostagesReleased(20))]
    tl = gp.Timeline(tuple(late))
    item = gp.compliance(PLAN, tl, at=T0 + 300 * H, start=fresh).get("p4-return-hostages")
    assert item.due is not None
    assert item.due_latest == item.due + dt.timedelta(days=1)
    assert f"{item.due:%Y-%m-%d %H:%M}" in item.reason
    assert f"{item.due_latest:%Y-%m-%d %H:%M}" in item.reason
    overdue = gp.compliance(PLAN, gp.Timeline(tuple(accepted)), at=T0 + 300 * H, start=fresh)
    reason = overdue.get("p4-return-hostages").reason
    assert reason.startswith("overdue by at least")
    assert f"{item.due:%Y-%m-%d %H:%M}" in reason
    exact = gp.Timeline(tuple(attrs.evolve(e, precision=gp.Precision.INSTANT) for e in late))
    on_instant = gp.compliance(PLAN, exact, at=T0 + 300 * H, start=fresh).get("p4-return-hostages")
    assert on_instant.due_latest == on_instant.due
    assert "between" not in on_instant.reason
