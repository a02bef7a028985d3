"""The gazaplan command, run in-process."""

from __future__ import annotations

import io

from gazaplan.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_report() -> None:
    code, out, err = run("report")
    assert code == 0
    assert err == ""
    assert "phase-1" in out
    assert "fallback-17" in out
    assert "response.hamas is no response; needs accepted (point 3)" in out


def test_report_one_phase() -> None:
    code, out, _ = run("report", "--phase", "phase-2")
    assert code == 0
    assert "Phase phase-2" in out
    assert "Phase phase-1:" not in out


def test_bad_phase_exits_2_with_the_error_on_stderr() -> None:
    code, out, err = run("report", "--phase", "phase-9")
    assert code == 2
    assert out.startswith("State:")
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
