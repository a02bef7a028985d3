"""Ports: what a lower layer asks of a higher one, each named once, with where it is.

A result of the core offers ``to_pandas()``, ``_repr_html_`` and ``plot()``; the catalog reads its
data file as a document. The modules that do that sit in higher layers (``desk``, ``files``), and
a layer imports only the layers below it. So a lower module asks for a port here, by name, and
:data:`PORTS` says which module serves it: the one place where a dependency runs upward, listed
in the package's layering statement and checked by its test. Nothing is imported until asked.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final, Protocol, cast

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "PORTS",
    "Display",
    "Documents",
    "Plots",
    "Tables",
    "display",
    "documents",
    "plots",
    "tables",
]

PORTS: Final[dict[str, str]] = {
    "tables": "gazaplan.desk.tables",
    "display": "gazaplan.desk._display",
    "plots": "gazaplan.desk.plots",
    "documents": "gazaplan.files.documents",
}
"""Each port's name -> the module that serves it (it provides the port's protocol below)."""


class Tables(Protocol):
    """Results as DataFrames (:mod:`gazaplan.desk.tables`, the ``pandas`` extra)."""

    def to_pandas(self, obj: Any, *args: Any, **kwargs: Any) -> pd.DataFrame: ...

    def frame(self, rows: Any, columns: Any, *, feature: str) -> pd.DataFrame: ...


class Display(Protocol):
    """A result as a compact HTML table, for notebooks (:mod:`gazaplan.desk._display`)."""

    def html_of(self, obj: Any) -> str: ...


class Plots(Protocol):
    """The plots a result draws of itself (:mod:`gazaplan.desk.plots`, the ``plot`` extra)."""

    def plot_sweep(self, result: Any, subjects: Any = None, *, ax: Any = None) -> Any: ...

    def plot_monte_carlo(self, result: Any, obligations: Any = None, *, ax: Any = None) -> Any: ...


class Documents(Protocol):
    """The reader of documents (:mod:`gazaplan.files.documents`), for the bundled data file."""

    def loads(
        self, data: str | bytes, cls: type[Any], *, format: Any, file: str, plan: Any
    ) -> Any: ...


def tables() -> Tables:
    return cast("Tables", importlib.import_module(PORTS["tables"]))


def display() -> Display:
    return cast("Display", importlib.import_module(PORTS["display"]))


def plots() -> Plots:
    return cast("Plots", importlib.import_module(PORTS["plots"]))


def documents() -> Documents:
    return cast("Documents", importlib.import_module(PORTS["documents"]))
