"""The ``gazaplan`` command: the parser, the command table and :func:`main`. Nothing in the
library imports it.

Commands (``gazaplan COMMAND --help`` for each)::

  status      where the plan stands: the phase and since when, what its next step waits on, who
              can block it, obligations breached or overdue, what the data leave unknown
  report      each phase's verdict and every obligation's status, with reasons (--html FILE
              writes the self-contained HTML report)
  check       a target's verdict (a phase's preconditions or completion, an obligation's trigger
              or completion; exit 1 unless as expected, MET by default), or the expectations of
              scenario files (exit 1 if one fails)
  compliance  every obligation's status as of --at (--fail-on overdue for CI; --csv PATH and
              --parquet PATH write its tables, as report and timeline do)
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
  sources     the sources outputs cite (``sources TAG``: publisher, date, title, address,
              reliability and what the source supports)
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
import functools
import importlib
import os
import sys
import textwrap
import traceback
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, TextIO

from ..core.records import Topic
from ..exceptions import GazaplanError
from ._signals import interrupt_code, interrupt_word, terminate_as_interrupt

if TYPE_CHECKING:
    from ._options import Handler

__all__ = ["COMMANDS", "EXAMPLES", "EXIT_CODES", "INTERNAL_ERROR", "handler", "main"]

INTERNAL_ERROR = 3
"""The exit code of an unexpected error inside gazaplan (a bug), as distinct from bad input."""

EXIT_CODES = (
    "Exit codes: 0 done; 1 an expectation (or --fail-on / --exit-code) failed; "
    "2 bad input, the error on stderr; 3 an internal error (a bug: --debug shows the traceback); "
    "130 interrupted (Ctrl-C; explore reports what it explored; sweep and simulate cancel "
    "what has not started); 143 terminated (SIGTERM, handled as Ctrl-C)."
)

EXAMPLES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "status": (
        ("gazaplan status", "where the plan stands, as far as the data reach"),
        ("gazaplan status --at 2025-10-20", "the same answer on an earlier day"),
        ("gazaplan status --csv status", "the answer as CSV tables with datapackage.json"),
    ),
    "report": (
        ("gazaplan report --phase phase-2", "one phase: its verdicts and obligations, why"),
        ("gazaplan report --at 2026-01-31 --html report.html", "the page, on a past day"),
        ("gazaplan report --csv report", "every table of the judgement, typed"),
    ),
    "check": (
        ("gazaplan check phase-2 perimeter.completion", "exit 1 unless both are met"),
        ("gazaplan check p13-decommission --expect unmet", "an obligation's completion"),
        ("gazaplan check phase-1 --at 2025-10-01 --json", "on a past day, for a script"),
    ),
    "compliance": (
        ("gazaplan compliance --at 2025-10-20", "every obligation on a day, news first"),
        ("gazaplan compliance --fail-on overdue", "exit 1 if any obligation is overdue"),
        ("gazaplan compliance --csv compliance.csv", "the table, its lifecycle beside it"),
    ),
    "diff": (
        ("gazaplan diff 2025-09-29 2026-08-09", "what changed in the plan's terms"),
        ("gazaplan diff 2025-09-29 2025-10-09 --exit-code", "exit 1 if they differ"),
    ),
    "compare": (
        ("gazaplan compare 2025-09-29 2026-08-09", "the verdicts that differ, and why"),
        ("gazaplan compare 2025-09-29 2026-08-09 --at 2026-01-31", "on a past day"),
    ),
    "analyse": (
        ("gazaplan analyse", "who waits for whom, who can block what, what must happen"),
        ("gazaplan analyse --phase perimeter", "one phase's paths and veto players"),
        ("gazaplan analyse --json", "the same, for a script"),
    ),
    "explore": (
        ("gazaplan explore --living 3 --deceased 3", "a small model: every order of moves"),
        ("gazaplan explore --living 3 --deceased 3 --target phase-2.completion", "one target"),
        ("gazaplan explore --whole-plan --living 1 --deceased 1", "every phase, a small model"),
    ),
    "sweep": (
        ("gazaplan sweep --grid exchange.remains_ratio=5:25", "one term, each value in turn"),
        ("gazaplan sweep --grid exchange.remains_ratio=5,15,25 --json", "for a script"),
        ("gazaplan sweep --explore --grid position.hamas=on,off", "a stated condition, explored"),
    ),
    "simulate": (
        ("gazaplan simulate bundled --delay 0:3 --runs 200", "every event 0-3 days late"),
        ("gazaplan simulate bundled --drop 0.1 --runs 200 --seed 7", "each event lost at 10%"),
    ),
    "validate": (
        ("gazaplan export scenario my.toml", "a scenario to start from"),
        ("gazaplan validate my.toml", "every problem in it, located"),
    ),
    "timeline": (
        ("gazaplan timeline --until 2025-12-31", "the events to the end of 2025"),
        ("gazaplan timeline --csv events", "the events as CSV with datapackage.json"),
    ),
    "versions": (
        ("gazaplan versions", "the plan's versions, each with what changed"),
        ("gazaplan versions --json", "the same, for a script"),
    ),
    "sources": (
        ("gazaplan sources", "every source: tag, publisher, date, title"),
        ("gazaplan sources WH 4 R8", "two sources in full, with what each supports"),
        ("gazaplan sources TL-2026-07-31-4 --json", "one source, for a script"),
    ),
    "points": (
        ("gazaplan points", "the 20 points, paraphrased, with their sources"),
        ("gazaplan points --plan 2025-09-29", "as published"),
    ),
    "figures": (
        ("gazaplan figures --topic hostages", "reported figures on one topic, attributed"),
        ("gazaplan figures --json", "every figure and position, for a script"),
    ),
    "export": (
        ("gazaplan export scenario my.toml", "a scenario file to edit"),
        ("gazaplan export timeline timeline.json", "the bundled timeline"),
    ),
    "convert": (
        ("gazaplan export scenario my.toml", "a TOML scenario"),
        ("gazaplan convert my.toml my.json", "the same document in JSON"),
    ),
    "schema": (
        ("gazaplan schema", "the JSON Schema of scenario files, for an editor"),
        ("gazaplan schema --json", "the same, as one JSON document"),
    ),
    "data validate": (
        ("gazaplan data validate", "the bundled dataset, as the library reads it"),
        ("gazaplan data validate --json", "every problem, located, for a script"),
    ),
    "data releases": (
        ("gazaplan data releases", "how far each release reaches, what it leaves unknown"),
        ("gazaplan data releases --json", "the same, for a script"),
    ),
    "data diff": (
        ("gazaplan data diff", "what the latest release changes"),
        ("gazaplan data diff 2026.05 2026.10 --exit-code", "exit 1 if a verdict changes"),
    ),
    "data export": (
        ("gazaplan data export scores", "events and scores as CSV, typed"),
        ("gazaplan data export --format sqlite gazaplan.db", "one database, for Datasette"),
        ("gazaplan data export scores-may --release 2026.05", "as the May release had them"),
    ),
    "event new": (("gazaplan event new", "a commented template of a new dataset entry"),),
    "site": (
        ("gazaplan site tracker", "the tracker of the latest release, in the folder tracker"),
        ("gazaplan site tracker-may --release 2026.05", "as the May release had it"),
        ("gazaplan site tracker --force --no-plots", "rebuild over any folder, charts left out"),
    ),
}
"""Each command's examples: the command line, and what it does. Its ``--help`` ends with them;
``tests/cli/test_examples.py`` runs every one."""


def _epilog(name: str) -> str:
    """A command's help ending: the exit codes, then its examples."""
    lines = [f"  # {what}\n  {line}" for line, what in EXAMPLES.get(name, ())]
    examples = "\n\nexamples:\n" + "\n".join(lines) if lines else ""
    return textwrap.fill(EXIT_CODES, 78) + examples


