"""The hand pair score (link/clusters.py) on claims parsed from sentences written for this test:
one proposition told in other words reaches the cluster cut even when a slot holds another common
noun ("a truck" / "a lorry"), a country speaks through its own ministry, or one telling names
extra context; a near miss that differs only in that slot (a minimal pair) stays below it
(link/minimal_pair.py). Each sentence is one narrated claim of its own article."""
from __future__ import annotations

import pytest

from rashomon.link.clusters import PairScorer, _params
from rashomon.link.pair_features import sentence_features
from rashomon.link.similarity import encode

PUBLISHED = "2024-03-06"

PARAPHRASES = {
    "another common noun for the thing": (
        "Customs officers seized a truck carrying the stolen paintings at the Velm crossing.",
        "At the Velm crossing, a lorry with the stolen paintings inside was seized by customs, police said."),
    "a country and its ministry": (
        "Norway summoned the ambassador over the fishing quota.",
        "The Norwegian Foreign Ministry summoned the ambassador over the fishing quota."),
}

NEAR_MISSES = {
    "another common noun, all else alike": (
        "Customs officers seized a truck carrying the stolen paintings at the Velm crossing.",
        "Customs officers seized a van carrying the stolen paintings at the Velm crossing."),
    "another country, all else alike": (
        "Norway summoned the ambassador over the fishing quota.",
        "Iceland summoned the ambassador over the fishing quota."),
}


@pytest.fixture(scope="module")
def score(run_article):
    texts = list(dict.fromkeys([t for p in PARAPHRASES.values() for t in p] + [t for p in NEAR_MISSES.values() for t in p]))
    feats = []
    for n, t in enumerate(texts):
        st = run_article(t, until="claims", article_id=f"m{n}", published=PUBLISHED)
        assert st.ann.claims, t
        claim = max(st.ann.claims, key=lambda c: c.end - c.start)
        f = sentence_features(t, [(e.text, lab) for e, lab in zip(st.ann.entities, st.ann.entity_labels)])
        f.proposition = claim.proposition
        feats.append(f)
    scorer = PairScorer(encode(texts), feats, [f"m{i}" for i in range(len(texts))], _params())
    row = {t: i for i, t in enumerate(texts)}
    return lambda a, b: scorer.score(row[a], row[b])


@pytest.fixture(scope="module")
def cut():
    return _params()["cluster"]


@pytest.mark.parametrize("what", sorted(PARAPHRASES))
def test_one_proposition_with_another_noun_or_voice_reaches_the_cut(score, cut, what):
    a, b = PARAPHRASES[what]
    assert score(a, b) >= cut, what


@pytest.mark.parametrize("what", sorted(NEAR_MISSES))
def test_a_minimal_pair_differing_in_one_slot_stays_below_the_cut(score, cut, what):
    a, b = NEAR_MISSES[what]
    assert score(a, b) < cut, what
