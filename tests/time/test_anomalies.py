"""Anomalies: events that act on an obligation before its trigger, and achievements undone."""

from __future__ import annotations

import datetime as dt

import attrs

import gazaplan as gp
from gazaplan.core.records import AnomalyNote
from gazaplan.time.anomalies import AnomalyKind

from ..support.strategies import PLAN, T0

H = dt.timedelta(hours=1)
K = AnomalyKind


def ev(i: int, change: gp.Change, hours: int) -> gp.Event:
    return gp.Event(f"e{i}", T0 + hours * H, change)


def test_a_release_before_the_hostages_are_back_is_early() -> None:
    tl = gp.Timeline((ev(1, gp.PrisonersReleased(250, 1700, True), 1),))
    found = gp.anomalies(PLAN, tl)
    assert [(a.kind, a.event, a.obligation) for a in found.items] == [
        (K.EARLY, "e1", "p5-release-prisoners")
    ]
    assert not found.items[0].explained
    assert "[not yet explained]" in found.explain()


def test_the_same_release_after_the_hostages_are_back_is_none() -> None:
    tl = gp.Timeline(
        (
            ev(0, gp.Responded("hamas", gp.Response.ACCEPTED), 0),
            ev(1, gp.HostagesReleased(20), 1),
            ev(2, gp.RemainsReturned(28, israeli=24), 2),
            ev(3, gp.PrisonersReleased(250, 1700, True), 3),
        )
    )
    assert gp.anomalies(PLAN, tl).items == ()


def test_an_achievement_undone_is_listed() -> None:
    tl = gp.Timeline((ev(1, gp.Redeployed("yellow"), 1), ev(2, gp.Redeployed("front"), 2)))
    undone = [a for a in gp.anomalies(PLAN, tl).items if a.kind is K.UNDONE]
    assert [(a.event, a.obligation) for a in undone] == [("e2", "p3-withdraw-to-first-line")]


def test_a_plan_note_explains_an_anomaly() -> None:
    note = AnomalyNote("e1", "p5-release-prisoners", "Recorded so.", PLAN.sources[:1])
    plan = attrs.evolve(PLAN, anomaly_notes=(note,))
    tl = gp.Timeline((ev(1, gp.PrisonersReleased(250, 1700, True), 1),))
    found = gp.anomalies(plan, tl)
    assert found.items[0].note == note
    assert found.unexplained == ()


def test_every_bundled_anomaly_is_explained() -> None:
    found = gp.anomalies(gp.plan_versions(), gp.timeline())
    assert found.items, "the bundled record has out-of-order steps (R11)"
    assert found.unexplained == ()
    early = [a for a in found.items if a.kind is K.EARLY]
    assert [(a.event, a.obligation, a.version) for a in early] == [
        ("2025-10-13-prisoners", "p5-release-prisoners", "2025-10-09")
    ]
    assert gp.report(gp.plan_versions(), gp.timeline()).anomalies == found
