"""Amendments, diff and compare: what-if variants of the plan."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp

from ..support.strategies import PLAN, T0, timelines

H = dt.timedelta(hours=1)
SOURCES = PLAN.exchange.remains_ratio.sources
RATIO_10 = gp.SetTerm("exchange.remains_ratio", gp.Sourced(10, SOURCES))


def exchange_timeline() -> gp.Timeline:
    return gp.Timeline(
        (
            gp.Event("a", T0, gp.Responded("hamas", gp.Response.ACCEPTED)),
            gp.Event("b", T0 + H, gp.RemainsReturned(2, israeli=2)),
            gp.Event("c", T0 + 2 * H, gp.GazanRemainsReturned(20)),
        )
    )


def test_a_term_change_flows_into_every_rule() -> None:
    variant = gp.amend(PLAN, RATIO_10)
    assert variant.term("exchange.remains_ratio").value == 10
    assert PLAN.term("exchange.remains_ratio").value == 15  # untouched
    assert variant.version == "2025-09-29+what-if"
    assert variant.amendments[-1].edits == (RATIO_10,)
    d = gp.diff(PLAN, variant)
    assert [x.key for x in d.differences if x.kind == "term"] == ["exchange.remains_ratio"]
    c = gp.compare(PLAN, variant, exchange_timeline())
    (pair,) = [p for p in c.obligations if (p[0] or p[1]).obligation.id == "p5-return-remains"]  # type: ignore[union-attr]
    assert pair[0] is not None
    assert pair[1] is not None
    assert pair[0].status is gp.ComplianceStatus.PARTLY_FULFILLED  # 20 of 30 owed
    assert pair[1].status is gp.ComplianceStatus.FULFILLED  # 20 of 20 owed
    assert "p5-return-remains" in c.explain()


def test_no_change_means_no_difference() -> None:
    same = gp.amend(PLAN)
    assert same == PLAN
    assert gp.diff(PLAN, same).is_empty
    assert gp.compare(PLAN, same, exchange_timeline()).is_empty
    assert "no differences" in gp.diff(PLAN, same).explain()


def test_diff_is_empty_only_for_equal_plans() -> None:
    renamed = gp.amend(PLAN, gp.Amendment("x", "a new name only", ()))
    assert renamed != PLAN
    assert not gp.diff(PLAN, renamed).is_empty


def test_edits_of_every_kind() -> None:
    ob = PLAN.obligation("p12-free-movement")
    variant = gp.amend(
        PLAN,
        gp.SetDeadline("p5-release-prisoners", gp.Deadline(24)),
        gp.SetCondition("phase-2.entry", gp.Equals("ceasefire_in_force", True, point=3)),
        gp.SetCondition("p7-full-aid.trigger", gp.Equals("ceasefire_in_force", True, point=7)),
        gp.DropObligation("p12-free-movement"),
        gp.AddObligation("phase-1", attrs.evolve(ob, id="p12-copy")),
        gp.AddPosition(gp.Position("hamas", "A what-if position.", SOURCES)),
    )
    d = {(x.kind, x.key) for x in gp.diff(PLAN, variant).differences}
    assert ("obligation", "p5-release-prisoners.deadline") in d
    assert ("condition", "phase 'phase-2' entry") in d
    assert ("condition", "obligation 'p7-full-aid' trigger") in d
    assert ("obligation", "p12-free-movement") in d
    assert ("obligation", "p12-copy") in d
    assert ("position", "hamas") in d


def test_bad_edits_are_refused_with_hints() -> None:
    with pytest.raises(gp.UnknownTermError, match=r"exchange\.remains_ratio"):
        gp.amend(PLAN, gp.SetTerm("exchange.remains_ration", gp.Sourced(10, SOURCES)))
    with pytest.raises(gp.UnknownIdError, match="p5-release-prisoners"):
        gp.amend(PLAN, gp.DropObligation("p5-release-prisoner"))
    with pytest.raises(gp.InvalidValueError, match=r"entry\|completion\|trigger"):
        gp.amend(PLAN, gp.SetCondition("phase-1.start", gp.Known("idf_line")))
    with pytest.raises(gp.UnknownPartyError):
        gp.amend(
            PLAN,
            gp.SetCondition("phase-1.entry", gp.Equals("response.nobody", gp.Response.ACCEPTED)),
        )


@given(timelines(max_size=8))
def test_an_unchanged_variant_compares_equal_on_any_timeline(tl: gp.Timeline) -> None:
    assert gp.compare(PLAN, gp.amend(PLAN), tl).is_empty


def test_the_egypt_terms_are_an_amendment_over_the_published_text() -> None:
    egypt = gp.plan("2025-10-09")
    assert egypt.amendments[-1].version == "2025-10-09"
    assert egypt.amendments[-1].sources  # every change rests on a source
    assert egypt.date.isoformat() == "2025-10-09"
    assert egypt.start_date == PLAN.date  # the starting facts are still those at publication
    keys = {(d.kind, d.key) for d in gp.diff(PLAN, egypt).differences}
    assert ("obligation", "p3-withdraw-to-first-line.deadline") in keys
    assert ("obligation", "p4-return-hostages.deadline") in keys
    assert ("term", "aid.trucks_per_day") in keys


def test_the_hostage_clock_under_each_version() -> None:
    """Published text: 72 h from Israel's acceptance. Egypt terms: 72 h from the pull-back."""
    pullback = T0 + 200 * H
    tl = gp.Timeline(
        (
            gp.Event("a", T0 + 190 * H, gp.Responded("hamas", gp.Response.ACCEPTED)),
            gp.Event("b", pullback, gp.Redeployed("yellow")),
            gp.Event("c", pullback + 40 * H, gp.HostagesReleased(20)),
            gp.Event("d", pullback + 60 * H, gp.RemainsReturned(28, israeli=24)),
        )
    )
    at = pullback + 70 * H
    published = gp.compliance(PLAN, tl, at=at).get("p4-return-hostages")
    egypt = gp.compliance(gp.plan("2025-10-09"), tl, at=at).get("p4-return-hostages")
    assert published.status is gp.ComplianceStatus.FULFILLED_LATE
    assert egypt.status is gp.ComplianceStatus.FULFILLED_ON_TIME
    assert egypt.due == pullback + 72 * H


