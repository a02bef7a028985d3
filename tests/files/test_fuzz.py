"""The robustness bar: mutated documents give only GazaplanErrors, nothing invalid gets in, and what
gets in passes every command that judges it (check, compliance, report, the HTML report).

CI runs a few thousand mutations (``GAZAPLAN_FUZZ`` sets how many); ``benchmarks/fuzz_documents.py``
runs 100,000 and reports the counts.
"""

from __future__ import annotations

import copy
import json
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gazaplan as gp

from ..support.fuzzing import Chain, attempt, base_documents, encode, mutate_bytes, mutate_tree

BASES = base_documents()
EXAMPLES = int(os.environ.get("GAZAPLAN_FUZZ", "1000"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_mutated_documents_are_refused_cleanly_or_valid(fmt: str, tmp_path: Path) -> None:
    chain = Chain(tmp_path, plots_every=10)  # plots cost most: drawn for one input in ten

    @FUZZ
    @given(st.integers(0, 2**32), st.sampled_from(range(len(BASES))), st.booleans())
    def check(seed: int, base: int, on_bytes: bool) -> None:
        rng = random.Random(seed)
        clean = encode(BASES[base], fmt)
        assert clean is not None
        data = mutate_bytes(clean, rng) if on_bytes else encode(mutate_tree(BASES[base], rng), fmt)
        if data is not None:
            attempt(data, fmt, chain=chain)

    check()
    assert chain.tally["with plots"] + chain.tally["without plots"] > 0  # the chain ran


def test_the_unmutated_bases_are_accepted() -> None:
    for doc in BASES:
        for fmt in ("json", "toml"):
            data = encode(doc, fmt)
            assert data is not None
            assert attempt(data, fmt) == "accepted"


def test_a_huge_document_is_refused_with_a_message() -> None:
    data = b'{"schema_version": 1, "name": "' + b"x" * (65 * 1024 * 1024) + b'"}'
    with pytest.raises(gp.ScenarioFormatError, match="the limit is"):
        gp.loads(data, gp.Scenario)
    assert attempt(data, "json") == "refused"


def _golden_with(change: Callable[[dict[str, Any]], None]) -> bytes:
    doc = copy.deepcopy(BASES[0])
    change(doc)
    return json.dumps(doc).encode()


def _event(doc: dict[str, Any], **fields: Any) -> None:
    first = copy.deepcopy(doc["timeline"]["events"][0])
    first.update(fields)
    doc["timeline"]["events"].append(first)


def _two_big_releases(doc: dict[str, Any]) -> None:
    for i in range(2):
        change = {"kind": "prisoners_released", "life_sentence": 9 * 10**4299}
        _event(doc, id=f"big-{i}", at="2025-10-20T12:00:00+03:00", change=change)


KNOWN_BAD: dict[str, Callable[[dict[str, Any]], None]] = {
    # Documents an outside fuzzer found the loader accepted and a later command crashed on.
    "deadline of 10**12 hours": lambda d: d["amendments"][0]["edits"][1]["deadline"].update(
        hours=24 * 10**12
    ),
    "deadline of 1e300 hours": lambda d: d["amendments"][0]["edits"][1]["deadline"].update(
        hours=1e300
    ),
    "event on 9999-12-31": lambda d: _event(d, id="late", at="9999-12-31T00:00:00+00:00"),
    "offset with seconds": lambda d: d["timeline"]["events"][0].update(
        at="2025-10-03T22:00:00+03:00:30"
    ),
    "two releases of 9*10**4299": lambda d: _two_big_releases(d),
    "an allegation against nobody known": lambda d: _event(
        d,
        id="alleged",
        at="2025-10-20T12:00:00+03:00",
        change={"kind": "violation_alleged", "by": "israel", "against": "hamaz", "allegation": "x"},
    ),
}


@pytest.mark.parametrize("name", sorted(KNOWN_BAD))
def test_documents_that_once_crashed_a_command_are_refused_or_judged(
    name: str, tmp_path: Path
) -> None:
    data = _golden_with(KNOWN_BAD[name])
    assert attempt(data, "json", chain=Chain(tmp_path)) in ("refused", "accepted and judged")
