"""What the core asks of the edges, and the notebook display every result shares.

The core's results offer ``to_pandas()`` and ``_repr_html_``, but the tables and displays that
build them sit at the edge, above the core, and the core imports nothing above it. So the core
asks for them here, by name, and the package (``gazaplan/__init__.py``, on top of every layer)
says where each is: :func:`provide` at import, :func:`tables`, :func:`display` and the
others when first used. Nothing of the edges is loaded until a result asks.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast

from .exceptions import UnknownIdError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Keyed",
    "NotebookDisplay",
    "display",
    "documents",
    "explainer",
    "plots",
    "provide",
    "tables",
]

_WHERE: dict[str, str] = {}  # an edge's name -> the module that provides it


def provide(edge: str, module: str) -> None:
    """Record that *module* (a full module name) provides *edge*; the package calls this."""
    _WHERE[edge] = module


def _load(edge: str) -> ModuleType:
    return importlib.import_module(_WHERE[edge])


class Tables(Protocol):
    """The edge that turns a result into a DataFrame (:mod:`gazaplan.tables`)."""

    def to_pandas(self, obj: Any, *args: Any, **kwargs: Any) -> pd.DataFrame: ...

    def frame(self, rows: Any, columns: Any, *, feature: str) -> pd.DataFrame: ...


class Display(Protocol):
    """The edge that renders a result as an HTML table (:mod:`gazaplan._display`)."""

    def html_of(self, obj: Any) -> str: ...


def tables() -> Tables:
    return cast("Tables", _load("tables"))


def display() -> Display:
    return cast("Display", _load("display"))


class Explainer(Protocol):
    """The text reports (:mod:`gazaplan.explain`), for results below it in the layering."""

    def explain_evaluation(self, ev: Any, depth: int = 0) -> list[str]: ...


def explainer() -> Explainer:
    return cast("Explainer", _load("explain"))


class Documents(Protocol):
    """The reader of documents (:mod:`gazaplan.documents`), for the bundled data files."""

    def loads(
        self, data: str | bytes, cls: type[Any], *, format: Any, file: str, plan: Any
    ) -> Any: ...


def documents() -> Documents:
    return cast("Documents", _load("documents"))


class Plots(Protocol):
    """The plots a result draws of itself (:mod:`gazaplan.plots`, the ``plot`` extra)."""

    def plot_sweep(self, result: Any, subjects: Any = None, *, ax: Any = None) -> Any: ...

    def plot_monte_carlo(self, result: Any, obligations: Any = None, *, ax: Any = None) -> Any: ...


def plots() -> Plots:
    return cast("Plots", _load("plots"))


class NotebookDisplay:
    """Mixin giving ``_repr_html_`` (a compact, escaped HTML table); plain ``repr`` stays attrs'."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        """The notebook display: a compact, escaped HTML table."""
        return display().html_of(self)


R = TypeVar("R")


class Keyed(Generic[R]):
    """Mixin for a result that holds rows with ids: ``len``, iteration, ``in`` and lookup by id
    (an unknown id raises :class:`~gazaplan.UnknownIdError` listing the known ones)."""

    __slots__ = ()

    def _rows(self) -> tuple[R, ...]:
        raise NotImplementedError

    def _id(self, row: R) -> str:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._rows())

    def __iter__(self) -> Iterator[R]:
        return iter(self._rows())

    def __contains__(self, key: object) -> bool:
        return any(self._id(row) == key for row in self._rows())

    def __getitem__(self, key: str) -> R:
        for row in self._rows():
            if self._id(row) == key:
                return row
        raise UnknownIdError(key, [self._id(r) for r in self._rows()], where=type(self).__name__)
