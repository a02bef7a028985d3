"""The ``gazaplan`` command. An edge module: nothing in the library imports it.

``gazaplan report`` replays the bundled timeline to its last event (or ``--at``) and prints each
phase's verdict with its reasons, then each obligation's compliance (``--at-publication``: the facts
at publication instead); ``gazaplan points`` lists the 20 points with their sources;
``gazaplan figures`` lists the reported figures and the parties' positions, attributed.
``gazaplan check FILE...`` runs the expectations of scenario files; ``gazaplan export`` writes the
bundled plan, timeline or a starting scenario as a file; ``gazaplan convert`` turns a document from
JSON to TOML or back; ``gazaplan schema`` prints the JSON Schema of scenario files.
Exit codes: 0 done, 1 an expectation failed, 2 bad input (the error goes to stderr).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from . import catalog
from ._compliance import compliance
from .exceptions import GazaplanError, InvalidValueError
from .records import Topic
from .rules import check_phase, check_plan
from .sources import cite
from .state import State
from .timelines import replay

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gazaplan", description="The 20-point Gaza plan as explainable rules."
    )
    sub = p.add_subparsers(dest="command", required=True)
    report = sub.add_parser("report", help="each phase's verdict and obligations, with reasons")
    report.add_argument(
        "--version", dest="plan_version", default=None, help="plan version (default: latest)"
    )
    report.add_argument("--phase", default=None, help="report on one phase only, such as phase-1")
    report.add_argument(
        "--at", default=None, help="an ISO 8601 instant with offset (default: the last event)"
    )
    report.add_argument(
        "--at-publication",
        action="store_true",
        help="the facts at publication instead of the timeline",
    )
    points = sub.add_parser("points", help="the 20 points, paraphrased, with their sources")
    points.add_argument("--version", dest="plan_version", default=None)
    figures = sub.add_parser("figures", help="reported figures and positions, attributed")
    figures.add_argument("--version", dest="plan_version", default=None)
    figures.add_argument("--topic", default=None, choices=[t.name.lower() for t in Topic])
    check = sub.add_parser("check", help="run the expectations of scenario files")
    check.add_argument("files", nargs="+", metavar="FILE", help="scenario files (.json or .toml)")
    check.add_argument("-q", "--quiet", action="store_true", help="print failures only")
    export = sub.add_parser("export", help="write the bundled plan, timeline or a new scenario")
    export.add_argument("what", choices=["plan", "timeline", "scenario"])
    export.add_argument("file", metavar="FILE", help="where to write (.json or .toml)")
    export.add_argument("--version", dest="plan_version", default=None)
    convert = sub.add_parser("convert", help="convert a document between JSON and TOML")
    convert.add_argument("source", metavar="IN")
    convert.add_argument("target", metavar="OUT")
    sub.add_parser("schema", help="print the JSON Schema of scenario files")
    return p


def _instant(text: str) -> dt.datetime:
    try:
        at = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidValueError(
            "--at", text, "not an ISO 8601 instant", "Write e.g. 2025-10-13T12:00+03:00."
        ) from None
    if at.utcoffset() is None:
        raise InvalidValueError(
            "--at", text, "the instant has no offset", "Add one, e.g. +03:00 or Z."
        )
    return at


def _report(args: argparse.Namespace, out: TextIO) -> None:
    plan = catalog.plan(args.plan_version)
    if args.at_publication:
        state = State.initial(plan)
        out.write(
            f"State: the facts at the plan's publication ({plan.start_date}); facts no source gives "
            "are unknown.\n\n"
        )
    else:
        tl = catalog.timeline()
        at = _instant(args.at) if args.at else tl.last
        state = replay(plan, tl, at)
        shown = tl.until(at) if at is not None else tl
        out.write(
            f"State: the bundled timeline replayed to {at.isoformat() if at else 'its end'} "
            f"({len(shown)} of {len(tl)} events); facts no source gives are unknown.\n\n"
        )
    if args.phase is not None:
        out.write(check_phase(plan, args.phase, state).explain() + "\n")
        return
    out.write(check_plan(plan, state).explain())
    if not args.at_publication:
        out.write("\n" + compliance(plan, catalog.timeline(), at).explain())


def _points(args: argparse.Namespace, out: TextIO) -> None:
    plan = catalog.plan(args.plan_version)
    for p in plan.provisions:
        out.write(f"{p.number:>2}. {p.title} ({p.nature}) {cite(p.sources)}\n    {p.paraphrase}\n")
        if p.obligor_note:
            out.write(f"    Obligor: {p.obligor_note}\n")
        if p.note:
            out.write(f"    Note: {p.note}\n")


def _figures(args: argparse.Namespace, out: TextIO) -> None:
    plan = catalog.plan(args.plan_version)
    topic = Topic[args.topic.upper()] if args.topic else None
    out.write("Figures\n")
    for f in plan.find_figures(topic=topic):
        out.write(f"  - {f}\n")
    out.write("Positions\n")
    for pos in plan.positions:
        if topic is None or topic in pos.topics:
            out.write(f"  - {pos}\n")


def _check(args: argparse.Namespace, out: TextIO) -> int:
    from .documents import load_scenario
    from .scenarios import check_scenario

    failed = 0
    for name in args.files:
        result = check_scenario(load_scenario(name))
        failed += not result.passed
        if args.quiet:
            text = "\n".join(str(o) for o in result.failures)
            out.write(f"{name}: {text}\n" if text else "")
        else:
            out.write(f"{name}\n{result.explain()}\n")
    return 1 if failed else 0


def _export(args: argparse.Namespace, out: TextIO) -> None:
    from .documents import dump
    from .scenarios import Scenario

    plan = catalog.plan(args.plan_version)
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
    out.write(f"wrote {args.file}\n")


def _convert(args: argparse.Namespace, out: TextIO) -> None:
    from ._document_types import KINDS
    from .documents import dump, load, peek_kind

    kind = peek_kind(args.source)
    dump(load(args.source, KINDS[kind]), args.target)
    out.write(f"wrote {args.target} ({kind})\n")


def _schema(args: argparse.Namespace, out: TextIO) -> None:
    import json

    from .schema import scenario_schema

    out.write(json.dumps(scenario_schema(), indent=2) + "\n")


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code (0 done, 1 expectations failed, 2 bad input)."""
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    args = _parser().parse_args(argv)
    handlers: dict[str, Callable[[argparse.Namespace, TextIO], int | None]] = {
        "report": _report,
        "points": _points,
        "figures": _figures,
        "check": _check,
        "export": _export,
        "convert": _convert,
        "schema": _schema,
    }
    try:
        return handlers[args.command](args, out) or 0
    except GazaplanError as e:
        err.write(f"gazaplan: error: {e}\n")
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
