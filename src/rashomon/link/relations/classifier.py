"""The learned signal: the shipped relation classifier (``relations.model``) scores claim pairs that the
rules left alone.

``classifier_findings(views, taken)`` -> ``list[Finding]``: for pairs of claims in different
clusters that talk about the same thing (cosine >= setting ``relations.learned_candidate_min_sim``; among the blocked
candidates of ``relations.context.view_pairs`` in large corpora) and are not already
related by a rule (``taken``: set of frozenset cluster pairs), a ``contradicts`` finding when
P(contradicts) >= ``relations.learned_contradict_min_p`` and the claims come from different sources, a ``supports``
finding when P(supports) >= ``relations.learned_support_min_p`` between different original sources. Thresholds are
high on purpose: the classifier is trained on news stance data and rule-made pairs, and a
contradiction the reader cannot see in the words is worse than a missed one. With the setting
``relations.cross_encoder`` on (and ``weights/cross_encoder/`` shipped), the contradicts decision
is the cross-encoder's instead (``relations.cross_encoder``: both claims read together, P >=
``relations.cross_encoder_contradict_min_p``, on at most ``relations.cross_encoder_max_pairs`` of the
most similar candidates); supports findings stay with the relation head.
"""
from __future__ import annotations

from typing import Iterator

import numpy as np

from .context import MAX_NAME_BONUS, ClaimView, opposed_sides, same_sentence, topic_similarity, view_neighbours, view_pairs
from .lexicon import count_terms
from .rules import Finding, _q, who
from ...settings import setting

_BLOCK = 1024  # rows of the cosine matrix computed at a time (bounds memory on large corpora)
_SLACK = 1e-4  # matrix products and single dot products may differ in the last float32 bits


def _near_pairs(views: list[ClaimView], min_cos: float) -> Iterator[tuple[ClaimView, ClaimView]]:
    """The pairs ``(views[i], views[j])``, i < j, whose embedding cosine may reach ``min_cos``
    (cosine >= ``min_cos`` - ``_SLACK``), in the order of ``itertools.combinations(views, 2)``;
    one matrix product per block of rows instead of a Python loop over all n^2/2 pairs."""
    n = len(views)
    if n < 2:
        return
    vecs = np.stack([np.asarray(v.vec, dtype=np.float32) for v in views])
    for lo in range(0, n, _BLOCK):
        hi = min(n, lo + _BLOCK)
        sim = vecs[lo:hi] @ vecs.T
        rows, cols = np.nonzero(sim >= min_cos - _SLACK)
        keep = cols > rows + lo
        for i, j in zip((rows[keep] + lo).tolist(), cols[keep].tolist()):
            yield views[i], views[j]


def classifier_findings(views: list[ClaimView], taken: set) -> list[Finding]:
    """Classifier-scored contradicts/supports findings for same-topic claim pairs."""
    from .model import model_available, relation_proba

    if not model_available():
        return []
    cands = []
    # small dossiers: every pair near enough in one matrix product; large ones: the blocked pairs
    pairs = (_near_pairs(views, setting("relations.learned_candidate_min_sim") - MAX_NAME_BONUS) if view_neighbours(views) is None
             else view_pairs(views))
    for x, y in pairs:
        if x.cluster == y.cluster or same_sentence(x, y) or frozenset((x.cluster, y.cluster)) in taken:
            continue
        if x.speaker and x.speaker == y.speaker:
            continue
        sim = topic_similarity(x, y)
        if sim >= setting("relations.learned_candidate_min_sim"):
            cands.append((sim, x, y))
    cands.sort(key=lambda t: -t[0])
    cands = cands[:setting("relations.learned_max_pairs")]
    if not cands:
        return []
    proba = relation_proba([(x.text, y.text) for _, x, y in cands], [(x.vec, y.vec) for _, x, y in cands])
    crossed = _cross_contradicts(cands)
    out = []
    for k, ((sim, x, y), (pc, ps, pn)) in enumerate(zip(cands, proba)):
        if crossed is not None:
            pc, min_p, model = (crossed[k] if k < len(crossed) else 0.0), setting("relations.cross_encoder_contradict_min_p"), "cross-encoder"
        else:
            min_p, model = setting("relations.learned_contradict_min_p"), "classifier"
        if pc >= min_p and opposed_sides(x, y) is not False and not near_copies(x, y):
            out.append(Finding("contradicts", "classifier", x, y, round(float(pc), 3),
                               f"The learned {model} judges these incompatible (P={pc:.2f}, topic similarity {sim:.2f}): "
                               f"{who(x)}: {_q(x.text)} vs {who(y)}: {_q(y.text)}."))
        elif ps >= setting("relations.learned_support_min_p") and sim >= setting("relations.learned_support_min_sim") and (x.speaker != y.speaker or x.speaker is None):
            out.append(Finding("supports", "classifier", x, y, round(float(ps), 3),
                               f"Says the same thing (classifier P(support)={ps:.2f}, similarity {sim:.2f}): "
                               f"{who(x)}: {_q(x.text, 90)} and {who(y)}: {_q(y.text, 90)}."))
    return out


def near_copies(x: ClaimView, y: ClaimView) -> bool:
    """The two claims say the same words: their content words differ by at most two (a
    spelling, a name written twice), no differing word is a number and both hold as many
    negations. A learned contradiction between near copies is one a reader cannot see in the
    words (FNC-1 training stories: one sentence and its copy with a misspelt place name had
    P(contradicts) 0.97), so the learned signal never reports one."""
    diff = x.words ^ y.words
    if count_terms(x.text, "negation") != count_terms(y.text, "negation") or any(any(ch.isdigit() for ch in w) for w in diff):
        return False
    # a copy cut short ("... able to re-start" / "... able to re-start his heart."): at most one
    # word of the shorter one is missing from the longer one
    return len(diff) <= 2 or min(len(x.words - y.words), len(y.words - x.words)) <= 1


def _cross_contradicts(cands: list[tuple[float, ClaimView, ClaimView]]) -> list[float] | None:
    """P(contradicts) of the cross-encoder for the first ``relations.cross_encoder_max_pairs``
    candidates (the most similar; the rest get none), or None when the setting
    ``relations.cross_encoder`` is off or the weights are not shipped."""
    if not setting("relations.cross_encoder"):
        return None
    from .cross_encoder import cross_encoder_available, cross_proba

    if not cross_encoder_available():
        return None
    head = cands[:setting("relations.cross_encoder_max_pairs")]
    return [float(p[0]) for p in cross_proba([(x.text, y.text) for _, x, y in head])]

