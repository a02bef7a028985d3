"""One docstring style on every public function: Google style, as Sphinx's napoleon reads it.

Public means: a module-level function, or a method of a class, whose name has no leading
underscore (``__init__`` and other dunders excluded), defined in a public module (no part of its
path starts with ``_``, an ``__init__`` counting as its folder); the methods a public class
inherits from a private class of its module (readers and type checkers see them on the public
class); and every function or class a namespace lists in its ``if TYPE_CHECKING:`` block (the
names of its ``__all__``), wherever it is defined (``gazaplan.strategies`` and ``gazaplan.cli``
name functions of private modules).

Each has a docstring. A function with parameters (other than a method's ``self`` or ``cls``,
and the ``draw`` that Hypothesis' ``@composite`` passes itself) has an ``Args:`` section naming
each of them, and no other. One that returns something (its return annotation is not ``None``)
has ``Returns:`` or ``Yields:``, unless it is a property, and the section's first line has no
colon outside code (napoleon would read the words before it as the return type). One whose own
body (not a nested function's) holds a ``raise`` has ``Raises:``. Every public class has a
docstring. The check reads the source with :mod:`ast` and imports nothing of gazaplan.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "gazaplan"

_Function = ast.FunctionDef | ast.AsyncFunctionDef
_PROPERTIES = {"property", "cached_property", "setter", "getter", "deleter"}
_NO_RETURN = {"None", "NoReturn", "Never"}
_ENTRY = re.compile(r"^(\*{0,2}\w+)\s*(?:\([^)]*\))?\s*:")
# What napoleon reads as code or a cross-reference (a colon inside is not a field's colon).
_CODE = re.compile(r"(:(?:[a-zA-Z0-9]+[\-_+:.])*[a-zA-Z0-9]+:`.+?`)|(``.+?``)|(`.+?`)")


@dataclass(frozen=True)
class Checked:
    """A public function or class to check, and where it is defined."""

    node: _Function | ast.ClassDef
    where: str  # module:qualified name
    is_method: bool = False


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_public_module(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return not any(p.startswith("_") for p in parts[:-1]) and (
        parts[-1] == "__init__.py" or not parts[-1].startswith("_")
    )


def _is_public(name: str) -> bool:
    return not name.startswith("_")


def _decorator_names(node: _Function) -> set[str]:
    names: set[str] = set()
    for d in node.decorator_list:
        target = d.func if isinstance(d, ast.Call) else d
        if isinstance(target, ast.Name):
            names.add(target.id)
        elif isinstance(target, ast.Attribute):
            names.add(target.attr)
    return names


def _methods(cls: ast.ClassDef, where: str) -> Iterator[Checked]:
    for node in cls.body:
        if isinstance(node, _Function) and _is_public(node.name):
            yield Checked(node, f"{where}.{node.name}", is_method=True)
        elif isinstance(node, ast.ClassDef) and _is_public(node.name):
            yield Checked(node, f"{where}.{node.name}")
            yield from _methods(node, f"{where}.{node.name}")


def _base_names(cls: ast.ClassDef) -> set[str]:
    return {b.id for b in cls.bases if isinstance(b, ast.Name)} | {
        b.value.id
        for b in cls.bases
        if isinstance(b, ast.Subscript) and isinstance(b.value, ast.Name)
    }


def _private_bases(classes: dict[str, ast.ClassDef], public: list[ast.ClassDef]) -> set[str]:
    """The private classes of a module that its public classes inherit from, transitively."""
    found: set[str] = set()
    todo = [name for cls in public for name in _base_names(cls)]
    while todo:
        name = todo.pop()
        if name in classes and not _is_public(name) and name not in found:
            found.add(name)
            todo.extend(_base_names(classes[name]))
    return found


def _exported(tree: ast.Module, module: str) -> dict[str, str]:
    """The names a namespace lists in its ``if TYPE_CHECKING:`` block: name -> home module."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for imp in node.body:
                if isinstance(imp, ast.ImportFrom) and imp.level:
                    base = module.split(".")[: len(module.split(".")) - imp.level + 1]
                    home = ".".join([*base, *([imp.module] if imp.module else [])])
                    found |= {a.asname or a.name: home for a in imp.names}
    return found


