"""The judgement as one SQLite database: every table of the exports, typed, keyed and linked,
full-text search over events and sources, and Datasette's metadata beside it."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import gazaplan as gp
from gazaplan.desk import database as d
from gazaplan.desk.exports import Table, iso_duration

from ..support.cli import run, run_json

VERSIONS = gp.plan_versions()
DATASET = gp.dataset()
TABLES = d.database_tables(VERSIONS, DATASET)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path, _ = d.write_database(TABLES, tmp_path_factory.mktemp("db") / "gazaplan.db")
    return path


def _expected(t: Table) -> list[tuple[Any, ...]]:
    """The rows as SQLite should hold them, by the column's type."""

    def cell(kind: str, item: str | None, v: Any) -> Any:
        if v is None:
            return None
        if kind == "list":
            return json.dumps([cell(item or "string", None, x) for x in v], ensure_ascii=False)
        if kind == "boolean":
            return int(bool(v))
        if kind == "duration":
            return iso_duration(v)
        if isinstance(v, dt.date):
            return v.isoformat()
        return v if kind in ("integer", "number") else str(v)

    return [
        tuple(cell(c.type, c.item_type, v) for c, v in zip(t.columns, row, strict=True))
        for row in t.rows
    ]


def test_every_table_reads_back_as_written(db: Path) -> None:
    with sqlite3.connect(db) as con:
        names = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
        assert {t.name for t in TABLES} <= names
        for t in TABLES:
            got = con.execute(f'select * from "{t.name}"').fetchall()
            assert got == _expected(t), t.name
            declared = [r[1] for r in con.execute(f'pragma table_info("{t.name}")')]
            assert declared == list(t.names)


def test_keys_hold_and_link_the_tables(db: Path) -> None:
    with sqlite3.connect(db) as con:
        assert con.execute("pragma foreign_key_check").fetchall() == []
        links = {
            (t, r[2])
            for t in ("compliance", "verdicts", "obligations", "compliance_periods")
            for r in con.execute(f'pragma foreign_key_list("{t}")')
        }
        assert {("compliance", "obligations"), ("verdicts", "phases"),
                ("obligations", "phases"), ("compliance_periods", "compliance")} <= links  # fmt: skip
        pk = [r[1] for r in con.execute('pragma table_info("compliance")') if r[5]]
        assert pk == ["obligation_id"]


def test_one_judgement_with_the_library(db: Path) -> None:
    rel = DATASET.release()
    judged = gp.compliance(VERSIONS, DATASET.timeline(rel.version), at=rel.as_of)
    with sqlite3.connect(db) as con:
        rows = dict(con.execute("select obligation_id, status from compliance").fetchall())
        owed = dict(con.execute("select obligation_id, owed_by from compliance").fetchall())
    assert rows == {c.obligation.id: str(c.status) for c in judged.items}
    assert all(owed.values())  # "no obligor named in the text", never an empty cell
    sources = {s.tag for s in gp.sources().entries}
    with sqlite3.connect(db) as con:
        assert {r[0] for r in con.execute("select source_tag from sources")} == sources


@pytest.mark.parametrize("word", ["Rafah", "hostages", "Board"])
def test_full_text_search_finds_what_python_finds(db: Path, word: str) -> None:
    rel = DATASET.release()
    events = {e.event.id for e in DATASET.published(rel.version, candidates=True) if e.event}
    with sqlite3.connect(db) as con:
        found = {
            r[0]
            for r in con.execute(
                "select event_id from events where rowid in "
                "(select rowid from events_fts where events_fts match ?)",
                (word,),
            )
        }
    by_id = {e.id: e for e in DATASET.timeline(rel.version, candidates=True).events}
    word_alone = re.compile(rf"(?<![^\W_]){word}(?![^\W_])", re.IGNORECASE)  # FTS5's tokens
    expected = {
        i
        for i in events
        if word_alone.search(" ".join((by_id[i].summary, by_id[i].note, by_id[i].reported_by)))
    }
    assert found
    assert found == expected


def test_the_metadata_describes_every_table_and_column(db: Path) -> None:
    meta = json.loads(db.with_name("gazaplan.metadata.json").read_text(encoding="utf-8"))
    assert meta["license"] == "MIT"
    tables = meta["databases"]["gazaplan"]["tables"]
    assert set(tables) == {t.name for t in TABLES}
    for t in TABLES:
        assert tables[t.name]["description"] == t.description
        assert set(tables[t.name]["columns"]) == set(t.names)
        assert set(tables[t.name].get("facets", ())) <= set(t.names)
    assert tables["events"]["fts_table"] == "events_fts"


def test_bad_paths_are_refused_and_a_failure_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(gp.InvalidValueError, match="is a folder"):
        d.write_database(TABLES, tmp_path)
    with pytest.raises(gp.InvalidValueError, match="its folder does not exist"):
        d.write_database(TABLES, tmp_path / "no" / "x.db")
    old = tmp_path / "x.db"
    old.write_bytes(b"the old file")

    def broken(*_args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(d, "_create", broken)
    with pytest.raises(OSError, match="disk full"):
        d.write_database(TABLES, old)
    assert old.read_bytes() == b"the old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db"]  # no temporary file left


def test_the_command_writes_the_database_and_its_metadata(tmp_path: Path) -> None:
    target = tmp_path / "tracker.db"
    code, doc = run_json("data", "export", "--format", "sqlite", str(target))
    assert code == 0
    assert doc["wrote"] == [str(target), str(tmp_path / "tracker.metadata.json")]
    with sqlite3.connect(target) as con:
        assert con.execute("select count(*) from releases").fetchone() == (len(DATASET.releases),)
    code, _, err = run("data", "export", "--format", "sqlite", str(tmp_path))
    assert code == 2
    assert "is a folder" in err
    code, _, err = run("data", "export", "--format", "sqlite", str(target), "--release", "2099.01")
    assert code == 2


def test_what_each_release_changes_is_the_release_notes(db: Path) -> None:
    from gazaplan.time.compliance import in_force
    from gazaplan.whatif.releases import release_notes

    new = DATASET.release()
    notes = release_notes(DATASET, plan=in_force(VERSIONS, new.as_of))
    with sqlite3.connect(db) as con:
        changes = con.execute(
            "select release, previous_release, subject_kind, subject_id, aspect, before, after "
            "from release_changes"
        ).fetchall()
        entries = con.execute(
            "select change, entry_id, earlier_entry_id from release_entries where release = ?",
            (new.version,),
        ).fetchall()
    assert sorted(changes) == sorted(
        (new.version, notes.old.version, c.what, c.id, c.aspect, c.before, c.after)
        for c in notes.changes
    )
    assert changes  # the bundled 2026.10 changes some conclusions
    assert sorted(entries, key=str) == sorted(
        [("added", e.key, None) for e in notes.added]
        + [("corrected", fix.key, was.key) for was, fix in notes.corrected]
        + [("retracted", fix.key, was.key) for was, fix in notes.retracted],
        key=str,
    )
