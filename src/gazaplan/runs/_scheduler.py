"""Reaching a Dask scheduler: within one deadline, and only a Dask scheduler.

``distributed.Client`` waits for good on a service that accepts the connection and says nothing,
and reads another service's greeting (``SSH-2.0-...``) as the length of a message it then tries to
allocate. So before a client is made, :func:`connect` reads what the service at the address says
first: a Dask scheduler sends its handshake as soon as a connection opens (``distributed.comm``:
both ends write theirs, then read), framed as an 8-byte length, a frame count and the frames'
lengths, all small. Anything else is refused, naming the address, what was found and the fix.
The client is then made in a thread of its own, waited for only until the same deadline, and
closed should it come later. Every wait is measured on the monotonic clock.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from ..exceptions import InvalidValueError

__all__ = ["MAX_HANDSHAKE", "SchedulerAddress", "connect", "parse_address"]

MAX_HANDSHAKE = 1 << 16
"""The most bytes a scheduler's first message (its handshake, some 60) is believed to take."""

_MAX_FRAMES = 64
_SCHEMES = ("tcp", "tls")
_WORD = struct.Struct("Q")  # distributed.comm.tcp frames with native unsigned 64-bit lengths
_EXAMPLE = "tcp://127.0.0.1:8786"

T = TypeVar("T")


class _LateError(Exception):
    """Work waited for until a deadline did not finish by then."""


class SchedulerAddress(NamedTuple):
    """A scheduler's address, read: the scheme (``tcp`` or ``tls``), the host and the port."""

    scheme: str
    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}"


def parse_address(text: object, place: str = "--scheduler") -> SchedulerAddress:
    """A scheduler's address, as ``dask scheduler`` prints it.

    Args:
        text: ``tcp://HOST:PORT`` or ``tls://HOST:PORT`` (an IPv6 host in brackets), or
            ``HOST:PORT`` for tcp.
        place: where it was given, for the error.

    Returns:
        The address, read.

    Raises:
        InvalidValueError: if it is not text of that form (no port, another scheme, a path).
    """

    def bad(problem: str) -> InvalidValueError:
        return InvalidValueError(
            place,
            text,
            problem,
            f"Pass the address the scheduler prints when it starts, e.g. {_EXAMPLE}.",
        )

    if not isinstance(text, str) or not text.strip():
        raise bad("a scheduler's address is SCHEME://HOST:PORT")
    scheme, sep, rest = text.strip().partition("://")
    scheme = scheme.lower() if sep else "tcp"
    rest = rest if sep else text.strip()
    if scheme not in _SCHEMES:
        raise bad(
            f"{scheme}:// is not a way to reach a Dask scheduler here "
            f"({', '.join(s + '://' for s in _SCHEMES)} are)"
        )
    if rest.startswith("["):
        host, _, tail = rest[1:].partition("]")
        port = tail.removeprefix(":") if tail.startswith(":") else ""
    else:
        host, _, port = rest.rpartition(":") if ":" in rest else (rest, "", "")
    if not host or any(c in host for c in "/[]@ ") or (":" in host and not rest.startswith("[")):
        raise bad("a scheduler's address is SCHEME://HOST:PORT, and its host is not one")
    if not port:
        raise bad("a scheduler's address is SCHEME://HOST:PORT, and this one has no port")
    if not port.isascii() or not port.isdigit() or not 0 < int(port) < 65536:
        raise bad(f"the port must be a number from 1 to 65535, not {port!r}")
    return SchedulerAddress(scheme, host, int(port))


def connect(address: str, timeout: float, place: str = "--scheduler") -> Any:
    """A ``distributed.Client`` of the Dask scheduler at *address*, within *timeout* seconds.

    Over tcp, the service's first words are read and checked first (see the module's doc);
    over tls, where the client speaks first, the deadline alone bounds the wait.

    Args:
        address: the scheduler's address (see :func:`parse_address`).
        timeout: the seconds the connection, the handshake and the client may take in all.
        place: where the address was given, for the errors.

    Returns:
        The client, connected.

    Raises:
        InvalidValueError: if the address is malformed; nothing answers there in time; the
            service there is silent, closes the connection or speaks another protocol; or the
            client cannot connect in time.
        ImportError: ``distributed`` is not installed.
    """
    where = parse_address(address, place)
    deadline = time.monotonic() + timeout
    import distributed

    if where.scheme == "tcp":
        _probe(where, deadline, timeout, place)
    make: Any = distributed.Client  # distributed ships no complete types

    def client() -> Any:
        return make(str(where), timeout=max(0.1, deadline - time.monotonic()))

    try:
        return _within(deadline, client, lambda c: c.close())
    except _LateError:
        problem = f"it did not finish connecting within {timeout:g} s"
        if where.scheme == "tcp":
            problem = f"it began as a Dask scheduler does, but {problem}"
        raise _refused(where, place, problem, _LONGER) from None
    except Exception as e:  # whatever the far end provoked: it is not a scheduler we can use
        if isinstance(e, OSError | ValueError):
            found = f"no Dask scheduler answered there within {timeout:g} s ({type(e).__name__})"
        else:
            found = f"the client could not connect ({type(e).__name__}: {_first(e)})"
        raise _refused(where, place, found, _START) from None


