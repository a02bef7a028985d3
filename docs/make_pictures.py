"""Make the README's pictures: ``docs/report.png`` (the HTML report in headless Chromium, top
of the page), ``docs/site.png`` (the tracker site's index, top of the page) and
``docs/exchange.png`` (a plot, saved as a reader would save it: at 1200x800 pixels by
``gazaplan.desk.plots.save``).

Run from the project's root, with the dev install and Debian's chromium::

    .venv/bin/python docs/make_pictures.py
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")

import gazaplan as gp
from gazaplan.desk.htmlreport import write_html_report
from gazaplan.desk.plots import save

HERE = Path(__file__).resolve().parent
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def plot_picture(path: Path) -> None:
    save(gp.plot_exchange(gp.plan(), gp.timeline()), path, size="large")


def report_picture(path: Path) -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("needs Debian's chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        write_html_report(gp.plan_versions(), gp.timeline(), page_file)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
            page = browser.new_page(viewport={"width": 1100, "height": 1000})
            page.goto(page_file.as_uri())
            page.screenshot(path=str(path))
            browser.close()


def site_picture(path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from gazaplan.desk.site import write_site

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("needs Debian's chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        site = write_site(gp.plan_versions(), gp.dataset(), Path(tmp) / "site", plots=False)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
            page = browser.new_page(viewport={"width": 1100, "height": 1000})
            page.goto((site.directory / "index.html").as_uri())
            page.screenshot(path=str(path))
            browser.close()


if __name__ == "__main__":
    plot_picture(HERE / "exchange.png")
    report_picture(HERE / "report.png")
    site_picture(HERE / "site.png")
    print("wrote docs/exchange.png, docs/report.png and docs/site.png")
