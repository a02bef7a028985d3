"""The structural analysis on the bundled plan and data: the veto players and the way forward
the sources describe, every answer checked by applying it, and bad targets refused."""

from __future__ import annotations

import json

import pytest

import gazaplan as gp
from gazaplan.analysis._structure import Structure
from gazaplan.analysis.implicants import flips, resolve, targets
from gazaplan.analysis.vetoes import achievable
from gazaplan.core.words import named, target_name

PLAN = gp.plan()
STATE = gp.replay(PLAN, gp.timeline())
MET, UNMET, UNK = gp.Verdict.MET, gp.Verdict.UNMET, gp.Verdict.UNKNOWN


def test_the_perimeter_waits_on_both_sides_and_names_who_controls_each_change() -> None:
    paths = gp.paths_to(PLAN, "perimeter", STATE)
    assert paths.target == "perimeter.entry"
    assert paths.now is UNMET
    (smallest,) = paths.sets
    by_fact = {c.fact: c for c in smallest.changes}
    assert by_fact["idf_line"].controlled_by == ("israel",)
    assert by_fact["decommissioning"].controlled_by == ("hamas", "other-factions")
    assert by_fact["phase_two_certified"].controlled_by == ()  # none identified
    assert "none identified" in paths.explain()
    assert {13, 16} <= set(smallest.points)
    s = Structure(PLAN, STATE)
    assert s.verdict(resolve(PLAN, "perimeter")[1], smallest.witness()) is MET
    undo = gp.paths_to(PLAN, "phase-2.entry", STATE, to=UNMET)
    assert undo.now is MET
    assert undo.sets
    assert all(len(x.changes) == 2 and "phase_two_launched" in x.facts for x in undo)


def test_veto_players_of_the_perimeter_are_both_sides_and_the_us() -> None:
    v = gp.veto_players(PLAN, "perimeter", STATE)
    assert set(v.players) == {"hamas", "other-factions", "israel", "us"}
    assert {x.party for x in v if x.verdict is UNK} == {"monitors"}  # only if not yet verified
    assert "phase_two_certified" in v.free
    s = Structure(PLAN, STATE)
    cond = resolve(PLAN, "perimeter")[1]
    for x in v:  # each answer is what holding that party's facts fixed gives
        assert ~achievable(s, cond, frozenset(x.fixed)) is x.verdict
    sure = [c for c in v.coalitions if c.verdict is MET]
    assert sure
    assert all(set(v.players) <= set(c.parties) for c in sure)
    assert "whatever the unknown facts are" in v.explain()


def test_a_target_already_met_has_no_veto_and_needs_nothing() -> None:
    v = gp.veto_players(PLAN, "phase-2", STATE)
    assert v.now is MET
    assert not v.players
    assert not v.coalitions
    assert "now conditions met; a refusal keeps facts as they are" in v.explain()
    assert gp.paths_to(PLAN, "phase-2", STATE).sets == ()


def test_value_of_information_and_single_flips_are_what_applying_them_gives() -> None:
    s = Structure(PLAN, STATE)
    ranked = gp.value_of_information(PLAN, STATE)
    assert ranked
    assert [i.settles for i in ranked] == sorted((i.settles for i in ranked), reverse=True)
    for info in ranked:
        assert s.value(info.fact) is gp.UNKNOWN
        for target, _value, after in info.flips:
            assert s.verdict(resolve(PLAN, target)[1]) is UNK
            assert after is not UNK
    for f in flips(PLAN, STATE):
        cond = resolve(PLAN, f.target)[1]
        value = next(v for v in s.domain(f.change.fact) if gp.explain.show(v) == f.change.example)
        assert s.verdict(cond, {f.change.fact: value}) is f.to
        assert f.now is s.verdict(cond) is not f.to


def test_the_structure_report_names_the_cycle_the_vetoes_and_the_next_phase() -> None:
    r = gp.analyse(PLAN, STATE)
    assert r.next_phase == "perimeter"
    (cycle,) = r.cycles
    text = r.explain()
    assert "Hamas commits to" in text
    assert "Israel commits to" in text
    entry = named(target_name(PLAN, "perimeter.entry"), "perimeter.entry")
    assert f"What must happen for {entry}, now conditions not met:" in text
    assert len(r.vetoes) == len([t for t in targets(PLAN) if not t.endswith(".trigger")])
    doc = json.loads(json.dumps(r.to_json()))
    assert doc["cycles"][0]["obligations"] == list(cycle.obligations)
    assert "<table" in r._repr_html_()
    plain = gp.analyse(PLAN, STATE, positions=False, phase="phase-2")
    assert plain.cycles == ()
    assert plain.next_phase == "phase-2"
    assert gp.analyse(gp.plan("2025-09-29"), STATE).cycles == ()  # the text alone makes none


def test_bad_targets_and_options_are_refused_with_the_fix() -> None:
    with pytest.raises(gp.exceptions.UnknownIdError, match="phase-1"):
        gp.paths_to(PLAN, "phase-9", STATE)
    with pytest.raises(
        gp.exceptions.InvalidValueError, match=r"phase-2\.entry or phase-2\.completion"
    ):
        gp.veto_players(PLAN, "phase-2.trigger", STATE)
    with pytest.raises(gp.exceptions.InvalidValueError, match="MET or UNMET"):
        gp.paths_to(PLAN, "phase-2", STATE, to=UNK)
    with pytest.raises(gp.exceptions.InvalidValueError, match="limit"):
        gp.paths_to(PLAN, "phase-2", STATE, limit=-1)
    with pytest.raises(gp.exceptions.UnknownPhaseError):
        gp.analyse(PLAN, STATE, phase="p13-decommission")


def test_an_unknown_target_is_named_with_the_known_ones() -> None:
    plan = gp.plan()
    report = gp.analyse(plan, gp.State.initial(plan))
    assert report.vetoes_of("phase-1.entry").target == "phase-1.entry"
    assert report.paths_of("phase-1.entry").target == "phase-1.entry"
    for lookup in (report.vetoes_of, report.paths_of):
        with pytest.raises(gp.UnknownIdError, match=r"phase-1\.entry") as caught:
            lookup("phase-9.entry")
        assert "phase-9.entry" in str(caught.value)
