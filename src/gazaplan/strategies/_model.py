"""The strategies of the model: ids, instants, parties, states, conditions, events, amendments,
plans and scenarios (named by :mod:`gazaplan.strategies`, with those of the timelines).
"""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

from hypothesis import strategies as st

from ..catalog import plan as bundled_plan
from ..catalog import versions
from ..core.amendments import Amendment, DropObligation, SetDeadline, SetKind, SetTerm, amend
from ..core.conditions import (
    KINDS,
    AllOf,
    AnyOf,
    AtLeast,
    AtMost,
    Condition,
    Equals,
    Known,
    Not,
    OneOf,
)
from ..core.facts import Crossing, FactKind, FactSpec
from ..core.obligations import Deadline, ObligationKind, Period
from ..core.parties import Party, PartyKind, Response
from ..core.plans import Plan
from ..core.sources import Claim, Contested, Sourced
from ..core.state import FACTS, State
from ..time.events import Event
from ..truth import UNKNOWN, Verdict
from ..whatif.scenarios import FactExpectation, ObligationExpectation, PhaseExpectation, Scenario
from . import _timelines as _ev
from ._fields import known_values, leaf_from_fields
from ._timelines import T0, sources, timelines

__all__ = [
    "amendments",
    "conditions",
    "events",
    "ids",
    "instants",
    "leaves",
    "parties",
    "plans",
    "scenarios",
    "states",
]

_SETTABLE = tuple(s for s in FACTS.values() if not s.derived)


def _plan(plan: Plan | None) -> Plan:
    return plan if plan is not None else bundled_plan("2025-09-29")


def ids() -> st.SearchStrategy[str]:
    """A strategy for stable ids.

    Returns:
        A strategy drawing one to three groups of lower-case letters and digits joined by '-'.
    """
    return _IDS


_IDS = st.lists(
    st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=6), min_size=1, max_size=3
).map("-".join)


def instants(*, after: dt.datetime = T0, days: int = 800) -> st.SearchStrategy[dt.datetime]:
    """A strategy for timezone-aware instants.

    Args:
        after: the earliest instant drawn.
        days: how many days after *after* the instants may lie.

    Returns:
        A strategy drawing instants from *after* on, with offsets from -12 to +14 hours (whole
        minutes).
    """
    return st.builds(
        lambda minutes, offset: (after + dt.timedelta(minutes=minutes)).astimezone(
            dt.timezone(dt.timedelta(minutes=offset))
        ),
        st.integers(0, days * 24 * 60),
        st.integers(-12 * 60, 14 * 60),
    )


def parties() -> st.SearchStrategy[Party]:
    """A strategy for parties.

    Returns:
        A strategy drawing parties with any kind, sources and members.
    """
    return st.builds(
        Party,
        id=ids(),
        name=_ev.text(),
        kind=st.sampled_from(list(PartyKind)),
        description=st.just("") | _ev.text(),
        sources=st.lists(sources(), max_size=2).map(tuple),
        members=st.lists(ids(), max_size=3).map(tuple),
    )


def _value(spec: FactSpec, plan: Plan, contested: bool) -> st.SearchStrategy[Any]:
    known = known_values(spec, plan)
    out = st.just(UNKNOWN) | known
    if contested and spec.kind not in (FactKind.COUNT, FactKind.PERCENT):
        claims = st.lists(
            st.builds(Claim, known, _ev.text(), st.lists(sources(), min_size=1, max_size=2)),
            min_size=2,
            max_size=3,
            unique_by=lambda c: c.value,
        )
        out |= claims.map(lambda cs: Contested(tuple(cs)))
    return out


# Counts drawn together, so that no more is returned than was held.
_COUNTS = frozenset(
    {
        "hostages_living_at_start",
        "hostages_living_returned",
        "hostages_deceased_at_start",
        "hostages_deceased_returned",
        "israeli_hostage_remains_returned",
        "israeli_control_pct",
        "isf_control_pct",
    }
)


@st.composite
def states(draw: st.DrawFn, plan: Plan | None = None, *, contested: bool = False) -> State:
    """A strategy for states valid for a plan.

    Any facts known or UNKNOWN, counts consistent (no more returned than held).

    Args:
        plan: the plan whose parties and lines the facts name (None: the 29 September text).
        contested: whether disputed facts (several claims) are drawn too.

    Returns:
        A strategy drawing states.
    """
    p = _plan(plan)
    per_party, plain = _state_parts(p, contested)
    facts: dict[str, Any] = {}
    for spec, chosen, value in per_party:
        for party in draw(chosen):
            facts[f"{spec.id}.{party}"] = draw(value)
    for fact_id, value in plain:
        facts[fact_id] = draw(value)
    for start, returned in (
        ("hostages_living_at_start", "hostages_living_returned"),
        ("hostages_deceased_at_start", "hostages_deceased_returned"),
    ):
        facts[start] = held = draw(_HELD)
        facts[returned] = draw(st.integers(0, held) | _UNKNOWN)
    top = facts["hostages_deceased_returned"]
    facts["israeli_hostage_remains_returned"] = draw(
        _UNKNOWN | st.integers(0, top if isinstance(top, int) else 0)
    )
    for name in ("israeli_control_pct", "isf_control_pct"):
        facts[name] = draw(_SHARE)
    return State.from_facts(facts)


