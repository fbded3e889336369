"""Counts of people that cannot both hold: the dead, the missing, the injured, the displaced.

In: the ``ClaimView`` list of ``relations.context`` (claims with their quantities). Out:
``Finding`` records: ``contradicts`` (signal ``count``) when two sources give figures of one kind
(``counts.kinds`` of ``data/en/conflict_slots.yaml``: a kind word near the figure) for the same
event whose intervals (bounds, "at least", "about" read by ``rules.quantity_interval``) do not
meet, from two sources within a day of each other or with the later figure lower; ``updates``
(signal ``count``) when the later figure is higher and more than a day later, or comes from the
same source (a toll that rises, a revision). The quantity stage often leaves such figures
without a unit ("rose to 11,300"), so the kind is read from the words around the figure, and
the pair needs less word overlap than the generic ``numeric`` rule: topic similarity >= setting
``relations.count_min_sim``. A figure whose unit is one of a ``counts.unit_kinds`` group
("cases", "incidents") counts that group, whatever words stand near it. Two exact whole counts below ``counts.exact_below`` (174 vs 171
passengers) differ however close they are; other figures must differ by 10%. Claims that both name places or bodies must share one (another
town's toll is not a contradiction). A pair is kept when each claim ranks the other's cluster
among its ``relations.slot_top`` closest conflicting clusters, or one ranks it first (one stray
figure does not pair with every toll).
"""
from __future__ import annotations

from typing import Optional

from ...models import Span
from .context import ClaimView, topic_similarity, view_pairs
from .lexicon import find_terms, lexicon
from .rules import Finding, _q, later, quantity_interval, same_source, who
from .slots import _keep_closest, _two_sources, places, slot_words
from ...settings import setting


def count_kind(v: ClaimView, q) -> Optional[str]:
    """The kind of people count the quantity ``q`` of claim ``v`` is (nearest kind word within
    the window), or None."""
    spec = slot_words()["counts"]
    s, e = q.start - v.span.start, q.end - v.span.start
    if not (0 <= s < e <= len(v.text)) or q.si is not None:
        return None  # a measure (metres, years), not a count of people
    own = q.text
    if q.qualifier and own.lower().startswith(q.qualifier.lower()):
        own = own[len(q.qualifier):]  # "more than 1,500": a bound, not "1,500 more"
    if find_terms(own, spec.get("other_part", [])):
        return None
    if find_terms(v.text[max(0, s - 25):s], lexicon().get("irrealis", [])):
        return None  # "the toll could reach 20,000": a possibility, not a count
    counted = {u.lower() for u in spec.get("counted_units", [])}
    unit = (q.unit or "").lower()
    for kind, words in (spec.get("unit_kinds") or {}).items():
        if unit and unit in {w.lower() for w in words}:
            return kind  # "1,500 cases" and "1,000 incidents": one counted kind under two words
    if q.unit and unit not in {u.lower() for u in spec.get("people_units", [])} | counted:
        return None  # "two dams"
    win = int(spec.get("window", 60))
    best = None
    for kind, words in spec["kinds"].items():
        for hs, he, _ in find_terms(v.text, words):
            gap = hs - e if hs >= e else s - he if he <= s else -1
            if gap < 0 and not (he <= s or hs >= e):
                gap = 0  # the kind word is inside the figure ("20 thousand deaths")
            if 0 <= gap <= win and (best is None or gap < best[0]):
                best = (gap, kind)
    if best:
        return best[1]
    return q.unit.lower() if q.unit and q.unit.lower() in counted else None


def _exact(q) -> bool:
    """A whole count given exactly (no "about", no bound, no range) below ``exact_below``."""
    v = q.value
    return (v is not None and not q.approx and not q.bound and q.low is None and q.high is None
            and float(v).is_integer() and v < float(slot_words()["counts"].get("exact_below", 1000)))


def _days_apart(x: ClaimView, y: ClaimView) -> Optional[int]:
    """Days between the two claims' dates (ISO days), None when either is unknown."""
    from datetime import date

    try:
        return abs((date.fromisoformat(x.date[:10]) - date.fromisoformat(y.date[:10])).days)
    except (TypeError, ValueError):
        return None


def _value(iv: tuple[float, float]) -> float:
    return iv[0] if iv[0] != float("-inf") else iv[1]


def count_findings(views: list[ClaimView]) -> list[Finding]:
    """Figures of one kind of people count that cannot both hold (see the module docstring)."""
    kinds = {}
    for v in views:
        if v.claim.polarity == "denied" or find_terms(v.text, (lexicon().get("denial") or {}).get("verbs", [])):
            continue  # the figure a denial quotes is the one it rejects (the denial signal's business)
        for q in v.quantities:
            iv = quantity_interval(q)
            k = count_kind(v, q) if iv is not None and q.article == v.claim.article else None
            if k:
                kinds.setdefault(v.claim.id, []).append((k, q, iv))
    cands, updates = [], []
    for x, y in view_pairs([v for v in views if v.claim.id in kinds]):
        if x.cluster == y.cluster or (x.claim.article == y.claim.article and x.speaker == y.speaker):
            continue
        px, py = places(x.text), places(y.text)
        if px and py and not (px & py):
            continue  # another town's toll
        sim = topic_similarity(x, y)
        if sim < setting("relations.count_min_sim"):
            continue
        for kx, qx, ix in kinds[x.claim.id]:
            hit = None
            for ky, qy, iy in kinds[y.claim.id]:
                if kx != ky or not (ix[1] < iy[0] or iy[1] < ix[0]):
                    continue
                a, b = _value(ix), _value(iy)
                if max(abs(a), abs(b)) and abs(a - b) / max(abs(a), abs(b)) < 0.1 and not (_exact(qx) and _exact(qy)):
                    continue  # within rounding, unless both are exact small counts
                hit = (kx, qx, qy, a, b)
                break
            if hit is None:
                continue
            kind, qx, qy, a, b = hit
            lt = later(x, y)
            first = (x if lt is y else y) if lt is not None else None
            rising = lt is not None and ((b > a) if lt is y else (a > b))
            gap = _days_apart(x, y)
            if lt is not None and (same_source(x, y) or (rising and gap is not None and gap > 1)):
                second = y if first is x else x
                updates.append((sim, first, second, qx if first is x else qy, qy if first is x else qx, kind))
            elif _two_sources(x, y):
                cands.append((sim, x, y, qx, qy, kind))
            break
    out = []
    for sim, x, y, qx, qy, kind in _keep_closest(cands, setting("relations.slot_top"), mutual=True):
        spans = [Span(article=q.article, start=q.start, end=q.end, text=q.text) for q in (qx, qy)]
        out.append(Finding("contradicts", "count", x, y, round(min(1.0, 0.4 + sim / 2), 3),
                           f"Counts of the {kind} that cannot both hold: {who(x)} says “{qx.text}” ({x.date or 'date unknown'}), "
                           f"{who(y)} says “{qy.text}” ({y.date or 'date unknown'}): {_q(x.text, 90)} vs {_q(y.text, 90)}.", spans))
    for sim, first, second, q1, q2, kind in _keep_closest(updates, 1, mutual=True):
        spans = [Span(article=q.article, start=q.start, end=q.end, text=q.text) for q in (q1, q2)]
        out.append(Finding("updates", "count", first, second, round(sim, 3),
                           f"Later count of the {kind}: {who(first)} gave “{q1.text}” ({first.date}); "
                           f"{who(second)} later gives “{q2.text}” ({second.date}).", spans))
    return out
