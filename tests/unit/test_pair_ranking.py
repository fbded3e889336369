"""The gold-pair ranking tool (``scripts/pair_ranking.py``): its average precision and the way it
sorts mapped claims into true and false pairs, on hand-made records."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from scriptkit import load_script

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "pair_ranking.py"


@pytest.fixture(scope="module")
def pr():
    return load_script(SCRIPT, "rashomon_bench_pair_ranking")


def test_average_precision_is_one_when_true_pairs_rank_first(pr):
    assert pr.average_precision([0.9, 0.8, 0.1, 0.0], [1, 1, 0, 0]) == pytest.approx(1.0)


def test_average_precision_counts_a_false_pair_ranked_above_a_true_one(pr):
    # ranks: true (1/1), false, true (2/3) -> (1 + 2/3) / 2
    assert pr.average_precision([0.9, 0.8, 0.7], [1, 0, 1]) == pytest.approx((1 + 2 / 3) / 2)


def test_a_pair_never_scored_ranks_last(pr):
    assert pr.average_precision([-np.inf, 0.2], [1, 0]) == pytest.approx(0.5)


def test_gold_pairs_are_true_only_across_articles_for_one_gold_claim(pr):
    found = {("g1", "a1"): {"id": "c1"}, ("g1", "a2"): {"id": "c2"}, ("g2", "a2"): {"id": "c3"},
             ("g2", "a1"): {"id": "c4"}, ("g3", "a1"): {"id": "c1"}}
    pairs = {(x, y): lab for x, y, lab in pr.gold_pairs(found)}
    assert pairs[("c1", "c2")] == 1  # g1 in two articles
    assert pairs[("c3", "c4")] == 1  # g2 in two articles
    assert pairs[("c2", "c4")] == 0  # other gold claims, other articles
    assert ("c1", "c4") not in pairs  # one article: not a cross-article pair
    assert pairs[("c1", "c3")] == 0


def test_space_projection_gives_unit_rows_of_the_product(pr, tmp_path):
    w = np.diag([1.0, 2.0, 0.0]).astype(np.float16)
    np.savez_compressed(tmp_path / "w.npz", W=w)
    out = pr.space_projection(tmp_path / "w.npz")(np.array([[0.6, 0.8, 0.0], [0.0, 0.0, 1.0]]))
    assert np.allclose(out[0], np.array([0.6, 1.6, 0.0]) / np.linalg.norm([0.6, 1.6]), atol=1e-3)
    assert not out[1].any()  # a row the space sends to zero stays zero
