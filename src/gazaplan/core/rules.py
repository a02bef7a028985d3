"""The rule functions: :func:`check_phase` and :func:`check_plan`, and the reports they return.

``check_phase`` answers "are this phase's preconditions met in this state, and if not, what
exactly is missing, under which point?"; ``check_plan`` does so for every phase and reports
every obligation's standing. Reports explain themselves with ``explain()``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeVar

import attrs

from ._value import Value

if TYPE_CHECKING:
    import pandas as pd

from ..truth import Verdict
from . import _checks as check
from . import _ports
from ._compile import compiled
from ._frozenmap import FrozenMap
from ._results import Keyed, NotebookDisplay
from .conditions import Condition, walk
from .evaluation import Blocker, Evaluation, bare, tracer
from .obligations import Obligation, Phase
from .plans import Plan
from .state import State
from .words import party_names

_T = TypeVar("_T", "_Fast", "_Traced")

__all__ = [
    "ObligationReport",
    "ObligationStatus",
    "PhaseReport",
    "PlanReport",
    "check_phase",
    "check_plan",
    "check_state",
]


class ObligationStatus(enum.Enum):
    """An obligation's standing in one state.

    Its words are those of :class:`~gazaplan.ComplianceStatus`, which adds what a timeline tells
    (deadlines met, late or passed): PENDING is due and not yet done in both, and NOT_TRIGGERED
    and UNKNOWN mean the same.
    """

    NOT_TRIGGERED = "not triggered"
    PENDING = "pending"
    FULFILLED = "fulfilled"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value


def status_of(trigger: Verdict, completion: Verdict) -> ObligationStatus:
    """An obligation's standing from the verdicts of its trigger and its completion.

    Args:
        trigger: the verdict of the condition that makes it due.
        completion: the verdict of the condition that it is done.

    Returns:
        FULFILLED if done (even before it fell due), NOT_TRIGGERED if not due, PENDING if due and
        not done, UNKNOWN when the facts do not decide.
    """
    if completion is Verdict.MET:
        return ObligationStatus.FULFILLED
    if trigger is Verdict.UNMET:
        return ObligationStatus.NOT_TRIGGERED
    if trigger is Verdict.MET and completion is Verdict.UNMET:
        return ObligationStatus.PENDING
    return ObligationStatus.UNKNOWN


@attrs.frozen
class ObligationReport(NotebookDisplay, Value):
    """One obligation's standing, with the evaluations of its trigger and completion.

    *names* are the plan's parties' display names by id, which its lines use.
    """

    obligation: Obligation
    phase_id: str
    trigger: Evaluation
    completion: Evaluation
    names: Mapping[str, str] = attrs.field(default=FrozenMap(), eq=False, repr=False)

    @property
    def status(self) -> ObligationStatus:
        """Not triggered, owed, fulfilled or unknown: see :func:`status_of`."""
        return _STATUS[_INDEX[id(self.trigger.verdict)] * 3 + _INDEX[id(self.completion.verdict)]]

    @property
    def early(self) -> bool:
        """True if fulfilled while its trigger was not (yet) MET."""
        return self.status is ObligationStatus.FULFILLED and self.trigger.verdict is not Verdict.MET

    def explain(self) -> str:
        """A readable account of why the obligation stands as it does.

        Returns:
            A few lines saying who owes what, its standing, and what is missing.
        """
        from .explain import explain_obligation

        return explain_obligation(self)


@attrs.frozen
class PhaseReport(NotebookDisplay, Value, Keyed[ObligationReport]):
    """Whether a phase's preconditions hold in a state, and why.

    Attributes:
        phase: the phase.
        verdict: the verdict on its entry condition (its stated preconditions).
        entry: the traced evaluation of the entry condition.
        completion: the traced evaluation of its completion condition.
        obligations: the standing of each of its obligations.
        provisions: the plan points involved (the phase's own and those its entry condition
            names, through the phases it refers to).
        names: the plan's parties' display names by id, which its lines use.
    """

    phase: Phase
    verdict: Verdict
    entry: Evaluation
    completion: Evaluation
    obligations: tuple[ObligationReport, ...]
    provisions: tuple[int, ...]
    names: Mapping[str, str] = attrs.field(default=FrozenMap(), eq=False, repr=False)

    @property
    def unmet(self) -> tuple[Blocker, ...]:
        """The leaves that make the entry condition fail (empty without a trace)."""
        return tuple(b for b in self.entry.blockers() if b.effect is Verdict.UNMET)

    @property
    def unknown(self) -> tuple[Blocker, ...]:
        """The leaves that leave the entry condition undecided (empty without a trace)."""
        return tuple(b for b in self.entry.blockers() if b.effect is Verdict.UNKNOWN)

    @property
    def phase_id(self) -> str:
        """The phase's id."""
        return self.phase.id

    def __bool__(self) -> bool:  # a report, not only its obligations: truthy even with none
        return True

    def _rows(self) -> tuple[ObligationReport, ...]:
        return self.obligations

    def _id(self, row: ObligationReport) -> str:
        return row.obligation.id

    def explain(self) -> str:
        """An indented why / why-not naming the points of the plan involved.

        Returns:
            The lines, joined.
        """
        from .explain import explain_phase

        return explain_phase(self)

    def to_pandas(self, table: str = "obligations") -> pd.DataFrame:
        """The phase as a DataFrame.

        Needs the ``pandas`` extra.

        Args:
            table: ``"obligations"`` (a row per obligation, with its status), ``"phases"`` (one
                row of verdicts) or ``"preconditions"`` (the trace of the entry condition).

        Returns:
            The table.

        Raises:
            MissingExtraError: if pandas is not installed.
            InvalidValueError: if *table* names no table of the report.
        """
        return _ports.tables().to_pandas(self, table)


