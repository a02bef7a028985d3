"""``gazaplan analyse``, ``figures``, ``points`` and ``timeline`` in plain words: no party's or fact's
id stands alone in their prose (a party by its name, a fact by its meaning with its id beside it);
``--json`` keeps the ids."""

from __future__ import annotations

import gazaplan as gp
from gazaplan.core.words import party_names

from ..support.cli import run, run_json
from ..support.vocabulary import bare_ids

PLAN = gp.plan()


def test_analyse_names_every_party_and_fact_in_words() -> None:
    for argv in (["analyse"], ["analyse", "--no-positions", "--phase", "phase-2"]):
        code, out, _ = run(*argv)
        assert code == 0
        assert bare_ids(out, PLAN) == [], argv
    code, doc = run_json("analyse")
    assert code == 0
    named = {x["party"] for v in doc["vetoes"] for x in v["vetoes"]}
    assert {"us", "hamas", "israel"} <= named  # machines keep the ids
    out = run("analyse")[1]
    for party in named:  # and each of those parties is named in the words
        assert party_names(PLAN)[party] in out


def test_an_older_version_is_worded_from_its_own_plan() -> None:
    code, out, _ = run("analyse", "--plan", "2025-09-29", "--at", "2025-10-20T12:00+03:00")
    assert code == 0
    assert bare_ids(out, gp.plan("2025-09-29")) == []


def test_figures_name_each_party_by_its_name() -> None:
    code, out, _ = run("figures")
    assert code == 0
    prose = [p.summary for p in PLAN.positions] + [p.action for p in PLAN.positions]
    prose += [f"{f}" for f in PLAN.figures]
    assert bare_ids(out, PLAN, prose=prose) == []
    names = party_names(PLAN)
    lines = out.split("Positions\n", 1)[1].splitlines()
    assert len(lines) == len(PLAN.positions)
    for p, line in zip(PLAN.positions, lines, strict=True):
        assert line.startswith(f"  - {names[p.party]}")
    code, doc = run_json("figures")
    assert {r["party"] for r in doc["positions"]} <= {p.id for p in PLAN.parties}


def test_points_and_the_timeline_show_no_bare_id() -> None:
    code, out, _ = run("points")
    assert code == 0
    prose = [x for p in PLAN.provisions for x in (p.title, p.paraphrase, p.obligor_note, p.note)]
    assert bare_ids(out, PLAN, prose=[x for x in prose if x]) == []
    code, out, _ = run("timeline")
    assert code == 0
    events = gp.timeline().events
    lines = out.splitlines()
    assert len(lines) == len(events) + 1
    for e, line in zip(events, lines, strict=False):
        head, _, rest = line.partition(": ")
        assert head.endswith(" " + e.kind.replace("_", " "))  # the kind's tag in words
        assert bare_ids(rest, PLAN, prose=[e.summary]) == []
    assert "gazan_remains_returned" not in out  # the tag itself stays in --json
    code, doc = run_json("timeline")
    assert "gazan_remains_returned" in {r["kind"] for r in doc["events"]}
