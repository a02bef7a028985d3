"""One self-contained HTML report to send to a colleague: :func:`html_report`, :func:`write_html_report`.

The page holds everything itself: inline CSS, the plots as inline SVG, no script, no font, no
image to fetch; a Content-Security-Policy forbids any request, so a browser opening it makes
none. It gives the plan summary, each phase's verdicts with the reasons, the compliance table,
the plots, the plan's points and terms, the reported figures and positions (each attributed),
the timeline and the list of sources.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from typing import TYPE_CHECKING

import attrs

from ..analysis.headline import headline_of
from ..analysis.implicants import called, called_all
from ..analysis.structural import StructureReport, analyse
from ..core.explain import explain_phase
from ..core.instants import Instant
from ..core.plans import Plan
from ..core.sources import cite
from ..core.words import named, parties_text, party_name, phase_name, verdict_words
from ..exceptions import MissingExtraError
from ..time.compliance import in_force
from ..time.reports import report
from ..time.timelines import Timeline
from ..truth import Verdict
from . import _frame
from . import tables as t
from ._display import headline_html
from ._html import (
    CSS,
    badge,
    compliance_in_words,
    esc,
    kv_table,
    link_sources,
    sources_table,
    table,
    verdicts_in_words,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from matplotlib.axes import Axes

    from ..catalog.register import SourceRegister
    from ..core.state import State

__all__ = ["html_report", "write_html_report"]

_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}
body{{margin:24px auto;max-width:1180px;padding:0 16px}}
h1{{font-size:22px;margin:0 0 4px 0}} h2{{font-size:17px;margin:26px 0 6px 0;border-bottom:2px solid #ddd}}
.gp svg{{max-width:100%;height:auto}} .gp details{{margin:4px 0}} .gp summary{{cursor:pointer}}
</style>
</head>
<body><div class="gp">
{body}
</div></body>
</html>
"""


_CONTENTS = (
    '<p class="note">Contents: <a href="#status">where it stands</a>'
    ' · <a href="#phases">phases</a> · <a href="#compliance">compliance</a>'
    ' · <a href="#structure">structure</a>'
    ' · <a href="#plots">over time</a> · <a href="#points">points</a> · <a href="#terms">terms</a>'
    ' · <a href="#figures">figures</a> · <a href="#positions">positions</a>'
    ' · <a href="#timeline">timeline</a> · <a href="#sources">sources</a></p>'
)


def inline_svg(
    draw: Callable[[], Axes],
    feature: str,
    prefix: str,
    inches: tuple[float, float] | None = None,
) -> str:
    """Run a plotting function and return its figure as inline SVG.

    Args:
        draw: draws the figure and returns its Axes.
        feature: what needs matplotlib, for the note shown without it.
        prefix: the figure's own prefix for its SVG ids (ids are unique in a page).
        inches: a page size other than the plot's own (the plot fits its texts to it).

    Returns:
        The ``<svg>`` element, or a note saying which extra to install where matplotlib is
        missing.
    """
    try:
        import matplotlib

        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt
        from matplotlib.figure import Figure
    except ImportError:
        err = MissingExtraError(feature, "plot", "matplotlib")
        return f'<p class="note">{esc(err)}</p>'
    with matplotlib.rc_context({"svg.hashsalt": "gazaplan", "svg.fonttype": "none"}):
        ax = draw()
        fig = ax.get_figure()
        assert isinstance(fig, Figure)  # the plots make their own figure when given no Axes
        if inches is not None:
            fig.set_size_inches(inches)
        buf = io.StringIO()
        with _frame.laid_out_in_draw(fig):  # one draw lays it out and writes it
            fig.savefig(buf, format="svg", metadata={"Date": None})
        plt.close(fig)
    text = buf.getvalue()
    return _own_ids(text[text.index("<svg") :], prefix)


def _own_ids(svg: str, prefix: str) -> str:
    """Give every id of one figure's SVG (and each reference to it) a prefix of its own:
    matplotlib numbers markers and clip paths alike in every figure, and ids must be unique in
    one page."""
    ids = set(_SVG_ID.findall(svg))
    if not ids:
        return svg

    def rename(m: re.Match[str]) -> str:
        head, name = m.group(1), m.group(2) or m.group(3)
        return f"{head}{prefix}-{name}" if name in ids else m.group(0)

    return _SVG_NAME.sub(rename, svg)  # one pass: ids, and references by href and url()


