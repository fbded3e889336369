#!/usr/bin/env python
"""Train the claim matcher (same proposition or not) and write its shipped weights.

    python scripts/train_claim_matcher.py [--bench ../shared/bench] [--out src/rashomon/weights/claim_matcher.joblib]
                                          [--cache .bench-cache/claim_matcher] [--seed 13] [--no-fnc]

Training pairs (training splits only; readers in ``rashomon.train.matcher_pairs``): MSRP train,
STS headlines 2013, ECB+ topics 1-35 (coreferent event-mention sentences across documents),
FNC-1 train ``agree`` / ``unrelated`` headlines with their closest body sentence, and edits of
their sentences (another number, place, person, day; negated; agent and patient swapped: 0; a
person by surname: 1). Features: ``rashomon.link.pair_features`` over each sentence's
``sentence_features`` (spaCy entities of the shipped pipeline) and the shipped MiniLM cosine
(embeddings cached under ``--cache``, so a second run only refits). IDF weights and rare
entities are taken per training source (one batch each, as the pipeline takes one dossier).
Model: standardised logistic regression (scikit-learn, fixed seed), each source weighted to
the same total. Prints the training-pair counts and dev metrics on public dev data: MSRP dev
accuracy/F1 at 0.5 and at the threshold best on MSRP train, STS headlines 2014 Pearson/Spearman.
CPU only; about 5-10 minutes on two cores for the first run (encoding), seconds afterwards.
"""
from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SEED = 13
# The sign each feature's weight may take (1: for a match, -1: against); a feature whose fitted
# weight takes the other sign is dropped and the model refitted, so that more overlap never
# lowers the probability and a conflict never raises it.
SIGN = {"similarity_blend": 1, "cosine": 1, "cosine_sq": 1, "cosine_x_lexical": 1, "lexical_jaccard": 1, "lexical_containment": 1, "word_jaccard": 1,
        "entity_shared": 1, "number_shared": 1, "event_shared": 1, "length_ratio": 1,
        "entity_conflict": -1, "entity_unmatched": -1, "number_conflict": -1, "number_unmatched": -1, "number_one_side": -1,
        "date_conflict": -1, "polarity_conflict": -1, "event_conflict": -1, "event_one_side": -1, "state_conflict": -1,
        "state_mismatch": -1, "entity_unmatched_x_cosine": -1, "number_unmatched_x_cosine": -1, "date_conflict_x_cosine": -1,
        "polarity_conflict_x_cosine": -1, "state_conflict_x_cosine": -1, "event_conflict_x_cosine": -1}


def entities(texts: list[str], cache: Path) -> dict[str, list[tuple[str, str]]]:
    """text -> [(entity text, spaCy label)] from the shipped pipeline, cached in ``cache``."""
    store: dict = pickle.loads(cache.read_bytes()) if cache.exists() else {}
    todo = [t for t in dict.fromkeys(texts) if t not in store]
    if todo:
        from rashomon.nlp import get_nlp

        nlp = get_nlp("en")
        keep = [n for n in nlp.pipe_names if n in ("tok2vec", "ner", "entity_ruler")]
        with nlp.select_pipes(enable=keep):
            for t, doc in zip(todo, nlp.pipe(todo, batch_size=64)):
                store[t] = [(e.text, e.label_) for e in doc.ents]
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(store, protocol=4))
    return store


def role_swaps(texts: list[str], cache: Path) -> dict[str, object]:
    """text -> the text with agent and patient swapped (``swap_roles`` on the shipped spaCy
    parse) or None, cached in ``cache``."""
    from rashomon.train.matcher_pairs import swap_roles

    store: dict = pickle.loads(cache.read_bytes()) if cache.exists() else {}
    todo = [t for t in dict.fromkeys(texts) if t not in store]
    if todo:
        from rashomon.nlp import get_nlp

        for t, doc in zip(todo, get_nlp("en").pipe(todo, batch_size=32)):
            store[t] = swap_roles(doc)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(store, protocol=4))
    return store


