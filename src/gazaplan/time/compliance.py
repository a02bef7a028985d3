"""Compliance over a timeline: who owes what, and is it overdue, as of an instant.

``compliance(plan, timeline, at=...)`` replays the timeline and, for each obligation, finds the
instant its trigger first became MET, the instant its deadline clock started, and the instant it
was first fulfilled. A clock whose start cannot be placed (the condition went from UNKNOWN to MET,
so it may have held earlier) gives UNKNOWN, never "overdue".

Results come news first (:data:`NEWS_ORDER`): breached, overdue, fulfilled late, partly fulfilled
and pending, then the unknown ones grouped by the fact whose absence leaves them unknown
(:attr:`Compliance.missing`; :meth:`ComplianceReport.unknown_groups`), then the rest. Each group
says which fact is missing and, given the table of who can change each fact (``controls=``), who
could settle it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

if TYPE_CHECKING:
    import pandas as pd

from ..core import _checks as check
from ..core import _ports
from ..core._collector import collector_paused
from ..core._compile import compiled, operand_fn
from ..core._frozenmap import FrozenMap
from ..core._pickling import added_fields_default
from ..core._results import Keyed, NotebookDisplay
from ..core.conditions import Condition, Term, Times, facts_read, phases_named
from ..core.control import NONE_IDENTIFIED, Controls
from ..core.evaluation import Evaluation, evaluate
from ..core.explain import duration, plural, show
from ..core.instants import Instant, read_instant
from ..core.obligations import Obligation, ObligationKind
from ..core.plans import Plan
from ..core.sources import Contested
from ..core.state import State, fact_reader, fields_of, parts_of, spec_of
from ..core.words import fact_question, parties_text, party_names
from ..exceptions import InvalidValueError
from ..truth import UNKNOWN, Verdict
from .events import Precision
from .histories import History, judged_history
from .timelines import Timeline

__all__ = [
    "NEWS_ORDER",
    "Compliance",
    "ComplianceReport",
    "ComplianceStatus",
    "Quantity",
    "StatusPeriod",
    "UnknownGroup",
    "compliance",
    "edge_note",
    "first_instant",
    "in_force",
]

MET, UNMET, UNK = Verdict.MET, Verdict.UNMET, Verdict.UNKNOWN


class ComplianceStatus(enum.Enum):
    """An obligation's standing over a timeline, as of an instant.

    BREACHED is a maintenance duty that stopped holding after it held, a punctual one that did
    not hold at its instant, or an achievement undone; DISCHARGED a maintenance duty whose period
    is over; SUPERSEDED an obligation a later version of the plan dropped or replaced.
    """

    OVERDUE = "overdue"
    BREACHED = "breached"
    UNKNOWN = "unknown"
    PARTLY_FULFILLED = "partly fulfilled"
    PENDING = "pending"
    NOT_TRIGGERED = "not triggered"
    FULFILLED_LATE = "fulfilled late"
    FULFILLED_ON_TIME = "fulfilled on time"
    FULFILLED = "fulfilled (no deadline)"
    DISCHARGED = "discharged"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return self.value


NEWS_ORDER: tuple[ComplianceStatus, ...] = (
    ComplianceStatus.BREACHED,
    ComplianceStatus.OVERDUE,
    ComplianceStatus.FULFILLED_LATE,
    ComplianceStatus.PARTLY_FULFILLED,
    ComplianceStatus.PENDING,
    ComplianceStatus.UNKNOWN,
    ComplianceStatus.NOT_TRIGGERED,
    ComplianceStatus.FULFILLED_ON_TIME,
    ComplianceStatus.FULFILLED,
    ComplianceStatus.DISCHARGED,
    ComplianceStatus.SUPERSEDED,
)
"""The order a compliance report gives its items in: what changed and matters first (breached,
overdue, late, still owed), then the unknown ones, then the rest."""

_ORDER = {s: i for i, s in enumerate(NEWS_ORDER)}


@attrs.frozen
class Quantity:
    """Delivered against owed for one measure of an obligation (UNKNOWN where not known)."""

    label: str
    delivered: Any
    owed: Any

    def __str__(self) -> str:
        return f"{self.label}: {show(self.delivered)} of {show(self.owed)}"


def _word(status: ComplianceStatus) -> str:
    """A status as a lifecycle reads it: ``fulfilled`` rather than ``fulfilled (no deadline)``."""
    return "fulfilled" if status is ComplianceStatus.FULFILLED else str(status)


def _period_end(inst: StatusPeriod, attr: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    check.need_instant(value, check.where(inst, attr))
    assert isinstance(value, dt.datetime)
    if value < inst.start:
        raise InvalidValueError(
            check.where(inst, attr),
            value.isoformat(),
            f"a period that ends before it starts ({inst.start.isoformat()})",
            "Give an end at or after the start, or None for a period still running.",
        )


@attrs.frozen(slots=False)
class StatusPeriod:
    """A stretch of an obligation's lifecycle with one status.

    Attributes:
        status: the status throughout.
        start: when it began (an event's instant, a deadline, or the plan's start).
        end: when the next period began (None: still so at the instant judged).
        reason: why, as of its start (a lifecycle found by :func:`compliance` words it when
            first read: most are never shown).
        events: the events at its start.
        version: the plan version that judged it.
    """

    status: ComplianceStatus
    start: dt.datetime = attrs.field(validator=check.instant("a period's start"))
    end: dt.datetime | None = attrs.field(validator=_period_end)
    reason: str
    events: tuple[str, ...] = attrs.field(converter=check.as_tuple)
    version: str = ""
    cause: str = ""
    """The start's event in a few words (its summary's first clause); empty if none."""

    def __str__(self) -> str:
        until = f" until {_day(self.end)}" if self.end is not None else ""
        return f"{self.status} from {_day(self.start)}{until}: {self.reason}"

    if not TYPE_CHECKING:  # for type checkers, every attribute is a field

        def __getattr__(self, name: str) -> Any:
            """The reason of a period made by :meth:`_found`, worded on first use."""
            why = self.__dict__.get("_why") if name == "reason" else None
            if why is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            text = why()
            object.__setattr__(self, "reason", text)
            self.__dict__.pop("_why", None)
            return text

    def __getstate__(self) -> dict[str, Any]:
        """The fields, the reason worded (for pickling and copying)."""
        _ = self.reason
        return {k: v for k, v in self.__dict__.items() if k != "_why"}

    @classmethod
    def _found(
        cls,
        status: ComplianceStatus,
        start: dt.datetime,
        end: dt.datetime | None,
        why: Callable[[], str],
        events: tuple[str, ...],
        version: str,
        cause: str,
    ) -> StatusPeriod:
        """A period that a lifecycle found (its values valid: not checked again), its reason
        worded by *why* when first read."""
        made = object.__new__(cls)
        made.__dict__.update(
            status=status,
            start=start,
            end=end,
            events=events,
            version=version,
            cause=cause,
            _why=why,
        )
        return made


@added_fields_default
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
        version: the plan version that judged it.
        periods: its lifecycle from the plan's start to *at*, a :class:`StatusPeriod` per
            change of status; the last is the status at *at*.
        held: for a maintenance duty, how long it held while owed (None for other kinds).
        owed_for: for a maintenance duty, how long it has been owed (None for other kinds).
        missing: for an UNKNOWN status, the facts whose being unknown (or contested) leaves it
            so, as conditions name them; empty for a known status, and for one that is unknown
            on when a clock started or an instant a source gives only to the day.
        names: the plan's parties' display names by id, which its lines use.
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
    version: str = ""
    periods: tuple[StatusPeriod, ...] = ()
    held: dt.timedelta | None = None
    owed_for: dt.timedelta | None = None
    missing: tuple[str, ...] = ()
    names: Mapping[str, str] = attrs.field(default=FrozenMap[str, str](), eq=False, repr=False)

    @property
    def kind(self) -> ObligationKind:
        """The obligation's kind: achievement, maintenance or punctual."""
        return self.obligation.kind

    def lifecycle(self) -> str:
        """The lifecycle in one line.

        Returns:
            Each period's status and start, oldest first, such as ``"fulfilled (no deadline)
            2 Feb 2026 (...), breached 1 Mar 2026 (...)"``; empty without periods.
        """
        return ", ".join(
            f"{_word(p.status)} {_day(p.start)}" + (f" ({p.cause})" if p.cause else "")
            for p in self.periods
        )

    def explain(self) -> str:
        """The item in words.

        Returns:
            The obligation's status, the reason, what was owed and delivered, and its lifecycle
            when it changed status more than once, a line each.
        """
        o = self.obligation
        head = f"[{str(self.status).upper()}] {o.id} (point {o.provision}; {o.kind}; owed by:"
        lines = [
            f"{head} {parties_text(self.names, o.obligors)})",
            f"    {self.reason}",
            *(f"    {q}" for q in self.quantities),
        ]
        if len({p.status for p in self.periods} - {ComplianceStatus.NOT_TRIGGERED}) > 1:
            lines.append(f"    over time: {self.lifecycle()}")
        return "\n".join(lines) + "\n"

    @property
    def provisions(self) -> tuple[int, ...]:
        """The plan points behind the obligation and its completion trace."""
        return tuple(sorted({self.obligation.provision, *self.completion.points()}))


