"""The plain words: one name for each thing, the same for every party, and ids never lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gazaplan import catalog
from gazaplan.core.state import FACTS
from gazaplan.core.words import (
    NO_OBLIGOR,
    fact_name,
    fact_question,
    named,
    parties_text,
    party_name,
    phase_name,
    target_name,
    verdict_words,
)
from gazaplan.truth import Verdict

PLAN = catalog.plan()


def test_parties_are_named_as_the_plan_names_them() -> None:
    assert party_name(PLAN, "us") == "United States"
    assert parties_text(PLAN, ["israel", "hamas"]) == "Israel and Hamas"
    assert parties_text(PLAN, ["israel", "us", "hamas"]) == "Israel, United States and Hamas"
    assert parties_text(PLAN, []) == NO_OBLIGOR == "no obligor named in the text"
    assert parties_text(PLAN, [], none="none identified") == "none identified"


def test_targets_and_phases_read_as_words() -> None:
    assert target_name(PLAN, "phase-2.completion") == "phase 2's completion"
    assert target_name(PLAN, "phase-1.entry") == "phase 1's preconditions"
    assert target_name(PLAN, "phase-1") == "phase 1's preconditions"
    perimeter = PLAN.phase("perimeter").name
    assert target_name(PLAN, "perimeter.completion") == f"the completion of {perimeter}"
    assert phase_name(PLAN, "reconstruction") == PLAN.phase("reconstruction").name
    assert target_name(PLAN, "phase-2.sideways") == "phase-2.sideways"  # no known form: as given
    assert target_name(PLAN, "nowhere.entry") == "nowhere.entry"
    action = next(o.action for o in PLAN.obligations() if o.id == "p13-decommission")
    assert target_name(PLAN, "p13-decommission") == f"“{action}” fulfilled"
    assert target_name(PLAN, "p13-decommission.trigger") == f"“{action}” due"


def test_verdicts_in_words_are_distinct() -> None:
    words = [verdict_words(v) for v in Verdict]
    assert len(set(words)) == len(words)
    assert verdict_words(Verdict.UNMET) == "conditions not met"


def test_facts_read_from_the_schema() -> None:
    assert fact_name("idf_line") == FACTS["idf_line"].doc
    assert fact_name("response.hamas", PLAN) == FACTS["response"].doc + " (Hamas)"
    assert fact_name("response.hamas") == FACTS["response"].doc + " (hamas)"
    assert fact_question("gaza_annexed") == "whether " + FACTS["gaza_annexed"].doc  # a flag
    assert fact_question("idf_line") == FACTS["idf_line"].doc  # not a flag: what it measures


@given(st.text(min_size=1, max_size=30))
def test_an_unknown_id_is_shown_never_dropped(ident: str) -> None:
    known = {p.id for p in PLAN.parties}
    if ident not in known:
        assert party_name(PLAN, ident) == ident
    if ident.partition(".")[0] not in FACTS:
        assert fact_name(ident) == ident
    if ident != "A name":
        assert named("A name", ident) == f"A name ({ident})"
    assert named(ident, ident) == ident


def test_every_party_has_a_name_other_than_its_id() -> None:
    for party in PLAN.parties:
        assert party_name(PLAN, party.id) == party.name != party.id
