"""The structure report: :func:`analyse` puts the plan's structural analysis together for one
state: the dependency graph, the cycles of mutual conditions, the veto players and sufficient
coalitions of every phase and obligation, the smallest sets of changes that would make each of
them MET, and which unknown facts matter most. ``gazaplan analyse`` prints it; the HTML report
and the tour notebook show it. Its words name parties, facts and targets as
:mod:`gazaplan.core.words` does, with a fact's or target's id beside its words; its data
(:meth:`StructureReport.to_json`) keeps the ids.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from ..core import _checks as check
from ..core._frozenmap import FrozenMap
from ..core._results import NotebookDisplay
from ..core.control import NONE_IDENTIFIED, Controls
from ..core.explain import plural
from ..core.plans import Plan
from ..core.state import State
from ..core.words import fact_name, named, parties_text, verdict_words
from ..exceptions import UnknownIdError
from ..truth import Verdict
from ._structure import Structure
from .graphs import Graph, graph
from .implicants import Information, Paths, bundled_controls, called, names_of, paths_to, targets
from .implicants import value_of_information as _value_of_information
from .vetoes import Vetoes, veto_players
from .waits import Cycle, cycles

__all__ = ["StructureReport", "analyse", "next_phase"]


@attrs.frozen
class StructureReport(NotebookDisplay):
    """The plan's structural analysis from one state.

    Attributes:
        plan_version: the plan judged.
        positions: whether the parties' stated positions were taken into account.
        next_phase: the first phase (in the plan's order) whose entry is not MET, or the phase
            asked for; None if every phase has opened.
        graph: the dependency graph.
        cycles: obligations of two or more parties that wait on each other.
        vetoes: for each phase's entry and completion and each obligation's completion.
        paths: the smallest sets of changes making each of those MET (complete up to the limit).
        information: the unknown facts whose learning alone could settle a verdict, ranked.
        names: the words of the parties, facts and targets by id
            (:func:`~gazaplan.analysis.implicants.names_of`), which its lines use.
    """

    plan_version: str
    positions: bool
    next_phase: str | None
    graph: Graph
    cycles: tuple[Cycle, ...]
    vetoes: tuple[Vetoes, ...]
    paths: tuple[Paths, ...]
    information: tuple[Information, ...]
    names: Mapping[str, str] = attrs.field(default=FrozenMap(), eq=False, repr=False)

    def vetoes_of(self, target: str) -> Vetoes:
        """The veto players of one target.

        Args:
            target: the target's full name, such as ``"phase-2.entry"``.

        Returns:
            The target's veto players and sufficient coalitions.

        Raises:
            UnknownIdError: the report has no such target (the message lists its targets;
                triggers are not analysed).
        """
        for v in self.vetoes:
            if v.target == target:
                return v
        raise UnknownIdError(target, [v.target for v in self.vetoes], where="vetoes_of")

    def paths_of(self, target: str) -> Paths:
        """The smallest sets of changes that make one target MET.

        Args:
            target: the target's full name, such as ``"phase-2.entry"``.

        Returns:
            The target's sets of changes.

        Raises:
            UnknownIdError: the report has no such target (the message lists its targets;
                triggers are not analysed).
        """
        for p in self.paths:
            if p.target == target:
                return p
        raise UnknownIdError(target, [p.target for p in self.paths], where="paths_of")

    def explain(self) -> str:
        """The report in words (what ``gazaplan analyse`` prints).

        Returns:
            The mutual conditions, what must happen for the next phase, the veto players of each
            target and the unknown facts that matter most; parties by name, facts and targets
            in words with their ids.
        """
        used = "with" if self.positions else "without"
        out = [
            f"Structure of plan version {self.plan_version} ({used} the parties' stated positions)",
            "",
        ]
        out.append(f"Mutual conditions: {len(self.cycles) or 'none found'}")
        out += ["  " + line for c in self.cycles for line in c.explain().splitlines()]
        if self.next_phase is not None:
            for aspect in ("entry", "completion"):
                name = f"{self.next_phase}.{aspect}"
                paths, vetoes = self.paths_of(name), self.vetoes_of(name)
                now = verdict_words(paths.now)
                out += ["", f"What must happen for {called(self.names, name)}, now {now}:"]
                out += ["  " + line for line in paths.explain(heading=False).splitlines()]
                out += ["  " + line for line in vetoes.explain(heading=False).splitlines()]
        out += ["", "Veto players (parties whose refusal alone blocks each target):"]
        for v in self.vetoes:
            sure, maybe = v.players, v.possible_players
            if sure or maybe:
                extra = f"; possibly {parties_text(self.names, maybe)}" if maybe else ""
                who = parties_text(self.names, sure, none="none for certain")
                now = verdict_words(v.now)
                out.append(f"  {called(self.names, v.target)}, now {now}: {who}{extra}")
        out += ["", "Unknown facts that matter most (verdicts learning each alone could settle):"]
        out += [
            f"  {named(i.question or fact_name(i.fact), i.fact)}: could settle "
            f"{plural(i.settles, 'verdict')}"
            for i in self.information[:10]
        ] or ["  none found"]
        out += [
            "",
            (
                f"Facts no party is identified as controlling are shown as "
                f"'{NONE_IDENTIFIED}' and left free; each control cites its point."
            ),
        ]
        return "\n".join(out) + "\n"

    def to_json(self) -> dict[str, Any]:
        """The report as plain data (what ``gazaplan analyse --json`` prints).

        Returns:
            Dicts, lists, text, numbers and bools only, ready for :func:`json.dumps`.
        """
        return {
            "plan_version": self.plan_version,
            "positions": self.positions,
            "next_phase": self.next_phase,
            "cycles": [
                {"obligations": list(c.obligations), "parties": list(c.parties),
                 "points": list(c.points),
                 "links": [{"waiter": k.waiter, "holder": k.holder, "facts": list(k.facts),
                            "because": k.because} for k in c.links]}
                for c in self.cycles
            ],
            "vetoes": [
                {"target": v.target, "now": str(v.now), "free": list(v.free),
                 "vetoes": [{"party": x.party, "verdict": str(x.verdict), "fixed": list(x.fixed)}
                            for x in v],
                 "coalitions": [{"parties": list(c.parties), "verdict": str(c.verdict)}
                                for c in v.coalitions]}
                for v in self.vetoes
            ],
            "paths": [
                {"target": p.target, "now": str(p.now), "to": str(p.to), "limit": p.limit,
                 "sets": [[{"fact": c.fact, "now": c.now, "needs": list(c.needs),
                            "example": c.example, "controlled_by": list(c.controlled_by),
                            "points": list(c.points)} for c in s.changes] for s in p]}
                for p in self.paths
            ],
            "information": [
                {"fact": i.fact, "settles": i.settles,
                 "flips": [{"target": t, "if": v, "becomes": str(b)} for t, v, b in i.flips]}
                for i in self.information
            ],
        }  # fmt: skip


def next_phase(plan: Plan, state: State) -> str | None:
    """The next phase to open.

    Args:
        plan: the plan.
        state: the state.

    Returns:
        The id of the first phase, in the plan's order, whose entry is not MET in *state*; None
        if every one is.
    """
    s = Structure(plan, state)
    return next((p.id for p in plan.phases if s.verdict(p.entry) is not Verdict.MET), None)


def analyse(
    plan: Plan, state: State, *, positions: bool = True, on: dt.date | None = None,
    phase: str | None = None, limit: int = 8, controls: Controls | None = None,
) -> StructureReport:  # fmt: skip
    """The structure report for a plan from a state.

    With *positions*, the parties' stated positions join the graph and the cycles, and
    obligations are judged as those positions would have them
    (:func:`~gazaplan.whatif.under_positions`).

    Args:
        plan: the plan.
        state: the state.
        positions: whether the parties' stated positions are taken into account.
        on: only positions holding on this day (None: every position).
        phase: the phase whose way forward is shown (None: the next to open).
        limit: the largest set of changes looked for, in facts.
        controls: the table of who controls each fact (None: the bundled table).

    Returns:
        The report, with the graph, the cycles, the veto players and smallest sets of changes of
        each target, and the unknown facts that matter most.

    Raises:
        UnknownPhaseError: if *phase* names no phase of the plan.
        InvalidValueError: if *limit* is negative.
    """
    check.need_type(plan, Plan, "analyse(plan)", check.PLAN_FIX)
    check.need_type(state, State, "analyse(state)", check.STATE_FIX)
    table = bundled_controls(controls)
    judged = plan
    if positions and any(p.only_if is not None for p in plan.positions):
        from ..whatif.positions import under_positions

        judged = under_positions(plan, on=on)
        names_of(judged, like=plan)  # the same parties, phases and obligations: the same words
    if phase is not None:
        plan.phase(phase.partition(".")[0])  # raises, listing the phases
    s = Structure(judged, state)
    opened = (p.id for p in judged.phases if s.verdict(p.entry) is not Verdict.MET)
    chosen = phase.partition(".")[0] if phase else next(opened, None)
    names = [t for t in targets(judged) if not t.endswith(".trigger")]
    vetoes = tuple(veto_players(judged, t, state, controls=table, structure=s) for t in names)
    paths = tuple(
        paths_to(judged, t, state, limit=limit, controls=table, structure=s) for t in names
    )
    return StructureReport(
        plan.version, positions, chosen,
        graph(plan, positions=positions, on=on, controls=table),
        cycles(plan, positions=positions, on=on), vetoes, paths,
        _value_of_information(judged, state, structure=s), names_of(plan),
    )  # fmt: skip
