"""Sources one step away in the HTML report: a "Sources" section with one anchored entry per
source, every ``#source-...`` link resolves, and every code the page cites is such a link."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from tests.support.htmlcheck import check_html

import gazaplan as gp
from gazaplan.desk._html import link_sources, source_anchor
from gazaplan.desk.htmlreport import write_html_report

CODE = re.compile(r"(?<![\w-])([A-Za-z][\w-]*)(?: \d{1,2})?(?![\w-])")
# Where a page cites: a text of codes alone (a cell), codes in brackets, a code opening a statement.
_ONE = r"[A-Za-z][\w-]*(?: \d{1,2})?"
_LIST = rf"\s*{_ONE}(?:\s*[;,]\s*{_ONE})*\s*"
CITATIONS = re.compile(rf"^{_LIST}$|\[{_LIST}\]|(?<![\w-])[A-Za-z][\w-]*(?=: )")
SKIPPED = {"svg", "style", "script", "title", "head"}


class Page(HTMLParser):
    """The ids, the links to sources (href, text) and the text outside links, SVG and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []
        self.loose: list[str] = []  # text not inside a link (nor SVG, styles)
        self.stack: list[str] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "a":
            self._href, self._text = a.get("href"), []
        if tag not in {"meta", "br", "hr", "img", "link", "input", "col", "wbr"}:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            if self._href.startswith("#source-"):
                self.links.append((self._href, "".join(self._text)))
            self._href = None
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if SKIPPED & set(self.stack):
            return
        if "a" in self.stack:
            self._text.append(data)
        else:
            self.loose.append(data)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Page]:
    path = tmp_path_factory.mktemp("report") / "report.html"
    write_html_report(gp.plan_versions(), gp.timeline(), path)
    markup = path.read_text(encoding="utf-8")
    check_html(markup)  # balanced, as the report always is
    parsed = Page()
    parsed.feed(markup)
    parsed.close()
    return markup, parsed


def test_the_sources_section_has_an_anchored_entry_per_source(page: tuple[str, Page]) -> None:
    markup, parsed = page
    section = markup[markup.index('<h2 id="sources">') :]
    entries = re.findall(r'<tr id="source-([^"]+)">', section)
    assert entries == [e.tag for e in gp.sources()]  # the bundled content's sources, in order
    wh = section[section.index('<tr id="source-WH">') :].split("</tr>", 1)[0]
    assert "White House" in wh
    assert "2025-09-29" in wh
    assert "none recorded" in wh
    r8 = section[section.index('<tr id="source-R8">') :].split("</tr>", 1)[0]
    assert '<a href="https://www.firstpost.com/' in r8  # the address, as a link
    assert "IDF to retain control over 53% of Gaza" in r8
    assert {f"source-{t}" for t in entries} <= parsed.ids


def test_every_source_link_resolves_to_its_entry(page: tuple[str, Page]) -> None:
    _, parsed = page
    assert len(parsed.links) > 500
    for href, text in parsed.links:
        assert href[1:] in parsed.ids, href
        assert href == f"#{source_anchor(text.split(' ')[0])}", (href, text)


def test_every_cited_code_is_a_link(page: tuple[str, Page]) -> None:
    _, parsed = page
    tags = set(gp.sources().tags)
    unlinked = [
        m.group(0)
        for text in parsed.loose
        for cited in CITATIONS.finditer(text)
        for m in CODE.finditer(cited.group(0))
        if m.group(1) in tags
    ]
    assert unlinked == []
    linked = {text.split(" ")[0] for _, text in parsed.links}
    assert {"WH", "FT", "R7", "TL-2026-07-31-4"} <= linked
    assert any(text == "WH 4" for _, text in parsed.links)  # a point cited with its tag


def test_a_users_own_source_gets_an_entry_and_its_links() -> None:
    plan = gp.plan()
    mine = gp.Source("MY-1", "My own reading", "a desk", url="https://example.org/mine")
    point = plan.provision(4)
    provisions = tuple(
        attrs.evolve(p, sources=(*p.sources, mine)) if p is point else p for p in plan.provisions
    )
    page = gp.html_report(attrs.evolve(plan, provisions=provisions), gp.timeline(), plots=False)
    assert '<tr id="source-MY-1">' in page
    assert '<a class="src" href="#source-MY-1">MY-1</a>' in page


def strip_links(markup: str) -> str:
    return re.sub(r'<a class="src" href="#[^"]*">(.*?)</a>', r"\1", markup)


_WORD = st.sampled_from(["WH", "WH 4", "R8", "R88", "x-R8", "R8-x", "FT", "the", "4", "<", "&"])
_TEXT = st.lists(_WORD, max_size=8).map(" ".join)
_MARKUP = st.lists(
    st.one_of(
        _TEXT.map(lambda s: s.replace("<", "&lt;").replace("&", "&amp;")),
        _TEXT.map(lambda s: f'<td title="{s.replace("<", "")}">'),
        st.just("</td>"),
        _TEXT.map(lambda s: f'<a href="https://example.org">{s.replace("<", "")}</a>'),
        _TEXT.map(lambda s: f"<svg><text>{s.replace('<', '')}</text></svg>"),
    ),
    max_size=6,
).map("".join)


@given(_MARKUP, st.sets(st.sampled_from(["WH", "R8", "FT", "R88"])))
def test_linking_only_wraps_codes_in_links(markup: str, tags: set[str]) -> None:
    linked = link_sources(markup, tags)
    assert strip_links(linked) == markup  # nothing else changes
    assert link_sources(linked, tags) == linked  # a code already linked stays as it is
    for m in re.finditer(r'<a class="src" href="#source-([^"]*)">(.*?)</a>', linked):
        assert m.group(1) in tags
        assert m.group(2).split(" ")[0] == m.group(1)


@pytest.mark.parametrize(
    ("markup", "linked"),
    [
        ("Let the UN, the Red Crescent and others in.", ()),
        ("Let the UN in [UN 8; WH 8].", ("UN 8", "WH 8")),
        ("<td>UN 8, WH</td>", ("UN 8", "WH")),
        ("UN: the crossings opened; as the UN said", ("UN",)),
        ("[the UN said]", ()),
    ],
)
def test_a_tag_that_is_a_word_is_linked_only_where_cited(
    markup: str, linked: tuple[str, ...]
) -> None:
    page = link_sources(markup, {"UN", "WH"})
    assert tuple(re.findall(r'<a class="src" href="#source-[^"]*">(.*?)</a>', page)) == linked
    assert strip_links(page) == markup


@given(st.text(min_size=1, max_size=20), st.text(min_size=1, max_size=20))
@example("a_20", "a ")
@example("a_20_", "a ")
def test_distinct_tags_have_distinct_anchors_without_spaces(a: str, b: str) -> None:
    assert (source_anchor(a) == source_anchor(b)) == (a == b)
    assert not re.search(r"\s", source_anchor(a))
    assert source_anchor(a).startswith("source-")


def test_the_report_links_the_codes_it_already_had(tmp_path: Path) -> None:
    # the anomalies' notes cite codes inside their prose: those are links too
    page = gp.html_report(gp.plan_versions(), gp.timeline(), plots=False)
    assert (
        '[<a class="src" href="#source-R7">R7</a>, <a class="src" href="#source-R12">R12</a>]'
        in (page)
    )
