"""``attribution_features.doc_features``: the tagger's per-token features, read from the parse
(the dependency path to the nearest reporting verb and to the sentence root, the head's lemma,
the reporting-verb flags), one feature list per token of each sentence."""
from __future__ import annotations

import pytest

TEXT = "The minister said that the bridge was destroyed. Nobody else was hurt."


@pytest.fixture(scope="module")
def parsed():
    from rashomon.extract.attribution_features import doc_features
    from rashomon.nlp import get_nlp

    doc = get_nlp()(TEXT)
    return doc, doc_features(doc)


def _features_of(parsed, word: str) -> list[str]:
    doc, sents = parsed
    tok = next(t for t in doc if t.text == word)
    for (s0, s1), feats in sents:
        if s0 <= tok.i < s1:
            return feats[tok.i - s0]
    raise AssertionError(word)


def test_doc_features_give_one_feature_list_per_token_of_each_sentence(parsed):
    doc, sents = parsed
    assert [rng for rng, _ in sents] == [(s.start, s.end) for s in doc.sents]
    assert all(len(feats) == s1 - s0 for (s0, s1), feats in sents)


def test_word_under_a_reported_clause_carries_its_path_to_the_reporting_verb(parsed):
    doc, _ = parsed
    f = _features_of(parsed, "bridge")
    clause = next(t for t in doc if t.text == "destroyed")
    assert clause.head.text == "said"  # the parse this test is written for
    assert "acue=" + clause.dep_ in f and "acue_l=say|" + clause.dep_ in f and "acue_d=1" in f
    assert "rootdep=" + clause.dep_ in f and "rootl=say" in f
    assert "hl=destroy" in f and "w=bridge" in f


def test_reporting_verb_is_flagged_and_is_its_own_root(parsed):
    f = _features_of(parsed, "said")
    assert any(x.startswith("cuecls=") for x in f)
    assert "cue=1" in f and "rootdep=ROOT" in f and "acue=none" in f and "hl=say" in f


def test_sentence_without_reporting_verb_has_no_cue_path(parsed):
    f = _features_of(parsed, "Nobody")
    assert "acue=none" in f and "sc=0" in f and "rootl=hurt" in f
