"""``gazaplan explore``: the bundled model explored exhaustively; the stuck finding the stated
positions make; options and bad input."""

from __future__ import annotations

import io
import json

from gazaplan.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


SMALL = ("--living", "1", "--deceased", "1", "--target", "phase-1.completion",
         "--target", "phase-2.completion")  # fmt: skip


def test_explore_finds_phase_two_reachable_and_stuck_under_the_positions() -> None:
    code, out, err = run("explore", *SMALL)
    assert (code, err) == (0, "")
    assert "phase-2.completion: reachable" in out
    assert "every move is hypothetical" in out
    code, out, _ = run("explore", *SMALL, "--positions")
    assert code == 0
    assert "phase-2.completion: not reachable" in out
    assert "stuck (moves stay enabled, yet none leads there): phase-2.completion" in out
    assert "p13-decommission, p16-hand-over" in out  # the cycle that explains it


def test_explore_json_never_and_bad_input() -> None:
    doc = json.loads(run("explore", *SMALL, "--never", "us", "--json")[1])
    assert doc["command"] == "explore"
    phase_two = next(t for t in doc["targets"] if t["target"] == "phase-2.completion")
    assert phase_two["reachable"] is False  # without the US, no ISF
    assert doc["states"] > 0
    code, _, err = run("explore", "--living", "-1")
    assert code == 2
    assert "--living" in err
    code, _, err = run("explore", *SMALL, "--never", "nobody")
    assert code == 2
    assert "nobody" in err
