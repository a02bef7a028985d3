"""The source register as a result: :class:`SourceRegister`, one :class:`SourceEntry` per source,
each with what it supports (:class:`Support`), built by :func:`source_register`.

Every output cites its sources by a short code (``WH 4``, ``R8``, ``TL-2026-07-31-4``); the
register turns a code back into the document: who published it, when, its title and address, what
the catalog says of its reliability, and which points, phases, obligations, terms, figures,
positions and events rest on it. ``gazaplan.sources()`` gives the bundled content's register;
``gazaplan sources TAG`` prints an entry.

Why here: the register indexes the plan's content (``core``) and the timeline's events (``time``),
so it sits in the lowest layer that sees both, beside the content it indexes; the catalog is that
layer. It reads plans, events and the table of control as data given to it (so a user's own plan
and timeline get a register too) and imports none of the content modules but the register's own
words on reliability (``_sources.CAVEATS``). Nothing is graded here: a source's reliability is the
catalog's own phrases found in its note, and where the note holds none the entry says the catalog
grades it not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..core._results import Keyed, NotebookDisplay
from ..core._value import Value
from ..core.sources import Source
from ..core.words import fact_name, named, party_name, phase_name
from ..exceptions import UnknownIdError
from ._sources import CAVEATS

if TYPE_CHECKING:
    import pandas as pd

    from ..core.control import Controls
    from ..core.obligations import CountingPoint
    from ..core.plans import Plan
    from ..time.events import Event

__all__ = [
    "KINDS",
    "NOT_GRADED",
    "SourceEntry",
    "SourceRegister",
    "Support",
    "kind_words",
    "reliability",
    "source_register",
]

KINDS: Final = {
    "point": ("point", "points"),
    "phase": ("phase", "phases"),
    "obligation": ("obligation", "obligations"),
    "term": ("term", "terms"),
    "line": ("withdrawal line", "withdrawal lines"),
    "figure": ("figure", "figures"),
    "position": ("stated position", "stated positions"),
    "party": ("party", "parties"),
    "initial-fact": ("fact at publication", "facts at publication"),
    "control": ("fact and who can change it", "facts and who can change them"),
    "version": ("plan version", "plan versions"),
    "anomaly-note": ("account of an anomaly", "accounts of anomalies"),
    "counting-point": ("reading of a deadline's clock", "readings of deadlines' clocks"),
    "event": ("event", "events"),
}
"""The kinds of thing a source supports, in the order entries list them: id -> the words for
one and for several."""


def kind_words(kind: str, n: int) -> str:
    """A count of things of one kind, in words.

    Args:
        kind: one of :data:`KINDS` (another is shown as it is).
        n: how many.

    Returns:
        ``"1 point"``, ``"20 points"``.
    """
    one, many = KINDS.get(kind, (kind, kind))
    return f"{n} {one if n == 1 else many}"


NOT_GRADED: Final = "not graded: the catalog says nothing of this source's reliability"
"""What an entry says where the catalog's note on the source holds no word on its standing."""

_POINT: Final = re.compile(r"^(?P<tag>.*\S)\s+(?P<point>\d{1,2})$")


def reliability(source: Source, caveats: Sequence[str] = CAVEATS) -> tuple[str, ...]:
    """What the catalog says of a source's standing, in its own words.

    Args:
        source: the source.
        caveats: the phrases that grade a source (by default the register's own,
            ``gazaplan.catalog._sources.CAVEATS``).

    Returns:
        The phrases of *caveats* that the source's note holds, in the order the note has them;
        empty where it holds none (the catalog grades it not).
    """
    found = sorted((source.note.find(c), c) for c in caveats if c and c in source.note)
    return tuple(c for _, c in found)


@attrs.frozen
class Support(Value):
    """One thing of the content a source supports.

    Attributes:
        kind: what it is, one of :data:`KINDS` (``"point"``, ``"obligation"``, ``"event"``).
        id: its id, as the library and ``--json`` name it (a point's number as text).
        name: its name in plain words.
    """

    kind: str
    id: str
    name: str

    @property
    def label(self) -> str:
        """The thing in words, with its id beside the name where the id differs.

        Returns:
            ``"point 4: All hostages back within 72 hours"``, or
            ``"Return every hostage, living and deceased (p4-return-hostages)"``.
        """
        if self.kind == "point":
            return f"point {self.id}: {self.name}"
        return named(self.name, self.id)

    def __str__(self) -> str:
        return self.label


