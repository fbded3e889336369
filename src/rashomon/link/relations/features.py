"""Features for the learned relation classifier and the FNC-style stance head.

Two feature makers, shared by training (``scripts/train_stance.py``), the pipeline
(``rashomon.link.relations.model``) and the benchmark (``benchmarks/fnc1.py``):

- ``pair_features(a, b, ua, ub)``: two short texts (claims, or a headline and one sentence) and
  their unit-normalised MiniLM embeddings -> a 1-D float vector of hand features (cosine, word
  overlap, negation/refuting/hedging counts, opposite state poles, number mismatch) followed by
  the embedding interactions ``|ua-ub|`` and ``ua*ub``.
- ``stance_features(headline, sentences, uh, us)``: a headline, the sentences of an article body
  and their embeddings -> body-level statistics plus ``pair_features`` of the headline and its
  best-matching sentence.

``split_sentences(body)`` is a fast regex splitter for long bodies (the pipeline's claims are
already sentences).
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from .lexicon import count_terms, find_terms, lexicon, pole_vector, tokens
from ...data import load_yaml

_STOPWORDS = load_yaml("stopwords.yaml", "en")  # word lists and patterns of this module (data/en/stopwords.yaml)

STOP = frozenset(_STOPWORDS["relation_features"])

_SENT_RE = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(A-Z0-9])|\n+")
_NUM_RE = re.compile(r"\d[\d,.]*")


def split_sentences(body: str, min_chars: int = 15, max_sentences: int = 60) -> list[str]:
    """Sentences of a body by punctuation and line breaks; very short pieces are dropped."""
    out = [s.strip() for s in _SENT_RE.split(body or "")]
    out = [s for s in out if len(s) >= min_chars]
    return out[:max_sentences] or [(body or "").strip()[:500] or "(empty)"]


@lru_cache(maxsize=400_000)
def content_words(text: str) -> frozenset[str]:
    """Lower-cased tokens that are not stop words."""
    return frozenset(t for t in tokens(text) if t not in STOP and len(t) > 1)


def _numbers(text: str) -> set[float]:
    out = set()
    for m in _NUM_RE.findall(text):
        try:
            out.add(float(m.replace(",", "").rstrip(".")))
        except ValueError:
            pass
    return out


HAND_NAMES = ["cos", "jaccard", "a_in_b", "b_in_a", "neg_a", "neg_b", "neg_diff", "ref_a", "ref_b",
              "hedge_a", "hedge_b", "pole_opposed", "pole_same", "num_both", "num_mismatch", "len_ratio"]


def hand_features(a: str, b: str, cos: float) -> list[float]:
    """The hand-made part of ``pair_features`` (names in ``HAND_NAMES``)."""
    wa, wb = content_words(a), content_words(b)
    inter = len(wa & wb)
    union = len(wa | wb) or 1
    neg_a, neg_b = count_terms(a, "negation"), count_terms(b, "negation")
    pa, pb = pole_vector(a), pole_vector(b)
    opposed = sum(1.0 for x, y in zip(pa, pb) if x * y < 0)
    same = sum(1.0 for x, y in zip(pa, pb) if x * y > 0)
    na, nb = _numbers(a), _numbers(b)
    both = float(bool(na) and bool(nb))
    mismatch = float(both and not (na & nb))
    la, lb = len(tokens(a)) or 1, len(tokens(b)) or 1
    return [cos, inter / union, inter / (len(wa) or 1), inter / (len(wb) or 1), float(neg_a), float(neg_b),
            float((neg_a % 2) != (neg_b % 2)), float(count_terms(a, "refuting")), float(count_terms(b, "refuting")),
            float(count_terms(a, "hedging")), float(count_terms(b, "hedging")), opposed, same, both, mismatch,
            min(la, lb) / max(la, lb)]


def pair_features(a: str, b: str, ua: np.ndarray, ub: np.ndarray) -> np.ndarray:
    """Feature vector of a pair of short texts with unit-normalised embeddings ``ua``, ``ub``."""
    ua = np.asarray(ua, dtype=np.float32)
    ub = np.asarray(ub, dtype=np.float32)
    cos = float(ua @ ub)
    hand = np.asarray(hand_features(a, b, cos), dtype=np.float32)
    return np.concatenate([hand, np.abs(ua - ub), ua * ub])


STANCE_NAMES = ["cos_mean", "cos_max", "cos_top3", "best_pos", "n_sents", "body_jaccard", "head_in_body",
                "ref_head", "ref_body", "ref_top3", "neg_top3", "hedge_body", "hedge_top3", "q_head", "pole_body_opposed",
                "deny_top3", "deny_body", "ref_best", "ref_simw", "ref_max_sim", "ref_lead", "hedge_head",
                "neg_head", "num_conflict_top3"]


@lru_cache(maxsize=400_000)
def _denials(text: str) -> int:
    """Rebuttal cues (``polarity.yaml`` ``denial`` verbs and sentences) in ``text``."""
    den = lexicon().get("denial") or {}
    return len(find_terms(text, list(den.get("verbs", [])) + list(den.get("sentences", []))))


def refutation_stats(headline: str, sentences: list[str], sims: np.ndarray, order: np.ndarray) -> list[float]:
    """How the body refutes (input: headline, body sentences, their cosines to the headline and
    the sentence order by cosine; output: the ``STANCE_NAMES`` from ``deny_top3`` on): rebuttal
    cues near the headline's topic and over the body, refuting words in the best sentence, the
    similarity-weighted share of refuting sentences and the best similarity among them,
    refuting words in the lead, hedges and negations in the headline, and numbers of the
    headline that the three closest sentences contradict."""
    top3 = [sentences[i] for i in order[:3]]
    ref = np.array([float(count_terms(s, "refuting") > 0) for s in sentences], dtype=np.float32)
    w = np.clip(sims, 0.0, None)
    nb = max(1, sum(len(tokens(s)) for s in sentences))
    hn = _numbers(headline)
    tn = set().union(*[_numbers(s) for s in top3]) if top3 else set()
    return [float(sum(_denials(s) for s in top3)), 100.0 * sum(_denials(s) for s in sentences) / nb,
            float(count_terms(sentences[int(order[0])], "refuting")),
            float((w * ref).sum() / (w.sum() or 1.0)), float((sims * ref).max()) if ref.any() else 0.0,
            float(sum(count_terms(s, "refuting") for s in sentences[:3])), float(count_terms(headline, "hedging")),
            float(count_terms(headline, "negation")), float(bool(hn) and bool(tn) and not (hn & tn))]


def stance_features(headline: str, sentences: list[str], uh: np.ndarray, us: np.ndarray) -> np.ndarray:
    """Features of (headline, body): ``sentences`` of the body with embeddings ``us`` (n x d,
    unit-normalised), headline embedding ``uh``."""
    us = np.asarray(us, dtype=np.float32)
    uh = np.asarray(uh, dtype=np.float32)
    sims = us @ uh
    order = np.argsort(-sims)
    top3 = [sentences[i] for i in order[:3]]
    body = " ".join(sentences)
    mean = us.mean(axis=0)
    mean = mean / (np.linalg.norm(mean) or 1.0)
    wh, wb = content_words(headline), content_words(body)
    nb = max(1, len(tokens(body)))
    top = " ".join(top3)
    ph = pole_vector(headline)
    pt = pole_vector(top)
    stats = [float(mean @ uh), float(sims[order[0]]), float(np.mean(sims[order[:3]])),
             float(order[0]) / len(sentences), float(min(len(sentences), 60)) / 60.0,
             len(wh & wb) / (len(wh | wb) or 1), len(wh & wb) / (len(wh) or 1),
             float(count_terms(headline, "refuting")), 100.0 * count_terms(body, "refuting") / nb,
             float(count_terms(top, "refuting")), float(count_terms(top, "negation")),
             100.0 * count_terms(body, "hedging") / nb, float(count_terms(top, "hedging")),
             float("?" in headline), float(sum(1 for x, y in zip(ph, pt) if x * y < 0))]
    stats += refutation_stats(headline, sentences, sims, order)
    best = int(order[0])
    return np.concatenate([np.asarray(stats, dtype=np.float32), pair_features(headline, sentences[best], uh, us[best])])


__all__ = ["split_sentences", "pair_features", "stance_features", "hand_features", "HAND_NAMES", "STANCE_NAMES", "lexicon"]
