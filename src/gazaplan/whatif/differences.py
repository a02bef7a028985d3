"""What differs: :func:`diff` two plans, :func:`compare` their verdicts over a timeline.

``diff(a, b)`` lists every difference in the plans' content: provisions, terms, conditions,
obligations, phases, lines, parties, figures, positions, starting facts and version metadata. It
is empty only for equal plans. ``compare(a, b, timeline, at=...)`` replays the timeline under
both and lists the phase verdicts and obligation statuses that differ, each with both
explanations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    import pandas as pd


from ..core import _checks as check
from ..core import _ports
from ..core._results import NotebookDisplay
from ..core.conditions import KINDS, Term
from ..core.explain import condition_text, plural, show
from ..core.plans import Plan
from ..core.records import Position
from ..core.rules import PhaseReport, check_plan
from ..core.sources import Sourced, cite
from ..core.state import State
from ..time.compliance import Compliance, compliance
from ..time.histories import replay
from ..time.timelines import Timeline

__all__ = ["Comparison", "Diff", "Difference", "compare", "diff"]

_SKIP = {"entry", "completion", "trigger", "obligations"}  # reported as conditions / obligations


@attrs.frozen
class Difference:
    """One difference between two plans: what (*kind*, *key*), and the two values (None: absent)."""

    kind: str
    key: str
    before: Any
    after: Any

    def __str__(self) -> str:
        if self.kind == "plan":  # a field of the plan itself: None is a value ("none")
            return f"{self.kind} {self.key}: {label(self.before)} -> {label(self.after)}"
        if self.before is None:
            return f"{self.kind} {self.key}: added ({label(self.after)})"
        if self.after is None:
            return f"{self.kind} {self.key}: removed (was {label(self.before)})"
        before, after = label(self.before), label(self.after)
        if before == after:  # the same value in words: say what else changed (the sources)
            return f"{self.kind} {self.key}: {before}; {_what_else(self.before, self.after)}"
        return f"{self.kind} {self.key}: {before} -> {after}"


def label(value: Any) -> str:
    """A value in words for a diff; never a truncated repr.

    Args:
        value: the value on one side of a difference (None: absent).

    Returns:
        A term's value, a condition's label, an amendment's version, a deadline's hours and
        clock, ``"none"`` for None.
    """
    from ..core.amendments import Amendment
    from ..core.obligations import Deadline

    if value is None:
        return "none"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Sourced):
        return show(value.value)
    if isinstance(value, Amendment):
        return f"{value.version} ({value.title})"
    if isinstance(value, Deadline):
        hours = (
            f"{value.hours.path} (hours)"
            if isinstance(value.hours, Term)
            else f"{value.hours:g} hours"
        )
        clock = condition_text(value.since) if value.since is not None else "the trigger"
        return f"{hours} from {clock}"
    if isinstance(value, tuple):
        return ", ".join(label(v) for v in value) if value else "none"
    if isinstance(value, KINDS.types()):
        return condition_text(value)
    if isinstance(value, Position):
        return f"{value.summary} {cite(value.sources)}"
    for name in ("id", "title", "name", "value"):
        if attrs.has(type(value)) and hasattr(value, name):
            return label(getattr(value, name))
    return show(value)


def short(value: Any) -> str:
    """Old name of :func:`label` (kept for callers of 0.1 pre-releases).

    Args:
        value: the value on one side of a difference (None: absent).

    Returns:
        The value in words, as :func:`label` gives it.
    """
    return label(value)


def _what_else(before: Any, after: Any) -> str:
    """For two values that read alike: which of their fields differ (sources in short form)."""
    if isinstance(before, Sourced | Position) and before.sources != after.sources:
        return f"sources {cite(before.sources) or 'none'} -> {cite(after.sources) or 'none'}"
    if attrs.has(type(before)) and type(before) is type(after):
        names = [
            f.name
            for f in attrs.fields(type(before))
            if getattr(before, f.name) != getattr(after, f.name)
        ]
        return "changed: " + ", ".join(names)
    return "changed"


@attrs.frozen
class Diff(NotebookDisplay):
    """All differences between plan *a* and plan *b*."""

    a: str
    b: str
    differences: tuple[Difference, ...]

    @property
    def is_empty(self) -> bool:
        """True when the plans are equal."""
        return not self.differences

    def __len__(self) -> int:
        """The number of differences (a Diff is falsy when the plans are equal)."""
        return len(self.differences)

    def __bool__(self) -> bool:
        return bool(self.differences)

    def explain(self) -> str:
        """The differences in words.

        Returns:
            A heading naming the two versions, then one line per difference (or a line saying
            there is none).
        """
        if self.is_empty:
            return f"{self.a} and {self.b}: no differences\n"
        return "".join(f"{d}\n" for d in [f"{self.a} -> {self.b}:", *map(str, self.differences)])

    def to_pandas(self) -> pd.DataFrame:
        """The differences as a DataFrame.

        Needs the ``pandas`` extra.

        Returns:
            One row per difference, with its kind, key, and the values before and after.

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        return _ports.tables().to_pandas(self)


