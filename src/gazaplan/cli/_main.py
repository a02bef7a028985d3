"""The ``gazaplan`` command: the parser, the command table and :func:`main`. Nothing in the
library imports it.

Commands (``gazaplan COMMAND --help`` for each)::

  report      each phase's verdict and every obligation's status, with reasons (--html FILE
              writes the self-contained HTML report)
  check       a phase's preconditions (exit 1 unless they are as expected, MET by default), or
              the expectations of scenario files (exit 1 if one fails)
  compliance  every obligation's status as of --at (--fail-on overdue for CI)
  analyse     the plan's structure from the state at --at: obligations that wait on each other,
              veto players, what must happen for the next phase, the unknowns that matter most
              (``analyze`` is the same; ``--no-positions`` leaves the stated positions out)
  explore     every order of the bundled model's moves, exhaustively: reachable targets, deadlocks,
              stuck targets, shortest witnesses (--positions, --never PARTY[:ACTION], --target)
  sweep       the plan judged at every point of a grid (--grid exchange.remains_ratio=5:25;
              --workers N, --scheduler ADDRESS)
  simulate    a scenario's timeline perturbed at random (--delay 0:3, --drop P, --pick-claims),
              --runs N times with --seed S: each obligation's statuses with their probabilities
  diff        every difference between two plans (bundled versions or files)
  compare     the verdicts and statuses that differ between two plans over a timeline
  validate    read documents and check them; every problem at once, located
  timeline    the bundled (or a file's) events, dated and sourced
  versions    the bundled plan versions
  points, figures, export, convert, schema: the plan's points, its figures, files and the schema
  data        the bundled dataset: ``data validate [FILE...]``, ``data releases``,
              ``data diff [OLD] [NEW]`` (what a release changes, verdicts included),
              ``data export DIR`` (events and implementation scores as CSV)
  event new   a commented template of a new dataset entry

Every command takes ``--json`` and then prints one JSON document (instants in RFC 3339,
durations in seconds, lists as arrays, unknown as null), and ``--debug``. Commands that read a plan
take ``--plan VERSION``. ``gazaplan --version`` prints the program's version; ``python -m
gazaplan`` is the same command. Exit codes: 0 done, 1 an expectation (or a ``--fail-on`` /
``--exit-code`` condition) failed, 2 bad input, with the error on stderr, 3 an internal error
(a bug in gazaplan; ``--debug`` prints its traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
import traceback
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, TextIO

from ..core.records import Topic
from ..exceptions import GazaplanError
from ._signals import interrupt_code, interrupt_word, terminate_as_interrupt

if TYPE_CHECKING:
    from ._options import Handler

__all__ = ["COMMANDS", "EXIT_CODES", "INTERNAL_ERROR", "handler", "main"]

INTERNAL_ERROR = 3
"""The exit code of an unexpected error inside gazaplan (a bug), as distinct from bad input."""

EXIT_CODES = (
    "Exit codes: 0 done; 1 an expectation (or --fail-on / --exit-code) failed; "
    "2 bad input, the error on stderr; 3 an internal error (a bug: --debug shows the traceback); "
    "130 interrupted (Ctrl-C; explore reports what it explored; sweep and simulate cancel "
    "what has not started); 143 terminated (SIGTERM, handled as Ctrl-C)."
)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gazaplan",
        description="The 20-point Gaza plan of 29 September 2025 as explainable rules.",
        epilog=EXIT_CODES,
    )
    p.add_argument("--version", action="version", version=f"gazaplan {_program_version()}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, aliases: Sequence[str] = ()) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help, description=help, epilog=EXIT_CODES, aliases=aliases)
        c.add_argument("--json", action="store_true", help="print one JSON document")
        c.add_argument(
            "--debug", action="store_true", help="on an internal error, print the traceback"
        )
        return c

    def version(c: argparse.ArgumentParser) -> None:
        c.add_argument(
            "--plan", dest="plan_version", default=None, metavar="VERSION",
            help="the bundled plan version judging (default: the version in force at each "
            "instant; see gazaplan versions)",
        )  # fmt: skip

    def at(c: argparse.ArgumentParser) -> None:
        c.add_argument(
            "--at", default=None, metavar="WHEN",
            help="the instant judged: a date (2025-10-13, the end of that day, local time), a "
            "local time (2025-10-13T12:00) or RFC 3339 (default: the data's as_of)",
        )  # fmt: skip
        c.add_argument(
            "--assume-unchanged", action="store_true",
            help="past the data's edge, carry every fact forward as last known (default: facts "
            "that can change back are unknown there)",
        )  # fmt: skip

    def timeline(c: argparse.ArgumentParser) -> None:
        c.add_argument(
            "--timeline", default=None, metavar="FILE",
            help="a timeline or scenario file to replay instead of the bundled timeline",
        )  # fmt: skip
        c.add_argument(
            "--release", default=None, metavar="VERSION",
            help="the bundled dataset's release to replay (default: the latest; see data releases)",
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

    an = command("analyse", "who waits for whom, veto players, what must happen", ["analyze"])
    version(an)
    at(an)
    timeline(an)
    an.add_argument("--phase", default=None, help="the phase whose way forward to show "
                    "(default: the next to open)")  # fmt: skip
    an.add_argument(
        "--positions", action=argparse.BooleanOptionalAction, default=True,
        help="take the parties' stated positions into account (default; --no-positions: the "
        "plan's terms only)",
    )  # fmt: skip
    an.add_argument("--limit", type=int, default=8, help="the largest set of changes looked for")

    ex = command("explore", "every order of the parties' moves, exhaustively: what is reachable")
    version(ex)
    ex.add_argument("--target", action="append", default=[], metavar="TARGET",
                    help="a phase or obligation target (repeatable; default: every phase's "
                    "entry and completion), such as phase-2.completion")  # fmt: skip
    ex.add_argument("--never", action="append", default=[], metavar="PARTY[:ACTION]",
                    help="a party that never makes a move (or this move); repeatable")  # fmt: skip
    ex.add_argument("--positions", action="store_true",
                    help="judge the moves as the parties' stated positions would have them")  # fmt: skip
    ex.add_argument("--living", type=int, default=20, help="living hostages (default 20)")
    ex.add_argument("--deceased", type=int, default=28, help="deceased hostages (default 28)")
    ex.add_argument("--max-depth", type=int, default=None, help="stop after this many moves")
    ex.add_argument("--max-states", type=int, default=None, metavar="N",
                    help="stop with an error beyond N states, 1 to 1,000,000,000 (default: half the "
                    "memory left under the tightest of the machine's free memory, the container's "
                    "cgroup limit and the process's RLIMIT_AS, at 130 bytes a state)")  # fmt: skip
    ex.add_argument("--invariant", action="append", default=[], metavar="CONDITION",
                    help="what should hold in every state: FACT=VALUE, FACT!=VALUE, a target "
                    "(not TARGET: its negation) or a condition file (.json/.toml); repeatable")  # fmt: skip
    ex.add_argument("--witness", default=None, metavar="FILE",
                    help="write a witness as a scenario file (.toml/.json) that gazaplan check "
                    "replays")  # fmt: skip
    ex.add_argument("--witness-of", default=None, metavar="FINDING",
                    help="which finding's witness: a target, deadlock, livelock or an invariant "
                    "(default: the livelock if a target is stuck, else the last reached target)")  # fmt: skip
    ex.add_argument("-q", "--quiet", action="store_true",
                    help="no progress line on stderr (it shows only on a terminal)")  # fmt: skip
    ex.add_argument("--to-promela", default=None, metavar="FILE",
                    help="write the model in Promela for SPIN (targets as assertions) and stop")  # fmt: skip

    sw = command("sweep", "the plan judged at every point of a grid of terms and deadlines")
    version(sw)
    at(sw)
    timeline(sw)
    sim = command(
        "simulate",
        "a scenario's timeline perturbed at random, many runs: how likely each status is",
    )
    version(sim)
    at(sim)
    sim.add_argument(
        "--release", default=None, metavar="VERSION",
        help="with 'bundled': the dataset's release (default: the latest)",
    )  # fmt: skip
    _runs_arguments(sw, sim)

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
    version(validate)  # a timeline, state or event must fit this plan (a scenario names its own)

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

    data = sub.add_parser(
        "data", help="the bundled dataset: validate, releases, diff", description="The "
        "timeline as a reviewed dataset: check a data file, list releases, or diff two releases.",
        epilog=EXIT_CODES,
    )  # fmt: skip
    data_sub = data.add_subparsers(dest="data_command", required=True, metavar="ACTION")

    def action(name: str, help: str) -> argparse.ArgumentParser:
        c = data_sub.add_parser(name, help=help, description=help, epilog=EXIT_CODES)
        c.add_argument("--json", action="store_true", help="print one JSON document")
        c.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
        version(c)
        return c

    dv = action("validate", "read dataset files as the library does; every problem, located")
    dv.add_argument("files", nargs="*", metavar="FILE", help="dataset files (default: the bundled)")
    dr = action("releases", "the releases: how far each reaches, and what it leaves unknown")
    dr.add_argument("--file", default=None, metavar="FILE", help="a dataset file to read instead")
    dd = action("diff", "what a release changes: entries, and the verdicts the new data changes")
    dd.add_argument(
        "old", nargs="?", default=None, metavar="OLD", help="default: the one before NEW"
    )
    dd.add_argument("new", nargs="?", default=None, metavar="NEW", help="default: the latest")
    dd.add_argument("--file", default=None, metavar="FILE", help="a dataset file to read instead")
    dd.add_argument("--candidates", action="store_true", help="include candidate entries")
    dd.add_argument("--exit-code", action="store_true", help="exit 1 if a verdict changes")
    de = action("export", "events and implementation scores as CSV, with a column descriptor")
    de.add_argument("directory", metavar="DIR", help="where to write the three files")
    de.add_argument("--release", default=None, metavar="VERSION", help="default: the latest")
    de.add_argument("--file", default=None, metavar="FILE", help="a dataset file to read instead")

    event = sub.add_parser("event", help="a template for a new dataset entry", epilog=EXIT_CODES)
    event_sub = event.add_subparsers(dest="event_command", required=True, metavar="ACTION")
    new = event_sub.add_parser("new", help="print a commented template of a new entry")
    new.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    new.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    return p


def _runs_arguments(sweep: argparse.ArgumentParser, simulate: argparse.ArgumentParser) -> None:
    """The two commands' own options (the parser adds --plan, --timeline, --at, --json)."""
    sweep.add_argument(
        "--grid",
        action="append",
        default=[],
        metavar="PATH=VALUES",
        help="a term, deadline.<obligation> or since.<obligation> and its values: "
        "LOW:HIGH, LOW:HIGH:STEP or a,b,c (repeatable: every combination)",
    )
    sweep.add_argument(
        "--max-variants",
        type=int,
        default=None,
        metavar="N",
        help="judge a grid of up to N variants (default 10,000, the library's MAX_VARIANTS; "
        "at most 1,000,000,000); a larger grid is refused before any work",
    )
    simulate.add_argument(
        "scenario",
        metavar="SCENARIO",
        help="a scenario file, or 'bundled' (the bundled plan and timeline)",
    )
    simulate.add_argument(
        "--delay",
        action="append",
        default=[],
        metavar="[EVENTS=]SPEC",
        help="delay events by N, LOW:HIGH (uniform) or LOW:MODE:HIGH days "
        "(hours with h: 0:12h); EVENTS an event id or kind (repeatable)",
    )
    simulate.add_argument(
        "--drop",
        action="append",
        default=[],
        metavar="[EVENTS=]P",
        help="leave events out with probability P (repeatable)",
    )
    simulate.add_argument(
        "--perturbation",
        default=None,
        metavar="FILE",
        help='a perturbation file (.toml/.json, document = "perturbation"); the options add to it',
    )
    simulate.add_argument(
        "--pick-claims", action="store_true", help="in each run, one claim of each contested value"
    )
    simulate.add_argument(
        "--runs",
        type=int,
        default=1000,
        help="how many runs (default 1000; at most 10,000,000, the library's MAX_RUNS)",
    )
    simulate.add_argument(
        "--keep-runs",
        action="store_true",
        help="with --json, also every run's statuses (run_rows; at most 1,000,000 runs); "
        "without it the runs are counted as they come",
    )
    simulate.add_argument(
        "--seed",
        type=int,
        default=1,
        help="the seed (default 1): the same seed gives the same runs anywhere",
    )
    simulate.add_argument(
        "--extremes",
        default=None,
        metavar="DIR",
        help="write the latest and the least late runs as scenario files",
    )
    for c in (sweep, simulate):
        c.add_argument(
            "--workers",
            type=int,
            default=None,
            metavar="N",
            help="run in N worker processes (default: here, in one)",
        )
        c.add_argument(
            "--scheduler",
            default=None,
            metavar="ADDRESS",
            help="run on the Dask scheduler at ADDRESS (the dask extra)",
        )
        c.add_argument(
            "--timeout",
            type=float,
            default=10.0,
            help="seconds to wait for the scheduler (default 10)",
        )
        c.add_argument("-q", "--quiet", action="store_true", help="no progress bar on stderr")