_HELD = st.integers(0, 60)
_UNKNOWN = st.just(UNKNOWN)
_SHARE = _UNKNOWN | st.integers(0, 50)


def _state_parts(plan: Plan, contested: bool) -> tuple[Any, Any]:
    """The value strategies of every settable fact for *plan*, built once per plan (kept with the
    plan's other strategies, in its :class:`~gazaplan.strategies._timelines.Kit`)."""
    memo = _ev.kit(plan).memo
    found = memo.get(("state", contested))
    if found is not None:
        return found  # type: ignore[no-any-return]
    party_ids = [x.id for x in plan.parties]
    chosen = st.lists(st.sampled_from(party_ids), max_size=3, unique=True)
    per_party = [(s, chosen, _value(s, plan, False)) for s in _SETTABLE if s.per_party]
    plain = [
        (s.id, _value(s, plan, contested))
        for s in _SETTABLE
        if not s.per_party and s.field not in _COUNTS
    ]
    memo[("state", contested)] = (per_party, plain)
    return per_party, plain


_LEAF_KINDS = (Equals, AtLeast, AtMost, OneOf, Equals, Equals, Known)


def _leaves(plan: Plan, known: bool) -> st.SearchStrategy[Condition]:
    return st.one_of(_leaf_options(plan, known))


def _leaf_options(plan: Plan, known: bool) -> list[st.SearchStrategy[Any]]:
    flags = [s.id for s in _SETTABLE if s.kind is FactKind.FLAG and not s.per_party]
    counts = [s.id for s in FACTS.values() if s.kind is FactKind.COUNT]
    parties = [p.id for p in plan.parties]
    options = [
        st.builds(Equals, st.sampled_from(flags), st.booleans()),
        st.builds(AtLeast, st.sampled_from(counts), st.integers(0, 60)),
        st.builds(AtMost, st.sampled_from(counts), st.integers(0, 60)),
        st.builds(
            OneOf,
            st.just("idf_line"),
            st.frozensets(st.sampled_from([line.id for line in plan.lines]), min_size=1),
        ),
        st.builds(
            Equals,
            st.sampled_from(parties).map(lambda p: f"response.{p}"),
            st.sampled_from(list(Response)),
        ),
        st.builds(
            Equals, st.just("rafah_crossing"), st.sampled_from(list(Crossing)), point=st.none()
        ),
    ]
    if known:
        plain = sorted(k for k, s in FACTS.items() if not s.per_party)
        options.append(st.builds(Known, st.sampled_from(plain)))
    return options + [leaf_from_fields(cls, plan) for cls in _registered_leaves()]


def _registered_leaves() -> list[type[Any]]:
    """The leaf kinds with no strategy of their own above: drawn from their fields' roles (a
    kind added to the union, or registered with ``conditions.KINDS.register``)."""
    return [k for k in KINDS.types() if k not in _LEAF_KINDS and not hasattr(k, "combine")]


def leaves(kind: type[Any] | None = None, plan: Plan | None = None) -> st.SearchStrategy[Any]:
    """A strategy for leaf conditions (comparisons of one fact).

    Args:
        kind: one leaf class, such as ``gp.AtLeast`` (or a leaf kind registered with
            ``conditions.KINDS.register``); None: any kind.
        plan: the plan whose parties and lines the leaves name (None: the 29 September text).

    Returns:
        A strategy drawing leaves.
    """
    options = _leaf_options(_plan(plan), known=True)
    if kind is None:
        return st.one_of(options)
    kinds = [*_LEAF_KINDS, *_registered_leaves()]
    return st.one_of([o for k, o in zip(kinds, options, strict=True) if k is kind])


def conditions(
    plan: Plan | None = None, *, max_leaves: int = 12, known: bool = True
) -> st.SearchStrategy[Condition]:
    """A strategy for conditions over the facts of a plan (evaluable without it).

    The conditions name no terms or phases, so need no plan to be evaluated.

    Args:
        plan: the plan whose parties and lines the leaves name (None: the 29 September text).
        max_leaves: the most leaves a condition has.
        known: whether ``Known`` leaves are drawn; they ask about information, not the world.

    Returns:
        A strategy drawing conditions, leaves combined by ``AllOf``, ``AnyOf`` and ``Not``.
    """
    labelled = st.just("") | st.sampled_from(["a label", "the text's condition"])
    return st.recursive(
        _leaves(_plan(plan), known),
        lambda kids: st.one_of(
            st.builds(AllOf, st.lists(kids, max_size=4).map(tuple), label=labelled),
            st.builds(
                AnyOf, st.lists(kids, max_size=4).map(tuple), point=st.none() | st.integers(1, 20)
            ),
            kids.map(Not),
        ),
        max_leaves=max_leaves,
    )


