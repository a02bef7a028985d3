"""``gazaplan explore``: the bundled model explored exhaustively; the stuck finding the stated
positions make; options and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..support.cli import run

SMALL = ("--living", "1", "--deceased", "1", "--target", "phase-1.completion",
         "--target", "phase-2.completion")  # fmt: skip


def _block(out: str, heading: str) -> list[str]:
    """The lines under one heading of the findings, up to the next heading."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"  {heading}"))
    block = []
    for line in lines[start + 1 :]:
        if not line.startswith("    "):
            break
        block.append(line.strip())
    return block


def test_explore_finds_phase_two_reachable_and_stuck_under_the_positions() -> None:
    code, out, err = run("explore", *SMALL)
    assert (code, err) == (0, "")
    doc = json.loads(run("explore", *SMALL, "--json")[1])
    depth = next(t["depth"] for t in doc["targets"] if t["target"] == "phase-2.completion")
    moves = f"{depth} move" + ("" if depth == 1 else "s")
    assert f"phase 2's completion (phase-2.completion): {moves}" in _block(out, "reached")
    assert "every move is hypothetical" in out
    assert out.index("Findings") < out.index("Search:") < out.index("Shortest witnesses")
    code, out, _ = run("explore", *SMALL, "--positions")
    assert code == 0
    assert "phase 2's completion (phase-2.completion)" in _block(out, "stuck")
    assert "which may come from: " in out  # the cycle that explains it, with its obligations
    cycle = out.split("which may come from: ", 1)[1]
    assert "(p13-decommission)" in cycle
    assert "(p16-hand-over)" in cycle


def test_explore_groups_repeated_moves_as_the_json_witness_has_them() -> None:
    living, deceased = 3, 5
    argv = ("--living", str(living), "--deceased", str(deceased), "--target", "phase-1.completion")
    _, out, _ = run("explore", *argv)
    doc = json.loads(run("explore", *argv, "--json")[1])
    (target,) = doc["targets"]
    runs: list[list[str]] = []
    for move in target["witness"]:
        if move["party"].startswith("gazaplan explore"):  # the start it assumes, not a move
            continue
        if runs and runs[-1][0] == move["move"]:
            runs[-1].append(move["move"])
        else:
            runs.append([move["move"]])
    witness = out.split("phase 1's completion (phase-1.completion): ", 2)[2].splitlines()[1:]
    shown = []
    for line in witness:
        if not line.startswith("    "):
            break  # the next witness
        if not line.strip().startswith("assuming"):
            shown.append(line.strip())
    assert len(shown) == len(runs)
    for line, run_ in zip(shown, runs, strict=True):
        expected = f"{len(run_)} x {run_[0]} (" if len(run_) > 1 else f"{run_[0]} ("
        assert line.startswith(expected)
    assert any(len(r) == deceased for r in runs)  # the deceased hostages' returns, one line


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


def test_the_witness_file_of_the_stuck_finding_replays_with_gazaplan_check(tmp_path: Path) -> None:
    witness = tmp_path / "livelock.toml"
    code, out, err = run("explore", *SMALL, "--positions", "--witness", str(witness))
    assert (code, err) == (0, "")
    assert f"wrote the witness to {witness}" in out
    text = witness.read_text("utf-8")
    assert 'name = "gazaplan explore: livelock (hypothetical)"' in text
    assert "2026-08-09+positions" in text  # the stated positions, as an amendment
    assert text.count("hypothetical: a move the model allows") >= 3
    code, out, err = run("check", str(witness))
    assert (code, err) == (0, "")
    assert "phase phase-2 completion: expected UNMET, found UNMET" in out
    assert " 0 of " not in out
    reached = tmp_path / "reached.json"
    assert run("explore", *SMALL, "--witness", str(reached), "--witness-of",
               "phase-2.completion")[0] == 0  # fmt: skip
    code, out, _ = run("check", str(reached))
    assert code == 0
    assert "phase phase-2 completion: expected MET, found MET" in out


def test_invariants_from_the_command_line(tmp_path: Path) -> None:
    cond = tmp_path / "cond.json"
    cond.write_text(json.dumps({"schema_version": 1, "document": "condition", "kind": "equals",
                                "fact": "rafah_crossing", "value": "closed"}))  # fmt: skip
    doc = json.loads(run(
        "explore", *SMALL, "--json", "--invariant", "idf_line!=perimeter", "--invariant",
        "ceasefire_in_force=false", "--invariant", "not phase-2.completion", "--invariant", str(cond),
    )[1])  # fmt: skip
    found = {i["invariant"]: i for i in doc["invariants"]}
    assert found["idf_line!=perimeter"]["broken"] is True  # the forces may reach the perimeter
    assert found["ceasefire_in_force=false"]["depth"] == 2  # Hamas accepts, operations suspended
    assert found["not phase-2.completion"]["verdict"] == "UNMET"
    assert found[str(cond)]["depth"] == 0  # the sources leave Rafah open at the start: assumed
    code, _, err = run("explore", *SMALL, "--invariant", "aid_trucks_per_day=lots")
    assert code == 2
    assert "--invariant" in err
    assert "number" in err
    code, _, err = run("explore", *SMALL, "--invariant", "no_such_fact=1")
    assert code == 2
    assert "no_such_fact" in err
    code, _, err = run("explore", *SMALL, "--witness", str(tmp_path / "w.toml"),
                       "--witness-of", "phase-2.completion", "--never", "us")  # fmt: skip
    assert code == 2
    assert "no witness" in err


