"""Contradiction edges grouped into contested questions, each with its positions (``link/disputes.py``).

In: ``Edge`` records (``dispute_edges``) and the claim views. Out: ``_Group`` records, one per
question: the edges of one key that share a cluster (union-find), with stance -> claim views;
groups of one kind whose positions say the same things are merged (``_merge``)."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from ..settings import setting
from .blocking import BlockIndex
from .dispute_edges import Edge
from .dispute_stances import _overlap, claim_stances
from .relations.context import ClaimView, family_key
from .relations.rules import quantity_interval
from .union_find import UnionFind


@dataclass
class _Group:
    key: tuple
    edges: list[Edge] = field(default_factory=list)
    # position stance -> claim views (each view in one position)
    positions: dict[str, list[ClaimView]] = field(default_factory=dict)


def _number_positions(edges: list[Edge]) -> dict[str, list[tuple[ClaimView, object]]]:
    """Figures of a number dispute grouped into positions: overlapping intervals are one."""
    items = []
    for e in edges:
        items += [(e.x, e.qx), (e.y, e.qy)]
    uf = UnionFind()
    ivs = [(quantity_interval(q), i) for i, (_, q) in enumerate(items)]
    for a in range(len(items)):
        for b in range(a + 1, len(items)):
            if _overlap(ivs[a][0], ivs[b][0]):
                uf.join(a, b)
    groups: dict[int, list] = defaultdict(list)
    for i, it in enumerate(items):
        groups[uf.root(i)].append(it)
    out = {}
    for members in groups.values():
        texts = Counter(q.text for _, q in members)
        out[texts.most_common(1)[0][0]] = members
    return out


def _colour(edges: list[Edge]) -> tuple[list[Edge], dict[str, str]]:
    """Two-colour the clusters of ``edges`` (each contradiction puts its ends on opposite
    sides), strongest relations first; an edge that would join two clusters already on one side
    is left out. Returns the kept edges and cluster -> 'a' | 'b'."""
    parent: dict[str, tuple[str, int]] = {}

    def find(c):
        if c not in parent:
            parent[c] = (c, 0)
        root, par = c, 0
        while parent[root][0] != root:
            par ^= parent[root][1]
            root = parent[root][0]
        return root, par

    kept = []
    for e in sorted(edges, key=lambda e: -(e.rel.score or 0)):
        (ra, pa), (rb, pb) = find(e.x.cluster), find(e.y.cluster)
        if ra == rb:
            if pa != pb:
                kept.append(e)
            continue
        parent[rb] = (ra, pa ^ pb ^ 1)
        kept.append(e)
    colour = {}
    roots: dict[str, str] = {}
    for c in list(parent):
        r, p = find(c)
        first = roots.setdefault(r, c)
        colour[c] = "a" if p == find(first)[1] else "b"
    return kept, colour


def _centroid(vs: list[ClaimView]) -> np.ndarray:
    v = np.mean([x.vec for x in vs], axis=0)
    n = np.linalg.norm(v)
    return v / n if n else v


def _positions(g: _Group, by_cluster: dict[str, list[ClaimView]]) -> dict[str, list[ClaimView]]:
    """stance -> the claims that hold it, for the group's edges (a clause and its statement once)."""
    kind, dim = g.key
    pos: dict[str, list[ClaimView]] = defaultdict(list)
    seen: set[str] = set()

    def add(stance, v):
        if family_key(v) not in seen:
            seen.add(family_key(v))
            pos[stance].append(v)

    if kind == "number":
        for label, members in _number_positions(g.edges).items():
            for v, _q in members:
                add(label, v)
        return dict(pos)
    if kind in ("state", "date", "identity"):
        for e in g.edges:
            add(e.sx, e.x)
            add(e.sy, e.y)
        if kind == "state":  # the other claims of the clusters, by their own stance
            for c in {e.x.cluster for e in g.edges} | {e.y.cluster for e in g.edges}:
                for v in by_cluster.get(c, []):
                    st = claim_stances(v).get(dim)
                    if st and st != "partial" and st in pos:
                        add(st, v)
        return dict(pos)
    kept, colour = _colour(g.edges)
    g.edges = kept
    if kind == "denial" and kept:  # name the sides: the reported claim and its denial
        first = kept[0]
        names = {colour[first.x.cluster]: "reported", colour[first.y.cluster]: "denied"}
        colour = {c: names.get(col, col) for c, col in colour.items()}
    for e in kept:
        add(colour[e.x.cluster], e.x)
        add(colour[e.y.cluster], e.y)
    for c, col in colour.items():
        for v in by_cluster.get(c, []):
            add(col, v)
    return dict(pos)


