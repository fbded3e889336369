"""Pair features of the learned claim matcher, its weight file, and the edits that make its
training pairs; on hand-made claim features and sentences (no model is loaded)."""
from __future__ import annotations

import math
import random
from importlib import resources

import numpy as np
import pytest

from rashomon.link.features import ClaimFeatures
from rashomon.link.matcher import MODEL_FILE, LearnedMatcher
from rashomon.link.pair_features import pair_features, text_day_keys, text_polarity
from rashomon.train.matcher_pairs import negate, surname_only, swap_day, _replace_entity


class View:
    """A batch of claim features with unit IDF weights (what ``pair_features`` reads)."""

    def __init__(self, feats):
        self.f = feats
        self.keys = [set(f.keys()) for f in feats]
        self.idf = {k: 1.0 for ks in self.keys for k in ks}
        self.rare_entities = [{k for k in ks if k.startswith("e:")} for ks in self.keys]


def test_a_different_count_is_a_number_conflict_and_a_close_one_is_shared():
    v = View([ClaimFeatures(words=["killed"], numbers={42.0}), ClaimFeatures(words=["killed"], numbers={7.0}),
              ClaimFeatures(words=["killed"], numbers={40.0}), ClaimFeatures(words=["killed"])])
    assert pair_features(v, 0, 1, 0.9)["number_conflict"] == 1.0
    close = pair_features(v, 0, 2, 0.9)
    assert close["number_conflict"] == 0.0 and close["number_shared"] == 1.0
    assert pair_features(v, 0, 3, 0.9)["number_one_side"] == 1.0


def test_a_surname_meets_the_full_name_and_another_name_conflicts():
    v = View([ClaimFeatures(words=["resigned"], entities={"ilse varga"}), ClaimFeatures(words=["resigned"], entities={"varga"}),
              ClaimFeatures(words=["resigned"], entities={"tomas kell"})])
    assert pair_features(v, 0, 1, 0.8)["entity_conflict"] == 0.0
    assert pair_features(v, 0, 2, 0.8)["entity_conflict"] == 1.0


def test_day_dates_conflict_but_a_month_alone_does_not():
    v = View([ClaimFeatures(dates={"2024-03-05"}), ClaimFeatures(dates={"2024-03-07"}), ClaimFeatures(dates={"2024-03"}),
              ClaimFeatures(dates={"tuesday"}), ClaimFeatures(dates={"thursday"})])
    assert pair_features(v, 0, 1, 0.8)["date_conflict"] == 1.0
    assert pair_features(v, 0, 2, 0.8)["date_conflict"] == 0.0
    assert pair_features(v, 3, 4, 0.8)["date_conflict"] == 1.0


def test_lexical_containment_is_high_for_a_short_claim_inside_a_long_one():
    v = View([ClaimFeatures(words=["bridge", "collapsed"]),
              ClaimFeatures(words=["bridge", "collapsed", "storm", "village", "road", "closed"])])
    f = pair_features(v, 0, 1, 0.7)
    assert f["lexical_containment"] == 1.0
    assert f["lexical_jaccard"] == pytest.approx(2 / 6)
    assert f["length_ratio"] == pytest.approx(2 / 6)


def test_extra_features_are_merged_in():
    v = View([ClaimFeatures(words=["a1"]), ClaimFeatures(words=["a1"])])
    assert pair_features(v, 0, 1, 0.5, extra=lambda i, j: {"same_predicate": 1.0})["same_predicate"] == 1.0


def test_negation_tokens_and_day_names_of_a_plain_sentence():
    assert text_polarity("The dam did not collapse.") == "denied"
    assert text_polarity("The dam collapsed.") == "asserted"
    assert text_day_keys("The vote is on March 5th, a Tuesday.") == {"mar 5", "tuesday"}


def test_the_matcher_folds_the_standardisation_into_its_weights():
    m = LearnedMatcher({"names": ["cosine", "number_conflict"], "mean": [0.5, 0.2], "scale": [0.25, 0.4],
                        "coef": [2.0, -1.0], "intercept": 0.3})
    x = {"cosine": 0.9, "number_conflict": 1.0}
    z = 0.3 + 2.0 * (0.9 - 0.5) / 0.25 - 1.0 * (1.0 - 0.2) / 0.4
    assert m.logit(x) == pytest.approx(z)
    assert m.probability(x) == pytest.approx(1 / (1 + math.exp(-z)))
    assert m.probability({}) < m.probability({"cosine": 1.0})  # a missing feature counts 0


def test_the_shipped_weights_are_small_and_name_known_features():
    path = resources.files("rashomon").joinpath("weights", MODEL_FILE)
    assert path.is_file()
    assert path.stat().st_size < 5_000_000
    import joblib

    w = joblib.load(str(path))
    v = View([ClaimFeatures(words=["x1"]), ClaimFeatures(words=["x1"])])
    assert set(w["names"]) <= set(pair_features(v, 0, 1, 0.5))
    assert len(w["coef"]) == len(w["names"]) == len(w["mean"]) == len(w["scale"])
    assert np.isfinite(w["coef"]).all()


def test_edits_change_the_day_negate_and_keep_a_person_by_surname():
    rng = random.Random(1)
    day = swap_day("The council will vote on Monday.", rng)
    assert day != "The council will vote on Monday." and day.startswith("The council will vote on ")
    assert day.rstrip(".").split()[-1][0].isupper()
    assert negate("The dam was breached.") == "The dam was not breached."
    assert surname_only("Mayor Ilse Varga resigned.", [("Ilse Varga", "PERSON")]) == "Mayor Varga resigned."
    swapped = _replace_entity("Floods hit Dorsk.", [("Dorsk", "GPE")], {"GPE"}, ["Dorsk", "Kelm"], rng)
    assert swapped == "Floods hit Kelm."
