"""attrs validators that raise :class:`~gazaplan.exceptions.InvalidValueError` with teaching messages.

Each factory returns a validator ``(instance, attribute, value) -> None``. The message names the
class and field, the value received, the rule it breaks and the fix.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import math
import re
from collections.abc import Callable, Iterable
from itertools import repeat
from typing import Any, Final, cast

import attrs

from ..exceptions import InvalidValueError
from ..truth import UNKNOWN

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

ID_PATTERN: Final = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")

MAX_NUMBER: Final = 1_000_000_000
"""The largest count or number the library takes (a billion): far above any figure of the plan
(Gaza's 2.1 million people), and small enough that sums and products of counts stay exact and
printable. Larger values are refused, never silently wrapped or rounded."""

MAX_HOURS: Final = 24 * 366 * 100
"""The longest deadline, in hours: a hundred years."""

EARLIEST: Final = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
LATEST: Final = dt.datetime(2200, 1, 1, tzinfo=dt.UTC)
"""Instants the library takes lie in [EARLIEST, LATEST): a deadline of MAX_HOURS after any of
them, and the one-day window of a day-precision source, still fall inside Python's calendar."""


def where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """``"ClassName.field"`` for messages."""
    return f"{type(instance).__name__}.{attribute.name}"


def text(*, allow_empty: bool = False) -> Validator:
    """A str, stripped of nothing, non-empty unless *allow_empty*."""

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str):
            raise InvalidValueError(
                where(inst, attr), value, "expected text (a str)", "Pass a string."
            )
        if not allow_empty and not value.strip():
            raise InvalidValueError(
                where(inst, attr), value, "must not be empty", "Give a short description."
            )

    return check


def ident() -> Validator:
    """A stable id: lower-case letters and digits joined by '-', '_' or '.'."""

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            raise InvalidValueError(
                where(inst, attr),
                value,
                "an id is lower-case letters and digits joined by '-', '_' or '.'",
                "Use an id such as 'phase-1' or 'board-of-peace'.",
            )

    return check


def one_of(words: tuple[str, ...]) -> Validator:
    """One of *words*."""

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value not in words:
            raise InvalidValueError(
                where(inst, attr), value, f"expected one of {', '.join(words)}",
                f"Use one of: {', '.join(repr(w) for w in words)}.",
            )  # fmt: skip

    return check


def point_number(*, optional: bool = False) -> Validator:
    """A plan point number, 1 to 20 (or None if *optional*)."""

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 20:
            raise InvalidValueError(
                where(inst, attr),
                value,
                "the plan has points 1 to 20",
                "Give the number of one of the 20 points.",
            )

    return check


def instant(what: str = "an instant", *, optional: bool = False) -> Validator:
    """A timezone-aware datetime in [EARLIEST, LATEST) (or None, if *optional*)."""

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        need_instant(value, where(inst, attr), what)

    return check


def need_instant(
    value: object, place: str, what: str = "an instant", *, given: object = None
) -> None:
    """Refuse *value* unless it is an aware datetime in the library's range (see LATEST).

    Args:
        value: the instant.
        place: where it came from, for the error.
        what: what it is, in words.
        given: what the user wrote, if *value* was read from it (the error shows that).
    """
    shown = value if given is None else given
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        raise InvalidValueError(
            place,
            shown,
            f"{what} must be a timezone-aware datetime",
            "Add an offset, e.g. datetime(2025, 10, 13, 12, tzinfo=timezone(timedelta(hours=3))).",
        )
    offset = value.utcoffset()
    if offset is not None and offset % dt.timedelta(minutes=1):
        raise InvalidValueError(
            place,
            shown,
            f"{what} has an offset of {offset}, with seconds; RFC 3339 and TOML offsets have none",
            "Give the offset in whole minutes, such as +03:00.",
        )
    if not EARLIEST <= value < LATEST:
        raise InvalidValueError(
            place,
            shown,
            f"{what} must lie from {EARLIEST.year} up to (not including) {LATEST.year}",
            "Check the year; the library reckons deadlines within that span.",
        )


def count(*, unknown_ok: bool = True) -> Validator:
    """A whole number from 0 to MAX_NUMBER (or UNKNOWN)."""

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is UNKNOWN and unknown_ok:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidValueError(
                where(inst, attr),
                value,
                "expected a whole number" + (" or UNKNOWN" if unknown_ok else ""),
                "Pass an int such as 0 or 20" + (", or gazaplan.UNKNOWN." if unknown_ok else "."),
            )
        if value < 0:
            raise InvalidValueError(
                where(inst, attr),
                value,
                "a count cannot be negative",
                "Pass 0 or more"
                + (", or gazaplan.UNKNOWN if it is not known." if unknown_ok else "."),
            )
        if value > MAX_NUMBER:
            raise InvalidValueError(
                where(inst, attr),
                value,
                f"a count is at most {MAX_NUMBER:,}",
                "Check the number; no figure of the plan comes near it.",
            )

    return check


def number(*, low: float = 0.0, high: float = MAX_NUMBER, unknown_ok: bool = True) -> Validator:
    """A finite int or float in [low, high] (or UNKNOWN); *high* is MAX_NUMBER unless lower."""

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is UNKNOWN and unknown_ok:
            return
        ok = False
        if isinstance(value, int | float) and not isinstance(value, bool):
            ok = _finite_between(value, low, high)
        if not ok:
            raise InvalidValueError(
                where(inst, attr),
                value,
                f"expected a number from {low:g} to {high:,g}",
                "Pass a number in that range, or gazaplan.UNKNOWN if it is not known.",
            )

    return check


def _finite_between(value: int | float, low: float, high: float) -> bool:
    if isinstance(value, int):  # compare exactly: float() of a huge int would overflow
        return low <= value <= high
    return math.isfinite(value) and low <= value <= high


