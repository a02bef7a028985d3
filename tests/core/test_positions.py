"""Party positions as data: stated conditions, validity, one wording for every party, and what
follows from them (``whatif.under_positions``); the 2026 versions that record them."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.catalog._versions_2026 import ROADMAP
from gazaplan.core.conditions import Equals
from gazaplan.core.records import Position, Stance
from gazaplan.whatif import stated_conditions, under_positions

PLAN = gp.plan()
TL = gp.timeline()
AS_OF = gp.dataset().latest.as_of
SRC = (gp.Source("S", "a report", "an outlet"),)
DONE = Equals("decommissioning", gp.Progress.COMPLETE, label="disarmament complete")


def test_a_position_says_what_it_lacks() -> None:
    with pytest.raises(gp.InvalidValueError, match="a stance is about an action"):
        Position("israel", "x", SRC, stance=Stance.COMMITS)
    with pytest.raises(gp.InvalidValueError, match="says whether the party commits"):
        Position("israel", "x", SRC, action="withdraw", obligation="p16-hand-over")
    with pytest.raises(gp.InvalidValueError, match="a condition goes with a commitment"):
        Position("israel", "x", SRC, stance=Stance.REFUSES, action="withdraw", only_if=DONE)
    with pytest.raises(gp.InvalidValueError, match="before the position was stated"):
        Position("israel", "x", SRC, as_of=dt.date(2026, 8, 4), valid_until=dt.date(2026, 8, 1))
    with pytest.raises(gp.InvalidValueError, match="expected a condition"):
        Position("israel", "x", SRC, stance=Stance.COMMITS, action="a", only_if="yes")  # type: ignore[arg-type]


def test_a_plan_refuses_a_position_on_an_unknown_obligation() -> None:
    bad = Position("israel", "x", SRC, stance=Stance.COMMITS, action="a", obligation="p99-none")
    with pytest.raises(gp.UnknownIdError, match="p99-none"):
        attrs.evolve(PLAN, positions=(*PLAN.positions, bad))


@given(
    st.sampled_from(["israel", "hamas", "us", "pa"]),
    st.sampled_from(["israel", "hamas", "us", "pa"]),
    st.sampled_from(list(Stance)),
)
def test_the_wording_is_the_same_for_every_party(a: str, b: str, stance: Stance) -> None:
    only_if = DONE if stance is Stance.COMMITS else None
    one = Position(a, "s", SRC, stance=stance, action="act", only_if=only_if)
    other = attrs.evolve(one, party=b)
    assert one.statement().removeprefix(a) == other.statement().removeprefix(b)
    assert one.statement().startswith(f"{a} {stance} act")


def test_validity_runs_from_as_of_to_valid_until() -> None:
    p = Position("hamas", "s", SRC, as_of=dt.date(2026, 7, 31), valid_until=dt.date(2026, 9, 1))
    assert not p.holds_at(dt.date(2026, 7, 30))
    assert p.holds_at(dt.date(2026, 7, 31))
    assert not p.holds_at(dt.date(2026, 9, 2))
    assert Position("hamas", "s", SRC).holds_at(dt.date(2000, 1, 1))  # undated: always


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_positions_with_conditions_round_trip(fmt: str) -> None:
    for p in PLAN.positions:
        assert gp.loads(gp.dumps(p, format=fmt), Position, format=fmt) == p  # type: ignore[arg-type]


# -- the bundled positions [TL-2026-07-31-*, TL-2026-06-20-1, TL-2026-08-09-*] --
def test_the_stated_conditions_to_october_2026() -> None:
    stated = {(p.party, p.obligation): p for p in stated_conditions(PLAN, AS_OF.date())}
    assert set(stated) == {("hamas", "p13-decommission"), ("israel", "p16-hand-over")}
    assert stated["israel", "p16-hand-over"].statement() == (
        "israel commits to withdraw beyond its current lines only if disarmament complete"
    )
    assert stated_conditions(PLAN, dt.date(2026, 7, 1)) == ()


def test_under_the_stated_positions_disarmament_waits_on_withdrawal() -> None:
    plain = gp.compliance(PLAN, TL, at=AS_OF).get("p13-decommission")
    assert plain.status is gp.ComplianceStatus.PENDING
    stated = under_positions(PLAN, on=AS_OF.date())
    item = gp.compliance(stated, TL, at=AS_OF).get("p13-decommission")
    assert item.status is gp.ComplianceStatus.NOT_TRIGGERED
    trigger = stated.obligation("p13-decommission").trigger
    labels = [c.label for c in gp.conditions.walk(trigger)]
    assert any(x.startswith("as hamas states (2026-07-31) [TL-2026-07-31-4") for x in labels)
    diff = gp.compare(PLAN, stated, TL, at=AS_OF)
    assert [(a.obligation.id, b.status) for a, b in diff.obligations if a and b] == [
        ("p13-decommission", gp.ComplianceStatus.NOT_TRIGGERED)
    ]


def test_under_positions_chooses_by_day_and_party() -> None:
    assert under_positions(PLAN, on=dt.date(2026, 7, 1)) is PLAN  # none held yet
    only_israel = under_positions(PLAN, parties=["israel"])
    assert only_israel.obligation("p13-decommission") == PLAN.obligation("p13-decommission")
    assert only_israel.obligation("p16-hand-over") != PLAN.obligation("p16-hand-over")


# -- the 2026 versions, known from reports --
def test_the_roadmap_waits_on_certification() -> None:
    roadmap = gp.plan("2026-05-21")
    state = gp.replay(roadmap, TL, at=AS_OF)
    perimeter = gp.check_phase(roadmap, "perimeter", state)
    assert "phase_two_certified" in gp.conditions.facts_read(roadmap.phase("perimeter").entry)
    assert perimeter.verdict is gp.Verdict.UNMET  # phase two is not complete
    recon = gp.check_phase(roadmap, "reconstruction", state)
    assert recon.verdict is gp.Verdict.UNKNOWN  # no source reports a certification
    assert gp.check_phase(gp.plan("2026-01-14"), "reconstruction", state).verdict is gp.Verdict.MET
    assert "known only from" in ROADMAP.rationale


def test_dropping_an_obligation_keeps_what_the_party_said() -> None:
    edit = gp.amendments.DropObligation("p16-hand-over")
    dropped = gp.amend(PLAN, gp.Amendment("what-if", "drop", (edit,)))
    said = [p for p in dropped.positions if p.summary.startswith("The prime minister said Israel")]
    assert len(said) == 1
    assert said[0].obligation == ""
    assert said[0].only_if is not None  # the condition it states is still on record