@attrs.frozen
class UnknownGroup:
    """The obligations whose status is unknown for want of the same facts.

    Attributes:
        facts: the missing facts' ids, as conditions name them (empty: the statuses are unknown
            on when something happened, or on a term the sources leave open, not for want of a
            fact).
        items: the obligations, in the report's order.
        settlers: for each fact, in the order of *facts*, the ids of the parties that can change
            it, from the table of who controls each fact (empty: none identified); None where
            the report was made without that table.
    """

    facts: tuple[str, ...]
    items: tuple[Compliance, ...]
    settlers: tuple[tuple[str, ...], ...] | None = None

    def heading(self, names: Mapping[str, str] | None = None) -> list[str]:
        """The group's heading in words: each missing fact and who could settle it.

        Args:
            names: the parties' display names by id (None: parties are shown by id).

        Returns:
            A line per missing fact (its words with its id beside them, and who could settle
            it where the table of controls was given); one line for a group with no fact.
        """
        table: Mapping[str, str] = names if names is not None else FrozenMap[str, str]()
        if not self.facts:
            return ["not known, with no fact missing (each reason says what is open):"]
        lines = []
        for i, fact in enumerate(self.facts):
            words = f"{_fact_words(fact, table)} ({fact})"
            if self.settlers is not None:
                who = parties_text(table, self.settlers[i], none=NONE_IDENTIFIED)
                words += f"; who could settle it: {who}"
            lines.append(("missing: " if i == 0 else "and: ") + words)
        return lines


def _fact_words(fact: str, names: Mapping[str, str]) -> str:
    """A missing fact as a reader asks about it, a per-party fact naming its party by name."""
    base, _, party = fact.partition(".")
    words = fact_question(base)
    return f"{words} ({names.get(party, party)})" if party and words != base else words


@added_fields_default
@attrs.frozen
class ComplianceReport(NotebookDisplay, Keyed[Compliance]):
    """Every obligation's compliance as of one instant, news first.

    Attributes:
        version: the plan version that judged it (the one in force at *at*, when judged under
            the versions of a plan).
        at: the instant judged.
        items: an item per obligation, in :data:`NEWS_ORDER`: breached (the latest first),
            overdue (the longest first), fulfilled late, partly fulfilled, pending, then the
            unknown ones grouped by the facts they miss (the largest group first, see
            :meth:`unknown_groups`), then the rest; within a status, the latest change first.
        data_as_of: the latest instant the timeline's sources cover (None: a scenario).
        beyond_data: True if *at* is later than *data_as_of*.
        assume_unchanged: True if facts were carried forward past the data's edge.
        names: the plan's parties' display names by id, which its lines use.
        controls: the table of who can change each fact, which names who could settle each
            missing fact (None: not given, and not named).
    """

    version: str
    at: dt.datetime
    items: tuple[Compliance, ...]
    data_as_of: dt.datetime | None = None
    beyond_data: bool = False
    assume_unchanged: bool = False
    names: Mapping[str, str] = attrs.field(default=FrozenMap[str, str](), eq=False, repr=False)
    controls: Controls | None = attrs.field(default=None, eq=False, repr=False)

    def counts(self) -> dict[ComplianceStatus, int]:
        """How many obligations have each status.

        Returns:
            Status -> number, in the order of :class:`ComplianceStatus`, statuses with none left
            out.
        """
        found = dict.fromkeys(ComplianceStatus, 0)
        for item in self.items:
            found[item.status] += 1
        return {s: n for s, n in found.items() if n}

    def summary(self) -> str:
        """The counts in words, as every view prints them.

        Returns:
            Such as ``"1 breached, 16 unknown, 3 pending"``.
        """
        return ", ".join(f"{n} {s}" for s, n in self.counts().items())

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

    def unknown_groups(self) -> tuple[UnknownGroup, ...]:
        """The items whose status is unknown, grouped by the facts they miss.

        Returns:
            A group per set of missing facts, in the report's order (the largest group first;
            the one with no fact missing last), each naming who could settle each fact where
            the report has the table of controls.
        """
        groups: dict[tuple[str, ...], list[Compliance]] = {}
        for item in self.items:
            if item.status is ComplianceStatus.UNKNOWN:
                groups.setdefault(item.missing, []).append(item)
        controls = self.controls
        return tuple(
            UnknownGroup(
                facts,
                tuple(found),
                None if controls is None else tuple(controls.parties(f) for f in facts),
            )
            for facts, found in groups.items()
        )

    def explain(self) -> str:
        """The report in words.

        Returns:
            A heading naming the instant and plan version and the counts, then each item with
            its status and reason, news first: the unknown ones under the facts they miss, each
            fact with who could settle it.
        """
        lines = [f"Compliance as of {self.at.isoformat()} (plan version {self.version})"]
        if self.beyond_data and self.data_as_of is not None:
            lines.append(f"  {edge_note(self.data_as_of, self.at, self.assume_unchanged)}")
        counts = self.counts()
        if counts:
            lines.append(f"  {self.summary()}")
        done = False
        for item in self.items:
            if item.status is not ComplianceStatus.UNKNOWN:
                lines.extend(f"  {line}" for line in item.explain().splitlines())
            elif not done:  # the unknown ones, all at once, under the facts they miss
                done = True
                unknown = counts[ComplianceStatus.UNKNOWN]
                lines.append(f"  Not known: {plural(unknown, 'obligation')}, by the fact missing")
                for group in self.unknown_groups():
                    lines.extend(f"    {line}" for line in group.heading(self.names))
                    for member in group.items:
                        lines.extend(f"      {line}" for line in member.explain().splitlines())
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


def judge(
    plan: Plan,
    h: History,
    o: Obligation,
    phase_id: str,
    at: dt.datetime,
    *,
    periods: bool = True,
) -> Compliance:
    """One obligation's compliance along a history as of an instant.

    What :func:`compliance` gives for each obligation.

    Args:
        plan: the plan.
        h: the history of the timeline replayed on it.
        o: the obligation.
        phase_id: the id of the phase it belongs to.
        at: the instant judged.
        periods: whether to trace its lifecycle (False leaves ``periods`` empty; the status is
            the same).

    Returns:
        The obligation's compliance.

    Raises:
        InvalidValueError: if *at* is not a timezone-aware datetime in the library's range.
    """
    return _judge(plan, h, o, phase_id, at, plan.origin, periods=periods)


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


