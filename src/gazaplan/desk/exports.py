"""Exports that keep their types: any of the library's tables as CSV with a Frictionless Data
Package descriptor (``datapackage.json``), or as Parquet, each a set of files written whole or
not at all.

A result becomes one or more :class:`Table` objects (:func:`tables_of`, or one of the
``*_tables`` functions); :func:`write_csv` and :func:`write_parquet` write them. Every column
comes from one vocabulary, :data:`VOCABULARY`: a name means one thing with one type in every
table and every export (``event_id`` is an event's id everywhere, ``owed_by`` the obligors'
names, ``owed_by_ids`` their ids). The types survive the round trip:

- ids, releases (``2026.10``) and plan versions are ``string``, never numbers;
- instants are ``datetime`` in RFC 3339 with their offsets (``2025-10-10T12:00:00+03:00``);
- durations are ``duration`` in ISO 8601 (``P104DT12H``), each with a ``<name>_seconds``
  column (``number``) beside it;
- what the library has as UNKNOWN, or has none of, is an empty cell, which the descriptor
  declares missing (``missingValues: [""]``): an empty text is written as missing too;
- a contested value is one row per claim (``claim``, ``value``, ``claimed_by``,
  ``source_tags``), never a sentence in one cell;
- several values in one cell (``source_tags``, ``event_ids``) are a ``list`` of items
  separated by ``;``;
- "owed by" where the text names nobody is :data:`~gazaplan.core.words.NO_OBLIGOR` in words,
  with its ids column empty and declared missing.

Names a reader sees are display names (:mod:`gazaplan.core.words`), each beside the id a program
joins on. Parquet files (the ``pandas`` extra, through pyarrow) hold the same columns with the
same types: strings, 64-bit integers and floats, booleans, timestamps in the data's zone,
durations, dates and lists; each column's meaning is kept as field metadata.

Nothing here reads the clock: a package records the instant judged, never when it was written.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import functools
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import attrs

from ..analysis.headline import Headline
from ..core.conditions import show
from ..core.facts import Floor
from ..core.plans import Plan
from ..core.rules import PlanReport
from ..core.sources import Contested, Source, Sourced
from ..core.words import NO_OBLIGOR, VERDICT_WORDS, fact_name, parties_text, phase_name
from ..exceptions import InvalidValueError, MissingExtraError
from ..time.compliance import ComplianceReport
from ..time.datasets import Dataset
from ..time.events import Event
from ..time.histories import History
from ..time.reports import Report
from ..time.timelines import Timeline
from ..time.verdicts import VerdictsOverTime
from ..truth import UNKNOWN, Verdict

if TYPE_CHECKING:
    from ..time.anomalies import AnomalyReport

__all__ = [
    "DELIMITER",
    "NO_PARTY",
    "VOCABULARY",
    "Column",
    "ForeignKey",
    "Table",
    "compliance_tables",
    "dataset_tables",
    "descriptor",
    "headline_tables",
    "history_tables",
    "iso_duration",
    "plan_tables",
    "report_tables",
    "table",
    "tables_of",
    "timeline_tables",
    "verdicts_tables",
    "write_csv",
    "write_parquet",
    "write_set",
]

FieldType = Literal[
    "string", "integer", "number", "boolean", "datetime", "date", "duration", "list"
]

DELIMITER: Final = ";"
"""What separates the items of a ``list`` cell."""

NO_PARTY: Final = "no party named in the text"
"""What ``owed_to`` says where the text names nobody an obligation is owed to."""


@attrs.frozen
class Column:
    """One column of the vocabulary: its name, its Table Schema type and what it means.

    Attributes:
        name: the column's name, the same in every table that has it.
        type: its Frictionless Table Schema type.
        meaning: what it holds, as the descriptor's ``description`` says.
        item_type: for a ``list``, the type of its items (``string`` or ``integer``).
    """

    name: str
    type: FieldType
    meaning: str
    item_type: FieldType | None = None

    def schema(self) -> dict[str, Any]:
        """The column as a Table Schema field.

        Returns:
            Its name, type, description, and for a list its delimiter and item type.
        """
        field: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.meaning}
        if self.type == "list":
            field |= {"delimiter": DELIMITER, "itemType": self.item_type}
        return field


def _columns(*specs: tuple[str, FieldType, str]) -> dict[str, Column]:
    """The vocabulary from (name, type, meaning): a list's item type follows its name (``points``
    holds integers, any other list strings); each duration gets its ``_seconds`` column."""
    found: dict[str, Column] = {}
    for name, kind, meaning in specs:
        if kind == "list":
            items: FieldType = "integer" if name == "points" else "string"
            found[name] = Column(name, kind, meaning, items)
        else:
            found[name] = Column(name, kind, meaning)
        if kind == "duration":
            seconds = f"{name}_seconds"
            found[seconds] = Column(seconds, "number", f"{name}, in seconds")
    return found


VOCABULARY: Final[Mapping[str, Column]] = _columns(
    # ids, each with the name a reader sees beside it
    ("event_id", "string", "an event's id, stable across releases"),
    ("event_ids", "list", "the ids of the events concerned"),
    ("obligation_id", "string", "an obligation's id"),
    ("action", "string", "what the obligation requires, in the library's words"),
    ("phase_id", "string", "a phase's id"),
    ("phase", "string", "the phase in words (phase 2, or its name)"),
    ("party_id", "string", "a party's id"),
    ("party", "string", "the party's display name"),
    ("party_kind", "string", "what kind of party it is (belligerent, mediator, ...)"),
    ("owed_by_ids", "list", "the ids of the parties that owe it; empty where the text names none"),
    ("owed_by", "string", f"who owes it, by name; '{NO_OBLIGOR}' where the text names nobody"),
    (
        "owed_to_ids",
        "list",
        "the ids of the parties it is owed to; empty where the text names none",
    ),
    ("owed_to", "string", f"who it is owed to, by name; '{NO_PARTY}' where the text names nobody"),
    ("binds_ids", "list", "the ids of the parties the point places a duty or role on"),
    ("binds", "string", f"who the point binds, by name; '{NO_OBLIGOR}' where it names nobody"),
    ("point", "integer", "the plan's point (1-20)"),
    ("points", "list", "the plan's points concerned"),
    ("term_id", "string", "a term's path, such as exchange.remains_ratio"),
    ("line_id", "string", "a withdrawal line's id"),
    ("line", "string", "the line's display name"),
    ("figure_id", "string", "a reported figure's id"),
    ("fact_id", "string", "a fact's id, as conditions name it (response.hamas: per party)"),
    ("fact", "string", "the fact in words"),
    ("source_tag", "string", "a source's tag in the register (gazaplan sources TAG)"),
    ("source_tags", "list", "the citations (a tag, with the point it is cited for: WH 4)"),
    # versions and instants
    ("plan_version", "string", "the plan version that judged it (a date, YYYY-MM-DD)"),
    ("release", "string", "the dataset release (YYYY.MM, a string: 2026.10 is not 2026.1)"),
    ("in_force", "datetime", "when the plan version took effect"),
    ("judged_at", "datetime", "the instant judged"),
    ("data_as_of", "datetime", "the latest instant the data's sources cover"),
    ("at", "datetime", "when the event happened (RFC 3339, with its offset)"),
    ("since", "datetime", "when the present status began"),
    ("triggered_at", "datetime", "when its trigger was first met"),
    ("clock_from", "datetime", "when its deadline clock started"),
    ("due", "datetime", "its deadline"),
    ("due_latest", "datetime", "the latest its deadline can be (a day-precise start adds a day)"),
    ("fulfilled_at", "datetime", "when it was first fulfilled"),
    ("start", "datetime", "when the period began"),
    ("end", "datetime", "when the next period began; empty: still so at the instant judged"),
    ("as_of", "date", "the date the figure or position refers to"),
    ("valid_until", "date", "the last date the position holds"),
    ("date", "date", "the source's date"),
    # durations (each with its _seconds column)
    ("overdue_by", "duration", "how long it is overdue"),
    ("late_by", "duration", "how late it was fulfilled"),
    ("time_left", "duration", "how long until its deadline"),
    ("held", "duration", "for a maintenance duty, how long it held while owed"),
    ("owed_for", "duration", "for a maintenance duty, how long it has been owed"),
    # statuses and verdicts
    ("status", "string", "the obligation's compliance status (overdue, pending, ...)"),
    ("obligation_kind", "string", "achievement, maintenance or punctual"),
    ("reason", "string", "why, in one line"),
    ("cause", "string", "the event that began the period, in a few words"),
    ("missing_fact_ids", "list", "the facts whose being unknown leaves the status unknown"),
    ("missing_facts", "string", "those facts in words"),
    ("preconditions", "string", "the phase's preconditions in words (conditions met, ...)"),
    ("preconditions_verdict", "string", "the preconditions' verdict: MET, UNMET or UNKNOWN"),
    ("completion", "string", "the phase's completion in words (conditions met, ...)"),
    ("completion_verdict", "string", "the completion's verdict: MET, UNMET or UNKNOWN"),
    ("unmet_conditions", "integer", "how many of the preconditions' tests are not met"),
    ("unknown_conditions", "integer", "how many of the preconditions' tests are not known"),
    ("step", "integer", "the instant's number: 0 the start, then each instant events happen"),
    ("period", "integer", "the period's number in the lifecycle, 1 the first"),
    # values and claims
    ("measure", "string", "what is counted"),
    ("quantity", "string", "delivered, or owed"),
    ("claim", "integer", "the claim's number (1 where nobody contests the value)"),
    ("contested", "boolean", "whether sources disagree on the value (one row per claim)"),
    ("value", "number", "the value as a number; empty: unknown, or not a number"),
    ("value_text", "string", "the value in words; empty: unknown"),
    ("at_least", "boolean", "whether the value is only known from below (at least it)"),
    ("claimed_by", "string", "who states the value, attributed"),
    ("unit", "string", "the figure's unit"),
    ("qualifier", "string", "the source's hedge (about, more than, nearly); empty: exact"),
    ("label", "string", "what the figure counts"),
    ("topic", "string", "what it is about"),
    ("topics", "list", "what it is about"),
    # the plan's items
    ("title", "string", "the title"),
    ("paraphrase", "string", "the library's paraphrase of the point"),
    ("nature", "string", "goal, commitment, conditional, fallback or aspiration"),
    ("path", "string", "main, or fallback (point 17)"),
    ("description", "string", "the library's own description"),
    ("order", "integer", "the line's place, 0 the front lines at acceptance"),
    ("also_called", "list", "other names in the reporting"),
    ("deadline_hours", "number", "the deadline in hours; empty: none, or unknown"),
    ("response", "string", "the party's answer to the plan"),
    ("stance", "string", "commits to, or refuses"),
    ("summary", "string", "the library's own summary"),
    ("note", "string", "caveats"),
    # events, sources and the dataset
    ("event_kind", "string", "the kind of change (gazaplan event kinds)"),
    ("precision", "string", "instant, or day where the source gives only the day"),
    ("confidence", "string", "confirmed, or sources disagree"),
    ("reported_by", "string", "who states it, attributed"),
    ("publisher", "string", "who published the source"),
    ("date_approximate", "boolean", "whether the source's date is approximate"),
    ("url", "string", "the source's address"),
    ("entry_status", "string", "candidate, or vetted"),
    ("added_in", "string", "the release the entry first appeared in (YYYY.MM)"),
    ("coded_by", "string", "who coded the entry"),
    ("reviewed_by", "string", "who reviewed the entry, and how"),
    ("replaced_by", "string", "the id of the entry that corrects or retracts it"),
    ("revises", "list", "the ids of earlier entries it qualifies"),
    # reports and anomalies
    ("beyond_data", "boolean", "whether the instant judged is past the data's edge"),
    ("assume_unchanged", "boolean", "whether facts were carried forward past the data's edge"),
    ("events_replayed", "integer", "how many events are at or before the instant judged"),
    ("events_total", "integer", "how many events the timeline has"),
    ("anomaly_kind", "string", "how the record and the rules disagree"),
    ("unknown_items", "list", "what a release's sources leave unknown at its edge, one item each"),
    # what a release changes (gazaplan data diff)
    ("previous_release", "string", "the release it is compared with"),
    ("change", "string", "added, corrected or retracted"),
    ("entry_id", "string", "a dataset entry's id: its event's, or a retraction's own"),
    ("earlier_entry_id", "string", "the entry a correction or a retraction replaces"),
    ("subject_kind", "string", "phase or obligation"),
    ("subject_id", "string", "the phase's or the obligation's id"),
    ("aspect", "string", "preconditions or completion (a phase), status (an obligation)"),
    ("before", "string", "the conclusion under the previous release"),
    ("after", "string", "the conclusion under this release"),
    # the headline (gazaplan status)
    ("target_id", "string", "a target's id: a phase (its preconditions), or a part of it"),
    ("target", "string", "the target in words (phase 2's completion)"),
    ("verdict", "string", "conditions met, conditions not met, or not known"),
    ("waits_unmet", "list", "the conditions of the target that are not met, in words"),
    ("waits_unknown", "list", "the conditions of the target the data leave unknown, in words"),
    ("veto_party_ids", "list", "the parties whose refusal alone blocks it whatever is unknown"),
    ("vetoes", "string", "those parties by name"),
    ("possible_veto_party_ids", "list", "the parties whose refusal blocks it for some unknowns"),
    ("possible_vetoes", "string", "those parties by name"),
    ("possibly_sooner", "boolean", "whether the phase may have begun before the data show"),
    ("obligations_judged", "integer", "how many obligations were judged"),
    ("obligations_unknown", "integer", "how many obligations the data leave unknown"),
    ("explained", "boolean", "whether the plan's notes explain it"),
    # implementation scores (gazaplan.desk.pax)
    ("pax_tags", "list", "PA-X content variables (the library's reading)"),
    ("score", "integer", "implementation score 0-3 on the Peace Accords Matrix scale"),
    ("score_label", "string", "not initiated, minimal, intermediate, full, or unknown"),
)
"""Every column any export has: one name, one type and one meaning in every table."""


@attrs.frozen
class ForeignKey:
    """Columns of a table that name rows of another table of the same package.

    Attributes:
        fields: the columns, in this table.
        resource: the other table's name.
        reference: the columns they match, in the other table.
    """

    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


@attrs.frozen
class Table:
    """One table of an export: columns from :data:`VOCABULARY` and rows of typed values.

    Build one with :func:`table`, which checks every cell against its column's type. A cell is
    None where the value is unknown or absent (written as an empty cell, declared missing).

    Attributes:
        name: the table's name (its file is ``<name>.csv``).
        description: what a row is.
        columns: the columns, in order.
        rows: the rows, each a tuple of cells in the columns' order.
        primary_key: the columns that identify a row (empty: none declared).
        foreign_keys: the columns that name rows of other tables.
    """

    name: str
    description: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The columns' names, in order."""
        return tuple(c.name for c in self.columns)

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts, column name to cell.

        Returns:
            One dict per row.
        """
        names = self.names
        return [dict(zip(names, row, strict=True)) for row in self.rows]

    def schema(self) -> dict[str, Any]:
        """The table's Frictionless Table Schema.

        Returns:
            Its fields, ``missingValues: [""]``, and its primary and foreign keys.
        """
        schema: dict[str, Any] = {
            "fields": [c.schema() for c in self.columns],
            "missingValues": [""],
        }
        if self.primary_key:
            schema["primaryKey"] = list(self.primary_key)
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {
                    "fields": list(k.fields),
                    "reference": {"resource": k.resource, "fields": list(k.reference)},
                }
                for k in self.foreign_keys
            ]
        return schema


def table(
    name: str,
    description: str,
    columns: Sequence[str],
    rows: Iterable[Mapping[str, Any]],
    *,
    primary_key: Sequence[str] = (),
    foreign_keys: Sequence[ForeignKey] = (),
) -> Table:
    """A table of the vocabulary's columns, every cell checked against its column's type.

    A duration column brings its ``<name>_seconds`` column, filled from it. UNKNOWN, None, an
    empty text and an empty list are all a missing cell (None).

    Args:
        name: the table's name.
        description: what a row is.
        columns: the columns' names, from :data:`VOCABULARY`, in order (without the
            ``_seconds`` columns, which follow their durations).
        rows: the rows, column name to value; a column a row lacks is missing.
        primary_key: the columns that identify a row.
        foreign_keys: the columns that name rows of other tables.

    Returns:
        The table.

    Raises:
        InvalidValueError: if a column is not in the vocabulary, a row names a column the table
            does not have, or a cell does not fit its column's type.
    """
    cols: list[Column] = []
    for c in columns:
        if c not in VOCABULARY:
            raise InvalidValueError(
                f"export table {name!r}",
                c,
                "no such column in the vocabulary",
                "Use a column of gazaplan.desk.exports.VOCABULARY, or add it there.",
            )
        cols.append(VOCABULARY[c])
        if VOCABULARY[c].type == "duration":
            cols.append(VOCABULARY[f"{c}_seconds"])
    known = {col.name for col in cols}
    out = []
    for row in rows:
        extra = set(row) - known
        if extra:
            raise InvalidValueError(
                f"export table {name!r}",
                sorted(extra),
                "columns the table does not declare",
                "Declare them in the table's columns, or leave them out of the row.",
            )
        cells = []
        for col in cols:
            if col.name.endswith("_seconds") and col.name[: -len("_seconds")] in row:
                span = row[col.name[: -len("_seconds")]]
                value = span.total_seconds() if isinstance(span, dt.timedelta) else None
            else:
                value = row.get(col.name)
            cells.append(_cell(name, col, value))
        out.append(tuple(cells))
    return Table(
        name, description, tuple(cols), tuple(out), tuple(primary_key), tuple(foreign_keys)
    )


def _c(names: str) -> list[str]:
    """Column names written as words: ``_c("event_id at")``."""
    return names.split()


def _cell(table_name: str, column: Column, value: Any) -> Any:
    """A value checked against its column's type; None where it is missing."""
    if value is UNKNOWN:
        return None
    if isinstance(value, enum.Enum):
        value = str(value)
    if value is None or value == "" or value == () or value == []:
        return None
    kind = column.type
    if kind == "list":
        if not isinstance(value, tuple | list):
            return _refuse(table_name, column, value)
        item = Column(column.name, column.item_type or "string", column.meaning)
        items = tuple(_cell(table_name, item, v) for v in value)
        for v in items:
            if v is None or (isinstance(v, str) and DELIMITER in v):
                return _refuse(table_name, column, value)
        return items
    if not _fits(kind, value):
        return _refuse(table_name, column, value)
    if kind == "number":
        return float(value)
    return value


