"""Fuzz run: N mutated scenario documents per format through the loader and every command that
judges them, with the counts.

The same oracle as tests/files/test_fuzz.py (tests/support/fuzzing.py): every document is either
refused with a GazaplanError (no internal error among its problems) or accepted and valid (the JSON
Schema accepts it and it round-trips), and then passes ``check``, ``compliance``, ``report`` (text
and JSON) and ``report --html`` with its plots, with no error
(:class:`tests.support.fuzzing.Chain`). Any other outcome stops the run with the seed that
produced it. ``--loader-only`` stops at the loader.
Run: ``python -m benchmarks.fuzz_documents --count 100000`` (``--quick``: 200; ``--format json``
runs one format, so that two processes can share the work).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

from tests.support.fuzzing import Chain, attempt, base_documents, encode, mutate_bytes, mutate_tree


def run(
    count: int, seed: int = 0, *, formats: tuple[str, ...] = ("json", "toml"), chain: bool = True
) -> dict[str, Counter[str]]:
    bases = base_documents()
    counts: dict[str, Counter[str]] = {fmt: Counter() for fmt in formats}
    folder = tempfile.TemporaryDirectory()
    judge = Chain(Path(folder.name)) if chain else None
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
                outcome = attempt(data, fmt, chain=judge)
            except AssertionError as exc:
                raise SystemExit(f"{fmt} document {i} (seed {seed}): {exc}") from None
            tally[f"{outcome} ({'bytes' if on_bytes else 'tree'})"] += 1
    if judge is not None:  # HTML reports drawn with and without plots (same plot inputs seen)
        counts["judged"] = judge.tally
    folder.cleanup()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000, help="documents per format")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="200 documents per format")
    parser.add_argument("--format", choices=["json", "toml"], default=None, help="one format only")
    parser.add_argument("--loader-only", action="store_true", help="stop at the loader")
    args = parser.parse_args()
    count = 200 if args.quick else args.count
    formats = (args.format,) if args.format else ("json", "toml")
    start = time.perf_counter()
    counts = run(count, args.seed, formats=formats, chain=not args.loader_only)
    took = time.perf_counter() - start
    for fmt, tally in counts.items():
        print(
            f"{fmt}: {sum(tally.values())} documents: "
            + ", ".join(f"{k} {v}" for k, v in sorted(tally.items()))
        )
    per = took / (len(formats) * count) * 1e3  # "judged" is the chain's tally, not a format
    print(f"no other outcome, no raw exception; {took:.1f} s ({per:.2f} ms a document)")


if __name__ == "__main__":
    main()
