"""Pauses of Python's cyclic garbage collector, for work that makes many objects at once.

A replay or a read makes hundreds of thousands of containers, none of them garbage until it
ends. The collector would walk them, and every other object alive, several times over, for
nothing: ``json.loads`` of a 10,000-event timeline spends a quarter to a third of its time so,
and a replay of one about a sixth. Reference counting still frees what is dropped meanwhile.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator
from typing import Final

__all__ = ["collector_paused"]


class _Pauses:
    """Pauses counted across threads: the first to begin stops the collector (if it ran), the
    last to end restarts it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0
        self.restart = False

    @contextlib.contextmanager
    def pause(self) -> Iterator[None]:
        with self.lock:
            if self.count == 0:
                self.restart = gc.isenabled()
                gc.disable()
            self.count += 1
        try:
            yield
        finally:
            with self.lock:
                self.count -= 1
                if self.count == 0 and self.restart:
                    gc.enable()


_PAUSES: Final = _Pauses()


def collector_paused() -> contextlib.AbstractContextManager[None]:
    """A context in which the cyclic garbage collector does not run (nested and threaded pauses
    count: it runs again when the last ends, if it ran before the first).

    Returns:
        The context manager.
    """
    return _PAUSES.pause()
