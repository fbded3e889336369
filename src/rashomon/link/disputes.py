"""Corpus stage ``find_disputes``: the pairwise ``contradicts`` / ``updates`` relations grouped
into the questions they contest, each with its positions.

In: ``state.dossier`` after ``relations`` (relations, clusters, claims, actors, articles,
quantities, times) and the claim views of ``relations.context`` (side, speaker, date, embedding of
each claim). Out: ``state.dossier.disputes`` = ``Dispute`` records ``D1, D2, ...``; the
``contradicts`` relations whose two claims in fact agree are removed from ``relations``.

How:

1. Each ``contradicts`` relation is read at claim level (its first two evidence spans are the
   two claims) and given a question key and a stance for each end:
   - state (``incompatible_state``, and a denial whose two claims speak to one state dimension
     of ``data/polarity.yaml``): the key is the dimension, the stance the pole each claim asserts
     (a denied claim or a rebuttal of what it names takes the other pole; a pole word inside a
     concessive phrase, "despite the declaration of victory", is not asserted; a partial "ended"
     state, "withdrawn from much of the area", takes no side on a total question);
   - number: the key is the unit, the stance the figure (as an interval); date: the ISO date;
   - denial (no shared state) and anything else: the two ends take opposite sides (a
     two-colouring of the relation graph).
   A relation whose two ends take the same (or a compatible) stance is not a dispute: the two
   claims agree. A relation one end of which is a demand or a request ("demanded", "called
   for", ``data/disputes.yaml``) is not a dispute either: a demand and its refusal can both hold.
   The relation stage leaves such relations out (``agreeing_contradictions``; ``AGREE`` says why).
2. Relations with the same key that share a cluster form one dispute (union-find); disputes of
   the same kind (state dimension, unit, denial, agent or description) whose positions say the
   same things (cosine of the matched position centroids >= the relation stage's own
   same-topic threshold) are merged.
3. Positions: the clusters (and within a cluster the claims) with one stance. A dispute keeps
   at least two positions that cannot both hold and at least one contradiction between
   different sides or speakers; relations between one side's earlier and later claims are
   revisions, listed apart as ``updates``.
4. Each position gets its sources, sides, outlets, dates and a history (first stated, repeated,
   revised by its own side later, denied by another position), with evidence spans; the
   dispute gets a question made from its contested propositions and a type
   (``dispute_wording``, templates in ``data/disputes.yaml``).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import numpy as np

from ..data import load_yaml
from ..settings import setting
from ..models import Dispute, DisputePosition, PositionStep, Relation, Span
from .blocking import BlockIndex
from .dispute_wording import hubs, position_label, question_and_type, set_mid_caps
from .relations.context import ClaimView, claim_views, family_key, opposed_sides
from .relations.rules import quantity_interval
from .relations.slots import identity_poles
from .relations.stance import rebuts
from .relations.lexicon import find_terms, is_total, lexicon, pole_names, state_poles


def _cfg() -> dict:
    return load_yaml("disputes.yaml", "en")


# --------------------------------------------------------------------------- stances


def _mask_concessive(text: str) -> str:
    """``text`` with every concessive phrase ("despite X,") blanked out (same length)."""
    out = text
    for s, _e, _ in find_terms(text, _cfg().get("concessive", [])):
        m = re.compile(r"[,;—–]|\s-\s").search(text, s)
        end = m.start() if m else len(text)
        out = out[:s] + " " * (end - s) + out[end:]
    return out


def claim_stances(v: ClaimView) -> dict[str, str]:
    """State dimension -> the pole the claim stands by. A pole word in a concessive phrase does not
    count; a denied claim, or one that ``rebuts`` what it names, takes the other pole of what it denies
    (when the denied pole comes first: "denied that its forces had withdrawn fully, saying ..."); an
    "ended"-like pole that must be total (``total_poles``) but is not becomes ``partial``."""
    return dict(_stances(v.text, v.claim.polarity == "denied" or rebuts(v.text, v.claim.cue)))


@lru_cache(maxsize=100_000)
def _stances(raw: str, denied: bool) -> tuple[tuple[str, str], ...]:
    text = _mask_concessive(raw)
    poles = state_poles(text)
    states = lexicon().get("states") or {}
    total = lexicon().get("total_poles") or {}
    out: dict[str, str] = {}
    for dim in states:
        names = pole_names(dim)
        if len(names) != 2:
            continue
        if dim in poles:
            pole = poles[dim][0]
            if denied:
                pole = names[1] if pole == names[0] else names[0]
            elif total.get(dim) == pole and not is_total(text):
                pole = "partial"
            out[dim] = pole
        elif denied:
            # mixed: the first pole named is the denied one; every other hit must agree with its opposite
            hits = sorted((s, p) for p in names for s, _e, _ in find_terms(text, states[dim].get(p, [])))
            if hits:
                first = hits[0][1]
                flipped = names[1] if first == names[0] else names[0]
                if all(p == flipped for _, p in hits[1:]):
                    out[dim] = flipped
    return tuple(out.items())


def is_directive(v: ClaimView) -> bool:
    """The claim demands, asks or proposes rather than states (``data/disputes.yaml``; "was asked" is no directive)."""
    cue = v.claim.cue or ""
    if cue and find_terms(cue, _cfg().get("directive_cues", [])) and not find_terms(v.text, _cfg().get("asked_passive", [])):
        return True
    return bool(find_terms(v.text, _cfg().get("directive_phrases", [])))


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return not (a[1] < b[0] or b[1] < a[0])


# --------------------------------------------------------------------------- relation ends


@dataclass
class Edge:
    """One contradicts / updates relation read at claim level for grouping."""

    rel: Relation
    x: ClaimView
    y: ClaimView
    key: tuple            # (kind, detail): ("state", dim), ("number", unit), ("date", ""), ("denial", ""), ("agent", ""), ("identity", dim), ("other", "")
    sx: Optional[str] = None   # stance of x (None: decided by colouring)
    sy: Optional[str] = None
    qx: object = None     # the quantity / time behind a number or date stance
    qy: object = None
    revision: bool = False


def _same_source(x: ClaimView, y: ClaimView) -> bool:
    if x.speaker and y.speaker and x.speaker == y.speaker:
        return True
    return opposed_sides(x, y) is False


def _with_cluster(own: dict[str, str], v: ClaimView, by_cluster: dict[str, list[ClaimView]]) -> dict[str, str]:
    """The claim's stances, completed by its cluster's: a dimension the claim leaves open (its
    words are mixed) takes the pole most of the cluster's other claims stand by."""
    out = dict(own)
    votes: dict[str, Counter] = defaultdict(Counter)
    for w in by_cluster.get(v.cluster, []):
        if w.claim.id != v.claim.id:
            for d, p in claim_stances(w).items():
                votes[d][p] += 1
    for d, c in votes.items():
        if d not in out:
            (p, n), *rest = c.most_common()
            if not rest or rest[0][1] < n:
                out[d] = p
    return out


