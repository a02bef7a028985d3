"""The benchmark's hand-written if-chain must give the engine's answers, or its ratios mean nothing."""

from __future__ import annotations

import pytest
from benchmarks.bench_check import main as bench_main
from benchmarks.ifchain import check, engine
from hypothesis import given

import gazaplan as gp

from .support.strategies import PLAN, full_states, states


@given(states())
def test_if_chain_agrees_with_the_engine(s: gp.State) -> None:
    assert check(s) == engine(PLAN, s)


@given(full_states())
def test_if_chain_agrees_on_fully_known_states(s: gp.State) -> None:
    assert check(s) == engine(PLAN, s)


def test_benchmark_runs(capsys: object) -> None:
    assert bench_main(["--quick"]) == 0


def test_timeline_benchmark_runs() -> None:
    from benchmarks.bench_timeline import main as timeline_main

    assert timeline_main(["--quick"]) == 0


def test_append_benchmark_runs() -> None:
    from benchmarks.bench_append import exponent
    from benchmarks.bench_append import main as append_main

    assert append_main(["--quick"]) == 0
    assert exponent([1, 10, 100], [1.0, 10.0, 100.0]) == pytest.approx(1.0)
    assert exponent([1, 10, 100], [1.0, 100.0, 10_000.0]) == pytest.approx(2.0)


def test_the_runner_fits_growth_and_interleaves_its_variants() -> None:
    from benchmarks.measure import exponent, interleaved

    assert exponent([1000, 10_000, 100_000], [1.0, 10.0, 100.0]) == pytest.approx(1.0)
    assert exponent([1000, 10_000, 100_000], [1.0, 100.0, 10_000.0]) == pytest.approx(2.0)
    calls: list[str] = []
    got = interleaved(
        lambda: calls.append("base"),
        {"a": lambda: calls.append("a"), "b": lambda: calls.append("b")},
        rounds=3,
    )
    assert calls == ["base", "a", "b", "a", "b", "base", "b", "base", "a"]  # each round turns
    assert set(got) == {"a", "b"}
    assert all(r.low <= r.high and r.baseline > 0 for r in got.values())