class _Series:
    """A condition's verdict along a history, kept at the states where it changes, so that
    asking about any state (its verdict, its first MET, how long it held) is a binary search.

    Its candidates are the states where a field it reads changed (and the start); its verdict
    is found only where the value of a fact it reads changed (:meth:`_Shared.track`), and
    evaluated only for values not met before: a condition reads nothing but those facts, so the
    same values give the same verdict. One that refers to a phase is evaluated at every state.
    """

    __slots__ = ("cands", "first_met", "idx", "met_at", "mets", "placeable", "ver")

    def __init__(
        self, fn: Callable[[State], Verdict], h: History, cond: Condition, shared: _Shared
    ) -> None:
        self.cands = shared.candidates(h, cond)  # 0 is always among them
        tracks = (
            None if phases_named(cond) else [shared.track(h, f) for f in sorted(facts_read(cond))]
        )
        self.idx, self.ver = _verdicts(fn, shared, h, self.cands, tracks)
        ver = self.ver
        p = next((p for p, v in enumerate(ver) if v is MET), None)
        self.first_met = p
        self.met_at = None if p is None else self.idx[p]  # the state it first is MET
        self.placeable = p is None or p == 0 or ver[p - 1] is not UNK
        mets = [0]
        for v in ver:
            mets.append(mets[-1] + (v is MET))
        self.mets = mets

    def pos(self, n: int) -> int:
        """The entry in force at state *n*."""
        return bisect.bisect_right(self.idx, n) - 1

    def at(self, n: int) -> Verdict:
        return self.ver[bisect.bisect_right(self.idx, n) - 1]

    def first(self, n: int) -> int | None:
        """The state at which it first became MET, if that is at or before state *n*."""
        i = self.met_at
        return i if i is not None and i <= n else None

    def changes(self, n: int) -> list[int]:
        """The states at which its verdict changed, up to its first MET or to state *n*."""
        p = self.first_met
        if p is not None and self.idx[p] <= n:
            return self.idx[1 : p + 1]
        return self.idx[1 : self.pos(n) + 1]

    def met_between(self, a: int, b: int) -> bool:
        """Whether it was MET at any state from *a* to *b*."""
        pa, pb = self.pos(a), self.pos(b)
        return self.mets[pb + 1] - self.mets[pa] > 0


_Track = tuple[list[int], list[Any]]
"""A fact along a history: the states where its value may have changed (the start first), and
its value from each."""


def _in_force(tracks: Sequence[_Track]) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """The states where a value of one of *tracks* may change, each with the values in force
    there, one per track."""
    if len(tracks) == 1:
        idx, values = tracks[0]
        for i, value in zip(idx, values, strict=True):
            yield i, (value,)
        return
    places = [0] * len(tracks)
    for i in sorted({i for idx, _ in tracks for i in idx}):
        for k, (idx, _) in enumerate(tracks):
            p = places[k]
            while p + 1 < len(idx) and idx[p + 1] <= i:
                p += 1
            places[k] = p
        yield i, tuple([values[p] for (_, values), p in zip(tracks, places, strict=True)])


def _verdicts(
    fn: Callable[[State], Verdict],
    shared: _Shared,
    h: History,
    cands: list[int],
    tracks: Sequence[_Track] | None,
) -> tuple[list[int], list[Verdict]]:
    """The states where a condition's verdict changes, and the verdicts from each.

    With *tracks* (those of the facts the condition reads), it is found where a value changes:
    the very values met before, or values of the same types and equal, give the verdict found
    then. Without, the condition is evaluated at each of *cands*."""
    idx: list[int] = []
    ver: list[Verdict] = []
    last: Verdict | None = None
    if tracks is None:
        for i in cands:
            v = fn(shared.state(h, i))
            if v is not last:
                idx.append(i)
                ver.append(v)
                last = v
        return idx, ver
    equal: dict[tuple[Any, ...], Verdict] = {}
    same: dict[tuple[int, ...], Verdict] = {}  # by the values' ids: the tracks keep them alive
    for i, values in _in_force(tracks):
        ids = tuple(map(id, values))
        got = same.get(ids)
        if got is None:
            key = (*values, *[x.__class__ for x in values])  # True == 1, but they may differ
            try:
                got = equal.get(key)
                if got is None:
                    got = equal[key] = fn(shared.state(h, i))
            except TypeError:  # an unhashable value
                got = fn(shared.state(h, i))
            same[ids] = got
        if got is not last:
            idx.append(i)
            ver.append(got)
            last = got
    return idx, ver


class _Shared:
    """What the obligations judged along one history share: each condition's series (by plan and
    condition: obligations that share a trigger, 22 of the bundled plan's 31 share phase one's,
    find its series once), each fact's track, the states they read, and the states at which each
    field changed. They stop at the last state a judgement reads (*limit*): a series' entries up
    to a state do not depend on the states after it."""

    __slots__ = ("cands", "changed", "limit", "series", "states", "tracks")

    def __init__(self, limit: int | None = None) -> None:
        self.limit = limit  # the last state a judgement reads (None: the history's last)
        self.series: dict[tuple[int, Condition], tuple[Plan, _Series]] = {}
        self.changed: dict[str, frozenset[int]] = {}
        self.states: dict[int, State] = {}
        self.tracks: dict[str, _Track] = {}
        self.cands: dict[frozenset[str] | None, list[int]] = {}

    def state(self, h: History, i: int) -> State:
        """State *i* of *h* (kept: the series of several conditions read it)."""
        found = self.states.get(i)
        if found is None:
            found = self.states[i] = h.state(i)
        return found

    def candidates(self, h: History, cond: Condition) -> list[int]:
        """The start and the states at which a field that *cond* reads changed (every state if
        it refers to a phase), up to the limit."""
        if phases_named(cond):
            return self.indices(h, None)
        return self.indices(h, frozenset(fl for f in facts_read(cond) for fl in fields_of(f)))

    def indices(self, h: History, fields: frozenset[str] | None) -> list[int]:
        """The start and the states at which one of *fields* changed (None: every state), up to
        the limit."""
        found = self.cands.get(fields)
        if found is None:
            n = len(h) if self.limit is None else self.limit
            if fields is None:
                found = list(range(n + 1))
            else:
                found = sorted({0, *(i for fl in fields for i in h.changed(fl, n))})
            self.cands[fields] = found
        return found

    def track(self, h: History, fact: str) -> _Track:
        """*fact* along *h* up to the limit: read at each change of a field it depends on, and
        kept where the value read is not the very one before."""
        found = self.tracks.get(fact)
        if found is None:
            read, states, get = fact_reader(fact), self.states, self.states.get
            spec, party = spec_of(fact)
            field = None if parts_of(spec.id) else spec.field  # a fact of one field: read alone
            idx: list[int] = []
            values: list[Any] = []
            before: object = idx  # nothing read yet
            for i in self.indices(h, frozenset(fields_of(fact))):
                s = get(i)
                if s is not None:
                    value = read(s)
                elif field is None:
                    s = states[i] = h.state(i)
                    value = read(s)
                else:  # where the field changed: no state made
                    value = h.field(i, field)
                    if party is not None:
                        value = value.get(party, UNKNOWN)  # its entry in the map
                if value is not before:
                    idx.append(i)
                    values.append(value)
                    before = value
            found = self.tracks[fact] = (idx, values)
        return found

    def changed_set(self, h: History, field: str) -> frozenset[int]:
        """The states at which *field* changed along *h*."""
        found = self.changed.get(field)
        if found is None:
            found = self.changed[field] = frozenset(h.changed(field))
        return found


def _series(plan: Plan, h: History, cond: Condition, shared: _Shared) -> _Series:
    key = (id(plan), cond)
    found = shared.series.get(key)
    if found is not None and found[0] is plan:
        return found[1]
    made = _Series(compiled(cond, plan), h, cond, shared)
    shared.series[key] = (plan, made)
    return made


class _Timing(NamedTuple):
    """When an obligation's trigger, clock and completion first held, and its deadline."""

    triggered_at: dt.datetime | None
    clock_from: dt.datetime | None
    due: dt.datetime | None
    due_latest: dt.datetime | None
    fulfilled_at: dt.datetime | None


