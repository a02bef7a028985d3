"""Sweeps: one plan, many variants, each judged over the same timeline or explored.

``gp.sweep(plan, grid, timeline=..., at=...)`` takes a grid of paths to values and judges every
point of it. A path is a term (``exchange.remains_ratio``, see ``Plan.term_paths()``), a deadline's
hours (``deadline.p4-return-hostages``), a deadline's counting point
(``since.p4-return-hostages``: a reading of when the clock starts, as ``gp.catalog.counting_points()``
lists them with their sources) or a party's stated conditions (``position.hamas``: on or off, see
:func:`~gazaplan.whatif.under_positions`). Each point is an :class:`~gazaplan.Amendment` (a what-if, its
values attributed to the sweep, not to a source), applied to the plan; each variant is then
judged: every phase (its entry verdict, whether it is complete, when it first was) and every
obligation (its completion verdict, its compliance status, when it was fulfilled or is due, and
how late).

``gp.sweep(plan, grid, explore=True)`` judges each variant by exhaustive exploration instead
(:func:`~gazaplan.explore` of the bundled action model, every move hypothetical): which phases'
entries and completions some order of moves reaches, which are stuck, and the obligations that
wait on each other where one is. The model's size is swept too: ``model.living`` and
``model.deceased`` (the hostage counts, defaults 20 and 28) and ``model.whole_plan`` (every
phase's moves, or phases 1-2 only, the default).

:class:`SweepResult` holds the results as tidy rows, with ``to_pandas()``, a notebook display and
``plot()``. :func:`parse_axis` reads the command line's ``PATH=5:25`` (a range, both
ends included), ``PATH=24:168:24`` (with a step) and ``PATH=a,b``.

Pass ``executor=`` to spread the variants over processes or a cluster (:mod:`gazaplan.runs`):
the results are the same.

The grid is never built whole: :class:`GridPoints` computes each point from its index, and the
variants are made a batch at a time as they are judged, so a sweep's memory is its results. A
grid of more than :data:`MAX_VARIANTS` points is refused before any work unless
``max_variants=`` raises the limit (``--max-variants`` on the command line), and one of more than
:data:`VARIANTS_CEILING` always is. A long sweep says how long it should take, from its first
variants (see :func:`gazaplan.runs.executors.progress_bar`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import itertools
import math
import re
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, overload

import attrs

from ..analysis.implicants import called, names_of
from ..catalog import counting_points
from ..core import _checks as check
from ..core import _ports
from ..core._frozenmap import FrozenMap
from ..core._pickling import added_fields_default
from ..core._results import NotebookDisplay
from ..core.amendments import Amendment, Edit, SetDeadline, SetTerm, amend
from ..core.conditions import Condition, facts_read
from ..core.explain import duration, plural
from ..core.obligations import CountingPoint, Deadline
from ..core.plans import Plan
from ..core.rules import check_plan
from ..core.sources import Source, Sourced
from ..core.state import State, spec_of
from ..exceptions import InvalidValueError, UnknownIdError
from ..time.compliance import compliance, first_instant
from ..time.histories import judged_history
from ..time.timelines import Timeline
from ..truth import UNKNOWN, Unknown, Verdict
from ..whatif.positions import positions_amendment, stated_conditions
from .executors import (
    PlanRecipe,
    Progress,
    iter_all,
    progress_bar,
    recipe_of,
    token_of,
    worker_cached,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "MAX_RUNS_SHOWN",
    "MAX_VARIANTS",
    "MODEL_PATHS",
    "SWEEP_SOURCE",
    "VARIANTS_CEILING",
    "Axis",
    "GridPoints",
    "Standing",
    "SweepResult",
    "Variant",
    "check_variants",
    "explored",
    "grid_size",
    "sweep",
]

MAX_VARIANTS = 10_000
"""The most variants a sweep judges unless told otherwise (``max_variants=``, ``--max-variants``):
a grid of 100 by 100 values, a few minutes of work on one core."""

VARIANTS_CEILING = 1_000_000_000
"""The most variants any sweep judges, whatever ``max_variants`` says (a billion, the library's
largest count): a larger grid would take years and more memory than any machine has."""

MODEL_PATHS: Mapping[str, int | bool] = types.MappingProxyType(
    {"model.living": 20, "model.deceased": 28, "model.whole_plan": False}
)
"""The paths of an explored sweep's model and their values where the grid does not sweep them
(those of :func:`gazaplan.catalog.model`)."""

_SWITCH = {True: True, False: False, "on": True, "off": False, "true": True, "false": False}

MAX_RUNS_SHOWN = 60
"""The most runs of points a line of a sweep's text shows (the rows and ``--json`` have every
point)."""

# The grid: its paths checked against the plan, its values typed, each point as edits.

SWEEP_SOURCE = Source("sweep", "a value set by a sweep, not by any source", "gazaplan")


"""What a sweep's values rest on: the sweep itself (a what-if), never a source's word."""


@attrs.frozen
class Axis:
    """One path of a grid and the values it takes.

    Attributes:
        path: ``exchange.remains_ratio``, ``deadline.<obligation>``, ``since.<obligation>``,
            ``position.<party>`` or ``model.living`` (``model.deceased``, ``model.whole_plan``).
        kind: ``term``, ``deadline``, ``since``, ``position`` or ``model``.
        values: the values, in order (counting points by name): a tuple, or a ``range`` kept
            as one (never spelled out, however long).
    """

    path: str
    kind: str
    values: Sequence[Any]

    @property
    def subject(self) -> str:
        """The term path; the obligation a deadline or counting point belongs to; the party
        whose stated conditions are on or off; the model's setting."""
        return self.path if self.kind == "term" else self.path.partition(".")[2]

    def label(self, value: Any) -> str:
        """One of the axis's values in words.

        Args:
            value: the value.

        Returns:
            An enum member's value, a position ``on`` or ``off``, or the value as text.
        """
        if self.kind == "position":
            return "on" if value else "off"
        return str(value.value) if isinstance(value, enum.Enum) else str(value)