@functools.cache
def public_definitions(root: Path) -> tuple[Checked, ...]:
    """Every public function, method and class under the package folder *root* (read once)."""
    trees = {
        _module_name(p, root): (p, ast.parse(p.read_text(encoding="utf-8")))
        for p in sorted(root.rglob("*.py"))
    }
    wanted: dict[str, set[str]] = {}  # module -> top-level names a namespace exports from it
    for module, (path, tree) in trees.items():
        if path.name == "__init__.py":
            for name, home in _exported(tree, module).items():
                wanted.setdefault(home, set()).add(name)
    checked: list[Checked] = []
    for module, (path, tree) in trees.items():
        public_module = _is_public_module(path, root)
        exports = wanted.get(module, set())
        classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
        public_classes: list[ast.ClassDef] = []
        for node in tree.body:
            named = (public_module and _is_public(node.name)) if hasattr(node, "name") else False
            if isinstance(node, _Function) and (named or node.name in exports):
                checked.append(Checked(node, f"{module}:{node.name}"))
            elif isinstance(node, ast.ClassDef) and (named or node.name in exports):
                public_classes.append(node)
                checked.append(Checked(node, f"{module}:{node.name}"))
                checked.extend(_methods(node, f"{module}:{node.name}"))
        for name in sorted(_private_bases(classes, public_classes)):
            checked.extend(c for c in _methods(classes[name], f"{module}:{name}") if c.is_method)
    return tuple(checked)


def _own_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a function's own body: nested functions, lambdas and classes left out."""
    for child in ast.iter_child_nodes(node):
        if not isinstance(child, _Function | ast.Lambda | ast.ClassDef):
            yield child
            yield from _own_nodes(child)


def _sections(doc: str) -> set[str]:
    return {line.strip() for line in doc.splitlines() if re.fullmatch(r"\s*[A-Z][a-z]+:", line)}


def _args_listed(doc: str) -> set[str]:
    """The names the ``Args:`` section lists (the lines one level in from its heading)."""
    lines = doc.expandtabs().splitlines()
    names: set[str] = set()
    for i, line in enumerate(lines):
        if line.strip() != "Args:":
            continue
        heading = len(line) - len(line.lstrip())
        entry: int | None = None
        for body in lines[i + 1 :]:
            if not body.strip():
                continue
            indent = len(body) - len(body.lstrip())
            if indent <= heading:
                break
            entry = indent if entry is None else entry
            if indent == entry and (m := _ENTRY.match(body.strip())):
                names.add(m.group(1).lstrip("*"))
    return names


def _typed_returns(doc: str) -> list[str]:
    """The ``Returns:`` and ``Yields:`` sections whose first line napoleon would split at a colon.

    Napoleon reads ``Returns:`` as ``type: description``: a colon in the first line (outside
    code and cross-references) turns the words before it into the return type.
    """
    lines = doc.splitlines()
    found = []
    for i, line in enumerate(lines[:-1]):
        if line.strip() in ("Returns:", "Yields:") and ":" in _CODE.sub("", lines[i + 1]):
            found.append(line.strip())
    return found


def _parameters(node: _Function, *, is_method: bool) -> list[str]:
    """The parameters a caller passes: a method's ``self`` or ``cls`` left out, and the ``draw``
    that Hypothesis' ``@composite`` supplies itself."""
    a = node.args
    positional = [*a.posonlyargs, *a.args]
    decorators = _decorator_names(node)
    if (is_method and "staticmethod" not in decorators) or "composite" in decorators:
        positional = positional[1:]
    names = [p.arg for p in [*positional, *a.kwonlyargs]]
    return names + [p.arg for p in (a.vararg, a.kwarg) if p is not None]


def _returns_something(node: _Function) -> bool:
    r = node.returns
    if r is None:
        return any(isinstance(n, ast.Return) and n.value is not None for n in _own_nodes(node))
    text = ast.unparse(r).strip("'\"")
    return text.split(".")[-1] not in _NO_RETURN


def problems_of(item: Checked) -> list[str]:
    """What the docstring of one public function or class lacks, as readable lines."""
    node = item.node
    doc = ast.get_docstring(node)
    if not doc or not doc.strip():
        return [f"{item.where}: no docstring"]
    if isinstance(node, ast.ClassDef):
        return []
    decorators = _decorator_names(node)
    if "overload" in decorators:
        return []  # the implementation carries the docstring
    found: list[str] = []
    sections = _sections(doc)
    is_property = bool(decorators & _PROPERTIES)
    params = _parameters(node, is_method=item.is_method)
    if params and not is_property:
        if "Args:" not in sections:
            found.append(f"{item.where}: no Args: section (parameters {', '.join(params)})")
        else:
            listed = _args_listed(doc)
            if missing := [p for p in params if p not in listed]:
                found.append(f"{item.where}: Args: does not name {', '.join(missing)}")
            if extra := sorted(listed - set(params)):
                found.append(f"{item.where}: Args: names {', '.join(extra)}, not a parameter")
    if not is_property and _returns_something(node) and not sections & {"Returns:", "Yields:"}:
        found.append(f"{item.where}: no Returns: (or Yields:) section")
    for section in _typed_returns(doc):
        found.append(f"{item.where}: a colon in the first line of {section} (napoleon's type)")
    if any(isinstance(n, ast.Raise) for n in _own_nodes(node)) and "Raises:" not in sections:
        found.append(f"{item.where}: raises, but no Raises: section")
    return found


