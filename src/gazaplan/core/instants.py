"""Instants as people write them: a date, a local time, or an RFC 3339 instant.

``read_instant`` turns ``"2025-10-13"`` (the end of that day), ``"2025-10-13T12:00"`` (a local
time) or ``"2025-10-13T12:00+03:00"`` into a timezone-aware datetime, reading a date or a time
without an offset in the plan's local time (:attr:`Plan.utc_offset_hours
<gazaplan.core.plans.Plan.utc_offset_hours>`, +3 for the bundled plan). Python callers may pass
``date`` and ``datetime`` objects too. Files keep RFC 3339: this is for people at a prompt or in
a notebook.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from ..exceptions import InvalidValueError
from ._checks import need_instant

__all__ = ["END_OF_DAY", "Instant", "how_read", "read_instant"]

Instant = dt.datetime | dt.date | str
"""What a function taking an instant accepts."""

END_OF_DAY: Final = dt.time(23, 59, 59)
"""Where a bare date is read: its last second, so that every event of that day is included."""

_DATE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_instant(value: Instant, *, utc_offset_hours: int, place: str = "at") -> dt.datetime:
    """An instant from what a person writes.

    Args:
        value: an aware ``datetime``; a naive one (local time); a ``date`` (the end of that
            day, local time); or a string of any of these (``"2025-10-13"``,
            ``"2025-10-13T12:00"``, ``"2025-10-13T12:00+03:00"``, ``"...Z"``).
        utc_offset_hours: the local time's offset from UTC (the plan's).
        place: where the value came from, for the error (``"--at"``).

    Returns:
        The instant, timezone-aware.

    Raises:
        InvalidValueError: if it is not a date or an instant, or lies outside the library's
            range; the message names *place*, the value and how to write it.
    """
    zone = dt.timezone(dt.timedelta(hours=utc_offset_hours))
    given = value if isinstance(value, str) else None
    if isinstance(value, str):
        text = value.strip()
        try:
            if _DATE.match(text):
                value = dt.date.fromisoformat(text)
            else:
                value = dt.datetime.fromisoformat(text.replace("z", "Z"))
        except ValueError:
            raise InvalidValueError(
                place,
                value,
                "not a date or an instant",
                "Write a date (2025-10-13, the end of that day, local time), a local time "
                "(2025-10-13T12:00) or an RFC 3339 instant (2025-10-13T12:00+03:00).",
            ) from None
    if isinstance(value, dt.datetime):
        if value.utcoffset() is None:
            value = value.replace(tzinfo=zone)
    elif isinstance(value, dt.date):
        value = dt.datetime.combine(value, END_OF_DAY, tzinfo=zone)
    else:
        raise InvalidValueError(
            place,
            value,
            "not a date or an instant",
            "Pass a datetime, a date, or a string such as '2025-10-13' or '2025-10-13T12:00'.",
        )
    need_instant(value, place, given=given)
    return value


def how_read(value: Instant, at: dt.datetime) -> str:
    """How an instant was read, for echoing it back.

    Args:
        value: what was written.
        at: what it was read as.

    Returns:
        ``"2025-10-13T23:59:59+03:00 (2025-10-13 read as the end of that day, local time)"``,
        or the instant alone when it was written with its offset.
    """
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    if isinstance(value, dt.datetime) and value.utcoffset() is not None:
        return at.isoformat()
    if (isinstance(value, dt.date) and not isinstance(value, dt.datetime)) or _DATE.match(text):
        return f"{at.isoformat()} ({text} read as the end of that day, local time)"
    if at.isoformat() == text or text.endswith(("Z", "z")) or re.search(r"[+-]\d\d:?\d\d$", text):
        return at.isoformat()
    return f"{at.isoformat()} ({text} read as local time)"
