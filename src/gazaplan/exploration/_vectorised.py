"""The array engine: breadth first over numpy arrays of packed states, a whole layer at a time.

A layer is one sorted array of packed states (4 bytes a state where the packed state and one bit
more fit 32 bits, 8 where they fit 64), each shifted up one bit: the lowest bit is the *mark*, 0
in a state reached and 1 in a successor not yet judged (see below). A state of all 64 bits is
held as it is, without the mark.

**Moves.** Each action is applied to the whole layer at once: whether it is enabled is one look-up
a state in a table over the fields it reads (its own test, such as "not yet at the last value",
folded into its guard's table), and its successors are the enabled states with one field changed
(and the mark set). Actions whose tables read few bits between them share one table of bitmasks,
indexed by those bits side by side (:data:`KEY_BITS` at most): one look-up a state tells which of
them are enabled.

**Which layers a successor may be in.** Every move changes one field along an edge of that field's
own graph of values (its actions), so a state is at least ``L`` moves from the starts, ``L`` the sum
over the fields of the distance of its value from the start values in that graph. A state of layer
``k`` has ``L <= k``, and a move changes ``L`` by at least the move's least change (its *drop*,
over the values it moves from). The successors of layer ``k`` can therefore only be in the layers
from ``least L of layer k + least drop`` to ``k``, or new. Where the model's layers are *tight*
(every state at depth ``L``, as on the bundled model) that is the last layer or two.

**New states.** The successors of a layer, marked, and the states of those last layers, unmarked,
are sorted together: a successor is new where the value before it is neither itself nor its
unmarked state. Where layer ``k`` is tight, the successors of the moves that always add one to
``L`` (most of them) are at ``L = k + 1``, so in no layer yet: they are only sorted among
themselves, and only the others with the last layers. With several workers the layer is shared
among them to make the successors, and the range of values among them to sort (each its own
values, so that the pieces of the next layer come out in order). Layers older than the last few
that may still hold a successor (where the layers are not tight) are searched instead, from a
sorted array of them made when first needed.

Tables and fields are the set engine's (:class:`~gazaplan.exploration._packing.Packed`), so both
engines judge by the library's own evaluation and reach the same states layer by layer.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import attrs

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
NARROW_BITS = 31
"""Packed states up to this many bits are held in 32-bit integers (with the mark), wider ones in
64."""
MARK_BITS = 63
"""Packed states up to this many bits are held with the mark; wider ones (64 bits) without it,
their successors then sorted alone and searched for in the last layers."""
KEY_BITS = 14
"""The most bits a table of bitmasks shared by several actions is indexed by (2 ** 14 entries)."""
FIND_BITS = 16
"""The most bits a target's table is indexed by (2 ** 16 entries); a wider one is indexed by
each field's value times its stride."""
NEAR_SHARE = 4
"""The last layers sorted with a layer's successors hold at most this many times as many states as
there are successors; older layers that may hold one are searched instead."""
MERGE_SHARE = 4
"""Older layers searched join one sorted array once they hold a quarter of its states."""
MAX_WORKERS = 4
"""The most threads a search uses."""
PARALLEL_FROM = 1 << 17
"""Layers (chunks) shorter than this are worked on by one thread: a layer's work is handed out
twice (its moves, then its ranges of values to sort), and on two CPUs shared with other work the
bundled model's layers (at most 75,588 states) ran faster on one thread than waiting on two."""
LOW_BITS = 12
"""Fields are summed into a state's least distance from the starts by tables over at most this
many bits (2 ** 12 entries)."""


def workers() -> int:
    """The threads a search uses: one for each CPU this process may run on, at most
    :data:`MAX_WORKERS`."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_WORKERS, usable or 1))


def fits(packed: Packed) -> bool:
    """Whether the array engine can hold this model's packed states."""
    return packed.bits <= MAX_BITS


