"""Blocking for large batches: the vector index (exact below a size, HNSW above, the same answer
every run), article pairs blocked by date window, nearest articles and rare names, claim pairs
only within events, and actor grouping that no longer compares every pair of mentions."""
from __future__ import annotations

import random
from datetime import date
from itertools import combinations

import numpy as np

from rashomon.link.actors import given_compatible, group_actors, person_key
from rashomon.link.blocking import article_pairs, claim_pairs_by_event, veto_days
from rashomon.link.vector_index import exact_knn, hnsw_knn, knn
from rashomon.models import Actor


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def _clustered(n: int, centres: int, dim: int = 32, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    c = rng.standard_normal((centres, dim))
    return _unit(c[rng.integers(0, centres, n)] + 0.3 * rng.standard_normal((n, dim)))


def test_exact_knn_orders_best_first_and_breaks_ties_by_lower_index():
    base = _unit(np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.6, 0.8]]))
    idx, sim = exact_knn(base, base[:1], 3)
    assert idx[0].tolist() == [0, 2, 3]
    assert np.allclose(sim[0], [1.0, 1.0, 0.6])


def test_exact_knn_pads_when_the_base_is_smaller_than_k():
    base = _unit(np.array([[1.0, 0.0], [0.0, 1.0]]))
    idx, _ = exact_knn(base, base, 4)
    assert idx[:, 2:].tolist() == [[-1, -1], [-1, -1]]


def test_hnsw_finds_almost_all_exact_neighbours_and_repeats_itself():
    v = _clustered(1500, 40)
    want, _ = exact_knn(v, v, 8)
    got, sims = hnsw_knn(v, v, 8)
    again, _ = hnsw_knn(v, v, 8)
    recall = np.mean([len(set(a) & set(b)) / 8 for a, b in zip(want.tolist(), got.tolist())])
    assert recall >= 0.95
    assert np.array_equal(got, again)
    assert np.allclose(sims[:, 0], 1.0, atol=1e-4)  # every item finds itself first


def test_knn_is_exact_up_to_the_threshold():
    v = _clustered(300, 10)
    assert np.array_equal(knn(v, v, 5, exact_max=300)[0], exact_knn(v, v, 5)[0])


def _day(s: str) -> int:
    return date.fromisoformat(s).toordinal()


def test_article_pairs_never_pair_dated_articles_further_apart_than_the_veto():
    w = veto_days()
    v = _unit(np.ones((4, 8)) + 0.01 * np.arange(32).reshape(4, 8))  # four near-identical articles
    days = [_day("2023-01-01"), _day("2023-01-02"), _day("2023-01-01") + w + 5, _day("2023-01-01") + 3 * w]
    pairs = article_pairs(v, days, [["rare name"]] * 4)
    assert (0, 1) in pairs
    assert (0, 2) not in pairs and (0, 3) not in pairs and (1, 3) not in pairs
    assert all(abs(days[i] - days[j]) <= 2 * w for i, j in pairs)


def test_an_undated_article_meets_its_nearest_articles_of_any_date():
    w = veto_days()
    v = _unit(np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.99, 0.1, 0.0], [0.0, 0.0, 1.0]]))
    days = [_day("2020-05-01"), _day("2020-05-01") + 10 * w, None, _day("2020-05-01") + 20 * w]
    pairs = article_pairs(v, days, [[], [], [], []])
    assert (0, 2) in pairs and (1, 2) in pairs and (2, 3) in pairs  # k nearest of 4: all of them
    assert (0, 1) not in pairs and (0, 3) not in pairs


def test_a_rare_shared_name_pairs_articles_the_vectors_keep_apart(monkeypatch):
    monkeypatch.setenv("RASHOMON_BLOCKING__ARTICLE_NEIGHBOURS", "1")
    rng = np.random.default_rng(4)
    v = _unit(rng.standard_normal((30, 16)))
    v[27] = -v[3]  # as far apart as two vectors can be
    days = [_day("2024-03-01")] * 30
    keys = [[] for _ in range(30)]
    keys[3], keys[27] = ["person:zorvath"], ["person:zorvath"]
    assert (3, 27) in article_pairs(v, days, keys)
    keys[27] = []
    assert (3, 27) not in article_pairs(v, days, keys)


def test_claim_pairs_stay_inside_their_event():
    event_of = ["E1", "E2", "E1", "E2", "E1", None]
    pairs = claim_pairs_by_event(event_of, lambda rows: set(combinations(range(len(rows)), 2)))
    assert pairs == {(0, 2), (0, 4), (2, 4), (1, 3)}


def _brute_force_people(actors: list[Actor]) -> set[frozenset[int]]:
    """Reference grouping of full names: every compatible pair of one surname joined."""
    parent = list(range(len(actors)))

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    keys = [person_key(a.name) for a in actors]
    for i, j in combinations(range(len(actors)), 2):
        if keys[i][0] == keys[j][0] and keys[i][1] and keys[j][1] and given_compatible(keys[i][1], keys[j][1]):
            parent[find(i)] = find(j)
    out: dict[int, set[int]] = {}
    for i in range(len(actors)):
        out.setdefault(find(i), set()).add(i)
    return {frozenset(g) for g in out.values()}


def test_people_are_grouped_as_by_comparing_every_pair_of_full_names():
    rng = random.Random(5)
    firsts = ["Maria", "M.", "Mario", "Jan", "J.", "Janet", "Ola", "Olaf", "O."]
    names = [f"{rng.choice(firsts)} {rng.choice(['Quist', 'Brandt'])}" for _ in range(60)]
    actors = [Actor(id=f"a:x{k}:0-1", name=n, type="person", article=f"x{k}") for k, n in enumerate(names)]
    assert {frozenset(g) for g in group_actors(actors)} == _brute_force_people(actors)
