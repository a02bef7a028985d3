"""The cache a plan keeps of what it derives: the compiled forms of its conditions (fast, traced,
bare), data derived from the plan as a whole, and replayed histories.

Pure caches: anything in them can be rebuilt from the plan, so a copy or a pickle of a plan
starts with an empty one (a plan sent to another process pickles, whatever was evaluated on it),
and a plan compares and hashes by its data alone. They are bounded: the histories of the last
:data:`HISTORIES` timelines replayed, and at most :data:`LIMIT` compiled forms (past that, the
store starts again empty). Conditions evaluated without a plan use :data:`FREE`.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Final, TypeVar, cast

__all__ = ["FREE", "HISTORIES", "LIMIT", "PlanCache"]

LIMIT: Final = 50_000
HISTORIES: Final = 16
T = TypeVar("T")


class PlanCache:
    """A plan's cache, in three typed stores.

    - ``forms``: what a condition (or a phase) compiles to, by (what, id of the owner, detail);
      each entry keeps its owner alive, so an id is never reused for another while it exists.
    - ``derived``: data derived from the whole plan, by name (the party and line ids, ...).
    - ``histories``: the last replayed histories, by (id of the timeline, id of the start).
    """

    __slots__ = ("derived", "forms", "histories")

    def __init__(self) -> None:
        self.forms: dict[tuple[str, int, Hashable], tuple[object, object]] = {}
        self.derived: dict[str, object] = {}
        self.histories: OrderedDict[tuple[int, int], Any] = OrderedDict()

    def __reduce__(self) -> tuple[type[PlanCache], tuple[()]]:
        return (PlanCache, ())

    def __copy__(self) -> PlanCache:
        return PlanCache()

    def __deepcopy__(self, memo: dict[int, Any]) -> PlanCache:
        return PlanCache()

    def form(self, what: str, owner: object, detail: Hashable, make: Callable[[], T]) -> T:
        """The compiled form *what* of *owner* (with *detail*), made by *make* the first time."""
        key = (what, id(owner), detail)
        entry = self.forms.get(key)
        if entry is not None and entry[0] is owner:
            return cast("T", entry[1])
        if len(self.forms) >= LIMIT:
            self.forms.clear()
        value = make()
        self.forms[key] = (owner, value)
        return value

    def derive(self, name: str, make: Callable[[], T]) -> T:
        """The plan-wide datum *name*, made by *make* the first time."""
        if name not in self.derived:
            self.derived[name] = make()
        return cast("T", self.derived[name])

    def history(self, key: tuple[int, int]) -> Any:
        """The history stored under *key*, or None (a hit counts as a use)."""
        found = self.histories.get(key)
        if found is not None:
            self.histories.move_to_end(key)
        return found

    def keep_history(self, key: tuple[int, int], value: Any) -> None:
        """Store a history, dropping the least recently used past :data:`HISTORIES`."""
        self.histories[key] = value
        self.histories.move_to_end(key)
        while len(self.histories) > HISTORIES:
            self.histories.popitem(last=False)

    def __len__(self) -> int:
        return len(self.forms) + len(self.derived)


FREE: Final = PlanCache()
"""The cache of conditions evaluated without a plan."""
