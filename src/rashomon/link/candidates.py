"""Candidate blocking for cross-article linking, so work grows about linearly with the corpus.

``candidate_pairs(vectors, keys, ...)`` returns the pairs ``(i, j)`` (i < j) worth scoring:

- **random-projection LSH** on the unit-length embeddings: ``tables`` hash tables, each keyed by
  the signs of ``bits`` random hyperplanes; the number of bits grows with log2(n) so a bucket
  holds about ``bucket`` items whatever the corpus size (with few items, one bucket holds all);
  inside a bucket each item keeps only its ``k`` nearest mates (a vectorised dot product), so the
  expensive pair scoring downstream sees O(n k) pairs;
- **shared rare keys** (entities, rare content words, numbers): an inverted index over keys held
  by at most ``max_df`` items, so "Gornal" or "67,000" brings claims together even when their
  wording differs.

Buckets larger than ``4 * bucket`` are cut into chunks of neighbours along a random direction, so
no block grows with n. ``stats`` (a dict, optional) receives the number of pairs proposed.
"""
from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations
from typing import Optional, Sequence

import numpy as np


def _chunks(items: list[int], proj: np.ndarray, size: int) -> list[list[int]]:
    if len(items) <= size:
        return [items]
    order = sorted(items, key=lambda i: proj[i])
    step = max(2, size // 2)  # overlapping windows keep neighbours at chunk edges together
    return [order[s:s + size] for s in range(0, max(1, len(order) - size // 2), step)]


def candidate_pairs(vectors: np.ndarray, keys: Optional[Sequence[Sequence[str]]] = None, *, tables: int = 6,
                    bucket: int = 48, max_df: int = 40, k: int = 12, min_cos: float = 0.2, seed: int = 13,
                    stats: Optional[dict] = None) -> set[tuple[int, int]]:
    """Pairs of row indices to compare (see module doc): in each LSH bucket (on mean-centred
    vectors, so buckets stay balanced) every item keeps its ``k`` most similar bucket mates with
    cosine >= ``min_cos``; plus items sharing a key held by at most ``max_df`` items. At most
    about ``n * (k * tables + keys)`` pairs, whatever n."""
    n = len(vectors)
    pairs: set[tuple[int, int]] = set()
    if n < 2:
        return pairs
    rng = np.random.default_rng(seed)
    bits = max(0, int(math.ceil(math.log2(max(1.0, n / bucket)))))
    cap = 4 * bucket
    d = vectors.shape[1]
    centred = vectors - vectors.mean(axis=0, keepdims=True)
    compared = 0
    for _ in range(tables if bits else 1):
        planes = rng.standard_normal((d, max(bits, 1))).astype(np.float32)
        proj = centred @ planes
        if bits:
            codes = (proj > 0).astype(np.int64) @ (1 << np.arange(bits, dtype=np.int64))
        else:
            codes = np.zeros(n, dtype=np.int64)
        buckets: dict[int, list[int]] = defaultdict(list)
        for i, c in enumerate(codes.tolist()):
            buckets[c].append(i)
        line = proj[:, 0]
        for items in buckets.values():
            for chunk in _chunks(items, line, cap):
                if len(chunk) < 2:
                    continue
                idx = np.asarray(chunk)
                sim = vectors[idx] @ vectors[idx].T
                compared += len(chunk) * (len(chunk) - 1) // 2
                np.fill_diagonal(sim, -2.0)
                kk = min(k, len(chunk) - 1)
                top = np.argpartition(-sim, kk - 1, axis=1)[:, :kk]
                keep = np.take_along_axis(sim, top, axis=1) >= min_cos
                rows = np.broadcast_to(idx[:, None], top.shape)[keep]
                cols = idx[top][keep]
                pairs.update(zip(np.minimum(rows, cols).tolist(), np.maximum(rows, cols).tolist()))
    if keys is not None:
        index: dict[str, list[int]] = defaultdict(list)
        for i, ks in enumerate(keys):
            for key in set(ks):
                index[key].append(i)
        for key, items in index.items():
            if 1 < len(items) <= max_df:
                pairs.update(combinations(items, 2))  # items ascend, so each pair is (low, high)
    if stats is not None:
        stats["pairs"] = stats.get("pairs", 0) + len(pairs)
        stats["bucket_dot_products"] = stats.get("bucket_dot_products", 0) + compared
        stats["lsh_bits"] = bits
    return pairs