def _paths(plan: Plan) -> str:
    timed = [o.id for o in plan.obligations() if o.deadline is not None]
    return (
        ", ".join(plan.term_paths())
        + "; deadline.<obligation> ("
        + ", ".join(timed)
        + "); since.<obligation> ("
        + ", ".join(counting_points())
        + "); position.<party> ("
        + (", ".join(_stating(plan)) or "no party states a condition")
        + "); with explore=True, "
        + ", ".join(MODEL_PATHS)
    )


def _stating(plan: Plan) -> list[str]:
    """The parties that put a condition on an obligation they owe, in the plan's order."""
    return list(dict.fromkeys(p.party for p in stated_conditions(plan)))


def _kind(plan: Plan, path: str) -> str:
    head, dot, rest = path.partition(".")
    if head == "position" and dot:
        if rest not in _stating(plan):
            raise InvalidValueError(
                f"grid[{path!r}]",
                rest,
                "names no party that states a condition on an obligation it owes",
                f"Use position.<party> for one of: {', '.join(_stating(plan)) or 'none'}.",
            )
        return "position"
    if path in MODEL_PATHS:
        return "model"
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
    if kind == "position" or path == "model.whole_plan":
        key = value.lower() if isinstance(value, str) else value
        if isinstance(key, bool | str) and key in _SWITCH:
            return _SWITCH[key]
        raise InvalidValueError(
            where, value, "takes on or off", "Pass True and False (on the command line: on,off)."
        )
    if kind == "model":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InvalidValueError(
                where, value, "a count of hostages is a whole number, 0 or more", "Pass e.g. 2."
            )
        return value
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


def axes_of(
    plan: Plan, grid: Mapping[str, Iterable[Any]], *, max_variants: int = VARIANTS_CEILING
) -> tuple[Axis, ...]:
    """The grid's axes, each path and value checked against a plan.

    A ``range`` stays a range (its ends checked); any other iterable is read up to the limit.

    Args:
        plan: the plan the variants amend.
        grid: paths to the values each takes.
        max_variants: the most points the grid may have (see :func:`check_variants`).

    Returns:
        An axis per path, in the grid's order, its values typed as the path takes them.

    Raises:
        InvalidValueError: if the grid is empty or not a mapping, a path names no term, deadline
            or counting point, a value is of the wrong type or listed twice, an axis has no
            value, or the grid has more than *max_variants* points.
    """
    if not isinstance(grid, Mapping) or not grid:  # type: ignore[redundant-expr]  # users pass lists
        raise InvalidValueError(
            "grid",
            grid,
            "a sweep needs at least one path with values",
            'Pass e.g. {"exchange.remains_ratio": range(5, 26)}.',
        )
    kinds = {path: _kind(plan, path) for path in grid}
    read = {path: _read(raw, max_variants) for path, raw in grid.items()}
    sizes = [_length(v) for v in read.values()]
    check_variants(
        math.prod(sizes),
        max_variants,
        more=any(
            n > max_variants and not isinstance(v, range)
            for v, n in zip(read.values(), sizes, strict=True)
        ),
    )
    axes = []
    for path, raw in read.items():
        kind = kinds[path]
        if not raw:
            raise InvalidValueError(
                f"grid[{path!r}]",
                tuple(raw),
                "an axis needs at least one value",
                "Give one or more values.",
            )
        if isinstance(raw, range) and all(
            _typed(plan, path, kind, v) is v for v in (raw[0], raw[-1])
        ):
            axes.append(Axis(path, kind, raw))  # whole numbers the path takes as they are
            continue
        values = tuple(_typed(plan, path, kind, v) for v in raw)
        if len(set(map(repr, values))) < len(values):
            raise InvalidValueError(
                f"grid[{path!r}]", values, "a value is listed twice", "List each value once."
            )
        axes.append(Axis(path, kind, values))
    return tuple(axes)


def _read(raw: Iterable[Any], limit: int) -> Sequence[Any]:
    """An axis's values: a range as it is, a text as one value, anything else read up to one
    value past *limit* (so that an endless iterator is refused, not read for ever)."""
    if isinstance(raw, range):
        return raw
    if isinstance(raw, str):
        return (raw,)
    return tuple(itertools.islice(raw, limit + 1))


