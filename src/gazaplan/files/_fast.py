"""The fast path of reading a timeline: a cattrs converter without detailed validation, tried
before the detailed pass and trusted only when it succeeds.

Part of the serialization edge, used by :mod:`gazaplan.files.documents`. Reading a document in
detail (:func:`gazaplan.files._converter.converter`) collects every problem with its path, which
costs a frame and a try block per value. Most documents have none, so a timeline is first read
here, stopping at the first problem; the caller then reads the document again in detail, and
that pass gives the error, exactly as it would have alone. This converter never accepts what
the detailed one refuses, and gives an equal value for what both accept:

* its leaves are the detailed converter's own hooks (numbers, flags, dates), or do what they do
  (text, instants, enum members); its tables are generated functions (as cattrs generates them)
  that call the classes, whose constructors check their fields as always; unknown keys are
  refused;
* a value that events repeat (a change, a source, a list of sources) is read once and handed
  out again for an equal JSON value of the same types, as the detailed converter does for
  sources;
* it covers a closed set of types (:data:`COVERED`: a timeline, its events, their built-in
  changes, sources and figures), none recursive, and passes no value through unread: a type
  outside the set (a change kind registered later, a field typed ``Any``) raises
  :class:`NotCoveredError`. So a value it accepts is at most a dozen levels deep, which stands in
  for the parse's depth check;
* it tallies the colons of the text it reads (:func:`structure` returns the count): one for
  each key of a table, and those inside text values. That stands in for the parse's check that
  no table has a key twice (see :func:`gazaplan.files.documents._quick`).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import threading
import typing
from collections.abc import Callable, Hashable
from functools import cache
from typing import Any, Final

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn

from ..core.facts import Floor
from ..core.records import Figure
from ..core.sources import Contested, Source
from ..time.events import CHANGE_TYPES, KINDS, Event, FactsReported
from ..time.timelines import Timeline
from ..truth import Unknown
from . import _codec as codec
from ._converter import converter, seq_of, union_args
from ._hooks import Hook

__all__ = ["COVERED", "NotCoveredError", "structure"]

COVERED: Final[frozenset[type]] = frozenset(
    {Timeline, Event, Source, Figure, FactsReported, *CHANGE_TYPES}
)
"""The classes the fast path reads: a timeline and everything its built-in events hold."""

_INSTANT_MATCH: Final = re.compile(codec.INSTANT_PATTERN).match
_FROM_ISO: Final = dt.datetime.fromisoformat
_MEMO_LIMIT: Final = 4096
"""How many buckets a memo of interned values keeps before it starts again."""
_BUCKET_LIMIT: Final = 16
"""How many values one bucket keeps (values that share a bucket key are compared in turn)."""
_NO_BUCKET: Final = object()


class NotCoveredError(TypeError):
    """A type the fast path does not read; the detailed pass reads it."""


class _Tally(threading.local):
    """The colons of the text read so far, per thread (each read runs in one thread)."""

    colons: int = 0


_TALLY: Final = _Tally()


def structure(raw: Any, tp: Any) -> tuple[Any, int]:
    """Structure *raw* as *tp* on the fast path.

    Args:
        raw: the parsed document's body (its header removed).
        tp: the type it holds; a member of :data:`COVERED`.

    Returns:
        The value, and how many colons of the text it read: one per key of each table and
        those inside each text value; a table read from a memo counts as when it was first read.

    Raises:
        Exception: whatever stops it; the caller then reads the document in detail.
    """
    outer = _TALLY.colons  # kept, should a hook ever read a document inside a read
    _TALLY.colons = 0
    try:
        value = _converter().structure(raw, tp)
        return value, _TALLY.colons
    finally:
        _TALLY.colons = outer


# -- leaves --
def _text(raw: Any, _: Any) -> str:
    """As :func:`codec.text`, tallying the colons. An unpaired surrogate is found by encoding
    the text, faster than by searching it: UTF-8 refuses surrogates, and nothing else."""
    if type(raw) is not str:
        raise codec.BadValueError("not text")
    if not raw.isascii():
        raw.encode()  # UnicodeEncodeError for a surrogate
    if ":" in raw:
        _TALLY.colons += raw.count(":")
    return raw


def _instant(raw: Any, _: Any) -> dt.datetime:
    """As the detailed converter's instant hook, for the text a JSON document holds."""
    if type(raw) is not str or not _INSTANT_MATCH(raw):
        raise codec.BadValueError("not an instant")
    value = _FROM_ISO(raw)  # aware: the pattern requires an offset ("Z" or "+03:00")
    _TALLY.colons += raw.count(":")
    return value


