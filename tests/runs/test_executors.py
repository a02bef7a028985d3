"""Executors: sweeps and simulations give bit-identical results serially, in a process pool
started with ``spawn`` and on a real Dask ``LocalCluster`` (two worker processes); Ctrl-C
cancels what has not started; a scheduler that does not answer is a clear error in time."""

from __future__ import annotations

import multiprocessing
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

import pytest

import gazaplan as gp
from gazaplan import InvalidValueError
from gazaplan.runs import run_all
from gazaplan.runs.executors import dask_client, executor_of, progress_bar
from gazaplan.runs.perturbations import Delay, Drop, Perturbation, PickClaim, Uniform

PLAN = gp.plan()
SCENARIO = gp.Scenario(name="bundled", version=PLAN.version, timeline=gp.timeline())
GRID: dict[str, list[Any]] = {
    "exchange.remains_ratio": [5, 15, 16, 25],
    "since.p4-return-hostages": ["acceptance", "pull-back"],
}
MIXED = Perturbation((Delay(Uniform(0, 4)), PickClaim(), Drop(0.02)))


@pytest.fixture(scope="module")
def serial() -> tuple[Any, Any]:
    return (
        gp.sweep(PLAN, GRID, timeline=SCENARIO.timeline),
        gp.monte_carlo(SCENARIO, MIXED, 240, seed=2026, keep_runs=True),
    )


@pytest.fixture(scope="module")
def spawn_pool() -> Iterator[ProcessPoolExecutor]:
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield pool


@pytest.fixture(scope="module")
def cluster_client() -> Iterator[Any]:
    import distributed

    client_of: Any = distributed.Client  # distributed ships no complete types
    cluster_of: Any = distributed.LocalCluster

    with (
        cluster_of(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
        ) as cluster,
        client_of(cluster) as client,
    ):
        yield client


def test_a_spawned_process_pool_gives_bit_identical_results(
    serial: tuple[Any, Any], spawn_pool: ProcessPoolExecutor
) -> None:
    sweep, sim = serial
    assert (
        gp.sweep(PLAN, GRID, timeline=SCENARIO.timeline, executor=spawn_pool).variants
        == sweep.variants
    )
    again = gp.monte_carlo(SCENARIO, MIXED, 240, seed=2026, executor=spawn_pool, keep_runs=True)
    assert again.runs == sim.runs
    assert again.rows() == sim.rows()


def test_a_dask_local_cluster_gives_bit_identical_results(
    serial: tuple[Any, Any], cluster_client: Any
) -> None:
    sweep, sim = serial
    on_cluster = gp.sweep(PLAN, GRID, timeline=SCENARIO.timeline, executor=cluster_client)
    assert on_cluster.variants == sweep.variants
    # the Client itself, or its concurrent.futures executor: the same
    again = gp.monte_carlo(
        SCENARIO, MIXED, 240, seed=2026, executor=cluster_client.get_executor(), keep_runs=True
    )
    assert again.runs == sim.runs
    workers = cluster_client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2  # two worker processes did the work


def test_batches_cover_every_item_in_order() -> None:
    def double(_payload: None, batch: Sequence[int]) -> list[int]:
        return [2 * i for i in batch]

    seen: list[tuple[int, int]] = []
    with ThreadPoolExecutor(3) as pool:
        out = run_all(
            double, None, range(1000), executor=pool, progress=lambda d, t: seen.append((d, t))
        )
    assert out == [2 * i for i in range(1000)]
    assert seen[-1] == (1000, 1000)
    assert run_all(double, None, range(7), executor=None) == [2 * i for i in range(7)]


def test_ctrl_c_cancels_the_batches_not_started() -> None:
    started: list[int] = []
    gate = threading.Event()

    def slow(_payload: None, batch: Sequence[int]) -> list[int]:
        started.append(batch[0])
        if len(started) > 2:
            gate.wait(5)  # holds the one worker thread: the rest stay pending
        time.sleep(0.03)
        return list(batch)

    def interrupt(done: int, total: int) -> None:
        if done > 2:
            raise KeyboardInterrupt

    def go(pool: ThreadPoolExecutor) -> None:
        try:
            run_all(slow, None, range(400), executor=pool, progress=interrupt)
        finally:
            gate.set()

    with ThreadPoolExecutor(1) as pool, pytest.raises(KeyboardInterrupt):
        go(pool)
    assert len(started) < 20  # of some 50 batches, the pending ones never ran


RACE = """
import random, signal, sys, time
from concurrent.futures import ThreadPoolExecutor
from gazaplan.runs.executors import iter_all

def work(_payload, batch):
    time.sleep(0.0005)
    return list(batch)

def stop(_signum, _frame):
    raise KeyboardInterrupt

signal.signal(signal.SIGALRM, stop)
rng = random.Random(1)
for _ in range(200):
    pool = ThreadPoolExecutor(2)
    try:
        signal.setitimer(signal.ITIMER_REAL, rng.uniform(0.001, 0.03))
        for _ in iter_all(work, None, range(100000), executor=pool):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    pool.shutdown(wait=True, cancel_futures=True)
print("ended")
"""


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="interval timers (POSIX)")
def test_an_interrupt_at_any_moment_leaves_the_pool_able_to_shut_down() -> None:
    # A signal raises at any bytecode of the thread it lands in. When that thread took a
    # future's lock (as concurrent.futures.wait does), the lock stayed held and the pool's
    # shutdown hung for good (1 in about 30 SIGTERMs to `gazaplan sweep --workers 2`; 200
    # interrupts here hung every time). The reading thread now only waits on queues.
    done = subprocess.run(
        [sys.executable, "-c", RACE], capture_output=True, text=True, timeout=120, check=False
    )
    assert (done.returncode, done.stdout.strip()) == (0, "ended"), done.stderr


def test_what_is_no_executor_and_an_unreachable_scheduler_are_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"neither a concurrent\.futures\.Executor"):
        executor_of(object())
    start = time.monotonic()
    with pytest.raises(InvalidValueError, match="no Dask scheduler answered there within 1 s"):
        dask_client("tcp://127.0.0.1:9", timeout=1)
    assert time.monotonic() - start < 15


def test_the_progress_bar_is_off_when_not_asked_on_a_pipe(
    capsys: pytest.CaptureFixture[str],
) -> None:
    tell, close = progress_bar(10, "sweep", None)  # stderr is captured: not a terminal
    assert tell is not None  # no bar, but an estimate if the work is long: this is not
    for done in range(1, 11):
        tell(done, 10)
    close()
    assert capsys.readouterr().err == ""
    assert progress_bar(10, "sweep", False)[0] is None
    tell, close = progress_bar(10, "sweep", True)
    assert tell is not None
    tell(10, 10)
    close()
    assert "sweep" in capsys.readouterr().err
