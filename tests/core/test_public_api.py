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
    assert set(gp.__all__) <= _typed_reexports() == set(gp._WHERE)
    import importlib

    for name in gp._WHERE:  # each loads, and is the object its home module defines
        home = importlib.import_module(gp._WHERE[name], "gazaplan")
        assert getattr(gp, name) is getattr(home, name), name


def test_every_public_name_loads_lazily() -> None:
    code = (
        "import sys, gazaplan; loaded = 'gazaplan.rules' in sys.modules; "
        "[getattr(gazaplan, n) for n in gazaplan._WHERE]; "
        "raise SystemExit(1 if loaded or 'gazaplan.rules' not in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
    assert set(gp.__all__) <= set(gp._WHERE)
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
        "import sys, gazaplan; p = gazaplan.plan(); "
        "gazaplan.analyse(p, gazaplan.State.initial(p)); gazaplan.graph(p); "
        "bad = [m for m in ('cattrs', 'hypothesis', 'pandas', 'matplotlib', 'dask', 'networkx') "
        "if m in sys.modules]; "
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


def test_the_top_level_is_curated_and_every_other_name_has_a_namespace() -> None:
    import importlib

    assert (
        35 <= len(gp.__all__) <= 60
    )  # what a notebook user reaches for (analysis added 6, sweeps 2)
    assert dir(gp) == sorted({*gp.__all__, "__version__"})
    public = sorted(m for m in gp._SUBMODULES if not m.startswith("_") and m != "cli")
    for name in set(gp._WHERE) - set(gp.__all__):
        obj = getattr(gp, name)  # still importable from the top, as before
        homes = [
            m
            for m in public
            if getattr(importlib.import_module(f"gazaplan.{m}"), name, None) is obj
        ]
        assert homes, f"{name} is neither listed at the top nor in a public submodule"
    from gazaplan import AtLeast, HostagesReleased, SetTerm, UnknownFactError  # old imports

    assert gp.conditions.AtLeast is AtLeast
    assert gp.events.HostagesReleased is HostagesReleased
    assert gp.amendments.SetTerm is SetTerm
    assert gp.exceptions.UnknownFactError is UnknownFactError