@attrs.frozen(eq=False)
class _Move:
    """One action as array operations.

    Attributes:
        table: where it is enabled, over *fields* (each at its stride in *strides*).
        fields: the fields the table reads.
        strides: each field's stride in the table's index.
        field: the field it changes.
        olds: the values of *field* it may move from.
        news: the value each of *olds* moves to.
        add: a successor is the state plus this (a step; the mark included), or
        keep: the state's bits kept (the field cleared), then
        put: these set (the new value and the mark).
        test: the field's own test, where it is too wide to fold into the table (else None).
        ordered: whether its successors come in the order of their states (a step, or one
            value moved from).
    """

    table: Any
    fields: tuple[int, ...]
    strides: tuple[int, ...]
    field: int
    olds: tuple[int, ...]
    news: tuple[int, ...]
    add: int = 0
    keep: int = 0
    put: int = 0
    test: Any = None
    ordered: bool = True

    def apply(self, chosen: Any) -> Any:
        """The successors of the states *chosen* (where the move is enabled), marked."""
        return chosen + self.add if self.add else (chosen & self.keep) | self.put


@attrs.frozen(eq=False)
class _Lookup:
    """A table indexed by the bits of a state that some fields take, side by side (rather than
    by each field's value times its stride): a few shifts and masks a state, then one look-up.

    Attributes:
        table: the table (2 ** the bits read entries; where a field's bits hold no value of
            it, whatever).
        runs: each run of adjacent bits read, as the shift that brings it to its place in the
            index and the mask that keeps it there.
    """

    table: Any
    runs: tuple[tuple[int, int], ...]

    def __call__(self, states: Any) -> Any:
        """The table's entry for each state."""
        key: Any = None
        for shift, mask in self.runs:
            term = (states >> shift) if shift else states
            term = term & mask
            key = term if key is None else key | term
        return self.table.take(states & 0 if key is None else key)  # no bits: the one entry


@attrs.frozen(eq=False)
class _Group:
    """Moves judged by one look-up a state: a table of bitmasks (bit ``j``: ``moves[j]``
    enabled).

    Attributes:
        moves: the moves, in the order of their bits.
        masks: each state's bitmask.
    """

    moves: tuple[_Move, ...]
    masks: _Lookup


