"""What the relation signals need to know about each claim, gathered once from the dossier.

``claim_views(state)`` -> ``list[ClaimView]``: for every clustered claim its text and span, the
side and speaker it comes from, its date (the claim's own ISO date, else the article's
publication date), its unit-normalised embedding (the shared cache ``state.claim_embeddings`` of
``rashomon.link.similarity``, filled there when absent), its opposite-state poles and its
quantities. ``topic_similarity(x, y)`` scores whether two claims talk about the same thing.

``view_pairs(views)`` / ``view_neighbours(views)`` give the claim pairs the relation signals
examine: every pair up to ``relations.all_pairs_max`` claims (``data/settings.yaml``), above
that only the blocked candidates of ``candidates.candidate_pairs`` (nearest neighbours by embedding in
LSH buckets, plus claims sharing a rare proper name), so the work grows about linearly. In a
large batch (at least ``blocking.event_claims_min`` claims, once the events are linked) every
view carries its event as ``block`` and claims are paired only within their event, with the same
rule inside each event (``blocking.claim_pairs_by_event``); on smaller batches ``block`` is None
and nothing is blocked by event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable, Optional

import numpy as np

from ...models import Claim, Dossier, Quantity, Span
from .features import content_words
from .lexicon import state_poles
from ...settings import setting

_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:[-’'][A-Za-z]+)?)")


@dataclass
class ClaimView:
    claim: Claim
    text: str
    span: Span
    cluster: str
    side: Optional[str]
    speaker: Optional[str]  # dossier actor id, else the speaker name, else None (narration)
    speaker_name: Optional[str]
    date: Optional[str]
    date_source: str
    vec: np.ndarray
    poles: dict = field(default_factory=dict)
    quantities: list[Quantity] = field(default_factory=list)
    words: frozenset = frozenset()
    names: frozenset = frozenset()
    when: Optional[tuple] = None  # (first day, last day) of the claim's own explicit dates
    prop: str = ""  # what the claim asserts, without "X said on Monday that" (similarity.proposition_text)
    block: Optional[str] = None  # large batches: the event of the claim's article ("" none); else None


def _interval(value: str):
    """ISO date at day, month or year precision -> (first day, last day) as ``date``s."""
    import calendar
    from datetime import date

    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", value or "")
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        d = date(y, int(m.group(2)), int(m.group(3)))
        return d, d
    if m.group(2):
        mo = int(m.group(2))
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    return date(y, 1, 1), date(y, 12, 31)


def _claim_when(claim: Claim, times: dict):
    spans = [iv for t in claim.times if t in times and times[t].type == "date" and (iv := _interval(times[t].value or ""))]
    if not spans:
        return None
    return min(a for a, _ in spans), max(b for _, b in spans)


def far_apart(x: "ClaimView", y: "ClaimView", days: int = 14) -> bool:
    """Both claims carry explicit dates and those are more than ``days`` apart (the state each
    describes may simply have changed in between)."""
    if not x.when or not y.when:
        return False
    gap = max((y.when[0] - x.when[1]).days, (x.when[0] - y.when[1]).days)
    return gap > days


def _actor_index(dossier: Dossier) -> tuple[dict[str, str], dict[str, Optional[str]]]:
    """Per-article actor id -> dossier actor id, and dossier actor id -> side."""
    to_dossier, side = {}, {}
    for a in dossier.actors:
        side[a.id] = a.side
        for m in a.members:
            to_dossier[m] = a.id
    return to_dossier, side


def claim_span(claim: Claim, texts: dict[str, str]) -> Span:
    """The claim's evidence span, sliced from the article text (exact by construction)."""
    text = texts.get(claim.article)
    if text is not None and 0 <= claim.start < claim.end <= len(text):
        return Span(article=claim.article, start=claim.start, end=claim.end, text=text[claim.start:claim.end])
    return Span(article=claim.article, start=claim.start, end=claim.end, text=claim.text)


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _claim_date(claim: Claim, times: dict, published: dict, by_article: dict) -> tuple[Optional[str], str]:
    """When the claim was made: its own day-precision date, else the closest day-precision date
    in the preceding ``relations.claim_date_nearby_chars`` characters of the article ("Putin acknowledged on April
    30 ... 'They have been pushed out...'"), else the article's publication date."""
    for tid in claim.times:
        t = times.get(tid)
        if t is not None and t.value and t.type == "date" and _DAY.match(t.value):
            return t.value, f"claim date '{t.text}'"
    near = [t for t in by_article.get(claim.article, []) if t.type == "date" and t.value and _DAY.match(t.value)
            and claim.start - setting("relations.claim_date_nearby_chars") <= t.end <= claim.start]
    if near:
        t = max(near, key=lambda t: t.end)
        return t.value, f"date just before the claim '{t.text}'"
    pub = published.get(claim.article)
    if pub:
        return pub[:10], "article publication date"
    return None, "unknown"


