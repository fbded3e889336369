"""The seed report in a real headless browser (Debian's chromium driven by Playwright): the
contested section shows the disputes first, one card each with its question and positions;
each position opens to its history with evidence that opens the article at the quoted span;
the pairwise relations behind a dispute are one click away."""
from __future__ import annotations


from browserkit import BROWSER_MARKS, browser  # noqa: F401  (the browser fixture)

from rashomon.report import write_reports


pytestmark = BROWSER_MARKS



def test_seed_report_shows_disputes_first_each_expandable_to_positions_and_evidence(browser, kursk_dossier, tmp_path):
    d = kursk_dossier
    assert d.disputes, "the seed articles hold disputes"
    assert 1 <= len(d.disputes) <= 6
    path = write_reports(d, tmp_path, {"html"})[0]
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")

    section = page.locator("section#contested")
    # the disputes come first: every dispute card precedes every pairwise contradiction
    kinds = section.evaluate("s => Array.from(s.querySelectorAll('article.dispute, article.contest, details.allpairs'))"
                             ".filter(e => !e.closest('article.dispute') || e.matches('article.dispute')).map(e => e.className)")
    assert kinds[: len(d.disputes)] == ["dispute"] * len(d.disputes)
    cards = section.locator("article.dispute")
    assert cards.count() == len(d.disputes)

    texts = {a.id: a.text for a in d.articles}
    for i, dp in enumerate(d.disputes):
        card = cards.nth(i)
        card.scroll_into_view_if_needed()
        assert card.locator(".question").inner_text() == dp.question
        positions = card.locator(".position")
        assert positions.count() == len(dp.positions) >= 2
        for j, p in enumerate(dp.positions):
            pos = positions.nth(j)
            assert pos.locator(".plabel").inner_text() == p.label
            steps = pos.locator("ol.history li")
            assert not steps.first.is_visible()
            pos.locator("details.pos-evidence > summary").click()
            assert steps.count() == len(p.history)
            assert steps.first.is_visible()
        # the evidence of the first position's first step opens its article at the span
        first = dp.positions[0].history[0].evidence
        card.locator("details.pos-evidence").first.locator("a.ev").first.click()
        mark = page.locator(f"#art-{first.article} mark")
        mark.wait_for(state="visible")
        mark.scroll_into_view_if_needed()  # cards are content-visibility: auto; offscreen text reads as ''
        assert mark.inner_text() == texts[first.article][first.start:first.end] == first.text
        # the pairwise relations are one click away
        card.scroll_into_view_if_needed()
        pairs = card.locator("details.pairs")
        assert not pairs.locator("article.contest").first.is_visible()
        pairs.locator("summary").click()
        assert pairs.locator("article.contest").count() == len(dp.relations)
        assert pairs.locator("article.contest").first.is_visible()
    assert not errors, errors
    page.close()
