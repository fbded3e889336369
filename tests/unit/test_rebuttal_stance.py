"""Which claims reject what someone said (link/relations/stance.py), and the pair-score term that
keeps such a claim out of the cluster of the claim it rejects (link/clusters.py
``PairScorer.stance_term``). Sentences written for these tests; no model is loaded."""
from __future__ import annotations

import numpy as np

from rashomon.link.clusters import PairScorer, _params
from rashomon.link.features import ClaimFeatures
from rashomon.link.relations.stance import rejects


def test_a_rebuttal_sentence_a_said_denial_and_a_debunking_word_reject():
    assert rejects("The report that the Velt dam was opened without warning is categorically false.")
    assert rejects("The spokesman said he did not recall the governor saying anything like that.")
    assert rejects("The photo of the flooded square turned out to be a hoax.")
    assert rejects("Engineers have raised doubts about whether the dam was opened at all.")


def test_a_denial_cue_rejects_whatever_the_claim_says():
    assert rejects("the dam was opened on Sunday", cue="denied")
    assert not rejects("the dam was opened on Sunday", cue="said")


def test_a_plain_assertion_or_a_plain_negation_does_not_reject():
    assert not rejects("The Velt dam was opened without warning on Sunday night, the mayor said.")
    assert not rejects("The Velt dam was not opened on Sunday night.")


def _scorer(a: ClaimFeatures, b: ClaimFeatures) -> PairScorer:
    v = np.array([[1.0, 0.0], [1.0, 0.0]], dtype=np.float32)  # worded alike: cosine 1
    return PairScorer(v, [a, b], ["a1", "a2"], dict(_params(), rebuttal_penalty=0.3))


def test_a_claim_and_its_rebuttal_pay_the_stance_penalty():
    s = _scorer(ClaimFeatures(words=["dam", "opened"]), ClaimFeatures(words=["dam", "opened", "false"], rejects=True))
    assert s.stance_term(0, 1) == 0.3 and s.stance_term(1, 0) == 0.3


def test_a_negated_claim_sides_with_a_rebuttal_and_two_rebuttals_agree():
    negated = ClaimFeatures(words=["dam", "opened"], polarity="denied")
    rebuttal = ClaimFeatures(words=["dam", "opened", "false"], rejects=True)
    assert _scorer(negated, rebuttal).stance_term(0, 1) == 0.0
    assert _scorer(rebuttal, ClaimFeatures(words=["dam", "hoax"], rejects=True)).stance_term(0, 1) == 0.0


def test_the_stance_penalty_lowers_the_hand_score_by_its_size():
    plain, rebuttal = ClaimFeatures(words=["dam", "opened"]), ClaimFeatures(words=["dam", "opened"], rejects=True)
    v = np.array([[1.0, 0.0], [1.0, 0.0]], dtype=np.float32)
    with_pen = PairScorer(v, [plain, rebuttal], ["a1", "a2"], dict(_params(), rebuttal_penalty=0.3)).score(0, 1)
    without = PairScorer(v, [plain, rebuttal], ["a1", "a2"], dict(_params(), rebuttal_penalty=0.0)).score(0, 1)
    assert abs((without - with_pen) - 0.3) < 1e-6
