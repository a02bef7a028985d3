"""Hypothesis strategies for gazaplan's types, for property tests of the plan's logic.

Needs the ``hypothesis`` extra (``pip install 'gazaplan[hypothesis]'``). Every value drawn passes
every validator, and the plan-aware ones (``states``, ``timelines``, ``amendments``, ``scenarios``)
are valid for the plan given: a timeline replays on it, an amendment applies to it. Values are
built, never filtered, so failures shrink to small examples. With gazaplan installed, Hypothesis
also resolves ``st.from_type(gp.State)`` and the like without importing this module (through its
``hypothesis`` entry point, ``gazaplan._hypothesis``).

>>> from hypothesis import given
>>> import gazaplan as gp, gazaplan.strategies as gst
>>> @given(gst.timelines(max_size=5))
... def test_replays(timeline):
...     gp.replay(gp.plan("2025-09-29"), timeline)
"""

from __future__ import annotations

import datetime as dt
import enum
import string
from typing import Any

from hypothesis import strategies as st

from .amendments import Amendment, DropObligation, SetDeadline, SetTerm, amend
from .catalog import plan as bundled_plan
from .catalog import versions
from .conditions import AllOf, AnyOf, AtLeast, AtMost, Condition, Equals, Known, Not, OneOf
from .events import (
    AidDelivered,
    Approved,
    BodyEstablished,
    CeasefireChanged,
    CrossingChanged,
    Event,
    FactsReported,
    GazanRemainsReturned,
    HostagesReleased,
    Precision,
    PrisonersReleased,
    Redeployed,
    RemainsReturned,
    ResolutionAdopted,
    Responded,
    TerritoryHandedOver,
    ViolationAlleged,
    WeaponsDecommissioned,
)
from .facts import Crossing, FactKind, FactSpec, Progress
from .obligations import Deadline
from .parties import Party, PartyKind, Response
from .plans import Plan
from .scenarios import FactExpectation, ObligationExpectation, PhaseExpectation, Scenario
from .sources import Claim, Contested, Source, Sourced
from .state import FACTS, State
from .timelines import Timeline, apply
from .truth import UNKNOWN, Verdict

__all__ = [
    "amendments",
    "conditions",
    "events",
    "ids",
    "instants",
    "known_values",
    "leaves",
    "parties",
    "plans",
    "scenarios",
    "sources",
    "states",
    "timelines",
]

T0 = dt.datetime(2025, 9, 29, 12, tzinfo=dt.timezone(dt.timedelta(hours=3)))
_SETTABLE = tuple(s for s in FACTS.values() if not s.derived)


def _plan(plan: Plan | None) -> Plan:
    return plan if plan is not None else bundled_plan("2025-09-29")


def ids() -> st.SearchStrategy[str]:
    """Stable ids: lower-case letters and digits joined by '-'."""
    part = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=6)
    return st.lists(part, min_size=1, max_size=3).map("-".join)


def _text() -> st.SearchStrategy[str]:
    # Any printable text, non-blank: documents must carry it unchanged (quotes, accents, emoji).
    return st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30).map(
        lambda s: s if s.strip() else f"x{s}"
    )


def instants(*, after: dt.datetime = T0, days: int = 800) -> st.SearchStrategy[dt.datetime]:
    """Aware instants from *after* on, with offsets from -12:00 to +14:00 (whole minutes)."""
    return st.builds(
        lambda minutes, offset: (after + dt.timedelta(minutes=minutes)).astimezone(
            dt.timezone(dt.timedelta(minutes=offset))
        ),
        st.integers(0, days * 24 * 60),
        st.integers(-12 * 60, 14 * 60),
    )


def sources() -> st.SearchStrategy[Source]:
    """Sources as in the register: a tag, title, outlet, optional date, address and point."""
    return st.builds(
        Source,
        tag=st.text(string.ascii_uppercase + string.digits + "-", min_size=1, max_size=12).filter(
            str.strip
        ),
        title=_text(),
        outlet=_text(),
        date=st.none() | st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)),
        url=st.none() | st.just("https://example.org/report"),
        point=st.none() | st.integers(1, 20),
        approximate_date=st.booleans(),
        note=st.just("") | _text(),
    )


def parties() -> st.SearchStrategy[Party]:
    """Parties with any kind, sources and members."""
    return st.builds(
        Party,
        id=ids(),
        name=_text(),
        kind=st.sampled_from(list(PartyKind)),
        description=st.just("") | _text(),
        sources=st.lists(sources(), max_size=2).map(tuple),
        members=st.lists(ids(), max_size=3).map(tuple),
    )


