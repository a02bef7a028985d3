"""The notebook display every plan and result class shares: :class:`NotebookDisplay`.

A core module with no dependencies: the display itself is built by :mod:`gazaplan._display`,
imported when a notebook first asks for it, so importing the library loads none of it.
"""

from __future__ import annotations

__all__ = ["NotebookDisplay"]


class NotebookDisplay:
    """Mixin giving ``_repr_html_`` (a compact, escaped HTML table); plain ``repr`` stays attrs'."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        """The notebook display: a compact, escaped HTML table."""
        from ._display import html_of

        return html_of(self)
