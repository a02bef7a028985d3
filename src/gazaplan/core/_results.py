"""What results share: a notebook display, and lookup of their rows by id.

Plain ``repr`` stays attrs' own; ``_repr_html_`` asks the ``display`` port (:mod:`gazaplan.core._ports`)
for the table, so importing a result loads no display code.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, TypeVar

from ..exceptions import UnknownIdError

__all__ = ["Keyed", "NotebookDisplay"]


class NotebookDisplay:
    """Mixin giving ``_repr_html_`` (a compact, escaped HTML table); plain ``repr`` stays attrs'."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        """The notebook display: a compact, escaped HTML table."""
        from . import _ports  # on first display: building a result needs no port

        return _ports.display().html_of(self)


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
