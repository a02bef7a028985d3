"""Reading and writing documents (scenarios, plans, timelines, states, ...) as JSON or TOML.

Every document is a table with ``schema_version`` (the format's version, see :data:`SCHEMA_VERSION`)
and ``document`` (what it holds: ``"scenario"``, ``"plan"``, ``"timeline"``, ...), then the
object's own keys. Reading runs the migrations from the document's version to the current one
before structuring, so files written by older releases keep loading.

Anything wrong with a document (bytes that are not UTF-8, a syntax error, a wrong type, a missing
or unknown key, a value a validator refuses, an event that cannot happen) ends in one
:class:`~gazaplan.exceptions.ScenarioFormatError` listing every problem with its path and line.

>>> import gazaplan as gp
>>> text = gp.dumps(gp.Scenario(name="empty", version="2025-09-29"), format="toml")
>>> gp.loads(text, gp.Scenario, format="toml").name
'empty'
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final, TypeVar

from ..core._checks import need_type
from ..core._collector import collector_paused
from ..core.plans import Plan
from ..exceptions import GazaplanError, InvalidValueError, Problem, ScenarioFormatError
from ..whatif.scenarios import Scenario, check_expectation
from . import _codec as codec
from . import _fast as fast
from ._converter import Format, converter
from ._document_types import KINDS, kind_of
from ._io import read_limited, write_atomically
from ._locate import line_finder
from ._problems import problems, show

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "dump",
    "dump_scenario",
    "dumps",
    "load",
    "load_scenario",
    "loads",
    "migrate",
    "peek_kind",
]

T = TypeVar("T")
Path = tuple[str | int, ...]
Migration = Callable[[dict[str, Any]], dict[str, Any]]

SCHEMA_VERSION: Final = 1
"""The version of the document format this release writes."""

MIGRATIONS: Final[Mapping[int, Migration]] = {}
"""Version *n* -> a function turning a version-*n* document into a version-*n+1* one. Empty while
the format is at its first version; a change of format adds an entry and a golden file."""

MAX_BYTES: Final = 64 * 1024 * 1024
"""The largest document, in UTF-8 bytes, that gazaplan reads (from a file, bytes or a str) and
writes: what ``dump`` writes, ``load`` reads back. In JSON an event with a summary and sources, as
the bundled ones have, takes about 1.4 KB (some 48,000 fit), a bare event about 180 bytes; split
a larger timeline into several documents."""
MAX_DEPTH: Final = 64
_HEADER: Final = ("schema_version", "document", "$schema")
"""The keys of a document's header, which the object's own keys follow."""


def _size(text: str) -> int:
    """The UTF-8 size of *text*, or a lower bound on it past the limit (no copy when it can
    tell without one)."""
    if len(text) > MAX_BYTES or text.isascii():
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def _need_path(path: object, function: str) -> None:
    need_type(
        path, (str, os.PathLike), f"{function}(path)", "Pass the file's path, as a str or a Path."
    )


def _fail(file: str, problems: list[Problem]) -> ScenarioFormatError:
    return ScenarioFormatError(file, problems)


def _format_of(path: str | os.PathLike[str], fmt: Format | None) -> Format:
    if fmt is not None:
        return fmt
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix in (".json", ".toml"):
        return "json" if suffix == ".json" else "toml"
    name = os.fspath(path)
    raise _fail(
        name,
        [
            Problem(
                f"unknown file type {suffix or '(none)'!r}: gazaplan reads and writes .json and "
                ".toml files only; name the file .json or .toml",
                file=name or "(an empty file name)",
            )
        ],
    )


# -- writing --
def dumps(obj: object, *, format: Format = "json") -> str:
    """The document for an object, as text.

    Args:
        obj: a Scenario, Plan, Timeline, State, Event, condition, ...
        format: ``"json"`` or ``"toml"``.

    Returns:
        The document, headed by its ``schema_version`` and ``document`` kind.

    Raises:
        InvalidValueError: *format* is neither ``"json"`` nor ``"toml"``, no document holds
            *obj*'s type, or the document would be larger than :data:`MAX_BYTES` (which no load
            would read back).
    """
    if format not in ("json", "toml"):
        raise InvalidValueError(
            "format", format, "gazaplan writes JSON and TOML only", "Pass 'json' or 'toml'."
        )
    name, tp = kind_of(type(obj))
    body = converter(format).unstructure(obj, tp)
    doc = {"schema_version": SCHEMA_VERSION, "document": name, **body}
    if format == "json":
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    else:
        import tomli_w  # the writer is needed only here

        text = tomli_w.dumps(doc)
    size = _size(text)
    if size > MAX_BYTES:
        raise InvalidValueError(
            f"dumps({type(obj).__name__})",
            f"a document of {size:,} bytes",
            f"gazaplan reads documents of at most {MAX_BYTES:,} bytes, so it writes none larger",
            "Split the timeline into several documents (Timeline(events[i:j])).",
        )
    return text


def dump(obj: object, path: str | os.PathLike[str], *, format: Format | None = None) -> None:
    """Write an object's document to a file.

    The file is written whole or not at all (a failed write leaves *path* as it was).

    Args:
        obj: a Scenario, Plan, Timeline, State, Event, condition, ...
        path: the file; its suffix (``.json`` or ``.toml``) gives the format.
        format: ``"json"`` or ``"toml"``, whatever the suffix (None: by the suffix).

    Raises:
        ScenarioFormatError: if the suffix is neither ``.json`` nor ``.toml`` and no *format*
            is given.
        InvalidValueError: as :func:`dumps` raises it.
        OSError: if the file cannot be written; it names *path*.
    """
    _need_path(path, "dump")
    write_atomically(path, dumps(obj, format=_format_of(path, format)))


def dump_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> None:
    """Write a scenario file.

    Args:
        scenario: the scenario.
        path: the file; its suffix (``.json`` or ``.toml``) gives the format.

    Raises:
        ScenarioFormatError: if the suffix is neither ``.json`` nor ``.toml``.
        OSError: if the file cannot be written; it names *path*.
    """
    need_type(scenario, Scenario, "dump_scenario(scenario)", "Pass a gazaplan.Scenario.")
    dump(scenario, path)


# -- reading --
def load(
    path: str | os.PathLike[str],
    cls: type[T],
    *,
    format: Format | None = None,
    plan: Plan | None = None,
) -> T:
    """Read a document of type *cls* from *path* (``.json`` or ``.toml``).

    With *plan*, a timeline must also replay on it, and a state or an event may name only its
    parties, bodies and lines (a scenario is always checked against its own plan).

    Args:
        path: the file; its suffix (``.json`` or ``.toml``) gives the format.
        cls: the type the document holds, such as ``gp.Scenario`` or ``gp.Timeline``.
        format: ``"json"`` or ``"toml"``, whatever the suffix (None: by the suffix).
        plan: the plan a timeline, state, event or dataset must fit (None: no such check).

    Returns:
        The object the document holds.

    Raises:
        ScenarioFormatError: the file cannot be read, or the document is not a valid *cls*;
            every problem is listed with its path and line.
        InvalidValueError: no document holds *cls*, or an argument is not of its type (a
            path that is not a str or a Path, data that is not text or bytes).
    """
    _need_path(path, "load")
    kind_of(cls)  # a type no document holds is refused before the file is read
    data, fmt = _read(path, format)
    return loads(data, cls, format=fmt, file=os.fspath(path), plan=plan)


def peek_kind(path: str | os.PathLike[str], *, format: Format | None = None) -> str:
    """What the document in a file holds.

    Args:
        path: the file; its suffix (``.json`` or ``.toml``) gives the format.
        format: ``"json"`` or ``"toml"``, whatever the suffix (None: by the suffix).

    Returns:
        Its ``document`` key (``"scenario"`` when absent).

    Raises:
        ScenarioFormatError: if the file cannot be read or parsed, or its ``document`` key
            names no kind of document.
    """
    _need_path(path, "peek_kind")
    data, fmt = _read(path, format)
    name = os.fspath(path)
    raw = _parse(_text(data, name), fmt, name)
    kind = raw.get("document", "scenario") if isinstance(raw, dict) else None
    if not isinstance(kind, str) or kind not in KINDS:
        known = ", ".join(sorted(KINDS))
        message = f"'document' is {codec.show(kind)}; use one of {known}"
        raise _fail(name, [Problem(message, "document", name)])
    return kind


def _read(path: str | os.PathLike[str], format: Format | None) -> tuple[bytes, Format]:
    name = os.fspath(path)
    if not name.strip():
        message = "no file named: the file name is empty; pass the path of a .json or .toml file"
        raise _fail(name, [Problem(message, file="(an empty file name)")])
    try:  # read first: a missing file or a directory is said so, not blamed on its suffix
        data = read_limited(path, MAX_BYTES)
    except OSError as exc:
        message = f"cannot read the file: {exc.strerror or exc}"
        raise _fail(name, [Problem(message, file=name)]) from None
    return data, _format_of(path, format)


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Read a scenario file and check it against its plan.

    Args:
        path: the file (``.json`` or ``.toml``).

    Returns:
        The scenario.

    Raises:
        ScenarioFormatError: the file cannot be read, or the scenario is not valid or does not
            fit its plan; every problem is listed with its path and line.
    """
    _need_path(path, "load_scenario")
    return load(path, Scenario)


