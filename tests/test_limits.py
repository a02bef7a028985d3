"""The README's limits: every bound it states is the one the code enforces, and going past each
gets an error that names the bound (its figure or its option) and how to stay within it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import gazaplan as gp
from gazaplan.core import conditions
from gazaplan.core._checks import MAX_NUMBER
from gazaplan.exploration import _limits, _packing, _vectorised, promela
from gazaplan.files import documents
from gazaplan.runs import _scheduler, executors, montecarlo, sweeps

from .support.cli import run

README = " ".join((Path(__file__).parents[1] / "README.md").read_text("utf-8").split())
LIMITS = README[README.index("**Limits.**") : README.index("**Examples:**")]

# Each constant, as the README's limits write it.
STATED: dict[str, tuple[object, str]] = {
    "sweeps.MAX_VARIANTS": (sweeps.MAX_VARIANTS, "at most 10,000 variants"),
    "sweeps.VARIANTS_CEILING": (sweeps.VARIANTS_CEILING, "to at most 1,000,000,000"),
    "montecarlo.MAX_RUNS": (montecarlo.MAX_RUNS, "at most 10,000,000 runs"),
    "montecarlo.MAX_KEPT_RUNS": (montecarlo.MAX_KEPT_RUNS, "at most 1,000,000 runs"),
    "montecarlo.MAX_FAILED_KEPT": (montecarlo.MAX_FAILED_KEPT, "first 100 failed runs"),
    "_limits.MAX_STATES": (_limits.MAX_STATES, "--max-states N` from 1 to 1,000,000,000"),
    "_limits.MIN_STATES": (_limits.MIN_STATES, "at least 100,000 states"),
    "_limits.BYTES_PER_STATE": (_limits.BYTES_PER_STATE, "130 bytes a state with the set engine"),
    "ArraySearch.bytes_per_state": (
        _vectorised.ArraySearch.bytes_per_state,
        "16 bytes a state with the array engine",
    ),
    "_packing.MAX_TABLE": (_packing.MAX_TABLE, "at most 1,048,576 (2^20)"),
    "executors.MAX_TIMEOUT": (executors.MAX_TIMEOUT, "at most 3,600"),
    "_scheduler.MAX_HANDSHAKE": (_scheduler.MAX_HANDSHAKE, "at most 64 KiB"),
    "documents.MAX_BYTES": (documents.MAX_BYTES, "up to 64 MiB"),
    "documents.MAX_DEPTH": (documents.MAX_DEPTH, "64 levels of nesting"),
    "conditions.MAX_DEPTH": (conditions.MAX_DEPTH, "at most 100 levels deep"),
    "core MAX_NUMBER": (MAX_NUMBER, "up to a billion"),
}
VALUES: dict[str, object] = {
    "sweeps.MAX_VARIANTS": 10_000,
    "sweeps.VARIANTS_CEILING": 10**9,
    "montecarlo.MAX_RUNS": 10**7,
    "montecarlo.MAX_KEPT_RUNS": 10**6,
    "montecarlo.MAX_FAILED_KEPT": 100,
    "_limits.MAX_STATES": 10**9,
    "_limits.MIN_STATES": 100_000,
    "_limits.BYTES_PER_STATE": 130,
    "ArraySearch.bytes_per_state": 16,
    "_packing.MAX_TABLE": 2**20,
    "executors.MAX_TIMEOUT": 3600,
    "_scheduler.MAX_HANDSHAKE": 64 * 1024,
    "documents.MAX_BYTES": 64 * 1024 * 1024,
    "documents.MAX_DEPTH": 64,
    "conditions.MAX_DEPTH": 100,
    "core MAX_NUMBER": 10**9,
}


@pytest.mark.parametrize("name", sorted(STATED))
def test_the_readme_states_each_bound_the_code_enforces(name: str) -> None:
    value, words = STATED[name]
    assert value == VALUES[name], f"{name} is {value}; update the README's limits and this test"
    assert words in LIMITS, f"the README's limits do not say {words!r} ({name})"


# Past each bound: the command (or call), and what the error must name.
DELAY = ["simulate", "bundled", "--delay", "1"]
PAST: dict[str, tuple[list[str], str]] = {
    "instants before 2200": (["report", "--at", "2200-01-01"], "up to (not including) 2200"),
    "--at after publication": (["report", "--at", "2025-09-28"], "Pass --at 2025-09-29 or later"),
    "counts up to a billion": (
        ["sweep", "--grid", "exchange.remains_ratio=1000000001"],
        "at most 1,000,000,000",
    ),
    "digits 0-9": (["sweep", "--grid", "exchange.remains_ratio=\u0665"], "digits 0-9"),
    "deadlines up to a hundred years": (
        ["sweep", "--grid", "deadline.p4-return-hostages=878401"],
        "a hundred years",
    ),
    "sweep variants": (
        ["sweep", "--grid", "exchange.remains_ratio=1:10001"],
        "the limit is 10,000 variants. Narrow the grid, or raise the limit with --max-variants",
    ),
    "--max-variants": (
        ["sweep", "--grid", "exchange.remains_ratio=1:2", "--max-variants", "1000000001"],
        "from 1 to 1,000,000,000",
    ),
    "Monte Carlo runs": ([*DELAY, "--runs", "10000001"], "at most 10,000,000 runs"),
    "--keep-runs": (
        [*DELAY, "--runs", "1000001", "--keep-runs", "--json"],
        "--keep-runs: got '--runs 1000001'; keeps at most 1,000,000 runs",
    ),
    "delays": (
        ["simulate", "bundled", "--delay", "0:1000000001"],
        "from -1,000,000,000 to 1,000,000,000",
    ),
    "delays past 2199": (
        ["simulate", "bundled", "--runs", "1", "--delay", "0:100000"],
        "instants before 2200-01-01",
    ),
    "delays before publication": (
        ["simulate", "bundled", "--runs", "1", "--delay=-100000:0"],
        "2025-09-29",
    ),
    "--max-states": (["explore", "--max-states", "1000000001"], "from 1 to 1,000,000,000"),
    "hostage counts against the state limit": (
        ["explore", "--living", "100000", "--max-states", "1000"],
        "more than the state limit of 1,000 states, set by --max-states",
    ),
    "a condition's table": (
        ["explore", "--living", "100000", "--deceased", "1"],
        "more than the 1,048,576 a condition's table holds",
    ),
    "--timeout": (
        [*DELAY, "--timeout", "3601", "--scheduler", "tcp://127.0.0.1:1"],
        "at most 3600",
    ),
}


@pytest.mark.parametrize("name", sorted(PAST))
def test_past_each_bound_the_error_names_it(name: str) -> None:
    argv, needle = PAST[name]
    code, _, err = run(*argv)
    assert code == 2, err
    assert err.startswith("gazaplan: error:"), err
    assert needle in err, err
    assert "Traceback" not in err


def _deep_condition() -> Any:
    plan = gp.plan()
    cond: Any = plan.phase("phase-1").entry
    for _ in range(conditions.MAX_DEPTH + 1):
        cond = gp.Not(cond)
    return gp.evaluate(cond, gp.State.initial(plan), plan=plan)


CALLS: dict[str, tuple[Callable[[], object], str]] = {
    "documents up to 64 MiB": (
        lambda: gp.loads(" " * (documents.MAX_BYTES + 1), gp.Timeline),
        "the limit is 67,108,864 (64 MiB)",
    ),
    "documents 64 levels deep": (
        lambda: gp.loads("[" * 65 + "]" * 65, gp.Timeline),
        "nested more than 64 levels deep",
    ),
    "conditions 100 levels deep": (_deep_condition, "100"),
    "Promela's values a variable": (
        lambda: promela._type("hostages_living_returned", 2**31 + 1),
        "(2,147,483,647)",
    ),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_past_each_bound_of_the_library_the_error_names_it(name: str) -> None:
    call, needle = CALLS[name]
    with pytest.raises(gp.GazaplanError) as caught:
        call()
    assert needle in str(caught.value), str(caught.value)
    assert re.search(r"\. [A-Z]", str(caught.value)) or "\n" in str(caught.value)  # with a fix
