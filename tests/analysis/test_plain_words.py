"""The analysis in plain words: parties by their display names, facts by their meaning and targets
and obligations in words, each with its id beside it; ids kept in the fields and the data."""

from __future__ import annotations

import json
import pickle

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan import strategies as gst
from gazaplan.analysis.graphs import NodeKind
from gazaplan.analysis.implicants import called, flips, names_of, targets
from gazaplan.analysis.vetoes import Veto
from gazaplan.core.control import NONE_IDENTIFIED
from gazaplan.core.words import (
    NO_OBLIGOR,
    fact_name,
    named,
    parties_text,
    party_name,
    target_name,
)

from ..support.vocabulary import bare_ids

PLAN = gp.plan()
STATE = gp.replay(PLAN, gp.timeline())
REPORT = gp.analyse(PLAN, STATE)
TARGETS = [t for t in targets(PLAN) if not t.endswith(".trigger")]


def test_the_structure_report_shows_no_bare_party_or_fact_id() -> None:
    text = REPORT.explain()
    assert bare_ids(text, PLAN) == []
    for v in REPORT.vetoes:  # every veto player the data names, by its name in the words
        for party in (*v.players, *v.possible_players):
            assert party_name(PLAN, party) in text
    for i in REPORT.information[:10]:
        assert f"({i.fact}): could settle" in text  # the id beside what is missing
    doc = json.loads(json.dumps(REPORT.to_json()))  # machines keep the ids
    perimeter = next(v for v in doc["vetoes"] if v["target"] == "perimeter.entry")
    assert {x["party"] for x in perimeter["vetoes"]} >= {"us", "hamas", "israel"}
    assert "phase_two_certified" in perimeter["free"]


def test_the_words_agree_with_the_data_of_each_answer() -> None:
    v = REPORT.vetoes_of("perimeter.entry")
    text = v.explain()
    assert text.startswith(named(target_name(PLAN, v.target), v.target))
    assert f"veto: {party_name(PLAN, 'us')}: its refusal alone blocks it" in text
    for x in v:
        for fact in x.fixed:
            assert named(fact_name(fact, PLAN), fact) in x.explain()
    assert f"left free ({NONE_IDENTIFIED} as controlling): " in text
    paths = REPORT.paths_of("perimeter.entry")
    (smallest,) = paths.sets
    for change in smallest.changes:
        line = change.explain()
        assert line.startswith(named(fact_name(change.fact, PLAN), change.fact))
        if not change.controlled_by:
            assert line.endswith(f"controlled by: {NONE_IDENTIFIED}")
        for party in change.controlled_by:
            assert party_name(PLAN, party) in line


@settings(max_examples=25, deadline=None)
@given(gst.states(PLAN), st.sampled_from(TARGETS))
def test_every_answer_names_parties_and_facts_in_words(state: gp.State, target: str) -> None:
    vetoes = gp.veto_players(PLAN, target, state)
    paths = gp.paths_to(PLAN, target, state, limit=2)
    for text in (vetoes.explain(), paths.explain()):
        assert bare_ids(text, PLAN) == []
        assert text.startswith(called(names_of(PLAN), vetoes.target))
    for x in vetoes:  # each party that can block it, by its name
        if x.verdict is not gp.Verdict.UNMET and vetoes.now is not gp.Verdict.MET:
            assert f"veto: {party_name(PLAN, x.party)}: " in vetoes.explain()
    for s in paths:
        for change in s.changes:
            assert named(fact_name(change.fact, PLAN), change.fact) in paths.explain()


def test_flips_and_information_word_targets_and_facts_with_their_ids() -> None:
    found = flips(PLAN, STATE)
    assert found
    for f in found:
        assert f.explain().startswith(named(target_name(PLAN, f.target), f.target))
        assert bare_ids(f.explain(), PLAN) == []
    for i in gp.value_of_information(PLAN, STATE):
        assert bare_ids(i.explain(), PLAN) == []
        assert f"({i.fact}): could settle" in i.explain()
        for t, _, _ in i.flips:
            assert named(target_name(PLAN, t), t) in i.explain()


def test_the_cycle_words_its_links_and_keeps_the_ids_in_its_data() -> None:
    (cycle,) = REPORT.cycles
    text = cycle.explain()
    assert bare_ids(text, PLAN) == []
    for o in cycle.obligations:
        action = PLAN.obligation(o).action
        assert f"“{action}” ({o})" in text
    for k in cycle.links:
        assert k.explain() in text
        assert k.waiter in cycle.obligations  # the ids stay in the fields
    said = {k.because for k in cycle.links if k.because != "its trigger"}
    assert any(b.startswith("Hamas commits to") for b in said)
    assert any(b.startswith("Israel commits to") for b in said)


def test_the_graph_labels_parties_and_facts_in_words_and_keeps_ids_for_nodes() -> None:
    g = gp.graph(PLAN)
    for party in PLAN.parties:
        node_id = f"party:{party.id}"
        if node_id in g:
            assert g.node(node_id).label == party.name
    for n in g.nodes:
        if n.kind is NodeKind.FACT:
            assert n.label == fact_name(n.id.removeprefix("fact:"), PLAN)
        if n.kind is NodeKind.POSITION:  # the template's words, or the catalog's paraphrase
            assert bare_ids(n.label, PLAN, prose=[n.detail]) == []
    for o in PLAN.obligations():  # who owes it by name, or that the text names nobody
        detail = g.node(o.id).detail
        assert detail == (parties_text(PLAN, o.obligors) if o.obligors else NO_OBLIGOR)
    assert g.node("fact:hostages_held").detail.startswith(NONE_IDENTIFIED)
    assert g.node("fact:idf_line").detail.startswith("Israel: ")


def test_names_are_words_not_identity_and_survive_a_pickle() -> None:
    v = REPORT.vetoes_of("perimeter.entry")
    assert attrs.evolve(v, names={}) == v  # the ids are the answer; the names only word it
    us = next(x for x in v if x.party == "us")
    unnamed = Veto(us.party, us.verdict, us.fixed)
    assert unnamed == us
    assert us.explain().startswith("United States: ")
    assert unnamed.explain().startswith("us: ")  # without names an id is shown, never dropped
    back = pickle.loads(pickle.dumps(REPORT))
    assert back == REPORT
    assert back.explain() == REPORT.explain()
