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


def test_a_run_is_written_as_data_every_goal_with_its_numbers() -> None:
    import json

    from benchmarks.measure import Ratio
    from benchmarks.run import Report, machine, of

    rep = Report(quick=True)
    rep.goal("replay", "9.4 us/event", "37x", "<= 10 us", True, **of(Ratio(0.02, 0.001, 19, 21)))
    rep.goal("first use", "50 ms", "1.4x", "<= 1x", False, value=0.05, baseline=0.035)
    rep.goal("explore: states a second vs SPIN's pan", "2/s", "0.5x", "(information)", None,
             value=2.0, unit="states/s", baseline=4.0)  # fmt: skip
    rep.series("replay", [1, 10, 100], [1.0, 10.0, 100.0], 1.1)
    doc = json.loads(json.dumps(rep.document(machine())))
    assert doc["machine"]["cpus"] >= 1
    goals = {g["name"]: g for g in doc["goals"]}
    keys = {"name", "measured", "unit", "baseline", "ratio", "spread", "goal", "met"}
    assert all(set(g) == keys for g in doc["goals"])
    assert goals["replay"]["ratio"] == pytest.approx(20.0)
    assert goals["replay"]["spread"] == [19, 21]
    assert goals["first use"]["ratio"] == pytest.approx(0.05 / 0.035)
    assert goals["first use"]["met"] is False
    assert goals["explore: states a second vs SPIN's pan"]["ratio"] == pytest.approx(0.5)
    assert goals["explore: states a second vs SPIN's pan"]["met"] is None
    assert goals["growth of replay"]["measured"] == pytest.approx(1.0)
    assert goals["growth of replay"]["met"] is True
