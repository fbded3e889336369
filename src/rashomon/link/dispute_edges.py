"""One ``contradicts`` relation read at claim level for grouping into disputes (``link/disputes.py``).

In: a ``Relation`` whose first two evidence spans are its two claims, the claim views, quantities
and times by their spans. Out: an ``Edge`` (question key and each end's stance), or a reason from
``AGREE`` when the two claims do not in fact conflict, or None when the claims are not found."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Optional

from ..models import Relation
from .dispute_stances import (_hypothetical_rejection, _overlap, _rejects, _too_thin, claim_stances,
                              is_directive)
from .relations.context import ClaimView, opposed_sides
from .relations.rules import quantity_interval
from .relations.slots import identity_poles


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
