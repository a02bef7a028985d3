"""What flips: ``compare`` names the conditions whose verdicts differ between two plans, with the
values each side reads and needs; ``diff`` leads with the terms and conditions."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.core.state import read_fact

ASSUMPTION = gp.Source(tag="what-if", title="an assumption of the test", outlet="tests")
BASE = gp.plan()
TIMELINE = gp.timeline()


def ratio(n: int) -> gp.Plan:
    edit = gp.SetTerm("exchange.remains_ratio", gp.Sourced(n, (ASSUMPTION,)))
    return gp.amend(BASE, edit, version=f"{BASE.version}+ratio-{n}")


def _verdict(ev: gp.Evaluation | None) -> object:
    return None if ev is None else ev.verdict


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 60), st.integers(1, 60))
def test_flips_are_the_same_from_either_side_and_each_one_flips(x: int, y: int) -> None:
    a, b = ratio(x), ratio(y)
    ab, ba = gp.compare(a, b, TIMELINE), gp.compare(b, a, TIMELINE)
    forward = Counter((f.where, f.label, _verdict(f.a), _verdict(f.b)) for f in ab.flips)
    backward = Counter((f.where, f.label, _verdict(f.b), _verdict(f.a)) for f in ba.flips)
    assert forward == backward
    targets = {f"{x.phase.id}.{p}" for x, _ in ab.phases for p in ("entry", "completion")}
    ids = {(ca or cb).obligation.id for ca, cb in ab.obligations}  # type: ignore[union-attr]
    for f in ab.flips:
        assert f.a is None or f.b is None or f.a.verdict is not f.b.verdict
        assert f.where in targets or f.where.rpartition(".")[0] in ids
    if x == y:
        assert not ab.flips
        assert not ab.changes
    else:
        assert [(d.kind, d.key) for d in ab.changes] == [("term", "exchange.remains_ratio")]


@pytest.mark.parametrize("n", [20, 25])
def test_the_remains_ratio_flips_with_what_is_returned_against_what_is_owed(n: int) -> None:
    variant = ratio(n)
    c = gp.compare(BASE, variant, TIMELINE)
    state = gp.replay(variant, TIMELINE)
    returned = read_fact(state, "gazan_remains_returned")
    owed = n * read_fact(state, "israeli_hostage_remains_returned")
    assert returned < owed  # the what-if asks for more than was returned
    flipped = [f for f in c.flips_of("p5-return-remains") if f.b is not None]
    assert flipped
    assert f"{returned}; needs at least {owed}: does not hold" in [f.side("b") for f in flipped]
    text = c.explain()
    assert "exchange.remains_ratio: 15 -> " + str(n) in text
    assert "what flips:" in text
    assert f"{returned}; needs at least {owed}: does not hold" in text
    assert f"{returned} of {owed} under {variant.version}" in text  # the quantity, each side


def test_a_flip_side_is_a_or_b() -> None:
    flip = gp.whatif.Flip("x.entry", "a test", None, None, None)
    assert flip.side("a") == "not in this plan"
    with pytest.raises(gp.InvalidValueError):
        flip.side("c")


PAIRS = list(itertools.combinations(gp.versions(), 2))


@pytest.mark.parametrize(("a", "b"), PAIRS[:8])
def test_the_diff_text_leads_with_terms_and_conditions(a: str, b: str) -> None:
    d = gp.diff(gp.plan(a), gp.plan(b))
    lines = d.explain().splitlines()
    sections = [line for line in lines if not line.startswith(" ")][1:]
    order = [s for s in ("Terms:", "Conditions:", "The version itself:") if s in sections]
    assert [s for s in sections if s in order] == order
    if "Terms:" in sections:
        assert sections[0] == "Terms:"
    kinds = Counter(x.kind for x in d.differences)
    assert sum(line.startswith("  ") for line in lines) == len(d.differences)
    assert lines[0].startswith(f"{a} -> {b}: {len(d.differences)} difference")
    if kinds["term"]:
        assert f"{kinds['term']} term" in lines[0]


def test_the_diff_names_only_the_amendments_added() -> None:
    old, new = gp.plan(gp.versions()[-2]), gp.plan(gp.versions()[-1])
    text = gp.diff(old, new).explain()
    added = new.amendments[-1]
    (line,) = [x for x in text.splitlines() if x.strip().startswith("amendments:")]
    assert line.strip() == f"amendments: added {added.version} ({added.title})"
    for kept in old.amendments:
        assert kept.title not in line
