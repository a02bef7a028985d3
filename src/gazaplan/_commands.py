"""What each ``gazaplan`` command does (the parser and ``main`` are in :mod:`gazaplan.cli`).

Each handler takes the parsed arguments and the output stream and returns the exit code (None
for 0). With ``--json`` a handler prints one JSON document built from the same rows as the
tables (:mod:`gazaplan.tables`), so the text, the tables and the JSON say the same thing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
import json
import os
from collections.abc import Callable
from typing import Any, TextIO

from . import catalog
from . import tables as t
from ._checks import need_instant
from ._compliance import ComplianceStatus, compliance
from .datasets import Release, beyond_data
from .exceptions import InvalidValueError, ScenarioFormatError, UnknownVersionError
from .explain import plural
from .histories import replay
from .plans import Plan
from .rules import check_phase, check_plan
from .state import State
from .timelines import Timeline
from .truth import Verdict

__all__ = [
    "JUDGING",
    "Handler",
    "at_arg",
    "bundled_release",
    "data_as_of",
    "emit",
    "instant",
    "plan_and_timeline",
    "problem_rows",
    "timeline_arg",
]

Handler = Callable[[argparse.Namespace, TextIO], int | None]


def _default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, enum.Enum):
        return str(value)
    if isinstance(value, frozenset | set):
        return sorted(str(v) for v in value)
    return str(value)


def emit(out: TextIO, command: str, payload: dict[str, Any]) -> None:
    doc = {"command": command, **payload}
    out.write(json.dumps(doc, indent=2, ensure_ascii=False, default=_default) + "\n")


def instant(text: str, where: str = "--at") -> dt.datetime:
    try:
        at = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidValueError(
            where, text, "not an RFC 3339 instant", "Write e.g. 2025-10-13T12:00+03:00."
        ) from None
    if at.utcoffset() is None:
        raise InvalidValueError(where, text, "the instant has no offset", "Add one: +03:00 or Z.")
    need_instant(at, where)
    return at


def timeline_arg(args: argparse.Namespace) -> Timeline:
    """The bundled timeline, or the one in ``--timeline FILE`` (a timeline or a scenario)."""
    return plan_and_timeline(args)[1]


def plan_and_timeline(args: argparse.Namespace) -> tuple[Plan, Timeline]:
    """The plan and the timeline a command runs on: ``--plan`` (the latest version by default)
    and the bundled timeline, or ``--timeline FILE``. A scenario file brings its own plan (its
    version and amendments) with its events; a ``--plan`` naming another version is refused."""
    path = getattr(args, "timeline", None)
    wanted = getattr(args, "plan_version", None)
    release = getattr(args, "release", None)
    if path is None:
        return catalog.plan(wanted), catalog.timeline(release)
    if release is not None:
        raise InvalidValueError(
            "--release",
            release,
            "a release is of the bundled dataset",
            "Use one of --timeline and --release.",
        )
    _need_text(path, "--timeline")
    from .documents import load, load_scenario, peek_kind

    kind = peek_kind(path)
    if kind == "scenario":
        scenario = load_scenario(path)
        if wanted is not None and wanted != scenario.version:
            raise InvalidValueError(
                "--plan",
                wanted,
                f"the scenario {path} runs on version {scenario.version}, with its amendments",
                "Drop --plan to use the scenario's plan, or pass a timeline file instead.",
            )
        return scenario.plan(), scenario.timeline
    if kind == "timeline":
        plan = catalog.plan(wanted)
        return plan, load(path, Timeline, plan=plan)
    raise InvalidValueError(
        "--timeline", path, f"the file holds a {kind}", "Pass a timeline or scenario file."
    )


def _need_text(value: str, option: str) -> None:
    if not value.strip():
        raise InvalidValueError(
            option, value, "is empty", f"Give {option} a value, or leave it out."
        )


def at_arg(args: argparse.Namespace) -> dt.datetime | None:
    """``--at`` as an instant, or None when not given (an empty ``--at ""`` is refused)."""
    text = getattr(args, "at", None)
    return None if text is None else instant(text)


def bundled_release(args: argparse.Namespace) -> Release | None:
    """The bundled dataset's release a command replays (None for a timeline file)."""
    if getattr(args, "timeline", None) is not None:
        return None
    return catalog.dataset().release(getattr(args, "release", None))


def problem_rows(e: ScenarioFormatError) -> list[dict[str, Any]]:
    """A reading error's problems as rows for ``--json`` (message, path, line)."""
    return [{"message": p.message, "path": p.path, "line": p.line} for p in e.problems]


def data_as_of(args: argparse.Namespace) -> dt.datetime | None:
    """The as_of of the bundled release a command replays (None for a timeline file)."""
    release = bundled_release(args)
    return release.as_of if release is not None else None


