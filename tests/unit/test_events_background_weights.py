"""Event grouping reads words and names by how rare they are in English, not in the batch, and
keeps pairs whose dates clearly disagree apart in the linkage. Fast: no spaCy, no encoder."""
from __future__ import annotations

import numpy as np

from rashomon.link.events import _weighted_lemmas, sparse_average_linkage
from rashomon.link.term_info import info


def test_a_rare_place_name_weighs_more_than_a_common_word():
    assert info("paldiski") > info("harbour") > info("said") >= 0.0


def test_a_country_key_weighs_like_the_country_name():
    assert info("country:Estonia") == info("estonia") > 0.0


def test_words_every_article_shares_still_link_two_articles_of_one_story():
    # three articles of one story: all name the port; batch IDF would give it no weight
    docs = [["paldiski", "port", "close", "pier"], ["paldiski", "port", "shut", "pier"], ["paldiski", "port", "repair"]]
    x = _weighted_lemmas(docs)
    sim = (x @ x.T).toarray()
    assert sim[0, 1] > 0.5 and sim[0, 2] > 0.3


def test_articles_with_no_shared_word_score_zero():
    x = _weighted_lemmas([["paldiski", "pier"], ["football", "goal"]])
    assert np.isclose((x @ x.T).toarray()[0, 1], 0.0)


def test_a_cannot_link_pair_never_ends_in_one_group():
    sim = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.9}
    groups = sorted(sparse_average_linkage([0, 1, 2], sim, 0.5, cannot={(0, 2)}))
    assert groups in ([[0, 1], [2]], [[0], [1, 2]])


def test_a_cannot_link_pair_keeps_its_groups_apart_after_merges():
    # 0-1 and 2-3 merge first; 0 and 3 must not meet, so the two groups stay apart
    sim = {(0, 1): 0.95, (2, 3): 0.94, (0, 2): 0.9, (1, 2): 0.9, (1, 3): 0.9, (0, 3): 0.9}
    groups = sorted(sparse_average_linkage([0, 1, 2, 3], sim, 0.5, cannot={(0, 3)}))
    assert groups == [[0, 1], [2, 3]]


def test_without_cannot_link_the_same_pairs_form_one_group():
    sim = {(0, 1): 0.95, (2, 3): 0.94, (0, 2): 0.9, (1, 2): 0.9, (1, 3): 0.9, (0, 3): 0.9}
    assert sparse_average_linkage([0, 1, 2, 3], sim, 0.5) == [[0, 1, 2, 3]]


def test_a_middling_pair_weakens_in_a_batch_of_many_stories():
    from rashomon.link.events import adapt_to_batch

    # one pair at 0.6 among many clearly different pairs: a feed of many stories
    probs = np.array([0.6] + [0.02] * 200)
    assert adapt_to_batch(probs)[0] < 0.2


def test_a_middling_pair_strengthens_in_a_batch_of_one_story():
    from rashomon.link.events import adapt_to_batch

    probs = np.array([0.4] + [0.9] * 20)
    assert adapt_to_batch(probs)[0] > 0.5


def test_a_batch_of_two_articles_keeps_the_model_probability():
    from rashomon.link.events import adapt_to_batch

    assert abs(adapt_to_batch(np.array([0.6]))[0] - 0.6) < 0.05


def test_vetoed_pairs_count_as_different_events_in_the_batch_prior():
    from rashomon.link.events import adapt_to_batch

    probs = np.array([0.6] + [0.9] * 40)
    vetoed = np.array([False] + [True] * 40)
    assert adapt_to_batch(probs, vetoed)[0] < adapt_to_batch(probs)[0]
