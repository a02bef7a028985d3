"""What users were shown keeps working: every name ``from gazaplan import ...`` gave in 0.1.0.dev0,
every module path of that release with its public names (the README, docs/ and examples/ print
them), and the objects a 0.1.0.dev0 process pickled. The lists were written by that release
(``tests/compat/api-0.1.0.dev0.json``, ``objects-0.1.0.dev0.pickle.gz``) and are never edited:
a name that goes away on purpose is listed in :data:`DROPPED` with its reason."""

from __future__ import annotations

import gzip
import importlib
import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import gazaplan as gp
from gazaplan import _loading

GOLDEN = Path(__file__).parent / "compat"
API = json.loads((GOLDEN / "api-0.1.0.dev0.json").read_text(encoding="utf-8"))

# (module, name): why it went ("*": the whole module). Only what no object ever held can go.
DROPPED: dict[tuple[str, str], str] = {
    ("gazaplan._notebook", "*"): "protocols and mixins: never instantiated, so never in a pickle",
}


@pytest.mark.parametrize("name", API["top_level"])
def test_every_name_of_the_top_level_still_imports(name: str) -> None:
    namespace: dict[str, Any] = {}
    exec(f"from gazaplan import {name}", namespace)  # the statement users wrote
    assert namespace[name] is getattr(gp, name)


@pytest.mark.parametrize("module", sorted(API["modules"]))
def test_every_module_path_still_imports_with_its_names(module: str) -> None:
    if (module, "*") in DROPPED:
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(module)
        return
    mod = importlib.import_module(module)
    missing = [
        name
        for name in API["modules"][module]
        if (module, name) not in DROPPED and not hasattr(mod, name)
    ]
    assert missing == []
    namespace: dict[str, Any] = {}
    exec(f"import {module}", namespace)  # the import statement resolves too
    assert namespace["gazaplan"] is gp


def test_objects_pickled_by_the_old_layout_load() -> None:
    with gzip.open(GOLDEN / "objects-0.1.0.dev0.pickle.gz", "rb") as f:
        objects = pickle.load(f)  # the project's own golden file
    plan, state, timeline = objects["plan"], objects["state"], objects["timeline"]
    assert type(plan) is gp.Plan
    assert type(state) is gp.State
    assert type(timeline) is gp.Timeline
    assert type(objects["compliance"]) is gp.ComplianceReport
    assert objects["verdict"] is gp.Verdict.UNKNOWN
    assert objects["unknown"] is gp.UNKNOWN
    # They work as objects of today's classes do.
    report = gp.check_phase(plan, "phase-1", state)
    assert report.verdict is objects["phase_report"].verdict
    assert gp.loads(gp.dumps(objects["scenario"]), gp.Scenario) == objects["scenario"]
    assert gp.loads(gp.dumps(timeline), gp.Timeline) == timeline
    assert objects["sweep"].rows()
    assert objects["monte_carlo"].explain()
    assert objects["exploration"].findings()


def test_documents_record_tags_never_module_paths() -> None:
    # A document names its kind (document = "scenario", kind = "at_least"), so moving a class
    # to another module cannot change a file on disk.
    scenario = gp.Scenario(name="x", version="2025-10-09", timeline=gp.timeline())
    for text in (gp.dumps(scenario), gp.dumps(scenario, format="toml"), gp.dumps(gp.plan())):
        assert "gazaplan." not in text
        assert "__module__" not in text


@pytest.mark.parametrize(("old", "new"), sorted(_loading.MOVED.items()))
def test_an_old_path_is_the_module_at_its_new_home(old: str, new: str) -> None:
    module = importlib.import_module(f"gazaplan.{new}")
    assert importlib.import_module(f"gazaplan.{old}") is module  # never a second copy
    assert module.__spec__ is not None
    assert module.__name__ == module.__spec__.name == f"gazaplan.{new}"  # its own name kept
    assert f"gazaplan.{old}" in API["modules"]  # a path users had, not a new alias


def test_an_old_path_imports_in_a_fresh_interpreter() -> None:
    # The finder is installed by the package itself, before any old path is asked for.
    code = (
        "import gazaplan.conditions as c, gazaplan.core.conditions as n, sys; "
        "from gazaplan.perturbations import Delay; "
        "raise SystemExit(0 if c is n and Delay.__module__ == 'gazaplan.runs.perturbations' else 1)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