def _fits(kind: FieldType, v: Any) -> bool:
    """Whether a value (not None) is of a column type."""
    if kind == "string":
        return isinstance(v, str)
    if kind in ("integer", "number"):
        whole = isinstance(v, int) and not isinstance(v, bool)
        return whole or (kind == "number" and isinstance(v, float))
    if kind == "boolean":
        return isinstance(v, bool)
    if kind == "datetime":
        return isinstance(v, dt.datetime) and v.utcoffset() is not None
    if kind == "date":
        return isinstance(v, dt.date) and not isinstance(v, dt.datetime)
    return kind == "duration" and isinstance(v, dt.timedelta)


def _refuse(table_name: str, column: Column, value: Any) -> Any:
    what = f"a {column.type}" + (
        f" of {column.item_type} items, none empty or holding {DELIMITER!r}"
        if column.type == "list"
        else ""
    )
    raise InvalidValueError(
        f"export table {table_name!r}, column {column.name!r}",
        value,
        f"the column holds {what}",
        "Give a value of the column's type (instants with their offsets), or None.",
    )


# -- the cells as text, and the files --------------------------------------------------------


def iso_duration(span: dt.timedelta) -> str:
    """A duration in ISO 8601, as Table Schema's ``duration`` reads it.

    Args:
        span: the duration.

    Returns:
        Days, hours, minutes and seconds, the zero ones left out (``P104DT12H``, ``PT30M``,
        ``PT0S``), with a leading ``-`` for a negative duration.

    >>> iso_duration(dt.timedelta(days=104, hours=12))
    'P104DT12H'
    """
    sign = "-" if span < dt.timedelta(0) else ""
    span = abs(span)
    hours, rest = divmod(span.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    days = f"{span.days}D" if span.days else ""
    secs = f"{seconds}.{span.microseconds:06d}".rstrip("0") if span.microseconds else f"{seconds}"
    clock = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M")) if n) + (
        f"{secs}S" if seconds or span.microseconds else ""
    )
    if not days and not clock:
        clock = "0S"
    return f"{sign}P{days}" + (f"T{clock}" if clock else "")