_SVG_ID = re.compile(r'\sid="([^"]+)"')
_SVG_NAME = re.compile(r'(\sid="|href="#|url\(#)(?:([^")]+)(?=")|([^)"]+)(?=\)))')


def html_report(
    plan: Plan | Sequence[Plan],
    timeline: Timeline,
    *,
    at: Instant | None = None,
    start: State | None = None,
    plots: bool = True,
    data_as_of: dt.datetime | None = None,
    assume_unchanged: bool = False,
) -> str:
    """The report as one HTML page (a string); see :func:`write_html_report`.

    It shows one :func:`~gazaplan.report` judgement: the same statuses and counts as the text
    report, ``--json`` and the tables of the same instant.

    Args:
        plan: the plan (or a variant), or the versions of a plan (``gp.plan_versions()``),
            each instant judged under the version in force then.
        timeline: the events to replay (the bundled one: ``gazaplan.timeline()``).
        at: the instant to judge (a datetime, a date or a string, as :func:`~gazaplan.report`
            takes it; default: the timeline's data-as-of, else the last event).
        start: the state the timeline starts from (default: the plan's facts at publication).
        plots: False leaves the figures out (without matplotlib, a note takes their place).
        data_as_of: the latest instant the timeline's sources cover, where the timeline does
            not carry it (a bundled release's does).
        assume_unchanged: past the data's edge, carry every fact forward as last known.

    Returns:
        A self-contained HTML page with the verdicts, compliance, the structure, the timeline and
        (with *plots*) the figures, every text escaped.

    Raises:
        InvalidEventError: if an event cannot happen in the state it meets.
        InvalidValueError: if *at* is not an instant in the library's range.
    """
    from .plots import plot_exchange, plot_obligations, plot_withdrawal

    if data_as_of is not None and timeline.data_as_of is None:
        timeline = attrs.evolve(timeline, data_as_of=data_as_of)
    r = report(plan, timeline, at=at, start=start, assume_unchanged=assume_unchanged)
    when, comp, state = r.at, r.compliance, r.state
    now = in_force((plan,) if isinstance(plan, Plan) else tuple(plan), when)
    shown = timeline.until(when)
    as_of = f"{when:%Y-%m-%d %H:%M %z}"
    parts = [
        f"<h1>{esc(r.title)}</h1>",
        f'<section id="status">{headline_html(headline_of(r))}</section>',
        (
            '<p class="note">gazaplan report. It states what the plan and the parties say, each '
            "attributed to its source, and takes no side. Facts no source gives are unknown, and "
            "a verdict that depends on them is UNKNOWN, never UNMET.</p>"
        ),
        kv_table(
            [
                ("plan version judging", f"{r.version} (in force from {r.in_force.date()})"),
                ("dated", now.date),
                ("judged as of", as_of),
                *([("data as of", r.data_as_of.date().isoformat())] if r.data_as_of else []),
                ("events replayed", f"{len(shown)} of {len(timeline)}"),
                ("obligations", r.summary()),
            ]
        ),
        *([f'<p class="note">Note: {esc(r.note)}</p>'] if r.note else []),
        _CONTENTS,
        '<h2 id="phases">Phases: preconditions and completion</h2>',
        table(
            verdicts_in_words(t.phase_rows(r.phases, "phases")),
            [
                "phase",
                "name",
                "preconditions",
                "completion",
                "unmet_conditions",
                "unknown_conditions",
                "points",
            ],
            badges=("preconditions", "completion"),
            limit=None,
        ),
        *(
            f"<details><summary>{esc(phase_name(now, ph.phase.id))} ({esc(ph.phase.id)}): "
            f"preconditions {badge(verdict_words(ph.verdict))}, completion "
            f"{badge(verdict_words(ph.completion.verdict))}: the reasons</summary>"
            f"<pre>{esc(explain_phase(ph, r.judged()))}</pre></details>"
            for ph in r.phases.phases
        ),
        f'<h2 id="compliance">Compliance as of {esc(as_of)}</h2>',
        table(
            compliance_in_words(comp),
            ["status", "obligation", "kind", "point", "owed_by", "since", "reason"],
            badges=("status",),
            limit=None,
        ),
    ]
    if r.anomalies.items:
        n, open_ = len(r.anomalies.items), len(r.anomalies.unexplained)
        parts += [
            (
                f'<h2 id="anomalies">Where the record and the rules disagree ({n}, '
                f"{n - open_} explained)</h2>"
            ),
            table(
                t.anomaly_rows(r.anomalies),
                ["at", "event", "kind", "obligation", "reason", "note", "sources"],
                limit=None,
            ),
        ]
    parts += structure_section(analyse(now, state, on=when.date()))
    if plots:
        parts += [
            '<h2 id="plots">Over time</h2>',
            inline_svg(
                lambda: plot_obligations(comp, timeline=timeline),
                "the report's figures",
                "obligations",
                (8.0, 7.5),  # a row per obligation: taller than the other figures
            ),
            inline_svg(
                lambda: plot_exchange(now, timeline, start=start),
                "the report's figures",
                "exchange",
            ),
            inline_svg(
                lambda: plot_withdrawal(now, timeline, start=start),
                "the report's figures",
                "withdrawal",
            ),
        ]
    register = _register(plan, timeline)
    parts += _plan_sections(now, timeline, register)
    return _PAGE.format(
        policy=_POLICY,
        title=esc(f"{r.title}: report as of {as_of}"),
        css=CSS,
        body=link_sources("\n".join(parts), register.tags),  # every code a link to its entry
    )


