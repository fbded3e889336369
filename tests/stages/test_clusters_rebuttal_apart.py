"""A claim and its own rebuttal, worded alike, stay out of one claim cluster (link/clusters.py
``PairScorer.stance_term``, link/relations/stance.py); a retelling of the claim, and a negated
claim next to the rebuttal (both reject the same thing), keep their scores. Sentences written for
this test, each one narrated claim of its own article, parsed by the per-article stages. The
penalty is off by default (measured, ``data/settings.yaml``); these tests turn it on."""
from __future__ import annotations

import pytest

from rashomon.link.clusters import PairScorer, _params
from rashomon.link.pair_features import sentence_features
from rashomon.link.similarity import encode

CLAIM = "Border guards caught ten armed smugglers crossing the Tarn river near Vell on Sunday."
RETOLD = "Ten armed smugglers were caught by border guards as they crossed the Tarn river near Vell on Sunday."
REBUTTAL = "The suggestion that border guards caught ten armed smugglers crossing the Tarn river near Vell on Sunday is categorically false."
NEGATED = "Border guards did not catch any armed smugglers crossing the Tarn river near Vell on Sunday."


@pytest.fixture(scope="module")
def scored(run_article):
    texts = [CLAIM, RETOLD, REBUTTAL, NEGATED]
    feats = []
    for n, t in enumerate(texts):
        st = run_article(t, until="claims", article_id=f"r{n}", published="2024-03-04")
        assert st.ann.claims, t
        claim = max(st.ann.claims, key=lambda c: c.end - c.start)
        f = sentence_features(t, [(e.text, lab) for e, lab in zip(st.ann.entities, st.ann.entity_labels)])
        f.proposition = claim.proposition
        feats.append(f)
    row = {t: i for i, t in enumerate(texts)}

    def score(a: str, b: str, penalty: float) -> float:
        scorer = PairScorer(encode(texts), feats, [f"r{i}" for i in range(len(texts))], dict(_params(), rebuttal_penalty=penalty))
        return scorer.score(row[a], row[b])
    return score


ON = 0.3  # clusters.rebuttal_penalty as measured (off by default: see data/settings.yaml)


def test_a_claim_and_its_rebuttal_worded_alike_stay_below_the_cut(scored):
    assert scored(CLAIM, REBUTTAL, ON) < _params()["cluster"]
    # the penalty is what keeps them apart: without it the shared words carry the pair higher
    assert scored(CLAIM, REBUTTAL, 0.0) - scored(CLAIM, REBUTTAL, ON) > 0.29


def test_a_retelling_of_the_claim_still_reaches_the_cut(scored):
    assert scored(CLAIM, RETOLD, ON) >= _params()["cluster"]


def test_a_negated_claim_next_to_the_rebuttal_pays_no_stance_penalty(scored):
    assert scored(NEGATED, REBUTTAL, ON) == pytest.approx(scored(NEGATED, REBUTTAL, 0.0))
