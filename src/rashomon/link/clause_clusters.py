"""Which claim cluster a clause claim (``Claim.parent``, see ``extract/claim_clauses.py``) joins.

The statements (claims without a parent) are clustered first, as if there were no clauses, so
the clauses cannot pull the statements' clusters apart (a clause and its statement would pay
the same-article penalty inside every cluster they shared). Each clause then joins one cluster:

- the cluster whose claims of OTHER articles it matches best on average, when that average
  reaches the clustering cut (``clusters.cluster``): another article states the clause's
  proposition ("..., killing at least 30 people" beside a report that "at least 30 people
  died");
- else the cluster of its parent: the clause is part of that statement, not a proposition
  nobody else makes (no cluster of one beside it).

In: the statements' groups (lists of row indices), and for every clause row its parent's row;
the rows' articles, a pair score ``score(i, j)`` and the candidate pairs (blocking) over all rows.
Out: for each clause row, the index of the group it joins.
"""
from __future__ import annotations

from typing import Callable, Iterable

# at most this many claims of one cluster are scored against a clause (the first ones, in
# cluster order), so a very large cluster costs a bounded amount; the average is over them
MAX_SCORED = 32


def place_clauses(groups: list[list[int]], parent_of: dict[int, int], articles: list[str],
                  score: Callable[[int, int], float], pairs: Iterable[tuple[int, int]], cut: float) -> dict[int, int]:
    """Clause row -> group index (see the module docstring). ``groups`` hold statement rows only;
    ``parent_of`` maps each clause row to its parent's row (a statement row; a clause whose
    parent is in no group is left out of the result); ``pairs`` are candidate row pairs in any
    order, of which only (clause, statement of another article) pairs are read."""
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    near: dict[int, set[int]] = {}
    for a, b in pairs:
        for x, y in ((a, b), (b, a)):
            if x in parent_of and y in group_of and articles[y] != articles[x]:
                near.setdefault(x, set()).add(group_of[y])
    out: dict[int, int] = {}
    for r in sorted(parent_of):
        home = group_of.get(parent_of[r])
        if home is None:
            continue
        best, best_avg = home, cut
        for g in sorted(near.get(r, ())):
            others = [m for m in groups[g] if articles[m] != articles[r]][:MAX_SCORED]
            if not others:
                continue
            avg = sum(max(0.0, score(r, m)) for m in others) / len(others)
            if avg >= best_avg and (best == home or avg > best_avg):
                best, best_avg = g, avg
        out[r] = best
    return out