def all_problems(root: Path) -> list[str]:
    """Every problem of every public function and class under *root*."""
    return [p for item in public_definitions(root) for p in problems_of(item)]


def test_every_public_function_has_a_google_style_docstring() -> None:
    found = public_definitions(SOURCE)
    assert len(found) > 500  # the whole package was read
    problems = [p for item in found for p in problems_of(item)]
    assert not problems, "\n".join(problems)


def test_the_names_namespaces_export_from_private_modules_are_checked() -> None:
    where = {item.where for item in public_definitions(SOURCE)}
    assert "gazaplan.cli._main:main" in where
    assert "gazaplan.strategies._model:states" in where
    assert "gazaplan.core.conditions:_Junction.words" in where  # inherited by AllOf, AnyOf
    assert not any(w.split(":")[1].split(".")[-1].startswith("_") for w in where)  # none private


_PLANTED = '''
"""A public module."""


def undocumented(x: int) -> int:
    return x


def no_args(x: int) -> None:
    """Does something."""


def stale_args(x: int, *, at: int) -> None:
    """Does something.

    Args:
        x: a number.
        y: a number no longer taken.
    """


def no_returns() -> int:
    """Gives a number."""
    return 1


def colon_in_returns() -> int:
    """Gives a number.

    Returns:
        A number: one.
    """
    return 1


def no_raises(x: int) -> None:
    """Refuses a negative number.

    Args:
        x: the number.
    """
    if x < 0:
        raise ValueError(x)


def nested_raise_is_not_its_own() -> None:
    """Defines a function that raises."""

    def inner() -> None:
        raise ValueError


def good(x: int, *rest: int, **options: int) -> int:
    """Adds.

    Args:
        x: the first number.
        *rest: the others.
        **options: unused options.

    Returns:
        The sum.

    Raises:
        ValueError: if *x* is negative.
    """
    if x < 0:
        raise ValueError(x)
    return x + sum(rest)


def _private(x: int) -> int:
    return x


def takes_cls(cls: type) -> None:
    """A function whose parameter is called cls: not a method's, so it is named."""


class Undocumented:
    def method(self, x: int) -> int:
        """A method."""
        return x

    @property
    def size(self) -> int:
        """The size."""
        return 1

    def _hidden(self) -> int:
        return 0


class _Base:
    def inherited(self) -> int:
        return 0


class Child(_Base):
    """A public class with a private base."""
'''


_NAMESPACE = '''
"""A namespace naming a function of a private module."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._private import (
        exported as exported,
    )
'''

_PRIVATE = '''
"""A private module: only what a namespace exports from it is checked."""


def exported(x: int) -> int:
    return x


def internal(x: int) -> int:
    return x
'''


def test_the_checker_flags_a_planted_bad_module(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    (root / "_hidden").mkdir(parents=True)
    (root / "__init__.py").write_text(_NAMESPACE, encoding="utf-8")
    (root / "_private.py").write_text(_PRIVATE, encoding="utf-8")
    (root / "public.py").write_text(_PLANTED, encoding="utf-8")
    (root / "_hidden" / "__init__.py").write_text(_PLANTED, encoding="utf-8")  # never checked
    assert set(all_problems(root)) == {
        "pkg._private:exported: no docstring",
        "pkg.public:Undocumented: no docstring",
        "pkg.public:Undocumented.method: no Args: section (parameters x)",
        "pkg.public:Undocumented.method: no Returns: (or Yields:) section",
        "pkg.public:_Base.inherited: no docstring",
        "pkg.public:no_args: no Args: section (parameters x)",
        "pkg.public:no_raises: raises, but no Raises: section",
        "pkg.public:no_returns: no Returns: (or Yields:) section",
        "pkg.public:colon_in_returns: a colon in the first line of Returns: (napoleon's type)",
        "pkg.public:stale_args: Args: does not name at",
        "pkg.public:stale_args: Args: names y, not a parameter",
        "pkg.public:takes_cls: no Args: section (parameters cls)",
        "pkg.public:undocumented: no docstring",
    }


def test_a_well_documented_function_passes() -> None:
    tree = ast.parse(_PLANTED)
    good = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "good")
    assert problems_of(Checked(good, "planted:good")) == []
