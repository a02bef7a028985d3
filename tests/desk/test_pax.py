"""Implementation scores on the Peace Accords Matrix scale, PA-X tags, and the dataset's CSV
export."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.cli import main
from gazaplan.desk.pax import (
    PAX_TAGS,
    export_csv,
    obligation_score,
    point_score,
    provision_scores,
)

PLAN, DATA = gp.plan(), gp.dataset()
AS_OF = DATA.latest.as_of
S = gp.ComplianceStatus
SCORES = st.lists(st.sampled_from([0, 1, 2, 3, gp.UNKNOWN]), max_size=6)


@given(SCORES)
def test_a_known_point_score_holds_whatever_the_unknowns_are(
    scores: list[int | gp.Unknown],
) -> None:
    result = point_score(scores)
    if not scores:
        assert result is gp.UNKNOWN
        return
    fillings = [[v if not isinstance(v, gp.Unknown) else k for v in scores] for k in range(4)]
    outcomes = {math.floor(sum(f) / len(f)) for f in fillings}
    if result is not gp.UNKNOWN:
        assert outcomes == {result}  # sound: no unknown could change it
    if gp.UNKNOWN not in scores:
        assert result == sum(scores) // len(scores)  # type: ignore[arg-type]


def test_the_status_mapping() -> None:
    for item in gp.compliance(PLAN, gp.timeline(), at=AS_OF).items:
        score = obligation_score(item)
        if item.status in (S.FULFILLED, S.FULFILLED_LATE, S.FULFILLED_ON_TIME):
            assert score == 3
        elif item.status is S.NOT_TRIGGERED:
            assert score == 0
        elif item.status is S.UNKNOWN or not item.quantities:
            assert score is gp.UNKNOWN  # not complete is not 'not initiated'


def test_points_are_scored_and_tagged() -> None:
    scores = {s.point: s for s in provision_scores(PLAN, gp.timeline(), at=AS_OF)}
    assert len(scores) == 20
    assert (scores[3].score, scores[3].label) == (3, "full")  # ceasefire and first line [TL]
    assert scores[19].score is gp.UNKNOWN  # no obligation under an aspiration
    assert "ceprov" in scores[3].tags
    assert set(PAX_TAGS) <= set(gp.records.Topic)


def test_the_export_describes_every_column(tmp_path: Path) -> None:
    written = export_csv(tmp_path, PLAN, DATA)
    assert [p.name for p in written] == [
        "events.csv",
        "event_figures.csv",
        "sources.csv",
        "scores.csv",
        "score_obligations.csv",
        "datapackage.json",
    ]
    package = json.loads(written[-1].read_text("utf-8"))
    assert package["version"] == "2026.10"
    for resource in package["resources"]:
        with (tmp_path / resource["path"]).open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        names = [field["name"] for field in resource["schema"]["fields"]]
        assert list(rows[0]) == names
        assert all(field["description"] for field in resource["schema"]["fields"])
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    vetted = [r["event_id"] for r in rows if r["entry_status"] == "vetted"]
    assert vetted == [e.id for e in gp.timeline()]
    candidates = {e.id for e in gp.timeline(candidates=True)} - {e.id for e in gp.timeline()}
    assert {r["event_id"] for r in rows if r["entry_status"] == "candidate"} == candidates
    with (tmp_path / "event_figures.csv").open(encoding="utf-8", newline="") as f:
        figures = [r for r in csv.DictReader(f) if r["event_id"] == "2026-10-07-third-anniversary"]
    assert {f["claimed_by"] for f in figures} >= {"CNN, via a news-site build"}


def test_the_scores_and_the_statuses_behind_them(tmp_path: Path) -> None:
    versions = gp.plan_versions()
    export_csv(tmp_path, versions, DATA)
    with (tmp_path / "score_obligations.csv").open(encoding="utf-8", newline="") as f:
        owed = list(csv.DictReader(f))
    report = gp.compliance(versions, gp.timeline(), at=AS_OF)
    scored = {c.obligation.id: str(c.status) for c in report.items}
    assert owed
    assert all(scored[r["obligation_id"]] == r["status"] for r in owed)
    with (tmp_path / "scores.csv").open(encoding="utf-8", newline="") as f:
        points = {int(r["point"]): r for r in csv.DictReader(f)}
    assert points[19]["score"] == ""  # unknown: an empty cell, declared missing
    assert points[19]["score_label"] == "unknown"
    assert {r["release"] for r in points.values()} == {"2026.10"}


def test_data_export_on_the_command_line(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["data", "export", str(tmp_path), "--release", "2026.05"], out=out, err=err) == 0
    assert "wrote" in out.getvalue()
    assert json.loads((tmp_path / "datapackage.json").read_text("utf-8"))["version"] == "2026.05"


def test_a_partly_delivered_obligation_scores_by_its_least_share() -> None:
    egypt = gp.plan("2025-10-09")
    import datetime as dt

    item = gp.compliance(egypt, gp.timeline(), at=dt.datetime(2025, 10, 20, tzinfo=dt.UTC)).get(
        "p4-return-hostages"
    )
    shares = [q.delivered / q.owed for q in item.quantities]
    assert 0 < min(shares) < 0.5  # 20 of 20 living back, fewer than half the deceased
    assert obligation_score(item) == 1


def test_an_export_that_fails_midway_leaves_no_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # When one file of the set could not be written the others stayed (events.csv without its
    # datapackage.json); the set is now written aside, then moved into place.
    from gazaplan.desk import exports

    real = exports._csv_file
    calls: list[Path] = []

    def failing(table: Any, path: Path) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(path))
        real(table, path)

    monkeypatch.setattr(exports, "_csv_file", failing)
    with pytest.raises(OSError, match="No space left"):
        export_csv(tmp_path / "out", PLAN, DATA)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == []
    monkeypatch.setattr(exports, "_csv_file", real)
    written = export_csv(tmp_path / "out", PLAN, DATA)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in written)


def test_a_figure_whose_value_is_unknown_exports_as_missing(tmp_path: Path) -> None:
    # A dataset file with a figure's value unknown made `data export` exit 3: "Object of type
    # Unknown is not JSON serializable" (found by the chain fuzz).
    import attrs

    target = "2026-10-07-third-anniversary"

    def unknown_first_figure(entry: Any) -> Any:
        if entry.event is None or entry.event.id != target:
            return entry
        change = entry.event.change
        figures = (attrs.evolve(change.figures[0], value=gp.UNKNOWN), *change.figures[1:])
        event = attrs.evolve(entry.event, change=attrs.evolve(change, figures=figures))
        return attrs.evolve(entry, event=event)

    data = attrs.evolve(DATA, entries=tuple(unknown_first_figure(e) for e in DATA.entries))
    export_csv(tmp_path, PLAN, data)
    with (tmp_path / "event_figures.csv").open(encoding="utf-8", newline="") as f:
        figures = [r for r in csv.DictReader(f) if r["event_id"] == target]
    assert figures[0]["value"] == ""  # unknown: empty, and declared missing
    assert all(f["value"] != "" for f in figures[1:])