def _length(values: Sequence[Any]) -> int:
    """How many values: a range's length, however long (``len`` overflows past 2**63)."""
    if isinstance(values, range):
        step = values.step
        span = values.stop - values.start + (step - 1 if step > 0 else step + 1)
        return max(0, span // step)
    return len(values)


def grid_size(grid: Mapping[str, Iterable[Any]]) -> int:
    """How many points a grid has (its variants): the product of its axes' lengths.

    Args:
        grid: paths to the values each takes (ranges are measured, never spelled out; other
            iterables are read up to one value past :data:`VARIANTS_CEILING`).

    Returns:
        The number of points, exact however large.
    """
    return math.prod(_length(_read(v, VARIANTS_CEILING)) for v in grid.values())


def variant_limit(value: object, place: str = "max_variants") -> int:
    """A limit on a sweep's variants: a whole number from 1 to :data:`VARIANTS_CEILING`.

    Args:
        value: the limit given.
        place: where it was given (``"--max-variants"``), for the error.

    Returns:
        The limit.

    Raises:
        InvalidValueError: if it is not a whole number in that range.
    """
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= VARIANTS_CEILING:
        raise InvalidValueError(
            place,
            value,
            f"a limit on a sweep's variants is a whole number from 1 to {VARIANTS_CEILING:,}",
            f"Pass e.g. {MAX_VARIANTS * 10}.",
        )
    return value


def check_variants(
    count: int,
    max_variants: int = MAX_VARIANTS,
    *,
    place: str = "sweep(grid=)",
    option: str = "max_variants=N in gp.sweep",
    more: bool = False,
) -> None:
    """Refuse a grid with more points than a sweep may judge, before any work.

    Args:
        count: the grid's points (:func:`grid_size`).
        max_variants: the limit (at most :data:`VARIANTS_CEILING`).
        place: where the grid was given (``"--grid"``), for the error.
        option: how to raise the limit there (``"--max-variants N"``), for the error.
        more: whether *count* counts only the values read so far of an axis that has more.

    Raises:
        InvalidValueError: if *count* exceeds *max_variants*, naming the count, the limit and
            how to raise it; past :data:`VARIANTS_CEILING`, saying no limit allows it.
    """
    limit = variant_limit(max_variants)
    if count <= limit:
        return
    many = f"more than {limit:,}" if more else f"{count:,}"
    if count > VARIANTS_CEILING:
        raise InvalidValueError(
            place,
            f"{many} variants",
            f"no sweep judges more than {VARIANTS_CEILING:,} variants",
            "Narrow the grid: fewer values, a coarser step (LOW:HIGH:STEP) or fewer paths.",
        )
    raise InvalidValueError(
        place,
        f"{many} variants",
        f"the limit is {limit:,} variants",
        f"Narrow the grid, or raise the limit with {option} (up to {VARIANTS_CEILING:,}); "
        "each variant is judged, and kept, one by one.",
    )


class GridPoints(Sequence[tuple[Any, ...]]):
    """Every point of a grid, each computed from its index (none stored).

    Point *i* is ``itertools.product(*values)``'s *i*-th (the first axis varying slowest),
    computed in mixed radix from the axes' lengths: a grid of a million points costs nothing
    until a point is read.

    Args:
        values: the values of each axis, in order (ranges are never spelled out).
    """

    def __init__(self, values: Sequence[Sequence[Any]]) -> None:
        self._values = tuple(values)
        self._sizes = tuple(_length(v) for v in self._values)
        self._len = math.prod(self._sizes)

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, index: int) -> tuple[Any, ...]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[Any, ...]]: ...

    def __getitem__(self, index: int | slice) -> tuple[Any, ...] | list[tuple[Any, ...]]:
        if isinstance(index, slice):
            return [self._point(i) for i in range(self._len)[index]]
        if isinstance(index, bool) or not isinstance(index, int):
            raise TypeError(f"grid points are indexed by whole numbers, not {index!r}")
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError(f"grid point {index} out of range (the grid has {self._len})")
        return self._point(index)

    def _point(self, index: int) -> tuple[Any, ...]:
        digits = []
        for size in reversed(self._sizes):  # the last axis varies fastest
            index, digit = divmod(index, size)
            digits.append(digit)
        return tuple(v[d] for v, d in zip(self._values, reversed(digits), strict=True))


def edits_of(plan: Plan, axes: Sequence[Axis], values: Sequence[Any]) -> tuple[Edit, ...]:
    """The edits that give a plan one point of the grid.

    Args:
        plan: the plan the variants amend.
        axes: the grid's axes.
        values: one value per axis, in the axes' order.

    Returns:
        A SetTerm per term, one SetDeadline per obligation (its hours and its counting
        point from the axes, the rest kept), and the triggers the stated conditions of the
        parties whose position is on amend (:func:`~gazaplan.whatif.positions_amendment`); a
        model's size makes no edit.

    Raises:
        InvalidValueError: if a counting point is set for an obligation that has no deadline
            and none is swept.
    """
    edits: list[Edit] = []
    deadlines: dict[str, dict[str, Any]] = {}
    stating: list[str] = []
    for axis, value in zip(axes, values, strict=True):
        if axis.kind == "term":
            edits.append(SetTerm(axis.path, Sourced(value, (SWEEP_SOURCE,), "a sweep point")))
        elif axis.kind == "position":
            stating += [axis.subject] if value else []
        elif axis.kind != "model":
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
    stated = positions_amendment(plan, parties=stating) if stating else None
    return (*edits, *(stated.edits if stated is not None else ()))


def _point(obligation_id: str, name: str) -> CountingPoint:
    return next(p for p in counting_points(obligation_id)[obligation_id] if p.name == name)