def test_an_interrupted_exploration_reports_what_it_explored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gazaplan.exploration as exploration

    def interrupt(_: object) -> None:
        raise KeyboardInterrupt

    real = exploration.explore

    def stopped(*args: object, **kwargs: object) -> object:
        kwargs["progress"] = interrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("gazaplan.cli._explore.explore", stopped)
    code, out, _ = run("explore", *SMALL)
    assert code == 130
    assert "(interrupted)" in out


def test_a_count_past_the_state_limit_is_refused_before_the_model_is_built(
    tmp_path: Path,
) -> None:
    # --living 1000000000 built a billion-value model first: MemoryError, exit 3
    pml = tmp_path / "never-written.pml"
    for extra in ((), ("--to-promela", str(pml))):
        code, _, err = run("explore", "--living", "1000000000", *extra)
        assert code == 2, err
        assert "--living: got 1000000000" in err
        assert "more than the state limit of" in err
        assert "--max-states" in err
        assert not pml.exists()
    code, _, err = run("explore", "--living", "3", "--deceased", "40", "--max-states", "100")
    assert code == 2
    assert "--deceased: got 40" in err
    assert "Pass --deceased 24 or less with --living 3" in err  # 4 x 25 = 100 states


def test_max_states_is_checked_used_and_announced() -> None:
    for bad in ("0", "-5", "1000000001"):
        code, _, err = run("explore", *SMALL, "--max-states", bad)
        assert code == 2
        assert (
            f"--max-states: got {bad}; a state limit is a whole number from 1 to 1,000,000,000"
            in err
        )
    code, _, err = run("explore", *SMALL, "--max-states", "1000")
    assert code == 2
    assert "stopped at the limit of 1,000 states, set by --max-states" in err
    code, out, _ = run("explore", *SMALL, "--max-states", "1000000")
    assert code == 0
    assert "state limit: 1,000,000 states, set by --max-states" in out
    doc = json.loads(run("explore", *SMALL, "--json")[1])
    assert doc["max_states"] >= 100_000
    assert doc["max_states_set_by"].startswith("half the memory left under")


_CAPPED = """
import resource, runpy, sys
status = open("/proc/self/status").read()
in_use = int(status.split("VmSize:")[1].split()[0]) * 1024
cap = in_use + 60_000_000  # the address space now, and 60 MB more
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
sys.argv = ["gazaplan", *sys.argv[1:]]
runpy.run_module("gazaplan", run_name="__main__")
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_under_an_address_space_limit_the_search_stops_at_the_limit_it_announces() -> None:
    # With RLIMIT_AS lowered, the default limit came from the free memory alone: the search ran
    # into MemoryError and exited 3 (--living 100 --deceased 60 under 1.5 GB: 129 s, exit 3).
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", _CAPPED, "explore", "-q", "--living", "20", "--deceased", "10"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "stopped at the limit of" in done.stderr
    assert "the process's address-space limit (RLIMIT_AS" in done.stderr
    assert "--max-states N" in done.stderr


def test_either_engine_gives_the_same_findings_and_says_which_searched() -> None:
    docs = {}
    for engine in ("arrays", "sets"):
        code, out, _ = run("explore", *SMALL, "--positions", "--engine", engine, "--json")
        assert code == 0
        docs[engine] = json.loads(out)
        assert docs[engine]["engine"] == engine
        code, out, _ = run("explore", *SMALL, "--engine", engine)
        assert f"engine: {engine} (" in out
    apart = {"engine", "max_states", "max_states_set_by"}  # the limit: the memory free then
    assert {k: v for k, v in docs["arrays"].items() if k not in apart} == {
        k: v for k, v in docs["sets"].items() if k not in apart
    }
    code, _, err = run("explore", *SMALL, "--engine", "gpu")
    assert code == 2
    assert "invalid choice: 'gpu'" in err


def test_whole_plan_explores_every_phase_and_says_so() -> None:
    code, out, _ = run("explore", "--whole-plan", "--living", "0", "--deceased", "0",
                       "--max-depth", "4", "--json")  # fmt: skip
    assert code == 0
    found = json.loads(out)
    assert found["whole_plan"] is True
    assert "pa-reform.entry" in {t["target"] for t in found["targets"] if t["reachable"]}
    code, out, _ = run("explore", "--whole-plan", "--living", "0", "--deceased", "0",
                       "--max-depth", "2")  # fmt: skip
    assert code == 0
    assert "the whole plan's model with 0 living and 0 deceased hostages" in out