# Why a contradicts relation contests nothing: its two claims do not in fact conflict.
AGREE = {
    "demand": "one side demands or asks, the other refuses: both can be true",
    "figures": "the two figures overlap once bounds and approximations are read",
    "dates": "both claims give the same date",
    "state": "both claims stand by the same state (a denial of a total claim agrees with a partial one)",
    "conceded": "the opposite state is only conceded ('despite ...') or partial, not asserted",
    "both_deny": "both claims reject the same thing, and their sides are not opposed",
    "hypothetical": "the rejection is only possible ('could reject'), not made",
}


def _rejects(v: ClaimView) -> bool:
    """The claim rejects something: it is denied, or carries a denial verb (polarity.yaml)."""
    if v.claim.polarity == "denied":
        return True
    return bool(find_terms(v.text, (lexicon().get("denial") or {}).get("verbs", [])))


def _hypothetical_rejection(v: ClaimView) -> bool:
    """Every denial verb of the claim follows an irrealis word ("could", "would", "plans to")
    within its three preceding words: the rejection is possible, not made."""
    den = (lexicon().get("denial") or {}).get("verbs", [])
    hits = find_terms(v.text, den) + (find_terms(v.claim.cue, den) if v.claim.cue and v.claim.cue not in v.text else [])
    if not hits:
        return False
    irrealis = lexicon().get("irrealis", [])
    for s, _e, _ in hits:
        before = " ".join(v.text[:s].split()[-3:])
        if not find_terms(before, irrealis):
            return False
    return True


