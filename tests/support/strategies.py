"""Hypothesis generators for the tests, beyond the public ``gazaplan.strategies``.

Conditions and timelines come from the public module (re-exported here); this module adds full
states and information-ordered pairs of states. They build valid values (no ``.filter``).
Full states are generated with every fact known; ``hide`` then turns a chosen subset of facts
UNKNOWN, which gives a pair of states ordered by information for the monotonicity law.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.strategies import T0, conditions, known_values, timelines

__all__ = ["PLAN", "T0", "conditions", "full_states", "hide", "state_pairs", "states", "timelines"]

PLAN = gp.plan("2025-09-29")


def _read_per_party() -> dict[str, tuple[str, ...]]:
    """For each per-party fact, the parties some condition of a bundled version reads it for,
    plus one it never reads (so unread entries are present too)."""
    from gazaplan.core.conditions import facts_read

    read: dict[str, set[str]] = {}
    for version in gp.versions():
        for _, condition in gp.plan(version).conditions():
            for fact in facts_read(condition):
                base, dot, party = fact.partition(".")
                if dot:
                    read.setdefault(base, set()).add(party)
    return {
        spec.id: (*sorted(read.get(spec.id, ())), "us")
        for spec in gp.FACTS.values()
        if spec.per_party
    }


# A "full" state knows every fact a condition can read; per-party facts are drawn for the parties
# the conditions name (drawing all nineteen parties' entries tripled the cost of a draw).
PER_PARTY = _read_per_party()
LINE_IDS = tuple(line.id for line in PLAN.lines)
SETTABLE = tuple(s for s in gp.FACTS.values() if not s.derived)


def _value(spec: gp.FactSpec) -> st.SearchStrategy[Any]:
    return known_values(spec, PLAN)


@st.composite
def full_states(draw: st.DrawFn) -> gp.State:
    """A state of the bundled plan in which every fact is known and consistent."""
    fields: dict[str, Any] = {}
    for spec in SETTABLE:
        if spec.per_party:
            fields[spec.field] = {p: draw(_value(spec)) for p in PER_PARTY[spec.id]}
        else:
            fields[spec.field] = draw(_value(spec))
    for start, returned in (
        ("hostages_living_at_start", "hostages_living_returned"),
        ("hostages_deceased_at_start", "hostages_deceased_returned"),
    ):
        fields[start] = draw(st.integers(0, 60))
        fields[returned] = draw(st.integers(0, fields[start]))
    fields["israeli_hostage_remains_returned"] = draw(
        st.integers(0, fields["hostages_deceased_returned"])
    )
    fields["gazan_remains_returned"] = draw(
        st.integers(0, 20 * fields["hostages_deceased_returned"] + 20)
    )
    return gp.State(**fields)


def hide(state: gp.State, facts: frozenset[str]) -> gp.State:
    """A copy of *state* with the named facts (fact ids or per-party prefixes) made UNKNOWN."""
    changes: dict[str, Any] = {}
    for spec in SETTABLE:
        if spec.per_party:
            kept = {
                p: v for p, v in getattr(state, spec.field).items() if f"{spec.id}.{p}" not in facts
            }
            changes[spec.field] = kept
        elif spec.id in facts:
            changes[spec.field] = gp.UNKNOWN
    return attrs.evolve(state, **changes)


def fact_ids(state: gp.State) -> list[str]:
    """Every settable fact id present in *state* (per-party ones for the parties present)."""
    return sorted(k for k in state.facts() if not gp.FACTS[k.partition(".")[0]].derived)


@st.composite
def state_pairs(draw: st.DrawFn) -> tuple[gp.State, gp.State]:
    """(partial, full): *full* knows everything; *partial* hides some of it."""
    full = draw(full_states())
    hidden = draw(st.sets(st.sampled_from(fact_ids(full))))
    return hide(full, frozenset(hidden)), full


def states() -> st.SearchStrategy[gp.State]:
    """Any valid state of the bundled plan, with some facts unknown."""
    return state_pairs().map(lambda pair: pair[0])


UTC = dt.UTC