class _Ctx:
    """One obligation along one history: its conditions compiled, and their verdicts along the
    history found, once, for every instant asked."""

    __slots__ = (
        "_measure_changes",
        "_spans",
        "_timings",
        "clock",
        "comp",
        "h",
        "hours",
        "measures",
        "o",
        "origin",
        "period_hours",
        "plan",
        "since",
        "since_fn",
        "trig",
        "until",
    )

    def __init__(
        self,
        plan: Plan,
        h: History,
        o: Obligation,
        origin: dt.datetime,
        shared: _Shared | None = None,
    ) -> None:
        self.plan, self.h, self.o, self.origin = plan, h, o, origin
        shared = _Shared() if shared is None else shared
        self.trig = _series(plan, h, o.trigger, shared)
        self.comp = _series(plan, h, o.completion, shared)
        self.since = (
            o.deadline.since
            if o.deadline is not None and o.deadline.since is not None
            else o.trigger
        )
        self.since_fn = (
            self.trig if self.since is o.trigger else _series(plan, h, self.since, shared)
        )
        self.clock = self.since_fn if o.deadline is not None else self.trig
        self.hours = _hours(plan, o.deadline.hours) if o.deadline is not None else None
        period = o.period
        self.until = (
            _series(plan, h, period.until, shared)
            if period is not None and period.until is not None
            else None
        )
        self.measures = [
            (m.label or m.fact, fact_reader(m.fact), operand_fn(m.owed, plan)) for m in o.measures
        ]
        self.period_hours = (
            _hours(plan, period.hours) if period is not None and period.hours is not None else None
        )
        self._spans: tuple[list[dt.timedelta], list[dt.timedelta]] | None = None
        self._measure_changes: list[int] | None = None
        self._timings: dict[tuple[int | None, int | None, int | None], _Timing] = {}

    def series(self) -> list[_Series]:
        """The series of its trigger, completion, clock's condition and period's end, if any."""
        found = [self.trig, self.comp, self.since_fn]
        return found if self.until is None else [*found, self.until]

    def measure_changes(self) -> list[int]:
        """The states at which a fact that a measure reads (delivered or owed) changed."""
        if self._measure_changes is None:
            facts = [f for m in self.o.measures for f in (m.fact, *_operand_facts(m.owed))]
            fields = {fl for fact in facts for fl in fields_of(fact)}
            self._measure_changes = sorted({i for fl in fields for i in self.h.changed(fl)})
        return self._measure_changes

    def read_sets(self, shared: _Shared) -> list[frozenset[int]] | None:
        """For each field its compliance reads, the states at which it changed (None: it may
        read any field)."""
        fields = read_fields(self.o)
        if fields is None:
            return None
        return [shared.changed_set(self.h, fl) for fl in sorted(fields)]

    def instant(self, index: int) -> dt.datetime:
        return _instant(self.h, index, self.origin)

    def event_words(self, index: int) -> str:
        """`` (the event's summary)`` for a state after an event, ``""`` for the start."""
        if index == 0:
            return ""
        ev = self.h.event(index)
        return f" ({_short(ev.summary or ev.id)})"

    def timing(self, trig: int | None, done: int | None, clock: int | None) -> _Timing:
        """The instants that the trigger's, completion's and clock's first MET (states *trig*,
        *done*, *clock*; None: not yet) give (found once for each)."""
        key = (trig, done, clock)
        found = self._timings.get(key)
        if found is None:
            clock_from = (
                self.instant(clock)
                if self.o.deadline is not None and clock is not None and self.clock.placeable
                else None
            )
            due = (
                clock_from + dt.timedelta(hours=self.hours)
                if clock_from is not None and self.hours is not None
                else None
            )
            # A day-precision instant (the plan's start, or an event dated only to the day) may
            # lie anywhere in that day: the deadline and the fulfilment become 24-hour windows,
            # and a status is given only when the windows decide it.
            found = self._timings[key] = _Timing(
                None if trig is None else self.instant(trig),
                clock_from,
                due,
                due + _slack(self.h, clock) if due is not None else None,
                None if done is None else self.instant(done),
            )
        return found

    def spans(self) -> tuple[list[dt.timedelta], list[dt.timedelta]]:
        """Running sums of how long the completion was MET, and UNKNOWN, over its whole entries:
        ``met[p]`` covers entries 0 to p - 1 (built on first use)."""
        if self._spans is None:
            s, held, unknown = self.comp, ZERO, ZERO
            met, unk = [held], [unknown]
            times = [self.instant(i) for i in s.idx]
            for p, v in enumerate(s.ver[:-1]):
                if v is MET:
                    held += times[p + 1] - times[p]
                elif v is UNK:
                    unknown += times[p + 1] - times[p]
                met.append(held)
                unk.append(unknown)
            self._spans = (met, unk)
        return self._spans

    def quantities(self, state: State) -> tuple[Quantity, ...]:
        return tuple(
            Quantity(label, read(state), owed(state)) for label, read, owed in self.measures
        )

    def partly(self, n: int) -> bool:
        """Whether some measure has something delivered (known, and not 0) at state *n*."""
        if not self.measures:
            return False
        state = self.h.state(n)
        return any(read(state) not in (UNKNOWN, 0) for _, read, _ in self.measures)


def _operand_facts(value: object) -> list[str]:
    """The facts an owed amount reads (a Times product reads one, and maybe its factor's)."""
    if isinstance(value, Times):
        return [value.fact, *_operand_facts(value.factor)]
    return []


@functools.lru_cache(maxsize=1024)
def _short(text: str, limit: int = 80) -> str:
    """An event's summary in a few words: its first sentence, cut at *limit* characters."""
    first = text.partition(". ")[0].rstrip(".")
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


_Why = str | Callable[[], str]
"""A reason, or how to word it: most statuses judged along a lifecycle are never shown."""


class _At:
    """What an obligation's judgement as of one instant finds (before it becomes a Compliance).

    Its reason is worded on first use, and how long a maintenance duty held is found then too.
    """

    __slots__ = (
        "_why",
        "held_of",
        "late_by",
        "overdue_by",
        "owed_for",
        "status",
        "time_left",
        "timing",
    )

    def __init__(
        self,
        status: ComplianceStatus,
        why: _Why,
        timing: _Timing,
        *,
        late_by: dt.timedelta | None = None,
        overdue_by: dt.timedelta | None = None,
        time_left: dt.timedelta | None = None,
        owed_for: dt.timedelta | None = None,
        held_of: Callable[[], tuple[dt.timedelta, dt.timedelta]] | None = None,
    ) -> None:
        self.status, self._why, self.timing = status, why, timing
        self.late_by, self.overdue_by, self.time_left = late_by, overdue_by, time_left
        self.owed_for, self.held_of = owed_for, held_of

    @property
    def reason(self) -> str:
        """One line saying why the status is what it is."""
        why = self._why
        if isinstance(why, str):
            return why
        self._why = text = why()
        return text

    def why(self) -> Callable[[], str]:
        """How to word the reason (worded once, whoever asks first)."""
        why = self._why
        return (lambda: why) if isinstance(why, str) else lambda: self.reason

    @property
    def held(self) -> dt.timedelta | None:
        """For a maintenance duty, how long it held while owed (None for other kinds)."""
        return None if self.held_of is None else self.held_of()[0]


def _status(c: _Ctx, at: dt.datetime, n: int | None = None) -> _At:
    """An obligation's status as of *at*, from the history up to then (*n*: the number of events
    by then, if known)."""
    if n is None:
        n = c.h._count(at)
    trig, done, clock = c.trig.met_at, c.comp.met_at, c.clock.met_at
    if trig is not None and trig > n:
        trig = None
    if done is not None and done > n:
        done = None
    if clock is not None and clock > n:
        clock = None
    tm = c.timing(trig, done, clock)
    kind = c.o.kind
    if done is not None and kind is ObligationKind.ACHIEVEMENT:
        return _achieved(c, n, done, tm)  # done, even before it fell due
    if trig is None:
        if c.trig.at(n) is UNK:
            return _At(_UNKNOWN, "whether it is due is not known", tm)
        return _At(ComplianceStatus.NOT_TRIGGERED, "its trigger has not been met", tm)
    if kind is ObligationKind.MAINTENANCE:
        return _maintenance(c, at, n, trig, tm)
    if kind is ObligationKind.PUNCTUAL:
        return _punctual(c, at, tm)
    return _owed(c, at, n, c.comp.at(n), tm)


