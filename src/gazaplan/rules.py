"""The rule functions: :func:`check_phase` and :func:`check_plan`, and the reports they return.

``check_phase`` answers "are this phase's preconditions met in this state, and if not, what
exactly is missing, under which point?"; ``check_plan`` does so for every phase and reports
every obligation's standing. Reports explain themselves with ``explain()``.
"""

from __future__ import annotations

import enum

import attrs

from .evaluation import Blocker, Evaluation, evaluate
from .exceptions import UnknownIdError, UnknownPartyError
from .obligations import Obligation, Phase
from .plan import Plan
from .state import State
from .truth import UNKNOWN, Verdict

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
    """An obligation's standing in one state (timelines add deadlines: see the time features)."""

    NOT_TRIGGERED = "not triggered"
    OWED = "owed"
    FULFILLED = "fulfilled"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value


def status_of(trigger: Verdict, completion: Verdict) -> ObligationStatus:
    """FULFILLED if done (even before it fell due), NOT_TRIGGERED if not due, OWED if due and
    not done, UNKNOWN when the facts do not decide."""
    if completion is Verdict.MET:
        return ObligationStatus.FULFILLED
    if trigger is Verdict.UNMET:
        return ObligationStatus.NOT_TRIGGERED
    if trigger is Verdict.MET and completion is Verdict.UNMET:
        return ObligationStatus.OWED
    return ObligationStatus.UNKNOWN


@attrs.frozen
class ObligationReport:
    """One obligation's standing, with the evaluations of its trigger and completion."""

    obligation: Obligation
    phase_id: str
    status: ObligationStatus
    trigger: Evaluation
    completion: Evaluation

    @property
    def early(self) -> bool:
        """True if fulfilled while its trigger was not (yet) MET."""
        return self.status is ObligationStatus.FULFILLED and self.trigger.verdict is not Verdict.MET

    def explain(self) -> str:
        """A readable account of why the obligation stands as it does."""
        from .explain import explain_obligation

        return explain_obligation(self)


@attrs.frozen
class PhaseReport:
    """Whether a phase's preconditions hold in a state, and why.

    Attributes:
        phase: the phase.
        verdict: the verdict on its entry condition (its stated preconditions).
        entry: the traced evaluation of the entry condition.
        completion: the traced evaluation of its completion condition.
        obligations: the standing of each of its obligations.
        unmet: the leaves that make the entry condition fail.
        unknown: the leaves that leave it undecided.
        provisions: the plan points involved (the phase's own and those in the entry trace).
    """

    phase: Phase
    verdict: Verdict
    entry: Evaluation
    completion: Evaluation
    obligations: tuple[ObligationReport, ...]
    unmet: tuple[Blocker, ...]
    unknown: tuple[Blocker, ...]
    provisions: tuple[int, ...]

    @property
    def phase_id(self) -> str:
        """The phase's id."""
        return self.phase.id

    def explain(self) -> str:
        """An indented why / why-not naming the points of the plan involved."""
        from .explain import explain_phase

        return explain_phase(self)


@attrs.frozen
class PlanReport:
    """Every phase's report and every obligation's standing in one state."""

    version: str
    title: str
    phases: tuple[PhaseReport, ...]

    def phase(self, phase_id: str) -> PhaseReport:
        """The report for *phase_id*."""
        for r in self.phases:
            if r.phase.id == phase_id:
                return r
        raise UnknownIdError(phase_id, [r.phase.id for r in self.phases], where="PlanReport.phase")

    @property
    def obligations(self) -> tuple[ObligationReport, ...]:
        """Every obligation's report, phase by phase."""
        return tuple(o for r in self.phases for o in r.obligations)

    def explain(self) -> str:
        """The readable report printed by ``gazaplan report``."""
        from .explain import explain_plan

        return explain_plan(self)


def check_state(plan: Plan, state: State) -> None:
    """Refuse a state that names parties or lines the plan does not have.

    Raises:
        UnknownPartyError: a per-party fact names a party not in the plan.
        UnknownIdError: ``idf_line`` names no line of the plan.
    """
    parties = {p.id for p in plan.parties}
    for field, prefix in (("responses", "response"), ("established", "established")):
        for party in getattr(state, field):
            if party not in parties:
                raise UnknownPartyError(party, parties, where=f"State.{field} ({prefix}.{party})")
    line = state.idf_line
    if line is not UNKNOWN and line not in {x.id for x in plan.lines}:
        raise UnknownIdError(
            line, [x.id for x in plan.lines], where="State.idf_line (withdrawal line)"
        )


def _phase_report(plan: Plan, phase: Phase, state: State, trace: bool) -> PhaseReport:
    entry = evaluate(phase.entry, state, plan=plan, trace=trace)
    completion = evaluate(phase.completion, state, plan=plan, trace=trace)
    obligations = []
    for o in phase.obligations:
        trig = evaluate(o.trigger, state, plan=plan, trace=trace)
        done = evaluate(o.completion, state, plan=plan, trace=trace)
        obligations.append(
            ObligationReport(o, phase.id, status_of(trig.verdict, done.verdict), trig, done)
        )
    blockers = entry.blockers() if trace else ()
    points = set(phase.provisions) | set(entry.points())
    return PhaseReport(
        phase=phase,
        verdict=entry.verdict,
        entry=entry,
        completion=completion,
        obligations=tuple(obligations),
        unmet=tuple(b for b in blockers if b.effect is Verdict.UNMET),
        unknown=tuple(b for b in blockers if b.effect is Verdict.UNKNOWN),
        provisions=tuple(sorted(points)),
    )


def check_phase(plan: Plan, phase_id: str, state: State, *, trace: bool = True) -> PhaseReport:
    """Check phase *phase_id*'s preconditions, completion and obligations in *state*.

    Args:
        plan: the plan (or a variant of it).
        phase_id: such as ``"phase-1"``.
        state: the facts.
        trace: if False, verdicts only (faster; no blockers or explanation detail).

    Raises:
        UnknownPhaseError: no such phase (a KeyError); the message lists the known ids.
        UnknownPartyError, UnknownIdError: the state names parties or lines the plan lacks.
    """
    phase = plan.phase(phase_id)
    check_state(plan, state)
    return _phase_report(plan, phase, state, trace)


def check_plan(plan: Plan, state: State, *, trace: bool = True) -> PlanReport:
    """Check every phase and every obligation of *plan* in *state*."""
    check_state(plan, state)
    return PlanReport(
        version=plan.version,
        title=plan.title,
        phases=tuple(_phase_report(plan, p, state, trace) for p in plan.phases),
    )
