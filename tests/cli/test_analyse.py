"""``gazaplan analyse``: the 2026 cycle with both positions attributed, the veto players of each
phase, what must happen for the next phase; options and bad input."""

from __future__ import annotations

import json

from ..support.cli import run


def test_analyse_names_the_cycle_the_vetoes_and_the_way_to_the_next_phase() -> None:
    code, out, err = run("analyse")
    assert (code, err) == (0, "")
    assert "release 2026.10, data as of 2026-10-09" in out
    assert "3 obligations of Hamas, Israel and Other Palestinian factions wait on each other" in out
    assert "(p13-decommission)" in out  # an obligation by its action, its id beside it
    assert "Hamas commits to" in out
    assert "TL-2026-07-31-4" in out
    assert "Israel commits to" in out
    assert "TL-2026-08-09-1" in out
    perimeter = "the preconditions of Withdrawal to the security perimeter (perimeter.entry)"
    assert f"What must happen for {perimeter}, now conditions not met:" in out
    vetoes = "Hamas, Israel, Other Palestinian factions and United States"
    assert f"  {perimeter}, now conditions not met: {vetoes}; possibly Independent monitors" in out
    assert "controlled by: United States" in out
    assert "controlled by: none identified" in out  # a fact no party is identified as controlling
    assert run("analyze")[1] == out  # the same command, either spelling


def test_analyse_options() -> None:
    code, out, _ = run("analyse", "--no-positions", "--phase", "phase-2", "--limit", "2")
    assert code == 0
    assert "Mutual conditions: none found" in out
    assert "What must happen for phase 2's completion (phase-2.completion)" in out
    assert "no set of up to 2 fact changes brings it to conditions met" in out
    code, out, _ = run("analyse", "--plan", "2025-09-29", "--at", "2025-10-20T12:00+03:00")
    assert code == 0
    assert "2025-10-20T12:00:00+03:00" in out
    code, out, _ = run("analyse", "--at", "2026-11-20T00:00+02:00")
    assert code == 0
    assert "past the data's edge" in out
    doc = json.loads(run("analyse", "--json")[1])
    assert doc["command"] == "analyse"
    assert doc["release"] == "2026.10"
    assert doc["next_phase"] == "perimeter"
    perimeter = next(v for v in doc["vetoes"] if v["target"] == "perimeter.entry")
    assert {x["party"] for x in perimeter["vetoes"] if x["verdict"] == "MET"} >= {"hamas", "israel"}


def test_analyse_refuses_bad_input_with_the_fix() -> None:
    code, _, err = run("analyse", "--phase", "phase-9")
    assert code == 2
    assert "phase-9" in err
    assert "phase-1" in err
    code, _, err = run("analyse", "--at", "tomorrow")
    assert code == 2
    assert "RFC 3339" in err
