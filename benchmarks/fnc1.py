"""FNC-1 stance benchmark: the stance of an article body toward a headline (agree / disagree /
discuss / unrelated) with the shipped stance head (``rashomon/weights/stance.joblib``, trained by
``scripts/train_stance.py`` on the training splits only).

    python benchmarks/fnc1.py [--data DIR] [--split dev|test|arc-test] [--limit N] [--json OUT.json]

Splits: ``dev`` = 9_1_train_test_stances.csv + train_bodies.csv (the FNC baseline's hold-out),
``test`` = competition_test_stances.csv + competition_test_bodies.csv, ``arc-test`` =
arc_stances_test.csv + arc_bodies.csv. Metrics: the official FNC-1 score (0.25 for a correct
related/unrelated call, +0.75 for the correct stance of a related pair) as a percentage of the
best possible score, macro-F1 over the four classes, per-class F1, accuracy. Embeddings are
cached under ``.bench-cache/fnc1``.
"""
from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

from _common import ROOT, bench_args, finish

SPLITS = {
    "dev": ("9_1_train_test_stances.csv", "train_bodies.csv"),
    "test": ("competition_test_stances.csv", "competition_test_bodies.csv"),
    "arc-test": ("arc_stances_test.csv", "arc_bodies.csv"),
}
LABELS = ["agree", "disagree", "discuss", "unrelated"]
RELATED = LABELS[:3]


def fnc_score(gold: list[str], pred: list[str]) -> tuple[float, float]:
    """The official FNC-1 score and its maximum (scorer.py of the challenge)."""
    score = best = 0.0
    for g, p in zip(gold, pred):
        best += 0.25 if g == "unrelated" else 1.0
        if g == p:
            score += 0.25
            if g != "unrelated":
                score += 0.50
        if g in RELATED and p in RELATED:
            score += 0.25
    return score, best


def f1s(gold: list[str], pred: list[str]) -> dict[str, float]:
    out = {}
    for lab in LABELS:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        out[lab] = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return out


def main() -> int:
    args = bench_args("fnc1", "fnc1", extra=lambda p: p.add_argument("--limit", type=int, default=0,
                                                                       help="score a seeded random subset of N pairs"))
    if args.split not in SPLITS:
        print(f"fnc1: unknown split {args.split!r}; choose from {', '.join(SPLITS)}")
        return 2
    stances_file, bodies_file = SPLITS[args.split]
    if not (args.data / stances_file).exists() or not (args.data / bodies_file).exists():
        print(f"fnc1: {stances_file} / {bodies_file} not in {args.data} (held out here); nothing to measure.")
        return 0
    import numpy as np

    from rashomon.link.relations.features import split_sentences, stance_features
    from rashomon.link.relations.model import embed, stance_proba

    with open(args.data / stances_file, encoding="utf-8", newline="") as f:
        pairs = [(r["Headline"], r["Body ID"], r["Stance"]) for r in csv.DictReader(f)]
    if args.limit and args.limit < len(pairs):
        pairs = random.Random(0).sample(pairs, args.limit)
    used = {b for _, b, _ in pairs}
    with open(args.data / bodies_file, encoding="utf-8", newline="") as f:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f) if r["Body ID"] in used}
    sents = {b: split_sentences(t) for b, t in bodies.items()}
    texts = sorted({h for h, _, _ in pairs} | {s for ss in sents.values() for s in ss})
    vecs = embed(texts, cache=ROOT / ".bench-cache" / "fnc1" / f"eval_{args.split}.pkl")
    index = {t: i for i, t in enumerate(texts)}
    X = np.stack([stance_features(h, sents[b], vecs[index[h]], vecs[[index[s] for s in sents[b]]]) for h, b, _ in pairs])
    classes, proba = stance_proba(X)
    pred = [classes[i] for i in proba.argmax(axis=1)]
    gold = [g for _, _, g in pairs]
    score, best = fnc_score(gold, pred)
    per = f1s(gold, pred)
    metrics = {"fnc_score_pct": round(100 * score / best, 2), "macro_f1": round(sum(per.values()) / 4, 4),
               "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / len(gold), 4)}
    metrics.update({f"f1_{k}": round(v, 4) for k, v in per.items()})
    finish(args, metrics, len(pairs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