def parse_axis(plan: Plan, text: str) -> tuple[str, Sequence[Any]]:
    """One axis of a grid, written on the command line, as a path and its values.

    Args:
        plan: the plan the variants amend (its paths are the ones accepted).
        text: ``"PATH=5:25"`` (both ends included), ``"PATH=24:168:24"`` or ``"PATH=a,b"``.

    Returns:
        The path, and its values. A range is a ``range`` of whole numbers (never spelled out, so
        that its size can be checked first, however large); a list is a tuple of numbers where
        they read as numbers, else words.

    Raises:
        InvalidValueError: if the text is not ``PATH=VALUES``, the path names no term, deadline
            or counting point, or a range is malformed.
    """
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
        parts = [p.strip() for p in spec.split(":")]
        if not all(_WHOLE.fullmatch(p) for p in parts):
            raise InvalidValueError(
                f"--grid {path}",
                spec,
                "a range takes whole numbers",
                "Write LOW:HIGH or LOW:HIGH:STEP, in the digits 0-9.",
            )
        numbers = [int(p) for p in parts]
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
        return path, range(numbers[0], numbers[1] + 1, step)
    items = [p.strip() for p in spec.split(",")]
    if not all(items):
        raise InvalidValueError(
            f"--grid {path}",
            spec,
            "a list has an empty item",
            "Write the values separated by single commas, e.g. 5,10,25.",
        )
    return path, tuple(_word(f"--grid {path}", item) for item in items)


# Numbers as a user types them: ASCII digits only, so that what is read is what is shown.
_WHOLE = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")


def _word(where: str, text: str) -> Any:
    if _WHOLE.fullmatch(text):
        return int(text)
    if _DECIMAL.fullmatch(text):
        number = float(text)
        if math.isfinite(number):
            return number
        raise InvalidValueError(where, text, "the number is too large", "Write a smaller value.")
    if _reads_as_number(text) or any(c.isdigit() and not c.isascii() for c in text):
        raise InvalidValueError(
            where,
            text,
            "not a number in the digits 0-9",
            "Write numbers in ASCII digits, with no separators, e.g. 5 or 2.5.",
        )
    return text


def _reads_as_number(text: str) -> bool:
    """Whether Python would read the text as a number (``1_0``, ``nan``, other scripts' digits)."""
    try:
        float(text)
    except ValueError:
        return False
    return True


# The sweep: each variant judged over the timeline.


@added_fields_default
@attrs.frozen
class Standing:
    """How one phase or obligation stands in one variant.

    Attributes:
        kind: ``"phase"`` or ``"obligation"``.
        id: the phase's or obligation's id.
        verdict: a phase's entry verdict (its preconditions); an obligation's completion verdict.
            Explored: MET where some order of moves reaches the phase's entry, UNKNOWN where it
            is only possibly reached, UNMET where none does.
        status: a phase: ``complete``, ``not complete`` or ``unknown``; an obligation: its
            compliance status (``fulfilled late``, ``overdue``, ...). Explored: its entry's and
            its completion's findings (``entry reached; completion stuck``), each ``reached``,
            ``possibly reached``, ``stuck`` (moves stay enabled, none leads there) or ``not
            reached`` (the moves end first).
        instant: a phase: when it was first complete; an obligation: when it was fulfilled, or
            else when it is due (None: never, or not known; explored: None).
        lateness: how late it was fulfilled, or how long overdue (None: neither).
        waits_on: explored, where the phase's entry or completion is stuck although every fact
            it reads is one the model moves: the obligations that wait on each other in the
            explored plan (:attr:`Exploration.cycles <gazaplan.Exploration.cycles>`), which may
            be what blocks it; empty otherwise (a phase that reads facts beyond the model, such
            as the later phases' in the phases 1-2 model, is stuck for that reason).
    """

    kind: str
    id: str
    verdict: Verdict
    status: str
    instant: dt.datetime | None
    lateness: dt.timedelta | None
    waits_on: tuple[str, ...] = ()


@attrs.frozen
class Variant:
    """One point of the grid: its values (in the axes' order), the amendment, the standings."""

    values: tuple[Any, ...]
    amendment: Amendment
    standings: tuple[Standing, ...]

    def standing(self, subject_id: str) -> Standing:
        """The standing of one phase or obligation.

        Args:
            subject_id: the phase's or obligation's id.

        Returns:
            Its standing in this variant.

        Raises:
            UnknownIdError: if the variant has no such phase or obligation.
        """
        for s in self.standings:
            if s.id == subject_id:
                return s
        from ..exceptions import UnknownIdError

        raise UnknownIdError(subject_id, [s.id for s in self.standings], where="Variant.standing")


_PHASE_STATUS = {Verdict.MET: "complete", Verdict.UNMET: "not complete", Verdict.UNKNOWN: "unknown"}


def judge(
    plan: Plan, timeline: Timeline, at: dt.datetime, start: State | None
) -> tuple[Standing, ...]:
    """Every phase's and obligation's standing on a timeline as of an instant.

    What a variant holds.

    Args:
        plan: the plan (a variant).
        timeline: the events replayed on it.
        at: the instant judged.
        start: the state the first event applies to (None: the plan's initial state).

    Returns:
        The phases' standings, then the obligations', in the plan's order.
    """
    h = judged_history(plan, timeline, at=at, start=start)
    n = h.count(at)
    report = check_plan(plan, h.state(n))
    out = []
    for p in report.phases:
        when = first_instant(plan, h, p.phase.completion, n)
        verdict = p.completion.verdict
        out.append(Standing("phase", p.phase.id, p.verdict, _PHASE_STATUS[verdict], when, None))
    by_id = {c.obligation.id: c for c in compliance(plan, timeline, at=at, start=start).items}
    for o in plan.obligations():
        c = by_id[o.id]
        out.append(
            Standing(
                "obligation",
                o.id,
                c.completion.verdict,
                str(c.status),
                c.fulfilled_at or c.due,
                c.late_by or c.overdue_by,
            )
        )
    return tuple(out)


_FOUND = {True: Verdict.MET, False: Verdict.UNMET}


