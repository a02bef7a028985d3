"""``--scheduler`` against services that are not a Dask scheduler: each refused with exit 2 and
a located error, within the ``--timeout`` given, never a hang nor ``MemoryError``. The
services run here, on 127.0.0.1, in a thread; an alarm ends a test that hangs."""

from __future__ import annotations

import contextlib
import io
import json
import random
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

import pytest

from gazaplan import InvalidValueError
from gazaplan.cli import main
from gazaplan.runs._scheduler import SchedulerAddress, parse_address

pytest.importorskip("distributed")

WAIT = 2  # --timeout in these tests, in seconds
SLACK = 6.0  # what a command may take beyond it (reading the plan and the timeline)
COMMANDS = {
    "simulate": ["simulate", "bundled", "--delay", "0:1", "--runs", "4", "-q"],
    "sweep": ["sweep", "--grid", "exchange.remains_ratio=5:25", "-q"],
}


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A test still running after 30 s fails instead of hanging the suite."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def hung(_signum: int, _frame: FrameType | None) -> None:
        raise TimeoutError("the command hung: still running after 30 s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def service(answer: Callable[[socket.socket], None]) -> Iterator[str]:
    """A TCP service on 127.0.0.1 that answers each connection with *answer*; its address."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()
    held: list[socket.socket] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(conn)
            with contextlib.suppress(OSError):
                answer(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"tcp://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(5)
        listener.close()
        for conn in held:
            conn.close()


def silent(_conn: socket.socket) -> None:
    pass  # accepts, says nothing, keeps the connection open


def closes(conn: socket.socket) -> None:
    conn.close()


def resets(conn: socket.socket) -> None:
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def says(data: bytes) -> Callable[[socket.socket], None]:
    def answer(conn: socket.socket) -> None:
        conn.sendall(data)

    return answer


# The first bytes a real scheduler sends: its message's length (58), one frame of 42 bytes.
DASK_PRELUDE = struct.pack("QQQ", 58, 1, 42)


def run(command: str, address: str) -> tuple[int, str, float]:
    out, err = io.StringIO(), io.StringIO()
    start = time.monotonic()
    argv = [*COMMANDS[command], "--scheduler", address, "--timeout", str(WAIT)]
    code = main(argv, out=out, err=err)
    return code, err.getvalue(), time.monotonic() - start


NOT_DASK = "answered, but not as a Dask scheduler speaks"
FIX_OTHER = "That port belongs to another kind of service: pass the address a Dask scheduler prints"


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize(
    ("answer", "found", "fix", "waits"),
    [
        pytest.param(
            silent,
            f"it accepted the connection but said nothing within {WAIT} s",
            "A service that waits to be spoken to (an HTTP server) is not a Dask scheduler",
            True,
            id="silent",
        ),  # it hung for good
        pytest.param(
            says(b"SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n"),
            f"{NOT_DASK} (it began with b'SSH-2.0-OpenSSH_')",
            FIX_OTHER,
            False,
            id="ssh-banner",
        ),  # it exited 3: MemoryError, Unable to allocate 2.82 EiB
        pytest.param(
            says(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"),
            NOT_DASK,
            FIX_OTHER,
            False,
            id="http-answer",
        ),
        pytest.param(
            says(random.Random(26).randbytes(512)), NOT_DASK, FIX_OTHER, False, id="random-bytes"
        ),
        pytest.param(
            says(DASK_PRELUDE[:16] + b"\xff" * 8),
            NOT_DASK,
            FIX_OTHER,
            False,
            id="frame-lengths-too-long",
        ),
        pytest.param(
            says(DASK_PRELUDE[:12]),
            NOT_DASK,
            FIX_OTHER,
            True,
            id="a-few-bytes-then-silence",
        ),
        pytest.param(
            says(DASK_PRELUDE),
            f"it began as a Dask scheduler does, but it did not finish connecting within {WAIT} s",
            "Check that the address is the scheduler's, or wait longer (--timeout).",
            True,
            id="a-scheduler-prelude-then-silence",
        ),  # passes the first look: the client itself is bounded by the same deadline
        pytest.param(
            closes,
            "it accepted the connection and closed it without a word, as no Dask scheduler does",
            FIX_OTHER,
            False,
            id="closes-at-once",
        ),
        pytest.param(
            resets, "it broke the connection (ConnectionResetError)", FIX_OTHER, False, id="resets"
        ),
    ],
)
def test_a_service_that_is_not_a_dask_scheduler_is_refused_in_time(
    command: str, answer: Callable[[socket.socket], None], found: str, fix: str, waits: bool
) -> None:
    with service(answer) as address:
        code, err, took = run(command, address)
    assert code == 2, err
    assert err.startswith(f"gazaplan: error: --scheduler: got {address!r}; "), err
    assert found in err
    assert fix in err
    assert took < WAIT + SLACK
    if not waits:  # what is said at once is refused at once, not at the deadline
        assert took < WAIT + SLACK / 2


def test_a_silent_service_ends_the_command_in_time_as_a_process() -> None:
    # in a process of its own (not under pytest), the client waited in the handshake for good
    with service(silent) as address:
        start = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "gazaplan", *COMMANDS["simulate"], "--scheduler", address,
             "--timeout", str(WAIT)],
            capture_output=True, text=True, timeout=WAIT + 20, check=False,
        )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert f"it accepted the connection but said nothing within {WAIT} s" in done.stderr
    assert time.monotonic() - start < WAIT + 15


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("tcp://127.0.0.1", "and this one has no port"),
        ("127.0.0.1", "and this one has no port"),
        ("http://127.0.0.1:8786", "http:// is not a way to reach a Dask scheduler here"),
        ("tcp://127.0.0.1:99999", "the port must be a number from 1 to 65535, not '99999'"),
        ("tcp://127.0.0.1:87a6", "the port must be a number from 1 to 65535, not '87a6'"),
        ("tcp://:8786", "and its host is not one"),
        ("tcp://127.0.0.1:8786/status", "the port must be a number from 1 to 65535"),
        ("", "a scheduler's address is SCHEME://HOST:PORT"),
    ],
)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_an_address_of_the_wrong_form_is_located(command: str, address: str, problem: str) -> None:
    code, err, took = run(command, address)
    assert code == 2, err
    assert f"--scheduler: got {address!r}; " in err
    assert problem in err
    assert "Pass the address the scheduler prints when it starts, e.g. tcp://127.0.0.1:8786" in err
    assert took < SLACK


def test_addresses_are_read_as_dask_prints_them() -> None:
    assert parse_address("tcp://10.0.0.5:8786") == SchedulerAddress("tcp", "10.0.0.5", 8786)
    assert parse_address("scheduler:8786") == SchedulerAddress("tcp", "scheduler", 8786)
    assert parse_address("TLS://[::1]:8786") == SchedulerAddress("tls", "::1", 8786)
    assert str(parse_address("tls://[::1]:8786")) == "tls://[::1]:8786"
    with pytest.raises(InvalidValueError, match=r"^address: got 'tcp://::1:8786'"):
        parse_address("tcp://::1:8786", "address")  # an IPv6 host goes in brackets


def test_nothing_listening_is_refused_at_the_deadline() -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        free = taken.getsockname()[1]  # closed at once: nothing listens there
    code, err, took = run("simulate", f"tcp://127.0.0.1:{free}")
    assert code == 2
    assert f"no Dask scheduler answered there within {WAIT} s (ConnectionRefusedError)" in err
    assert "Start one (dask scheduler)" in err
    assert WAIT - 0.5 < took < WAIT + SLACK


def test_a_real_scheduler_is_still_reached_and_gives_the_serial_result() -> None:
    import distributed

    cluster_of: Any = distributed.LocalCluster
    argv = ["simulate", "bundled", "--delay", "0:2", "--runs", "12", "--seed", "5", "--json", "-q"]
    serial = io.StringIO()
    assert main(argv, out=serial, err=io.StringIO()) == 0
    with cluster_of(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",  # its HTTP server starts even without the dashboard
    ) as cluster:
        out, err = io.StringIO(), io.StringIO()
        code = main([*argv, "--scheduler", cluster.scheduler_address], out=out, err=err)
    assert code == 0, err.getvalue()
    assert json.loads(out.getvalue()) == json.loads(serial.getvalue())
