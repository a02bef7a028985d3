"""The layering, stated once in words, holds in the code, at both levels.

The package docstring lists the layers bottom-up (``exceptions, truth, _loading`` first, then the
folders); a module may import from a layer listed before its own, never after. Each folder's
``__init__`` lists its modules bottom-up; a module may import the modules of its folder listed
before it. Lazy imports (inside functions) count; imports for type checkers only do not. The
ports, the one way a lower layer reaches a higher one, are listed in the package docstring and
in ``gazaplan.core._ports.PORTS``, and must agree. A planted import against either order fails.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "gazaplan"
TOP = frozenset({"__init__", "__main__"})  # the entry and ``python -m``: on top of every layer


def literal_block(doc: str) -> list[str]:
    """The lines of the first ``::`` block of a docstring (each line's first names)."""
    block = doc.split("::", 1)[1].strip("\n").split("\n\n")[0]
    return [line.strip() for line in block.splitlines() if line.strip()]


def docstring(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc is not None, f"{path} has no docstring"
    return doc


def layers() -> dict[str, int]:
    """Each top-level layer's rank (0 = the bottom), from the package docstring."""
    lines = literal_block(docstring(PACKAGE / "__init__.py").split("listed bottom-up", 1)[1])
    rank: dict[str, int] = {}
    for i, line in enumerate(lines):
        names = line.split("  ", 1)[0]
        for name in names.split(","):
            rank[name.strip().rstrip("/")] = i
    return rank


def folder_order(folder: str) -> dict[str, int]:
    """Each module's rank in its folder, from the folder's ``__init__`` docstring."""
    lines = literal_block(docstring(PACKAGE / folder / "__init__.py").split("bottom-up", 1)[1])
    names = [line.split()[0] for line in lines]
    return {name: i for i, name in enumerate(names) if not name.endswith("/")}


def ports_listed() -> dict[str, str]:
    lines = literal_block(docstring(PACKAGE / "__init__.py").split("Ports are", 1)[1])
    return {line.split()[0]: line.split()[1] for line in lines}


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and (
        (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
        or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")
    )


def imports(source: str, package: list[str]) -> list[tuple[list[str], int]]:
    """The gazaplan modules *source* imports, as name parts below ``gazaplan`` (a from-import's
    names included, as they may be modules), with the line; *package* is the importing module's
    package, for relative imports."""
    found: list[tuple[list[str], int]] = []

    def visit(node: ast.AST) -> None:
        if _type_checking_only(node):
            assert isinstance(node, ast.If)
            for branch in node.orelse:  # the else branch runs
                visit(branch)
            return
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                parts = base + (node.module.split(".") if node.module else [])
            else:
                parts = node.module.split(".") if node.module else []
            if parts[:1] == ["gazaplan"]:
                for alias in node.names:
                    found.append(([*parts[1:], alias.name], node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "gazaplan" and len(parts) > 1:
                    found.append((parts[1:], node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return found


def modules() -> Iterator[tuple[Path, list[str]]]:
    """Every module of the package, with its name parts below ``gazaplan``."""
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, list(path.relative_to(PACKAGE).with_suffix("").parts)


def against(parts: list[str], source: str) -> list[str]:
    """The imports of the module *parts* that break the order, as ``target:line``."""
    rank = layers()
    if parts[0] in TOP:
        return []
    own = parts[0]
    package = ["gazaplan", *parts[:-1]]
    bad = []
    for target, line in imports(source, package):
        layer = target[0]
        if layer not in rank:
            continue  # a name imported from the package itself (the entry's lazy loader)
        if layer != own:
            if rank[layer] >= rank[own]:
                bad.append(f"{'.'.join(target)}:{line}")
            continue
        if len(parts) == 1 or parts[-1] == "__init__" or len(target) < 2:
            continue  # a top module or a folder's entry, on top of its own folder
        order = folder_order(own)
        mod, dep = parts[1], target[1]
        if dep in order and dep != mod and order[dep] >= order[mod]:
            bad.append(f"{'.'.join(target)}:{line}")
    return bad


def test_every_import_follows_both_orders() -> None:
    found = {}
    for path, parts in modules():
        if bad := against(parts, path.read_text(encoding="utf-8")):
            found[".".join(parts)] = bad
    assert found == {}, f"imports against the layering: {found}"


def test_the_package_lists_every_layer_and_each_folder_every_module_once() -> None:
    rank = layers()
    top = {p.stem for p in PACKAGE.glob("*.py")} - TOP
    folders = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert set(rank) == top | folders
    for folder in folders:
        order = folder_order(folder)
        on_disk = {p.stem for p in (PACKAGE / folder).glob("*.py")} - {"__init__"}
        assert set(order) == on_disk, folder
        assert len(order) == len(set(order))


def test_the_listing_shows_the_architecture() -> None:
    entries = {p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"}
    assert len(entries - {"__init__.py", "__main__.py", "py.typed"}) <= 15
    assert not {p.name for p in PACKAGE.glob("*.py")} - {
        "__init__.py",
        "__main__.py",
        "exceptions.py",
        "truth.py",
        "_loading.py",
    }


def test_the_ports_are_listed_where_the_layering_is() -> None:
    from gazaplan.core import _ports

    assert ports_listed() == _ports.PORTS
    rank = layers()
    for module in _ports.PORTS.values():
        layer = module.split(".")[1]
        assert rank[layer] > rank["core"]  # a port reaches up, or it is no port
        importlib.import_module(module)  # and it is there


PLANTED_ACROSS = [
    "from ..desk.tables import to_pandas",  # a module-level import up to a higher folder
    "def f():\n    from ..cli._main import main\n    return main",  # a lazy one
    "import gazaplan.desk.htmlreport",  # absolute
    "from ..files import documents",  # a module named in a from-import
    "from gazaplan.exploration import explore",  # a higher folder's namespace
]
PLANTED_WITHIN = [
    "from .plans import Plan",  # facts is listed before plans in core
    "def f():\n    from .rules import check_plan\n    return check_plan",
    "from . import amendments",
    "import gazaplan.core.evaluation",
]


@pytest.mark.parametrize("planted", PLANTED_ACROSS + PLANTED_WITHIN)
def test_a_planted_import_against_the_order_is_found(planted: str) -> None:
    assert against(["core", "facts"], planted)
    typed_only = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    " + planted.split("\n")[0]
    )
    if planted.startswith(("from", "import")):
        assert against(["core", "facts"], typed_only) == []


def test_imports_that_follow_the_order_pass() -> None:
    assert (
        against(["core", "plans"], "from .facts import FactKind\nfrom ..truth import UNKNOWN") == []
    )
    assert (
        against(["desk", "tables"], "from ..core.plans import Plan\nfrom ..time import events")
        == []
    )
    assert against(["runs", "__init__"], "from .montecarlo import monte_carlo") == []


def private_imports(source: str, package: list[str]) -> list[str]:
    """The underscore names *source* imports from other gazaplan modules. A private module itself
    (``from ..core import _checks``) is no private name of another module: the package's
    private modules are shared inside it."""
    out = []
    for target, _ in imports(source, package):
        name = target[-1]
        if name.startswith("_") and not name.startswith("__"):
            path = PACKAGE.joinpath(*target)
            if not (path.with_suffix(".py").exists() or (path / "__init__.py").exists()):
                out.append(".".join(target))
    return out


def test_no_module_imports_another_modules_private_names() -> None:
    found = {
        ".".join(parts): names
        for path, parts in modules()
        if (names := private_imports(path.read_text(encoding="utf-8"), ["gazaplan", *parts[:-1]]))
    }
    assert found == {}, "share a named internal helper instead: " + repr(found)
    assert private_imports("from .state import _spec", ["gazaplan", "core"]) == ["core.state._spec"]
    assert private_imports("from . import _checks", ["gazaplan", "core"]) == []
