"""Plain-text rendering of evaluations and reports: the "why / why not" an analyst can cite.

Wording is the same for every party: a leaf says which fact it read, the value seen, what the
condition needs and the point of the plan it comes from.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .conditions import (
    AllOf,
    AnyOf,
    AtLeast,
    AtMost,
    Equals,
    Known,
    Not,
    OneOf,
    PhaseComplete,
    Term,
    Times,
)
from .evaluation import Blocker, Evaluation
from .sources import Contested
from .truth import UNKNOWN

if TYPE_CHECKING:
    from .rules import ObligationReport, PhaseReport, PlanReport

__all__ = ["describe", "explain_evaluation", "explain_obligation", "explain_phase", "explain_plan"]

INDENT = "  "


def show(value: Any) -> str:
    """A value as text: ``unknown``, ``yes``/``no``, an enum's words, sets sorted."""
    if value is UNKNOWN:
        return "unknown"
    if isinstance(value, Contested):
        return (
            "contested ("
            + "; ".join(f"{show(c.value)} per {c.claimed_by}" for c in value.claims)
            + ")"
        )
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        return str(value)
    if isinstance(value, frozenset | set):
        return ", ".join(sorted(show(v) for v in value))
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _operand(cond: Any) -> str:
    value = cond.value
    if isinstance(value, Term):
        return f"{{}} ({value.path})"
    if isinstance(value, Times):
        factor = value.factor.path if isinstance(value.factor, Term) else show(value.factor)
        return f"{{}} ({factor} x {value.fact})"
    return "{}"


def describe(ev: Evaluation) -> str:
    """One line for one node: its label or a description of the test, and what was seen."""
    cond = ev.condition
    label = cond.label
    if isinstance(cond, AllOf):
        test = "all of the following"
    elif isinstance(cond, AnyOf):
        test = "at least one of the following"
    elif isinstance(cond, Not):
        test = "not the following"
    elif isinstance(cond, PhaseComplete):
        test = f"phase {cond.phase} is complete"
    else:
        seen = show(ev.readings[0].value) if ev.readings else "?"
        if isinstance(cond, Known):
            test = f"{cond.fact} is known (it is {seen})"
        elif isinstance(cond, OneOf):
            test = f"{cond.fact} is {seen}; needs one of: {show(cond.values)}"
        else:
            word = {Equals: "", AtLeast: "at least ", AtMost: "at most "}[type(cond)]
            need = _operand(cond).format(show(ev.target))
            test = f"{cond.fact} is {seen}; needs {word}{need}"
    text = f"{label}: {test}" if label else test
    point = f" (point {ev.point})" if ev.point is not None else ""
    return f"{text}{point}"


def explain_evaluation(ev: Evaluation, depth: int = 0) -> list[str]:
    """The trace tree as indented lines, each led by its verdict."""
    lines = [f"{INDENT * depth}[{ev.verdict}] {describe(ev)}"]
    for child in ev.children:
        lines.extend(explain_evaluation(child, depth + 1))
    return lines


def _blocker_lines(blockers: Iterable[Blocker], depth: int) -> list[str]:
    out = []
    for b in blockers:
        inverted = (
            " (blocks because it holds, under a 'not')" if b.evaluation.verdict.is_met else ""
        )
        out.append(f"{INDENT * depth}- {describe(b.evaluation)}{inverted}")
    return out


def explain_obligation(report: ObligationReport, depth: int = 0) -> str:
    """A few lines on one obligation: who owes what, its standing, and why."""
    o = report.obligation
    pad = INDENT * depth
    early = " (before its trigger was met)" if report.early else ""
    lines = [f"{pad}[{str(report.status).upper()}] {o.id} (point {o.provision}): {o.action}{early}"]
    lines.append(
        f"{pad}{INDENT}owed by: {o.obligor_text}"
        + (f"; to: {', '.join(o.owed_to)}" if o.owed_to else "")
    )
    if o.obligor_note:
        lines.append(f"{pad}{INDENT}note: {o.obligor_note}")
    lines.append(
        f"{pad}{INDENT}trigger {report.trigger.verdict}, completion {report.completion.verdict}"
    )
    why = (
        report.completion.blockers()
        if report.completion.children or report.completion.readings
        else ()
    )
    if report.status.value in ("owed", "unknown") and why:
        lines.append(f"{pad}{INDENT}still missing:")
        lines.extend(_blocker_lines(why, depth + 2))
    if report.status.value in ("not triggered", "unknown"):
        missing = report.trigger.blockers()
        if missing:
            lines.append(f"{pad}{INDENT}not yet due because:")
            lines.extend(_blocker_lines(missing, depth + 2))
    return "\n".join(lines)


def explain_phase(report: PhaseReport) -> str:
    """An indented why / why-not for a phase, naming the plan's points."""
    p = report.phase
    points = ", ".join(str(n) for n in report.provisions) or "none"
    lines = [
        f"Phase {p.id}: {p.name}",
        (
            f"{INDENT}Preconditions: {report.verdict}   Completion: {report.completion.verdict}"
            f"   (points {points})"
        ),
    ]
    if p.basis:
        lines.append(f"{INDENT}Basis: {p.basis}")
    if report.unmet:
        lines.append(f"{INDENT}Why not (unmet):")
        lines.extend(_blocker_lines(report.unmet, 2))
    if report.unknown:
        lines.append(f"{INDENT}Not known:")
        lines.extend(_blocker_lines(report.unknown, 2))
    if report.entry.children or report.entry.readings:
        lines.append(f"{INDENT}Preconditions in full:")
        lines.extend(explain_evaluation(report.entry, 2))
    if report.obligations:
        lines.append(f"{INDENT}Obligations:")
        lines.extend(explain_obligation(o, 2) for o in report.obligations)
    return "\n".join(lines)


def explain_plan(report: PlanReport) -> str:
    """The whole report: a summary table, then each phase."""
    lines = [f"{report.title} (version {report.version})", ""]
    lines.append("Phase                 Preconditions  Completion")
    for r in report.phases:
        lines.append(f"{r.phase.id:<22}{r.verdict!s:<15}{r.completion.verdict}")
    counts: dict[str, int] = {}
    for o in report.obligations:
        counts[str(o.status)] = counts.get(str(o.status), 0) + 1
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    lines += ["", f"Obligations: {summary}", ""]
    for r in report.phases:
        lines.append(explain_phase(r))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
