"""The differential test against SPIN (Debian's ``spin``; ``.ci/run`` installs it with gcc): the
Promela export of a model has the same distinct states as gazaplan's exploration, and SPIN's
breadth-first search finds a target at the same shortest depth, on the bundled model and on
generated small ones."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import gazaplan as gp
from gazaplan.analysis.implicants import resolve
from gazaplan.core.conditions import Condition
from gazaplan.core.models import Action, Model, Step, Variable
from gazaplan.exploration import explore
from gazaplan.exploration.promela import to_promela

from .test_exploration import PLAN as SMALL_PLAN
from .test_exploration import START, TARGETS, models

pytestmark = pytest.mark.skipif(
    not (shutil.which("spin") and shutil.which("gcc")),
    reason="SPIN and gcc are not installed (apt-get install spin gcc; .ci/run does)",
)


def _pan(where: Path, text: str, *, bfs: bool) -> str:
    (where / "model.pml").write_text(text, encoding="utf-8")
    subprocess.run(["spin", "-a", "model.pml"], cwd=where, check=True, capture_output=True)
    flags = ["-DNOREDUCE", "-DMEMLIM=2048"] + (["-DBFS"] if bfs else [])
    subprocess.run(["gcc", "-O1", *flags, "-o", "pan", "pan.c"], cwd=where, check=True,
                   capture_output=True)  # fmt: skip
    run = subprocess.run(["./pan", "-E", "-m10000000"], cwd=where, check=False,
                         capture_output=True, text=True)  # fmt: skip
    return run.stdout


def _states(out: str) -> int:
    found = re.search(r"(\d+) states, stored", out)
    assert found, out
    return int(found.group(1))


def _compare(
    where: Path, plan: gp.Plan, model: Model, start: gp.State,
    targets: list[tuple[str, Condition]],
) -> None:  # fmt: skip
    ours = explore(plan, actions=model, start=start, targets=targets)
    before = 1 if len({*gp_starts(plan, model, start)}) > 1 else 0  # SPIN's state before the choice
    assert _states(_pan(where, to_promela(plan, model, start), bfs=False)) == ours.states + before
    for target, finding in zip(targets, ours.targets, strict=True):
        if not finding.reachable:
            continue
        text = to_promela(plan, model, start, targets=[target])
        depth = re.search(r"assertion violated .*\(at depth (\d+)\)", _pan(where, text, bfs=True))
        assert depth, "SPIN did not reach the target gazaplan reached"
        assert finding.depth is not None
        assert int(depth.group(1)) == finding.depth + before + 1  # + the assertion's own step


def gp_starts(plan: gp.Plan, model: Model, start: gp.State) -> list[str]:
    from gazaplan.exploration._packing import Packed

    return [repr(s) for s in Packed(plan, model, start).starts()]


def test_spin_agrees_on_the_bundled_model(tmp_path: Path) -> None:
    plan = gp.plan()
    model, start = gp.catalog.model(2, 2), gp.catalog.model_start(plan, 2, 2)
    _compare(tmp_path, plan, model, start, [resolve(plan, "phase-1.completion")])
    # the command writes the same program
    from gazaplan.cli import main

    out = tmp_path / "cli.pml"
    argv = ["explore", "--living", "2", "--deceased", "2", "--target", "phase-1.completion",
            "--to-promela", str(out)]  # fmt: skip
    assert main(argv) == 0
    text = to_promela(plan, model, start, targets=[resolve(plan, "phase-1.completion")])
    assert out.read_text(encoding="utf-8") == text


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(models())
def test_spin_agrees_on_generated_models(tmp_path: Path, model: Model) -> None:
    # Six examples in every profile: each compiles a verifier with gcc (about a second). Every
    # variable starts known here: how SPIN counts the states around a first choice among several
    # starts is checked on the bundled model only. On a small model SPIN's statement merging
    # changes that count: a loop whose every option is false compiles to the process's end
    # (`pan -d` shows its DO going to state 0) and two starts store 2 states, not 3; with a
    # guard SPIN cannot decide statically, 5. The explorer's own count does not depend on it.
    known = {
        v.fact: v.values[0] for v in model.variables if gp.read_fact(START, v.fact) not in v.values
    }
    _compare(tmp_path, SMALL_PLAN, model, START.updated(known), TARGETS)


def test_a_count_past_255_does_not_wrap_in_promela(tmp_path: Path) -> None:
    # Every variable was declared a byte: with 300 values the index wrapped at 256 and SPIN
    # found unreachable what the explorer reached.
    values = tuple(range(300))
    model = Model(
        (Variable("gaza_detainees_released", values),),
        (Action("release-one", "israel", "gaza_detainees_released", Step(1)),),
    )
    start = START.updated({"gaza_detainees_released": 0})
    target = ("all 299", gp.AtLeast("gaza_detainees_released", 299))
    text = to_promela(SMALL_PLAN, model, start)
    assert "short v0 = 0;" in text
    _compare(tmp_path, SMALL_PLAN, model, start, [target])
    small = Model((Variable("gaza_detainees_released", values[:256]),), model.actions)
    assert "byte v0 = 0;" in to_promela(SMALL_PLAN, small, start)  # the narrowest type that fits
