"""The shipped relation classifier and stance head load from the package, once, and give sane
answers on obvious pairs; the feature makers and rule-made training pairs behave."""
from __future__ import annotations

import random

import numpy as np

from rashomon.link.relations import model as rel_model
from rashomon.link.relations.features import HAND_NAMES, STANCE_NAMES, pair_features, split_sentences, stance_features


def test_model_loads_once_from_the_package_and_is_small():
    from importlib import resources

    m1 = rel_model.load_model()
    m2 = rel_model.load_model()
    assert m1 is m2
    assert set(m1) >= {"relation", "stance", "meta"}
    path = resources.files("rashomon").joinpath("weights", rel_model.MODEL_FILE)
    assert path.is_file()
    with resources.as_file(path) as p:
        assert p.stat().st_size < 20 * 1024 * 1024
    assert set(m1["relation"].classes_) == set(rel_model.RELATION_LABELS)
    assert set(m1["stance"].classes_) == set(rel_model.STANCE_LABELS)


def test_relation_classifier_separates_a_negation_from_a_paraphrase():
    p = rel_model.relation_proba([
        ("The bridge over the river is open to traffic again.", "The bridge over the river is not open to traffic."),
        ("The minister resigned on Monday after the flood inquiry.", "Officials said the minister resigned on Monday after the flood inquiry."),
        ("The minister resigned on Monday after the flood inquiry.", "Heavy snow closed schools across the northern provinces."),
    ])
    assert p.shape == (3, 3)
    assert np.allclose(p.sum(axis=1), 1.0)
    contradicts, supports, neutral = 0, 1, 2
    assert p[0, contradicts] > p[1, contradicts]
    assert p[1, supports] > p[0, supports]
    assert p[2, neutral] > p[2, contradicts]


def test_stance_head_tells_related_from_unrelated():
    body = ("Rescue teams pulled two survivors from the rubble of the collapsed hotel on Tuesday. "
            "The hotel collapsed after days of heavy rain, the fire service said. "
            "Officials confirmed that the building had been declared unsafe last year.")
    rel = rel_model.stance("Hotel collapses after heavy rain", body)
    unrel = rel_model.stance("Pop star announces world tour for next summer", body)
    assert set(rel) == set(rel_model.STANCE_LABELS)
    assert abs(sum(rel.values()) - 1.0) < 1e-6
    assert unrel["unrelated"] > rel["unrelated"]
    assert unrel["unrelated"] > 0.5


def test_pair_features_have_the_documented_width():
    rng = np.random.default_rng(0)
    u = rng.normal(size=384).astype(np.float32)
    u /= np.linalg.norm(u)
    v = rng.normal(size=384).astype(np.float32)
    v /= np.linalg.norm(v)
    x = pair_features("Troops were not withdrawn.", "Troops were withdrawn.", u, v)
    assert x.shape == (len(HAND_NAMES) + 2 * 384,)
    assert x[HAND_NAMES.index("neg_diff")] == 1.0
    s = stance_features("Troops withdrawn", ["Troops were withdrawn.", "Nothing else happened here."], u, np.stack([v, u]))
    assert s.shape == (len(STANCE_NAMES) + len(HAND_NAMES) + 2 * 384,)


def test_split_sentences_drops_fragments_and_keeps_order():
    body = "First sentence is here. Second one follows! Ok.\nA new line starts here too."
    assert split_sentences(body) == ["First sentence is here.", "Second one follows!", "A new line starts here too."]


def test_rule_made_training_pairs_change_the_meaning():
    from rashomon.train.stance import negate, swap_number, swap_state

    rng = random.Random(0)
    assert negate("The dam has burst.") == "The dam has not burst."
    assert negate("The dam has not burst.") == "The dam has burst."
    swapped = swap_state("Rebel fighters were driven out of the town.", rng)
    assert swapped and "driven out" not in swapped
    changed = swap_number("The flood killed 12 people.", rng)
    assert changed and "12 people" not in changed
