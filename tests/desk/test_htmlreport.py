"""The HTML report's content, checked without a browser (see test_report_browser for one)."""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import pytest

import gazaplan as gp
from gazaplan.core.words import named, verdict_words
from gazaplan.desk.htmlreport import html_report, write_html_report

from ..support.htmlcheck import check_html, text_of

PLAN = gp.plan()
TL = gp.timeline()
PAGE = html_report(PLAN, TL)


def test_page_is_balanced_self_contained_and_fetches_nothing() -> None:
    checked = check_html(PAGE.removeprefix("<!DOCTYPE html>\n"))
    assert checked.fetches == []
    assert "script" not in checked.tags
    assert "default-src 'none'" in PAGE  # the browser may not fetch anything either
    assert checked.tags.count("svg") == 3  # the plots, inline


def test_page_shows_verdicts_statuses_and_attributed_figures() -> None:
    text = text_of(PAGE.removeprefix("<!DOCTYPE html>\n"))
    report = gp.check_plan(PLAN, gp.replay(PLAN, TL))
    for r in report.phases:
        assert (
            f"{r.phase.id} {r.phase.name} {verdict_words(r.verdict)} {verdict_words(r.completion.verdict)}"
            in text
        )
    for item in gp.compliance(PLAN, TL).items:
        o = item.obligation
        assert f"{item.status} {named(o.action, o.id)} {o.kind} {o.provision}" in text
    for f in PLAN.figures:
        assert f.claimed_by in text
    for e in TL.events:
        assert e.summary in text


def test_page_is_deterministic() -> None:
    assert html_report(PLAN, TL) == PAGE


def test_data_is_escaped() -> None:
    evil = attrs.evolve(PLAN, title="<b onload=x>Plan & co</b>")
    page = html_report(evil, TL, plots=False)
    assert "<b onload" not in page
    assert "&lt;b onload=x&gt;Plan &amp; co&lt;/b&gt;" in page


def test_judged_at_an_earlier_instant(tmp_path: Path) -> None:
    at = TL.events[5].at
    out = tmp_path / "r.html"
    write_html_report(PLAN, TL, out, at=at, plots=False)
    text = out.read_text(encoding="utf-8")
    assert f"{len(TL.until(at))} of {len(TL)}" in text
    assert "<svg" not in text


def test_without_matplotlib_the_page_says_which_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    page = html_report(PLAN, TL)
    assert "pip install &#x27;gazaplan[plot]&#x27;" in page
    assert "<svg" not in page


def test_page_has_the_structure_section_with_every_claim_cited() -> None:
    section = PAGE.split('id="structure"', 1)[1].split("<h2", 1)[0]
    assert 'href="#structure"' in PAGE
    assert "(p13-decommission)" in section  # the cycle, in words with the ids beside them
    assert "(p16-hand-over)" in section
    assert "TL-2026-07-31-4" in section  # Hamas's stated condition, cited
    assert "TL-2026-08-09-1" in section  # Israel's, cited
    assert (
        "What must happen for the preconditions of Withdrawal to the security perimeter" in section
    )
    assert "(perimeter.entry)" in section
    assert "WH 16" in section  # who controls the withdrawal, and where the plan says so
    assert "none identified" in section
    assert "Parties whose refusal alone blocks each target" in section
