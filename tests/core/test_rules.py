"""check_phase / check_plan: verdicts, blockers, obligations and explanations."""

from __future__ import annotations

import pytest

import gazaplan as gp

PLAN = gp.plan("2025-09-29")
START = gp.State.initial(PLAN)
MET, UNMET, UNK = gp.Verdict.MET, gp.Verdict.UNMET, gp.Verdict.UNKNOWN


def test_unknown_phase_lists_known_ids() -> None:
    with pytest.raises(gp.UnknownPhaseError) as info:
        gp.check_phase(PLAN, "phase-3", START)
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, gp.GazaplanError)
    assert "'phase-1'" in str(info.value)
    assert "'perimeter'" in str(info.value)
    assert info.value.id == "phase-3"


def test_blockers_are_listed_apart() -> None:
    s = START.updated({"response.hamas": gp.UNKNOWN})
    r = gp.check_phase(PLAN, "phase-1", s)
    assert r.verdict is UNK
    assert r.unmet == ()
    assert [b.evaluation.readings[0].fact for b in r.unknown] == ["response.hamas"]
    r2 = gp.check_phase(PLAN, "phase-1", START)
    assert [b.evaluation.readings[0].fact for b in r2.unmet] == ["response.hamas"]
    assert 3 in r2.provisions


def test_explain_names_points_and_values() -> None:
    text = gp.check_phase(PLAN, "phase-1", START).explain()
    assert "Why not (unmet):" in text
    assert "response.hamas is no response; needs accepted (point 3)" in text
    assert "p4-return-hostages (point 4)" in text


def test_obligation_statuses() -> None:
    both = START.updated({"response.hamas": gp.Response.ACCEPTED})
    report = gp.check_plan(PLAN, both)
    status = {o.obligation.id: o.status for o in report.obligations}
    assert status["p3-withdraw-to-first-line"] is gp.ObligationStatus.PENDING
    assert status["p5-release-prisoners"] is gp.ObligationStatus.NOT_TRIGGERED
    assert status["p7-full-aid"] is gp.ObligationStatus.UNKNOWN  # aid volume unknown
    assert status["p5-return-remains"] is gp.ObligationStatus.NOT_TRIGGERED  # nothing owed yet


def test_fulfilled_before_the_trigger_is_reported_as_early() -> None:
    """Israel freed the prisoners before all remains were back [R11]."""
    s = START.updated(
        {
            "response.hamas": gp.Response.ACCEPTED,
            "hostages_living_returned": 20,
            "hostages_deceased_returned": 4,
            "life_sentence_prisoners_released": 250,
            "gaza_detainees_released": 1718,
            "detained_women_children_released": True,
        }
    )
    o = next(
        o for o in gp.check_plan(PLAN, s).obligations if o.obligation.id == "p5-release-prisoners"
    )
    assert o.status is gp.ObligationStatus.FULFILLED
    assert o.early
    assert "before its trigger was met" in o.explain()


def test_state_naming_unknown_party_or_line_is_refused() -> None:
    with pytest.raises(gp.UnknownPartyError, match=r"State\.responses"):
        gp.check_plan(PLAN, START.updated({"response.hezbollah": gp.Response.ACCEPTED}))
    with pytest.raises(gp.UnknownIdError, match="withdrawal line"):
        gp.check_phase(PLAN, "phase-1", START.updated({"idf_line": "blue"}))


def test_verdicts_without_trace_match() -> None:
    both = START.updated({"response.hamas": gp.Response.ACCEPTED})
    full = gp.check_plan(PLAN, both)
    fast = gp.check_plan(PLAN, both, trace=False)
    assert [r.verdict for r in fast.phases] == [r.verdict for r in full.phases]
    assert [o.status for o in fast.obligations] == [o.status for o in full.obligations]


def test_plan_report_summary() -> None:
    text = gp.check_plan(PLAN, START).explain()
    for phase in PLAN.phases:
        assert phase.id in text
    assert "Obligations:" in text
    with pytest.raises(KeyError):
        gp.check_plan(PLAN, START).phase("phase-9")


def test_reports_act_as_collections_keyed_by_id() -> None:
    plan = gp.plan()
    report = gp.check_plan(plan, gp.State.initial(plan))
    assert len(report) == len(plan.phases)
    assert [r.phase.id for r in report] == [p.id for p in plan.phases]
    assert report["phase-1"] is report.phase("phase-1")
    assert "phase-1" in report
    assert "phase-9" not in report
    with pytest.raises(gp.UnknownIdError, match="phase-9"):
        report["phase-9"]
    phase = report["phase-1"]
    first = phase.obligations[0]
    assert len(phase) == len(phase.obligations)
    assert phase[first.obligation.id] is first
    assert list(phase) == list(phase.obligations)
    with pytest.raises(gp.UnknownIdError, match="no-such"):
        phase["no-such"]
    comp = gp.compliance(plan, gp.timeline())
    assert len(comp) == len(comp.items)
    assert list(comp) == list(comp.items)
    item = comp.items[0]
    assert comp[item.obligation.id] is item
    assert item.obligation.id in comp
    with pytest.raises(gp.UnknownIdError):
        comp["no-such"]


def test_every_result_explains_itself() -> None:
    plan = gp.plan()
    state = gp.replay(plan, gp.timeline())
    ev = gp.evaluate(plan.phase("phase-2").entry, state, plan=plan)
    text = ev.explain()
    assert text.splitlines()[0].startswith(f"[{ev.verdict}]")
    assert len(text.splitlines()) == sum(1 for _ in ev.walk())
    comp = gp.compliance(plan, gp.timeline())
    item = comp.items[0]
    assert item.reason in item.explain()
    assert item.explain().splitlines()[0] in comp.explain()