@functools.cache  # built once a process: parsing leaves a parser as it was, and main runs often
def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gazaplan",
        description="The 20-point Gaza plan of 29 September 2025 as explainable rules.",
        epilog=EXIT_CODES,
    )
    p.add_argument("--version", action="version", version=f"gazaplan {_program_version()}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, aliases: Sequence[str] = ()) -> argparse.ArgumentParser:
        c = sub.add_parser(
            name,
            help=help,
            description=help,
            epilog=_epilog(name),
            aliases=aliases,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
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

    def exports(c: argparse.ArgumentParser) -> None:
        c.add_argument(
            "--csv", default=None, metavar="PATH",
            help="write the tables as CSV with a Frictionless datapackage.json: PATH a folder "
            "(made if missing), or a .csv file for the main table, the others beside it",
        )  # fmt: skip
        c.add_argument(
            "--parquet", default=None, metavar="PATH",
            help="write the tables as Parquet (the pandas extra): PATH as for --csv",
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

    status = command("status", "where the plan stands, in a few lines a reporter can quote")
    version(status)
    at(status)
    timeline(status)
    exports(status)

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
    exports(report)

    check = command("check", "a target's verdict (a phase, its completion, an obligation), or "
                    "scenario files' expectations")  # fmt: skip
    check.add_argument(
        "targets", nargs="+", metavar="TARGET|FILE",
        help="a target as explore and analyse take it (phase-2: its preconditions; "
        "phase-2.completion; p13-decommission: its completion; p13-decommission.trigger), or "
        ".toml/.json scenario files",
    )  # fmt: skip
    version(check)
    at(check)
    timeline(check)
    check.add_argument(
        "--expect", default="met", choices=["met", "unmet", "unknown"],
        help="the verdict each target should have (default: met)",
    )  # fmt: skip
    check.add_argument("-q", "--quiet", action="store_true", help="print failures only")

    comp = command("compliance", "every obligation's status as of an instant, news first")
    version(comp)
    at(comp)
    timeline(comp)
    comp.add_argument(
        "--fail-on", action="append", default=[], metavar="STATUS",
        help="exit 1 if any obligation has this status (repeatable), such as overdue",
    )  # fmt: skip
    exports(comp)

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
    ex.add_argument("--whole-plan", action="store_true",
                    help="every phase's moves, not only phases 1 and 2 (about 15 million states "
                    "with --living 1 --deceased 1)")  # fmt: skip
    ex.add_argument("--living", type=int, default=20, help="living hostages (default 20)")
    ex.add_argument("--deceased", type=int, default=28, help="deceased hostages (default 28)")
    ex.add_argument("--max-depth", type=int, default=None, help="stop after this many moves")
    ex.add_argument("--max-states", type=int, default=None, metavar="N",
                    help="stop with an error beyond N states, 1 to 1,000,000,000 (default: half the "
                    "memory left under the tightest of the machine's free memory, the container's "
                    "cgroup limit and the process's RLIMIT_AS, at 16 bytes a state with the array "
                    "engine, 130 with the set engine)")  # fmt: skip
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
    ex.add_argument("--engine", choices=("auto", "arrays", "sets"), default="auto",
                    help="arrays: numpy, a layer at a time (the explore extra); sets: Python "
                    "integers, a state at a time; auto (default): arrays where numpy is "
                    "installed. Both find the same.")  # fmt: skip
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
    exports(tl)

    command("versions", "the bundled plan versions")
    cited = command(
        "sources", "the sources the outputs cite: publisher, date, title, address, reliability "
        "and what each supports",
    )  # fmt: skip
    cited.add_argument(
        "tags", nargs="*", metavar="TAG",
        help="a source's code as outputs cite it (WH, R8, TL-2026-07-31-4; WH 4 is WH, cited "
        "for point 4); none: the whole register, one line each",
    )  # fmt: skip
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

    site = command(
        "site", "the tracker: a static site of one release (pages for every point, obligation, "
        "party and release; the timeline, sources, charts and the data as downloads)",
    )  # fmt: skip
    site.add_argument(
        "directory", metavar="DIR",
        help="the folder to build (made if missing; one holding anything but an earlier site "
        "is refused without --force)",
    )  # fmt: skip
    site.add_argument("--release", default=None, metavar="VERSION", help="default: the latest")
    site.add_argument("--force", action="store_true", help="replace DIR whole, whatever it holds")
    site.add_argument(
        "--no-plots", action="store_true", help="leave the charts out (no matplotlib needed)"
    )
    version(site)

    data = sub.add_parser(
        "data", help="the bundled dataset: validate, releases, diff", description="The "
        "timeline as a reviewed dataset: check a data file, list releases, or diff two releases.",
        epilog=EXIT_CODES,
    )  # fmt: skip
    data_sub = data.add_subparsers(dest="data_command", required=True, metavar="ACTION")

    def action(name: str, help: str) -> argparse.ArgumentParser:
        c = data_sub.add_parser(
            name,
            help=help,
            description=help,
            epilog=_epilog(f"data {name}"),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
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
    de = action(
        "export",
        "events and implementation scores as CSV with a column descriptor, or the whole "
        "judgement as one SQLite database (--format sqlite) with Datasette's metadata",
    )
    de.add_argument(
        "directory", metavar="PATH",
        help="the folder to write the CSV files into; with --format sqlite, the database file",
    )  # fmt: skip
    de.add_argument(
        "--format", choices=["csv", "sqlite"], default="csv",
        help="csv (default): a file per table and datapackage.json; sqlite: one database with "
        "foreign keys, full-text search over events and sources, and NAME.metadata.json beside "
        "it for Datasette",
    )  # fmt: skip
    de.add_argument("--release", default=None, metavar="VERSION", help="default: the latest")
    de.add_argument("--file", default=None, metavar="FILE", help="a dataset file to read instead")

    event = sub.add_parser("event", help="a template for a new dataset entry", epilog=EXIT_CODES)
    event_sub = event.add_subparsers(dest="event_command", required=True, metavar="ACTION")
    new = event_sub.add_parser(
        "new",
        help="print a commented template of a new entry",
        epilog=_epilog("event new"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
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
        help="a term, deadline.<obligation>, since.<obligation> or position.<party> (on,off) "
        "and its values: LOW:HIGH, LOW:HIGH:STEP or a,b,c (repeatable: every combination); "
        "with --explore also model.living, model.deceased, model.whole_plan",
    )
    sweep.add_argument(
        "--explore",
        action="store_true",
        help="judge each variant by exploring the bundled action model (which phases some "
        "order of moves reaches, what blocks the rest) instead of replaying the timeline",
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
    "status": "_judging",
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
    "site": "_site",
    "validate": "_data",
    "timeline": "_data",
    "versions": "_data",
    "sources": "_sources",
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
