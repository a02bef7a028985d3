"""Plain-text rendering of evaluations and reports: the "why / why not" an analyst can cite.

Wording is the same for every party: a leaf says which fact it read, the value seen, what the
condition needs and the point of the plan it comes from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..truth import UNKNOWN, Verdict
from .conditions import Term, Times, operand_words, show, text
from .words import parties_text, verdict_words

if TYPE_CHECKING:
    from .evaluation import Blocker, Evaluation
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
    "show",
    "summary",
]

INDENT = "  "


def plural(n: int, word: str, words: str | None = None) -> str:
    """A count with its noun, singular or plural.

    Args:
        n: the count.
        word: the noun in the singular.
        words: the plural, if it is irregular (``"parties"``); None adds an ``s``.

    Returns:
        ``"1 phase"``, ``"2 phases"``.
    """
    return f"{n} {word if n == 1 else (words or word + 's')}"


def duration(span: dt.timedelta) -> str:
    """A duration in words, to the minute.

    Args:
        span: the duration.

    Returns:
        ``"104 days 12 hours"``, ``"2 hours 30 minutes"``; a negative span after ``"minus"``, a
        span under a minute in seconds.
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


def _target(cond: Any, target: Any) -> str:
    """What a leaf compares against: the value, and the term or product it comes from."""
    operand = cond.operand()
    if not isinstance(operand, Term | Times):
        return show(target)
    source = operand_words(operand)
    if target is UNKNOWN or target is None:
        return f"{source}, which is not known"
    return f"{show(target)} ({source})"


def describe(ev: Evaluation, *, negated: bool = False) -> str:
    """One line for one node: its label or a description of the test, and what was seen.

    With ``negated=True`` (a leaf under a ``Not``) the line says what the condition needs: that
    the leaf's test fails (``gaza_annexed is unknown; needs no``), and marks the label so.
    Each kind words itself (``heading`` for a composite; ``seen`` and ``need`` for a leaf).

    Args:
        ev: the node's evaluation.
        negated: whether the node is under a ``Not`` (what it needs is that its test fails).

    Returns:
        The line, ending with the plan point where the node names one.
    """
    cond = ev.condition
    label = cond.label
    composite = hasattr(cond, "combine")
    if composite:
        test = cond.heading()  # type: ignore[union-attr]
    else:
        readings = ev.readings
        fact = readings[0].fact if readings else "?"
        seen = cond.seen(readings[0].value) if readings else "?"
        need = cond.need(_target(cond, ev.target), negated)  # type: ignore[union-attr]
        test = f"{fact} is {seen}; {need}"
    if negated and label:
        label = f"{label} (must not hold)"
    elif negated and composite:
        test = f"{test}, which must not hold"
    text = f"{label}: {test}" if label else test
    point = f" (point {ev.point})" if ev.point is not None else ""
    return f"{text}{point}"


def condition_text(cond: Any) -> str:
    """A condition in a few words.

    Args:
        cond: the condition.

    Returns:
        Its label, or its test written out (``idf_line one of {...}``).
    """
    return text(cond)


def summary(blocker: Blocker) -> str:
    """The line for one blocker: what is missing, said with the blocker's polarity.

    Args:
        blocker: the blocker.

    Returns:
        The line, as :func:`describe` words the blocker's leaf.
    """
    return describe(blocker.evaluation, negated=blocker.negated)


def explain_evaluation(ev: Evaluation, depth: int = 0) -> list[str]:
    """The trace tree as indented lines, each led by its verdict.

    Args:
        ev: the evaluation at the top of the tree.
        depth: the indentation of its line, in levels.

    Returns:
        One line per node, depth first.
    """
    lines = [f"{INDENT * depth}[{ev.verdict}] {describe(ev)}"]
    for child in ev.children:
        lines.extend(explain_evaluation(child, depth + 1))
    return lines


def _blocker_lines(blockers: Iterable[Blocker], depth: int) -> list[str]:
    return [f"{INDENT * depth}- {summary(b)}" for b in blockers]


def explain_obligation(
    report: ObligationReport, depth: int = 0, judged: tuple[str, str] | None = None
) -> str:
    """A few lines on one obligation: who owes what, its standing, and why.

    Args:
        report: the obligation's report (its trigger and completion in one state).
        depth: the indentation of its first line, in levels.
        judged: the status and its reason as judged over a timeline, which the lines then show
            in place of the one-state standing (every view of a judgement shows the same).

    Returns:
        The lines, joined.
    """
    o = report.obligation
    pad = INDENT * depth
    early = " (before its trigger was met)" if report.early and judged is None else ""
    word = judged[0] if judged is not None else str(report.status)
    lines = [f"{pad}[{word.upper()}] {o.id} (point {o.provision}): {o.action}{early}"]
    if judged is not None:
        lines.append(f"{pad}{INDENT}{o.kind}: {judged[1]}")
    names = report.names
    lines.append(
        f"{pad}{INDENT}owed by: {parties_text(names, o.obligors)}"
        + (f"; to: {parties_text(names, o.owed_to)}" if o.owed_to else "")
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
    open_words = ("pending", "unknown", "partly fulfilled", "overdue", "breached")
    if word in open_words and report.completion.verdict is not Verdict.MET and why:
        lines.append(f"{pad}{INDENT}still missing:")
        lines.extend(_blocker_lines(why, depth + 2))
    if word in ("not triggered", "unknown") and report.trigger.verdict is not Verdict.MET:
        missing = report.trigger.blockers()
        if missing:
            lines.append(f"{pad}{INDENT}not yet due because:")
            lines.extend(_blocker_lines(missing, depth + 2))
    return "\n".join(lines)


def explain_phase(report: PhaseReport, judged: Mapping[str, tuple[str, str]] | None = None) -> str:
    """An indented why / why-not for a phase, naming the plan's points.

    Args:
        report: the phase's report.
        judged: each obligation's status and reason as judged over a timeline, by id (see
            :func:`explain_obligation`); None: their standing in the report's state.

    Returns:
        The lines, joined, giving the verdicts, what is unmet and unknown, the preconditions in full
        and each obligation.
    """
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
        lines.extend(
            explain_obligation(o, 2, None if judged is None else judged.get(o.obligation.id))
            for o in report.obligations
        )
    return "\n".join(lines)


def explain_plan(
    report: PlanReport,
    judged: Mapping[str, tuple[str, str]] | None = None,
    summary: str | None = None,
) -> str:
    """The whole report in words.

    Args:
        report: the plan's report.
        judged: each obligation's status and reason as judged over a timeline, by id; None:
            their standing in the report's state.
        summary: the obligations' counts in words, when *judged* is given (the same counts
            every view of that judgement prints).

    Returns:
        A summary table of the phases and the obligations' statuses, then each phase.
    """
    lines = [f"{report.title} (version {report.version})", ""]
    width = max((len(r.phase.id) for r in report.phases), default=5) + 2
    lines.append(f"{'Phase':<{width}}{'Preconditions':<20}{'Completion':<20}Name")
    for r in report.phases:
        pre, done = verdict_words(r.verdict), verdict_words(r.completion.verdict)
        lines.append(f"{r.phase.id:<{width}}{pre:<20}{done:<20}{r.phase.name}")
    if summary is None:
        counts: dict[str, int] = {}
        for o in report.obligations:
            counts[str(o.status)] = counts.get(str(o.status), 0) + 1
        summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    lines += ["", f"Obligations: {summary}", ""]
    for r in report.phases:
        lines.append(explain_phase(r, judged))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