def _register(plan: Plan | Sequence[Plan], timeline: Timeline) -> SourceRegister:
    """The register of the page's sources: every version's, the events' and the table of
    control's (the structure section cites it)."""
    from ..catalog import controls
    from ..catalog.register import source_register

    return source_register(plan, timeline.events, controls=controls())


def structure_section(r: StructureReport) -> list[str]:
    """The report's structure section.

    Args:
        r: the structure report.

    Returns:
        The section's HTML pieces, for the mutual conditions, what must happen for the next phase (each
        change with who controls it and where the plan says so), veto players, and the unknown
        facts that matter most.
    """
    from ..catalog import controls

    table_ = controls()
    n = r.names
    cycles = [{"obligations": called_all(n, c.obligations, none="none"),
               "parties": parties_text(n, c.parties, none="none"),
               "points": ", ".join(map(str, c.points)),
               "why": "; ".join(k.explain() for k in c.links)} for c in r.cycles]  # fmt: skip
    out = ['<h2 id="structure">Structure: who waits for whom, veto players, what must happen</h2>',
           ('<p class="note">Stated positions are included and attributed. A party refusing '
            "keeps every fact it controls as it is; facts whose point names nobody are shown as "
            '"none identified" and left free.</p>'),
           table(cycles, ["obligations", "parties", "points", "why"], limit=None,
                 caption="Obligations of two or more parties that wait on each other")]  # fmt: skip
    if r.next_phase is not None:
        paths = r.paths_of(f"{r.next_phase}.entry")
        rows = []
        for i, s in enumerate(paths, 1):
            for c in s.changes:
                entry = table_.of(c.fact)
                basis = f"{entry.basis} {cite(entry.sources)}" if entry else "not in the table"
                rows.append({"set": i, "fact": called(n, c.fact), "now": c.now,
                             "needs": "; ".join(c.needs),
                             "controlled_by": parties_text(n, c.controlled_by,
                                                           none="none identified"),
                             "basis": basis})  # fmt: skip
        out.append(table(rows, ["set", "fact", "now", "needs", "controlled_by", "basis"],
                         limit=None, caption=f"What must happen for {called(n, paths.target)} "
                         f"(now {verdict_words(paths.now)})"))  # fmt: skip
    vetoes = [{"target": called(n, v.target), "now": verdict_words(v.now),
               "veto": parties_text(n, v.players, none="none"),
               "possibly": parties_text(
                   n, [x.party for x in v if x.verdict is Verdict.UNKNOWN], none="none")}
              for v in r.vetoes if v.players or any(x.verdict is Verdict.UNKNOWN for x in v)]  # fmt: skip
    out.append(table(vetoes, ["target", "now", "veto", "possibly"], badges=("now",), limit=None,
                     caption="Parties whose refusal alone blocks each target"))  # fmt: skip
    info = [{"fact": called(n, i.fact), "settles": i.settles,
             "flips": "; ".join(f"{called(n, t)} {verdict_words(b)} if {v}" for t, v, b in i.flips)}
            for i in r.information]  # fmt: skip
    out.append(table(info, ["fact", "settles", "flips"],
                     caption="Unknown facts that matter most: what learning each could settle"))  # fmt: skip
    return out


