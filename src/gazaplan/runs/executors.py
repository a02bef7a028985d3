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
import hashlib
import math
import os
import pickle
import sys
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
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
    """Run ``fn(payload, batch)`` over items in batches.

    Serial if *executor* is None; otherwise the first two items run here to time one, and the
    rest go to the executor in batches of at least :data:`BATCH_SECONDS` each (at least eight
    batches where there is work for them). A KeyboardInterrupt cancels the batches not started.

    Args:
        fn: the work on one batch: the payload and the batch's items in, a result per item out.
        payload: what every batch needs (pickled once, read once per worker).
        items: the items of work.
        executor: None (serial), a ``concurrent.futures`` executor or a Dask ``Client``.
        progress: told (runs done, runs in all) as batches complete.

    Returns:
        The results, in the items' order.

    Raises:
        InvalidValueError: if *executor* is not one of the kinds accepted.
        BaseException: whatever a batch raises (KeyboardInterrupt included) passes through,
            once the batches not started are cancelled.
    """
    total = len(items)
    done: list[R] = []
    pool = executor_of(executor)
    tell = progress or (lambda _done, _total: None)
    if pool is None:
        step = max(1, total // 100)
        for lo in range(0, total, step):
            done += fn(payload, items[lo : lo + step])
            tell(len(done), total)
        return done
    head = min(2, total)
    times = []
    for i in range(head):  # the first warms this process; the second is timed
        start = time.perf_counter()
        done += fn(payload, items[i : i + 1])
        times.append(time.perf_counter() - start)
    tell(len(done), total)
    rest = items[head:]
    if not rest:
        return done
    each = max(min(times), 1e-6)
    size = max(1, min(math.ceil(BATCH_SECONDS / each), math.ceil(len(rest) / 8)))
    blob = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)  # once, not once a batch
    key = hashlib.blake2b(blob, digest_size=16).hexdigest()
    futures = [
        pool.submit(_batch, fn, key, blob, rest[lo : lo + size]) for lo in range(0, len(rest), size)
    ]
    counted = len(done)
    try:
        for f in cf.as_completed(futures):
            counted += len(f.result())
            tell(counted, total)
    except BaseException:
        for f in futures:
            f.cancel()
        raise
    for f in futures:
        done += f.result()
    return done


def progress_bar(
    total: int, what: str, wanted: bool | None
) -> tuple[Progress | None, Callable[[], None]]:
    """A progress callback drawing a bar on stderr, and the function that closes it.

    Args:
        total: the runs in all.
        what: the bar's description.
        wanted: True for a bar, False for none, None for a bar only if stderr is a terminal.

    Returns:
        The callback (None for no bar) and the function that closes the bar.

    Raises:
        MissingExtraError: if a bar is wanted and tqdm (the ``progress`` extra) is not
            installed.
    """
    if wanted is False or (wanted is None and not sys.stderr.isatty()):
        return None, lambda: None
    try:
        from tqdm import tqdm
    except ImportError:
        if wanted:
            from ..exceptions import MissingExtraError

            raise MissingExtraError("progress=True", "tqdm", "progress") from None
        return None, lambda: None
    bar = tqdm(total=total, desc=what, unit="run", file=sys.stderr, leave=False)

    def tell(done: int, _total: int) -> None:
        bar.update(done - bar.n)

    return tell, bar.close


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


def dask_client(address: str, *, timeout: float = 10.0) -> Any:
    """A Dask ``Client`` of a scheduler (the ``dask`` extra).

    Args:
        address: the scheduler's address, such as ``tcp://host:8786``.
        timeout: how long to wait for it to answer, in seconds.

    Returns:
        The client.

    Raises:
        MissingExtraError: ``distributed`` is not installed.
        InvalidValueError: no scheduler answered at *address* in time, or *timeout* is not a
            number of seconds above 0 and at most an hour.
    """
    timeout = check_timeout(timeout)
    try:
        import distributed
    except ImportError:
        from ..exceptions import MissingExtraError

        raise MissingExtraError("a Dask scheduler", "dask", "distributed") from None
    try:
        connect: Any = distributed.Client  # distributed ships no complete types
        return connect(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as e:
        raise InvalidValueError(
            "--scheduler",
            address,
            f"no Dask scheduler answered there within {timeout:g} s ({type(e).__name__})",
            "Start one (dask scheduler) and pass the address it prints, e.g. tcp://host:8786.",
        ) from None
