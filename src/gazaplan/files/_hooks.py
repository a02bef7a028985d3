"""Hooks for the classes a converter cannot structure from annotations alone, and the helpers
every hook shares (a table check that keeps validators' errors, collected problems).

Part of the serialization edge, used by :mod:`gazaplan.files._converter`. A field typed by a sibling (a
condition's ``value`` by its ``fact``, a ``set_term``'s value by its ``path``), a state written as
fact ids to values, an event's reported facts, and a timeline whose ordering errors name an event.
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn

from ..core.amendments import SetTerm
from ..core.sources import Sourced
from ..core.state import FACTS, State, check_set, spec_of
from ..core.terms import AidTerms, ExchangeTerms
from ..exceptions import GazaplanError
from ..time.events import Event, FactsReported
from ..time.timelines import Timeline
from ..truth import Unknown
from . import _codec as codec

__all__ = ["Hook", "SeveralError", "at", "guarded"]

Hook = typing.Callable[[Any, Any], Any]


class SeveralError(ValueError):
    """Problems found in several places of one value (collected rather than stopping at one)."""

    def __init__(self, errors: list[BaseException]) -> None:
        super().__init__(f"{len(errors)} problems")
        self.errors = errors


def at(exc: BaseException, rel: tuple[str | int, ...]) -> BaseException:
    """*exc*, located *rel* further down (kept inside a BadValueError)."""
    return codec.BadValueError("", rel, exc)


def guarded(cls: Any, fn: Hook) -> Hook:
    """Structure a table as *cls*; a validator's error (a GazaplanError) is kept, with its field."""
    names = {a.name for a in attrs.fields(cls)}
    cls_name = cls.__name__

    def structure(raw: Any, _: Any) -> Any:
        if not isinstance(raw, dict):
            keys = ", ".join(a.name for a in attrs.fields(cls) if a.init)
            raise codec.BadValueError(
                f"expected a table for {cls_name} (keys: {keys}); got {codec.show(raw)}"
            )
        try:
            return fn(raw, cls)
        except GazaplanError as exc:
            where = str(getattr(exc, "where", ""))
            field = where.removeprefix(f"{cls_name}.")
            rel: tuple[str | int, ...] = (field,) if field in names and field in raw else ()
            message = str(exc).removeprefix(f"{where}: ") if where else str(exc)
            raise codec.BadValueError(message, rel) from exc

    return structure


def interned(fn: Hook, limit: int = 4096) -> Hook:
    """*fn*, handing out one object for tables read before with the same keys, values and value
    types (a source cited by a thousand events is structured, and held in memory, once). For
    immutable classes only; a table holding a list or a table is structured each time."""
    memo: dict[tuple[tuple[tuple[str, Any], ...], tuple[type, ...]], Any] = {}

    def structure(raw: Any, tp: Any) -> Any:
        key = None
        if type(raw) is dict:  # the types too: 1, 1.0 and true are equal but not the same value
            key = (tuple(raw.items()), tuple(map(type, raw.values())))
            try:
                found = memo.get(key)
            except TypeError:  # an unhashable value: not shared
                key = found = None
            if found is not None:
                return found
        made = fn(raw, tp)
        if key is not None:
            if len(memo) >= limit:
                memo.clear()
            memo[key] = made
        return made

    return structure


# -- classes whose fields are typed by a sibling field (a fact id or a term path) --
def fact_directed(
    conv: cattrs.Converter, cls: Any, field: str, decode: Hook, fact: str = "fact"
) -> Hook:
    """Structure *cls*, decoding *field* by the fact named in the *fact* key."""
    overrides: dict[str, Any] = {field: cattrs.gen.override(struct_hook=lambda raw, _: raw)}
    plain = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True, **overrides
    )

    def structure(raw: Any, _: Any) -> Any:
        if isinstance(raw, dict) and field in raw and isinstance(raw.get(fact), str):
            try:
                spec_of(raw[fact])
            except GazaplanError as exc:
                raise codec.BadValueError(str(exc), (fact,)) from None
            try:
                raw = {**raw, field: decode(raw[field], raw[fact])}
            except codec.BadValueError as exc:
                raise codec.BadValueError(exc.message, (field, *exc.rel)) from None
        return plain(raw, cls)

    return guarded(cls, structure)