class _Members:
    """The hook of an enum: its members by the words :func:`codec.decode_enum` takes (a word it
    would refuse is not here, so that the detailed pass reports it)."""

    def __init__(self, cls: type[enum.Enum]) -> None:
        members = cls.__members__
        self.words = {
            word: members[word.upper()]
            for word in (name.lower() for name in members)
            if word == word.lower() and word.upper() in members
        }

    def __call__(self, raw: Any, _: Any) -> Any:
        member = self.words.get(raw) if type(raw) is str else None
        if member is None:
            raise codec.BadValueError("not a member")
        return member


def _reading(i: int, hook: Hook, names: dict[str, Any]) -> list[str]:
    """The lines of a generated table function reading the value ``v`` of field *i* into
    ``a{i}``: text, instants, enum members and interned values as :func:`_text`,
    :func:`_instant`, :class:`_Members` and :class:`_Interned` read them (the colons tallied
    added to ``n``), anything else by its hook ``h{i}``."""
    if hook is _text:
        return [
            "if type(v) is not str:",
            "    bad(o, cls)",
            "if not v.isascii():",
            "    v.encode()",  # UnicodeEncodeError for a surrogate
            "if ':' in v:",
            "    n += v.count(':')",
            f"a{i} = v",
        ]
    if hook is _instant:
        return [
            "if type(v) is not str or not instant_match(v):",
            "    bad(o, cls)",
            f"a{i} = from_iso(v)",  # aware: the pattern requires an offset
            "n += v.count(':')",
        ]
    if isinstance(hook, _Interned):
        names[f"f{i}"], names[f"b{i}"] = hook.found, hook.bucket
        names["no_key"], names["same_types"] = _NO_KEY, _same_types
        return [
            "try:",
            f"    e = f{i}.get(b{i}(v), ())",
            "except no_key:",
            "    e = ()",
            "for seen, typed, made, colons in e:",
            "    if seen == v and (not typed or same_types(v, typed)):",
            f"        a{i} = made",
            "        n += colons",
            "        break",
            "else:",
            f"    a{i} = h{i}(v, t{i})",
        ]
    if isinstance(hook, _Members):
        names[f"w{i}"] = hook.words
        return [
            f"a{i} = w{i}.get(v) if type(v) is str else None",
            f"if a{i} is None:",
            "    bad(o, cls)",
        ]
    return [f"a{i} = h{i}(v, t{i})"]


def _not_covered(raw: Any, tp: Any) -> Any:
    raise NotCoveredError(f"the fast path does not read {tp!r}")


def _not_a_table(raw: Any, cls: Any) -> None:
    raise codec.BadValueError(f"not a table of {cls.__name__}'s keys")


def _fact_colons(value: Any) -> int:
    """The colons of the text a decoded fact value was read from, as far as the value tells:
    its text, and the keys of a contested fact's tables and of a floor's (a key it cannot tell,
    such as an empty ``note``, is left out: the tally then falls short, never over). The
    sources of claims are tallied as they are read."""
    if type(value) is str:
        return value.count(":")
    if type(value) is Contested:
        colons = 1  # {"contested": [...]}
        for claim in value.claims:  # value, claimed_by, sources, and note if any
            colons += 3 + claim.claimed_by.count(":")
            if claim.note:
                colons += 1 + claim.note.count(":")
            if type(claim.value) is str:
                colons += claim.value.count(":")
        return colons
    if type(value) is Floor:
        return 1 if value.as_of is None else 2  # at_least, and as_of if given
    return 0


