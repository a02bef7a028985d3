"""Every error gazaplan raises, under one root: :class:`GazaplanError`.

Each error also subclasses the builtin a Python user would expect (``KeyError`` for an unknown id,
``ValueError`` for a bad value), keeps the offending pieces as attributes, and says in its message
where the problem is, what was received and how to fix it.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "GazaplanError",
    "InconsistentStateError",
    "InvalidDatasetError",
    "InvalidEventError",
    "InvalidPlanError",
    "InvalidValueError",
    "MissingExtraError",
    "MissingPlanError",
    "Problem",
    "ScenarioFormatError",
    "UnknownFactError",
    "UnknownIdError",
    "UnknownPartyError",
    "UnknownPhaseError",
    "UnknownTermError",
    "UnknownVersionError",
]


def did_you_mean(wrong: str, known: Iterable[str], *, what: str) -> str:
    """Return a hint naming the closest known ids and listing them all (at most 60).

    Args:
        wrong: the id that names nothing known.
        known: the ids that would have been accepted.
        what: the plural noun for the ids in the hint, such as ``"parties"``.

    Returns:
        A sentence or two naming the closest known ids, if any are close, then the known ids.

    >>> did_you_mean("hamass", ["hamas", "israel"], what="parties")
    "Did you mean 'hamas'? Known parties: 'hamas', 'israel'."
    """
    ordered = sorted(set(known))
    import difflib  # only when a name is wrong: not on every import

    close = difflib.get_close_matches(wrong, ordered, n=2, cutoff=0.6)
    shown = ", ".join(repr(k) for k in ordered[:60])
    more = f" (and {len(ordered) - 60} more)" if len(ordered) > 60 else ""
    guess = f"Did you mean {' or '.join(repr(c) for c in close)}? " if close else ""
    return f"{guess}Known {what}: {shown}{more}."


def shown(value: object) -> str:
    """Show *value* in a message: its repr, shortened, and never failing.

    An integer too long to print is described by its size; an object whose repr raises, by its
    type.

    Args:
        value: the value to show.

    Returns:
        The repr of *value*, at most 300 characters, or a short description of it.
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        sign = "a negative" if value < 0 else "an"
        return f"{sign} integer of about {int(value.bit_length() * 0.30103)} digits"
    try:
        text = repr(value)
    except Exception:  # a repr that fails must not hide the real error
        return f"<a {type(value).__name__}>"
    return text if len(text) <= 300 else text[:297] + "..."


class GazaplanError(Exception):
    """Root of every error raised by gazaplan; catch this to handle them all."""


class InvalidValueError(GazaplanError, ValueError):
    """A value that breaks a rule of the model (a negative count, a number outside 1-20, ...).

    Attributes:
        where: the class and field, such as ``"State.hostages_living_returned"``.
        value: the value received.
    """

    def __init__(self, where: str, value: object, problem: str, fix: str) -> None:
        self.where = where
        self.value = value
        super().__init__(f"{where}: got {shown(value)}; {problem}. {fix}")


class InconsistentStateError(InvalidValueError):
    """Facts of a :class:`~gazaplan.State` that cannot all be true at once."""


class InvalidPlanError(GazaplanError, ValueError):
    """A plan whose parts do not fit together (duplicate ids, a cycle between phases, ...)."""


class InvalidEventError(GazaplanError, ValueError):
    """An event that cannot happen in the state it is applied to, or out of order in a timeline.

    Attributes:
        event_id: the id of the event.
        fact: the fact or field concerned, if any.
    """

    def __init__(self, event_id: str, problem: str, fix: str, *, fact: str = "") -> None:
        self.event_id = event_id
        self.fact = fact
        where = f"event {event_id!r}" + (f", {fact}" if fact else "")
        problem = problem.rstrip(".")  # a problem quoting another error ends in its own period
        super().__init__(f"{where}: {problem}. {fix}")