def _text(column: Column, value: Any) -> str:
    """A cell as CSV text; None is the empty cell."""
    if value is None:
        return ""
    if column.type == "list":
        item = Column(column.name, column.item_type or "string", column.meaning)
        return DELIMITER.join(_text(item, v) for v in value)
    if column.type == "boolean":
        return "true" if value else "false"
    if column.type == "number":
        return repr(value)
    if column.type == "duration":
        return iso_duration(value)
    if column.type in ("datetime", "date"):
        return str(value.isoformat())
    return str(value)


def write_set(
    directory: str | os.PathLike[str], files: Mapping[str, Callable[[Path], None]]
) -> tuple[Path, ...]:
    """Write several files as a set: all of them, or none.

    Each file is written into a temporary folder inside *directory* first; only when every one
    is written are they moved into place. A file that cannot be written leaves *directory* as
    it was, not half an export.

    Args:
        directory: the folder to write into (made if missing).
        files: each file's name, and the function that writes it at the path it is given.

    Returns:
        The paths written, in the order of *files*.

    Raises:
        OSError: if a file cannot be written; then no file of the set is written.
    """
    final = Path(directory)
    final.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=final, prefix=".export-") as tmp:
        for name, write in files.items():
            write(Path(tmp) / name)
        for name in files:
            os.replace(Path(tmp) / name, final / name)
    return tuple(final / name for name in files)


