"""Corpus stage ``cluster_claims``: the same proposition across articles, however worded.

In: ``state.dossier.claims`` (with ``actors``, ``quantities``, ``times``, ``polarity``), the
articles' entities (``state.annotations``) and the embeddings of what each claim asserts
(``similarity.proposition_vectors``: the claim without speaker and cue; built on the shared cache
``state.claim_embeddings``).

Out: ``state.dossier.clusters`` (ids ``k<n>``, largest first; ``label`` = the clearest member,
``claims``, ``articles``, ``outlets`` = outlet or article id when unknown); the dossier's claims
become copies with ``cluster`` set for every claim (the per-article claims are not changed): a
claim nobody else makes is a cluster of one, so the claim matrix is complete. Clause claims
(``Claim.parent``) are placed after the statements are clustered (``link/clause_clusters.py``):
in the cluster of other articles' claims they match, else in their statement's cluster.
``state.cluster_stats`` records how many pairs were compared.

How:
1. **Blocking** (``candidates.candidate_pairs``): random-projection LSH on the embeddings plus claims
   sharing a rare entity, number or word; never all pairs at scale. From ``blocking.event_claims_min``
   claims on, only within each event (``blocking.claim_pairs_by_event``).
2. **Pair score**, with ``clusters.scorer: learned`` the learned claim matcher
   (``link/matcher.py``): P(same proposition) from a logistic regression over named pair
   features (``link/pair_features.py``: cosine, lexical overlap and containment, agreement or
   conflict of names, numbers, day dates, polarity, event classes and states), trained on public
   pairs (``scripts/train_claim_matcher.py``, ``docs/models/claim_matcher.md``); two claims of one
   article pay ``learned_same_article_penalty``; who said the claims plays no part (one speaker
   says different things). Claims of articles the events stage put in different events pay
   ``learned_cross_event_penalty``: only a near-certain match joins them. The propositions'
   clashes (``PairScorer.proposition_term``, as in the hand score) are added too: the public pairs
   carry no parse. Cut with ``learned_link`` / ``learned_cluster``.
   With ``clusters.scorer: hand`` (the default; see the settings comment for why):
   ``w_cos * cosine + (1 - w_cos) * weighted Jaccard`` of the claims' entities,
   numbers and content words (IDF weights), minus penalties for incompatible specifics: different
   rare entities on each side (a name the other claim writes, though the tagger missed it there, is not
   another name), different numbers (or a number on one side only), opposite polarity, different day dates, different event classes (``event_terms``: "ousted" and
   "recaptured" agree, "withdrew" and "struck" do not) or an event verb on one side only, opposite
   state poles ("ousted" vs "still holding", ``relations.lexicon.state_poles``) or states on different
   dimensions ("forces ousted" vs "the offensive failed"). Two
   claims of one article pay ``same_article_penalty`` (they are rarely the same proposition).
   The cosine is the larger of what the claims assert and of the claims as told (speaker and
   cue kept; ``similarity.vectors_for``) less ``told_cosine_margin``.
   Both stating one figure (``same_figure``: "about 11,000" / 11,300) earns ``number_share_bonus``.
   The claims' propositions (``Proposition``, compared by ``proposition_match``) weigh in: one
   predicate with a clash of roles, agent, patient, place, day, figure, polarity or a rare name
   pays ``proposition_conflict_penalty`` (a near miss worded alike); opposite polarity under
   different predicates ("X is not involved" / "X dismissed the claims") pays only
   ``polarity_other_predicate_penalty`` (``PairScorer.proposition_term``). A claim that rejects
   what someone said (a rebuttal, denial cue or debunking word, ``relations/stance.py``) and one
   that asserts it pay ``rebuttal_penalty`` (``PairScorer.stance_term``; both scorers): a claim
   and its own rebuttal are kept out of one cluster.
3. **Average-linkage** agglomerative clustering inside each connected block of pairs that
   passed ``link``; cut at ``cluster``. Average (not single) linkage keeps two propositions on
   one topic ("troops fought alongside" vs "troops were sent") from chaining together.
Thresholds come from ``data/settings.yaml`` (section ``clusters``; chosen on ECB+ topics 1-35,
see the comment there).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Optional

import numpy as np

from ..models import Cluster
from ..state import CorpusState
from . import lexicon as lx
from .blocking import claim_pairs_by_event
from .candidates import candidate_pairs
from .clause_clusters import place_clauses
from .features import ClaimFeatures, claim_features, content_words, names_meet
from .matcher import load_matcher
from .minimal_pair import counted_clashes
from .pair_features import pair_features
from .proposition_match import predicates_match, proposition_features
from .relations.shares import shares_clash
from .similarity import proposition_vectors, vectors_for
from ..settings import setting


def _params() -> dict:
    learned = setting("clusters.scorer") == "learned"
    return {
        "scorer": setting("clusters.scorer"),
        "w_cos": setting("clusters.w_cos"),
        "link": setting("clusters.learned_link") if learned else setting("clusters.link"),
        "cluster": setting("clusters.learned_cluster") if learned else setting("clusters.cluster"),
        "same_article_penalty": setting("clusters.same_article_penalty"),
        "entity_mismatch_penalty": setting("clusters.entity_mismatch_penalty"),
        "number_mismatch_penalty": setting("clusters.number_mismatch_penalty"),
        "number_presence_penalty": setting("clusters.number_presence_penalty"),
        "polarity_penalty": setting("clusters.polarity_penalty"),
        "polarity_other_predicate_penalty": setting("clusters.polarity_other_predicate_penalty"),
        "rebuttal_penalty": setting("clusters.rebuttal_penalty"),
        "number_share_bonus": setting("clusters.number_share_bonus"),
        "number_share_min": setting("clusters.number_share_min"),
        "date_penalty": setting("clusters.date_penalty"),
        "side_penalty": setting("clusters.side_penalty"),
        "event_mismatch_penalty": setting("clusters.event_mismatch_penalty"),
        "event_presence_penalty": setting("clusters.event_presence_penalty"),
        "state_conflict_penalty": setting("clusters.state_conflict_penalty"),
        "state_mismatch_penalty": setting("clusters.state_mismatch_penalty"),
        "rare_idf": setting("clusters.rare_idf"),
        "entity_share_bonus": setting("clusters.entity_share_bonus"),
        "same_source_bonus": setting("clusters.same_source_bonus"),
        "max_block": setting("clusters.max_block"),
        "fill_block_max": setting("clusters.fill_block_max"),
        "learned_same_article_penalty": setting("clusters.learned_same_article_penalty"),
        "learned_cross_event_penalty": setting("clusters.learned_cross_event_penalty"),
        "learned_same_source_bonus": setting("clusters.learned_same_source_bonus"),
        "proposition_agree_bonus": setting("clusters.proposition_agree_bonus"),
        "proposition_predicate_bonus": setting("clusters.proposition_predicate_bonus"),
        "proposition_conflict_penalty": setting("clusters.proposition_conflict_penalty"),
        "told_cosine_margin": setting("clusters.told_cosine_margin"),
        "minimal_pair_overlap": setting("clusters.minimal_pair_overlap"),
    }


class PairScorer:
    """Scores claim pairs from embeddings and features (see module doc). With ``scorer: learned``
    the score is the learned matcher's probability (``link/matcher.py``) minus the
    structural same-article and cross-event penalties; with ``scorer: hand`` (the default) the
    hand-weighted score below."""

    def __init__(self, vectors: np.ndarray, feats: list[ClaimFeatures], articles: list[str], params: Optional[dict] = None,
                 events: Optional[list[Optional[str]]] = None, told: Optional[np.ndarray] = None):
        self.v = vectors
        self.told = told  # embeddings of the claims as told (speaker and cue kept); None: not used
        self.f = feats
        self.art = articles
        self.events = events  # the event id of each claim's article (None: not grouped)
        self.p = params or _params()
        df: Counter = Counter()
        self.keys = []
        for f in feats:
            ks = set(f.keys())
            self.keys.append(ks)
            df.update(ks)
        n = max(1, len(feats))
        norm = math.log(n + 1) or 1.0
        self.idf = {k: max(0.05, math.log((n + 1) / (c + 0.5)) / norm) for k, c in df.items()}
        self.df = df
        self.n = n
        self.rare_entities = [self.rare(ks, "e:") for ks in self.keys]
        self.word_sets = [set(f.words) for f in feats]
        self.matcher = load_matcher() if self.p.get("scorer") == "learned" else None

    def rare(self, keys: set[str], prefix: str) -> set[str]:
        return {k for k in keys if k.startswith(prefix) and self.idf[k] >= self.p["rare_idf"] and self.df[k] < self.n}

    def lexical(self, i: int, j: int) -> float:
        a, b = self.keys[i], self.keys[j]
        if not a or not b:
            return 0.0
        inter = sum(self.idf[k] for k in a & b)
        union = sum(self.idf[k] for k in a | b)
        return inter / union if union else 0.0

    def features(self, i: int, j: int, cos: Optional[float] = None) -> dict[str, float]:
        """The named pair features the learned matcher reads (``link/pair_features.py``)."""
        if cos is None:
            cos = float(self.v[i] @ self.v[j])
        return pair_features(self, i, j, cos)

    def score(self, i: int, j: int, cos: Optional[float] = None) -> float:
        p = self.p
        if cos is None:
            cos = float(self.v[i] @ self.v[j])
        if self.matcher is not None:
            s = self.matcher.probability(pair_features(self, i, j, cos))
            if self._same_article(i, j):
                s -= p["learned_same_article_penalty"]  # the public pairs have no articles: a structural term
            fi, fj = self.f[i], self.f[j]
            if fi.source and fi.source == fj.source:
                s += p["learned_same_source_bonus"]  # one original speaker relayed by two outlets: structural too
            if self.events is not None and self.events[i] and self.events[j] and self.events[i] != self.events[j]:
                s -= p["learned_cross_event_penalty"]  # another event: only a near-certain match states the same proposition
            # the propositions' clashes under one predicate (another place, agent, figure; roles
            # swapped): the public pairs carry no parse, so this is a structural term as well
            return s + self.proposition_term(i, j) - self.stance_term(i, j)
        if self.told is not None:
            # the claims as told, less a margin, when closer than what they assert: a proposition
            # cut down to "that it is a civilian vessel" has lost what "it" is
            cos = max(cos, float(self.told[i] @ self.told[j]) - p["told_cosine_margin"])
        s = p["w_cos"] * cos + (1 - p["w_cos"]) * self.lexical(i, j)
        fi, fj = self.f[i], self.f[j]
        pf = _proposition_pair(fi, fj)
        ei, ej = self.rare_entities[i], self.rare_entities[j]
        if ei and ej and not (ei & ej):
            if self._names_differ(i, j, ei, ej):
                s -= p["entity_mismatch_penalty"]
        elif ei & ej:
            s += p["entity_share_bonus"]  # both name the same rare place, person or body
        if fi.source and fi.source == fj.source:
            s += p["same_source_bonus"]  # one original speaker, reported by two outlets
        if fi.numbers and fj.numbers and not (fi.numbers & fj.numbers) and not _numbers_close(fi.numbers, fj.numbers):
            s -= p["number_mismatch_penalty"]
        elif fi.numbers and fj.numbers and ((pf is not None and pf["predicate_match"]) or _numbers_close(
                _telling(fi.numbers, p["number_share_min"]), _telling(fj.numbers, p["number_share_min"]))):
            s += p["number_share_bonus"]  # one telling figure (a toll, a share), or any one figure of one predicate
        elif bool(fi.numbers) != bool(fj.numbers):
            s -= p["number_presence_penalty"]  # a count on one side only: rarely the same proposition
        if fi.polarity != fj.polarity:
            s -= p["polarity_penalty"] if pf is None or pf["predicate_match"] else p["polarity_other_predicate_penalty"]
        di = {d for d in fi.dates if len(d) == 10}
        dj = {d for d in fj.dates if len(d) == 10}
        if di and dj and not (di & dj):
            s -= p["date_penalty"]
        if fi.events and fj.events and not (fi.events & fj.events):
            s -= p["event_mismatch_penalty"]  # "withdrew" vs "struck": different event types
        elif bool(fi.events) != bool(fj.events):
            s -= p["event_presence_penalty"]  # "ousted the troops" vs "the offensive failed"
        if fi.shares and fj.shares and shares_clash(fi.shares, fj.shares):
            # one holder given shares that cannot both hold ("Party X won 54%" / "..., Party X
            # - 41%"): the claims contradict, as opposite poles of one state do
            s -= p["state_conflict_penalty"]
        if fi.states and fj.states:
            shared = fi.states.keys() & fj.states.keys()
            if any(fi.states[d] != fj.states[d] for d in shared):
                s -= p["state_conflict_penalty"]  # "ousted" vs "still holding": opposite poles
            elif not shared:
                s -= p["state_mismatch_penalty"]  # "forces ousted" vs "the offensive failed"
        if fi.side and fj.side and fi.side != fj.side:
            s -= p["side_penalty"]
        if self._same_article(i, j):
            s -= p["same_article_penalty"]
        return s + self.proposition_term(i, j, pf) - self.stance_term(i, j)

    def stance_term(self, i: int, j: int) -> float:
        """``rebuttal_penalty`` when one claim rejects what someone said (``ClaimFeatures.rejects``:
        "the ministry called the report categorically false") and the other asserts without
        negation ("troops crossed the border, the report said"): a claim and its own rebuttal,
        however alike their words, are two positions, not one proposition. A negated claim sides
        with a rebuttal ("X did not cross" / "X denied crossing"): no penalty. 0 otherwise."""
        fi, fj = self.f[i], self.f[j]
        if fi.rejects == fj.rejects:
            return 0.0
        plain = fj if fi.rejects else fi
        return 0.0 if plain.polarity == "denied" else self.p["rebuttal_penalty"]

    def _specifics_differ(self, i: int, j: int) -> bool:
        """Each claim names a rare entity the other lacks and those never meet (one name swapped
        for another, whatever else is shared), or both state numbers and none is the same figure."""
        ei, ej = self.rare_entities[i] - self.rare_entities[j], self.rare_entities[j] - self.rare_entities[i]
        if ei and ej and self._names_differ(i, j, ei, ej):
            return True
        ni, nj = self.f[i].numbers, self.f[j].numbers
        return bool(ni and nj and not (ni & nj) and not _numbers_close(ni, nj))

    def _names_differ(self, i: int, j: int, ei: set[str], ej: set[str]) -> bool:
        """Whether claim ``i``'s names ``ei`` and claim ``j``'s ``ej`` (keys ``e:<name>``) are
        other names: none meets one of the other side (``names_meet``) and each side has a name
        the other's words do not hold either. A name the entity tagger found on one side only
        ("Merrill" tagged, "Merrill Lynch did not admit" not; a headline's "Gabbana Fined") is
        not another name when the other claim writes it."""
        if names_meet({k[2:] for k in ei}, {k[2:] for k in ej}):
            return False
        return not (self._written_in(ei, j) or self._written_in(ej, i))

    def _written_in(self, names: set[str], j: int) -> bool:
        """True when claim ``j``'s content words hold every word of each name of ``names``."""
        words = self.word_sets[j]
        return all(set(_name_words(k)) <= words for k in names)

    def proposition_term(self, i: int, j: int, pf: Optional[dict] = None) -> float:
        """What the two claims' propositions add to the hand score (``proposition_match``): the
        same predicate (or synonyms) with a shared argument (agent, patient or attribute: the same
        actor or head word) and no slot in conflict earns ``proposition_agree_bonus`` (one claim in
        other words: "X shot down Y" / "Y was shot down by X"); the same predicate alone earns
        ``proposition_predicate_bonus``; the same predicate with its roles swapped, another agent
        or patient, another place or another figure of the same thing pays
        ``proposition_conflict_penalty`` (a near miss worded alike; twice for two or more
        clashes: roles swapped, opposite polarity of another agent...). The claims' own specifics
        count as slots too: with one predicate, rare names on both sides that never meet ("the
        Velka river" / "the Morava river") or numbers that are not one figure are a conflict.
        Which clashes count (``minimal_pair.counted_clashes``): a common noun swapped in a slot,
        or those specifics, only when the rest of the two claims is alike (``minimal_pair_overlap``).
        0 when either has no proposition. ``pf``: their ``proposition_features`` when already read."""
        p = self.p
        fi, fj = self.f[i], self.f[j]
        if fi.proposition is None or fj.proposition is None:
            return 0.0
        if pf is None:
            pf = _proposition_pair(fi, fj)
        if not pf["predicate_match"]:
            return 0.0
        # a common noun swapped, or other extra names, counts only in a minimal pair (link/minimal_pair.py)
        clashes = counted_clashes(fi, fj, pf, self._specifics_differ(i, j), p["minimal_pair_overlap"])
        if clashes:
            return -p["proposition_conflict_penalty"] * min(2, clashes)  # roles swapped: agent and patient both clash
        if pf["conflicts"]:
            return 0.0
        if max(pf["agent_match"], pf["patient_match"], pf["attribute_match"]) >= 1.0:
            return p["proposition_agree_bonus"]
        return p["proposition_predicate_bonus"]

    def _same_article(self, i: int, j: int) -> bool:
        """Two claims of one article, which are rarely one proposition, unless one speaker goes on
        about the same thing in the next claim ("X confirmed A." / "He stated that they ...")."""
        fi, fj = self.f[i], self.f[j]
        return self.art[i] == self.art[j] and not (fi.source and fi.source == fj.source and abs(fi.ordinal - fj.ordinal) == 1)


def _proposition_pair(fi: ClaimFeatures, fj: ClaimFeatures) -> Optional[dict]:
    """``proposition_features`` of two claims' propositions; only ``predicate_match`` (0) when
    their predicates differ (the slots are compared only under one predicate: most pairs of a
    batch stop here cheaply); None when either has no proposition."""
    a, b = fi.proposition, fj.proposition
    if a is None or b is None:
        return None
    if not predicates_match(a.predicate.head, b.predicate.head):
        return {"predicate_match": 0.0}
    return proposition_features(a, b)


@lru_cache(maxsize=100_000)
def _name_words(key: str) -> tuple[str, ...]:
    """The content-word stems of an entity key ("e:merrill lynch", "e:country:China"), as claim
    words are stemmed; empty for a name of stop words only."""
    return tuple(content_words(key[2:].split(":", 1)[-1]))


def _telling(numbers: set[float], least: float) -> set[float]:
    """The figures of ``numbers`` that can tell one claim from another: all but small whole numbers
    (under ``least``: "two", "13 or 14"), which any two claims may state by chance."""
    return {x for x in numbers if not (float(x).is_integer() and abs(x) < least)}


def _numbers_close(a: set[float], b: set[float]) -> bool:
    """True when some number of ``a`` and one of ``b`` are the same figure (``same_figure``)."""
    return any(same_figure(x, y) for x in a for y in b)


# a rounded figure covers the values within half its unit ("11,000" covers 11,300), but never more
# than this share of itself ("10,000" does not cover 11,300); hand-set, as QUANTITY_TOLERANCE
ROUNDING_SHARE = 0.05
# two precise figures this close (relative) are one figure reported twice (54.08% / 54.24%: a
# count updated between reports); the grader's own tolerance for a quantity's value
PRECISE_SHARE = 0.01


def figure_unit(x: float) -> float:
    """The unit a number is written to: 54.24 -> 0.01, 54 -> 1, 11,000 -> 1,000, 0 -> 1."""
    t = format(abs(x), ".10g")
    if "e" in t:
        return 1.0
    if "." in t:
        return 10.0 ** -len(t.split(".")[1])
    stripped = t.rstrip("0")
    return 10.0 ** (len(t) - len(stripped)) if stripped else 1.0


def same_figure(x: float, y: float) -> bool:
    """Whether two numbers are one figure: equal, within ``PRECISE_SHARE`` of each other, or one is
    the other rounded (within half the coarser one's unit, at most ``ROUNDING_SHARE`` of it):
    "about 11,000" / 11,300 and "54%" / 54.24% are; 52.98% / 54.24% and 10,000 / 11,300 are not."""
    if x == y:
        return True
    big = max(abs(x), abs(y))
    if abs(x - y) <= PRECISE_SHARE * big:
        return True
    coarse = x if figure_unit(x) >= figure_unit(y) else y
    half = min(figure_unit(coarse) / 2, ROUNDING_SHARE * abs(coarse))
    return abs(x - y) <= half


def _components(n: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    comp: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        comp[find(i)].append(i)
    return list(comp.values())


def _fill_block(comp: list[int], sim: dict[tuple[int, int], float], scorer: "PairScorer", vectors: np.ndarray) -> None:
    """Score every pair of a block that blocking left out or that fell below ``link``, so the
    average linkage sees each pair's real score (not 0): a cluster of paraphrases whose weakest
    pair scores 0.35 should not count that pair as unrelated. Only blocks of at most
    ``fill_block_max`` claims are filled, so the cost stays bounded at scale."""
    if len(comp) < 3:
        return
    sub = vectors[comp]
    cos = sub @ sub.T
    for x in range(len(comp)):
        for y in range(x + 1, len(comp)):
            key = (comp[x], comp[y])
            if key not in sim:
                sim[key] = max(0.0, scorer.score(comp[x], comp[y], float(cos[x, y])))


def average_linkage(items: list[int], sim: dict[tuple[int, int], float], cut: float) -> list[list[int]]:
    """Average-linkage agglomerative clustering of ``items``; ``sim`` holds pair scores (missing
    pairs count as 0); merging stops when the best average similarity falls below ``cut``."""
    if len(items) == 1:
        return [items]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    m = len(items)
    d = np.ones((m, m), dtype=np.float64)
    for x in range(m):
        d[x, x] = 0.0
        for y in range(x + 1, m):
            a, b = items[x], items[y]
            s = sim.get((a, b) if a < b else (b, a), 0.0)
            d[x, y] = d[y, x] = 1.0 - s
    d = np.clip(d, 0.0, 2.0)
    z = linkage(squareform(d, checks=False), method="average")
    labels = fcluster(z, t=1.0 - cut, criterion="distance")
    groups: dict[int, list[int]] = defaultdict(list)
    for it, lab in zip(items, labels):
        groups[int(lab)].append(it)
    return list(groups.values())


def blocking_keys(scorer: PairScorer, p: dict) -> list[list[str]]:
    """Each claim's blocking keys (rows as the scorer's): entities and numbers held by few claims
    (IDF at least ``rare_idf``), and any key held by at most 8 claims."""
    return [[k for k in scorer.keys[i] if (not k.startswith("w:") and scorer.idf[k] >= p["rare_idf"]) or scorer.df[k] <= 8]
            for i in range(len(scorer.keys))]


def cluster_indices(vectors: np.ndarray, feats: list[ClaimFeatures], articles: list[str], params: Optional[dict] = None,
                    stats: Optional[dict] = None, events: Optional[list[Optional[str]]] = None,
                    event_of: Optional[list] = None, told: Optional[np.ndarray] = None) -> list[list[int]]:
    """Group claim rows into clusters (lists of row indices); every row lands in one cluster.
    ``events`` (optional) gives the event id of each row's article, for the learned scorer's
    cross-event penalty; ``event_of`` (the same list, optional): pairs are then proposed only
    within an event (large batches). ``told`` (optional): embeddings of the claims as told (rows
    as ``vectors``), read by the hand score (``told_cosine_margin``)."""
    p = params or _params()
    n = len(feats)
    if n == 0:
        return []
    scorer = PairScorer(vectors, feats, articles, p, events=events, told=told)
    keys = blocking_keys(scorer, p)
    local = stats if stats is not None else {}
    if event_of is None:
        pairs = candidate_pairs(vectors, keys, stats=local)
    else:  # a large batch: claims meet only the claims of their own event (link/blocking.py)
        pairs = claim_pairs_by_event(event_of, lambda rows: candidate_pairs(vectors[rows], [keys[r] for r in rows], stats=local))
    sim: dict[tuple[int, int], float] = {}
    edges = []
    if pairs:
        arr = np.array(sorted(pairs), dtype=np.int64)
        # in chunks: gathering both vectors of every pair at once held GBs on large batches
        cos = np.concatenate([np.einsum("ij,ij->i", vectors[arr[s:s + 8192, 0]], vectors[arr[s:s + 8192, 1]])
                              for s in range(0, len(arr), 8192)])
        for (a, b), c in zip(arr.tolist(), cos.tolist()):
            s = scorer.score(a, b, c)
            if s >= p["link"]:
                sim[(a, b)] = s
                edges.append((a, b))
    local["compared"] = len(pairs)
    out: list[list[int]] = []
    comps = _components(n, edges)
    comp_of = {i: c for c, comp in enumerate(comps) for i in comp}
    edges_of: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for a, b in edges:
        edges_of[comp_of[a]].append((a, b))
    for c, comp in enumerate(comps):
        comp.sort()
        if len(comp) <= p["max_block"]:
            if len(comp) <= p["fill_block_max"]:
                _fill_block(comp, sim, scorer, vectors)
            out.extend(average_linkage(comp, sim, p["cluster"]))
            continue
        # a very large block: keep only its strongest links so the linkage stays bounded
        strong = [(a, b) for (a, b) in edges_of[c] if sim[(a, b)] >= p["cluster"]]
        local_ids = {x: k for k, x in enumerate(comp)}
        for sub in _components(len(comp), [(local_ids[a], local_ids[b]) for a, b in strong]):
            sub = sorted(comp[k] for k in sub)
            out.extend(average_linkage(sub, sim, p["cluster"]) if len(sub) <= p["max_block"] else [[i] for i in sub])
    return out


def _clearest(members: list[int], vectors: np.ndarray, texts: list[str]) -> int:
    """The member closest to the others (ties: the shorter text)."""
    if len(members) == 1:
        return members[0]
    v = vectors[members]
    centrality = (v @ v.T).sum(axis=1)
    best = max(range(len(members)), key=lambda x: (round(float(centrality[x]), 3), -len(texts[members[x]])))
    return members[best]


def _clause_groups(state: CorpusState, claims: list, parts: list, groups: list[list[int]], feats_by_id: dict,
                   part_events: list, row_events: list, by_event: bool) -> dict:
    """Clause claim id -> index in ``groups`` (the statements' clusters, rows of ``claims``) of the
    cluster it joins (``clause_clusters.place_clauses``: the best-matching cluster of other
    articles, else its parent's). ``by_event``: candidate pairs only within events."""
    p = _params()
    rows = claims + parts
    ids = [c.id for c in rows]
    vectors = proposition_vectors(state, ids)
    articles = [c.article for c in rows]
    events = row_events + part_events
    scorer = PairScorer(vectors, [feats_by_id[i] for i in ids], articles, p, events=events, told=vectors_for(state, ids))
    keys = blocking_keys(scorer, p)
    if by_event:
        pairs = claim_pairs_by_event(events, lambda rs: candidate_pairs(vectors[rs], [keys[r] for r in rs]))
    else:
        pairs = candidate_pairs(vectors, keys)
    row = {cid: i for i, cid in enumerate(ids)}
    parent_of = {row[c.id]: row[c.parent] for c in parts if row.get(c.parent, len(claims)) < len(claims)}
    placed = place_clauses(groups, parent_of, articles, scorer.score, pairs, p["cluster"])
    return {ids[r]: g for r, g in placed.items()}


def cluster_claims(state: CorpusState) -> None:
    """Fill ``dossier.clusters``; the dossier's claims become copies with ``cluster`` set (see module doc)."""
    dossier = state.dossier
    # clause claims (``Claim.parent``) are placed after the statements are clustered (clause_clusters)
    parts = [c for c in dossier.claims if c.parent is not None]
    claims = [c for c in dossier.claims if c.parent is None] if parts else dossier.claims
    if not claims:
        dossier.clusters = []
        return
    feats_by_id = claim_features(state)
    ids = [c.id for c in claims]
    vectors = proposition_vectors(state, ids)
    feats = [feats_by_id[i] for i in ids]
    articles = [c.article for c in claims]
    stats: dict = {}
    ev = {a: e.id for e in dossier.events for a in e.articles}
    row_events = [ev.get(a) for a in articles]
    by_event = row_events if dossier.events and len(claims) >= setting("blocking.event_claims_min") else None
    cache = state.claim_embeddings
    # the claims as told: the shared matrix itself when it holds exactly these claims in this order
    # (no copy of it on large batches), else its rows for them
    told = cache["vectors"] if cache is not None and cache.get("ids") == ids and cache.get("vectors") is not None \
        else vectors_for(state, ids)
    groups = cluster_indices(vectors, feats, articles, stats=stats, events=row_events, event_of=by_event, told=told)
    stats["claims"] = len(claims)
    state.cluster_stats = stats
    joined: dict[int, list] = defaultdict(list)  # group index -> the clause claims that join it
    if parts:
        part_of = {c.id: c for c in parts}
        for cid, g in _clause_groups(state, claims, parts, groups, feats_by_id, [ev.get(c.article) for c in parts],
                                     row_events, by_event is not None).items():
            joined[g].append(part_of[cid])
    outlet_of = {a.id: (a.outlet or a.id) for a in dossier.articles}
    order = {a.id: a.index for a in dossier.articles}
    texts = [c.text for c in claims]
    ranked = sorted(range(len(groups)), key=lambda n: (-len({articles[i] for i in groups[n]} | {c.article for c in joined[n]}),
                                                        -len(groups[n]) - len(joined[n]), min(groups[n])))
    out = []
    cluster_of: dict[str, str] = {}
    for n, gi in enumerate(ranked, 1):
        g = sorted(groups[gi], key=lambda i: (order.get(articles[i], 0), claims[i].start))
        kid = f"k{n}"
        best = _clearest(g, vectors, texts)
        members = sorted([claims[i] for i in g] + joined[gi], key=lambda c: (order.get(c.article, 0), c.start, -c.end))
        arts = list(dict.fromkeys(c.article for c in members))
        for c in members:
            cluster_of[c.id] = kid
        label = texts[best] if len(texts[best]) <= 240 else texts[best][:237].rstrip() + "..."
        out.append(Cluster(id=kid, label=label, claims=[c.id for c in members], articles=arts,
                           outlets=list(dict.fromkeys(outlet_of.get(a, a) for a in arts))))
    dossier.clusters = out
    dossier.claims = [c.model_copy(update={"cluster": cluster_of.get(c.id)}) for c in dossier.claims]
