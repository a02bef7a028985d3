"""Notebook displays (``_repr_html_``) and tables (``to_pandas()``) of the plan and its results."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import attrs
import pandas as pd
import pytest
from hypothesis import given, settings

import gazaplan as gp
from gazaplan.core.words import named, verdict_words
from gazaplan.desk import tables
from gazaplan.time.histories import history

from ..support.htmlcheck import check_html, text_of
from ..support.strategies import PLAN, states, timelines

LATEST = gp.plan()
FIRST = gp.plan("2025-09-29")
TL = gp.timeline()
STATE = gp.replay(LATEST, TL)
REPORT = gp.check_plan(LATEST, STATE)
COMPLIANCE = gp.compliance(LATEST, TL)
DIFF = gp.diff(FIRST, LATEST)
COMPARISON = gp.compare(FIRST, LATEST, TL)


def _results() -> list[Any]:
    return [
        LATEST,
        LATEST.phases[0],
        REPORT,
        REPORT.phases[0],
        REPORT.obligations[0],
        REPORT.phases[1].entry,
        COMPLIANCE,
        COMPLIANCE.items[0],
        DIFF,
        COMPARISON,
        TL,
    ]


@pytest.mark.parametrize("obj", _results(), ids=lambda o: type(o).__name__)
def test_every_display_is_balanced_html_and_repr_stays_attrs(obj: Any) -> None:
    markup = obj._repr_html_()
    check_html(markup)
    assert markup.startswith('<div class="gp">')
    assert repr(obj).startswith(type(obj).__name__ + "(")  # plain repr is attrs' own


def test_plan_report_display_shows_each_phase_with_its_verdicts() -> None:
    text = text_of(REPORT._repr_html_())
    for r in REPORT.phases:
        assert (
            f"{r.phase.id} {r.phase.name} {verdict_words(r.verdict)} {verdict_words(r.completion.verdict)}"
            in text
        )


def test_compliance_display_shows_each_status_in_words() -> None:
    text = text_of(COMPLIANCE._repr_html_())
    for item in COMPLIANCE.items:
        assert f"{item.status} {named(item.obligation.action, item.obligation.id)}" in text


def test_data_is_escaped_in_displays() -> None:
    evil = "<script>alert('x')</script> & co"
    plan = attrs.evolve(FIRST, title=evil)
    phase = attrs.evolve(FIRST.phases[0], name=evil)
    for markup in (plan._repr_html_(), phase._repr_html_()):
        assert "<script>" not in markup
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in markup
        assert evil in text_of(markup)


def test_empty_diff_and_comparison_say_so() -> None:
    assert "no differences" in text_of(gp.diff(LATEST, LATEST)._repr_html_())
    same = gp.compare(LATEST, LATEST, TL)
    assert "no verdict or status differs" in text_of(same._repr_html_())


def test_long_tables_are_cut_with_a_pointer_to_to_pandas() -> None:
    events = [*TL.events] * 1
    many = gp.Timeline.of(attrs.evolve(e, id=f"copy-{i}-{e.id}") for i in range(2) for e in events)
    text = text_of(many._repr_html_())
    assert f"and {len(many) - 60} more rows" in text
    assert "to_pandas() has them all" in text


@settings(max_examples=25, deadline=None)
@given(states())
def test_plan_report_frame_agrees_with_the_report(state: gp.State) -> None:
    report = gp.check_plan(PLAN, state)
    phases = report.to_pandas()
    assert list(phases["phase"]) == [r.phase.id for r in report.phases]
    assert list(phases["preconditions"]) == [str(r.verdict) for r in report.phases]
    assert list(phases["completion"]) == [str(r.completion.verdict) for r in report.phases]
    obligations = report.to_pandas("obligations")
    assert list(obligations["status"]) == [str(o.status) for o in report.obligations]
    check_html(report._repr_html_())


def test_compliance_frame_keeps_instants_durations_and_order() -> None:
    df = COMPLIANCE.to_pandas()
    assert list(df["obligation"]) == [i.obligation.id for i in COMPLIANCE.items]
    assert list(df["status"]) == [str(i.status) for i in COMPLIANCE.items]
    assert str(df["due"].dtype).startswith("datetime64")
    assert str(df["overdue_by"].dtype).startswith("timedelta64")
    for item, due in zip(COMPLIANCE.items, df["due"], strict=True):
        assert pd.isna(due) if item.due is None else due == pd.Timestamp(item.due)


def test_history_frame_has_a_row_per_state_and_keeps_unknown_missing() -> None:
    h = history(LATEST, TL)
    df = h.to_pandas()
    assert len(df) == len(TL) + 1
    assert list(df["event"]) == ["start", *(e.id for e in TL.events)]
    start = h.start
    for spec in gp.FACTS.values():
        if spec.per_party or spec.derived:
            continue
        value = getattr(start, spec.field)
        if value is gp.UNKNOWN:
            assert df[spec.field].isna().iloc[0], spec.field  # unknown is missing, never False


def test_plan_tables_cover_the_plan() -> None:
    assert len(LATEST.to_pandas()) == 20
    assert list(LATEST.to_pandas("phases")["phase"]) == [p.id for p in LATEST.phases]
    assert len(LATEST.to_pandas("obligations")) == len(LATEST.obligations())
    figures = LATEST.to_pandas("figures")
    assert list(figures["claimed_by"]) == [f.claimed_by for f in LATEST.figures]
    assert figures["sources"].str.len().min() > 0  # every figure attributed
    assert set(LATEST.to_pandas("terms")["term"]) == set(LATEST.term_paths())
    with pytest.raises(gp.InvalidValueError, match="Use one of: provisions, phases"):
        LATEST.to_pandas("provision")


def test_timeline_diff_comparison_and_trace_frames() -> None:
    assert list(TL.to_pandas()["event"]) == [e.id for e in TL.events]
    assert len(DIFF.to_pandas()) == len(DIFF.differences)
    empty = gp.diff(LATEST, LATEST).to_pandas()
    assert list(empty.columns) == ["kind", "key", "before", "after"]
    assert empty.empty
    cmp = COMPARISON.to_pandas()
    assert list(cmp.columns) == ["item", "id", FIRST.version, LATEST.version]
    assert len(cmp) == len(COMPARISON.phases) + len(COMPARISON.obligations)
    entry = REPORT.phases[1].entry
    trace = entry.to_pandas()
    assert len(trace) == len(list(entry.walk()))
    assert trace.loc[0, "verdict"] == str(entry.verdict)


def test_scenario_result_frame(tmp_path: Any) -> None:
    scenario = gp.load_scenario("examples/scenarios/pullback-clock.toml")
    result = gp.check_scenario(scenario)
    df = result.to_pandas()
    assert list(df["passed"]) == [o.passed for o in result.outcomes]
    assert "expectations hold" in text_of(result._repr_html_())


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(gp.MissingExtraError, match=r"pip install 'gazaplan\[pandas\]'") as info:
        COMPLIANCE.to_pandas()
    assert isinstance(info.value, ImportError)
    assert info.value.extra == "pandas"
    assert "ComplianceReport.to_pandas()" in str(info.value)


def test_rows_and_displays_import_neither_pandas_nor_matplotlib() -> None:
    # cattrs is loaded: the bundled timeline is a data file, read by the documents' loader
    rows = tables.compliance_rows(COMPLIANCE)
    assert [r["status"] for r in rows] == [str(i.status) for i in COMPLIANCE.items]
    code = (
        "import sys, gazaplan as gp; p = gp.plan(); t = gp.timeline();"
        "gp.compliance(p, t)._repr_html_(); gp.check_plan(p, gp.replay(p, t))._repr_html_();"
        "print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@settings(max_examples=30, deadline=None)
@given(timelines(PLAN, max_size=6))
def test_history_rows_hold_every_state_and_displays_stay_balanced(tl: gp.Timeline) -> None:
    h = history(PLAN, tl)
    rows = tables.history_rows(h)
    assert len(rows) == len(tl) + 1
    for row, state in zip(rows, (h.start, *h.states), strict=True):
        for spec in gp.FACTS.values():
            if not spec.per_party and not spec.derived:
                assert row[spec.field] == tables.cell(getattr(state, spec.field))
    report = gp.compliance(PLAN, tl, at=tl.last)
    text = text_of(report._repr_html_())
    for item in report.items:
        assert f"{item.status} {named(item.obligation.action, item.obligation.id)}" in text
    assert list(tl.to_pandas()["event"]) == [e.id for e in tl.events]


def test_tables_and_displays_are_found_by_type_not_by_name() -> None:
    from gazaplan.desk._display import html_of
    from gazaplan.desk.tables import rows_of

    class Timeline:  # another class of the same name is not the library's Timeline
        events = ()

    for render in (html_of, rows_of):
        with pytest.raises(TypeError, match=r"no .* for a Timeline"):
            render(Timeline())
    report = gp.check_plan(gp.plan(), gp.State.initial(gp.plan()))
    assert rows_of(report)[0] == "phases"
    assert rows_of(report, "obligations")[0] == "obligations"
    assert "<table" in html_of(report)
