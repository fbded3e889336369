"""What the browser tests share: Debian's Chromium, the flags it needs on this closed network
(no background requests, no sandbox as root), the ``browser`` marks, and a module-scoped
Playwright browser.

Use in a test module::

    from browserkit import BROWSER_MARKS, browser  # noqa: F401  (a pytest fixture)
    pytestmark = BROWSER_MARKS
"""
from __future__ import annotations

import os

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium)"),
]


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium driven by Playwright, one per test module."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()
