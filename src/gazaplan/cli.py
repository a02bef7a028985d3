"""The ``gazaplan`` command. An edge module: nothing in the library imports it.

Commands (``gazaplan COMMAND --help`` for each):

  report      each phase's verdict and every obligation's status, with reasons (``--html FILE``
              writes the self-contained HTML report)
  check       a phase's preconditions (exit 1 unless they are as expected, MET by default), or
              the expectations of scenario files (exit 1 if one fails)
  compliance  every obligation's status as of ``--at`` (``--fail-on overdue`` for CI)
  diff        every difference between two plans (bundled versions or files)
  compare     the verdicts and statuses that differ between two plans over a timeline
  validate    read documents and check them; every problem at once, located
  timeline    the bundled (or a file's) events, dated and sourced
  versions    the bundled plan versions
  points, figures, export, convert, schema: the plan's points, its figures, files and the schema

Every command takes ``--json`` and then prints one JSON document (instants in RFC 3339,
durations in seconds, unknown as null). Exit codes: 0 done, 1 an expectation (or a
``--fail-on`` / ``--exit-code`` condition) failed, 2 bad input, with the error on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from typing import TextIO

from .exceptions import GazaplanError
from .records import Topic

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gazaplan",
        description="The 20-point Gaza plan of 29 September 2025 as explainable rules.",
        epilog="Exit codes: 0 done, 1 an expectation failed, 2 bad input (error on stderr).",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help, description=help)
        c.add_argument("--json", action="store_true", help="print one JSON document")
        return c

    def version(c: argparse.ArgumentParser) -> None:
        c.add_argument(
            "--version", dest="plan_version", default=None, help="plan version (default: latest)"
        )

    def at(c: argparse.ArgumentParser) -> None:
        c.add_argument(
            "--at", default=None, help="an RFC 3339 instant with offset (default: the last event)"
        )

    def timeline(c: argparse.ArgumentParser) -> None:
        c.add_argument(
            "--timeline", default=None, metavar="FILE",
            help="a timeline or scenario file to replay instead of the bundled timeline",
        )  # fmt: skip

    report = command("report", "each phase's verdict and obligations, with reasons")
    version(report)
    at(report)
    timeline(report)
    report.add_argument("--phase", default=None, help="report on one phase only, such as phase-1")
    report.add_argument(
        "--at-publication", action="store_true", help="the facts at publication, no timeline"
    )
    report.add_argument("--html", default=None, metavar="FILE", help="write the HTML report")
    report.add_argument("--no-plots", action="store_true", help="leave the plots out of --html")

    check = command("check", "a phase's preconditions, or scenario files' expectations")
    check.add_argument(
        "targets", nargs="+", metavar="PHASE|FILE", help="a phase id, or .toml/.json files"
    )
    version(check)
    at(check)
    timeline(check)
    check.add_argument(
        "--expect", default="met", choices=["met", "unmet", "unknown"],
        help="the verdict a phase's preconditions should have (default: met)",
    )  # fmt: skip
    check.add_argument("-q", "--quiet", action="store_true", help="print failures only")

    comp = command("compliance", "every obligation's status as of an instant, overdue first")
    version(comp)
    at(comp)
    timeline(comp)
    comp.add_argument(
        "--fail-on", action="append", default=[], metavar="STATUS",
        help="exit 1 if any obligation has this status (repeatable), such as overdue",
    )  # fmt: skip

    diff = command("diff", "every difference between two plans")
    diff.add_argument("a", metavar="A", help="a bundled version id, or a plan or scenario file")
    diff.add_argument("b", metavar="B")
    diff.add_argument("--exit-code", action="store_true", help="exit 1 if the plans differ")

    compare = command("compare", "verdicts and statuses that differ between two plans")
    compare.add_argument("a", metavar="A", help="a bundled version id, or a plan or scenario file")
    compare.add_argument("b", metavar="B")
    at(compare)
    timeline(compare)

    validate = command("validate", "read documents and check them; every problem, located")
    validate.add_argument("files", nargs="+", metavar="FILE")

    tl = command("timeline", "the events, dated and sourced")
    timeline(tl)
    tl.add_argument("--until", default=None, help="only the events up to this instant")

    command("versions", "the bundled plan versions")
    points = command("points", "the 20 points, paraphrased, with their sources")
    version(points)
    figures = command("figures", "reported figures and positions, attributed")
    version(figures)
    figures.add_argument("--topic", default=None, choices=[t.name.lower() for t in Topic])
    export = command("export", "write the bundled plan, timeline or a new scenario")
    export.add_argument("what", choices=["plan", "timeline", "scenario"])
    export.add_argument("file", metavar="FILE", help="where to write (.json or .toml)")
    version(export)
    convert = command("convert", "convert a document between JSON and TOML")
    convert.add_argument("source", metavar="IN")
    convert.add_argument("target", metavar="OUT")
    command("schema", "print the JSON Schema of scenario files")
    return p


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code (0 done, 1 expectations failed, 2 bad input).

    *out* and *err* default to the process's streams; tests pass their own.
    """
    from ._commands_data import HANDLERS

    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help (0) or a usage error (2), already printed
        return stop.code if isinstance(stop.code, int) else 2
    try:
        with contextlib.redirect_stderr(err):  # handlers report per-file problems on stderr
            return HANDLERS[args.command](args, out) or 0
    except GazaplanError as e:
        err.write(f"gazaplan: error: {e}\n")
        return 2
    except OSError as e:  # a file that cannot be read or written
        err.write(f"gazaplan: error: {e.filename or ''}: {e.strerror or e}\n")
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