def explored(
    plan: Plan, living: int = 20, deceased: int = 28, *, whole_plan: bool = False
) -> tuple[Standing, ...]:
    """Every phase's standing by exhaustive exploration: what an explored sweep's variant holds.

    The bundled action model (:func:`gazaplan.catalog.model`) is explored from its start
    (:func:`gazaplan.catalog.model_start`) under *plan*'s triggers, every move hypothetical.

    Args:
        plan: the plan (a variant).
        living: the living hostages of the model.
        deceased: the deceased hostages of the model.
        whole_plan: every phase's moves, not only phases 1 and 2.

    Returns:
        A standing per phase, in the plan's order (its entry as the verdict, its entry's and
        completion's findings as the status, and where one is stuck, the obligations that wait
        on each other).

    Raises:
        InvalidValueError: a model with more states than the memory allows (the error says how
            many were reached and how to bound the model).
    """
    from ..catalog import model, model_start
    from ..exploration.search import explore

    actions = model(living, deceased, whole_plan=whole_plan)
    found = explore(
        plan, actions=actions, start=model_start(plan, living, deceased, whole_plan=whole_plan)
    )
    waiting = tuple(dict.fromkeys(o for c in found.cycles for o in c.obligations))
    moved = {v.fact for v in actions.variables}

    def beyond(condition: Condition) -> bool:  # reads a fact no move changes
        return any(f not in moved and not spec_of(f)[0].derived for f in facts_read(condition))

    def word(target: str) -> str:
        f = found.target(target)
        if f.reachable:
            return "reached"
        return ("possibly reached" if f.possibly else "stuck" if target in found.stuck
                else "not reached")  # fmt: skip

    out = []
    for p in plan.phases:
        entry, done = word(f"{p.id}.entry"), word(f"{p.id}.completion")
        verdict = Verdict.UNKNOWN if entry == "possibly reached" else _FOUND[entry == "reached"]
        stuck = (entry == "stuck" and not beyond(p.entry)) or (
            done == "stuck" and not beyond(p.completion)
        )
        status = f"entry {entry}; completion {done}"
        out.append(Standing("phase", p.id, verdict, status, None, None, waiting if stuck else ()))
    return tuple(out)


@attrs.frozen
class _Payload:
    token: str
    recipe: PlanRecipe | None  # None: the plan itself travels (serial runs only)
    plan: Plan | None
    timeline: Timeline | None  # None: each variant explored
    at: dt.datetime
    start: State | None
    model: tuple[int, ...] = ()  # the indices of the model's axes, in MODEL_PATHS order (-1: none)


def _base(p: _Payload) -> Plan:
    if p.plan is not None:
        return p.plan
    assert p.recipe is not None
    recipe = p.recipe
    return worker_cached(p.token, recipe.plan)  # type: ignore[no-any-return]


def _run(
    p: _Payload, batch: Sequence[tuple[Amendment, tuple[Any, ...]]]
) -> list[tuple[Standing, ...]]:
    base = _base(p)
    if p.timeline is None:
        out = []
        for a, values in batch:
            living, deceased, whole_plan = _band(p.model, values)
            out.append(explored(amend(base, a), living, deceased, whole_plan=whole_plan))
        return out
    return [judge(amend(base, a), p.timeline, p.at, p.start) for a, _ in batch]


def _band(where: tuple[int, ...], values: tuple[Any, ...]) -> tuple[Any, ...]:
    """The model's living and deceased hostages and whole_plan at one point of the grid."""
    return tuple(
        values[i] if i >= 0 else default
        for i, default in zip(where, MODEL_PATHS.values(), strict=True)
    )


