"""Take the README screenshot of the web app (`rashomon serve`) in headless Chromium.

    python docs/app_screenshot.py [--inputs examples/kursk] [--out docs/app.png]

Starts `rashomon serve` on a free loopback port with a throwaway workspace, adds the article
files of ``--inputs`` through ``POST /api/articles``, waits for the job, and shoots the page of
the largest event (the site's navigation above the event's dossier) at 1366 x 1100 px. Needs ``/usr/bin/chromium`` (Debian's ``chromium``) and Playwright.
"""
from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shoot(inputs: Path, out: Path) -> Path:
    from playwright.sync_api import sync_playwright

    token, port = secrets.token_urlsafe(12), free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "RASHOMON_TOKEN": token}
        proc = subprocess.Popen([sys.executable, "-m", "rashomon.cli", "serve", "--db", f"sqlite:///{tmp}/ws.db", "--port", str(port)],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(300):
                try:
                    if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in sorted(inputs.iterdir()) if p.is_file()]
            job = httpx.post(base + "/api/articles", files=files, headers={"Authorization": f"Bearer {token}"}, timeout=60).json()["job"]
            while httpx.get(f"{base}/api/jobs/{job}", timeout=10).json()["state"] not in ("done", "failed"):
                time.sleep(0.5)
            event = httpx.get(base + "/api/events", timeout=30).json()[0]["id"]
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page(viewport={"width": 1366, "height": 1100})
                page.emulate_media(color_scheme="light")
                page.goto(f"{base}/events/{event}")
                page.wait_for_load_state("load")
                out.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(out))
                browser.close()
        finally:
            proc.terminate()
            proc.wait(30)
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=Path, default=ROOT / "examples" / "kursk")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "app.png")
    a = ap.parse_args()
    print(f"wrote {shoot(a.inputs, a.out)}")
