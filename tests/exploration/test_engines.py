"""The two engines of the explorer find the same: the set engine (Python integers, a state at a
time) is the oracle of the array engine (numpy arrays, a layer at a time), on generated models
and on the bundled one, whatever the array engine's chunks, threads, shared tables, marks, and
layers sorted with the successors or searched; and an engine that cannot run says why."""

from __future__ import annotations

import sys
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazaplan as gp
from gazaplan.core.models import Model
from gazaplan.exploration import _vectorised
from gazaplan.exploration._limits import state_limit
from gazaplan.exploration._packing import Packed
from gazaplan.exploration.search import explore

from .test_exploration import PLAN, START, TARGETS, models


def _both(**kwargs: object) -> tuple[gp.Exploration, gp.Exploration]:
    arrays = explore(PLAN, engine="arrays", **kwargs)  # type: ignore[arg-type]
    sets = explore(PLAN, engine="sets", **kwargs)  # type: ignore[arg-type]
    assert (arrays.engine, sets.engine) == ("arrays", "sets")
    return arrays, sets


def _same(a: gp.Exploration, b: gp.Exploration) -> None:
    assert a == b  # every count, finding, witness and livelock (the engine aside)
    assert [f.witness for _, f in a.findings()] == [f.witness for _, f in b.findings()]

    def words(x: gp.Exploration) -> list[str]:
        skip = ("  engine:", "  state limit:")  # the limit is at what the engine takes a state
        return [line for line in x.explain().splitlines() if not line.startswith(skip)]

    assert words(a) == words(b)


SIZES = [
    (1 << 20, 1 << 17, 4, 14, 4, 63),  # as searches run
    (3, 2, 1, 2, 1, 63),
    (2, 1, 1, 3, 0, 63),  # no layer sorted with the successors: every one searched
    (1 << 20, 1 << 17, 4, 14, 4, 0),  # no room for the mark
    (1, 1, 0, 0, 0, 0),
]
"""Chunk, pieces, merge share, bits of a shared table, layers sorted with the successors, and the
widest state marked: tiny ones take every path of the engine."""


@settings(deadline=None, max_examples=60)
@given(models(), st.sampled_from(SIZES))
def test_the_array_engine_finds_what_the_set_engine_finds(
    model: Model, sizes: tuple[int, int, int, int, int, int]
) -> None:
    chunk, parallel, share, key, near, marked = sizes
    with (
        mock.patch.object(_vectorised, "ARRAY_CHUNK", chunk),
        mock.patch.object(_vectorised, "PARALLEL_FROM", parallel),
        mock.patch.object(_vectorised, "MERGE_SHARE", share),
        mock.patch.object(_vectorised, "KEY_BITS", key),
        mock.patch.object(_vectorised, "NEAR_SHARE", near),
        mock.patch.object(_vectorised, "MARK_BITS", marked),
        mock.patch.object(_vectorised, "workers", return_value=2),
        mock.patch.object(_vectorised, "MAX_TABLE", 1 if chunk == 1 else 1 << 20),
    ):
        arrays, sets = _both(actions=model, start=START, targets=TARGETS, invariants=TARGETS,
                             check_each_start=True)  # fmt: skip
    _same(arrays, sets)


@pytest.mark.parametrize(("living", "deceased"), [(1, 1), (2, 3)])
@pytest.mark.parametrize("positions", [False, True])
def test_the_engines_agree_on_the_bundled_model(
    living: int, deceased: int, positions: bool
) -> None:
    plan = gp.plan()
    kwargs = {"actions": gp.catalog.model(living, deceased), "positions": positions,
              "start": gp.catalog.model_start(plan, living, deceased)}  # fmt: skip
    arrays = explore(plan, engine="arrays", **kwargs)  # type: ignore[arg-type]
    sets = explore(plan, engine="sets", **kwargs)  # type: ignore[arg-type]
    assert arrays.states > 1000
    _same(arrays, sets)


