"""Headless Chromium for the browser tests: Debian's ``chromium``, driven by Playwright.

Locally a test is skipped when Chromium is not installed; under CI (``CI`` set) a missing
browser is a failure: ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import shutil

import pytest

__all__ = ["CHROMIUM", "FLAGS", "need_chromium"]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""No network of its own: no updates, sync or background requests to mistake for the page's."""


def need_chromium() -> str:
    """The browser's path; skips the test without it (fails it under CI)."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is not installed; .ci/run installs Debian's chromium package")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return CHROMIUM
