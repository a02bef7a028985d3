"""The plain-words check for the tests: which party or fact ids a text shows bare, outside the
words the vocabulary (:mod:`gazaplan.core.words`) makes for them."""

from __future__ import annotations

import re
from collections.abc import Iterable

import gazaplan as gp
from gazaplan.analysis._structure import conditions_of
from gazaplan.analysis.implicants import names_of
from gazaplan.core.conditions import show, text, walk
from gazaplan.core.state import FACTS
from gazaplan.core.words import fact_question, named

__all__ = ["bare_ids", "ids_of"]


def ids_of(plan: gp.Plan) -> tuple[str, ...]:
    """Every party id of *plan* and every fact id a condition can name, longest first."""
    parties = [p.id for p in plan.parties]
    facts = [*FACTS, *(f"{f}.{p}" for f, s in FACTS.items() if s.per_party for p in parties)]
    return tuple(sorted({*parties, *facts}, key=len, reverse=True))


def bare_ids(words: str, plan: gp.Plan, prose: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Each party or fact id that *words* shows as a word of its own, with its line.

    Taken out first: each id beside its words (``United States (us)``), then the words the
    vocabulary makes (parties' names, facts' meanings and questions, targets' and obligations'
    words, the plan's conditions in words, the facts' values in words) and *prose* (the
    catalog's own sentences, which may use "monitors" or "approved" as English). An id left
    over is bare.

    Args:
        words: the text to check.
        plan: the plan whose parties and facts are named.
        prose: sentences to take out as they are.

    Returns:
        ``(id, line)`` for each bare id, in the order of the lines.
    """
    table = names_of(plan)
    ids = ids_of(plan)
    questions = {f: fact_question(f, plan) for f in ids if f.partition(".")[0] in FACTS}
    pairs = [*table.items(), *questions.items()]
    beside = sorted({named(w, i) for i, w in pairs if w != i}, key=len, reverse=True)
    said = {text(leaf) for c in conditions_of(plan) for leaf in walk(c)}
    values = {show(v) for spec in FACTS.values() for v in spec.choices or ()}  # "no response"
    vocab = {*table.values(), *questions.values(), *said, *values, *prose} - set(ids) - {""}
    ordered = sorted(vocab, key=len, reverse=True)
    found: list[tuple[str, str]] = []
    for line in words.splitlines():
        left = line
        for w in (*beside, *ordered):
            if w in left:
                left = left.replace(w, "#")
        for i in ids:
            if re.search(rf"(?<![\w.-]){re.escape(i)}(?![\w-])", left):
                found.append((i, line))
    return found
