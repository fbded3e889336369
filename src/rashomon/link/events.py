"""Corpus stage ``group_events``: which articles report the same event.

In: the dossier's articles (publication dates), claims and times; each article's parse
(``state.annotations``: sentences, entities, content lemmas); the claim embeddings cache
(``state.claim_embeddings``, filled here when empty).

Out: ``state.dossier.events`` (ids ``E1``..: ``label``: the headline of its most central article, else
its most shared claim, and the date, ``articles``, ``main`` true for the largest event, ``date``, ``related`` = other events
of the same storyline, ``reason`` = what the grouping rests on); the dossier's articles become
copies with ``event`` set (the ingested ``Article`` records are not changed).
``state.article_units`` keeps each article's unit embeddings.

How: each article is summarised by its *units* (its claims, or its sentences when it has no
claims) embedded with the sentence encoder, its content lemmas, its named entities (and how often
it names each), its headline lines (title, first line, lead sentence; ``_headlines``) and its
main date (publication date, else the most frequent day date its times give). Words and names
weigh by their rarity in English (``term_info.info``, wordfreq) times a smoothed in-batch IDF, so
that what every article of a one-story batch names (the place, the people) still counts. For each
candidate pair of articles (all pairs up to ``events.all_pairs_max`` articles, else blocked with
``blocking.article_pairs``: date windows, nearest articles, shared rare names) nine features are computed - weighted lemma cosine, mean-embedding
cosine, proposition overlap (how well the article's units find a near-paraphrase in the other),
the share of units with a strong match (cosine >= ``events.strong_cosine``), lead similarity
(the first two units against the other's first six), weighted entity overlap, the cosine of the
names each keeps naming (``core_entities``), the best headline match and date agreement (decay
over ``events.date_scale_days``) - and a logistic model turns them into a same-event
probability. Weights and bias come from ``data/settings.yaml`` (section ``events``), fitted on
ECB+ topics 1-35 (``benchmarks/ecbplus.py --fit``); the probabilities are then re-weighted to
the batch's own share of same-event pairs (``adapt_to_batch``: a feed of forty stories is not a
batch of one). Articles are grouped by average-linkage clustering on that probability cut at
``events.cut`` (pairs never compared count 0; a connected block larger than
``events.max_block`` articles goes through ``sparse_average_linkage``, the same rule without a
dense matrix, so the stage stays about linear in the compared pairs), then single articles move
to the group they fit best (``refine_groups``); an event of more than ``events.panel`` articles takes
its label and reason from a panel of its best-connected articles. A pair whose dates clearly
disagree (date agreement below ``events.date_veto``: publication days months apart, or one
article's event month never mentioned in the other) is a cannot-link: the two never share an
event; so is a pair where one article's lead tells of "another X" that the earlier one's headline
names (``event_instances``). Two dated articles weeks apart that name the same earlier day keep
the date evidence of that day (``event_days``: a follow-up names the day it follows up). Last,
events whose article pairs mostly name the same rare place in their leads within about a month
join (``event_anchors``: different aspects of one incident; never across a date veto or "another
X"). Events whose average probability reaches ``events.related``, or with a pair whose leads name
the same rare name (a place, a person, a body) within about a month, are named as related (same
storyline, different event).
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from datetime import date
from typing import Optional

import numpy as np

from ..ingest.names import shorten
from ..models import Event
from ..state import CorpusState
from . import lexicon as lx
from .blocking import article_pairs
from .similarity import claim_embeddings, encode
from ..settings import setting
from .term_info import info
from .event_linkage import _average_linkage, refine_groups, sparse_average_linkage  # noqa: F401  (re-exported)
from .event_instances import another_instance, instance_nouns, lead_text, split_other_instances, words
from .event_days import anchor_agreement, mentioned_days, split_late_strays
from .event_reasons import reason
from .event_anchors import join_anchored, lead_places

FEATURES = ("tfidf", "centroid", "overlap", "strong", "lead", "entities", "core_entities", "headline", "date")


# --------------------------------------------------------------------------- per-article summaries


def _main_date(article, times) -> Optional[str]:
    """The article's date: publication date, else the most common day-precision date it mentions."""
    if article.published and len(article.published) >= 10:
        return article.published[:10]
    days = Counter(t.value[:10] for t in times if t.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value[:10] or ""))
    if days:
        return days.most_common(1)[0][0]
    return None