def _too_thin(v: ClaimView) -> bool:
    """The claim's proposition has fewer than three content words: it states no position."""
    return len([w for w in re.findall(r"[^\W\d_]{3,}", v.prop.lower())
                if w not in set(_cfg().get("function_words", []))]) < 3


def _read_edge(rel: Relation, views_at: dict, quants_at: dict, times_at: dict,
               by_cluster: dict[str, list[ClaimView]]):
    """The relation as an ``Edge``; a string (a value of ``AGREE``) when its two claims do not
    in fact conflict; None when the claims cannot be found (a relation made outside the claim
    views)."""
    if len(rel.evidence) < 2:
        return None
    x = views_at.get((rel.evidence[0].article, rel.evidence[0].start, rel.evidence[0].end))
    y = views_at.get((rel.evidence[1].article, rel.evidence[1].start, rel.evidence[1].end))
    if x is None or y is None or x.cluster == y.cluster:
        return None
    if _too_thin(x) or _too_thin(y):
        return None
    if is_directive(x) or is_directive(y):
        return AGREE["demand"]
    if rel.signal == "denial":  # x: the reported claim, y: its denial
        if _hypothetical_rejection(y):
            return AGREE["hypothetical"]
        if _rejects(x) and opposed_sides(x, y) is not True:
            return AGREE["both_deny"]
    revision = _same_source(x, y) and x.date != y.date
    extra = rel.evidence[2:]
    if rel.signal in ("numeric", "count"):
        qs = [quants_at.get((sp.article, sp.start, sp.end)) for sp in extra]
        qx = next((q for q in qs if q is not None and q.article == x.claim.article and x.claim.start <= q.start < x.claim.end), None)
        qy = next((q for q in qs if q is not None and q is not qx and q.article == y.claim.article and y.claim.start <= q.start < y.claim.end), None)
        if qx is not None and qy is not None:
            ix, iy = quantity_interval(qx), quantity_interval(qy)
            if ix is None or iy is None or _overlap(ix, iy):
                return AGREE["figures"]
            unit = ((qx.si.unit if qx.si else qx.unit) or "").lower()
            return Edge(rel, x, y, ("number", unit), qx=qx, qy=qy, revision=revision)
    if rel.signal == "date":
        ts = [times_at.get((sp.article, sp.start, sp.end)) for sp in extra]
        tx = next((t for t in ts if t is not None and t.article == x.claim.article), None)
        ty = next((t for t in ts if t is not None and t is not tx and t.article == y.claim.article), None)
        if tx is not None and ty is not None:
            if tx.value == ty.value:
                return AGREE["dates"]
            return Edge(rel, x, y, ("date", ""), sx=tx.value, sy=ty.value, qx=tx, qy=ty, revision=revision)
    stx, sty = _with_cluster(claim_stances(x), x, by_cluster), _with_cluster(claim_stances(y), y, by_cluster)
    shared = [d for d in stx if d in sty]
    opposite = [d for d in shared if stx[d] != sty[d] and "partial" not in (stx[d], sty[d])]
    if opposite:
        d = opposite[0]
        return Edge(rel, x, y, ("state", d), sx=stx[d], sy=sty[d], revision=revision)
    if rel.signal in ("incompatible_state", "denial") and shared:
        return AGREE["state"]  # a state or denial signal whose two ends take the same (or a compatible) pole
    if rel.signal == "incompatible_state":
        return AGREE["conceded"]  # the opposite poles were conceded or partial, not asserted
    if rel.signal == "identity":  # what a thing is: the positions are the two poles of one dimension
        px, py = identity_poles(x.text), identity_poles(y.text)
        dim = next((d for d in px if d in py and px[d][0] != py[d][0]), None)
        if dim is not None:
            return Edge(rel, x, y, ("identity", dim), sx=px[dim][0], sy=py[dim][0], revision=revision)
    # other signals (an agent swap): the same state on both ends is what they share, not what they contest
    kind = {"denial": "denial", "agent": "agent"}.get(rel.signal, "other")
    return Edge(rel, x, y, (kind, ""), revision=revision)


