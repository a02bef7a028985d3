"""The news first on the command line: ``compliance`` and ``report`` lead with what changed and
group the unknown obligations by the fact they miss, with who could settle it; ``compare``
names what flips; ``simulate`` lists the invariant obligations."""

from __future__ import annotations

import json
from pathlib import Path

import gazaplan as gp
from gazaplan.core.control import NONE_IDENTIFIED
from gazaplan.core.words import fact_question, parties_text

from ..support.cli import run, run_json


def _expected_lines() -> tuple[gp.ComplianceReport, list[str]]:
    """The compliance report the commands judge, and its groups' headings as they must read."""
    plan, controls = gp.plan(), gp.controls()
    report = gp.compliance(gp.plan_versions(), gp.timeline(), controls=controls)
    headings = []
    for group in report.unknown_groups():
        for i, fact in enumerate(group.facts):
            who = parties_text(plan, controls.parties(fact), none=NONE_IDENTIFIED)
            lead = "missing: " if i == 0 else "and: "
            headings.append(f"{lead}{fact_question(fact)} ({fact}); who could settle it: {who}")
    return report, headings


def test_compliance_leads_with_the_news_and_names_who_could_settle_each_missing_fact() -> None:
    code, out, err = run("compliance")
    assert (code, err) == (0, "")
    report, headings = _expected_lines()
    assert headings
    for heading in headings:
        assert f"\n    {heading}\n" in out
    statuses = [
        line.strip()[1:].split("]")[0] for line in out.splitlines() if line.strip().startswith("[")
    ]
    assert statuses == [str(c.status).upper() for c in report.items]
    assert not statuses[0].startswith("UNKNOWN")
    code, doc = run_json("compliance")  # the JSON lists the items in the same order
    assert [i["id"] if "id" in i else i["obligation"] for i in doc["items"]] == [
        c.obligation.id for c in report.items
    ]


def test_the_report_s_compliance_part_is_the_same_text() -> None:
    code, out, _ = run("report")
    assert code == 0
    part = out[out.index("Compliance as of") :]
    _, compliance_out, _ = run("compliance")
    table = compliance_out[compliance_out.index("Compliance as of") :]
    assert part.startswith(table)


def test_simulate_json_lists_the_invariant_obligations() -> None:
    code, doc = run_json("simulate", "bundled", "-q", "--delay", "0:3", "--runs", "40")
    assert code == 0
    by_obligation: dict[str, set[str]] = {}
    for row in doc["rows"]:
        by_obligation.setdefault(row["obligation"], set()).add(row["status"])
    invariant = {o: s.pop() for o, s in by_obligation.items() if len(s) == 1}
    assert {i["obligation"]: i["status"] for i in doc["invariant"]} == invariant
    _, out, _ = run("simulate", "bundled", "-q", "--delay", "0:3", "--runs", "40")
    assert f"{len(invariant)} obligations are invariant" in out


def test_compare_names_the_condition_that_flips_with_each_side(tmp_path: Path) -> None:
    exported = tmp_path / "plan.json"
    assert run("export", "plan", str(exported))[0] == 0
    doc = json.loads(exported.read_text())
    doc["exchange"]["remains_ratio"]["value"] = 20
    doc["version"] = "ratio-20"
    variant = tmp_path / "ratio-20.json"
    variant.write_text(json.dumps(doc))
    base = gp.plan().version
    code, out, err = run("compare", base, str(variant))
    assert (code, err) == (0, "")
    c = gp.compare(gp.plan(), gp.load(variant, gp.Plan), gp.timeline())
    assert c.flips
    assert "exchange.remains_ratio: 15 -> 20" in out
    for f in c.flips:  # each plan's side, as the library words it
        assert f.side("a") != f.side("b")
        for line in f.explain(base, "ratio-20").splitlines():
            assert f"\n      {line}\n" in out
