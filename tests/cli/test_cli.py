"""The gazaplan command, run in-process."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import gazaplan as gp

from ..support.cli import run


def test_report_at_publication() -> None:
    code, out, err = run("report", "--at-publication")
    assert code == 0
    assert err == ""
    assert "phase-1" in out
    assert "fallback-17" in out
    assert "response.hamas is no response; needs accepted (point 3)" in out


def test_report_replays_the_bundled_timeline() -> None:
    code, out, err = run("report")
    assert code == 0
    assert err == ""
    assert "(release 2026.10, data as of 2026-10-09) replayed to 2026-10-09T23:59:59" in out
    assert "Note:" not in out
    assert "Compliance as of" in out
    assert "[FULFILLED LATE] p4-return-hostages" in out


def test_report_at_an_instant() -> None:
    code, out, _ = run("report", "--at", "2025-10-13T23:00+03:00", "--plan", "2025-10-09")
    assert code == 0
    assert "[OVERDUE] p4-return-hostages" in out  # due noon 13 Oct [R7, R12]
    assert "overdue by 11 hours" in out
    assert "deceased hostages: 4 of 28" in out  # four bodies that day [TL-2025-10-13-4]
    # a bare date is the end of that day in the plan's local time, echoed with the offset used
    code, out, _ = run("report", "--at", "2025-10-13", "--plan", "2025-10-09")
    assert code == 0
    assert "2025-10-13T23:59:59+03:00 (2025-10-13 read as the end of that day" in out
    assert "overdue by 11 hours 59 minutes" in out
    code, _, err = run("report", "--at", "13 October")
    assert code == 2
    assert "--at: got '13 October'; not a date or an instant" in err


def test_report_one_phase() -> None:
    code, out, _ = run("report", "--phase", "phase-2")
    assert code == 0
    assert "Phase phase-2" in out
    assert "Phase phase-1:" not in out


def test_bad_phase_exits_2_with_the_error_on_stderr() -> None:
    code, out, err = run("report", "--phase", "phase-9")
    assert code == 2
    assert out == ""  # nothing half-printed before the error
    assert "unknown phase 'phase-9'" in err
    assert "'phase-1'" in err


def test_points_and_figures() -> None:
    code, out, _ = run("points")
    assert code == 0
    assert out.count("[WH ") == 20
    code, out, _ = run("figures", "--topic", "hostages")
    assert code == 0
    assert "48 people" in out
    assert "Financial Times" in out


def test_report_says_how_far_the_data_reaches() -> None:
    code, out, _ = run("report", "--at", "2026-12-01T12:00+02:00")
    assert code == 0
    assert "facts that can change back are unknown here, last known on 9 Oct 2026" in out
    code, out, _ = run("report", "--at", "2026-12-01", "--assume-unchanged")
    assert "every fact is carried forward as last known on 9 Oct 2026" in out
    code, out, _ = run("report", "--release", "2026.05", "--json")
    doc = json.loads(out)
    assert (doc["release"], doc["data_as_of"]) == ("2026.05", "2026-05-21T23:59:59+03:00")
    assert doc["at"] == doc["data_as_of"]
    assert doc["beyond_data"] is False
    code, _, err = run("report", "--release", "2026.05", "--timeline", "x.toml")
    assert code == 2
    assert "Use one of --timeline and --release" in err
    code, out, _ = run("compliance", "--release", "2026.05")
    assert "Compliance as of 2026-05-21T23:59:59+03:00" in out


def test_the_html_report_shows_the_data_as_of() -> None:
    as_of = gp.dataset().latest.as_of
    page = gp.html_report(gp.plan(), gp.timeline(), plots=False, data_as_of=as_of)
    assert "data as of" in page
    assert "2026-10-09" in page
    assert "past the data&#x27;s edge" not in page
    later = as_of + dt.timedelta(days=30)
    page = gp.html_report(gp.plan(), gp.timeline(), plots=False, at=later, data_as_of=as_of)
    assert "past the data&#x27;s edge: facts that can change back are unknown" in page


def test_report_imports_what_it_needs_and_no_more() -> None:
    # In a fresh interpreter, main(["report"]) runs in-process and must not load the explorer,
    # the runs or the structural analysis: the command table imports a handler's module only
    # when its command runs. The headline it opens with needs the veto players and what they
    # rest on (analysis.headline, .vetoes, .implicants), and nothing else of the analysis.
    code = (
        "import io, sys\n"
        "from gazaplan.cli import main\n"
        "assert main(['report'], out=io.StringIO()) == 0\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('gazaplan.'))\n"
        "print('\\n'.join(loaded))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    loaded = done.stdout.split()
    assert "gazaplan.core.rules" in loaded  # it did run
    assert "gazaplan.time.compliance" in loaded
    assert "gazaplan.analysis.headline" in loaded
    for unwanted in (
        "gazaplan.exploration",
        "gazaplan.runs",
        "gazaplan.analysis.structural",
        "gazaplan.analysis.graphs",
        "gazaplan.analysis.waits",
        "gazaplan.analysis.cycles",
        "gazaplan.cli._explore",
    ):
        assert not [m for m in loaded if m == unwanted or m.startswith(unwanted + ".")], unwanted


def test_the_command_table_and_the_handlers_agree() -> None:
    # Each command names the module that runs it, and each module's HANDLERS is what it runs:
    # a command missing from either would run nothing, or never be reachable.
    import argparse
    import importlib

    from gazaplan.cli import _main

    actions = _main._parser()._actions
    sub = next(a for a in actions if isinstance(a, argparse._SubParsersAction))
    assert set(_main.COMMANDS) == set(sub.choices)  # every command the parser knows, aliases too
    handled: dict[str, str] = {}
    for module in sorted(set(_main.COMMANDS.values())):
        for command in importlib.import_module(f"gazaplan.cli.{module}").HANDLERS:
            handled[command] = module
    assert handled == _main.COMMANDS


def test_compliance_on_a_past_day_is_judged_under_the_version_in_force_then() -> None:
    code, out, _ = run("compliance", "--at", "2025-11-01")
    assert code == 0
    assert "Judged at 2025-11-01T23:59:59+03:00 (2025-11-01 read as the end of that day" in out
    assert "(plan version 2025-10-09)" in out  # the phase-one terms of 9 Oct 2025
    code, out, _ = run("compliance", "--at", "2025-11-01", "--plan", "2026-08-09")
    assert "(plan version 2026-08-09)" in out  # a version given judges throughout
