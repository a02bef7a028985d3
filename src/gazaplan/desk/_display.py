"""Notebook displays: the ``_repr_html_`` of the plan, its phases and every result.

Each display is compact (a title, one or two tables, a closing note on how to see more) and
built from the same rows as ``to_pandas()`` (:mod:`gazaplan.desk.tables`). Plain ``repr`` stays
attrs' own. The classes call :func:`html_of` lazily, so importing the library loads none of this.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from ..analysis.graphs import Graph
from ..analysis.headline import Headline, headline_of
from ..analysis.implicants import called, called_all
from ..analysis.structural import StructureReport
from ..analysis.vetoes import Vetoes
from ..catalog.register import SourceEntry, SourceRegister
from ..core.control import NONE_IDENTIFIED
from ..core.evaluation import Blocker, Evaluation
from ..core.explain import explain_evaluation
from ..core.obligations import Phase
from ..core.plans import Plan
from ..core.rules import ObligationReport, PhaseReport, PlanReport
from ..core.words import named, parties_text
from ..exploration.search import Exploration
from ..runs.montecarlo import MonteCarloResult
from ..runs.sweeps import SweepResult
from ..time.anomalies import AnomalyReport
from ..time.compliance import Compliance, ComplianceReport
from ..time.reports import Report
from ..time.timelines import Timeline
from ..time.verdicts import VerdictsOverTime
from ..whatif.differences import Comparison, Diff
from ..whatif.scenarios import ScenarioResult
from . import tables as t
from ._html import (
    badge,
    box,
    compliance_in_words,
    entry_html,
    esc,
    kv_table,
    register_html,
    table,
    verdicts_in_words,
)

__all__ = ["headline_html", "html_of"]

_STATUS = ("status", "preconditions", "completion", "trigger", "verdict")


@functools.singledispatch
def html_of(obj: object) -> str:
    """The notebook display of *obj* (one of the library's plan or result classes): found by
    its type (the renderers below register themselves)."""
    raise TypeError(f"gazaplan has no notebook display for a {type(obj).__name__}")


@html_of.register
def _plan(plan: Plan) -> str:
    n_ob = sum(len(p.obligations) for p in plan.phases)
    head = kv_table(
        [
            ("version", plan.version),
            ("dated", plan.date),
            ("points", len(plan.provisions)),
            ("phases", len(plan.phases)),
            ("obligations", n_ob),
            ("figures", len(plan.figures)),
            ("sources", f"{len(plan.sources)} (plan.to_pandas('sources') lists them)"),
        ]
    )
    phases = t.plan_rows(plan, "phases")
    cols = ["phase", "name", "path", "points", "obligations"]
    return box(
        plan.title,
        head,
        table(phases, cols, caption="Phases"),
        note="plan.to_pandas(table) gives: " + ", ".join(t.PLAN_TABLES),
    )


@html_of.register
def _phase(phase: Phase) -> str:
    rows = [
        {
            "obligation": o.id,
            "point": o.provision,
            "owed_by": o.obligor_text,
            "action": o.action,
        }
        for o in phase.obligations
    ]
    head = kv_table(
        [
            ("id", phase.id),
            ("path", phase.path),
            ("points", ", ".join(map(str, phase.provisions))),
            ("entry", phase.entry.label or type(phase.entry).__name__),
            ("completion", phase.completion.label or type(phase.completion).__name__),
            ("sources", t.cites(phase.sources)),
        ]
    )
    desc = f"<p>{esc(phase.description)}</p>"
    obligations = table(rows, ["obligation", "point", "owed_by", "action"], caption="Obligations")
    return box(f"Phase {phase.id}: {phase.name}", desc, head, obligations)


@html_of.register
def _plan_report(report: PlanReport) -> str:
    phases = table(
        verdicts_in_words(t.phase_rows(report, "phases")),
        ["phase", "name", "preconditions", "completion", "unmet_conditions", "unknown_conditions"],
        badges=_STATUS,
        caption="Phases",
    )
    counts: dict[str, int] = {}
    for o in report.obligations:
        counts[str(o.status)] = counts.get(str(o.status), 0) + 1
    summary = " ".join(f"{badge(s)} {n}" for s, n in sorted(counts.items()))
    return box(
        f"{report.title} (version {report.version})",
        phases,
        f"<div>Obligations: {summary}</div>",
        note="report.explain() gives the reasons; report.to_pandas('obligations') the statuses",
    )


def _blockers(title: str, blockers: Sequence[Blocker]) -> str:
    from ..core.explain import summary

    if not blockers:
        return ""
    items = "".join(f"<li>{esc(summary(b))}</li>" for b in blockers)
    return f"<div><em>{esc(title)}</em><ul>{items}</ul></div>"


def _trace(ev: Evaluation) -> str:
    text = "\n".join(explain_evaluation(ev))
    return f"<details><summary>Trace</summary><pre>{esc(text)}</pre></details>"


@html_of.register
def _phase_report(report: PhaseReport) -> str:
    head = kv_table(
        [
            ("preconditions", report.verdict),
            ("completion", report.completion.verdict),
            ("points", ", ".join(map(str, report.provisions))),
        ],
        badges=("preconditions", "completion"),
    )
    obligations = table(
        t.phase_rows(report, "obligations"),
        ["obligation", "point", "owed_by", "status", "trigger", "completion"],
        badges=_STATUS,
        caption="Obligations",
    )
    return box(
        f"Phase {report.phase.id}: {report.phase.name}",
        head,
        _blockers("Why not (unmet):", report.unmet),
        _blockers("Not known:", report.unknown),
        obligations,
        _trace(report.entry),
    )


@html_of.register
def _obligation_report(report: ObligationReport) -> str:
    o = report.obligation
    head = kv_table(
        [
            ("status", report.status),
            ("trigger", report.trigger.verdict),
            ("completion", report.completion.verdict),
            ("point", o.provision),
            ("owed by", o.obligor_text),
            ("action", o.action),
        ],
        badges=_STATUS,
    )
    return box(f"Obligation {o.id}", head, _trace(report.completion))


@html_of.register
def _evaluation(ev: Evaluation) -> str:
    rows = t.evaluation_rows(ev)
    for row in rows:
        row["test"] = "\u2003" * row["depth"] + row["test"]
    body = table(rows, ["verdict", "test", "seen"], badges=("verdict",))
    return box(f"Evaluation: {ev.verdict}", body)


@html_of.register
def _compliance_report(report: ComplianceReport) -> str:
    body = table(
        compliance_in_words(report),
        ["status", "obligation", "kind", "point", "owed_by", "since", "due", "reason"],
        badges=("status",),
    )
    return box(
        f"Compliance as of {report.at:%Y-%m-%d %H:%M %z} (version {report.version})",
        f"<div>Obligations: {esc(report.summary())}</div>",
        body,
        note=(
            "news first: breached, overdue, late, partly, pending, then unknown by the missing"
            " fact; report.to_pandas() has every column, the lifecycle included"
        ),
    )


def headline_html(h: Headline) -> str:
    """The headline as HTML: its first line as a heading, the rest as a list.

    Args:
        h: the headline.

    Returns:
        An escaped ``<div class="headline">``.
    """
    first, *rest = h.explain().splitlines()
    items: list[str] = []
    for line in rest:
        if line.startswith("- "):
            items.append(esc(line[2:]))
        elif items:
            items[-1] += "<br>" + esc(line.strip())
    body = "".join(f"<li>{item}</li>" for item in items)
    return f'<div class="headline"><p><strong>{esc(first)}</strong></p><ul>{body}</ul></div>'


@html_of.register
def _headline(h: Headline) -> str:
    return box("Where the plan stands", headline_html(h), note="status.to_dict() gives the figures")


@html_of.register
def _report(r: Report) -> str:
    opening = headline_html(headline_of(r)) if r.plans else ""
    head = kv_table(
        [
            ("plan version judging", f"{r.version} (in force from {r.in_force.date()})"),
            ("judged as of", f"{r.at:%Y-%m-%d %H:%M %z}"),
            ("data as of", r.data_as_of.date() if r.data_as_of else "a scenario (no edge)"),
            ("events replayed", f"{r.replayed} of {r.events}"),
            ("obligations", r.summary()),
            ("anomalies", f"{len(r.anomalies.items)} ({len(r.anomalies.unexplained)} unexplained)"),
        ]
    )
    note = f'<div class="note">Note: {esc(r.note)}</div>' if r.note else ""
    phases = table(
        verdicts_in_words(t.phase_rows(r.phases, "phases")),
        ["phase", "name", "preconditions", "completion", "unmet_conditions", "unknown_conditions"],
        badges=_STATUS,
        caption="Phases",
    )
    body = table(
        compliance_in_words(r.compliance),
        ["status", "obligation", "kind", "point", "owed_by", "since", "reason"],
        badges=("status",),
        caption="Obligations",
    )
    return box(
        r.title,
        opening,
        head,
        note,
        phases,
        body,
        note="report.explain() gives every reason; report.to_pandas() the obligations",
    )


@html_of.register
def _anomalies(a: AnomalyReport) -> str:
    body = table(
        t.anomaly_rows(a),
        ["at", "event", "kind", "obligation", "reason", "explained", "note"],
    )
    n = len(a.items)
    return box(
        f"Anomalies between the record and the rules: {n} ({n - len(a.unexplained)} explained)",
        body,
    )


@html_of.register
def _compliance(item: Compliance) -> str:
    pairs = [
        ("status", item.status),
        ("reason", item.reason),
        ("kind", item.obligation.kind),
        ("over time", item.lifecycle()),
        ("version judging", item.version),
        ("owed by", item.obligation.obligor_text),
        ("point", item.obligation.provision),
        ("triggered at", item.triggered_at),
        ("clock from", item.clock_from),
        ("due", item.due),
        ("fulfilled at", item.fulfilled_at),
        *[(q.label, str(q)) for q in item.quantities],
    ]
    return box(
        f"{item.obligation.id} as of {item.at:%Y-%m-%d %H:%M %z}",
        kv_table(pairs, badges=("status",)),
        _trace(item.completion),
    )


@html_of.register
def _diff(d: Diff) -> str:
    if d.is_empty:
        return box(f"{d.a} and {d.b}: no differences")
    body = table(t.diff_rows(d), ["kind", "key", "before", "after"])
    return box(f"{d.a} -> {d.b}: {len(d.differences)} differences", body)


@html_of.register
def _comparison(c: Comparison) -> str:
    when = f"{c.at:%Y-%m-%d %H:%M %z}" if c.at else "the end of the timeline"
    if c.is_empty:
        return box(f"{c.a} vs {c.b} at {when}: no verdict or status differs")
    body = table(t.comparison_rows(c), ["item", "id", c.a, c.b], badges=(c.a, c.b))
    return box(f"{c.a} vs {c.b} at {when}", body, note="comparison.explain() gives both reasons")


@html_of.register
def _scenario_result(r: ScenarioResult) -> str:
    rows = t.scenario_rows(r)
    for row in rows:
        row["result"] = "ok" if row["passed"] else "FAIL"
    body = table(rows, ["result", "at", "subject", "expected", "found"], badges=("result",))
    n, bad = len(r.outcomes), len(r.failures)
    return box(f"Scenario {r.scenario.name!r}: {n - bad} of {n} expectations hold", body)


@html_of.register
def _timeline(tl: Timeline) -> str:
    body = table(t.timeline_rows(tl), ["at", "kind", "summary", "sources"])
    return box(f"Timeline: {len(tl)} events", body)


@html_of.register
def _graph(graph: Graph) -> str:
    from ._graph_svg import MAX_DRAWN, svg

    kinds: dict[str, int] = {}
    for n in graph.nodes:
        kinds[n.kind.value] = kinds.get(n.kind.value, 0) + 1
    head = kv_table([("plan version", graph.plan_version), ("nodes", len(graph.nodes)),
                     ("edges", len(graph.edges)),
                     ("by kind", ", ".join(f"{k} {v}" for k, v in kinds.items()))])  # fmt: skip
    if len(graph.nodes) <= MAX_DRAWN:
        body = svg(graph)
        note = "Hover a node or an edge for its detail; to_dot() and to_networkx() give the rest."
    else:
        word = {n.id: named(n.label, n.id) for n in graph.nodes}  # words, with the id to draw by
        rows = [{**r, "source": word[r["source"]], "target": word[r["target"]]}
                for r in graph.rows()]  # fmt: skip
        body = table(rows, ["source", "kind", "target", "because"], caption="Edges")
        note = (f"Too many nodes to draw ({len(graph.nodes)}): graph.around(node_id) draws the "
                "part near one node; to_pandas() has every edge.")  # fmt: skip
    return box("Dependency graph", head, body, note=note)


def _veto_rows(v: Vetoes) -> list[dict[str, str]]:
    """One row of a target's veto players, parties by name and facts and targets in words."""
    sure = parties_text(v.names, v.players, none="none for certain")
    maybe = parties_text(v.names, v.possible_players, none="")
    first = next((c for c in v.coalitions), None)
    return [{"target": called(v.names, v.target), "now": str(v.now), "veto": sure,
             "possibly": maybe,
             "suffices": parties_text(v.names, first.parties, none="") if first else "",
             "free": called_all(v.names, v.free, none="")}]  # fmt: skip


@html_of.register
def _vetoes(v: Vetoes) -> str:
    return box(f"Veto players: {called(v.names, v.target)}",
               table(_veto_rows(v), ["target", "now", "veto", "possibly", "suffices", "free"],
                     badges=["now"]),
               note=v.explain())  # fmt: skip


@html_of.register
def _structure(r: StructureReport) -> str:
    cycles = [table([{"obligation": called(k.names, k.waiter), "waits on": called(k.names, k.holder),
                      "through": called_all(k.names, k.facts, none=""), "because": k.because}
                     for k in c.links], ["obligation", "waits on", "through", "because"],
                    caption=c.explain().splitlines()[0].rstrip(":"))
              for c in r.cycles]  # fmt: skip
    vetoes = [row for v in r.vetoes for row in _veto_rows(v) if row["veto"] != "none for certain"
              or row["possibly"]]  # fmt: skip
    info = [{"fact": named(i.question, i.fact) if i.question else called(r.names, i.fact),
             "settles": i.settles} for i in r.information]  # fmt: skip
    nxt = called(r.names, r.next_phase) if r.next_phase else "every phase has opened"
    parts = [kv_table([("plan version", r.plan_version), ("positions", r.positions),
                       ("next phase", nxt)])]  # fmt: skip
    none = "Obligations that wait on each other: none found"
    parts += cycles or [table([], ["obligation", "waits on", "through", "because"], caption=none)]
    if r.next_phase is not None:
        p = r.paths_of(f"{r.next_phase}.entry")
        rows = [{"set": i, "fact": called(c.names, c.fact), "now": c.now,
                 "needs": "; ".join(c.needs),
                 "controlled_by": parties_text(c.names, c.controlled_by, none=NONE_IDENTIFIED)}
                for i, s in enumerate(p, 1) for c in s.changes]  # fmt: skip
        parts.append(table(rows, ["set", "fact", "now", "needs", "controlled_by"],
                           caption=f"What must happen for {called(p.names, p.target)}"))  # fmt: skip
    parts.append(table(vetoes, ["target", "now", "veto", "possibly", "suffices", "free"],
                       caption="Veto players", badges=["now"]))  # fmt: skip
    parts.append(table(info, ["fact", "settles"], caption="Unknown facts that matter most"))
    return box("Structure report", *parts, note="report.explain() gives every reason in words.")


@html_of.register
def _exploration(x: Exploration) -> str:
    head = (f"Exploration: {x.states:,} states, {x.transitions:,} transitions, depth {x.depth}"
            + ("" if x.complete else " (interrupted)" if x.interrupted else " (cut short)"))  # fmt: skip
    rows = [{**r, "witness": r["witness"][:300] + ("..." if len(r["witness"]) > 300 else "")}
            for r in x.rows()]  # fmt: skip
    return box(head, table(rows, ["finding", "kind", "result", "moves", "loop", "from_every_start",
                                  "witness"]),
               note="Every move is hypothetical. explain() says why; scenario(finding) writes a "
                    "witness gazaplan check replays.")  # fmt: skip


@html_of.register
def _sweep(r: SweepResult) -> str:
    rows = r.summary()
    empty = "" if rows else "No phase or obligation stands differently in any variant. "
    return box(
        r.title(),
        table(
            rows,
            ["id", "status", "lateness", "variants"],
            caption="What varies across the grid",
            badges=["status"],
        ),
        note=empty + "to_pandas() has every variant, phase and obligation; plot() draws them.",
    )


@html_of.register
def _monte_carlo(r: MonteCarloResult) -> str:
    rows = [
        {
            **row,
            "probability": f"{row['probability']:.1%}",
            "interval": f"{row['low']:.1%} to {row['high']:.1%}",
        }
        for row in r.rows()
        if row["obligation"] in r.varying()
    ]
    head = (
        f"Monte Carlo: {r.n:,} runs of {r.base.name!r} ({r.perturbation.describe()}), seed {r.seed}"
    )
    failed = f"{r.failed_count:,} runs could not be replayed. " if r.failed else ""
    return box(
        head,
        table(
            rows,
            ["obligation", "status", "runs", "probability", "interval"],
            caption="Obligations whose status varies (95% Wilson intervals)",
            badges=["status"],
        ),
        note=failed + "to_pandas() has every obligation; scenario(run) writes a run out.",
    )


@html_of.register
def _over_time(v: VerdictsOverTime) -> str:
    changes = v.explain().splitlines()[1:]
    rows = [{"change": line.strip()} for line in changes]
    return box(f"Verdicts over time (plan version {v.plan_version})",
               table(rows, ["change"], caption="Each change of a phase's verdicts"),
               note="to_pandas() has every instant and phase.")  # fmt: skip


html_of.register(SourceRegister, register_html)  # the source register (gp.sources())
html_of.register(SourceEntry, entry_html)  # one source, with what it supports
