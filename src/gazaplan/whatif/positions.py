"""The parties' stated positions as a plan: :func:`under_positions` adds each condition a party
puts on an obligation it owes to that obligation's trigger, as an amendment
(:func:`positions_amendment`) a scenario file can name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..core.amendments import Amendment, SetCondition, amend
from ..core.conditions import AllOf
from ..core.plans import Plan
from ..core.records import Position
from ..core.sources import cite

__all__ = ["positions_amendment", "stated_conditions", "under_positions"]


def stated_conditions(plan: Plan, on: dt.date | None = None) -> tuple[Position, ...]:
    """The positions of a plan that put a condition on an obligation.

    They are the ones :func:`under_positions` applies.

    Args:
        plan: the plan (its ``positions`` are the ones read).
        on: only positions holding on this day (None: every conditional position).

    Returns:
        The positions, in the plan's order (oldest first).
    """
    return tuple(
        p
        for p in plan.positions
        if p.obligation and p.only_if is not None and (on is None or p.holds_at(on))
    )


def under_positions(
    plan: Plan, *, on: dt.date | None = None, parties: Iterable[str] | None = None
) -> Plan:
    """A plan as the parties' stated positions would have it.

    Each condition a party puts on an obligation it owes (``Position.only_if``) is added to that
    obligation's trigger, so the obligation falls due only once the condition holds too. Check,
    comply or compare on the result as on any plan; each added condition is labelled with who
    states it, when, and where.

    Unconditional refusals change no trigger: they are listed by ``plan.positions`` and worded
    by :meth:`~gazaplan.core.records.Position.statement`.

    Args:
        plan: the plan (its ``positions`` are the ones used).
        on: only positions holding on this day (default: every conditional position).
        parties: only these parties' positions (default: every party's).

    Returns:
        The amended plan, or *plan* itself where no position puts a condition.

    Raises:
        UnknownIdError: if a position names an obligation the plan does not have.
    """
    change = positions_amendment(plan, on=on, parties=parties)
    return plan if change is None else amend(plan, change)


def positions_amendment(
    plan: Plan, *, on: dt.date | None = None, parties: Iterable[str] | None = None
) -> Amendment | None:
    """The amendment :func:`under_positions` makes, so that a scenario file can say it.

    A scenario file writes it as ``amendments = [...]``.

    Args:
        plan: the plan (its ``positions`` are the ones used).
        on: only positions holding on this day (default: every conditional position).
        parties: only these parties' positions (default: every party's).

    Returns:
        The amendment, a condition replaced per obligation, or None where no position puts a
        condition.

    Raises:
        UnknownIdError: if a position names an obligation the plan does not have.
    """
    wanted = None if parties is None else set(parties)
    chosen = [p for p in stated_conditions(plan, on) if wanted is None or p.party in wanted]
    by_obligation: dict[str, list[Position]] = {}
    for p in chosen:
        by_obligation.setdefault(p.obligation, []).append(p)
    edits = []
    for obligation_id, held in by_obligation.items():
        o = plan.obligation(obligation_id)
        stated = tuple(
            AllOf(
                (p.only_if,),
                point=o.provision,
                label=f"as {p.party} states ({p.as_of or 'undated'}) {cite(p.sources)}",
            )
            for p in held
            if p.only_if is not None
        )
        edits.append(
            SetCondition(
                f"{obligation_id}.trigger",
                AllOf(
                    (o.trigger, *stated),
                    point=o.provision,
                    label=f"{o.trigger.label or 'its trigger'}, and the conditions its obligors state",
                ),
            )
        )
    if not edits:
        return None
    sources = tuple(dict.fromkeys(s for p in chosen for s in p.sources))
    return Amendment(
        version=f"{plan.version}+positions",
        title=f"{plan.title}, under the parties' stated positions",
        edits=tuple(edits),
        date=on or plan.date,
        rationale="Each obligation falls due only once the conditions its obligors state hold.",
        sources=sources,
    )
