"""The tracker site, read as files: every page well formed and self-contained, every internal
link resolving, the index's figures equal to ``gazaplan status --json``, each page's numbers
equal to the library's, the downloads valid, and the folder written whole or not at all."""

from __future__ import annotations

import json
import re
import sqlite3
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gazaplan as gp
import gazaplan.strategies as gst
from gazaplan.desk import site as site_module
from gazaplan.desk.site import MANIFEST, POLICY, Site, write_site
from gazaplan.exceptions import GazaplanError, InvalidValueError, UnknownVersionError
from gazaplan.time.datasets import Dataset
from gazaplan.whatif.releases import release_notes

from ..support.cli import run, run_json
from ..support.htmlcheck import Checker

VERSIONS = gp.plan_versions()
DATASET = gp.dataset()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return write_site(VERSIONS, DATASET, tmp_path_factory.mktemp("site") / "out", plots=False)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.rows: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if "id" in found:
            self.ids.add(found["id"])
        if tag == "a" and "href" in found:
            self.hrefs.append(found["href"])
        if tag == "tr" and "data-figure" in found:
            self.rows.append(found)


def _read(path: Path) -> _Links:
    links = _Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def test_the_site_has_a_page_for_every_point_obligation_party_phase_and_release(
    built: Site,
) -> None:
    plan = gp.plan(at=DATASET.latest.as_of)
    pages = set(built.pages)
    assert built.pages[0] == "index.html"
    assert {f"points/{p.number}.html" for p in plan.provisions} <= pages
    assert {f"parties/{p.id}.html" for p in plan.parties} <= pages
    assert {f"phases/{p.id}.html" for p in plan.phases} <= pages
    assert {f"releases/{r.version}.html" for r in DATASET.releases} <= pages
    comp = gp.compliance(VERSIONS, DATASET.timeline(), at=DATASET.latest.as_of)
    assert {f"obligations/{c.obligation.id}.html" for c in comp.items} <= pages
    for name in ("timeline.html", "sources.html", "downloads.html", "charts.html"):
        assert name in pages
    manifest = json.loads((built.directory / MANIFEST).read_text())
    assert manifest["pages"] == list(built.pages)
    on_disk = sorted(str(p.relative_to(built.directory)) for p in built.directory.rglob("*")
                     if p.is_file())  # fmt: skip
    assert on_disk == sorted(manifest["files"])  # the manifest names every file, no more


def test_every_page_is_well_formed_self_contained_and_under_the_policy(built: Site) -> None:
    for name in built.pages:
        text = (built.directory / name).read_text(encoding="utf-8")
        checker = Checker()
        checker.feed(text)
        checker.close()
        assert checker.errors == [], name
        assert checker.fetches == [], name  # no image, script, style or frame fetched
        assert f'content="{POLICY}"' in text, name
        assert "default-src 'none'" in POLICY
        assert re.search(r"<script[^>]*\bsrc=", text) is None


def _broken_links(site: Site) -> tuple[list[tuple[str, str]], int]:
    """Each internal link of the site that names no file or no anchor, and how many were read."""
    parsed = {name: _read(site.directory / name) for name in site.pages}
    root = site.directory.resolve()
    broken: list[tuple[str, str]] = []
    checked = 0
    for name, links in parsed.items():
        for href in links.hrefs:
            if re.match(r"(?i)^[a-z][a-z0-9+.-]*:", href):
                if not href.startswith(("http://", "https://")):
                    broken.append((name, href))
                continue  # a source's address: the reader's to follow, never fetched
            path, _, anchor = href.partition("#")
            target = (site.directory / name).parent / path if path else site.directory / name
            target = target.resolve()
            checked += 1
            if not target.is_relative_to(root) or not target.exists():
                broken.append((name, href))
                continue
            page = parsed.get(str(target.relative_to(root)))
            if anchor and (page is None or anchor not in page.ids):
                broken.append((name, href))
    return broken, checked


