"""The plan's own tables: provisions, phases, obligations, terms, lines, figures, positions,
parties and sources, as rows (see :mod:`gazaplan.tables`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from ._rows import Row, cell, cited
from .exceptions import InvalidValueError
from .sources import Source
from .truth import UNKNOWN

if TYPE_CHECKING:
    from .plans import Plan
    from .timelines import Timeline

__all__ = ["PLAN_TABLES", "all_sources", "plan_rows"]

PLAN_TABLES = (
    "provisions",
    "phases",
    "obligations",
    "terms",
    "lines",
    "figures",
    "positions",
    "parties",
    "sources",
)
"""The tables :meth:`Plan.to_pandas` and :func:`plan_rows` offer."""


def plan_rows(plan: Plan, table: str = "provisions") -> list[Row]:
    """One of the plan's tables (see :data:`PLAN_TABLES`) as rows."""
    if table not in PLAN_TABLES:
        raise InvalidValueError(
            "plan table", table, "no such table", "Use one of: " + ", ".join(PLAN_TABLES) + "."
        )
    if table == "provisions":
        return [
            {
                "point": p.number,
                "title": p.title,
                "nature": str(p.nature),
                "paraphrase": p.paraphrase,
                "binds": tuple(p.binds),
                "sources": cited(p.sources),
            }
            for p in plan.provisions
        ]
    if table == "phases":
        return [
            {
                "phase": ph.id,
                "name": ph.name,
                "path": str(ph.path.value),
                "points": tuple(ph.provisions),
                "obligations": len(ph.obligations),
                "entry": ph.entry.label or type(ph.entry).__name__,
                "sources": cited(ph.sources),
            }
            for ph in plan.phases
        ]
    if table == "obligations":
        return [
            {
                "obligation": o.id,
                "phase": ph.id,
                "point": o.provision,
                "owed_by": tuple(o.obligors),
                "owed_to": tuple(o.owed_to),
                "action": o.action,
                "deadline_hours": _hours(plan, o),
            }
            for ph in plan.phases
            for o in ph.obligations
        ]
    if table == "terms":
        return [
            {
                "term": path,
                "value": cell(plan.term(path).value),
                "note": plan.term(path).note,
                "sources": cited(plan.term(path).sources),
            }
            for path in plan.term_paths()
        ]
    if table == "lines":
        return [
            {
                "line": line.id,
                "name": line.name,
                "order": line.order,
                "israeli_share": tuple(str(c) for c in line.israeli_share) or None,
                "also_called": tuple(line.also_called),
                "sources": cited(line.sources),
            }
            for line in plan.lines
        ]
    if table == "figures":
        return [
            {
                "figure": f.id,
                "topic": str(f.topic),
                "label": f.label,
                "value": cell(f.value),
                "unit": f.unit,
                "qualifier": str(f.qualifier),
                "claimed_by": f.claimed_by,
                "as_of": f.as_of,
                "sources": cited(f.sources),
            }
            for f in plan.figures
        ]
    if table == "positions":
        return [
            {
                "party": p.party,
                "response": cell(p.response),
                "summary": p.summary,
                "as_of": p.as_of,
                "sources": cited(p.sources),
            }
            for p in plan.positions
        ]
    if table == "parties":
        return [
            {"party": p.id, "name": p.name, "kind": str(p.kind), "sources": cited(p.sources)}
            for p in plan.parties
        ]
    return [
        {
            "tag": s.tag,
            "outlet": s.outlet,
            "title": s.title,
            "date": s.date,
            "url": s.url,
            "note": s.note,
        }
        for s in all_sources(plan)
    ]


def _hours(plan: Plan, o: Any) -> float | None:
    if o.deadline is None:
        return None
    hours = o.deadline.hours
    value = plan.term(hours.path).value if hasattr(hours, "path") else hours
    return None if value is UNKNOWN else float(value)


def all_sources(plan: Plan, timeline: Timeline | None = None) -> list[Source]:
    """Every source the plan (and the timeline) cites, once each by tag, sorted by tag."""
    found: dict[str, Source] = {}

    def visit(value: Any) -> None:
        if isinstance(value, Source):
            found.setdefault(value.tag, attrs.evolve(value, point=None))
        elif isinstance(value, tuple | list | frozenset):
            for v in value:
                visit(v)
        elif attrs.has(type(value)):
            for a in attrs.fields(type(value)):
                if not a.name.startswith("_"):
                    visit(getattr(value, a.name))

    visit(plan)
    if timeline is not None:
        visit(timeline.events)
    return sorted(found.values(), key=lambda s: s.tag)
