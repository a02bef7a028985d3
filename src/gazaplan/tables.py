"""Results as tables: rows of plain values, and ``to_pandas()`` built on them.

Each ``*_rows`` function turns one kind of result into a list of dicts whose values are plain
Python: text, numbers, bools, datetimes, durations, or None where the library has UNKNOWN (pandas
shows it as missing; nothing is turned into False). Verdicts and statuses are their words
("MET", "overdue"); enums their display text; a contested fact its claims as text; sources
their short citations ("WH 4; R8"). The same rows feed ``to_pandas()``, the notebook tables, the
HTML report and the command line's ``--json``, so every form says the same thing.

An edge module: pandas is imported only by :func:`frame`, and only when called.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from ._compliance import ComplianceReport
from ._plan_rows import PLAN_TABLES, all_sources, plan_rows
from ._result_rows import (
    comparison_rows,
    compliance_rows,
    diff_rows,
    evaluation_rows,
    history_rows,
    phase_rows,
    scenario_rows,
    timeline_rows,
)
from ._rows import Row, cell, cites, flat
from .evaluation import Evaluation
from .exceptions import MissingExtraError
from .histories import History
from .plans import Plan
from .rules import PhaseReport, PlanReport
from .scenarios import ScenarioResult
from .timelines import Timeline
from .whatif import Comparison, Diff

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")

__all__ = [
    "COLUMNS",
    "PLAN_TABLES",
    "Row",
    "all_sources",
    "cell",
    "cites",
    "comparison_rows",
    "compliance_rows",
    "diff_rows",
    "evaluation_rows",
    "frame",
    "history_rows",
    "phase_rows",
    "plan_rows",
    "rows_of",
    "scenario_rows",
    "timeline_rows",
    "to_pandas",
]


def frame(rows: Sequence[Row], columns: Sequence[str], *, feature: str) -> pd.DataFrame:
    """A pandas DataFrame of *rows* with *columns* in that order (pandas imported here)."""
    try:
        import pandas as pd
    except ImportError:
        raise MissingExtraError(feature, "pandas", "pandas") from None
    plain = [{k: flat(v) for k, v in row.items()} for row in rows]
    df = pd.DataFrame(plain, columns=list(columns))
    for name in df.columns:  # give instants, durations and counts their dtypes
        values = [v for row in plain if (v := row.get(name)) is not None]
        if values and all(isinstance(v, dt.datetime) for v in values):
            if df[name].dtype == object:  # offsets differ: one zone for the column
                df[name] = pd.to_datetime(df[name], utc=True).dt.tz_convert(_zone(values))
        elif (values and all(isinstance(v, dt.timedelta) for v in values)) or (
            name in _DURATIONS and not values
        ):
            df[name] = pd.to_timedelta(df[name])
        elif values and len(values) < len(df) and all(isinstance(v, bool) for v in values):
            df[name] = df[name].astype("boolean")  # True, False and <NA> for unknown
        elif values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            df[name] = df[name].astype("Int64")  # whole numbers stay whole; <NA> for unknown
    return df


def _zone(instants: Sequence[dt.datetime]) -> str:
    """The zone a column of instants is shown in: the named zone of the plan's events
    (``Asia/Jerusalem`` in the bundled timeline) where one is used, else UTC."""
    from zoneinfo import ZoneInfo

    for at in instants:
        if isinstance(at.tzinfo, ZoneInfo):
            return at.tzinfo.key
    return "UTC"


_DURATIONS = frozenset({"overdue_by", "late_by", "time_left"})


# -- dispatch ------------------------------------------------------------------------------------

COLUMNS: dict[str, tuple[str, ...]] = {
    "diff": ("kind", "key", "before", "after"),
    "scenario": ("expectation", "subject", "at", "expected", "found", "passed"),
    "timeline": (
        "event",
        "at",
        "kind",
        "summary",
        "reported_by",
        "precision",
        "confidence",
        "sources",
    ),
    "compliance": (
        "obligation",
        "phase",
        "point",
        "owed_by",
        "status",
        "triggered_at",
        "clock_from",
        "due",
        "due_latest",
        "fulfilled_at",
        "overdue_by",
        "late_by",
        "time_left",
        "delivered",
        "reason",
    ),
}
"""The columns of the tables that may be empty (the others always have rows)."""


@functools.singledispatch
def rows_of(obj: object, table: str | None = None) -> tuple[str, list[Row]]:
    """The table name and rows for one of the library's results (*table* picks among several),
    found by the result's type."""
    raise TypeError(f"gazaplan has no table for a {type(obj).__name__}")


@rows_of.register
def _(obj: Plan, table: str | None = None) -> tuple[str, list[Row]]:
    return table or "provisions", plan_rows(obj, table or "provisions")


@rows_of.register
def _(obj: PlanReport, table: str | None = None) -> tuple[str, list[Row]]:
    return table or "phases", phase_rows(obj, table or "phases")


@rows_of.register
def _(obj: PhaseReport, table: str | None = None) -> tuple[str, list[Row]]:
    table = table or "obligations"
    if table == "preconditions":
        return table, evaluation_rows(obj.entry)
    return table, phase_rows(obj, table)


def _single(cls: type[T], kind: str, rows: Callable[[T], list[Row]]) -> None:
    """Register a result that has one table, *kind*, made by *rows*."""

    def one(obj: T, table: str | None = None) -> tuple[str, list[Row]]:
        return kind, rows(obj)

    rows_of.register(cls, one)


_single(Evaluation, "trace", evaluation_rows)
_single(ComplianceReport, "compliance", compliance_rows)
_single(Timeline, "timeline", timeline_rows)
_single(History, "history", history_rows)
_single(Diff, "diff", diff_rows)
_single(Comparison, "comparison", comparison_rows)
_single(ScenarioResult, "scenario", scenario_rows)


def to_pandas(obj: object, table: str | None = None) -> pd.DataFrame:
    """*obj*'s table as a DataFrame (what the results' ``to_pandas()`` methods return)."""
    kind, rows = rows_of(obj, table)
    if rows:  # every column any row has, in the order first seen (a fact may be set late)
        columns: Sequence[str] = list(dict.fromkeys(k for row in rows for k in row))
    elif isinstance(obj, Comparison):
        columns = ["item", "id", obj.a, obj.b]
    else:
        columns = COLUMNS.get(kind, ())
    feature = f"{type(obj).__name__}.to_pandas()"
    return frame(rows, columns, feature=feature)