def _csv_file(t: Table, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(t.names)
        for row in t.rows:
            w.writerow([_text(c, v) for c, v in zip(t.columns, row, strict=True)])


def descriptor(
    tables: Sequence[Table],
    paths: Mapping[str, str],
    *,
    name: str,
    title: str,
    version: str | None = None,
    fmt: Literal["csv", "parquet"] = "csv",
) -> dict[str, Any]:
    """A Frictionless Data Package descriptor of tables.

    Args:
        tables: the tables.
        paths: each table's file, by table name, relative to the descriptor.
        name: the package's name (lower case, ``-``, ``_`` and ``.``).
        title: the package's title.
        version: the package's version (the dataset's release), if any.
        fmt: the files' format.

    Returns:
        The descriptor, as ``datapackage.json`` holds it.
    """
    package: dict[str, Any] = {"name": name, "title": title}
    if version is not None:
        package["version"] = version
    media = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}[fmt]
    package["resources"] = [
        {
            "name": t.name,
            "path": paths[t.name],
            "format": fmt,
            "mediatype": media,
            **({"encoding": "utf-8"} if fmt == "csv" else {}),
            "description": t.description,
            "schema": t.schema(),
        }
        for t in tables
    ]
    return package


def _layout(tables: Sequence[Table], target: str | os.PathLike[str], suffix: str) -> tuple[
    Path, dict[str, str], str
]:  # fmt: skip
    """Where a set goes: a folder (``<table>.csv`` each, ``datapackage.json``), or, for a path
    ending in *suffix*, the first table at that path and the others beside it as
    ``<stem>.<table><suffix>``, with ``<stem>.datapackage.json``."""
    path = Path(target)
    if not os.fspath(target).strip():
        raise InvalidValueError(
            "export path", os.fspath(target), "is empty", "Name a folder, or a file."
        )
    folder_named = os.fspath(target).endswith(("/", os.sep))
    if path.suffix.lower() == suffix and not folder_named:
        stem = path.stem
        names = {t.name: f"{stem}.{t.name}{suffix}" for t in tables[1:]}
        return path.parent, {tables[0].name: path.name, **names}, f"{stem}.datapackage.json"
    if path.exists() and not path.is_dir():
        raise InvalidValueError(
            "export path",
            os.fspath(target),
            "is a file, not a folder",
            f"Name a folder (made if missing), or a file ending in {suffix}.",
        )
    return path, {t.name: f"{t.name}{suffix}" for t in tables}, "datapackage.json"


def _need_tables(tables: Sequence[Table]) -> None:
    names = [t.name for t in tables]
    if not names or len(set(names)) != len(names):
        raise InvalidValueError(
            "export tables",
            names,
            "no table, or two tables of the same name",
            "Export one or more tables, each with its own name.",
        )


def _tables(what: object, plan: Plan | Sequence[Plan] | None) -> tuple[Table, ...]:
    if isinstance(what, Table):
        return (what,)
    if isinstance(what, tuple | list) and what and all(isinstance(t, Table) for t in what):
        return tuple(what)
    return tables_of(what, plan=plan)


def write_csv(
    what: object,
    target: str | os.PathLike[str],
    *,
    plan: Plan | Sequence[Plan] | None = None,
    name: str | None = None,
    title: str | None = None,
    version: str | None = None,
) -> tuple[Path, ...]:
    """Write a result's tables as CSV with a ``datapackage.json`` describing every column.

    *target* is a folder (made if missing), which gets a ``<table>.csv`` per table and
    ``datapackage.json``: a Frictionless Data Package, as a data desk opens it. A *target*
    ending in ``.csv`` gets the first table (``compliance.csv``), its companion tables beside it
    as ``<stem>.<table>.csv`` and the descriptor as ``<stem>.datapackage.json``, so that several
    exports can share a folder. The files are written as a set (:func:`write_set`).

    Args:
        what: a result (see :func:`tables_of`), a :class:`Table`, or a sequence of tables.
        target: the folder, or the first table's ``.csv`` file.
        plan: the plan (or versions) that names phases and parties, for a result that does not
            carry its plan (a compliance report, verdicts over time).
        name: the package's name (None: ``gazaplan-`` and the first table's name).
        title: the package's title (None: from the tables).
        version: the package's version, such as the dataset's release (None: none).

    Returns:
        The paths written, the descriptor last.

    Raises:
        InvalidValueError: if *target* is empty or a file not ending in ``.csv``, or the tables
            are none or share a name.
        TypeError: if gazaplan has no export for *what*.
        OSError: if a file cannot be written; then no file of the set is written.
    """
    tables = _tables(what, plan)
    _need_tables(tables)
    folder, paths, meta = _layout(tables, target, ".csv")
    package = descriptor(
        tables,
        paths,
        name=name or f"gazaplan-{tables[0].name}".replace("_", "-"),
        title=title or "gazaplan: " + ", ".join(t.name.replace("_", " ") for t in tables),
        version=version,
    )
    files: dict[str, Callable[[Path], None]] = {
        paths[t.name]: functools.partial(_csv_file, t) for t in tables
    }
    files[meta] = functools.partial(_json_file, package)
    return write_set(folder, files)


def _json_file(package: Mapping[str, Any], path: Path) -> None:
    path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", "utf-8")


def write_parquet(
    what: object,
    target: str | os.PathLike[str],
    *,
    plan: Plan | Sequence[Plan] | None = None,
) -> tuple[Path, ...]:
    """Write a result's tables as Parquet, with the same columns and types as the CSV.

    Needs the ``pandas`` extra (pyarrow). *target* is a folder (a ``<table>.parquet`` per
    table), or a path ending in ``.parquet`` for the first table, its companions beside it as
    ``<stem>.<table>.parquet``. Instants are timestamps in the data's zone (the named zone of
    the events where they have one), durations Arrow durations, lists lists; each column's
    meaning is its field's ``description`` metadata, and the table's schema (keys included)
    the file's ``gazaplan.schema`` metadata. The files are written as a set (:func:`write_set`).

    Args:
        what: a result (see :func:`tables_of`), a :class:`Table`, or a sequence of tables.
        target: the folder, or the first table's ``.parquet`` file.
        plan: the plan (or versions) that names phases and parties, for a result that does not
            carry its plan.

    Returns:
        The paths written.

    Raises:
        MissingExtraError: if pyarrow is not installed.
        InvalidValueError: if *target* is empty or a file not ending in ``.parquet``, or the
            tables are none or share a name.
        TypeError: if gazaplan has no export for *what*.
        OSError: if a file cannot be written; then no file of the set is written.
    """
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise MissingExtraError("write_parquet()", "pandas", "pyarrow") from None
    tables = _tables(what, plan)
    _need_tables(tables)
    folder, paths, _ = _layout(tables, target, ".parquet")
    return write_set(folder, {paths[t.name]: functools.partial(_parquet_file, t) for t in tables})


