"""The commands that judge: ``status``, ``report``, ``check``, ``compliance``, ``diff`` and
``compare``."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any, TextIO

from .. import catalog
from ..core.explain import explain_phase, plural
from ..core.plans import Plan
from ..core.rules import check_phase, check_plan
from ..core.state import State
from ..desk import tables as t
from ..exceptions import InvalidValueError, UnknownVersionError
from ..time.compliance import ComplianceStatus, compliance
from ..time.histories import replay
from ..time.reports import report
from ..time.timelines import Timeline
from ..truth import Verdict

if TYPE_CHECKING:
    from ..whatif.differences import Flip
from ._options import (
    Handler,
    at_arg,
    at_words,
    bundled_plan,
    bundled_release,
    default_at,
    emit,
    exported,
    judging,
    need_text,
    plan_and_timeline,
    plan_at,
    replayed,
    timeline_arg,
)

__all__ = ["HANDLERS"]


def _plan_of(text: str) -> tuple[Plan, Timeline | None]:
    """A bundled version id, or a plan or scenario file (with the scenario's timeline)."""
    if text in catalog.versions():
        return catalog.plan(text), None
    need_text(text, "plan (A or B)")
    looks_like_file = text.lower().endswith((".json", ".toml")) or os.sep in text
    if looks_like_file and not os.path.isfile(text):
        raise InvalidValueError(
            text,
            text,
            "no such file" if not os.path.exists(text) else "not a regular file",
            "Check the path, or name a bundled version: " + ", ".join(catalog.versions()) + ".",
        )
    if not os.path.exists(text):
        raise UnknownVersionError(text, catalog.versions(), where="plan (or an existing file)")
    from ..files.documents import load, load_scenario, peek_kind

    kind = peek_kind(text)
    if kind == "plan":
        return load(text, Plan), None
    if kind == "scenario":
        scenario = load_scenario(text)
        return scenario.plan(), scenario.timeline
    raise InvalidValueError(text, kind, "not a plan or scenario document", "Pass one of those.")


# -- report, check, compliance ---------------------------------------------------------------


def _report(args: argparse.Namespace, out: TextIO) -> None:
    if args.at_publication and (args.at is not None or args.timeline is not None):
        given = "--at" if args.at is not None else "--timeline"
        raise InvalidValueError(
            "--at-publication",
            given,
            f"the facts at publication take no {given}",
            f"Use one of --at-publication and {given}.",
        )
    if args.html is not None:
        need_text(args.html, "--html")
    _exports_alone(args)
    if args.at_publication:
        _report_at_publication(args, out)
        return
    plan, tl = plan_and_timeline(args)
    if args.phase is not None:
        plan.phase(args.phase)  # an unknown phase fails here, naming the known ones
    release = bundled_release(args)
    at = default_at(args, tl, plan)
    judge = judging(args, plan)
    unchanged = args.assume_unchanged
    if args.html is not None:
        from ..desk.htmlreport import write_html_report

        write_html_report(
            judge, tl, args.html, at=at, plots=not args.no_plots, assume_unchanged=unchanged
        )
        if args.json:
            emit(out, "report", {"wrote": args.html})
        else:
            out.write(f"wrote {args.html}\n")
        return
    r = report(judge, tl, at=at, assume_unchanged=unchanged, controls=catalog.controls())
    if exported(args, out, "report", lambda: _exports().report_tables(r)):
        return
    reports = (r.phases.phase(args.phase),) if args.phase is not None else r.phases.phases
    from ..analysis.headline import headline_of

    headline = headline_of(r)
    if args.json:
        phases = [
            {**row, "explanation": ph.explain()}
            for ph in reports
            for row in t.phase_rows(ph, "phases")
        ]
        payload = {"version": r.version, "in_force": r.in_force, "title": r.title, "at": r.at}
        payload |= {"at_read": at_words(args, r.at), "data_as_of": r.data_as_of}
        payload |= {"release": release.version if release else None}
        payload |= {"beyond_data": r.beyond_data, "assume_unchanged": r.assume_unchanged}
        payload |= {"note": r.note, "counts": {str(k): n for k, n in r.counts().items()}}
        emit(
            out,
            "report",
            {
                **payload,
                "headline": headline.to_dict(),
                "phases": phases,
                "obligations": t.compliance_rows(r.compliance),
                "anomalies": t.anomaly_rows(r.anomalies),
            },
        )
        return
    which = replayed(args, release)
    out.write(
        f"State: {which} replayed to {at_words(args, r.at)} ({r.replayed} of {r.events} "
        "events); facts no source gives are unknown.\n"
    )
    if args.phase is not None:
        out.write(
            f"Judged under plan version {r.version}.\n\n"
            + explain_phase(reports[0], r.judged())
            + "\n"
        )
        return
    out.write("\n" + headline.explain() + "\n")
    out.write(r.explain())


def _exports() -> Any:
    """The exports module, loaded only when a command writes --csv or --parquet."""
    from ..desk import exports

    return exports


def _exports_alone(args: argparse.Namespace) -> None:
    """Refuse ``--csv``/``--parquet`` with the options whose output they would replace."""
    given = "--csv" if args.csv is not None else "--parquet" if args.parquet is not None else None
    if given is None:
        return
    for option, value in (
        ("--html", args.html),
        ("--at-publication", args.at_publication or None),
        ("--phase", args.phase),
    ):
        if value is not None:
            raise InvalidValueError(
                given,
                option,
                f"it writes the whole report's tables, which {option} does not ask for",
                f"Run the command once with {given} and once with {option}.",
            )


def _status(args: argparse.Namespace, out: TextIO) -> None:
    from ..analysis.headline import headline_of

    plan, tl = plan_and_timeline(args)
    release = bundled_release(args)
    at = default_at(args, tl, plan)
    judge = judging(args, plan)
    r = report(judge, tl, at=at, assume_unchanged=args.assume_unchanged)
    headline = headline_of(r)
    if exported(args, out, "status", lambda: _exports().headline_tables(headline)):
        return
    if args.json:
        payload = {"at_read": at_words(args, r.at), "release": release.version if release else None}
        emit(out, "status", {**payload, **headline.to_dict()})
        return
    out.write(f"State: {replayed(args, release)} replayed to {at_words(args, r.at)}.\n\n")
    out.write(headline.explain())


def _report_at_publication(args: argparse.Namespace, out: TextIO) -> None:
    """The facts at publication, judged under the published text (or ``--plan``): one state,
    no timeline, so each obligation's standing in that state."""
    plan = bundled_plan(args.plan_version or catalog.versions()[0])
    state = State.initial(plan)
    whole = check_plan(plan, state) if args.phase is None else None
    reports = (check_phase(plan, args.phase, state),) if whole is None else whole.phases
    if args.json:
        phases = [
            {**row, "explanation": r.explain()}
            for r in reports
            for row in t.phase_rows(r, "phases")
        ]
        obligations = [row for r in reports for row in t.phase_rows(r, "obligations")]
        payload: dict[str, Any] = {"version": plan.version, "title": plan.title, "at": None}
        payload |= {"data_as_of": None, "release": None, "beyond_data": False}
        emit(out, "report", {**payload, "phases": phases, "obligations": obligations})
        return
    out.write(
        f"State: the facts at the plan's publication ({plan.start_date}); facts no source "
        "gives are unknown.\n\n"
    )
    out.write(reports[0].explain() + "\n" if whole is None else whole.explain())


def _check(args: argparse.Namespace, out: TextIO) -> int:
    results: list[dict[str, Any]] = []
    texts: list[str] = []
    for target in args.targets:
        if target.endswith((".toml", ".json")) or os.path.sep in target:
            results.append(_check_scenario(target, args.quiet, texts))
        else:
            results.append(_check_phase(args, target, texts))
    failed = sum(not r["passed"] for r in results)
    if args.json:
        emit(out, "check", {"passed": not failed, "results": results})
    else:
        out.write("".join(texts))
    return 1 if failed else 0


def _check_scenario(path: str, quiet: bool, texts: list[str]) -> dict[str, Any]:
    from ..files.documents import load_scenario
    from ..whatif.scenarios import check_scenario

    result = check_scenario(load_scenario(path))
    if quiet:
        failures = "\n".join(str(o) for o in result.failures)
        texts.append(f"{path}: {failures}\n" if failures else "")
    else:
        texts.append(f"{path}\n{result.explain()}\n")
    outcomes = [
        {**row, "reason": o.reason}
        for row, o in zip(t.scenario_rows(result), result.outcomes, strict=True)
    ]
    return {"target": path, "kind": "scenario", "passed": result.passed, "outcomes": outcomes}


def _check_phase(args: argparse.Namespace, target: str, texts: list[str]) -> dict[str, Any]:
    """A target as every command takes it: a phase (its preconditions), ``PHASE.entry``,
    ``PHASE.completion``, an obligation (its completion) or ``OBLIGATION.trigger``."""
    from ..analysis.implicants import resolve
    from ..core.evaluation import evaluate
    from ..core.explain import explain_evaluation
    from ..core.words import target_name

    plan, tl = plan_and_timeline(args)
    at = default_at(args, tl, plan)
    plan = plan_at(args, plan, at)
    state = replay(plan, tl, at=at, assume_unchanged=args.assume_unchanged)
    full, condition = resolve(plan, target)
    expected = Verdict[args.expect.upper()]
    phase, _, part = full.partition(".")
    report = check_phase(plan, phase, state) if part == "entry" else None
    if report is not None:
        verdict, explanation = report.verdict, report.explain()
    else:
        ev = evaluate(condition, state, plan=plan)
        verdict, explanation = ev.verdict, "\n".join(explain_evaluation(ev))
    passed = verdict is expected
    mark = "ok  " if passed else "FAIL"
    words = target_name(plan, full)
    name = words if words != full else full
    head = f"[{mark}] {name} ({full}) at {at.isoformat()} (plan version {plan.version}): "
    head += f"{verdict}, expected {expected}"
    if not (args.quiet and passed):
        texts.append(head + ("\n" if args.quiet else "\n" + explanation + "\n"))
    row: dict[str, Any] = {"target": full, "kind": "phase" if report is not None else "condition"}
    row |= {"at": at, "verdict": str(verdict), "expected": str(expected), "passed": passed}
    if report is not None:
        row["completion"] = str(report.completion.verdict)
    return {**row, "explanation": explanation}


def _compliance(args: argparse.Namespace, out: TextIO) -> int:
    plan, tl = plan_and_timeline(args)
    at = default_at(args, tl, plan)
    words = {str(s): s for s in ComplianceStatus} | {s.name.lower(): s for s in ComplianceStatus}
    fail_on = set()
    for word in args.fail_on:
        if word.lower() not in words:
            raise InvalidValueError(
                "--fail-on", word, "not a status", "Use one of: " + ", ".join(sorted(words)) + "."
            )
        fail_on.add(words[word.lower()])
    report = compliance(
        judging(args, plan),
        tl,
        at=at,
        assume_unchanged=args.assume_unchanged,
        controls=catalog.controls(),
    )
    hit = [i.obligation.id for i in report.items if i.status in fail_on]
    judged = judging(args, plan)
    if exported(args, out, "compliance", lambda: _exports().compliance_tables(report, judged)):
        return 1 if hit else 0
    if args.json:
        payload = {"version": report.version, "at": report.at, "at_read": at_words(args, at)}
        payload |= {"data_as_of": report.data_as_of, "beyond_data": report.beyond_data}
        payload |= {"counts": {str(k): n for k, n in report.counts().items()}}
        emit(out, "compliance", {**payload, "failed_on": hit, "items": t.compliance_rows(report)})
    else:
        out.write(f"Judged at {at_words(args, at)}.\n")
        out.write(report.explain())
        if hit:
            out.write(
                f"\n{plural(len(hit), 'obligation')} with a --fail-on status: {', '.join(hit)}\n"
            )
    return 1 if hit else 0


# -- what-ifs ----------------------------------------------------------------------------------


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    from ..whatif.differences import diff

    d = diff(_plan_of(args.a)[0], _plan_of(args.b)[0])
    if args.json:
        emit(out, "diff", {"a": d.a, "b": d.b, "differences": t.diff_rows(d)})
    else:
        out.write(d.explain())
    return 1 if args.exit_code and not d.is_empty else 0


def _compare(args: argparse.Namespace, out: TextIO) -> None:
    from ..whatif.differences import Diff, compare

    (a, tl_a), (b, tl_b) = _plan_of(args.a), _plan_of(args.b)
    if args.timeline is not None:
        tl = timeline_arg(args)
    elif tl_a is not None and tl_b is not None and tl_a != tl_b:
        raise InvalidValueError(
            "compare",
            f"{args.a} and {args.b}",
            "the two scenarios have different timelines",
            "Say which to replay with --timeline FILE.",
        )
    else:  # a scenario's own events, or the bundled timeline
        tl = tl_a if tl_a is not None else tl_b if tl_b is not None else catalog.timeline()
    c = compare(a, b, tl, at=at_arg(args))
    if args.json:
        items = [
            {
                "item": row["item"],
                "id": row["id"],
                "a": row[c.a],
                "b": row[c.b],
                "flips": [_flip_row(f) for f in c.flips_of(row["id"])],
            }
            for row in t.comparison_rows(c)
        ]
        changes = t.diff_rows(Diff(c.a, c.b, c.changes))
        emit(out, "compare", {"a": c.a, "b": c.b, "at": c.at, "changes": changes, "items": items})
    else:
        out.write(c.explain())


def _flip_row(f: Flip) -> dict[str, Any]:
    """A condition that flips, for ``compare --json``: each plan's reading in words and its
    verdict (None: that plan lacks the condition)."""
    return {
        "where": f.where,
        "condition": f.label,
        "point": f.point,
        "a": f.side("a"),
        "b": f.side("b"),
        "verdict_a": None if f.a is None else str(f.a.verdict),
        "verdict_b": None if f.b is None else str(f.b.verdict),
    }


HANDLERS: dict[str, Handler] = {
    "status": _status,
    "report": _report,
    "check": _check,
    "compliance": _compliance,
    "diff": _diff,
    "compare": _compare,
}
