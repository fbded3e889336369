"""Nearest neighbours of unit vectors by cosine: exact for small sets, an HNSW index for large ones.

``knn(base, queries, k)`` returns, for each query row, the indices (into ``base``) and cosines of
its ``k`` most similar base rows, best first; ``-1`` pads rows when ``base`` has fewer than ``k``
rows. Up to ``exact_max`` base rows (setting ``blocking.exact_max``) the search is exact (blocked
matrix products, ties broken by the lower index), so small batches always get the same, exact
answer. Above it an hnswlib index (HNSW graph, inner product on the unit vectors) is built with a
fixed ``random_seed``, one thread for inserting (so the graph, and the answers, are the same on
every run) and ``ef`` = max(``blocking.ef``, 2k) at query time; it finds almost all true
neighbours at a cost of about log(n) per query, so k neighbours of every item cost O(n log n)
rather than O(n^2).
"""
from __future__ import annotations

from typing import Optional

import numpy as np

from ..settings import setting

_BLOCK = 2048  # query rows per matrix product in the exact search (bounds the memory to _BLOCK x n)


def exact_knn(base: np.ndarray, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """``(indices, cosines)``, shape (len(queries), k): the exact top ``k`` by dot product (see module doc)."""
    m, n = len(queries), len(base)
    kk = min(k, n)
    idx = np.full((m, k), -1, dtype=np.int64)
    sim = np.full((m, k), -np.inf, dtype=np.float32)
    if not m or not kk:
        return idx, sim
    for s in range(0, m, _BLOCK):
        d = queries[s:s + _BLOCK] @ base.T
        if kk < n:
            part = np.argpartition(-d, kk - 1, axis=1)[:, :kk]
        else:
            part = np.broadcast_to(np.arange(n), (len(d), n))
        vals = np.take_along_axis(d, part, axis=1)
        order = np.lexsort((part, -vals), axis=1)  # best first, ties by lower index
        idx[s:s + len(d), :kk] = np.take_along_axis(part, order, axis=1)
        sim[s:s + len(d), :kk] = np.take_along_axis(vals, order, axis=1)
    return idx, sim


def hnsw_knn(base: np.ndarray, queries: np.ndarray, k: int, seed: int = 13, ef: Optional[int] = None,
             m: Optional[int] = None) -> tuple[np.ndarray, np.ndarray]:
    """``(indices, cosines)`` from an hnswlib index over ``base`` (see module doc)."""
    import hnswlib

    n, dim = base.shape
    kk = min(k, n)
    idx = np.full((len(queries), k), -1, dtype=np.int64)
    sim = np.full((len(queries), k), -np.inf, dtype=np.float32)
    if not len(queries) or not kk:
        return idx, sim
    index = hnswlib.Index(space="ip", dim=dim)
    ef = max(ef or setting("blocking.ef"), 2 * kk)
    index.init_index(max_elements=n, ef_construction=max(ef, 100), M=m or setting("blocking.hnsw_m"), random_seed=seed)
    index.set_num_threads(1)  # one thread: the same graph on every run
    index.add_items(np.ascontiguousarray(base, dtype=np.float32), np.arange(n))
    index.set_ef(ef)
    labels, dist = index.knn_query(np.ascontiguousarray(queries, dtype=np.float32), k=kk, num_threads=1)
    idx[:, :kk] = labels.astype(np.int64)
    sim[:, :kk] = 1.0 - dist  # hnswlib's inner-product distance is 1 - dot
    return idx, sim


def knn(base: np.ndarray, queries: np.ndarray, k: int, exact_max: Optional[int] = None) -> tuple[np.ndarray, np.ndarray]:
    """Top ``k`` neighbours of each query row among ``base`` rows: exact up to ``exact_max`` base
    rows (default: setting ``blocking.exact_max``), hnswlib above (see module doc)."""
    limit = setting("blocking.exact_max") if exact_max is None else exact_max
    if len(base) <= limit:
        return exact_knn(base, queries, k)
    return hnsw_knn(base, queries, k)
