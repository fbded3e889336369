"""Timeline: one entry per dated value, in order, linked to claims and articles, inferred dates
marked (fixture dossier written for these tests)."""
from __future__ import annotations

from dossier_fixture import make_dossier
from rashomon.analyse.timeline import shorten, timeline_of
from rashomon.models import TimeExpr


def test_entries_are_in_date_order_and_linked_to_claims_and_articles():
    tl = timeline_of(make_dossier())
    assert [e.date for e in tl] == ["2025-06-02", "2025-06-13"]
    clearing = tl[1]
    assert set(clearing.claims) == {"c0-1", "c1-1", "c2-3"}
    assert set(clearing.articles) == {"harbor", "herald", "portwire"}
    assert set(clearing.times) == {"t0-1", "t1-1", "t2-1"}


def test_a_date_only_resting_on_an_inferred_publication_date_is_marked_inferred():
    d = make_dossier()
    d.times = [t for t in d.times if t.id == "t1-1"]
    tl = timeline_of(d)
    assert len(tl) == 1 and tl[0].inferred
    d = make_dossier()
    tl = timeline_of(d)
    assert not tl[1].inferred, "one directly dated expression makes the entry direct"


def test_relative_time_in_an_article_with_an_inferred_date_is_inferred():
    d = make_dossier()
    herald = next(a for a in d.articles if a.id == "herald")
    s = herald.text.index("on Friday")
    d.times = [TimeExpr(id="tx", article="herald", text="on Friday", start=s, end=s + 9, value="2025-06-13", anchor="publication")]
    assert timeline_of(d)[0].inferred


def test_unresolved_times_and_durations_are_left_out_and_labels_fall_back_to_the_sentence():
    d = make_dossier()
    for c in d.claims:
        c.times = []
    for t in d.times:
        t.claim = None
    d.times.append(TimeExpr(id="td", article="harbor", text="two weeks", start=0, end=5, value="P2W", type="duration"))
    tl = timeline_of(d)
    assert all(e.date and not e.date.startswith("P") for e in tl)
    june2 = next(e for e in tl if e.date == "2025-06-02")
    assert "protest began on June 2" in june2.label and june2.claims == []


def test_shorten_cuts_at_a_word_boundary():
    assert shorten("one two three four", 10) == "one two…"
    assert shorten("short", 10) == "short"
