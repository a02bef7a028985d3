"""Positions in plain words: the party by its display name when the plan's names are given, in
one template for every party; the id kept in the data and shown only where no name is given."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.core.conditions import Equals
from gazaplan.core.records import Position, Stance
from gazaplan.core.words import party_name, party_names

from ..support.vocabulary import bare_ids

PLAN = gp.plan()
NAMES = party_names(PLAN)
SRC = (gp.Source("S", "a report", "an outlet"),)
DONE = Equals("decommissioning", gp.Progress.COMPLETE, label="disarmament complete")
PARTIES = st.sampled_from([p.id for p in PLAN.parties])


@given(PARTIES, PARTIES, st.sampled_from(list(Stance)), st.booleans())
def test_the_named_wording_is_the_same_for_every_party(
    a: str, b: str, stance: Stance, dated: bool
) -> None:
    only_if = DONE if stance is Stance.COMMITS else None
    when = dt.date(2026, 8, 4) if dated else None
    one = Position(a, "s", SRC, stance=stance, action="act", only_if=only_if, as_of=when)
    other = attrs.evolve(one, party=b)
    name_a, name_b = party_name(PLAN, a), party_name(PLAN, b)
    said = one.statement(NAMES)
    assert said.startswith(f"{name_a} {stance} act")
    assert said.removeprefix(name_a) == other.statement(NAMES).removeprefix(name_b)
    line = one.explain(NAMES)
    assert line.startswith(f"{name_a}, 2026-08-04: " if dated else f"{name_a}: ")
    assert line.replace(name_a, "P") == other.explain(NAMES).replace(name_b, "P")
    assert one.party == a  # the id stays in the data
    assert one.statement() == said.replace(name_a, a, 1)  # no names given: the id, as before
    assert str(one) == one.explain()


def test_every_bundled_position_reads_in_display_names() -> None:
    for p in PLAN.positions:
        line = p.explain(NAMES)
        assert line.startswith(NAMES[p.party])
        assert bare_ids(line, PLAN, prose=[p.summary, p.action]) == []
    stated = next(p for p in PLAN.positions if p.party == "hamas" and p.only_if is not None)
    assert stated.statement(NAMES).startswith("Hamas commits to ")
