"""The module paths of 0.1.0.dev0 that moved, each resolving to the same module object as its new
home: ``import gazaplan.conditions`` gives ``gazaplan.core.conditions``, and a pickle naming
``gazaplan._leaves.AtLeast`` loads.

:data:`MOVED` is the one table (old path below ``gazaplan`` -> new path); the package installs
:class:`Finder` at import. A path is imported only when asked for. Type checkers see the new
homes only: code that is type-checked imports from them.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Final

__all__ = ["MOVED", "Finder", "install"]

MOVED: Final[dict[str, str]] = {
    "_condition_base": "conditions",
    "_fact_fields": "state",
    "_leaves": "conditions",
    "_plot_exchange": "plots",
    "_plot_runs": "plots",
    "_plotting": "plots",
    "_plan_rows": "tables",
    "_result_rows": "tables",
    "_rows": "tables",
    "_simulation": "montecarlo",
    "_sweep_grid": "sweeps",
}
"""Old path -> new path, both below ``gazaplan``; written once, when a module moves."""


class _Alias(importlib.abc.Loader):
    """Loads an old path as the module at its new home (never a second copy of it)."""

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


class Finder(importlib.abc.MetaPathFinder):
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
        return importlib.machinery.ModuleSpec(fullname, _Alias(f"{package}.{MOVED[rest]}"))


def install() -> None:
    """Put :class:`Finder` on ``sys.meta_path`` once (after the standard finders)."""
    if not any(isinstance(f, Finder) for f in sys.meta_path):
        sys.meta_path.append(Finder())