def _by_key(kind: str, a: Iterable[Any], b: Iterable[Any], key: Any) -> Iterator[Difference]:
    left, right = {str(key(x)): x for x in a}, {str(key(x)): x for x in b}
    for k in sorted(left.keys() | right.keys()):
        x, y = left.get(k), right.get(k)
        if x is None or y is None:
            yield Difference(kind, k, x, y)
        elif x != y:
            for f in attrs.fields(type(x)):
                if f.name not in _SKIP and getattr(x, f.name) != getattr(y, f.name):
                    yield Difference(kind, f"{k}.{f.name}", getattr(x, f.name), getattr(y, f.name))


def diff(a: Plan, b: Plan) -> Diff:
    """Every difference between two plans.

    Args:
        a: the plan before.
        b: the plan after.

    Returns:
        The differences, empty only if ``a == b``.
    """
    check.need_type(a, Plan, "diff(a)", check.PLAN_FIX)
    check.need_type(b, Plan, "diff(b)", check.PLAN_FIX)
    out: list[Difference] = []
    for field in ("version", "date", "published", "title", "amendments", "sources"):
        if getattr(a, field) != getattr(b, field):
            out.append(Difference("plan", field, getattr(a, field), getattr(b, field)))
    out += _by_key("provision", a.provisions, b.provisions, lambda p: p.number)
    paths = sorted(set(a.term_paths()) | set(b.term_paths()))
    out += [Difference("term", p, a.term(p), b.term(p)) for p in paths if a.term(p) != b.term(p)]
    for name in ("exchange", "aid"):  # the terms' text fields (clocks, channels)
        out += _by_key(name, [getattr(a, name)], [getattr(b, name)], lambda _x, name=name: name)
    conds_a, conds_b = dict(a.conditions()), dict(b.conditions())
    for where in sorted(conds_a.keys() | conds_b.keys()):
        if conds_a.get(where) != conds_b.get(where):
            out.append(Difference("condition", where, conds_a.get(where), conds_b.get(where)))
    out += _by_key("obligation", a.obligations(), b.obligations(), lambda o: o.id)
    out += _by_key("phase", a.phases, b.phases, lambda p: p.id)
    out += _by_key("line", a.lines, b.lines, lambda line: line.id)
    out += _by_key("party", a.parties, b.parties, lambda p: p.id)
    out += _by_key("figure", a.figures, b.figures, lambda f: f.id)
    out += _by_key("initial fact", a.initial_facts, b.initial_facts, lambda f: f.fact)
    if a.positions != b.positions:
        out += [
            Difference("position", _position_key(p), None, p)
            for p in b.positions
            if p not in a.positions
        ]
        out += [
            Difference("position", _position_key(p), p, None)
            for p in a.positions
            if p not in b.positions
        ]
    # Term differences inside exchange/aid also show as field differences: keep the term's.
    unique = [
        d
        for d in out
        if not (d.kind in ("exchange", "aid") and f"{d.kind}.{d.key.split('.')[-1]}" in paths)
    ]
    return Diff(a.version, b.version, tuple(unique))


