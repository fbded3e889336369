"""Two claims in other words state the same proposition (different verbs, voice, light verbs,
numbers written out); near misses do not (another place, date, agent, number, polarity, what a
thing is, a part and its whole, roles swapped). Each sentence is its own article."""
from __future__ import annotations

import pytest

from rashomon.link.proposition_match import KEYS, proposition_features, same_proposition

SAME = [
    ("Rebels shot down the jet.", "The jet was downed by rebels."),
    ("The strike killed 12 people in the town.", "Twelve people were killed in the town by the strike."),
    ("Ukrainian troops carried out an attack on the base.", "Ukrainian troops attacked the base."),
    ("Officials said the dam was destroyed by an explosion.", "An explosion demolished the dam, officials said."),
    ("Soldiers seized the airport on 4 March.", "The airport was captured by soldiers on March 4."),
    ("President Halvorsen signed the new law.", "The new law was signed by Maria Halvorsen."),
]
DIFFERENT = [
    ("Rebels shot down the jet over Donetsk.", "Rebels shot down the jet over Luhansk.", "place_conflict"),
    ("Rebels shot down the jet on Monday.", "Rebels shot down the jet on Tuesday.", "time_conflict"),
    ("Rebels shot down the jet.", "Government troops shot down the jet.", "agent_conflict"),
    ("Rebels shot down the jet.", "Rebels did not shoot down the jet.", "polarity_conflict"),
    ("The strike killed 12 people in the town.", "The strike killed 40 people in the town.", "quantity_conflict"),
    ("Rebels destroyed the bridge.", "Rebels destroyed a section of the bridge.", "patient_conflict"),
    ("The object is a weather airship.", "The object is a surveillance balloon.", "attribute_conflict"),
    ("The northern militia attacked the southern militia.", "The southern militia attacked the northern militia.", "roles_swapped"),
]


@pytest.fixture(scope="module")
def claim_of(run_article):
    cache = {}

    def get(text):
        if text not in cache:
            st = run_article(text, published="2024-03-06", article_id=f"m{len(cache)}")
            cache[text] = st.ann.claims[0]
        return cache[text]

    return get


@pytest.mark.parametrize("a,b", SAME)
def test_paraphrases_state_the_same_proposition(claim_of, a, b):
    ca, cb = claim_of(a), claim_of(b)
    f = proposition_features(ca, cb)
    assert f["predicate_match"] == 1.0, (ca.proposition.predicate.head, cb.proposition.predicate.head)
    assert same_proposition(ca, cb), {k: v for k, v in f.items() if v}


@pytest.mark.parametrize("a,b,why", DIFFERENT)
def test_near_misses_do_not_match_and_say_why(claim_of, a, b, why):
    ca, cb = claim_of(a), claim_of(b)
    f = proposition_features(ca, cb)
    assert f[why] == 1.0, {k: v for k, v in f.items() if v}
    assert not same_proposition(ca, cb)
    assert set(f) == set(KEYS)