def _arrow_type(column: Column, values: Sequence[Any]) -> Any:
    import pyarrow as pa

    kind = column.type
    if kind == "list":
        item = Column(column.name, column.item_type or "string", column.meaning)
        return pa.list_(_arrow_type(item, [v for vs in values if vs for v in vs]))
    if kind == "datetime":
        return pa.timestamp("us", tz=_zone([v for v in values if v is not None]))
    simple = {
        "string": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "date": pa.date32(),
        "duration": pa.duration("us"),
    }
    return simple[kind]


def _zone(instants: Sequence[dt.datetime]) -> str:
    """The zone of a column of instants: the named zone the values carry, else their one
    offset (``+03:00``), else UTC."""
    from zoneinfo import ZoneInfo

    for at in instants:
        if isinstance(at.tzinfo, ZoneInfo):
            return at.tzinfo.key
    offsets = {at.utcoffset() for at in instants}
    if len(offsets) == 1:
        (offset,) = offsets
        assert offset is not None
        minutes = int(offset.total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return "UTC"


def _parquet_file(t: Table, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields, arrays = [], []
    for i, c in enumerate(t.columns):
        values = [row[i] for row in t.rows]
        kind = _arrow_type(c, values)
        meta = {"description": c.meaning, "type": c.type}
        fields.append(pa.field(c.name, kind, metadata=meta))
        arrays.append(pa.array([list(v) if c.type == "list" and v else v for v in values], kind))
    schema = pa.schema(
        fields,
        metadata={
            "gazaplan.table": t.name,
            "gazaplan.description": t.description,
            "gazaplan.schema": json.dumps(t.schema(), ensure_ascii=False),
        },
    )
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), path)


# -- the library's results as tables -----------------------------------------------------------


def _cites(sources: Iterable[Source]) -> tuple[str, ...]:
    return tuple(s.cite() for s in sources)


@attrs.frozen
class _Names:
    """The display names of one plan or several versions (the latest first)."""

    plans: tuple[Plan, ...]

    @property
    def latest(self) -> Plan | None:
        return self.plans[-1] if self.plans else None

    def parties(self, ids: Iterable[str], none: str = NO_OBLIGOR) -> str:
        names: dict[str, str] = {}
        for p in self.plans:
            names |= {party.id: party.name for party in p.parties}
        return parties_text(names, ids, none=none)

    def phase(self, phase_id: str) -> str:
        for p in reversed(self.plans):
            if any(ph.id == phase_id for ph in p.phases):
                return phase_name(p, phase_id)
        return phase_name(self.latest, phase_id) if self.latest is not None else phase_id


def _names(plan: Plan | Sequence[Plan] | None, what: str) -> _Names:
    if plan is None:
        raise InvalidValueError(
            what,
            None,
            "a plan is needed to name its phases and parties",
            "Pass plan= (the plan, or the versions, that judged it).",
        )
    return _Names((plan,) if isinstance(plan, Plan) else tuple(plan))


def _claims(value: Any, sources: tuple[Source, ...] = (), note: str = "") -> list[dict[str, Any]]:
    """A value as rows of claims: one for a value nobody contests (or UNKNOWN), one per claim
    of a contested one, each with its value in words and as a number."""
    if isinstance(value, Sourced):
        return _claims(value.value, tuple(value.sources), value.note or note)
    if isinstance(value, Contested):
        return [
            {
                "claim": i,
                "contested": True,
                **_value(c.value),
                "claimed_by": c.claimed_by,
                "source_tags": _cites(c.sources),
                "note": c.note,
            }
            for i, c in enumerate(value.claims, start=1)
        ]
    row = {"claim": 1, "contested": False, **_value(value), "source_tags": _cites(sources)}
    return [row | {"note": note}]


def _value(value: Any) -> dict[str, Any]:
    if value is UNKNOWN:
        return {"value_text": None, "value": None, "at_least": None}
    if isinstance(value, Floor):
        return {"value_text": str(value), "value": value.value, "at_least": True}
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    return {"value_text": show(value), "value": number, "at_least": False}


def plan_tables(plan: Plan) -> tuple[Table, ...]:
    """The plan's own tables: its points, phases, obligations, terms (a row per claim), lines
    with their claimed shares, figures, positions, parties and sources.

    Args:
        plan: the plan.

    Returns:
        The tables, each with its keys.
    """
    from .tables import all_sources

    n = _Names((plan,))
    provisions = table(
        "provisions",
        f"the plan's points (version {plan.version})",
        _c("point title nature paraphrase binds_ids binds topics note source_tags"),
        (
            {
                "point": p.number,
                "title": p.title,
                "nature": p.nature,
                "paraphrase": p.paraphrase,
                "binds_ids": p.binds,
                "binds": n.parties(p.binds),
                "topics": tuple(sorted(str(t) for t in p.topics)),
                "note": p.note,
                "source_tags": _cites(p.sources),
            }
            for p in plan.provisions
        ),
        primary_key=["point"],
    )
    phases = table(
        "phases",
        "the plan's phases",
        ["phase_id", "phase", "title", "path", "points", "description", "source_tags"],
        (
            {
                "phase_id": ph.id,
                "phase": phase_name(plan, ph.id),
                "title": ph.name,
                "path": ph.path,
                "points": ph.provisions,
                "description": ph.description,
                "source_tags": _cites(ph.sources),
            }
            for ph in plan.phases
        ),
        primary_key=["phase_id"],
    )
    obligations = table(
        "obligations",
        "every obligation of every phase",
        _c(
            "obligation_id action phase_id phase point obligation_kind owed_by_ids "
            "owed_by owed_to_ids owed_to deadline_hours"
        ),
        (
            {
                "obligation_id": o.id,
                "action": o.action,
                "phase_id": ph.id,
                "phase": phase_name(plan, ph.id),
                "point": o.provision,
                "obligation_kind": o.kind,
                "owed_by_ids": o.obligors,
                "owed_by": n.parties(o.obligors),
                "owed_to_ids": o.owed_to,
                "owed_to": n.parties(o.owed_to, NO_PARTY),
                "deadline_hours": _deadline_hours(plan, o),
            }
            for ph in plan.phases
            for o in ph.obligations
        ),
        primary_key=["obligation_id"],
        foreign_keys=[
            ForeignKey(("phase_id",), "phases", ("phase_id",)),
            ForeignKey(("point",), "provisions", ("point",)),
        ],
    )
    terms = table(
        "terms",
        "the plan's terms, a row per claim where sources disagree",
        _c("term_id claim contested value_text value claimed_by note source_tags"),
        (
            {"term_id": path, **{k: v for k, v in c.items() if k != "at_least"}}
            for path in plan.term_paths()
            for c in _claims(
                plan.term(path).value, tuple(plan.term(path).sources), plan.term(path).note
            )
        ),
        primary_key=["term_id", "claim"],
    )
    lines = table(
        "lines",
        "the withdrawal lines, in order",
        ["line_id", "line", "order", "also_called", "description", "source_tags"],
        (
            {
                "line_id": line.id,
                "line": line.name,
                "order": line.order,
                "also_called": line.also_called,
                "description": line.description,
                "source_tags": _cites(line.sources),
            }
            for line in plan.lines
        ),
        primary_key=["line_id"],
    )
    shares = table(
        "line_shares",
        "the share of Gaza (percent) left under Israeli control at each line, a row per claim",
        ["line_id", "claim", "contested", "value", "claimed_by", "note", "source_tags"],
        (
            {
                "line_id": line.id,
                "claim": i,
                "contested": len(line.israeli_share) > 1,
                "value": c.value,
                "claimed_by": c.claimed_by,
                "note": c.note,
                "source_tags": _cites(c.sources),
            }
            for line in plan.lines
            for i, c in enumerate(line.israeli_share, start=1)
        ),
        primary_key=["line_id", "claim"],
        foreign_keys=[ForeignKey(("line_id",), "lines", ("line_id",))],
    )
    return (
        provisions,
        phases,
        obligations,
        terms,
        lines,
        shares,
        _figures_table("figures", "reported figures, attributed", plan.figures),
        table(
            "positions",
            "what the parties said about the plan, attributed",
            _c(
                "party_id party response stance action obligation_id summary as_of "
                "valid_until reported_by source_tags"
            ),
            (
                {
                    "party_id": p.party,
                    "party": n.parties((p.party,)),
                    "response": p.response,
                    "stance": p.stance,
                    "action": p.action,
                    "obligation_id": p.obligation,
                    "summary": p.summary,
                    "as_of": p.as_of,
                    "valid_until": p.valid_until,
                    "reported_by": p.reported_by,
                    "source_tags": _cites(p.sources),
                }
                for p in plan.positions
            ),
        ),
        table(
            "parties",
            "the parties the plan and the reporting name",
            ["party_id", "party", "party_kind", "description", "source_tags"],
            (
                {
                    "party_id": p.id,
                    "party": p.name,
                    "party_kind": p.kind,
                    "description": p.description,
                    "source_tags": _cites(p.sources),
                }
                for p in plan.parties
            ),
            primary_key=["party_id"],
        ),
        _sources_table(all_sources(plan)),
    )


