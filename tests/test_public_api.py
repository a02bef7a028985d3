"""The public facade: exports, layering, and what importing gazaplan pulls in."""

from __future__ import annotations

import subprocess
import sys

import gazaplan as gp


def test_all_is_sorted_and_complete() -> None:
    assert list(gp.__all__) == sorted(gp.__all__, key=lambda n: (not n.isupper(), n))
    public = {n for n in dir(gp) if not n.startswith("_")} - {"annotations"}
    modules = {n for n in public if type(getattr(gp, n)).__name__ == "module"}
    assert set(gp.__all__) == public - modules


def test_every_public_name_loads_lazily() -> None:
    code = (
        "import sys, gazaplan; loaded = 'gazaplan.rules' in sys.modules; "
        "[getattr(gazaplan, n) for n in gazaplan.__all__]; "
        "raise SystemExit(1 if loaded or 'gazaplan.rules' not in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
    assert set(gp._WHERE) == set(gp.__all__)
    assert gp.truth.Verdict is gp.Verdict  # submodules load on demand too


def test_no_submodule_shadows_a_public_name() -> None:
    """Importing every submodule must leave gp.plan a function (a module once shadowed it)."""
    code = (
        "import gazaplan, gazaplan.plans, gazaplan.rules, gazaplan.catalog, gazaplan.cli; "
        "raise SystemExit(0 if callable(gazaplan.plan) and gazaplan.plan().version else 1)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
    assert not set(gp._SUBMODULES) & set(gp.__all__)


def test_import_pulls_in_no_optional_dependency() -> None:
    code = (
        "import sys, gazaplan; gazaplan.plan(); "
        "bad = [m for m in ('cattrs', 'hypothesis', 'pandas', 'matplotlib', 'dask') if m in sys.modules]; "
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_modules_do_not_import_the_edges() -> None:
    code = "import sys, gazaplan; raise SystemExit(1 if 'gazaplan.cli' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_package_is_typed() -> None:
    from importlib.resources import files

    assert files("gazaplan").joinpath("py.typed").is_file()
