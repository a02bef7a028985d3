"""Compliance over a timeline: who owes what, and is it overdue, as of an instant.

``compliance(plan, timeline, at=...)`` replays the timeline and, for each obligation, finds the
instant its trigger first became MET, the instant its deadline clock started, and the instant it
was first fulfilled. A clock whose start cannot be placed (the condition went from UNKNOWN to MET,
so it may have held earlier) gives UNKNOWN, never "overdue". Results come overdue first.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    import pandas as pd

from ..core import _checks as check
from ..core import _ports
from ..core._compile import compiled, operand_fn
from ..core._results import Keyed, NotebookDisplay
from ..core.conditions import Condition, Term, facts_read, phases_named
from ..core.evaluation import Evaluation, evaluate
from ..core.explain import duration, show
from ..core.obligations import Obligation
from ..core.plans import Plan
from ..core.state import State, fact_reader, fields_of
from ..truth import UNKNOWN, Verdict
from .events import Precision
from .histories import History, history
from .timelines import Timeline

__all__ = [
    "Compliance",
    "ComplianceReport",
    "ComplianceStatus",
    "Quantity",
    "compliance",
    "first_instant",
]

MET, UNMET, UNK = Verdict.MET, Verdict.UNMET, Verdict.UNKNOWN


class ComplianceStatus(enum.Enum):
    """An obligation's standing over a timeline, as of an instant."""

    OVERDUE = "overdue"
    UNKNOWN = "unknown"
    PARTLY_FULFILLED = "partly fulfilled"
    PENDING = "pending"
    NOT_TRIGGERED = "not triggered"
    FULFILLED_LATE = "fulfilled late"
    FULFILLED_ON_TIME = "fulfilled on time"
    FULFILLED = "fulfilled (no deadline)"

    def __str__(self) -> str:
        return self.value


_ORDER = {s: i for i, s in enumerate(ComplianceStatus)}


@attrs.frozen
class Quantity:
    """Delivered against owed for one measure of an obligation (UNKNOWN where not known)."""

    label: str
    delivered: Any
    owed: Any

    def __str__(self) -> str:
        return f"{self.label}: {show(self.delivered)} of {show(self.owed)}"


@attrs.frozen
class Compliance(NotebookDisplay):
    """One obligation's compliance as of an instant.

    Attributes:
        obligation: the obligation.
        phase_id: the phase it belongs to.
        status: see :class:`ComplianceStatus`.
        at: the instant judged.
        triggered_at: when the trigger first became MET (None: not yet, or not placeable).
        clock_from: when the deadline clock started (None if no deadline or not placeable).
        due: the deadline (None if none).
        fulfilled_at: when the completion first became MET (None: not yet).
        late_by: how late it was fulfilled (None where it was not late).
        overdue_by: how long it is overdue (None where it is not).
        time_left: how long until its deadline, for one due, not done and not yet late (None
            otherwise).
        quantities: delivered against owed, for obligations that are quantities.
        events: ids of the events at which the trigger, clock or completion changed.
        completion: the traced completion condition as of *at* (why it is or is not met).
        reason: one line saying why the status is what it is.
        due_latest: the latest the deadline can be: a day after *due* when the clock started at
            an instant a source dates only to the day, else *due* itself (None if no deadline).
    """

    obligation: Obligation
    phase_id: str
    status: ComplianceStatus
    at: dt.datetime
    triggered_at: dt.datetime | None
    clock_from: dt.datetime | None
    due: dt.datetime | None
    fulfilled_at: dt.datetime | None
    late_by: dt.timedelta | None
    overdue_by: dt.timedelta | None
    time_left: dt.timedelta | None
    quantities: tuple[Quantity, ...]
    events: tuple[str, ...]
    completion: Evaluation
    reason: str
    due_latest: dt.datetime | None = None

    def explain(self) -> str:
        """The item in words.

        Returns:
            The obligation's status, the reason, and what was owed and delivered, a line each.
        """
        o = self.obligation
        lines = [
            f"[{str(self.status).upper()}] {o.id} (point {o.provision}; owed by {o.obligor_text})",
            f"    {self.reason}",
            *(f"    {q}" for q in self.quantities),
        ]
        return "\n".join(lines) + "\n"

    @property
    def provisions(self) -> tuple[int, ...]:
        """The plan points behind the obligation and its completion trace."""
        return tuple(sorted({self.obligation.provision, *self.completion.points()}))


