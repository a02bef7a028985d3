"""Fuzz run: N mutated scenario documents per format through the loader, with the counts.

The same oracle as tests/test_fuzz.py (tests/fuzzing.py): every document is either refused with a
GazaplanError (no internal error among its problems) or accepted and valid (the JSON Schema accepts
it and it round-trips). Any other outcome stops the run with the seed that produced it.
Run: ``python -m benchmarks.fuzz_documents --count 100000`` (``--quick``: 200).
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter

from tests.fuzzing import attempt, base_documents, encode, mutate_bytes, mutate_tree


def run(count: int, seed: int = 0) -> dict[str, Counter[str]]:
    bases = base_documents()
    counts: dict[str, Counter[str]] = {"json": Counter(), "toml": Counter()}
    for fmt, tally in counts.items():
        for i in range(count):
            rng = random.Random(seed * 1_000_003 + i)
            base = bases[i % len(bases)]
            clean = encode(base, fmt)
            assert clean is not None
            on_bytes = i % 3 == 0
            data = mutate_bytes(clean, rng) if on_bytes else encode(mutate_tree(base, rng), fmt)
            if data is None:
                tally["not expressible in " + fmt] += 1
                continue
            try:
                outcome = attempt(data, fmt)
            except AssertionError as exc:
                raise SystemExit(f"{fmt} document {i} (seed {seed}): {exc}") from None
            tally[f"{outcome} ({'bytes' if on_bytes else 'tree'})"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000, help="documents per format")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="200 documents per format")
    args = parser.parse_args()
    count = 200 if args.quick else args.count
    start = time.perf_counter()
    counts = run(count, args.seed)
    took = time.perf_counter() - start
    for fmt, tally in counts.items():
        print(
            f"{fmt}: {sum(tally.values())} documents: "
            + ", ".join(f"{k} {v}" for k, v in sorted(tally.items()))
        )
    print(f"no other outcome; {took:.1f} s ({took / (2 * count) * 1e3:.2f} ms a document)")


if __name__ == "__main__":
    main()