# --------------------------------------------------------------------------- grouping


class _UF:
    def __init__(self):
        self.p: dict = {}

    def find(self, a):
        self.p.setdefault(a, a)
        while self.p[a] != a:
            self.p[a] = self.p[self.p[a]]
            a = self.p[a]
        return a

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[rb] = ra


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
    uf = _UF()
    ivs = [(quantity_interval(q), i) for i, (_, q) in enumerate(items)]
    for a in range(len(items)):
        uf.find(a)
        for b in range(a + 1, len(items)):
            if _overlap(ivs[a][0], ivs[b][0]):
                uf.union(a, b)
    groups: dict[int, list] = defaultdict(list)
    for i, it in enumerate(items):
        groups[uf.find(i)].append(it)
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
    uf = _UF()
    for e in edges:
        uf.union((e.key, e.x.cluster), (e.key, e.y.cluster))
    groups: dict[tuple, _Group] = {}
    for e in edges:
        r = uf.find((e.key, e.x.cluster))
        groups.setdefault(r, _Group(key=e.key)).edges.append(e)
    out = list(groups.values())
    for g in out:
        g.positions = _positions(g, by_cluster)
    return _merge(out)


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


# --------------------------------------------------------------------------- records


def _source_name(v: ClaimView, outlet: str) -> str:
    c = v.claim
    sp = c.chain[0] if c.chain else c.speaker
    return sp.name if sp is not None else f"narration of {outlet}"


