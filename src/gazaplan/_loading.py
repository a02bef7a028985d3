"""How the package loads on first use: its public names, and the module paths of 0.1.0.dev0.

A namespace (the package, and the folders that name a public surface: ``gazaplan.analysis``,
``gazaplan.strategies``, ...) lists its public names once, in the ``if TYPE_CHECKING:`` block of
its ``__init__``, which type checkers read as it stands. :func:`homes` reads that block into name
-> home module, once, and :func:`load` imports a name from its home on first use (PEP 562), so
``from gazaplan import X`` imports only X's home and ``import gazaplan`` costs next to nothing.

:data:`MOVED` maps each module path of 0.1.0.dev0 that moved to its new home; :class:`Finder`,
installed by the package, makes ``import gazaplan.conditions`` give the module
``gazaplan.core.conditions`` itself (never a second copy), so old imports and pickles naming
``gazaplan._leaves.AtLeast`` keep working. Type checkers see the new homes only.
"""

from __future__ import annotations

import functools
import importlib
import importlib.machinery
import importlib.util
import re
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final, cast

if TYPE_CHECKING:
    from importlib.abc import Loader  # not at run time: it would import importlib.resources

__all__ = ["MOVED", "Finder", "homes", "install", "load"]

MOVED: Final[dict[str, str]] = {
    "_codec": "files._codec",
    "_compile": "core._compile",
    "_compliance": "time.compliance",
    "_condition_base": "core.conditions",
    "_fact_fields": "core.state",
    "_files": "files._io",
    "_frozenmap": "core._frozenmap",
    "_hooks": "files._hooks",
    "_kinds": "core._kinds",
    "_leaves": "core.conditions",
    "_packing": "exploration._packing",
    "_plancache": "core._plancache",
    "_simulation": "runs.montecarlo",
    "_strategy_events": "strategies._timelines",
    "_structure": "analysis._structure",
    "_sweep_grid": "runs.sweeps",
    "amendments": "core.amendments",
    "conditions": "core.conditions",
    "control": "core.control",
    "datasets": "time.datasets",
    "documents": "files.documents",
    "evaluation": "core.evaluation",
    "events": "time.events",
    "explain": "core.explain",
    "facts": "core.facts",
    "graphs": "analysis.graphs",
    "histories": "time.histories",
    "htmlreport": "desk.htmlreport",
    "implicants": "analysis.implicants",
    "models": "core.models",
    "montecarlo": "runs.montecarlo",
    "obligations": "core.obligations",
    "parties": "core.parties",
    "pax": "desk.pax",
    "perturbations": "runs.perturbations",
    "plans": "core.plans",
    "plots": "desk.plots",
    "promela": "exploration.promela",
    "provisions": "core.provisions",
    "records": "core.records",
    "releases": "whatif.releases",
    "rules": "core.rules",
    "scenarios": "whatif.scenarios",
    "schema": "files.schema",
    "sources": "core.sources",
    "state": "core.state",
    "structural": "analysis.structural",
    "sweeps": "runs.sweeps",
    "tables": "desk.tables",
    "terms": "core.terms",
    "timelines": "time.timelines",
    "vetoes": "analysis.vetoes",
    "waits": "analysis.waits",
    "witnesses": "exploration.witnesses",
}
"""Old path -> new home, both below ``gazaplan``: every public module of 0.1.0.dev0 that moved, and
every private one that defined a class (a pickle may name it). Written once, when a module moves."""


@functools.cache
def homes(entry: str) -> dict[str, str]:
    """Each public name of the namespace whose ``__init__`` is the file *entry*, and the module it
    lives in, relative as the entry imports it (``".core.state"``).

    The block is read with two regular expressions (:mod:`re` is loaded already), in the form the
    entries use (``from .home import (``, ``Name as Name,`` per name, ``)``; comments allowed),
    without :mod:`ast`, which would cost more to import than the rest of a first use;
    ``tests/test_public_api.py`` checks it against the parsed block.
    """
    with open(entry, encoding="utf-8") as f:
        text = f.read()
    head = "\nif TYPE_CHECKING:\n"
    start = text.find(head)
    if start < 0:
        return {}
    block = text[start + len(head) :]
    end = re.search(r"^\S", block, re.MULTILINE)  # the first line not indented ends the block
    block = re.sub(r"#[^\n]*", "", block[: end.start()] if end else block)
    found: dict[str, str] = {}
    for home, names in re.findall(r"^\s+from\s+(\S+)\s+import\s+(\([^)]*\)|[^\n]*)", block, re.M):
        for pair in names.strip("()").split(","):
            name = pair.split(" as ")[-1].strip()
            if name:
                found[name] = home
    return found


def load(package: str, entry: str, namespace: dict[str, Any], name: str) -> Any:
    """The value of *name* in the namespace package *package* (whose ``__init__`` is *entry*):
    a public name from its list, imported from its home; for the top level, also a module below
    it (a folder, or an old path of :data:`MOVED`). The value is kept in *namespace*, so that this
    runs once per name."""
    home = homes(entry).get(name)
    if home is not None:
        module = importlib.import_module(home, package)
        try:
            value = getattr(module, name)
        except AttributeError:  # a module listed by its name (``from .desk import plots``)
            value = importlib.import_module(f"{home}.{name}", package)
    elif package == __package__ and _is_module(name):
        value = importlib.import_module(f".{name}", package)
    else:
        msg = f"module {package!r} has no attribute {name!r}"
        raise AttributeError(msg)
    namespace[name] = value
    return value


def _is_module(name: str) -> bool:
    return name in MOVED or importlib.util.find_spec(f"{__package__}.{name}") is not None


class _Alias:
    """Loads an old path as the module at its new home."""

    def __init__(self, target: str) -> None:
        self._target = target
        self._spec: importlib.machinery.ModuleSpec | None = None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module(self._target)
        self._spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        # The import system has just set the alias's spec on the module: give it back its own.
        module.__spec__ = self._spec


class Finder:
    """Finds ``gazaplan.<old path>`` for every old path in :data:`MOVED`."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        package, _, rest = fullname.partition(".")
        if package != __package__ or rest not in MOVED:
            return None
        loader = cast("Loader", _Alias(f"{package}.{MOVED[rest]}"))  # a Loader by its methods
        return importlib.machinery.ModuleSpec(fullname, loader)


def install() -> None:
    """Put :class:`Finder` on ``sys.meta_path`` once (after the standard finders)."""
    if not any(isinstance(f, Finder) for f in sys.meta_path):
        sys.meta_path.append(Finder())
