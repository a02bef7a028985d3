"""The cattrs converters of gazaplan's documents: one factory, one converter per format.

Part of the serialization edge: no core module imports it, so ``import gazaplan`` does not import
cattrs. cattrs' global converter is never used. Conventions of the format, for every class:

* keys are the attrs field names; a field at its default is left out; unknown keys are refused;
* conditions, event changes, amendment edits and scenario expectations are tagged unions: a table
  with ``kind`` set to the class's stable ``tag`` (renaming a class does not change the format);
* instants are ISO 8601 with an offset (native TOML offset date-times in TOML), dates ISO 8601;
  a naive instant is refused;
* enum members are their lower-case names; UNKNOWN is ``"unknown"``;
* numbers, text and flags are taken strictly: ``"5"`` is not 5, ``3.7`` is not a count, ``1``
  is not ``true``; a string is not a list.

The union hook is written here rather than taken from ``cattrs.strategies.configure_tagged_union``
so that a missing or unknown tag gets a message naming the tags allowed (cattrs reports a bare
KeyError for both).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import sys
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, Literal

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from ..core._kinds import family_of
from ..core.amendments import Amendment, SetTerm
from ..core.conditions import Term, Times
from ..core.obligations import InitialFact
from ..core.plans import Plan
from ..core.sources import Contested, Source
from ..core.state import State, spec_of
from ..time.events import FactsReported
from ..time.timelines import Timeline
from ..truth import Unknown
from ..whatif.scenarios import FactExpectation
from . import _codec as codec
from . import _hooks as hooks
from ._hooks import Hook, SeveralError, at, guarded

__all__ = ["Format", "converter"]

Format = Literal["json", "toml"]

# Plan names Amendment only under TYPE_CHECKING (amendments sit above plans); resolve it here.
attrs.resolve_types(Plan, globalns={**vars(sys.modules[Plan.__module__]), "Amendment": Amendment})


def _tagged(cls: Any) -> bool:
    return isinstance(getattr(cls, "tag", None), str) and attrs.has(cls)


def union_args(tp: Any) -> tuple[Any, ...] | None:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return typing.get_args(tp)
    return None


def is_tagged_union(tp: Any) -> bool:
    args = union_args(tp)
    members = [a for a in args or () if a is not type(None)]
    return bool(members) and all(_tagged(a) for a in members)


def _has_unknown(tp: Any) -> bool:
    return Unknown in (union_args(tp) or ())


def _is_number_union(tp: Any) -> bool:
    return set(union_args(tp) or ()) == {int, float}


def seq_of(tp: Any) -> Any:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    if origin is frozenset and len(args) == 1:
        return args[0]
    return None


class _Factory:
    """Builds the hooks for one converter (a class, so that the hooks can reach the converter)."""

    def __init__(self, conv: cattrs.Converter, fmt: Format) -> None:
        self.conv, self.fmt = conv, fmt

    # -- unions --
    def tagged_union(self, tp: Any) -> Hook:
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        # A family of kinds (conditions, changes, edits) is looked up in its registry, so that a
        # kind registered later is read too; another union by its members.
        kinds = family_of(tp)
        by_tag = kinds.by_tag if kinds is not None else {m.tag: m for m in members}
        optional = len(members) < len(typing.get_args(tp))
        conv = self.conv
        hooks: dict[type, Hook] = {}

        def structure(raw: Any, _: Any) -> Any:
            if raw is None and optional:
                return None
            if not isinstance(raw, dict):
                allowed = ", ".join(repr(t) for t in by_tag)
                raise codec.BadValueError(
                    f"expected a table with a 'kind' ({allowed}); got {codec.show(raw)}"
                )
            kind = raw.get("kind")
            cls = by_tag.get(kind) if isinstance(kind, str) else None
            if cls is None:
                allowed = ", ".join(repr(t) for t in by_tag)
                what = "no 'kind'" if "kind" not in raw else f"unknown kind {codec.show(kind)}"
                raise codec.BadValueError(
                    f"{what}; use one of {allowed}", ("kind",) if "kind" in raw else ()
                )
            hook = hooks.get(cls)
            if hook is None:  # looked up once per class, not dispatched on every value
                hook = hooks[cls] = conv.get_structure_hook(cls)
            return hook({k: v for k, v in raw.items() if k != "kind"}, cls)

        return structure

    def unstructure_tagged(self, obj: Any) -> Any:
        return {"kind": obj.tag, **self.conv.unstructure(obj, type(obj))}

    def unknown_union(self, tp: Any) -> Hook:
        rest = [a for a in typing.get_args(tp) if a is not Unknown]
        inner: Any = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
        conv = self.conv

        def structure(raw: Any, _: Any) -> Any:
            if raw == codec.UNKNOWN_WORD and type(raw) is str:
                return Unknown.UNKNOWN
            return conv.structure(raw, inner)

        return structure

    # -- sequences: a list, never a string or a table --
    def sequence(self, tp: Any) -> Hook:
        item, make = seq_of(tp), (frozenset if typing.get_origin(tp) is frozenset else tuple)
        conv = self.conv

        def structure(raw: Any, _: Any) -> Any:
            if not isinstance(raw, list):
                raise codec.BadValueError(f"expected a list, got {codec.show(raw)}")
            out, errors = [], []
            for i, x in enumerate(raw):
                try:
                    out.append(conv.structure(x, item))
                except Exception as exc:  # collected: every item's problems are reported
                    errors.append(at(exc, (i,)))
            if errors:
                raise SeveralError(errors)
            if make is frozenset:
                seen: list[Any] = []
                for i, x in enumerate(out):
                    if x in seen:
                        raise codec.BadValueError(
                            f"{codec.show(raw[i])} is listed twice in a set; list each once", (i,)
                        )
                    seen.append(x)
            return make(out)

        return structure

    def unstructure_sequence(self, tp: Any) -> Callable[[Any], Any]:
        item, conv = seq_of(tp), self.conv
        if typing.get_origin(tp) is frozenset:
            return lambda xs: sorted((conv.unstructure(x, item) for x in xs), key=repr)
        return lambda xs: [conv.unstructure(x, item) for x in xs]

    # -- attrs classes: a table; errors from the class's own validators keep their field --
    def attrs_class(self, cls: Any) -> Hook:
        fn = make_dict_structure_fn(
            cls, self.conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )
        return guarded(cls, fn)

    def unstructure_attrs(self, cls: Any) -> Callable[[Any], Any]:
        return make_dict_unstructure_fn(cls, self.conv, _cattrs_omit_if_default=True)

    # -- instants and dates --
    def instant(self, raw: Any, _: Any) -> dt.datetime:
        value = raw
        if type(raw) is str:
            try:
                if not re.match(codec.INSTANT_PATTERN, raw):
                    raise ValueError(raw)
                value = dt.datetime.fromisoformat(raw)
            except ValueError:
                raise codec.BadValueError(
                    f"{codec.show(raw)} is not an ISO 8601 instant; write e.g. 2025-10-10T12:00:00+03:00"
                ) from None
        if type(value) is not dt.datetime:
            raise codec.BadValueError(
                f"expected an instant such as 2025-10-10T12:00:00+03:00, got {codec.show(raw)}"
            )
        if value.utcoffset() is None:
            raise codec.BadValueError("naive datetime; add an offset such as +00:00")
        return value

    def day(self, raw: Any, _: Any) -> dt.date:
        if type(raw) is dt.date:
            return raw
        if type(raw) is str and re.match(codec.DATE_PATTERN, raw):
            try:
                return dt.date.fromisoformat(raw)
            except ValueError:
                pass
        raise codec.BadValueError(f"expected a date such as 2025-10-09, got {codec.show(raw)}")

    def unstructure_instant(self, value: dt.datetime) -> Any:
        return value if self.fmt == "toml" else value.isoformat()

    def unstructure_day(self, value: dt.date) -> Any:
        return value if self.fmt == "toml" else value.isoformat()


@cache
def converter(fmt: Format) -> cattrs.Converter:
    """The converter for *fmt* (``"json"`` or ``"toml"``), built once."""
    conv = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True, detailed_validation=True)
    f = _Factory(conv, fmt)

    def strict(fn: Callable[[Any], Any]) -> Hook:
        return lambda raw, _: fn(raw)

    conv.register_structure_hook(int, strict(codec.whole))
    conv.register_structure_hook(float, strict(_float))
    conv.register_structure_hook(str, strict(codec.text))
    conv.register_structure_hook(bool, strict(codec.flag))
    conv.register_structure_hook(dt.datetime, f.instant)
    conv.register_structure_hook(dt.date, f.day)
    conv.register_unstructure_hook(dt.datetime, f.unstructure_instant)
    conv.register_unstructure_hook(dt.date, f.unstructure_day)
    is_enum = lambda t: isinstance(t, type) and issubclass(t, enum.Enum)  # noqa: E731
    conv.register_structure_hook_func(is_enum, codec.decode_enum)
    conv.register_unstructure_hook_func(is_enum, codec.enum_word)

    conv.register_structure_hook_factory(attrs.has, f.attrs_class)
    conv.register_structure_hook(Source, hooks.interned(f.attrs_class(Source)))
    conv.register_unstructure_hook_factory(attrs.has, f.unstructure_attrs)
    conv.register_structure_hook_factory(lambda t: seq_of(t) is not None, f.sequence)
    conv.register_unstructure_hook_factory(lambda t: seq_of(t) is not None, f.unstructure_sequence)
    conv.register_structure_hook_factory(is_tagged_union, f.tagged_union)
    conv.register_unstructure_hook_func(is_tagged_union, f.unstructure_tagged)
    conv.register_structure_hook_factory(_has_unknown, f.unknown_union)
    conv.register_structure_hook_func(_is_number_union, strict(codec.number))

    # Operands, fact values and terms: typed by a sibling field. A condition's fields say their
    # role (gazaplan.core.conditions): a "value" is an operand, "values" a set of them.
    decoders: dict[str, Hook] = {
        "value": lambda raw, fact: codec.decode_operand(raw, spec_of(fact)[0]),
        "values": lambda raw, fact: hooks.one_of(raw, spec_of(fact)[0]),
    }
    conv.register_structure_hook_factory(
        lambda cls: _fact_typed(cls) is not None,
        lambda cls: hooks.fact_directed(conv, cls, *_role_field(cls, decoders)),
    )
    fact_value = lambda raw, fact: codec.decode_fact_value(raw, fact, conv.structure)  # noqa: E731
    for valued in (InitialFact, FactExpectation):
        conv.register_structure_hook(valued, hooks.fact_directed(conv, valued, "value", fact_value))

    def value_hook(obj: object) -> Any:
        return codec.encode_value(obj, conv.unstructure)

    for value_cls in (Term, Times, Contested):
        conv.register_unstructure_hook(value_cls, value_hook)
    conv.register_unstructure_hook_func(
        lambda t: t is Any or isinstance(t, typing.TypeVar), value_hook
    )
    conv.register_structure_hook_func(_has_term, strict(codec.decode_factor))
    for operand_cls in (Term, Times):
        conv.register_structure_hook(operand_cls, _only(operand_cls))

    conv.register_structure_hook(
        FactsReported, guarded(FactsReported, lambda raw, _: hooks.facts_reported(conv, raw))
    )

    def facts_reported(obj: FactsReported) -> dict[str, Any]:
        return {"facts": {k: value_hook(v) for k, v in obj.facts.items()}}

    conv.register_unstructure_hook(FactsReported, facts_reported)
    conv.register_structure_hook(State, lambda raw, _: hooks.state(conv, raw))
    conv.register_unstructure_hook(State, lambda obj: hooks.state_document(conv, obj))
    conv.register_structure_hook(
        SetTerm, guarded(SetTerm, lambda raw, _: hooks.set_term(conv, raw))
    )
    conv.register_structure_hook(
        Timeline, guarded(Timeline, lambda raw, _: hooks.timeline(conv, raw))
    )
    return conv


def _float(raw: Any) -> float:
    """A float field: a finite number, an int too large for a float refused (not overflowing)."""
    value = codec.number(raw)
    try:
        return float(value)
    except OverflowError:
        raise codec.BadValueError(
            f"{codec.show(raw)} is too large for a number here; give a value below 1e308"
        ) from None


def _fact_typed(cls: Any) -> str | None:
    """The role of the field of *cls* typed by its ``fact`` field ("value", "values"), if any."""
    if not (isinstance(cls, type) and attrs.has(cls)):
        return None
    for a in attrs.fields(cls):
        role = a.metadata.get("role")
        if role in ("value", "values"):
            return str(role)
    return None


def _role_field(cls: Any, decoders: dict[str, Hook]) -> tuple[str, Hook, str]:
    """The field typed by a fact, its decoder, and the field naming the fact."""
    role = _fact_typed(cls)
    name = next(a.name for a in attrs.fields(cls) if a.metadata.get("role") == role)
    fact = next((a.name for a in attrs.fields(cls) if a.metadata.get("role") == "fact"), "fact")
    return name, decoders[str(role)], fact


def _has_term(tp: Any) -> bool:
    return Term in (union_args(tp) or ())


def _only(cls: type[Any]) -> Hook:
    """Term and Times on their own are written as operands: ``{term = ...}``, ``{times, fact}``."""

    def structure(raw: Any, _: Any) -> Any:
        value = codec.decode_factor(raw)
        if not isinstance(value, cls):
            raise codec.BadValueError(f"expected a {cls.__name__} operand, got {codec.show(raw)}")
        return value

    return structure
