"""How many states a search may hold, and what set that number.

A search holds every state it reached (about :data:`BYTES_PER_STATE` bytes each). By default it
may use half the memory left under the tightest of these, as :func:`headrooms` reads them:

- the memory the machine has free (``SC_AVPHYS_PAGES``);
- the memory limit of the process's own cgroup and of the cgroups above it (a container's
  limit): cgroup v2 ``memory.max`` less ``memory.current``, cgroup v1 ``memory.limit_in_bytes``
  less ``memory.usage_in_bytes``, the cgroup read from ``/proc/self/cgroup``;
- the process's own limits: ``RLIMIT_AS`` less the address space in use (``VmSize`` in
  ``/proc/self/status``), ``RLIMIT_DATA`` less the data segment (``VmData``).

Every input can be passed in (the cgroup folder, the membership and status files, the limits and
the free memory), so that the readers are tested on made-up machines.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Final

import attrs

from ..exceptions import InvalidValueError

__all__ = [
    "BYTES_PER_STATE", "MAX_STATES", "MIN_STATES", "Headroom", "StateLimit", "cgroup_headrooms",
    "check_max_states", "free_headroom", "headrooms", "rlimit_headrooms", "size", "state_limit",
]  # fmt: skip

BYTES_PER_STATE: Final = 130
"""The memory a state takes in the search, at most (measured: about 100 bytes; see benchmarks)."""
MAX_STATES: Final = 1_000_000_000
"""The largest state limit taken (``max_states``, ``--max-states``): a billion states, about
130 GB."""
MIN_STATES: Final = 100_000
"""The smallest default limit, however little memory is left (about 13 MB)."""
FALLBACK_STATES: Final = 20_000_000
"""The default limit where nothing says how much memory is left."""
UNLIMITED: Final = 1 << 62
"""A cgroup v1 limit at or above this is "no limit" (the kernel writes one near 2**63)."""

CGROUP: Final = Path("/sys/fs/cgroup")
MEMBERSHIP: Final = Path("/proc/self/cgroup")
STATUS: Final = Path("/proc/self/status")


@attrs.frozen
class Headroom:
    """Memory a search may still use under one limit.

    Attributes:
        bytes: the memory left under the limit.
        source: the limit, in words, with its figures (``"the process's address-space limit
            (RLIMIT_AS 1.5 GB, 0.3 GB in use)"``).
    """

    bytes: int
    source: str


@attrs.frozen
class StateLimit:
    """The most states a search may hold, and what set it.

    Attributes:
        states: the limit.
        source: what set it, in words: ``"max_states"`` when given; otherwise half the memory
            left under the tightest limit (``"half the memory left under the process's
            address-space limit (RLIMIT_AS 1.5 GB, 0.3 GB in use), at 130 bytes a state"``).
        given: whether it was given (``max_states``, ``--max-states``) rather than read from
            the memory.
    """

    states: int
    source: str
    given: bool = False

    def explain(self) -> str:
        """The limit in one line.

        Returns:
            ``"1,234,567 states, set by ..."``.
        """
        return f"{self.states:,} states, set by {self.source}"


def size(n: float) -> str:
    """A number of bytes in words: ``"1.5 GB"``, ``"31 MB"``."""
    return f"{n / 1e9:.1f} GB" if n >= 1e9 else f"{n / 1e6:.0f} MB"


def _read_int(path: Path) -> int | None:
    """A file holding one number (None: absent, unreadable, ``max`` or not a number)."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


def free_headroom(free: int | None = None) -> Headroom | None:
    """The memory this machine has free.

    Args:
        free: the bytes free (None: ask the system, ``SC_AVPHYS_PAGES`` pages).

    Returns:
        The headroom, or None where the system does not say.
    """
    if free is None:
        try:
            free = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        except (AttributeError, ValueError, OSError):
            return None
    return Headroom(max(0, free), f"the machine's free memory ({size(free)})")


def _cgroup_dirs(mount: Path, path: str) -> list[Path]:
    """The process's cgroup folder under *mount* and each folder above it, up to *mount*.

    Where the folder is not there (a container sees its own cgroup as the mount's root), the
    mount's root alone."""
    here = mount / path.lstrip("/")
    if not path.strip("/") or not here.is_dir():
        return [mount]
    dirs = [here]
    while dirs[-1] != mount and mount in dirs[-1].parents:
        dirs.append(dirs[-1].parent)
    return dirs


def cgroup_headrooms(root: Path = CGROUP, membership: Path = MEMBERSHIP) -> list[Headroom]:
    """The memory left under the process's cgroup limits (a container's).

    Args:
        root: where the cgroup file systems are mounted.
        membership: the process's cgroups (``/proc/self/cgroup``: ``ID:CONTROLLERS:PATH``
            lines).

    Returns:
        A headroom for each limited cgroup, its own and those above it, v2 and v1; empty where
        none is limited or nothing can be read.
    """
    try:
        lines = membership.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    found: list[Headroom] = []
    for line in lines:
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        _, controllers, path = parts
        if controllers == "":  # v2: unified at the root, or beside v1 (hybrid)
            mounts = [m for m in (root, root / "unified") if (m / "cgroup.controllers").exists()]
            limit, used, version = "memory.max", "memory.current", "v2"
        elif "memory" in controllers.split(","):
            mounts = [root / "memory"]
            limit, used, version = "memory.limit_in_bytes", "memory.usage_in_bytes", "v1"
        else:
            continue
        for mount in mounts[:1]:
            for folder in _cgroup_dirs(mount, path):
                cap = _read_int(folder / limit)
                if cap is None or cap >= UNLIMITED:
                    continue
                now = _read_int(folder / used) or 0
                found.append(Headroom(
                    max(0, cap - now),
                    f"the container's memory limit (cgroup {version} {limit} {size(cap)}, "
                    f"{size(now)} in use)",
                ))  # fmt: skip
    return found


def _status_bytes(status: Path, key: str) -> int:
    """A ``/proc/self/status`` figure (``VmSize:  3760 kB``) in bytes (0 where not given)."""
    try:
        lines = status.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    for line in lines:
        name, _, rest = line.partition(":")
        if name == key:
            words = rest.split()
            if words and words[0].isdigit():
                return int(words[0]) * (1024 if words[1:] == ["kB"] else 1)
    return 0


_RLIMITS: Final = (
    ("RLIMIT_AS", "VmSize", "the process's address-space limit"),
    ("RLIMIT_DATA", "VmData", "the process's data-segment limit"),
)


def rlimit_headrooms(
    limits: Mapping[str, int | None] | None = None, status: Path = STATUS
) -> list[Headroom]:
    """The memory left under the process's resource limits.

    Args:
        limits: ``"RLIMIT_AS"`` and ``"RLIMIT_DATA"``, each its soft limit in bytes (None or
            absent: no limit); None: ask the system (``resource.getrlimit``).
        status: the process's status file, for the memory in use (``VmSize``, ``VmData``).

    Returns:
        A headroom for each limit set.
    """
    if limits is None:
        limits = _system_rlimits()
    found: list[Headroom] = []
    for name, used_key, words in _RLIMITS:
        cap = limits.get(name)
        if cap is None or cap < 0:
            continue
        now = _status_bytes(status, used_key)
        found.append(Headroom(max(0, cap - now),
                              f"{words} ({name} {size(cap)}, {size(now)} in use)"))  # fmt: skip
    return found


def _system_rlimits() -> dict[str, int | None]:
    try:
        import resource
    except ImportError:  # not on this system (Windows)
        return {}
    out: dict[str, int | None] = {}
    for name, _, _ in _RLIMITS:
        which = getattr(resource, name, None)
        if which is None:
            continue
        soft = resource.getrlimit(which)[0]
        out[name] = None if soft == resource.RLIM_INFINITY else soft
    return out


def headrooms() -> list[Headroom]:
    """The memory left under every limit this process has: the machine's free memory, its
    cgroups' limits and its resource limits (see the module's description)."""
    free = free_headroom()
    return [*([free] if free is not None else []), *cgroup_headrooms(), *rlimit_headrooms()]


def check_max_states(max_states: object, where: str = "max_states") -> int:
    """*max_states* if it is a whole number from 1 to :data:`MAX_STATES`.

    Args:
        max_states: the value given.
        where: the option or argument, for the message.

    Returns:
        The number.

    Raises:
        InvalidValueError: otherwise.
    """
    if (
        not isinstance(max_states, int)
        or isinstance(max_states, bool)
        or not (1 <= max_states <= MAX_STATES)
    ):
        raise InvalidValueError(
            where, max_states, f"a state limit is a whole number from 1 to {MAX_STATES:,}",
            f"Pass a number of states from 1 to {MAX_STATES:,} (about {BYTES_PER_STATE} bytes "
            "each), or leave it out to take half the memory left.",
        )  # fmt: skip
    return max_states


def state_limit(
    max_states: int | None = None, *, limits: Iterable[Headroom] | None = None,
    where: str = "max_states", bytes_per_state: int = BYTES_PER_STATE,
) -> StateLimit:  # fmt: skip
    """The most states a search may hold.

    Args:
        max_states: the limit, if given (a whole number from 1 to :data:`MAX_STATES`).
        limits: the memory left under each limit (None: :func:`headrooms`).
        where: the argument or option that gives *max_states*, for the messages.
        bytes_per_state: what a state takes in the engine that searches (the set engine's
            :data:`BYTES_PER_STATE` by default).

    Returns:
        *max_states* if given; otherwise half the memory left under the tightest limit, at
        *bytes_per_state* bytes a state (at least :data:`MIN_STATES`, at most
        :data:`MAX_STATES`; :data:`FALLBACK_STATES` where nothing says).

    Raises:
        InvalidValueError: if *max_states* is not a whole number from 1 to :data:`MAX_STATES`.
    """
    if max_states is not None:
        n = check_max_states(max_states, where)
        return StateLimit(n, where, given=True)
    rooms: Sequence[Headroom] = list(headrooms() if limits is None else limits)
    if not rooms:
        return StateLimit(FALLBACK_STATES, "a fixed default (the system does not say how much "
                          "memory is free)")  # fmt: skip
    tight = min(rooms, key=lambda h: h.bytes)
    states = math.floor(tight.bytes / 2 / bytes_per_state)
    source = f"half the memory left under {tight.source}, at {bytes_per_state} bytes a state"
    if states < MIN_STATES:
        source += f" (raised to the floor of {MIN_STATES:,})"
    elif states > MAX_STATES:
        source += f" (capped at the ceiling of {MAX_STATES:,})"
    return StateLimit(min(MAX_STATES, max(MIN_STATES, states)), source)
