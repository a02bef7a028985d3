"""The command ``sources``: the source register, so that every code an output cites can be looked
up (``gazaplan sources WH R8``)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from .. import catalog
from ..catalog.register import SourceEntry
from ._options import Handler, emit

__all__ = ["HANDLERS", "tags_asked"]


def tags_asked(words: list[str]) -> list[str]:
    """The tags a command line asks for, a point number joined to the tag before it.

    An output cites ``WH 4`` (the White House text, for point 4); typed unquoted, that is two
    words, read here as one citation.

    Args:
        words: the command line's tags, as given.

    Returns:
        The citations, such as ``["WH 4", "R8"]`` for ``["WH", "4", "R8"]``.
    """
    asked: list[str] = []
    for word in words:
        if word.isdigit() and asked and " " not in asked[-1]:  # no tag is a number
            asked[-1] = f"{asked[-1]} {word}"
        else:
            asked.append(word)
    return asked


def _json(entry: SourceEntry) -> dict[str, Any]:
    return {
        **entry.row(),
        "supports": [{"kind": s.kind, "id": s.id, "name": s.name} for s in entry.supports],
    }


def _sources(args: argparse.Namespace, out: TextIO) -> None:
    register = catalog.sources()
    asked = tags_asked(args.tags)
    entries = [register[tag] for tag in asked] if asked else list(register.entries)
    if args.json:
        emit(out, "sources", {"sources": [_json(e) for e in entries]})
        return
    if asked:
        out.write("\n".join(e.explain() for e in entries))
        return
    out.write(
        f"{len(entries)} sources cited by the bundled plan, its versions and its timeline "
        "(gazaplan sources TAG gives one in full, with what it supports)\n"
    )
    out.write("".join(register.explain().splitlines(keepends=True)[1:]))


HANDLERS: dict[str, Handler] = {"sources": _sources}
