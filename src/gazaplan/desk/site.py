"""The tracker: a static, multi-page site from one judgement, :func:`write_site`.

One :func:`~gazaplan.report` of a dataset's release at its edge feeds every page: the index opens
with the headline (:func:`~gazaplan.status`), then the phases, the obligations grouped by
status with their counts, and the stated positions with the cycles they form. A page each for
the points, phases, obligations (their periods drawn as inline SVG), parties and releases
("what changed since 2026.05"); the timeline, filterable by party, kind and month without
JavaScript (pages of their own; a small inline script only refines the full list); the
sources; the downloads (CSV and Parquet with ``datapackage.json``, the SQLite database with
Datasette's metadata, the headline as JSON); and an embeddable page per chart.

Addresses come from ids (``obligations/p4-return-hostages.html``), so a link survives the next
release. Every page is self-contained: inline styles, no font, no image or script fetched, and
a Content-Security-Policy that forbids loading anything (the one script is allowed by its
hash), so the site works opened straight from disk and from any static host. The folder is built in a
temporary folder beside the target and moved into place whole.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

import attrs

from .. import __version__
from ..analysis.headline import Headline, headline_of
from ..analysis.implicants import called
from ..analysis.structural import StructureReport, analyse
from ..analysis.vetoes import Vetoes
from ..catalog.register import SourceEntry
from ..core import _checks as check
from ..core.explain import explain_phase
from ..core.obligations import Obligation
from ..core.plans import Plan
from ..core.records import Position
from ..core.sources import cite
from ..core.words import NO_OBLIGOR, fact_name, join_names, party_name, phase_name, verdict_words
from ..exceptions import InvalidValueError
from ..time.compliance import NEWS_ORDER, Compliance, ComplianceStatus, in_force
from ..time.datasets import Dataset, Release
from ..time.events import Event
from ..time.reports import Report, report
from ..time.timelines import Timeline, named_parties
from ..truth import Verdict
from ._display import headline_html
from ._html import CSS, badge, esc, fmt, link_sources, sources_table
from ._periods_svg import periods_svg
from .exports import Table

__all__ = ["MANIFEST", "Site", "write_site"]

MANIFEST: Final = "gazaplan-site.json"
"""The file naming every file of a built site: what a rebuild may replace without ``--force``."""

_FILTER_SCRIPT: Final = (
    "(function(){var f=document.getElementById('filter');if(!f)return;f.hidden=false;"
    "var rows=[].slice.call(document.querySelectorAll('#events tbody tr'));"
    "var out=document.getElementById('shown');"
    "function apply(){var p=f.elements.party.value,k=f.elements.kind.value,"
    "a=f.elements.from.value,b=f.elements.to.value,n=0;"
    "rows.forEach(function(r){var ok=(!p||(' '+r.getAttribute('data-parties')+' ')"
    ".indexOf(' '+p+' ')>=0)&&(!k||r.getAttribute('data-kind')===k)&&"
    "(!a||r.getAttribute('data-date')>=a)&&(!b||r.getAttribute('data-date')<=b);"
    "r.hidden=!ok;if(ok)n++;});out.textContent=n+' of '+rows.length+' events shown';}"
    "f.addEventListener('input',apply);f.addEventListener('change',apply);"
    "f.addEventListener('submit',function(e){e.preventDefault();apply();});apply();})();"
)
"""The one script: it shows the timeline's filter form and hides the rows it excludes. Without
it the form stays hidden and the filtered pages (by party, kind and month) do the same job."""

_SCRIPT_HASH: Final = base64.b64encode(hashlib.sha256(_FILTER_SCRIPT.encode()).digest()).decode()

POLICY: Final = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'"
)
"""Every page's Content-Security-Policy: nothing is loaded from anywhere, the filter script is
allowed by its hash alone."""

_SITE_CSS: Final = """
body{margin:0;background:#fff}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px}
header,main,footer{max-width:1100px;margin:0 auto;padding:0 14px}
header{border-bottom:2px solid #ddd;padding-top:10px;padding-bottom:6px}
.brand{margin:0;font-size:15px}.brand a{color:#1b1b1b;font-weight:700;text-decoration:none}
nav{display:flex;flex-wrap:wrap;gap:2px 12px;margin-top:4px}
a{color:#0b57b0}
h1{font-size:22px;margin:14px 0 6px 0;overflow-wrap:anywhere}
h2{font-size:17px;margin:24px 0 6px 0;border-bottom:1px solid #ddd}
h3{font-size:15px;margin:16px 0 4px 0}
.scroll{overflow-x:auto;max-width:100%}
.gp td{overflow-wrap:break-word}
@media (max-width:640px){
 table.stack thead{position:absolute;left:-9999px}
 table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:auto}
 table.stack tr{border-bottom:1px solid #ccc;padding:4px 0}
 table.stack td{border:none;padding:1px 4px;max-width:none}
 table.stack td::before{content:attr(data-label) ": ";font-weight:600;color:#333}
}
.gp svg{max-width:100%;height:auto} figure{margin:8px 0}
.gp svg.periods{min-width:560px}
footer{border-top:1px solid #ddd;margin-top:30px;padding-top:8px;padding-bottom:24px;
 color:#444;font-size:12px}
.headline{background:#f7f7f7;border-left:4px solid #777;padding:4px 12px;margin:8px 0}
.lede{font-size:14px}
form.filter[hidden]{display:none}
form.filter{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:end;margin:6px 0}
form.filter label{display:flex;flex-direction:column;font-size:12px}
code.embed{display:block;white-space:pre-wrap;overflow-wrap:anywhere;background:#fafafa;
 border:1px solid #eee;padding:6px}
ul.links{padding-left:18px}
""".strip()

_NAV: Final = (
    ("index.html", "Where it stands"),
    ("points.html", "Points"),
    ("obligations.html", "Obligations"),
    ("parties.html", "Parties"),
    ("timeline.html", "Timeline"),
    ("releases.html", "Releases"),
    ("charts.html", "Charts"),
    ("sources.html", "Sources"),
    ("downloads.html", "Downloads"),
)


@attrs.frozen
class Site:
    """A tracker site as written by :func:`write_site`.

    Attributes:
        directory: the folder the site is in.
        release: the dataset's release shown.
        data_as_of: how far the release's data reach (the instant every page judges).
        version: the plan version in force then, which judges it.
        pages: the pages, as addresses relative to *directory* (``index.html`` first).
        files: every file written, pages and downloads, relative to *directory*.
    """

    directory: Path
    release: str
    data_as_of: dt.datetime
    version: str
    pages: tuple[str, ...]
    files: tuple[str, ...]

    def explain(self) -> str:
        """What was written, in a line.

        Returns:
            The folder, the counts of pages and downloads, the release and how far it reaches.
        """
        return (
            f"wrote the tracker to {self.directory}: {len(self.pages)} pages and "
            f"{len(self.files) - len(self.pages)} other files (release {self.release}, data as "
            f"of {self.data_as_of.date()}, plan version {self.version}); open "
            f"{self.directory / 'index.html'}"
        )

    def __str__(self) -> str:
        return self.explain()


def write_site(
    plans: Plan | Sequence[Plan],
    dataset: Dataset,
    directory: str | os.PathLike[str],
    *,
    release: str | None = None,
    force: bool = False,
    plots: bool = True,
) -> Site:
    """Build the tracker for one release of a dataset into *directory*.

    The site is built in a temporary folder beside *directory* and moved into place whole: a
    failure leaves *directory* as it was. A *directory* that holds a site built before (every
    file in it named by its ``gazaplan-site.json``) is replaced; one that holds anything else is
    refused unless *force*.

    Args:
        plans: the plan, or the versions of a plan (``gp.plan_versions()``): each instant is
            judged under the version in force then.
        dataset: the dataset (``gp.dataset()``).
        directory: the folder to write (made if missing).
        release: the release to show (None: the latest).
        force: replace *directory* even if it holds files the site did not write.
        plots: False leaves the charts out (they need the ``plot`` extra; without matplotlib
            each chart page says so).

    Returns:
        The site (its folder, release, pages and files).

    Raises:
        UnknownVersionError: if no release has that version.
        InvalidValueError: if *directory* is a file, or holds something else and *force* is
            not given; or an argument is of the wrong type.
        OSError: if a file cannot be written; *directory* is then left as it was.
    """
    check.need_one_or_many(plans, Plan, "write_site(plans)", check.PLAN_FIX)
    check.need_type(dataset, Dataset, "write_site(dataset)",
                    "Pass gp.dataset(), or a dataset loaded with gp.load(path, gp.Dataset).")  # fmt: skip
    check.need_type(directory, (str, os.PathLike), "write_site(directory)", "Pass a folder's path.")
    target = Path(directory)
    _check_target(target, force)
    rel = dataset.release(release)
    ctx = _Context.build(plans, dataset, rel)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        pages = _pages(ctx, plots=plots)
        for name, text in pages.items():
            path = tmp / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        downloads = _write_downloads(ctx, tmp)
        files = (*pages, *downloads, MANIFEST)
        manifest = {
            "generator": f"gazaplan {__version__}",
            "release": rel.version,
            "data_as_of": rel.as_of.isoformat(),
            "plan_version": ctx.plan.version,
            "pages": list(pages),
            "files": sorted(files),
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        _move_into_place(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return Site(target, rel.version, rel.as_of, ctx.plan.version, tuple(pages), tuple(files))


def _check_target(target: Path, force: bool) -> None:
    if target.exists() and not target.is_dir():
        raise InvalidValueError(
            "site DIR", str(target), "is a file", "Name a folder (it is made if missing)."
        )
    if force or not target.is_dir():
        return
    present = sorted(
        str(p.relative_to(target)) for p in target.rglob("*") if p.is_file() or p.is_symlink()
    )
    if not present:
        return
    built: set[str] = set()
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        built = set(json.loads((target / MANIFEST).read_text(encoding="utf-8"))["files"])
    foreign = [p for p in present if p not in built]
    if foreign:
        shown = ", ".join(foreign[:3]) + (
            f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
        )
        raise InvalidValueError(
            "site DIR",
            str(target),
            f"holds files the site did not write ({shown})",
            "Name an empty or new folder, or pass --force (force=True) to replace it whole.",
        )


def _move_into_place(tmp: Path, target: Path) -> None:
    """Put the built folder at *target*: the old one (if any) is moved aside first and removed
    only once the new one is in place."""
    os.chmod(tmp, 0o755)
    if not target.exists():
        os.replace(tmp, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    old.rmdir()
    os.replace(target, old)
    try:
        os.replace(tmp, target)
    except BaseException:
        os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


# What every page reads: one judgement of one release.


@attrs.frozen
class _Context:
    dataset: Dataset
    release: Release
    releases: tuple[Release, ...]
    versions: tuple[Plan, ...]
    plan: Plan
    timeline: Timeline
    report: Report
    headline: Headline
    structure: StructureReport
    tags: frozenset[str]
    register_entries: tuple[SourceEntry, ...]
    event_parties: Mapping[str, tuple[str, ...]]
    tables: tuple[Table, ...]

    @classmethod
    def build(cls, plans: Plan | Sequence[Plan], dataset: Dataset, rel: Release) -> _Context:
        from ..catalog import controls
        from ..catalog.register import source_register
        from ..time.histories import history as replayed
        from .database import database_tables

        versions = (plans,) if isinstance(plans, Plan) else tuple(plans)
        timeline = dataset.timeline(rel.version)
        r = report(versions, timeline, at=rel.as_of)
        plan = in_force(versions, rel.as_of)
        table = controls()
        register = source_register(versions, timeline.events, controls=table)
        history = replayed(plan, timeline)
        changed: dict[int, set[str]] = defaultdict(set)
        for fact, indices in history.changes.items():
            for i in indices:
                changed[i].add(fact)
        parties_of: dict[str, tuple[str, ...]] = {}
        known = {p.id for p in plan.parties}
        for i, e in enumerate(history.timeline.events, 1):
            found = [p for _, p in named_parties(e.change)]
            for fact in sorted(changed.get(i, ())):
                entry = table.of(fact)
                if entry is None:
                    continue
                if entry.named_party:
                    found.append(fact.split(".", 1)[-1])
                found += entry.parties
            parties_of[e.id] = tuple(dict.fromkeys(p for p in found if p in known))
        index = [x.version for x in dataset.releases].index(rel.version)
        return cls(
            dataset=dataset,
            release=rel,
            releases=tuple(dataset.releases[: index + 1]),
            versions=versions,
            plan=plan,
            timeline=timeline,
            report=r,
            headline=headline_of(r),
            structure=analyse(plan, r.state, on=rel.as_of.date()),
            tags=frozenset(register.tags),
            register_entries=tuple(register.entries),
            event_parties=parties_of,
            tables=database_tables(versions, dataset, release=rel.version),
        )


# Addresses: stable, from ids.


def _obligation_page(ident: str) -> str:
    return f"obligations/{ident}.html"


def _party_page(ident: str) -> str:
    return f"parties/{ident}.html"


def _phase_page(ident: str) -> str:
    return f"phases/{ident}.html"


def _point_page(number: int) -> str:
    return f"points/{number}.html"


def _release_page(version: str) -> str:
    return f"releases/{version}.html"


def _event_link(ident: str) -> str:
    return f"timeline.html#event-{ident}"


def _a(root: str, page: str, text: str) -> str:
    return f'<a href="{esc(root + page)}">{esc(text)}</a>'


def _scroll(html: str, label: str) -> str:
    """A table in a box of its own that scrolls sideways on a narrow screen (the page never
    does); focusable, so a keyboard can scroll it too."""
    return f'<div class="scroll" tabindex="0" role="region" aria-label="{esc(label)}">{html}</div>'


def _table(rows: Iterable[Sequence[str]], headers: Sequence[str], label: str) -> str:
    """A table of cells already in HTML; on a narrow screen each row stacks as a card, every
    cell after its column's name."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f'<td data-label="{esc(h)}">{c}</td>' for h, c in zip(headers, row, strict=True))
        + "</tr>"
        for row in rows
    )
    return _scroll(
        f'<table class="stack"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>', label
    )


def _day(at: dt.datetime | dt.date | None) -> str:
    if at is None:
        return ""
    return f"{at.day} {at:%B %Y}"


# The pages.


def _pages(ctx: _Context, *, plots: bool) -> dict[str, str]:
    out: dict[str, str] = {}

    def page(
        path: str, title: str, body: str, *, script: bool = False, embed: bool = False
    ) -> None:
        out[path] = _frame(ctx, path, title, body, script=script, embed=embed)

    up = "../"  # from a page in a folder (points/4.html) to the site's root
    page("index.html", "Where the plan stands", _index(ctx, ""))
    page("points.html", "The plan's 20 points", _points(ctx, ""))
    for p in ctx.plan.provisions:
        page(_point_page(p.number), f"Point {p.number}: {p.title}", _point(ctx, up, p.number))
    for ph in ctx.plan.phases:
        page(_phase_page(ph.id), ph.name, _phase(ctx, up, ph.id))
    obligations = f"<h2>By status ({len(ctx.report.compliance.items)})</h2>"
    page("obligations.html", "Obligations", obligations + _obligations_by_status(ctx, ""))
    for item in ctx.report.compliance.items:
        page(
            _obligation_page(item.obligation.id), item.obligation.action, _obligation(ctx, up, item)
        )
    page("parties.html", "Parties and bodies", _parties(ctx, ""))
    for party in ctx.plan.parties:
        page(_party_page(party.id), party.name, _party(ctx, up, party.id))
    page("releases.html", "Releases of the data", _releases(ctx, ""))
    for i, rel in enumerate(ctx.releases):
        before = ctx.releases[i - 1] if i else None
        page(_release_page(rel.version), f"Release {rel.version}", _release(ctx, up, rel, before))
    events = ctx.timeline.events
    filtered = _event_filters(ctx)  # once: every timeline page lists the same filters
    timeline = _timeline(ctx, "", events, filtered, full=True)
    page("timeline.html", f"Timeline ({len(events)} events)", timeline, script=True)
    for key, (title, chosen) in filtered.items():
        page(f"timeline/{key}.html", title, _timeline(ctx, up, chosen, filtered, full=False))
    page("sources.html", f"Sources ({len(ctx.register_entries)})", _sources(ctx))
    page("downloads.html", "Downloads", _downloads(ctx))
    charts = _charts(ctx, plots)
    page("charts.html", "Charts", _charts_index(charts))
    for name, (title, svg) in charts.items():
        page(f"charts/{name}.html", title, _chart(svg), embed=True)
    return out


def _frame(
    ctx: _Context, path: str, title: str, body: str, *, script: bool, embed: bool = False
) -> str:
    """A whole page: the head with its policy, the header and navigation, the body, the footer.
    An *embed* page (a chart, made for an ``iframe``) has no navigation, and its links open in
    the page that embeds it."""
    root = "../" * path.count("/")
    here = path.split("/")[0] if "/" in path else path
    sections = {
        "points": "points.html",
        "obligations": "obligations.html",
        "parties": "parties.html",
        "releases": "releases.html",
        "timeline": "timeline.html",
        "charts": "charts.html",
        "phases": "index.html",
    }
    current = sections.get(here, here)
    mark = ' aria-current="page"'
    nav = " ".join(
        f'<a href="{root}{target}"{mark if target == current else ""}>{esc(words)}</a>'
        for target, words in _NAV
    )
    rel = ctx.release
    linked = link_sources(body, ctx.tags, page=f"{root}sources.html")
    tail = f"<script>{_FILTER_SCRIPT}</script>" if script else ""
    head = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} · gazaplan tracker</title>\n"
        f"<style>{CSS}\n{_SITE_CSS}</style>\n</head>\n"
    )
    if embed:
        return (
            f'{head}<body class="gp">\n<main id="main">\n<h1>{esc(title)}</h1>\n{linked}\n'
            f'<p class="note">From the <a href="{root}index.html" target="_top">gazaplan '
            f"tracker</a>: release {esc(rel.version)}, data as of {esc(_day(rel.as_of))}, "
            f"plan version {esc(ctx.plan.version)}.</p>\n</main>\n</body>\n</html>\n"
        )
    return (
        f'{head}<body class="gp">\n<a class="skip" href="#main">Skip to the content</a>\n'
        f'<header><p class="brand"><a href="{root}index.html">gazaplan tracker</a> '
        f'<span class="note">the 20-point Gaza plan: release {esc(rel.version)}, data as of '
        f"{esc(_day(rel.as_of))}</span></p>\n"
        f'<nav aria-label="Sections">{nav}</nav></header>\n'
        f'<main id="main">\n<h1>{esc(title)}</h1>\n{linked}\n</main>\n'
        f"<footer><p>Built by gazaplan {esc(__version__)} from release "
        f'<a href="{root}{_release_page(rel.version)}">{esc(rel.version)}</a> of its dataset '
        f"(data as of {esc(rel.as_of.isoformat())}), judged under plan version "
        f"{esc(ctx.plan.version)}. It states what the plan and the parties say, each "
        "attributed to its source, and takes no side; a fact no source gives is shown as not "
        "known, never as false. No source reaches past the data's edge. "
        f'<a href="{root}sources.html">Sources</a> · '
        f'<a href="{root}downloads.html">the data behind every page</a>.</p></footer>\n'
        f"{tail}</body>\n</html>\n"
    )


def _count_link(status: ComplianceStatus | str, n: int) -> str:
    """A count of obligations as a link to their group on the index (none: no group, no link)."""
    return f'<a href="#{_status_slug(status)}">{n}</a>' if n else str(n)


def _status_slug(status: ComplianceStatus | str) -> str:
    return "status-" + re.sub(r"[^a-z0-9]+", "-", str(status).lower()).strip("-")


def _index(ctx: _Context, root: str) -> str:
    h = ctx.headline
    headline = f'<section id="status" aria-label="The headline">{headline_html(h)}</section>'
    phase = (
        _a(root, _phase_page(h.phase_id), f"{h.phase} ({h.phase_title})")
        if h.phase_id
        else esc(h.phase)
    )
    nxt = esc(h.next_words) if h.next_target else "none"
    if h.next_target:
        nxt = _a(root, _phase_page(h.next_target.split(".")[0]), h.next_words)
    figures: list[tuple[str, str, str, str]] = [
        ("phase", h.phase_id or "", "The phase the plan is in", phase),
        (
            "since",
            h.since.date().isoformat() if h.since else "",
            "Its preconditions met since",
            _since(root, h),
        ),
        ("next", h.next_target or "", "The next step", nxt),
        (
            "next_verdict",
            str(h.next_verdict) if h.next_verdict is not None else "",
            "Its conditions",
            esc(verdict_words(h.next_verdict)) if h.next_verdict is not None else "none",
        ),
        (
            "vetoes",
            " ".join(h.vetoes),
            "Whose refusal alone blocks it",
            _party_links(root, ctx.plan, h.vetoes, none="none"),
        ),
        (
            "possible_vetoes",
            " ".join(h.possible_vetoes),
            "Whose refusal alone may block it, depending on facts not known",
            _party_links(root, ctx.plan, h.possible_vetoes, none="none"),
        ),
        (
            "obligations",
            str(h.obligations),
            "Obligations judged",
            f'<a href="#obligations">{h.obligations}</a>',
        ),
        (
            "unknown",
            str(h.unknown),
            "Not known from the data",
            _count_link(ComplianceStatus.UNKNOWN, h.unknown),
        ),
    ]
    for word, n in h.counts.items():
        figures.append(
            (
                f"counts.{word}",
                str(n),
                f"Obligations {word}",
                _count_link(word, n),
            )
        )
    fig_rows = "".join(
        f'<tr data-figure="{esc(k)}" data-value="{esc(v)}"><th scope="row">{esc(label)}</th>'
        f"<td>{cell}</td></tr>"
        for k, v, label, cell in figures
    )
    parts = [
        headline,
        (
            '<p class="note">Every figure comes from one judgement of release '
            f"{_a(root, _release_page(ctx.release.version), ctx.release.version)} at its "
            "edge; each links to the obligations or the reasons behind it. The same figures, "
            f"for machines: {_a(root, 'downloads/status.json', 'status.json')} (as "
            "<code>gazaplan status --json</code> gives them).</p>"
        ),
        '<h2 id="figures">The figures</h2>',
        _scroll(f'<table class="figures"><tbody>{fig_rows}</tbody></table>', "The figures"),
        '<h2 id="phases">Phases</h2>',
        _phases_table(ctx, root),
        f'<h2 id="obligations">Obligations by status ({h.obligations})</h2>',
        _obligations_by_status(ctx, root),
        '<h2 id="positions">Stated positions, attributed</h2>',
        _positions_table(ctx, root, ctx.plan.positions),
        '<h2 id="cycles">Who waits for whom</h2>',
        _cycles(ctx, root),
        '<h2 id="releases">Releases</h2>',
        _releases_list(ctx, root),
    ]
    return "\n".join(parts)


def _since(root: str, h: Headline) -> str:
    if h.since is None:
        return "the start of the timeline"
    events = ", ".join(f'<a href="{root}{_event_link(e)}">{esc(e)}</a>' for e in h.since_events)
    return esc(_day(h.since)) + (f" (events: {events})" if events else "")


def _party_links(root: str, plan: Plan, ids: Iterable[str], *, none: str = NO_OBLIGOR) -> str:
    known = {p.id for p in plan.parties}
    names = [_a(root, _party_page(i), party_name(plan, i)) if i in known else esc(i) for i in ids]
    return join_names(names, none=esc(none))


def _point_links(root: str, numbers: Iterable[int]) -> str:
    return ", ".join(_a(root, _point_page(n), str(n)) for n in numbers) or "none"


def _phases_table(ctx: _Context, root: str) -> str:
    rows = []
    for ph in ctx.report.phases.phases:
        rows.append(
            (
                _a(root, _phase_page(ph.phase.id), phase_name(ctx.plan, ph.phase.id))
                + (
                    f": {esc(ph.phase.name)}"
                    if phase_name(ctx.plan, ph.phase.id) != ph.phase.name
                    else ""
                ),
                badge(verdict_words(ph.verdict)),
                badge(verdict_words(ph.completion.verdict)),
                _point_links(root, ph.phase.provisions),
            )
        )
    return _table(rows, ["phase", "preconditions", "completion", "points"], "Phases")


def _obligation_rows(
    ctx: _Context, root: str, items: Iterable[Compliance]
) -> list[tuple[str, ...]]:
    return [
        (
            badge(c.status),
            _a(root, _obligation_page(c.obligation.id), c.obligation.action),
            esc(c.obligation.kind),
            _a(root, _point_page(c.obligation.provision), str(c.obligation.provision)),
            _party_links(root, ctx.plan, c.obligation.obligors),
            esc(c.reason),
        )
        for c in items
    ]


_OBLIGATION_HEADERS: Final = ("status", "obligation", "kind", "point", "owed by", "why")


def _obligations_by_status(ctx: _Context, root: str) -> str:
    groups: dict[ComplianceStatus, list[Compliance]] = defaultdict(list)
    for c in ctx.report.compliance.items:
        groups[c.status].append(c)
    counts = ", ".join(
        f'<a href="#{_status_slug(s)}">{len(groups[s])} {esc(s)}</a>'
        for s in NEWS_ORDER
        if s in groups
    )
    out = [f"<p>{counts}.</p>"]
    for s in NEWS_ORDER:
        if s not in groups:
            continue
        out.append(f'<h3 id="{_status_slug(s)}">{esc(str(s).capitalize())} ({len(groups[s])})</h3>')
        out.append(
            _table(_obligation_rows(ctx, root, groups[s]), _OBLIGATION_HEADERS, f"Obligations {s}")
        )
    return "\n".join(out)


def _positions_table(ctx: _Context, root: str, positions: Sequence[Position]) -> str:
    if not positions:
        return "<p>None recorded.</p>"
    rows = []
    for p in positions:
        ob = ""
        if p.obligation and ctx.report.compliance.get(p.obligation) is not None:
            ob = _a(root, _obligation_page(p.obligation), p.obligation)
        rows.append(
            (
                _party_links(root, ctx.plan, [p.party]),
                esc(p.stance),
                esc(p.summary),
                ob,
                esc(p.as_of.isoformat() if p.as_of else "not known"),
                esc(cite(p.sources)),
            )
        )
    return _table(
        rows,
        ["party", "stance", "what it said (paraphrased)", "obligation", "as of", "sources"],
        "Stated positions",
    )


def _cycles(ctx: _Context, root: str) -> str:
    s = ctx.structure
    if not s.cycles:
        return "<p>No two parties' obligations wait on each other.</p>"
    rows = []
    for c in s.cycles:
        obligations = ", ".join(
            _a(root, _obligation_page(o), called(s.names, o)) for o in c.obligations
        )
        rows.append(
            (
                obligations,
                _party_links(root, ctx.plan, c.parties, none="none"),
                _point_links(root, c.points),
                esc("; ".join(k.explain() for k in c.links)),
            )
        )
    note = (
        '<p class="note">Obligations of two or more parties that wait on each other, stated '
        "positions included (each attributed on its party's page).</p>"
    )
    return note + _table(rows, ["obligations", "parties", "points", "why"], "Cycles")


def _releases_list(ctx: _Context, root: str) -> str:
    items = "".join(
        f"<li>{_a(root, _release_page(r.version), r.version)}: {esc(r.title)} (data as of "
        f"{esc(_day(r.as_of))})</li>"
        for r in ctx.releases
    )
    return f'<ul class="links">{items}</ul>'


def _points(ctx: _Context, root: str) -> str:
    rows = [
        (
            _a(root, _point_page(p.number), str(p.number)),
            esc(p.title),
            esc(p.nature),
            esc(p.paraphrase),
            esc(cite(p.sources)),
        )
        for p in ctx.plan.provisions
    ]
    return (
        f'<p class="note">Each point paraphrased, as plan version {esc(ctx.plan.version)} has '
        "it; the sources give the wording.</p>"
        + _table(rows, ["point", "title", "nature", "paraphrase", "sources"], "Points")
    )


def _point(ctx: _Context, root: str, number: int) -> str:
    p = ctx.plan.provision(number)
    comp = ctx.report.compliance
    items = [c for c in comp.items if c.obligation.provision == number]
    phases = [ph for ph in ctx.plan.phases if number in ph.provisions]
    pairs = [
        ("title", esc(p.title)),
        ("nature", esc(p.nature)),
        ("wording", esc(p.wording)),
        ("binds", _party_links(root, ctx.plan, sorted(p.binds), none="no party named")),
        ("phases", ", ".join(_a(root, _phase_page(ph.id), ph.name) for ph in phases) or "none"),
        ("sources", esc(cite(p.sources))),
    ]
    if p.obligor_note:
        pairs.append(("who acts", esc(p.obligor_note)))
    if p.note:
        pairs.append(("note", esc(p.note)))
    nav = []
    if number > 1:
        nav.append(_a(root, _point_page(number - 1), f"point {number - 1}"))
    if number < len(ctx.plan.provisions):
        nav.append(_a(root, _point_page(number + 1), f"point {number + 1}"))
    positions = [x for x in ctx.plan.positions if x.obligation in {c.obligation.id for c in items}]
    return "\n".join(
        [
            f'<p class="lede">{esc(p.paraphrase)}</p>',
            _pairs(pairs),
            f"<h2>Obligations from point {number} ({len(items)})</h2>",
            _table(_obligation_rows(ctx, root, items), _OBLIGATION_HEADERS, "Obligations")
            if items
            else "<p>None: this point places no obligation the library judges.</p>",
            "<h2>Stated positions on them</h2>",
            _positions_table(ctx, root, positions),
            f"<p>{' · '.join(nav)}</p>",
        ]
    )


def _pairs(pairs: Sequence[tuple[str, str]]) -> str:
    rows = "".join(f'<tr><th scope="row">{esc(k)}</th><td>{v}</td></tr>' for k, v in pairs)
    return _scroll(f"<table><tbody>{rows}</tbody></table>", "Details")


def _phase(ctx: _Context, root: str, ident: str) -> str:
    ph = next(x for x in ctx.report.phases.phases if x.phase.id == ident)
    items = [c for c in ctx.report.compliance.items if c.phase_id == ident]
    return "\n".join(
        [
            f'<p class="lede">{esc(ph.phase.description)}</p>',
            _pairs(
                [
                    ("preconditions", badge(verdict_words(ph.verdict))),
                    ("completion", badge(verdict_words(ph.completion.verdict))),
                    ("points", _point_links(root, ph.phase.provisions)),
                    ("sources", esc(cite(ph.phase.sources))),
                ]
            ),
            "<h2>The reasons</h2>",
            f"<pre>{esc(explain_phase(ph, ctx.report.judged()))}</pre>",
            f"<h2>Its obligations ({len(items)})</h2>",
            _table(_obligation_rows(ctx, root, items), _OBLIGATION_HEADERS, "Obligations")
            if items
            else "<p>None.</p>",
        ]
    )


def _obligation(ctx: _Context, root: str, c: Compliance) -> str:
    o: Obligation = c.obligation
    point = ctx.plan.provision(o.provision)
    pairs = [
        ("status", f"{badge(c.status)} as of {esc(_day(c.at))}"),
        ("why", esc(c.reason)),
        ("owed by", _party_links(root, ctx.plan, o.obligors)),
        ("owed to", _party_links(root, ctx.plan, o.owed_to, none="no party named")),
        ("kind", esc(o.kind) + (f" ({esc(o.kind_basis)})" if o.kind_basis else "")),
        ("point", _a(root, _point_page(o.provision), f"{o.provision}: {point.title}")),
        (
            "phase",
            _a(root, _phase_page(c.phase_id), phase_name(ctx.plan, c.phase_id))
            if any(ph.id == c.phase_id for ph in ctx.plan.phases)
            else esc(c.phase_id),
        ),
        ("sources", esc(cite(point.sources))),
        ("id", f"<code>{esc(o.id)}</code>"),
    ]
    if o.obligor_note:
        pairs.insert(3, ("who acts", esc(o.obligor_note)))
    for label, value in (
        ("triggered", c.triggered_at),
        ("due", c.due),
        ("due at the latest", c.due_latest),
        ("fulfilled", c.fulfilled_at),
    ):
        if value is not None:
            pairs.append((label, esc(fmt(value))))
    for label, span in (
        ("late by", c.late_by),
        ("overdue by", c.overdue_by),
        ("time left", c.time_left),
        ("held for", c.held),
    ):
        if span is not None:
            pairs.append((label, esc(fmt(span))))
    for q in c.quantities:
        owed = "not known" if q.owed is None else fmt(q.owed)
        done = "not known" if q.delivered is None else fmt(q.delivered)
        pairs.append((q.label, esc(f"{done} of {owed}")))
    if c.missing:
        missing = "; ".join(fact_name(f, ctx.plan) for f in c.missing)
        pairs.append(("facts the data do not give", esc(missing)))
    periods = [
        (
            badge(p.status),
            esc(fmt(p.start)),
            esc(fmt(p.end)) if p.end else f"{esc(fmt(c.at))} (judged)",
            esc(p.reason),
            ", ".join(f'<a href="{root}{_event_link(e)}">{esc(e)}</a>' for e in p.events) or "none",
            esc(p.version),
        )
        for p in c.periods
    ]
    positions = [x for x in ctx.plan.positions if x.obligation == o.id]
    return "\n".join(
        [
            _pairs(pairs),
            f"<h2>Over time ({len(c.periods)} periods)</h2>",
            (
                f"<figure>{_scroll(periods_svg(c, ctx.plan.origin), 'The periods drawn')}"
                '<figcaption class="note">Each band is a period of one status, from the '
                "plan's publication to the data's edge; the table says the same in words."
                "</figcaption></figure>"
            ),
            _table(periods, ["status", "from", "to", "why", "events", "plan version"], "Periods"),
            "<h2>Stated positions on it</h2>",
            _positions_table(ctx, root, positions),
        ]
    )


def _parties(ctx: _Context, root: str) -> str:
    owes = Counter(p for c in ctx.report.compliance.items for p in c.obligation.obligors)
    rows = [
        (
            _a(root, _party_page(p.id), p.name),
            esc(p.kind),
            esc(p.description),
            str(owes.get(p.id, 0)),
        )
        for p in ctx.plan.parties
    ]
    return _table(rows, ["party", "kind", "description", "obligations it owes"], "Parties")


def _party(ctx: _Context, root: str, ident: str) -> str:
    party = next(p for p in ctx.plan.parties if p.id == ident)
    items = [c for c in ctx.report.compliance.items if ident in c.obligation.obligors]
    owed = [c for c in ctx.report.compliance.items if ident in c.obligation.owed_to]
    positions = [p for p in ctx.plan.positions if p.party == ident]
    s = ctx.structure
    blocks = [v for v in s.vetoes if ident in v.players]
    maybe = [v for v in s.vetoes if ident in v.possible_players]
    events = [e for e in ctx.timeline.events if ident in ctx.event_parties.get(e.id, ())]
    pairs = [
        ("kind", esc(party.kind)),
        ("role", esc(party.description)),
        ("sources", esc(cite(party.sources))),
        ("id", f"<code>{esc(party.id)}</code>"),
    ]
    if party.members:
        pairs.insert(2, ("members", _party_links(root, ctx.plan, party.members, none="none")))

    def targets(vs: Sequence[Vetoes], label: str) -> str:
        if not vs:
            return "<p>None.</p>"
        rows = [(esc(called(s.names, v.target)), badge(verdict_words(v.now))) for v in vs]
        return _table(rows, ["target", "now"], label)

    counts = Counter(str(c.status) for c in items)
    summary = ", ".join(f"{n} {w}" for w, n in counts.items())
    return "\n".join(
        [
            _pairs(pairs),
            f"<h2>What it owes ({len(items)}{': ' + esc(summary) if summary else ''})</h2>",
            _table(_obligation_rows(ctx, root, items), _OBLIGATION_HEADERS, "Obligations it owes")
            if items
            else "<p>No obligation names it as the one who owes it.</p>",
            f"<h2>Owed to it ({len(owed)})</h2>",
            _table(_obligation_rows(ctx, root, owed), _OBLIGATION_HEADERS, "Obligations owed to it")
            if owed
            else "<p>None.</p>",
            f"<h2>Its stated positions ({len(positions)})</h2>",
            _positions_table(ctx, root, positions),
            "<h2>Where its refusal alone blocks</h2>",
            (
                '<p class="note">Targets it can block alone, whatever the facts not known (a '
                "party refusing keeps every fact it controls as it is).</p>"
            ),
            targets(blocks, "Targets its refusal alone blocks"),
            "<h3>Where it may, depending on facts not known</h3>",
            targets(maybe, "Targets its refusal may block"),
            f"<h2>Events that concern it ({len(events)})</h2>",
            f"<p>{_a(root, f'timeline/party-{ident}.html', 'Its events on the timeline')} "
            "(the events that name it, or set a fact it controls).</p>"
            if events
            else "<p>None in this release.</p>",
        ]
    )


def _releases(ctx: _Context, root: str) -> str:
    rows = [
        (
            _a(root, _release_page(r.version), r.version),
            esc(_day(r.as_of)),
            esc(r.title),
            str(len(ctx.dataset.published(r.version))),
        )
        for r in ctx.releases
    ]
    return (
        '<p class="note">The dataset is published in releases; a published release is never '
        "edited: a later one corrects or retracts an entry, and says why.</p>"
        + _table(rows, ["release", "data as of", "title", "entries"], "Releases")
    )


def _release(ctx: _Context, root: str, rel: Release, before: Release | None) -> str:
    from ..whatif.releases import release_notes

    pairs = [
        ("data as of", esc(rel.as_of.isoformat())),
        ("entries", str(len(ctx.dataset.published(rel.version)))),
    ]
    if rel.notes:
        pairs.append(("note", esc(rel.notes)))
    parts = [f'<p class="lede">{esc(rel.title)}</p>', _pairs(pairs)]
    if rel.unknown:
        parts.append("<h2>What this release leaves unknown</h2>")
        parts.append(
            '<ul class="links">' + "".join(f"<li>{esc(u)}</li>" for u in rel.unknown) + "</ul>"
        )
    if before is None:
        parts.append("<p>The first release: everything in it is new.</p>")
        return "\n".join(parts)
    notes = release_notes(ctx.dataset, before.version, rel.version, plan=ctx.plan)
    shown = {e.id for e in ctx.timeline.events}

    def event(ident: str) -> str:
        return (
            f'<a href="{root}{_event_link(ident)}">{esc(ident)}</a>'
            if ident in shown
            else esc(ident)
        )

    parts.append(
        f"<h2>What changed since {_a(root, _release_page(before.version), before.version)}</h2>"
    )
    parts.append(
        f'<p class="note">Both releases judged under plan version {esc(notes.plan_version)}, '
        "each at its own edge.</p>"
    )
    changes = []
    for ch in notes.changes:
        if ch.what == "obligation" and ctx.report.compliance.get(ch.id) is not None:
            subject = _a(
                root, _obligation_page(ch.id), ctx.report.compliance[ch.id].obligation.action
            )
        elif ch.what == "phase":
            subject = _a(root, _phase_page(ch.id), phase_name(ctx.plan, ch.id))
        else:
            subject = esc(ch.id)
        words = {str(v): verdict_words(v) for v in Verdict}
        changes.append(
            (
                subject,
                esc(ch.aspect),
                esc(words.get(ch.before, ch.before)),
                esc(words.get(ch.after, ch.after)),
            )
        )
    parts.append(f"<h3>Verdicts and statuses that changed ({len(changes)})</h3>")
    parts.append(
        _table(changes, ["what", "aspect", "before", "after"], "Changes")
        if changes
        else "<p>None.</p>"
    )
    added = [(event(e.key), esc(e.event.summary if e.event else "")) for e in notes.added]
    parts.append(f"<h3>Entries added ({len(added)})</h3>")
    parts.append(_table(added, ["entry", "summary"], "Entries added") if added else "<p>None.</p>")
    fixed = [(esc(was.key), event(fix.key), esc(fix.reason)) for was, fix in notes.corrected]
    parts.append(f"<h3>Entries corrected ({len(fixed)})</h3>")
    parts.append(
        _table(fixed, ["earlier entry", "correction", "reason"], "Corrections")
        if fixed
        else "<p>None.</p>"
    )
    gone = [(esc(was.key), esc(notice.key), esc(notice.reason)) for was, notice in notes.retracted]
    parts.append(f"<h3>Entries retracted ({len(gone)})</h3>")
    parts.append(
        _table(gone, ["entry", "retraction", "reason"], "Retractions") if gone else "<p>None.</p>"
    )
    return "\n".join(parts)


def _event_filters(ctx: _Context) -> dict[str, tuple[str, tuple[Event, ...]]]:
    """The timeline's filtered pages, by address: per party, per kind, per month."""
    events = ctx.timeline.events
    out: dict[str, tuple[str, tuple[Event, ...]]] = {}
    for p in ctx.plan.parties:
        chosen = tuple(e for e in events if p.id in ctx.event_parties.get(e.id, ()))
        if chosen:
            out[f"party-{p.id}"] = (f"Timeline: events that concern {p.name}", chosen)
    for kind in sorted({e.kind for e in events}):
        chosen = tuple(e for e in events if e.kind == kind)
        out[f"kind-{kind}"] = (f"Timeline: {kind.replace('_', ' ')}", chosen)
    for month in sorted({f"{e.at:%Y-%m}" for e in events}):
        chosen = tuple(e for e in events if f"{e.at:%Y-%m}" == month)
        out[month] = (f"Timeline: {_day(chosen[0].at).split(' ', 1)[1]}", chosen)
    return out


_EVENT_HEADERS: Final = (
    "date",
    "kind",
    "what happened",
    "concerns",
    "reported by",
    "confidence",
    "sources",
)


def _timeline(
    ctx: _Context,
    root: str,
    events: Sequence[Event],
    keys: Mapping[str, tuple[str, tuple[Event, ...]]],
    *,
    full: bool,
) -> str:
    """A timeline page: *events* as a table, the links to the filtered pages (*keys*), and on
    the *full* page the form the script shows."""
    plan = ctx.plan
    rows = []
    for e in events:
        parties = ctx.event_parties.get(e.id, ())
        rows.append(
            f'<tr id="event-{esc(e.id)}" data-parties="{esc(" ".join(parties))}" '
            f'data-kind="{esc(e.kind)}" data-date="{e.at.date().isoformat()}">'
            + "".join(
                f'<td data-label="{h}">{c}</td>'
                for h, c in zip(
                    _EVENT_HEADERS,
                    (
                        esc(e.at.date().isoformat()),
                        esc(e.kind.replace("_", " ")),
                        esc(e.summary or e.change),
                        _party_links(root, plan, parties, none="none named"),
                        esc(e.reported_by),
                        esc(e.confidence),
                        esc(cite(e.sources)),
                    ),
                    strict=True,
                )
            )
            + "</tr>"
        )
    head = "".join(f'<th scope="col">{h}</th>' for h in _EVENT_HEADERS)
    body = "".join(rows)
    table = _scroll(
        f'<table id="events" class="stack"><thead><tr>{head}</tr></thead><tbody>{body}</tbody>'
        "</table>",
        "Events",
    )
    by = {
        "party": [
            (k, t.split("concern ", 1)[-1], len(c))
            for k, (t, c) in keys.items()
            if k.startswith("party-")
        ],
        "kind": [
            (k, t.split(": ", 1)[-1], len(c)) for k, (t, c) in keys.items() if k.startswith("kind-")
        ],
        "month": [
            (k, t.split(": ", 1)[-1], len(c)) for k, (t, c) in keys.items() if k[:1].isdigit()
        ],
    }
    lists = "".join(
        f"<p><strong>By {what}:</strong> "
        + " · ".join(
            f'<a href="{root}timeline/{k}.html">{esc(words)}</a> ({n})' for k, words, n in items
        )
        + "</p>"
        for what, items in by.items()
    )
    note = (
        '<p class="note">"Concerns" names the parties an event names, or who controls a fact '
        "it sets (the table of control); most reports name nobody.</p>"
    )
    if not full:
        back = f"<p>{_a(root, 'timeline.html', 'The whole timeline')}</p>"
        return back + note + table + lists
    party_opts = "".join(
        f'<option value="{esc(k[6:])}">{esc(words)}</option>' for k, words, _ in by["party"]
    )
    kind_opts = "".join(f'<option value="{esc(k[5:])}">{esc(w)}</option>' for k, w, _ in by["kind"])
    first = events[0].at.date().isoformat() if events else ""
    last = events[-1].at.date().isoformat() if events else ""
    form = (
        '<form id="filter" class="filter" hidden aria-label="Filter the events">'
        '<label>Party<select name="party"><option value="">any</option>'
        f"{party_opts}</select></label>"
        '<label>Kind<select name="kind"><option value="">any</option>'
        f"{kind_opts}</select></label>"
        f'<label>From<input type="date" name="from" min="{first}" max="{last}"></label>'
        f'<label>To<input type="date" name="to" min="{first}" max="{last}"></label>'
        '<output id="shown" aria-live="polite"></output></form>'
    )
    return lists + form + note + table


def _sources(ctx: _Context) -> str:
    return (
        '<p class="note">Every code a page cites links to its entry here (<code>WH 4</code> is '
        "the White House text, cited for point 4). Reliability is only what the catalog says of "
        'a source, in its words; "not graded" means it says nothing of it.</p>'
        + _scroll(sources_table(ctx.register_entries), "Sources")
    )


_DOWNLOADS: Final = {
    "downloads/csv/datapackage.json": (
        "the tables as CSV, described by a Frictionless Data Package (every column's type and "
        "meaning, the keys)"
    ),
    "downloads/gazaplan.db": (
        "the same tables as one SQLite database (full-text search on events and sources), for "
        "Datasette or any SQL client"
    ),
    "downloads/gazaplan.metadata.json": (
        "Datasette's metadata for the database: titles, descriptions, licence, facets"
    ),
    "downloads/status.json": "the index's figures, as gazaplan status --json gives them",
}


def _downloads(ctx: _Context) -> str:
    items = "".join(
        f'<li><a href="{esc(p)}">{esc(p.split("/", 1)[1])}</a>: {esc(w)}</li>'
        for p, w in _DOWNLOADS.items()
    )
    parquet = _parquet()
    rows = [
        (
            esc(t.name),
            f'<a href="downloads/csv/{esc(t.name)}.csv">{esc(t.name)}.csv</a>',
            f'<a href="downloads/parquet/{esc(t.name)}.parquet">{esc(t.name)}.parquet</a>'
            if parquet
            else "needs the pandas extra",
            esc(t.description),
            str(len(t.rows)),
        )
        for t in ctx.tables
    ]
    return "\n".join(
        [
            (
                "<p>Everything the pages show, as data, from release "
                f"{esc(ctx.release.version)}. Unknown is an empty cell (CSV) or NULL (SQL), "
                "never zero or false.</p>"
            ),
            f'<ul class="links">{items}</ul>',
            "<h2>Serve the database</h2>",
            (
                '<code class="embed">datasette downloads/gazaplan.db --metadata '
                "downloads/gazaplan.metadata.json</code>"
            ),
            "<h2>The tables</h2>",
            _table(rows, ["table", "CSV", "Parquet", "what it holds", "rows"], "Tables"),
        ]
    )


def _write_downloads(ctx: _Context, folder: Path) -> list[str]:
    from .database import write_database
    from .exports import write_csv, write_parquet
    from .tables import json_default

    tables = ctx.tables
    down = folder / "downloads"
    written = list(
        write_csv(
            tables,
            down / "csv",
            name="gazaplan-tracker",
            title=f"gazaplan release {ctx.release.version} (data as of {ctx.release.as_of.date()})",
            version=ctx.release.version,
        )
    )
    if _parquet():
        written += write_parquet(tables, down / "parquet")
    written += write_database(tables, down / "gazaplan.db")
    status = down / "status.json"
    doc = {"command": "status", "release": ctx.release.version, **ctx.headline.to_dict()}
    status.write_text(
        json.dumps(doc, indent=2, ensure_ascii=False, default=json_default) + "\n",
        encoding="utf-8",
    )
    written.append(status)
    return [str(Path(p).relative_to(folder)) for p in written]


def _parquet() -> bool:
    """Whether Parquet can be written here (the ``pandas`` extra's pyarrow)."""
    import importlib.util

    return importlib.util.find_spec("pyarrow") is not None


def _charts(ctx: _Context, plots: bool) -> dict[str, tuple[str, str]]:
    """The charts, by address: their titles and SVG (a note where they cannot be drawn)."""
    titles = {
        "obligations": "Obligations over time",
        "exchange": "The exchange: hostages and prisoners",
        "withdrawal": "Withdrawal: the lines",
    }
    if not plots:
        note = '<p class="note">Charts were left out of this build.</p>'
        return {k: (t, note) for k, t in titles.items()}
    from .htmlreport import inline_svg
    from .plots import plot_exchange, plot_obligations, plot_withdrawal

    comp, tl, plan = ctx.report.compliance, ctx.timeline, ctx.plan
    draws: dict[str, tuple[Callable[[], Any], tuple[float, float] | None]] = {
        "obligations": (lambda: plot_obligations(comp, timeline=tl), (8.0, 7.5)),
        "exchange": (lambda: plot_exchange(plan, tl), None),
        "withdrawal": (lambda: plot_withdrawal(plan, tl), None),
    }
    return {
        k: (titles[k], inline_svg(draw, "the site's charts", k, size))
        for k, (draw, size) in draws.items()
    }


def _charts_index(charts: Mapping[str, tuple[str, str]]) -> str:
    items = "".join(
        f'<li><a href="charts/{k}.html">{esc(t)}</a>: to embed it, '
        f'<code class="embed">&lt;iframe src="charts/{k}.html" width="820" height="640" '
        f'title="{esc(t)}"&gt;&lt;/iframe&gt;</code></li>'
        for k, (t, _) in charts.items()
    )
    return (
        "<p>Each chart has a page of its own, made to be embedded: the chart, its title, and "
        f'its source line, nothing else to load.</p><ul class="links">{items}</ul>'
    )


def _chart(svg: str) -> str:
    return (
        f'<figure>{svg}<figcaption class="note">The data behind it: the tracker\'s '
        '<a href="../downloads.html" target="_top">downloads</a>.</figcaption></figure>'
    )
