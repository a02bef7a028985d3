"""Plain-text rendering of evaluations and reports: the "why / why not" an analyst can cite.

Wording is the same for every party: a leaf says which fact it read, the value seen, what the
condition needs and the point of the plan it comes from.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .conditions import (
    AllOf,
    AnyOf,
    AtLeast,
    AtMost,
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

__all__ = [
    "condition_text",
    "describe",
    "duration",
    "explain_evaluation",
    "explain_obligation",
    "explain_phase",
    "explain_plan",
    "plural",
    "summary",
]

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


def plural(n: int, word: str, words: str | None = None) -> str:
    """``"1 phase"``, ``"2 phases"`` (*words* for an irregular plural: ``"parties"``)."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def duration(span: dt.timedelta) -> str:
    """A duration in words, to the minute: ``"104 days 12 hours"``, ``"2 hours 30 minutes"``.

    Negative spans are written with a minus sign; spans under a minute in seconds.
    """
    if span < dt.timedelta(0):
        return f"minus {duration(-span)}"
    seconds = int(span.total_seconds())
    if seconds < 60:
        return plural(seconds, "second")
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = [
        plural(n, unit) for n, unit in ((days, "day"), (hours, "hour"), (minutes, "minute")) if n
    ]
    return " ".join(parts)


def _operand(cond: Any, target: Any) -> str:
    """What a comparison compares against: the value, and the term or product it comes from."""
    if not isinstance(cond.value, Term | Times):
        return show(target)
    source = _operand_words(cond.value)
    if target is UNKNOWN or target is None:
        return f"{source}, which is not known"
    return f"{show(target)} ({source})"


def _need(cond: Any, target: Any, negated: bool) -> str:
    """What a leaf needs of its fact, said positively for ``negated=False``, else the opposite."""
    if isinstance(cond, Known):
        return "needs it not known" if negated else "needs it known"
    if isinstance(cond, OneOf):
        return f"needs {'none' if negated else 'one'} of: {show(cond.values)}"
    operand = _operand(cond, target)
    if isinstance(cond, AtLeast):
        return f"needs {'less than' if negated else 'at least'} {operand}"
    if isinstance(cond, AtMost):
        return f"needs {'more than' if negated else 'at most'} {operand}"
    if not negated:
        return f"needs {operand}"
    if isinstance(cond.value, bool):
        return f"needs {show(not cond.value)}"
    return f"needs anything but {operand}"


def describe(ev: Evaluation, *, negated: bool = False) -> str:
    """One line for one node: its label or a description of the test, and what was seen.

    With ``negated=True`` (a leaf under a ``Not``) the line says what the condition needs: that
    the leaf's test fails (``gaza_annexed is unknown; needs no``), and marks the label so.
    """
    cond = ev.condition
    label = cond.label
    if isinstance(cond, AllOf):
        test = "all of the following" if cond.conditions else "nothing required (always met)"
    elif isinstance(cond, AnyOf):
        test = (
            "at least one of the following"
            if cond.conditions
            else "none to choose from (never met)"
        )
    elif isinstance(cond, Not):
        test = "not the following"
    elif isinstance(cond, PhaseComplete):
        test = f"phase {cond.phase} is complete"
    else:
        value = ev.readings[0].value if ev.readings else None
        seen = show(value) if ev.readings else "?"
        if isinstance(cond, Known):
            seen = f"{'not ' if value is UNKNOWN else ''}known (it is {seen})"
        test = f"{cond.fact} is {seen}; {_need(cond, ev.target, negated)}"
    if negated and label:
        label = f"{label} (must not hold)"
    elif negated and isinstance(cond, AllOf | AnyOf | Not | PhaseComplete):
        test = f"{test}, which must not hold"
    text = f"{label}: {test}" if label else test
    point = f" (point {ev.point})" if ev.point is not None else ""
    return f"{text}{point}"


def condition_text(cond: Any) -> str:
    """A condition in a few words: its label, or its test written out (``idf_line in {...}``)."""
    if getattr(cond, "label", ""):
        return str(cond.label)
    if isinstance(cond, AllOf | AnyOf):
        word = "all of" if isinstance(cond, AllOf) else "any of"
        return f"{word} ({'; '.join(condition_text(c) for c in cond.conditions)})"
    if isinstance(cond, Not):
        return f"not ({condition_text(cond.condition)})"
    if isinstance(cond, PhaseComplete):
        return f"phase {cond.phase} complete"
    if isinstance(cond, Known):
        return f"{cond.fact} known"
    if isinstance(cond, OneOf):
        return f"{cond.fact} one of {{{show(cond.values)}}}"
    sign = {AtLeast: ">=", AtMost: "<="}.get(type(cond), "=")
    return f"{cond.fact} {sign} {_operand_words(cond.value)}"


def _operand_words(value: Any) -> str:
    if isinstance(value, Term):
        return value.path
    if isinstance(value, Times):
        factor = value.factor.path if isinstance(value.factor, Term) else show(value.factor)
        return f"{factor} x {value.fact}"
    return show(value)


def summary(blocker: Blocker) -> str:
    """The line for one blocker: what is missing, said with the blocker's polarity."""
    return describe(blocker.evaluation, negated=blocker.negated)


def explain_evaluation(ev: Evaluation, depth: int = 0) -> list[str]:
    """The trace tree as indented lines, each led by its verdict."""
    lines = [f"{INDENT * depth}[{ev.verdict}] {describe(ev)}"]
    for child in ev.children:
        lines.extend(explain_evaluation(child, depth + 1))
    return lines


def _blocker_lines(blockers: Iterable[Blocker], depth: int) -> list[str]:
    return [f"{INDENT * depth}- {summary(b)}" for b in blockers]


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