@attrs.frozen
class SourceEntry(NotebookDisplay, Value):
    """One source of the register, with what the content rests on it.

    Attributes:
        tag: the code outputs cite it by (``"WH"``, ``"R8"``, ``"TL-2026-07-31-4"``); a citation
            ``"WH 4"`` is this source for point 4.
        publisher: who published it; a reprint names the original outlet in brackets.
        title: its title as found (or a description where the copy has none).
        date: its publication date, or None where the register gives none.
        approximate_date: True where the register marks the date as approximate.
        address: its address (a URL, or ``github:OWNER/REPO/PATH`` for a copy in a public
            repository), or None where none could be checked.
        caveats: what the catalog says of its standing, in its words, phrase by phrase (empty:
            nothing; see :data:`NOT_GRADED`).
        note: the catalog's whole note on it (dates given loosely, caveats, remarks).
        supports: what it supports, by kind in the order of :data:`KINDS`.
    """

    tag: str
    publisher: str
    title: str
    date: dt.date | None
    approximate_date: bool
    address: str | None
    caveats: tuple[str, ...]
    note: str
    supports: tuple[Support, ...]

    @property
    def source(self) -> Source:
        """The entry as a :class:`~gazaplan.Source` (cited for no point)."""
        return Source(
            self.tag,
            self.title,
            self.publisher,
            self.date,
            self.address,
            approximate_date=self.approximate_date,
            note=self.note,
        )

    @property
    def reliability(self) -> str | None:
        """The caveats as one text (joined by ``" / "``), or None where the catalog grades the
        source not."""
        return " / ".join(self.caveats) or None

    @property
    def remarks(self) -> str:
        """The note without its caveats: what else the catalog says (a date given loosely, a
        remark); ``""`` where nothing is left."""
        rest = self.note
        for caveat in self.caveats:
            rest = rest.replace(caveat, "")
        return re.sub(r"^[\s;.,]+|[\s;,]+$", "", re.sub(r"\s*;\s*(?=;|$)|\s{2,}", " ", rest))

    @property
    def when(self) -> str:
        """The date in words: ``"2025-10-05 (approximate)"``, or ``"no date recorded"``."""
        if self.date is None:
            return "no date recorded"
        return self.date.isoformat() + (" (approximate)" if self.approximate_date else "")

    def supported(self, kind: str) -> tuple[Support, ...]:
        """What the source supports of one kind.

        Args:
            kind: one of :data:`KINDS`.

        Returns:
            Those items, in the content's order (empty for a kind it supports nothing of).
        """
        return tuple(s for s in self.supports if s.kind == kind)

    def row(self) -> dict[str, Any]:
        """The entry as a row of plain values (see :meth:`SourceRegister.rows`).

        Returns:
            Its fields; ``supports`` as ``"KIND:ID"`` codes.
        """
        return {
            "tag": self.tag,
            "publisher": self.publisher,
            "date": self.date,
            "approximate_date": self.approximate_date,
            "title": self.title,
            "address": self.address,
            "reliability": self.reliability,
            "note": self.note,
            "supports": tuple(f"{s.kind}:{s.id}" for s in self.supports),
        }

    def explain(self) -> str:
        """The entry in full, in words.

        Returns:
            The tag and title, then the publisher, date, address, reliability and note, then
            what it supports, by kind.
        """
        lines = [
            f"{self.tag}: {self.title}",
            f"  publisher:   {self.publisher}",
            f"  date:        {self.when}",
            f"  address:     {self.address or 'none recorded'}",
            f"  reliability: {self.reliability or NOT_GRADED}",
        ]
        if self.remarks:
            lines.append(f"  note:        {self.remarks}")
        if not self.supports:
            lines.append("  supports:    nothing in the content (listed in the register only)")
        else:
            lines.append(f"  supports ({len(self.supports)}):")
            for kind in KINDS:
                items = self.supported(kind)
                if items:
                    lines.append(f"    {kind_words(kind, len(items))}:")
                    lines += [f"      {s.label}" for s in items]
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        return f"{self.tag}: {self.publisher}, {self.when}: {self.title}"


