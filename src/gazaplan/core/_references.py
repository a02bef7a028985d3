"""Every reference in a plan resolves: :func:`check_references`, run when a :class:`~gazaplan.Plan`
is built.

Parties, points, phases, terms and lines named anywhere in the plan must exist; deadlines that name
a term must find hours there; phase completions may not depend on each other in a circle, and no
condition may nest deeper than :data:`~gazaplan.core.conditions.MAX_DEPTH` once the phases it names are
counted in. Errors say where the name was used and what was meant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..exceptions import (
    InvalidPlanError,
    UnknownIdError,
    UnknownPartyError,
    UnknownPhaseError,
    UnknownTermError,
)
from ..truth import UNKNOWN
from . import _checks as check
from .conditions import (
    MAX_DEPTH,
    Condition,
    Term,
    depth,
    facts_read,
    phases_named,
    terms_named,
    walk,
)
from .state import State, spec_of

if TYPE_CHECKING:
    from .plans import Plan

__all__ = ["check_condition", "check_references"]


def check_condition(plan: Plan, cond: Condition, where: str) -> None:
    """Refuse a condition naming a party, term, phase, point or line *plan* does not have; the
    error names *where* (``"phase 'perimeter' entry"``, ``"invariant 'x'"``)."""
    parties = {p.id for p in plan.parties}
    points = {p.number for p in plan.provisions}
    phases = {p.id for p in plan.phases}
    lines = {line.id for line in plan.lines}
    for fact in facts_read(cond):
        _, named = spec_of(fact)
        if named is not None and named not in parties:
            raise UnknownPartyError(named, parties, where=f"{where}, fact {fact!r}")
    for path in terms_named(cond):
        try:
            plan.term(path)
        except UnknownTermError as e:
            raise UnknownTermError(path, e.known, where=where) from None
    for node in walk(cond):
        n = getattr(node, "point", None)
        if n is not None and n not in points:
            raise UnknownIdError(
                str(n), [str(p) for p in sorted(points)], where=f"{where} (provision)"
            )
        for named in node.phases():
            if named not in phases:
                raise UnknownPhaseError(named, phases, where=where)
        if node.reads()[:1] == ("idf_line",):  # a line named must be one of the plan's
            value = node.operand()
            values = value if isinstance(value, frozenset) else {value}
            for v in values - {None}:
                if v not in lines:
                    raise UnknownIdError(str(v), lines, where=f"{where}, withdrawal line")


def check_references(plan: Plan) -> None:
    """Refuse a plan any of whose references names nothing (see the module docstring)."""
    parties = {p.id for p in plan.parties}
    points = {p.number for p in plan.provisions}
    lines = {line.id for line in plan.lines}

    def need_party(party: str, where: str) -> None:
        if party not in parties:
            raise UnknownPartyError(party, parties, where=where)

    def need_point(n: int | None, where: str) -> None:
        if n is not None and n not in points:
            raise UnknownIdError(
                str(n), [str(p) for p in sorted(points)], where=f"{where} (provision)"
            )

    for prov in plan.provisions:
        for party in prov.binds:
            need_party(party, f"provision {prov.number} binds")
    for pos in plan.positions:
        need_party(pos.party, "position")
    for phase in plan.phases:
        for n in phase.provisions:
            need_point(n, f"phase {phase.id!r}")
        for o in phase.obligations:
            need_point(o.provision, f"obligation {o.id!r}")
            for party in (*o.obligors, *o.owed_to):
                need_party(party, f"obligation {o.id!r}")
    seen_obligations: set[str] = set()
    for o in plan.obligations():
        if o.id in seen_obligations:
            raise InvalidPlanError(f"two obligations share the id {o.id!r}; give each its own id")
        seen_obligations.add(o.id)

    obligation_ids = {o.id for o in plan.obligations()}
    stated: list[tuple[str, Condition]] = []
    for pos in plan.positions:
        where = f"position of {pos.party!r} ({pos.as_of})"
        if pos.obligation and pos.obligation not in obligation_ids:
            raise UnknownIdError(pos.obligation, obligation_ids, where=f"{where}, obligation")
        if pos.only_if is not None:
            stated.append((f"{where}, only_if", pos.only_if))
    for where, cond in (*plan.conditions(), *stated):
        check_condition(plan, cond, where)
    for o in plan.obligations():
        hours = o.deadline.hours if o.deadline is not None else None
        if isinstance(hours, Term):
            try:
                value = plan.term(hours.path).value
            except UnknownTermError as e:
                raise UnknownTermError(
                    hours.path, e.known, where=f"obligation {o.id!r} deadline"
                ) from None
            if value is not UNKNOWN and not (
                check.bounded_number(value) and 0 < value <= check.MAX_HOURS
            ):
                raise InvalidPlanError(
                    f"obligation {o.id!r} deadline: the term {hours.path} is {value!r}, not a "
                    f"number of hours above 0 and at most {check.MAX_HOURS:,}; set the term to "
                    "such a number, or give the deadline its own hours"
                )
    _check_phase_graph(plan)

    facts: dict[str, Any] = {}
    for f in plan.initial_facts:
        _, named = spec_of(f.fact)
        if named is not None:
            need_party(named, f"initial fact {f.fact!r}")
        if f.fact == "idf_line" and f.value not in lines:
            raise UnknownIdError(str(f.value), lines, where="initial fact 'idf_line'")
        facts[f.fact] = f.value
    State.from_facts(facts)  # raises InvalidValueError naming the field if a value is wrong


def _check_phase_graph(plan: Plan) -> None:
    """Refuse phases whose completions depend on each other in a circle, and conditions that nest
    deeper than MAX_DEPTH once the phases a ``PhaseComplete`` names are counted in. Iterative: a
    plan may have thousands of phases."""
    graph = {p.id: sorted(phases_named(p.completion)) for p in plan.phases}
    order: list[str] = []  # dependencies first
    state: dict[str, int] = {}
    for root in sorted(graph):
        if root in state:
            continue
        state[root], trail, stack = 1, [root], [(root, iter(graph[root]))]
        while stack:
            node, rest = stack[-1]
            nxt = next(rest, None)
            if nxt is None:
                stack.pop()
                trail.pop()
                state[node] = 2
                order.append(node)
            elif state.get(nxt) == 1:
                cycle = " -> ".join([*trail[trail.index(nxt) :], nxt])
                raise InvalidPlanError(
                    f"phase completions depend on each other in a circle: {cycle}; "
                    "remove one PhaseComplete from that chain"
                )
            elif nxt not in state:
                state[nxt] = 1
                trail.append(nxt)
                stack.append((nxt, iter(graph[nxt])))
    completions = {p.id: p.completion for p in plan.phases}
    reach: dict[str, int] = {}
    for pid in order:
        reach[pid] = depth(completions[pid], phases=reach)
    for where, cond in plan.conditions():
        levels = depth(cond, phases=reach)
        if levels > MAX_DEPTH:
            raise InvalidPlanError(
                f"{where} nests {levels} levels deep, counting the phases it names with "
                f"PhaseComplete; the limit is {MAX_DEPTH}. Shorten the chain of phases, or refer "
                "to the facts directly"
            )
