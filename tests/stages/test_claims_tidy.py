"""Claim clean-up: no duplicates or overlaps, no fragments, no datelines, no dangling "but".
Sentences written for these tests."""
from __future__ import annotations


def _claims(run_article, text):
    return run_article(text, published="2012-03-04").ann.claims


def test_no_two_claims_share_or_cross_a_span(run_article):
    text = ("The governor signed the bill on Friday, and the senate leader called it a disgrace, "
            "but aides said the fight was over. \u201cWe move on,\u201d one aide said. "
            "Opponents vowed to sue, saying the law would not survive a court challenge.")
    claims = sorted(_claims(run_article, text), key=lambda c: (c.start, c.end))
    spans = [(c.start, c.end) for c in claims]
    assert len(claims) >= 2
    assert len(spans) == len(set(spans))
    for a, b in zip(claims, claims[1:]):
        assert b.start >= a.end or b.end <= a.end, (a.text, b.text)  # disjoint or nested
    for c in claims:
        assert text[c.start:c.end] == c.text


def test_dateline_is_not_part_of_a_claim(run_article):
    text = "RIVERTON, March 3 (Reuters) - Flood waters rose across the valley on Friday as the dam held."
    claims = _claims(run_article, text)
    assert claims and claims[0].text.startswith("Flood waters")


def test_claim_does_not_end_in_a_dangling_but(run_article):
    text = ("The mayor had promised a new library for the east side of the city, but "
            "the money went to road repairs instead.")
    claims = _claims(run_article, text)
    assert claims
    for c in claims:
        assert not c.text.rstrip(" ,").endswith(" but"), c.text


def test_fragments_are_not_claims_but_short_sentences_are(run_article):
    text = "\u201cThe plan is dead. We will not revive it. Nobody wants it,\u201d Ortiz told reporters."
    claims = _claims(run_article, text)
    assert any(c.text.startswith("Nobody wants it") for c in claims)
    assert all(len(c.text.split()) >= 3 for c in claims)
    assert {c.attribution for c in claims} == {claims[0].attribution} and claims[0].attribution


def test_claims_of_a_long_quote_all_carry_the_speaker(run_article):
    text = ("Rep. Nina Castle said: \u201cThe schools need money now. The teachers have waited three years. "
            "We will vote no on any budget that ignores them.\u201d The vote is on Monday.")
    claims = _claims(run_article, text)
    quoted = [c for c in claims if "teachers" in c.text or "vote no" in c.text]
    assert quoted and all(c.speaker and "Castle" in c.speaker.name for c in quoted)
    assert [c for c in claims if c.text.startswith("The vote is")][0].speaker is None