@attrs.frozen
class SourceRegister(NotebookDisplay, Value, Keyed[SourceEntry]):
    """Every source some content cites, once per tag; ``register["WH"]`` looks one up.

    Lookup takes a tag as outputs cite it: ``"R8"``, or ``"WH 4"`` (the source cited for point
    4). An unknown tag raises :class:`~gazaplan.UnknownIdError` naming the closest tags.

    Attributes:
        entries: the sources, the register's own first (in its order), then any other cited.
    """

    entries: tuple[SourceEntry, ...]

    def _rows(self) -> tuple[SourceEntry, ...]:
        return self.entries

    def _id(self, row: SourceEntry) -> str:
        return row.tag

    @property
    def tags(self) -> tuple[str, ...]:
        """Every tag, in the register's order."""
        return tuple(e.tag for e in self.entries)

    def __getitem__(self, key: str) -> SourceEntry:
        """The entry of one tag.

        Args:
            key: a tag (``"R8"``), or a citation of a point (``"WH 4"``); a tag in other case
                is found when only one tag matches it.

        Returns:
            The entry.

        Raises:
            UnknownIdError: if no source has that tag; the message names the closest.
        """
        by_tag = {e.tag: e for e in self.entries}
        if isinstance(key, str):
            text = key.strip()
            cited = _POINT.match(text)
            for tag in (text, cited.group("tag")) if cited else (text,):
                if tag in by_tag:
                    return by_tag[tag]
                folded = [e for e in self.entries if e.tag.casefold() == tag.casefold()]
                if len(folded) == 1:
                    return folded[0]
        where = "the source register (gazaplan sources lists every tag)"
        raise UnknownIdError(key, by_tag, where=where)

    def rows(self) -> list[dict[str, Any]]:
        """The register as rows of plain values, one per source.

        Returns:
            Rows with ``tag``, ``publisher``, ``date``, ``approximate_date``, ``title``,
            ``address``, ``reliability`` (None: not graded), ``note`` and ``supports`` (codes
            ``"KIND:ID"``, such as ``"point:4"``).
        """
        return [e.row() for e in self.entries]

    def to_pandas(self) -> pd.DataFrame:
        """The register as a DataFrame (needs the ``pandas`` extra).

        Returns:
            A row per source, the columns of :meth:`rows`.

        Raises:
            MissingExtraError: if pandas is not installed.
        """
        from ..core import _ports

        columns = [
            "tag",
            "publisher",
            "date",
            "approximate_date",
            "title",
            "address",
            "reliability",
            "note",
            "supports",
        ]
        return _ports.tables().frame(self.rows(), columns, feature="SourceRegister.to_pandas()")

    def explain(self) -> str:
        """The register as a list: one line per source.

        Returns:
            A count, then each source's tag, publisher, date and title.
        """
        width = max((len(e.tag) for e in self.entries), default=0)
        lines = [f"{len(self.entries)} sources"]
        lines += [f"{e.tag:<{width}}  {e.publisher}, {e.when}: {e.title}" for e in self.entries]
        return "\n".join(lines) + "\n"


class _Index:
    """What each tag supports, gathered item by item (each item once per tag)."""

    def __init__(self) -> None:
        self.sources: dict[str, Source] = {}
        self.uses: dict[str, dict[tuple[str, str], Support]] = {}

    def add(self, kind: str, ident: str, name: str, item: object, skip: Iterable[str] = ()) -> None:
        for source in _cited(item, frozenset(skip)):
            self.sources.setdefault(source.tag, attrs.evolve(source, point=None))
            self.uses.setdefault(source.tag, {}).setdefault(
                (kind, ident), Support(kind, ident, name)
            )


def _cited(value: object, skip: frozenset[str] = frozenset()) -> list[Source]:
    """Every source held anywhere inside *value* (its fields named in *skip* left out, at the
    top only)."""
    found: list[Source] = []

    def visit(v: Any, top: bool) -> None:
        if isinstance(v, Source):
            found.append(v)
        elif isinstance(v, tuple | list | frozenset | set):
            for x in v:
                visit(x, False)
        elif isinstance(v, Mapping):
            for x in v.values():
                visit(x, False)
        elif attrs.has(type(v)):
            for a in attrs.fields(type(v)):
                if not a.name.startswith("_") and not (top and a.name in skip):
                    visit(getattr(v, a.name), False)

    visit(value, True)
    return found


def _term_name(plan: Plan, path: str) -> str:
    """A term in words, from its class's description of the field (the path where none)."""
    group, _, field = path.partition(".")
    holder = {"exchange": plan.exchange, "aid": plan.aid}.get(group)
    doc = type(holder).__doc__ or ""
    found = re.search(rf"^\s+{re.escape(field)}: (.+?)(?:\.\s|\.?$)", doc, re.M)
    return found.group(1) if found else path