EDITS = [
    RATIO_10,
    gp.SetTerm("exchange.remains_ratio", gp.Sourced(15, SOURCES)),  # the same value: no change
    gp.SetDeadline("p5-release-prisoners", gp.Deadline(24)),
    gp.SetDeadline("p8-open-rafah", None),  # it has none already: no change
    gp.DropObligation("p12-free-movement"),
    gp.SetCondition("phase-2.entry", gp.Equals("ceasefire_in_force", True, point=3)),
]


@given(st.lists(st.sampled_from(EDITS), max_size=4, unique=True))
def test_diff_is_empty_exactly_when_the_plans_are_equal(edits: list[gp.Edit]) -> None:
    variant = gp.amend(PLAN, *edits, version=PLAN.version) if edits else PLAN
    same_content = attrs.evolve(variant, amendments=PLAN.amendments)
    assert gp.diff(PLAN, same_content).is_empty == (same_content == PLAN)
    assert gp.diff(PLAN, variant).is_empty == (variant == PLAN)


def test_amend_checks_the_final_plan_once_and_still_refuses_a_dangling_reference() -> None:
    # amend() checks references once, after its last edit: a dangling one is still refused, a
    # later plan built outside amend() is checked again, and an intermediate step may be
    # inconsistent as long as the result is not.
    bad = gp.SetCondition("phase-1.completion", gp.PhaseComplete("phase-9"))
    with pytest.raises(gp.UnknownIdError, match="phase-9"):
        gp.amend(PLAN, bad)
    with pytest.raises(gp.UnknownIdError, match="phase-9"):  # the deferral did not leak
        attrs.evolve(PLAN, phases=(attrs.evolve(PLAN.phase("phase-1"), completion=bad.condition),))
    mended = gp.SetCondition("phase-1.completion", PLAN.phase("phase-1").completion)
    assert gp.amend(PLAN, bad, mended).phase("phase-1") == PLAN.phase("phase-1")
