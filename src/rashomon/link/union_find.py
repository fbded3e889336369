"""Union-find over hashable keys: which items are connected by the pairs joined so far.

In: pairs of keys (``join(a, b)``). Out: ``root(x)``, the same key for every item of one
connected group (the smallest key of the group, so the result does not depend on join order)."""
from __future__ import annotations

from collections.abc import Hashable, Iterable


class UnionFind:
    """Connected groups of keys; a key never joined is its own group."""

    def __init__(self, pairs: Iterable[tuple[Hashable, Hashable]] = ()) -> None:
        self.parent: dict = {}
        for a, b in pairs:
            self.join(a, b)

    def root(self, x: Hashable) -> Hashable:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
