"""Gold character spans become BIO token labels for the attribution tagger (no model load)."""
from __future__ import annotations

import spacy

from rashomon.extract.attribution_model import token_labels


def test_gold_spans_become_bio_labels_by_role():
    nlp = spacy.blank("en")
    text = "The mayor said the road would reopen soon."
    doc = nlp(text)
    gold = {"source": [(0, 9)], "cue": [(10, 14)], "content": [(15, 41)]}
    labels = token_labels(doc, gold)
    assert list(zip([t.text for t in doc], labels)) == [
        ("The", "B-SRC"), ("mayor", "I-SRC"), ("said", "B-CUE"), ("the", "B-CNT"), ("road", "I-CNT"),
        ("would", "I-CNT"), ("reopen", "I-CNT"), ("soon", "I-CNT"), (".", "O")]


def test_two_adjacent_content_fragments_start_two_spans():
    nlp = spacy.blank("en")
    text = "prices rose fast wages fell"
    doc = nlp(text)
    labels = token_labels(doc, {"source": [], "cue": [], "content": [(0, 16), (17, 27)]})
    assert labels == ["B-CNT", "I-CNT", "I-CNT", "B-CNT", "I-CNT"]
