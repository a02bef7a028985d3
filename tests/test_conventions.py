"""One argument convention: the plan first, then the state or timeline; instants and options by
keyword only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import gazaplan as gp

PLAN = gp.plan()
TL = gp.timeline()
AT = dt.datetime(2025, 10, 20, 12, tzinfo=dt.timezone(dt.timedelta(hours=3)))
OLD: Any = gp  # the old forms, which type checkers (rightly) refuse


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("replay", (PLAN, TL, AT)),
        ("compliance", (PLAN, TL, AT)),
        ("compare", (gp.plan("2025-09-29"), PLAN, TL, AT)),
        ("dumps", (gp.Timeline(TL.events[:2]), "toml")),
        ("html_report", (PLAN, TL, AT)),
    ],
)
def test_instants_and_options_are_taken_by_keyword_only(name: str, args: tuple[Any, ...]) -> None:
    # The positional forms of before 0.1.0 are refused, by Python's own message.
    with pytest.raises(TypeError, match="positional argument"):
        getattr(OLD, name)(*args)


def test_write_html_report_takes_the_report_first_then_the_path(tmp_path: Path) -> None:
    target = tmp_path / "new.html"
    gp.write_html_report(PLAN, TL, target, at=AT, plots=False)
    assert target.read_text(encoding="utf-8") == gp.html_report(PLAN, TL, at=AT, plots=False)
    with pytest.raises(TypeError, match="positional argument"):
        OLD.write_html_report(PLAN, TL, tmp_path / "x.html", AT)


def test_one_status_vocabulary_across_report_and_compliance() -> None:
    # Every word a state's report gives is a word compliance gives for the same situation.
    words = {s.value for s in gp.ComplianceStatus}
    assert {s.value for s in gp.ObligationStatus} - {"fulfilled"} <= words
    assert not hasattr(gp.ObligationStatus, "OWED")  # the name before 0.1.0
    assert str(gp.ObligationStatus.PENDING) == str(gp.ComplianceStatus.PENDING) == "pending"
    state = gp.replay(PLAN, TL, at=AT)
    report = gp.check_plan(PLAN, state)
    comp = gp.compliance(PLAN, TL, at=AT)
    pending = [ob for phase in report for ob in phase if ob.status is gp.ObligationStatus.PENDING]
    assert pending  # 20 October 2025: some obligations are due and not done
    for phase in report:
        for ob in phase:
            if ob.status is gp.ObligationStatus.PENDING:  # due, not done: pending or overdue
                assert comp[ob.obligation.id].status in (
                    gp.ComplianceStatus.PENDING,
                    gp.ComplianceStatus.OVERDUE,
                    gp.ComplianceStatus.PARTLY_FULFILLED,
                )
