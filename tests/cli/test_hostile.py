"""Inputs a hostile user tried (hardening issue, item 9): each is refused with a message naming the
place, the value and the fix, never accepted silently or blamed on the wrong thing; and public
functions given the wrong type raise a gazaplan error, not a TypeError or AttributeError.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import gazaplan as gp
from gazaplan.time.datasets import Dataset

from ..support.cli import run

# (argv, a text the error must contain); every one must exit 2 with "gazaplan: error:".
REFUSED: dict[str, tuple[list[str], str]] = {
    "diff: a missing file is not an unknown version": (
        ["diff", "2025-09-29", "/nonexistent/plan.toml"],
        "no such file",
    ),
    "compare: a missing file is not an unknown version": (
        ["compare", "2025-09-29", "/nonexistent.json"],
        "no such file",
    ),
    "diff: an empty plan": (["diff", "2025-09-29", ""], "is empty"),
    "diff: a directory is not a plan": (["diff", "2025-09-29", "/"], "not a regular file"),
    "validate: a directory is said so, not blamed on its suffix": (
        ["validate", "/"],
        "Is a directory",
    ),
    "validate: a missing file without a suffix is said missing": (
        ["validate", "/nonexistent"],
        "No such file",
    ),
    "validate: an empty file name": (["validate", ""], "the file name is empty"),
    "--release: an unknown release names the option": (
        ["timeline", "--release", "2099.01"],
        "--release: unknown version",
    ),
    "--plan: an unknown version names the option": (
        ["report", "--plan", "nope"],
        "--plan: unknown version",
    ),
    "points --plan: an unknown version names the option": (
        ["points", "--plan", " 2025-09-29"],
        "--plan: unknown version",
    ),
    "data validate: an empty name does not blame the bundled file": (
        ["data", "validate", ""],
        "the file name is empty",
    ),
    "data diff: OLD later than NEW": (["data", "diff", "2026.10", "2026.05"], "later release"),
    "data diff: OLD and NEW the same": (["data", "diff", "2026.10", "2026.10"], "same release"),
    "data diff: an empty OLD names OLD": (["data", "diff", "", "2026.10"], "data diff OLD"),
    "data export: an empty PATH does not write into the current folder": (
        ["data", "export", ""],
        "data export PATH",
    ),
    "data export --release: an unknown release names the option": (
        ["data", "export", "{tmp}/out", "--release", "2099.01"],
        "--release: unknown version",
    ),
    "data releases --file: empty": (["data", "releases", "--file", ""], "--file"),
    "analyse --limit: negative, named as the option": (["analyse", "--limit", "-1"], "--limit"),
    "explore --target: empty": (["explore", "--living", "1", "--target", ""], "--target"),
    "explore --invariant: empty": (["explore", "--living", "1", "--invariant", ""], "--invariant"),
    "explore --invariant: a folder is read as a file": (
        ["explore", "--living", "1", "--invariant", "{tmp}"],
        "Is a directory",
    ),
    "explore --witness-of without --witness": (
        ["explore", "--living", "1", "--witness-of", "deadlock"],
        "--witness-of",
    ),
    "explore --witness: a suffix with no format, before exploring": (
        ["explore", "--witness", "{tmp}/w.txt"],
        "--witness: got",
    ),
    "explore --witness: a folder that does not exist": (
        ["explore", "--living", "1", "--witness", "{tmp}/no/w.toml"],
        "its folder does not exist",
    ),
    "explore --to-promela: empty": (["explore", "--to-promela", ""], "--to-promela"),
    "explore --living: a table too wide names the option": (
        ["explore", "--living", "100000", "--deceased", "1"],
        "--living: got 100000",
    ),
    "sweep --grid: nan": (["sweep", "--grid", "exchange.remains_ratio=nan"], "digits 0-9"),
    "sweep --grid: a trailing comma": (["sweep", "--grid", "exchange.remains_ratio=5,"], "empty"),
    "simulate --drop: nan": (["simulate", "bundled", "--drop", "nan"], "--drop"),
    "report --at: before the plan's publication": (
        ["report", "--at", "2020-01-01"],
        "before the plan was published",
    ),
    "export: a file without a suffix names the file": (
        ["export", "plan", "{tmp}/out"],
        "{tmp}/out: (document): unknown file type",
    ),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_bad_input_is_refused_naming_the_place(name: str, tmp_path: Path) -> None:
    argv, needle = REFUSED[name]
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = run(*argv)
    assert code == 2, (code, out, err)
    assert err.startswith("gazaplan: error:"), err
    assert needle.replace("{tmp}", str(tmp_path)) in err, err
    assert "<string>" not in err
    assert "Traceback" not in err


def test_data_export_to_a_file_is_not_reported_as_file_exists(tmp_path: Path) -> None:
    target = tmp_path / "a-file.txt"
    target.write_text("x")
    code, _, err = run("data", "export", str(target))
    assert code == 2
    assert "is a file, not a directory" in err


def test_data_export_with_an_empty_dir_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("data", "export", "")[0] == 2
    assert list(tmp_path.iterdir()) == []


PLAN = gp.plan()
STATE = gp.State.initial(PLAN)
WRONG_TYPES: dict[str, Callable[[], Any]] = {
    "load(None, Scenario)": lambda: gp.load(None, gp.Scenario),  # type: ignore[arg-type]
    "load(123, Scenario)": lambda: gp.load(123, gp.Scenario),  # type: ignore[arg-type]
    "loads(None, Scenario)": lambda: gp.loads(None, gp.Scenario),  # type: ignore[arg-type]
    "loads(123, Scenario)": lambda: gp.loads(123, gp.Scenario),  # type: ignore[arg-type]
    "loads(text, Scenario, plan='x')": lambda: gp.loads("{}", gp.Timeline, plan="x"),  # type: ignore[arg-type]
    "dump(plan, None)": lambda: gp.dump(PLAN, None),  # type: ignore[arg-type]
    "dump_scenario(plan, path)": lambda: gp.dump_scenario(PLAN, "x.json"),  # type: ignore[arg-type]
    "load_scenario(None)": lambda: gp.load_scenario(None),  # type: ignore[arg-type]
    "check_phase('x', 'phase-1', state)": lambda: gp.check_phase("x", "phase-1", STATE),  # type: ignore[arg-type]
    "check_phase(plan, 'phase-1', None)": lambda: gp.check_phase(PLAN, "phase-1", None),  # type: ignore[arg-type]
    "check_phase(plan, None, state)": lambda: gp.check_phase(PLAN, None, STATE),  # type: ignore[arg-type]
    "check_plan(plan, None)": lambda: gp.check_plan(PLAN, None),  # type: ignore[arg-type]
    "dataset().release(5)": lambda: gp.dataset().release(5),  # type: ignore[arg-type]
    "dataset().entry(None)": lambda: gp.dataset().entry(None),  # type: ignore[arg-type]
    "report('x', timeline)": lambda: gp.report("x", gp.timeline()),  # type: ignore[arg-type]
    "report([plan, 5], timeline)": lambda: gp.report([PLAN, 5], gp.timeline()),  # type: ignore[list-item]
    "report(plan, 'x')": lambda: gp.report(PLAN, "x"),  # type: ignore[arg-type]
    "compliance('x', timeline)": lambda: gp.compliance("x", gp.timeline()),  # type: ignore[arg-type]
    "replay(plan, timeline, start='x')": lambda: gp.replay(PLAN, gp.timeline(), start="x"),  # type: ignore[arg-type]
    "history('x', timeline)": lambda: gp.history("x", gp.timeline()),  # type: ignore[arg-type]
    "diff('x', plan)": lambda: gp.diff("x", PLAN),  # type: ignore[arg-type]
    "amend('x')": lambda: gp.amend("x"),  # type: ignore[arg-type]
    "analyse(plan, 'x')": lambda: gp.analyse(PLAN, "x"),  # type: ignore[arg-type]
    "graph('x')": lambda: gp.graph("x"),  # type: ignore[arg-type]
    "explore('x')": lambda: gp.explore("x"),  # type: ignore[arg-type]
    "plan(5)": lambda: gp.plan(5),  # type: ignore[arg-type]
    "evaluate(condition, 'x')": lambda: gp.evaluate(PLAN.phase("phase-1").entry, "x"),  # type: ignore[arg-type]
    "first_met(plan, timeline, 5)": lambda: gp.first_met(PLAN, gp.timeline(), 5),  # type: ignore[arg-type]
    "write_html_report('x', timeline, path)": lambda: gp.write_html_report(
        "x",  # type: ignore[arg-type]
        gp.timeline(),
        "x.html",
    ),
    "check_scenario('x')": lambda: gp.check_scenario("x"),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("name", sorted(WRONG_TYPES))
def test_a_public_function_given_the_wrong_type_raises_a_gazaplan_error(name: str) -> None:
    with pytest.raises(gp.GazaplanError, match="expected a"):
        WRONG_TYPES[name]()


def test_dataset_type_is_still_exported() -> None:
    assert isinstance(gp.dataset(), Dataset)


# -- sweeps, simulations and the explorer ------------------------------------------------------

GRID = ["sweep", "--plan", "2025-10-09", "-q", "--grid"]


def test_sweep_grid_with_an_empty_item_is_refused() -> None:
    assert run(*GRID, "exchange.remains_ratio=5,,6")[0] == 2


def test_sweep_grid_with_a_unicode_digit_is_refused() -> None:
    assert run(*GRID, "exchange.remains_ratio=\u0665,6")[0] == 2


def test_sweep_grid_with_an_underscore_is_refused() -> None:
    assert run(*GRID, "exchange.remains_ratio=1_0,6")[0] == 2


def test_sweep_grid_given_twice_for_one_path_is_refused() -> None:
    argv = [*GRID, "exchange.remains_ratio=5", "--grid", "exchange.remains_ratio=6"]
    assert run(*argv)[0] == 2


def test_simulate_delay_with_a_unicode_digit_is_refused() -> None:
    code, _, _err = run("simulate", "bundled", "--runs", "1", "-q", "--delay", "0:\u0663")
    assert code == 2


def test_simulate_drop_with_a_unicode_digit_is_refused() -> None:
    code, _, _err = run("simulate", "bundled", "--runs", "1", "-q", "--drop", "\u0660.\u0665")
    assert code == 2


def test_explore_missing_invariant_file_is_said_missing() -> None:
    code, _, err = run("explore", "--living", "1", "--deceased", "1", "--invariant", "/no.toml")
    assert code == 2, err
    assert "No such file" in err, err


def test_explore_empty_never_is_said_empty() -> None:
    code, _, err = run("explore", "--living", "1", "--deceased", "1", "--never", "")
    assert code == 2, err
    assert "--never" in err, err


def test_explore_negative_max_depth_names_the_option() -> None:
    code, _, err = run("explore", "--living", "1", "--deceased", "1", "--max-depth", "-1")
    assert code == 2, err
    assert "--max-depth" in err, err
