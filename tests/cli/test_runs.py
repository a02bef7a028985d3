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
        (["simulate", "bundled", "--runs", "5"], "no perturbation given"),
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
    import gc
    import multiprocessing
    import os
    import signal
    import threading
    import time

    finished = threading.Event()

    def press() -> (
        None
    ):  # Ctrl-C, as the terminal sends it, after 3 s, then each 10 s until it ends
        finished.wait(3.0)
        while not finished.is_set():
            os.kill(os.getpid(), signal.SIGINT)  # a real signal: it wakes a blocked wait too
            finished.wait(10.0)

    # No garbage collection while it runs: an interrupt that lands in a gc callback (pytest keeps
    # one to collect unraisable errors) is swallowed as unraisable, and the run would go on. One
    # that lands in an object's __del__ is swallowed the same way (Python's rule, which a loaded
    # machine's timing can hit): as a user would, the presser presses again.
    gc.disable()
    # A process started in the background by a shell without job control (as CI may start the
    # tests) inherits SIGINT ignored, and Python then leaves it ignored: Ctrl-C from a terminal
    # raises KeyboardInterrupt, so the test gives its process that handler while it runs.
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    presser = threading.Thread(target=press, daemon=True)
    presser.start()
    started = time.monotonic()
    try:
        code, _, err = run("simulate", "bundled", "--delay", "0:3", "--runs", "1000000",
                           "--workers", "2", "-q")  # fmt: skip
    finally:
        finished.set()
        presser.join()
        signal.signal(signal.SIGINT, before)
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


# Bounded sweeps and simulations: refused before any work, with the option that raises the limit.


def test_a_grid_past_the_limit_is_refused_naming_grid_and_max_variants(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gazaplan.runs.sweeps as sweeps

    def judged(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("a variant was judged before the grid was refused")

    monkeypatch.setattr(sweeps, "judge", judged)
    # 1:1000000000 exited 3 with MemoryError; 1:10^22 with OverflowError
    code, out, err = run("sweep", "--grid", "exchange.remains_ratio=1:1000000000")
    assert (code, out) == (2, "")
    assert (
        "--grid: got '1,000,000,000 variants'; the limit is 10,000 variants. Narrow the grid, "
        "or raise the limit with --max-variants N (up to 1,000,000,000)"
    ) in err
    code, _, err = run("sweep", "--grid", f"exchange.remains_ratio=1:{10**22}")
    assert code == 2
    assert "no sweep judges more than 1,000,000,000 variants" in err
    code, _, err = run(
        "sweep",
        "--grid",
        "exchange.remains_ratio=1:1000",
        "--grid",
        "aid.trucks_per_day=1:1000",
        "--max-variants",
        "999999",
    )
    assert code == 2
    assert "got '1,000,000 variants'; the limit is 999,999" in err
    for bad in ("0", "1000000001"):
        code, _, err = run("sweep", "--grid", "exchange.remains_ratio=1:2", "--max-variants", bad)
        assert code == 2
        assert "--max-variants: got" in err


def test_a_raised_limit_runs_and_a_long_sweep_gives_its_estimate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gazaplan.runs.executors as executors

    monkeypatch.setattr(executors, "ESTIMATE_SECONDS", 0.0)  # every sweep is long enough
    argv = ("sweep", "--grid", "exchange.remains_ratio=1:40", "--max-variants", "40")
    code, out, err = run(*argv)
    assert code == 0
    assert "40 variants" in out
    assert err.count("sweep: 40 variants; about") == 1  # one line, on stderr
    assert "each (from the first" in err
    assert run(*argv, "-q")[::2] == (0, "")  # -q: nothing
    code, _, err = run("sweep", "--grid", "exchange.remains_ratio=1:40", "--max-variants", "39")
    assert code == 2
    assert "the limit is 39" in err


@pytest.mark.parametrize(
    ("argv", "match"),
    [
        (  # exited 0, every obligation "not triggered"; then --extremes raised
            ["--delay", "0:100000"],
            (
                "--delay 0:100000: got Uniform(low=0, high=100000); could move "
                "2026-10-07-third-anniversary (2026-10-07) by up to 100,000 days, past the "
                "calendar's limit (instants before 2200-01-01). Bound the delay at 63,273 days"
            ),
        ),
        (["--delay", "0:1000000000"], "past the calendar's limit"),  # exited 3: OverflowError
        (["--delay", "0:1000000000h"], "1,000,000,000 hours, past the calendar's limit"),
        (["--delay", "0:10000000000"], "--delay 0:10000000000: got '0:10000000000'; a delay is"),
        (["--delay=-1000000000:0"], "before the plan's publication"),
        (["--delay", "0:1", "--runs", "10000001"], "at most 10,000,000 runs"),
        (["--delay", "0:1", "--runs", "1000000001"], "at most 10,000,000 runs"),
        (["--delay", "0:1", "--keep-runs"], "--keep-runs: got True; keeps every run for --json"),
        (
            ["--delay", "0:1", "--keep-runs", "--json", "--runs", "1000001"],
            "keeps at most 1,000,000 runs",
        ),
    ],
)
def test_simulations_past_the_calendar_or_the_memory_exit_2_before_any_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str], match: str
) -> None:
    import gazaplan.runs.montecarlo as montecarlo

    def ran(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("a run was drawn before the simulation was refused")

    monkeypatch.setattr(montecarlo, "simulate_runs", ran)
    code, out, err = run("simulate", "bundled", *argv, "--extremes", str(tmp_path), "-q")
    assert (code, out) == (2, ""), err
    assert match in err
    assert not list(tmp_path.iterdir())


def test_a_perturbation_file_past_the_calendar_is_located(tmp_path: Path) -> None:
    import gazaplan as gp
    from gazaplan.runs.perturbations import Delay, Fixed, Perturbation, Uniform

    path = tmp_path / "far.toml"
    gp.dump(Perturbation((Delay(Uniform(0, 2)), Delay(Fixed(70_000), unit="day"))), path)
    code, _, err = run("simulate", "bundled", "--perturbation", str(path), "--runs", "3")
    assert code == 2
    assert f"{path}: steps[1].by: got Fixed(value=70000); could move" in err


def test_keep_runs_adds_every_runs_rows_to_json_and_counts_are_the_same() -> None:
    argv = ("simulate", "bundled", "--delay", "0:3", "--drop", "0.2", "--runs", "40", "--json")
    code, out, _ = run(*argv)
    assert code == 0
    counted = json.loads(out)
    code, out, _ = run(*argv, "--keep-runs")
    kept = json.loads(out)
    assert counted["rows"] == kept["rows"]
    assert counted["failed"] == kept["failed"]
    assert counted["failed_count"] == len(kept["failed"])
    assert "run_rows" not in counted
    assert {r["run"] for r in kept["run_rows"]} == set(range(40))


def test_sweep_explore_switches_stated_conditions_and_refuses_a_timeline() -> None:
    code, out, err = run("sweep", "--explore", "--grid", "position.hamas=on,off",
                         "--grid", "model.living=1", "--grid", "model.deceased=1", "--json")  # fmt: skip
    assert code == 0, err
    doc = json.loads(out)
    assert doc["judgement"] == "exploration"
    assert doc["at"] is None
    stuck = {(r["position.hamas"], r["id"]): r["waits_on"] for r in doc["rows"]}
    assert "p13-decommission" in stuck[(True, "phase-2")]
    assert stuck[(False, "phase-2")] == ""
    code, _, err = run("sweep", "--explore", "--grid", "position.hamas=on", "--at", "2026-01-01")
    assert code == 2
    assert "--at" in err
    assert "replays no timeline" in err