def _owed(
    c: _Ctx,
    at: dt.datetime,
    n: int,
    now: Verdict,
    tm: _Timing,
    what: str = "due",
    *,
    owed_for: dt.timedelta | None = None,
    held_of: Callable[[], tuple[dt.timedelta, dt.timedelta]] | None = None,
) -> _At:
    """Due and not (yet) done: pending, partly done, overdue or unknown, by its deadline."""
    due, due_hi = tm.due, tm.due_latest
    if now is UNK:
        why: _Why = "whether it is fulfilled is not known"
        return _At(_UNKNOWN, why, tm, owed_for=owed_for, held_of=held_of)
    if c.o.deadline is not None and (due is None or due_hi is None):
        why = "due, but when its clock started is not known"
        return _At(_UNKNOWN, why, tm, owed_for=owed_for, held_of=held_of)
    if due is not None and due_hi is not None and at > due_hi:
        late, least = at - due_hi, "at least " if due_hi != due else ""
        window = (due, due_hi)
        return _At(
            ComplianceStatus.OVERDUE,
            lambda: f"overdue by {least}{duration(late)} ({_due(*window)})",
            tm,
            overdue_by=late,
            owed_for=owed_for,
            held_of=held_of,
        )
    if due is not None and at > due:
        near = (due, due_hi)
        return _At(
            _UNKNOWN,
            lambda: f"at or near its deadline ({_due(*near)})" + _DAY_NOTE,
            tm,
            owed_for=owed_for,
            held_of=held_of,
        )
    partly = c.partly(n)
    time_left = due - at if due is not None else None

    def pending() -> str:
        return ("partly delivered; " if partly else f"{what}; ") + (
            f"{duration(time_left)} left ({_due(due, due_hi)})"
            if due is not None and time_left is not None
            else "no deadline set"
        )

    status = ComplianceStatus.PARTLY_FULFILLED if partly else ComplianceStatus.PENDING
    return _At(status, pending, tm, time_left=time_left, owed_for=owed_for, held_of=held_of)


_DAY_NOTE = "; a source gives only the day"


def _achieved(c: _Ctx, n: int, done: int, tm: _Timing) -> _At:
    """An achievement done at state *done*: on time, late, unknown, or undone since."""
    fulfilled_at = c.instant(done)
    s = c.comp
    p = s.pos(n)
    if s.ver[p] is UNMET:
        k = max(s.idx[p], done)  # the series changes verdict at each entry: the run began there

        def undone() -> str:
            return (
                f"fulfilled {_day(fulfilled_at)}{c.event_words(done)}, undone since "
                f"{_day(c.instant(k))}{c.event_words(k)}"
            )

        return _At(ComplianceStatus.BREACHED, undone, tm)
    if c.o.deadline is None:
        return _At(ComplianceStatus.FULFILLED, lambda: f"fulfilled at {_when(fulfilled_at)}", tm)
    due, due_hi = tm.due, tm.due_latest
    if due is None or due_hi is None:
        return _At(_UNKNOWN, "fulfilled, but when its clock started is not known", tm)
    window = (due, due_hi)
    if fulfilled_at + _slack(c.h, done) <= due:
        return _At(
            ComplianceStatus.FULFILLED_ON_TIME,
            lambda: f"fulfilled at {_when(fulfilled_at)}, {_due(*window)}",
            tm,
        )
    if fulfilled_at > due_hi:
        late, least = fulfilled_at - due_hi, "at least " if due_hi != due else ""
        return _At(
            ComplianceStatus.FULFILLED_LATE,
            lambda: f"fulfilled {least}{duration(late)} late ({_due(*window)})",
            tm,
            late_by=late,
        )
    return _At(_UNKNOWN, lambda: f"fulfilled around the deadline ({_due(*window)})" + _DAY_NOTE, tm)


def _maintenance(c: _Ctx, at: dt.datetime, n: int, k: int, tm: _Timing) -> _At:
    """A duty owed from state *k* (its trigger): holding, breached, discharged, owed or unknown."""
    start = c.instant(k)
    period = c.o.period
    end, m = at, n
    until: int | None = None  # the state at which its end condition first held, if by *n*
    ended = False
    if c.until is not None and period is not None and period.until is not None:
        until = c.until.first(n)
        if until is not None:
            end, m, ended = max(start, c.instant(until)), max(until, k), True
    if not ended and c.period_hours is not None:
        over = start + dt.timedelta(hours=c.period_hours)
        if over <= at:
            end, m, ended = over, max(c.h._count(over), k), True
    held_of = functools.partial(_held, c, k, m, end)
    if ended:
        why = functools.partial(_discharged, c, k, m, end, until)
        return _At(ComplianceStatus.DISCHARGED, why, tm, owed_for=end - start, held_of=held_of)
    s = c.comp
    p = s.pos(n)
    now = s.ver[p]
    if now is MET:
        status = ComplianceStatus.FULFILLED
    elif now is UNMET and s.met_between(k, n):
        status = ComplianceStatus.BREACHED
    elif now is UNK:
        status = _UNKNOWN
    else:
        return _owed(
            c, at, n, now, tm, "due and not yet holding", owed_for=end - start, held_of=held_of
        )
    why = functools.partial(_owing, c, k, m, end, p, status)
    return _At(status, why, tm, owed_for=end - start, held_of=held_of)


def _tally(c: _Ctx, k: int, m: int, end: dt.datetime) -> str:
    """How long a duty owed from state *k* to *end* (in state *m*) held, in words."""
    held, unknown_for = _held(c, k, m, end)
    owed = end - c.instant(k)
    return (
        f"held {_span(held)} of {_span(owed)} owed"
        if held
        else f"not held in the {_span(owed)} owed"
    ) + (f", not known for {_span(unknown_for)}" if unknown_for else "")


def _discharged(c: _Ctx, k: int, m: int, end: dt.datetime, until: int | None) -> str:
    """Why a duty owed from state *k* is discharged at *end* (in state *m*): its end condition
    held at state *until*, or (None) its period ran out."""
    period = c.o.period
    assert period is not None
    if until is not None and period.until is not None:
        label = period.until.label or "its end condition holds"
        ended = f"discharged {_day(end)}{c.event_words(until)}: {label}"
    else:
        ended = f"its period of {duration(end - c.instant(k))} ended {_day(end)}"
    return f"{ended}; {_tally(c, k, m, end)}"


def _owing(c: _Ctx, k: int, m: int, end: dt.datetime, p: int, status: ComplianceStatus) -> str:
    """Why a duty owed from state *k* to *end* (in state *m*) holds, is breached or is not known,
    its completion's entry in force being *p*."""
    s = c.comp
    i = max(s.idx[p], k)
    since = (
        f"it fell due, {_day(c.instant(k))}"
        if i == k
        else f"{_day(c.instant(i))}{c.event_words(i)}"
    )
    tally = _tally(c, k, m, end)
    if status is ComplianceStatus.FULFILLED:
        return f"holding since {since}; {tally}"
    if status is ComplianceStatus.BREACHED:
        return f"breached since {since}; {tally}"
    p0 = s.pos(k)
    last = s.ver[p - 1] if p > p0 else None
    known = (
        "; last known holding"
        if last is MET
        else "; last known not holding"
        if last is UNMET
        else ""
    )
    if last is UNMET and s.mets[p] - s.mets[p0] > 0:  # it held at some entry before
        known = "; last known breached"
    return f"not known since {since}{known}; {tally}"


