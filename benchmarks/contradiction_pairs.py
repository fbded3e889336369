"""Contradiction pairs: do the learned contradiction signals tell a disputing report from an agreeing one?

    python benchmarks/contradiction_pairs.py [--data DIR] [--split dev|test|arc-test] [--limit N] [--json OUT.json]

Data: the FNC-1 / ARC files of ``../shared/bench/fnc1/`` (splits as ``benchmarks/fnc1.py``:
``dev`` = ``9_1_train_test_stances.csv`` + ``train_bodies.csv``; ``test`` and ``arc-test`` are
held out). Each headline with a related body (agree, disagree, discuss) becomes one sentence pair:
the headline and the body sentence sharing most words with it (``train.cross_encoder.best_sentence``,
as in training); gold contradicts = ``disagree``.

Scored, on the same pairs: the relation head of ``weights/stance.joblib``
(``relations.model.relation_proba``) and the cross-encoder of ``weights/cross_encoder/``
(``relations.cross_encoder.cross_proba``, both reading orders averaged), each by P(contradicts):
ROC AUC of disagree against agree and discuss, and precision / recall / F1 of ``contradicts`` at
the shipped thresholds (``relations.learned_contradict_min_p``,
``relations.cross_encoder_contradict_min_p``) and at the threshold that maximises F1 on the split
(``best_*``: an upper bound, not a shipped figure). The pipeline runs these models only on claim
pairs of different articles about the same thing; this is the nearest public measure of that.
"""
from __future__ import annotations

import random
import sys

import numpy as np

from _common import bench_args, finish

SPLITS = {
    "dev": ("9_1_train_test_stances.csv", "train_bodies.csv"),
    "test": ("competition_test_stances.csv", "competition_test_bodies.csv"),
    "arc-test": ("arc_stances_test.csv", "arc_bodies.csv"),
}


def pr_f1(gold: list[bool], score: np.ndarray, cut: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``score >= cut`` against ``gold``."""
    pred = score >= cut
    tp = int(np.sum(pred & np.array(gold)))
    fp, fn = int(np.sum(pred)) - tp, int(np.sum(gold)) - tp
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_f1(gold: list[bool], score: np.ndarray) -> tuple[float, float]:
    """(F1, cut) of the cut over the scores that maximises F1."""
    best = (0.0, 1.0)
    for cut in np.unique(np.round(score, 3)):
        best = max(best, (pr_f1(gold, score, float(cut))[2], float(cut)))
    return best


def auc(gold: list[bool], score: np.ndarray) -> float:
    """ROC AUC (the probability that a random positive scores above a random negative; ties 1/2)."""
    g = np.array(gold)
    pos, neg = score[g], score[~g]
    if not len(pos) or not len(neg):
        return 0.0
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    ranks = np.empty(len(order))
    ranks[order] = np.arange(1, len(order) + 1)
    allv = np.concatenate([pos, neg])
    for v in np.unique(allv):  # average ranks of ties
        m = allv == v
        ranks[m] = ranks[m].mean()
    return float((ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def main() -> int:
    args = bench_args("contradiction_pairs", "fnc1", extra=lambda p: p.add_argument(
        "--limit", type=int, default=0, help="a seeded sample of N pairs (0: all related pairs)"))
    if args.split not in SPLITS:
        print(f"contradiction_pairs: unknown split {args.split!r}; choose from {', '.join(SPLITS)}")
        return 2
    stances_file, bodies_file = SPLITS[args.split]
    if not (args.data / stances_file).exists():
        print(f"contradiction_pairs: {args.data / stances_file} is absent; nothing to measure.")
        return 0
    from rashomon.link.relations.cross_encoder import cross_encoder_available, cross_proba
    from rashomon.link.relations.features import split_sentences
    from rashomon.link.relations.model import relation_proba
    from rashomon.settings import setting
    from rashomon.train.cross_encoder import best_sentence
    from rashomon.train.stance import read_pairs

    stances, bodies = read_pairs(args.data, stances_file, bodies_file)
    related = [(h, b, s) for h, b, s in stances if s != "unrelated"]
    if args.limit and args.limit < len(related):
        related = random.Random(13).sample(related, args.limit)
    sents = {b: split_sentences(t) for b, t in bodies.items()}
    pairs = [(h, best_sentence(h, sents[b])) for h, b, _ in related if sents.get(b)]
    gold = [s == "disagree" for h, b, s in related if sents.get(b)]
    metrics: dict = {"pairs": len(pairs), "disagree": int(sum(gold))}
    head = relation_proba(pairs)[:, 0]
    scores = {"head": (head, setting("relations.learned_contradict_min_p"))}
    if cross_encoder_available():
        scores["cross"] = (cross_proba(pairs)[:, 0], setting("relations.cross_encoder_contradict_min_p"))
    for name, (score, cut) in scores.items():
        p, r, f = pr_f1(gold, score, cut)
        bf, bc = best_f1(gold, score)
        metrics.update({f"{name}_auc": auc(gold, score), f"{name}_precision": p, f"{name}_recall": r, f"{name}_f1": f,
                        f"{name}_best_f1": bf, f"{name}_best_cut": bc})
    finish(args, metrics, len(pairs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
