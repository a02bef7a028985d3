"""``--csv PATH`` and ``--parquet PATH`` on ``compliance``, ``report`` and ``timeline``: the
tables the library makes, read back equal, in a package Frictionless finds valid."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

import gazaplan as gp
from gazaplan.core.instants import read_instant
from gazaplan.core.words import NO_OBLIGOR
from gazaplan.desk import exports as x

from ..desk.test_exports import (
    assert_parquet_round_trip,
    assert_round_trip,
    assert_valid,
    read_csv_package,
)
from ..support.cli import run, run_json

VERSIONS, TL = gp.plan_versions(), gp.timeline()


def _day(text: str) -> dt.datetime:
    """A date as the command line reads it: the end of that day, the plan's local time."""
    return read_instant(text, utc_offset_hours=gp.plan().utc_offset_hours)


def test_compliance_csv_into_a_folder(tmp_path: Path) -> None:
    code, out, err = run("compliance", "--csv", str(tmp_path / "c"))
    assert (code, err) == (0, "")
    names = ["compliance.csv", "compliance_periods.csv", "quantities.csv", "datapackage.json"]
    assert out.splitlines() == [f"wrote {tmp_path / 'c' / n}" for n in names]
    descriptor = tmp_path / "c" / "datapackage.json"
    assert_valid(descriptor)
    assert_round_trip(x.compliance_tables(gp.compliance(VERSIONS, TL), VERSIONS), descriptor)
    rows, frame = read_csv_package(descriptor)["compliance"]
    assert frame["plan_version"].tolist() == [r["plan_version"] for r in rows]
    assert {r["owed_by"] for r in rows if r["owed_by_ids"] is None} == {NO_OBLIGOR}


def test_compliance_csv_to_a_file_and_parquet_with_json(tmp_path: Path) -> None:
    target, folder = tmp_path / "status.csv", tmp_path / "pq"
    code, doc = run_json("compliance", "--csv", str(target), "--parquet", str(folder))
    assert code == 0
    assert [Path(p).name for p in doc["wrote"]] == [
        "compliance.parquet",
        "compliance_periods.parquet",
        "quantities.parquet",
        "status.csv",
        "status.compliance_periods.csv",
        "status.quantities.csv",
        "status.datapackage.json",
    ]
    tables = x.compliance_tables(gp.compliance(VERSIONS, TL), VERSIONS)
    assert_valid(tmp_path / "status.datapackage.json")
    assert_round_trip(tables, tmp_path / "status.datapackage.json")
    assert_parquet_round_trip(tables, folder)


def test_compliance_csv_keeps_the_fail_on_exit_code(tmp_path: Path) -> None:
    statuses = {str(c.status) for c in gp.compliance(VERSIONS, TL).items}
    status = sorted(statuses)[0]
    code, _, _ = run("compliance", "--fail-on", status, "--csv", str(tmp_path))
    assert code == 1
    assert (tmp_path / "compliance.csv").exists()


def test_report_csv_writes_the_whole_judgement(tmp_path: Path) -> None:
    code, _, _ = run("report", "--csv", str(tmp_path), "--at", "2026-01-31")
    assert code == 0
    r = gp.report(VERSIONS, TL, at=_day("2026-01-31"))
    assert_round_trip(x.report_tables(r), tmp_path / "datapackage.json")
    assert_valid(tmp_path / "datapackage.json")
    (head,), _ = read_csv_package(tmp_path / "datapackage.json")["report"]
    assert head["judged_at"] == pd.Timestamp(r.at)
    assert head["plan_version"] == r.version


def test_status_csv_is_the_headline(tmp_path: Path) -> None:
    code, out, _ = run("status", "--csv", str(tmp_path), "--at", "2025-10-20")
    assert code == 0
    names = ["status.csv", "status_obligations.csv", "status_missing.csv", "datapackage.json"]
    assert out.splitlines() == [f"wrote {tmp_path / n}" for n in names]
    h = gp.status(VERSIONS, TL, at=_day("2025-10-20"))
    assert_valid(tmp_path / "datapackage.json")
    assert_round_trip(x.headline_tables(h), tmp_path / "datapackage.json")
    package = read_csv_package(tmp_path / "datapackage.json")
    (head,), _ = package["status"]
    assert (head["phase_id"], head["target_id"]) == (h.phase_id, h.next_target)
    assert head["obligations_unknown"] == h.unknown
    standing, _ = package["status_obligations"]
    assert [r["obligation_id"] for r in standing] == [s.obligation_id for s in h.standing]
    assert standing  # an obligation is overdue on 20 October 2025


def test_timeline_csv_with_until(tmp_path: Path) -> None:
    code, _, _ = run("timeline", "--until", "2025-12-31", "--csv", str(tmp_path / "t.csv"))
    assert code == 0
    descriptor = tmp_path / "t.datapackage.json"
    assert_valid(descriptor)
    events, _ = read_csv_package(descriptor)["events"]
    until = TL.until(_day("2025-12-31"))
    assert [e["event_id"] for e in events] == [e.id for e in until.events]
    assert_round_trip(x.timeline_tables(until), descriptor)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["report", "--csv", "out", "--html", "r.html"], "--html"),
        (["report", "--parquet", "out", "--phase", "phase-1"], "--phase"),
        (["report", "--csv", "out", "--at-publication"], "--at-publication"),
        (["compliance", "--csv", ""], "is empty"),
    ],
)
def test_csv_refuses_what_it_cannot_do(argv: list[str], message: str) -> None:
    code, out, err = run(*argv)
    assert code == 2
    assert out == ""
    assert message in err


def test_csv_refuses_a_file_that_is_not_csv(tmp_path: Path) -> None:
    existing = tmp_path / "notes.txt"
    existing.write_text("keep me")
    code, _, err = run("compliance", "--csv", str(existing))
    assert code == 2
    assert "ending in .csv" in err
    assert existing.read_text() == "keep me"


def test_data_export_uses_the_same_columns(tmp_path: Path) -> None:
    code, _, _ = run("data", "export", str(tmp_path / "d"))
    assert code == 0
    code, _, _ = run("timeline", "--csv", str(tmp_path / "t"))
    assert code == 0
    data = json.loads((tmp_path / "d" / "datapackage.json").read_text("utf-8"))
    tl = json.loads((tmp_path / "t" / "datapackage.json").read_text("utf-8"))
    events = {r["name"]: r["schema"]["fields"] for r in data["resources"]}["events"]
    timeline = {r["name"]: r["schema"]["fields"] for r in tl["resources"]}["events"]
    assert events[: len(timeline)] == timeline  # the same columns, by the same names
    assert_valid(tmp_path / "d" / "datapackage.json")
