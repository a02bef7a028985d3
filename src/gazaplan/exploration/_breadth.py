"""Breadth-first search, layer by layer: what every engine does the same way, and the set engine.

A search starts from its layer 0 (the possible starts) and, layer after layer, records the first
layer where each target is MET (and where it is UNKNOWN: possibly reached), where each invariant
is broken, and where a state has no move while the goal is not MET (a deadlock); then expands
the layer into the next, stopping with an error past the state limit. The engines differ only in
how a layer is held and expanded: :class:`SetSearch` over Python integers and a set (the
generated successor function of :mod:`gazaplan.exploration._packing`), and
:class:`~gazaplan.exploration._vectorised.ArraySearch` over numpy arrays. Each reports the
smallest state of the layer where a finding first holds, so that both find the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..core.conditions import Condition, Not
from ..exceptions import InvalidValueError
from ..truth import Verdict
from ._layers import Layers, ListLayers
from ._limits import BYTES_PER_STATE, MAX_STATES, StateLimit
from ._limits import size as _size
from ._packing import Packed

__all__ = ["CHUNK", "Breadth", "Progress", "SetSearch"]

CHUNK = 16_384
"""States the set engine expands between two checks of the state limit: a layer may pass the
limit by at most this many states' successors."""

Progress = Callable[[int, int, int], None]
"""Called after each layer with the states, transitions and depth so far."""


class Breadth:
    """One breadth-first search: the layers, the first state found for each finding.

    Args:
        packed: the packed model.
        wanted: the targets, each a name and a condition.
        goal: what a deadlock fails to reach.
        max_depth: stop after this many moves (None: no limit).
        limit: the most states the search may hold.
        kept: the invariants, each a name and a condition.
        maybes: also record where each target is UNKNOWN (``"maybe:name"``).
    """

    engine = ""
    bytes_per_state = BYTES_PER_STATE

    def __init__(
        self, packed: Packed, wanted: Sequence[tuple[str, Condition]], goal: Condition,
        max_depth: int | None, limit: StateLimit,
        kept: Sequence[tuple[str, Condition]] = (), *, maybes: bool = False,
    ) -> None:  # fmt: skip
        self.packed, self.goal, self.max_depth, self.limit = packed, goal, max_depth, limit
        self.wanted = list(wanted)
        self.kept = [(name, c, Not(c)) for name, c in kept]  # Not built once: tables go by id
        self.maybes = maybes
        self.first: dict[str, int] = {}
        self.transitions = self.deadlocks = 0
        self.complete, self.interrupted = True, False

    # -- what an engine provides -----------------------------------------------------------------
    @property
    def reached(self) -> int:
        """Distinct states reached so far."""
        raise NotImplementedError

    @property
    def layers(self) -> Layers:
        """The layers so far, layer 0 the starts."""
        raise NotImplementedError

    def _begin(self, starts: list[int]) -> None:
        raise NotImplementedError

    def _find(self, cond: Condition, want: Verdict, depth: int) -> int | None:
        """The smallest state of the layer at *depth* where *cond*'s verdict is *want*."""
        raise NotImplementedError

    def _expand(self, depth: int) -> tuple[int, int | None]:
        """Expand the layer at *depth* into a new last layer: the deadlocks found in it (states
        with no move whose goal is not MET) and the smallest of them."""
        raise NotImplementedError

    def _release(self) -> None:
        """Let go of every state held (the memory ran out; an error is to be made)."""
        raise NotImplementedError

    # -- the search ------------------------------------------------------------------------------
    @property
    def depth(self) -> int:
        """The deepest layer that holds a state."""
        layers = self.layers
        return max(0, sum(1 for d in range(len(layers)) if layers.size(d)) - 1)

    def search(
        self, starts: list[int], stop_when: set[str] | None = None,
        progress: Progress | None = None, interruptible: bool = False,
    ) -> None:  # fmt: skip
        """Search from *starts*; stop early once everything in *stop_when* is found."""
        self._begin(starts)
        try:
            self._run(stop_when, progress)
        except KeyboardInterrupt:
            if not interruptible:
                raise
            self.complete, self.interrupted = False, True

    def _run(self, stop_when: set[str] | None, progress: Progress | None) -> None:
        broken: set[str] = set()  # invariants found UNMET: no need to look for UNKNOWN
        first = self.first
        depth = 0
        while self.layers.size(depth):
            for name, cond in self.wanted:
                if name not in first and (hit := self._find(cond, Verdict.MET, depth)) is not None:
                    first[name] = hit
                key = f"maybe:{name}"
                if (self.maybes and name not in first and key not in first
                        and (hit := self._find(cond, Verdict.UNKNOWN, depth)) is not None):  # fmt: skip
                    first[key] = hit
            for name, cond, unmet in self.kept:
                key = f"invariant:{name}"
                if (
                    name not in broken
                    and (hit := self._find(unmet, Verdict.MET, depth)) is not None
                ):
                    first[key] = hit
                    broken.add(name)
                elif (
                    key not in first
                    and (hit := self._find(cond, Verdict.UNKNOWN, depth)) is not None
                ):
                    first[key] = hit
            if stop_when is not None and stop_when <= first.keys():
                return
            if self.max_depth is not None and depth >= self.max_depth:
                self.complete = False
                return
            dead, smallest = self._expand(depth)
            self.deadlocks += dead
            if smallest is not None:
                first.setdefault("deadlock", smallest)
            depth += 1
            if progress is not None:
                progress(self.reached, self.transitions, depth)

    def limit_error(self, *, memory: bool) -> InvalidValueError:
        """The error of a search stopped at its state limit, or by the memory running out
        (*memory*; what it held is let go first, so that the error can be made)."""
        reached = self.reached
        if memory:
            self._release()
        size = f"{reached:,} states (about {_size(reached * self.bytes_per_state)})"
        why = (f"the memory ran out (MemoryError) before the limit of {self.limit.explain()}"
               if memory else f"stopped at the limit of {self.limit.explain()}")  # fmt: skip
        bound = (
            "Bound the model: fewer values per variable (fewer hostages: --living/--deceased, "
            "catalog.model(living=..., deceased=...)), fewer actions (never=...), or max_depth"
        )
        if not memory:
            more = (f"raise the limit with max_states=N (--max-states N, at most {MAX_STATES:,}) "
                    "or more memory")  # fmt: skip
        elif self.limit.given:
            more = ("give the process more memory, or leave max_states (--max-states) out so "
                    "that the limit is taken from the memory left")  # fmt: skip
        else:
            more = "give the process more memory, or pass a lower max_states (--max-states N)"
        return InvalidValueError(
            "explore", size, why,
            f"{bound}; or {more} (about {self.bytes_per_state} bytes a state).",
        )  # fmt: skip