def _index_plan(index: _Index, plan: Plan) -> None:
    add = index.add
    for p in plan.provisions:
        add("point", str(p.number), p.title, p)
    for ph in plan.phases:
        name = phase_name(plan, ph.id)
        add(
            "phase",
            ph.id,
            ph.name if name == ph.name else f"{name}: {ph.name}",
            ph,
            ("obligations",),
        )
        for o in ph.obligations:
            add("obligation", o.id, o.action, o)
    for path in plan.term_paths():
        add("term", path, _term_name(plan, path), plan.term(path))
    for line in plan.lines:
        add("line", line.id, line.name, line)
    for f in plan.figures:
        add("figure", f.id, f.label, f)
    for pos in plan.positions:
        when = f" ({pos.as_of.isoformat()})" if pos.as_of else ""
        ident = f"{pos.party}{'@' + pos.as_of.isoformat() if pos.as_of else ''}"
        add("position", ident, f"{party_name(plan, pos.party)}{when}: {pos.summary}", pos)
    for party in plan.parties:
        add("party", party.id, party.name, party)
    for fact in plan.initial_facts:
        add("initial-fact", fact.fact, fact_name(fact.fact, plan), fact)
    for a in plan.amendments:
        add("version", a.version, a.title, a, ("edits",))
    for n in plan.anomaly_notes:
        add("anomaly-note", f"{n.event}/{n.obligation}", f"event {n.event} and {n.obligation}", n)


def source_register(
    plans: Plan | Sequence[Plan],
    events: Iterable[Event] = (),
    *,
    controls: Controls | None = None,
    counting_points: Mapping[str, Sequence[CountingPoint]] | None = None,
    event_status: Mapping[str, str] | None = None,
    caveats: Sequence[str] = CAVEATS,
) -> SourceRegister:
    """The register of every source some content cites, with what each supports.

    Args:
        plans: a plan, or its versions (each version's content counts; names come from the
            latest that has the item).
        events: the events whose sources count (a timeline's ``events``).
        controls: the table of who can change each fact (``gazaplan.controls()``), if any.
        counting_points: the readings of when deadlines' clocks start, by obligation.
        event_status: a word on an event by its id (``"a candidate, not yet reviewed"``), shown
            after its name.
        caveats: the phrases that grade a source (see :func:`reliability`).

    Returns:
        The register of the sources the plans list (their ``sources``), in their order, then
        of every other source cited, by tag; each once, with what it supports.
    """
    versions = (plans,) if not isinstance(plans, Sequence) else tuple(plans)
    index = _Index()
    for p in reversed(versions):  # the latest names an item, where versions differ
        _index_plan(index, p)
    latest = versions[-1] if versions else None
    status = event_status or {}
    for e in events:
        extra = f", {status[e.id]}" if e.id in status else ""
        index.add("event", e.id, f"{e.at.date().isoformat()}{extra}: {e.summary or e.kind}", e)
    if controls is not None:
        for c in controls.entries:
            index.add("control", c.fact, fact_name(c.fact, latest), c)
    for ob, readings in (counting_points or {}).items():
        for cp in readings:
            index.add("counting-point", f"{ob}:{cp.name}", f"{ob}, counted from {cp.name}", cp)
    order = {kind: i for i, kind in enumerate(KINDS)}
    registered: dict[str, Source] = {}
    for p in versions:
        for s in p.sources:
            registered.setdefault(s.tag, attrs.evolve(s, point=None))
    others = sorted(set(index.sources) - set(registered), key=_natural)
    entries = []
    for tag in [*registered, *others]:
        s = registered.get(tag) or index.sources[tag]
        uses = index.uses.get(tag, {}).values()
        ranked = sorted(enumerate(uses), key=lambda iu: (order.get(iu[1].kind, len(order)), iu[0]))
        entries.append(
            SourceEntry(
                tag=s.tag,
                publisher=s.outlet,
                title=s.title,
                date=s.date,
                approximate_date=s.approximate_date,
                address=s.url,
                caveats=reliability(s, caveats),
                note=s.note,
                supports=tuple(u for _, u in ranked),
            )
        )
    return SourceRegister(tuple(entries))


def _natural(tag: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key that puts ``R2`` before ``R10``."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", tag) if p)
