"""``gazaplan status``: the headline, the same figures as ``report``; ``report`` opens with it;
``check`` takes every target form the other commands take."""

from __future__ import annotations

import pytest

import gazaplan as gp
from gazaplan.analysis.implicants import targets
from gazaplan.core.evaluation import evaluate

from ..support.cli import run, run_json


def test_status_answers_the_headline_from_the_bundled_data() -> None:
    code, out, err = run("status")
    assert (code, err) == (0, "")
    assert "Where the plan stands on 9 October 2026" in out
    assert "- Phase: phase 2 (" in out
    assert "- Next step: phase 2's completion" in out
    assert "the data reach 9 October 2026" in out


def test_its_figures_equal_the_reports() -> None:
    _, status = run_json("status")
    _, report = run_json("report")
    assert status["counts"] == report["counts"] == report["headline"]["counts"]
    assert status["version"] == report["version"]
    assert status["data_as_of"] == report["data_as_of"]
    assert {k: v for k, v in status.items() if k not in ("command", "at_read", "release")} == (
        report["headline"]
    )
    statuses = [o["status"] for o in report["obligations"]]
    assert status["obligations"] == len(statuses)
    assert status["unknown"] == statuses.count("unknown")


@pytest.mark.parametrize("at", ["2025-10-01", "2025-12-01", "2026-06-01"])
def test_the_same_paragraph_opens_the_report(at: str) -> None:
    _, status, _ = run("status", "--at", at)
    _, report, _ = run("report", "--at", at)
    paragraph = status.split("\n\n", 1)[1]
    assert paragraph.strip()
    body = report.split("\n\n", 1)[1]
    assert body.startswith(paragraph)


def test_the_notebook_display_of_a_report_opens_with_it() -> None:
    r = gp.report(gp.plan_versions(), gp.timeline())
    html = r._repr_html_()
    assert html.index('class="headline"') < html.index("plan version judging")
    assert "Where the plan stands on 9 October 2026" in html


PLAN = gp.plan_versions()[-1]


@pytest.mark.parametrize("target", targets(PLAN))
def test_check_takes_every_target_the_analysis_takes(target: str) -> None:
    code, doc = run_json("check", target, "--expect", "met")
    (result,) = doc["results"]
    assert code == (0 if result["passed"] else 1)
    assert result["target"] == target
    from gazaplan.analysis.implicants import resolve

    state = gp.replay(PLAN, gp.timeline())
    _, condition = resolve(PLAN, target)
    assert result["verdict"] == str(evaluate(condition, state, plan=PLAN).verdict)


@pytest.mark.parametrize("target", ["phase-2", "p13-decommission"])
def test_a_target_alone_means_its_usual_part(target: str) -> None:
    _, alone = run_json("check", target)
    part = "entry" if target.startswith("phase") else "completion"
    _, full = run_json("check", f"{target}.{part}")
    assert alone["results"][0]["verdict"] == full["results"][0]["verdict"]
    assert alone["results"][0]["target"] == f"{target}.{part}"


def test_check_refuses_a_part_a_target_does_not_have() -> None:
    code, out, err = run("check", "phase-2.trigger")
    assert code == 2
    assert out == ""
    assert "phase-2 has no part 'trigger'" in err
    assert "phase-2.completion" in err
