"""The document form of values that carry no type of their own: fact values, operands, enums.

Part of the serialization edge (with :mod:`gazaplan.files._converter` and :mod:`gazaplan.files.documents`);
no core module imports it. Most of a document is typed by the classes' annotations, which the
converter follows. Three kinds of value are not, and are encoded here:

* **fact values** (a state's facts, an event's reported facts, a plan's starting facts, the claims
  of a contested fact): decoded by the fact they belong to, so ``"both_ways"`` becomes
  ``Crossing.BOTH_WAYS`` only where the fact is ``rafah_crossing``. ``"unknown"`` is UNKNOWN, and
  ``{"contested": [claim, ...]}`` is a :class:`~gazaplan.Contested` fact, and
  ``{"at_least": 250, "as_of": "2026-10-09"}`` a count known only from below (a
  :class:`~gazaplan.core.facts.Floor`, past the data's edge);
* **operands** of comparisons: a plain value, ``{"term": "exchange.remains_ratio"}`` or
  ``{"times": 15, "fact": "hostages_deceased_returned"}``;
* **enum members**, written as their lower-case names (``"accepted_in_part"``), never as their
  display texts, which may be reworded.

Decoders raise :class:`BadValueError` with the path *inside* the value they were given; the converter
adds the path of the value itself.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Callable
from typing import Any, Final

from ..core.conditions import Term, Times
from ..core.facts import FactKind, FactSpec, Floor
from ..core.sources import Claim, Contested, Source
from ..core.state import spec_of
from ..exceptions import GazaplanError
from ..truth import UNKNOWN

__all__ = ["UNKNOWN_WORD", "BadValueError", "decode_enum", "decode_fact_value", "encode_value"]

INSTANT_PATTERN: Final = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$"
"""An instant as documents write it: RFC 3339 (ISO 8601 with a 'T' and an offset in hours and
minutes; RFC 3339 and TOML have no seconds in an offset)."""

DATE_PATTERN: Final = r"^\d{4}-\d{2}-\d{2}$"

UNKNOWN_WORD: Final = "unknown"
"""How UNKNOWN is written in documents (no enum member and no id may be spelled so)."""

Path = tuple[str | int, ...]


class BadValueError(ValueError):
    """A value that does not fit; *rel* is where inside the value (empty: the value itself)."""

    def __init__(self, message: str, rel: Path = (), inner: BaseException | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.rel = rel
        self.inner = inner  # set when this only locates another error, *rel* further down


def show(raw: object) -> str:
    """A short, safe rendering of a raw document value for messages."""
    text = repr(raw)
    return text if len(text) <= 60 else text[:57] + "..."


# -- primitives, strictly: a document never turns "5" into 5 or 3.7 into 3 --
def whole(raw: object) -> int:
    if type(raw) is not int:
        raise BadValueError(f"expected a whole number, got {show(raw)}")
    return raw


def number(raw: object) -> int | float:
    """An int stays an int and a float a float, so a value survives a round trip unchanged."""
    if type(raw) is int:
        return raw
    if type(raw) is float and math.isfinite(raw):
        return raw
    raise BadValueError(f"expected a finite number, got {show(raw)}")


def flag(raw: object) -> bool:
    if type(raw) is not bool:
        raise BadValueError(f"expected true or false, got {show(raw)}")
    return raw


_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def text(raw: object) -> str:
    if type(raw) is not str:
        raise BadValueError(f"expected text, got {show(raw)}")
    if not raw.isascii() and _SURROGATE.search(raw):  # found without copying the text
        raise BadValueError("text with an unpaired surrogate escape; write the character itself")
    return raw


# -- enums --
def enum_word(member: enum.Enum) -> str:
    return member.name.lower()


def decode_enum(raw: object, cls: type[enum.Enum]) -> Any:
    word = text(raw)
    member = cls.__members__.get(word.upper()) if word == word.lower() else None
    if member is None:
        words = ", ".join(repr(enum_word(m)) for m in cls)
        raise BadValueError(f"{show(raw)} is not a {cls.__name__}; use one of {words}")
    return member


# -- values in general (fact values, operands, Any-typed fields) --
def encode_value(value: object, unstructure: Callable[[object], Any]) -> Any:
    """The document form of a fact value, an operand or a claimed value (*unstructure* writes
    the sources of a contested fact's claims)."""
    if value is UNKNOWN:
        return UNKNOWN_WORD
    if isinstance(value, enum.Enum):
        return enum_word(value)
    if isinstance(value, Term):
        return {"term": value.path}
    if isinstance(value, Times):
        return {"times": encode_value(value.factor, unstructure), "fact": value.fact}
    if isinstance(value, Contested):
        return {"contested": [_encode_claim(c, unstructure) for c in value.claims]}
    if isinstance(value, Floor):
        floor: dict[str, Any] = {"at_least": value.value}
        return floor | ({"as_of": value.as_of.isoformat()} if value.as_of else {})
    return value


def _encode_claim(claim: Claim[Any], unstructure: Callable[[object], Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "value": encode_value(claim.value, unstructure),
        "claimed_by": claim.claimed_by,
        "sources": [unstructure(s) for s in claim.sources],
    }
    if claim.note:
        out["note"] = claim.note
    return out


def decode_scalar(raw: object, spec: FactSpec) -> Any:
    """A known value of the fact *spec* (no UNKNOWN, no contested)."""
    if spec.kind is FactKind.FLAG:
        return flag(raw)
    if spec.kind is FactKind.COUNT:
        return whole(raw)
    if spec.kind in (FactKind.NUMBER, FactKind.PERCENT):
        return number(raw)
    if spec.choices is not None:
        return decode_enum(raw, spec.choices)
    word = text(raw)
    if word == UNKNOWN_WORD:
        raise BadValueError(f"{UNKNOWN_WORD!r} is reserved for UNKNOWN and names no line")
    return word


def decode_fact_value(
    raw: object, fact_id: str, structure: Callable[[object, type[Any]], Any]
) -> Any:
    """A value of fact *fact_id* as a state holds it: known, UNKNOWN or Contested."""
    try:
        spec, _ = spec_of(fact_id)
    except GazaplanError as exc:
        raise BadValueError(str(exc)) from None
    if raw == UNKNOWN_WORD and type(raw) is str:
        return UNKNOWN
    if isinstance(raw, dict) and "contested" in raw:
        return _decode_contested(raw, spec, structure)
    if isinstance(raw, dict) and "at_least" in raw and spec.kind is FactKind.COUNT:
        return _decode_floor(raw)
    return decode_scalar(raw, spec)


def _decode_floor(raw: dict[str, Any]) -> Floor:
    extra = sorted(set(raw) - {"at_least", "as_of"})
    if extra:
        raise BadValueError(f"unknown keys {extra} next to 'at_least'; a floor has at_least, as_of")
    as_of = raw.get("as_of")
    try:
        day = None if as_of is None else dt.date.fromisoformat(str(as_of))
    except ValueError:
        raise BadValueError(f"{show(as_of)} is not a date; write YYYY-MM-DD", ("as_of",)) from None
    return Floor(whole(raw["at_least"]), day)


_CLAIM_KEYS: Final = frozenset({"value", "claimed_by", "sources", "note"})


def _decode_contested(
    raw: dict[str, Any], spec: FactSpec, structure: Callable[[object, type[Any]], Any]
) -> Contested:
    if set(raw) != {"contested"}:
        extra = sorted(set(raw) - {"contested"})
        raise BadValueError(f"unknown keys {extra} next to 'contested'; remove them")
    items = raw["contested"]
    if not isinstance(items, list):
        raise BadValueError("'contested' takes a list of claims", ("contested",))
    claims = []
    for i, item in enumerate(items):
        rel: Path = ("contested", i)
        if not isinstance(item, dict):
            raise BadValueError(
                f"a claim is a table with value, claimed_by, sources; got {show(item)}", rel
            )
        if not item.keys() <= _CLAIM_KEYS:
            extra = sorted(set(item) - _CLAIM_KEYS)
            raise BadValueError(
                f"unknown keys {extra}; a claim has value, claimed_by, sources, note", rel
            )
        for key in ("value", "claimed_by", "sources"):
            if key not in item:
                raise BadValueError(f"the claim has no {key!r}; add it", rel)
        try:
            value = decode_scalar(item["value"], spec)
        except BadValueError as exc:
            raise BadValueError(exc.message, (*rel, "value")) from None
        sources = structure(item["sources"], tuple[Source, ...])
        claims.append(
            Claim(value, text(item["claimed_by"]), sources, note=text(item.get("note", "")))
        )
    try:
        return Contested(tuple(claims))
    except GazaplanError as exc:
        raise BadValueError(str(exc), ("contested",)) from None


def decode_operand(raw: object, spec: FactSpec) -> Any:
    """The value a condition compares fact *spec* with: plain, a Term or a Times."""
    if isinstance(raw, dict):
        keys = set(raw)
        if keys == {"term"}:
            return Term(text(raw["term"]))
        if keys == {"times", "fact"}:
            factor: Any = decode_factor(raw["times"])
            return Times(factor, text(raw["fact"]))
        raise BadValueError(
            f"an operand table is {{term = ...}} or {{times = ..., fact = ...}}; got keys {sorted(keys)}"
        )
    if raw == UNKNOWN_WORD and type(raw) is str:
        raise BadValueError(
            "a condition cannot compare with unknown; use a 'known' condition instead"
        )
    return decode_scalar(raw, spec)


def decode_factor(raw: object) -> Term | Times | int | float:
    """A number or ``{term = ...}`` (a deadline's hours, a Times factor, a measure's owed amount)."""
    if isinstance(raw, dict):
        if set(raw) == {"term"}:
            return Term(text(raw["term"]))
        if set(raw) == {"times", "fact"}:
            factor: Any = decode_factor(raw["times"])  # a Times as factor: refused by Times
            return Times(factor, text(raw["fact"]))
        raise BadValueError(f"expected a number or {{term = ...}}; got keys {sorted(raw)}")
    return number(raw)