def loads(
    data: str | bytes,
    cls: type[T],
    *,
    format: Format = "json",
    file: str = "<string>",
    plan: Plan | None = None,
) -> T:
    """Read a document of one type from text or bytes. See :func:`load`.

    Args:
        data: the document, as text or UTF-8 bytes.
        cls: the type the document holds, such as ``gp.Scenario`` or ``gp.Timeline``.
        format: ``"json"`` or ``"toml"``.
        file: the name messages give the document.
        plan: the plan a timeline, state, event or dataset must fit (None: no such check).

    Returns:
        The object the document holds.

    Raises:
        ScenarioFormatError: the format is unknown, or the document is not a valid *cls* (or
            does not fit *plan*); every problem is listed with its path and line.
        InvalidValueError: no document holds *cls*, or an argument is not of its type (a
            path that is not a str or a Path, data that is not text or bytes).
    """
    if format not in ("json", "toml"):
        raise _fail(file, [Problem(f"unknown format {format!r}; use 'json' or 'toml'", file=file)])
    need_type(data, (str, bytes), "loads(data)", "Pass the document as a str or UTF-8 bytes.")
    if plan is not None:
        need_type(plan, Plan, "loads(plan)", "Pass a Plan, such as gazaplan.plan(), or None.")
    name, tp = kind_of(cls)
    text = _text(data, file)
    find = line_finder(text, format)

    def problem(path: Path, message: str) -> Problem:
        return Problem(message, show(path), file, find(path))

    obj = _quick(text, tp, name) if format == "json" else None
    if obj is None:  # read in detail: every problem found, with its path and line
        raw = _header(_parse(text, format, file), name, file, problem)
        try:
            obj = converter(format).structure(raw, tp)
        except RecursionError:
            raise _fail(file, [problem((), "the document is nested too deeply")]) from None
        except Exception as exc:  # every failure becomes a located problem; none escapes raw
            raise _fail(file, [problem(p, m) for p, m in problems(exc, ())]) from None
    if not isinstance(obj, cls):
        raise _fail(
            file, [problem((), f"this {name} is a {type(obj).__name__}, not a {cls.__name__}")]
        )
    semantic = (
        _scenario_problems(obj)
        if isinstance(obj, Scenario)
        else _plan_problems(obj, plan)
        if plan is not None
        else ()
    )
    found = [problem(p, m) for p, m in semantic]
    if found:
        raise _fail(file, found)
    return obj