def known_values(spec: FactSpec, plan: Plan | None = None) -> st.SearchStrategy[Any]:
    """Known values of the fact *spec* (a line id of *plan* for the withdrawal line)."""
    plan = _plan(plan)
    if spec.kind is FactKind.FLAG:
        return st.booleans()
    if spec.kind is FactKind.COUNT:
        return st.integers(0, 3000)
    if spec.kind is FactKind.NUMBER:
        return st.integers(0, 1000) | st.floats(0, 1000, allow_nan=False)
    if spec.kind is FactKind.PERCENT:
        return st.integers(0, 50) | st.floats(0, 50, allow_nan=False)
    if spec.kind is FactKind.LINE:
        return st.sampled_from([line.id for line in plan.lines])
    choices: type[enum.Enum] = spec.choices  # type: ignore[assignment]
    return st.sampled_from(list(choices))


def _value(spec: FactSpec, plan: Plan, contested: bool) -> st.SearchStrategy[Any]:
    known = known_values(spec, plan)
    out = st.just(UNKNOWN) | known
    if contested and spec.kind not in (FactKind.COUNT, FactKind.PERCENT):
        claims = st.lists(
            st.builds(Claim, known, _text(), st.lists(sources(), min_size=1, max_size=2)),
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
    """States valid for *plan* (default: the 29 September text): any facts known or UNKNOWN,
    counts consistent (no more returned than held). ``contested=True`` adds disputed facts."""
    p = _plan(plan)
    party_ids = [x.id for x in p.parties]
    facts: dict[str, Any] = {}
    for spec in _SETTABLE:
        if spec.per_party:
            for party in draw(st.lists(st.sampled_from(party_ids), max_size=3, unique=True)):
                facts[f"{spec.id}.{party}"] = draw(_value(spec, p, False))
        elif spec.field not in _COUNTS:
            facts[spec.id] = draw(_value(spec, p, contested))
    for start, returned in (
        ("hostages_living_at_start", "hostages_living_returned"),
        ("hostages_deceased_at_start", "hostages_deceased_returned"),
    ):
        facts[start] = draw(st.integers(0, 60))
        facts[returned] = draw(st.integers(0, facts[start]) | st.just(UNKNOWN))
    top = facts["hostages_deceased_returned"]
    facts["israeli_hostage_remains_returned"] = draw(
        st.just(UNKNOWN) | st.integers(0, top if isinstance(top, int) else 0)
    )
    for name in ("israeli_control_pct", "isf_control_pct"):
        facts[name] = draw(st.just(UNKNOWN) | st.integers(0, 50))
    return State.from_facts(facts)


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
    return options


def leaves(kind: type[Any] | None = None, plan: Plan | None = None) -> st.SearchStrategy[Any]:
    """Leaf conditions (comparisons of one fact); *kind* picks one class, such as ``gp.AtLeast``."""
    options = _leaf_options(_plan(plan), known=True)
    if kind is None:
        return st.one_of(options)
    return st.one_of([o for k, o in zip(_LEAF_KINDS, options, strict=True) if k is kind])


def conditions(
    plan: Plan | None = None, *, max_leaves: int = 12, known: bool = True
) -> st.SearchStrategy[Condition]:
    """Conditions over the facts of *plan* (evaluable without it: no terms or phases).

    ``known=False`` leaves out ``Known`` leaves, which ask about information, not the world.
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


def _changes(plan: Plan, state: State) -> st.SearchStrategy[Any]:
    parties = [p.id for p in plan.parties]
    bodies = [
        p.id
        for p in plan.parties
        if p.kind in (PartyKind.TRANSITIONAL_BODY, PartyKind.INTERNATIONAL_FORCE)
    ]
    options: list[st.SearchStrategy[Any]] = [
        st.builds(Responded, st.sampled_from(parties), st.sampled_from(list(Response))),
        st.builds(Approved, st.sampled_from(parties)),
        st.builds(CeasefireChanged, st.booleans()),
        st.builds(Redeployed, st.sampled_from([line.id for line in plan.lines])),
        st.builds(
            PrisonersReleased,
            st.integers(0, 250),
            st.integers(0, 1800),
            st.sampled_from([None, True, False]),
        ),
        st.builds(GazanRemainsReturned, st.integers(0, 60)),
        st.builds(AidDelivered, st.integers(0, 900) | st.floats(0, 900, allow_nan=False)),
        st.builds(CrossingChanged, st.sampled_from(list(Crossing))),
        st.builds(TerritoryHandedOver, st.integers(0, 40)),
        st.builds(WeaponsDecommissioned, st.sampled_from(list(Progress)), st.booleans()),
        st.builds(ViolationAlleged, st.sampled_from(parties), st.sampled_from(parties), _text()),
        st.builds(ResolutionAdopted, st.sampled_from(parties), _text()),
        st.builds(
            FactsReported,
            st.dictionaries(
                st.sampled_from(["ceasefire_in_force", "deconfliction_agreed", "rafah_crossing"]),
                st.booleans(),
                max_size=2,
            ).map(
                lambda d: {
                    k: (Crossing.CLOSED if k == "rafah_crossing" else v) for k, v in d.items()
                }
            ),
        ),
    ]
    if bodies:
        options.append(st.builds(BodyEstablished, st.sampled_from(bodies)))
    living, dead = state.hostages_living_held, state.hostages_deceased_held
    if isinstance(living, int) and living:
        options.append(st.builds(HostagesReleased, st.integers(1, living)))
    if isinstance(dead, int) and dead:
        options.append(
            st.integers(1, dead).flatmap(
                lambda n: st.builds(RemainsReturned, st.just(n), st.none() | st.integers(0, n))
            )
        )
    return st.one_of(options)


def _event(i: int, at: dt.datetime, change: Any) -> st.SearchStrategy[Event]:
    return st.builds(
        Event,
        id=st.just(f"e{i}"),
        at=st.just(at),
        change=st.just(change),
        summary=st.just("generated") | _text(),
        sources=st.lists(sources(), max_size=2).map(tuple),
        reported_by=st.just("") | _text(),
        precision=st.sampled_from(list(Precision)),
    )


@st.composite
def timelines(
    draw: st.DrawFn, plan: Plan | None = None, *, min_size: int = 0, max_size: int = 12
) -> Timeline:
    """Timelines that replay on *plan* from its starting facts (never more released than held).

    Built by simulation: each step draws an event that can happen in the state reached so far.
    """
    p = _plan(plan)
    state = State.initial(p)
    at = T0
    events = []
    for i in range(draw(st.integers(min_size, max_size))):
        at = at + dt.timedelta(minutes=draw(st.integers(0, 60 * 24 * 5)))
        shown = at.astimezone(dt.timezone(dt.timedelta(minutes=draw(st.integers(-720, 840)))))
        event = draw(_event(i, shown, draw(_changes(p, state))))
        state = apply(state, event, plan=p)
        events.append(event)
    return Timeline(tuple(events))


def events(plan: Plan | None = None) -> st.SearchStrategy[Event]:
    """Single events that can happen at the start of *plan* (any kind but releases beyond stock)."""
    p = _plan(plan)
    return instants().flatmap(
        lambda at: _changes(p, State.initial(p)).flatmap(lambda c: _event(0, at, c))
    )


@st.composite
def amendments(draw: st.DrawFn, plan: Plan | None = None) -> Amendment:
    """What-if amendments that apply to *plan*: new term values, deadlines, dropped obligations."""
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
        else:
            hours = draw(st.none() | st.integers(1, 24 * 30))
            edits.append(SetDeadline(ob, None if hours is None else Deadline(hours)))
    if not edits:
        edits.append(
            SetTerm("exchange.remains_ratio", Sourced(draw(st.integers(1, 30)), (draw(sources()),)))
        )
    return Amendment(
        version=f"what-if-{draw(ids())}",
        title=draw(_text()),
        edits=tuple(edits),
        date=draw(st.none() | st.dates(dt.date(2025, 9, 29), dt.date(2027, 1, 1))),
        rationale=draw(st.just("") | _text()),
    )


def plans() -> st.SearchStrategy[Plan]:
    """The bundled versions and what-if variants of them."""
    base = st.sampled_from(versions()).map(bundled_plan)
    return base | base.flatmap(lambda p: amendments(p).map(lambda a: amend(p, a)))


@st.composite
def scenarios(draw: st.DrawFn, plan: Plan | None = None, *, max_events: int = 8) -> Scenario:
    """Scenarios on a bundled version (*plan*'s, or any), perhaps amended, with a timeline that
    replays on the result and expectations naming its phases, obligations and facts."""
    version = (
        plan.version
        if plan is not None and plan.version in versions()
        else draw(st.sampled_from(versions()))
    )
    base = bundled_plan(version)
    changes = tuple(draw(st.lists(amendments(base), max_size=1)))
    p = amend(base, *changes) if changes else base
    timeline = draw(timelines(p, max_size=max_events))
    when = instants()
    expectation = st.one_of(
        st.builds(
            PhaseExpectation,
            when,
            st.sampled_from([x.id for x in p.phases]),
            st.sampled_from(list(Verdict)),
        ),
        st.builds(
            ObligationExpectation,
            when,
            st.sampled_from([o.id for o in p.obligations()]),
            st.sampled_from(list(_statuses())),
        ),
        st.builds(
            FactExpectation,
            when,
            st.just("ceasefire_in_force"),
            st.sampled_from([True, False, UNKNOWN]),
        ),
    )
    return Scenario(
        name=draw(_text()),
        version=version,
        amendments=changes,
        timeline=timeline,
        expectations=tuple(draw(st.lists(expectation, max_size=3))),
        description=draw(st.just("") | _text()),
    )


def _statuses() -> Any:
    from ._compliance import ComplianceStatus

    return ComplianceStatus