def test_every_internal_link_resolves_to_a_file_and_its_anchor(built: Site) -> None:
    broken, checked = _broken_links(built)
    assert broken == []
    assert checked > 2000


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dataset=gst.datasets(max_size=6), data=st.data())
def test_any_dataset_gives_a_site_whose_figures_are_its_status(
    tmp_path_factory: pytest.TempPathFactory, dataset: Dataset, data: st.DataObject
) -> None:
    plan = gp.plan("2025-09-29")
    release = data.draw(st.sampled_from(dataset.releases))
    site = write_site(plan, dataset, tmp_path_factory.mktemp("drawn") / "s", release=release.version,
                      plots=False)  # fmt: skip
    status = gp.status(plan, dataset.timeline(release.version), at=release.as_of).to_dict()
    rows = {r["data-figure"]: r["data-value"] for r in _read(site.directory / "index.html").rows}
    assert int(rows["obligations"]) == status["obligations"]
    assert int(rows["unknown"]) == status["unknown"]
    counts = {k.removeprefix("counts."): int(v) for k, v in rows.items() if k.startswith("counts.")}
    assert counts == status["counts"]
    assert rows["phase"] == (status["phase"] or "")
    shown = [r.version for r in dataset.releases if r.version <= release.version]
    assert [p for p in site.pages if p.startswith("releases/")] == [
        f"releases/{v}.html" for v in shown
    ]
    for name in site.pages:  # whatever the drawn texts hold, every page is well formed
        checker = Checker()
        checker.feed((site.directory / name).read_text(encoding="utf-8"))
        checker.close()
        assert checker.errors == [], name
    assert _broken_links(site)[0] == []


def test_the_index_figures_equal_gazaplan_status_json(built: Site) -> None:
    code, status = run_json("status")
    assert code == 0
    rows = {r["data-figure"]: r["data-value"] for r in _read(built.directory / "index.html").rows}
    assert rows["phase"] == status["phase"]
    assert rows["since"] == status["since"][:10]
    assert rows["next"] == status["next"]
    assert rows["next_verdict"] == status["next_verdict"]
    assert rows["vetoes"].split() == status["vetoes"]
    assert rows["possible_vetoes"].split() == status["possible_vetoes"]
    assert int(rows["obligations"]) == status["obligations"]
    assert int(rows["unknown"]) == status["unknown"]
    counts = {k.removeprefix("counts."): int(v) for k, v in rows.items() if k.startswith("counts.")}
    assert counts == status["counts"]
    stored = json.loads((built.directory / "downloads" / "status.json").read_text())
    assert {k: v for k, v in stored.items() if k != "command"} == {
        k: v for k, v in status.items() if k not in ("command", "at_read")
    }


def test_the_index_groups_every_obligation_once_under_its_status(built: Site) -> None:
    text = (built.directory / "index.html").read_text(encoding="utf-8")
    comp = gp.compliance(VERSIONS, DATASET.timeline(), at=DATASET.latest.as_of)
    for status, n in gp.status(VERSIONS, DATASET.timeline()).counts.items():
        slug = "status-" + re.sub(r"[^a-z0-9]+", "-", status).strip("-")
        heading = re.search(rf'<h3 id="{slug}">[^<]*\((\d+)\)</h3>', text)
        assert heading is not None, status
        assert int(heading.group(1)) == n, status
    linked = re.findall(r'href="obligations/([^"]+)\.html"', text.split('id="positions"')[0])
    assert sorted(linked) == sorted(c.obligation.id for c in comp.items)


def test_an_obligation_page_shows_every_period_of_its_judgement(built: Site) -> None:
    comp = gp.compliance(VERSIONS, DATASET.timeline(), at=DATASET.latest.as_of)
    rafah = comp["p8-open-rafah"]
    text = (built.directory / "obligations" / "p8-open-rafah.html").read_text(encoding="utf-8")
    table = text.split("<h2>Over time")[1].split("</table>")[0]
    statuses = re.findall(r'<td data-label="status"><span class="b [a-z]+">([^<]+)</span>', table)
    assert statuses == [str(p.status) for p in rafah.periods]
    assert text.count("<rect ") >= len(rafah.periods)  # a band per period in the drawing
    for p in rafah.periods:
        for event in p.events:
            assert f'href="../timeline.html#event-{event}"' in text


def test_a_release_page_lists_what_changed_since_the_one_before(built: Site) -> None:
    old, new = (r.version for r in DATASET.releases[-2:])
    plan = gp.plan(at=DATASET.release(new).as_of)
    notes = release_notes(DATASET, old, new, plan=plan)
    text = (built.directory / "releases" / f"{new}.html").read_text(encoding="utf-8")
    assert "What changed since" in text
    assert f"{old}.html" in text
    assert f"Verdicts and statuses that changed ({len(notes.changes)})" in text
    assert f"Entries added ({len(notes.added)})" in text
    assert f"Entries corrected ({len(notes.corrected)})" in text
    first = (built.directory / "releases" / f"{DATASET.releases[0].version}.html").read_text()
    assert "The first release" in first


