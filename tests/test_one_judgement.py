"""One judgement per instant: every view of a report shows the same status for each obligation
and the same counts.

The views: the report's text (its phase sections, its summary line and its compliance table),
the HTML page, the rows ``--json`` and the CSV export write, the DataFrame, the PA-X/PAM scores,
a sweep's variant with nothing changed and a Monte Carlo run with nothing perturbed.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.core.words import named
from gazaplan.desk import tables as t
from gazaplan.desk.htmlreport import html_report
from gazaplan.desk.pax import provision_scores
from gazaplan.runs.perturbations import Drop, Perturbation
from gazaplan.whatif.scenarios import Scenario

from .support.htmlcheck import text_of
from .support.strategies import PLAN, T0, timelines

LABEL = re.compile(r"^\s*\[([A-Z ()]+)\] ([a-z0-9-]+) \(point \d+", re.M)


def text_statuses(text: str) -> dict[str, set[str]]:
    """Every status label the text gives each obligation (phase sections and compliance table)."""
    found: dict[str, set[str]] = {}
    for word, oid in LABEL.findall(text):
        if oid.startswith(("p", "keep")) and word not in ("MET", "UNMET"):
            found.setdefault(oid, set()).add(word.lower())
    return found


def views_agree(plan: gp.Plan | tuple[gp.Plan, ...], tl: gp.Timeline, at: dt.datetime) -> None:
    r = gp.report(plan, tl, at=at)
    statuses = {c.obligation.id: str(c.status) for c in r.compliance.items}
    counts = Counter(statuses.values())
    assert {str(s): n for s, n in r.counts().items()} == dict(counts)
    assert r.summary() == ", ".join(f"{n} {s}" for s, n in r.counts().items())
    # the text: every label of an obligation is its one status; the summary line is the counts
    text = r.explain()
    assert {k: {v} for k, v in statuses.items()} == text_statuses(text)
    assert f"Obligations: {r.summary()}\n" in text
    # the rows of --json and of the tables
    rows = t.compliance_rows(r.compliance)
    assert {row["obligation"]: row["status"] for row in rows} == statuses
    # the HTML page: the summary, the compliance table and the phase sections' texts
    page = html_report(plan, tl, at=at, plots=False)
    body = text_of(page.removeprefix("<!DOCTYPE html>\n"))
    assert f"obligations {r.summary()}" in body
    for c in r.compliance.items:
        o = c.obligation
        assert f"{c.status} {named(o.action, o.id)} {o.kind} {o.provision}" in body
    pre = "\n".join(html.unescape(x) for x in re.findall(r"<pre>(.*?)</pre>", page, flags=re.S))
    phase_text = text_statuses(pre)
    assert phase_text == {k: {v} for k, v in statuses.items() if k in phase_text}
    assert set(phase_text) == {c.obligation.id for c in r.phases.obligations}
    # the DataFrame
    frame = r.to_pandas()
    assert dict(zip(frame["obligation"], frame["status"], strict=True)) == statuses
    # the PA-X/PAM scores read the same statuses
    scored = {o: st for s in provision_scores(plan, tl, at=at) for o, st, _ in s.obligations}
    assert scored == {k: v for k, v in statuses.items() if v != "superseded"}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(timelines(max_size=8), st.integers(0, 400))
def test_every_view_shows_the_same_statuses_and_counts(tl: gp.Timeline, hours: int) -> None:
    at = (tl.last or T0) + dt.timedelta(hours=hours)
    views_agree(PLAN, tl, at)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(timelines(max_size=6), st.integers(0, 400))
def test_sweeps_and_monte_carlo_read_the_same_statuses(tl: gp.Timeline, hours: int) -> None:
    at = (tl.last or T0) + dt.timedelta(hours=hours)
    statuses = {c.obligation.id: str(c.status) for c in gp.compliance(PLAN, tl, at=at).items}
    ratio = PLAN.exchange.remains_ratio.value
    swept = gp.sweep(PLAN, {"exchange.remains_ratio": [ratio]}, timeline=tl, at=at)
    variant = swept.variants[0]
    assert {s.id: s.status for s in variant.standings if s.kind == "obligation"} == statuses
    scenario = Scenario(name="unchanged", version=PLAN.version, timeline=tl)
    nothing = Perturbation((Drop(0.0),))  # every run is the timeline as it is
    mc = gp.monte_carlo(scenario, nothing, 2, seed=1, at=at, keep_runs=True)
    for run in mc.runs:
        assert dict(zip(mc.obligations, map(str, run.statuses), strict=True)) == statuses


BUNDLED = gp.timeline()
EDGE = BUNDLED.data_as_of or BUNDLED.events[-1].at  # the release sets it
INSTANTS = [
    dt.datetime(2025, 10, 13, 23, 0, tzinfo=dt.timezone(dt.timedelta(hours=3))),
    dt.datetime(2026, 3, 3, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    EDGE,
    EDGE + dt.timedelta(days=60),
]


@pytest.mark.parametrize("at", INSTANTS, ids=["13-oct-2025", "3-mar-2026", "edge", "past-edge"])
def test_on_the_bundled_data_every_view_agrees_under_the_version_in_force(at: dt.datetime) -> None:
    views_agree(gp.plan_versions(), BUNDLED, at)


def test_library_and_command_line_default_to_the_same_instant() -> None:
    from .support.cli import run_json

    r = gp.report(gp.plan_versions(), BUNDLED)
    assert r.at == EDGE == gp.compliance(gp.plan_versions(), BUNDLED).at
    code, doc = run_json("report")
    assert code == 0
    assert doc["at"] == EDGE.isoformat()
    assert {row["obligation"]: row["status"] for row in doc["obligations"]} == {
        c.obligation.id: str(c.status) for c in r.compliance.items
    }
    assert doc["counts"] == {str(s): n for s, n in r.counts().items()}
    assert doc["version"] == r.version == gp.plan().version


def test_the_csv_export_scores_read_the_same_statuses(tmp_path: Path) -> None:
    from gazaplan.desk.pax import export_csv

    export_csv(tmp_path, gp.plan_versions(), gp.dataset())
    r = gp.report(gp.plan_versions(), BUNDLED)
    with (tmp_path / "scores.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows
    for row in rows:
        assert row["plan_version"] == r.version
        assert row["judged_at"] == r.at.isoformat()
    with (tmp_path / "score_obligations.csv").open(encoding="utf-8") as f:
        written = {row["obligation_id"]: row["status"] for row in csv.DictReader(f)}
    assert written == {c.obligation.id: str(c.status) for c in r.compliance.items}


def test_a_source_tagged_with_a_word_of_the_plan_changes_no_view() -> None:
    # a source tagged "UN" cites an event; the UN named in point 8's text stays a word, not a link
    un = gp.Source("UN", "A statement", "United Nations")
    event = gp.Event("e1", T0 + dt.timedelta(days=3), gp.CeasefireChanged(True), sources=(un,))
    tl = gp.Timeline([event])
    page = html_report(PLAN, tl, plots=False)
    assert 'href="#source-UN">UN</a>' in page  # the event's citation
    assert 'href="#source-UN">UN</a>, the Red' not in page
    views_agree(PLAN, tl, (tl.last or T0) + dt.timedelta(hours=1))
