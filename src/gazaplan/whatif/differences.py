"""What differs: :func:`diff` two plans, :func:`compare` their verdicts over a timeline.

``diff(a, b)`` lists every difference in the plans' content: provisions, terms, conditions,
obligations, phases, lines, parties, figures, positions, starting facts and version metadata. It
is empty only for equal plans; its text leads with the terms and conditions, each with its value
in both plans. ``compare(a, b, timeline, at=...)`` replays the timeline under both and lists the
phase verdicts and obligation statuses that differ; its text leads with the terms and conditions
the plans differ in, and under each verdict or status that differs names the conditions that
flip (:class:`Flip`), with the values each plan reads and needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    import pandas as pd


from ..core import _checks as check
from ..core import _ports
from ..core._frozenmap import FrozenMap
from ..core._results import NotebookDisplay
from ..core.conditions import KINDS, Condition, Term
from ..core.evaluation import Evaluation
from ..core.explain import condition_text, plural, show
from ..core.plans import Plan
from ..core.records import Position
from ..core.rules import ObligationReport, PhaseReport, check_plan
from ..core.sources import Sourced, cite
from ..core.state import State
from ..core.words import fact_name, party_names, target_name, verdict_words
from ..time.compliance import Compliance, compliance
from ..time.histories import replay
from ..time.timelines import Timeline
from ..truth import Verdict

__all__ = ["Comparison", "Diff", "Difference", "Flip", "compare", "diff"]

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
    """All differences between plan *a* and plan *b*.

    Attributes:
        a: the first plan's version.
        b: the second plan's version.
        differences: each difference, in the order of :func:`diff`.
        names: the plans' parties' display names by id, which its lines use.
    """

    a: str
    b: str
    differences: tuple[Difference, ...]
    names: Mapping[str, str] = attrs.field(default=FrozenMap[str, str](), eq=False, repr=False)

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
            A heading naming the two versions and how many terms and conditions differ, then
            the differences by kind, the terms and conditions first, each with its value in
            both plans (a line saying there is none for equal plans).
        """
        if self.is_empty:
            return f"{self.a} and {self.b}: no differences\n"
        kinds: dict[str, list[Difference]] = {}
        for d in self.differences:
            kinds.setdefault(d.kind, []).append(d)
        lead = [plural(len(kinds[kind]), noun) for kind, noun in _LEAD if kind in kinds]
        head = f"{self.a} -> {self.b}: {plural(len(self.differences), 'difference')}"
        lines = [head + (f", {' and '.join(lead)}" if lead else "")]
        order = [k for k, _ in _SECTIONS if k in kinds] + [
            k for k in kinds if k not in dict(_SECTIONS)
        ]
        for kind in order:
            lines.append(f"{dict(_SECTIONS).get(kind, kind)}:")
            lines += [f"  {_line(d, self.names)}" for d in kinds[kind]]
        return "\n".join(lines) + "\n"

    def to_pandas(self) -> pd.DataFrame:
        """The differences as a DataFrame.

        Needs the ``pandas`` extra.

        Returns:
            One row per difference, with its kind, key, and the values before and after.

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        return _ports.tables().to_pandas(self)


_LEAD = (("term", "term"), ("condition", "condition"))
"""The kinds of difference a diff's heading counts: what decides verdicts."""

_SECTIONS = (
    ("term", "Terms"),
    ("condition", "Conditions"),
    ("obligation", "Obligations"),
    ("phase", "Phases"),
    ("exchange", "The exchange's terms, in words"),
    ("aid", "The aid terms, in words"),
    ("line", "Withdrawal lines"),
    ("party", "Parties"),
    ("provision", "Points"),
    ("figure", "Figures"),
    ("initial fact", "Facts at publication"),
    ("position", "Stated positions"),
    ("plan", "The version itself"),
)
"""The sections of a diff's text, in order: what decides verdicts first."""


def _line(d: Difference, names: Mapping[str, str] | None = None) -> str:
    """A difference's line under its section: without its kind, a position's party by name, and
    a version's amendments as those added and dropped (never the whole list twice)."""
    if d.kind == "plan" and d.key == "amendments":
        before = {a.version: a for a in d.before or ()}
        after = {a.version: a for a in d.after or ()}
        parts = [f"added {label(a)}" for v, a in after.items() if v not in before]
        parts += [f"dropped {label(a)}" for v, a in before.items() if v not in after]
        parts += [f"changed {label(a)}" for v, a in after.items() if v in before and before[v] != a]
        return f"amendments: {'; '.join(parts) or 'reordered'}"
    text = str(d).removeprefix(f"{d.kind} ")
    if d.kind == "position" and names:
        party = (d.before or d.after).party
        text = names.get(party, party) + text.removeprefix(party)
    return text


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
    names = FrozenMap({**party_names(a), **party_names(b)}.items())
    return Diff(a.version, b.version, tuple(unique), names)


