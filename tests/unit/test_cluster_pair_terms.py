"""Pieces of the hand claim-pair score (link/clusters.py) that need no model: which numbers are
one figure, and the cosine of the claims as told standing in for a proposition cut too short."""
from __future__ import annotations

import numpy as np

from rashomon.link.clusters import PairScorer, _params, _telling, same_figure
from rashomon.link.features import ClaimFeatures


def test_a_rounded_figure_is_the_same_figure_a_different_share_is_not():
    assert same_figure(11_000, 11_300) and same_figure(54, 54.24) and same_figure(54.08, 54.24)
    assert not same_figure(52.98, 54.24)  # 1.3 points of a vote share apart
    assert not same_figure(10_000, 11_300)  # a round 10,000 covers at most 5% of itself
    assert not same_figure(2_000, 20_000) and not same_figure(42, 7)


def _unit(*rows):
    v = np.array(rows, dtype=np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _scorer(told, margin):
    # what the claims assert is far apart (cosine 0); told in full they are alike (cosine 0.8)
    asserted = _unit([1.0, 0.0], [0.0, 1.0])
    feats = [ClaimFeatures(words=["airship"]), ClaimFeatures(words=["balloon"])]
    return PairScorer(asserted, feats, ["a1", "a2"], dict(_params(), told_cosine_margin=margin), told=told)


def test_the_claims_as_told_lift_the_cosine_less_the_margin():
    told = _unit([1.0, 0.0], [0.8, 0.6])
    without = _scorer(None, 0.1).score(0, 1)
    with_told = _scorer(told, 0.1).score(0, 1)
    w = _params()["w_cos"]
    assert abs((with_told - without) - w * (0.8 - 0.1)) < 1e-5


def test_a_margin_of_one_turns_the_told_cosine_off():
    told = _unit([1.0, 0.0], [0.8, 0.6])
    assert abs(_scorer(told, 1.0).score(0, 1) - _scorer(None, 1.0).score(0, 1)) < 1e-6


def _number_pair(a: set[float], b: set[float]) -> float:
    vecs = _unit([1.0, 0.0], [0.0, 1.0])
    feats = [ClaimFeatures(words=["x"], numbers=a), ClaimFeatures(words=["y"], numbers=b)]
    return PairScorer(vecs, feats, ["a1", "a2"], dict(_params(), number_share_bonus=0.1, number_share_min=10)).score(0, 1)


def test_a_shared_telling_figure_earns_the_bonus_a_shared_small_count_does_not():
    # two unrelated claims both saying "three" (people, days, ships) are no sign of one claim; 11,300 is
    assert _number_pair({11_300.0}, {11_300.0}) > _number_pair({3.0}, {3.0}) + 0.09
    assert _telling({13.0, 2.0, 54.24, 11_300.0, 0.5}, 10) == {13.0, 54.24, 11_300.0, 0.5}
    assert _telling({3.0, 9.0}, 10) == set()
