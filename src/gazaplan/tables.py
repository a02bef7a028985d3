"""Results as tables: rows of plain values, and ``to_pandas()`` built on them.

Each ``*_rows`` function turns one kind of result into a list of dicts whose values are plain
Python: text, numbers, bools, datetimes, durations, or None where the library has UNKNOWN (pandas
shows it as missing; nothing is turned into False). Verdicts and statuses are their words
("MET", "overdue"); enums their display text; a contested fact its claims as text; sources
their short citations ("WH 4; R8"). The same rows feed ``to_pandas()``, the notebook tables, the
HTML report and the command line's ``--json``, so every form says the same thing.

An edge module: pandas is imported only by :func:`frame`, and only when called.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ._frozenmap import FrozenMap
from .exceptions import InvalidValueError, MissingExtraError
from .explain import describe, show
from .sources import Contested, Source, Sourced
from .truth import UNKNOWN

if TYPE_CHECKING:
    import pandas as pd

    from ._compliance import ComplianceReport
    from .evaluation import Evaluation
    from .plans import Plan
    from .rules import PhaseReport, PlanReport
    from .scenarios import ScenarioResult
    from .timelines import History, Timeline
    from .whatif import Comparison, Diff

Row = dict[str, Any]

__all__ = [
    "COLUMNS",
    "PLAN_TABLES",
    "cell",
    "comparison_rows",
    "compliance_rows",
    "diff_rows",
    "evaluation_rows",
    "frame",
    "history_rows",
    "phase_rows",
    "plan_rows",
    "rows_of",
    "scenario_rows",
    "timeline_rows",
    "to_pandas",
]


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


def frame(rows: Sequence[Row], columns: Sequence[str], *, feature: str) -> pd.DataFrame:
    """A pandas DataFrame of *rows* with *columns* in that order (pandas imported here)."""
    try:
        import pandas as pd
    except ImportError:
        raise MissingExtraError(feature, "pandas", "pandas") from None
    df = pd.DataFrame(list(rows), columns=list(columns))
    for name in df.columns:  # give instants and durations their dtypes even when mixed or empty
        values = [v for v in df[name] if v is not None]
        if values and all(isinstance(v, dt.datetime) for v in values):
            if df[name].dtype == object:  # offsets differ: show every instant in UTC
                df[name] = pd.to_datetime(df[name], utc=True)
        elif (values and all(isinstance(v, dt.timedelta) for v in values)) or (
            name in _DURATIONS and not values
        ):
            df[name] = pd.to_timedelta(df[name])
    return df


_DURATIONS = frozenset({"overdue_by", "late_by", "time_left"})


# -- the plan ------------------------------------------------------------------------------------

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
                "binds": ", ".join(p.binds),
                "sources": cites(p.sources),
            }
            for p in plan.provisions
        ]
    if table == "phases":
        return [
            {
                "phase": ph.id,
                "name": ph.name,
                "path": str(ph.path.value),
                "points": ", ".join(map(str, ph.provisions)),
                "obligations": len(ph.obligations),
                "entry": ph.entry.label or type(ph.entry).__name__,
                "sources": cites(ph.sources),
            }
            for ph in plan.phases
        ]
    if table == "obligations":
        return [
            {
                "obligation": o.id,
                "phase": ph.id,
                "point": o.provision,
                "owed_by": o.obligor_text,
                "owed_to": ", ".join(o.owed_to),
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
                "sources": cites(plan.term(path).sources),
            }
            for path in plan.term_paths()
        ]
    if table == "lines":
        return [
            {
                "line": line.id,
                "name": line.name,
                "order": line.order,
                "israeli_share": "; ".join(str(c) for c in line.israeli_share) or None,
                "also_called": ", ".join(line.also_called),
                "sources": cites(line.sources),
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
                "sources": cites(f.sources),
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
                "sources": cites(p.sources),
            }
            for p in plan.positions
        ]
    if table == "parties":
        return [
            {"party": p.id, "name": p.name, "kind": str(p.kind), "sources": cites(p.sources)}
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


# -- checks and traces ---------------------------------------------------------------------------


def phase_rows(report: PlanReport | PhaseReport, table: str = "phases") -> list[Row]:
    """Phases x verdicts (``table="phases"``) or obligations x statuses (``"obligations"``).

    In the phases table, ``unmet_leaves`` and ``unknown_leaves`` count the leaf conditions of
    the preconditions that keep them from being MET (see :attr:`PhaseReport.unmet`).
    """
    from .rules import PhaseReport

    phases = (report,) if isinstance(report, PhaseReport) else report.phases
    if table == "phases":
        return [
            {
                "phase": r.phase.id,
                "name": r.phase.name,
                "preconditions": str(r.verdict),
                "completion": str(r.completion.verdict),
                "unmet_leaves": len(r.unmet),
                "unknown_leaves": len(r.unknown),
                "points": ", ".join(map(str, r.provisions)),
            }
            for r in phases
        ]
    if table == "obligations":
        return [
            {
                "obligation": o.obligation.id,
                "phase": o.phase_id,
                "point": o.obligation.provision,
                "owed_by": o.obligation.obligor_text,
                "status": str(o.status),
                "trigger": str(o.trigger.verdict),
                "completion": str(o.completion.verdict),
                "action": o.obligation.action,
            }
            for r in phases
            for o in r.obligations
        ]
    raise InvalidValueError(
        "report table", table, "no such table", "Use 'phases' or 'obligations'."
    )


def evaluation_rows(ev: Evaluation) -> list[Row]:
    """The trace, depth first: one row per node with its depth, verdict, test and readings."""
    out: list[Row] = []

    def visit(node: Evaluation, depth: int) -> None:
        out.append(
            {
                "depth": depth,
                "verdict": str(node.verdict),
                "test": describe(node),
                "point": node.point,
                "facts": ", ".join(r.fact for r in node.readings),
                "seen": "; ".join(show(r.value) for r in node.readings),
            }
        )
        for child in node.children:
            visit(child, depth + 1)

    visit(ev, 0)
    return out


def compliance_rows(report: ComplianceReport) -> list[Row]:
    """Obligations x statuses as of the report's instant, overdue first."""
    return [
        {
            "obligation": c.obligation.id,
            "phase": c.phase_id,
            "point": c.obligation.provision,
            "owed_by": c.obligation.obligor_text,
            "status": str(c.status),
            "triggered_at": c.triggered_at,
            "clock_from": c.clock_from,
            "due": c.due,
            "fulfilled_at": c.fulfilled_at,
            "overdue_by": c.overdue_by,
            "late_by": c.late_by,
            "time_left": c.time_left,
            "delivered": "; ".join(str(q) for q in c.quantities),
            "reason": c.reason,
        }
        for c in report.items
    ]


