"""HTML pieces shared by the notebook displays and the HTML report.

Every text that comes from data goes through :func:`esc` (``html.escape``, quotes included), so a
label holding ``<script>`` shows as text. Colours only repeat what the words say: a status is
always written out, so the page reads the same in black and white.

Sources one step away: :func:`sources_table` gives each source an anchored entry
(``id="source-WH"``), :func:`link_sources` makes every code a page cites (``WH 4``, ``R8``) a
link to it, and :func:`register_html` and :func:`entry_html` are the notebook displays of the
register and of one entry.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Collection, Sequence
from typing import Any

from ..catalog.register import KINDS, NOT_GRADED, SourceEntry, SourceRegister, kind_words
from ..core.words import named, parties_text, verdict_words
from ..time.compliance import ComplianceReport
from ..truth import Verdict

__all__ = [
    "CSS",
    "badge",
    "box",
    "compliance_in_words",
    "entry_html",
    "esc",
    "fmt",
    "kv_table",
    "link",
    "link_sources",
    "register_html",
    "source_anchor",
    "sources_table",
    "table",
    "verdicts_in_words",
]

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
    "breached": "bad",
    "conditions met": "good",
    "conditions not met": "bad",
    "not known": "unknown",
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
.gp a.src{color:inherit;text-decoration:underline dotted}
.gp tr:target{background:#fff6c2}
.gp td.addr{overflow-wrap:anywhere;min-width:10em;max-width:22em}
.gp td.tag,.gp .tags td:first-child{white-space:nowrap}
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


def compliance_in_words(report: ComplianceReport) -> list[dict[str, Any]]:
    """A compliance report's rows (``gazaplan.desk.tables.compliance_rows``) as a reader sees
    them: each obligation by its action with its id beside it, and who owes it by name ("Israel
    and Hamas", or "no obligor named in the text" where the text names nobody).

    Args:
        report: the compliance report.

    Returns:
        The rows.
    """
    from .tables import compliance_rows

    actions = {c.obligation.id: c.obligation.action for c in report.items}
    return [
        {
            **row,
            "obligation": named(actions[row["obligation"]], row["obligation"]),
            "owed_by": parties_text(report.names, row["owed_by"]),
        }
        for row in compliance_rows(report)
    ]


def verdicts_in_words(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows whose ``preconditions`` and ``completion`` verdicts (``"MET"``) are in words
    ("conditions met", "conditions not met", "not known").

    Args:
        rows: the rows (``gazaplan.desk.tables.phase_rows``, the phases table).

    Returns:
        The rows, those two columns in words.
    """
    words = {str(v): verdict_words(v) for v in Verdict}
    return [
        {
            **row,
            **{c: words.get(row[c], row[c]) for c in ("preconditions", "completion") if c in row},
        }
        for row in rows
    ]


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


# Sources one step away: anchored entries, and every cited code a link to its entry.

_TAG = r"[A-Za-z][\w-]*"
_ONE_CODE = rf"{_TAG}(?: \d{{1,2}})?"

_CODE = re.compile(rf"(?<![\w-])({_TAG})(?: (\d{{1,2}}))?(?![\w-])")
"""A code as pages cite it: a tag (letters, digits, hyphens), with a point number after a
space where the source is cited for a point (``WH 4``)."""

_CODES = re.compile(rf"\s*{_ONE_CODE}(?:\s*[;,]\s*{_ONE_CODE})*\s*")
"""A list of codes and nothing else (``WH 17, W1 11``; ``R7; R12``): where a page cites."""

_BRACKETS = re.compile(r"\[([^\[\]]*)\]")
"""A citation in prose: codes between square brackets (``[R7, R12]``)."""

_LEADING = re.compile(rf"(?<![\w-])({_TAG})(?=: )")
"""A citation that opens a statement: a tag and a colon (``FT: phase one is ...``)."""

_PIECES = re.compile(r"(<[^>]*>)")
"""Markup split into tags (elements) and the text between them."""

_ELEMENT = re.compile(r"<(/?)([A-Za-z][\w:-]*)")
"""A tag's element name, and whether it closes one."""

_LEFT_AS_IS = frozenset({"a", "svg", "style", "script", "title", "textarea"})
"""Elements whose text is not searched for codes: links already, and what is not prose."""


def source_anchor(tag: str) -> str:
    """The id of a source's entry in a page.

    Args:
        tag: the source's tag.

    Returns:
        ``"source-WH"``; a character other than a letter, a digit, ``.``, ``:`` or ``-`` is
        written as its code point in hex between underscores (``"_20_"``), so the id has no
        space and two tags never share one.
    """
    return "source-" + re.sub(r"[^A-Za-z0-9.:-]", lambda m: f"_{ord(m.group()):x}_", tag)


def link(url: str | None) -> str:
    """An address as text, and a link only for http and https.

    Following it is the reader's choice, not a fetch; any other scheme (``javascript:``,
    ``data:``, ``github:``) stays plain text.

    Args:
        url: the address (None or empty: nothing).

    Returns:
        Escaped HTML.
    """
    if not url:
        return ""
    if not re.match(r"(?i)^https?://", url.strip()):
        return esc(url)
    return f'<a href="{esc(url)}" rel="noreferrer noopener">{esc(url)}</a>'


def link_sources(markup: str, tags: Collection[str], *, page: str = "") -> str:
    """Every code of a known source in the text of *markup* made a link to its entry.

    A code is a tag (``R8``), or a tag and a point (``WH 4``), where a page cites: in a text
    that is a list of codes and nothing else (a table's cell, ``WH 17, W1 11``), or in such a
    list between square brackets in prose (``[R7; R12]``), or before a colon that opens what
    it reports (``FT: phase one is ...``). A tag that is also a word (a source tagged ``UN``)
    is left as it is in the prose around the citations. Text inside links, SVG, styles and
    scripts is left as it is, and so is every tag (element) itself, so attributes never change.

    Args:
        markup: escaped HTML, such as a report's body.
        tags: the tags to link (the page's sources, each with an entry
            ``id="source-TAG"``, :func:`source_anchor`).
        page: the page that holds the entries, where it is another one (``"sources.html"``;
            empty: the same page).

    Returns:
        The same HTML, each code ``<a class="src" href="PAGE#source-TAG">CODE</a>``.
    """
    known = frozenset(tags)

    def code(m: re.Match[str]) -> str:
        if m.group(1) not in known:
            return m.group(0)
        return f'<a class="src" href="{page}#{source_anchor(m.group(1))}">{m.group(0)}</a>'

    def cited(m: re.Match[str]) -> str:
        if not _CODES.fullmatch(m.group(1)):
            return m.group(0)
        return f"[{_CODE.sub(code, m.group(1))}]"

    def codes(text: str) -> str:
        if _CODES.fullmatch(text):
            return _CODE.sub(code, text)
        if "[" in text:
            text = _BRACKETS.sub(cited, text)
        return _LEADING.sub(code, text) if ": " in text else text

    out: list[str] = []
    inside: list[str] = []  # the elements left as they are that are open here
    for piece in _PIECES.split(markup):
        if piece.startswith("<"):
            element = _ELEMENT.match(piece)
            if element and element.group(2).lower() in _LEFT_AS_IS and not piece.endswith("/>"):
                name = element.group(2).lower()
                if not element.group(1):
                    inside.append(name)
                elif name in inside:
                    del inside[len(inside) - 1 - inside[::-1].index(name)]
            out.append(piece)
        elif inside or not piece or piece.isspace():
            out.append(piece)
        else:
            out.append(codes(piece))
    return "".join(out)


def _supports_text(entry: SourceEntry) -> str:
    """What an entry supports, counted by kind: ``"20 points, 7 phases"``."""
    counts = [(k, len(entry.supported(k))) for k in KINDS]
    return ", ".join(kind_words(k, n) for k, n in counts if n) or "nothing in the content"


def sources_table(entries: Sequence[SourceEntry]) -> str:
    """The sources as a table, one anchored row per source.

    Each row's id is :func:`source_anchor` of its tag, and its tag a link to itself (a
    permalink); the address is a link where it is a web address; a source the catalog does not
    grade says "not graded" (see :data:`~gazaplan.catalog.register.NOT_GRADED`).

    Args:
        entries: the sources (a :class:`~gazaplan.catalog.register.SourceRegister`'s entries).

    Returns:
        The table's HTML, every text escaped.
    """
    rows = "".join(
        f'<tr id="{esc(source_anchor(e.tag))}">'
        f'<td class="tag"><a class="src" href="#{esc(source_anchor(e.tag))}">{esc(e.tag)}</a></td>'
        f"<td>{esc(e.publisher)}</td><td>{esc(e.when)}</td><td>{esc(e.title)}</td>"
        f'<td class="addr">{link(e.address) or "none recorded"}</td>'
        f"<td>{esc(e.reliability or 'not graded')}</td>"
        f"<td>{esc(e.remarks)}</td>"
        f"<td>{esc(_supports_text(e))}</td></tr>"
        for e in entries
    )
    head = "".join(
        f"<th>{h}</th>"
        for h in ("tag", "publisher", "date", "title", "address", "reliability", "note", "supports")
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def register_html(register: SourceRegister) -> str:
    """The notebook display of a source register: a table of its sources.

    Args:
        register: the register.

    Returns:
        A compact, escaped HTML table (its first rows; ``to_pandas()`` has them all).
    """
    rows = [
        {
            "tag": e.tag,
            "publisher": e.publisher,
            "date": e.when,
            "title": e.title,
            "reliability": e.reliability or "not graded",
            "supports": len(e.supports),
        }
        for e in register.entries
    ]
    body = table(rows, ["tag", "publisher", "date", "title", "reliability", "supports"])
    body = f'<div class="tags">{body}</div>'  # a tag is never broken at its hyphens
    return box(
        f"Source register: {len(register.entries)} sources",
        body,
        note="register['WH'] gives one source in full; to_pandas() has every column.",
    )


def entry_html(entry: SourceEntry) -> str:
    """The notebook display of one source: its details, then what it supports.

    Args:
        entry: the source's entry.

    Returns:
        A compact, escaped HTML display.
    """
    pairs = [
        ("publisher", entry.publisher),
        ("date", entry.when),
        ("address", entry.address or "none recorded"),
        ("reliability", entry.reliability or NOT_GRADED),
        *([("note", entry.remarks)] if entry.remarks else []),
    ]
    rows = [
        {"kind": KINDS.get(s.kind, (s.kind,))[0], "id": s.id, "name": s.name}
        for s in entry.supports
    ]
    return box(
        f"{entry.tag}: {entry.title}",
        kv_table(pairs),
        table(rows, ["kind", "id", "name"], caption=f"Supports ({len(rows)})"),
    )
