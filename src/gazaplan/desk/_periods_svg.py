"""An obligation's periods drawn as inline SVG: one bar from the plan's publication to the
instant judged, a band per period in its status's colour and pattern, a tick and a date at each
change, and a key naming the statuses shown. No script, no font, nothing fetched; the page's
periods table says the same in words (the drawing only repeats it).
"""

from __future__ import annotations

import datetime as dt

from ..time.compliance import Compliance, ComplianceStatus
from ._html import esc

__all__ = ["periods_svg"]

WIDTH, LEFT, RIGHT, BAR_Y, BAR_H = 720, 8, 8, 26, 26
_S = ComplianceStatus
_LOOK: dict[ComplianceStatus, tuple[str, str]] = {
    # (fill, pattern): the Okabe-Ito hues of the charts, a pattern where two could be confused
    _S.NOT_TRIGGERED: ("#d9d9d9", ""),
    _S.UNKNOWN: ("#cfc3e6", "dots"),
    _S.PENDING: ("#9ecae9", ""),
    _S.PARTLY_FULFILLED: ("#56b4e9", "hatch"),
    _S.OVERDUE: ("#e69f00", "hatch"),
    _S.BREACHED: ("#d55e00", "cross"),
    _S.FULFILLED_LATE: ("#f0e442", "hatch"),
    _S.FULFILLED_ON_TIME: ("#009e73", ""),
    _S.FULFILLED: ("#7cc8a5", ""),
    _S.DISCHARGED: ("#bfbfbf", "hatch"),
    _S.SUPERSEDED: ("#ffffff", "cross"),
}
_PATTERNS = {
    "dots": '<circle cx="2" cy="2" r="1" fill="#333"/>',
    "hatch": '<path d="M0,6 L6,0" stroke="#333" stroke-width="1"/>',
    "cross": '<path d="M0,6 L6,0 M0,0 L6,6" stroke="#333" stroke-width="1"/>',
}


def _day(at: dt.datetime) -> str:
    return f"{at.day} {at:%b %Y}"


def periods_svg(item: Compliance, start: dt.datetime) -> str:
    """The periods of *item* as an ``<svg>`` element that scales to its container's width.

    Args:
        item: the obligation's compliance (its ``periods`` and the instant ``at`` it is judged).
        start: where the bar starts (the plan's publication).

    Returns:
        The SVG, with a title and a description for screen readers; empty when the item has no
        periods.
    """
    periods = item.periods
    if not periods:
        return ""
    first = min(start, periods[0].start)
    span = max((item.at - first).total_seconds(), 1.0)
    inner = WIDTH - LEFT - RIGHT

    def x(at: dt.datetime) -> float:
        return LEFT + inner * min(max((at - first).total_seconds() / span, 0.0), 1.0)

    defs, bands, ticks = [], [], []
    used: list[ComplianceStatus] = []
    for p in periods:
        if p.status not in used:
            used.append(p.status)
    for s in used:
        fill, pattern = _LOOK.get(s, ("#ffffff", ""))
        if pattern:
            defs.append(
                f'<pattern id="pp-{pattern}-{fill[1:]}" width="6" height="6" '
                f'patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="{fill}"/>'
                f"{_PATTERNS[pattern]}</pattern>"
            )
    last_label = -1e9
    for p in periods:
        x0, x1 = x(p.start), x(p.end or item.at)
        fill, pattern = _LOOK.get(p.status, ("#ffffff", ""))
        paint = f"url(#pp-{pattern}-{fill[1:]})" if pattern else fill
        until = _day(p.end) if p.end else f"{_day(item.at)} (judged)"
        bands.append(
            f'<rect x="{x0:.1f}" y="{BAR_Y}" width="{max(x1 - x0, 1.5):.1f}" height="{BAR_H}" '
            f'fill="{paint}" stroke="#444" stroke-width="0.5">'
            f"<title>{esc(p.status)}: {esc(_day(p.start))} to {esc(until)}</title></rect>"
        )
        ticks.append(f'<line x1="{x0:.1f}" x2="{x0:.1f}" y1="{BAR_Y - 6}" y2="{BAR_Y + BAR_H}" '
                     'stroke="#222" stroke-width="1"/>')  # fmt: skip
        if x0 - last_label >= 78:  # a date where it does not run into the one before
            anchor = "end" if x0 > WIDTH - 60 else "start"
            ticks.append(f'<text x="{x0 + (2 if anchor == "start" else -2):.1f}" y="{BAR_Y - 9}" '
                         f'font-size="11" text-anchor="{anchor}" fill="#222">'
                         f"{esc(_day(p.start))}</text>")  # fmt: skip
            last_label = x0
    key_y = BAR_Y + BAR_H + 22
    key, kx, row = [], LEFT, 0
    for s in used:
        fill, pattern = _LOOK.get(s, ("#ffffff", ""))
        paint = f"url(#pp-{pattern}-{fill[1:]})" if pattern else fill
        width = 22 + 7 * len(str(s))
        if kx + width > WIDTH:
            kx, row = LEFT, row + 1
        y = key_y + 18 * row
        key.append(
            f'<rect x="{kx}" y="{y - 10}" width="14" height="12" fill="{paint}" stroke="#444" '
            f'stroke-width="0.5"/><text x="{kx + 18}" y="{y}" font-size="11" fill="#222">'
            f"{esc(s)}</text>"
        )
        kx += width + 12
    height = key_y + 18 * row + 8
    words = "; ".join(
        f"{p.status} from {_day(p.start)}" + (f" to {_day(p.end)}" if p.end else "")
        for p in periods
    )
    return (
        f'<svg class="periods" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-labelledby="periods-title periods-desc" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="periods-title">{esc(item.obligation.action)}: its standing over time</title>'
        f'<desc id="periods-desc">{esc(words)}</desc>'
        f"<defs>{''.join(defs)}</defs>{''.join(bands)}{''.join(ticks)}{''.join(key)}</svg>"
    )