def claim_embeddings(state, claims: list[Claim]) -> dict[str, np.ndarray]:
    """Claim id -> unit vector, from the shared cache ``state.claim_embeddings``
    (kept by ``rashomon.link.similarity``, which encodes the claims still missing)."""
    from ..similarity import vectors_for

    vecs = vectors_for(state, [c.id for c in claims])
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    vecs = vecs / norms
    return {c.id: vecs[i] for i, c in enumerate(claims)}


def claim_views(state) -> list[ClaimView]:
    """A ``ClaimView`` for every claim that belongs to a cluster, clause claims (``Claim.parent``)
    included: a clause carries the proposition a relation contests more closely than the long
    statement around it (the signals leave pairs of one sentence alone)."""
    d: Dossier = state.dossier
    claims = [c for c in d.claims if c.cluster]
    dated = clause_times(d.claims)
    if not claims:
        return []
    texts = {a.id: a.text for a in d.articles}
    published = {a.id: a.published for a in d.articles if a.published}
    times = {t.id: t for t in d.times}
    times_by_article: dict[str, list] = {}
    for t in d.times:
        times_by_article.setdefault(t.article, []).append(t)
    quants = {q.id: q for q in d.quantities}
    to_dossier, sides = _actor_index(d)
    vecs = claim_embeddings(state, claims)
    from ..similarity import proposition_texts

    props = proposition_texts(state)
    event_of = event_blocks(d)
    # the relations and disputes stages build the views several times over one state: each
    # claim's state poles (the lexicon scan, most of the cost) are found once per claim and text
    poles_of = state.claim_poles if isinstance(getattr(state, "claim_poles", None), dict) else {}
    out = []
    for c in claims:
        actor = None
        name = None
        if c.speaker is not None:
            name = c.speaker.name
            actor = to_dossier.get(c.speaker.actor or "", c.speaker.actor)
        side = sides.get(actor) if actor else None
        if c.id in dated:  # a statement whose date sits in one of its clauses is dated by it
            c = c.model_copy(update={"times": list(dict.fromkeys(c.times + dated[c.id]))})
        date, how = _claim_date(c, times, published, times_by_article)
        span = claim_span(c, texts)
        poles = poles_of.get((c.id, span.text))
        if poles is None:
            poles = poles_of[(c.id, span.text)] = state_poles(span.text, strict=True)
        out.append(ClaimView(claim=c, text=span.text, span=span, cluster=c.cluster, side=side,
                             speaker=actor or (name.lower() if name else None), speaker_name=name, date=date,
                             date_source=how, vec=vecs[c.id], poles=poles,
                             quantities=[quants[q] for q in c.quantities if q in quants],
                             words=content_words(span.text), names=frozenset(_PROPER.findall(span.text)),
                             when=_claim_when(c, times), prop=props.get(c.id, span.text),
                             block=None if event_of is None else event_of.get(c.article, "")))
    return out


def clause_times(claims: list[Claim]) -> dict[str, list[str]]:
    """Statement id -> the time ids of its clause claims (``Claim.parent``). A date is tied to
    the smallest claim around it (``extract.claims``), so a clause takes it from its statement,
    whose text still states it."""
    out: dict[str, list[str]] = {}
    for c in claims:
        if c.parent is not None and c.times:
            out.setdefault(c.parent, []).extend(c.times)
    return out


def family_key(v: ClaimView) -> str:
    """The statement a claim belongs to: its parent's id for a clause claim (``Claim.parent``),
    else its own id (disputes count a clause and its statement once)."""
    return v.claim.parent or v.claim.id


def event_blocks(d: Dossier) -> Optional[dict[str, str]]:
    """Article id -> event id when the batch is paired within events (events linked and at least
    ``blocking.event_claims_min`` claims, as ``clusters.cluster_claims`` does), else None."""
    if not d.events or len(d.claims) < setting("blocking.event_claims_min"):
        return None
    return {a: e.id for e in d.events for a in e.articles}


NAME_BONUS = (0.05, 0.03)  # added to the cosine for one shared name, and again for two or more
MAX_NAME_BONUS = sum(NAME_BONUS)  # so topic_similarity <= cosine + MAX_NAME_BONUS


