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

from collections import Counter, defaultdict
from typing import Optional

from ..models import Dispute, DisputePosition, PositionStep, Relation, Span
from .dispute_edges import AGREE, Edge, _read_edge, _same_source
from .dispute_groups import _Group, _merge, group_edges
from .dispute_stances import claim_stances, is_directive
from .dispute_wording import hubs, position_label, question_and_type, set_mid_caps
from .relations.context import ClaimView, claim_views

# Re-exported for callers of this module: the stances and the grouping live in their own modules.
__all__ = ["AGREE", "Edge", "agreeing_contradictions", "build_disputes", "claim_stances", "find_disputes",
           "group_edges", "is_directive", "_Group", "_merge"]


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
