"""SIGTERM handled as Ctrl-C while a command runs: it raises :class:`Terminated`, a
``KeyboardInterrupt``, so the paths that clean up after Ctrl-C (pending work cancelled, worker
processes ended, what was done reported) run for both, and the exit code says which signal came
(128 + its number: 130 for SIGINT, 143 for SIGTERM)."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["Caught", "Terminated", "interrupt_code", "interrupt_word", "terminate_as_interrupt"]


class Terminated(KeyboardInterrupt):
    """A signal other than SIGINT (SIGTERM) that stops a command as Ctrl-C does.

    Attributes:
        signum: the signal's number.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(f"signal {signum}")
        self.signum = signum


def _signum(interrupt: BaseException | None) -> int:
    return interrupt.signum if isinstance(interrupt, Terminated) else int(signal.SIGINT)


def interrupt_code(interrupt: BaseException | None = None) -> int:
    """The exit code of a command stopped by *interrupt* (None: Ctrl-C): 128 + the signal's
    number, 130 for SIGINT and 143 for SIGTERM."""
    return 128 + _signum(interrupt)


def interrupt_word(interrupt: BaseException | None = None) -> str:
    """How the message says the command was stopped: ``interrupted`` (Ctrl-C) or ``terminated
    (SIGTERM)``."""
    if not isinstance(interrupt, Terminated):
        return "interrupted"
    try:
        name = signal.Signals(interrupt.signum).name
    except ValueError:
        name = f"signal {interrupt.signum}"
    return f"terminated ({name})"


class Caught:
    """The signal that stopped the command, once one did (see :func:`terminate_as_interrupt`)."""

    signum: int | None = None

    def exit_code(self, code: int) -> int:
        """*code*, or the code of the signal caught if a handler reported an interrupt (130)
        that this signal caused."""
        if code == interrupt_code() and self.signum is not None:
            return 128 + self.signum
        return code


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[Caught]:
    """While the block runs, SIGTERM raises :class:`Terminated` in the main thread.

    Elsewhere than in the main thread (where Python cannot handle signals), or where there is
    no SIGTERM, nothing changes. The handler before is put back when the block ends.

    Yields:
        What was caught (its ``signum`` set when SIGTERM came).
    """
    caught = Caught()
    term = getattr(signal, "SIGTERM", None)
    if term is None or threading.current_thread() is not threading.main_thread():
        yield caught
        return

    def stop(signum: int, _frame: FrameType | None) -> None:
        caught.signum = signum
        raise Terminated(signum)

    previous = signal.signal(term, stop)
    try:
        yield caught
    finally:
        signal.signal(term, previous if previous is not None else signal.SIG_DFL)