# -- interning --
_Typed = tuple[tuple[str | int, ...], type]
"""Where a number or flag sits in a JSON value, and its type."""


def _typed(raw: Any, path: tuple[str | int, ...] = ()) -> tuple[_Typed, ...] | None:
    """Where *raw* holds numbers and flags, and their types; None if it holds anything but
    JSON's types (then ``==`` would not say enough)."""
    kind = type(raw)
    if kind is str or raw is None:
        return ()
    if kind in (int, float, bool):
        return ((path, kind),)
    pairs = raw.items() if kind is dict else enumerate(raw) if kind is list else None
    if pairs is None:
        return None
    out: list[_Typed] = []
    for key, value in pairs:
        inner = _typed(value, (*path, key))
        if inner is None:
            return None
        out += inner
    return tuple(out)


_Entry = tuple[Any, tuple[_Typed, ...], Any, int]
"""A value interned: the JSON value read, where it holds numbers and flags, the value made of it,
and the colons of its text."""


class _Interned:
    """A hook handing out one value for equal JSON values: the interning the detailed converter
    does for sources, here for every immutable value of a timeline that events repeat (sources,
    lists of them, changes).

    A value is found by its *bucket* key, then by ``==`` and, where ``==`` cannot tell (1, 1.0
    and true are equal), by the types of its numbers and flags (:func:`_same_types`); else
    *fn* makes it. Its colons are tallied each time it is read. The generated table functions
    look values up as :meth:`__call__` does, inline (see :func:`_reading`).
    """

    def __init__(self, fn: Hook, bucket: Callable[[Any], Hashable]) -> None:
        self.fn = fn
        self.bucket = bucket
        self.found: dict[Hashable, list[_Entry]] = {}

    def __call__(self, raw: Any, tp: Any) -> Any:
        try:
            key = self.bucket(raw)
            entries = self.found.get(key, ())
        except _NO_KEY:  # no bucket: not shared
            key, entries = _NO_BUCKET, ()
        for seen, typed, made, colons in entries:
            if seen == raw and (not typed or _same_types(raw, typed)):
                _TALLY.colons += colons
                return made
        before = _TALLY.colons
        made = self.fn(raw, tp)
        shape = _typed(raw)
        if key is not _NO_BUCKET and shape is not None and len(entries) < _BUCKET_LIMIT:
            if len(self.found) >= _MEMO_LIMIT:
                self.found.clear()
            self.found.setdefault(key, []).append((raw, shape, made, _TALLY.colons - before))
        return made


_NO_KEY: Final = (TypeError, AttributeError, KeyError, IndexError)
"""What a bucket function raises for a value it has no key for (the value is then not shared)."""


def _same_types(raw: Any, typed: tuple[_Typed, ...]) -> bool:
    """Whether *raw*, equal to a value read before, has its numbers and flags of the same types."""
    for path, kind in typed:
        leaf = raw
        for step in path:
            leaf = leaf[step]
        if type(leaf) is not kind:
            return False
    return True


def _source_bucket(raw: Any) -> Hashable:
    """A source by its tag."""
    tag: Hashable = raw["tag"]
    return tag


def _change_bucket(raw: Any) -> Hashable:
    """Reported facts by their ids; another change by its values (not hashable where it holds a
    list or a table: then it is not shared)."""
    facts = raw.get("facts")
    return ("facts", *facts) if type(facts) is dict else tuple(raw.values())


def _sources_bucket(raw: Any) -> Hashable:
    """A list of sources by the tag of its first."""
    return raw[0]["tag"] if raw else None


