"""Exports that keep their types: every export read back with pandas (CSV through its
``datapackage.json``, and Parquet) equals the library's values, and Frictionless finds every
package valid."""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import frictionless
import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp
import gazaplan.strategies as gst
from gazaplan.core.words import NO_OBLIGOR, VERDICT_WORDS
from gazaplan.desk import exports as x
from gazaplan.desk.pax import export_csv
from gazaplan.time.histories import history

PLAN, VERSIONS, TL = gp.plan(), gp.plan_versions(), gp.timeline()
DOCS = Path(__file__).resolve().parents[2] / "docs" / "reference" / "desk.md"


# -- reading back, as a data desk would -------------------------------------------------------


def _typed(field: dict[str, Any], text: str) -> Any:
    """One CSV cell read by its Table Schema field (not the library's writer)."""
    kind = field["type"]
    if kind == "list":
        item = {"type": field["itemType"]}
        return tuple(_typed(item, part) for part in text.split(field["delimiter"]))
    if kind == "string":
        return text
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text)
    if kind == "boolean":
        return {"true": True, "false": False}[text]
    if kind == "datetime":
        return pd.Timestamp(text)
    if kind == "date":
        return dt.date.fromisoformat(text)
    assert kind == "duration", kind
    return pd.Timedelta(text)


def read_csv_package(descriptor: Path) -> dict[str, tuple[list[dict[str, Any]], pd.DataFrame]]:
    """Every table of a CSV package: its rows typed by the descriptor, and the frame pandas
    reads (every column as text, the missing values as the descriptor declares them)."""
    package = json.loads(descriptor.read_text("utf-8"))
    found = {}
    for resource in package["resources"]:
        schema = resource["schema"]
        assert schema["missingValues"] == [""]
        fields = schema["fields"]
        frame = pd.read_csv(
            descriptor.parent / resource["path"],
            dtype=str,
            keep_default_na=False,
            na_values=schema["missingValues"],
            encoding=resource["encoding"],
        )
        assert list(frame.columns) == [f["name"] for f in fields]
        rows = [
            {
                f["name"]: None if pd.isna(cell) else _typed(f, cell)
                for f, cell in zip(fields, record, strict=True)
            }
            for record in frame.itertuples(index=False)
        ]
        found[resource["name"]] = (rows, frame)
    return found


def _same(kind: str, mine: Any, read: Any) -> bool:
    """A cell the library made against the cell read back."""
    if mine is None or read is None:
        return mine is None and (read is None or (not isinstance(read, Sequence) and pd.isna(read)))
    if kind == "datetime":
        return bool(pd.Timestamp(mine) == pd.Timestamp(read))
    if kind == "duration":
        return bool(pd.Timedelta(mine) == pd.Timedelta(read))
    if kind == "list":
        return tuple(mine) == tuple(read)
    return bool(mine == read) and type(mine) is type(read)


def assert_round_trip(tables: Sequence[x.Table], descriptor: Path) -> None:
    """The CSV package holds exactly the tables: names, types, cells, and the missing cells."""
    read = read_csv_package(descriptor)
    assert list(read) == [t.name for t in tables]
    for t in tables:
        rows, _ = read[t.name]
        assert len(rows) == len(t.rows), t.name
        for mine, back in zip(t.records(), rows, strict=True):
            for c in t.columns:
                assert _same(c.type, mine[c.name], back[c.name]), (t.name, c.name, mine, back)


def _python(value: Any) -> Any:
    """A value pandas read from Parquet, as plain Python."""
    if value is None or (not hasattr(value, "__len__") and pd.isna(value)):
        return None
    if hasattr(value, "tolist") and not isinstance(value, str):
        return tuple(value.tolist())
    return value