def feature_rows(pairs, vec_of, ents_of, batch: int = 100) -> list[dict]:
    """Feature dicts of ``pairs`` ([(a, b, label, source)]); IDF weights and rare entities over
    batches of ``batch`` consecutive pairs of one source (about the claims of one dossier; the ECB+
    pairs come topic by topic)."""
    from rashomon.link.clusters import PairScorer, _params
    from rashomon.link.pair_features import pair_features, sentence_features

    params = dict(_params(), scorer="hand")
    rows: list = [None] * len(pairs)
    by_source = {}
    count: dict[str, int] = {}
    for k, p in enumerate(pairs):  # batches of `batch` consecutive pairs of one source, like one dossier's claims
        group = p[3].split("_")[0]
        n = count[group] = count.get(group, -1) + 1
        by_source.setdefault((group, n // batch), []).append(k)
    for src, idx in by_source.items():
        uniq = list(dict.fromkeys(t for k in idx for t in pairs[k][:2]))
        row = {t: i for i, t in enumerate(uniq)}
        vec = np.stack([vec_of[t] for t in uniq])
        feats = [sentence_features(t, ents_of.get(t, ())) for t in uniq]
        view = PairScorer(vec, feats, [f"s{i}" for i in range(len(uniq))], params)
        for k in idx:
            i, j = row[pairs[k][0]], row[pairs[k][1]]
            rows[k] = pair_features(view, i, j, float(vec[i] @ vec[j]))
    return rows


def prf(y, p) -> dict:
    y, p = np.asarray(y, bool), np.asarray(p, bool)
    tp = float((y & p).sum())
    pr = tp / p.sum() if p.sum() else 0.0
    rc = tp / y.sum() if y.sum() else 0.0
    return {"accuracy": round(float((y == p).mean()), 4), "precision": round(pr, 4), "recall": round(rc, 4),
            "f1": round(2 * pr * rc / (pr + rc), 4) if pr + rc else 0.0}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "rashomon" / "weights" / "claim_matcher.joblib")
    ap.add_argument("--cache", type=Path, default=ROOT / ".bench-cache" / "claim_matcher")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--edit-sources", type=int, default=2500, help="sentences that get meaning-changing edits")
    ap.add_argument("--ecb-per-topic", type=int, default=60)
    ap.add_argument("--fnc-each", type=int, default=600)
    ap.add_argument("--no-fnc", action="store_true")
    ap.add_argument("--edit-weight", type=float, default=0.3, help="weight of an edited pair relative to a corpus pair")
    ap.add_argument("--no-role-swaps", action="store_true", help="leave out the agent/patient swaps")
    ap.add_argument("--similarity", choices=("blend", "all"), default="blend",
                    help="blend: similarity enters only as similarity_blend (the hand score's mix of cosine and IDF "
                         "overlap); all: every similarity feature, weighted by the data")
    ap.add_argument("--C", type=float, default=1.0, help="inverse regularisation of the logistic regression")
    a = ap.parse_args()
    pairs_dir = a.bench / "pairs"
    if not (pairs_dir / "msrp-train.tsv").exists():
        print(f"training data not found in {pairs_dir}")
        return 1
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    from rashomon.link.relations.model import embed
    from rashomon.train import matcher_pairs as mp

    t0 = time.time()
    rng = random.Random(a.seed)
    emb_cache = a.cache / "embeddings.pkl"
    pairs = mp.msrp_pairs(pairs_dir / "msrp-train.tsv") + mp.sts_pairs(pairs_dir / "sts-headlines-2013.tsv")
    pairs += mp.ecb_pairs(a.bench / "ecbplus", range(1, 36), rng, per_topic=a.ecb_per_topic)
    fnc = a.bench / "fnc1"
    if not a.no_fnc and (fnc / "9_1_train_train_stances.csv").exists():
        cands = mp.fnc_candidates(fnc / "9_1_train_train_stances.csv", fnc / "train_bodies.csv", rng, n_each=a.fnc_each)
        texts = sorted({t for h, ss, _ in cands for t in [h, *ss]})
        pairs += mp.closest_pairs(cands, dict(zip(texts, embed(texts, cache=emb_cache))))
    print(f"read {len(pairs)} pairs ({time.time() - t0:.0f}s)", flush=True)
    sources = sorted(dict.fromkeys(t for p in pairs for t in p[:2]))
    rng.shuffle(sources)
    edit_src = sorted(s for s in sources[:a.edit_sources] if 6 <= len(s.split()) <= 45)
    ents_of = entities(sources, a.cache / "entities.pkl")
    roles = role_swaps(edit_src, a.cache / "roles.pkl")
    pairs += mp.edit_pairs(edit_src, [ents_of.get(s, []) for s in edit_src],
                           [None if a.no_role_swaps else roles[s] for s in edit_src], rng)
    dev_msrp = mp.msrp_pairs(pairs_dir / "msrp-dev.tsv")
    dev_sts = []
    for line in open(pairs_dir / "sts-headlines-2014.tsv", encoding="utf-8-sig"):
        parts = line.rstrip("\n").split("\t")
        try:
            dev_sts.append((parts[1], parts[2], float(parts[0]), "devsts"))
        except (ValueError, IndexError):
            continue
    texts = sorted({t for p in pairs + dev_msrp + dev_sts for t in p[:2]})
    ents_of = entities(texts, a.cache / "entities.pkl")
    vecs = embed(texts, cache=emb_cache)
    vec_of = dict(zip(texts, vecs))
    print(f"encoded {len(texts)} sentences ({time.time() - t0:.0f}s)", flush=True)

    rows = feature_rows(pairs, vec_of, ents_of)
    names = sorted(rows[0])
    X = np.array([[r[n] for n in names] for r in rows])
    y = np.array([p[2] for p in pairs])
    src = [p[3] for p in pairs]
    counts = {s: src.count(s) for s in sorted(set(src))}
    groups = {s.split("_")[0] for s in src}
    w = np.array([len(src) / (len(groups) * sum(1 for t in src if t.split("_")[0] == s.split("_")[0])) for s in src])
    np.savez_compressed(a.cache / "train_matrix.npz", X=X, y=y, w=np.zeros(0), names=np.array(names), src=np.array(src))
    w = w * np.array([a.edit_weight if s.startswith("edit") else 1.0 for s in src])
    similarity = {n for n, sg in SIGN.items() if sg > 0 and n != "similarity_blend"}
    keep = [n for n in names if SIGN.get(n) and not (a.similarity == "blend" and n in similarity)]
    if a.similarity == "all":
        keep.remove("similarity_blend")
    while True:  # a monotone model: similarity never counts against a match, a conflict never for it
        ix = [names.index(n) for n in keep]
        scaler = StandardScaler().fit(X[:, ix])
        model = LogisticRegression(C=a.C, max_iter=2000, random_state=a.seed).fit(scaler.transform(X[:, ix]), y, sample_weight=w)
        wrong = [(abs(c), n) for n, c in zip(keep, model.coef_[0]) if c * SIGN[n] < 0]
        if not wrong:
            break
        keep.remove(max(wrong)[1])
    weights = {"names": keep, "mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist(),
               "coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0])}

    from rashomon.link.matcher import LearnedMatcher
    from scipy.stats import pearsonr, spearmanr

    m = LearnedMatcher(weights)
    train_p = np.array([m.probability(r) for r in rows])
    msrp_idx = [k for k, s in enumerate(src) if s == "msrp"]
    cands = np.round(np.arange(0.2, 0.81, 0.01), 2)
    t_best = float(max(cands, key=lambda t: prf(y[msrp_idx], train_p[msrp_idx] >= t)["f1"]))
    dev_rows = feature_rows(dev_msrp, vec_of, ents_of)
    dp = np.array([m.probability(r) for r in dev_rows])
    dy = [p[2] for p in dev_msrp]
    sts_rows = feature_rows(dev_sts, vec_of, ents_of)
    sp = np.array([m.probability(r) for r in sts_rows])
    sy = [p[2] for p in dev_sts]
    report = {
        "seed": a.seed, "pairs": counts, "positives": int(y.sum()), "negatives": int(len(y) - y.sum()),
        "train_accuracy_at_0.5": prf(y, train_p >= 0.5)["accuracy"],
        "per_source_train_accuracy": {s: prf(y[[k for k, t in enumerate(src) if t == s]],
                                             train_p[[k for k, t in enumerate(src) if t == s]] >= 0.5)["accuracy"] for s in counts},
        "msrp_dev_at_0.5": prf(dy, dp >= 0.5), "msrp_train_best_threshold": t_best,
        "msrp_dev_at_train_threshold": prf(dy, dp >= t_best),
        "sts2014_pearson": round(float(pearsonr(sp, sy)[0]), 4), "sts2014_spearman": round(float(spearmanr(sp, sy)[0]), 4),
        "coef": {n: round(c, 3) for n, c in zip(keep, weights["coef"])}, "dropped": sorted(set(names) - set(keep)), "seconds": round(time.time() - t0, 1),
    }
    weights["meta"] = {k: report[k] for k in ("seed", "pairs", "msrp_dev_at_0.5", "msrp_train_best_threshold",
                                              "msrp_dev_at_train_threshold", "sts2014_pearson")}
    import joblib

    a.out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(weights, a.out)
    print(json.dumps(report, indent=1))
    print(f"wrote {a.out} ({a.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