def bounded_number(value: object) -> bool:
    """True for an int or float (not bool) that is finite and within +-MAX_NUMBER."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and _finite_between(value, -MAX_NUMBER, MAX_NUMBER)
    )


def flag() -> Validator:
    """True, False or UNKNOWN."""

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is not UNKNOWN and not isinstance(value, bool):
            raise InvalidValueError(
                where(inst, attr),
                value,
                "expected True, False or UNKNOWN",
                "Pass a bool, or gazaplan.UNKNOWN if it is not known.",
            )

    return check


def member(enum_type: type[enum.Enum], *, unknown_ok: bool = True) -> Validator:
    """A member of *enum_type* (or UNKNOWN)."""

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is UNKNOWN and unknown_ok:
            return
        if not isinstance(value, enum_type):
            names = ", ".join(f"{enum_type.__name__}.{m.name}" for m in enum_type)
            raise InvalidValueError(
                where(inst, attr),
                value,
                f"expected one of {names}",
                f"Pass a {enum_type.__name__} member"
                + (", or gazaplan.UNKNOWN." if unknown_ok else "."),
            )

    return check


def optional_date() -> Validator:
    """A ``datetime.date`` (not a datetime) or None."""

    def check(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise InvalidValueError(
                where(inst, attr),
                value,
                "expected a datetime.date or None",
                "Pass datetime.date(2025, 9, 29), or None when the source gives no date.",
            )

    return check


def unique(key: Callable[[Any], object], what: str) -> Validator:
    """Items of a tuple have distinct keys."""

    def check(inst: object, attr: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        if len(set(map(key, value))) == len(value):
            return
        seen: set[object] = set()
        for item in value:
            k = key(item)
            if k in seen:
                raise InvalidValueError(
                    where(inst, attr),
                    k,
                    f"two {what} share this id",
                    f"Give each of the {what} its own id.",
                )
            seen.add(k)

    return check


def items_of(kind: type[Any] | tuple[type[Any], ...]) -> Validator:
    """Every item of a tuple is an instance of *kind*."""

    def check(inst: object, attr: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        if all(map(isinstance, value, repeat(kind))):
            return
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                names = (
                    kind.__name__
                    if isinstance(kind, type)
                    else " or ".join(k.__name__ for k in kind)
                )
                raise InvalidValueError(
                    f"{where(inst, attr)}[{i}]",
                    item,
                    f"expected a {names}",
                    f"Build it with {names}(...).",
                )

    return check


def each(item: Validator) -> Validator:
    """*item* holds for every element of a tuple; an error names the element (``binds[2]``)."""

    def check(inst: object, attr: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for i, element in enumerate(value):
            try:
                item(inst, attr, element)
            except InvalidValueError:
                bad = i
                break
        else:
            return
        item(inst, attr.evolve(name=f"{attr.name}[{bad}]"), value[bad])  # raises, naming it

    return check


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """attrs converter: any iterable to a tuple (so callers may pass lists)."""
    return tuple(value)


def as_frozenset(value: Iterable[Any]) -> frozenset[Any]:
    """attrs converter: any iterable to a frozenset."""
    return frozenset(value)


# attrs reads a converter's signature for each field it converts (the annotations of the class's
# ``__init__``): some forty fields of the model. Each converter's is worked out once, here.
for _converter in (as_tuple, as_frozenset):
    setattr(_converter, "__signature__", inspect.signature(_converter))  # noqa: B010
del _converter


def need_type(value: object, kind: type[Any] | tuple[type[Any], ...], place: str, fix: str) -> None:
    """Refuse *value* unless it is an instance of *kind*: a public function given the wrong type
    raises InvalidValueError naming *place*, not a TypeError or AttributeError from inside.

    Args:
        value: the argument received.
        kind: the type (or types) it must have.
        place: the function and argument, such as ``"check_phase(plan)"``.
        fix: how to get a value of the right type.
    """
    if isinstance(value, kind) and not (isinstance(value, bool) and kind in (int, (int,))):
        return
    kinds = (kind,) if isinstance(kind, type) else kind
    names = " or ".join(_a(k) for k in kinds)
    raise InvalidValueError(place, value, f"expected {names}, got {_a(type(value))}", fix)


def _a(kind: type[Any]) -> str:
    """A type in words: ``a Plan``, ``an int``, ``None``."""
    if kind is type(None):
        return "None"
    name = kind.__name__
    return f"{'an' if name[0].lower() in 'aeiou' else 'a'} {name}"


def need_one_or_many(value: object, kind: type[Any], place: str, fix: str) -> tuple[Any, ...]:
    """*value* as a tuple of *kind*: one instance, or an iterable of them (not a string), each
    checked as :func:`need_type` does.

    Args:
        value: the argument received, such as a plan or the versions of a plan.
        kind: the type each must have.
        place: the function and argument, such as ``"compliance(plan)"``.
        fix: how to get a value of the right type.

    Returns:
        The instances, in the order given.
    """
    if isinstance(value, kind):
        return (value,)
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        need_type(value, kind, place, fix)
    items = tuple(cast("Iterable[Any]", value))
    for i, item in enumerate(items):
        need_type(item, kind, f"{place}[{i}]", fix)
    return items


# How to get the values public functions take, for need_type's errors.
PLAN_FIX: Final = "Pass gp.plan() or a version of it, such as gp.plan('2025-10-09')."
TIMELINE_FIX: Final = "Pass gp.timeline(), or a timeline loaded with gp.load(path, gp.Timeline)."
STATE_FIX: Final = "Pass a gp.State, such as gp.replay(plan, gp.timeline())."
