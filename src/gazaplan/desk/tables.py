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
import functools
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ..core._frozenmap import FrozenMap
from ..core.evaluation import Evaluation
from ..core.explain import describe, show
from ..core.facts import Floor
from ..core.plans import Plan
from ..core.rules import PhaseReport, PlanReport
from ..core.sources import Contested, Source, Sourced
from ..core.words import NO_OBLIGOR
from ..exceptions import InvalidValueError, MissingExtraError
from ..time.anomalies import AnomalyReport
from ..time.compliance import ComplianceReport
from ..time.histories import History
from ..time.timelines import Timeline
from ..truth import UNKNOWN
from ..whatif.differences import Comparison, Diff
from ..whatif.scenarios import ScenarioResult

if TYPE_CHECKING:
    import pandas as pd


__all__ = [
    "COLUMNS",
    "PLAN_TABLES",
    "Row",
    "all_sources",
    "cell",
    "cites",
    "comparison_rows",
    "compliance_rows",
    "diff_rows",
    "evaluation_rows",
    "frame",
    "history_rows",
    "json_default",
    "phase_rows",
    "plan_rows",
    "rows_of",
    "scenario_rows",
    "timeline_rows",
    "to_pandas",
]


def json_default(value: Any) -> Any:
    """How a value that JSON lacks is written in the JSON documents (``--json``, the site's
    ``status.json``): instants and days as ISO 8601 text, durations as seconds, enumerations
    and sets of them as their words.

    Args:
        value: the value :func:`json.dumps` cannot write itself.

    Returns:
        A value it can.
    """
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, enum.Enum):
        return str(value)
    if isinstance(value, frozenset | set):
        return sorted(str(v) for v in value)
    return str(value)


# The plain values of table rows.

Row = dict[str, Any]


"""One table row: column name to plain value. A cell holding several values (the obligors, the
points) is a tuple: ``--json`` writes it as an array, tables and pages as text (:func:`flat`)."""


def cell(value: Any) -> Any:
    """One value made plain, for a row.

    Args:
        value: a fact's value, a term, a set, sources, ...

    Returns:
        None for UNKNOWN, an enum's text, a set as text, a contested value as its claims (each
        with who makes it), sources as their short citations; any other value as it is.
    """
    if value is UNKNOWN:
        return None
    if isinstance(value, Floor):  # a count known only from below
        return str(value)
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
    """The short citations of sources, as a cell.

    Args:
        sources: the sources.

    Returns:
        A tuple such as ``("WH 4", "R8")``.
    """
    return tuple(s.cite() for s in sources)


def cites(sources: Iterable[Source]) -> str:
    """The short citations of sources as text, without brackets.

    Args:
        sources: the sources.

    Returns:
        Text such as ``"WH 4; R8"``.
    """
    return "; ".join(s.cite() for s in sources)


def flat(value: Any) -> Any:
    """A cell made flat, for a table or a page.

    Args:
        value: a row's cell.

    Returns:
        A tuple of values as ``"israel, hamas"`` (an empty one as ``""``); a quantity ``{"measure",
        "delivered", "owed"}`` as ``"measure: 250 of 250"``; a contested value as ``"contested
        (459 per AP; 113 per UN)"``; any other value as it is.
    """
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


# The plan's own tables: provisions, phases, obligations, terms, lines, figures, positions,
# parties and sources.

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


"""The tables :meth:`Plan.to_pandas <gazaplan.core.plans.Plan.to_pandas>` and :func:`plan_rows`
offer."""


def plan_rows(plan: Plan, table: str = "provisions") -> list[Row]:
    """One of the plan's tables as rows.

    Args:
        plan: the plan.
        table: one of :data:`PLAN_TABLES`.

    Returns:
        A row per item of the table.

    Raises:
        InvalidValueError: if *table* is none of them.
    """
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
    """Every source a plan (and a timeline) cites.

    Args:
        plan: the plan.
        timeline: a timeline whose events' sources are added (None: none).

    Returns:
        The sources, once each by tag (without a point), sorted by tag.
    """
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


# The results as rows: reports, traces, compliance, events, facts over time, differences and
# scenario outcomes.


