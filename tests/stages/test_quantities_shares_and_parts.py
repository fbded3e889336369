"""Fractions written in words: ordinals used as adjectives and 'half' idioms are not shares;
'N of the M nouns' is tagged as a part of a total; a poll share is about its holder."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def quantities(run_article):
    def run(text):
        st = run_article(text, published="2015-02-10", until="quantities")
        for q in st.ann.quantities:
            assert text[q.start:q.end] == q.text
        return st.ann.quantities
    return run


def fractions(qs):
    return [(q.text, q.value) for q in qs if q.unit == "fraction"]


def test_ordinal_adjectives_are_not_fractions(quantities):
    qs = quantities("The mayor is seeking a fifth term, and a second round of talks opens after the third time "
                    "the deal collapsed.")
    assert fractions(qs) == []


def test_word_fractions_with_of_or_a_numerator_are_shares(quantities):
    qs = quantities("One-fifth of the budget goes to schools. Three-quarters of the tenants signed. "
                    "Half of the seats were empty.")
    got = dict(fractions(qs))
    assert got == {"One-fifth": pytest.approx(0.2), "Three-quarters": pytest.approx(0.75), "Half": 0.5}


def test_half_in_compounds_and_idioms_is_not_a_quantity(quantities):
    qs = quantities("The offer was too clever by half, a half-hearted gesture from his half-sister at halftime.")
    assert fractions(qs) == []


def test_by_half_after_a_verb_of_change_is_a_share(quantities):
    qs = quantities("The district cut its staff by half last year.")
    assert fractions(qs) == [("half", 0.5)]


def test_n_of_the_m_is_a_part_of_a_total(quantities):
    qs = quantities("Nine of the 12 jurors voted to convict.")
    part = next(q for q in qs if q.value == 9)
    assert "r:part" in part.about_keys and "t:12.0" in part.about_keys
    assert part.about.startswith("part of 12")


def test_plain_count_is_not_a_part(quantities):
    qs = quantities("The 12 jurors voted to convict.")
    q = next(q for q in qs if q.value == 12)
    assert "r:part" not in q.about_keys


def test_poll_share_is_about_its_holder_not_the_leader(quantities):
    qs = quantities("Senator Ada Park leads the field, with Tom Reyes at 14 percent.")
    q = next(q for q in qs if q.unit == "%")
    assert q.about == "Tom Reyes share"
    assert "s:reyes" in q.about_keys and "s:park" not in q.about_keys


def test_share_gotten_by_a_candidate_is_about_the_candidate(quantities):
    qs = quantities("In the new survey, Tom Reyes got 14 percent.")
    q = next(q for q in qs if q.unit == "%")
    assert q.about == "Tom Reyes share"