def _months(article, times) -> set[str]:
    out = {t.value[:7] for t in times if t.value and re.match(r"\d{4}-\d{2}", t.value)}
    if article.published:
        out.add(article.published[:7])
    return out


def article_units(state: CorpusState) -> dict[str, dict]:
    """Per article: ``vectors`` (unit embeddings), ``texts``, ``ids`` (claim ids or None for
    sentences). Cached in ``state.article_units``."""
    if state.article_units is not None:
        return state.article_units
    dossier = state.dossier
    by_art: dict[str, list] = defaultdict(list)
    for c in dossier.claims:
        by_art[c.article].append(c)
    cache = claim_embeddings(state) if dossier.claims else None
    out: dict[str, dict] = {}
    need_sent: list[tuple[str, str]] = []
    for a in dossier.articles:
        cl = by_art.get(a.id, [])[:setting("events.max_units")]
        if cl:
            vec = cache["vectors"][[cache["index"][c.id] for c in cl]]
            out[a.id] = {"vectors": vec, "texts": [c.text for c in cl], "ids": [c.id for c in cl]}
        else:
            ann = state.annotations.get(a.id)
            spans = (ann.sentences if ann and ann.sentences else [(0, len(a.text))])[:setting("events.max_units")]
            texts = [a.text[s:e].strip() for s, e in spans if a.text[s:e].strip()]
            if a.title:
                texts = [a.title] + texts
            out[a.id] = {"vectors": None, "texts": texts, "ids": [None] * len(texts)}
            need_sent += [(a.id, t) for t in texts]
    if need_sent:
        vec = encode([t for _, t in need_sent], state.encoder)
        pos = 0
        for a in dossier.articles:
            if out[a.id]["vectors"] is None:
                k = len(out[a.id]["texts"])
                out[a.id]["vectors"] = vec[pos:pos + k]
                pos += k
    state.article_units = out
    return out


_NOT_NAMES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY")


def _entity_sets(state: CorpusState) -> dict[str, set[str]]:
    from .features import _entity_norm

    out = {}
    for a in state.dossier.articles:
        ann = state.annotations.get(a.id)
        ents = set()
        if ann:
            labels = ann.entity_labels if len(ann.entity_labels) == len(ann.entities) else [""] * len(ann.entities)
            for e, lab in zip(ann.entities, labels):
                if lab in _NOT_NAMES:
                    continue
                ents.add(_entity_norm(e.text))
        out[a.id] = ents
    return out


def _entity_counts(state: CorpusState) -> dict[str, Counter]:
    """Per article: how often it names each folded name (as in ``_entity_sets``); the names an
    article keeps coming back to are the who and where of its event."""
    from .features import _entity_norm

    out = {}
    for a in state.dossier.articles:
        ann = state.annotations.get(a.id)
        cnt: Counter = Counter()
        if ann:
            labels = ann.entity_labels if len(ann.entity_labels) == len(ann.entities) else [""] * len(ann.entities)
            for e, lab in zip(ann.entities, labels):
                if lab not in _NOT_NAMES:
                    cnt[_entity_norm(e.text)] += 1
        out[a.id] = cnt
    return out


def _headlines(article, ann) -> list[str]:
    """What the article says happened, in at most three lines: its title (when metadata gives
    one), its first sentence of four words or more (a text without metadata usually opens with
    its headline) and its first sentence of ten words or more (the lead). Crawled titles can be
    junk and first lines can be navigation, so the pair feature takes the best match of these."""
    out = []
    if article.title and article.title.strip():
        out.append(article.title.strip()[:300])
    spans = ann.sentences if ann and ann.sentences else [(0, min(len(article.text), 300))]
    for min_words in (4, 10):
        for st, en in spans[:8]:
            line = re.sub(r"\s+", " ", article.text[st:en]).strip()
            if len(line.split()) >= min_words:
                if line[:300] not in out:
                    out.append(line[:300])
                break
    return out or [article.text[:300].strip()]