def _position_key(p: Position) -> str:
    return f"{p.party} ({p.as_of})" if p.as_of else p.party


_HOLDS = {Verdict.MET: "holds", Verdict.UNMET: "does not hold", Verdict.UNKNOWN: "not known"}


@attrs.frozen
class Flip:
    """A condition whose verdict differs between two plans judged at the same instant.

    Attributes:
        where: what it decides, as an id: a phase's target (``"phase-1.completion"``) or an
            obligation's trigger or completion (``"p5-return-remains.completion"``).
        label: the condition in words.
        point: the plan point it comes from (None: none).
        a: its evaluation under the first plan (None: that plan has no such condition).
        b: its evaluation under the second plan (None: that plan has no such condition).
    """

    where: str
    label: str
    point: int | None
    a: Evaluation | None
    b: Evaluation | None

    def side(self, which: str) -> str:
        """One plan's side in words: the value read, what is needed, and the verdict.

        Args:
            which: ``"a"`` or ``"b"``.

        Returns:
            Such as ``"360; needs at least 480: does not hold"``, or ``"not in this plan"``.

        Raises:
            InvalidValueError: if *which* is neither ``"a"`` nor ``"b"``.
        """
        if which not in ("a", "b"):
            from ..exceptions import InvalidValueError

            raise InvalidValueError("Flip.side(which)", which, "no such side", "Pass 'a' or 'b'.")
        ev = self.a if which == "a" else self.b
        if ev is None:
            return "not in this plan"
        return _reading(ev)

    def explain(self, a: str = "a", b: str = "b") -> str:
        """The flip in words: the condition, then each plan's side on a line.

        Args:
            a: the first plan's name (its version).
            b: the second plan's name.

        Returns:
            Three lines, joined.
        """
        point = f" (point {self.point})" if self.point is not None else ""
        width = max(len(a), len(b))
        return "\n".join(
            [
                f"{self.label}{point}",
                f"  {a + ':':<{width + 1}} {self.side('a')}",
                f"  {b + ':':<{width + 1}} {self.side('b')}",
            ]
        )


def _reading(ev: Evaluation) -> str:
    """A node's value, need and verdict in words (a composite's verdict alone)."""
    cond = ev.condition
    readings = ev.readings
    if hasattr(cond, "combine") or not readings:
        return _HOLDS[ev.verdict]
    seen = cond.seen(readings[0].value)
    need = cond.need(show(ev.target), False)  # pyright: ignore[reportAttributeAccessIssue]
    return f"{seen}; {need}: {_HOLDS[ev.verdict]}"


def _label(cond: Condition) -> str:
    """A condition in words: its label, else the fact it reads, else its test."""
    if cond.label:
        return cond.label
    reads = cond.reads() if not hasattr(cond, "combine") else ()
    return fact_name(reads[0]) if reads else condition_text(cond)


def _leaves(ev: Evaluation) -> dict[object, Evaluation]:
    """A trace's leaves by what pairs them across two plans: the label, else the condition."""
    out: dict[object, Evaluation] = {}
    for leaf in ev.leaves():
        out.setdefault(leaf.condition.label or leaf.condition, leaf)
    return out


def _flips(where: str, a: Evaluation | None, b: Evaluation | None) -> list[Flip]:
    """The conditions that flip between two traces of the same target under two plans.

    A leaf is paired with the other plan's leaf of the same label (or, unlabelled, the same
    condition); a leaf only one plan has is listed with None on the other side.

    Args:
        where: what the traces decide (``"phase-1.completion"``).
        a: the trace under the first plan (None: that plan has no such target).
        b: the trace under the second plan.

    Returns:
        The flips, in the order of the first trace's leaves, then the second's own; empty
        where the two verdicts agree.
    """
    if a is None or b is None or a.verdict is b.verdict:
        return []
    la, lb = _leaves(a), _leaves(b)
    out = []
    for key in [*la, *(k for k in lb if k not in la)]:
        x, y = la.get(key), lb.get(key)
        if x is not None and y is not None and x.verdict is y.verdict:
            continue
        cond = (x or y).condition  # type: ignore[union-attr]
        out.append(Flip(where, _label(cond), (x or y).point, x, y))  # type: ignore[union-attr]
    return out


