"""The array engine: breadth first over numpy arrays of packed states, a whole layer at a time.

A layer is one sorted array of packed states (4 bytes a state where the packed state fits 32
bits, 8 where it fits 64). Each action is applied to the whole layer at once: whether it is
enabled is one look-up per state in a table over the fields it reads (its own test, such as "not
yet at the last value", folded into its guard's table), and its successors are the enabled states
with one field changed. The successors of a layer are sorted, deduplicated and compared with the
states already reached, and those not reached before are the next layer. The states reached are
held twice: in their layers (for the witnesses) and in a sorted array of the older layers, which
the last few layers join when they grow past a quarter of it (so that a layer costs a search of
that array, not a copy of it).

Tables and fields are the set engine's (:class:`~gazaplan.exploration._packing.Packed`), so both
engines judge by the library's own evaluation and reach the same states layer by layer.
"""

from __future__ import annotations

import itertools
import os
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from ..core.conditions import Condition
from ..core.models import Action, Step
from ..truth import Verdict
from ._breadth import Breadth
from ._layers import ArrayLayers
from ._packing import MAX_TABLE, Packed

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    States = npt.NDArray[np.unsignedinteger[Any]]
    Mask = npt.NDArray[np.bool_]

__all__ = ["ARRAY_CHUNK", "MAX_BITS", "ArraySearch", "fits"]

ARRAY_CHUNK = 1 << 20
"""States of a layer expanded at once: the temporary arrays stay under a few megabytes, and a
layer may pass the state limit by at most this many states' successors."""
MAX_BITS = 64
"""The widest packed state the array engine holds (one unsigned 64-bit integer)."""
NARROW_BITS = 32
"""Packed states up to this many bits are held in 32-bit integers, wider ones in 64."""
MERGE_SHARE = 4
MAX_WORKERS = 4
"""The most threads a search uses."""
PARALLEL_FROM = 1 << 15
"""Arrays shorter than this are worked on by one thread."""
"""The last layers join the sorted array of older ones once they hold a quarter of its states."""


def workers() -> int:
    """The threads a search uses: one for each CPU this process may run on, at most
    :data:`MAX_WORKERS`."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_WORKERS, usable or 1))


def fits(packed: Packed) -> bool:
    """Whether the array engine can hold this model's packed states."""
    return packed.bits <= MAX_BITS


class _Move:
    """One action as array operations: its enabling table over the fields it reads, and its
    update (add *step*, or clear the field with *keep* and set *value*)."""

    __slots__ = ("field", "fields", "keep", "step", "strides", "table", "test", "value")

    def __init__(self, table: Any, fields: list[int], strides: list[int], *, step: int = 0,
                 keep: int = 0, value: int = 0) -> None:  # fmt: skip
        self.table, self.fields, self.strides = table, fields, strides
        self.step, self.keep, self.value = step, keep, value
        self.field, self.test = -1, None  # the field's own test, where not folded into the table


