"""The results as rows: reports, traces, compliance, events, facts over time, differences and
scenario outcomes (see :mod:`gazaplan.tables`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ._frozenmap import FrozenMap
from ._rows import Row, cell, cited
from .exceptions import InvalidValueError
from .explain import describe, show

if TYPE_CHECKING:
    from ._compliance import ComplianceReport
    from .evaluation import Evaluation
    from .histories import History
    from .rules import PhaseReport, PlanReport
    from .scenarios import ScenarioResult
    from .timelines import Timeline
    from .whatif import Comparison, Diff

__all__ = [
    "comparison_rows",
    "compliance_rows",
    "diff_rows",
    "evaluation_rows",
    "history_rows",
    "phase_rows",
    "scenario_rows",
    "timeline_rows",
]

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
    """The trace, depth first: one row per node with its depth, verdict, test and readings."""
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
    """Obligations x statuses as of the report's instant, overdue first."""
    return [
        {
            "obligation": c.obligation.id,
            "phase": c.phase_id,
            "point": c.obligation.provision,
            "owed_by": tuple(c.obligation.obligors),
            "status": str(c.status),
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
            "sources": cited(e.sources),
        }
        for e in timeline.events
    ]


def history_rows(history: History) -> list[Row]:
    """The facts over time: the starting state, then one row after each event.

    The starting state is dated at the start of the plan's publication day (UTC+3), as
    compliance counts it; its ``event`` is ``"start"``. Columns are fact ids; a per-party fact
    gives one column per party (``response.hamas``), as conditions name it.
    """
    from ._compliance import plan_origin
    from .state import FACTS

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


# -- what-ifs and scenarios ----------------------------------------------------------------------


def diff_rows(d: Diff) -> list[Row]:
    """One row per difference between two plans."""
    from .whatif import label

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
