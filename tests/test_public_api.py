"""The public facade: exports, layering, and what importing gazaplan pulls in."""

from __future__ import annotations

import subprocess
import sys

import gazaplan as gp


def _typed_reexports() -> set[str]:
    """The names the facade re-exports for type checkers (its ``if TYPE_CHECKING:`` imports)."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(gp.__file__).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for imp in node.body:
                if isinstance(imp, ast.ImportFrom):
                    names |= {a.asname or a.name for a in imp.names}
    return names


def test_all_is_sorted_and_complete() -> None:
    # Three lists must agree, or a name is missing for users, for type checkers or at run time:
    # __all__, the type checkers' re-exports, and the lazy loader's table.
    assert list(gp.__all__) == sorted(gp.__all__, key=lambda n: (not n.isupper(), n))
    assert set(gp.__all__) == _typed_reexports() == set(gp._WHERE)
    import importlib

    for name in gp.__all__:  # each loads, and is the object its home module defines
        home = importlib.import_module(gp._WHERE[name], "gazaplan")
        assert getattr(gp, name) is getattr(home, name), name


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