def sweep(
    plan: Plan,
    grid: Mapping[str, Iterable[Any]],
    *,
    timeline: Timeline | None = None,
    at: dt.datetime | None = None,
    start: State | None = None,
    explore: bool = False,
    executor: Any = None,
    progress: bool | Progress | None = None,
    max_variants: int = MAX_VARIANTS,
) -> SweepResult:
    """Judge *plan* at every point of *grid* over *timeline*, as of *at*, or by exploration.

    The variants are made as they are judged, a batch at a time (never the whole grid at once),
    and the grid's size is checked before any: more than *max_variants* points is refused.

    Args:
        plan: the plan the variants amend.
        grid: paths to the values each takes (``{"exchange.remains_ratio": range(5, 26)}``,
            ``{"position.hamas": [True, False]}``); the variants are every combination, the first
            path varying slowest.
        timeline: the events to judge against (needed unless *explore*).
        at: the instant judged (default: the timeline's data-as-of, else its last event).
        start: the facts before the first event (default: the plan's at publication).
        explore: judge each variant by exhaustive exploration of the bundled action model
            (:func:`explored`): which phases some order of moves reaches, and what blocks the
            rest; the grid may then sweep the model too (:data:`MODEL_PATHS`).
        executor: None (here, in order), any ``concurrent.futures.Executor``, or a Dask Client.
        progress: a bar on stderr (the ``progress`` extra); None: only when stderr is a terminal;
            False: nothing. Unless False, a sweep expected to last more than a few seconds says
            so on stderr, with its estimate, after its first variants. A callable is told
            (variants done, variants in all) instead (raising in it stops the sweep).
        max_variants: the most points the grid may have (default :data:`MAX_VARIANTS`; at most
            :data:`VARIANTS_CEILING`).

    Returns:
        Every variant, with how each phase and obligation stands in it.

    Raises:
        InvalidValueError: a path that names no term, deadline or counting point, a value of
            the wrong type or that the plan refuses, an axis without values, a grid of more
            than *max_variants* points, a plan that cannot travel to an executor, a timeline
            that is not a Timeline (or one given to an explored sweep, which replays none), a
            model's path without *explore*, or an instant that is not timezone-aware.
    """
    _check_judgement(timeline, explore, start)
    limit = variant_limit(max_variants, "sweep(max_variants=)")
    axes = axes_of(plan, grid, max_variants=limit)
    for a in axes:
        if a.kind == "model" and not explore:
            raise InvalidValueError(f"grid[{a.path!r}]", a.path, "sizes the explored model, "
                                    "and this sweep replays a timeline",
                                    "Pass explore=True, or leave the path out.")  # fmt: skip
    if at is None:
        at = (plan.origin if timeline is None
              else timeline.data_as_of or timeline.last or plan.origin)  # fmt: skip
    check.need_instant(at, "at")
    points = GridPoints([a.values for a in axes])
    amendments = _Amendments(plan, axes, points)
    _probe(plan, axes, amendments)
    travels = executor is not None
    paths = [a.path for a in axes]
    payload = _Payload(
        token_of(plan, timeline if timeline is not None else Timeline(())),
        recipe_of(plan) if travels else None,
        None if travels else plan,
        timeline,
        at,
        start,
        tuple(paths.index(m) if m in paths else -1 for m in MODEL_PATHS),
    )
    tell, close = progress_bar(len(points), "sweep", progress, unit="variant")
    variants: list[Variant] = []
    seen: dict[tuple[Standing, ...], tuple[Standing, ...]] = {}  # equal standings kept once
    try:
        results = iter_all(_run, payload, amendments, executor=executor, progress=tell)
        with contextlib.closing(results):
            for i, standings in enumerate(results):
                standings = seen.setdefault(standings, standings)
                variants.append(Variant(points[i], amendments[i][0], standings))
    finally:
        close()
    judged = "exploration" if explore else "timeline"
    return SweepResult(plan.version, at, axes, tuple(variants), names_of(plan), judgement=judged)


def _check_judgement(timeline: object, explore: object, start: object) -> None:
    if not isinstance(explore, bool):
        raise InvalidValueError("sweep(explore=)", explore, "is True or False",
                                "Pass explore=True to explore each variant.")  # fmt: skip
    if explore and (timeline is not None or start is not None):
        raise InvalidValueError(
            "sweep(timeline=)" if timeline is not None else "sweep(start=)",
            type(timeline if timeline is not None else start).__name__,
            "an explored sweep replays no timeline: each variant is explored from the bundled "
            "model's start",
            "Leave timeline= and start= out with explore=True, or drop explore=True.",
        )
    if not explore and not isinstance(timeline, Timeline):
        raise InvalidValueError(
            "sweep(timeline=)",
            type(timeline).__name__,
            "is not a Timeline",
            "Pass gp.timeline() or a Timeline of your events, or explore=True to explore "
            "each variant instead.",
        )


class _Amendments(Sequence[tuple[Amendment, tuple[Any, ...]]]):
    """The grid's variants as amendments with their points, each made from its point when read."""

    def __init__(self, plan: Plan, axes: Sequence[Axis], points: GridPoints) -> None:
        self._plan, self._axes, self._points = plan, tuple(axes), points

    def __len__(self) -> int:
        return len(self._points)

    @overload
    def __getitem__(self, index: int) -> tuple[Amendment, tuple[Any, ...]]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[Amendment, tuple[Any, ...]]]: ...

    def __getitem__(
        self, index: int | slice
    ) -> tuple[Amendment, tuple[Any, ...]] | list[tuple[Amendment, tuple[Any, ...]]]:
        if isinstance(index, slice):
            return [self._made(i) for i in range(len(self._points))[index]]
        return self._made(range(len(self._points))[index])

    def _made(self, i: int) -> tuple[Amendment, tuple[Any, ...]]:
        values = self._points[i]
        made = Amendment(
            f"{self._plan.version}+sweep-{i + 1}",
            _title(self._axes, values),
            edits_of(self._plan, self._axes, values),
            rationale="A sweep point: the values are the sweep's, not a source's.",
        )
        return made, values


def _probe(plan: Plan, axes: Sequence[Axis], amendments: _Amendments) -> None:
    """Refuse, before any variant is judged, a value the plan does not take: the first point,
    and each numeric axis at its least and greatest value (the others at their first)."""
    corners = {tuple(0 for _ in axes)}
    for k, a in enumerate(axes):
        numbers = _numeric(a.values)
        if numbers is None:
            continue
        for j in numbers:
            corners.add(tuple(j if m == k else 0 for m in range(len(axes))))
    sizes = [_length(a.values) for a in axes]
    for corner in sorted(corners):
        index = 0
        for size, digit in zip(sizes, corner, strict=True):
            index = index * size + digit
        amend(plan, amendments[index][0])


def _numeric(values: Sequence[Any]) -> tuple[int, int] | None:
    """The indices of the least and greatest of an axis's values, if they are all numbers."""
    if isinstance(values, range):
        return (0, len(values) - 1) if values.step > 0 else (len(values) - 1, 0)
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return None
    order = sorted(range(len(values)), key=lambda i: values[i])
    return order[0], order[-1]


