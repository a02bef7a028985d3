"""One home per kind: a throwaway condition kind and a throwaway event kind, defined here and
registered, run end to end (evaluate, explain, apply, replay, dump/load, schema, strategies).

Nothing in the package knows them: if this passes, a new kind is its class (and, for a built-in
one, its place in the union), and every other part of the library derives from that.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any, ClassVar

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan import strategies as gst
from gazaplan.core import conditions
from gazaplan.core.facts import FactKind
from gazaplan.core.state import fact_reader
from gazaplan.exceptions import InvalidEventError, InvalidValueError, ScenarioFormatError
from gazaplan.files import schema
from gazaplan.time import events
from gazaplan.truth import UNKNOWN, Verdict

MET, UNMET = Verdict.MET, Verdict.UNMET

PLAN = gp.plan("2025-09-29")
AT = dt.datetime(2025, 10, 12, 9, tzinfo=dt.timezone(dt.timedelta(hours=3)))


@attrs.frozen
class Exceeds(conditions.Node):
    """Throwaway leaf: fact *fact* is strictly more than *value*."""

    fact: str = attrs.field(validator=conditions.fact_id, metadata=conditions.FACT)
    value: int = attrs.field(metadata=conditions.VALUE)
    point: int | None = attrs.field(default=None, kw_only=True)
    label: str = attrs.field(default="", kw_only=True)
    tag: ClassVar[str] = "test_exceeds"

    def __attrs_post_init__(self) -> None:
        conditions.fits(self, self.value, ordered=True)

    def reads(self) -> tuple[str, ...]:
        return (self.fact,)

    def operand(self) -> Any:
        return self.value

    def fast(self, env: conditions.Env) -> Any:
        read, value = fact_reader(self.fact), self.value
        return lambda state: conditions.by_claims(lambda v: v > value, read(state))

    def need(self, target: str, negated: bool) -> str:
        return f"needs {'at most' if negated else 'more than'} {target}"

    def words(self) -> str:
        return f"{self.fact} > {self.value}"


@attrs.frozen
class Deconflicted:
    """Throwaway change: *party* joins a deconfliction mechanism (sets point 15's fact)."""

    party: str = attrs.field(metadata=events.PARTY)
    tag: ClassVar[str] = "test_deconflicted"

    def sets(self, state: gp.State) -> dict[str, Any]:
        return {"deconfliction_agreed": True}


# A registered kind is not in the static unions (Condition, Change): to a type checker it is Any.
X: Any = Exceeds
D: Any = Deconflicted


@pytest.fixture(autouse=True)
def _registered() -> Iterator[None]:
    conditions.KINDS.register(Exceeds)
    events.KINDS.register(Deconflicted)
    yield
    conditions.KINDS.unregister(Exceeds)
    events.KINDS.unregister(Deconflicted)


def _state(**facts: Any) -> gp.State:
    return gp.State.initial(PLAN).updated(facts)


def test_a_registered_condition_evaluates_traces_and_explains() -> None:
    cond: Any = Exceeds("hostages_living_returned", 10, point=4, label="more than ten freed")
    assert gp.evaluate(cond, _state(hostages_living_returned=20)).verdict is MET
    assert gp.evaluate(cond, _state(hostages_living_returned=10)).verdict is UNMET
    unknown = gp.evaluate(cond, _state(hostages_living_returned=UNKNOWN))
    assert unknown.verdict is Verdict.UNKNOWN  # Kleene: unknown stays unknown
    assert gp.evaluate(cond, _state(), trace=False).verdict is UNMET  # the fast path agrees
    text = gp.evaluate(cond, _state(hostages_living_returned=3)).explain()
    assert "[UNMET] more than ten freed: hostages_living_returned is 3; needs more than 10" in text
    assert "(point 4)" in text
    negated = gp.evaluate(~X("hostages_living_returned", 1), _state(hostages_living_returned=3))
    (blocker,) = negated.blockers()
    assert gp.explain.summary(blocker) == "hostages_living_returned is 3; needs at most 1"
    assert conditions.text(both := conditions.AllOf((cond, gp.Known("ceasefire_in_force")))) == (
        "all of (more than ten freed; ceasefire_in_force known)"
    )
    assert conditions.facts_read(both) == {"hostages_living_returned", "ceasefire_in_force"}


def test_a_registered_condition_works_inside_a_plan_and_its_checks() -> None:
    cond: Any = Exceeds("hostages_living_returned", 15)
    variant = gp.amend(PLAN, gp.SetCondition("phase-1.completion", cond))
    report = gp.check_phase(variant, "phase-1", _state(hostages_living_returned=20))
    assert report.completion.verdict is MET
    report = gp.check_phase(variant, "phase-1", _state(hostages_living_returned=12))
    assert report.completion.verdict is UNMET
    assert "hostages_living_returned is 12; needs more than 15" in report.completion.explain()
    assert not hasattr(gp, "Exceeds")  # the facade need not know the kind
    with pytest.raises(InvalidValueError, match="has no order"):
        Exceeds("ceasefire_in_force", 1)  # the kind's own check of its value


def test_a_registered_change_applies_and_its_party_is_checked() -> None:
    event = gp.Event("e1", AT, D("israel"), summary="test")
    state = gp.apply(gp.State.initial(PLAN), event, plan=PLAN)
    assert state.deconfliction_agreed is True
    assert event.kind == "test_deconflicted"
    with pytest.raises(InvalidEventError, match="'nobody' is no party") as info:
        gp.apply(gp.State.initial(PLAN), attrs.evolve(event, change=D("nobody")), plan=PLAN)
    assert "test_deconflicted.party" in str(info.value)  # the place: kind and field
    history = gp.history(PLAN, gp.Timeline((event,)))
    assert history.state(1).deconfliction_agreed is True


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_registered_kinds_round_trip_through_files(fmt: Any) -> None:
    cond = conditions.AnyOf(
        (Exceeds("hostages_living_returned", 5, label="x"), gp.Known("idf_line"))
    )
    assert gp.loads(gp.dumps(cond, format=fmt), gp.Condition, format=fmt) == cond  # type: ignore[arg-type]
    timeline = gp.Timeline((gp.Event("e1", AT, D("hamas")),))
    assert gp.loads(gp.dumps(timeline, format=fmt), gp.Timeline, format=fmt) == timeline
    bad = gp.dumps(Exceeds("hostages_living_returned", 5), format=fmt).replace(
        "hostages_living", "hostage_living"
    )
    with pytest.raises(ScenarioFormatError, match="fact"):
        gp.loads(bad, gp.Condition, format=fmt)  # type: ignore[arg-type]


def test_registered_kinds_are_in_the_schema_and_documents_validate() -> None:
    condition_schema = schema.document_schema(gp.Condition)
    tags = json.dumps(condition_schema)
    assert '"const": "test_exceeds"' in tags
    doc = json.loads(gp.dumps(Exceeds("hostages_living_returned", 5), format="json"))
    jsonschema.validate(doc, condition_schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**doc, "value": [5]}, condition_schema)
    timeline_schema = schema.document_schema(gp.Timeline)
    jsonschema.validate(
        json.loads(gp.dumps(gp.Timeline((gp.Event("e1", AT, D("hamas")),)), format="json")),
        timeline_schema,
    )


