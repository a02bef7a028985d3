"""An immutable, hashable mapping for fields of frozen classes (Python 3.11 has no frozendict)."""

from __future__ import annotations

import contextlib
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Mapping, ValuesView
from typing import Any, Generic, TypeVar, overload

K = TypeVar("K")
V = TypeVar("V")
D = TypeVar("D")

__all__ = ["FrozenMap", "frozen_map"]


class FrozenMap(Mapping[K, V], Generic[K, V]):
    """A read-only dict that hashes by content and keeps its keys sorted for stable output."""

    __slots__ = ("_data", "_hash")

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        pairs = items.items() if isinstance(items, Mapping) else items
        data = dict(pairs)
        with contextlib.suppress(TypeError):  # keys that do not order keep insertion order
            data = dict(sorted(data.items(), key=lambda kv: kv[0]))
        self._data: dict[K, V] = data
        self._hash: int | None = None

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    @overload
    def get(self, key: K, /) -> V | None: ...
    @overload
    def get(self, key: K, default: V | D, /) -> V | D: ...
    def get(self, key: K, default: object = None, /) -> object:
        return self._data.get(key, default)

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    # The dict's own views: a tenth of the cost of the generic Mapping ones.
    def keys(self) -> KeysView[K]:
        return self._data.keys()

    def items(self) -> ItemsView[K, V]:
        return self._data.items()

    def values(self) -> ValuesView[V]:
        return self._data.values()

    def to_dict(self) -> dict[K, V]:
        """A plain dict of the same items (a copy: changing it changes nothing here)."""
        return self._data.copy()

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def set(self, key: K, value: V) -> FrozenMap[K, V]:
        """A copy with *key* set to *value*."""
        return FrozenMap({**self._data, key: value})

    def merged(self, changes: Mapping[K, V]) -> FrozenMap[K, V]:
        """A copy with every key of *changes* set (one copy, however many keys)."""
        data = self._data
        for key in changes:
            if key not in data:  # a new key: sorted again
                return FrozenMap({**data, **changes})
        made: FrozenMap[K, V] = object.__new__(FrozenMap)  # same keys: the order holds
        made._data, made._hash = {**data, **changes}, None
        return made


def frozen_map(value: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> FrozenMap[str, Any]:
    """attrs converter (non-generic, so type checkers accept plain dicts) to a FrozenMap."""
    return FrozenMap(value)
