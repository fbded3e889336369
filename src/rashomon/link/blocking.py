"""Candidate pairs for the cross-article stages of a large batch: articles blocked by date, names
and a vector index; claims blocked within their event.

``article_pairs(centroids, days, keys)`` proposes the article pairs the event stage scores:

- **date windows**: an article with a publication day is in window ``day // W``, where ``W`` is
  the gap at which the event stage's date agreement falls under its veto (``events.date_veto``:
  exp(-W / ``events.date_scale_days``) = veto, 90 days by default). Two dated articles further
  apart than ``W`` days can never share an event, so they are never proposed;
- **nearest articles** (``vector_index.knn`` on the unit claim centroids): each dated article
  asks for its ``blocking.article_neighbours`` nearest among the dated articles of its own and
  the two adjacent windows, and among the undated ones; an undated article (no publication day:
  its date is unknown or only mentioned, so no window holds it) asks among all articles;
- **shared rare names**: articles sharing a name held by at most ``blocking.name_max_df``
  articles (of the batch, else of two adjacent windows) are paired.

The cost is about n x (neighbours + names) pairs, whatever the corpus' size, and the index
search grows as n log n (exact search below ``blocking.exact_max`` articles per window).

``claim_pairs_by_event(event_of, pair_fn)`` runs a claim blocking (``pair_fn(rows) -> pairs``)
inside each event separately, so a claim is compared only with claims of its own event.

In: unit vectors (rows), per-article publication days (``date.toordinal()``, or None) and name
keys. Out: sets of index pairs ``(i, j)`` with ``i < j``; ``stats`` (optional) counts them.
"""
from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations
from typing import Callable, Optional, Sequence

import numpy as np

from ..settings import setting
from .vector_index import knn


def veto_days() -> int:
    """Days apart beyond which the event stage's date agreement is under its veto."""
    veto = setting("events.date_veto")
    return max(1, int(math.ceil(setting("events.date_scale_days") * math.log(1.0 / veto)))) if 0 < veto < 1 else 10 ** 6


def _add_knn(pairs: set, base: list[int], queries: list[int], vectors: np.ndarray, k: int,
             days: Sequence[Optional[int]], w: int) -> None:
    """Add each query's ``k`` nearest base items, leaving out dated pairs more than ``w`` days apart."""
    if not base or not queries:
        return
    b = np.asarray(base, dtype=np.int64)
    q = np.asarray(queries, dtype=np.int64)
    idx, _ = knn(vectors[b], vectors[q], k + 1)  # +1: a query finds itself when it is in the base
    for qi, row in zip(q.tolist(), idx.tolist()):
        for r in row:
            if r < 0:
                continue
            j = int(b[r])
            if j == qi or (days[qi] is not None and days[j] is not None and abs(days[qi] - days[j]) > w):
                continue
            pairs.add((qi, j) if qi < j else (j, qi))


def article_pairs(vectors: np.ndarray, days: Sequence[Optional[int]], keys: Sequence[Sequence[str]],
                  stats: Optional[dict] = None) -> set[tuple[int, int]]:
    """Article pairs to score (see module doc). ``days[i]``: article i's publication day as an
    ordinal, None when it has none; ``keys[i]``: its rare names."""
    n = len(vectors)
    pairs: set[tuple[int, int]] = set()
    if n < 2:
        return pairs
    w = veto_days()
    k = setting("blocking.article_neighbours")
    window: dict[int, list[int]] = defaultdict(list)
    undated: list[int] = []
    for i, d in enumerate(days):
        if d is None:
            undated.append(i)
        else:
            window[d // w].append(i)
    for b in sorted(window):
        base = [i for c in (b - 1, b, b + 1) for i in window.get(c, ())]
        _add_knn(pairs, base, window[b], vectors, k, days, w)
        _add_knn(pairs, undated, window[b], vectors, k, days, w)
    _add_knn(pairs, list(range(n)), undated, vectors, k, days, w)
    max_df = setting("blocking.name_max_df")
    index: dict[str, list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        for key in set(ks):
            index[key].append(i)
    for items in index.values():
        if len(items) < 2:
            continue
        if len(items) <= max_df:
            groups = [items]
        else:  # a name common in the batch: rare only within two adjacent windows
            by_w: dict[int, list[int]] = defaultdict(list)
            for i in items:
                if days[i] is not None:
                    by_w[days[i] // w].append(i)
            groups = [sorted(by_w[b] + by_w.get(b + 1, [])) for b in by_w]
            groups = [g for g in groups if 1 < len(g) <= max_df]
        for g in groups:
            for i, j in combinations(g, 2):  # items ascend, so each pair is (low, high)
                if days[i] is None or days[j] is None or abs(days[i] - days[j]) <= w:
                    pairs.add((i, j))
    if stats is not None:
        stats["pairs"] = stats.get("pairs", 0) + len(pairs)
        stats["date_windows"] = len(window)
        stats["undated"] = len(undated)
    return pairs


def claim_pairs_by_event(event_of: Sequence[Optional[str]], pair_fn: Callable[[list[int]], set[tuple[int, int]]]) -> set[tuple[int, int]]:
    """Claim pairs proposed by ``pair_fn`` run on the rows of each event separately (rows whose
    event is None form one group). ``pair_fn(rows)`` returns pairs of positions into ``rows``;
    the result holds pairs of rows (low, high)."""
    groups: dict[Optional[str], list[int]] = defaultdict(list)
    for i, e in enumerate(event_of):
        groups[e].append(i)
    out: set[tuple[int, int]] = set()
    for rows in groups.values():
        if len(rows) < 2:
            continue
        for a, b in pair_fn(rows):
            x, y = rows[a], rows[b]
            out.add((x, y) if x < y else (y, x))
    return out


class BlockIndex:
    """Items filed under ``(key, block)`` labels (e.g. a dispute's kind and each of its events):
    ``add(item, key, blocks)`` files an item (again: under more blocks), ``near(key, blocks)``
    returns the items filed under ``key`` and any of ``blocks``, in the order first added; with
    ``by_block=False`` (small batches) ``near`` returns every item added, in that order.
    ``items``: every item added, in that order."""

    def __init__(self, by_block: bool = True) -> None:
        self.by_block = by_block
        self.items: list = []
        self._pos: dict[int, int] = {}
        self._labels: dict[tuple, set[int]] = defaultdict(set)

    def add(self, item, key, blocks) -> None:
        i = self._pos.setdefault(id(item), len(self.items))
        if i == len(self.items):
            self.items.append(item)
        if self.by_block:
            for b in blocks:
                self._labels[(key, b)].add(i)

    def near(self, key, blocks) -> list:
        if not self.by_block:
            return list(self.items)
        return [self.items[i] for i in sorted({i for b in blocks for i in self._labels.get((key, b), ())})]
