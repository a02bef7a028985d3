"""Hypothesis generators for the tests: states and conditions that pass every validator.

They build valid values directly (no ``.filter``) so they shrink well. Full states are generated
with every fact known; ``hide`` then turns a chosen subset of facts UNKNOWN, which gives a pair of
states ordered by information for the monotonicity law.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.facts import FactKind

PLAN = gp.plan("2025-09-29")
PARTY_IDS = tuple(p.id for p in PLAN.parties)
LINE_IDS = tuple(line.id for line in PLAN.lines)
SETTABLE = tuple(s for s in gp.FACTS.values() if not s.derived)


def _value(spec: gp.FactSpec) -> st.SearchStrategy[Any]:
    if spec.kind is FactKind.FLAG:
        return st.booleans()
    if spec.kind is FactKind.COUNT:
        return st.integers(0, 3000)
    if spec.kind is FactKind.NUMBER:
        return st.integers(0, 1000) | st.floats(0, 1000, allow_nan=False)
    if spec.kind is FactKind.PERCENT:
        return st.integers(0, 50) | st.floats(0, 50, allow_nan=False)
    if spec.kind is FactKind.LINE:
        return st.sampled_from(LINE_IDS)
    assert spec.choices is not None
    choices: type[enum.Enum] = spec.choices
    return st.sampled_from(list(choices))


@st.composite
def full_states(draw: st.DrawFn) -> gp.State:
    """A state of the bundled plan in which every fact is known and consistent."""
    fields: dict[str, Any] = {}
    for spec in SETTABLE:
        if spec.per_party:
            fields[spec.field] = {p: draw(_value(spec)) for p in PARTY_IDS}
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


def _leaves(*, known: bool = True) -> st.SearchStrategy[gp.Condition]:
    flags = [s.id for s in SETTABLE if s.kind is FactKind.FLAG and not s.per_party]
    counts = [s.id for s in gp.FACTS.values() if s.kind is FactKind.COUNT]
    about_knowledge = [
        st.builds(
            gp.Known, st.sampled_from(sorted(k for k, s in gp.FACTS.items() if not s.per_party))
        )
    ]
    return st.one_of(
        *(about_knowledge if known else []),
        st.builds(gp.Equals, st.sampled_from(flags), st.booleans()),
        st.builds(gp.AtLeast, st.sampled_from(counts), st.integers(0, 60)),
        st.builds(gp.AtMost, st.sampled_from(counts), st.integers(0, 60)),
        st.builds(gp.OneOf, st.just("idf_line"), st.sets(st.sampled_from(LINE_IDS), min_size=1)),
        st.builds(
            gp.Equals,
            st.sampled_from(["response.israel", "response.hamas"]),
            st.sampled_from(list(gp.Response)),
        ),
    )


def conditions(max_leaves: int = 12, *, known: bool = True) -> st.SearchStrategy[gp.Condition]:
    """Conditions over the bundled plan's facts (no terms or phases: evaluable without a plan).

    With ``known=False`` no ``Known`` leaf is drawn (it asks about information, not the world).
    """
    return st.recursive(
        _leaves(known=known),
        lambda kids: st.one_of(
            st.lists(kids, max_size=4).map(gp.AllOf),
            st.lists(kids, max_size=4).map(gp.AnyOf),
            kids.map(gp.Not),
        ),
        max_leaves=max_leaves,
    )


UTC = dt.UTC
T0 = dt.datetime(2025, 9, 29, 12, tzinfo=dt.timezone(dt.timedelta(hours=3)))


@st.composite
def timelines(draw: st.DrawFn, *, min_size: int = 0, max_size: int = 12) -> gp.Timeline:
    """Valid timelines from the bundled plan's initial state: counts never exceed what is held.

    Built by simulation (no filtering): each step draws a kind of event that can happen now.
    """
    state = gp.State.initial(PLAN)
    n = draw(st.integers(min_size, max_size))
    at = T0
    events = []
    for i in range(n):
        at = at + dt.timedelta(minutes=draw(st.integers(0, 60 * 24 * 5)))
        living_left = state.hostages_living_held
        dead_left = state.hostages_deceased_held
        options: list[st.SearchStrategy[Any]] = [
            st.builds(
                gp.Responded,
                st.sampled_from(["israel", "hamas"]),
                st.sampled_from(list(gp.Response)),
            ),
            st.builds(gp.CeasefireChanged, st.booleans()),
            st.builds(gp.Redeployed, st.sampled_from(LINE_IDS)),
            st.builds(
                gp.PrisonersReleased,
                st.integers(0, 250),
                st.integers(0, 1800),
                st.sampled_from([None, True, False]),
            ),
            st.builds(gp.GazanRemainsReturned, st.integers(0, 60)),
            st.builds(gp.AidDelivered, st.integers(0, 900)),
            st.builds(gp.CrossingChanged, st.sampled_from(list(gp.Crossing))),
            st.builds(
                gp.BodyEstablished,
                st.sampled_from(["board-of-peace", "technocratic-committee", "isf"]),
            ),
            st.builds(
                gp.ViolationAlleged,
                st.sampled_from(["israel", "hamas"]),
                st.sampled_from(["israel", "hamas"]),
                st.just("alleged breach"),
            ),
        ]
        if isinstance(living_left, int) and living_left:
            options.append(st.builds(gp.HostagesReleased, st.integers(1, living_left)))
        if isinstance(dead_left, int) and dead_left:
            count = draw(st.integers(1, dead_left))
            options.append(st.builds(gp.RemainsReturned, st.just(count), st.integers(0, count)))
        change = draw(st.one_of(options))
        event = gp.Event(f"e{i}", at, change, summary="generated")
        state = gp.apply(state, event, plan=PLAN)
        events.append(event)
    return gp.Timeline(tuple(events))
