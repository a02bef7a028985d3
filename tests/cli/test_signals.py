"""SIGTERM stops ``simulate`` and ``sweep`` as Ctrl-C does: the pending work cancelled, the pool's
workers and the multiprocessing resource tracker gone, and the exit code 128 + the signal's number
(143 for SIGTERM, 130 for SIGINT). The command runs as a process of its own here, and the signal
is sent to it alone, as ``kill PID`` or a service manager sends it."""

from __future__ import annotations

import argparse
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TextIO

import pytest

from gazaplan.cli import _data, main
from gazaplan.cli._signals import Terminated, interrupt_code, interrupt_word

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").is_dir(), reason="reads a process's children in /proc (Linux)"
)

COMMANDS = {
    "simulate": ["simulate", "bundled", "--delay", "0:3", "--runs", "1000000"],
    "sweep": ["sweep", "--grid", "exchange.remains_ratio=1:1000000", "--max-variants", "1000000"],
}


def children(pid: int) -> set[int]:
    """The processes *pid* started that still run (empty once it has ended)."""
    found: set[int] = set()
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            found |= {int(x) for x in Path(f"/proc/{pid}/task/{task}/children").read_text().split()}
    except (FileNotFoundError, ProcessLookupError):
        pass
    return found


def descendants(pid: int) -> set[int]:
    found = children(pid)
    for child in set(found):
        found |= descendants(child)
    return found


def running(pid: int) -> bool:
    """Whether *pid* runs still: not gone, and not a zombie (ended, waiting to be reaped)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except (FileNotFoundError, ProcessLookupError):
        return ""


def default_signals() -> None:
    """SIGINT as a terminal's process has it: a test runner's worker (pytest-xdist) ignores it,
    and a child would inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize(
    ("command", "sig", "code", "word"),
    [
        ("simulate", signal.SIGTERM, 143, "terminated (SIGTERM)"),  # the workers were left running
        ("simulate", signal.SIGINT, 130, "interrupted"),
        ("sweep", signal.SIGTERM, 143, "terminated (SIGTERM)"),
    ],
)
def test_a_signal_ends_the_command_and_every_process_it_started(
    command: str, sig: signal.Signals, code: int, word: str, tmp_path: Path
) -> None:
    argv = [sys.executable, "-m", "gazaplan", *COMMANDS[command], "--workers", "2", "-q"]
    before: set[int] = set()
    with (tmp_path / "stderr").open("w+") as err:  # a file: a worker left behind holds no pipe
        proc = subprocess.Popen(
            argv,
            stdout=subprocess.DEVNULL,
            stderr=err,
            text=True,
            preexec_fn=default_signals,
        )
        try:
            started = time.monotonic()
            workers: set[int] = set()
            while time.monotonic() - started < 30 and proc.poll() is None:
                before = descendants(proc.pid)
                workers = {p for p in before if "spawn_main" in command_line(p)}
                if len(workers) == 2 and any("resource_tracker" in command_line(p) for p in before):
                    break
                time.sleep(0.05)
            if len(workers) != 2:
                err.seek(0)
                pytest.fail(f"the two workers never started (exit {proc.poll()}): {err.read()}")
            time.sleep(1.0)  # they are busy with batches now
            before = descendants(proc.pid)
            assert any("resource_tracker" in command_line(p) for p in before)
            proc.send_signal(sig)
            sent = time.monotonic()
            # The whole work takes many minutes; on a busy machine the stop may take some seconds.
            assert proc.wait(timeout=60) == code
            err.seek(0)
            assert f"gazaplan: {word}; the pending " in err.read()
            left = set(before)
            while left and time.monotonic() - sent < 65:
                left = {p for p in left if running(p)}
                time.sleep(0.05)
            assert left == set(), [command_line(p) for p in left]
        finally:  # nothing of it outlives the test, whatever failed
            for pid in [proc.pid, *before]:
                if running(pid) and (pid == proc.pid or "multiprocessing" in command_line(pid)):
                    os.kill(pid, signal.SIGKILL)
            proc.wait()


def test_the_handler_is_only_there_while_a_command_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []
    before = signal.getsignal(signal.SIGTERM)
    real = _data.HANDLERS["versions"]

    def spy(args: argparse.Namespace, out: TextIO) -> int | None:
        seen.append(signal.getsignal(signal.SIGTERM))
        return real(args, out)

    monkeypatch.setitem(_data.HANDLERS, "versions", spy)
    assert main(["versions"], out=io.StringIO(), err=io.StringIO()) == 0
    assert len(seen) == 1
    assert seen[0] not in (before, signal.SIG_DFL, signal.SIG_IGN)  # SIGTERM handled meanwhile
    assert signal.getsignal(signal.SIGTERM) == before  # and the handler before put back
    assert (interrupt_code(KeyboardInterrupt()), interrupt_code(Terminated(15))) == (130, 143)
    assert interrupt_word(Terminated(15)) == "terminated (SIGTERM)"