class ArraySearch(Breadth):
    """The array engine (see the module's description); needs numpy."""

    engine = "arrays"
    bytes_per_state = 16

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        import numpy as np

        super().__init__(*args, **kwargs)
        packed = self.packed
        self.np = np
        self.dtype: Any = np.uint32 if packed.bits <= NARROW_BITS else np.uint64
        self.full = (1 << (8 * self.dtype().itemsize)) - 1
        self._tables: dict[tuple[int, Verdict], tuple[Any, list[int], list[int]]] = {}
        self.moves = [m for a in packed.model.actions if (m := self._move(a)) is not None]
        self.goal_table = self._table(self.goal, Verdict.MET)
        self._layers = ArrayLayers()
        self.older: Any = np.zeros(0, self.dtype)  # sorted: every layer but the last few
        self.recent: list[Any] = []  # the last few layers, not yet in `older`
        self._reached = 0
        self.workers = workers()
        self._pool: ThreadPoolExecutor | None = None

    def search(self, *args: Any, **kwargs: Any) -> None:
        """As :meth:`Breadth.search`, with the worker threads up while it runs."""
        if self.workers == 1:
            return super().search(*args, **kwargs)
        with ThreadPoolExecutor(self.workers, thread_name_prefix="gazaplan-explore") as pool:
            self._pool = pool
            try:
                return super().search(*args, **kwargs)
            finally:
                self._pool = None

    # -- tables ------------------------------------------------------------------------------------
    def _table(self, cond: Condition, want: Verdict) -> tuple[Any, list[int], list[int]]:
        """*cond*'s table as a boolean array, the fields it reads and their strides."""
        key = (id(cond), want)
        found = self._tables.get(key)
        if found is None:
            table, _ = self.packed.table(cond, want)
            parts = self.packed.parts(cond)
            found = (self.np.array(table, dtype=bool), [i for i, _ in parts], [m for _, m in parts])
            self._tables[key] = found
        return found

    def _move(self, action: Action) -> _Move | None:
        """*action* as array operations (None: never enabled)."""
        np, packed = self.np, self.packed
        i = packed.facts.index(action.fact)
        n, o, w = len(packed.values[i]), packed.offset[i], packed.width[i]
        if isinstance(action.effect, Step):
            if action.effect.by == 0:
                return None
            test = np.arange(n) < n - action.effect.by
            update: dict[str, int] = {"step": action.effect.by << o}
        else:
            v = packed.values[i].index(action.effect.value)
            test = np.arange(n) != v
            update = {"keep": self.full & ~(((1 << w) - 1) << o), "value": v << o}
        g = packed.guard(action)
        if g is None:
            table, fields, strides = test, [i], [1]
        else:
            table, fields, strides = self._table(g, Verdict.MET)
            fields, strides = list(fields), list(strides)
            if i in fields:  # the field's own test folded into the guard's table
                k = fields.index(i)
                table = table & test[(np.arange(len(table)) // strides[k]) % n]
            elif len(table) * n <= MAX_TABLE:  # one more dimension: the field, varying slowest
                table = (table[None, :] & test[:, None]).reshape(-1)
                fields.append(i)
                strides.append(len(table) // n)
            else:  # too wide to fold: the test looked up on its own
                move = _Move(table, fields, strides, **update)
                move.field, move.test = i, test
                return move if table.any() and test.any() else None
        if not table.any():
            return None
        return _Move(table, fields, strides, **update)

    # -- what the engine provides ----------------------------------------------------------------
    @property
    def reached(self) -> int:
        return self._reached

    @property
    def layers(self) -> ArrayLayers:
        return self._layers

    def _begin(self, starts: list[int]) -> None:
        np = self.np
        first = np.unique(np.array(starts, dtype=self.dtype))
        self._layers = ArrayLayers([first])
        self.older, self.recent = np.zeros(0, self.dtype), [first]
        self._reached = len(first)

    def _index(
        self, states: Any, fields: list[int], strides: list[int], cache: dict[int, Any]
    ) -> Any:
        """The table index of each state: its fields read, each times its stride."""
        index: Any = None
        for i, stride in zip(fields, strides, strict=True):
            f = cache.get(i)
            if f is None:
                p = self.packed
                f = ((states >> p.offset[i]) & ((1 << p.width[i]) - 1)).astype(self.np.intp)
                cache[i] = f  # as the platform's index type: a table look-up then costs least
            term = f if stride == 1 else f * stride
            index = term if index is None else index + term
        return index if index is not None else self.np.zeros(len(states), self.np.intp)

    def _find(self, cond: Condition, want: Verdict, depth: int) -> int | None:
        table, fields, strides = self._table(cond, want)
        if not table.any():
            return None
        layer = self._layers.arrays[depth]
        hits = table[self._index(layer, fields, strides, {})]
        at = int(hits.argmax())
        return int(layer[at]) if hits[at] else None  # sorted: the first hit is the smallest

    def _expand(self, depth: int) -> tuple[int, int | None]:
        np = self.np
        layer = self._layers.arrays[depth]
        found: list[Any] = []  # each chunk's new states, sorted
        held = 0
        dead, smallest = 0, None
        for at in range(0, len(layer), ARRAY_CHUNK):
            chunk = layer[at : at + ARRAY_CHUNK]
            pieces = self._split(chunk)
            done = self._each(self._successors, pieces)
            for _, moves, failing, first in done:
                self.transitions += moves
                dead += failing
                smallest = first if smallest is None else smallest  # pieces in order
            new = _union(np, [d[0] for d in done])
            new = self._new(new)
            for earlier in found:  # a state this chunk reached may be one an earlier chunk did
                new = np.compress(~_member(new, earlier), new)
            found.append(new)
            held += len(new)
            if self._reached + held > self.limit.states:
                raise self.limit_error(memory=False)
        nxt = _union(np, found) if len(found) != 1 else found[0]
        self._layers.arrays.append(nxt)
        self._reached += len(nxt)
        self._remember(nxt)
        return dead, smallest

    def _split(self, states: Any) -> list[Any]:
        """*states* in as many pieces as there are workers (one if there are few states)."""
        n = len(states)
        if self.workers == 1 or n < PARALLEL_FROM:
            return [states]
        cuts = [n * k // self.workers for k in range(self.workers + 1)]
        return [states[a:b] for a, b in itertools.pairwise(cuts)]

    def _each(self, fn: Any, pieces: list[Any]) -> list[Any]:
        """*fn* of each piece, the pieces shared among the workers (numpy lets go of the
        interpreter while it works on arrays, so that they run at once)."""
        if len(pieces) == 1 or self._pool is None:
            return [fn(p) for p in pieces]
        return list(self._pool.map(fn, pieces))

    def _successors(self, states: Any) -> tuple[Any, int, int, int | None]:
        """The successors of some states of a layer, sorted and each once; the transitions;
        the deadlocks among the states and the smallest of them."""
        np = self.np
        fields: dict[int, Any] = {}
        moved = np.zeros(len(states), dtype=bool)
        parts = []
        moves = 0
        for m in self.moves:
            # take, not table[index]: it lets go of the interpreter while it works
            enabled = m.table.take(self._index(states, m.fields, m.strides, fields))
            if m.test is not None:
                enabled &= m.test.take(self._index(states, [m.field], [1], fields))
            moved |= enabled
            chosen = np.compress(enabled, states)  # compress: much faster than states[enabled]
            moves += len(chosen)
            parts.append(chosen + m.step if m.step else (chosen & m.keep) | m.value)
        dead, smallest = 0, None
        if not moved.all():
            still = states[~moved]
            table, fs, ss = self.goal_table
            failing = still[~table[self._index(still, fs, ss, {})]]
            if len(failing):
                dead, smallest = len(failing), int(failing[0])
        out = np.concatenate(parts) if parts else np.zeros(0, self.dtype)
        out.sort()
        return _once(np, out), moves, dead, smallest

    def _new(self, candidates: Any) -> Any:
        """The sorted candidates not reached before (each piece of their range searched by a
        worker in the same range of the states reached)."""
        if len(candidates) < PARALLEL_FROM or self.workers == 1:
            return self._unseen(candidates)
        pieces = self._split(candidates)
        return self.np.concatenate(self._each(self._unseen, pieces))

    def _unseen(self, candidates: Any) -> Any:
        """The sorted candidates that are in no layer reached so far."""
        np = self.np
        if not len(candidates):
            return candidates
        low, high = candidates[0], candidates[-1]
        for reached in (
            *reversed(self.recent),
            self.older,
        ):  # the newest first: most moves lead there
            part = reached[reached.searchsorted(low) : reached.searchsorted(high, "right")]
            if len(part) and len(candidates):
                candidates = np.compress(~_member(candidates, part), candidates)
        return candidates

    def _remember(self, layer: Any) -> None:
        """Add a new layer to the states reached (joining the older ones when the last few
        have grown past a share of them)."""
        np = self.np
        self.recent.append(layer)
        if sum(len(r) for r in self.recent) * MERGE_SHARE > len(self.older) or len(self.recent) > 8:
            merged = np.concatenate([self.older, *self.recent])
            merged.sort(kind="stable")  # sorted runs: merged, not sorted anew
            self.older, self.recent = merged, []

    def _release(self) -> None:
        np = self.np
        self._layers = ArrayLayers()
        self.older, self.recent = np.zeros(0, self.dtype), []


def _member(sorted_queries: Any, sorted_states: Any) -> Any:
    """Whether each query is among *sorted_states* (both sorted)."""
    if not len(sorted_states):
        return sorted_queries != sorted_queries  # all False
    at = sorted_states.searchsorted(sorted_queries)
    at[at == len(sorted_states)] = 0
    return sorted_states[at] == sorted_queries


def _once(np: Any, ascending: Any) -> Any:
    """A sorted array with each value once."""
    if len(ascending) < 2:
        return ascending
    keep = np.empty(len(ascending), dtype=bool)
    keep[0] = True
    np.not_equal(ascending[1:], ascending[:-1], out=keep[1:])
    return np.compress(keep, ascending)


def _union(np: Any, arrays: list[Any]) -> Any:
    """The union of sorted arrays, sorted, each value once."""
    if not arrays:
        return np.zeros(0, np.uint32)
    if len(arrays) == 1:
        return arrays[0]
    both = np.concatenate(arrays)
    both.sort(kind="stable")  # sorted runs: merged, not sorted anew
    return _once(np, both)
