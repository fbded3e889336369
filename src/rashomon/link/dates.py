"""The dates stage: publication dates inferred from other articles; relative times resolved again.

In: ``state.dossier`` (articles, times, claims, clusters, events) and ``state.annotations``
(sentence boundaries per article). Out, for articles WITHOUT a publication date only:

- ``published`` + ``published_source="inferred"`` + ``published_reason`` when a relative day
  expression ("announced today", "said on Saturday", "yesterday") sits in a sentence that reports
  what another article dates to a day. The other article's sentence is found through the claim
  cluster both belong to, or else by sentence similarity (all-MiniLM-L6-v2 via
  ``rashomon.nlp.get_encoder``). "today" gives the date itself, "yesterday" the day after, "on
  Saturday" (past) a window from that Saturday to six days later, of which the earliest is taken.
  A weekday must agree with the other article's date, or the match is dropped.
- ``published_after`` when only a lower bound is known: the latest date the article itself
  reports as past.

Articles whose date is inferred get their relative times resolved again (``anchor =
"inferred_publication"``). Articles that have a publication date are never changed.

The findings go to ``state.publication_dates`` (article id -> ``PublicationDate``); the
dossier's articles and times are replaced by new copies that carry them. The per-article
records (the ``Article`` read at ingest, the times in ``state.annotations``) are not changed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Optional

import numpy as np

from ..extract import timex_rules as R
from ..extract.times import parse_date
from ..data import load_yaml
from ..models import PublicationDate

_STOPWORDS = load_yaml("stopwords.yaml", "en")  # word lists and patterns of this module (data/en/stopwords.yaml)
from ..settings import setting

# thresholds: settings ``dates.*`` (data/settings.yaml)
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


@dataclass
class _Anchor:
    article: str
    time: object        # TimeExpr
    day: date
    sentence: str
    cluster: Optional[str]


@dataclass
class _Constraint:
    lo: date
    hi: date
    score: float
    because: str


def _sentence(text: str, sents: list, start: int, end: int) -> str:
    for s, e in sents or []:
        if s <= start < e:
            return text[s:e]
    # fallback: cut at sentence punctuation or line breaks
    s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    m = re.search(r"[.!?](?=\s|$)|\n", text[end:])
    e = end + (m.end() if m else len(text) - end)
    return text[s:e].strip()


def _window(form: str, day: date) -> Optional[tuple[date, date]]:
    """Publication window implied by a relative day expression ``form`` whose event is ``day``."""
    p = form.split(":")
    if p[0] == "offset" and p[1] == "day":
        n = int(p[2])
        if n > 0:
            return None
        d = day - timedelta(days=n)
        return d, d
    if p[0] == "weekday":
        if R.WEEKDAY_INDEX[p[1]] != day.weekday():
            return None
        if p[2] == "before":
            return day, day + timedelta(days=6)
        if p[2] == "last":
            return day + timedelta(days=1), day + timedelta(days=7)
        return None
    return None


def _usable(form: Optional[str]) -> bool:
    if not form:
        return False
    p = form.split(":")
    return (p[0] == "offset" and p[1] == "day" and int(p[2]) <= 0) or (p[0] == "weekday" and p[2] in ("before", "last"))


def _claim_clusters(dossier) -> dict[str, str]:
    """time id -> cluster id of a claim that carries it."""
    out = {}
    for c in dossier.claims:
        if c.cluster:
            for tid in c.times:
                out.setdefault(tid, c.cluster)
    return out


def _claim_cluster_by_span(dossier) -> dict[str, list]:
    by = {}
    for c in dossier.claims:
        if c.cluster:
            by.setdefault(c.article, []).append(c)
    return by


def _cluster_of(tx, by_span, by_id) -> Optional[str]:
    if tx.id in by_id:
        return by_id[tx.id]
    for c in by_span.get(tx.article, []):
        if c.start <= tx.start and tx.end <= c.end:
            return c.cluster
    return None


def _lower_bound(times) -> Optional[tuple[str, object]]:
    """Latest value among an article's own dates that its text reports as past -> (value, time)."""
    best = None
    for t in times:
        if t.type not in ("date", "time") or not t.value or t.anchor not in ("absolute", "document_year"):
            continue
        if t.tense == "future" or not re.match(r"^\d{4}(-\d\d){0,2}$", t.value):
            continue
        key = t.value
        if best is None or key > best[0]:
            best = (key, t)
    return best


