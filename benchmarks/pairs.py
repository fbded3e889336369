"""Sentence-pair benchmark: does the shipped claim-pair scorer call two sentences the same proposition?

    python benchmarks/pairs.py [--data DIR] [--split dev] [--no-entities] [--json OUT.json]

Data (``../shared/bench/pairs/``, see its README): ``dev`` = ``msrp-dev.tsv`` (MSRP, 1 = paraphrase)
+ ``sts-headlines-2014.tsv`` (SemEval STS news headlines, gold similarity 0-5); training files
``msrp-train.tsv`` (used only to choose a threshold) and ``sts-headlines-2013.tsv`` (not read).

What is scored: ``link.clusters.PairScorer.score`` as shipped (settings ``clusters.*``: the
hand-weighted score by default, ``clusters.scorer=learned`` for the learned claim matcher), on one
``ClaimFeatures`` per sentence, each sentence its own article (so no same-article penalty) and
narration (no speaker, so no same-source or side term). The features are those
``link.features.claim_features`` reads from claim records, taken from the plain sentence: content
words, digits (``numbers_in``), event classes, state poles, and named entities from the shipped
spaCy pipeline (``--no-entities`` leaves them out). Not available without the whole pipeline, so
left at their neutral value: polarity (every sentence "asserted"), day dates, actors. The cosine
is that of the shipped encoder (``link.similarity.encode``) on the sentence; the IDF weights of the
lexical part are those of the sentences of one file, as the pipeline takes them over one batch.

Metrics:
- MSRP dev accuracy / precision / recall / F1 at the shipped cut (``clusters.cluster``, or
  ``clusters.learned_cluster`` with the learned scorer): two
  claims end in one cluster when their average-linkage score reaches ``cluster`` (for a pair,
  the average is the pair score); ``clusters.link`` (lower) only forms the blocks the linkage
  runs in, so a pair between ``link`` and ``cluster`` stays apart.
- MSRP dev F1 at the threshold that maximises F1 on ``msrp-train`` (chosen on train only).
- STS headlines 2014 Pearson and Spearman r of the score against the gold similarity.
- The same for the plain encoder cosine (``cosine_*``) as a baseline, and the F1 of calling every
  MSRP pair a paraphrase (``all_paraphrase_msrp_f1``: two thirds of MSRP pairs are paraphrases, so
  F1 alone flatters a scorer that joins nearly everything; read accuracy beside it).
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Callable, Optional, Sequence

import numpy as np

from _common import bench_args, finish

SPLITS = {"dev": ("msrp-dev.tsv", "sts-headlines-2014.tsv")}
TRAIN = "msrp-train.tsv"


def read_msrp(path: Path) -> tuple[list[str], list[str], list[int]]:
    """MSRP file -> (first sentences, second sentences, labels 1/0)."""
    a, b, y = [], [], []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            a.append(r["#1 String"])
            b.append(r["#2 String"])
            y.append(int(r["Quality"]))
    return a, b, y


def read_sts(path: Path) -> tuple[list[str], list[str], list[float]]:
    """STS file (``score, sentence 1, sentence 2``, tab-separated, no header) -> (a, b, gold)."""
    a, b, y = [], [], []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            try:
                y.append(float(parts[0]))
            except ValueError:
                continue  # a header line
            a.append(parts[1])
            b.append(parts[2])
    return a, b, y


def spacy_entities(texts: Sequence[str]) -> list[list[tuple[str, str]]]:
    """(text, label) of the named entities the shipped spaCy pipeline finds in each text."""
    from rashomon.nlp import get_nlp

    nlp = get_nlp("en")
    keep = [n for n in nlp.pipe_names if n in ("tok2vec", "ner", "entity_ruler")]
    with nlp.select_pipes(enable=keep):
        return [[(e.text, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=64)]


def sentence_features(text: str, entities: Sequence[tuple[str, str]] = ()):
    """The ``ClaimFeatures`` of ``text`` as a narrated claim (see module doc)."""
    from rashomon.link.event_terms import event_classes
    from rashomon.link.features import _ENTITY_LABELS, ClaimFeatures, _entity_norm, content_words, numbers_in
    from rashomon.link.relations.lexicon import state_poles

    return ClaimFeatures(words=content_words(text), numbers=numbers_in(text), events=event_classes(text),
                         states={dim: pole for dim, (pole, _) in state_poles(text).items()},
                         entities={_entity_norm(t) for t, lab in entities if not lab or lab in _ENTITY_LABELS})


def pair_scores(a: Sequence[str], b: Sequence[str], encoder: Optional[Callable] = None,
                entities: Optional[Callable] = spacy_entities) -> tuple[np.ndarray, np.ndarray]:
    """Shipped pair score and plain cosine of each pair ``(a[k], b[k])``. Each distinct sentence is
    encoded (and parsed for entities) once; ``encoder`` replaces the shipped encoder (list[str] ->
    ndarray), ``entities`` the entity finder (None: no entities). Returns (scores, cosines)."""
    from rashomon.link.clusters import PairScorer
    from rashomon.link.similarity import encode

    uniq = list(dict.fromkeys([*a, *b]))
    row = {t: i for i, t in enumerate(uniq)}
    vec = encode(uniq, encoder=encoder)
    ents = entities(uniq) if entities is not None else [[] for _ in uniq]
    feats = [sentence_features(t, e) for t, e in zip(uniq, ents)]
    scorer = PairScorer(vec, feats, [f"s{i}" for i in range(len(uniq))])
    ia = [row[t] for t in a]
    ib = [row[t] for t in b]
    cos = np.einsum("ij,ij->i", vec[ia], vec[ib])
    scores = np.array([scorer.score(i, j, float(c)) for i, j, c in zip(ia, ib, cos)])
    return scores, cos


def prf(gold: Sequence[int], scores: np.ndarray, threshold: float) -> dict[str, float]:
    """Accuracy, precision, recall and F1 of ``score >= threshold`` against the 1/0 ``gold``."""
    g = np.asarray(gold, dtype=bool)
    p = np.asarray(scores) >= threshold
    tp = float(np.sum(g & p))
    pr = tp / p.sum() if p.sum() else 0.0
    rc = tp / g.sum() if g.sum() else 0.0
    return {"accuracy": float(np.mean(g == p)), "precision": pr, "recall": rc,
            "f1": 2 * pr * rc / (pr + rc) if pr + rc else 0.0}


def best_threshold(gold: Sequence[int], scores: np.ndarray) -> float:
    """The threshold (one of the scores) with the highest F1 on (``gold``, ``scores``)."""
    cands = np.unique(np.round(np.asarray(scores), 4))
    return float(max(cands, key=lambda t: (prf(gold, scores, t)["f1"], -t)))


def correlations(gold: Sequence[float], scores: np.ndarray) -> tuple[float, float]:
    """Pearson and Spearman r of ``scores`` against ``gold``."""
    from scipy.stats import pearsonr, spearmanr

    return float(pearsonr(scores, gold)[0]), float(spearmanr(scores, gold)[0])


def main() -> int:
    args = bench_args("pairs", "pairs", extra=lambda p: p.add_argument(
        "--no-entities", action="store_true", help="leave out the spaCy named entities (faster)"))
    if args.split not in SPLITS:
        print(f"pairs: unknown split {args.split!r}; choose from {', '.join(SPLITS)}")
        return 2
    msrp_file, sts_file = SPLITS[args.split]
    need = [msrp_file, sts_file, TRAIN]
    if any(not (args.data / f).exists() for f in need):
        print(f"pairs: one of {', '.join(need)} is not in {args.data}; nothing to measure.")
        return 0

    ents = None if args.no_entities else spacy_entities
    from rashomon.link.clusters import _params

    cut = float(_params()["cluster"])  # clusters.cluster, or clusters.learned_cluster with the learned scorer
    ta, tb, ty = read_msrp(args.data / TRAIN)
    t_score, t_cos = pair_scores(ta, tb, entities=ents)
    da, db, dy = read_msrp(args.data / msrp_file)
    d_score, d_cos = pair_scores(da, db, entities=ents)
    sa, sb, sy = read_sts(args.data / sts_file)
    s_score, s_cos = pair_scores(sa, sb, entities=ents)

    m: dict = {"threshold_shipped": cut}
    for k, v in prf(dy, d_score, cut).items():
        m[f"msrp_{k}"] = v
    t_best = best_threshold(ty, t_score)
    m["threshold_train"] = t_best
    for k, v in prf(dy, d_score, t_best).items():
        m[f"msrp_train_thr_{k}"] = v
    m["sts_pearson"], m["sts_spearman"] = correlations(sy, s_score)
    c_best = best_threshold(ty, t_cos)
    m["cosine_threshold_train"] = c_best
    for k, v in prf(dy, d_cos, c_best).items():
        m[f"cosine_msrp_{k}"] = v
    m["cosine_sts_pearson"], m["cosine_sts_spearman"] = correlations(sy, s_cos)
    m["all_paraphrase_msrp_f1"] = prf(dy, np.ones(len(dy)), 0.5)["f1"]  # calling every pair a paraphrase
    m["msrp_pairs"], m["sts_pairs"] = len(dy), len(sy)
    finish(args, m, len(dy) + len(sy))
    return 0


if __name__ == "__main__":
    sys.exit(main())