def assert_parquet_round_trip(tables: Sequence[x.Table], folder: Path) -> None:
    """The Parquet files hold the tables: each column's Arrow type follows its Table Schema
    type, and the cells pandas reads equal the library's."""
    arrow = {
        "string": "string",
        "integer": "int64",
        "number": "double",
        "boolean": "bool",
        "date": "date32[day]",
        "duration": "duration[us]",
    }
    for t in tables:
        path = folder / f"{t.name}.parquet"
        schema = pq.read_schema(path)
        for c in t.columns:
            field = schema.field(c.name)
            assert field.metadata[b"description"].decode() == c.meaning
            shown = str(field.type)
            if c.type == "datetime":
                assert shown.startswith("timestamp[us, tz="), shown
            elif c.type == "list":
                assert shown.startswith("list<"), shown
            else:
                assert shown == arrow[c.type], (t.name, c.name, shown)
        frame = pd.read_parquet(path)
        assert list(frame.columns) == list(t.names)
        for mine, back in zip(t.records(), frame.to_dict("records"), strict=True):
            for c in t.columns:
                got = _python(back[c.name])
                assert _same(c.type, mine[c.name], got), (t.name, c.name, mine[c.name], got)


def assert_valid(descriptor: Path) -> None:
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


# -- every export, bundled data --------------------------------------------------------------

RESULTS: dict[str, Callable[[], tuple[object, Any]]] = {
    "plan": lambda: (PLAN, None),
    "timeline": lambda: (TL, None),
    "dataset": lambda: (gp.dataset(), None),
    "compliance": lambda: (gp.compliance(VERSIONS, TL), VERSIONS),
    "report": lambda: (gp.report(VERSIONS, TL), None),
    "verdicts": lambda: (gp.verdicts_over_time(PLAN, TL), PLAN),
    "history": lambda: (history(PLAN, TL), None),
    "status": lambda: (gp.status(VERSIONS, TL), None),
}


@pytest.mark.parametrize("kind", sorted(RESULTS))
def test_every_export_reads_back_equal_and_validates(kind: str, tmp_path: Path) -> None:
    result, plan = RESULTS[kind]()
    tables = x.tables_of(result, plan=plan)
    written = x.write_csv(result, tmp_path / "csv", plan=plan)
    assert [p.name for p in written] == [f"{t.name}.csv" for t in tables] + ["datapackage.json"]
    assert_round_trip(tables, written[-1])
    assert_valid(written[-1])
    x.write_parquet(result, tmp_path / "parquet", plan=plan)
    assert_parquet_round_trip(tables, tmp_path / "parquet")


def test_the_dataset_export_reads_back_equal_and_validates(tmp_path: Path) -> None:
    from gazaplan.desk.pax import score_tables

    data = gp.dataset()
    written = export_csv(tmp_path, VERSIONS, data)
    tables = (*x.dataset_tables(data), *score_tables(VERSIONS, data))
    assert_round_trip(tables, written[-1])
    assert_valid(written[-1])
    events, _ = read_csv_package(written[-1])["events"]
    assert {e["release"] for e in events} == {"2026.10"}  # a string: never the number 2026.1
    package = json.loads(written[-1].read_text("utf-8"))
    assert package["version"] == "2026.10"
    fields = {f["name"]: f["type"] for r in package["resources"] for f in r["schema"]["fields"]}
    assert fields["release"] == fields["added_in"] == fields["plan_version"] == "string"


def test_compliance_exports_the_library_values() -> None:
    report = gp.compliance(VERSIONS, TL)
    main, periods, _ = x.compliance_tables(report, VERSIONS)
    rows = {r["obligation_id"]: r for r in main.records()}
    assert list(rows) == [c.obligation.id for c in report.items]  # the news first, as the report
    for c in report.items:
        row = rows[c.obligation.id]
        assert row["status"] == str(c.status)
        assert row["judged_at"] == report.at
        assert row["plan_version"] == c.version
        for span in ("overdue_by", "late_by", "time_left", "held", "owed_for"):
            value = getattr(c, span)
            assert row[span] == value
            assert row[f"{span}_seconds"] == (None if value is None else value.total_seconds())
        if c.obligation.obligors:
            assert row["owed_by_ids"] == c.obligation.obligors
            assert NO_OBLIGOR not in row["owed_by"]
        else:  # named, never an empty cell that reads as missing data
            assert (row["owed_by"], row["owed_by_ids"]) == (NO_OBLIGOR, None)
        lifecycle = [p for p in periods.records() if p["obligation_id"] == c.obligation.id]
        assert [p["status"] for p in lifecycle] == [str(p.status) for p in c.periods]
        assert [p["start"] for p in lifecycle] == [p.start for p in c.periods]
    assert any(r["owed_by"] == NO_OBLIGOR for r in rows.values())
    assert any(r["late_by"] is not None for r in rows.values())


