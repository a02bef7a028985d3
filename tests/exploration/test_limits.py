"""The state limit: the memory left under the tightest of the machine's free memory, the
process's cgroup limits (v2 and v1, its own cgroup and those above it) and its resource limits,
read from made-up files and values; ``max_states`` checked; the memory running out mid-search
reported as the limit error."""

from __future__ import annotations

from pathlib import Path

import pytest

import gazaplan as gp
from gazaplan.exploration import _limits
from gazaplan.exploration._breadth import Breadth
from gazaplan.exploration._limits import (
    MAX_STATES,
    MIN_STATES,
    Headroom,
    cgroup_headrooms,
    rlimit_headrooms,
    state_limit,
)
from gazaplan.exploration.search import explore

from .test_exploration import PLAN


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="ascii")


def test_the_cgroup_v2_limit_of_the_process_and_those_above_it_are_read(tmp_path: Path) -> None:
    _write(tmp_path, {
        "cgroup.controllers": "memory cpu\n",
        "app/memory.max": "3000000000\n", "app/memory.current": "500000000\n",
        "app/job/memory.max": "max\n", "app/job/memory.current": "400000000\n",
        "self": "0::/app/job\n",
    })  # fmt: skip
    (room,) = cgroup_headrooms(tmp_path, tmp_path / "self")  # "max": no limit at the job
    assert room.bytes == 2_500_000_000
    assert "cgroup v2 memory.max 3.0 GB, 500 MB in use" in room.source
    _write(tmp_path, {"app/job/memory.max": "1500000000\n"})
    rooms = cgroup_headrooms(tmp_path, tmp_path / "self")
    assert sorted(r.bytes for r in rooms) == [1_100_000_000, 2_500_000_000]


def test_the_cgroup_v1_limit_is_read_at_the_mount_root_a_container_sees(tmp_path: Path) -> None:
    # the process's cgroup path is the host's; inside the container the mount is its own root
    _write(tmp_path, {
        "memory/memory.limit_in_bytes": "1500000000\n",
        "memory/memory.usage_in_bytes": "152313856\n",
        "self": "9:name=systemd:/\n4:memory:/process_api/f44743af\n1:cpu:/\n0::/\n",
    })  # fmt: skip
    (room,) = cgroup_headrooms(tmp_path, tmp_path / "self")
    assert room.bytes == 1_500_000_000 - 152_313_856
    assert "cgroup v1 memory.limit_in_bytes 1.5 GB" in room.source
    _write(tmp_path, {"memory/memory.limit_in_bytes": "9223372036854771712\n"})  # no limit
    assert cgroup_headrooms(tmp_path, tmp_path / "self") == []
    assert cgroup_headrooms(tmp_path, tmp_path / "absent") == []  # nothing to read: no limit


def test_a_hybrid_layout_reads_v2_under_unified(tmp_path: Path) -> None:
    _write(tmp_path, {
        "unified/cgroup.controllers": "memory\n", "unified/box/memory.max": "800000000\n",
        "unified/box/memory.current": "not a number\n", "self": "0::/box\n",
    })  # fmt: skip
    (room,) = cgroup_headrooms(tmp_path, tmp_path / "self")
    assert room.bytes == 800_000_000  # the use unreadable: taken as none


def test_the_resource_limits_less_what_is_in_use(tmp_path: Path) -> None:
    status = tmp_path / "status"
    status.write_text("Name:\tpython\nVmSize:\t  300000 kB\nVmData:\t  100000 kB\n")
    rooms = rlimit_headrooms({"RLIMIT_AS": 1_500_000_000, "RLIMIT_DATA": None}, status)
    (room,) = rooms
    assert room.bytes == 1_500_000_000 - 300_000 * 1024
    assert room.source == "the process's address-space limit (RLIMIT_AS 1.5 GB, 307 MB in use)"
    assert rlimit_headrooms({}, status) == []
    (data,) = rlimit_headrooms({"RLIMIT_DATA": 200_000_000}, tmp_path / "no-status")
    assert data.bytes == 200_000_000  # no status file: nothing counted in use


