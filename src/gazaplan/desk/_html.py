"""HTML pieces shared by the notebook displays and the HTML report.

Every text that comes from data goes through :func:`esc` (``html.escape``, quotes included), so a
label holding ``<script>`` shows as text. Colours only repeat what the words say: a status is
always written out, so the page reads the same in black and white.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import Any

__all__ = ["CSS", "badge", "box", "esc", "fmt", "kv_table", "table"]

MAX_ROWS = 60
"""Rows shown in a notebook table before the rest are summarised (``to_pandas()`` has them all)."""

_TONE = {
    "MET": "good",
    "fulfilled": "good",
    "fulfilled on time": "good",
    "fulfilled (no deadline)": "good",
    "ok": "good",
    "UNMET": "bad",
    "overdue": "bad",
    "fulfilled late": "warn",
    "FAIL": "bad",
    "pending": "info",
    "partly fulfilled": "info",
    "not triggered": "quiet",
    "UNKNOWN": "unknown",
    "unknown": "unknown",
}

CSS = """
.gp{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:13px;
 line-height:1.4;color:#1b1b1b}
.gp table{border-collapse:collapse;margin:4px 0 10px 0}
.gp th,.gp td{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
.gp td{max-width:40em;overflow-wrap:break-word}
.gp th{background:#f3f3f3;font-weight:600}
.gp caption{caption-side:top;text-align:left;font-weight:600;padding:2px 0}
.gp .b{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;font-weight:600;
 white-space:nowrap;border:1px solid}
.gp .good{background:#e3f4e6;color:#145a22;border-color:#8cc79a}
.gp .bad{background:#fde4e1;color:#8a1c10;border-color:#e59a90}
.gp .warn{background:#fff1d6;color:#6b4500;border-color:#e3b866}
.gp .info{background:#e4eefb;color:#173f78;border-color:#93b2e0}
.gp .quiet{background:#f2f2f2;color:#4a4a4a;border-color:#c8c8c8}
.gp .unknown{background:#efe9f7;color:#4b2d77;border-color:#b7a3d6}
.gp .note{color:#555;font-size:12px}
.gp pre{white-space:pre-wrap;font-size:12px;background:#fafafa;border:1px solid #eee;padding:6px}
""".strip()


def esc(value: Any) -> str:
    """*value* as escaped HTML text."""
    return html.escape(fmt(value), quote=True)


def fmt(value: Any) -> str:
    """A cell value as text: None blank, instants to the minute, durations as ``2d 03h 05m``."""
    if value is None:
        return ""
    if value == ():  # a list cell with nothing in it: no obligor named, no points, ...
        return "none"
    if isinstance(
        value, tuple | dict
    ):  # several values in one cell (see gazaplan.desk.tables.flat)
        from .tables import flat

        return str(flat(value))
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M %z").strip()
    if isinstance(value, dt.timedelta):
        return _duration(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{int(value):,}" if value.is_integer() and abs(value) < 1e15 else f"{value:g}"
    if isinstance(value, int):
        return f"{value:,}"  # 2,100,000: easier to read; the data keep the plain number
    return str(value)


def _duration(d: dt.timedelta) -> str:
    seconds = int(d.total_seconds())
    sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = [f"{days}d"] if days else []
    parts += [f"{hours}h"] if hours or days else []
    parts.append(f"{minutes:02d}m" if hours or days else f"{minutes}m")
    return sign + " ".join(parts)


def badge(word: Any) -> str:
    """A status or verdict as a coloured label that still reads as a word."""
    text = fmt(word)
    tone = _TONE.get(text) or _TONE.get(text.split(" / ")[0], "quiet")  # "MET / completion ..."
    return f'<span class="b {tone}">{html.escape(text)}</span>'


def table(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str],
    *,
    caption: str = "",
    badges: Sequence[str] = (),
    unknown: Sequence[str] = (),
    limit: int | None = MAX_ROWS,
    headers: dict[str, str] | None = None,
) -> str:
    """An HTML table of *rows* (dicts) showing *columns*; *badges* columns as coloured labels.

    In the *unknown* columns a missing value (None: the library's UNKNOWN) shows as "unknown";
    elsewhere None means "none" (no deadline, not yet) and shows blank.
    """
    headers = headers or {}
    head = "".join(f"<th>{esc(headers.get(c, c.replace('_', ' ')))}</th>" for c in columns)
    shown = rows if limit is None else rows[:limit]
    body = []
    for row in shown:
        cells = []
        for c in columns:
            v = row.get(c)
            if v is None and c in unknown:
                cells.append(f"<td>{badge('unknown')}</td>")
            elif c in badges and v is not None:
                cells.append(f"<td>{badge(v)}</td>")
            else:
                cells.append(f"<td>{esc(v)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = ""
    if limit is not None and len(rows) > limit:
        more = (
            f'<tr><td colspan="{len(columns)}" class="note">and {len(rows) - limit} more rows; '
            "<code>to_pandas()</code> has them all</td></tr>"
        )
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}{more}</tbody></table>"


def kv_table(pairs: Sequence[tuple[str, Any]], *, badges: Sequence[str] = ()) -> str:
    """A two-column table of names and values."""
    rows = "".join(
        f"<tr><th>{esc(k)}</th><td>{badge(v) if k in badges else esc(v)}</td></tr>"
        for k, v in pairs
    )
    return f"<table><tbody>{rows}</tbody></table>"


def box(title: str, *parts: str, note: str = "") -> str:
    """The frame of a notebook display: its own styles, a title, the parts, a closing note."""
    foot = f'<div class="note">{esc(note)}</div>' if note else ""
    return (
        f'<div class="gp"><style>{CSS}</style><div><strong>{esc(title)}</strong></div>'
        + "".join(parts)
        + foot
        + "</div>"
    )
