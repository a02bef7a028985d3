"""The ``gazaplan`` command run in-process, for the tests: exit code, stdout and stderr."""

from __future__ import annotations

import io
import json
from typing import Any

from gazaplan.cli import main

__all__ = ["run", "run_json"]


def run(*argv: str) -> tuple[int, str, str]:
    """Run ``gazaplan ARGV...``; its exit code and what it wrote to stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def run_json(*argv: str) -> tuple[int, Any]:
    """Run ``gazaplan ARGV... --json``; its exit code and the one JSON document it printed."""
    code, out, _ = run(*argv, "--json")
    return code, json.loads(out)
