"""The stance head's refutation features and its dev-chosen factor on P(disagree), on bodies and
probabilities written for these tests (no encoder: embeddings are made up)."""
from __future__ import annotations

import numpy as np

from rashomon.link.relations.features import STANCE_NAMES, refutation_stats
from rashomon.link.relations.model import corrected_proba

HEAD = "Giant squid washed up on the beach at Porth Garan"
DENYING = ["Officials denied the reports that a giant squid washed up at Porth Garan.",
           "The photo that went viral is fake, a marine biologist said.",
           "The beach was busy with tourists on Sunday."]
AGREEING = ["A giant squid washed up on the beach at Porth Garan on Sunday.",
            "Marine biologists confirmed the animal was a giant squid.",
            "The beach was busy with tourists on Sunday."]


def _stats(sentences, sims):
    sims = np.asarray(sims, dtype=np.float32)
    return dict(zip(STANCE_NAMES[STANCE_NAMES.index("deny_top3"):], refutation_stats(HEAD, sentences, sims, np.argsort(-sims))))


def test_a_body_that_rebuts_the_headline_shows_rebuttal_cues_near_it():
    s = _stats(DENYING, [0.8, 0.5, 0.2])
    assert s["deny_top3"] >= 1
    assert s["ref_best"] >= 1
    assert s["ref_max_sim"] > 0.7
    assert 0.0 < s["ref_simw"] <= 1.0


def test_a_body_that_agrees_shows_none():
    s = _stats(AGREEING, [0.9, 0.6, 0.2])
    assert s["deny_top3"] == 0 and s["deny_body"] == 0
    assert s["ref_best"] == 0 and s["ref_max_sim"] == 0.0 and s["ref_simw"] == 0.0


def test_numbers_the_closest_sentences_contradict_are_flagged_but_shared_ones_are_not():
    head = "Flood kills 40 in the valley"
    sims = np.asarray([0.9, 0.3], dtype=np.float32)
    order = np.argsort(-sims)
    other = refutation_stats(head, ["The flood killed 12 people in the valley.", "Roads were closed."], sims, order)
    same = refutation_stats(head, ["The flood killed 40 people in the valley.", "Roads were closed."], sims, order)
    assert other[-1] == 1.0 and same[-1] == 0.0


def test_the_disagree_factor_moves_only_disagree_and_rows_stay_distributions():
    classes = ["agree", "disagree", "discuss", "unrelated"]
    p = np.array([[0.4, 0.2, 0.2, 0.2], [0.1, 0.1, 0.1, 0.7]])
    q = corrected_proba(p, classes, 1.0, 2.0)
    assert np.allclose(q.sum(axis=1), 1.0)
    assert q[0, 1] / q[0, 0] == 2 * p[0, 1] / p[0, 0]
    assert q[0, 2] / q[0, 0] == p[0, 2] / p[0, 0]
    r = corrected_proba(p, classes, 0.5)
    assert r[1, 3] / r[1, 0] == 2 * p[1, 3] / p[1, 0]
    assert np.allclose(corrected_proba(p, classes, 1.0), p)
    assert q is not p and p[0, 1] == 0.2


def test_the_dev_factor_favours_disagree_only_while_macro_f1_holds():
    from rashomon.train.stance import tune_disagree_scale

    class Fixed:
        classes_ = np.array(["agree", "disagree", "discuss", "unrelated"])

        def __init__(self, p):
            self.p = p

        def predict_proba(self, X):
            return self.p

    # two disagree rows the model ranks just under agree: a factor of 1.5 recovers them
    p = np.array([[0.45, 0.40, 0.1, 0.05], [0.45, 0.40, 0.1, 0.05], [0.8, 0.1, 0.05, 0.05], [0.1, 0.05, 0.8, 0.05]])
    scale, report = tune_disagree_scale(Fixed(p), None, ["disagree", "disagree", "agree", "discuss"], 1.0)
    assert scale > 1.0 and report[scale][1] == 1.0
    # no disagree row at all: nothing to gain, the smallest factor with the best macro-F1 wins
    scale, _ = tune_disagree_scale(Fixed(p), None, ["agree", "agree", "agree", "discuss"], 1.0)
    assert scale == 1.0
