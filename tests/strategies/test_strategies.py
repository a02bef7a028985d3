"""The public strategies: importable on their own, and cheap enough for a user's own tests."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp

# Hypothesis' own defaults, as in a user's test file without a conftest: a 200 ms deadline and
# every health check on (generation must take well under a second for the first inputs).
USERS = settings(settings.get_profile("default"), max_examples=15, database=None)


@pytest.mark.parametrize(
    "code",
    [
        "import gazaplan.strategies",
        "import hypothesis; import gazaplan.strategies",
        "import gazaplan, hypothesis.strategies as st; st.from_type(gazaplan.Timeline).example()",
    ],
)
def test_strategies_import_in_a_fresh_interpreter(code: str) -> None:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


@USERS
@given(st.from_type(gp.Timeline))
def test_a_users_timeline_test_passes_the_health_checks(timeline: gp.Timeline) -> None:
    gp.replay(gp.plan("2025-09-29"), timeline)


@USERS
@given(st.from_type(gp.State), st.from_type(gp.Scenario))
def test_a_users_state_and_scenario_test_passes_the_health_checks(
    state: gp.State, scenario: gp.Scenario
) -> None:
    assert isinstance(state, gp.State)
    scenario.validate()


def test_the_strategies_benchmark_runs() -> None:
    from benchmarks.bench_strategies import main

    assert main(["--quick"]) == 0
