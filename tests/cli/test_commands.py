"""The full command line: each command's text, ``--json`` and exit codes, run in-process."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import gazaplan as gp
from gazaplan.core.words import target_name

from ..support.cli import run, run_json

GOLDEN = Path(__file__).parents[1] / "golden"
SCENARIO = "examples/scenarios/pullback-clock.toml"
EARLY = "2025-10-20T12:00+03:00"  # the hostage deadline has passed; not every body is back


@pytest.mark.parametrize(
    "argv",
    [
        ["status"],
        ["report"],
        ["report", "--at-publication"],
        ["check", "phase-1"],
        ["check", SCENARIO],
        ["compliance", "--at", EARLY],
        ["diff", "2025-09-29", "2025-10-09"],
        ["compare", "2025-09-29", "2026-01-14"],
        ["validate", SCENARIO],
        ["timeline"],
        ["versions"],
        ["points"],
        ["figures"],
        ["schema"],
        ["analyse"],
    ],
)
def test_every_command_prints_one_json_document(argv: list[str]) -> None:
    code, out, err = run(*argv, "--json")
    assert code in (0, 1)
    assert err == ""
    doc = json.loads(out)
    assert isinstance(doc, dict)
    if argv[0] != "schema":
        assert doc["command"] == argv[0]


def test_versions() -> None:
    code, out, _ = run("versions")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == list(gp.versions())
    _, doc = run_json("versions")
    assert [v["version"] for v in doc["versions"]] == list(gp.versions())
    assert doc["latest"] == gp.versions()[-1]


def test_check_a_phase_exits_1_unless_its_preconditions_are_as_expected() -> None:
    plan, tl = gp.plan(), gp.timeline()
    verdicts = {r.phase.id: r.verdict for r in gp.check_plan(plan, gp.replay(plan, tl)).phases}
    met = [p for p, v in verdicts.items() if v is gp.Verdict.MET]
    unmet = [p for p, v in verdicts.items() if v is gp.Verdict.UNMET]
    assert met
    assert unmet
    assert run("check", *met)[0] == 0
    code, out, _ = run("check", met[0], unmet[0], "-q")
    assert code == 1
    assert f"[FAIL] {target_name(plan, unmet[0] + '.entry')} ({unmet[0]}.entry)" in out
    assert f"({met[0]}.entry)" not in out  # -q prints failures only
    assert run("check", unmet[0], "--expect", "unmet")[0] == 0
    code, doc = run_json("check", unmet[0])
    assert code == 1
    assert doc["passed"] is False
    result = doc["results"][0]
    assert (result["verdict"], result["expected"], result["kind"]) == ("UNMET", "MET", "phase")
    assert result["target"] == f"{unmet[0]}.entry"
    assert "[UNMET]" in result["explanation"]


def test_check_mixes_phases_and_scenario_files() -> None:
    code, doc = run_json("check", "phase-1", SCENARIO, "--at", EARLY)
    assert code == 0
    kinds = [r["kind"] for r in doc["results"]]
    assert kinds == ["phase", "scenario"]
    assert all(o["passed"] for o in doc["results"][1]["outcomes"])


def test_check_an_unknown_phase_is_bad_input() -> None:
    code, out, err = run("check", "phase-9")
    assert code == 2
    assert out == ""
    assert "target: unknown id 'phase-9'. Did you mean" in err


def test_compliance_at_an_instant_and_fail_on() -> None:
    at = dt.datetime.fromisoformat(EARLY)
    expected = gp.compliance(gp.plan(), gp.timeline(), at=at)
    code, doc = run_json("compliance", "--at", EARLY)
    assert code == 0
    assert [i["status"] for i in doc["items"]] == [str(i.status) for i in expected.items]
    assert doc["at"] == at.isoformat()
    overdue = [i.obligation.id for i in expected.items if i.status.name == "OVERDUE"]
    assert overdue
    code, doc = run_json("compliance", "--at", EARLY, "--fail-on", "overdue")
    assert code == 1
    assert doc["failed_on"] == overdue
    assert run("compliance", "--fail-on", "overdue")[0] == 0  # by the end, none is overdue
    code, _, err = run("compliance", "--fail-on", "late")
    assert code == 2
    assert "--fail-on: got 'late'; not a status" in err


def test_diff_and_its_exit_code() -> None:
    code, doc = run_json("diff", "2025-09-29", "2025-10-09")
    assert code == 0
    d = gp.diff(gp.plan("2025-09-29"), gp.plan("2025-10-09"))
    assert [(r["kind"], r["key"]) for r in doc["differences"]] == [
        (x.kind, x.key) for x in d.differences
    ]
    assert run("diff", "2025-09-29", "2025-10-09", "--exit-code")[0] == 1
    assert run("diff", "2025-10-09", "2025-10-09", "--exit-code")[0] == 0
    code, out, _ = run("diff", "2025-09-29", "2025-10-09")
    version = out.split("The version itself:\n", 1)[1]
    assert "  date: 2025-09-29 -> 2025-10-09" in version


def test_diff_reads_plan_and_scenario_files(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.json"
    assert run("export", "plan", str(plan_file), "--plan", "2025-10-09")[0] == 0
    code, out, _ = run("diff", str(plan_file), "2025-10-09")
    assert code == 0
    assert "no differences" in out
    code, out, _ = run("diff", "2025-09-29", SCENARIO)  # the scenario's plan
    assert code == 0
    assert "term exchange.hostage_window_hours" in out or "obligation" in out
    code, _, err = run("diff", "2025-09-29", "no-such-version")
    assert code == 2
    assert "unknown version 'no-such-version'" in err


def test_compare_two_versions() -> None:
    code, doc = run_json("compare", "2025-09-29", "2026-01-14", "--at", EARLY)
    assert code == 0
    assert (doc["a"], doc["b"]) == ("2025-09-29", "2026-01-14")
    c = gp.compare(
        gp.plan("2025-09-29"),
        gp.plan("2026-01-14"),
        gp.timeline(),
        at=dt.datetime.fromisoformat(EARLY),
    )
    assert len(doc["items"]) == len(c.phases) + len(c.obligations)
    assert all(set(item) == {"item", "id", "a", "b", "flips"} for item in doc["items"])
    for item in doc["items"]:  # each flip as the library finds it, under its phase or obligation
        assert [f["condition"] for f in item["flips"]] == [f.label for f in c.flips_of(item["id"])]
    assert [(r["kind"], r["key"]) for r in doc["changes"]] == [(d.kind, d.key) for d in c.changes]


def test_validate_reports_every_problem_located(tmp_path: Path) -> None:
    code, out, err = run("validate", SCENARIO, *map(str, sorted(GOLDEN.iterdir())))
    assert code == 0
    assert err == ""
    assert out.count("ok ") == 1 + len(list(GOLDEN.iterdir()))
    bad = tmp_path / "bad.toml"
    bad.write_text(
        (GOLDEN / "scenario-v1.toml").read_text("utf-8").replace("+03:00", "", 1), "utf-8"
    )
    code, out, err = run("validate", str(bad), SCENARIO)
    assert code == 2
    assert f"BAD {bad}" in out
    assert f"ok  {SCENARIO}" in out
    assert "naive datetime; add an offset" in err
    code, doc = run_json("validate", str(bad))
    assert code == 2
    assert doc["valid"] is False
    problem = doc["files"][0]["problems"][0]
    assert problem["line"] is not None
    assert "offset" in problem["message"]


def test_timeline_until() -> None:
    tl = gp.timeline()
    code, doc = run_json("timeline")
    assert code == 0
    assert [e["event"] for e in doc["events"]] == [e.id for e in tl.events]
    code, out, _ = run("timeline", "--until", "2025-10-10T23:00+03:00")
    assert code == 0
    n = len(tl.until(dt.datetime.fromisoformat("2025-10-10T23:00+03:00")))
    assert out.endswith(f"{n} events\n")


def test_timeline_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "tl.toml"
    assert run("export", "timeline", str(path))[0] == 0
    code, doc = run_json("timeline", "--timeline", str(path))
    assert len(doc["events"]) == len(gp.timeline())
    code, _, err = run("timeline", "--timeline", str(GOLDEN / "state-v1.toml"))
    assert code == 2
    assert "the file holds a state" in err


def test_report_json_and_html(tmp_path: Path) -> None:
    code, doc = run_json("report")
    assert code == 0
    report = gp.check_plan(gp.plan(), gp.replay(gp.plan(), gp.timeline()))
    assert [p["preconditions"] for p in doc["phases"]] == [str(r.verdict) for r in report.phases]
    assert all(p["explanation"].startswith("Phase ") for p in doc["phases"])
    out_file = tmp_path / "report.html"
    code, out, _ = run("report", "--html", str(out_file))
    assert code == 0
    assert out == f"wrote {out_file}\n"
    text = out_file.read_text("utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert text.count("<svg") == 3


def test_help_and_usage_errors() -> None:
    code, out, err = run("--help")
    assert code == 0
    assert "compliance" in out
    assert err == ""
    code, out, err = run("bogus")
    assert code == 2
    assert "invalid choice: 'bogus'" in err
    code, _, err = run("compliance", "--at", "yesterday")
    assert code == 2
    assert "--at: got 'yesterday'" in err