def _plan_of(text: str) -> tuple[Plan, Timeline | None]:
    """A bundled version id, or a plan or scenario file (with the scenario's timeline)."""
    if text in catalog.versions():
        return catalog.plan(text), None
    if not os.path.exists(text):
        raise UnknownVersionError(text, catalog.versions(), where="plan (or an existing file)")
    from .documents import load, load_scenario, peek_kind

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
        _need_text(args.html, "--html")
    if args.at_publication:
        plan, tl = catalog.plan(args.plan_version), None
    else:
        plan, tl = plan_and_timeline(args)
    release = bundled_release(args) if tl is not None else None
    as_of = release.as_of if release is not None else None
    at = at_arg(args) or as_of or (tl.last if tl is not None else None)
    beyond = beyond_data(as_of, at) if as_of is not None else ""
    if args.html is not None:
        from .htmlreport import write_html_report

        write_html_report(
            plan, tl or Timeline(), args.html, at=at, plots=not args.no_plots, data_as_of=as_of
        )
        if args.json:
            emit(out, "report", {"wrote": args.html})
        else:
            out.write(f"wrote {args.html}\n")
        return
    state = State.initial(plan) if tl is None else replay(plan, tl, at=at)
    whole = check_plan(plan, state) if args.phase is None else None
    reports = (check_phase(plan, args.phase, state),) if whole is None else whole.phases
    comp = compliance(plan, tl, at=at) if tl is not None and args.phase is None else None
    if args.json:
        phases = [
            {**row, "explanation": r.explain()}
            for r in reports
            for row in t.phase_rows(r, "phases")
        ]
        obligations = (
            t.compliance_rows(comp)
            if comp is not None
            else [row for r in reports for row in t.phase_rows(r, "obligations")]
        )
        payload = {"version": plan.version, "title": plan.title, "at": at, "data_as_of": as_of}
        payload |= {"release": release.version if release else None, "beyond_data": beyond}
        emit(out, "report", {**payload, "phases": phases, "obligations": obligations})
        return
    if tl is None:
        out.write(
            f"State: the facts at the plan's publication ({plan.start_date}); facts no source "
            "gives are unknown.\n\n"
        )
    else:
        shown = tl.until(at) if at is not None else tl
        when = at.isoformat() if at else "its end"
        which = "a timeline file" if args.timeline else "the bundled timeline"
        if release is not None:
            which += f" (release {release.version}, data as of {release.as_of.date()})"
        out.write(
            f"State: {which} replayed to {when} ({len(shown)} of {len(tl)} events); "
            "facts no source gives are unknown.\n"
        )
        out.write(f"Note: {beyond}.\n\n" if beyond else "\n")
    if whole is None:
        out.write(reports[0].explain() + "\n")
        return
    out.write(whole.explain())
    if comp is not None:
        out.write("\n" + comp.explain())


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
    from .documents import load_scenario
    from .scenarios import check_scenario

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


def _check_phase(args: argparse.Namespace, phase: str, texts: list[str]) -> dict[str, Any]:
    plan, tl = plan_and_timeline(args)
    at = at_arg(args) or data_as_of(args) or tl.last
    report = check_phase(plan, phase, replay(plan, tl, at=at))
    expected = Verdict[args.expect.upper()]
    passed = report.verdict is expected
    mark = "ok  " if passed else "FAIL"
    when = at.isoformat() if at else "publication"
    head = f"[{mark}] {phase} at {when}: preconditions {report.verdict}, expected {expected}"
    if not (args.quiet and passed):
        texts.append(head + ("\n" if args.quiet else "\n" + report.explain() + "\n"))
    return {
        "target": phase,
        "kind": "phase",
        "at": at,
        "verdict": str(report.verdict),
        "completion": str(report.completion.verdict),
        "expected": str(expected),
        "passed": passed,
        "explanation": report.explain(),
    }


def _compliance(args: argparse.Namespace, out: TextIO) -> int:
    plan, tl = plan_and_timeline(args)
    at = at_arg(args) or data_as_of(args)
    words = {str(s): s for s in ComplianceStatus} | {s.name.lower(): s for s in ComplianceStatus}
    fail_on = set()
    for word in args.fail_on:
        if word.lower() not in words:
            raise InvalidValueError(
                "--fail-on", word, "not a status", "Use one of: " + ", ".join(sorted(words)) + "."
            )
        fail_on.add(words[word.lower()])
    report = compliance(plan, tl, at=at)
    hit = [i.obligation.id for i in report.items if i.status in fail_on]
    if args.json:
        payload = {"version": report.version, "at": report.at, "failed_on": hit}
        emit(out, "compliance", {**payload, "items": t.compliance_rows(report)})
    else:
        out.write(report.explain())
        if hit:
            out.write(
                f"\n{plural(len(hit), 'obligation')} with a --fail-on status: {', '.join(hit)}\n"
            )
    return 1 if hit else 0


# -- what-ifs ----------------------------------------------------------------------------------


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    from .whatif import diff

    d = diff(_plan_of(args.a)[0], _plan_of(args.b)[0])
    if args.json:
        emit(out, "diff", {"a": d.a, "b": d.b, "differences": t.diff_rows(d)})
    else:
        out.write(d.explain())
    return 1 if args.exit_code and not d.is_empty else 0


def _compare(args: argparse.Namespace, out: TextIO) -> None:
    from .whatif import compare

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
            {"item": row["item"], "id": row["id"], "a": row[c.a], "b": row[c.b]}
            for row in t.comparison_rows(c)
        ]
        emit(out, "compare", {"a": c.a, "b": c.b, "at": c.at, "items": items})
    else:
        out.write(c.explain())


JUDGING: dict[str, Handler] = {
    "report": _report,
    "check": _check,
    "compliance": _compliance,
    "diff": _diff,
    "compare": _compare,
}