def infer_dates(state) -> None:
    """Pipeline stage (corpus): infer missing publication dates and re-resolve relative times."""
    dossier = state.dossier
    # the stage works on its own copies of the articles and times (new records for the dossier);
    # the per-article records stay as the per-article half left them
    arts = {a.id: a.model_copy() for a in dossier.articles}
    times = [t.model_copy() for t in dossier.times]
    times_of: dict[str, list] = {}
    for t in times:
        times_of.setdefault(t.article, []).append(t)
    anns = getattr(state, "annotations", {}) or {}
    sents_of = {aid: (anns[aid].sentences if aid in anns else []) for aid in arts}
    by_id, by_span = _claim_clusters(dossier), _claim_cluster_by_span(dossier)
    undated = [arts[a.id] for a in dossier.articles if not parse_date(a.published)]
    if not undated:
        return
    _infer(state, arts, times_of, sents_of, by_id, by_span, undated)
    for art in undated:
        if art.published_source == "inferred" or art.published_after:
            state.publication_dates[art.id] = PublicationDate(
                article=art.id, published=art.published if art.published_source == "inferred" else None,
                published_after=art.published_after, reason=art.published_reason or "")
    dossier.articles = [arts[a.id] for a in dossier.articles]
    dossier.times = times


def _infer(state, arts, times_of, sents_of, by_id, by_span, undated) -> None:
    """Fill ``published``/``published_after``/``published_reason`` of the ``undated`` article
    copies and re-resolve their relative time copies (see module doc)."""
    from .similarity import encode

    encoder_cache: dict[str, object] = {}  # each sentence encoded once over the rounds

    def embed(texts: list[str]):
        need = [t for t in dict.fromkeys(texts) if t not in encoder_cache]
        if need:
            encoder_cache.update(zip(need, encode(need, state.encoder)))
        return [encoder_cache[t] for t in texts]

    changed = True
    done: set[str] = set()
    for _ in range(3):
        if not changed:
            break
        changed = False
        anchors: list[_Anchor] = []
        for aid, ts in times_of.items():
            a = arts.get(aid)
            if a is None:
                continue
            for t in ts:
                if t.value and _DAY.match(t.value) and t.anchor in ("absolute", "publication", "document_year", "inferred_publication") and t.tense != "future":
                    anchors.append(_Anchor(aid, t, date.fromisoformat(t.value), _sentence(a.text, sents_of[aid], t.start, t.end),
                                           _cluster_of(t, by_span, by_id)))
        # every sentence this round may compare, encoded in one call (one call per article and
        # side costs far more than the texts themselves)
        rel_texts = [_sentence(art.text, sents_of[art.id], t.start, t.end) for art in undated if art.id not in done
                     for t in times_of.get(art.id, []) if _usable(t.relative)]
        if rel_texts and anchors:
            embed(rel_texts + [x.sentence for x in anchors])
        for art in undated:
            if art.id in done:
                continue
            rel = [t for t in times_of.get(art.id, []) if _usable(t.relative)]
            cands = [x for x in anchors if x.article != art.id]
            if not rel or not cands:
                continue
            rel_s = [_sentence(art.text, sents_of[art.id], t.start, t.end) for t in rel]
            vec_r = embed(rel_s)
            vec_c = embed([x.sentence for x in cands])
            mat_c = np.asarray(vec_c, dtype=np.float32)
            floor = min(setting("dates.cluster_min_sim"), setting("dates.sim_threshold")) - 1e-4
            constraints: list[_Constraint] = []
            for t, s, vr in zip(rel, rel_s, vec_r):
                cl = _cluster_of(t, by_span, by_id)
                best = None
                # one matrix product finds the anchors similar enough to matter (no threshold is
                # below ``floor``); only those are scored one by one, as before
                near = np.flatnonzero(mat_c @ np.asarray(vr, dtype=np.float32) >= floor).tolist()
                for x, vc in ((cands[k], vec_c[k]) for k in near):
                    sim = float(vr @ vc)
                    same_cluster = bool(cl and cl == x.cluster)
                    need = setting("dates.cluster_min_sim") if same_cluster else setting("dates.sim_threshold") + (setting("dates.other_event_penalty") if _other_event(arts, art.id, x.article) else 0.0)
                    if sim < need or (not same_cluster and len(_words(s, t.text) & _words(x.sentence, x.time.text)) < setting("dates.min_shared_words")):
                        continue
                    score = 1.0 + sim if same_cluster else sim
                    w = _window(t.relative, x.day)
                    if w is None:
                        continue
                    if best is None or score > best[0]:
                        best = (score, x, w)
                if best:
                    score, x, w = best
                    how = f"same claim cluster, similarity {score - 1:.2f}" if score > 1 else f"sentence similarity {score:.2f}"
                    src = arts[x.article]
                    constraints.append(_Constraint(w[0], w[1], score,
                                                   f"'{t.text}' in \"{_short(s)}\" reports what {src.id} dates to {x.day.isoformat()} "
                                                   f"('{x.time.text}' in \"{_short(x.sentence)}\"; {how})"))
            lb = _lower_bound(times_of.get(art.id, []))
            if not constraints:
                continue
            constraints.sort(key=lambda c: -c.score)
            lo, hi, used = constraints[0].lo, constraints[0].hi, [constraints[0]]
            for c in constraints[1:]:
                if c.lo <= hi and c.hi >= lo:
                    lo, hi = max(lo, c.lo), min(hi, c.hi)
                    used.append(c)
            if lb and lb[0] > hi.isoformat()[:len(lb[0])]:
                continue  # the article itself reports a later date as past: no consistent inference
            if lb and len(lb[0]) == 10 and lb[0] > lo.isoformat():
                lo = date.fromisoformat(lb[0])
            if (hi - lo).days < setting("dates.max_window_days"):
                art.published = lo.isoformat()
                art.published_source = "inferred"
                earliest = "" if lo == hi else f" (the earliest date consistent with it; the window runs to {hi.isoformat()})"
                art.published_reason = "; ".join(c.because for c in used) + f" -> published {lo.isoformat()}{earliest}"
                art.published_after = None
                _reresolve(times_of.get(art.id, []), lo, art.id)
                done.add(art.id)
                changed = True
            elif not art.published_after:
                art.published_after = lo.isoformat()
                why = "; ".join(c.because for c in used) + f" -> published on or after {lo.isoformat()}"
                art.published_reason = f"{art.published_reason}; {why}" if art.published_reason else why
    for art in undated:
        if art.id in done or art.published_after:
            continue
        lb = _lower_bound(times_of.get(art.id, []))
        if lb:
            art.published_after = lb[0]
            why = (f"no other article dates what its relative times refer to; it reports '{lb[1].text}' ({lb[0]}) "
                   f"as past, so it was published on or after that")
            art.published_reason = f"{art.published_reason}; {why}" if art.published_reason else why


_STOP = set(_STOPWORDS["date_context"])


def _words(sentence: str, drop: str = "") -> set[str]:
    """Crude content-word stems of a sentence (first five letters of words of 4+ letters, minus
    function words and calendar words), without the time expression ``drop``."""
    if drop:
        sentence = sentence.replace(drop, " ")
    return {w.lower()[:5] for w in re.findall(r"[A-Za-z][A-Za-z'-]{3,}", sentence) if w.lower() not in _STOP}


def _other_event(arts, a: str, b: str) -> bool:
    ea, eb = arts[a].event, arts[b].event
    return bool(ea and eb and ea != eb)


def _short(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _reresolve(times, pub: date, aid: str) -> None:
    for t in times:
        if t.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") and t.anchor is None:
            t.anchor = "inferred_publication"
            continue
        if not t.relative:
            continue
        value, precision = R.resolve(t.relative, pub)
        if value is None:
            continue
        t.value, t.precision, t.anchor = value, precision, "inferred_publication"
        t.reason = f"resolved against the publication date {pub.isoformat()} inferred for {aid}: {R.describe(t.relative)} it ({t.relative})"
        if t.mod:
            t.reason += f"; modifier {t.mod} narrows the period without changing the value"
