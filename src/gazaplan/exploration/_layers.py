"""A search's layers, as the witnesses read them: the states at each depth, whatever holds them.

Breadth first, layer ``d`` holds the states first reached after ``d`` moves. Both engines reach
the same states in every layer; the set engine keeps each layer as a list in the order it found
them, the array engine as a sorted array. A witness walks back through them, asking only whether
a layer holds a state and, for a livelock, the states of a layer in ascending order, so both
engines give the same witnesses.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Protocol

__all__ = ["ArrayLayers", "Layers", "ListLayers"]


class Layers(Protocol):
    """The layers of a breadth-first search."""

    def __len__(self) -> int: ...

    def contains(self, depth: int, state: int) -> bool:
        """Whether the layer at *depth* holds *state*."""
        ...

    def ascending(self, depth: int) -> list[int]:
        """The states of the layer at *depth*, smallest first."""
        ...

    def size(self, depth: int) -> int:
        """How many states the layer at *depth* holds."""
        ...


def depth_of(layers: Layers, state: int) -> int:
    """The layer that holds *state* (it must be in one)."""
    return next(d for d in range(len(layers)) if layers.contains(d, state))


class ListLayers:
    """Layers kept as lists of Python integers (the set engine's; also a loop's small search)."""

    def __init__(self, lists: list[list[int]]) -> None:
        self.lists = lists
        self._sets: dict[int, set[int]] = {}

    def __len__(self) -> int:
        return len(self.lists)

    def __iter__(self) -> Iterator[list[int]]:
        return iter(self.lists)

    def contains(self, depth: int, state: int) -> bool:
        found = self._sets.get(depth)
        if found is None or len(found) != len(self.lists[depth]):  # a layer may still grow
            found = self._sets[depth] = set(self.lists[depth])
        return state in found

    def ascending(self, depth: int) -> list[int]:
        return sorted(self.lists[depth])

    def size(self, depth: int) -> int:
        return len(self.lists[depth])


class ArrayLayers:
    """Layers kept as sorted numpy arrays of packed states (the array engine's), each state
    shifted up *shift* bits (the engine's mark below it, 0 in a state reached)."""

    def __init__(self, arrays: Sequence[Any] = (), *, shift: int = 0) -> None:
        self.arrays: list[Any] = list(arrays)
        self.shift = shift

    def __len__(self) -> int:
        return len(self.arrays)

    def contains(self, depth: int, state: int) -> bool:
        layer = self.arrays[depth]
        if state < 0 or state >= 1 << (8 * layer.itemsize - self.shift):
            return False
        held = layer.dtype.type(state << self.shift)
        at = int(layer.searchsorted(held))
        return at < len(layer) and int(layer[at]) == int(held)

    def ascending(self, depth: int) -> list[int]:
        return [int(s) for s in (self.arrays[depth] >> self.shift).tolist()]

    def size(self, depth: int) -> int:
        return len(self.arrays[depth])