def test_the_filtered_timelines_partition_the_events(built: Site) -> None:
    total = len(DATASET.timeline())
    events = {"kind": 0, "month": 0}
    for name in built.pages:
        if not name.startswith("timeline/"):
            continue
        n = (built.directory / name).read_text(encoding="utf-8").count('<tr id="event-')
        key = "kind" if name.startswith("timeline/kind-") else "month"
        if not name.startswith("timeline/party-"):
            events[key] += n
    assert events == {"kind": total, "month": total}  # each event once by kind, once by month
    whole = (built.directory / "timeline.html").read_text(encoding="utf-8")
    assert whole.count('<tr id="event-') == total
    hamas = (built.directory / "timeline" / "party-hamas.html").read_text(encoding="utf-8")
    assert 0 < hamas.count('<tr id="event-') < total


def test_the_downloads_are_valid_and_hold_the_same_tables(built: Site) -> None:
    frictionless = pytest.importorskip("frictionless")
    descriptor = built.directory / "downloads" / "csv" / "datapackage.json"
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    names = {r["name"] for r in json.loads(descriptor.read_text())["resources"]}
    with sqlite3.connect(built.directory / "downloads" / "gazaplan.db") as db:
        tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        obligations = db.execute("SELECT count(*) FROM compliance").fetchone()[0]
    assert names <= tables
    comp = gp.compliance(VERSIONS, DATASET.timeline(), at=DATASET.latest.as_of)
    assert obligations == len(comp.items)
    assert (built.directory / "downloads" / "gazaplan.metadata.json").exists()


def test_an_earlier_release_is_shown_as_it_was(tmp_path: Path) -> None:
    first = DATASET.releases[0]
    site = write_site(VERSIONS, DATASET, tmp_path / "may", release=first.version, plots=False)
    assert site.release == first.version
    assert site.data_as_of == first.as_of
    assert f"releases/{DATASET.latest.version}.html" not in site.pages
    code, status = run_json("status", "--release", first.version)
    rows = {r["data-figure"]: r["data-value"] for r in _read(site.directory / "index.html").rows}
    assert code == 0
    assert int(rows["unknown"]) == status["unknown"]
    assert rows["phase"] == (status["phase"] or "")


def test_a_folder_holding_other_files_is_refused_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    with pytest.raises(InvalidValueError, match=r"notes\.txt.*--force"):
        write_site(VERSIONS, DATASET, target, plots=False)
    assert (target / "notes.txt").read_text() == "mine"  # untouched
    write_site(VERSIONS, DATASET, target, plots=False, force=True)
    assert not (target / "notes.txt").exists()
    assert (target / "index.html").exists()
    write_site(VERSIONS, DATASET, target, plots=False)  # an earlier build is replaced
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "out"]
    assert leftovers == []  # no temporary folder left beside it


def test_a_failed_build_leaves_the_earlier_site_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out"
    write_site(VERSIONS, DATASET, target, plots=False)
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}

    def broken(*_: Any) -> list[str]:
        raise OSError("disk full")

    monkeypatch.setattr(site_module, "_write_downloads", broken)
    with pytest.raises(OSError, match="disk full"):
        write_site(VERSIONS, DATASET, target, plots=False)
    assert {p: p.read_bytes() for p in target.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_bad_targets_and_releases_get_located_errors(tmp_path: Path) -> None:
    afile = tmp_path / "file"
    afile.write_text("x")
    with pytest.raises(InvalidValueError, match="is a file"):
        write_site(VERSIONS, DATASET, afile, plots=False)
    with pytest.raises(UnknownVersionError):
        write_site(VERSIONS, DATASET, tmp_path / "x", release="1999.01", plots=False)
    code, _, err = run("site", str(tmp_path / "y"), "--release", "1999.01")
    assert code == 2
    assert "--release" in err
    assert "2026.10" in err
    code, _, err = run("site", str(afile))
    assert code == 2
    assert "is a file" in err
    assert "Traceback" not in err
    assert issubclass(UnknownVersionError, GazaplanError)


def test_the_command_builds_the_site_and_says_where(tmp_path: Path) -> None:
    code, out, err = run("site", str(tmp_path / "t"), "--no-plots")
    assert code == 0, err
    assert "pages" in out
    assert str(tmp_path / "t" / "index.html") in out
    code, doc = run_json("site", str(tmp_path / "t"), "--no-plots")
    assert code == 0
    assert doc["release"] == DATASET.latest.version
    assert len(doc["pages"]) == len(json.loads((tmp_path / "t" / MANIFEST).read_text())["pages"])


def test_arguments_of_the_wrong_type_get_located_errors(tmp_path: Path) -> None:
    cases = [
        (("x", DATASET, tmp_path / "a"), "write_site(plans)"),
        ((VERSIONS, "d", tmp_path / "b"), "write_site(dataset)"),
        ((VERSIONS, DATASET, 3), "write_site(directory)"),
    ]
    for args, place in cases:
        with pytest.raises(InvalidValueError, match=re.escape(place)):
            write_site(*args, plots=False)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []  # nothing written