def _text(data: str | bytes, file: str) -> str:
    if isinstance(data, str) and len(data) * 4 <= MAX_BYTES:
        return data  # at most four UTF-8 bytes a character: within the limit, left unmeasured
    size = _size(data) if isinstance(data, str) else len(data)
    if size > MAX_BYTES:
        message = f"the document is {size:,} bytes; the limit is {MAX_BYTES:,} (64 MiB)"
        raise _fail(file, [Problem(f"{message}; split it into several documents", file=file)])
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = (
            f"not UTF-8 text (byte {data[exc.start]:#04x} at offset {exc.start}); save it as UTF-8"
        )
        raise _fail(file, [Problem(message, "", file, line)]) from None


def _parse(text: str, fmt: Format, file: str) -> Any:
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) != len(items):  # a key given twice: find which
            seen: set[str] = set()
            duplicates.extend(k for k, _ in items if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        return out

    try:
        if fmt == "json":
            raw = json.loads(text, object_pairs_hook=pairs, parse_constant=_no_constant)
        else:
            raw = tomllib.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(file, [Problem(f"not valid JSON: {exc.msg}", "", file, exc.lineno)]) from None
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        raise _fail(file, [Problem(f"not valid TOML: {exc}", "", file, line)]) from None
    except RecursionError:
        raise _fail(file, [Problem("the document is nested too deeply", "", file)]) from None
    except ValueError as exc:  # a NaN, or an integer too long to read
        raise _fail(file, [Problem(f"not a valid {fmt.upper()} value: {exc}", "", file)]) from None
    if duplicates:
        raise _fail(
            file,
            [
                Problem(f"key {k!r} appears twice in one table; keep one", "", file)
                for k in sorted(set(duplicates))
            ],
        )
    if _depth(raw) > MAX_DEPTH:
        raise _fail(
            file, [Problem(f"the document is nested more than {MAX_DEPTH} levels deep", "", file)]
        )
    return raw


def _no_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a number a document may hold")


def _quick(text: str, tp: Any, name: str) -> Any:
    """The object a JSON document holds, read on the fast path (:mod:`gazaplan.files._fast`), or
    None where that path cannot vouch for it: then the detailed pass reads the document and
    reports its problems, as if alone.

    The fast path parses without :func:`_parse`'s table hook and depth walk. A document it reads
    is no deeper than the types it covers (see :mod:`~gazaplan.files._fast`), and has no key
    twice in a table when every colon of the text is accounted for by what it read: one for each
    key of a table, and those inside text values. Outside text values, JSON has a colon after
    each key and nowhere else; a key given twice leaves one colon of the text unaccounted for
    (the parse kept one of the two), and so does any value left unread. A colon written as an
    escape (``\\u003a``) is not in the text as one, so a text that may hold one is not read here.
    The garbage collector is paused meanwhile
    (see :func:`~gazaplan.core._collector.collector_paused`).
    """
    if tp not in fast.COVERED or _escapes_a_colon(text):
        return None
    try:
        with collector_paused():
            raw = json.loads(text, parse_constant=_no_constant)
            # The header as _header takes it, no migration run, and no other value left unread.
            if (
                type(raw) is not dict
                or type(raw.get("schema_version")) is not int
                or raw["schema_version"] != SCHEMA_VERSION
                or raw.get("document", name) != name
                or type(raw.get("$schema", "")) is not str
                or migrate(raw) is not raw
            ):
                return None
            body = {k: v for k, v in raw.items() if k not in _HEADER}
            obj, colons = fast.structure(body, tp)
            colons += len(raw) - len(body)  # the header's keys, and the colons in its text:
            colons += sum(raw[k].count(":") for k in ("document", "$schema") if k in raw)
            del raw, body  # freed while the collector is paused: it will not walk them
    except Exception:  # read again in detail, which reports it
        return None
    return obj if text.count(":") == colons else None


def _escapes_a_colon(text: str) -> bool:
    """Whether a text value of *text* may write a colon as an escape: some backslash is followed
    by ``u003`` (more than it needs: ``\\u0030`` too)."""
    at = text.find("\\")
    for _ in range(64):  # a few backslashes are looked at one by one, many searched for at once
        if at < 0:
            return False
        if text.startswith("u003", at + 1):
            return True
        at = text.find("\\", at + 1)
    return "\\u003" in text


def _depth(raw: Any) -> int:
    """How many levels of tables and lists *raw* nests (0 for a plain value); level by level."""
    depth, level = 0, [raw] if isinstance(raw, dict | list) else []
    while level:
        depth += 1
        level = [
            v
            for c in level
            for v in (c.values() if isinstance(c, dict) else c)
            if isinstance(v, dict | list)
        ]
    return depth


def _header(
    raw: Any, name: str, file: str, problem: Callable[[Path, str], Problem]
) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise _fail(
            file, [problem((), f"a document is a table (an object); got {codec.show(raw)}")]
        )
    version = raw.get("schema_version")
    if "schema_version" not in raw:
        raise _fail(
            file,
            [problem((), f"no schema_version; add schema_version = {SCHEMA_VERSION} at the top")],
        )
    if type(version) is not int or version < 1:
        raise _fail(
            file,
            [
                problem(
                    ("schema_version",),
                    f"schema_version is a whole number from 1; got {codec.show(version)}",
                )
            ],
        )
    if version > SCHEMA_VERSION:
        message = (
            f"written for schema_version {version}; this gazaplan reads up to {SCHEMA_VERSION}. "
            "Upgrade gazaplan to read it"
        )
        raise _fail(file, [problem(("schema_version",), message)])
    document = raw.get("document", name)
    if document != name:
        raise _fail(
            file,
            [
                problem(
                    ("document",), f"this is a {codec.show(document)} document; expected {name!r}"
                )
            ],
        )
    raw = migrate(raw)
    return {k: v for k, v in raw.items() if k not in _HEADER}


def migrate(
    document: dict[str, Any], migrations: Mapping[int, Migration] = MIGRATIONS
) -> dict[str, Any]:
    """Bring a document to :data:`SCHEMA_VERSION` by running each migration from its version on.

    Args:
        document: the parsed document, with its ``schema_version``.
        migrations: version *n* -> the function turning a version-*n* document into a
            version-*n+1* one.

    Returns:
        The document at the latest version.

    Raises:
        ScenarioFormatError: if a migration from a version on the way is missing.
    """
    version = document["schema_version"]
    target = max([SCHEMA_VERSION, *(n + 1 for n in migrations)])
    while version < target:
        step = migrations.get(version)
        if step is None:
            raise ScenarioFormatError(
                "<migration>", [Problem(f"no migration from schema_version {version}")]
            )
        document = {**step(document), "schema_version": version + 1}
        version += 1
    return document


def _plan_problems(obj: object, plan: Plan) -> Iterator[tuple[Path, str]]:
    """What keeps a timeline, state or event from fitting *plan*, located in the document."""
    from ..core.state import State
    from ..time.datasets import Dataset
    from ..time.events import Event
    from ..time.timelines import Timeline, check_ids

    if isinstance(obj, Dataset):
        from ..whatif.releases import plan_problems

        yield from plan_problems(obj, plan)
        return
    try:
        if isinstance(obj, Timeline):
            yield from _replay_problems(plan, obj, ("events",))
        elif isinstance(obj, State):
            plan.check_state(obj)
        elif isinstance(obj, Event):
            check_ids(plan, obj)
    except GazaplanError as exc:
        yield (), str(exc)


def _replay_problems(plan: Plan, timeline: Any, at: Path) -> Iterator[tuple[Path, str]]:
    from ..time.histories import history

    ids = [e.id for e in timeline]
    try:
        history(plan, timeline)
    except GazaplanError as exc:
        event_id = getattr(exc, "event_id", None)
        yield ((*at, ids.index(event_id)) if event_id in ids else at), str(exc)


def _scenario_problems(s: Scenario) -> Iterator[tuple[Path, str]]:
    from ..catalog import plan as bundled
    from ..core.amendments import amend

    try:
        plan = bundled(s.version)
    except GazaplanError as exc:
        yield ("version",), str(exc)
        return
    for i, amendment in enumerate(s.amendments):
        try:
            plan = amend(plan, amendment)
        except GazaplanError as exc:
            yield ("amendments", i), str(exc)
            return
    yield from _replay_problems(plan, s.timeline, ("timeline", "events"))
    for i, e in enumerate(s.expectations):
        try:
            check_expectation(plan, e)
        except GazaplanError as exc:
            yield ("expectations", i), str(exc)