def _held(c: _Ctx, k: int, m: int, end: dt.datetime) -> tuple[dt.timedelta, dt.timedelta]:
    """How long the completion was MET, and how long UNKNOWN, from state *k* (its start) to
    *end* (which lies in state *m*): the whole entries between from running sums, the two ends
    clipped."""
    s = c.comp
    met, unk = c.spans()
    p0, p1 = s.pos(k), s.pos(m)

    def part(p: int, a: dt.datetime, b: dt.datetime) -> tuple[dt.timedelta, dt.timedelta]:
        span = max(dt.timedelta(), min(b, end) - a)
        v = s.ver[p]
        return (span, ZERO) if v is MET else (ZERO, span) if v is UNK else (ZERO, ZERO)

    if p0 == p1:
        return part(p0, c.instant(k), end)
    h0, u0 = part(p0, c.instant(k), c.instant(s.idx[p0 + 1]))
    h1, u1 = part(p1, c.instant(s.idx[p1]), end)
    return h0 + h1 + met[p1] - met[p0 + 1], u0 + u1 + unk[p1] - unk[p0 + 1]


ZERO = dt.timedelta()


def _punctual(c: _Ctx, at: dt.datetime, tm: _Timing) -> _At:
    """A duty judged at one instant, its deadline: held then, or not."""
    due, due_hi = tm.due, tm.due_latest
    if due is None or due_hi is None:
        return _At(_UNKNOWN, "its instant is not known", tm)
    window = (due, due_hi)
    if at < due:
        left = due - at
        return _At(
            ComplianceStatus.PENDING,
            lambda: f"to hold at its instant; {duration(left)} left ({_due(*window)})",
            tm,
            time_left=left,
        )
    if at < due_hi:
        return _At(_UNKNOWN, lambda: f"at or near its instant ({_due(*window)})" + _DAY_NOTE, tm)
    h = c.h
    lo, hi = c.comp.at(h._count(due)), c.comp.at(h._count(due_hi))
    if lo is hi is MET:
        return _At(
            ComplianceStatus.FULFILLED_ON_TIME,
            lambda: f"held at its instant, {_when(window[0])}",
            tm,
        )
    if lo is hi is UNMET:
        return _At(
            ComplianceStatus.BREACHED,
            lambda: f"did not hold at its instant, {_when(window[0])}",
            tm,
        )
    return _At(_UNKNOWN, lambda: f"whether it held at {_when(window[0])} is not known", tm)


def _span(span: dt.timedelta) -> str:
    """A long span in days (to the nearest), a short one to the minute."""
    if span >= 2 * DAY:
        return f"{round(span / DAY)} days"
    return duration(span)


def _day(at: dt.datetime) -> str:
    return f"{at.day} {at:%b %Y}"


def _periods(
    c: _Ctx, at: dt.datetime, n: int, last: _At, shared: _Shared
) -> tuple[StatusPeriod, ...]:
    """The obligation's statuses from the plan's start to *at* (*n* events by then, *last* its
    status then), each with when it began.

    Its status is judged at each instant :func:`_change_points` names (the same status holds
    until the next); a period's reason is worded when first read."""
    h = c.h
    begun: list[tuple[_At, _Point]] = []  # each status and where it began
    status: ComplianceStatus | None = None
    for point in _change_points(c, at, n, last):
        t, _, count = point
        s = last if count == n and t == at else _status(c, t, count)
        if s.status is not status:
            begun.append((s, point))
            status = s.status
    reads = c.read_sets(shared)
    version = c.plan.version
    out: list[StatusPeriod] = []
    found = StatusPeriod._found
    ids: tuple[str, ...]
    for j, (s, (t, lo, hi)) in enumerate(begun):
        end = begun[j + 1][1][0] if j + 1 < len(begun) else None
        if lo == hi and (reads is None or any(lo in changed for changed in reads)):
            ev = h.event(lo)  # the one event at t, as mostly
            ids, cause = (ev.id,), _short(ev.summary or ev.id, 60)
        else:
            at_t = _events_in(lo, hi, reads)
            ids = tuple(sorted(h.event(i).id for i in at_t))
            last_ev = h.event(at_t[-1]) if at_t else None
            cause = "" if last_ev is None else _short(last_ev.summary or last_ev.id, 60)
        out.append(found(s.status, t, end, s.why(), ids, version, cause))
    if not out or out[-1].status is not last.status:
        if out:
            out[-1] = attrs.evolve(out[-1], end=at)
        out.append(StatusPeriod(last.status, at, None, last.reason, (), version))
    return tuple(out)


_Point = tuple[dt.datetime, int, int]
"""An instant of a lifecycle, and the first and last events at it (the last is the number of
events by then; the first is one more than the last when there is none)."""

_TICK: Final = dt.timedelta(microseconds=1)


def _point(h: History, t: dt.datetime, n: int) -> _Point:
    """Instant *t* with the events at it, up to the *n*-th."""
    return (t, h._count(t - _TICK) + 1, min(h._count(t), n))


def _events_in(lo: int, hi: int, reads: Sequence[frozenset[int]] | None) -> list[int]:
    """The events from the *lo*-th to the *hi*-th that changed a field whose changes are in
    *reads* (None: any)."""
    if reads is None:
        return list(range(lo, hi + 1))
    return [i for i in range(lo, hi + 1) if any(i in changed for changed in reads)]


def _marks(c: _Ctx, at: dt.datetime, last: _At) -> list[dt.datetime]:
    """The instants up to *at* that a status compares the instant judged with: the deadline's
    window and the end of the period owed, as of *at* (an earlier status compares with these or
    with none)."""
    tm = last.timing
    found = [x for x in (tm.due, tm.due_latest) if x is not None]
    if c.period_hours is not None and tm.triggered_at is not None:
        found.append(tm.triggered_at + dt.timedelta(hours=c.period_hours))
    return [x for x in found if x <= at]


def _candidate_states(c: _Ctx, n: int) -> set[int]:
    """The states up to *n* at which a field that an obligation's conditions read changed, and
    the start (every state if one refers to a phase)."""
    return {i for s in c.series() for i in s.cands[: bisect.bisect_right(s.cands, n)]}


def _every_instant(c: _Ctx, at: dt.datetime, n: int, last: _At) -> list[_Point]:
    """Every instant of the lifecycle up to *at* (*n* events by then, *last* the status then),
    in order: the plan's start, the instant of each event at which a field that its conditions
    read changed, and the marks of :func:`_marks`.

    The periods are the runs of equal status over these; :func:`_change_points` gives those of
    them at which the status may differ from the one before. Where several of them are the same
    instant (events given at one instant in different time zones), the instant of the event
    first met in :func:`_candidate_states` stands for all, else the plan's start, else the first
    mark."""
    event_at = c.h._instants()
    indices = _candidate_states(c, n)
    instants = {event_at[i - 1] for i in indices if i}
    if 0 in indices:
        instants.add(c.origin)
    instants.update(_marks(c, at, last))
    return [_point(c.h, x, n) for x in sorted(instants) if x <= at]