def _deadline_hours(plan: Plan, o: Any) -> float | None:
    if o.deadline is None:
        return None
    hours = o.deadline.hours
    value = plan.term(hours.path).value if hasattr(hours, "path") else hours
    value = value.value if isinstance(value, Sourced) else value
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _figures_table(name: str, description: str, figures: Iterable[Any]) -> Table:
    return table(
        name,
        description,
        _c("figure_id topic label value unit qualifier claimed_by as_of note source_tags"),
        (
            {
                "figure_id": f.id,
                "topic": f.topic,
                "label": f.label,
                "value": f.value,
                "unit": f.unit,
                "qualifier": f.qualifier,
                "claimed_by": f.claimed_by,
                "as_of": f.as_of,
                "note": f.note,
                "source_tags": _cites(f.sources),
            }
            for f in figures
        ),
        primary_key=["figure_id"],
    )


def _sources_table(sources: Iterable[Source]) -> Table:
    found: dict[str, Source] = {}
    for s in sources:
        found.setdefault(s.tag, s)
    return table(
        "sources",
        "the sources cited, once each by tag (gazaplan sources TAG)",
        ["source_tag", "publisher", "title", "date", "date_approximate", "url", "note"],
        (
            {
                "source_tag": s.tag,
                "publisher": s.outlet,
                "title": s.title,
                "date": s.date,
                "date_approximate": s.approximate_date,
                "url": s.url,
                "note": s.note,
            }
            for s in sorted(found.values(), key=lambda s: s.tag)
        ),
        primary_key=["source_tag"],
    )


_EVENT_COLUMNS: Final = (
    _c("event_id at precision event_kind summary reported_by confidence note source_tags")
)  # fmt: skip


def _event_row(e: Event) -> dict[str, Any]:
    return {
        "event_id": e.id,
        "at": e.at,
        "precision": e.precision,
        "event_kind": e.kind,
        "summary": e.summary,
        "reported_by": e.reported_by,
        "confidence": e.confidence,
        "note": e.note,
        "source_tags": _cites(e.sources),
    }


def _event_figures(events: Sequence[Event]) -> Table:
    return table(
        "event_figures",
        "the figures events report, one row per figure, each attributed",
        _c("event_id figure_id topic label value unit qualifier claimed_by as_of note source_tags"),
        (
            {
                "event_id": e.id,
                **row,
            }
            for e in events
            for row in _figures_table("x", "", getattr(e.change, "figures", ())).records()
        ),
        primary_key=["event_id", "figure_id"],
        foreign_keys=[ForeignKey(("event_id",), "events", ("event_id",))],
    )


def timeline_tables(timeline: Timeline) -> tuple[Table, ...]:
    """A timeline's tables: its events, the figures they report, and the sources they cite.

    Args:
        timeline: the timeline.

    Returns:
        ``events``, ``event_figures`` and ``sources``.
    """
    events = table(
        "events",
        "the timeline's events, in order",
        _EVENT_COLUMNS,
        (_event_row(e) for e in timeline.events),
        primary_key=["event_id"],
    )
    cited = [s for e in timeline.events for s in e.sources]
    return events, _event_figures(timeline.events), _sources_table(cited)


def dataset_tables(dataset: Dataset, release: str | None = None) -> tuple[Table, ...]:
    """A dataset release's tables: every entry it publishes (candidates marked) with its event,
    the figures they report, and the sources they cite.

    Args:
        dataset: the dataset.
        release: the release's version (None: the latest).

    Returns:
        ``events`` (the timeline's columns, then the entry's), ``event_figures`` and
        ``sources``.

    Raises:
        UnknownVersionError: if no release has that version.
    """
    rel = dataset.release(release)
    marks = dataset.marks()
    entries = [e for e in dataset.published(rel.version, candidates=True) if e.event is not None]
    events = [e.event for e in entries if e.event is not None]
    rows = (
        _event_row(ev)
        | {
            "entry_status": e.status.value,
            "added_in": e.added_in,
            "coded_by": e.coded_by,
            "reviewed_by": e.reviewed_by,
            "replaced_by": marks.get(ev.id),
            "revises": e.revises,
            "release": rel.version,
        }
        for e, ev in zip(entries, events, strict=True)
    )
    table_ = table(
        "events",
        f"every entry release {rel.version} publishes, candidates marked",
        [
            *_EVENT_COLUMNS,
            *_c("entry_status added_in coded_by reviewed_by replaced_by revises release"),
        ],
        rows,
        primary_key=["event_id"],
    )
    cited = [s for ev in events for s in ev.sources]
    return table_, _event_figures(events), _sources_table(cited)