def test_after_unregistering_a_kind_files_name_the_kinds_allowed() -> None:
    text = gp.dumps(Exceeds("hostages_living_returned", 5), format="json")
    conditions.KINDS.unregister(Exceeds)
    try:
        with pytest.raises(ScenarioFormatError, match="unknown kind 'test_exceeds'; use one of"):
            gp.loads(text, gp.Condition)  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="expected a condition"):
            gp.Not(X("hostages_living_returned", 5))
    finally:
        conditions.KINDS.register(Exceeds)


@settings(max_examples=25)
@given(st.data())
def test_strategies_draw_a_registered_condition_kind(data: st.DataObject) -> None:
    cond: Any = data.draw(gst.leaves(kind=Exceeds))  # built after the kind is registered
    assert cond.tag == Exceeds.tag
    assert gp.FACTS[cond.fact].kind in (FactKind.COUNT, FactKind.NUMBER, FactKind.PERCENT)
    state = data.draw(gst.states(PLAN))
    traced, fast = gp.evaluate(cond, state), gp.evaluate(cond, state, trace=False)
    assert traced.verdict is fast.verdict
    value = fact_reader(cond.fact)(state)
    if value is UNKNOWN:
        assert traced.verdict is Verdict.UNKNOWN
    elif not isinstance(value, gp.Contested):
        assert traced.verdict is (MET if value > cond.value else UNMET)


def test_strategies_draw_a_registered_event_kind_in_timelines() -> None:
    from hypothesis import find

    found = find(
        gst.timelines(PLAN, min_size=1, max_size=6),
        lambda t: any(isinstance(e.change, Deconflicted) for e in t),
        settings=settings(max_examples=2000, database=None),
    )
    assert gp.history(PLAN, found).state(len(found)).deconfliction_agreed is True
    conds = find(
        gst.conditions(PLAN), lambda c: any(isinstance(n, Exceeds) for n in conditions.walk(c))
    )
    assert isinstance(conds, conditions.Node)


def test_a_kind_missing_its_meaning_or_reusing_a_tag_is_refused_by_name() -> None:
    @attrs.frozen
    class NoEffect:
        tag: ClassVar[str] = "test_no_effect"

    with pytest.raises(InvalidValueError, match="NoEffect does not define sets"):
        events.KINDS.register(NoEffect)

    @attrs.frozen
    class Twin(Deconflicted):
        pass

    with pytest.raises(InvalidValueError, match="already"):
        events.KINDS.register(Twin)
    with pytest.raises(InvalidValueError, match="built-in"):
        events.KINDS.unregister(gp.HostagesReleased)


def test_every_kind_is_drawn_by_the_strategies() -> None:
    """The strategies derive their kinds from the registries: a new kind, built in or registered,
    is drawn without a line in them (PhaseComplete aside: drawn conditions need no plan)."""
    from hypothesis import find

    from gazaplan.strategies import _timelines as _strategy_events

    quick = settings(max_examples=200, database=None)
    for kind in conditions.KINDS.types():
        if hasattr(kind, "combine"):  # AllOf, AnyOf, Not: drawn around the leaves
            continue
        if kind is not conditions.PhaseComplete:
            assert type(find(gst.leaves(kind, PLAN), lambda _: True, settings=quick)) is kind
    kit = _strategy_events.Kit(PLAN)
    drawn = {type(find(s, lambda _: True, settings=quick)) for s in kit.fixed}
    drawn |= {gp.HostagesReleased, gp.RemainsReturned}  # drawn by the state, when held
    assert drawn == set(events.KINDS.types())
