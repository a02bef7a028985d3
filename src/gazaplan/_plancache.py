"""The caches a plan keeps of what it derives (compiled conditions, traces, replayed histories).

Pure caches: anything in them can be rebuilt from the plan, so a copy or a pickle of a plan
starts with an empty one (a plan sent to another process pickles, whatever was evaluated on it),
and they are bounded: the histories of the last :data:`HISTORIES` timelines replayed, and at most
:data:`LIMIT` other entries (past that, the cache starts again empty).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Final

__all__ = ["HISTORIES", "LIMIT", "PlanCache"]

LIMIT: Final = 50_000
HISTORIES: Final = 16


class PlanCache(dict[Any, Any]):
    """A plan's cache: a dict that pickles and copies as an empty one, with a bounded store of
    replayed histories."""

    def __init__(self) -> None:
        super().__init__()
        self.histories: OrderedDict[Any, Any] = OrderedDict()

    def __reduce__(self) -> tuple[type[PlanCache], tuple[()]]:
        return (PlanCache, ())

    def __copy__(self) -> PlanCache:
        return PlanCache()

    def __deepcopy__(self, memo: dict[int, Any]) -> PlanCache:
        return PlanCache()

    def __setitem__(self, key: Any, value: Any) -> None:
        if len(self) >= LIMIT and key not in self:
            self.clear()
        super().__setitem__(key, value)

    def history(self, key: Any) -> Any:
        """The history stored under *key*, or None (a hit counts as a use)."""
        found = self.histories.get(key)
        if found is not None:
            self.histories.move_to_end(key)
        return found

    def keep_history(self, key: Any, value: Any) -> None:
        """Store a history, dropping the least recently used past :data:`HISTORIES`."""
        self.histories[key] = value
        self.histories.move_to_end(key)
        while len(self.histories) > HISTORIES:
            self.histories.popitem(last=False)