class MissingPlanError(GazaplanError, TypeError):
    """A condition needs the plan (a term or a phase) but was evaluated without one."""


class MissingExtraError(GazaplanError, ImportError):
    """A feature needs an optional dependency that is not installed (pandas, matplotlib).

    Attributes:
        feature: what was asked for, such as ``"ComplianceReport.to_pandas()"``.
        extra: the extra to install, such as ``"pandas"``.
    """

    def __init__(self, feature: str, extra: str, module: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs {module}, which is not installed. "
            f"Install the extra: pip install 'gazaplan[{extra}]'",
            name=module,
        )


class UnknownIdError(GazaplanError, KeyError):
    """An id that names nothing known. Subclasses say which kind of id.

    Attributes:
        id: the unknown id.
        known: the ids that would have been accepted.
        where: where the id was used, if known.
    """

    kind = "ids"
    singular = "id"

    def __init__(self, id: str, known: Iterable[str], *, where: str = "") -> None:
        self.id = id
        self.known: tuple[str, ...] = tuple(sorted(set(known)))
        self.where = where
        place = f"{where}: " if where else ""
        self.message: str = f"{place}unknown {self.singular} {shown(id)}. " + did_you_mean(
            id, self.known, what=self.kind
        )
        super().__init__(self.message)

    def __str__(self) -> str:  # KeyError would quote the whole message
        return self.message


class UnknownPhaseError(UnknownIdError):
    """No phase with this id in the plan."""

    kind = "phases"
    singular = "phase"


class UnknownFactError(UnknownIdError):
    """No fact with this id in the state schema (see ``gazaplan.FACTS``)."""

    kind = "facts"
    singular = "fact"


class UnknownPartyError(UnknownIdError):
    """No party with this id in the plan."""

    kind = "parties"
    singular = "party"


class UnknownTermError(UnknownIdError):
    """No term with this path in the plan (such as ``"exchange.remains_ratio"``)."""

    kind = "terms"
    singular = "term"


class UnknownVersionError(UnknownIdError):
    """No bundled plan version with this id."""

    kind = "versions"
    singular = "version"


@attrs.frozen
class Problem:
    """One thing wrong in a document, located as precisely as the format allows.

    Attributes:
        message: what is wrong and how to fix it.
        path: where in the document, such as ``"timeline[3].at"`` (empty for the whole document).
        file: the file name (or ``"<string>"`` for text read from memory).
        line: the 1-based line, or None where the format or the problem gives none.
    """

    message: str
    path: str = ""
    file: str = "<string>"
    line: int | None = None

    def __str__(self) -> str:
        place = self.file + (f":{self.line}" if self.line is not None else "")
        return f"{place}: {self.path or '(document)'}: {self.message}"


class InvalidDatasetError(GazaplanError, ValueError):
    """A dataset (entries and releases) with problems: every one found, each with its place.

    Attributes:
        found: ``(path, message)`` pairs; a path is a tuple of keys and indexes, such as
            ``("entries", 12, "supersedes")``.
    """

    def __init__(self, found: Iterable[tuple[tuple[str | int, ...], str]]) -> None:
        self.found: tuple[tuple[tuple[str | int, ...], str], ...] = tuple(found)
        n = len(self.found)
        lines = [f"  {_path(p) or '(dataset)'}: {m}" for p, m in self.found]
        super().__init__("\n".join([f"{n} problem{'s' if n != 1 else ''} in the dataset", *lines]))


def _path(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class ScenarioFormatError(GazaplanError, ValueError):
    """A document (scenario, plan, timeline, ...) that cannot be read: every problem found, at once.

    Attributes:
        file: the file name.
        problems: each problem with its path and line.
    """

    def __init__(self, file: str, problems: Iterable[Problem]) -> None:
        self.file = file
        self.problems: tuple[Problem, ...] = tuple(problems)
        n = len(self.problems)
        head = f"{file}: {n} problem{'s' if n != 1 else ''} reading the document"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))
