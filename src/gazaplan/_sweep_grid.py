"""A sweep's grid: its paths checked against the plan, its values typed, each point as edits.

Three kinds of path: a term (``exchange.remains_ratio``), a deadline's hours
(``deadline.<obligation>``) and a deadline's counting point (``since.<obligation>``, by the
names ``gp.catalog.counting_points()`` gives). :func:`parse_axis` reads the command line's
``PATH=5:25`` (a range, both ends included), ``PATH=24:168:24`` (with a step) and ``PATH=a,b``.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .amendments import Edit, SetDeadline, SetTerm
from .catalog import counting_points
from .exceptions import InvalidValueError, UnknownIdError
from .obligations import CountingPoint, Deadline
from .plans import Plan
from .sources import Source, Sourced
from .truth import UNKNOWN, Unknown

__all__ = ["SWEEP_SOURCE", "Axis", "axes_of", "edits_of", "parse_axis"]

SWEEP_SOURCE = Source("sweep", "a value set by a sweep, not by any source", "gazaplan")
"""What a sweep's values rest on: the sweep itself (a what-if), never a source's word."""


@attrs.frozen
class Axis:
    """One path of a grid and the values it takes.

    Attributes:
        path: ``exchange.remains_ratio``, ``deadline.<obligation>`` or ``since.<obligation>``.
        kind: ``term``, ``deadline`` or ``since``.
        values: the values, in order (counting points by name).
    """

    path: str
    kind: str
    values: tuple[Any, ...]

    @property
    def subject(self) -> str:
        """The term path, or the obligation a deadline or counting point belongs to."""
        return self.path if self.kind == "term" else self.path.partition(".")[2]

    def label(self, value: Any) -> str:
        """*value* in words."""
        return str(value.value) if isinstance(value, enum.Enum) else str(value)


def _paths(plan: Plan) -> str:
    timed = [o.id for o in plan.obligations() if o.deadline is not None]
    return (
        ", ".join(plan.term_paths())
        + "; deadline.<obligation> ("
        + ", ".join(timed)
        + "); since.<obligation> ("
        + ", ".join(counting_points())
        + ")"
    )


def _kind(plan: Plan, path: str) -> str:
    head, dot, rest = path.partition(".")
    if head in ("deadline", "since") and dot:
        try:
            plan.obligation(rest)
        except UnknownIdError:
            raise InvalidValueError(
                f"grid[{path!r}]",
                rest,
                "names no obligation of the plan",
                f"Use one of: {_paths(plan)}.",
            ) from None
        return head
    if path in plan.term_paths():
        return "term"
    raise InvalidValueError(
        f"grid[{path!r}]",
        path,
        "names no term, deadline or counting point",
        f"Use one of: {_paths(plan)}.",
    )


def _term_types(plan: Plan, path: str) -> tuple[Any, ...]:
    group, _, name = path.partition(".")
    holder = getattr(plan, group)
    hints = typing.get_type_hints(type(holder))
    (inner,) = typing.get_args(hints[name])  # Sourced[X]
    return typing.get_args(inner) or (inner,)


def _typed(plan: Plan, path: str, kind: str, value: Any) -> Any:
    where = f"grid[{path!r}]"
    if kind == "since":
        obligation = path.partition(".")[2]
        points = counting_points(obligation).get(obligation, ())
        names = [p.name for p in points]
        if not names:
            raise InvalidValueError(
                where,
                value,
                "this obligation has a single reading of its clock",
                f"Counting points exist for: {', '.join(counting_points())}.",
            )
        if value not in names:
            raise InvalidValueError(
                where,
                value,
                "is not a counting point of this obligation",
                f"Use one of: {', '.join(names)}.",
            )
        return value
    if kind == "deadline":
        if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
            raise InvalidValueError(
                where, value, "a deadline is a number of hours above 0", "Pass e.g. 72."
            )
        return value
    types = _term_types(plan, path)
    for t in types:
        if isinstance(t, type) and issubclass(t, enum.Enum):
            if isinstance(value, t):
                return value
            try:
                return t(value)
            except ValueError:
                continue
    if value is UNKNOWN and Unknown in types:
        return value
    if int in types and isinstance(value, int) and not isinstance(value, bool):
        return value
    if float in types and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    wanted = ", ".join(
        f"{t.__name__} ({', '.join(repr(m.value) for m in t)})"
        if isinstance(t, type) and issubclass(t, enum.Enum)
        else t.__name__
        for t in types
        if t is not Unknown
    )
    raise InvalidValueError(where, value, f"this term takes {wanted}", "Pass values of that type.")


def axes_of(plan: Plan, grid: Mapping[str, Iterable[Any]]) -> tuple[Axis, ...]:
    """The grid's axes, each path and value checked against *plan*."""
    if not isinstance(grid, Mapping) or not grid:  # type: ignore[redundant-expr]  # users pass lists
        raise InvalidValueError(
            "grid",
            grid,
            "a sweep needs at least one path with values",
            'Pass e.g. {"exchange.remains_ratio": range(5, 26)}.',
        )
    axes = []
    for path, raw in grid.items():
        kind = _kind(plan, path)
        values = tuple(
            _typed(plan, path, kind, v) for v in ([raw] if isinstance(raw, str) else raw)
        )
        if not values:
            raise InvalidValueError(
                f"grid[{path!r}]",
                values,
                "an axis needs at least one value",
                "Give one or more values.",
            )
        if len(set(map(repr, values))) < len(values):
            raise InvalidValueError(
                f"grid[{path!r}]", values, "a value is listed twice", "List each value once."
            )
        axes.append(Axis(path, kind, values))
    return tuple(axes)