def group_edges(edges: list[Edge], views: list[ClaimView]) -> list[_Group]:
    """Edges -> groups (one per contested question), with their positions."""
    by_cluster: dict[str, list[ClaimView]] = defaultdict(list)
    for v in views:
        by_cluster[v.cluster].append(v)
    uf = UnionFind(((e.key, e.x.cluster), (e.key, e.y.cluster)) for e in edges)
    groups: dict[tuple, _Group] = {}
    for e in edges:
        r = uf.root((e.key, e.x.cluster))
        groups.setdefault(r, _Group(key=e.key)).edges.append(e)
    out = list(groups.values())
    for g in out:
        g.positions = _positions(g, by_cluster)
    return _fold_denials(_merge(out))


def _fold_denials(groups: list[_Group]) -> list[_Group]:
    """A denial group that contests a question a state group already holds becomes part of it:
    when at least half of the reported claims the denial is about sit in one pole of a two-pole
    state group, none of them in the other, and none of the denials in that pole, the denials join
    the other pole and the denial group is dropped (one question, not the same dispute twice: "X has been retaken" vs
    "fighting continues" and a denial of "X has been retaken"). Other groups are kept as they are."""
    states = [h for h in groups if h.key[0] == "state" and len(h.positions) == 2]
    if not states:
        return groups
    out = []
    for g in groups:
        target = None
        if g.key[0] == "denial" and set(g.positions) == {"reported", "denied"}:
            reported = {v.claim.id for v in g.positions["reported"]}
            denied = {v.claim.id for v in g.positions["denied"]}
            for h in states:
                poles = list(h.positions)
                ids = {p: {v.claim.id for v in h.positions[p]} for p in poles}
                held = [p for p in poles if ids[p] & reported]
                if len(held) == 1 and 2 * len(ids[held[0]] & reported) >= len(reported) and not (ids[held[0]] & denied):
                    other = poles[1 - poles.index(held[0])]
                    target = (h, other)
                    break
        if target is None:
            out.append(g)
            continue
        h, other = target
        h.edges += g.edges
        have = {family_key(v) for v in h.positions[other]}
        h.positions[other] += [v for v in g.positions["denied"] if family_key(v) not in have]
    return out


def _merge(groups: list[_Group]) -> list[_Group]:
    """Merge groups of one kind (one state dimension, one unit, denials, agent or description
    disputes) whose positions say the same things: the centroids of matched positions are at
    least as close as the relation stage asks of two claims on one topic (settings ``relations.state_min_sim``,
    ``relations.numeric_min_sim``; for two sides of a denial, agent or description the near-paraphrase
    ``relations.negation_min_sim``). On large batches (views carry their event as ``block``) a
    group is merged only into one sharing an event (a cluster spanning events belongs to each)."""
    done = BlockIndex(any(v.block is not None for g in groups for v in _members(g)))  # large batches: within events
    for g in sorted(groups, key=lambda g: -len(g.edges)):
        target = None
        if g.key[0] in ("state", "number"):
            need = setting("relations.state_min_sim") if g.key[0] == "state" else setting("relations.numeric_min_sim")
            for h in done.near(g.key, {v.block for v in _members(g)}):
                if h.key != g.key:
                    continue
                if g.key[0] == "state":
                    common = [s for s in g.positions if s in h.positions]
                    if len(common) >= 2 and all(float(_centroid(g.positions[s]) @ _centroid(h.positions[s])) >= need for s in common):
                        target = h
                        break
                else:
                    a = _centroid([v for vs in g.positions.values() for v in vs])
                    b = _centroid([v for vs in h.positions.values() for v in vs])
                    if float(a @ b) >= need:
                        target = h
                        break
        elif len(g.positions) == 2:  # denial / agent / description: two sides, matched one to one
            for h in done.near(g.key, {v.block for v in _members(g)}):
                if h.key != g.key or len(h.positions) != 2:
                    continue
                gs, hs = list(g.positions), list(h.positions)
                maps = [dict(zip(gs, hs))] if g.key[0] == "denial" else [dict(zip(gs, hs)), dict(zip(gs, hs[::-1]))]
                if g.key[0] == "denial":
                    maps = [{s: s for s in gs}] if set(gs) == set(hs) else []
                for m in maps:
                    if all(float(_centroid(g.positions[s]) @ _centroid(h.positions[m[s]])) >= setting("relations.negation_min_sim") for s in gs):
                        target = h
                        g.positions = {m[s]: vs for s, vs in g.positions.items()}
                        break
                if target is not None:
                    break
        if target is None:
            done.add(g, g.key, {v.block for v in _members(g)})
            continue
        target.edges += g.edges
        if g.key[0] == "number":
            target.positions = {k: list({v.claim.id: v for v, _ in m}.values())
                                for k, m in _number_positions(target.edges).items()}
        else:
            for s, vs in g.positions.items():
                have = {family_key(v) for v in target.positions.setdefault(s, [])}
                target.positions[s] += [v for v in vs if family_key(v) not in have]
        done.add(target, g.key, {v.block for v in _members(target)})  # filed again under the events it gained
    return done.items


def _members(g: _Group) -> list[ClaimView]:
    """The claim views of a group's positions."""
    return [v for vs in g.positions.values() for v in vs]
