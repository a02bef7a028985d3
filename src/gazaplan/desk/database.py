"""The bundled data as one SQLite database, for Datasette or any SQL client.

One judgement, many tables: the plan in force at a release's edge (points, phases, obligations,
terms, lines, figures, positions, parties), the release's events and the figures they report,
the sources, every obligation's compliance with its periods and quantities, the phases'
verdicts over time, and the releases with what each adds. The tables are the exports' own
(:mod:`gazaplan.desk.exports`): a column means one thing with one type in the CSV, the Parquet
and the database, and each table keeps its primary key and foreign keys. Events and sources are
searchable in full text (SQLite FTS5), and ``metadata.json`` beside the file gives Datasette
the titles, descriptions, licence, each column's meaning and the facets.

Built with the standard library's :mod:`sqlite3`, which needs nothing installed (``sqlite-utils``
would add a dependency for what a few statements do). Types in SQLite: text, integers, reals;
booleans are 0 or 1, instants RFC 3339 text with their offsets, durations ISO 8601 text beside
their ``_seconds`` reals, lists JSON arrays (which Datasette facets by item), unknown NULL.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import sqlite3
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from .. import __version__
from ..core.plans import Plan
from ..exceptions import InvalidValueError
from ..time.compliance import compliance, in_force
from ..time.datasets import Dataset, Release
from ..time.verdicts import verdicts_over_time
from ..whatif.releases import release_notes
from .exports import (
    Column,
    ForeignKey,
    Table,
    compliance_tables,
    dataset_tables,
    iso_duration,
    plan_tables,
    table,
    verdicts_tables,
)

__all__ = ["FTS", "database_tables", "metadata", "write_database"]

FTS: Final[dict[str, tuple[str, ...]]] = {
    "events": ("summary", "reported_by", "note"),
    "sources": ("title", "publisher", "note"),
}
"""The tables searchable in full text, and the columns searched (``<table>_fts``, FTS5)."""

_FACETS: Final[dict[str, tuple[str, ...]]] = {
    "events": ("event_kind", "confidence", "entry_status"),
    "obligations": ("phase_id", "obligation_kind"),
    "compliance": ("status", "phase_id", "obligation_kind"),
    "compliance_periods": ("status",),
    "verdicts": ("phase_id", "preconditions_verdict", "completion_verdict"),
    "figures": ("topic",),
    "positions": ("party_id", "stance"),
}

_SQL_TYPE: Final = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
    "datetime": "TEXT",
    "date": "TEXT",
    "duration": "TEXT",
    "list": "TEXT",
}


def database_tables(
    plans: Plan | Sequence[Plan], dataset: Dataset, *, release: str | None = None
) -> tuple[Table, ...]:
    """The database's tables for one release, judged at its edge.

    Args:
        plans: the plan, or the versions of a plan (``gp.plan_versions()``): each instant is
            judged under the version in force then, and the plan's own tables are the version in
            force at the release's edge.
        dataset: the dataset (``gp.dataset()``).
        release: the release's version (None: the latest).

    Returns:
        The plan's tables, ``events``, ``event_figures``, ``sources`` (the plan's and the
        events', once each), ``compliance``, ``compliance_periods``, ``quantities``,
        ``verdicts``, ``releases``, ``release_entries`` and ``release_changes``.

    Raises:
        UnknownVersionError: if no release has that version.
    """
    versions = (plans,) if isinstance(plans, Plan) else tuple(plans)
    rel = dataset.release(release)
    timeline = dataset.timeline(rel.version)
    plan = in_force(versions, rel.as_of)
    judged = compliance(versions, timeline, at=rel.as_of)
    found: dict[str, Table] = {}
    for t in (
        *plan_tables(plan),
        *dataset_tables(dataset, rel.version),
        *compliance_tables(judged, versions),
        *verdicts_tables(verdicts_over_time(plan, timeline), plan),
        *_release_notes(dataset, rel.version, plan),
    ):
        found[t.name] = _merged(found[t.name], t) if t.name in found else t
    for name, links in _LINKS.items():  # keys across what were separate exports
        t = found[name]
        more = tuple(ForeignKey((c,), other, (ref,)) for c, other, ref in links)
        found[name] = attrs.evolve(t, foreign_keys=(*t.foreign_keys, *more))
    return tuple(found.values())


_LINKS: Final[dict[str, tuple[tuple[str, str, str], ...]]] = {
    "compliance": (("obligation_id", "obligations", "obligation_id"),),
    "verdicts": (("phase_id", "phases", "phase_id"),),
    "positions": (("party_id", "parties", "party_id"),),
    "events": (("release", "releases", "release"),),
}
"""Foreign keys the database adds between tables that separate exports hold apart."""


def _merged(a: Table, b: Table) -> Table:
    """Two tables of one name (the plan's sources and the events'): *a*'s rows, then those of
    *b* whose key *a* lacks."""
    keys = [a.names.index(k) for k in a.primary_key]
    seen = {tuple(row[i] for i in keys) for row in a.rows}
    extra = tuple(row for row in b.rows if tuple(row[i] for i in keys) not in seen)
    rows = sorted((*a.rows, *extra), key=lambda row: tuple(str(row[i]) for i in keys))
    return Table(a.name, a.description, a.columns, tuple(rows), a.primary_key, a.foreign_keys)


def _release_notes(dataset: Dataset, upto: str, plan: Plan) -> tuple[Table, ...]:
    """``releases``, and what each after the first changes: ``release_entries`` (the entries it
    adds, corrects or retracts) and ``release_changes`` (the verdicts and statuses its data
    change, *plan* judging both releases at their edges, as ``gazaplan data diff`` does)."""
    upto_index = [r.version for r in dataset.releases].index(upto)
    releases = dataset.releases[: upto_index + 1]
    shown = [r.version for r in releases]
    entries: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    for old, new in itertools.pairwise(shown):
        notes = release_notes(dataset, old, new, plan=plan)
        here = {"release": new, "previous_release": old}
        entries += [{**here, "change": "added", "entry_id": e.key} for e in notes.added]
        for change, pairs in (("corrected", notes.corrected), ("retracted", notes.retracted)):
            entries += [
                {**here, "change": change, "entry_id": fix.key, "earlier_entry_id": was.key,
                 "reason": fix.reason}
                for was, fix in pairs
            ]  # fmt: skip
        changes += [
            {**here, "subject_kind": c.what, "subject_id": c.id, "aspect": c.aspect,
             "before": c.before, "after": c.after}
            for c in notes.changes
        ]  # fmt: skip
    to_releases = (ForeignKey(("release",), "releases", ("release",)),)
    return (
        _releases(dataset, releases),
        table(
            "release_entries",
            "the entries each release adds, corrects or retracts against the one before",
            ["release", "previous_release", "change", "entry_id", "earlier_entry_id", "reason"],
            entries,
            primary_key=["release", "entry_id"],
            foreign_keys=to_releases,
        ),
        table(
            "release_changes",
            "the verdicts and statuses each release's data change against the one before",
            [
                "release",
                "previous_release",
                "subject_kind",
                "subject_id",
                "aspect",
                "before",
                "after",
            ],
            changes,
            primary_key=["release", "subject_kind", "subject_id", "aspect"],
            foreign_keys=to_releases,
        ),
    )


def _releases(dataset: Dataset, releases: Sequence[Release]) -> Table:
    rows = [
        {
            "release": rel.version,
            "data_as_of": rel.as_of,
            "title": rel.title,
            "note": rel.notes,
            "events_total": len(dataset.published(rel.version)),
            "unknown_items": rel.unknown,
        }
        for rel in releases
    ]
    return table(
        "releases",
        "the dataset's releases up to this one: how far each reaches and what it leaves unknown",
        ["release", "data_as_of", "title", "note", "events_total", "unknown_items"],
        rows,
        primary_key=["release"],
    )


def _cell(column: Column, value: Any) -> Any:
    """A cell as SQLite stores it."""
    if value is None:
        return None
    if column.type == "list":
        item = Column(column.name, column.item_type or "string", column.meaning)
        return json.dumps([_cell(item, v) for v in value], ensure_ascii=False)
    if column.type == "boolean":
        return 1 if value else 0
    if column.type == "duration":
        return iso_duration(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if column.type in ("integer", "number"):
        return value
    return str(value)


def _create(db: sqlite3.Connection, t: Table, names: set[str]) -> None:
    columns = []
    for c in t.columns:
        check = f" CHECK ({_q(c.name)} IN (0, 1))" if c.type == "boolean" else ""
        columns.append(f"{_q(c.name)} {_SQL_TYPE[c.type]}{check}")
    if t.primary_key:
        columns.append(f"PRIMARY KEY ({', '.join(map(_q, t.primary_key))})")
    for fk in t.foreign_keys:
        if fk.resource in names:  # a table this database has
            columns.append(
                f"FOREIGN KEY ({', '.join(map(_q, fk.fields))}) REFERENCES "
                f"{_q(fk.resource)} ({', '.join(map(_q, fk.reference))})"
            )
    db.execute(f"CREATE TABLE {_q(t.name)} (\n  " + ",\n  ".join(columns) + "\n)")
    marks = ", ".join("?" for _ in t.columns)
    db.executemany(
        f"INSERT INTO {_q(t.name)} VALUES ({marks})",
        (tuple(_cell(c, v) for c, v in zip(t.columns, row, strict=True)) for row in t.rows),
    )
    searched = FTS.get(t.name)
    if searched:
        fts = _q(f"{t.name}_fts")
        cols = ", ".join(map(_q, searched))
        db.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, "
            f"content={_q(t.name)}, content_rowid='rowid')"
        )
        db.execute(f"INSERT INTO {fts} (rowid, {cols}) SELECT rowid, {cols} FROM {_q(t.name)}")


def _q(name: str) -> str:
    """An SQL identifier, quoted (the tables' and columns' names are the vocabulary's)."""
    return '"' + name.replace('"', '""') + '"'


def metadata(tables: Sequence[Table], database: str) -> dict[str, Any]:
    """Datasette's ``metadata.json`` for the tables: titles, descriptions, each column's
    meaning, the licence, the source, the facets and the full-text search tables.

    Args:
        tables: the database's tables.
        database: the database's name, as Datasette knows it (the file's name without
            ``.db``).

    Returns:
        The metadata, as JSON data.
    """
    described: dict[str, Any] = {}
    for t in tables:
        entry: dict[str, Any] = {
            "description": t.description,
            "columns": {c.name: c.meaning for c in t.columns},
        }
        facets = [f for f in _FACETS.get(t.name, ()) if f in t.names]
        if facets:
            entry["facets"] = facets
        if t.name in FTS:
            entry["fts_table"] = f"{t.name}_fts"
        described[t.name] = entry
    return {
        "title": "gazaplan: the 20-point Gaza plan, its implementation and its sources",
        "description": (
            "The plan of 29 September 2025 as typed, sourced rules, the reported events judged "
            "against it, and the sources behind each; every claim attributed, facts no source "
            "gives left unknown (NULL)."
        ),
        "license": "MIT",
        "source": f"gazaplan {__version__}",
        "databases": {database: {"tables": described}},
    }


def write_database(tables: Sequence[Table], path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Write *tables* as a new SQLite database at *path*, and ``<name>.metadata.json`` beside it.

    The database is built in a temporary file beside *path* and moved into place whole, then
    the metadata; an existing file at *path* is replaced only once the new one is complete.

    Args:
        tables: the tables (:func:`database_tables`, or any of the exports').
        path: the database's file (``gazaplan.db``).

    Returns:
        The database's path and the metadata's.

    Raises:
        InvalidValueError: if *path* is a folder, or its folder does not exist.
        OSError: if a file cannot be written; *path* is then left as it was.
    """
    target = Path(path)
    if target.is_dir():
        raise InvalidValueError(
            "database path", str(target), "is a folder", "Name a file, such as gazaplan.db."
        )
    if not target.parent.is_dir():
        raise InvalidValueError(
            "database path",
            str(target),
            "its folder does not exist",
            f"Make the folder first (mkdir -p {target.parent}), or name a file in one that does.",
        )
    names = {t.name for t in tables}
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        with sqlite3.connect(temporary) as db:
            db.execute("PRAGMA foreign_keys = ON")
            for t in _in_key_order(tables):
                _create(db, t, names)
        db.close()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    meta = target.with_name(f"{target.stem}.metadata.json")
    from ..files._io import write_atomically

    document = metadata(tables, target.stem)
    write_atomically(meta, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return target, meta


def _in_key_order(tables: Sequence[Table]) -> list[Table]:
    """The tables, each after those its foreign keys name (so each row's keys exist)."""
    done: list[Table] = []
    left = list(tables)
    while left:
        ready = [
            t
            for t in left
            if all(fk.resource not in {x.name for x in left} - {t.name} for fk in t.foreign_keys)
        ]
        if not ready:  # a cycle of keys: as given
            ready = left[:1]
        for t in ready:
            left.remove(t)
            done.append(t)
    return done