def _date_agreement(d1: Optional[str], d2: Optional[str], m1: set[str], m2: set[str],
                    dated1: bool = True, dated2: bool = True) -> float:
    """Date evidence for one event: 1 for the same day, decaying with the days apart; when only
    one article has a day date, 0.75 if the other mentions that month at all and 0 if it mentions
    only other months; month overlap when neither has a day; 0.5 when nothing is known.
    ``dated1``/``dated2`` say whether a main date is a publication date: an undated article's
    main date is only the day it mentions most, and when the other article mentions that month
    too it is shared backstory ("abducted on Nov. 22, 2012"), not a sign of another event, so
    the evidence is at least 0.5 (unknown)."""
    if d1 and d2:
        try:
            gap = abs((date.fromisoformat(d1) - date.fromisoformat(d2)).days)
            agree = math.exp(-gap / setting("events.date_scale_days"))
            if (not dated1 and d1[:7] in m2) or (not dated2 and d2[:7] in m1):
                return max(agree, 0.5)
            return agree
        except ValueError:
            pass
    if d1 and not d2 and m2:
        return 0.75 if d1[:7] in m2 else 0.0
    if d2 and not d1 and m1:
        return 0.75 if d2[:7] in m1 else 0.0
    if m1 and m2:
        return 0.5 + 0.25 * (len(m1 & m2) / len(m1 | m2)) - 0.1 * (not (m1 & m2))
    return 0.5


