"""The kinds of change a replay does not check again: what they set, any way they are made.

A replay reads the facts of the kinds in ``CHECKED_WHEN_MADE`` without running the facts' checks,
since each kind checked its own fields when it was made. These tests hold each kind to that: any
change of such a kind that can be made at all (however odd its fields) sets only values that
:meth:`State.updated` takes.
"""

from __future__ import annotations

import json
import math
from typing import Any, cast

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan import strategies as gs
from gazaplan.core.state import State
from gazaplan.strategies._fields import known_values
from gazaplan.time.events import CHANGE_TYPES, CHECKED_WHEN_MADE, Reported

from ..support.strategies import PLAN

_ENUMS = (gp.Response, gp.Crossing, gp.Progress)

ODD = st.one_of(
    st.booleans(),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.sampled_from(["israel", "hamas", "line-1", "Not An Id", ""]),
    st.none(),
    st.just(gp.UNKNOWN),
    st.sampled_from([m for e in _ENUMS for m in e]),
)
"""Values of any kind a field might be given: most are wrong for most fields."""

FACT_IDS = st.one_of(
    st.sampled_from([s.id for s in gp.FACTS.values() if not s.per_party]),
    st.sampled_from(
        [f"{s.id}.{p}" for s in gp.FACTS.values() if s.per_party for p in ("israel", "x")]
    ),
    st.text(max_size=12),
    st.integers(),
)


def _fact_and_value(fact_id: object) -> st.SearchStrategy[tuple[object, object]]:
    """A value for *fact_id*: one the fact takes, or an odd one."""
    spec = gp.FACTS.get(fact_id.partition(".")[0]) if isinstance(fact_id, str) else None
    good = known_values(spec) if spec is not None else ODD
    return st.tuples(st.just(fact_id), good | ODD)


def _accepted(pairs: list[tuple[object, object]]) -> gp.FactsReported:
    """A report of the facts of *pairs* that a report accepts alone."""
    kept: dict[Any, object] = {}
    for fact_id, value in pairs:
        try:
            gp.FactsReported({cast("Any", fact_id): value})
        except gp.GazaplanError:
            continue
        kept[fact_id] = value
    return gp.FactsReported(kept)


def _odd(change: object, name: str, value: object) -> object:
    """*change* with field *name* set to *value*, if the kind accepts it; else *change*."""
    try:
        return attrs.evolve(change, **{name: value})  # type: ignore[misc]
    except (gp.GazaplanError, TypeError):
        return change


def _changes_of(kind: type) -> st.SearchStrategy[object]:
    """Changes of *kind*, each field possibly given an odd value (kept if the kind accepts it)."""
    if kind is gp.FactsReported:
        pairs = st.lists(FACT_IDS.flatmap(_fact_and_value), max_size=4)
        return pairs.map(_accepted)
    names = [a.name for a in attrs.fields(kind) if a.init]
    return st.builds(_odd, st.builds(kind, **_GOOD[kind]), st.sampled_from(names), ODD)


_PARTY = st.sampled_from([p.id for p in PLAN.parties])
_GOOD: dict[type, dict[str, st.SearchStrategy[object]]] = {
    gp.Responded: {"party": _PARTY, "response": st.sampled_from(list(gp.Response))},
    gp.Approved: {"party": _PARTY},
    gp.CeasefireChanged: {"in_force": st.booleans()},
    gp.Redeployed: {"line": st.sampled_from([line.id for line in PLAN.lines])},
    gp.AidDelivered: {"trucks_per_day": st.floats(0, 900)},
    gp.CrossingChanged: {"status": st.sampled_from(list(gp.Crossing))},
    gp.BodyEstablished: {"body": _PARTY},
    gp.TerritoryHandedOver: {"isf_pct": st.floats(0, 100)},
    gp.WeaponsDecommissioned: {
        "progress": st.sampled_from(list(gp.Progress)),
        "verified": st.booleans(),
    },
    gp.ViolationAlleged: {"by": _PARTY, "against": _PARTY, "allegation": st.just("alleged")},
    gp.ResolutionAdopted: {"body": _PARTY, "resolution": st.just("2803")},
    Reported: {},
}
"""Each kind's fields, drawn among the values it takes (one is then made odd)."""


def test_the_checked_kinds_are_built_in_kinds() -> None:
    assert set(CHECKED_WHEN_MADE) <= set(CHANGE_TYPES)


@pytest.mark.parametrize("kind", sorted(CHECKED_WHEN_MADE, key=repr))
@given(data=st.data())
def test_a_change_checked_when_made_sets_only_values_its_facts_take(
    kind: type, data: st.DataObject
) -> None:
    change = data.draw(_changes_of(kind))
    state = data.draw(gs.states())
    facts = change.sets(state)  # type: ignore[attr-defined]
    state._changes(facts)  # every value's check, run: none refuses


@given(data=st.data())
def test_a_report_of_facts_is_refused_when_made_as_a_state_would_refuse_it(
    data: st.DataObject,
) -> None:
    facts: dict[Any, object] = data.draw(st.dictionaries(FACT_IDS, ODD, max_size=3))
    try:
        State()._changes(facts)
        refused_by_state = None
    except gp.GazaplanError as exc:
        refused_by_state = exc
    try:
        gp.FactsReported(facts)
        refused_when_made = None
    except gp.GazaplanError as exc:
        refused_when_made = exc
    assert (refused_when_made is None) == (refused_by_state is None), (facts, refused_by_state)


def test_a_bad_report_names_the_fact_and_the_value() -> None:
    with pytest.raises(
        gp.InvalidValueError, match=r"FactsReported\.facts\.israeli_control_pct: got 120"
    ):
        gp.FactsReported({"israeli_control_pct": 120})
    with pytest.raises(
        gp.InvalidValueError, match=r"FactsReported\.facts\.hostages_held: .*derived"
    ):
        gp.FactsReported({"hostages_held": 3})
    with pytest.raises(
        gp.InvalidValueError, match=r"FactsReported\.facts: got 5; a fact's id is text"
    ):
        gp.FactsReported({5: True})  # type: ignore[arg-type]
    with pytest.raises(gp.UnknownFactError, match="nope"):
        gp.FactsReported({"nope": True})
    assert not math.isnan(
        gp.FactsReported({"aid_trucks_per_day": 600.0}).facts["aid_trucks_per_day"]
    )


@pytest.mark.parametrize(
    ("kind", "kwargs"),
    [
        (gp.WeaponsDecommissioned, {"progress": gp.Progress.UNDER_WAY, "verified": "yes"}),
        (gp.PrisonersReleased, {"gaza_detainees": 1, "women_and_children_all": 1}),
    ],
)
def test_a_flag_of_a_change_is_a_flag(kind: type, kwargs: dict[str, object]) -> None:
    with pytest.raises(gp.InvalidValueError, match="expected True, False or UNKNOWN"):
        kind(**kwargs)


def test_a_file_with_bad_reported_facts_names_each_at_its_place() -> None:
    event = {
        "id": "e1",
        "at": "2025-10-10T12:00:00+03:00",
        "change": {
            "kind": "facts_reported",
            "facts": {"israeli_control_pct": 120, "hostages_held": 3, "ceasefire_in_force": True},
        },
    }
    with pytest.raises(gp.ScenarioFormatError) as caught:
        gp.loads(json.dumps({"schema_version": 1, "events": [event]}), gp.Timeline)
    text = str(caught.value)
    assert "2 problems" in text
    assert "events[0].change.facts.israeli_control_pct: got 120" in text
    assert "events[0].change.facts.hostages_held: got 3; a derived fact" in text