def edits_of(plan: Plan, axes: Sequence[Axis], values: Sequence[Any]) -> tuple[Edit, ...]:
    """The edits that give *plan* one point of the grid: a SetTerm per term, one SetDeadline per
    obligation (its hours and its counting point from the axes, the rest kept)."""
    edits: list[Edit] = []
    deadlines: dict[str, dict[str, Any]] = {}
    for axis, value in zip(axes, values, strict=True):
        if axis.kind == "term":
            edits.append(SetTerm(axis.path, Sourced(value, (SWEEP_SOURCE,), "a sweep point")))
        else:
            deadlines.setdefault(axis.subject, {})[axis.kind] = value
    for obligation_id, change in deadlines.items():
        old = plan.obligation(obligation_id).deadline
        point = _point(obligation_id, change["since"]) if "since" in change else None
        hours = change.get("deadline", old.hours if old is not None else None)
        if hours is None:
            raise InvalidValueError(
                f"grid['since.{obligation_id}']",
                change["since"],
                "the obligation has no deadline, so no clock to start",
                f"Sweep deadline.{obligation_id} too.",
            )
        since = point.since if point is not None else (old.since if old is not None else None)
        note = point.note if point is not None else "a sweep point"
        edits.append(SetDeadline(obligation_id, Deadline(hours, since=since, note=note)))
    return tuple(edits)


def _point(obligation_id: str, name: str) -> CountingPoint:
    return next(p for p in counting_points(obligation_id)[obligation_id] if p.name == name)


def parse_axis(plan: Plan, text: str) -> tuple[str, tuple[Any, ...]]:
    """``"PATH=5:25"`` (both ends included), ``"PATH=24:168:24"`` or ``"PATH=a,b"`` as a path
    and its values, typed as the path takes them."""
    path, eq, spec = text.partition("=")
    path, spec = path.strip(), spec.strip()
    if not eq or not path or not spec:
        raise InvalidValueError(
            "--grid",
            text,
            "expected PATH=VALUES",
            "Write e.g. exchange.remains_ratio=5:25 or since.p4-return-hostages=acceptance,pull-back.",
        )
    kind = _kind(plan, path)
    if ":" in spec and kind != "since":
        parts = spec.split(":")
        try:
            numbers = [int(p) for p in parts]
        except ValueError:
            raise InvalidValueError(
                f"--grid {path}",
                spec,
                "a range takes whole numbers",
                "Write LOW:HIGH or LOW:HIGH:STEP.",
            ) from None
        if (
            len(numbers) not in (2, 3)
            or (len(numbers) == 3 and numbers[2] <= 0)
            or numbers[1] < numbers[0]
        ):
            raise InvalidValueError(
                f"--grid {path}",
                spec,
                "a range is LOW:HIGH or LOW:HIGH:STEP, LOW <= HIGH, STEP > 0",
                "Write e.g. 5:25 or 24:168:24.",
            )
        step = numbers[2] if len(numbers) == 3 else 1
        return path, tuple(range(numbers[0], numbers[1] + 1, step))
    return path, tuple(_word(p.strip()) for p in spec.split(",") if p.strip())


def _word(text: str) -> Any:
    for parse in (int, float):
        try:
            return parse(text)
        except ValueError:
            pass
    return text