def _weighted_lemmas(docs: list[list[str]]):
    """Rows of L2-normalised lemma weights, one per document: (1 + log count) times the lemma's
    background informativeness (``term_info.info``), so the score of two articles does not
    depend on what else is in the batch. None when no document has a lemma."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.preprocessing import normalize

    if not any(docs):
        return None
    cv = CountVectorizer(analyzer=lambda x: x)
    x = cv.fit_transform(docs).astype(np.float64).tocsr()
    x.data = 1.0 + np.log(x.data)
    df = np.bincount(x.indices, minlength=x.shape[1])
    n = x.shape[0]
    w = np.array([info(t) for t in cv.get_feature_names_out()], dtype=np.float64) * (1.0 + np.log((1.0 + n) / (1.0 + df)))
    x = x.multiply(w[None, :]).tocsr()
    return normalize(x)


class ArticleFeatures:
    """Everything needed to score article pairs (see module doc)."""

    def __init__(self, state: CorpusState):
        d = state.dossier
        self.ids = [a.id for a in d.articles]
        self.units = article_units(state)
        times_by = defaultdict(list)
        for t in d.times:
            times_by[t.article].append(t)
        self.date = {a.id: _main_date(a, times_by[a.id]) for a in d.articles}
        self.months = {a.id: _months(a, times_by[a.id]) for a in d.articles}
        self.dated = {a.id: bool(a.published and len(a.published) >= 10) for a in d.articles}
        self.days = {a.id: mentioned_days(times_by[a.id]) for a in d.articles}  # day dates it names
        docs = []
        for a in d.articles:
            ann = state.annotations.get(a.id)
            lem = ann.lemmas if ann and ann.lemmas else re.findall(r"[a-z]{3,}", a.text.lower())
            docs.append(lem)
        self.tfidf = _weighted_lemmas(docs)
        self.ents = _entity_sets(state)
        # names weigh by how rare they are in English, not in this batch: in a batch about one
        # story every article names the place and the people, and they must still count
        df = Counter(e for s in self.ents.values() for e in s)
        n = len(self.ids)
        self.eidf = {e: info(e) * (1.0 + math.log((1.0 + n) / (1.0 + c))) for e, c in df.items()}
        self.core = {}  # article -> (names, L2-normalised weights): (1 + log mentions) x name weight
        for aid, cnt in _entity_counts(state).items():
            names = sorted(cnt)
            w = np.array([(1.0 + math.log(cnt[e])) * self.eidf.get(e, 0.0) for e in names])
            norm = float(np.linalg.norm(w)) or 1.0
            self.core[aid] = dict(zip(names, (w / norm).tolist()))
        cents = []
        for aid in self.ids:
            v = self.units[aid]["vectors"]
            m = v.mean(axis=0) if len(v) else np.zeros(384, dtype=np.float32)
            cents.append(m / (np.linalg.norm(m) or 1.0))
        self.centroids = np.vstack(cents).astype(np.float32) if cents else np.zeros((0, 384), np.float32)
        heads = [_headlines(a, state.annotations.get(a.id)) for a in d.articles]
        # "another X" in the lead, and the words of the headline lines (event_instances.py)
        leads = {a.id: lead_text(a, state.annotations.get(a.id)) for a in d.articles}
        self.again = {a: instance_nouns(t) for a, t in leads.items()}
        self.head_words = {a.id: words(" ".join(h) + " " + leads[a.id]) for a, h in zip(d.articles, heads)}
        flat = encode([h for hs in heads for h in hs], state.encoder) if heads else None
        self.heads, pos = [], 0  # per article: its headline lines' embeddings (rows)
        for hs in heads:
            self.heads.append(flat[pos:pos + len(hs)])
            pos += len(hs)
        self.scored: dict[tuple[int, int], np.ndarray] = {}  # pair -> feature row, kept by group_articles
        self.titles: Optional[tuple[dict, set[str]]] = None  # (articles by id, shared titles), built by _label
        self.apart: dict[int, tuple[str, list[int]]] = {}  # "another X" -> (X, the members it left)
        self.late: dict[int, list[int]] = {}  # late stray -> the members of the event it left
        # the rare places each lead names, and the groups joined on them (event_anchors.py)
        from .features import _entity_norm

        self.places = lead_places(d.articles, state.annotations, _entity_norm, setting("events.instance_sentences"))
        self.lead_names = lead_places(d.articles, state.annotations, _entity_norm, setting("events.instance_sentences"),
                                      places_only=False)
        self.anchored: dict[int, str] = {}  # first member of a joined group -> the place

    def another(self, i: int, j: int) -> Optional[str]:
        """The word by which article ``i`` tells of another, later incident than article ``j``
        (``event_instances.another_instance``), or None."""
        a, b = self.ids[i], self.ids[j]
        da, db = (self.date[a] if self.dated[a] else None), (self.date[b] if self.dated[b] else None)
        return another_instance(self.again[a], self.again[b], self.head_words[b], da, db)

    def pair(self, i: int, j: int) -> dict[str, float]:
        """The features of one article pair (indices into ``ids``, i < j); read from
        ``self.scored`` when ``group_articles`` already scored the pair."""
        row = self.scored.get((i, j)) if self.scored else None
        if row is None:
            row = self.pair_matrix([(i, j)])[0]
        return dict(zip(FEATURES, row.tolist()))

    def pair_matrix(self, pairs: list[tuple[int, int]]) -> np.ndarray:
        """Features of many pairs at once, shape (len(pairs), len(FEATURES))."""
        m = len(pairs)
        out = np.zeros((m, len(FEATURES)), dtype=np.float64)
        if not m:
            return out
        arr = np.asarray(pairs, dtype=np.int64)
        if self.tfidf is not None:  # in chunks: gathering both rows of every pair at once held GBs at scale
            for s in range(0, m, 8192):
                a, b = arr[s:s + 8192, 0], arr[s:s + 8192, 1]
                out[s:s + 8192, 0] = np.asarray(self.tfidf[a].multiply(self.tfidf[b]).sum(axis=1)).ravel()
        out[:, 1] = np.einsum("ij,ij->i", self.centroids[arr[:, 0]], self.centroids[arr[:, 1]])
        strong_cut, veto = setting("events.strong_cosine"), setting("events.date_veto")
        for r, (i, j) in enumerate(pairs):
            a, b = self.ids[i], self.ids[j]
            ua, ub = self.units[a]["vectors"], self.units[b]["vectors"]
            if len(ua) and len(ub):
                sim = ua @ ub.T
                ma, mb = sim.max(axis=1), sim.max(axis=0)
                out[r, 2] = (np.sort(ma)[::-1][:3].mean() + np.sort(mb)[::-1][:3].mean()) / 2
                out[r, 3] = ((ma >= strong_cut).sum() + (mb >= strong_cut).sum()) / (len(ma) + len(mb))
                out[r, 4] = (sim[:2, :6].max() + sim[:6, :2].max()) / 2
            ea, eb = self.ents[a], self.ents[b]
            if ea and eb:
                union = sum(self.eidf[e] for e in ea | eb)
                out[r, 5] = sum(self.eidf[e] for e in ea & eb) / union if union else 0.0
            out[r, 7] = float((self.heads[i] @ self.heads[j].T).max())
            ca, cb = self.core[a], self.core[b]
            out[r, 6] = sum(v * cb[e] for e, v in ca.items() if e in cb)
            out[r, 8] = _date_agreement(self.date[a], self.date[b], self.months[a], self.months[b],
                                        self.dated[a], self.dated[b])
            if self.dated[a] and self.dated[b] and out[r, 8] >= veto:  # a day both name (event_days.py)
                out[r, 8] = max(out[r, 8], anchor_agreement(self.date[a], self.date[b], self.days[a], self.days[b]))
        return out


def _weights() -> tuple[float, np.ndarray]:
    return setting("events.bias"), np.array([setting(f"events.weights.{k}") for k in FEATURES])


def same_event_probability(feats: dict[str, float]) -> float:
    """Logistic model over the pair features, weights from ``data/settings.yaml``."""
    bias, w = _weights()
    z = bias + float(w @ np.array([feats[k] for k in FEATURES]))
    return 1.0 / (1.0 + math.exp(-z))


def same_event_probabilities(x: np.ndarray) -> np.ndarray:
    """The same model over a feature matrix from ``ArticleFeatures.pair_matrix``."""
    bias, w = _weights()
    return 1.0 / (1.0 + np.exp(-(bias + x @ w)))


def adapt_to_batch(probs: np.ndarray, vetoed: Optional[np.ndarray] = None) -> np.ndarray:
    """The same-event probabilities re-weighted for this batch's share of same-event pairs.

    In: the model's probabilities of the compared pairs (and which pairs the dates veto, counted
    as different events). Out: the probabilities under the batch's own prior. The model was
    fitted on ECB+ topics, where about half of the pairs (``events.train_prior``) report one
    event; a batch of one story has more, a feed of forty stories far fewer, and the same
    evidence then means something else (two reports of one campaign a week apart are likely one
    story among two, not among forty). The batch prior is estimated by classify-and-count (the
    share of compared pairs at p >= 0.5, vetoed pairs counting as different), with
    ``events.prior_pairs`` pseudo-pairs at the training prior so that a batch of two or three
    articles keeps about the training prior; the odds are then rescaled by Bayes' rule (Saerens
    et al. 2002). Counting is used rather than their EM, which runs away to 0 when the model is
    under-confident on true pairs."""
    if probs is None or len(probs) == 0:
        return probs
    pt = setting("events.train_prior")
    a = setting("events.prior_pairs")
    p = np.clip(np.asarray(probs, dtype=np.float64), 1e-6, 1 - 1e-6)
    hits = p >= 0.5
    if vetoed is not None:
        hits &= ~np.asarray(vetoed, dtype=bool)
    pi = (hits.sum() + a * pt) / (len(p) + a)
    pi = min(max(pi, 1e-3), 1 - 1e-3)
    r1, r0 = pi / pt, (1 - pi) / (1 - pt)
    return r1 * p / (r1 * p + r0 * (1 - p))


# --------------------------------------------------------------------------- grouping


def _panel(group: list[int], neighbours: Optional[dict], size: Optional[int] = None) -> list[int]:
    """At most ``size`` (default: setting ``events.panel``) members of ``group``: all of them when the group is
    that small, else those with the most compared pairs inside the group (ties: lower index), in
    group order."""
    size = setting("events.panel") if size is None else size
    if len(group) <= size:
        return group
    inside = set(group)
    deg = {i: sum(1 for o, _ in (neighbours or {}).get(i, []) if o in inside) for i in group}
    keep = set(sorted(group, key=lambda i: (-deg[i], i))[:size])
    return [i for i in group if i in keep]


def _label(group: list[int], af: ArticleFeatures, state: CorpusState, neighbours: Optional[dict] = None) -> str:
    """The event's title: the headline of its most central titled article (highest mean cosine
    of its claim centroid to the other members' centroids; ties: earlier article); when no
    article has a headline, the most shared unit of the event (best matched in its other
    articles), else the lead of its most central article, as a whole sentence. Long labels are
    cut at a word boundary, never mid-word. An event of more than ``events.panel`` articles is
    labelled from the panel of its most connected articles (``_panel``), so the cost stays
    bounded."""
    panel = _panel(group, neighbours)
    ids = [af.ids[i] for i in panel]
    if af.titles is None:  # once per batch, not once per event (that grew with events x articles)
        af.titles = ({a.id: a for a in state.dossier.articles}, _shared_titles(state.dossier.articles))
    arts, shared = af.titles
    titled = [i for i in panel if _headline(arts.get(af.ids[i])) and _headline(arts[af.ids[i]]) not in shared]
    if titled:
        c = af.centroids
        def centrality(i: int) -> float:
            others = [j for j in panel if j != i]
            if not others or not len(c):
                return 0.0
            return float(np.mean(c[others] @ c[i]))
        best_i = max(titled, key=lambda i: (centrality(i), -i))
        return shorten(_headline(arts[af.ids[best_i]]), 160)
    best, best_score = None, -1.0
    for a in ids:
        u = af.units[a]
        for k, text in enumerate(u["texts"][:20]):
            if len(ids) > 1:
                s = np.mean([float((af.units[b]["vectors"] @ u["vectors"][k]).max()) for b in ids if b != a and len(af.units[b]["vectors"])] or [0.0])
            else:
                s = 1.0 - 0.01 * k  # the lead of a lone article
            s -= 0.002 * max(0, len(text) - 160) / 10
            s -= 0.1 * (len(text.split()) < 8)  # fragments make poor labels
            if s > best_score:
                best, best_score = text, s
    return shorten(best or ids[0], 200)


def _headline(a) -> Optional[str]:
    """The article's headline, spaces squeezed, when it reads as one: at least three words,
    starting with a letter, digit or quotation mark (not "- Site name, 1920")."""
    t = re.sub(r"\s+", " ", (a.title or "") if a is not None else "").strip()
    if len(t.split()) < 3 or not (t[0].isalnum() or t[0] in "\"'‘’“”«"):
        return None
    return t


def _shared_titles(articles) -> set[str]:
    """Headlines that two different texts carry (not near copies of each other): page
    furniture taken for a title, not a headline."""
    seen: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        t = _headline(a)
        if t:
            seen[t].add(a.copy_of or a.id)
    return {t for t, roots in seen.items() if len(roots) > 1}


def _days(af: ArticleFeatures) -> list[Optional[int]]:
    """Per article: its publication day as an ordinal (``date.toordinal``), None when it has no
    publication day (its main date, if any, is only mentioned: it belongs to no date window)."""
    out: list[Optional[int]] = []
    for a in af.ids:
        d = af.date[a] if af.dated[a] else None
        try:
            out.append(date.fromisoformat(d).toordinal() if d else None)
        except ValueError:
            out.append(None)
    return out


def group_articles(af: ArticleFeatures, stats: Optional[dict] = None) -> tuple[list[list[int]], dict[tuple[int, int], float]]:
    """Groups of article indices and the same-event probabilities of the compared pairs."""
    n = len(af.ids)
    keys = [[e for e in af.ents[a] if af.eidf.get(e, 0) > 1.0] for a in af.ids]
    if 1 < n <= setting("events.all_pairs_max"):
        # a small batch: every pair is scored (a bounded cost), so no same-event pair is missed
        # by the blocking and counted 0 in the averages
        from itertools import combinations

        pairs = set(combinations(range(n), 2))
    else:
        pairs = article_pairs(af.centroids, _days(af), keys, stats=stats) if n > 1 else set()
    plist = sorted(pairs)
    x = af.pair_matrix(plist)
    veto = setting("events.date_veto")
    di = FEATURES.index("date")
    off = x[:, di] < veto if plist else []
    probs = adapt_to_batch(same_event_probabilities(x), off) if plist else []
    prob = {p: (0.0 if off[r] else float(v)) for r, (p, v) in enumerate(zip(plist, probs))}
    cannot = {p for r, p in enumerate(plist) if off[r]}
    af.scored = dict(zip(plist, x))
    cut = setting("events.cut")
    groups = refine_groups(n, _average_linkage(n, prob, cut, cannot), prob, cut, cannot) if n else []
    # "another X" than an earlier member, and later runs of publication days that name none of
    # the event's days, leave their event (event_instances.py, event_days.py)
    groups, af.apart = split_other_instances(groups, af.another, {k for k, a in enumerate(af.ids) if af.again[a]})
    groups, af.late = split_late_strays(groups, [af.date[a] if af.dated[a] else None for a in af.ids], [af.days[a] for a in af.ids])
    # reports of different aspects of one incident whose leads name the same rare place join
    # (event_anchors.py); never across a date veto or "another X"
    apart = cannot | {p for p in plist if (af.again[af.ids[p[0]]] and af.another(*p)) or (af.again[af.ids[p[1]]] and af.another(p[1], p[0]))}
    places = [af.places[a] for a in af.ids]
    groups, joined = join_anchored(groups, places, plist, lambda i, j: float(af.scored[(i, j)][di]), apart)
    af.anchored = {min(groups[k]): place for k, place in joined.items()}
    return groups, prob


def group_events(state: CorpusState) -> None:
    """Fill ``dossier.events``; the dossier's articles become copies with ``event`` set (see module doc)."""
    d = state.dossier
    if not d.articles:
        d.events = []
        return
    af = ArticleFeatures(state)
    stats: dict = {}
    groups, prob = group_articles(af, stats)
    state.event_stats = {"compared": len(prob), "articles": len(af.ids)}
    nclaims = Counter(c.article for c in d.claims)
    groups.sort(key=lambda g: (-len(g), -sum(nclaims[af.ids[i]] for i in g), min(g)))
    related_cut = setting("events.related")
    events = []
    for n, g in enumerate(groups, 1):
        g.sort()
        arts = [af.ids[i] for i in g]
        # the event's date: the publication day most of its dated articles share; when none is
        # dated, the day the texts mention most is often background (an abduction years ago),
        # so it is used only when at least two articles mention it
        dates = Counter(af.date[a] for a in arts if af.date[a] and af.dated[a])
        if not dates:
            mentioned = Counter(af.date[a] for a in arts if af.date[a])
            dates = Counter({k: v for k, v in mentioned.items() if v >= 2})
        edate = dates.most_common(1)[0][0] if dates else None
        events.append(Event(id=f"E{n}", label="", articles=arts, main=(n == 1), date=edate))
    # average probability between events, from the compared pairs only (linear in pairs)
    event_of = {i: e for e, g in enumerate(groups) for i in g}
    between: dict[tuple[int, int], float] = defaultdict(float)
    neighbours: dict[int, list[tuple[int, float]]] = defaultdict(list)
    named: set[tuple[int, int]] = set()  # events with a pair whose leads name the same rare name
    di, date_min = FEATURES.index("date"), setting("events.anchor_date_min")
    for (i, j), v in prob.items():
        neighbours[i].append((j, v))
        neighbours[j].append((i, v))
        ei, ej = event_of[i], event_of[j]
        if ei != ej:
            between[(min(ei, ej), max(ei, ej))] += v
            if af.lead_names[af.ids[i]] & af.lead_names[af.ids[j]] and af.scored[(i, j)][di] >= date_min:
                named.add((min(ei, ej), max(ei, ej)))
    for (ea, eb), tot in between.items():
        if tot / (len(groups[ea]) * len(groups[eb])) >= related_cut or (ea, eb) in named:
            events[ea].related.append(events[eb].id)
            events[eb].related.append(events[ea].id)
    for ev, g in zip(events, groups):
        label = _label(g, af, state, neighbours)
        ev.label = f"{label} ({ev.date})" if ev.date else label
        ev.related.sort(key=lambda x: int(x[1:]))
        ev.reason = reason(g, af, prob, neighbours, groups, event_of, events)
        if g[0] in af.anchored:
            ev.reason += f"; joined on the place their leads name: {af.anchored[g[0]]}"
        if ev.date is None:
            ev.reason += "; date unknown: no article of this event is dated and no day is mentioned by two of them"
        elif not any(af.dated[af.ids[i]] for i in g):
            ev.reason += f"; date {ev.date} inferred: no article is dated, and it is the day their texts mention most"
    d.events = events
    by_article = {a: ev.id for ev in events for a in ev.articles}
    d.articles = [a.model_copy(update={"event": by_article.get(a.id)}) for a in d.articles]
