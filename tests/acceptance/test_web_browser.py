"""`rashomon serve` in a real headless browser (Debian's chromium driven by Playwright), ONE server
start on a free loopback port with a throwaway workspace: add the seed articles through the add
page (two dropped files and one pasted text), watch the progress bar finish, open the event, a
dispute, a claim's page with its highlighted evidence, search for a claim; every request the
browser makes stays on 127.0.0.1."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from browserkit import BROWSER_MARKS, browser  # noqa: F401  (the browser fixture)

ROOT = Path(__file__).resolve().parents[2]
KURSK = sorted((ROOT / "examples" / "kursk").glob("*.txt"))
TOKEN = "browser-test-token"

pytestmark = BROWSER_MARKS


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    db = tmp_path_factory.mktemp("serve") / "rashomon.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "RASHOMON_TOKEN": TOKEN}
    proc = subprocess.Popen([sys.executable, "-m", "rashomon.cli", "serve", "--db", f"sqlite:///{db}", "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if proc.poll() is not None:
                raise AssertionError(proc.stdout.read().decode(errors="replace"))
            try:
                if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(30)



def test_add_follow_open_dispute_claim_and_search_all_on_loopback(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))

    # add: two dropped/chosen files and one pasted article
    page.goto(server + "/add")
    page.fill("#token", TOKEN)
    page.set_input_files("#files", [str(p) for p in KURSK[:2]])
    assert page.locator("#picked li").count() == 2
    page.fill("#pasted", KURSK[2].read_text(encoding="utf-8"))
    page.click("#send")
    page.wait_for_selector("#job[data-state]", timeout=240_000)
    assert page.get_attribute("#job", "data-state") == "done", page.inner_text("#job")
    assert page.evaluate("document.getElementById('bar').value === document.getElementById('bar').max")
    assert page.inner_text("#jobcount") == "3 / 3"

    # the event, from the events list
    page.goto(server + "/")
    page.locator("a.event").first.click()
    page.wait_for_selector("section#contested")
    dispute = page.locator("article.dispute").first
    assert dispute.count() == 1, "the seed articles hold a dispute"
    dispute.locator("details.pos-evidence > summary").first.click()
    assert dispute.locator("ol.history li").first.is_visible()

    # a claim's page: its evidence marked in the article
    link = page.locator("a.claimpage").locator("visible=true").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(server + href)
    mark = page.locator("#evidence mark").first
    mark.wait_for(state="visible")
    words = [w for w in mark.inner_text().split() if len(w) > 6 and w.isalpha()]
    assert words, mark.inner_text()

    # search for that claim and open it from the hits
    page.goto(server + "/search")
    page.fill("input[name=q]", words[0])
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("ol.hits a.claim")
    page.locator("ol.hits a.claim").first.click()
    page.locator("#evidence mark").first.wait_for(state="visible")

    assert not errors, errors
    assert requests and all(u.startswith(server + "/") or u.startswith(("about:", "data:")) for u in requests), \
        [u for u in requests if not u.startswith(server)]