def facts_map(conv: cattrs.Converter, raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise codec.BadValueError(f"expected a table of fact ids to values, got {codec.show(raw)}")
    out, errors = {}, []
    for key, value in raw.items():
        try:
            out[key] = codec.decode_fact_value(value, key, conv.structure)
        except Exception as exc:
            errors.append(at(exc, (key,)))
    if errors:
        raise SeveralError(errors)
    return out


def state_document(conv: cattrs.Converter, state: State) -> dict[str, Any]:
    """A state as fact ids to values: per-party entries always, other facts only when known."""
    out: dict[str, Any] = {}
    for spec in FACTS.values():
        if spec.derived:
            continue
        if spec.per_party:
            for party, v in getattr(state, spec.field).items():
                out[f"{spec.id}.{party}"] = codec.encode_value(v, conv.unstructure)
        elif (v := getattr(state, spec.field)) is not Unknown.UNKNOWN:
            out[spec.id] = codec.encode_value(v, conv.unstructure)
    return out


def term_type(path: str) -> Any:
    group, _, name = path.partition(".")
    holder = {"exchange": ExchangeTerms, "aid": AidTerms}.get(group)
    hints = typing.get_type_hints(holder) if holder is not None else {}
    tp = hints.get(name)
    if tp is None or typing.get_origin(tp) is not Sourced:
        known = [
            f"{g}.{n}"
            for g, h in (("exchange", ExchangeTerms), ("aid", AidTerms))
            for n, t in typing.get_type_hints(h).items()
            if typing.get_origin(t) is Sourced
        ]
        raise codec.BadValueError(
            f"unknown term {path!r}; known terms: {', '.join(known)}", ("path",)
        )
    return tp


def one_of(raw: Any, spec: Any) -> frozenset[Any]:
    if not isinstance(raw, list):
        raise codec.BadValueError(f"expected a list of values, got {codec.show(raw)}")
    out = []
    for i, x in enumerate(raw):
        try:
            out.append(codec.decode_scalar(x, spec))
        except codec.BadValueError as exc:
            raise codec.BadValueError(exc.message, (i,)) from None
    return frozenset(out)


def facts_reported(conv: cattrs.Converter, raw: dict[str, Any]) -> FactsReported:
    extra = sorted(set(raw) - {"facts"})
    if extra:
        raise codec.BadValueError(
            f"unknown key {extra[0]!r}; facts_reported takes only 'facts'", (extra[0],)
        )
    if "facts" not in raw:
        raise codec.BadValueError("no 'facts'; add a table of fact ids to values")
    try:
        facts = facts_map(conv, raw["facts"])
    except Exception as exc:
        raise at(exc, ("facts",)) from None
    try:
        return FactsReported(facts)
    except GazaplanError:  # each fact it refuses, located
        raise at(SeveralError(_refused_facts(facts)), ("facts",)) from None


def _refused_facts(facts: dict[str, Any]) -> list[BaseException]:
    """What :class:`FactsReported` refuses in *facts*, a problem at each fact."""
    errors: list[BaseException] = []
    for key, value in facts.items():
        try:
            check_set(key, value, "facts")
        except GazaplanError as exc:
            where = getattr(exc, "where", "")
            message = str(exc).removeprefix(f"{where}: ") if where else str(exc)
            errors.append(codec.BadValueError(message, (key,)))
    return errors


def state(conv: cattrs.Converter, raw: Any) -> State:
    facts = facts_map(conv, raw)
    try:
        return State.from_facts(facts)
    except GazaplanError as exc:
        raise codec.BadValueError(str(exc)) from None


def set_term(conv: cattrs.Converter, raw: dict[str, Any]) -> SetTerm:
    extra = sorted(set(raw) - {"path", "value"})
    if extra:
        raise codec.BadValueError(
            f"unknown key {extra[0]!r}; set_term takes path and value", (extra[0],)
        )
    for key in ("path", "value"):
        if key not in raw:
            raise codec.BadValueError(f"no {key!r}; set_term takes path and value")
    path = codec.text(raw["path"])
    try:
        value = conv.structure(raw["value"], term_type(path))
    except codec.BadValueError as exc:
        if exc.rel == ("path",):
            raise
        raise at(exc, ("value",)) from None
    except Exception as exc:
        raise at(exc, ("value",)) from None
    return SetTerm(path, value)


def timeline(conv: cattrs.Converter, raw: dict[str, Any]) -> Timeline:
    extra = sorted(set(raw) - {"events", "data_as_of"})
    if extra:
        raise codec.BadValueError(
            f"unknown key {extra[0]!r}; a timeline has only 'events' and 'data_as_of'",
            (extra[0],),
        )
    try:
        events = conv.structure(raw.get("events", []), tuple[Event, ...])
    except Exception as exc:
        raise at(exc, ("events",)) from None
    edge = raw.get("data_as_of")
    try:
        data_as_of = None if edge is None else conv.structure(edge, dt.datetime)
    except Exception as exc:
        raise at(exc, ("data_as_of",)) from None
    if data_as_of is not None and any(e.at > data_as_of for e in events):
        late = next(e for e in events if e.at > data_as_of)
        raise codec.BadValueError(
            f"event {late.id!r} ({late.at.isoformat()}) is later than the data's as_of; give the "
            "instant the sources reach, or leave data_as_of out for a scenario",
            ("data_as_of",),
        )
    try:
        return Timeline(events, data_as_of=data_as_of)
    except GazaplanError as exc:
        ids = [e.id for e in events]
        event_id = getattr(exc, "event_id", None)
        rel: tuple[str | int, ...] = (
            ("events", ids.index(event_id)) if event_id in ids else ("events",)
        )
        raise codec.BadValueError(str(exc), rel) from None