# -- events and states ---------------------------------------------------------------------------


def timeline_rows(timeline: Timeline) -> list[Row]:
    """One row per event, in order."""
    return [
        {
            "event": e.id,
            "at": e.at,
            "kind": e.kind,
            "summary": e.summary,
            "reported_by": e.reported_by,
            "precision": str(e.precision),
            "confidence": str(e.confidence),
            "sources": cites(e.sources),
        }
        for e in timeline.events
    ]


def history_rows(history: History) -> list[Row]:
    """The facts over time: the starting state, then one row after each event.

    The starting state is dated at the start of the plan's publication day (UTC+3), as
    compliance counts it; its ``event`` is ``"start"``. Per-party facts become one column per
    party (``responses.hamas``).
    """
    from ._compliance import _origin

    states = [(_origin(history.plan), "start", history.start)] + [
        (e.at, e.id, s) for e, s in zip(history.timeline.events, history.states, strict=True)
    ]
    out = []
    for at, event, state in states:
        row: Row = {"at": at, "event": event}
        for a in attrs.fields(type(state)):
            value = getattr(state, a.name)
            if isinstance(value, FrozenMap):
                for party, v in sorted(value.items()):
                    row[f"{a.name}.{party}"] = cell(v)
            else:
                row[a.name] = cell(value)
        out.append(row)
    return out