# -- tables, lists, unions --
class _Factory:
    """Builds the hooks of the fast converter (a class, so that the hooks can reach it)."""

    def __init__(self, conv: cattrs.Converter) -> None:
        self.conv = conv

    def hook(self, tp: Any) -> Hook:
        return self.conv.get_structure_hook(tp)

    def table(self, cls: Any) -> Hook:
        """A covered class: a table of its fields, unknown keys refused (but the ``kind`` of a
        change, which the union hook has read), its keys tallied.

        The function is generated, as cattrs generates one (:func:`make_dict_structure_fn`, used
        where a default is a factory), but calls the class with its arguments in place, a key
        left out giving the field's default: the class's constructor, converters and validators
        run as they always do.
        """
        fields = [a for a in attrs.fields(attrs.resolve_types(cls)) if a.init]
        keys = frozenset(a.name for a in fields) | ({"kind"} if cls in CHANGE_TYPES else set())
        if any(isinstance(a.default, attrs.Factory) for a in fields):  # type: ignore[arg-type]
            generated = make_dict_structure_fn(
                cls, self.conv, _cattrs_forbid_extra_keys=False, _cattrs_detailed_validation=False
            )
            return self.checked(cls, keys, generated)
        names: dict[str, Any] = {
            "cls": cls,
            "keys": keys,
            "tally": _TALLY,
            "bad": _not_a_table,
            "instant_match": _INSTANT_MATCH,
            "from_iso": _FROM_ISO,
        }
        lines = [
            "def structure(o, _):",
            "    if type(o) is not dict or not o.keys() <= keys:",
            "        bad(o, cls)",
            "    n = len(o)",
        ]
        args = []
        for i, a in enumerate(fields):
            hook = self.hook(a.type)
            names[f"h{i}"], names[f"t{i}"], names[f"d{i}"] = hook, a.type, a.default
            read = [f"v = o[{a.name!r}]", *_reading(i, hook, names)]
            if a.default is attrs.NOTHING:
                lines += [f"    {line}" for line in read]
            else:
                lines += [f"    if {a.name!r} in o:", *(f"        {line}" for line in read)]
                lines += ["    else:", f"        a{i} = d{i}"]
            args.append(f"{a.alias}=a{i}" if a.kw_only else f"a{i}")
        lines += ["    tally.colons += n", f"    return cls({', '.join(args)})"]
        exec(compile("\n".join(lines), f"<fast structure {cls.__qualname__}>", "exec"), names)
        structure: Hook = names["structure"]
        return structure

    def checked(self, cls: Any, keys: frozenset[str], fn: Hook) -> Hook:
        """*fn*, given only a table of *keys*, which it tallies."""

        def structure(raw: Any, _: Any) -> Any:
            if type(raw) is not dict or not raw.keys() <= keys:
                _not_a_table(raw, cls)
            _TALLY.colons += len(raw)
            return fn(raw, cls)

        return structure

    def change(self, tp: Any) -> Hook:
        """The built-in kinds of change by tag; a kind registered later is not covered."""
        by_tag = KINDS.by_tag
        hooks: dict[type, Hook] = {}

        def structure(raw: Any, _: Any) -> Any:
            kind = raw.get("kind") if type(raw) is dict else None
            cls = by_tag.get(kind) if type(kind) is str else None
            if cls is None or cls not in CHANGE_TYPES:
                raise NotCoveredError(f"the fast path does not read the change {kind!r}")
            hook = hooks.get(cls)
            if hook is None:
                hook = hooks[cls] = self.hook(cls)
            return hook(raw, cls)

        return _Interned(structure, _change_bucket)

    def sequence(self, tp: Any) -> Hook:
        item = seq_of(tp)
        hook = self.hook(item)
        if typing.get_origin(tp) is frozenset:

            def unique(raw: Any, _: Any) -> frozenset[Any]:
                if type(raw) is not list:
                    raise codec.BadValueError("not a list")
                out = [hook(x, item) for x in raw]
                made = frozenset(out)
                if len(made) != len(out):
                    raise codec.BadValueError("an item is listed twice in a set")
                return made

            return unique

        def structure(raw: Any, _: Any) -> tuple[Any, ...]:
            if type(raw) is not list:
                raise codec.BadValueError("not a list")
            return tuple([hook(x, item) for x in raw])

        return structure

    def optional(self, tp: Any) -> Hook:
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        hook = self.hook(inner)
        return lambda raw, _: None if raw is None else hook(raw, inner)

    def unknown_union(self, tp: Any) -> Hook:
        rest = [a for a in typing.get_args(tp) if a is not Unknown]
        inner: Any = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
        hook = self.hook(inner)

        def structure(raw: Any, _: Any) -> Any:
            if raw == codec.UNKNOWN_WORD and type(raw) is str:
                return Unknown.UNKNOWN
            return hook(raw, inner)

        return structure

    def facts_reported(self, raw: Any, _: Any) -> FactsReported:
        """As the detailed converter reads it; the values decoded are tallied here."""
        table = raw.get("facts") if type(raw) is dict and raw.keys() == {"kind", "facts"} else None
        if type(table) is not dict:
            raise codec.BadValueError("not a table of facts_reported's keys")
        conv = self.conv.structure
        facts = {k: codec.decode_fact_value(v, k, conv) for k, v in table.items()}
        _TALLY.colons += 2 + len(facts) + sum(map(_fact_colons, facts.values()))
        return FactsReported(facts)

    def timeline(self, raw: Any, _: Any) -> Timeline:
        """The events and the data's edge; the timeline's own checks (order, ids, edge) run once,
        in its constructor."""
        if type(raw) is not dict or not raw.keys() <= {"events", "data_as_of"}:
            raise codec.BadValueError("not a table of a timeline's keys")
        _TALLY.colons += len(raw)
        events = self.hook(tuple[Event, ...])(raw.get("events", []), tuple[Event, ...])
        edge = raw.get("data_as_of")
        return Timeline(events, data_as_of=None if edge is None else _instant(edge, dt.datetime))


