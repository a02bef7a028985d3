"""The version in force at each instant, and the data's edge."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import gazaplan as gp
from gazaplan.core.amendments import Amendment, DropObligation
from gazaplan.core.facts import Floor
from gazaplan.time.histories import EDGE_ID, edge_facts

from ..support.strategies import PLAN, T0

S = gp.ComplianceStatus
MET, UNMET, UNK = gp.Verdict.MET, gp.Verdict.UNMET, gp.Verdict.UNKNOWN
IDT = dt.timezone(dt.timedelta(hours=3))
TL = gp.timeline()


def _edge() -> dt.datetime:
    assert TL.data_as_of is not None
    return TL.data_as_of


EDGE = _edge()


@pytest.mark.parametrize(
    ("at", "version"),
    [
        ("2025-09-29", "2025-09-29"),
        ("2025-10-08", "2025-09-29"),
        ("2025-10-09", "2025-10-09"),
        ("2025-11-01", "2025-10-09"),
        (dt.date(2026, 5, 20), "2026-01-14"),
        (dt.datetime(2026, 5, 21, 0, 0, tzinfo=IDT), "2026-05-21"),
        ("2026-12-01T12:00", "2026-08-09"),
    ],
)
def test_the_version_in_force(at: object, version: str) -> None:
    assert gp.plan(at=at).version == version  # type: ignore[arg-type]
    when = gp.plan(at=at).in_force  # type: ignore[arg-type]
    assert when <= gp.compliance(gp.plan_versions(), TL, at=at).at  # type: ignore[arg-type]
    assert gp.compliance(gp.plan_versions(), TL, at=at).version == version  # type: ignore[arg-type]


def test_each_version_took_effect_at_a_sourced_instant_in_order() -> None:
    plans = gp.plan_versions()
    assert [p.version for p in plans] == list(gp.versions())
    assert [p.in_force for p in plans] == sorted(p.in_force for p in plans)
    for p in plans[1:]:
        assert p.amendments[-1].in_force == p.in_force
        assert p.amendments[-1].in_force_note
        assert p.amendments[-1].sources


@pytest.mark.parametrize(
    ("kw", "words"),
    [
        ({"at": "2025-09-01"}, "before the plan's publication"),
        ({"at": "soon"}, "not a date or an instant"),
        ({"version": "2025-10-09", "at": "2025-11-01"}, "both given"),
    ],
)
def test_bad_questions_about_versions_are_refused(kw: dict[str, str], words: str) -> None:
    with pytest.raises(gp.InvalidValueError, match=words):
        gp.plan(**kw)


def test_a_dropped_obligation_is_superseded_from_the_version_that_drops_it() -> None:
    later = Amendment(
        "what-if-drop",
        "drop the aid duty",
        (DropObligation("p7-full-aid"),),
        in_force=T0 + dt.timedelta(days=10),
    )
    plans = (PLAN, gp.amend(PLAN, later))
    tl = gp.Timeline(
        (gp.Event("a", T0 + dt.timedelta(days=1), gp.Responded("hamas", gp.Response.ACCEPTED)),)
    )
    item = gp.compliance(plans, tl, at=T0 + dt.timedelta(days=20)).get("p7-full-aid")
    assert item.status is S.SUPERSEDED
    assert item.periods[-1].start == T0 + dt.timedelta(days=10)
    assert "dropped by version what-if-drop" in item.reason
    before = gp.compliance(plans, tl, at=T0 + dt.timedelta(days=5)).get("p7-full-aid")
    assert before.status is not S.SUPERSEDED
    assert before.version == PLAN.version


def test_a_changed_obligation_shows_a_boundary_where_it_changed() -> None:
    item = gp.compliance(gp.plan_versions(), TL).get("p16-hand-over")
    changed = [p for p in item.periods if "terms changed by version 2026-05-21" in p.cause]
    assert [p.start for p in changed] == [gp.plan("2026-05-21").in_force]


def test_past_the_edge_changeable_facts_are_unknown_and_counts_keep_their_floor() -> None:
    later = EDGE + dt.timedelta(days=30)
    state = gp.replay(gp.plan(), TL, at=later)
    assert state.ceasefire_in_force is gp.UNKNOWN
    assert state.idf_line is gp.UNKNOWN
    assert state.rafah_crossing is gp.UNKNOWN
    assert state.hostages_held == 0  # all back: that count cannot grow
    assert gp.replay(gp.plan(), TL, at=EDGE) == gp.replay(gp.plan(), TL)
    kept = gp.replay(gp.plan(), TL, at=later, assume_unchanged=True)
    assert kept == gp.replay(gp.plan(), TL)


def test_a_count_that_can_still_grow_keeps_its_floor() -> None:
    state = gp.State.initial(PLAN).updated(
        {"hostages_living_returned": 3, "life_sentence_prisoners_released": 100}
    )
    facts = edge_facts(state, dt.date(2026, 10, 9))
    assert facts["hostages_living_returned"] == Floor(3, dt.date(2026, 10, 9))  # more may come
    assert facts["life_sentence_prisoners_released"] == Floor(100, dt.date(2026, 10, 9))
    assert "hostages_living_at_start" not in facts
    past = gp.replay(gp.plan(), TL, at=EDGE + dt.timedelta(days=30))
    assert past.life_sentence_prisoners_released == Floor(250, EDGE.date())
    assert gp.evaluate(gp.AtLeast("life_sentence_prisoners_released", 250), past).verdict is MET
    assert gp.evaluate(gp.AtLeast("life_sentence_prisoners_released", 251), past).verdict is UNK
    assert gp.evaluate(gp.AtMost("life_sentence_prisoners_released", 200), past).verdict is UNMET
    doc = gp.dumps(past, format="json")
    assert '"at_least": 250' in doc
    assert gp.loads(doc, gp.State, format="json") == past
    assert gp.loads(gp.dumps(past, format="toml"), gp.State, format="toml") == past


def test_past_the_edge_the_report_says_so_and_statuses_say_when_last_known() -> None:
    later = EDGE + dt.timedelta(days=30)
    r = gp.report(gp.plan_versions(), TL, at=later)
    assert r.beyond_data
    assert r.data_as_of == EDGE
    assert "last known on 9 Oct 2026" in r.note
    ceasefire = r.compliance.get("p3-suspend-operations")
    assert ceasefire.status is S.UNKNOWN
    assert "last known holding" in ceasefire.reason
    assert ceasefire.periods[-1].events == (EDGE_ID,)
    hostages = r.compliance.get("p4-return-hostages")
    assert hostages.status is S.FULFILLED_LATE  # an achievement done stays done
    within = gp.report(gp.plan_versions(), TL)
    assert not within.beyond_data
    assert within.note == ""


def test_a_timeline_refuses_an_event_after_its_data_as_of() -> None:
    ev = gp.Event("late", T0 + dt.timedelta(days=2), gp.CeasefireChanged(True))
    with pytest.raises(gp.InvalidValueError, match="later than the data's as_of"):
        gp.Timeline((ev,), data_as_of=T0 + dt.timedelta(days=1))
    tl = gp.Timeline((), data_as_of=T0 + dt.timedelta(days=1))
    assert tl.append(ev).data_as_of is None  # past the data: a scenario from there
    assert attrs.evolve(tl, data_as_of=T0 + dt.timedelta(days=3)).data_as_of is not None
    assert TL.until(EDGE - dt.timedelta(days=300)).data_as_of == EDGE - dt.timedelta(days=300)
