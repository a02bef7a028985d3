"""One argument convention: the plan first, then the state or timeline; instants and options by
keyword. Today's positional forms keep working, with a DeprecationWarning naming the new form."""

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
    ("name", "args", "kwargs"),
    [
        ("replay", (PLAN, TL, AT), {"at": AT}),
        ("compliance", (PLAN, TL, AT), {"at": AT}),
        ("compare", (gp.plan("2025-09-29"), PLAN, TL, AT), {"at": AT}),
        ("dumps", (gp.Timeline(TL.events[:2]), "toml"), {"format": "toml"}),
    ],
)
def test_positional_instants_and_formats_still_work_with_a_warning(
    name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    fn = getattr(OLD, name)
    n = len(args) - 1
    with pytest.warns(DeprecationWarning, match=rf"pass {next(iter(kwargs))}=\.\.\. to {name}\(\)"):
        old = fn(*args)
    new = fn(*args[:n], **kwargs)  # no warning: pytest turns warnings into errors
    assert old == new


def test_html_report_takes_its_instant_by_keyword(tmp_path: Path) -> None:
    with pytest.warns(DeprecationWarning, match="html_report"):
        old = OLD.html_report(PLAN, TL, AT, plots=False)
    assert old == gp.html_report(PLAN, TL, at=AT, plots=False)
    new_file, old_file = tmp_path / "new.html", tmp_path / "old.html"
    gp.write_html_report(PLAN, TL, new_file, at=AT, plots=False)
    with pytest.warns(DeprecationWarning, match=r"write_html_report\(plan, timeline, path"):
        OLD.write_html_report(old_file, PLAN, TL, AT, plots=False)
    assert new_file.read_text(encoding="utf-8") == old_file.read_text(encoding="utf-8")


def test_misuse_of_the_old_forms_is_refused_by_name() -> None:
    with pytest.raises(TypeError, match="got 'at' twice"):
        OLD.replay(PLAN, TL, AT, at=AT)
    with pytest.raises(TypeError, match="replay\\(\\) takes 2 positional arguments"):
        OLD.replay(PLAN, TL, AT, None, "extra")
    with pytest.raises(TypeError, match="by keyword"):
        OLD.write_html_report(PLAN, TL, "x.html", AT)


def test_one_status_vocabulary_across_report_and_compliance() -> None:
    # Every word a state's report gives is a word compliance gives for the same situation.
    words = {s.value for s in gp.ComplianceStatus}
    assert {s.value for s in gp.ObligationStatus} - {"fulfilled"} <= words
    assert OLD.ObligationStatus.OWED is gp.ObligationStatus.PENDING  # the old name still works
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