def _position_key(p: Position) -> str:
    return f"{p.party} ({p.as_of})" if p.as_of else p.party


@attrs.frozen
class Comparison(NotebookDisplay):
    """Verdicts and statuses that differ between two plans over the same timeline at *at*."""

    a: str
    b: str
    at: dt.datetime | None
    phases: tuple[tuple[PhaseReport, PhaseReport], ...]
    obligations: tuple[tuple[Compliance | None, Compliance | None], ...]

    @property
    def is_empty(self) -> bool:
        """True when nothing differs."""
        return not self.phases and not self.obligations

    def __len__(self) -> int:
        """The number of phases and obligations that differ (falsy when nothing does)."""
        return len(self.phases) + len(self.obligations)

    def __bool__(self) -> bool:
        return not self.is_empty

    def explain(self) -> str:
        """The differences in words.

        Returns:
            A heading, then each phase and obligation that differs, with both plans' explanations.
        """
        when = self.at.isoformat() if self.at else "the end of the timeline"
        lines = [
            (
                f"{self.a} vs {self.b} at {when}: {plural(len(self.phases), 'phase')} and "
                f"{plural(len(self.obligations), 'obligation')} differ"
            )
        ]
        for ra, rb in self.phases:
            lines.append(
                f"- phase {ra.phase.id}: preconditions {ra.verdict} vs {rb.verdict}, "
                f"completion {ra.completion.verdict} vs {rb.completion.verdict}"
            )
            lines += [f"  [{self.a}] {x}" for x in ra.explain().splitlines()[:6]]
            lines += [f"  [{self.b}] {x}" for x in rb.explain().splitlines()[:6]]
        for ca, cb in self.obligations:
            o = (ca or cb).obligation  # type: ignore[union-attr]
            lines.append(
                f"- {o.id}: {ca.status if ca else 'absent'} vs {cb.status if cb else 'absent'}"
            )
            lines.append(f"  [{self.a}] {ca.reason if ca else 'not in this plan'}")
            lines.append(f"  [{self.b}] {cb.reason if cb else 'not in this plan'}")
        return "\n".join(lines) + "\n"

    def to_pandas(self) -> pd.DataFrame:
        """The comparison as a DataFrame.

        Needs the ``pandas`` extra.

        Returns:
            One row per phase or obligation that differs, with its value under each plan.

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        return _ports.tables().to_pandas(self)


def compare(
    a: Plan,
    b: Plan,
    timeline: Timeline,
    *,
    at: dt.datetime | None = None,
    start: State | None = None,
) -> Comparison:
    """The verdicts and statuses that differ between two plans over the same timeline.

    The timeline is replayed under each plan and judged at the same instant.

    Args:
        a: the first plan.
        b: the second plan.
        timeline: the events to replay under both.
        at: the instant judged (timezone-aware); None: the last event.
        start: the state the first event applies to (None: each plan's facts at publication).

    Returns:
        The phases whose verdicts differ and the obligations whose status or due instant
        differs (or that only one plan has).

    Raises:
        InvalidEventError: if an event cannot happen under one of the plans.
        InvalidValueError: if *at* is not a timezone-aware datetime in the library's range.
    """
    ra = check_plan(a, replay(a, timeline, at=at, start=start))
    rb = check_plan(b, replay(b, timeline, at=at, start=start))
    by_id = {r.phase.id: r for r in rb.phases}
    phases = tuple(
        (x, by_id[x.phase.id])
        for x in ra.phases
        if x.phase.id in by_id
        and (x.verdict, x.completion.verdict)
        != (by_id[x.phase.id].verdict, by_id[x.phase.id].completion.verdict)
    )
    ca = {c.obligation.id: c for c in compliance(a, timeline, at=at, start=start).items}
    cb = {c.obligation.id: c for c in compliance(b, timeline, at=at, start=start).items}
    obligations = tuple(
        (ca.get(k), cb.get(k))
        for k in sorted(ca.keys() | cb.keys())
        if k not in ca or k not in cb or (ca[k].status, ca[k].due) != (cb[k].status, cb[k].due)
    )
    return Comparison(a.version, b.version, at, phases, obligations)