@attrs.frozen
class PlanReport(NotebookDisplay, Value, Keyed[PhaseReport]):
    """Every phase's report and every obligation's standing in one state.

    *names* are the plan's parties' display names by id, which its lines use.
    """

    version: str
    title: str
    phases: tuple[PhaseReport, ...]
    names: Mapping[str, str] = attrs.field(default=FrozenMap(), eq=False, repr=False)

    def phase(self, phase_id: str) -> PhaseReport:
        """The report of one phase (as ``report[phase_id]``).

        Args:
            phase_id: the phase's id.

        Returns:
            The phase's report.

        Raises:
            UnknownIdError: if the report has no such phase (a KeyError).
        """
        return self[phase_id]

    @property
    def obligations(self) -> tuple[ObligationReport, ...]:
        """Every obligation's report, phase by phase."""
        return tuple(o for r in self.phases for o in r.obligations)

    def _rows(self) -> tuple[PhaseReport, ...]:
        return self.phases

    def _id(self, row: PhaseReport) -> str:
        return row.phase.id

    def explain(self) -> str:
        """The readable report printed by ``gazaplan report``.

        Returns:
            A summary table of the phases and obligations, then each phase.
        """
        from .explain import explain_plan

        return explain_plan(self)

    def to_pandas(self, table: str = "phases") -> pd.DataFrame:
        """The report as a DataFrame.

        Needs the ``pandas`` extra.

        Args:
            table: ``"phases"`` (a row per phase, with its verdicts) or ``"obligations"`` (a row
                per obligation, with its status).

        Returns:
            The table.

        Raises:
            MissingExtraError: if pandas is not installed.
            InvalidValueError: if *table* names no table of the report.
        """
        return _ports.tables().to_pandas(self, table)


def check_state(plan: Plan, state: State) -> None:
    """Refuse a state that names parties or lines the plan does not have.

    The same check as :meth:`Plan.check_state <gazaplan.core.plans.Plan.check_state>`.

    Args:
        plan: the plan.
        state: the state to check.

    Raises:
        UnknownPartyError: if a per-party fact names a party not in the plan.
        UnknownIdError: if ``idf_line`` names no line of the plan.
    """
    plan.check_state(state)


_INDEX = {id(Verdict.MET): 0, id(Verdict.UNMET): 1, id(Verdict.UNKNOWN): 2}
_STATUS = tuple(status_of(t, d) for t in Verdict for d in Verdict)  # indexed like _INDEX


class _Fast:
    """A plan compiled for trace-less checks.

    Each distinct condition is compiled once and evaluated once per state (many obligations
    share a trigger); the trace-less results are built once and shared, indexed by verdict.
    """

    __slots__ = ("functions", "names", "phases")

    def __init__(self, plan: Plan) -> None:
        self.names = _names_of(plan)
        slots: dict[int, int] = {}
        self.functions: list[Callable[[State], Verdict]] = []

        def slot(cond: Condition) -> int:
            if id(cond) not in slots:
                slots[id(cond)] = len(self.functions)
                self.functions.append(compiled(cond, plan))
            return slots[id(cond)]

        def shared(cond: Condition) -> list[Evaluation]:
            return [bare(cond, v, plan) for v in Verdict]

        self.phases = []
        for phase in plan.phases:
            obligations = []
            for o in phase.obligations:
                trig, done = shared(o.trigger), shared(o.completion)
                reports = [
                    ObligationReport(o, phase.id, t, d, self.names) for t in trig for d in done
                ]
                obligations.append((slot(o.trigger), slot(o.completion), reports))
            self.phases.append(
                (
                    phase,
                    (slot(phase.entry), shared(phase.entry)),
                    (slot(phase.completion), shared(phase.completion)),
                    obligations,
                    _provisions(plan, phase),
                )
            )

    def check(self, state: State) -> tuple[PhaseReport, ...]:
        index = _INDEX
        v = [index[id(f(state))] for f in self.functions]
        out = []
        for phase, (entry_slot, entries), (done_slot, dones), obligations, points in self.phases:
            obs = tuple(reports[v[t] * 3 + v[d]] for t, d, reports in obligations)
            entry = entries[v[entry_slot]]
            done = dones[v[done_slot]]
            out.append(PhaseReport(phase, entry.verdict, entry, done, obs, points, self.names))
        return tuple(out)