def test_to_pandas_names_the_absent_obligor_too() -> None:
    frame = gp.compliance(VERSIONS, TL).to_pandas()
    assert "" not in set(frame["owed_by"])
    assert NO_OBLIGOR in set(frame["owed_by"])
    assert NO_OBLIGOR in set(PLAN.to_pandas("obligations")["owed_by"])


def test_a_contested_value_is_a_row_per_claim() -> None:
    report = gp.compliance(VERSIONS, TL)
    (_, _, quantities) = x.compliance_tables(report, VERSIONS)
    contested = [
        (c.obligation.id, q.label, q.delivered)
        for c in report.items
        for q in c.quantities
        if isinstance(q.delivered, gp.Contested)
    ]
    assert contested
    for oid, label, value in contested:
        rows = [
            r
            for r in quantities.records()
            if (r["obligation_id"], r["measure"], r["quantity"]) == (oid, label, "delivered")
        ]
        assert [(r["value"], r["claimed_by"]) for r in rows] == [
            (c.value, c.claimed_by) for c in value.claims
        ]
        assert all(r["contested"] for r in rows)
        assert [r["claim"] for r in rows] == list(range(1, len(rows) + 1))
        assert [r["source_tags"] for r in rows] == [
            tuple(s.cite() for s in c.sources) or None for c in value.claims
        ]
    shares = x.plan_tables(PLAN)[5]
    assert shares.name == "line_shares"
    for line in PLAN.lines:
        claims = [r for r in shares.records() if r["line_id"] == line.id]
        assert [(r["value"], r["claimed_by"]) for r in claims] == [
            (c.value, c.claimed_by) for c in line.israeli_share
        ]


def test_verdicts_and_report_in_words_and_verdicts() -> None:
    v = gp.verdicts_over_time(PLAN, TL)
    (table,) = x.verdicts_tables(v, PLAN)
    for row in table.records():
        entry = v.verdict(row["phase_id"], "entry")[row["step"]]
        assert row["preconditions_verdict"] == str(entry)
        assert row["preconditions"] == VERDICT_WORDS[entry]
        assert row["at"] == v.instants[row["step"]]
    r = gp.report(VERSIONS, TL)
    head, phases, *_ = x.report_tables(r)
    assert head.records()[0]["plan_version"] == r.version
    assert {p["phase_id"]: p["phase"] for p in phases.records()}["phase-2"] == "phase 2"


def test_one_vocabulary_across_exports() -> None:
    names: dict[str, x.Column] = {}
    every = [
        *x.plan_tables(PLAN),
        *x.timeline_tables(TL),
        *x.dataset_tables(gp.dataset()),
        *x.report_tables(gp.report(VERSIONS, TL)),
        *x.verdicts_tables(gp.verdicts_over_time(PLAN, TL), PLAN),
    ]
    for t in every:
        for c in t.columns:
            assert names.setdefault(c.name, c) == c  # one type and meaning per name
            assert x.VOCABULARY[c.name] == c
    events = {t.name: t for t in every}["events"]
    assert events.names[0] == "event_id"  # both paths: never `event` in one and `id` in the other
    assert "id" not in names
    assert "event" not in names


def test_the_reference_documents_every_column() -> None:
    text = DOCS.read_text("utf-8")
    documented = dict(re.findall(r"^\| `(\w+)` \| `(\w+)` \|", text, re.MULTILINE))
    assert documented == {name: c.type for name, c in x.VOCABULARY.items()}


@given(st.timedeltas(min_value=dt.timedelta(days=-9999), max_value=dt.timedelta(days=9999)))
def test_iso_durations_read_back_exactly(span: dt.timedelta) -> None:
    text = x.iso_duration(span)
    assert re.fullmatch(r"-?P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?", text), text
    assert pd.Timedelta(text) == span


# -- generated timelines and compliance ------------------------------------------------------

GENERATED = settings(max_examples=25, deadline=None)


