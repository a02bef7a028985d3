"""Many independent runs, on one core or on any ``concurrent.futures.Executor``.

:func:`gazaplan.sweep` and :func:`gazaplan.monte_carlo` hand their work to :func:`run_all`. With
``executor=None`` it runs here, in order. Given an executor (a ``ProcessPoolExecutor``, also one
started with ``spawn``; a Dask cluster's ``Client.get_executor()``, or the ``Client`` itself;
anything with ``submit``), it sends the work in batches of at least :data:`BATCH_SECONDS` of
computing each, so that sending costs little beside the work. The executor is borrowed: it is
never created or shut down here. Ctrl-C cancels what has not started.

What travels is data: a plan as a :class:`PlanRecipe` (a bundled version id and the amendments
over it, never a compiled plan), events, edits, seeds. A worker builds the plan once (keyed by a
token) and keeps it for the batches that follow. The same function computes each run whatever
runs it, and each run's randomness comes from :func:`run_seed` (the seed and the run's index),
so results are bit-identical on one core, in a process pool and on a cluster.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import hashlib
import math
import os
import pickle
import queue
import sys
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Generator, Sequence
from typing import Any, TypeVar

import attrs

from ..catalog import plan as bundled_plan
from ..catalog import versions
from ..core.amendments import Amendment, amend
from ..core.plans import Plan
from ..exceptions import InvalidValueError

__all__ = [
    "BATCH_SECONDS",
    "MAX_TIMEOUT",
    "PlanRecipe",
    "Progress",
    "check_timeout",
    "iter_all",
    "recipe_of",
    "run_all",
    "run_seed",
]

BATCH_SECONDS = 0.05
"""The least computing time a batch sent to an executor carries (seconds)."""

I = TypeVar("I")  # noqa: E741 - an item of work
R = TypeVar("R")
P = TypeVar("P")

Progress = Callable[[int, int], None]
"""Told (runs done, runs in all) as work completes."""


def run_seed(seed: int, index: int) -> int:
    """The seed of one run of seeded work.

    The same on every machine, Python version and executor (BLAKE2b of both numbers).

    Args:
        seed: the seed of the whole work.
        index: the run's index.

    Returns:
        A number below 2**63 (it fits a signed 64-bit column).
    """
    digest = hashlib.blake2b(f"gazaplan:{seed}:{index}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


@attrs.frozen
class PlanRecipe:
    """A plan as data: a bundled version and the amendments over it, in order."""

    version: str
    amendments: tuple[Amendment, ...] = ()

    def plan(self) -> Plan:
        """The plan the recipe describes (built here; a bundled version is cached).

        Returns:
            The bundled version with the amendments applied, in order.

        Raises:
            UnknownVersionError: if no bundled version has the recipe's version id.
        """
        base = bundled_plan(self.version)
        return amend(base, *self.amendments) if self.amendments else base


def recipe_of(plan: Plan) -> PlanRecipe:
    """A plan as a recipe, to send it to workers.

    Args:
        plan: the plan.

    Returns:
        The newest bundled version whose amendments *plan* starts with, and the rest of its
        amendments.

    Raises:
        InvalidValueError: *plan* is not a bundled version with amendments over it (a plan built
            by hand cannot travel as data; run it with ``executor=None``).
    """
    for version in reversed(versions()):
        base = bundled_plan(version)
        n = len(base.amendments)
        if plan.amendments[:n] != base.amendments:
            continue
        recipe = PlanRecipe(version, tuple(plan.amendments[n:]))
        if plan is base or recipe.plan() == plan:
            return recipe
    raise InvalidValueError(
        "plan",
        plan.version,
        "is not a bundled version with amendments over it, so it cannot be sent to workers as data",
        "Build it with gp.amend(gp.plan(version), ...), or run it with executor=None.",
    )


_CACHE: OrderedDict[str, Any] = OrderedDict()
_CACHE_SIZE = 8


def worker_cached(token: str, build: Callable[[], Any]) -> Any:
    """A value built once per process for a token (the last few kept).

    Args:
        token: names the value (see :func:`token_of`).
        build: makes the value when this process has none for *token*.

    Returns:
        What *build* returns, or returned the first time.
    """
    if token in _CACHE:
        _CACHE.move_to_end(token)
        return _CACHE[token]
    value = build()
    _CACHE[token] = value
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return value


def token_of(*parts: object) -> str:
    """A token naming a payload (for :func:`worker_cached`).

    Args:
        *parts: the objects that make up the payload.

    Returns:
        A hex digest, unique in this process's lifetime.
    """
    return hashlib.blake2b(
        repr((os.getpid(), time.time_ns(), *map(id, parts))).encode(), digest_size=12
    ).hexdigest()


def executor_of(executor: Any) -> cf.Executor | None:
    """An executor as a ``concurrent.futures.Executor``.

    Args:
        executor: None, an executor, a Dask ``Client`` (which gives its executor), or any
            object with a ``submit`` that returns futures.

    Returns:
        The executor, or None for serial work.

    Raises:
        InvalidValueError: if it is none of those.
    """
    if executor is None or isinstance(executor, cf.Executor):
        return executor
    get = getattr(executor, "get_executor", None)
    if callable(get):
        made = get()
        if isinstance(made, cf.Executor):
            return made
    if callable(getattr(executor, "submit", None)):
        return executor  # type: ignore[no-any-return]  # duck-typed: submit returning futures
    raise InvalidValueError(
        "executor",
        type(executor).__name__,
        "is neither a concurrent.futures.Executor nor a Dask Client",
        "Pass None (serial), a ProcessPoolExecutor, or client.get_executor().",
    )


def _batch(
    fn: Callable[[P, Sequence[I]], list[R]], key: str, blob: bytes, batch: Sequence[I]
) -> list[R]:
    """A batch on a worker: the payload read from its bytes once per worker, then *fn*."""
    payload: P = worker_cached(key, lambda: pickle.loads(blob))  # bytes this library pickled
    return fn(payload, batch)


def run_all(
    fn: Callable[[P, Sequence[I]], list[R]],
    payload: P,
    items: Sequence[I],
    *,
    executor: Any = None,
    progress: Progress | None = None,
) -> list[R]:
    """Run ``fn(payload, batch)`` over items in batches, and gather the results.

    :func:`iter_all` gathered in a list: see it for how the work is sent.

    Args:
        fn: the work on one batch: the payload and the batch's items in, a result per item out.
        payload: what every batch needs (pickled once, read once per worker).
        items: the items of work (any sequence: a lazy one is read a batch at a time).
        executor: None (serial), a ``concurrent.futures`` executor or a Dask ``Client``.
        progress: told (runs done, runs in all) as batches complete.

    Returns:
        The results, in the items' order.

    Raises:
        InvalidValueError: if *executor* is not one of the kinds accepted.
        BaseException: whatever a batch raises (KeyboardInterrupt included) passes through,
            once the batches not started are cancelled.
    """
    return list(iter_all(fn, payload, items, executor=executor, progress=progress))


WINDOW = 8
"""The fewest batches sent to an executor ahead of the results read (four per worker where the
executor says how many it has): enough to keep every worker busy, never the whole work."""

SERIAL_SECONDS = 0.25
"""About how long a batch run here lasts before progress is told (seconds)."""


def iter_all(
    fn: Callable[[P, Sequence[I]], list[R]],
    payload: P,
    items: Sequence[I],
    *,
    executor: Any = None,
    progress: Progress | None = None,
) -> Generator[R, None, None]:
    """Run ``fn(payload, batch)`` over items in batches, giving each result as it is ready.

    Serial if *executor* is None (batches of about :data:`SERIAL_SECONDS`, the first of one
    item, so that progress is told early); otherwise the first two items run here to time one,
    and the rest go to the executor in batches of at least :data:`BATCH_SECONDS` each (at least
    eight batches where there is work for them), at most a window of them (:data:`WINDOW`, or
    four per worker) sent ahead of the results read. The items are read a batch at a time and
    the results given in order, so neither all items nor all futures ever exist at once: a lazy
    sequence of a million items costs the memory of a window. Leaving the iteration early, or a
    KeyboardInterrupt, cancels the batches not started. The executor is driven from a thread of
    its own (``gazaplan-batches``) while the calling thread waits on a queue, so that a signal
    never lands inside the executor's locks.

    Args:
        fn: the work on one batch: the payload and the batch's items in, a result per item out.
        payload: what every batch needs (pickled once, read once per worker).
        items: the items of work (any sequence: a lazy one is read a batch at a time).
        executor: None (serial), a ``concurrent.futures`` executor or a Dask ``Client``.
        progress: told (runs done, runs in all) as batches complete.

    Yields:
        The results, in the items' order.

    Raises:
        InvalidValueError: if *executor* is not one of the kinds accepted.
        BaseException: whatever a batch raises (KeyboardInterrupt included) passes through,
            once the batches not started are cancelled.
    """
    total = len(items)
    pool = executor_of(executor)
    tell = progress or (lambda _done, _total: None)
    done = 0
    if pool is None:
        lo, step = 0, 1
        while lo < total:
            start = time.perf_counter()
            results = fn(payload, items[lo : lo + step])
            took = time.perf_counter() - start
            lo += step
            done += len(results)
            tell(done, total)
            yield from results
            each = max(took / step, 1e-6)
            step = max(1, min(math.ceil(SERIAL_SECONDS / each), 4 * step, 10_000))
        return
    head = min(2, total)
    times = []
    for i in range(head):  # the first warms this process; the second is timed
        start = time.perf_counter()
        results = fn(payload, items[i : i + 1])
        times.append(time.perf_counter() - start)
        done += len(results)
        tell(done, total)
        yield from results
    if total <= head:
        return
    each = max(min(times), 1e-6)
    size = max(1, min(math.ceil(BATCH_SECONDS / each), math.ceil((total - head) / 8)))
    blob = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)  # once, not once a batch
    key = hashlib.blake2b(blob, digest_size=16).hexdigest()
    width = max(WINDOW, 4 * _workers(pool, executor))
    # The executor is driven from a thread of its own, and this thread only waits on queues that
    # take no lock in Python: a signal (Ctrl-C, SIGTERM) raises here, never inside the
    # executor's or a future's lock, which would be left held and hang the pool's shutdown.
    told: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
    taken: queue.SimpleQueue[int] = queue.SimpleQueue()
    stop = _Flag()
    driver = threading.Thread(
        target=_drive,
        args=(pool, (fn, key, blob), items, range(head, total, size), width, told, taken, stop),
        name="gazaplan-batches",
        daemon=True,
    )
    driver.start()
    try:
        while True:
            kind, value = told.get()
            if kind == "done":
                done += value
                tell(done, total)
            elif kind == "batch":
                taken.put(1)
                yield from value
            elif kind == "error":
                raise value
            else:
                return
    finally:  # left early, interrupted or failed: what has not started never will
        stop.set = True
        driver.join(STOP_SECONDS)


STOP_SECONDS = 10.0
"""How long leaving :func:`iter_all` early waits for the batches not started to be cancelled."""

_POLL_SECONDS = 0.1


class _Flag:
    """A stop flag set by a plain assignment (no lock, so safe to set from a signal's path)."""

    set = False


def _drive(
    pool: Any,
    work: tuple[Callable[..., Any], str, bytes],
    items: Sequence[Any],
    starts: range,
    width: int,
    told: queue.SimpleQueue[tuple[str, Any]],
    taken: queue.SimpleQueue[int],
    stop: _Flag,
) -> None:
    """Send *items* to *pool* a batch at a time from each of *starts*, at most *width* batches
    ahead of those the reader has taken, and tell the reader each batch's size as it completes
    and its results in order ("done", "batch"), then "error" or "end"."""
    fn, key, blob = work
    size = starts.step
    ahead: deque[cf.Future[Any]] = deque()
    completed: set[cf.Future[Any]] = set()
    queued = 0  # batches given to the reader and not yet taken
    pending = iter(starts)
    lo = next(pending, None)
    try:
        while not stop.set and (lo is not None or ahead):
            while True:  # what the reader took makes room
                try:
                    queued -= taken.get_nowait()
                except queue.Empty:
                    break
            while lo is not None and len(ahead) + queued < width:
                ahead.append(pool.submit(_batch, fn, key, blob, items[lo : lo + size]))
                lo = next(pending, None)
            if not ahead:  # the window is with the reader: wait until it takes some
                with contextlib.suppress(queue.Empty):
                    queued -= taken.get(timeout=_POLL_SECONDS)
                continue
            finished, _ = cf.wait(ahead, timeout=_POLL_SECONDS, return_when=cf.FIRST_COMPLETED)
            for f in finished - completed:
                completed.add(f)
                told.put(("done", len(f.result())))
            while ahead and ahead[0] in completed:
                f = ahead.popleft()
                completed.discard(f)
                told.put(("batch", f.result()))
                queued += 1
        told.put(("end", None))
    except BaseException as error:  # the reader raises it
        told.put(("error", error))
    finally:
        for f in ahead:
            f.cancel()


def _workers(pool: Any, given: Any) -> int:
    """How many workers an executor says it has (the CPUs here where it does not say)."""
    count = getattr(pool, "_max_workers", None)
    if isinstance(count, int) and count > 0:
        return count
    client = given if hasattr(given, "nthreads") else getattr(pool, "_client", None)
    threads = getattr(client, "nthreads", None)  # a Dask Client: threads per worker
    if callable(threads):
        try:
            found = sum(threads().values())
        except Exception:  # a hint only: the window stays bounded without it
            found = 0
        if isinstance(found, int) and found > 0:
            return found
    return os.cpu_count() or 1


ESTIMATE_SECONDS = 10.0
"""Work expected to last at least this long (seconds) is announced on stderr with its estimate."""

ESTIMATE_AFTER = 20
"""The runs timed before the estimate is made (or two seconds of them, if sooner)."""


def progress_bar(
    total: int, what: str, wanted: bool | Progress | None, *, unit: str = "run"
) -> tuple[Progress | None, Callable[[], None]]:
    """A progress callback for stderr, and the function that ends it.

    Unless *wanted* is False, once the first :data:`ESTIMATE_AFTER` runs are done (or two
    seconds have passed) the time left is estimated from them, and work expected to last
    :data:`ESTIMATE_SECONDS` or more is announced in one line on stderr, such as ``sweep:
    1,000,000 variants; about 2 h 47 min to go at 10 ms each (from the first 20)``. A bar (tqdm)
    shows the runs done and the time left as they go.

    Args:
        total: the runs in all.
        what: the bar's description (``"sweep"``).
        wanted: True for a bar, False for nothing, None for a bar only if stderr is a terminal
            (the estimate's line either way); a callable is told (runs done, runs in all)
            instead, and nothing is written.
        unit: what a run is called (``"variant"``).

    Returns:
        The callback (None for none) and the function that ends it.

    Raises:
        MissingExtraError: if a bar is wanted and tqdm (the ``progress`` extra) is not
            installed.
    """
    if wanted is False:
        return None, lambda: None
    if callable(wanted) and not isinstance(wanted, bool):
        return wanted, lambda: None
    bar: Any = None
    if wanted or sys.stderr.isatty():
        try:
            from tqdm import tqdm
        except ImportError:
            if wanted:
                from ..exceptions import MissingExtraError

                raise MissingExtraError("progress=True", "tqdm", "progress") from None
        else:
            bar = tqdm(total=total, desc=what, unit=unit, file=sys.stderr, leave=False)
    start = time.perf_counter()
    estimated = False

    def tell(done: int, _total: int) -> None:
        nonlocal estimated
        if bar is not None:
            bar.update(done - bar.n)
        if estimated or done <= 0 or done >= total:
            return
        took = time.perf_counter() - start
        if done < ESTIMATE_AFTER and took < 2.0:
            return
        estimated = True
        line = estimate_line(what, unit, total, done, took)
        if line:
            (bar.write if bar is not None else sys.stderr.write)(line.rstrip("\n") + "\n")

    return tell, (bar.close if bar is not None else lambda: None)


def estimate_line(what: str, unit: str, total: int, done: int, took: float) -> str:
    """The line announcing long work, from its first runs.

    Args:
        what: the work (``"sweep"``).
        unit: what a run is called (``"variant"``).
        total: the runs in all.
        done: the runs done so far.
        took: the seconds they took.

    Returns:
        ``"sweep: 1,000,000 variants; about 2 h 47 min to go at 10 ms each (from the first 20)"``,
        or ``""`` if what is left should take less than :data:`ESTIMATE_SECONDS`.
    """
    each = took / max(done, 1)
    left = each * (total - done)
    if left < ESTIMATE_SECONDS:
        return ""
    per = (
        f"{each * 1000:.2g} ms"
        if each < 0.01
        else f"{each * 1000:.0f} ms"
        if each < 1
        else f"{each:.3g} s"
    )
    return (
        f"{what}: {total:,} {unit}s; about {_span(left)} to go at {per} each "
        f"(from the first {done:,})"
    )


def _span(seconds: float) -> str:
    """A duration in round words: ``45 s``, ``12 min``, ``2 h 47 min``, ``3 days 4 h``."""
    s = round(seconds)
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{round(s / 60)} min"
    if s < 86400:
        h, m = divmod(round(s / 60), 60)
        return f"{h} h {m} min" if m else f"{h} h"
    d, h = divmod(round(s / 3600), 24)
    return f"{d:,} days {h} h" if h else f"{d:,} days"


MAX_TIMEOUT = 3600.0
"""The longest wait for a scheduler, in seconds (an hour)."""


def check_timeout(value: object, place: str = "timeout") -> float:
    """A wait for a scheduler: a number of seconds above 0 and at most :data:`MAX_TIMEOUT`.

    Args:
        value: the wait given.
        place: where it was given (``"--timeout"``), for the error.

    Returns:
        The wait, as a float.

    Raises:
        InvalidValueError: if it is not a finite number in that range (``nan``, ``inf``, 0 or
            less are refused).
    """
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    if not ok or not math.isfinite(value) or not 0 < value <= MAX_TIMEOUT:  # type: ignore[arg-type,operator]
        raise InvalidValueError(
            place,
            value,
            f"a wait is a number of seconds above 0 and at most {MAX_TIMEOUT:g}",
            "Pass e.g. --timeout 10.",
        )
    return float(value)  # type: ignore[arg-type]


def dask_client(address: str, *, timeout: float = 10.0, place: str = "--scheduler") -> Any:
    """A Dask ``Client`` of a scheduler (the ``dask`` extra), reached within *timeout*.

    Before a client is made, the service at *address* must speak as a Dask scheduler does: one
    that accepts the connection and stays silent, closes it, or speaks another protocol (an SSH
    or HTTP server) is refused at once or at the deadline, never waited for without end.

    Args:
        address: the scheduler's address, such as ``tcp://host:8786`` (``tls://`` too).
        timeout: how long connecting, the handshake and the client may take in all, in seconds.
        place: where the address was given (``"--scheduler"``), for the errors.

    Returns:
        The client.

    Raises:
        MissingExtraError: ``distributed`` is not installed.
        InvalidValueError: *address* is not ``SCHEME://HOST:PORT``; no scheduler answered there
            in time, or what answered is not one; or *timeout* is not a number of seconds above
            0 and at most an hour.
    """
    timeout = check_timeout(timeout)
    try:
        import distributed  # noqa: F401 - only to know it is there
    except ImportError:
        from ..exceptions import MissingExtraError

        raise MissingExtraError("a Dask scheduler", "dask", "distributed") from None
    from ._scheduler import connect

    return connect(address, timeout, place)
