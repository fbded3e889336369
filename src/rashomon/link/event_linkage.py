"""Grouping for the event stage: average linkage on the same-event probabilities of the compared
article pairs, with cannot-link pairs, then single-article moves.

In: ``n`` articles (indices), ``prob`` = {(i, j) with i < j: same-event probability} for the
compared pairs (a pair never compared counts 0), the cut and the cannot-link pairs (dates that
cannot be one event). Out: lists of article indices, one per event.

- ``sparse_average_linkage``: the average-linkage rule on a sparse graph, about linear in edges;
- ``_average_linkage``: per connected component, scipy for small ones, the sparse rule for big
  ones or ones holding a cannot-link pair;
- ``refine_groups``: single articles move to the group they fit best.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Optional

from ..settings import setting


def sparse_average_linkage(items: list[int], sim: dict[tuple[int, int], float], cut: float,
                           cannot: Optional[set[tuple[int, int]]] = None) -> list[list[int]]:
    """Average-linkage clustering of ``items`` on a sparse similarity graph, in time about
    linear in the number of edges (no m x m matrix).

    In: ``items`` (node ids), ``sim`` = {(a, b) with a < b: similarity} for the pairs among
    ``items`` that were scored (missing pairs count as 0, as in ``clusters.average_linkage``),
    ``cut`` > 0. Out: the groups (lists of items, each sorted) left when merging stops, i.e. the
    same partition as cutting the average-linkage (UPGMA) dendrogram at similarity ``cut``: the
    two groups with the highest average pair similarity are merged while that average is >= cut.
    Two groups with no scored pair between them average 0 and are never merged.
    ``cannot`` = {(a, b) with a < b}: cannot-link pairs (dates that clearly disagree); two groups
    holding such a pair between them are never merged, whatever their average."""
    import heapq

    pos = {x: k for k, x in enumerate(items)}
    members: list[Optional[list[int]]] = [[x] for x in items]
    nb: list[dict[int, float]] = [dict() for _ in items]  # group -> {neighbour group: summed similarity}
    apart: list[set[int]] = [set() for _ in items]  # group -> groups it must never join
    for a, b in cannot or ():
        ia, ib = pos.get(a), pos.get(b)
        if ia is not None and ib is not None and ia != ib:
            apart[ia].add(ib)
            apart[ib].add(ia)
    for (a, b), v in sim.items():
        ia, ib = pos.get(a), pos.get(b)
        if ia is None or ib is None or ia == ib or not v:
            continue
        nb[ia][ib] = nb[ia].get(ib, 0.0) + v
        nb[ib][ia] = nb[ib].get(ia, 0.0) + v
    heap = [(-v, x, y) for x in range(len(items)) for y, v in nb[x].items() if x < y and v >= cut]
    heapq.heapify(heap)
    while heap:
        neg, x, y = heapq.heappop(heap)
        mx, my = members[x], members[y]
        if mx is None or my is None or y not in nb[x]:
            continue  # stale: one side was merged since
        avg = nb[x][y] / (len(mx) * len(my))
        if avg != -neg:
            continue  # stale score
        if avg < cut:
            break
        if y in apart[x]:
            continue
        z = len(members)
        members.append(mx + my)
        members[x] = members[y] = None
        gone = apart[x] | apart[y]
        for o in gone:
            apart[o].discard(x)
            apart[o].discard(y)
            apart[o].add(z)
        apart[x] = apart[y] = set()
        merged: dict[int, float] = {}
        for src in (x, y):
            for o, v in nb[src].items():
                if o in (x, y):
                    continue
                merged[o] = merged.get(o, 0.0) + v
                del nb[o][src]
            nb[src] = {}
        nb.append(merged)
        apart.append(gone)
        size = len(members[z])
        for o, v in merged.items():
            nb[o][z] = v
            a = v / (size * len(members[o]))
            if a >= cut:
                heapq.heappush(heap, (-a, min(o, z), max(o, z)))
    return [sorted(m) for m in members if m is not None]


def _average_linkage(n: int, prob: dict[tuple[int, int], float], cut: float,
                     cannot: Optional[set[tuple[int, int]]] = None) -> list[list[int]]:
    """Average-linkage groups of the ``n`` articles on the compared pairs' probabilities, run per
    connected component of the pairs >= ``cut``; a component above ``events.max_block`` articles,
    or one holding a cannot-link pair of ``cannot``, uses ``sparse_average_linkage`` (same rule,
    no dense matrix, and it keeps cannot-link pairs apart), smaller ones scipy."""
    from .clusters import _components, average_linkage

    edges = [p for p, v in prob.items() if v >= cut]
    max_block = setting("events.max_block")
    comps = [sorted(c) for c in _components(n, edges)]
    comp_at = {i: k for k, c in enumerate(comps) for i in c}
    cannot = {p for p in (cannot or ()) if comp_at.get(p[0]) == comp_at.get(p[1])}
    big = {k for k, c in enumerate(comps) if len(c) > max_block} | {comp_at[a] for a, _ in cannot}
    sub: dict[int, dict[tuple[int, int], float]] = {k: {} for k in big}
    if big:
        comp_of = {i: k for k in big for i in comps[k]}
        for (a, b), v in prob.items():
            k = comp_of.get(a)
            if k is not None and comp_of.get(b) == k:
                sub[k][(a, b)] = v
    out = []
    for k, comp in enumerate(comps):
        out.extend(sparse_average_linkage(comp, sub[k], cut, cannot) if k in big else average_linkage(comp, prob, cut))
    return out


def refine_groups(n: int, groups: list[list[int]], prob: dict[tuple[int, int], float], cut: float,
                  cannot: Optional[set[tuple[int, int]]] = None, sweeps: int = 10) -> list[list[int]]:
    """Move single articles to the group they fit best, after the linkage.

    In: ``n`` articles, their ``groups`` (from ``_average_linkage``), the compared pairs'
    probabilities ``prob`` (missing pairs count 0), the ``cut`` and the cannot-link pairs.
    Out: the groups after local moves. The score of article i in group g is
    sum over j in g of (p(i, j) - cut): the partition's total of these is what average linkage
    greedily raises, and greedy merges decide near ties by the order they happen in (an undated
    article that fits an earlier event of the storyline a hair better than the three reports of
    its own event joins the earlier one, and the cannot-link then keeps it there). A move is made
    when it raises the article's score, never into a group holding a cannot-link partner; an
    article whose best score is below 0 stands alone. Costs O(compared pairs) per sweep."""
    label = [0] * n
    for k, g in enumerate(groups):
        for i in g:
            label[i] = k
    size = Counter(label)
    nbr: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (a, b), v in prob.items():
        nbr[a].append((b, v))
        nbr[b].append((a, v))
    apart: dict[int, set[int]] = defaultdict(set)
    for a, b in cannot or ():
        apart[a].add(b)
        apart[b].add(a)
    next_label = len(groups)
    for _ in range(sweeps):
        moved = False
        for i in range(n):
            sums: dict[int, float] = defaultdict(float)
            for j, v in nbr.get(i, ()):
                sums[label[j]] += v
            own = label[i]
            score = {g: tot - cut * (size[g] - (g == own)) for g, tot in sums.items()}
            cur = score.get(own, -cut * (size[own] - 1))
            blocked = {label[j] for j in apart.get(i, ())}
            best, best_s = own, cur
            for g, sc in score.items():
                if g != own and g not in blocked and sc > best_s + 1e-9:
                    best, best_s = g, sc
            if best == own and cur < 0 and size[own] > 1:
                best, best_s = next_label, 0.0
                next_label += 1
            if best != own:
                size[own] -= 1
                size[best] += 1
                label[i] = best
                moved = True
        if not moved:
            break
    out: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        out[label[i]].append(i)
    return list(out.values())
