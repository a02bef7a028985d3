"""Verdicts over time and when a target was first MET (gazaplan.analysis)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings

import gazaplan as gp
import gazaplan.strategies as gst

PLAN = gp.plan("2025-09-29")
LATEST = gp.plan()
TL = gp.timeline()


def test_phase_two_opened_with_its_launch() -> None:
    met = gp.first_met(LATEST, TL, "phase-2")
    assert met.at is not None
    assert met.at.date() == dt.date(2026, 1, 14)  # the launch [TL-2026-01-14-1]
    assert "2026-01-14-phase-two" in met.events
    assert not met.at_start
    assert "first MET at 2026-01-14" in met.explain()
    signed = gp.first_met(gp.plan("2025-10-09"), TL, "phase-1.entry")
    assert signed.at is not None
    assert signed.at.date() == dt.date(2025, 10, 9)  # the text signed [TL-2025-10-09-1]
    never = gp.first_met(LATEST, TL, "phase-1.completion")
    assert not never.met
    assert never.unknown_before  # UNKNOWN since the last remains came back: maybe met, unshown
    assert "never MET" in never.explain()


def test_a_wrong_target_is_named() -> None:
    with pytest.raises(gp.UnknownPhaseError, match="phase-9"):
        gp.first_met(LATEST, TL, "phase-9")
    with pytest.raises(gp.InvalidValueError, match=r"phase-1\.completion"):
        gp.first_met(LATEST, TL, "phase-1.start")


def test_the_table_has_a_row_per_instant_and_phase() -> None:
    over = gp.verdicts_over_time(LATEST, TL)
    assert len(over.rows()) == len(over) * len(LATEST.phases)
    assert over.instants[0] is None
    assert sorted({e for ids in over.events for e in ids}) == sorted(e.id for e in TL)
    assert "phase-2: preconditions MET" in over.explain()
    frame = over.to_pandas()
    assert list(frame.columns) == ["at", "phase", "preconditions", "completion", "events"]


@settings(max_examples=40, deadline=None)
@given(gst.timelines(PLAN, max_size=10))
def test_each_instant_agrees_with_a_replay_and_first_met_with_the_table(tl: gp.Timeline) -> None:
    over = gp.verdicts_over_time(PLAN, tl)
    for i, at in enumerate(over.instants):
        state = gp.replay(PLAN, tl, at=at) if at is not None else gp.State.initial(PLAN)
        report = gp.check_plan(PLAN, state)
        assert over.entry[i] == tuple(p.verdict for p in report.phases)
        assert over.completion[i] == tuple(p.completion.verdict for p in report.phases)
    for phase in over.phases:
        met = gp.first_met(PLAN, tl, f"{phase}.completion")
        verdicts = over.verdict(phase, "completion")
        if met.met:
            k = 0 if met.at_start else over.instants.index(met.at)
            assert verdicts[k] is gp.Verdict.MET
            assert gp.Verdict.MET not in verdicts[:k]
        else:
            assert gp.Verdict.MET not in verdicts
        unknown = [
            at for at, v in zip(over.instants, verdicts, strict=True) if v is gp.Verdict.UNKNOWN
        ]
        assert list(met.unknown_before) == unknown[: len(met.unknown_before)]
