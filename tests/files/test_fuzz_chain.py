"""The chain fuzz of the newer documents (hardening issue, item 5): generated and mutated
perturbation, dataset and condition (``explore --invariant``) documents go through loading and
every command that reads them, run in-process through the command line:

* a perturbation: ``simulate bundled --perturbation FILE --runs 3``;
* a dataset: ``data validate FILE``, ``data releases --file FILE``, ``data diff --file FILE`` and
  ``data export DIR --file FILE``;
* a condition: ``explore --invariant FILE`` (a small model, a bounded depth).

The oracle tolerates nothing: every command ends with 0, 1 or 2 (never 3, an internal error), with
no traceback, an exit of 2 says ``gazaplan: error:``, and no document takes longer than its
deadline (``signal.alarm`` in the main thread: a hang fails the test with the document that
hung, and the test goes on). ``GAZAPLAN_FUZZ`` sets how many documents in all (1000 by default, a
third of each kind); ``GAZAPLAN_FUZZ_SEED`` the first seed.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import gazaplan as gp
from gazaplan.cli import main
from gazaplan.runs.perturbations import (
    Delay,
    Drop,
    Events,
    Perturbation,
    PickClaim,
    Triangular,
    Uniform,
)
from gazaplan.time.datasets import Dataset

from ..support.fuzzing import encode, mutate_bytes, mutate_tree

DOCUMENTS = int(os.environ.get("GAZAPLAN_FUZZ", "1000"))
FIRST_SEED = int(os.environ.get("GAZAPLAN_FUZZ_SEED", "0"))
DEADLINE = 20  # seconds per document, all its commands together


class HangError(Exception):
    """A document whose commands ran past the deadline."""


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Raise HangError in the main thread after *seconds* (a no-op off the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def ring(signum: int, frame: Any) -> None:
        raise HangError(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def perturbation_bases() -> list[dict[str, Any]]:
    steps = (
        Delay(Uniform(0, 3)),
        Delay(Triangular(0, 1, 12), Events(kinds=("reported",)), "hour"),
        Drop(0.1, Events(ids=("2025-10-10-government-approval",))),
        PickClaim(),
    )
    whole = Perturbation(steps, name="every step")
    dated = Perturbation(
        (Drop(0.5, Events(since=gp.timeline().events[3].at.date())),), name="a date range"
    )
    return [json.loads(gp.dumps(p)) for p in (whole, dated)]


def dataset_bases() -> list[dict[str, Any]]:
    full = gp.dataset()
    entries = full.entries[:12]
    small = Dataset(full.releases, entries, timezone=full.timezone)
    one = Dataset(full.releases[:1], [e for e in entries if e.added_in == "2026.05"][:4])
    return [json.loads(gp.dumps(d)) for d in (small, one)]


def condition_bases() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = [
        {"kind": "equals", "fact": "ceasefire_in_force", "value": True},
        {"kind": "at_least", "fact": "hostages_living_returned", "value": 1},
        {
            "kind": "all_of",
            "conditions": [
                {"kind": "one_of", "fact": "rafah_crossing", "values": ["closed", "both_ways"]},
                {"kind": "not", "condition": {"kind": "phase_complete", "phase": "phase-1"}},
                {"kind": "known", "fact": "ceasefire_in_force"},
            ],
        },
    ]
    out = []
    for d in docs:
        text = json.dumps({"schema_version": 1, "document": "condition", **d})
        cond: object = gp.loads(text, gp.Condition)  # type: ignore[arg-type]
        out.append(json.loads(gp.dumps(cond)))
    return out


KINDS = ("perturbation", "dataset", "condition")


def commands(kind: str, path: Path, folder: Path) -> list[list[str]]:
    if kind == "perturbation":
        return [["simulate", "bundled", "--perturbation", str(path), "--runs", "3", "-q"]]
    if kind == "dataset":
        return [
            ["data", "validate", str(path)],
            ["data", "releases", "--file", str(path)],
            ["data", "diff", "--file", str(path)],
            ["data", "export", str(folder / "export"), "--file", str(path)],
        ]
    return [
        ["explore", "--living", "1", "--deceased", "1", "--max-depth", "4", "-q",
         "--invariant", str(path)],
    ]  # fmt: skip


class ChainFuzz:
    """Runs documents through their commands; keeps the tally and the failures, by signature."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.bases = {
            "perturbation": perturbation_bases(),
            "dataset": dataset_bases(),
            "condition": condition_bases(),
        }
        self.seen: set[str] = set()
        self.exits: Counter[str] = Counter()
        self.failures: dict[str, tuple[str, bytes, str]] = {}  # signature -> (kind, doc, detail)

    def document(self, seed: int) -> tuple[str, str, bytes] | None:
        rng = random.Random(seed)
        kind = KINDS[seed % len(KINDS)]
        fmt = rng.choice(["json", "toml"])
        base = rng.choice(self.bases[kind])
        clean = encode(base, fmt)
        if clean is None:
            return None
        roll = rng.random()
        if roll < 0.05:
            data: bytes | None = clean  # generated, unmutated
        elif roll < 0.3:
            data = mutate_bytes(clean, rng)
        else:
            data = encode(mutate_tree(base, rng), fmt)
        return None if data is None else (kind, fmt, data)

    def run(self, seed: int) -> None:
        made = self.document(seed)
        if made is None:
            self.exits["not encodable"] += 1
            return
        kind, fmt, data = made
        key = hashlib.sha256(kind.encode() + data).hexdigest()
        if key in self.seen:
            self.exits["seen"] += 1
            return
        self.seen.add(key)
        path = self.folder / f"doc.{fmt}"
        path.write_bytes(data)
        argv: list[str] = []
        try:
            with deadline(DEADLINE):
                for argv in commands(kind, path, self.folder):
                    out, err = io.StringIO(), io.StringIO()
                    code = main(argv, out=out, err=err)
                    self.exits[
                        f"{kind} {argv[0]}{' ' + argv[1] if argv[0] == 'data' else ''}: {code}"
                    ] += 1
                    text = err.getvalue()
                    if code not in (0, 1, 2) or "Traceback" in text or "internal error" in text:
                        self.fail(kind, data, argv, f"exit {code}: {text.strip()[:300]}")
                    elif code == 2 and "gazaplan: error:" not in text:
                        self.fail(kind, data, argv, f"exit 2 without a message: {text[:300]}")
                    elif "please report" in text:
                        self.fail(
                            kind, data, argv, f"an unexpected error as a problem: {text[:300]}"
                        )
        except HangError as exc:
            self.fail(kind, data, argv, f"hang: {exc}")

    def fail(self, kind: str, data: bytes, argv: list[str], detail: str) -> None:
        head = detail.split("(")[0].split(":")[:3]
        signature = f"{kind} / {' '.join(argv[:2])} / {':'.join(head)[:160]}"
        self.failures.setdefault(signature, (kind, data, detail))

    def report(self) -> str:
        lines = [f"{len(self.failures)} distinct failures:"]
        for sig, (_, data, detail) in sorted(self.failures.items()):
            lines.append(f"- {sig}\n    {detail}\n    document: {data[:600]!r}")
        return "\n".join(lines)


