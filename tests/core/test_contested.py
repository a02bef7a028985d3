"""Contested facts: every claim kept; a rule gives the verdict all claims agree on, else UNKNOWN."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp

from ..support.strategies import PLAN, T0

YELLOW = PLAN.line("yellow")
SHARE = gp.Contested(tuple(c for c in YELLOW.israeli_share if c.claimed_by != "The Guardian"))
STATE = gp.State(israeli_control_pct=SHARE)
MET, UNMET, UNK = gp.Verdict.MET, gp.Verdict.UNMET, gp.Verdict.UNKNOWN


def test_claims_that_agree_decide_and_claims_that_differ_do_not() -> None:
    assert gp.evaluate(gp.AtLeast("israeli_control_pct", 50), STATE).verdict is MET  # 53 and 58
    assert gp.evaluate(gp.AtMost("israeli_control_pct", 40), STATE).verdict is UNMET
    assert gp.evaluate(gp.AtMost("israeli_control_pct", 55), STATE).verdict is UNK  # 53 yes, 58 no
    assert (
        gp.evaluate(gp.Known("israeli_control_pct"), STATE).verdict is MET
    )  # reported, if disputed


def test_fast_and_traced_paths_agree_and_the_trace_shows_the_claims() -> None:
    cond = gp.AtMost("israeli_control_pct", 55, point=16)
    assert gp.evaluate(cond, STATE, trace=False).verdict is UNK
    ev = gp.evaluate(cond, STATE)
    assert ev.verdict is UNK
    (reading,) = ev.readings
    assert reading.value == SHARE
    text = gp.explain.describe(ev)
    assert "53 per Israeli officials" in text
    assert "58 per Al Jazeera's Sanad unit" in text


def test_a_contested_fact_needs_two_different_values() -> None:
    with pytest.raises(gp.InvalidValueError, match="at least two claims"):
        gp.Contested((SHARE.claims[0],))
    bad = gp.Contested((SHARE.claims[0], gp.Claim(140.0, "nobody", SHARE.claims[0].sources)))
    with pytest.raises(gp.InvalidValueError, match=r"State\.israeli_control_pct"):
        gp.State(israeli_control_pct=bad)


def test_counts_move_claim_by_claim() -> None:
    sources = PLAN.exchange.hostages_living.sources
    alive = gp.Contested((gp.Claim(20, "source A", sources), gp.Claim(19, "source B", sources)))
    s = gp.State(hostages_living_at_start=alive, hostages_living_returned=0)
    after = gp.apply(s, gp.Event("e", T0, gp.HostagesReleased(5)))
    assert after.hostages_living_returned == 5
    assert after.hostages_living_held is gp.UNKNOWN  # derived from a contested count


@given(st.floats(0, 100), st.floats(0, 100), st.floats(0, 100))
def test_verdict_on_contested_is_the_agreement_of_the_claims(
    a: float, b: float, threshold: float
) -> None:
    if a == b:
        return
    sources = SHARE.claims[0].sources
    value = gp.Contested((gp.Claim(a, "x", sources), gp.Claim(b, "y", sources)))
    cond = gp.AtLeast("israeli_control_pct", threshold)
    one = gp.evaluate(cond, gp.State(israeli_control_pct=a)).verdict
    two = gp.evaluate(cond, gp.State(israeli_control_pct=b)).verdict
    expected = one if one is two else UNK
    assert gp.evaluate(cond, gp.State(israeli_control_pct=value)).verdict is expected
    assert gp.evaluate(cond, gp.State(israeli_control_pct=value), trace=False).verdict is expected


def test_reported_as_an_event() -> None:
    tl = gp.Timeline(
        (
            gp.Event(
                "share",
                T0 + dt.timedelta(days=11),
                gp.FactsReported({"israeli_control_pct": SHARE}),
            ),
        )
    )
    assert gp.replay(PLAN, tl).israeli_control_pct == SHARE
