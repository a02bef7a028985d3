"""The gazaplan command, run in-process."""

from __future__ import annotations

import io

from gazaplan.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


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
    assert "the bundled timeline replayed to 2026-10-07" in out
    assert "Compliance as of" in out
    assert "[FULFILLED LATE] p4-return-hostages" in out


def test_report_at_an_instant() -> None:
    code, out, _ = run("report", "--at", "2025-10-13T23:00+03:00", "--version", "2025-10-09")
    assert code == 0
    assert "[OVERDUE] p4-return-hostages" in out  # due noon 13 Oct [R7, R12]
    assert "overdue by 11 hours" in out
    assert "deceased hostages: 4 of 28" in out  # four bodies that day [TL-2025-10-13-4]
    code, _, err = run("report", "--at", "2025-10-13")
    assert code == 2
    assert "--at: got '2025-10-13'" in err
    assert "offset" in err


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
