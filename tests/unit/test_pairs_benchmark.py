"""The sentence-pair benchmark (``benchmarks/pairs.py``): it reads the MSRP and STS files, scores
pairs with the shipped claim-pair scorer (a paraphrase above a pair of different propositions, a
different count pays the number penalty) and computes F1, a train-chosen threshold and
correlations. A small bag-of-words encoder stands in for the sentence encoder (the benchmark's
``encoder`` option), and entities are left out, so no model is loaded."""
from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from scriptkit import load_script

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def pairs():
    return load_script(BENCHMARKS / "pairs.py", "rashomon_bench_pairs")


def bag_of_words(texts: list[str]) -> np.ndarray:
    """Hashed word counts (64 dimensions), lower-cased, punctuation stripped."""
    out = np.zeros((len(texts), 64))
    for i, t in enumerate(texts):
        for w in t.lower().replace(".", " ").replace(",", " ").split():
            out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % 64] += 1
    return out


A = ["The river flooded the old mill town on Tuesday night.",
     "The council approved a budget of 40 million for new schools.",
     "The council approved a budget of 40 million for new schools.",
     "The river flooded the old mill town on Tuesday night."]
B = ["On Tuesday night the river flooded the old mill town.",
     "The council approved a budget of 95 million for new schools.",
     "The council approved a budget of 40 million for new schools in the district.",
     "A bakery in the capital won a prize for its bread."]


def test_a_reworded_sentence_scores_above_a_different_proposition(pairs):
    scores, cos = pairs.pair_scores(A, B, encoder=bag_of_words, entities=None)
    assert scores.shape == cos.shape == (4,)
    assert scores[0] > scores[3]
    from rashomon.link.clusters import _params

    assert scores[0] >= _params()["cluster"]  # the shipped cut joins a word-order paraphrase


def test_a_different_count_scores_below_the_same_count(pairs):
    scores, _ = pairs.pair_scores(A, B, encoder=bag_of_words, entities=None)
    assert scores[1] < scores[2]


def test_precision_recall_and_f1_at_a_threshold(pairs):
    m = pairs.prf([1, 1, 0, 0], np.array([0.9, 0.4, 0.6, 0.1]), 0.5)
    assert m == {"accuracy": 0.5, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert pairs.best_threshold([1, 1, 0, 0], np.array([0.9, 0.7, 0.6, 0.1])) == 0.7


def test_correlations_of_a_monotone_score_are_one(pairs):
    pearson, spearman = pairs.correlations([0.0, 1.0, 2.0, 5.0], np.array([0.1, 0.2, 0.3, 0.6]))
    assert spearman == pytest.approx(1.0)
    assert pearson > 0.99


def test_the_readers_take_the_msrp_header_and_the_sts_columns(pairs, tmp_path):
    msrp = tmp_path / "m.tsv"
    msrp.write_text("\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n"
                    '1\t1\t2\tHe said "yes" today.\tToday he said "yes".\r\n', encoding="utf-8")
    a, b, y = pairs.read_msrp(msrp)
    assert (a, b, y) == (['He said "yes" today.'], ['Today he said "yes".'], [1])
    sts = tmp_path / "s.tsv"
    sts.write_text("3.8\tRain floods the valley\tValley flooded by rain\n", encoding="utf-8")
    assert pairs.read_sts(sts) == (["Rain floods the valley"], ["Valley flooded by rain"], [3.8])
