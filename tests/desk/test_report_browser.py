"""The HTML report opened in headless Chromium (Debian's ``chromium``, driven by Playwright).

The page must render the verdicts and statuses the library computes, make no network request
of any kind (the report's own file is the only thing loaded) and log no error. A full-page
screenshot is kept in ``test-artifacts/`` for a person to look at. Locally the test is skipped
when Chromium is not installed; under CI (``CI`` set) a missing browser is a failure:
``.ci/run`` installs it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import gazaplan as gp
from gazaplan.core.words import verdict_words
from gazaplan.desk.htmlreport import write_html_report

from ..support.browser import FLAGS, need_chromium

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def chromium() -> str:
    return need_chromium()


def test_report_renders_verdicts_and_statuses_and_fetches_nothing(
    chromium: str, tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    plan, tl = gp.plan(), gp.timeline()
    report = gp.check_plan(plan, gp.replay(plan, tl))
    comp = gp.compliance(plan, tl)
    page_file = tmp_path / "report.html"
    write_html_report(plan, tl, page_file)
    url = page_file.as_uri()

    requests: list[str] = []
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")

        phase_rows = page.locator("#phases + table tbody tr").all_inner_texts()
        status_cells = page.locator("#compliance + table tbody tr td:first-child").all_inner_texts()
        svg_widths = [
            (box or {"width": 0})["width"]
            for box in (s.bounding_box() for s in page.locator("svg").all())
        ]
        body = page.inner_text("body")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        browser.close()

    assert requests == [url]  # the page itself, and nothing else
    assert problems == []
    assert len(phase_rows) == len(report.phases)
    for row, r in zip(phase_rows, report.phases, strict=True):
        cells = row.split("\t")
        assert cells[0] == r.phase.id
        assert cells[2:4] == [verdict_words(r.verdict), verdict_words(r.completion.verdict)]
    assert status_cells == [str(i.status) for i in comp.items]
    assert len(svg_widths) == 3
    assert all(w > 400 for w in svg_widths)  # the three plots are drawn at a readable size
    for source in ("WH", "R8", "R22"):
        assert source in body  # cited, and listed
    assert (ARTIFACTS / "report.png").stat().st_size > 50_000
