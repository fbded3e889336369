"""The contradiction cross-encoder's recipe and its switch: training rows pair a headline with the
body sentence sharing most words, labels map from the FNC-1 stances; without shipped weights the
runtime says which command makes them and the learned signal keeps the relation head."""
from __future__ import annotations

import random

import pytest

from rashomon.errors import ModelMissingError
from rashomon.link.relations import classifier, cross_encoder as ce
from rashomon.settings import load_settings, use
from rashomon.train.cross_encoder import LABELS, STANCE_TO_LABEL, best_sentence


def test_best_sentence_takes_the_body_sentence_sharing_most_words_with_the_headline():
    body = ["Heavy rain fell all week.", "The dam above the valley burst on Tuesday night, officials said.",
            "Schools stayed closed."]
    assert best_sentence("Dam above valley burst", body) == body[1]
    assert best_sentence("Nothing in common here", body) == body[0]


def test_stances_map_to_the_three_relation_labels():
    assert set(STANCE_TO_LABEL.values()) == set(LABELS)
    assert STANCE_TO_LABEL["disagree"] == "contradicts" and STANCE_TO_LABEL["agree"] == "supports"


@pytest.mark.skipif(ce.cross_encoder_available(), reason="weights are shipped in this checkout")
def test_missing_weights_name_the_training_command():
    with pytest.raises(ModelMissingError) as err:
        ce.load_cross_encoder()
    assert "train_cross_encoder.py" in str(err.value)


def test_learned_signal_keeps_the_relation_head_when_the_cross_encoder_is_off():
    with use(load_settings(None, {"relations": {"cross_encoder": False}})):
        assert classifier._cross_contradicts([]) is None


@pytest.mark.skipif(ce.cross_encoder_available(), reason="weights are shipped in this checkout")
def test_learned_signal_keeps_the_relation_head_when_the_cross_encoder_is_on_but_not_shipped():
    with use(load_settings(None, {"relations": {"cross_encoder": True}})):
        assert classifier._cross_contradicts([]) is None
