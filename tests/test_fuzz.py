"""The robustness bar: mutated documents give only GazaplanErrors, nothing invalid gets in, and what
gets in passes every command that judges it (check, compliance, report, the HTML report).

CI runs a few thousand mutations (``GAZAPLAN_FUZZ`` sets how many); ``benchmarks/fuzz_documents.py``
runs 100,000 and reports the counts.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gazaplan as gp

from .fuzzing import Chain, attempt, base_documents, encode, mutate_bytes, mutate_tree

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
