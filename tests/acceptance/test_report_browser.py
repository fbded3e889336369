"""The HTML report in a real headless browser (Debian's chromium driven by Playwright): every
section visible, a click on a claim opens its article with the evidence highlighted, hostile
article text runs nothing, and the page makes no network request."""
from __future__ import annotations

from pathlib import Path

from browserkit import BROWSER_MARKS, browser  # noqa: F401  (the browser fixture)

from dossier_fixture import analysed
from rashomon.report import write_reports

SECTIONS = ["overview", "contested", "summary", "corroborated", "matrix", "numbers", "timeline", "framing", "articles"]

pytestmark = BROWSER_MARKS



def _open(browser, path: Path, width: int = 1366):
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    url = path.resolve().as_uri()
    page.goto(url)
    page.wait_for_load_state("load")
    return page, url, requests, errors


def _check_page(page, url, requests, errors, dossier):
    for sec in SECTIONS:
        loc = page.locator(f"section#{sec}")
        if sec == "summary" and not dossier.summary:
            continue
        assert loc.count() == 1, sec
        loc.scroll_into_view_if_needed()
        assert loc.is_visible(), sec
    # click the first claim quote: its article opens with the span marked
    claim = dossier.claims[0]
    # (the first one shown: quotes inside closed details, such as a dispute's history, are a click further)
    link = page.locator(f'a.ev[data-a="{claim.article}"][data-s="{claim.start}"][data-e="{claim.end}"]').locator("visible=true").first
    assert link.count() == 1, "every claim of the first cluster is clickable somewhere"
    link.click()
    mark = page.locator(f"#art-{claim.article} mark")
    mark.wait_for(state="visible")
    mark.scroll_into_view_if_needed()  # cards are content-visibility: auto; offscreen text reads as ''
    assert mark.inner_text() == claim.text
    assert page.locator(f"#art-{claim.article}").get_attribute("open") is not None
    assert not errors, errors
    assert all(u == url or u.startswith(("about:", "data:")) for u in requests), requests


def test_fixture_report_sections_click_through_and_no_script_from_articles(browser, tmp_path):
    d = analysed(hostile=True)
    path = write_reports(d, tmp_path, {"html"})[0]
    page, url, requests, errors = _open(browser, path)
    _check_page(page, url, requests, errors, d)
    # open the hostile article: its markup shows as text and runs nothing
    page.locator("#art-blog > summary").click()
    body = page.locator('[data-body="blog"][data-rendered="1"]')  # rendered by the details' toggle event, which fires after the click
    body.wait_for(state="visible")
    assert "<script>window.__pwned = 1</script>" in body.inner_text()
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator('[data-body="blog"] img').count() == 0
    # the removed furniture is viewable
    if page.locator("#art-harbor").get_attribute("open") is None:
        page.locator("#art-harbor > summary").click()
    page.locator("#art-harbor details.removed > summary").click()
    assert "Subscribe to our newsletter" in page.locator("#art-harbor .removed-list").inner_text()
    page.close()


def test_kursk_report_in_the_browser(browser, kursk_dossier, tmp_path):
    assert kursk_dossier.claims, "the seed articles always make claims"
    path = write_reports(kursk_dossier, tmp_path, {"html"})[0]
    page, url, requests, errors = _open(browser, path)
    _check_page(page, url, requests, errors, kursk_dossier)
    page.close()
    phone, url, requests, errors = _open(browser, path, width=390)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"the page scrolls sideways on a phone ({width}px)"
    assert not errors and all(u == url or u.startswith(("about:", "data:")) for u in requests)
    phone.close()