def build_disputes(views: list[ClaimView], relations: list[Relation], dossier, agreeing: Optional[dict] = None) -> list[Dispute]:
    """The ``Dispute`` records of ``relations`` (see the module docstring). When ``agreeing``
    is a dict it receives relation id -> why, for the contradictions whose claims agree."""
    set_mid_caps(a.text for a in dossier.articles)
    views_at = {(v.span.article, v.span.start, v.span.end): v for v in views}
    quants_at = {(q.article, q.start, q.end): q for q in dossier.quantities}
    times_at = {(t.article, t.start, t.end): t for t in dossier.times}
    outlets = {a.id: (a.outlet or a.id) for a in dossier.articles}
    order = {a.id: i for i, a in enumerate(dossier.articles)}
    by_cluster: dict[str, list[ClaimView]] = defaultdict(list)
    for v in views:
        by_cluster[v.cluster].append(v)
    edges = []
    for r in relations:
        if r.type == "contradicts":
            e = _read_edge(r, views_at, quants_at, times_at, by_cluster)
            if isinstance(e, Edge):
                edges.append(e)
            elif isinstance(e, str) and agreeing is not None:
                agreeing[r.id] = e
    ups = [r for r in relations if r.type == "updates"]
    ups_from: dict[str, list[int]] = defaultdict(list)  # cluster -> positions in ``ups`` of its updates (not ups x groups)
    for i, r in enumerate(ups):
        ups_from[r.a].append(i)
    groups = group_edges(edges, views)
    out: list[Dispute] = []
    for g in groups:
        g.positions = {s: vs for s, vs in g.positions.items() if vs}
        if len(g.positions) < 2:
            continue
        cross = [e for e in g.edges if not e.revision]
        if not cross:
            continue  # only one side revising itself: an update, not a dispute between sides
        clusters = {v.cluster for vs in g.positions.values() for v in vs}
        g_ups = [ups[i] for i in sorted({i for c in clusters for i in ups_from.get(c, ()) if ups[i].b in clusters})]
        up_pairs = {frozenset((r.a, r.b)) for r in g_ups}
        # a revision is listed once: as its `updates` relation when there is one, else as the contradiction
        g_ups_ids = [r.id for r in g_ups] + [e.rel.id for e in g.edges if e.revision and frozenset((e.rel.a, e.rel.b)) not in up_pairs]
        deg = Counter()
        for e in g.edges:
            deg[e.x.cluster] += 1
            deg[e.y.cluster] += 1
        size = Counter(v.cluster for vs in g.positions.values() for v in vs)
        hub_clusters = hubs(g, deg, size)
        question, typ, about = question_and_type(g, hub_clusters)
        stance_of = {v.claim.id: s for s, vs in g.positions.items() for v in vs}
        denials = {}  # claim id of a denier -> stance it denies
        for e in g.edges:
            if e.rel.signal == "denial":
                denials[e.y.claim.id] = stance_of.get(e.x.claim.id)
        positions = []
        did = f"D{len(out) + 1}"
        ranked = sorted(g.positions.items(), key=lambda kv: (min((v.date or "9999") for v in kv[1]), -len(kv[1])))
        for n, (stance, vs) in enumerate(ranked, start=1):
            vs = sorted(vs, key=lambda v: (v.date or "9999", order.get(v.claim.article, 0), v.claim.start))
            steps = []
            for v in vs:
                step = "first_stated" if not steps else "repeated"
                steps.append(_step(step, v, outlets))
            for s2, others in g.positions.items():
                if s2 == stance:
                    continue
                for w in others:
                    if denials.get(w.claim.id) == stance:
                        steps.append(_step("denied", w, outlets))
                    elif any(_same_source(v, w) and v.date and w.date and w.date > v.date for v in vs):
                        steps.append(_step("revised", w, outlets))
            steps.sort(key=lambda s: (s.date or "9999", s.step != "first_stated"))
            dates = sorted(v.date for v in vs if v.date)
            positions.append(DisputePosition(
                id=f"{did}.{n}", label=position_label(g.key[0], stance, vs, hub_clusters), stance=stance,
                clusters=list(dict.fromkeys(v.cluster for v in vs)), claims=[v.claim.id for v in vs],
                sources=list(dict.fromkeys(_source_name(v, outlets.get(v.claim.article, v.claim.article)) for v in vs)),
                sides=list(dict.fromkeys(v.side for v in vs if v.side)),
                outlets=list(dict.fromkeys(outlets.get(v.claim.article, v.claim.article) for v in vs)),
                first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
                history=steps, evidence=[v.span for v in vs]))
        expl = "; ".join(f"{p.label} ({', '.join(p.sides or p.sources[:3])})" for p in positions[:4])
        out.append(Dispute(id=did, question=question, type=typ, about=about, positions=positions,
                           relations=list(dict.fromkeys(e.rel.id for e in cross)), updates=list(dict.fromkeys(g_ups_ids)),
                           explanation=f"These positions cannot all hold: {expl}."))
    out.sort(key=lambda d: (-len(d.relations), -len(d.positions)))
    for i, d in enumerate(out, start=1):
        old = d.id
        d.id = f"D{i}"
        for p in d.positions:
            p.id = d.id + p.id[len(old):]
    return out


def _step(step: str, v: ClaimView, outlets: dict) -> PositionStep:
    return PositionStep(step=step, claim=v.claim.id, cluster=v.cluster, date=v.date, speaker=v.speaker_name, side=v.side,
                        outlet=outlets.get(v.claim.article, v.claim.article),
                        evidence=Span(article=v.span.article, start=v.span.start, end=v.span.end, text=v.span.text))


def agreeing_contradictions(state, relations: list[Relation]) -> dict[str, str]:
    """Relation id -> why (a value of ``AGREE``) for the ``contradicts`` relations among
    ``relations`` whose two claims in fact agree. The relation stage leaves these out before it
    writes ``dossier.relations`` (the ``updates`` of the same pair stay)."""
    if not any(r.type == "contradicts" for r in relations):
        return {}
    agreeing: dict[str, str] = {}
    build_disputes(claim_views(state), relations, state.dossier, agreeing)
    return agreeing


def find_disputes(state) -> None:
    """Pipeline stage (corpus): ``state.dossier.relations`` -> ``state.dossier.disputes`` (a new
    list; the relations are not changed)."""
    d = state.dossier
    if not any(r.type == "contradicts" for r in d.relations):
        d.disputes = []
        return
    d.disputes = build_disputes(claim_views(state), d.relations, d)
