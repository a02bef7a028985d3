"""The JSON Schema (draft 2020-12) of gazaplan's documents, generated from the classes.

Editors validate scenario files with it while people type (VS Code: ``"$schema"`` in a JSON file,
or the ``json.schemas`` setting; Taplo / Even Better TOML for TOML files). The package ships it as
``gazaplan/files/scenario.schema.json``; ``gazaplan schema`` prints it. The tests check that the shipped
file is what the classes generate, and that every document ``dump`` writes is valid under it.

The schema describes the JSON form. TOML files hold the same tables, with native date-times.
It checks shape (keys, types, tags, enum words); the loader also checks meaning (a count that is
not negative, an event that can happen, a phase that exists), so a file the schema accepts may
still be refused on loading, with a located message.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from typing import Any, Final

import attrs

from ..core._kinds import family_of
from ..core.conditions import Term, Times
from ..core.facts import FactKind, FactSpec
from ..core.obligations import InitialFact
from ..core.sources import Source
from ..core.state import FACTS, State
from ..time.events import Event, FactsReported
from ..time.timelines import Timeline
from ..truth import Unknown
from ..whatif.scenarios import FactExpectation, Scenario
from . import _codec as codec
from ._converter import is_tagged_union, seq_of, union_args
from ._document_types import kind_of
from .documents import SCHEMA_VERSION

__all__ = ["SCHEMA_ID", "document_schema", "scenario_schema"]

SCHEMA_ID: Final = "https://gazaplan.invalid/schema/scenario.schema.json"
_OFFSET: Final = codec.INSTANT_PATTERN
_DATE: Final = codec.DATE_PATTERN
_PER_PARTY: Final = r"^(%s)\.[a-z0-9]+([-_.][a-z0-9]+)*$"
_UNKNOWN: Final = {"const": codec.UNKNOWN_WORD}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}
        self.owners: dict[str, type[Any]] = {}

    def name_of(self, cls: type[Any]) -> str:
        """The name of *cls* in ``$defs``: its class name, made unique by its module if another
        class of that name is there already (a kind registered from outside)."""
        name = cls.__name__
        owner = self.owners.setdefault(name, cls)
        if owner is cls:
            return name
        qualified = f"{cls.__module__}.{cls.__qualname__}".replace("<", "").replace(">", "")
        self.owners.setdefault(qualified, cls)
        return qualified

    def ref(self, name: str, build: typing.Callable[[], Any]) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: recursive types refer to it while it is built
            self.defs[name] = build()
        return {"$ref": f"#/$defs/{name}"}

    def of(self, tp: Any) -> Any:
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is dt.datetime:
            return {"type": "string", "pattern": _OFFSET}
        if tp is dt.date:
            return {"type": "string", "pattern": _DATE}
        if tp is Any or isinstance(tp, typing.TypeVar):
            return self.fact_value(None)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [codec.enum_word(m) for m in tp]}
        if tp is State:
            return self.ref("State", lambda: self.facts_table())
        if tp is Timeline:
            return self.ref(
                "Timeline",
                lambda: _table(
                    {
                        "events": self.of(tuple[Event, ...]),
                        "data_as_of": self.of(dt.datetime | None),
                    },
                    [],
                ),
            )
        if tp in (Term, Times) or (union_args(tp) and Term in union_args(tp)):  # type: ignore[operator]
            return self.ref("Operand", self.operand)
        if seq_of(tp) is not None:
            out = {"type": "array", "items": self.of(seq_of(tp))}
            return {**out, "uniqueItems": True} if typing.get_origin(tp) is frozenset else out
        if is_tagged_union(tp):
            kinds = family_of(tp)  # a family of kinds: every kind registered
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            if kinds is not None:
                members = list(kinds.types())
            union = {"oneOf": [self.of(m) for m in members]}
            optional = type(None) in typing.get_args(tp)
            return {"anyOf": [union, {"type": "null"}]} if optional else union
        args = union_args(tp)
        if args is not None:
            parts = [
                self.of(a) if a is not Unknown else _UNKNOWN for a in args if a is not type(None)
            ]
            if type(None) in args:
                parts.append({"type": "null"})
            return {"anyOf": parts}
        origin = typing.get_origin(tp)
        if origin is not None and attrs.has(origin):  # Sourced[int], Claim[float]
            (inner,) = typing.get_args(tp)
            name = f"{origin.__name__}_{_name(inner)}"
            return self.ref(name, lambda: self.generic(origin, inner))
        if attrs.has(tp):
            return self.ref(self.name_of(tp), lambda: self.attrs_class(tp))
        raise TypeError(f"no schema for {tp!r}")  # a new field type: teach the builder

    def attrs_class(self, cls: Any) -> dict[str, Any]:
        hints = _hints(cls)
        props, required = {}, []
        for a in attrs.fields(cls):
            if not a.init:
                continue
            props[a.name] = self.field(cls, a.name, hints[a.name])
            if a.default is attrs.NOTHING:
                required.append(a.name)
        if isinstance(getattr(cls, "tag", None), str):
            props = {"kind": {"const": cls.tag}, **props}
            required = ["kind", *required]
        return _table(props, required)

    def field(self, cls: Any, name: str, tp: Any) -> Any:
        role = attrs.fields_dict(cls)[name].metadata.get("role")  # a condition's field roles
        if role == "value":
            return {"anyOf": [_SCALAR, self.of(Term)]}
        if role == "values":
            return {"type": "array", "items": _SCALAR, "uniqueItems": True}
        if cls in (InitialFact, FactExpectation) and name == "value":
            return self.fact_value(None)
        if cls is FactsReported and name == "facts":
            return self.of(State)
        return self.of(tp)

    def generic(self, cls: Any, inner: Any) -> dict[str, Any]:
        hints = _hints(cls)
        props = {
            a.name: self.of(inner if a.name == "value" else hints[a.name])
            for a in attrs.fields(cls)
        }
        required = [a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING]
        return _table(props, required)

    def operand(self) -> dict[str, Any]:
        term = _table({"term": {"type": "string"}}, ["term"])
        times = _table(
            {"times": {"$ref": "#/$defs/Operand"}, "fact": {"type": "string"}}, ["times", "fact"]
        )
        return {"anyOf": [{"type": "number"}, term, times]}

    def fact_value(self, spec: FactSpec | None) -> dict[str, Any]:
        """A fact's value: known, ``"unknown"``, ``{"contested": [claims]}``, or for a count
        known only from below ``{"at_least": n, "as_of": "YYYY-MM-DD"}``."""
        known = _SCALAR if spec is None else _kind_schema(spec)
        claim = _table(
            {
                "value": known,
                "claimed_by": {"type": "string"},
                "sources": {"type": "array", "items": self.of(Source)},
                "note": {"type": "string"},
            },
            ["value", "claimed_by", "sources"],
        )
        contested = _table(
            {"contested": {"type": "array", "items": claim, "minItems": 2}}, ["contested"]
        )
        if spec is not None and spec.kind is not FactKind.COUNT:
            return {"anyOf": [known, _UNKNOWN, contested]}
        floor = _table(
            {
                "at_least": {"type": "integer", "minimum": 0},
                "as_of": {"type": "string", "pattern": _DATE},
            },
            ["at_least"],
        )
        return {"anyOf": [known, _UNKNOWN, contested, floor]}

    def facts_table(self) -> dict[str, Any]:
        props, patterns = {}, {}
        for spec in FACTS.values():
            if spec.derived:
                continue
            if spec.per_party:
                patterns[_PER_PARTY % spec.id] = self.fact_value(spec)
            else:
                props[spec.id] = self.fact_value(spec)
        return {
            "type": "object",
            "properties": props,
            "patternProperties": patterns,
            "additionalProperties": False,
        }


_SCALAR: Final = {"type": ["boolean", "number", "string"]}


def _kind_schema(spec: FactSpec) -> dict[str, Any]:
    if spec.kind is FactKind.FLAG:
        return {"type": "boolean"}
    if spec.kind is FactKind.COUNT:
        return {"type": "integer", "minimum": 0}
    if spec.kind in (FactKind.NUMBER, FactKind.PERCENT):
        return {"type": "number", "minimum": 0}
    if spec.choices is not None:
        return {"enum": [codec.enum_word(m) for m in spec.choices]}
    return {"type": "string", "not": _UNKNOWN}


def _hints(cls: Any) -> dict[str, Any]:
    """Field types, resolved (Plan's forward reference was resolved by the converter module)."""
    attrs.resolve_types(cls)
    return {a.name: a.type for a in attrs.fields(cls)}


def _table(props: dict[str, Any], required: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    return {**out, "required": required} if required else out


def _name(tp: Any) -> str:
    return "_".join(getattr(a, "__name__", str(a)) for a in (union_args(tp) or (tp,)))


def document_schema(cls: Any) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a document holding one type.

    Args:
        cls: the type the document holds (a Scenario, Plan, Timeline, ...).

    Returns:
        The schema, as plain data.

    Raises:
        InvalidValueError: if no document holds *cls*.
    """
    name, tp = kind_of(cls)
    b = _Builder()
    body = b.of(tp)
    header = {
        "schema_version": {"type": "integer", "minimum": 1, "maximum": SCHEMA_VERSION},
        "document": {"const": name},
        "$schema": {"type": "string"},
    }
    target = b.defs[body["$ref"].rsplit("/", 1)[1]] if "$ref" in body else body
    if target.get("type") == "object":  # a table: the header keys sit beside its own keys
        target = {**target, "properties": {**header, **target["properties"]}}
        target["required"] = ["schema_version", *target.get("required", [])]
        top: dict[str, Any] = target
    else:  # a tagged union (a condition, ...): each member allows the header keys
        top = {"allOf": [{"type": "object", "required": ["schema_version"]}, body]}
        for member in b.defs.values():
            if "kind" in member.get("properties", {}):
                member["properties"] = {**header, **member["properties"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID if cls is Scenario else SCHEMA_ID.replace("scenario", name),
        "title": f"gazaplan {name} document (schema_version {SCHEMA_VERSION})",
        **top,
        "$defs": dict(sorted(b.defs.items())),
    }


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema of scenario files (the one shipped as ``scenario.schema.json``).

    Returns:
        The schema, as plain data.
    """
    return document_schema(Scenario)
