"""``gazaplan sweep`` and ``gazaplan simulate``: grids and perturbations from the command line,
JSON, worker processes, the extreme runs as scenario files that replay; bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..support.cli import run


def test_sweep_prints_what_varies_and_json_has_every_row() -> None:
    code, out, err = run("sweep", "--grid", "exchange.remains_ratio=14:17", "-q")
    assert (code, err) == (0, "")
    assert "exchange.remains_ratio (4 values): 4 variants" in out
    assert "exchange.remains_ratio = 14-15" in out
    assert "judged at 2026-10-09" in out  # the release's data as of, as every command
    code, out, _ = run(
        "sweep",
        "--grid",
        "exchange.remains_ratio=14:17",
        "--grid",
        "since.p4-return-hostages=acceptance,pull-back",
        "--json",
    )
    doc = json.loads(out)
    assert doc["command"] == "sweep"
    assert [a["path"] for a in doc["axes"]] == [
        "exchange.remains_ratio",
        "since.p4-return-hostages",
    ]
    assert (
        len({(r["exchange.remains_ratio"], r["since.p4-return-hostages"]) for r in doc["rows"]})
        == 8
    )
    p4 = [r for r in doc["rows"] if r["id"] == "p4-return-hostages"]
    assert all(isinstance(r["lateness"], float) for r in p4)  # seconds, as every duration


def test_workers_give_the_same_sweep() -> None:
    serial = json.loads(run("sweep", "--grid", "deadline.p4-return-hostages=24:72:24", "--json")[1])
    pooled = json.loads(
        run("sweep", "--grid", "deadline.p4-return-hostages=24:72:24", "--json", "--workers", "2")[
            1
        ]
    )
    assert pooled["rows"] == serial["rows"]


def test_simulate_prints_probabilities_and_writes_the_extremes(tmp_path: Path) -> None:
    code, out, err = run(
        "simulate",
        "bundled",
        "--delay",
        "0:3",
        "--runs",
        "200",
        "--seed",
        "5",
        "--extremes",
        str(tmp_path),
        "-q",
    )
    assert (code, err) == (0, "")
    assert "200 runs of 'the bundled timeline (release 2026.10)'" in out
    assert "p3-withdraw-to-first-line" in out
    assert "95% interval" in out
    files = sorted(tmp_path.glob("*.toml"))
    assert len(files) == 2
    code, checked, _ = run("check", *map(str, files))
    assert code == 0, checked  # each run's statuses replay as its expectations
    doc = json.loads(
        run(
            "simulate",
            "bundled",
            "--delay",
            "hostages_released=0:12h",
            "--drop",
            "0.01",
            "--pick-claims",
            "--runs",
            "50",
            "--json",
        )[1]
    )
    assert doc["runs"] == 50
    assert doc["seed"] == 1
    assert "pick one claim" in doc["perturbation"]
    assert "kinds hostages_released" in doc["perturbation"]
    assert {"latest", "least late"} == set(doc["extremes"])


def test_simulate_reads_a_perturbation_file(tmp_path: Path) -> None:
    import gazaplan as gp
    from gazaplan.runs.perturbations import Delay, Perturbation, Uniform

    path = tmp_path / "late.toml"
    gp.dump(Perturbation((Delay(Uniform(0, 2)),), name="late"), path)
    code, out, err = run("simulate", "bundled", "--perturbation", str(path), "--runs", "30", "-q")
    assert code == 0, err
    assert "delay every event by 0 to 2 days" in out


def test_simulate_runs_a_scenario_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    assert run("export", "scenario", str(path))[0] == 0
    code, out, err = run("simulate", str(path), "--delay", "0:1", "--runs", "20", "-q")
    assert code == 0, err
    assert "20 runs of" in out


@pytest.mark.parametrize(
    ("argv", "match"),
    [
        (["sweep"], "a sweep needs a grid"),
        (["sweep", "--grid", "exchange.nothing=1:2"], "names no term"),
        (["sweep", "--grid", "exchange.remains_ratio=5"], ""),  # one value: a sweep of one
        (
            [
                "sweep",
                "--grid",
                "exchange.remains_ratio=1:2",
                "--workers",
                "2",
                "--scheduler",
                "tcp://x:1",
            ],
            "Pass one of them",
        ),
        (["simulate", "bundled", "--runs", "0", "--delay", "0:1"], "at least one run"),
        (["simulate", "bundled", "--runs", "5"], "needs a step"),
        (["simulate", "bundled", "--delay", "soon"], "whole numbers"),
        (["simulate", "bundled", "--delay=-3:0"], "before the plan's publication"),
        (["simulate", "bundled", "--drop", "2"], "Drop.probability"),
        (["simulate", "bundled", "--drop", "rumour=0.5"], "is no kind of event"),
        (
            [
                "simulate",
                "bundled",
                "--delay",
                "0:1",
                "--scheduler",
                "tcp://127.0.0.1:9",
                "--timeout",
                "1",
            ],
            "no Dask scheduler answered there within 1 s",
        ),
    ],
)
def test_bad_input_exits_2_naming_the_place(argv: list[str], match: str) -> None:
    code, _, err = run(*argv)
    if not match:
        assert code == 0
        return
    assert code == 2, err
    assert match in err


def test_ctrl_c_cancels_the_pending_runs_and_leaves_no_worker() -> None:
    import _thread
    import gc
    import multiprocessing
    import threading
    import time

    timer = threading.Timer(3.0, _thread.interrupt_main)  # Ctrl-C, as the terminal sends it
    # No garbage collection while it runs: an interrupt that lands in a gc callback (pytest keeps
    # one to collect unraisable errors) is swallowed as unraisable, and the run would go on.
    gc.disable()
    timer.start()
    started = time.monotonic()
    try:
        code, _, err = run("simulate", "bundled", "--delay", "0:3", "--runs", "1000000",
                           "--workers", "2", "-q")  # fmt: skip
    finally:
        timer.cancel()
        gc.enable()
    assert code == 130
    assert "interrupted" in err
    assert time.monotonic() - started < 60  # not the million runs
    assert multiprocessing.active_children() == []  # the pool's workers have ended


@pytest.mark.parametrize("wait", ["nan", "-1", "0", "inf", "1e9"])
def test_a_wait_that_is_not_a_number_of_seconds_is_refused(wait: str) -> None:
    # --timeout nan exited 3 and --timeout -1 was accepted
    code, out, err = run("simulate", "bundled", "--drop", "0.1", "--runs", "2", "--timeout", wait)
    assert code == 2
    assert out == ""
    assert f"--timeout: got {float(wait)!r}; a wait is a number of seconds above 0" in err
