"""Which events the claim-level corpus stages could join: the bridges of the storyline partition.

With ``events.partition`` on, the claim-level stages run on each part of the batch alone
(``rashomon.event_parts``). A part must hold every pair of claims those stages would join in the
whole batch, or the part loses a cluster, a relation or a dispute. ``event_bridges`` finds the
pairs of events whose claims they could join, cheaply, from the claims' vectors and features,
before any claim is linked; the parts are then the connected components of the events under
``related`` and these bridges.

In: a ``CorpusState`` after ``link_actors`` and ``events`` ran on the whole batch (claims,
actors, events, annotations with the claims' vectors).
Out: a set of event id pairs ``(a, b)``, ``a < b``, whose connected components are those of
the events under the rules below (not every bridged pair is listed: once two events are
connected, no more of their claim pairs are scored). Claims of articles in no event bridge nothing.

Near exact, not exact: a part's clustering weighs words by the part's own statistics (IDF), its
actors and main parties are linked within the part, blocks of different sizes are filled
(``clusters.fill_block_max``) differently, and a relation signal may pair claims below the
bridge cosine (see the setting's comment). On the seed articles and the gold dev clusters each
batch is one part; on fnc_stories dev the parts are the groups the whole batch joins.

Two events are bridged when a claim of one and a claim of the other

1. **could share a cluster**: the pair is a candidate of the clustering's blocking
   (``candidates.candidate_pairs`` over the proposition vectors and ``clusters.blocking_keys``,
   as ``clusters.cluster_indices`` proposes pairs) and its pair score (``clusters.PairScorer``,
   with the whole batch's statistics) reaches ``clusters.cluster`` (or ``learned_cluster``), the
   average-linkage cut: two groups merge only when the mean score of their pairs reaches the
   cut, so groups of two events whose every cross pair scores under it never merge, and the
   groups of each event come out as they would alone (the linkage inside a block is the same
   with or without the other event's claims);
2. **talk about one thing** (what the relation signals, the disputes and the date inference
   compare): the cosine of the claims' embeddings (as told, the vectors the relations read)
   reaches ``events.partition_bridge_cosine``. Every pair is compared up to
   ``relations.all_pairs_max`` claims (as the relations stage does), above that the blocked
   candidates of ``candidate_pairs``.

From ``blocking.event_claims_min`` claims on (not counting clause claims, which the clustering
leaves to their parents), the whole batch pairs claims only within events
(``blocking.claim_pairs_by_event``), so no claim-level stage joins two events: no bridge.
"""
from __future__ import annotations

from typing import Optional

import numpy as np

from ..settings import setting
from ..state import CorpusState
from .candidates import candidate_pairs
from .clusters import PairScorer, _params, blocking_keys
from .features import claim_features
from .similarity import proposition_vectors, vectors_for
from .union_find import UnionFind


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _unit(v: np.ndarray) -> np.ndarray:
    n = np.linalg.norm(v, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return (v / n).astype(np.float32)


def cluster_bridges(state: CorpusState, ids: list[str], events: list[str], known: frozenset = frozenset()) -> set[tuple[str, str]]:
    """Event pairs (see module doc, 1.) among the claims ``ids`` whose events are ``events``,
    enough of them to connect every two events such a claim pair joins: a candidate pair whose
    events are already connected (through ``known`` pairs or a bridge found before it) is not
    scored, so the cost falls as the events connect."""
    p = _params()
    feats_by_id = claim_features(state)
    vectors = proposition_vectors(state, ids)
    told = vectors_for(state, ids)
    arts = {c.id: c.article for c in state.dossier.claims}
    scorer = PairScorer(vectors, [feats_by_id[i] for i in ids], [arts[i] for i in ids], p, events=list(events), told=told)
    comps = UnionFind(known)
    out: set[tuple[str, str]] = set()
    for a, b in sorted(candidate_pairs(vectors, blocking_keys(scorer, p))):
        if comps.root(events[a]) == comps.root(events[b]):
            continue
        if scorer.score(a, b, float(vectors[a] @ vectors[b])) >= p["cluster"]:
            out.add(_pair(events[a], events[b]))
            comps.join(events[a], events[b])
    return out


def topic_bridges(vectors: np.ndarray, events: list[str], cosine: float, all_pairs_max: Optional[int] = None) -> set[tuple[str, str]]:
    """Event pairs (see module doc, 2.): rows of ``vectors`` (one per claim, ``events`` its
    event) in different events with cosine >= ``cosine``; every pair up to ``all_pairs_max``
    rows (default ``relations.all_pairs_max``), else the blocked candidates."""
    n = len(events)
    if n < 2:
        return set()
    v = _unit(np.asarray(vectors, dtype=np.float32))
    names = sorted(set(events))
    pos = {x: k for k, x in enumerate(names)}
    code = np.array([pos[e] for e in events])
    limit = setting("relations.all_pairs_max") if all_pairs_max is None else all_pairs_max
    found: set[tuple[int, int]] = set()
    if n <= limit:
        for s in range(0, n, 512):
            sim = v[s:s + 512] @ v.T
            hit = (sim >= cosine) & (code[s:s + 512, None] != code[None, :])
            rows, cols = np.nonzero(hit)
            found.update(zip(code[s + rows].tolist(), code[cols].tolist()))
    else:
        for a, b in candidate_pairs(v):
            if code[a] != code[b] and float(v[a] @ v[b]) >= cosine:
                found.add((int(code[a]), int(code[b])))
    return {_pair(names[x], names[y]) for x, y in found}


def event_bridges(state: CorpusState) -> set[tuple[str, str]]:
    """Pairs of events of ``state.dossier.events`` that connect the events whose claims the
    claim-level stages could join (see module doc)."""
    d = state.dossier
    # the clustering counts the claims it clusters (clause claims follow their parent), the
    # relations all claims: both pair within events only when the smaller count reaches the line
    if len(d.events) < 2 or sum(c.parent is None for c in d.claims) >= setting("blocking.event_claims_min"):
        return set()
    event_of = {a: e.id for e in d.events for a in e.articles}
    claims = [c for c in d.claims if c.parent is None and c.article in event_of]
    if len({event_of[c.article] for c in claims}) < 2:
        return set()
    ids = [c.id for c in claims]
    events = [event_of[c.article] for c in claims]
    out = topic_bridges(vectors_for(state, ids), events, setting("events.partition_bridge_cosine"))
    return out | cluster_bridges(state, ids, events, frozenset(out))
