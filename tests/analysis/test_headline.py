"""The headline: where the plan stands, every figure from the one report it is made from."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.analysis.headline import Headline, headline_of, sequence, status
from gazaplan.core.words import party_name
from gazaplan.exceptions import GazaplanError
from gazaplan.time.compliance import ComplianceStatus

VERSIONS = gp.plan_versions()
TIMELINE = gp.timeline()


def _edge() -> dt.datetime:
    edge = TIMELINE.data_as_of
    assert edge is not None  # the bundled timeline has an edge
    return edge


EDGE = _edge()


def test_the_main_sequence_is_read_from_the_plan_structure() -> None:
    plan = VERSIONS[-1]
    assert sequence(plan) == ("phase-1", "phase-2", "perimeter")


def test_at_the_data_edge_the_plan_is_in_phase_2_since_its_launch() -> None:
    h = status(VERSIONS, TIMELINE)
    r = gp.report(VERSIONS, TIMELINE)
    assert h.phase_id == "phase-2"
    assert r.phases.phase("phase-2").verdict is gp.Verdict.MET
    assert r.phases.phase("perimeter").verdict is not gp.Verdict.MET
    assert h.since is not None
    launch = [e for e in TIMELINE.events if e.id in h.since_events]
    assert launch
    assert all(e.at == h.since for e in launch)
    assert h.next_target == "phase-2.completion"
    assert h.next_verdict is r.phases.phase("phase-2").completion.verdict


def test_every_figure_is_the_reports() -> None:
    r = gp.report(VERSIONS, TIMELINE)
    h = headline_of(r)
    assert h.counts == {str(k): n for k, n in r.counts().items()}
    assert h.obligations == len(r.compliance.items) == sum(h.counts.values())
    assert h.unknown == r.counts().get(ComplianceStatus.UNKNOWN, 0)
    news = {ComplianceStatus.BREACHED, ComplianceStatus.OVERDUE}
    assert {s.obligation_id for s in h.standing} == {
        c.obligation.id for c in r.compliance.items if c.status in news
    }
    assert h.version == r.version
    assert h.at == r.at
    assert h.data_as_of == r.data_as_of


def test_the_text_names_parties_by_name_and_says_how_far_the_data_reach() -> None:
    h = status(VERSIONS, TIMELINE)
    text = h.explain()
    plan = VERSIONS[-1]
    for party in h.vetoes:
        assert party_name(plan, party) in text
    assert "the data reach 9 October 2026" in text
    assert "phase 2's completion" in text
    assert "phase-2" not in text  # ids stay in JSON


def test_an_overdue_obligation_leads_with_since_when() -> None:
    h = status(VERSIONS, TIMELINE, at="2025-12-01")
    r = gp.report(VERSIONS, TIMELINE, at="2025-12-01")
    overdue = [c for c in r.compliance.items if c.status is ComplianceStatus.OVERDUE]
    assert overdue, "the bundled data have an obligation overdue on 1 December 2025"
    assert [s.obligation_id for s in h.standing] == [c.obligation.id for c in overdue]
    first = h.standing[0]
    assert first.since is not None
    assert first.since <= h.at
    assert f"overdue: {first.summary} (since" in h.explain()


def test_before_phase_one_no_phase_has_begun() -> None:
    h = status(VERSIONS, TIMELINE, at="2025-10-01")
    assert h.phase_id is None
    assert h.next_target == "phase-1.entry"
    assert "none begun" in h.explain()


def test_past_the_edge_the_headline_says_so() -> None:
    later = EDGE + dt.timedelta(days=30)
    h = status(VERSIONS, TIMELINE, at=later)
    assert h.beyond_data
    assert "this is past them" in h.explain()


def test_a_report_without_its_plan_is_refused_with_the_fix() -> None:
    r = gp.report(VERSIONS, TIMELINE)
    stripped = attrs.evolve(r, plans=())
    with pytest.raises(GazaplanError, match=r"gazaplan\.report\(plan, timeline\)"):
        headline_of(stripped)


def test_wrong_types_are_refused_at_the_door() -> None:
    with pytest.raises(GazaplanError, match="status"):
        status("2026-08-09", TIMELINE)  # type: ignore[arg-type]


DAYS = (EDGE - dt.datetime(2025, 10, 1, tzinfo=EDGE.tzinfo)).days


@settings(max_examples=12, deadline=None)
@given(st.integers(min_value=0, max_value=DAYS))
def test_at_any_day_the_headline_and_report_agree(day: int) -> None:
    at = dt.datetime(2025, 10, 1, 12, tzinfo=EDGE.tzinfo) + dt.timedelta(days=day)
    r = gp.report(VERSIONS, TIMELINE, at=at)
    h = headline_of(r)
    assert isinstance(h, Headline)
    assert h.counts == {str(k): n for k, n in r.counts().items()}
    if h.phase_id is not None:
        assert r.phases.phase(h.phase_id).verdict is gp.Verdict.MET
        assert h.since is None or h.since <= at
    later = sequence(VERSIONS[-1])
    if h.phase_id is not None:
        after = later[later.index(h.phase_id) + 1 :]
        assert all(r.phases.phase(p).verdict is not gp.Verdict.MET for p in after)
