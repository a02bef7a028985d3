"""The what-if scripts in examples/, run and checked for what they claim."""

from __future__ import annotations

import datetime as dt
import runpy

import pytest
from examples import whatif_hostage_clock, whatif_rejection, whatif_remains_ratio

import gazaplan as gp


@pytest.mark.parametrize(
    "module", [whatif_remains_ratio, whatif_hostage_clock, whatif_rejection], ids=str
)
def test_each_script_runs_as_a_program(module: object, capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(module.__file__), run_name="__main__")  # type: ignore[attr-defined]
    assert capsys.readouterr().out.strip()


def test_remains_ratio_owed_grows_with_the_ratio_and_15_is_the_plan() -> None:
    rows = whatif_remains_ratio.run()
    returned = {row.returned for row in rows}
    assert len(returned) == 1  # the same timeline: the same remains returned
    owed = [row.owed for row in rows if isinstance(row.owed, int)]
    assert len(owed) == len(rows)  # every ratio gives a number owed, none unknown
    assert owed == sorted(owed)
    per_hostage = {o // row.ratio for o, row in zip(owed, rows, strict=True)}
    assert len(per_hostage) == 1  # owed = ratio x remains received, for every ratio
    fulfilled = [row.status.name.startswith("FULFILLED") for row in rows]
    assert fulfilled == sorted(fulfilled, reverse=True)  # a higher ratio never helps
    (plans_own,) = [row for row in rows if row.ratio == 15]
    assert (
        plans_own.status
        is gp.compliance(gp.plan(), gp.timeline()).get(whatif_remains_ratio.OBLIGATION).status
    )


def test_hostage_clock_from_acceptance_falls_due_before_the_pull_back_clock() -> None:
    pull_back, acceptance = whatif_hostage_clock.run()
    assert pull_back.due is not None
    assert acceptance.due is not None
    assert acceptance.due < pull_back.due
    assert pull_back.due - pull_back.clock_from == dt.timedelta(hours=72)  # type: ignore[operator]
    assert acceptance.due - acceptance.clock_from == dt.timedelta(hours=72)  # type: ignore[operator]
    variant = whatif_hostage_clock.variant()
    published = gp.plan("2025-09-29").obligation("p4-return-hostages").deadline
    assert variant.obligation("p4-return-hostages").deadline == published
    # A week after the pull-back began, the acceptance clock had long run out.
    early = dt.datetime(2025, 10, 12, 12, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    pull_back, acceptance = whatif_hostage_clock.run(early)
    assert acceptance.status is gp.ComplianceStatus.OVERDUE
    assert pull_back.status is not gp.ComplianceStatus.OVERDUE


def test_rejection_opens_the_fallback_and_closes_the_main_path() -> None:
    report, comp = whatif_rejection.run()
    assert report.phase("fallback-17").verdict is gp.Verdict.MET
    assert report.phase("phase-1").verdict is gp.Verdict.UNMET
    item = comp.get("p17-proceed-in-handed-areas")
    assert item.status is not gp.ComplianceStatus.NOT_TRIGGERED  # the fallback is now owed
    assert item.triggered_at == whatif_rejection.timeline().events[-1].at
    assert all(not e.sources for e in whatif_rejection.timeline().events)  # hypothetical