def _provisions(plan: Plan, phase: Phase) -> tuple[int, ...]:
    def collect() -> tuple[int, ...]:
        points = set(phase.provisions)
        pending, seen = [phase.entry], set()
        while pending:
            for node in walk(pending.pop()):
                point = getattr(node, "point", None)
                if point is not None:
                    points.add(point)
                for named in node.phases():
                    if named not in seen:
                        seen.add(named)
                        pending.append(plan.phase(named).completion)
        return tuple(sorted(points))

    return plan._cache.form("provisions", phase, None, collect)


class _Traced:
    """A plan compiled for traced checks: one tracer per condition, shared sub-traces."""

    __slots__ = ("names", "phases")

    def __init__(self, plan: Plan) -> None:
        self.names = _names_of(plan)
        self.phases = [
            (
                phase,
                tracer(phase.entry, plan),
                tracer(phase.completion, plan),
                [
                    (o, tracer(o.trigger, plan), tracer(o.completion, plan))
                    for o in phase.obligations
                ],
                _provisions(plan, phase),
            )
            for phase in plan.phases
        ]

    def check(self, state: State, only: Phase | None = None) -> tuple[PhaseReport, ...]:
        memo: dict[object, Evaluation] = {}  # one memo: shared sub-conditions are traced once
        names = self.names
        out = []
        for phase, entry_of, done_of, obligations, points in self.phases:
            if only is not None and phase is not only:
                continue
            pid = phase.id
            obs = tuple(
                [
                    ObligationReport(o, pid, trig_of(state, memo), comp_of(state, memo), names)
                    for o, trig_of, comp_of in obligations
                ]
            )
            entry = entry_of(state, memo)
            done = done_of(state, memo)
            out.append(PhaseReport(phase, entry.verdict, entry, done, obs, points, names))
        return tuple(out)


def _names_of(plan: Plan) -> Mapping[str, str]:
    """The plan's parties' display names by id, derived once per plan.

    Args:
        plan: the plan.

    Returns:
        Party id -> display name.
    """
    found: Mapping[str, str] = plan._cache.derive("party_names", lambda: party_names(plan))
    return found


def _compiled_plan(plan: Plan, kind: type[_T]) -> _T:
    return plan._cache.derive(kind.__name__, lambda: kind(plan))


def _arguments(function: str, plan: object, state: object) -> None:
    check.need_type(plan, Plan, f"{function}(plan)", "Pass a Plan, such as gazaplan.plan().")
    check.need_type(
        state, State, f"{function}(state)", "Pass a State, such as gazaplan.State.initial(plan)."
    )


def check_phase(plan: Plan, phase_id: str, state: State, *, trace: bool = True) -> PhaseReport:
    """Check phase *phase_id*'s preconditions, completion and obligations in *state*.

    Args:
        plan: the plan (or a variant of it).
        phase_id: such as ``"phase-1"``.
        state: the facts.
        trace: if False, verdicts only (faster; no blockers or explanation detail).

    Returns:
        The phase's report, with the verdicts on its preconditions and completion and the standing
        of each of its obligations.

    Raises:
        InvalidValueError: *plan*, *phase_id* or *state* is not of its type.
        UnknownPhaseError: no such phase (a KeyError); the message lists the known ids.
        UnknownPartyError: the state names a party the plan lacks.
        UnknownIdError: the state names a line the plan lacks.
    """
    _arguments("check_phase", plan, state)
    check.need_type(phase_id, str, "check_phase(phase_id)", "Pass a phase id such as 'phase-1'.")
    phase = plan.phase(phase_id)
    check_state(plan, state)
    if not trace:
        return _compiled_plan(plan, _Fast).check(state)[plan.phases.index(phase)]
    return _compiled_plan(plan, _Traced).check(state, only=phase)[0]


def check_plan(plan: Plan, state: State, *, trace: bool = True) -> PlanReport:
    """Check every phase and every obligation of a plan in a state.

    Args:
        plan: the plan (or a variant of it).
        state: the facts.
        trace: if False, verdicts only (faster; no blockers or explanation detail).

    Returns:
        The report of every phase, in the plan's order.

    Raises:
        UnknownPartyError: the state names a party the plan lacks.
        UnknownIdError: the state names a line the plan lacks.
    """
    _arguments("check_plan", plan, state)
    check_state(plan, state)
    checker: _Fast | _Traced = (
        _compiled_plan(plan, _Traced) if trace else _compiled_plan(plan, _Fast)
    )
    phases = checker.check(state)
    return PlanReport(version=plan.version, title=plan.title, phases=phases, names=_names_of(plan))
