"""State: typed facts, UNKNOWN by default, consistent counts, clear errors for bad input."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp

from ..support.strategies import full_states


def test_every_fact_starts_unknown() -> None:
    state = gp.State()
    assert all(v is gp.UNKNOWN for k, v in state.facts().items())
    assert gp.read_fact(state, "response.hamas") is gp.UNKNOWN
    assert state.hostages_held is gp.UNKNOWN


def test_derived_counts() -> None:
    s = gp.State.from_facts(
        {
            "hostages_living_at_start": 20,
            "hostages_living_returned": 20,
            "hostages_deceased_at_start": 28,
            "hostages_deceased_returned": 4,
        }
    )
    assert (s.hostages_living_held, s.hostages_deceased_held, s.hostages_held) == (0, 24, 24)
    assert gp.read_fact(s, "hostages_held") == 24
    partial = s.updated({"hostages_deceased_at_start": gp.UNKNOWN})
    assert partial.hostages_held is gp.UNKNOWN  # 0 living held does not make the total known


def test_updated_derives_a_new_state() -> None:
    s = gp.State()
    t = s.updated({"response.hamas": gp.Response.ACCEPTED, "ceasefire_in_force": True})
    assert s.responses.get("hamas") is None
    assert t.responses["hamas"] is gp.Response.ACCEPTED
    assert t.ceasefire_in_force is True
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        t.ceasefire_in_force = False  # type: ignore[misc]


@pytest.mark.parametrize(
    ("fields", "where", "fix"),
    [
        ({"hostages_living_returned": -1}, "State.hostages_living_returned", "0 or more"),
        ({"gazan_remains_returned": 2.5}, "State.gazan_remains_returned", "whole number"),
        ({"aid_trucks_per_day": -3}, "State.aid_trucks_per_day", "number from 0"),
        ({"israeli_control_pct": 140}, "State.israeli_control_pct", "from 0 to 100"),
        ({"ceasefire_in_force": "yes"}, "State.ceasefire_in_force", "True, False or UNKNOWN"),
        ({"rafah_crossing": "open"}, "State.rafah_crossing", "Crossing.BOTH_WAYS"),
        ({"responses": {"hamas": "yes"}}, "State.responses['hamas']", "Response.ACCEPTED"),
        ({"responses": {"Hamas!": gp.Response.ACCEPTED}}, "State.responses['Hamas!']", "party ids"),
    ],
)
def test_bad_values_name_field_value_and_fix(
    fields: dict[str, object], where: str, fix: str
) -> None:
    with pytest.raises(gp.InvalidValueError) as info:
        gp.State(**fields)  # type: ignore[arg-type]
    message = str(info.value)
    assert message.startswith(where)
    assert fix in message
    assert isinstance(info.value, gp.GazaplanError)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (
            {"hostages_living_at_start": 20, "hostages_living_returned": 21},
            "hostages_living_returned",
        ),
        (
            {"hostages_deceased_at_start": 1, "hostages_deceased_returned": 2},
            "hostages_deceased_returned",
        ),
        (
            {"hostages_deceased_returned": 3, "israeli_hostage_remains_returned": 4},
            "israeli_hostage_remains_returned",
        ),
        ({"israeli_control_pct": 60, "isf_control_pct": 50}, "isf_control_pct"),
    ],
)
def test_inconsistent_states_are_refused(fields: dict[str, object], field: str) -> None:
    with pytest.raises(gp.InconsistentStateError, match=f"State.{field}: got"):
        gp.State(**fields)  # type: ignore[arg-type]


def test_unknown_fact_ids_get_a_hint() -> None:
    with pytest.raises(gp.UnknownFactError) as info:
        gp.State().updated({"hostage_held": 3})
    assert "Did you mean 'hostages_held'" in str(info.value)
    assert isinstance(info.value, KeyError)
    with pytest.raises(gp.UnknownFactError, match=r"response\.israel"):
        gp.read_fact(gp.State(), "response")  # a per-party fact needs the party


def test_derived_facts_cannot_be_set() -> None:
    with pytest.raises(gp.InvalidValueError, match="derived fact"):
        gp.State().updated({"hostages_held": 0})


def test_initial_state_follows_the_catalog() -> None:
    plan = gp.plan()
    s = gp.State.initial(plan)
    assert s.responses["israel"] is gp.Response.ACCEPTED
    assert s.responses["hamas"] is gp.Response.NO_RESPONSE
    assert s.hostages_held == 48
    assert s.idf_line == "front"
    assert s.aid_trucks_per_day is gp.UNKNOWN  # no source gives a figure at publication
    for f in plan.initial_facts:
        assert f.sources, f.fact


def test_facts_schema_describes_every_field() -> None:
    assert {s.field for s in gp.FACTS.values() if not s.derived} == {
        a.name for a in attrs.fields(gp.State)
    }
    assert all(s.doc for s in gp.FACTS.values())
    assert "response.<party>" in gp.FACTS["response"].describe()


@given(
    full_states(),
    st.sampled_from(
        sorted(k for k, s in gp.FACTS.items() if s.kind is gp.FactKind.COUNT and not s.derived)
    ),
    st.integers(0, 80),
)
def test_fast_derivation_agrees_with_full_validation(
    state: gp.State, fact: str, value: int
) -> None:
    """State.updated validates only what changed; a full rebuild must accept and refuse the same."""
    try:
        fast: gp.State | None = state.updated({fact: value})
    except gp.InvalidValueError:
        fast = None
    try:
        changes: dict[str, Any] = {gp.FACTS[fact].field: value}
        full: gp.State | None = attrs.evolve(state, **changes)
    except gp.InvalidValueError:
        full = None
    assert fast == full


@given(
    full_states(),
    st.sampled_from(sorted(k for k, s in gp.FACTS.items() if s.per_party)),
    st.sampled_from(["hamas", "israel", "board-of-peace", "a-new-party"]),
    st.one_of(
        st.sampled_from([True, False, gp.UNKNOWN, *gp.Response, "yes", 1, None]),
    ),
)
def test_a_per_party_update_agrees_with_full_validation(
    state: gp.State, fact: str, party: str, value: object
) -> None:
    """A per-party update checks only the entry it changes; a full rebuild of the map must accept
    and refuse the same, with the same message."""
    field = gp.FACTS[fact].field
    try:
        fast: gp.State | str = state.updated({f"{fact}.{party}": value})
    except gp.InvalidValueError as e:
        fast = str(e)
    try:
        entries: dict[str, Any] = {field: {**getattr(state, field), party: value}}
        full: gp.State | str = attrs.evolve(state, **entries)
    except gp.InvalidValueError as e:
        full = str(e)
    assert fast == full
    if isinstance(fast, gp.State):  # the map stays sorted and hashable like one built whole
        assert list(getattr(fast, field)) == sorted(getattr(fast, field))
        assert hash(fast) == hash(full)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(sorted(k for k, s in gp.FACTS.items() if not s.derived)),
            st.sampled_from(
                [
                    *(True, False, 1, 0, 1.0, 0.0, 50.5, -1, 101.0, float("nan"), float("inf")),
                    *("1", "hamas", "", gp.UNKNOWN, *gp.Response, *gp.Crossing),
                ]
            ),
        ),
        max_size=12,
    )
)
def test_a_value_checked_before_is_judged_by_its_type_too(
    settings: list[tuple[str, object]],
) -> None:
    """The checks remember values that passed; an equal value of another type (True and 1, 1
    and 1.0) is still checked as the full rebuild checks it, the second time as the first."""
    state = gp.State()
    for fact, value in settings * 2:
        spec = gp.FACTS[fact]
        fact_id = f"{fact}.hamas" if spec.per_party else fact
        try:
            fast: gp.State | str = state.updated({fact_id: value})
        except gp.GazaplanError as e:
            fast = str(e)
        given = {**getattr(state, spec.field), "hamas": value} if spec.per_party else value
        try:
            entries: dict[str, Any] = {spec.field: given}
            full: gp.State | str = attrs.evolve(state, **entries)
        except gp.GazaplanError as e:
            full = str(e)
        assert (fast if isinstance(fast, str) else "") == (full if isinstance(full, str) else "")
        if isinstance(fast, gp.State):
            assert fast == full
            state = fast