def _change_points(c: _Ctx, at: dt.datetime, n: int, last: _At) -> list[_Point]:
    """Instants of :func:`_every_instant`, in order, among which are all those at which the
    status may differ from the one before (each given as that function gives it).

    A status reads the entry in force of each series (its trigger's, completion's, clock's and
    period end's), the quantities delivered, and on which side of each mark the instant lies;
    between two instants where none of these changes, it is the same. So: the plan's start and
    the first candidate event, the instant of each change of a series' verdict, each mark and
    the first candidate event after it, and the first candidate event at or after each change
    of a fact a measure reads (with the plan's start and the marks already in)."""
    event_at = c.h._instants()
    cands = [s.cands for s in c.series()]

    def first(j: int) -> int | None:
        """The first candidate event from the *j*-th on (None: none up to the *n*-th)."""
        ks = [lst[p] for lst in cands if (p := bisect.bisect_left(lst, j)) < len(lst)]
        k = min(ks, default=n + 1)
        return k if k <= n else None

    found: set[int] = set()  # candidate events whose instants are points
    for s in c.series():
        found.update(s.idx[1 : s.pos(n) + 1])
    others = [c.origin] if c.origin <= at else []
    others += _marks(c, at, last)
    starts = first(1)
    if starts is not None:
        found.add(starts)
    for x in others[1 if c.origin <= at else 0 :]:  # each mark: the first candidate after it
        k = first(bisect.bisect_right(event_at, x, 0, n) + 1)
        if k is not None:
            found.add(k)
    if c.measures:
        changes = c.measure_changes()
        every = set().union(*cands)
        for i in changes[: bisect.bisect_right(changes, n)]:
            if i == 1 or event_at[i - 2] != event_at[i - 1]:  # the first event at its instant
                k = i if i in every else first(i)
            else:
                k = first(bisect.bisect_left(event_at, event_at[i - 1], 0, n) + 1)
            if k is not None:
                found.add(k)
    alone: list[dt.datetime] = []  # the start and marks that are no candidate event's instant
    for x in others:
        k = first(bisect.bisect_left(event_at, x, 0, n) + 1)
        if k is not None and event_at[k - 1] == x:
            found.add(k)  # the event's instant stands for it
        elif x not in alone:
            alone.append(x)
    points = _points_of(c, n, sorted(found), event_at)
    for x in alone:
        bisect.insort(points, _point(c.h, x, n))
    return points


def _points_of(c: _Ctx, n: int, found: list[int], event_at: Sequence[dt.datetime]) -> list[_Point]:
    """The instants of the candidate events *found* (in order), once each, as
    :func:`_every_instant` gives them: where several events share an instant, the one it names
    unless they are all given alike."""
    out: list[_Point] = []
    indices: set[int] | None = None
    for k in found:
        t = event_at[k - 1]
        if out and out[-1][0] == t:
            continue
        lo = hi = k
        while lo > 1 and event_at[lo - 2] == t:
            lo -= 1
        while hi < n and event_at[hi] == t:
            hi += 1
        if lo < hi and any(not _alike(event_at[i - 1], t) for i in range(lo, hi + 1)):
            if indices is None:
                indices = _candidate_states(c, n)
            t = next(event_at[i - 1] for i in indices if i and event_at[i - 1] == t)
        out.append((t, lo, hi))
    return out


def _alike(a: dt.datetime, b: dt.datetime) -> bool:
    """Whether two equal instants are given alike (the same time zone, the same fold)."""
    return a.tzinfo is b.tzinfo and a.fold == b.fold


def _judge(
    plan: Plan,
    h: History,
    o: Obligation,
    phase_id: str,
    at: dt.datetime,
    origin: dt.datetime,
    *,
    periods: bool = True,
    names: Mapping[str, str] | None = None,
    shared: _Shared | None = None,
) -> Compliance:
    n = h.count(at)
    shared = _Shared(n) if shared is None else shared
    c = _Ctx(plan, h, o, origin, shared)
    upto = h.state(n)
    completion = evaluate(o.completion, upto, plan=plan)
    quantities = c.quantities(upto)
    a = _status(c, at, n)
    tm = a.timing
    missing = _missing(plan, h, o, tm, upto, completion) if a.status is _UNKNOWN else ()
    changed = {h.event(i).id for s in (c.trig, c.comp, c.clock) for i in s.changes(n)}
    return Compliance(
        o,
        phase_id,
        a.status,
        at,
        tm.triggered_at,
        tm.clock_from,
        tm.due,
        tm.fulfilled_at,
        a.late_by,
        a.overdue_by,
        a.time_left,
        quantities,
        tuple(sorted(changed)),
        completion,
        a.reason,
        tm.due_latest,
        version=plan.version,
        periods=_periods(c, at, n, a, shared) if periods else (),
        held=a.held,
        owed_for=a.owed_for,
        missing=missing,
        names=party_names(plan) if names is None else names,
    )


_UNKNOWN = ComplianceStatus.UNKNOWN


def _missing(
    plan: Plan, h: History, o: Obligation, a: _Timing, upto: State, completion: Evaluation
) -> tuple[str, ...]:
    """The facts whose being unknown (or contested) leaves an obligation's status unknown: its
    trigger's where it is not known to be due, its completion's at its instant for a punctual
    duty, else its completion's now; empty where the status is unknown on timing alone."""
    if a.triggered_at is None:
        found = [evaluate(o.trigger, upto, plan=plan)]
    elif o.kind is ObligationKind.PUNCTUAL and a.due is not None:
        instants = dict.fromkeys(x for x in (a.due, a.due_latest) if x is not None)
        found = [evaluate(o.completion, h.state(h.count(t)), plan=plan) for t in instants]
    else:
        found = [completion]
    out: dict[str, None] = {}
    for ev in found:
        if ev.verdict is not UNK:
            continue
        for b in ev.blockers():
            if b.effect is UNK:
                out |= {r.fact: None for r in b.evaluation.readings if _open(r.value)}
    return tuple(out)


def _open(value: object) -> bool:
    """Whether a fact's value leaves a verdict open: unknown, or contested."""
    return value is UNKNOWN or isinstance(value, Contested)


def _news_order(items: list[Compliance]) -> list[Compliance]:
    """The items in :data:`NEWS_ORDER`; the unknown ones grouped by the facts they miss (the
    largest group first, the one with no fact last); overdue ones the longest first; within a
    status or a group, the latest change first (a stable sort: the plan's order among equals)."""
    sizes: dict[tuple[str, ...], int] = {}
    for c in items:
        if c.status is _UNKNOWN:
            sizes[c.missing] = sizes.get(c.missing, 0) + 1
    first = {facts: i for i, facts in enumerate(sizes)}

    def key(c: Compliance) -> tuple[int, bool, int, int, float]:
        unknown = c.status is _UNKNOWN
        timing, size, at = (
            (not c.missing, -sizes[c.missing], first[c.missing]) if unknown else (False, 0, 0)
        )
        if c.status is ComplianceStatus.OVERDUE:
            within = -(c.overdue_by or dt.timedelta()).total_seconds()
        else:
            within = -c.periods[-1].start.timestamp() if c.periods else 0.0
        return (_ORDER[c.status], timing, size, at, within)

    return sorted(items, key=key)


def _when(at: dt.datetime) -> str:
    return f"{at:%Y-%m-%d %H:%M %z}"


def _due(due: dt.datetime, latest: dt.datetime | None) -> str:
    """``due 2025-10-13 12:00 +0300``, or the window when a day-precision instant widens it."""
    if latest is None or latest == due:
        return f"due {_when(due)}"
    return f"due between {_when(due)} and {_when(latest)}, as a source gives only the day"


def edge_note(data_as_of: dt.datetime, at: dt.datetime, assume_unchanged: bool) -> str:
    """The sentence every view prints for a judgement past the data's edge.

    Args:
        data_as_of: the latest instant the data cover.
        at: the instant judged (later).
        assume_unchanged: whether facts were carried forward.

    Returns:
        One sentence naming the edge and what was done past it.
    """
    last = f"{data_as_of.day} {data_as_of:%b %Y}"
    if assume_unchanged:
        return (
            f"Judged at {at.isoformat()}, past the data's edge: every fact is carried forward as "
            f"last known on {last}, as asked (assume unchanged)."
        )
    return (
        f"Judged at {at.isoformat()}, past the data's edge: facts that can change back are "
        f"unknown here, last known on {last}; a count that can still grow is at least what was "
        "last known, and what was achieved by then stays achieved."
    )


def in_force(plans: Sequence[Plan], at: dt.datetime) -> Plan:
    """The version in force at an instant.

    Args:
        plans: versions of a plan (any order).
        at: the instant.

    Returns:
        The latest version whose :attr:`Plan.in_force <gazaplan.core.plans.Plan.in_force>` is
        at or before *at* (the earliest if none is).

    Raises:
        InvalidValueError: if *plans* is empty.
    """
    if not plans:
        raise InvalidValueError("plans", "()", "no version given", "Pass at least one plan.")
    ordered = sorted(plans, key=lambda p: p.in_force)
    now = [p for p in ordered if p.in_force <= at]
    return now[-1] if now else ordered[0]


