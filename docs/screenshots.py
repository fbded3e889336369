"""Take the README screenshots of a report in headless Chromium.

    python docs/screenshots.py REPORT.html [--out docs] [--full]

Writes ``report-desktop.png`` (1366 px wide) and ``report-phone.png`` (390 px wide) into
``--out``. Needs ``/usr/bin/chromium`` (Debian's ``chromium`` package) and Playwright.
"""
from __future__ import annotations

import argparse
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def shoot(report: Path, out: Path, full: bool = False, desktop_height: int = 2200, phone_height: int = 2400) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, width, height, scale in (("report-desktop.png", 1366, desktop_height, 1), ("report-phone.png", 390, phone_height, 2)):
            page = browser.new_page(viewport={"width": width, "height": 900}, device_scale_factor=scale)
            page.emulate_media(color_scheme="light")
            page.goto(report.resolve().as_uri())
            page.wait_for_load_state("load")
            path = out / name
            if full:
                page.screenshot(path=str(path), full_page=True)
            else:
                page.set_viewport_size({"width": width, "height": height})
                page.screenshot(path=str(path))
            written.append(path)
            page.close()
        browser.close()
    return written


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", type=Path)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    ap.add_argument("--full", action="store_true", help="the whole page instead of the first screens")
    a = ap.parse_args()
    for p in shoot(a.report, a.out, a.full):
        print(f"wrote {p}")
