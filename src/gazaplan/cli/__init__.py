"""The ``gazaplan`` command: ``main`` parses the arguments, looks the command up in the table
(:data:`gazaplan.cli._main.COMMANDS`) and imports its handlers' module only then, so a command
loads what it needs and no more. Nothing in the library imports this package.

Modules, bottom-up (each imports only the ones listed before it)::

    _signals      SIGTERM handled as Ctrl-C while a command runs; the exit code of each
    _options      what the commands share: --plan, --at, --timeline, --release; --json output
    _judging      report, check, compliance, diff, compare
    _analyse      analyse (analyze): the structure report
    _dataset      data (validate, releases, diff, export) and event new
    _site         site: the tracker, a static site of one release
    _explore      explore, and the model in Promela
    _runs         sweep and simulate
    _data         validate, timeline, versions, points, figures, export, convert, schema
    _sources      sources: the source register, every code an output cites looked up
    _main         the parser, the command table, main

Public surface: :func:`main` (the ``gazaplan`` script and ``python -m gazaplan``),
:data:`EXIT_CODES` and :data:`INTERNAL_ERROR`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import _loading

# The public names, by home module, loaded on first use (gazaplan._loading).
if TYPE_CHECKING:
    from ._main import (
        EXIT_CODES as EXIT_CODES,
    )
    from ._main import (
        INTERNAL_ERROR as INTERNAL_ERROR,
    )
    from ._main import (
        main as main,
    )


def __getattr__(name: str) -> Any:
    return _loading.load(__name__, __file__, globals(), name)


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = ["EXIT_CODES", "INTERNAL_ERROR", "main"]