def _plan_sections(plan: Plan, timeline: Timeline, register: SourceRegister) -> list[str]:
    return [
        '<h2 id="points">The plan\'s points (paraphrased)</h2>',
        table(
            t.plan_rows(plan, "provisions"),
            ["point", "title", "nature", "paraphrase", "sources"],
            limit=None,
        ),
        '<h2 id="terms">Terms</h2>',
        table(t.plan_rows(plan, "terms"), ["term", "value", "note", "sources"], limit=None),
        '<h2 id="figures">Reported figures, attributed</h2>',
        table(
            t.plan_rows(plan, "figures"),
            ["label", "value", "unit", "qualifier", "claimed_by", "as_of", "sources"],
            unknown=("value",),
            limit=None,
        ),
        '<h2 id="positions">Positions, attributed</h2>',
        table(
            [
                {**row, "party": named(party_name(plan, row["party"]), row["party"])}
                for row in t.plan_rows(plan, "positions")
            ],
            ["party", "response", "summary", "as_of", "sources"],
            unknown=("response",),
            limit=None,
        ),
        f'<h2 id="timeline">Timeline ({len(timeline)} events)</h2>',
        table(
            t.timeline_rows(timeline),
            ["at", "kind", "summary", "reported_by", "confidence", "sources"],
            limit=None,
        ),
        f'<h2 id="sources">Sources ({len(register.entries)})</h2>',
        (
            '<p class="note">Every code the page cites links to its entry here (<code>WH 4</code> '
            "is the White House text, cited for point 4); <code>gazaplan sources TAG</code> and "
            "<code>gp.sources()[TAG]</code> give the same entry with everything it supports. "
            "Reliability is only what the catalog says of a source, in its words; "
            "&quot;not graded&quot; means it says nothing of it.</p>"
        ),
        sources_table(register.entries),
    ]


def write_html_report(
    plan: Plan | Sequence[Plan],
    timeline: Timeline,
    path: str | os.PathLike[str],
    *,
    at: Instant | None = None,
    start: State | None = None,
    plots: bool = True,
    data_as_of: dt.datetime | None = None,
    assume_unchanged: bool = False,
) -> None:
    """Write :func:`html_report` to a file (UTF-8), whole or not at all.

    A failed write leaves *path* as it was. The arguments come as :func:`gazaplan.dump` takes
    them: what is written first, then where it goes.

    Args:
        plan: the plan (or a variant), or the versions of a plan (``gp.plan_versions()``).
        timeline: the events to replay (the bundled one: ``gazaplan.timeline()``).
        path: the file to write.
        at: the instant to judge (default: the timeline's data-as-of, else the last event).
        start: the state the timeline starts from (default: the plan's facts at publication).
        plots: False leaves the figures out (no matplotlib needed).
        data_as_of: the latest instant the timeline's sources cover, where the timeline does
            not carry it.
        assume_unchanged: past the data's edge, carry every fact forward as last known.

    Raises:
        OSError: if the file cannot be written; it names *path*.
        InvalidEventError: if an event cannot happen in the state it meets.
        InvalidValueError: if *at* is not a timezone-aware datetime in the library's range.
    """
    from ..files._io import write_atomically

    page = html_report(
        plan,
        timeline,
        at=at,
        start=start,
        plots=plots,
        data_as_of=data_as_of,
        assume_unchanged=assume_unchanged,
    )
    write_atomically(path, page)