def compliance_tables(
    report: ComplianceReport, plan: Plan | Sequence[Plan] | None = None
) -> tuple[Table, ...]:
    """A compliance report's tables: every obligation's status, its lifecycle (a row per
    period), and what was delivered against what is owed (a row per claim).

    Args:
        report: the compliance report.
        plan: the plan, or the versions, that judged it (names its phases and parties).

    Returns:
        ``compliance``, ``compliance_periods`` and ``quantities``.

    Raises:
        InvalidValueError: if *plan* is None.
    """
    n = _names(plan, "compliance_tables(plan=)")
    main = table(
        "compliance",
        f"every obligation's status as of {report.at.isoformat()}, the news first",
        _c(
            "judged_at plan_version obligation_id action phase_id phase point "
            "owed_by_ids owed_by obligation_kind status since triggered_at clock_from "
            "due due_latest fulfilled_at overdue_by late_by time_left held owed_for "
            "reason missing_fact_ids missing_facts"
        ),
        (
            {
                "judged_at": report.at,
                "plan_version": c.version,
                "obligation_id": c.obligation.id,
                "action": c.obligation.action,
                "phase_id": c.phase_id,
                "phase": n.phase(c.phase_id),
                "point": c.obligation.provision,
                "owed_by_ids": c.obligation.obligors,
                "owed_by": n.parties(c.obligation.obligors),
                "obligation_kind": c.obligation.kind,
                "status": c.status,
                "since": c.periods[-1].start if c.periods else None,
                "triggered_at": c.triggered_at,
                "clock_from": c.clock_from,
                "due": c.due,
                "due_latest": c.due_latest,
                "fulfilled_at": c.fulfilled_at,
                "overdue_by": c.overdue_by,
                "late_by": c.late_by,
                "time_left": c.time_left,
                "held": c.held,
                "owed_for": c.owed_for,
                "reason": c.reason,
                "missing_fact_ids": c.missing,
                "missing_facts": "; ".join(fact_name(f, n.latest) for f in c.missing),
            }
            for c in report.items
        ),
        primary_key=["obligation_id"],
    )
    periods = table(
        "compliance_periods",
        "each obligation's lifecycle: a row per stretch with one status, oldest first",
        _c("obligation_id period status start end reason cause event_ids plan_version"),
        (
            {
                "obligation_id": c.obligation.id,
                "period": i,
                "status": p.status,
                "start": p.start,
                "end": p.end,
                "reason": p.reason,
                "cause": p.cause,
                "event_ids": p.events,
                "plan_version": p.version,
            }
            for c in report.items
            for i, p in enumerate(c.periods, start=1)
        ),
        primary_key=["obligation_id", "period"],
        foreign_keys=[ForeignKey(("obligation_id",), "compliance", ("obligation_id",))],
    )
    quantities = table(
        "quantities",
        "delivered against owed, a row per measure, side and claim",
        _c(
            "obligation_id measure quantity claim contested value value_text at_least "
            "claimed_by note source_tags"
        ),
        (
            {"obligation_id": c.obligation.id, "measure": q.label, "quantity": side, **claim}
            for c in report.items
            for q in c.quantities
            for side, v in (("delivered", q.delivered), ("owed", q.owed))
            for claim in _claims(v)
        ),
        primary_key=["obligation_id", "measure", "quantity", "claim"],
        foreign_keys=[ForeignKey(("obligation_id",), "compliance", ("obligation_id",))],
    )
    return main, periods, quantities


def verdicts_tables(verdicts: VerdictsOverTime, plan: Plan | None = None) -> tuple[Table, ...]:
    """Verdicts over time as a table: a row per instant and phase.

    Args:
        verdicts: the verdicts over time.
        plan: the plan that judged them (names its phases).

    Returns:
        ``verdicts``.

    Raises:
        InvalidValueError: if *plan* is None.
    """
    n = _names(plan, "verdicts_tables(plan=)")
    rows = (
        {
            "step": i,
            "at": at,
            "event_ids": verdicts.events[i],
            "plan_version": verdicts.plan_version,
            "phase_id": phase,
            "phase": n.phase(phase),
            **_verdicts(verdicts.entry[i][j], verdicts.completion[i][j]),
        }
        for i, at in enumerate(verdicts.instants)
        for j, phase in enumerate(verdicts.phases)
    )
    return (
        table(
            "verdicts",
            "each phase's verdicts at the start (step 0, no instant) and after each instant "
            "at which events happen",
            _c(
                "step at event_ids plan_version phase_id phase preconditions "
                "preconditions_verdict completion completion_verdict"
            ),
            rows,
            primary_key=["step", "phase_id"],
        ),
    )


def _verdicts(entry: Verdict, completion: Verdict) -> dict[str, str]:
    return {
        "preconditions": VERDICT_WORDS[entry],
        "preconditions_verdict": str(entry),
        "completion": VERDICT_WORDS[completion],
        "completion_verdict": str(completion),
    }


def _phase_verdicts(report: PlanReport, n: _Names) -> Table:
    return table(
        "phase_verdicts",
        "each phase's preconditions and completion in the state judged",
        _c(
            "phase_id phase preconditions preconditions_verdict completion "
            "completion_verdict unmet_conditions unknown_conditions points"
        ),
        (
            {
                "phase_id": r.phase.id,
                "phase": n.phase(r.phase.id),
                **_verdicts(r.verdict, r.completion.verdict),
                "unmet_conditions": len(r.unmet),
                "unknown_conditions": len(r.unknown),
                "points": r.provisions,
            }
            for r in report.phases
        ),
        primary_key=["phase_id"],
    )


def _anomalies(report: AnomalyReport) -> Table:
    return table(
        "anomalies",
        "where the record and the rules disagree, with the plan's notes",
        _c("anomaly_kind event_id at obligation_id plan_version reason explained note source_tags"),
        (
            {
                "anomaly_kind": a.kind,
                "event_id": a.event,
                "at": a.at,
                "obligation_id": a.obligation,
                "plan_version": a.version,
                "reason": a.reason,
                "explained": a.explained,
                "note": a.note.note if a.note is not None else None,
                "source_tags": _cites(a.note.sources) if a.note is not None else (),
            }
            for a in report.items
        ),
    )


def report_tables(report: Report) -> tuple[Table, ...]:
    """A report's tables: the judgement (one row), each phase's verdicts, the compliance tables
    and the anomalies.

    Args:
        report: the report.

    Returns:
        ``report``, ``phase_verdicts``, ``compliance``, ``compliance_periods``, ``quantities``
        and ``anomalies``.
    """
    n = _Names(tuple(report.plans))
    head = table(
        "report",
        "the judgement: one plan version, one instant",
        _c(
            "title plan_version in_force judged_at data_as_of beyond_data "
            "assume_unchanged events_replayed events_total note"
        ),
        [
            {
                "title": report.title,
                "plan_version": report.version,
                "in_force": report.in_force,
                "judged_at": report.at,
                "data_as_of": report.data_as_of,
                "beyond_data": report.beyond_data,
                "assume_unchanged": report.assume_unchanged,
                "events_replayed": report.replayed,
                "events_total": report.events,
                "note": report.note,
            }
        ],
        primary_key=["plan_version", "judged_at"],
    )
    return (
        head,
        _phase_verdicts(report.phases, n),
        *compliance_tables(report.compliance, n.plans),
        _anomalies(report.anomalies),
    )


