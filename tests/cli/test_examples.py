"""Every command's ``--help`` ends with examples, and every example runs as printed."""

from __future__ import annotations

import io
import shlex
from pathlib import Path

import pytest

from gazaplan.cli import _main, main

ALL = sorted(_main.EXAMPLES)


def test_every_command_has_examples() -> None:
    commands = set(_main.COMMANDS) - {"analyze", "data", "event"}  # an alias; two groups
    actions = {"data validate", "data releases", "data diff", "data export", "event new"}
    assert set(_main.EXAMPLES) == commands | actions
    for name, examples in _main.EXAMPLES.items():
        assert 1 <= len(examples) <= 3, name
        assert len(examples) >= 2 or name == "event new", name  # one form only
        for line, what in examples:
            assert line.startswith("gazaplan "), line
            assert what, line
            assert len(f"  # {what}") <= 80, what  # fits a terminal
            assert len(f"  {line}") <= 80, line


@pytest.mark.parametrize("name", ALL)
def test_the_help_ends_with_the_examples(name: str) -> None:
    out = io.StringIO()
    assert main([*name.split(), "--help"], out=out, err=io.StringIO()) == 0
    shown = out.getvalue()
    tail = shown.rsplit("examples:\n", 1)[1]
    assert tail.splitlines() == [
        x for line, what in _main.EXAMPLES[name] for x in (f"  # {what}", f"  {line}")
    ]


@pytest.mark.parametrize("name", ALL)
def test_every_example_runs(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # what an example writes goes here
    for line, _ in _main.EXAMPLES[name]:
        out, err = io.StringIO(), io.StringIO()
        code = main(shlex.split(line)[1:], out=out, err=err)
        assert code in (0, 1), (line, err.getvalue())  # 1: an expectation, as the line says
        assert out.getvalue(), line
