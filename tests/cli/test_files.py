"""``gazaplan check / export / convert / schema``, and the hypothesis entry point."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp

from ..support.cli import run

GOLDEN = Path(__file__).parents[1] / "golden"


def test_check_passes_and_fails_with_reasons(tmp_path: Path) -> None:
    code, out, _ = run("check", str(GOLDEN / "scenario-v1.toml"))
    assert code == 0
    assert "3 of 3 expectations hold" in out
    broken = (
        (GOLDEN / "scenario-v1.toml")
        .read_text("utf-8")
        .replace('status = "overdue"', 'status = "pending"')
    )
    (tmp_path / "broken.toml").write_text(broken, "utf-8")
    code, out, _ = run("check", "--quiet", str(tmp_path / "broken.toml"))
    assert code == 1
    assert "[FAIL]" in out
    assert "expected pending, found overdue" in out


def test_check_reports_a_bad_file_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text('schema_version = 1\nname = "x"\nversion = 5\n', "utf-8")
    code, _, err = run("check", str(tmp_path / "bad.toml"))
    assert code == 2
    assert "bad.toml:3: version: expected text, got 5" in err


def test_export_then_convert_round_trips(tmp_path: Path) -> None:
    assert run("export", "scenario", str(tmp_path / "s.toml"))[0] == 0
    assert run("convert", str(tmp_path / "s.toml"), str(tmp_path / "s.json"))[0] == 0
    a = gp.load_scenario(tmp_path / "s.toml")
    assert a == gp.load_scenario(tmp_path / "s.json")
    assert a.timeline == gp.timeline()
    assert run("export", "plan", "--plan", "2025-10-09", str(tmp_path / "p.json"))[0] == 0
    assert gp.load(tmp_path / "p.json", gp.Plan) == gp.plan("2025-10-09")


def test_schema_command_prints_the_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert json.loads(out)["title"].startswith("gazaplan scenario document")


@settings(max_examples=20)
@given(st.from_type(gp.State), st.from_type(gp.Timeline), st.from_type(gp.AtLeast))
def test_from_type_works_through_the_entry_point(
    state: gp.State, timeline: gp.Timeline, cond: gp.AtLeast
) -> None:
    # No import of gazaplan.strategies here: hypothesis loaded gazaplan's hook at import.
    gp.replay(gp.plan("2025-09-29"), timeline)
    assert isinstance(state, gp.State)
    assert isinstance(cond, gp.AtLeast)
