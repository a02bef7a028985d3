"""The fidelity audit (docs/audit.md) holds: each row it marks 'holds' is asserted here, so a change
that breaks one fails. Tags in the comments are the registers' sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import gazaplan as gp
from gazaplan.core.provisions import Wording

AUDIT = Path(__file__).parents[2] / "docs" / "audit.md"
PUBLISHED, EGYPT, LATEST = gp.plan("2025-09-29"), gp.plan("2025-10-09"), gp.plan()
DATA = gp.dataset()
TL = gp.timeline()
AS_OF = DATA.latest.as_of


def figure(plan: gp.Plan, id: str) -> gp.Figure:
    return next(f for f in plan.figures if f.id == id)


def figures_of(event_id: str) -> dict[str, object]:
    event = DATA.entry(event_id).event
    assert event is not None
    assert isinstance(event.change, gp.events.Reported)
    return {f.id: f.value for f in event.change.figures}


def test_the_audit_is_published_and_names_this_test() -> None:
    text = AUDIT.read_text("utf-8")
    assert "tests/catalog/test_audit.py" in text
    assert "2026.10" in text


def test_unverified_items_stay_unknown() -> None:
    assert next(s for s in PUBLISHED.sources if s.tag == "WH").url is None
    assert {p.number for p in PUBLISHED.provisions if p.wording is Wording.PARAPHRASE_ONLY} >= set(
        range(15, 21)
    )
    for line in ("second", "perimeter"):
        assert LATEST.line(line).share is gp.UNKNOWN  # one reading of a map [R22]
    assert figure(LATEST, "israeli-share-second-line").value is gp.UNKNOWN
    assert "about 40%" in figure(LATEST, "israeli-share-second-line").note
    assert "not established" in LATEST.party("guarantors").description
    assert "no headline" in next(s for s in PUBLISHED.sources if s.tag == "FT").title


def test_the_phase_one_terms_in_practice() -> None:
    deadline = EGYPT.obligation("p3-withdraw-to-first-line").deadline
    assert deadline is not None
    assert deadline.hours == 24
    assert EGYPT.aid.trucks_per_day.value == 600
    x = PUBLISHED.exchange
    assert (x.hostages_living.value, x.hostages_deceased.value) == (20, 28)
    assert (x.life_sentence_prisoners.value, x.gaza_detainees.value, x.remains_ratio.value) == (
        250,
        1700,
        15,
    )
    prisoners = DATA.entry("2025-10-13-prisoners").event
    assert prisoners is not None
    assert prisoners.change == gp.events.PrisonersReleased(250, 1718)
    assert "88 or 96" in prisoners.note
    assert figures_of("2025-10-13-prisoners-deported") == {"deported-to-egypt": 154}
    assert figures_of("2026-01-29-icrc-transfers") == {"icrc-detainees-transferred": 1808}
    assert figures_of("2025-10-10-prisoner-lists") == {
        "gaza-detainees-listed": 1722,
        "gaza-detainees-held-back": 40,
    }
    assert figures_of("2025-10-09-prisoner-numbers-xinhua") == {"convicted": 270, "detainees": 1700}
    share = gp.replay(EGYPT, TL, at=dt.datetime(2025, 10, 11, tzinfo=dt.UTC)).israeli_control_pct
    assert sorted(share.values()) == [53.0, 58.0, 60.0]  # type: ignore[union-attr]
    assert DATA.marks()["2025-10-10-share-held"] == "2025-10-10-share-held-corrected"
    assert DATA.entry("2025-10-10-share-held").event is not None  # the old entry stays
    end = gp.replay(EGYPT, TL, at=AS_OF)
    assert (end.gazan_remains_returned, end.israeli_hostage_remains_returned) == (360, 24)


def test_the_2026_register() -> None:
    new = [e for e in DATA.entries if e.added_in == "2026.10" and e.event is not None]
    assert all(e.event.at <= AS_OF for e in new)  # type: ignore[union-attr]
    assert all(e.event.at.date() != dt.date(2026, 10, 27) for e in new)  # type: ignore[union-attr]
    assert any("election" in u for u in DATA.latest.unknown)
    at = gp.replay(LATEST, TL, at=AS_OF)
    assert at.rafah_crossing is gp.UNKNOWN
    assert sorted(at.israeli_control_pct.values()) == [60.0, 64.0]  # type: ignore[union-attr]
    assert sorted(figures_of("2026-10-01-mass-burial").values()) == [105, 112]  # type: ignore[type-var]
    agreement = figures_of("2026-07-31-disarmament-agreement")
    assert {agreement[k] for k in ("duration-explainer", "duration-brief", "handover-days")} == {
        36,
        8,
        30,
    }
    assert LATEST.obligation("p13-decommission").deadline is None  # duration contested
    digests = [
        s
        for e in DATA.entries
        if e.event is not None
        for s in e.event.sources
        if "GitHub news digest" in s.title
    ]
    assert digests
    assert all("was not read" in s.note for s in digests)


def test_a_weak_single_aggregator_claim_is_a_candidate() -> None:
    entry = DATA.entry("2026-04-07-disarmament-deadline")
    assert entry.status is gp.datasets.Status.CANDIDATE
    assert entry.key not in {e.id for e in TL}
    assert entry.key in {e.id for e in gp.timeline(candidates=True)}
