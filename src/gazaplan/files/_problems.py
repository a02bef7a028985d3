"""Reading errors flattened to (path, message): cattrs' error tree and the edge's own errors.

Part of the serialization edge. cattrs' detailed validation gives a tree of exception groups with
notes naming the field or index at each level; the edge's hooks raise ``BadValueError`` (with a
path inside the value) and ``SeveralError`` (problems in several places). :func:`problems` walks
both; :func:`show` writes a path as ``timeline.events[3].at``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Final

import cattrs

from ..exceptions import GazaplanError, InvalidDatasetError
from . import _codec as codec
from ._hooks import SeveralError

__all__ = ["problems", "show"]

Path = tuple[str | int, ...]


def problems(exc: BaseException, path: Path) -> Iterator[tuple[Path, str]]:
    e: BaseException
    if isinstance(exc, cattrs.ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for e, note in with_notes:
            yield from problems(e, (*path, note.name))
        for e in without:
            yield from _validator_problem(e, exc.cl, path)
    elif isinstance(exc, cattrs.IterableValidationError):
        with_notes_i, without_i = exc.group_exceptions()
        for e, inote in with_notes_i:
            yield from problems(e, (*path, inote.index))
        for e in without_i:
            yield from problems(e, path)
    elif isinstance(exc, InvalidDatasetError):
        for rel, message in exc.found:
            yield (*path, *rel), message
    elif isinstance(exc, SeveralError):
        for e in exc.errors:
            yield from problems(e, path)
    elif isinstance(exc, codec.BadValueError):
        here = (*path, *exc.rel)
        if exc.inner is not None:
            yield from problems(exc.inner, here)
        else:
            yield here, exc.message
    elif isinstance(exc, cattrs.ForbiddenExtraKeysError):
        allowed = ", ".join(a.name for a in getattr(exc.cl, "__attrs_attrs__", ()) if a.init)
        for key in sorted(exc.extra_fields):
            yield (*path, key), f"unknown key {key!r}; the keys allowed here are: {allowed}"
    elif isinstance(exc, KeyError) and not isinstance(exc, GazaplanError):
        yield path, "this required key is missing; add it"
    elif isinstance(exc, GazaplanError):
        yield path, str(exc)
    elif isinstance(exc, RecursionError):
        yield path, "nested too deeply"
    elif isinstance(exc, BaseExceptionGroup):
        for e in exc.exceptions:
            yield from problems(e, path)
    else:  # a bug of gazaplan's: still reported as a problem, and named so
        yield path, f"unexpected {type(exc).__name__} while reading ({exc}); please report this"


def _validator_problem(exc: BaseException, cls: type, path: Path) -> Iterator[tuple[Path, str]]:
    """An error from the class's own validators: placed at the field it names (``Event.at``)."""
    where = getattr(exc, "where", None)
    if isinstance(exc, GazaplanError) and isinstance(where, str):
        name = where.removeprefix(f"{cls.__name__}.")
        fields = {a.name for a in getattr(cls, "__attrs_attrs__", ())}
        if name in fields:
            yield (*path, name), str(exc).removeprefix(f"{where}: ")
            return
    yield from problems(exc, path)


_PLAIN_KEY: Final = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def show(path: Path) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part)}]"
    return out