@attrs.frozen
class Comparison(NotebookDisplay):
    """Verdicts and statuses that differ between two plans over the same timeline at *at*.

    Attributes:
        a: the first plan's version.
        b: the second plan's version.
        at: the instant judged (None: the end of the timeline).
        phases: the phases whose verdicts differ, each as its two reports.
        obligations: the obligations whose status or due instant differs, each as its two
            items (None: the plan lacks it).
        flips: the conditions that flip under the phases and obligations that differ, with
            what each plan reads and needs.
        changes: the terms and conditions the plans differ in (from :func:`diff`).
        plan: the second plan, whose words name the phases (None: ids are shown).
    """

    a: str
    b: str
    at: dt.datetime | None
    phases: tuple[tuple[PhaseReport, PhaseReport], ...]
    obligations: tuple[tuple[Compliance | None, Compliance | None], ...]
    flips: tuple[Flip, ...] = ()
    changes: tuple[Difference, ...] = ()
    plan: Plan | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def is_empty(self) -> bool:
        """True when nothing differs."""
        return not self.phases and not self.obligations

    def __len__(self) -> int:
        """The number of phases and obligations that differ (falsy when nothing does)."""
        return len(self.phases) + len(self.obligations)

    def __bool__(self) -> bool:
        return not self.is_empty

    def flips_of(self, where: str) -> tuple[Flip, ...]:
        """The conditions that flip under one target.

        Args:
            where: a phase's target (``"phase-1.completion"``) or an obligation's trigger or
                completion (``"p5-return-remains.completion"``); an obligation's id alone
                gives both of its own.

        Returns:
            The flips, in order; empty where none flips (a status can differ on its deadline
            alone).
        """
        return tuple(f for f in self.flips if f.where == where or f.where.startswith(where + "."))

    def explain(self) -> str:
        """The differences in words.

        Returns:
            A heading, the terms and conditions the plans differ in, then each phase and
            obligation that differs with its verdict or status under each plan and the
            conditions that flip, each with what each plan reads and needs.
        """
        when = self.at.isoformat() if self.at else "the end of the timeline"
        a, b = self.a, self.b
        lines = [
            (
                f"{a} vs {b} at {when}: {plural(len(self.phases), 'phase')} and "
                f"{plural(len(self.obligations), 'obligation')} differ"
            )
        ]
        if self.changes:
            lines.append("The plans differ in these terms and conditions:")
            lines += [f"  {_line(d)}" for d in self.changes]
        else:
            lines.append("The plans differ in no term or condition (gazaplan diff lists the rest).")
        for ra, rb in self.phases:
            pid = ra.phase.id
            for part, x, y in (
                ("entry", ra.verdict, rb.verdict),
                ("completion", ra.completion.verdict, rb.completion.verdict),
            ):
                if x is y:
                    continue
                target = f"{pid}.{part}"
                name = target_name(self.plan, target) if self.plan is not None else target
                lines.append(
                    f"- {name}: {verdict_words(x)} under {a}; {verdict_words(y)} under {b}"
                )
                lines += self._flip_lines(target)
        for ca, cb in self.obligations:
            o = (ca or cb).obligation  # type: ignore[union-attr]
            sa, sb = (ca.status if ca else "absent"), (cb.status if cb else "absent")
            lines.append(f"- {o.id}: {sa} under {a}; {sb} under {b}")
            width = max(len(a), len(b)) + 1
            lines.append(f"    {a + ':':<{width}} {ca.reason if ca else 'not in this plan'}")
            lines.append(f"    {b + ':':<{width}} {cb.reason if cb else 'not in this plan'}")
            qa = {q.label: q for q in ca.quantities} if ca else {}
            qb = {q.label: q for q in cb.quantities} if cb else {}
            for label_ in [*qa, *(k for k in qb if k not in qa)]:
                x_, y_ = qa.get(label_), qb.get(label_)
                if x_ != y_:
                    left = f"{show(x_.delivered)} of {show(x_.owed)}" if x_ else "none"
                    right = f"{show(y_.delivered)} of {show(y_.owed)}" if y_ else "none"
                    lines.append(f"    {label_}: {left} under {a}; {right} under {b}")
            lines += self._flip_lines(o.id)
        return "\n".join(lines) + "\n"

    def _flip_lines(self, where: str) -> list[str]:
        found = self.flips_of(where)
        if not found:
            return []
        out = ["    what flips:"]
        for f in found:
            out += [f"      {line}" for line in f.explain(self.a, self.b).splitlines()]
        return out

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
    found: list[Flip] = []
    for x, y in phases:
        found += _flips(f"{x.phase.id}.entry", x.entry, y.entry)
        found += _flips(f"{x.phase.id}.completion", x.completion, y.completion)
    oa, ob = _obligation_reports(ra.phases), _obligation_reports(rb.phases)
    for x_, y_ in obligations:
        oid = (x_ or y_).obligation.id  # type: ignore[union-attr]
        left, right = oa.get(oid), ob.get(oid)
        if left is not None and right is not None:
            found += _flips(f"{oid}.trigger", left.trigger, right.trigger)
            found += _flips(f"{oid}.completion", left.completion, right.completion)
    changes = tuple(d for d in diff(a, b).differences if d.kind in ("term", "condition"))
    return Comparison(a.version, b.version, at, phases, obligations, tuple(found), changes, plan=b)


def _obligation_reports(phases: Iterable[PhaseReport]) -> dict[str, ObligationReport]:
    return {r.obligation.id: r for p in phases for r in p.obligations}