# -- what-ifs and scenarios ----------------------------------------------------------------------


def diff_rows(d: Diff) -> list[Row]:
    """One row per difference between two plans."""
    from .whatif import short

    return [
        {
            "kind": x.kind,
            "key": x.key,
            "before": None if x.before is None else short(x.before),
            "after": None if x.after is None else short(x.after),
        }
        for x in d.differences
    ]


def comparison_rows(c: Comparison) -> list[Row]:
    """One row per phase or obligation whose verdict or status differs between the plans."""
    rows: list[Row] = [
        {
            "item": "phase",
            "id": ra.phase.id,
            c.a: f"{ra.verdict} / completion {ra.completion.verdict}",
            c.b: f"{rb.verdict} / completion {rb.completion.verdict}",
        }
        for ra, rb in c.phases
    ]
    for ca, cb in c.obligations:
        some = ca if ca is not None else cb
        assert some is not None
        rows.append(
            {
                "item": "obligation",
                "id": some.obligation.id,
                c.a: str(ca.status) if ca else "absent",
                c.b: str(cb.status) if cb else "absent",
            }
        )
    return rows


def scenario_rows(result: ScenarioResult) -> list[Row]:
    """One row per expectation: what was expected, what was found, and whether they agree."""
    from .scenarios import subject

    rows = []
    for o in result.outcomes:
        what, expected = subject(o.expectation)
        rows.append(
            {
                "expectation": o.expectation.tag,
                "subject": what,
                "at": o.expectation.at,
                "expected": show(expected),
                "found": show(o.found),
                "passed": o.passed,
            }
        )
    return rows


# -- dispatch ------------------------------------------------------------------------------------

COLUMNS: dict[str, tuple[str, ...]] = {
    "diff": ("kind", "key", "before", "after"),
    "scenario": ("expectation", "subject", "at", "expected", "found", "passed"),
    "timeline": (
        "event",
        "at",
        "kind",
        "summary",
        "reported_by",
        "precision",
        "confidence",
        "sources",
    ),
    "compliance": (
        "obligation",
        "phase",
        "point",
        "owed_by",
        "status",
        "triggered_at",
        "clock_from",
        "due",
        "fulfilled_at",
        "overdue_by",
        "late_by",
        "time_left",
        "delivered",
        "reason",
    ),
}
"""The columns of the tables that may be empty (the others always have rows)."""


def rows_of(obj: Any, table: str | None = None) -> tuple[str, list[Row]]:
    """The table name and rows for one of the library's results (*table* picks among several)."""
    name = type(obj).__name__
    if name == "Plan":
        return table or "provisions", plan_rows(obj, table or "provisions")
    if name == "PlanReport":
        return table or "phases", phase_rows(obj, table or "phases")
    if name == "PhaseReport":
        table = table or "obligations"
        if table == "preconditions":
            return table, evaluation_rows(obj.entry)
        return table, phase_rows(obj, table)
    single: dict[str, Any] = {
        "Evaluation": ("trace", evaluation_rows),
        "ComplianceReport": ("compliance", compliance_rows),
        "Timeline": ("timeline", timeline_rows),
        "History": ("history", history_rows),
        "Diff": ("diff", diff_rows),
        "Comparison": ("comparison", comparison_rows),
        "ScenarioResult": ("scenario", scenario_rows),
    }
    kind, fn = single[name]
    return kind, fn(obj)


def to_pandas(obj: Any, table: str | None = None) -> pd.DataFrame:
    """*obj*'s table as a DataFrame (what the results' ``to_pandas()`` methods return)."""
    kind, rows = rows_of(obj, table)
    if rows:
        columns: Sequence[str] = list(rows[0])
    elif type(obj).__name__ == "Comparison":
        columns = ["item", "id", obj.a, obj.b]
    else:
        columns = COLUMNS.get(kind, ())
    feature = f"{type(obj).__name__}.to_pandas()"
    return frame(rows, columns, feature=feature)
