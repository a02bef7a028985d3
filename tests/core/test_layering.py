"""The package's layering, stated once in its docstring, holds in the code: each module imports
only modules above it (or ``exceptions`` and ``truth``), lazy imports inside functions included;
imports for type checkers only do not count. The known debts are listed, each with its reason:
a new upward import fails, and so does a debt paid off but still listed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "gazaplan"
ANYWHERE = frozenset({"exceptions", "truth"})

# (importing module, imported module): why it is still there. Empty: the core asks for the edges
# it needs through gazaplan._notebook, which the package wires (dependency inversion).
KNOWN_DEBTS: dict[tuple[str, str], str] = {}


def layers() -> dict[str, int]:
    """Each module's rank in the table of the package docstring (top = 0)."""
    doc = ast.get_docstring(ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8")))
    assert doc is not None
    table = doc.split("Layering", 1)[1].split("::", 1)[1].strip("\n").split("\n\n")[0]
    order: list[str] = []
    for line in table.splitlines():
        names = line.strip().split("  ", 1)[0]
        order += [n.strip() for n in names.split(",") if n.strip()]
    return {name: i for i, name in enumerate(order)}


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and (
        (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
        or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")
    )


def imports(source: str, package: list[str]) -> list[tuple[str, int]]:
    """The gazaplan modules *source* imports (the first name below ``gazaplan``), with the line;
    *package* is the importing module's package, for relative imports."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking_only(node):
            for branch in node.orelse:  # the else branch runs
                visit(branch)
            return
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                parts = base + (node.module.split(".") if node.module else [])
                names = [[*parts, a.name] for a in node.names] if node.module is None else [parts]
            else:
                names = [node.module.split(".")] if node.module else []
            found.extend((n[1], node.lineno) for n in names if n[0] == "gazaplan" and len(n) > 1)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "gazaplan" and len(parts) > 1:
                    found.append((parts[1], node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return found


def upward(rank: dict[str, int], module: str, source: str, package: list[str]) -> list[str]:
    """The imports of *module* that reach a module below it in the table, as ``dep:line``."""
    out = []
    for dep, line in imports(source, package):
        if dep == module or dep in ANYWHERE:
            continue
        assert dep in rank, f"{module} imports {dep}, which the layering table does not list"
        if rank[dep] > rank[module]:
            out.append(f"{dep}:{line}")
    return out


def violations() -> dict[tuple[str, str], list[str]]:
    rank = layers()
    found: dict[tuple[str, str], list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("").parts
        if rel[0] in ("__init__", "__main__"):  # the facade and the entry point sit on top
            continue
        module = rel[0]  # a subpackage (the catalog) counts as one module
        assert module in rank, f"{module} is missing from the layering table"
        source = path.read_text(encoding="utf-8")
        for hit in upward(rank, module, source, ["gazaplan", *rel[:-1]]):
            dep = hit.split(":")[0]
            found.setdefault((module, dep), []).append(f"{path.name}:{hit.split(':')[1]}")
    return found


def test_every_import_follows_the_layering_but_the_listed_debts() -> None:
    found = violations()
    new = {k: v for k, v in found.items() if k not in KNOWN_DEBTS}
    assert not new, f"imports against the layering: {new}"
    paid = sorted(set(KNOWN_DEBTS) - set(found))
    assert not paid, f"debts paid off: remove them from KNOWN_DEBTS: {paid}"


@pytest.mark.parametrize(
    "planted",
    [
        "from .tables import to_pandas",  # a module-level import up to an edge
        "def f():\n    from .cli import main\n    return main",  # a lazy one
        "import gazaplan.htmlreport",  # absolute
        "from . import documents",  # a module named in a from-import
    ],
)
def test_a_planted_import_against_the_order_is_found(planted: str) -> None:
    rank = layers()
    assert upward(rank, "conditions", planted, ["gazaplan"])
    typed_only = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    " + planted.split("\n")[0]
    )
    if planted.startswith(("from", "import")):
        assert upward(rank, "conditions", typed_only, ["gazaplan"]) == []


def test_the_table_lists_every_module_once() -> None:
    rank = layers()
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__", "__main__"}
    modules |= {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert set(rank) == modules
    assert len(rank) == len(set(rank))


def private_imports(source: str) -> list[str]:
    """The underscore names *source* imports from other gazaplan modules (a private module
    itself, ``from . import _checks``, is no private name of another module)."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and (node.level or (node.module or "").startswith("gazaplan"))
        ):
            out += [
                f"{node.module}.{a.name}"
                for a in node.names
                if a.name.startswith("_") and not a.name.startswith("__")
            ]
    return out


def test_no_module_imports_another_modules_private_names() -> None:
    found = {
        path.name: names
        for path in sorted(PACKAGE.rglob("*.py"))
        if (names := private_imports(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "share a named internal helper instead: " + repr(found)
    assert private_imports("from .state import _spec") == ["state._spec"]  # the check can fail
