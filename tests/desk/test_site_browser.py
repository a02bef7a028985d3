"""The tracker site in headless Chromium (Debian's ``chromium``, driven by Playwright).

Every page is opened from disk at 1280 and at 375 pixels wide: no console error, no request
outside the site's folder, no sideways scroll on the phone. An axe-core audit
(``axe-playwright-python``) at both widths, of every page at the top and the first and largest
page of each kind (``ALL_PAGES=1``: all of them), finds no serious or critical violation. The
index's figures are read off the rendered page and compared with ``gazaplan status --json``;
the timeline's filter is used with and without JavaScript. Screenshots of the index, an
obligation and the timeline at both widths are kept in ``test-artifacts/site/`` for a person to
look at. Without Chromium the tests are skipped locally and fail under CI (``.ci/run`` installs
it).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import gazaplan as gp
from gazaplan.desk.site import Site, write_site

from ..support.browser import FLAGS, need_chromium
from ..support.cli import run_json

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "site"
WIDTHS = (1280, 375)
LOOKED_AT = ("index.html", "obligations/p8-open-rafah.html", "timeline.html")


def audited(site: Site) -> set[str]:
    """The pages the audit reads: every page at the top, and in each folder (a kind of page:
    points, obligations, parties, ...) its first and its largest (the most rows to get wrong).
    The pages of one kind share their template; ``ALL_PAGES=1`` audits every page."""
    if os.environ.get("ALL_PAGES"):
        return set(site.pages)
    kinds: dict[str, list[str]] = {}
    for name in site.pages:
        kinds.setdefault(name.split("/")[0] if "/" in name else name, []).append(name)
    chosen = set()
    for names in kinds.values():
        chosen.add(names[0])
        chosen.add(max(names, key=lambda n: (site.directory / n).stat().st_size))
    return chosen


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    need_chromium()
    pytest.importorskip("matplotlib")  # the chart pages are drawn
    return write_site(gp.plan_versions(), gp.dataset(), tmp_path_factory.mktemp("site") / "out")


@pytest.fixture(scope="module")
def browser(site: Site) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=need_chromium(), args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_loads_cleanly_fetches_nothing_outside_and_fits_the_screen(
    site: Site, browser: Any, width: int
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    root = site.directory.resolve().as_uri() + "/"
    outside: list[tuple[str, str]] = []
    problems: list[tuple[str, str]] = []
    wide: list[tuple[str, int]] = []
    violations: list[tuple[str, int, str, str]] = []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    sample = audited(site)
    here = [""]  # the page being read, for the listeners
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.on("request", lambda r, at=here: outside.append((at[0], r.url))
            if not r.url.startswith(root) else None)  # fmt: skip
    page.on("console", lambda m, at=here: problems.append((at[0], m.text))
            if m.type == "error" else None)  # fmt: skip
    page.on("pageerror", lambda e, at=here: problems.append((at[0], str(e))))
    for name in site.pages:
        here[0] = name
        page.goto(root + name, wait_until="load")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide.append((name, scroll))
        if name in LOOKED_AT:
            shot = ARTIFACTS / f"{name.replace('/', '_').removesuffix('.html')}-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
        if name not in sample:
            continue
        found = axe.run(page).response["violations"]
        violations += [(name, width, v["id"], v["impact"]) for v in found
                       if v["impact"] in ("serious", "critical")]  # fmt: skip
    context.close()
    assert outside == []
    assert problems == []
    assert wide == []  # at 375 pixels no page scrolls sideways (nor at 1280)
    assert violations == []
    for name in LOOKED_AT:
        shot = ARTIFACTS / f"{name.replace('/', '_').removesuffix('.html')}-{width}.png"
        assert shot.stat().st_size > 20_000


def test_the_rendered_index_shows_the_figures_of_gazaplan_status(site: Site, browser: Any) -> None:
    code, status = run_json("status")
    assert code == 0
    page = browser.new_page()
    page.goto((site.directory / "index.html").resolve().as_uri())
    shown = {
        row.get_attribute("data-figure"): row.locator("td").inner_text()
        for row in page.locator("tr[data-figure]").all()
    }
    page.close()
    assert shown["obligations"] == str(status["obligations"])
    assert shown["unknown"] == str(status["unknown"])
    assert {k[7:]: int(v) for k, v in shown.items() if k.startswith("counts.")} == status["counts"]
    assert shown["phase"].startswith(status["phase"].replace("-", " "))
    assert shown["vetoes"].count(",") + shown["vetoes"].count(" and ") + 1 == len(status["vetoes"])


def test_the_timeline_filters_with_the_script_and_without_it(site: Site, browser: Any) -> None:
    total = len(gp.dataset().timeline())
    hamas = (site.directory / "timeline" / "party-hamas.html").read_text().count('<tr id="event-')
    url = (site.directory / "timeline.html").resolve().as_uri()
    page = browser.new_page()
    page.goto(url)
    assert page.locator("#filter").is_visible()
    assert page.locator("#shown").inner_text() == f"{total} of {total} events shown"
    page.select_option("#filter select[name=party]", "hamas")
    assert page.locator("#shown").inner_text() == f"{hamas} of {total} events shown"
    assert page.locator("#events tbody tr:visible").count() == hamas
    page.fill("#filter input[name=from]", "2026-01-01")
    later = page.locator("#events tbody tr:visible").count()
    assert 0 <= later <= hamas
    page.close()

    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(url)
    assert not plain.locator("#filter").is_visible()  # the form needs the script
    assert plain.locator("#events tbody tr:visible").count() == total
    plain.click("text=Hamas")  # the filtered pages do the job without it
    assert plain.url.endswith("timeline/party-hamas.html")
    assert plain.locator("#events tbody tr").count() == hamas
    context.close()


def test_the_audit_finds_a_violation_where_there_is_one(tmp_path: Path, browser: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<p style="color:#eee;background:#fff">faint</p></main></body></html>'
    )
    page = browser.new_page()
    page.goto(bad.as_uri())
    found = {v["id"] for v in Axe().run(page).response["violations"]}
    page.close()
    assert {"image-alt", "color-contrast"} <= found