def _spans(axis: Axis, indices: Sequence[int]) -> str:
    """Values of *axis* (by index, in order) in words, consecutive ones as a range: ``5-15, 20``."""
    spans: list[list[int]] = []
    for i in indices:
        if spans and spans[-1][1] == i - 1:
            spans[-1][1] = i
        else:
            spans.append([i, i])
    label = axis.label
    return ", ".join(
        label(axis.values[a]) if a == b else f"{label(axis.values[a])}-{label(axis.values[b])}"
        for a, b in spans
    )


def _title(axes: Sequence[Axis], values: Sequence[Any]) -> str:
    return ", ".join(f"{a.path} = {a.label(v)}" for a, v in zip(axes, values, strict=True))


@added_fields_default
@attrs.frozen
class SweepResult(NotebookDisplay):
    """Every variant of a sweep and how each phase and obligation stands in it.

    Attributes:
        version: the version of the plan the variants amend.
        at: the instant judged.
        axes: the grid's paths and values.
        variants: one per point, the first axis varying slowest.
        names: the words of the phases and obligations by id, which :meth:`explain` uses.
        judgement: ``"timeline"`` (each variant judged over a timeline as of *at*) or
            ``"exploration"`` (each explored from the bundled model's start: *at* is the
            plan's origin, and only phases stand).
    """

    version: str
    at: dt.datetime
    axes: tuple[Axis, ...]
    variants: tuple[Variant, ...]
    names: Mapping[str, str] = attrs.field(default=FrozenMap[str, str](), eq=False, repr=False)
    judgement: str = "timeline"

    def __len__(self) -> int:
        return len(self.variants)

    def rows(self) -> list[dict[str, Any]]:
        """The standings as rows of plain values.

        Returns:
            One row per variant and phase or obligation, with the axes' values, then kind, id,
            verdict, status, instant, lateness; explored, then ``waits_on`` (the obligations'
            ids, separated by spaces).
        """
        out = []
        explored = self.judgement == "exploration"
        for v in self.variants:
            head = dict(zip((a.path for a in self.axes), v.values, strict=True))
            for s in v.standings:
                row = {
                    **head,
                    "kind": s.kind,
                    "id": s.id,
                    "verdict": str(s.verdict),
                    "status": s.status,
                    "instant": s.instant,
                    "lateness": s.lateness,
                }
                out.append({**row, "waits_on": " ".join(s.waits_on)} if explored else row)
        return out

    def columns(self) -> tuple[str, ...]:
        """The rows' columns.

        Returns:
            The axes' paths, then ``kind``, ``id``, ``verdict``, ``status``, ``instant`` and
            ``lateness``; explored, then ``waits_on``.
        """
        return (
            *(a.path for a in self.axes),
            "kind",
            "id",
            "verdict",
            "status",
            "instant",
            "lateness",
            *(("waits_on",) if self.judgement == "exploration" else ()),
        )

    def to_pandas(self) -> pd.DataFrame:
        """The rows as a DataFrame.

        Needs the ``pandas`` extra.

        Returns:
            One row per variant and phase or obligation (see :meth:`rows`).

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        return _ports.tables().frame(self.rows(), self.columns(), feature="SweepResult.to_pandas()")

    def varying(self) -> tuple[str, ...]:
        """The phases and obligations whose status or lateness is not the same in every variant.

        Returns:
            Their ids, in the order of the standings.
        """
        seen: dict[str, set[tuple[str, Any]]] = {}
        for v in self.variants:
            for s in v.standings:
                seen.setdefault(s.id, set()).add((s.status, s.lateness))
        return tuple(k for k, v in seen.items() if len(v) > 1)

    def summary(self) -> list[dict[str, Any]]:
        """What varies, as rows.

        Returns:
            For each phase or obligation whose standing varies and each status it takes, a row with
            ``id``, ``status``, ``lateness`` (a range where it varies) and ``variants`` (in
            words).
        """
        rows = []
        for subject in self.varying():
            groups: dict[str, list[Variant]] = {}
            for v in self.variants:
                groups.setdefault(v.standing(subject).status, []).append(v)
            for status, where in groups.items():
                lates = sorted(
                    {x for v in where if (x := v.standing(subject).lateness) is not None}
                )
                late = (
                    ""
                    if not lates
                    else duration(lates[0])
                    if len(lates) == 1
                    else f"{duration(lates[0])} to {duration(lates[-1])}"
                )
                rows.append(
                    {
                        "id": subject,
                        "status": status,
                        "lateness": late,
                        "variants": self._where(where),
                    }
                )
        return rows

    def title(self) -> str:
        """The sweep in one line.

        Returns:
            The plan, the grid, how many variants, the instant judged.
        """
        grid = " x ".join(f"{a.path} ({len(a.values)} values)" for a in self.axes)
        if self.judgement == "exploration":
            return (
                f"Sweep of plan {self.version} over {grid}: {len(self.variants)} variants, each "
                "explored from the bundled model's start (every move hypothetical)"
            )
        return (
            f"Sweep of plan {self.version} over {grid}: {len(self.variants)} variants, "
            f"judged at {self.at:%Y-%m-%d %H:%M %z}"
        )

    def explain(self) -> str:
        """What varies across the grid, in words, grid point by grid point.

        Returns:
            The title, then each phase or obligation whose standing varies, with its status
            (and lateness) at every point of the grid: a line per value of the axes but the
            last, and along the last axis, runs of points that stand alike collapsed
            (``"exchange.remains_ratio = 5-15: fulfilled; 16-25: partly fulfilled"``); then
            how many stand the same in every variant. Explored, then the obligations that wait
            on each other where a phase is stuck, and in which variants.
        """
        lines = [self.title()]
        varying = self.varying()
        if not varying:
            lines.append("  No phase or obligation stands differently in any variant.")
        for subject in varying:
            lines.append(f"  {called(self.names, subject)}:")
            lines += [f"    {line}" for line in self.points(subject)]
        subjects = len(self.variants[0].standings) if self.variants else 0
        if varying and subjects > len(varying):
            same = subjects - len(varying)
            lines.append(
                f"  The other {plural(same, *self._subjects())} stand the same in every variant."
            )
        lines += self._waits()
        return "\n".join(lines) + "\n"

    def _subjects(self) -> tuple[str, str]:
        """What the variants' standings are, singular and plural."""
        if self.judgement == "exploration":
            return "phase", "phases"
        return "phase or obligation", "phases and obligations"

    def _waits(self) -> list[str]:
        """Explored: each set of obligations waiting on each other where a phase is stuck, the
        phases and the variants."""
        groups: dict[tuple[str, ...], list[Variant]] = {}
        for v in self.variants:
            waits = next((s.waits_on for s in v.standings if s.waits_on), ())
            if waits:
                groups.setdefault(waits, []).append(v)
        lines = []
        for waits, where in groups.items():
            stuck = [s.id for s in where[0].standings if s.waits_on]
            lines.append(
                f"  Stuck phases ({', '.join(stuck)}) where {self._where(where)}: these "
                "obligations wait on each other, which may be what blocks them:"
            )
            lines += [f"    - {called(self.names, o)}" for o in waits]
        return lines

    def points(self, subject: str) -> list[str]:
        """How one phase or obligation stands at each point of the grid, in words.

        Args:
            subject: the phase's or obligation's id.

        Returns:
            A line per combination of the values of every axis but the last (one line for a
            one-axis grid): that combination, then along the last axis each run of points
            where it stands alike (its status, and how late), its values as a range
            (``"5-12: fulfilled; 13-25: breached"``); where the status is the same along the
            line and only the lateness varies, the status once and each point's lateness. A
            line of more than
            :data:`MAX_RUNS_SHOWN` runs shows those and says how many more there are.

        Raises:
            UnknownIdError: if the sweep judged no such phase or obligation.
        """
        if not self.variants:
            return []
        self.variants[0].standing(subject)  # an unknown subject fails here, naming the known
        last = self.axes[-1]
        width = _length(last.values)
        out = []
        for start in range(0, len(self.variants), width):
            row = self.variants[start : start + width]
            standings = [v.standing(subject) for v in row]
            statuses = {s.status for s in standings}
            late_only = len(statuses) == 1 and all(s.lateness is not None for s in standings)
            runs: list[list[Any]] = []  # [first index, last index, words]
            for i, s in enumerate(standings):
                if late_only:  # one status throughout: the line says only how late
                    words = duration(s.lateness)  # type: ignore[arg-type]
                else:
                    words = s.status + (f" by {duration(s.lateness)}" if s.lateness else "")
                if runs and runs[-1][2] == words:
                    runs[-1][1] = i
                else:
                    runs.append([i, i, words])
            said = [
                (
                    last.label(last.values[a])
                    if a == b
                    else f"{last.label(last.values[a])}-{last.label(last.values[b])}"
                )
                + f": {words}"
                for a, b, words in runs[:MAX_RUNS_SHOWN]
            ]
            more = len(runs) - MAX_RUNS_SHOWN
            tail = f"; and {more:,} more (the rows have every point)" if more > 0 else ""
            lead = ", ".join(
                f"{a.path} = {a.label(x)}"
                for a, x in zip(self.axes[:-1], row[0].values[:-1], strict=True)
            )
            head = f"{lead}; " if lead else ""
            if late_only:
                head += f"{statuses.pop()} throughout, by: "
            out.append(f"{head}{last.path} = {'; '.join(said)}{tail}")
        return out

    def _where(self, variants: Sequence[Variant]) -> str:
        """The variants in words: where they are every combination of some values of each
        axis, those values (ranges for consecutive ones; an axis taking all its values is left
        out); else how many, and the first few."""
        taken = [
            [
                i
                for i, x in enumerate(a.values)
                if any(repr(v.values[k]) == repr(x) for v in variants)
            ]
            for k, a in enumerate(self.axes)
        ]
        if len(variants) == math.prod(len(t) for t in taken):  # a product: say it per axis
            parts = [
                f"{a.path} = {_spans(a, t)}"
                for a, t in zip(self.axes, taken, strict=True)
                if len(t) < len(a.values)
            ]
            return "; ".join(parts) or "every variant"
        titles = [v.amendment.title for v in variants]
        more = f"; and {len(titles) - 3} more" if len(titles) > 3 else ""
        return f"{len(titles)} variant(s): " + "; ".join(titles[:3]) + more

    def plot(self, subjects: Sequence[str] | str | None = None, *, ax: Axes | None = None) -> Axes:
        """The sweep drawn: lateness against the axis for one axis; a heatmap of statuses for two.

        Needs the ``plot`` extra; see :func:`gazaplan.desk.plots.plot_sweep`.

        Args:
            subjects: the phases or obligations to draw (None: those that vary); for two axes,
                the first of them.
            ax: the axes to draw on (None: new ones).

        Returns:
            The axes drawn on.

        Raises:
            MissingExtraError: if matplotlib is not installed.
            InvalidValueError: if the grid has three axes or more.
            UnknownIdError: if a subject is no phase or obligation of the plan.
        """
        return _ports.plots().plot_sweep(self, subjects, ax=ax)  # type: ignore[no-any-return]
