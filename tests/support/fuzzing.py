"""Mutated documents for the fuzz test and the fuzz benchmark: the robustness bar of the format.

A mutation takes a valid document (parsed) and breaks it the way files get broken: a value of the
wrong type, a missing or extra key, a number out of range or huge, swapped instants, an unknown tag,
deep nesting, a huge string; or, on the bytes, invalid UTF-8, truncation, a stray character.
:func:`attempt` loads the result and classifies what happened; it is the fuzz oracle:

* ``"refused"``: a GazaplanError, whose problems carry no internal ("unexpected") error;
* ``"accepted"``: loaded, and the document is really valid: the JSON Schema accepts it and it
  survives a dump/load round trip unchanged; with a :class:`Chain`, it then passes ``check``,
  ``compliance``, ``report`` and ``report --html`` with no error (a document that loads must
  never crash a later command);
* anything else raises AssertionError (another exception escaped, or a bad document got in).
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import tomli_w

import gazaplan as gp
from gazaplan.files.schema import scenario_schema

_VALIDATOR = jsonschema.Draft202012Validator(scenario_schema())

_WRONG: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    -(10**30),
    10**30,
    1.5,
    -0.5,
    1e308,
    "",
    "unknown",
    "x" * 5000,
    "2025-10-10T12:00:00",
    "2025-13-45T99:00:00+03:00",
    "9999-12-31T00:00:00+00:00",  # an instant past what deadlines can be reckoned from
    "2025-10-03T22:00:00+03:00:30",  # an offset with seconds (not RFC 3339)
    9 * 10**4299,  # just under Python's limit for printing an integer
    24 * 10**12,
    "hamaz",  # an id that names nobody
    [],
    [1, "a"],
    {},
    {"kind": "no_such_kind"},
    {"contested": [{"value": 1}]},
)


def _paths(doc: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [here]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*here, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*here, i))
    return out


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for p in path:
        doc = doc[p]
    return doc


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    _get(doc, path[:-1])[path[-1]] = value
    return doc


def mutate_tree(doc: dict[str, Any], rng: random.Random) -> Any:
    """*doc* with one to three structural mutations."""
    doc = copy.deepcopy(doc)
    for _ in range(rng.randint(1, 3)):
        paths = _paths(doc)
        path = rng.choice(paths)
        target = _get(doc, path)
        op = rng.randrange(8)
        if op == 0:
            doc = _set(doc, path, copy.deepcopy(rng.choice(_WRONG)))
        elif op == 1 and path and isinstance(_get(doc, path[:-1]), dict):
            del _get(doc, path[:-1])[path[-1]]
        elif op == 2 and isinstance(target, dict):
            target[rng.choice(["extra", "kind", "at", "value", "Name"])] = rng.choice(_WRONG)
        elif op == 3 and isinstance(target, int | float) and not isinstance(target, bool):
            half = target + 0.5 if abs(target) < 2**53 else 2.0**53 + 1.5  # a float near it
            doc = _set(doc, path, rng.choice([-target - 1, target * 10**12, half, 2**63]))
        elif op == 4:  # swap two instants (dates out of order) or two values of a kind
            instants = [p for p in paths if isinstance(_get(doc, p), str) and "T" in _get(doc, p)]
            if len(instants) >= 2:
                a, b = rng.sample(instants, 2)
                va, vb = _get(doc, a), _get(doc, b)
                _set(doc, a, vb)
                _set(doc, b, va)
        elif op == 5 and isinstance(target, dict) and "kind" in target:
            target["kind"] = rng.choice(
                ["", "Equals", "phase", "aid", "ceasefire", "set_term", "x"]
            )
        elif op == 6:
            nested: Any = copy.deepcopy(target)
            for _ in range(rng.choice([3, 40, 200])):
                nested = [nested]
            doc = _set(doc, path, nested)
        elif op == 7 and isinstance(target, list) and target:
            target.append(copy.deepcopy(rng.choice(target)))  # a duplicate (ids, orders)
    return doc


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """*data* broken at the byte level."""
    i = rng.randrange(len(data) + 1)
    op = rng.randrange(5)
    if op == 0:
        return data[:i] + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00"]) + data[i:]
    if op == 1:
        return data[:i]
    if op == 2:
        return data[:i] + rng.choice([b"{", b"]", b'"', b"=", b"\n[[x]]\n", b"#"]) + data[i:]
    if op == 3:
        return data * rng.choice([2, 3])
    return data[:i] + data[i + rng.randrange(1, 20) :]


def encode(doc: Any, fmt: str) -> bytes | None:
    """*doc* as JSON or TOML bytes (None where TOML cannot hold it, a null or a non-table top, or
    where a mutation made an integer too long to print)."""
    if fmt == "json":
        try:
            return json.dumps(doc).encode()
        except ValueError:  # a mutated integer past what Python prints (4,300 digits)
            return None
    try:
        return tomli_w.dumps(doc).encode()
    except (TypeError, ValueError, AttributeError, RecursionError):  # the writer recurses
        return None


def attempt(data: bytes, fmt: str, *, chain: Chain | None = None) -> str:
    """Load *data* as a scenario and check the outcome (see the module docstring); with *chain*,
    an accepted document then goes through every command that judges it."""
    try:
        scenario = gp.loads(data, gp.Scenario, format=fmt)  # type: ignore[arg-type]
    except gp.GazaplanError as exc:
        problems = getattr(exc, "problems", ())
        internal = [p for p in problems if "please report" in p.message]
        assert not internal, f"internal error reported as a problem: {internal}"
        return "refused"
    text = gp.dumps(scenario, format="json")
    raw = (
        json.loads(data) if fmt == "json" else json.loads(text)
    )  # TOML: native dates, so its JSON form
    errors = list(_VALIDATOR.iter_errors(raw))
    assert not errors, f"accepted a document the schema refuses: {errors[0].message}"
    assert gp.loads(text, gp.Scenario) == scenario
    if chain is not None:
        return chain.run(scenario, text)
    return "accepted"


class Chain:
    """The commands an accepted scenario must pass, run in-process through the command line:
    ``check``, ``compliance``, ``report`` (text and JSON) and ``report --html``. Each must end with
    exit 0 (``check``: 0 or 1, an expectation may fail); an exit of 2 (the document refused after
    it loaded) or 3 (an internal error) fails the oracle.

    The plots of the HTML report cost most of the time and depend only on the plan and the events'
    instants and changes, so they are drawn once for each distinct such input (``plots_every``
    draws them only for every n-th distinct one); documents already seen whole are skipped.
    """

    def __init__(self, folder: Path, *, plots_every: int = 1) -> None:
        self.folder = folder
        self.plots_every = plots_every
        self.seen: set[str] = set()
        self.drawn: set[str] = set()
        self.tally: Counter[str] = Counter()

    def run(self, scenario: gp.Scenario, text: str) -> str:
        from gazaplan.cli import main

        key = hashlib.sha256(text.encode()).hexdigest()
        if key in self.seen:
            return "accepted (seen)"
        self.seen.add(key)
        path = self.folder / "chain.json"
        path.write_text(text, encoding="utf-8")
        shape = json.loads(text)
        events = [
            (e.get("at"), e.get("change"), e.get("precision"))
            for e in shape.get("timeline", {}).get("events", [])
        ]
        drawing = hashlib.sha256(
            json.dumps([shape["version"], shape.get("amendments"), events]).encode()
        ).hexdigest()
        plots = drawing not in self.drawn and len(self.drawn) % self.plots_every == 0
        self.drawn.add(drawing)
        runs = [
            (["check", str(path)], (0, 1)),
            (["check", str(path), "--json"], (0, 1)),
            (["compliance", "--timeline", str(path)], (0,)),
            (["compliance", "--timeline", str(path), "--json"], (0,)),
            (["report", "--timeline", str(path)], (0,)),
            (["report", "--timeline", str(path), "--json"], (0,)),
            (
                [
                    "report",
                    "--timeline",
                    str(path),
                    "--html",
                    str(self.folder / "chain.html"),
                    *([] if plots else ["--no-plots"]),
                ],
                (0,),
            ),
        ]
        for argv, allowed in runs:
            out, err = io.StringIO(), io.StringIO()
            code = main(argv, out=out, err=err)
            assert code in allowed, f"gazaplan {' '.join(argv[:2])} exit {code}: {err.getvalue()}"
            if argv[-1] == "--json":
                json.loads(out.getvalue())
        self.tally["with plots" if plots else "without plots"] += 1
        return "accepted and judged"


def base_documents() -> list[dict[str, Any]]:
    """Valid scenario documents to mutate (the golden one and a scenario on the bundled timeline)."""
    from pathlib import Path

    golden = Path(__file__).parents[1] / "golden" / "scenario-v1.json"
    small = json.loads(golden.read_text("utf-8"))
    tl = gp.Timeline(gp.timeline().events[:8])
    real = gp.Scenario(name="first events", version="2025-10-09", timeline=tl)
    return [small, json.loads(gp.dumps(real))]