def compliance(
    plan: Plan | Sequence[Plan],
    timeline: Timeline,
    *,
    at: Instant | None = None,
    start: State | None = None,
    assume_unchanged: bool = False,
    controls: Controls | None = None,
) -> ComplianceReport:
    """Every obligation's compliance as of an instant.

    The plan's starting state counts as holding from :attr:`Plan.origin
    <gazaplan.core.plans.Plan.origin>`: midnight of its start date (the publication date of the
    original text) in the plan's local time, whose offset from UTC is
    :attr:`Plan.utc_offset_hours <gazaplan.core.plans.Plan.utc_offset_hours>` (+3 for the bundled
    plan). That instant is known only to the day: a clock that starts then is due within a window
    a day wide, from ``due`` to ``due_latest``, and a status is given only where the window
    decides it.

    Given one plan, it judges the whole timeline under it (a what-if). Given the versions of a
    plan (``[gp.plan(v) for v in gp.versions()]``), each instant is judged under the version in
    force then: an obligation a later version changes or drops shows a period boundary there.

    Past the timeline's ``data_as_of`` facts that can change back are unknown, unless
    *assume_unchanged*.

    Args:
        plan: the plan, or the versions of a plan.
        timeline: the events to replay on it.
        at: the instant judged: a timezone-aware datetime, a date or a string (``"2025-10-13"``
            is the end of that day in the plan's local time; see
            :func:`~gazaplan.core.instants.read_instant`); None: the timeline's ``data_as_of``,
            else its last instant, else the plan's origin.
        start: the state the first event applies to (None: the plan's initial state).
        assume_unchanged: past the data's edge, carry every fact forward as last known.
        controls: the table of who can change each fact (``gp.controls()`` for the bundled
            plan), with which the report names who could settle each fact an unknown status
            misses (None: it names the facts only).

    Returns:
        The report, an item per obligation, news first (see :data:`NEWS_ORDER` and
        :attr:`ComplianceReport.items`).

    Raises:
        InvalidValueError: if *at* is not a timezone-aware datetime in the library's range, or
            *controls* is not a table of controls.
        InvalidEventError: if an event cannot happen in the state it meets, or names a party or
            line the plan lacks.
    """
    check.need_one_or_many(plan, Plan, "compliance(plan)", check.PLAN_FIX)
    check.need_type(timeline, Timeline, "compliance(timeline)", check.TIMELINE_FIX)
    check.need_type(start, (State, type(None)), "compliance(start)", check.STATE_FIX)
    check.need_type(controls, (Controls, type(None)), "compliance(controls)", _CONTROLS_FIX)
    plans = (plan,) if isinstance(plan, Plan) else tuple(sorted(plan, key=lambda p: p.in_force))
    if not plans:
        raise InvalidValueError("plan", "()", "no version given", "Pass a plan or its versions.")
    first = plans[0]
    if at is None:
        at = timeline.data_as_of or timeline.last or plan_origin(first)
    at = read_instant(at, utc_offset_hours=first.utc_offset_hours)
    now = in_force(plans, at)
    names = party_names(now)
    with collector_paused():  # what a judgement makes is kept, or freed by reference counts
        h = judged_history(now, timeline, at=at, start=start, assume_unchanged=assume_unchanged)
        items = _judged(plans, now, h, at, names)
    edge = timeline.data_as_of
    beyond = edge is not None and at > edge
    if beyond and not assume_unchanged:
        items = [_last_known(c, edge) for c in items]  # type: ignore[arg-type]
    return ComplianceReport(
        now.version,
        at,
        tuple(_news_order(items)),
        edge,
        beyond,
        assume_unchanged,
        names=names,
        controls=controls,
    )


_CONTROLS_FIX = "Pass gp.controls() (the bundled table of who can change each fact), or None."


def _judged(
    plans: tuple[Plan, ...], now: Plan, h: History, at: dt.datetime, names: Mapping[str, str]
) -> list[Compliance]:
    """Each obligation judged along *h* as of *at*: under *now*, the only version, or under the
    version in force at each instant."""
    origin = plan_origin(now)
    shared = _Shared(h.count(at))
    if len(plans) > 1:
        return _across(plans, h, at, origin, names, shared)
    return [
        _judge(now, h, o, p.id, at, origin, names=names, shared=shared)
        for p in now.phases
        for o in p.obligations
    ]


def _last_known(c: Compliance, edge: dt.datetime) -> Compliance:
    """An item past the data's edge: an unknown status says when it was last known."""
    if c.status is not ComplianceStatus.UNKNOWN or "last known on" in c.reason:
        return c
    return attrs.evolve(c, reason=f"{c.reason} (last known on {_day(edge)})")


def _across(
    plans: tuple[Plan, ...],
    h: History,
    at: dt.datetime,
    origin: dt.datetime,
    names: Mapping[str, str],
    shared: _Shared,
) -> list[Compliance]:
    """Each obligation judged at each instant under the version in force then, its periods
    stitched across the versions."""
    spans: list[tuple[Plan, dt.datetime, dt.datetime | None]] = []
    for i, v in enumerate(plans):
        begins = origin if i == 0 else v.in_force
        ends = plans[i + 1].in_force if i + 1 < len(plans) else None
        if begins <= at and (ends is None or ends > begins):
            spans.append((v, begins, ends))
    order: dict[str, None] = {}
    for v, _, _ in reversed(spans):
        order |= {o.id: None for o in v.obligations()}
    out = []
    for oid in order:
        periods: list[StatusPeriod] = []
        last: Compliance | None = None
        held: Obligation | None = None
        for v, begins, ends in spans:
            stop = at if ends is None or ends > at else ends
            found = [(p.id, o) for p in v.phases for o in p.obligations if o.id == oid]
            if not found:
                if held is not None and last is not None:
                    why = f"dropped by version {v.version} ({_title(v)})"
                    gone = StatusPeriod(
                        ComplianceStatus.SUPERSEDED, begins, None, why, (), v.version
                    )
                    _stitch(periods, [gone], begins, ends, "")
                    last = attrs.evolve(
                        last,
                        status=ComplianceStatus.SUPERSEDED,
                        reason=why,
                        version=v.version,
                        missing=(),
                    )
                    held = None
                continue
            pid, o = found[0]
            c = _judge(v, h, o, pid, stop, origin, names=names, shared=shared)
            cause = f"terms changed by version {v.version} ({_title(v)})"
            _stitch(periods, list(c.periods), begins, ends, cause if held not in (None, o) else "")
            last, held = c, o
        assert last is not None
        out.append(attrs.evolve(last, at=at, periods=tuple(periods)))
    return out


def _title(v: Plan) -> str:
    return v.amendments[-1].title if v.amendments else v.title


def _stitch(
    periods: list[StatusPeriod],
    own: list[StatusPeriod],
    begins: dt.datetime,
    ends: dt.datetime | None,
    changed: str,
) -> None:
    """Add one version's periods within [begins, ends) to *periods*; a status that runs on across
    the boundary is one period, unless the obligation changed there (*changed* says how)."""
    kept = [
        p for p in own if (p.end is None or p.end > begins) and (ends is None or p.start < ends)
    ]
    for k, p in enumerate(kept):
        p = attrs.evolve(p, start=max(p.start, begins), end=None)
        first = k == 0 and bool(changed)
        if periods and periods[-1].status is p.status and not first:
            continue  # the same status runs on
        if first:
            p = attrs.evolve(p, cause=changed)
        if periods:
            periods[-1] = attrs.evolve(periods[-1], end=p.start)
        periods.append(p)


def plan_origin(plan: Plan) -> dt.datetime:
    """When the plan's starting facts hold.

    Args:
        plan: the plan.

    Returns:
        :attr:`Plan.origin <gazaplan.core.plans.Plan.origin>`, midnight of its start date in its
        local time.
    """
    return plan.origin