def topic_similarity(x: ClaimView, y: ClaimView) -> float:
    """Cosine of the claim embeddings, nudged up by shared names (places, bodies, people)."""
    cos = float(x.vec @ y.vec)
    shared = len(x.names & y.names)
    return cos + (NAME_BONUS[0] if shared else 0.0) + (NAME_BONUS[1] if shared >= 2 else 0.0)


def same_sentence(x: ClaimView, y: ClaimView) -> bool:
    """Both claims come from the same sentence of the same article (a concession inside one
    statement is not a contradiction between statements)."""
    if x.claim.article != y.claim.article:
        return False
    xs = (x.claim.sentence_start if x.claim.sentence_start is not None else x.claim.start,
          x.claim.sentence_end if x.claim.sentence_end is not None else x.claim.end)
    ys = (y.claim.sentence_start if y.claim.sentence_start is not None else y.claim.start,
          y.claim.sentence_end if y.claim.sentence_end is not None else y.claim.end)
    return xs[0] < ys[1] and ys[0] < xs[1]


def opposed_sides(x: ClaimView, y: ClaimView) -> Optional[bool]:
    """True when both sides are known and differ, False when known and equal, None otherwise."""
    if x.side and y.side:
        return x.side.strip().lower() != y.side.strip().lower()
    return None


def _all_pairs_max() -> int:
    """``relations.all_pairs_max`` from ``data/settings.yaml``: up to this many claims, all pairs."""
    return int(setting("relations.all_pairs_max"))


def _blocked_pairs(views: list[ClaimView]) -> list[tuple[int, int]]:
    """Candidate index pairs (i < j, sorted) among ``views``: embedding neighbours and shared
    rare proper names (``candidates.candidate_pairs``)."""
    from ..candidates import candidate_pairs

    vecs = np.vstack([v.vec for v in views]).astype(np.float32)
    return sorted(candidate_pairs(vecs, [sorted(v.names) for v in views]))


def _local_pairs(views: list[ClaimView]) -> list[tuple[int, int]]:
    """Index pairs (i < j, sorted) among ``views``: all of them up to ``relations.all_pairs_max``
    views, else ``_blocked_pairs``."""
    if len(views) <= _all_pairs_max():
        return list(combinations(range(len(views)), 2))
    return _blocked_pairs(views)


def _event_pairs(views: list[ClaimView]) -> list[tuple[int, int]]:
    """Large batches: index pairs (i < j, sorted) of views of one event (``ClaimView.block``),
    each event's views paired as ``_local_pairs`` pairs a small batch's."""
    from ..blocking import claim_pairs_by_event

    return sorted(claim_pairs_by_event([v.block for v in views], lambda rows: _local_pairs([views[r] for r in rows])))


def _by_event(views: list[ClaimView]) -> bool:
    """Whether ``views`` come from a large batch paired within events (``claim_views`` set ``block``)."""
    return any(v.block is not None for v in views)


def view_pairs(views: list[ClaimView]) -> Iterable[tuple[ClaimView, ClaimView]]:
    """The pairs (x, y) of ``views`` to examine, x before y in list order: all of them (in
    ``itertools.combinations`` order) when there are at most ``relations.all_pairs_max`` views,
    else the blocked candidates (``_blocked_pairs``) in the same order; in a large batch only
    pairs within one event (``_event_pairs``)."""
    if _by_event(views):
        return [(views[i], views[j]) for i, j in _event_pairs(views)]
    if len(views) <= _all_pairs_max():
        return combinations(views, 2)
    return [(views[i], views[j]) for i, j in _blocked_pairs(views)]


def view_neighbours(views: list[ClaimView]) -> Optional[list[list[ClaimView]]]:
    """For each view, the other views it may be compared with (in list order): ``None`` (meaning
    every view) up to ``relations.all_pairs_max`` views, else its blocked candidates; in a large
    batch always a list, the views of its own event (``_event_pairs``)."""
    if _by_event(views):
        nb: list[list[int]] = [[] for _ in views]
        for i, j in _event_pairs(views):
            nb[i].append(j)
            nb[j].append(i)
        return [[views[k] for k in sorted(ks)] for ks in nb]
    if len(views) <= _all_pairs_max():
        return None
    nb: list[list[int]] = [[] for _ in views]
    for i, j in _blocked_pairs(views):
        nb[i].append(j)
        nb[j].append(i)
    return [[views[k] for k in sorted(ks)] for ks in nb]