def test_threads_and_chunks_change_nothing_on_a_larger_model() -> None:
    plan = gp.plan()
    kwargs = {"actions": gp.catalog.model(4, 4), "start": gp.catalog.model_start(plan, 4, 4)}
    one = explore(plan, engine="arrays", **kwargs)  # type: ignore[arg-type]
    with (
        mock.patch.object(_vectorised, "ARRAY_CHUNK", 1000),
        mock.patch.object(_vectorised, "PARALLEL_FROM", 64),
        mock.patch.object(_vectorised, "workers", return_value=3),
    ):
        many = explore(plan, engine="arrays", **kwargs)  # type: ignore[arg-type]
    with mock.patch.object(_vectorised, "NEAR_SHARE", 0):  # every older layer searched instead
        far = explore(plan, engine="arrays", **kwargs)  # type: ignore[arg-type]
    assert one.states > 100_000
    _same(one, many)
    _same(one, far)
    _same(one, explore(plan, engine="sets", **kwargs))  # type: ignore[arg-type]


def test_the_bundled_models_successors_are_only_sorted_with_the_last_two_layers() -> None:
    """Every state of the bundled model is as few moves from the starts as its fields' values
    are from theirs (its layers are tight), so a layer's successors can only be in it or the
    layer before: no older layer is searched, nor sorted with them."""
    plan = gp.plan()
    packed = Packed(plan, gp.catalog.model(3, 4), gp.catalog.model_start(plan, 3, 4))
    run = _vectorised.ArraySearch(packed, [], gp.Equals("idf_line", "perimeter"), None,
                                  state_limit(None))  # fmt: skip
    run.search([packed.pack(a) for a in packed.starts()])
    assert run.reached > 10_000
    assert run._drop == -1  # the ceasefire breaking: back one layer
    assert run._low == list(range(len(run._low)))  # each layer's states at their least distance
    assert run.merged == 0  # no older layer searched


def test_auto_takes_arrays_where_numpy_is_installed_and_sets_where_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small = {"actions": gp.catalog.model(1, 1), "start": gp.catalog.model_start(PLAN, 1, 1)}
    assert explore(PLAN, **small).engine == "arrays"  # type: ignore[arg-type]
    monkeypatch.setitem(sys.modules, "numpy", None)  # numpy not installed
    assert explore(PLAN, **small).engine == "sets"  # type: ignore[arg-type]
    with pytest.raises(gp.exceptions.MissingExtraError, match=r"gazaplan\[explore\]"):
        explore(PLAN, engine="arrays", **small)  # type: ignore[arg-type]


def test_an_unknown_engine_or_a_state_too_wide_for_arrays_is_refused() -> None:
    small = {"actions": gp.catalog.model(1, 1), "start": gp.catalog.model_start(PLAN, 1, 1)}
    with pytest.raises(gp.exceptions.InvalidValueError, match=r"explore.engine.*'gpu'.*auto"):
        explore(PLAN, engine="gpu", **small)  # type: ignore[arg-type]
    with mock.patch.object(_vectorised, "MAX_BITS", 8):
        with pytest.raises(gp.exceptions.InvalidValueError, match=r"bits, more than the 8"):
            explore(PLAN, engine="arrays", **small)  # type: ignore[arg-type]
        assert explore(PLAN, **small).engine == "sets"  # type: ignore[arg-type]


def test_a_packed_state_wider_than_32_bits_is_held_in_64() -> None:
    plan = gp.plan()
    small = {"actions": gp.catalog.model(2, 2), "start": gp.catalog.model_start(plan, 2, 2)}
    with mock.patch.object(_vectorised, "NARROW_BITS", 0):  # as if every state took 33 bits
        wide = explore(plan, engine="arrays", **small)  # type: ignore[arg-type]
    assert wide == explore(plan, engine="sets", **small)  # type: ignore[arg-type]