def test_the_bases_are_accepted_by_every_command(tmp_path: Path) -> None:
    fuzz = ChainFuzz(tmp_path)
    for kind in KINDS:
        assert fuzz.bases[kind], kind
        for base in fuzz.bases[kind]:
            path = tmp_path / "base.json"
            path.write_bytes(encode(base, "json") or b"")
            for argv in commands(kind, path, tmp_path):
                out, err = io.StringIO(), io.StringIO()
                code = main(argv, out=out, err=err)
                one_release = "there is no release before" in err.getvalue()  # nothing to diff
                assert code in (0, 1) or one_release, (argv, err.getvalue())


def test_a_hang_is_caught_by_the_deadline() -> None:
    def spin() -> None:
        while True:
            pass

    with pytest.raises(HangError), deadline(1):
        spin()


def test_mutated_documents_go_through_every_command_cleanly(tmp_path: Path) -> None:
    fuzz = ChainFuzz(tmp_path)
    log = os.environ.get("GAZAPLAN_FUZZ_LOG")  # a file for progress lines on long runs
    started = time.perf_counter()
    for n, seed in enumerate(range(FIRST_SEED, FIRST_SEED + DOCUMENTS), start=1):
        fuzz.run(seed)
        if log and n % 500 == 0:
            with open(log, "a", encoding="utf-8") as f:
                elapsed = time.perf_counter() - started
                f.write(f"{n} documents, {elapsed:.0f} s, {len(fuzz.failures)} failures, "
                        f"exits {dict(sorted(fuzz.exits.items()))}\n{fuzz.report()}\n")  # fmt: skip
    print(f"\nchain fuzz: {DOCUMENTS} documents; exits: {dict(sorted(fuzz.exits.items()))}")
    assert sum(n for k, n in fuzz.exits.items() if k.endswith(": 0")) > 0  # some got through
    assert not fuzz.failures, fuzz.report()


def test_a_huge_integer_for_a_probability_is_refused_with_a_message(tmp_path: Path) -> None:
    # Found by this fuzz: 10**400 as a Drop's probability escaped as an OverflowError.
    doc: dict[str, Any] = {"schema_version": 1, "document": "perturbation"}
    doc["steps"] = [{"kind": "drop", "probability": 10**400}]
    with pytest.raises(gp.ScenarioFormatError) as caught:
        gp.loads(json.dumps(doc), Perturbation)
    assert "please report" not in str(caught.value)
    assert "too large" in str(caught.value)