def _change_union(tp: Any) -> bool:
    return set(union_args(tp) or ()) == set(CHANGE_TYPES)


def _optional(tp: Any) -> bool:
    args = union_args(tp) or ()
    return len(args) == 2 and type(None) in args and Unknown not in args


@cache
def _converter() -> cattrs.Converter:
    """The fast converter, built once."""
    detailed = converter("json")
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    f = _Factory(conv)
    conv.register_structure_hook_func(lambda _: True, _not_covered)  # first, so tried last
    for leaf in (int, float, bool, dt.date):
        conv.register_structure_hook(leaf, detailed.get_structure_hook(leaf))
    conv.register_structure_hook(str, _text)
    conv.register_structure_hook(dt.datetime, _instant)
    is_enum: Callable[[Any], bool] = lambda t: isinstance(t, type) and issubclass(t, enum.Enum)  # noqa: E731
    conv.register_structure_hook_factory(is_enum, _Members)
    conv.register_structure_hook_func(
        lambda t: set(union_args(t) or ()) == {int, float},
        detailed.get_structure_hook(int | float),
    )
    conv.register_structure_hook_factory(_optional, f.optional)
    conv.register_structure_hook_factory(
        lambda t: Unknown in (union_args(t) or ()), f.unknown_union
    )
    conv.register_structure_hook_factory(lambda t: seq_of(t) is not None, f.sequence)
    conv.register_structure_hook_factory(lambda t: t in COVERED, f.table)
    conv.register_structure_hook_factory(_change_union, f.change)
    conv.register_structure_hook(Source, _Interned(f.table(Source), _source_bucket))
    sources = tuple[Source, ...]
    listed = _Interned(f.sequence(sources), _sources_bucket)
    conv.register_structure_hook_func(lambda t: t == sources, listed)
    conv.register_structure_hook(FactsReported, f.facts_reported)
    conv.register_structure_hook(Timeline, f.timeline)
    return conv
