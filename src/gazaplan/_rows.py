"""The plain values of table rows: :func:`cell` and :func:`cites` (see :mod:`gazaplan.tables`)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

from .explain import show
from .sources import Contested, Source, Sourced
from .truth import UNKNOWN

Row = dict[str, Any]
"""One table row: column name to plain value."""

__all__ = ["Row", "cell", "cites"]


def cell(value: Any) -> Any:
    """One value made plain: UNKNOWN -> None, enums -> their text, sets and claims -> text."""
    if value is UNKNOWN:
        return None
    if isinstance(value, Contested | frozenset | set):
        return show(value)
    if isinstance(value, enum.Enum):
        return str(value)
    if isinstance(value, Sourced):
        return cell(value.value)
    if isinstance(value, tuple) and all(isinstance(s, Source) for s in value):
        return cites(value)
    return value


def cites(sources: Iterable[Source]) -> str:
    """``"WH 4; R8"``: the short citations, without brackets."""
    return "; ".join(s.cite() for s in sources)
