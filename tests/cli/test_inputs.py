"""The command line uses what the user gave, or refuses it: scenario files bring their own plan and
events, and options that cannot go together or are empty are refused."""

from __future__ import annotations

import json

import pytest

import gazaplan as gp

from ..support.cli import run

SCENARIO = "examples/scenarios/pullback-clock.toml"


def test_report_and_compliance_on_a_scenario_use_its_plan() -> None:
    s = gp.load_scenario(SCENARIO)
    plan = s.plan()
    for command in ("report", "compliance"):
        code, out, _ = run(command, "--timeline", SCENARIO, "--json")
        assert code == 0
        assert json.loads(out)["version"] == plan.version
    _, out, _ = run("compliance", "--timeline", SCENARIO, "--json")
    statuses = {i["obligation"]: i["status"] for i in json.loads(out)["items"]}
    expected = gp.compliance(plan, s.timeline)
    assert statuses == {i.obligation.id: str(i.status) for i in expected.items}


def test_a_plan_version_that_contradicts_the_scenario_is_refused() -> None:
    other = next(v for v in gp.versions() if v != gp.load_scenario(SCENARIO).version)
    code, out, err = run("report", "--timeline", SCENARIO, "--plan", other)
    assert code == 2
    assert out == ""
    assert "--plan" in err


def test_compare_replays_the_scenarios_own_timeline() -> None:
    s = gp.load_scenario(SCENARIO)
    code, out, _ = run("compare", SCENARIO, "2025-09-29", "--json")
    assert code == 0
    found = [(i["id"], i["a"], i["b"]) for i in json.loads(out)["items"]]

    def pairs(c: gp.Comparison) -> list[tuple[str, str, str]]:
        return [
            (o.id, str(x.status) if x else "absent", str(y.status) if y else "absent")
            for x, y in c.obligations
            for o in [(x or y).obligation]  # type: ignore[union-attr]
        ]

    own = gp.compare(s.plan(), gp.plan("2025-09-29"), s.timeline)
    bundled = gp.compare(s.plan(), gp.plan("2025-09-29"), gp.timeline())
    assert found == pairs(own)
    assert pairs(own) != pairs(bundled)  # the test means something: the timelines differ


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "--at-publication", "--at", "2025-10-13T12:00+03:00"],
        ["report", "--at-publication", "--timeline", SCENARIO],
        ["report", "--html", ""],
        ["report", "--at", ""],
        ["compliance", "--at", ""],
        ["timeline", "--until", ""],
        ["report", "--timeline", ""],
        ["report", "--at", "0001-01-01T00:00+00:00"],
        ["compliance", "--at", "9999-12-31T00:00+00:00"],
    ],
)
def test_options_that_cannot_be_honoured_are_refused(argv: list[str]) -> None:
    code, out, err = run(*argv)
    assert code == 2
    assert out == ""
    assert err.startswith("gazaplan: error:")