def test_the_limit_is_half_the_tightest_headroom_and_says_where_it_came_from(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rooms = [Headroom(20_000_000_000, "the machine's free memory (20.0 GB)"),
             Headroom(1_300_000_000, "the process's address-space limit (RLIMIT_AS 1.5 GB, "
                      "200 MB in use)"),
             Headroom(2_000_000_000, "the container's memory limit")]  # fmt: skip
    limit = state_limit(limits=rooms)
    assert limit.states == 1_300_000_000 // 2 // 130 == 5_000_000
    assert "RLIMIT_AS 1.5 GB" in limit.explain()
    assert limit.explain().startswith("5,000,000 states, set by half the memory left under the")
    assert state_limit(limits=[Headroom(0, "x")]).states == MIN_STATES
    assert state_limit(limits=[Headroom(10**15, "x")]).states == MAX_STATES
    assert state_limit(limits=[]).states == _limits.FALLBACK_STATES
    given = state_limit(1234, limits=rooms, where="--max-states")
    assert (given.states, given.given, given.explain()) == (
        1234,
        True,
        "1,234 states, set by --max-states",
    )
    # The default reads the machine as it is: read once here, so that two reads a moment
    # apart (free memory moves) cannot differ.
    now = _limits.headrooms()
    monkeypatch.setattr(_limits, "headrooms", lambda: now)
    assert gp.exploration.default_max_states() == state_limit(limits=now).states


@pytest.mark.parametrize("bad", [0, -1, MAX_STATES + 1, 1.5, True, "10"])
def test_max_states_must_be_a_whole_number_from_one_to_the_ceiling(bad: object) -> None:
    with pytest.raises(gp.exceptions.InvalidValueError, match=r"max_states.*whole number from 1"):
        state_limit(bad)  # type: ignore[arg-type]
    with pytest.raises(gp.exceptions.InvalidValueError, match="max_states"):
        explore(PLAN, actions=gp.catalog.model(1, 1), max_states=bad)  # type: ignore[arg-type]
    assert state_limit(MAX_STATES).states == MAX_STATES


@pytest.mark.parametrize("engine", ["sets", "arrays"])
def test_the_limit_is_announced_and_a_memory_error_becomes_the_limit_error(
    monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    small = gp.catalog.model(1, 1), gp.catalog.model_start(gp.plan(), 1, 1)
    found = explore(gp.plan(), actions=small[0], start=small[1], max_states=10**6, engine=engine)
    assert found.limit is not None
    assert "state limit: 1,000,000 states, set by max_states" in found.explain()
    assert f"engine: {engine} (" in found.explain()
    cls = type(_run(engine))
    real = cls._expand
    assert issubclass(cls, Breadth)
    calls = []

    def expand_then_fail(self: Breadth, depth: int) -> tuple[int, int | None]:
        calls.append(1)
        if len(calls) > 3:
            raise MemoryError
        return real(self, depth)

    monkeypatch.setattr(cls, "_expand", expand_then_fail)
    with pytest.raises(gp.exceptions.InvalidValueError) as caught:
        explore(gp.plan(), actions=small[0], start=small[1], engine=engine)
    text = str(caught.value)
    assert len(calls) == 4  # the memory ran out in the fourth layer
    assert "the memory ran out (MemoryError) before the limit of" in text
    assert "states, set by half the memory left under" in text
    assert "give the process more memory" in text
    bytes_each = 16 if engine == "arrays" else _limits.BYTES_PER_STATE
    assert f"at {bytes_each} bytes a state" in text  # the limit at what this engine takes


def _run(engine: str) -> Breadth:
    """A search of the given engine, as explore would make it."""
    from gazaplan.exploration._packing import Packed
    from gazaplan.exploration.search import _engine

    plan = gp.plan()
    packed = Packed(plan, gp.catalog.model(1, 1), gp.catalog.model_start(plan, 1, 1))
    return _engine(engine, packed)(packed, [], gp.Equals("ceasefire_in_force", True), None,
                                   state_limit(10))  # fmt: skip