@attrs.frozen
class ComplianceReport(NotebookDisplay, Keyed[Compliance]):
    """Every obligation's compliance as of one instant, overdue first."""

    version: str
    at: dt.datetime
    items: tuple[Compliance, ...]

    def get(self, obligation_id: str) -> Compliance:
        """The item of one obligation (as ``report[obligation_id]``).

        Args:
            obligation_id: the obligation's id.

        Returns:
            Its compliance.

        Raises:
            UnknownIdError: if the report has no such obligation (a KeyError).
        """
        return self[obligation_id]

    def explain(self) -> str:
        """The report in words.

        Returns:
            A heading naming the instant and plan version, then each item with its status and
            reason, overdue first.
        """
        lines = [f"Compliance as of {self.at.isoformat()} (plan version {self.version})"]
        for item in self.items:
            lines.extend(f"  {line}" for line in item.explain().splitlines())
        return "\n".join(lines) + "\n"

    def _rows(self) -> tuple[Compliance, ...]:
        return self.items

    def _id(self, row: Compliance) -> str:
        return row.obligation.id

    def to_pandas(self) -> pd.DataFrame:
        """The report as a DataFrame.

        Needs the ``pandas`` extra.

        Returns:
            A row per obligation, with its status, instants, durations and reason.

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        return _ports.tables().to_pandas(self)


@attrs.frozen
class _Onset:
    """When a condition first became MET along a history, and whether that instant is placeable."""

    index: int | None  # state index (0 = start) at which it first is MET; None if never
    placeable: bool  # False if it was UNKNOWN just before turning MET (it may have held earlier)
    changes: tuple[int, ...]  # state indices where its verdict changed


def _onset(fn: Callable[[State], Verdict], h: History, cond: Condition, n: int) -> _Onset:
    """Scan states 0..n (0 = start) for the first MET, evaluating only where a fact it reads changed."""
    prev: Verdict | None = None
    changes: list[int] = []
    for i in _candidates(h, cond, n):
        v = fn(h.state(i))
        if prev is not None and v is not prev:
            changes.append(i)
        if v is MET:
            return _Onset(i, prev is not UNK, tuple(changes))
        prev = v
    return _Onset(None, True, tuple(changes))


def _candidates(h: History, cond: Condition, n: int) -> list[int]:
    """The states where *cond* may change verdict: the start and each change of a fact it reads
    (every state if it refers to a phase, which may read anything)."""
    if phases_named(cond):
        return list(range(n + 1))
    points: set[int] = {0}
    for field in {field for fact in facts_read(cond) for field in fields_of(fact)}:
        points.update(h.changed(field, n))
    return sorted(points)


DAY = dt.timedelta(days=1)


def _slack(h: History, index: int | None) -> dt.timedelta:
    """How far after its recorded instant state *index* may really have begun (a day, or 0)."""
    if index is None:
        return dt.timedelta()
    if index == 0:
        return DAY  # the plan's starting facts hold from its publication day
    return DAY if h.event(index).precision is Precision.DAY else dt.timedelta()


def _instant(h: History, index: int, origin: dt.datetime) -> dt.datetime:
    return origin if index == 0 else h.event(index).at


def first_instant(plan: Plan, h: History, cond: Condition, n: int) -> dt.datetime | None:
    """When a condition first became MET along a history.

    Args:
        plan: the plan (for terms and phases, and its origin).
        h: the history.
        cond: the condition.
        n: the last state to look at (0 = the start).

    Returns:
        The instant of the first state in which it is MET (the plan's origin for the start), or
        None if it is not MET by state *n*.
    """
    on = _onset(compiled(cond, plan), h, cond, n)
    return None if on.index is None else _instant(h, on.index, plan.origin)


def judge(plan: Plan, h: History, o: Obligation, phase_id: str, at: dt.datetime) -> Compliance:
    """One obligation's compliance along a history as of an instant.

    What :func:`compliance` gives for each obligation.

    Args:
        plan: the plan.
        h: the history of the timeline replayed on it.
        o: the obligation.
        phase_id: the id of the phase it belongs to.
        at: the instant judged.

    Returns:
        The obligation's compliance.

    Raises:
        InvalidValueError: if *at* is not a timezone-aware datetime in the library's range.
    """
    return _judge(plan, h, o, phase_id, at, plan.origin)


def onset_indices(plan: Plan, h: History, o: Obligation) -> tuple[int, ...]:
    """The events whose instants an obligation's compliance reads.

    Args:
        plan: the plan.
        h: the history.
        o: the obligation.

    Returns:
        The states (1 = after the first event) at which its trigger, clock or completion first
        held along the whole of *h*, in order.
    """
    found = {_onset(compiled(c, plan), h, c, len(h)).index for c in _conditions(o)}
    return tuple(sorted(i for i in found if i))


def read_fields(o: Obligation) -> frozenset[str] | None:
    """The State fields an obligation's compliance reads.

    Args:
        o: the obligation.

    Returns:
        The fields, or None if one of its conditions refers to a phase (so may read any).
    """
    conds = _conditions(o)
    if any(phases_named(c) for c in conds):
        return None
    facts = {f for c in conds for f in facts_read(c)} | {m.fact for m in o.measures}
    return frozenset(fl for fact in facts for fl in fields_of(fact))


def read_changes(h: History, o: Obligation) -> tuple[int, ...] | None:
    """The states at which a fact an obligation's compliance reads changed along a history.

    Its compliance as of two instants between which none of these lies reads the same facts.

    Args:
        h: the history.
        o: the obligation.

    Returns:
        The state indices (1 = after the first event), in order, or None if one of its
        conditions refers to a phase (so may read any fact).
    """
    fields = read_fields(o)
    if fields is None:
        return None
    return tuple(sorted({i for fl in fields for i in h.changed(fl)}))


def _conditions(o: Obligation) -> list[Condition]:
    since = o.deadline.since if o.deadline is not None and o.deadline.since is not None else None
    return [o.trigger, o.completion] + ([since] if since is not None else [])


def _hours(plan: Plan, value: Term | int | float) -> float | None:
    v = plan.term(value.path).value if isinstance(value, Term) else value
    return None if v is UNKNOWN else float(v)


def _judge(
    plan: Plan, h: History, o: Obligation, phase_id: str, at: dt.datetime, origin: dt.datetime
) -> Compliance:
    n = h.count(at)
    upto = h.state(n)
    trig = _onset(compiled(o.trigger, plan), h, o.trigger, n)
    done = _onset(compiled(o.completion, plan), h, o.completion, n)
    since = (
        o.deadline.since if o.deadline is not None and o.deadline.since is not None else o.trigger
    )
    clock = _onset(compiled(since, plan), h, since, n) if o.deadline is not None else trig
    completion = evaluate(o.completion, upto, plan=plan)
    quantities = tuple(
        Quantity(m.label or m.fact, fact_reader(m.fact)(upto), operand_fn(m.owed, plan)(upto))
        for m in o.measures
    )
    event_ids = {h.event(i).id for on in (trig, done, clock) for i in on.changes if i > 0}

    def when(on: _Onset) -> dt.datetime | None:
        return None if on.index is None else _instant(h, on.index, origin)

    triggered_at, fulfilled_at = when(trig), when(done)
    clock_from = when(clock) if o.deadline is not None and clock.placeable else None
    hours = _hours(plan, o.deadline.hours) if o.deadline is not None else None
    due = (
        clock_from + dt.timedelta(hours=hours)
        if clock_from is not None and hours is not None
        else None
    )
    late_by = overdue_by = time_left = None
    now_trig = compiled(o.trigger, plan)(upto)
    # A day-precision instant (the plan's start, or an event dated only to the day) may lie
    # anywhere in that day: the deadline and the fulfilment become 24-hour windows, and a
    # status is given only when the windows decide it.
    due_hi = due + _slack(h, clock.index) if due is not None else None
    day_note = "; a source gives only the day"
    if done.index is not None:
        assert fulfilled_at is not None
        done_hi = fulfilled_at + _slack(h, done.index)
        if o.deadline is None:
            status, reason = ComplianceStatus.FULFILLED, f"fulfilled at {_when(fulfilled_at)}"
        elif due is None or due_hi is None:
            status, reason = (
                ComplianceStatus.UNKNOWN,
                "fulfilled, but when its clock started is not known",
            )
        elif done_hi <= due:
            status = ComplianceStatus.FULFILLED_ON_TIME
            reason = f"fulfilled at {_when(fulfilled_at)}, {_due(due, due_hi)}"
        elif fulfilled_at > due_hi:
            late_by = fulfilled_at - due_hi
            status = ComplianceStatus.FULFILLED_LATE
            least = "at least " if due_hi != due else ""
            reason = f"fulfilled {least}{duration(late_by)} late ({_due(due, due_hi)})"
        else:
            status = ComplianceStatus.UNKNOWN
            reason = f"fulfilled around the deadline ({_due(due, due_hi)})" + day_note
    elif trig.index is None:
        if now_trig is UNK:
            status, reason = ComplianceStatus.UNKNOWN, "whether it is due is not known"
        else:
            status, reason = ComplianceStatus.NOT_TRIGGERED, "its trigger has not been met"
    elif completion.verdict is UNK:
        status, reason = ComplianceStatus.UNKNOWN, "whether it is fulfilled is not known"
    elif o.deadline is not None and (due is None or due_hi is None):
        status, reason = ComplianceStatus.UNKNOWN, "due, but when its clock started is not known"
    elif due is not None and due_hi is not None and at > due_hi:
        overdue_by = at - due_hi
        status = ComplianceStatus.OVERDUE
        least = "at least " if due_hi != due else ""
        reason = f"overdue by {least}{duration(overdue_by)} ({_due(due, due_hi)})"
    elif due is not None and at > due:
        status = ComplianceStatus.UNKNOWN
        reason = f"at or near its deadline ({_due(due, due_hi)})" + day_note
    else:
        partly = any(q.delivered not in (UNKNOWN, 0) for q in quantities)
        if due is not None:
            time_left = due - at
        status = ComplianceStatus.PARTLY_FULFILLED if partly else ComplianceStatus.PENDING
        reason = ("partly delivered; " if partly else "due; ") + (
            f"{duration(time_left)} left ({_due(due, due_hi)})"
            if due is not None and time_left is not None
            else "no deadline set"
        )
    return Compliance(
        o,
        phase_id,
        status,
        at,
        triggered_at,
        clock_from,
        due,
        fulfilled_at,
        late_by,
        overdue_by,
        time_left,
        quantities,
        tuple(sorted(event_ids)),
        completion,
        reason,
        due_hi,
    )


def _when(at: dt.datetime) -> str:
    return f"{at:%Y-%m-%d %H:%M %z}"


def _due(due: dt.datetime, latest: dt.datetime | None) -> str:
    """``due 2025-10-13 12:00 +0300``, or the window when a day-precision instant widens it."""
    if latest is None or latest == due:
        return f"due {_when(due)}"
    return f"due between {_when(due)} and {_when(latest)}, as a source gives only the day"


def compliance(
    plan: Plan, timeline: Timeline, *, at: dt.datetime | None = None, start: State | None = None
) -> ComplianceReport:
    """Every obligation's compliance as of an instant.

    The plan's starting state counts as holding from :attr:`Plan.origin
    <gazaplan.core.plans.Plan.origin>`: midnight of its start date (the publication date of the
    original text) in the plan's local time, whose offset from UTC is
    :attr:`Plan.utc_offset_hours <gazaplan.core.plans.Plan.utc_offset_hours>` (+3 for the bundled
    plan). That instant is known only to the day: a clock that starts then is due within a window
    a day wide, from ``due`` to ``due_latest``, and a status is given only where the window
    decides it.

    Args:
        plan: the plan.
        timeline: the events to replay on it.
        at: the instant judged (timezone-aware); None: the timeline's last instant, or the
            plan's origin for an empty timeline.
        start: the state the first event applies to (None: the plan's initial state).

    Returns:
        The report, an item per obligation, overdue first (the longest overdue first among
        them).

    Raises:
        InvalidValueError: if *at* is not a timezone-aware datetime in the library's range.
        InvalidEventError: if an event cannot happen in the state it meets, or names a party or
            line the plan lacks.
    """
    h = history(plan, timeline, start=start)
    if at is None:
        at = timeline.last or plan_origin(plan)
    check.need_instant(at, "at")
    origin = plan_origin(plan)
    items = [_judge(plan, h, o, p.id, at, origin) for p in plan.phases for o in p.obligations]
    items.sort(key=lambda c: (_ORDER[c.status], -(c.overdue_by or dt.timedelta()).total_seconds()))
    return ComplianceReport(plan.version, at, tuple(items))


def plan_origin(plan: Plan) -> dt.datetime:
    """When the plan's starting facts hold.

    Args:
        plan: the plan.

    Returns:
        :attr:`Plan.origin <gazaplan.core.plans.Plan.origin>`, midnight of its start date in its
        local time.
    """
    return plan.origin