class SetSearch(Breadth):
    """The set engine: layers as lists of Python integers, the states reached in a set, each
    layer expanded by the generated successor function."""

    engine = "sets"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expand = self.packed.expand_fn(self.packed.model.actions)
        self.seen: set[int] = set()
        self._layers_kept = ListLayers([])
        self._finders: dict[tuple[int, Verdict], Callable[[list[int]], int | None]] = {}

    @property
    def reached(self) -> int:
        return len(self.seen)

    @property
    def layers(self) -> ListLayers:
        return self._layers_kept

    def _begin(self, starts: list[int]) -> None:
        self.seen = set(starts)
        self._layers_kept = ListLayers([list(dict.fromkeys(starts))])

    def _find(self, cond: Condition, want: Verdict, depth: int) -> int | None:
        key = (id(cond), want)
        find = self._finders.get(key)
        if find is None:
            find = self._finders[key] = self.packed.finder(cond, want)
        return find(self._layers_kept.lists[depth])

    def _expand(self, depth: int) -> tuple[int, int | None]:
        lists = self._layers_kept.lists
        layer = lists[depth]
        out: list[int] = []
        dead: list[int] = []
        lists.append(out)  # filled in place, so an interruption keeps what it reached
        for at in range(0, len(layer), CHUNK):  # the limit checked as the layer grows
            self.transitions += self.expand(layer[at : at + CHUNK], self.seen, out, dead)
            if len(self.seen) > self.limit.states:
                raise self.limit_error(memory=False)
        failing = [s for s in dead if not self.packed.holds(self.goal, s)]
        return len(failing), min(failing, default=None)

    def _release(self) -> None:
        self.seen.clear()
        for layer in self._layers_kept.lists:
            layer.clear()