def phase_rows(report: PlanReport | PhaseReport, table: str = "phases") -> list[Row]:
    """A report's phases with their verdicts, or its obligations with their statuses, as rows.

    In the phases table, ``unmet_conditions`` and ``unknown_conditions`` count the conditions of
    the preconditions that keep them from being MET (see :attr:`PhaseReport.unmet
    <gazaplan.core.rules.PhaseReport.unmet>`).

    Args:
        report: a plan's report, or one phase's.
        table: ``"phases"`` (a row per phase) or ``"obligations"`` (a row per obligation).

    Returns:
        The rows.

    Raises:
        InvalidValueError: if *table* is neither.
    """
    from ..core.rules import PhaseReport

    phases = (report,) if isinstance(report, PhaseReport) else report.phases
    if table == "phases":
        return [
            {
                "phase": r.phase.id,
                "name": r.phase.name,
                "preconditions": str(r.verdict),
                "completion": str(r.completion.verdict),
                "unmet_conditions": len(r.unmet),
                "unknown_conditions": len(r.unknown),
                "points": tuple(r.provisions),
            }
            for r in phases
        ]
    if table == "obligations":
        return [
            {
                "obligation": o.obligation.id,
                "phase": o.phase_id,
                "point": o.obligation.provision,
                "owed_by": tuple(o.obligation.obligors),
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
    """A trace as rows, depth first.

    Args:
        ev: the evaluation at the top of the trace.

    Returns:
        One row per node with its depth, verdict, test, point and readings.
    """
    out: list[Row] = []

    def visit(node: Evaluation, depth: int) -> None:
        out.append(
            {
                "depth": depth,
                "verdict": str(node.verdict),
                "test": describe(node),
                "point": node.point,
                "facts": tuple(r.fact for r in node.readings),
                "seen": "; ".join(show(r.value) for r in node.readings),
            }
        )
        for child in node.children:
            visit(child, depth + 1)

    visit(ev, 0)
    return out


def compliance_rows(report: ComplianceReport) -> list[Row]:
    """A compliance report as rows.

    Args:
        report: the compliance report.

    Returns:
        One row per obligation with its status, instants, durations, quantities and reason, as
        of the report's instant, news first (see :data:`gazaplan.time.compliance.NEWS_ORDER`).
    """
    return [
        {
            "obligation": c.obligation.id,
            "phase": c.phase_id,
            "point": c.obligation.provision,
            "owed_by": tuple(c.obligation.obligors),
            "kind": str(c.obligation.kind),
            "status": str(c.status),
            "since": c.periods[-1].start if c.periods else None,
            "version": c.version,
            "triggered_at": c.triggered_at,
            "clock_from": c.clock_from,
            "due": c.due,
            "due_latest": c.due_latest,
            "fulfilled_at": c.fulfilled_at,
            "overdue_by": c.overdue_by,
            "late_by": c.late_by,
            "time_left": c.time_left,
            "delivered": tuple(
                {"measure": q.label, "delivered": cell(q.delivered), "owed": cell(q.owed)}
                for q in c.quantities
            ),
            "held": c.held,
            "owed_for": c.owed_for,
            "reason": c.reason,
            "lifecycle": c.lifecycle(),
        }
        for c in report.items
    ]


def anomaly_rows(report: AnomalyReport) -> list[Row]:
    """The anomalies between a timeline and the rules, as rows.

    Args:
        report: the anomalies.

    Returns:
        One row per anomaly, with its kind, event, instant, obligation, version, reason and the
        library's note (empty where it has none).
    """
    return [
        {
            "kind": str(a.kind),
            "event": a.event,
            "at": a.at,
            "obligation": a.obligation,
            "version": a.version,
            "reason": a.reason,
            "explained": a.explained,
            "note": a.note.note if a.note is not None else "",
            "sources": cites(a.note.sources) if a.note is not None else "",
        }
        for a in report.items
    ]


def timeline_rows(timeline: Timeline) -> list[Row]:
    """A timeline as rows.

    Args:
        timeline: the timeline.

    Returns:
        One row per event, in order.
    """
    return [
        {
            "event": e.id,
            "at": e.at,
            "kind": e.kind,
            "summary": e.summary,
            "reported_by": e.reported_by,
            "precision": str(e.precision),
            "confidence": str(e.confidence),
            "sources": cited(e.sources),
        }
        for e in timeline.events
    ]


def history_rows(history: History) -> list[Row]:
    """The facts over time, as rows.

    The starting state is dated at the plan's origin (:attr:`Plan.origin
    <gazaplan.core.plans.Plan.origin>`: midnight of its start date in its local time, at
    :attr:`Plan.utc_offset_hours <gazaplan.core.plans.Plan.utc_offset_hours>` from UTC), as
    compliance counts it; its ``event`` is ``"start"``. Columns are fact ids; a per-party fact
    gives one column per party (``response.hamas``), as conditions name it.

    Args:
        history: the history.

    Returns:
        A row for the starting state, then one row after each event.
    """
    from ..core.state import FACTS
    from ..time.compliance import plan_origin

    fact_id = {spec.field: spec.id for spec in FACTS.values()}

    states = [(plan_origin(history.plan), "start", history.start)] + [
        (e.at, e.id, s) for e, s in zip(history.timeline.events, history.states, strict=True)
    ]
    out = []
    for at, event, state in states:
        row: Row = {"at": at, "event": event}
        for a in attrs.fields(type(state)):
            value = getattr(state, a.name)
            if isinstance(value, FrozenMap):
                for party, v in sorted(value.items()):
                    row[f"{fact_id[a.name]}.{party}"] = cell(v)
            else:
                row[fact_id[a.name]] = cell(value)
        out.append(row)
    return out


def diff_rows(d: Diff) -> list[Row]:
    """The differences between two plans, as rows.

    Args:
        d: the differences.

    Returns:
        One row per difference, with its kind, key, and the values before and after in words.
    """
    from ..whatif.differences import label

    return [
        {
            "kind": x.kind,
            "key": x.key,
            "before": None if x.before is None else label(x.before),
            "after": None if x.after is None else label(x.after),
        }
        for x in d.differences
    ]


def comparison_rows(c: Comparison) -> list[Row]:
    """A comparison of two plans' verdicts, as rows.

    Args:
        c: the comparison.

    Returns:
        One row per phase or obligation whose verdict or status differs between the plans, a
        column per plan.
    """
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
    """A scenario's outcomes, as rows.

    Args:
        result: the scenario's result.

    Returns:
        One row per expectation, with what was expected, what was found, and whether they agree.
    """
    from ..whatif.scenarios import subject

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


# Rows of any result, and the frames built on them.

T = TypeVar("T")


def frame(rows: Sequence[Row], columns: Sequence[str], *, feature: str) -> pd.DataFrame:
    """A pandas DataFrame of rows (pandas is imported here).

    Instants, durations, whole numbers and truth values get their pandas types; None is shown
    as missing. An ``owed_by`` with nobody in it reads "no obligor named in the text"
    (:data:`~gazaplan.core.words.NO_OBLIGOR`), as the text says, not an empty cell.

    Args:
        rows: the rows.
        columns: the columns, in order.
        feature: what asked for the frame, named by the error when pandas is missing.

    Returns:
        The DataFrame.

    Raises:
        MissingExtraError: if pandas is not installed.
    """
    try:
        import pandas as pd
    except ImportError:
        raise MissingExtraError(feature, "pandas", "pandas") from None
    plain: list[Row] = [  # a text naming nobody says so: never an empty, "missing" cell
        {k: NO_OBLIGOR if k == "owed_by" and v == () else flat(v) for k, v in row.items()}
        for row in rows
    ]
    df = pd.DataFrame(plain, columns=list(columns))
    for name in df.columns:  # give instants, durations and counts their dtypes
        values = [v for row in plain if (v := row.get(name)) is not None]
        if values and all(isinstance(v, dt.datetime) for v in values):
            if df[name].dtype == object:  # offsets differ: one zone for the column
                df[name] = pd.to_datetime(df[name], utc=True).dt.tz_convert(_zone(values))
        elif (values and all(isinstance(v, dt.timedelta) for v in values)) or (
            name in _DURATIONS and not values
        ):
            df[name] = pd.to_timedelta(df[name])
        elif values and len(values) < len(df) and all(isinstance(v, bool) for v in values):
            df[name] = df[name].astype("boolean")  # True, False and <NA> for unknown
        elif values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            df[name] = df[name].astype("Int64")  # whole numbers stay whole; <NA> for unknown
    return df


def _zone(instants: Sequence[dt.datetime]) -> str:
    """The zone a column of instants is shown in: the named zone of the plan's events
    (``Asia/Jerusalem`` in the bundled timeline) where one is used, else UTC."""
    from zoneinfo import ZoneInfo

    for at in instants:
        if isinstance(at.tzinfo, ZoneInfo):
            return at.tzinfo.key
    return "UTC"


_DURATIONS = frozenset({"overdue_by", "late_by", "time_left"})


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
    "anomalies": (
        "kind",
        "event",
        "at",
        "obligation",
        "version",
        "reason",
        "explained",
        "note",
        "sources",
    ),
    "compliance": (
        "obligation",
        "phase",
        "point",
        "owed_by",
        "kind",
        "status",
        "since",
        "version",
        "triggered_at",
        "clock_from",
        "due",
        "due_latest",
        "fulfilled_at",
        "overdue_by",
        "late_by",
        "time_left",
        "delivered",
        "held",
        "owed_for",
        "reason",
        "lifecycle",
    ),
}


"""The columns of the tables that may be empty (the others always have rows)."""


@functools.singledispatch
def rows_of(obj: object, table: str | None = None) -> tuple[str, list[Row]]:
    """The table name and rows for one of the library's results, found by the result's type.

    Args:
        obj: the result.
        table: which table, for a result that has several (None: its first).

    Returns:
        The table's name and its rows.

    Raises:
        TypeError: if gazaplan has no table for *obj*'s type.
        InvalidValueError: if *table* names no table of the result.
    """
    raise TypeError(f"gazaplan has no table for a {type(obj).__name__}")


@rows_of.register
def _(obj: Plan, table: str | None = None) -> tuple[str, list[Row]]:
    """The table name and rows of a Plan.

    Args:
        obj: the result.
        table: which table (None: the plan's provisions).

    Returns:
        The table's name and its rows.
    """
    return table or "provisions", plan_rows(obj, table or "provisions")


@rows_of.register
def _(obj: PlanReport, table: str | None = None) -> tuple[str, list[Row]]:
    """The table name and rows of a PlanReport.

    Args:
        obj: the result.
        table: which table (None: the phases).

    Returns:
        The table's name and its rows.
    """
    return table or "phases", phase_rows(obj, table or "phases")


@rows_of.register
def _(obj: PhaseReport, table: str | None = None) -> tuple[str, list[Row]]:
    """The table name and rows of a PhaseReport.

    Args:
        obj: the result.
        table: which table (None: the obligations).

    Returns:
        The table's name and its rows.
    """
    table = table or "obligations"
    if table == "preconditions":
        return table, evaluation_rows(obj.entry)
    return table, phase_rows(obj, table)


def _single(cls: type[T], kind: str, rows: Callable[[T], list[Row]]) -> None:
    """Register a result that has one table, *kind*, made by *rows*."""

    def one(obj: T, table: str | None = None) -> tuple[str, list[Row]]:
        return kind, rows(obj)

    rows_of.register(cls, one)


_single(Evaluation, "trace", evaluation_rows)


_single(ComplianceReport, "compliance", compliance_rows)


_single(AnomalyReport, "anomalies", anomaly_rows)


_single(Timeline, "timeline", timeline_rows)


_single(History, "history", history_rows)


_single(Diff, "diff", diff_rows)


_single(Comparison, "comparison", comparison_rows)


_single(ScenarioResult, "scenario", scenario_rows)


def to_pandas(obj: object, table: str | None = None) -> pd.DataFrame:
    """A result's table as a DataFrame (what the results' ``to_pandas()`` methods return).

    Args:
        obj: the result.
        table: which table, for a result that has several (None: its first).

    Returns:
        The table; an empty table still has its columns.

    Raises:
        MissingExtraError: if pandas is not installed.
        TypeError: if gazaplan has no table for *obj*'s type.
        InvalidValueError: if *table* names no table of the result.
    """
    kind, rows = rows_of(obj, table)
    if rows:  # every column any row has, in the order first seen (a fact may be set late)
        columns: Sequence[str] = list(dict.fromkeys(k for row in rows for k in row))
    elif isinstance(obj, Comparison):
        columns = ["item", "id", obj.a, obj.b]
    else:
        columns = COLUMNS.get(kind, ())
    feature = f"{type(obj).__name__}.to_pandas()"
    return frame(rows, columns, feature=feature)
