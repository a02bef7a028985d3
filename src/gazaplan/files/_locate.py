"""Line numbers for paths in a JSON or TOML document, so that an error can point at the line.

Neither ``json`` nor ``tomllib`` reports where a value sits, so this module scans the text once,
after it parsed, and maps each path it can place (``("timeline", "events", 3, "at")``) to a line.
A path it cannot place falls back to its nearest placed parent (a value inside an inline table is
reported at the line of the table). Both scanners are iterative, so deep nesting costs no stack.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Final

__all__ = ["line_finder"]

Path = tuple[str | int, ...]

_JSON_TOKEN: Final = re.compile(r'"(?:[^"\\\n]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+|\n')


def _json_lines(text: str) -> dict[Path, int]:
    lines: dict[Path, int] = {(): 1}
    line = 1
    # One frame per open container: [key of the current member (str or index), expecting a key?]
    frames: list[list[object]] = []
    kinds: list[str] = []

    def here() -> Path:
        return tuple(f[0] for f in frames)  # type: ignore[misc]

    for m in _JSON_TOKEN.finditer(text):
        tok = m.group()
        if tok == "\n":
            line += 1
        elif tok in "{[":
            lines.setdefault(here(), line)
            frames.append(["", True] if tok == "{" else [0, False])
            kinds.append(tok)
        elif tok in "}]":
            if frames:
                frames.pop()
                kinds.pop()
        elif tok == ",":
            if kinds and kinds[-1] == "{":
                frames[-1][1] = True
            elif kinds:
                frames[-1][0] = int(frames[-1][0]) + 1  # type: ignore[call-overload]
        elif tok == ":":
            continue
        elif kinds and kinds[-1] == "{" and frames[-1][1]:
            try:
                key = json.loads(tok)
            except ValueError:
                key = tok
            frames[-1][0], frames[-1][1] = key, False
            lines.setdefault(here(), line)
        else:
            lines.setdefault(here(), line)
    return lines


# A key part: bare, "basic" or 'literal'. Its alternatives start with different characters and
# each repeats one character class, so matching is linear in the line's length (a lazy ".+?"
# followed by "\s*" backtracked quadratically on a long line of spaces).
_PART: Final = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\')'
_DOTTED: Final = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
_TOML_HEADER: Final = re.compile(rf"^[ \t]*(\[\[?)[ \t]*({_DOTTED})[ \t]*\]\]?[ \t]*(?:#.*)?$")
_TOML_KEY: Final = re.compile(rf"^[ \t]*({_DOTTED})[ \t]*=")
_TOML_PART: Final = re.compile(r'[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\'')


def _toml_keys(dotted: str) -> list[str]:
    out = []
    for part in _TOML_PART.findall(dotted):
        if part.startswith('"'):
            try:
                part = json.loads(part)
            except ValueError:
                part = part[1:-1]
        elif part.startswith("'"):
            part = part[1:-1]
        out.append(part)
    return out


def _toml_lines(text: str) -> dict[Path, int]:
    """Place table headers and ``key =`` lines (the layout ``dump`` writes, and most hand-written
    files). Keys inside multi-line strings or arrays may be misplaced; they are only a hint."""
    lines: dict[Path, int] = {(): 1}
    table: Path = ()
    arrays: dict[tuple[str, ...], int] = {}  # array-of-tables path (keys only) -> items so far
    for number, raw in enumerate(text.splitlines(), start=1):
        header = _TOML_HEADER.match(raw)
        if header and not _TOML_KEY.match(raw):
            keys = _toml_keys(header.group(2))
            path: list[str | int] = []
            for i, key in enumerate(keys):
                path.append(key)
                names = tuple(str(k) for k in path if isinstance(k, str))
                last = i == len(keys) - 1
                if last and header.group(1) == "[[":
                    arrays[names] = arrays.get(names, 0) + 1
                    path.append(arrays[names] - 1)
                elif not last and names in arrays:
                    path.append(arrays[names] - 1)
            table = tuple(path)
            lines.setdefault(table, number)
            continue
        assignment = _TOML_KEY.match(raw)
        if assignment:
            lines.setdefault((*table, *_toml_keys(assignment.group(1))), number)
    return lines


def line_finder(text: str, fmt: str) -> Callable[[Path], int | None]:
    """A function from a document path to its line (or its nearest placed parent's line)."""
    cache: dict[Path, int] | None = None

    def find(path: Path) -> int | None:
        nonlocal cache
        if cache is None:
            cache = _json_lines(text) if fmt == "json" else _toml_lines(text)
        for n in range(len(path), -1, -1):
            found = cache.get(path[:n])
            if found is not None:
                return found
        return None

    return find