def history_tables(history: History) -> tuple[Table, ...]:
    """The facts over time, long: a row per instant, fact and claim.

    The start is step 0, dated at the plan's origin, with no event; each event is a step.

    Args:
        history: the history.

    Returns:
        ``facts``.
    """
    from ..core._frozenmap import FrozenMap
    from ..core.state import FACTS
    from ..time.compliance import plan_origin

    plan = history.plan
    fact_id = {spec.field: spec.id for spec in FACTS.values()}
    steps = [(plan_origin(plan), None, history.start)] + [
        (e.at, e.id, s) for e, s in zip(history.timeline.events, history.states, strict=True)
    ]
    rows = []
    for i, (at, event, state) in enumerate(steps):
        for a in attrs.fields(type(state)):
            value = getattr(state, a.name)
            pairs = (
                [(f"{fact_id[a.name]}.{p}", v) for p, v in sorted(value.items())]
                if isinstance(value, FrozenMap)
                else [(fact_id[a.name], value)]
            )
            for fid, v in pairs:
                for claim in _claims(v):
                    rows.append(
                        {"step": i, "at": at, "event_id": event, "fact_id": fid}
                        | {"fact": fact_name(fid, plan)}
                        | claim
                    )
    return (
        table(
            "facts",
            "every fact at the start and after each event, a row per claim",
            _c(
                "step at event_id fact_id fact claim contested value_text value "
                "at_least claimed_by note source_tags"
            ),
            rows,
            primary_key=["step", "fact_id", "claim"],
        ),
    )


@functools.singledispatch
def tables_of(obj: object, *, plan: Plan | Sequence[Plan] | None = None) -> tuple[Table, ...]:
    """The export tables of one of the library's results, found by the result's type.

    A plan gives its own tables (:func:`plan_tables`); a timeline its events
    (:func:`timeline_tables`); a dataset its latest release (:func:`dataset_tables`); a
    compliance report, a report, verdicts over time and a history theirs.

    Args:
        obj: the result.
        plan: the plan, or the versions, that judged it, for a result that does not carry its
            plan (a compliance report, verdicts over time).

    Returns:
        The tables, the main one first.

    Raises:
        TypeError: if gazaplan has no export for *obj*'s type.
    """
    raise TypeError(
        f"gazaplan has no export for a {type(obj).__name__}; export a plan, a timeline, a "
        "dataset, a report, a compliance report, verdicts over time, a history or tables"
    )


@tables_of.register
def _(obj: Plan, *, plan: Plan | Sequence[Plan] | None = None) -> tuple[Table, ...]:
    """A plan's tables.

    Args:
        obj: the plan.
        plan: unused (the plan is its own).

    Returns:
        Its tables.
    """
    return plan_tables(obj)


@tables_of.register
def _(obj: Timeline, *, plan: Plan | Sequence[Plan] | None = None) -> tuple[Table, ...]:
    """A timeline's tables.

    Args:
        obj: the timeline.
        plan: unused.

    Returns:
        Its tables.
    """
    return timeline_tables(obj)


@tables_of.register
def _(obj: Dataset, *, plan: Plan | Sequence[Plan] | None = None) -> tuple[Table, ...]:
    """A dataset's latest release's tables.

    Args:
        obj: the dataset.
        plan: unused.

    Returns:
        Its tables.
    """
    return dataset_tables(obj)


@tables_of.register
def _(obj: ComplianceReport, *, plan: Plan | Sequence[Plan] | None = None) -> tuple[Table, ...]:
    """A compliance report's tables.

    Args:
        obj: the report.
        plan: the plan, or the versions, that judged it.

    Returns:
        Its tables.
    """
    return compliance_tables(obj, plan)


@tables_of.register
def _(obj: Report, *, plan: Plan | Sequence[Plan] | None = None) -> tuple[Table, ...]:
    """A report's tables.

    Args:
        obj: the report.
        plan: unused (the report carries its plans).

    Returns:
        Its tables.
    """
    return report_tables(obj)


@tables_of.register
def _(obj: VerdictsOverTime, *, plan: Plan | Sequence[Plan] | None = None) -> tuple[Table, ...]:
    """Verdicts over time as tables.

    Args:
        obj: the verdicts.
        plan: the plan that judged them.

    Returns:
        Its tables.
    """
    if plan is None or isinstance(plan, Plan):
        return verdicts_tables(obj, plan)
    versions = tuple(plan)
    judged = [p for p in versions if p.version == obj.plan_version] or list(versions[-1:])
    return verdicts_tables(obj, judged[0] if judged else None)


@tables_of.register
def _(obj: History, *, plan: Plan | Sequence[Plan] | None = None) -> tuple[Table, ...]:
    """A history's tables.

    Args:
        obj: the history.
        plan: unused (the history carries its plan).

    Returns:
        Its tables.
    """
    return history_tables(obj)


def headline_tables(headline: Headline) -> tuple[Table, ...]:
    """The headline's tables: the answer (one row), the obligations it names, and the facts
    missing most often.

    Args:
        headline: the headline (:func:`gazaplan.status`).

    Returns:
        ``status``, ``status_obligations`` and ``status_missing``.
    """
    h = headline
    head = table(
        "status",
        "where the plan stands at one instant: one row",
        _c(
            "plan_version judged_at data_as_of beyond_data phase_id phase title since "
            "event_ids summary possibly_sooner target_id target verdict waits_unmet "
            "waits_unknown veto_party_ids vetoes possible_veto_party_ids possible_vetoes "
            "obligations_judged obligations_unknown"
        ),
        [
            {
                "plan_version": h.version,
                "judged_at": h.at,
                "data_as_of": h.data_as_of,
                "beyond_data": h.beyond_data,
                "phase_id": h.phase_id,
                "phase": h.phase,
                "title": h.phase_title,
                "since": h.since,
                "event_ids": h.since_events,
                "summary": h.since_summary,
                "possibly_sooner": h.possibly_sooner,
                "target_id": h.next_target,
                "target": h.next_words,
                "verdict": VERDICT_WORDS[h.next_verdict] if h.next_verdict is not None else None,
                "waits_unmet": h.waits_unmet,
                "waits_unknown": h.waits_unknown,
                "veto_party_ids": h.vetoes,
                "vetoes": h.vetoes_words,
                "possible_veto_party_ids": h.possible_vetoes,
                "possible_vetoes": h.possible_vetoes_words,
                "obligations_judged": h.obligations,
                "obligations_unknown": h.unknown,
            }
        ],
        primary_key=["plan_version", "judged_at"],
    )
    standing = table(
        "status_obligations",
        "the obligations breached or overdue, most severe first",
        _c("obligation_id action status since cause"),
        [
            {
                "obligation_id": s.obligation_id,
                "action": s.summary,
                "status": str(s.status),
                "since": s.since,
                "cause": s.cause,
            }
            for s in h.standing
        ],
        primary_key=["obligation_id"],
    )
    missing = table(
        "status_missing",
        "the facts missing most often behind the unknown obligations, most first",
        _c("fact obligations_unknown"),
        [{"fact": fact, "obligations_unknown": n} for fact, n in h.missing],
    )
    return head, standing, missing


@tables_of.register
def _(obj: Headline, *, plan: Plan | Sequence[Plan] | None = None) -> tuple[Table, ...]:
    """A headline's tables.

    Args:
        obj: the headline.
        plan: unused (the headline carries its words).

    Returns:
        Its tables.
    """
    return headline_tables(obj)