@GENERATED
@given(gst.timelines(max_size=8))
def test_generated_timelines_and_compliance_round_trip(timeline: gp.Timeline) -> None:
    plan = gp.plan("2025-09-29")
    report = gp.compliance(plan, timeline)
    with tempfile.TemporaryDirectory() as tmp:
        for result in (timeline, report):
            tables = x.tables_of(result, plan=plan)
            written = x.write_csv(result, Path(tmp) / type(result).__name__, plan=plan)
            assert_round_trip(tables, written[-1])
            x.write_parquet(result, Path(tmp) / f"{type(result).__name__}-pq", plan=plan)
            assert_parquet_round_trip(tables, Path(tmp) / f"{type(result).__name__}-pq")
    events = x.timeline_tables(timeline)[0].records()
    assert [e["event_id"] for e in events] == [e.id for e in timeline.events]
    assert [e["at"] for e in events] == [e.at for e in timeline.events]
    statuses = {
        r["obligation_id"]: r["status"] for r in x.compliance_tables(report, plan)[0].records()
    }
    assert statuses == {c.obligation.id: str(c.status) for c in report.items}


@settings(max_examples=5, deadline=None)
@given(gst.timelines(max_size=6))
def test_generated_packages_are_valid(timeline: gp.Timeline) -> None:
    plan = gp.plan("2025-09-29")
    with tempfile.TemporaryDirectory() as tmp:
        for result in (timeline, gp.compliance(plan, timeline)):
            written = x.write_csv(result, Path(tmp) / type(result).__name__, plan=plan)
            assert_valid(written[-1])


# -- the tables refuse what they cannot hold ----------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("at", dt.datetime(2025, 10, 10, 12)),  # an instant without its offset
        ("point", "4"),
        ("point", True),
        ("value", "20"),
        ("release", 2026.1),
        ("source_tags", "WH 4"),
        ("source_tags", ("WH;4",)),
        ("as_of", dt.datetime(2025, 10, 10, tzinfo=dt.UTC)),
        ("contested", 1),
    ],
)
def test_a_cell_of_the_wrong_type_is_refused(column: str, value: Any) -> None:
    with pytest.raises(gp.GazaplanError, match=column):
        x.table("t", "a test", [column], [{column: value}])


def test_unknown_columns_are_refused() -> None:
    with pytest.raises(gp.GazaplanError, match="vocabulary"):
        x.table("t", "a test", ["event"], [])
    with pytest.raises(gp.GazaplanError, match="does not declare"):
        x.table("t", "a test", ["event_id"], [{"event_id": "a", "at": None}])


def test_unknown_and_empty_are_missing() -> None:
    t = x.table(
        "t",
        "a test",
        ["value", "note", "source_tags", "overdue_by"],
        [{"value": gp.UNKNOWN, "note": "", "source_tags": ()}],
    )
    assert t.rows == ((None, None, None, None, None),)


def test_no_result_without_an_export(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="no export"):
        x.tables_of(object())
    with pytest.raises(gp.GazaplanError, match="plan="):
        x.tables_of(gp.compliance(PLAN, TL))
    with pytest.raises(gp.GazaplanError, match="same name"):
        x.write_csv([*x.timeline_tables(TL), x.timeline_tables(TL)[0]], tmp_path)


def test_a_set_is_written_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = x._csv_file
    calls: list[Path] = []

    def failing(t: x.Table, path: Path) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(path))
        real(t, path)

    monkeypatch.setattr(x, "_csv_file", failing)
    with pytest.raises(OSError, match="No space left"):
        x.write_csv(TL, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_a_csv_file_target_names_its_companions(tmp_path: Path) -> None:
    written = x.write_csv(gp.compliance(VERSIONS, TL), tmp_path / "c.csv", plan=VERSIONS)
    assert [p.name for p in written] == [
        "c.csv",
        "c.compliance_periods.csv",
        "c.quantities.csv",
        "c.datapackage.json",
    ]
    assert_valid(written[-1])
    folder = x.write_csv(TL, f"{tmp_path / 'as-folder.csv'}/")  # a trailing slash: a folder
    assert folder[0] == tmp_path / "as-folder.csv" / "events.csv"
    (tmp_path / "file").write_text("")
    with pytest.raises(gp.GazaplanError, match="not a folder"):
        x.write_csv(TL, tmp_path / "file")
