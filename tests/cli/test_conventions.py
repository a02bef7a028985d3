"""The command line keeps Python's and Unix's conventions: --version, python -m, pipes, JSON
arrays, readable diffs, and an exit code of its own for internal errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import Any

import pytest

import gazaplan as gp
from gazaplan import cli

from ..support.cli import run


def test_the_program_has_a_version_and_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "gazaplan", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout.startswith("gazaplan ")
    assert done.stdout.split()[1][0].isdigit()
    code, out, _ = run("--version")
    assert code == 0
    assert out.startswith("gazaplan ")


def test_the_plan_version_option_is_plan() -> None:
    _, new, _ = run("report", "--plan", "2025-09-29", "--json")
    assert json.loads(new)["version"] == "2025-09-29"
    code, _, err = run("report", "--version", "2025-09-29")  # the name before 0.1.0: refused
    assert code == 2
    assert "unrecognized arguments: --version" in err
    _, helptext, _ = run("report", "--help")
    assert "--plan VERSION" in helptext
    assert "--version" not in helptext


def test_a_closed_pipe_ends_the_command_quietly() -> None:
    done = subprocess.run(
        f"{sys.executable} -m gazaplan report | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
        executable="/bin/bash",
    )
    assert done.stderr == ""
    assert len(done.stdout) == 10
    piped = subprocess.run(
        [sys.executable, "-m", "gazaplan", "timeline"], capture_output=True, check=False
    )
    assert piped.returncode == 0
    with subprocess.Popen(
        [sys.executable, "-m", "gazaplan", "report"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.read(5)
        proc.stdout.close()  # the reader goes away before the report is written
        err = proc.stderr.read()
        assert proc.wait() == 0
    assert b"Broken pipe" not in err
    assert b"Traceback" not in err


def _arrays(doc: Any, key: str) -> list[Any]:
    found = []
    if isinstance(doc, dict):
        for k, v in doc.items():
            if k == key:
                found.append(v)
            found += _arrays(v, key)
    elif isinstance(doc, list):
        for v in doc:
            found += _arrays(v, key)
    return found


@pytest.mark.parametrize(
    ("argv", "key"),
    [
        (["compliance"], "owed_by"),
        (["report"], "owed_by"),
        (["report", "--at-publication"], "points"),
        (["points"], "binds"),
        (["points"], "sources"),
        (["timeline"], "sources"),
    ],
)
def test_json_lists_are_arrays(argv: list[str], key: str) -> None:
    code, out, _ = run(*argv, "--json")
    assert code == 0
    values = _arrays(json.loads(out), key)
    assert values
    assert all(isinstance(v, list) for v in values), values[:3]


def test_json_gives_unknown_as_null() -> None:
    _, out, _ = run("compliance", "--json")
    items = json.loads(out)["items"]
    measures = [q for i in items for q in i["delivered"]]
    assert measures
    plain = (int, float, dict)  # a number, or {"contested": [claims]}
    assert all(q["delivered"] is None or isinstance(q["delivered"], plain) for q in measures)
    assert "unknown" not in json.dumps(measures)
    assert any(i["due"] is None for i in items)


def test_diff_prints_labels_and_source_changes() -> None:
    code, out, _ = run("diff", "2025-09-29", "2026-01-14")
    assert code == 0
    assert "Equals(" not in out
    assert "..." not in out
    assert "Amendment(" not in out
    terms = out.split("\nTerms:\n", 1)[1]
    rafah = next(line for line in terms.splitlines() if line.startswith("  aid.rafah"))
    assert "->" in rafah
    assert "sources" in rafah
    assert "open both ways -> open both ways" not in rafah


def test_a_second_position_of_a_party_is_not_lost_in_a_diff() -> None:
    plan = gp.plan("2025-09-29")
    extra = [
        gp.Position("hamas", f"said thing {i}", plan.sources[:1], as_of=None) for i in range(2)
    ]
    import attrs

    variant = attrs.evolve(plan, positions=(*plan.positions, *extra))
    added = [d for d in gp.diff(plan, variant).differences if d.kind == "position"]
    assert len(added) == 2


def test_an_internal_error_has_its_own_exit_code(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise ZeroDivisionError("a bug")

    from gazaplan.cli import _data as _commands_data

    monkeypatch.setitem(_commands_data.HANDLERS, "versions", broken)
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["versions"], out=out, err=err)
    assert code == cli.INTERNAL_ERROR == 3
    assert code not in (1, 2)
    assert err.getvalue().count("\n") == 1
    assert "internal error: ZeroDivisionError: a bug" in err.getvalue()
    assert "Traceback" not in err.getvalue()
    err = io.StringIO()
    assert cli.main(["versions", "--debug"], out=out, err=err) == 3
    assert "Traceback" in err.getvalue()
    assert "3 an internal error" in cli.EXIT_CODES
