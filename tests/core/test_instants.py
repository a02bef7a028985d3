"""Instants as people write them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.core.instants import how_read, read_instant

PLUS3 = dt.timezone(dt.timedelta(hours=3))


@pytest.mark.parametrize(
    ("text", "expected", "echo"),
    [
        ("2025-10-13", dt.datetime(2025, 10, 13, 23, 59, 59, tzinfo=PLUS3), "end of that day"),
        ("2025-10-13T12:00", dt.datetime(2025, 10, 13, 12, tzinfo=PLUS3), "read as local time"),
        ("2025-10-13T12:00+02:00", dt.datetime(2025, 10, 13, 10, tzinfo=dt.UTC), ""),
        ("2025-10-13T09:00Z", dt.datetime(2025, 10, 13, 9, tzinfo=dt.UTC), ""),
    ],
)
def test_strings_people_write(text: str, expected: dt.datetime, echo: str) -> None:
    at = read_instant(text, utc_offset_hours=3)
    assert at == expected
    assert at.utcoffset() is not None
    said = how_read(text, at)
    assert said.startswith(at.isoformat())
    assert (echo in said) if echo else said == at.isoformat()


@given(st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)), st.integers(-12, 14))
def test_a_date_is_the_last_second_of_that_day_local(day: dt.date, offset: int) -> None:
    at = read_instant(day, utc_offset_hours=offset)
    assert read_instant(day.isoformat(), utc_offset_hours=offset) == at
    assert at.date() == day
    assert at.utcoffset() == dt.timedelta(hours=offset)
    assert at + dt.timedelta(seconds=1) == dt.datetime.combine(
        day + dt.timedelta(days=1), dt.time(0), tzinfo=at.tzinfo
    )


@pytest.mark.parametrize("bad", ["13/10/2025", "", "2025-13-01", "tomorrow", 20251013])
def test_what_is_not_a_date_is_refused_naming_the_place(bad: object) -> None:
    with pytest.raises(gp.InvalidValueError, match="--at: got"):
        read_instant(bad, utc_offset_hours=3, place="--at")  # type: ignore[arg-type]
