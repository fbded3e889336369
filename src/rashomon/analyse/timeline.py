"""The timeline stage: dated events and statements in time order.

In: ``state.dossier`` (``times`` with ISO values and anchors, ``claims`` with their ``times``,
``clusters``, ``articles`` with ``published_source``, ``events`` with dates) and, when present,
``state.annotations[id].sentences`` for labels of dates no claim carries. Out:
``dossier.timeline``, a list of ``TimelineEntry(date, label, inferred, claims, articles,
times)`` sorted by date. One entry per ISO date value; an entry is ``inferred`` when every time
expression behind it was resolved against a publication date that was itself inferred (time
``anchor == "inferred_publication"``, or a relative time in an article whose date is inferred).
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Optional

from ..models import Claim, Dossier, TimeExpr, TimelineEntry

LABEL_CHARS = 170
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$|^\d{4}-(W\d{2}|SP|SU|FA|WI|Q\d|H\d)$")


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (with "…")."""
    t = re.sub(r"\s+", " ", text).strip()
    if len(t) <= limit:
        return t
    cut = t[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def is_inferred(t: TimeExpr, dossier: Dossier, articles: Optional[dict] = None) -> bool:
    """True when ``t``'s value rests on an inferred publication date. ``articles`` (optional):
    the dossier's articles by id, so that many calls do not scan the articles each."""
    if t.anchor == "inferred_publication":
        return True
    if t.anchor in ("publication", "previous_time"):
        art = articles.get(t.article) if articles is not None else next((a for a in dossier.articles if a.id == t.article), None)
        return bool(art and art.published_source == "inferred")
    return False


def _sentence_around(text: str, start: int, end: int, sentences: Optional[list] = None) -> str:
    for s, e in sentences or []:
        if s <= start < e:
            return text[s:e]
    s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    e_dot = text.find(". ", end)
    e = len(text) if e_dot < 0 else e_dot + 1
    nl = text.find("\n", end)
    if 0 <= nl < e:
        e = nl
    return text[s + 1 if s >= 0 else 0:e]


def _label(claims: list[Claim], times: list[TimeExpr], dossier: Dossier, annotations: Optional[dict],
           size: dict[str, int], articles: dict) -> str:
    """The entry's label: its claim of the largest cluster (``size``: cluster id -> articles), else
    the sentence around its first time expression (``articles``: the dossier's articles by id)."""
    if claims:
        best = sorted(claims, key=lambda c: (-size.get(c.cluster or "", 1), c.speaker is None, len(c.text)))[0]
        who = f"{best.speaker.name}: " if best.speaker and best.kind != "narrative" else ""
        return shorten(who + best.text)
    t = times[0]
    art = articles.get(t.article)
    if art is None:
        return t.text
    ann = (annotations or {}).get(art.id)
    return shorten(_sentence_around(art.text, t.start, t.end, ann.sentences if ann is not None else None))


def timeline_of(dossier: Dossier, annotations: Optional[dict] = None) -> list[TimelineEntry]:
    """The timeline entries of ``dossier`` (see the module docstring)."""
    claims_by_id = {c.id: c for c in dossier.claims}
    claim_of_time: dict[str, set[str]] = defaultdict(set)
    for c in dossier.claims:
        for tid in c.times:
            claim_of_time[tid].add(c.id)
    groups: dict[str, list[TimeExpr]] = defaultdict(list)
    for t in dossier.times:
        if t.type != "date" or not t.value or not _ISO.match(t.value):
            continue
        groups[t.value].append(t)
    entries: list[TimelineEntry] = []
    # once per dossier, not once per entry (that grew with entries x clusters)
    size = {c.id: len(c.articles) or len(c.claims) for c in dossier.clusters}
    articles = {a.id: a for a in dossier.articles}
    for value, ts in groups.items():
        seen: dict[str, None] = {}
        for t in ts:
            linked = set(claim_of_time.get(t.id, set()))
            if t.claim:
                linked.add(t.claim)
            for cid in sorted(linked):
                if cid in claims_by_id:
                    seen.setdefault(cid)
        cids = list(seen)
        arts = sorted({t.article for t in ts} | {claims_by_id[c].article for c in cids})
        claims = [claims_by_id[c] for c in cids]
        entries.append(TimelineEntry(date=value, label=_label(claims, ts, dossier, annotations, size, articles),
                                     inferred=all(is_inferred(t, dossier, articles) for t in ts), claims=cids, articles=arts,
                                     times=[t.id for t in ts]))
    dated = {e.date for e in entries}
    for ev in dossier.events:
        if ev.date and _ISO.match(ev.date) and ev.date not in dated:
            dated.add(ev.date)
            entries.append(TimelineEntry(date=ev.date, label=shorten(f"{ev.id}: {ev.label}"), inferred=False, articles=list(ev.articles)))
    entries.sort(key=lambda e: (e.date or "9999", e.label))
    return entries


def build_timeline(state) -> None:
    """Pipeline stage (corpus): ``state.dossier`` -> ``dossier.timeline``."""
    state.dossier.timeline = timeline_of(state.dossier, getattr(state, "annotations", None))