@attrs.frozen(eq=False)
class _Work:
    """Some moves applied to a layer by a worker.

    Attributes:
        parts: for each range of values, the successors in it (several arrays): those of the
            moves that always add one to the least distance from the starts, then the others'.
        moves: the transitions.
        moved: whether any of the moves is enabled, each state (None: no move).
    """

    parts: list[tuple[list[Any], list[Any]]]
    moves: int
    moved: Any


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
        self.shift = 1 if packed.bits <= MARK_BITS else 0  # the mark's bit, where there is room
        self.full = (1 << (8 * self.dtype().itemsize)) - 1
        self._tables: dict[tuple[int, Verdict], tuple[Any, list[int], list[int]]] = {}
        self._finders: dict[tuple[int, Verdict], _Lookup | None] = {}
        moves = [m for a in packed.model.actions if (m := self._move(a)) is not None]
        self.groups, self.alone = self._group(moves)
        self.moves = moves
        self.workers = workers()
        self.shares = self._share(self.workers)
        self.goal_table = self._table(self.goal, Verdict.MET)
        self._layers = ArrayLayers(shift=self.shift)
        self._low: list[int] = []  # each layer's least distance from the starts (a lower bound)
        self._drop = 0  # the least change of that distance a move makes
        self._rising: set[_Move] = set()  # the moves that always add one to it
        self._lows: list[tuple[Any, int, int]] = []  # tables summing it, a few fields each
        self.older: Any = np.zeros(0, self.dtype)  # sorted: the layers before `merged`, if searched
        self.merged = 0
        self._reached = 0
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
        n, o, w = len(packed.values[i]), packed.offset[i] + self.shift, packed.width[i]
        if isinstance(action.effect, Step):
            by = action.effect.by
            if by == 0:
                return None
            test = np.arange(n) < n - by
            change: dict[str, int] = {"add": (by << o) | self.shift}
        else:
            v = packed.values[i].index(action.effect.value)
            by = 0
            test = np.arange(n) != v
            change = {"keep": self.full & ~(((1 << w) - 1) << o), "put": (v << o) | self.shift}
        g = packed.guard(action)
        alone = None  # the field's test, where too wide to fold into the guard's table
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
            else:
                alone = test
        if not table.any() or (alone is not None and not alone.any()):
            return None
        if alone is None:
            k = fields.index(i)
            olds = sorted({int(u) for u in ((np.flatnonzero(table) // strides[k]) % n).tolist()})
        else:
            olds = [int(u) for u in np.flatnonzero(alone).tolist()]
        news = [u + by if by else v for u in olds]
        return _Move(table, tuple(fields), tuple(strides), i, tuple(olds), tuple(news),
                     test=alone, ordered=len(olds) == 1 or by != 0, **change)  # fmt: skip

    def _group(self, moves: list[_Move]) -> tuple[list[_Group], list[_Move]]:
        """The moves in groups sharing a table of bitmasks (see :class:`_Group`), and those
        that read too many bits to share one, judged alone."""
        width = self.packed.width
        bits: list[tuple[set[int], list[_Move]]] = []
        alone = []
        for m in sorted(moves, key=lambda m: -sum(width[f] for f in m.fields)):
            if m.test is not None or sum(width[f] for f in m.fields) > KEY_BITS:
                alone.append(m)
                continue
            best, least = None, KEY_BITS + 1
            for fields, members in bits:
                wide = sum(width[f] for f in fields | set(m.fields))
                if wide < least and len(members) < 64:
                    best, least = (fields, members), wide
            if best is None:
                bits.append((set(m.fields), [m]))
            else:
                best[0].update(m.fields)
                best[1].append(m)
        groups = [_Group(tuple(ms), self._raw([(m.table, m.fields, m.strides) for m in ms]))
                  for _, ms in bits]  # fmt: skip
        return groups, alone

    def _share(self, n: int) -> list[list[_Group | _Move]]:
        """The groups and the moves judged alone, shared among *n* workers (each about as many
        look-ups and moves)."""
        shares: list[list[_Group | _Move]] = [[] for _ in range(n)]
        load = [0] * n
        units: list[_Group | _Move] = [*self.groups, *self.alone]
        for u in sorted(units, key=lambda u: -_weight(u)):
            k = load.index(min(load))
            shares[k].append(u)
            load[k] += _weight(u)
        return [s for s in shares if s] or [[]]

    def _raw(self, tables: list[tuple[Any, Sequence[int], Sequence[int]]]) -> _Lookup:
        """Boolean *tables* (each with the fields it reads and their strides) as one
        :class:`_Lookup` over the bits of the fields they read: of booleans for one table, of
        bitmasks for several (bit ``j``: table ``j``)."""
        np, p = self.np, self.packed
        fields = sorted({f for _, fs, _ in tables for f in fs})
        at, place = 0, {}
        runs: list[tuple[int, int, int]] = []  # first bit in the state, first in the index, width
        for f in fields:
            place[f] = at
            o = p.offset[f] + self.shift
            if runs and runs[-1][0] + runs[-1][2] == o:  # adjacent to the run before: one run
                runs[-1] = (runs[-1][0], runs[-1][1], runs[-1][2] + p.width[f])
            else:
                runs.append((o, at, p.width[f]))
            at += p.width[f]
        keys = np.arange(1 << at, dtype=np.intp)
        value = {f: (keys >> place[f]) & ((1 << p.width[f]) - 1) for f in fields}
        valid = np.ones(len(keys), dtype=bool)
        for f in fields:
            valid &= value[f] < len(p.values[f])
            value[f] = np.minimum(value[f], len(p.values[f]) - 1)
        kind = np.bool_ if len(tables) == 1 else next(
            t for t in (np.uint8, np.uint16, np.uint32, np.uint64)
            if 8 * t().itemsize >= len(tables))  # fmt: skip
        out = np.zeros(len(keys), dtype=kind)
        for j, (table, fs, strides) in enumerate(tables):
            index = sum((value[f] * m for f, m in zip(fs, strides, strict=True)),
                        start=np.zeros(len(keys), np.intp))  # fmt: skip
            hit = table[index] & valid
            if len(tables) == 1:
                out = hit
            else:
                out |= hit.astype(kind) << kind(j)
        return _Lookup(out, tuple((o - k, ((1 << w) - 1) << k) for o, k, w in runs))

    # -- the least distance from the starts --------------------------------------------------------
    def _distances(self, starts: Any) -> None:
        """Each field's distance from its start values in its own graph of values, summed by
        tables over a few fields each; each move's least change of the sum."""
        np, p = self.np, self.packed
        dist: list[list[int]] = []
        for i in range(len(p.facts)):
            edges: dict[int, set[int]] = {}
            for m in self.moves:
                if m.field == i:
                    for u, v in zip(m.olds, m.news, strict=True):
                        edges.setdefault(u, set()).add(v)
            d = [-1] * len(p.values[i])  # -1: no state holds the value
            todo = deque(sorted({p.field(s, i) for s in starts}))
            for u in todo:
                d[u] = 0
            while todo:
                u = todo.popleft()
                for v in sorted(edges.get(u, ())):
                    if d[v] < 0:
                        d[v] = d[u] + 1
                        todo.append(v)
            dist.append(d)
        drops = {m: [dist[m.field][v] - dist[m.field][u]
                     for u, v in zip(m.olds, m.news, strict=True) if dist[m.field][u] >= 0]
                 for m in self.moves}  # fmt: skip
        self._drop = min((min(d) for d in drops.values() if d), default=0)
        self._rising = {m for m, d in drops.items() if d and min(d) >= 1}
        self._lows = []
        kind = np.uint16 if sum(max(d) for d in dist) < 1 << 16 else np.int64  # sums fit
        chunk: list[int] = []
        for i in [*range(len(p.facts)), None]:  # consecutive fields, a table over their bits
            if chunk and (i is None or sum(p.width[f] for f in [*chunk, i]) > LOW_BITS):
                lo = p.offset[chunk[0]]
                if len(chunk) == 1:
                    table = np.maximum(np.array(dist[chunk[0]]), 0).astype(kind)
                else:
                    keys = np.arange(1 << sum(p.width[f] for f in chunk), dtype=np.intp)
                    table = np.zeros(len(keys), dtype=kind)
                    for f in chunk:
                        d = np.maximum(np.array(dist[f]), 0).astype(kind)
                        value = (keys >> (p.offset[f] - lo)) & ((1 << p.width[f]) - 1)
                        table += d[np.minimum(value, len(d) - 1)]
                width = p.offset[chunk[-1]] + p.width[chunk[-1]] - lo
                if table.any():
                    self._lows.append((table, lo + self.shift, (1 << width) - 1))
                chunk = []
            if i is not None:
                chunk.append(i)

    def _least(self, states: Any) -> int:
        """The least distance from the starts among *states* (at least one)."""
        total: Any = None
        for table, shift, mask in self._lows:
            part = table.take((states >> shift) & mask)
            total = part if total is None else total + part
        return 0 if total is None else int(total.min())

    # -- what the engine provides ----------------------------------------------------------------
    @property
    def reached(self) -> int:
        return self._reached

    @property
    def layers(self) -> ArrayLayers:
        return self._layers

    def _begin(self, starts: list[int]) -> None:
        np = self.np
        first = np.unique(np.array(starts, dtype=self.dtype) << self.dtype(self.shift))
        self._layers = ArrayLayers([first], shift=self.shift)
        self._distances(starts)
        self._low = [0]  # each start is at distance 0 from the starts
        self.older, self.merged = np.zeros(0, self.dtype), 0
        self._reached = len(first)

    def _index(
        self, states: Any, fields: list[int] | tuple[int, ...],
        strides: list[int] | tuple[int, ...], cache: dict[int, Any],
    ) -> Any:  # fmt: skip
        """The table index of each state: its fields read, each times its stride."""
        index: Any = None
        for i, stride in zip(fields, strides, strict=True):
            f = cache.get(i)
            if f is None:
                p = self.packed
                f = ((states >> (p.offset[i] + self.shift)) & ((1 << p.width[i]) - 1)).astype(
                    self.np.intp
                )
                cache[i] = f  # as the platform's index type: a table look-up then costs least
            term = f if stride == 1 else f * stride
            index = term if index is None else index + term
        return index if index is not None else self.np.zeros(len(states), self.np.intp)

    def _find(self, cond: Condition, want: Verdict, depth: int) -> int | None:
        table, fields, strides = self._table(cond, want)
        if not table.any():
            return None
        layer = self._layers.arrays[depth]
        key = (id(cond), want)
        if key not in self._finders:  # over the bits read, where they are few
            wide = sum(self.packed.width[f] for f in fields) > FIND_BITS
            self._finders[key] = None if wide else self._raw([(table, fields, strides)])
        look = self._finders[key]
        hits = look(layer) if look else table.take(self._index(layer, fields, strides, {}))
        at = int(hits.argmax())
        return int(layer[at]) >> self.shift if hits[at] else None  # the first: the smallest

    def _expand(self, depth: int) -> tuple[int, int | None]:
        np = self.np
        arrays = self._layers.arrays
        layer = arrays[depth]
        lowest = max(0, self._low[depth] + self._drop)  # no successor is in a layer before it
        tight = self._low[depth] == depth  # each state at its least distance from the starts
        found: list[Any] = []  # each chunk's new states, sorted
        held = dead = 0
        smallest = least = None
        for at in range(0, len(layer), ARRAY_CHUNK):
            chunk = layer[at : at + ARRAY_CHUNK]
            shares = self.shares if len(chunk) >= PARALLEL_FROM else [self.units]
            n = len(shares)  # as many ranges of values to sort as workers on the moves
            cuts = [int(chunk[len(chunk) * k // n]) for k in range(1, n)]
            done: list[_Work] = self._each(
                lambda units, c=chunk, cs=cuts: self._successors(c, units, cs), shares
            )
            made, moved = 0, None
            for work in done:
                self.transitions += work.moves
                made += sum(len(a) for part in work.parts for a in part[1])  # to look for
                made += 0 if tight else sum(len(a) for part in work.parts for a in part[0])
                if work.moved is not None:
                    moved = work.moved if moved is None else np.logical_or(moved, work.moved)
            if moved is None or not moved.all():
                still = chunk if moved is None else chunk[~moved]
                table, fs, ss = self.goal_table
                failing = still[~table[self._index(still, fs, ss, {})]]
                if len(failing):
                    dead += len(failing)
                    if smallest is None:  # chunks in order: the first is the smallest
                        smallest = int(failing[0]) >> self.shift
            near = list(found)  # this layer's earlier chunks, then the last layers
            room, d = NEAR_SHARE * made, depth
            while d >= lowest and len(arrays[d]) <= room:
                near.append(arrays[d])
                room -= len(arrays[d])
                d -= 1
            jobs = []
            for r, (lo, hi) in enumerate(itertools.pairwise([None, *cuts, None])):
                rising = [a for w in done for a in w.parts[r][0]]
                others = [a for w in done for a in w.parts[r][1]]
                sets: list[tuple[list[Any], list[Any], int | None]] = [
                    (others, [_within(a, lo, hi) for a in near], None)
                ]
                if tight:  # new, at the next distance: only this layer's earlier chunks to mind
                    sets.append((rising, [_within(a, lo, hi) for a in found], depth + 1))
                else:
                    sets[0][0].extend(rising)
                jobs.append(sets)
            fresh: list[list[tuple[Any, int | None]]] = self._each(self._fresh, jobs)
            for ranged in fresh:  # each range, each set: its new states, their least distance
                for _, low in ranged:
                    least = low if least is None or (low is not None and low < least) else least
            sets = [np.concatenate([got[k][0] for got in fresh]) for k in range(len(fresh[0]))]
            new = self._unseen(sets[0], lowest, d + 1)  # those that may be in an older layer
            if len(sets) > 1 and len(sets[1]):  # new from the moves that rise: in no layer
                new = _once(np, _union(np, [new, sets[1]], self.dtype)) if len(new) else sets[1]
            found.append(new)
            held += len(new)
            if self._reached + held > self.limit.states:
                raise self.limit_error(memory=False)
        nxt = _union(np, found, self.dtype) if len(found) != 1 else found[0]
        arrays.append(nxt)
        self._low.append(least if least is not None else depth + 1)
        self._reached += len(nxt)
        return dead, smallest

    def _each(self, fn: Any, pieces: list[Any]) -> list[Any]:
        """*fn* of each piece, the pieces shared among the workers (numpy lets go of the
        interpreter while it works on arrays, so that they run at once)."""
        if len(pieces) == 1 or self._pool is None:
            return [fn(p) for p in pieces]
        return list(self._pool.map(fn, pieces))

    @property
    def units(self) -> list[_Group | _Move]:
        """The groups and the moves judged alone."""
        return [*self.groups, *self.alone]

    def _successors(self, states: Any, units: list[_Group | _Move], cuts: list[int]) -> _Work:
        """The successors of some states of a layer by the moves of *units* (marked, in as many
        ranges of values as *cuts* make), the transitions, and whether any is enabled."""
        np = self.np
        parts: list[tuple[list[Any], list[Any]]] = [([], []) for _ in range(len(cuts) + 1)]
        moves = 0
        moved: Any = None

        def keep(m: _Move, enabled: Any) -> None:
            nonlocal moves
            chosen = np.compress(enabled, states)  # compress: much faster than states[enabled]
            if not len(chosen):
                return
            moves += len(chosen)
            out = m.apply(chosen)
            side = 0 if m in self._rising else 1
            if not cuts:
                parts[0][side].append(out)
            elif m.ordered:  # in order: each range a slice
                at = [0, *out.searchsorted(cuts).tolist(), len(out)]
                for r, (a, b) in enumerate(itertools.pairwise(at)):
                    parts[r][side].append(out[a:b])
            else:
                where = np.searchsorted(np.array(cuts, dtype=out.dtype), out, "right")
                for r in range(len(parts)):
                    parts[r][side].append(np.compress(where == r, out))

        fields: dict[int, Any] = {}
        for u in units:
            if isinstance(u, _Group):
                masks = u.masks(states)
                some = masks.astype(bool)
                moved = some if moved is None else np.logical_or(moved, some, out=moved)
                for j, m in enumerate(u.moves):
                    keep(m, (masks & masks.dtype.type(1 << j)).astype(bool))
            else:
                # take, not table[index]: it lets go of the interpreter while it works
                enabled = u.table.take(self._index(states, u.fields, u.strides, fields))
                if u.test is not None:
                    enabled &= u.test.take(self._index(states, [u.field], [1], fields))
                moved = (
                    enabled.copy() if moved is None else np.logical_or(moved, enabled, out=moved)
                )
                keep(u, enabled)
        return _Work(parts, moves, moved)

    def _fresh(
        self, job: list[tuple[list[Any], list[Any], int | None]]
    ) -> list[tuple[Any, int | None]]:
        """The new states among some sets of successors in one range of values: each set's,
        sorted, with their least distance from the starts (None: no new state). *job* holds the
        sets, each with the sorted states of the range it may hold (see :meth:`_unreached`) and
        the distance of its new states where known (None: worked out; a move that rises from
        some values only may make a state of both sets)."""
        out: list[tuple[Any, int | None]] = []
        for made, near, known in job:
            new = self._unreached(made, near)
            if not len(new):
                out.append((new, None))
            else:
                out.append((new, self._least(new) if known is None else known))
        return out

    def _unreached(self, made: list[Any], near: list[Any]) -> Any:
        """The successors *made* (marked) not among the states *near* (sorted, unmarked),
        each once, sorted and unmarked."""
        np = self.np
        if not sum(len(a) for a in made):
            return np.zeros(0, self.dtype)
        runs = sorted([*near, *made], key=len) if self.shift else made  # the shortest first
        both = np.concatenate(runs)
        both.sort(kind="stable")  # sorted runs (most moves keep the order): merged
        if not self.shift:  # no room for the mark: the successors sorted alone, then searched for
            new = _once(np, both)
            for a in near:
                new = np.compress(~_member(new, a), new)
            return new
        if near:  # marked successors sorted with the states: each just after its state
            one = self.dtype(1)
            values = both >> one
            first = np.empty(len(both), dtype=bool)  # the first of its value: its state, if held
            first[0] = True
            np.not_equal(values[1:], values[:-1], out=first[1:])
            if np.count_nonzero(first) == sum(len(a) for a in near):  # each value a state's
                return np.zeros(0, self.dtype)
            first &= (both & one).astype(bool)  # marked: a successor, no state before it
            new = np.compress(first, both)
        else:
            new = _once(np, both)
        new -= self.dtype(1)
        return new

    def _unseen(self, new: Any, lowest: int, upto: int) -> Any:
        """The sorted *new* states not in the layers from *lowest* up to *upto* (the layers
        not sorted with the successors that may yet hold one), from a sorted array of the older
        layers (made when first needed) and the layers since."""
        np, arrays = self.np, self._layers.arrays
        if lowest >= upto or not len(new):
            return new
        since = arrays[self.merged : upto]
        if len(since) > 8 or sum(len(a) for a in since) * MERGE_SHARE > len(self.older):
            merged = np.concatenate([self.older, *since])
            merged.sort(kind="stable")  # sorted runs: merged, not sorted anew
            self.older, self.merged = merged, upto
        searched = [self.older] if lowest < self.merged else []
        searched += arrays[max(lowest, self.merged) : upto]
        for a in searched:
            part = a[a.searchsorted(new[0]) : a.searchsorted(new[-1], "right")]
            new = np.compress(~_member(new, part), new)
            if not len(new):
                break
        return new

    def _release(self) -> None:
        np = self.np
        self._layers = ArrayLayers(shift=self.shift)
        self.older, self.merged = np.zeros(0, self.dtype), 0


def _weight(unit: _Group | _Move) -> int:
    """About what a group or a move judged alone costs a state: its look-up and its moves."""
    return 1 + len(unit.moves) if isinstance(unit, _Group) else 2


def _within(states: Any, low: int | None, high: int | None) -> Any:
    """The sorted *states* from *low* (None: the first) to before *high* (None: the last)."""
    a = 0 if low is None else int(states.searchsorted(states.dtype.type(low)))
    b = len(states) if high is None else int(states.searchsorted(states.dtype.type(high)))
    return states[a:b]


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


def _union(np: Any, arrays: list[Any], dtype: Any) -> Any:
    """The union of sorted arrays holding no value in common, sorted."""
    if not arrays:
        return np.zeros(0, dtype)
    both = np.concatenate(arrays)
    both.sort(kind="stable")  # sorted runs: merged, not sorted anew
    return both
