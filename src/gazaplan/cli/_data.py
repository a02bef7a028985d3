"""The commands on data and files: ``validate``, ``timeline``, ``versions``, ``points``,
``figures``, ``export``, ``convert`` and ``schema``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from .. import catalog
from ..core.records import Topic
from ..core.sources import cite
from ..core.words import party_names
from ..desk import tables as t
from ..exceptions import GazaplanError, ScenarioFormatError
from ..time.events import Precision
from ..time.timelines import Timeline
from ._options import (
    Handler,
    bundled_plan,
    emit,
    exported,
    instant,
    problem_rows,
    timeline_arg,
)

__all__ = ["HANDLERS"]


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    from ..files._document_types import KINDS
    from ..files.documents import load, peek_kind

    files: list[dict[str, Any]] = []
    plan = bundled_plan(args.plan_version)  # what a timeline, state or event must fit
    for name in args.files:
        kind = None
        try:
            kind = peek_kind(name)
            obj = load(name, KINDS[kind], plan=plan)
            if kind == "scenario":
                obj.validate()
            problems: list[dict[str, Any]] = []
        except ScenarioFormatError as e:
            problems = problem_rows(e)
            sys.stderr.write(f"gazaplan: error: {e}\n")
        except GazaplanError as e:
            problems = [{"message": str(e), "path": "", "line": None}]
            sys.stderr.write(f"gazaplan: error: {name}: {e}\n")
        files.append({"file": name, "kind": kind, "valid": not problems, "problems": problems})
        if not args.json:
            out.write(f"{'ok ' if not problems else 'BAD'} {name} ({kind or 'unreadable'})\n")
    if args.json:
        emit(out, "validate", {"valid": all(f["valid"] for f in files), "files": files})
    return 0 if all(f["valid"] for f in files) else 2


def _timeline_tables(tl: Timeline) -> tuple[Any, ...]:
    from ..desk.exports import timeline_tables

    return timeline_tables(tl)


def _timeline(args: argparse.Namespace, out: TextIO) -> None:
    tl = timeline_arg(args)
    if args.until is not None:
        tl = tl.until(instant(args.until, "--until"))
    if exported(args, out, "timeline", lambda: _timeline_tables(tl)):
        return
    if args.json:
        emit(out, "timeline", {"events": t.timeline_rows(tl)})
        return
    for e in tl.events:
        when = e.at.date().isoformat() if e.precision is Precision.DAY else e.at.isoformat()
        kind = e.kind.replace("_", " ")  # the kind's tag in words; --json keeps the tag
        out.write(f"{when} {kind}: {e.summary or e.change} {cite(e.sources)}\n")
    out.write(f"{len(tl)} events\n")


def _versions(args: argparse.Namespace, out: TextIO) -> None:
    rows: list[dict[str, Any]] = []
    for v in catalog.versions():
        plan = catalog.plan(v)
        rows.append(
            {
                "version": v,
                "date": plan.date,
                "title": plan.title,
                "amendments": [
                    {"version": a.version, "title": a.title, "date": a.date, "edits": len(a.edits)}
                    for a in plan.amendments
                ],
            }
        )
    if args.json:
        emit(out, "versions", {"latest": catalog.versions()[-1], "versions": rows})
        return
    for row in rows:
        last = row["amendments"][-1]["title"] if row["amendments"] else "the published text"
        out.write(f"{row['version']}  {last}\n")


def _points(args: argparse.Namespace, out: TextIO) -> None:
    plan = bundled_plan(args.plan_version)
    if args.json:
        emit(out, "points", {"version": plan.version, "points": t.plan_rows(plan, "provisions")})
        return
    for p in plan.provisions:
        out.write(f"{p.number:>2}. {p.title} ({p.nature}) {cite(p.sources)}\n    {p.paraphrase}\n")
        if p.obligor_note:
            out.write(f"    Obligor: {p.obligor_note}\n")
        if p.note:
            out.write(f"    Note: {p.note}\n")


def _figures(args: argparse.Namespace, out: TextIO) -> None:
    plan = bundled_plan(args.plan_version)
    topic = Topic[args.topic.upper()] if args.topic else None
    figures = plan.find_figures(topic=topic)
    positions = [p for p in plan.positions if topic is None or topic in p.topics]
    if args.json:
        ids = {f.id for f in figures}
        rows = [r for r in t.plan_rows(plan, "figures") if r["figure"] in ids]
        kept = [r for r, p in zip(t.plan_rows(plan, "positions"), plan.positions, strict=True)
                if p in positions]  # fmt: skip
        emit(out, "figures", {"version": plan.version, "figures": rows, "positions": kept})
        return
    out.write("Figures\n")
    for f in figures:
        out.write(f"  - {f}\n")
    out.write("Positions\n")
    names = party_names(plan)  # parties by name in prose; ids stay in --json
    for pos in positions:
        out.write(f"  - {pos.explain(names)}\n")


def _export(args: argparse.Namespace, out: TextIO) -> None:
    from ..files.documents import dump
    from ..whatif.scenarios import Scenario

    plan = bundled_plan(args.plan_version)
    obj: object = plan
    if args.what == "timeline":
        obj = catalog.timeline()
    elif args.what == "scenario":
        obj = Scenario(
            name="the bundled timeline",
            version=plan.version,
            timeline=catalog.timeline(),
            description="A starting point: the bundled events on one version; add expectations.",
        )
    dump(obj, args.file)
    _wrote(args, out, "export", args.file, args.what)


def _wrote(args: argparse.Namespace, out: TextIO, command: str, file: str, kind: str) -> None:
    if args.json:
        emit(out, command, {"wrote": file, "kind": kind})
    else:
        out.write(f"wrote {file} ({kind})\n")


def _convert(args: argparse.Namespace, out: TextIO) -> None:
    from ..files._document_types import KINDS
    from ..files.documents import dump, load, peek_kind

    kind = peek_kind(args.source)
    dump(load(args.source, KINDS[kind]), args.target)
    _wrote(args, out, "convert", args.target, kind)


def _schema(args: argparse.Namespace, out: TextIO) -> None:
    from ..files.schema import scenario_schema

    out.write(json.dumps(scenario_schema(), indent=2) + "\n")  # JSON with or without --json


HANDLERS: dict[str, Handler] = {
    "validate": _validate,
    "timeline": _timeline,
    "versions": _versions,
    "points": _points,
    "figures": _figures,
    "export": _export,
    "convert": _convert,
    "schema": _schema,
}
