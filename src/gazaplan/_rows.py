"""The plain values of table rows: :func:`cell` and :func:`cites` (see :mod:`gazaplan.tables`)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

from .explain import show
from .sources import Contested, Source, Sourced
from .truth import UNKNOWN

Row = dict[str, Any]
"""One table row: column name to plain value. A cell holding several values (the obligors, the
points) is a tuple: ``--json`` writes it as an array, tables and pages as text (:func:`flat`)."""

__all__ = ["Row", "cell", "cited", "cites", "flat"]


def cell(value: Any) -> Any:
    """One value made plain: UNKNOWN -> None, enums -> their text, sets and claims -> text."""
    if value is UNKNOWN:
        return None
    if isinstance(value, Contested):  # every claim kept, as data (tables show it as text)
        return {
            "contested": tuple(
                {"value": cell(c.value), "claimed_by": c.claimed_by} for c in value.claims
            )
        }
    if isinstance(value, frozenset | set):
        return show(value)
    if isinstance(value, enum.Enum):
        return str(value)
    if isinstance(value, Sourced):
        return cell(value.value)
    if isinstance(value, tuple) and all(isinstance(s, Source) for s in value):
        return cited(value)
    return value


def cited(sources: Iterable[Source]) -> tuple[str, ...]:
    """The short citations as a cell: ``("WH 4", "R8")``."""
    return tuple(s.cite() for s in sources)


def cites(sources: Iterable[Source]) -> str:
    """``"WH 4; R8"``: the short citations, without brackets."""
    return "; ".join(s.cite() for s in sources)


def flat(value: Any) -> Any:
    """A cell for a table or a page: a tuple of values as ``"israel, hamas"`` (empty: ``""``);
    a quantity ``{"measure", "delivered", "owed"}`` as ``"measure: 250 of 250"``; a contested
    value as ``"contested (459 per AP; 113 per UN)"``."""
    if isinstance(value, tuple):
        return ", ".join(str(flat(v)) for v in value)
    if isinstance(value, dict):
        if value.keys() == {"contested"}:
            claims = "; ".join(
                f"{flat(c['value'])} per {c['claimed_by']}" for c in value["contested"]
            )
            return f"contested ({claims})"
        if value.keys() == {"measure", "delivered", "owed"}:
            done, owed = (
                "unknown" if value[k] is None else flat(value[k]) for k in ("delivered", "owed")
            )
            return f"{value['measure']}: {done} of {owed}"
        return ", ".join(f"{k}: {flat(v)}" for k, v in value.items())
    return value