_START = f"Start one (dask scheduler) and pass the address it prints, e.g. {_EXAMPLE}."
_SILENT = (
    "A service that waits to be spoken to (an HTTP server) is not a Dask scheduler: pass the "
    f"address a Dask scheduler prints when it starts, e.g. {_EXAMPLE}; if it is one, and busy, "
    "wait longer (--timeout)."
)
_LONGER = "Check that the address is the scheduler's, or wait longer (--timeout)."
_OTHER = (
    "That port belongs to another kind of service: pass the address a Dask scheduler prints "
    f"when it starts (its default port is 8786), e.g. {_EXAMPLE}."
)


def _refused(where: SchedulerAddress, place: str, problem: str, fix: str) -> InvalidValueError:
    return InvalidValueError(place, str(where), problem, fix)


def _first(e: BaseException) -> str:
    return (str(e).splitlines() or [""])[0][:200]


def _probe(where: SchedulerAddress, deadline: float, timeout: float, place: str) -> None:
    """Refuse the address unless the service there, once connected, sends a plausible first
    message of a Dask scheduler before the deadline."""
    sock = _open(where, deadline, timeout, place)
    with sock:
        heard = b""
        need = 2 * _WORD.size  # the message's length and its frame count
        while len(heard) < need:
            left = deadline - time.monotonic()
            try:
                if left <= 0:
                    raise TimeoutError
                sock.settimeout(left)
                chunk = sock.recv(need - len(heard))
            except TimeoutError:
                if not heard:
                    problem = f"it accepted the connection but said nothing within {timeout:g} s"
                    raise _refused(
                        where, place, f"{problem}, and a Dask scheduler speaks first", _SILENT
                    ) from None
                chunk = b""
            except OSError as e:  # reset by the far end
                raise _refused(
                    where, place, f"it broke the connection ({type(e).__name__})", _OTHER
                ) from None
            if not chunk:
                if not heard:
                    problem = "it accepted the connection and closed it without a word"
                    raise _refused(where, place, f"{problem}, as no Dask scheduler does", _OTHER)
                raise _refused(where, place, _not_dask(heard), _OTHER)
            heard += chunk
            if len(heard) == 2 * _WORD.size:
                count = _WORD.unpack_from(heard, _WORD.size)[0]
                if not _plausible(heard, count):
                    raise _refused(where, place, _not_dask(heard), _OTHER)
                need += count * _WORD.size  # the frames' lengths
        if not _plausible(heard, len(heard) // _WORD.size - 2, complete=True):
            raise _refused(where, place, _not_dask(heard), _OTHER)


def _plausible(heard: bytes, count: int, *, complete: bool = False) -> bool:
    """Whether *heard* starts as a small framed message of distributed's tcp comm does: its
    length, a frame count from 1 to 64, and (once *complete*) the frames' lengths."""
    total = _WORD.unpack_from(heard)[0]
    prelude = (1 + count) * _WORD.size
    if not 1 <= count <= _MAX_FRAMES or not prelude <= total <= MAX_HANDSHAKE:
        return False
    if not complete:
        return True
    lengths = struct.unpack_from(f"{count}Q", heard, 2 * _WORD.size)
    return all(n <= MAX_HANDSHAKE for n in lengths) and total <= prelude + sum(lengths)


def _not_dask(heard: bytes) -> str:
    return f"it answered, but not as a Dask scheduler speaks (it began with {heard[:32]!r})"


def _open(where: SchedulerAddress, deadline: float, timeout: float, place: str) -> socket.socket:
    """A connection to the address, tried again (as distributed does: a scheduler may be
    starting) until it opens or the deadline passes."""
    pause = 0.05
    last: BaseException = TimeoutError()
    while deadline - time.monotonic() > 0:
        try:
            found = _within(deadline, lambda: socket.getaddrinfo(where.host, where.port))
            family, kind, proto, _, sockaddr = next(
                (f for f in found if f[1] == socket.SOCK_STREAM), found[0]
            )
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(max(0.001, deadline - time.monotonic()))
                sock.connect(sockaddr)
            except BaseException:
                sock.close()
                raise
            return sock
        except (OSError, IndexError) as e:  # refused, unresolved, timed out: again
            last = e
        except _LateError:  # the name took the whole wait to look up
            last = TimeoutError()
        time.sleep(max(0.0, min(pause, deadline - time.monotonic())))
        pause = min(2 * pause, 0.5)
    raise _refused(
        where,
        place,
        f"no Dask scheduler answered there within {timeout:g} s ({type(last).__name__})",
        _START,
    )


def _within(deadline: float, work: Callable[[], T], discard: Callable[[T], Any] | None = None) -> T:
    """``work()`` in a thread of its own, waited for until the deadline (monotonic).

    Returns:
        What it returns.

    Raises:
        _LateError: it did not finish in time; what it returns later goes to *discard*.
        BaseException: what it raised.
    """
    lock = threading.Lock()
    outcome: list[tuple[bool, Any]] = []
    abandoned = False

    def run() -> None:
        try:
            value = work()
        except BaseException as e:  # handed to the waiting thread
            with lock:
                outcome.append((False, e))
            return
        with lock:
            keep = not abandoned
            if keep:
                outcome.append((True, value))
        if not keep and discard is not None:
            discard(value)

    def give_up() -> list[tuple[bool, Any]]:
        nonlocal abandoned
        with lock:
            abandoned = True
            return list(outcome)

    thread = threading.Thread(target=run, name="gazaplan: reaching a scheduler", daemon=True)
    thread.start()
    try:
        thread.join(max(0.0, deadline - time.monotonic()))
    except BaseException:  # Ctrl-C while waiting: what comes is not wanted
        for ok, value in give_up():
            if ok and discard is not None:
                discard(value)
        raise
    got = give_up()
    if not got:
        raise _LateError
    ok, value = got[0]
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]