def _program_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gazaplan")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


COMMANDS: Final[dict[str, str]] = {
    "report": "_judging",
    "check": "_judging",
    "compliance": "_judging",
    "diff": "_judging",
    "compare": "_judging",
    "analyse": "_analyse",
    "analyze": "_analyse",
    "explore": "_explore",
    "sweep": "_runs",
    "simulate": "_runs",
    "data": "_dataset",
    "event": "_dataset",
    "validate": "_data",
    "timeline": "_data",
    "versions": "_data",
    "points": "_data",
    "figures": "_data",
    "export": "_data",
    "convert": "_data",
    "schema": "_data",
}
"""Each command and the module (of this package) whose ``HANDLERS`` runs it. A command imports
its module only when it runs: ``gazaplan report`` loads no explorer, runs or structure."""


def handler(command: str) -> Handler:
    """The function that runs one command (its module imported now).

    Args:
        command: the command's name (an alias included), a key of :data:`COMMANDS`.

    Returns:
        The command's handler.

    Raises:
        KeyError: if no command has that name.
    """
    module = importlib.import_module(f"{__package__}.{COMMANDS[command]}")
    found: Handler = module.HANDLERS[command]
    return found


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line.

    A closed output pipe (``gazaplan timeline | head -1``) ends the command quietly with 0. Bad
    input is reported on *err* and exits with 2; no error escapes.

    Args:
        argv: the arguments, without the program's name (None: the process's own).
        out: where the output goes (None: the process's stdout); tests pass their own.
        err: where errors go (None: the process's stderr); tests pass their own.

    Returns:
        The exit code (see :data:`EXIT_CODES`).
    """
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help, --version (0) or a usage error (2), already printed
        return stop.code if isinstance(stop.code, int) else 2
    try:
        # handlers report per-file problems on stderr; SIGTERM stops a command as Ctrl-C does
        with contextlib.redirect_stderr(err), terminate_as_interrupt() as caught:
            code = handler(args.command)(args, out) or 0
            out.flush()
            return caught.exit_code(code)
    except BrokenPipeError:
        _quiet_pipe(out)
        return 0
    except KeyboardInterrupt as stop:  # Ctrl-C (or SIGTERM) before a command's own handling
        err.write(f"gazaplan: {interrupt_word(stop)}\n")
        return interrupt_code(stop)
    except GazaplanError as e:
        err.write(f"gazaplan: error: {e}\n")
        return 2
    except OSError as e:  # a file that cannot be read or written
        err.write(f"gazaplan: error: {e.filename or ''}: {e.strerror or e}\n")
        return 2
    except Exception as e:  # a bug in gazaplan, not in the input: its own exit code
        if args.debug:
            traceback.print_exception(e, file=err)
        first = (str(e).splitlines() or [""])[0]
        err.write(
            f"gazaplan: internal error: {type(e).__name__}: {first[:200]} "
            "(this is a bug in gazaplan; --debug prints the traceback)\n"
        )
        return INTERNAL_ERROR


def _quiet_pipe(out: TextIO) -> None:
    """After the reader closed the pipe, point the stream at /dev/null, so that Python's own
    flush at exit does not report the broken pipe again."""
    try:
        fd = out.fileno()
    except (OSError, ValueError):
        return  # not a real file (a test's StringIO)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