@st.composite
def events(draw: st.DrawFn, plan: Plan | None = None) -> Event:
    """A strategy for single events that can happen at the start of a plan.

    Args:
        plan: the plan (None: the 29 September text).

    Returns:
        A strategy drawing events of any kind but releases beyond stock.
    """
    p = _plan(plan)
    return _ev.event(draw, 0, draw(instants()), _ev.kit(p).change(draw, State.initial(p)))


@st.composite
def amendments(draw: st.DrawFn, plan: Plan | None = None) -> Amendment:
    """A strategy for what-if amendments that apply to a plan.

    Args:
        plan: the plan (None: the 29 September text).

    Returns:
        A strategy drawing amendments (new term values, deadlines, kinds, dropped obligations).
    """
    p = _plan(plan)
    obligations = [o.id for o in p.obligations()]
    edits: list[Any] = []
    for path in draw(
        st.lists(
            st.sampled_from(
                ["exchange.remains_ratio", "exchange.hostage_window_hours", "aid.trucks_per_day"]
            ),
            max_size=2,
            unique=True,
        )
    ):
        value = draw(st.integers(1, 1000))
        edits.append(SetTerm(path, Sourced(value, (draw(sources()),), note="what-if")))
    touched = draw(st.lists(st.sampled_from(obligations), max_size=3, unique=True))
    for i, ob in enumerate(touched):
        if i == 0 and draw(st.booleans()):
            edits.append(DropObligation(ob))
        elif draw(st.integers(0, 3)) == 0:  # what if it were owed once, or kept up?
            kind = draw(st.sampled_from([ObligationKind.ACHIEVEMENT, ObligationKind.MAINTENANCE]))
            hours = draw(st.none() | st.integers(1, 24 * 60))
            period = Period(hours) if kind is ObligationKind.MAINTENANCE and hours else None
            edits.append(SetKind(ob, kind, period))
        else:
            hours = draw(st.none() | st.integers(1, 24 * 30))
            edits.append(SetDeadline(ob, None if hours is None else Deadline(hours)))
    if not edits:
        edits.append(
            SetTerm("exchange.remains_ratio", Sourced(draw(st.integers(1, 30)), (draw(sources()),)))
        )
    return Amendment(
        version=f"what-if-{draw(ids())}",
        title=draw(_ev.text()),
        edits=tuple(edits),
        date=draw(st.none() | st.dates(dt.date(2025, 9, 29), dt.date(2027, 1, 1))),
        rationale=draw(st.just("") | _ev.text()),
    )


def plans() -> st.SearchStrategy[Plan]:
    """A strategy for plans.

    Returns:
        A strategy drawing the bundled versions and what-if variants of them.
    """
    base = st.sampled_from(versions()).map(bundled_plan)
    return base | base.flatmap(lambda p: amendments(p).map(lambda a: amend(p, a)))


@st.composite
def scenarios(draw: st.DrawFn, plan: Plan | None = None, *, max_events: int = 8) -> Scenario:
    """A strategy for scenarios on a bundled version, perhaps amended.

    Args:
        plan: the plan whose version is used, if it is a bundled one (None: any version).
        max_events: the most events a scenario's timeline has.

    Returns:
        A strategy drawing scenarios whose timeline replays on their plan and whose expectations
        name its phases, obligations and facts.
    """
    version = (
        plan.version
        if plan is not None and plan.version in versions()
        else draw(st.sampled_from(versions()))
    )
    base = bundled_plan(version)
    changes = tuple(draw(st.lists(amendments(base), max_size=1)))
    p = amend(base, *changes) if changes else base
    timeline = draw(timelines(p, max_size=max_events))
    return Scenario(
        name=draw(_ev.text()),
        version=version,
        amendments=changes,
        timeline=timeline,
        expectations=tuple(draw(st.lists(_expectations(p), max_size=3))),
        description=draw(st.just("") | _ev.text()),
    )


def _expectations(p: Plan) -> st.SearchStrategy[Any]:
    """Expectations naming *p*'s phases and obligations (built once per set of ids)."""
    phases, obligations = tuple(x.id for x in p.phases), tuple(o.id for o in p.obligations())
    memo = _ev.kit(p).memo
    found = memo.get(("expectation", phases, obligations))
    if found is not None:
        return found  # type: ignore[no-any-return]
    when = instants()
    made = memo[("expectation", phases, obligations)] = st.one_of(
        st.builds(
            PhaseExpectation,
            when,
            st.sampled_from(phases),
            st.sampled_from(list(Verdict)),
        ),
        st.builds(
            ObligationExpectation,
            when,
            st.sampled_from(obligations),
            st.sampled_from(list(_statuses())),
        ),
        st.builds(
            FactExpectation,
            when,
            st.just("ceasefire_in_force"),
            st.sampled_from([True, False, UNKNOWN]),
        ),
    )
    return made


def _statuses() -> Any:
    from ..time.compliance import ComplianceStatus

    return ComplianceStatus
