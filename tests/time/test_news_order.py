"""The news first: a compliance report orders its items by what changed and matters, and groups
the unknown ones by the fact they miss, each fact with who could settle it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.core.conditions import facts_read, phases_named
from gazaplan.core.control import NONE_IDENTIFIED
from gazaplan.core.sources import Contested
from gazaplan.core.state import read_fact
from gazaplan.core.words import fact_question, parties_text
from gazaplan.time.compliance import NEWS_ORDER

from ..support.strategies import PLAN, timelines

S = gp.ComplianceStatus


def _in_news_order(report: gp.ComplianceReport) -> None:
    """The laws of the order: statuses in NEWS_ORDER, the overdue longest first, the unknown
    ones contiguous by the facts they miss, the largest group first and the one with no fact
    last, and ``unknown_groups`` the same items in the same order."""
    ranks = [NEWS_ORDER.index(c.status) for c in report.items]
    assert ranks == sorted(ranks)
    overdue = [c.overdue_by for c in report.items if c.status is S.OVERDUE]
    assert overdue == sorted(overdue, key=lambda x: -(x or dt.timedelta()).total_seconds())
    unknown = [c for c in report.items if c.status is S.UNKNOWN]
    runs = [
        c.missing for i, c in enumerate(unknown) if i == 0 or unknown[i - 1].missing != c.missing
    ]
    assert len(runs) == len(set(runs))  # each group in one run
    groups = report.unknown_groups()
    assert [g.facts for g in groups] == runs
    assert [c for g in groups for c in g.items] == unknown
    sizes = [(not g.facts, -len(g.items)) for g in groups]
    assert sizes == sorted(sizes)
    for c in report.items:
        assert c.missing == () or c.status is S.UNKNOWN


@settings(max_examples=60, deadline=None)
@given(timelines(max_size=12), st.integers(0, 400))
def test_the_order_is_news_first_on_any_timeline(tl: gp.Timeline, days: int) -> None:
    at = PLAN.origin + dt.timedelta(days=days)
    report = gp.compliance(PLAN, tl, at=at)
    assert sorted(c.obligation.id for c in report.items) == sorted(o.id for o in PLAN.obligations())
    _in_news_order(report)


@settings(max_examples=60, deadline=None)
@given(timelines(max_size=12), st.integers(0, 400))
def test_a_missing_fact_is_read_by_the_obligation_and_open_in_the_state(
    tl: gp.Timeline, days: int
) -> None:
    at = PLAN.origin + dt.timedelta(days=days)
    report = gp.compliance(PLAN, tl, at=at)
    state = gp.replay(PLAN, tl, at=at)
    for c in report.items:
        o = c.obligation
        read = set(facts_read(o.trigger)) | set(facts_read(o.completion))
        deadline = o.deadline.since if o.deadline is not None else None
        read |= set(facts_read(deadline)) if deadline is not None else set()
        for fact in c.missing:
            assert fact in read or _reads_a_phase(o)
            if o.kind is not gp.ObligationKind.PUNCTUAL:
                value = read_fact(state, fact)
                assert value is gp.UNKNOWN or isinstance(value, Contested)


def _reads_a_phase(o: gp.Obligation) -> bool:
    return bool(phases_named(o.trigger) or phases_named(o.completion))


def test_the_bundled_report_leads_with_the_news_and_groups_the_unknown() -> None:
    plan, controls = gp.plan(), gp.controls()
    report = gp.compliance(gp.plan_versions(), gp.timeline(), controls=controls)
    _in_news_order(report)
    text = report.explain()
    items = [line.strip() for line in text.splitlines() if line.strip().startswith("[")]
    assert [line.split("]")[0].lstrip("[") for line in items] == [
        str(c.status).upper() for c in report.items
    ]
    known_news = [
        c for c in report.items if NEWS_ORDER.index(c.status) < NEWS_ORDER.index(S.UNKNOWN)
    ]
    assert known_news, "the bundled data have news before the unknowns"
    assert not items[0].startswith("[UNKNOWN]")
    unknown = [c for c in report.items if c.status is S.UNKNOWN]
    assert f"Not known: {len(unknown)} obligations, by the fact missing" in text
    for group in report.unknown_groups():
        assert group.settlers is not None
        for fact, who in zip(group.facts, group.settlers, strict=True):
            assert who == controls.parties(fact)
            named_who = parties_text(plan, who, none=NONE_IDENTIFIED)
            assert f"{fact_question(fact)} ({fact}); who could settle it: {named_who}" in text
    for c in report.items:  # parties by name, never by id
        assert f"owed by: {parties_text(plan, c.obligation.obligors)})" in text
    assert "owed by israel" not in text
    assert "owed by: israel" not in text


def test_every_unknown_item_of_the_bundled_report_names_a_missing_fact() -> None:
    report = gp.compliance(gp.plan_versions(), gp.timeline())
    unknown = [c for c in report.items if c.status is S.UNKNOWN]
    assert unknown
    for c in unknown:
        assert c.missing, c.obligation.id


def test_without_the_table_of_controls_the_facts_are_named_and_nobody_is_guessed() -> None:
    report = gp.compliance(gp.plan_versions(), gp.timeline())
    text = report.explain()
    assert all(g.settlers is None for g in report.unknown_groups())
    assert "who could settle it" not in text
    for group in report.unknown_groups():
        for fact in group.facts:
            assert f"({fact})" in text


def test_a_known_status_misses_nothing() -> None:
    report = gp.compliance(PLAN, gp.Timeline(), at=PLAN.origin)
    for c in report.items:
        if c.status is not S.UNKNOWN:
            assert c.missing == ()


def test_controls_of_the_wrong_type_are_refused_with_the_place_and_the_fix() -> None:
    with pytest.raises(gp.InvalidValueError) as caught:
        gp.compliance(PLAN, gp.Timeline(), controls="the bundled table")  # type: ignore[arg-type]
    assert "compliance(controls)" in str(caught.value)
    assert "gp.controls()" in str(caught.value)


def test_the_report_passes_the_table_on() -> None:
    r = gp.report(gp.plan_versions(), gp.timeline(), controls=gp.controls())
    assert "who could settle it" in r.explain()
    assert r.compliance.controls is not None
