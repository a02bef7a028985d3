"""The public entry and the namespaces: one list of names each, what loads when, and types.

The package and each folder that names a public surface (``gazaplan.analysis``, ``gazaplan.runs``,
...) list their names once, under their home modules, in an ``if TYPE_CHECKING:`` block that type
checkers read; the loader reads the same block (``gazaplan._loading.homes``) and imports a name's
home on first use. These tests hold the lists, the loader and ``__all__`` to each other."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import gazaplan as gp
from gazaplan import _loading

PACKAGE = Path(gp.__file__).parent
NAMESPACES = ["gazaplan", *sorted(
    f"gazaplan.{p.parent.name}"
    for p in PACKAGE.glob("*/__init__.py")
    if "_loading.load(" in p.read_text(encoding="utf-8")
)]  # fmt: skip


def listed(module: str) -> dict[str, str]:
    """The names a namespace lists, parsed as Python parses them: name -> home."""
    path = importlib.import_module(module).__file__
    assert path is not None
    found: dict[str, str] = {}
    for node in ast.parse(Path(path).read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for imp in node.body:
                assert isinstance(imp, ast.ImportFrom), "the list holds from-imports only"
                assert all(a.asname == a.name for a in imp.names), "re-exported as X as X"
                found |= {a.name: "." * imp.level + (imp.module or "") for a in imp.names}
    return found


def test_the_namespaces_are_the_package_and_the_folders_users_were_shown() -> None:
    assert NAMESPACES == [
        "gazaplan",
        "gazaplan.analysis",
        "gazaplan.cli",
        "gazaplan.exploration",
        "gazaplan.runs",
        "gazaplan.strategies",
        "gazaplan.whatif",
    ]


@pytest.mark.parametrize("module", NAMESPACES)
def test_the_loader_reads_the_list_as_python_does(module: str) -> None:
    mod = importlib.import_module(module)
    assert mod.__file__ is not None
    names = listed(module)
    assert names
    assert _loading.homes(mod.__file__) == names
    # Each name once: a second import of it would be a second list.
    source = Path(mod.__file__).read_text(encoding="utf-8")
    for name in names:
        assert source.count(f" {name} as {name},") == 1, name


@pytest.mark.parametrize("module", NAMESPACES)
def test_every_listed_name_loads_from_its_home(module: str) -> None:
    mod = importlib.import_module(module)
    for name, home in listed(module).items():
        assert getattr(mod, name) is getattr(importlib.import_module(home, module), name), name


@pytest.mark.parametrize("module", NAMESPACES)
def test_all_is_sorted_and_listed(module: str) -> None:
    mod = importlib.import_module(module)
    names = list(mod.__all__)
    assert names == sorted(names, key=lambda n: (not n.isupper(), n))
    assert set(names) <= set(listed(module))
    if module != "gazaplan":  # a folder's namespace names all it lists; the top is curated
        assert set(names) == set(listed(module))


def test_the_top_level_is_curated() -> None:
    assert 35 <= len(gp.__all__) <= 66  # what a notebook user reaches for
    assert dir(gp) == sorted({*gp.__all__, "__version__"})
    every = set(listed("gazaplan"))
    assert len(every) > 150  # the rest is importable from the top too (from gazaplan import X)
    from gazaplan import AtLeast, HostagesReleased, SetTerm, UnknownFactError

    assert gp.core.conditions.AtLeast is AtLeast
    assert gp.time.events.HostagesReleased is HostagesReleased
    assert gp.core.amendments.SetTerm is SetTerm
    assert gp.exceptions.UnknownFactError is UnknownFactError


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = gp.nothing_here
    with pytest.raises(AttributeError, match=r"'gazaplan\.runs' has no attribute 'sweeps_'"):
        _ = gp.runs.sweeps_
    assert not hasattr(gp, "__wrapped__")  # probes by notebooks and test runners stay quiet


def test_names_load_lazily() -> None:
    code = (
        "import sys, gazaplan; loaded = [m for m in sys.modules if m.startswith('gazaplan.')]; "
        "import gazaplan.strategies, gazaplan.analysis, gazaplan.runs; "
        "later = [m for m in sys.modules if m.startswith('gazaplan.') and m not in loaded]; "
        "print(loaded, later); "
        "raise SystemExit(0 if loaded == ['gazaplan._loading'] and len(later) == 3 else 1)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_module_shadows_a_listed_name() -> None:
    # Importing every module of the package leaves every listed name what the list says (a
    # submodule imported later once replaced gp.plan, a function, with itself).
    code = (
        "import importlib, pkgutil, gazaplan\n"
        "mods = [m.name for m in pkgutil.walk_packages(gazaplan.__path__, 'gazaplan.')\n"
        "        if m.name != 'gazaplan.__main__']\n"
        "for m in mods: importlib.import_module(m)\n"
        "import gazaplan.exploration, gazaplan.runs\n"
        "assert callable(gazaplan.plan) and callable(gazaplan.explore) and callable(gazaplan.sweep)\n"
        "assert callable(gazaplan.compliance) and callable(gazaplan.timeline), 'shadowed'\n"
        "print(len(mods))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert int(done.stdout) > 60
    for namespace in NAMESPACES:  # a module is an attribute of its own package only
        children = {
            m.name for m in pkgutil.iter_modules(importlib.import_module(namespace).__path__)
        }
        assert not children & set(listed(namespace)), namespace


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


def test_the_library_does_not_import_the_command_line() -> None:
    code = (
        "import sys, gazaplan as gp; p = gp.plan(); gp.compliance(p, gp.timeline()); "
        "raise SystemExit(1 if 'gazaplan.cli' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_package_is_typed() -> None:
    from importlib.resources import files

    assert files("gazaplan").joinpath("py.typed").is_file()


def test_help_opens_with_five_things_to_do_and_each_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("matplotlib")
    doc = gp.__doc__ or ""
    code = doc.split("::\n\n", 1)[1].split("\nThree-valued", 1)[0]
    steps = [line for line in code.splitlines() if line.strip().startswith("# ")]
    assert [s.strip()[:4] for s in steps] == ["# 1.", "# 2.", "# 3.", "# 4.", "# 5."]
    monkeypatch.chdir(tmp_path)  # step 5 writes files
    exec(compile(textwrap.dedent(code), "gazaplan.__doc__", "exec"), {})  # our own text
    printed = capsys.readouterr().out
    assert printed.startswith("Where the plan stands on 9 October 2026")
    assert (tmp_path / "report" / "datapackage.json").exists()
    assert (tmp_path / "exchange.png").stat().st_size > 10_000
    assert "plots" in dir(gp)
    assert gp.plots.plot_exchange is gp.plot_exchange
