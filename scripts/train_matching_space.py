#!/usr/bin/env python
"""Train a linear "matching space" over the MiniLM claim embeddings (an experiment; not shipped).

    python scripts/train_matching_space.py [--bench ../shared/bench] [--out .bench-cache/matching_space.npz]
                                           [--cache .bench-cache/claim_matcher] [--seed 13] [--form full|lowrank|diag]
                                           [--rank 64] [--l2 1e-2] [--steps 400] [--no-edits]

A matrix ``W`` (384 x k) over the frozen MiniLM unit embeddings, so that the cosine of
``W^T a`` and ``W^T b`` says whether sentences a and b state the same proposition. Training
pairs are those of the claim matcher (``rashomon.train.matcher_pairs``; training splits only):
MSRP train (its non-paraphrases come from one story), STS headlines 2013 (>= 3.5 / <= 2.0),
ECB+ topics 1-35 (coreferent event-mention sentences across documents / mentions of other event
instances of the topic), FNC-1 train headline + closest body sentence (``agree`` / ``unrelated``)
and edited sentences (another number, place, person, day; negated; roles swapped: 0; surname
only: 1). Embeddings, entities and parses come from the claim matcher's cache
(``.bench-cache/claim_matcher/``; ``scripts/train_claim_matcher.py`` fills it, this script
fills what is missing).

Model: ``W = I + D`` (``full``: D any 384 x 384; ``lowrank``: D = U V^T of rank ``--rank``;
``diag``: D diagonal), so training starts from the plain cosine; loss: the weighted binary
cross-entropy of sigmoid(scale * cos' + bias) (scale and bias learned, each source weighted to
the same total, edits ``--edit-weight`` of that) plus ``--l2`` x ||D||^2; full-batch Adam,
torch on CPU, fixed seed. Model selection (form, l2, steps) only on held-out TRAINING pairs:
every 5th ECB+ topic and 15% of the other sources' pairs (``--holdout``); the printed held-out
average precision per source, against the plain cosine, is what the choice reads. Then it is
refitted on all training pairs and written. Printed too (never trained or chosen on): MSRP dev
and STS headlines 2014 with the plain and the projected cosine. A few minutes per fit on two
shared cores once the cache is filled (``--sweep`` runs the grid: about 15 minutes).

Result (2026-12-08, docs/models/claim_matcher.md, *A learned matching space*): no variant beats
the plain cosine on the held-out training pairs, and the one tried on the gold clusters ranks
their pairs worse (``scripts/pair_ranking.py --space``), so nothing of it is shipped.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SEED = 13


def _matcher_script():
    """``scripts/train_claim_matcher.py`` as a module (its cached entity and parse helpers)."""
    spec = importlib.util.spec_from_file_location("train_claim_matcher", ROOT / "scripts" / "train_claim_matcher.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_pairs(bench: Path, cache: Path, rng: random.Random, edits: bool, edit_sources: int = 2500,
               ecb_per_topic: int = 60, fnc_each: int = 600) -> list[tuple[str, str, int, str]]:
    """The training pairs ``[(a, b, label, source)]``, drawn exactly as the claim matcher draws
    them (same seed, same order), so both models read one cache."""
    from rashomon.link.relations.model import embed
    from rashomon.train import matcher_pairs as mp

    pairs_dir = bench / "pairs"
    emb_cache = cache / "embeddings.pkl"
    pairs = mp.msrp_pairs(pairs_dir / "msrp-train.tsv") + mp.sts_pairs(pairs_dir / "sts-headlines-2013.tsv")
    pairs += mp.ecb_pairs(bench / "ecbplus", range(1, 36), rng, per_topic=ecb_per_topic)
    fnc = bench / "fnc1"
    if (fnc / "9_1_train_train_stances.csv").exists():
        cands = mp.fnc_candidates(fnc / "9_1_train_train_stances.csv", fnc / "train_bodies.csv", rng, n_each=fnc_each)
        texts = sorted({t for h, ss, _ in cands for t in [h, *ss]})
        pairs += mp.closest_pairs(cands, dict(zip(texts, embed(texts, cache=emb_cache))))
    sources = sorted(dict.fromkeys(t for p in pairs for t in p[:2]))
    rng.shuffle(sources)
    if edits:
        cm = _matcher_script()
        edit_src = sorted(s for s in sources[:edit_sources] if 6 <= len(s.split()) <= 45)
        ents_of = cm.entities(sources, cache / "entities.pkl")
        roles = cm.role_swaps(edit_src, cache / "roles.pkl")
        pairs += mp.edit_pairs(edit_src, [ents_of.get(s, []) for s in edit_src], [roles[s] for s in edit_src], rng)
    return pairs


def dev_pairs(bench: Path):
    """MSRP dev (label 0/1) and STS headlines 2014 (gold score) pairs: reported, never used."""
    from rashomon.train import matcher_pairs as mp

    msrp = mp.msrp_pairs(bench / "pairs" / "msrp-dev.tsv")
    sts = []
    for line in open(bench / "pairs" / "sts-headlines-2014.tsv", encoding="utf-8-sig"):
        parts = line.rstrip("\n").split("\t")
        try:
            sts.append((parts[1], parts[2], float(parts[0]), "devsts"))
        except (ValueError, IndexError):
            continue
    return msrp, sts


def ecb_topic_of(pairs, bench: Path, topics=range(1, 36)) -> dict[str, int]:
    """Sentence text -> ECB+ topic (the first that holds it), for the topic hold-out."""
    from rashomon.train.matcher_pairs import _ecb_doc

    out: dict[str, int] = {}
    want = {t for p in pairs if p[3] == "ecb" for t in p[:2]}
    for t in topics:
        for f in sorted((bench / "ecbplus" / "ECB+" / str(t)).glob("*.xml")):
            text, _ = _ecb_doc(f)
            for s in text.values():
                if s in want and s not in out:
                    out[s] = t
    return out


def fit(A, B, y, w, form: str, rank: int, l2: float, steps: int, seed: int, lr: float = 1e-2, snapshots=()):
    """Fit ``W = I + D`` (see module doc) on unit rows ``A``, ``B`` (n x d), labels ``y``,
    weights ``w``. Returns (W as numpy d x d, scale, bias); with ``snapshots`` (step counts)
    instead a dict step -> W taken after that many steps."""
    import torch

    torch.manual_seed(seed)
    d = A.shape[1]
    At, Bt = torch.tensor(A), torch.tensor(B)
    yt, wt = torch.tensor(y, dtype=torch.float32), torch.tensor(w / w.sum(), dtype=torch.float32)
    eye = torch.eye(d)
    if form == "full":
        D = torch.zeros(d, d, requires_grad=True)
        params = [D]
        mat = lambda: eye + D  # noqa: E731
        apply = lambda X: X @ (eye + D)  # noqa: E731
    elif form == "lowrank":
        U = (0.01 * torch.randn(d, rank)).requires_grad_()
        V = (0.01 * torch.randn(d, rank)).requires_grad_()
        params = [U, V]
        mat = lambda: eye + U @ V.T  # noqa: E731
        apply = lambda X: X + (X @ U) @ V.T  # noqa: E731
    else:
        g = torch.zeros(d, requires_grad=True)
        params = [g]
        mat = lambda: eye + torch.diag(g)  # noqa: E731
        apply = lambda X: X * (1 + g)  # noqa: E731
    scale = torch.tensor(10.0, requires_grad=True)
    bias = torch.tensor(-5.0, requires_grad=True)
    opt = torch.optim.Adam(params + [scale, bias], lr=lr)
    taken = {}
    for step in range(1, steps + 1):
        opt.zero_grad()
        pa = torch.nn.functional.normalize(apply(At), dim=1)
        pb = torch.nn.functional.normalize(apply(Bt), dim=1)
        cos = (pa * pb).sum(1)
        loss = (wt * torch.nn.functional.binary_cross_entropy_with_logits(scale * cos + bias, yt, reduction="none")).sum()
        loss = loss + l2 * sum((q ** 2).sum() for q in params)
        loss.backward()
        opt.step()
        if step in snapshots:
            taken[step] = mat().detach().numpy().astype(np.float32)
    if snapshots:
        return taken
    return mat().detach().numpy().astype(np.float32), float(scale), float(bias)


def cosines(A, B, W=None) -> np.ndarray:
    """Row-wise cosine of ``A`` and ``B`` (after ``W`` when given)."""
    if W is not None:
        A, B = A @ W, B @ W
    A = A / np.maximum(np.linalg.norm(A, axis=1, keepdims=True), 1e-9)
    B = B / np.maximum(np.linalg.norm(B, axis=1, keepdims=True), 1e-9)
    return (A * B).sum(1)


def average_precision(s, y) -> float:
    """Average precision of scores ``s`` for labels ``y`` (1 = relevant)."""
    s, y = np.asarray(s, float), np.asarray(y, int)
    if y.sum() == 0:
        return 0.0
    o = np.argsort(-s, kind="stable")
    hits = np.cumsum(y[o])
    return float((hits / np.arange(1, len(y) + 1) * y[o]).sum() / y.sum())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench")
    ap.add_argument("--out", type=Path, default=ROOT / ".bench-cache" / "matching_space.npz")
    ap.add_argument("--cache", type=Path, default=ROOT / ".bench-cache" / "claim_matcher")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--form", choices=("full", "lowrank", "diag"), default="full")
    ap.add_argument("--rank", type=int, default=64)
    ap.add_argument("--l2", type=float, default=1e-2)
    ap.add_argument("--steps", type=int, default=400)
    ap.add_argument("--edit-weight", type=float, default=0.3)
    ap.add_argument("--no-edits", action="store_true")
    ap.add_argument("--holdout", type=float, default=0.15, help="share of non-ECB pairs held out for the choice")
    ap.add_argument("--sweep", action="store_true", help="only print held-out figures for a grid of form/l2/steps")
    a = ap.parse_args()
    from scipy.stats import pearsonr

    from rashomon.link.relations.model import embed

    t0 = time.time()
    rng = random.Random(a.seed)
    pairs = read_pairs(a.bench, a.cache, rng, edits=not a.no_edits)
    msrp, sts = dev_pairs(a.bench)
    texts = sorted({t for p in pairs + msrp + sts for t in p[:2]})
    vec_of = dict(zip(texts, embed(texts, cache=a.cache / "embeddings.pkl")))
    print(f"{len(pairs)} pairs, {len(texts)} sentences ({time.time() - t0:.0f}s)", flush=True)
    A = np.stack([vec_of[p[0]] for p in pairs]).astype(np.float32)
    B = np.stack([vec_of[p[1]] for p in pairs]).astype(np.float32)
    y = np.array([p[2] for p in pairs], dtype=np.float32)
    src = np.array([p[3].split("_")[0] for p in pairs])
    groups = sorted(str(s) for s in set(src))
    w = np.array([len(src) / (len(groups) * (src == s).sum()) for s in src])
    w *= np.where(src == "edit", a.edit_weight, 1.0)
    hrng = random.Random(a.seed + 1)
    topic = ecb_topic_of(pairs, a.bench)
    held = np.array([(topic.get(p[0], 0) % 5 == 0) if p[3] == "ecb" else hrng.random() < a.holdout for p in pairs])

    def report(W) -> dict:
        out = {}
        for s in groups:
            m = held & (src == s)
            out[s] = round(average_precision(cosines(A[m], B[m], W), y[m]), 4)
        out["mean"] = round(float(np.mean([out[s] for s in groups])), 4)
        return out

    print("held-out AP, plain cosine:", report(None), flush=True)
    grid = [(a.form, a.l2)]
    marks = (a.steps,)
    if a.sweep:
        grid = [(f, l2) for f in ("diag", "lowrank") for l2 in (1e-4, 1e-3, 1e-2)] + [("full", 1e-3)]
        marks = (100, 200, 400)
    for form, l2 in grid:
        snaps = fit(A[~held], B[~held], y[~held], w[~held], form, a.rank, l2, max(marks), a.seed, snapshots=marks)
        for steps, W in snaps.items():
            print(f"held-out AP, {form} l2={l2} steps={steps}:", report(W), f"({time.time() - t0:.0f}s)", flush=True)
    if a.sweep:
        return 0
    W, scale, bias = fit(A, B, y, w, a.form, a.rank, a.l2, a.steps, a.seed)
    dev = {}
    for name, Wx in (("plain", None), ("space", W)):
        ma = np.stack([vec_of[p[0]] for p in msrp]); mb = np.stack([vec_of[p[1]] for p in msrp])
        my = np.array([p[2] for p in msrp])
        sa = np.stack([vec_of[p[0]] for p in sts]); sb = np.stack([vec_of[p[1]] for p in sts])
        dev[name] = {"msrp_dev_ap": round(average_precision(cosines(ma, mb, Wx), my), 4),
                     "sts2014_pearson": round(float(pearsonr(cosines(sa, sb, Wx), [p[2] for p in sts])[0]), 4)}
    print("public dev (never used):", json.dumps(dev), flush=True)
    meta = {"seed": a.seed, "form": a.form, "rank": a.rank, "l2": a.l2, "steps": a.steps, "edit_weight": a.edit_weight,
            "edits": not a.no_edits, "pairs": {s: int((src == s).sum()) for s in groups}, "scale": scale, "bias": bias,
            "dev": dev, "holdout_ap_plain": report(None), "trained_on": "all training pairs (hold-out used for the choice)"}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(a.out, W=W.astype(np.float16), meta=np.array(json.dumps(meta)))
    print(f"wrote {a.out} ({a.out.stat().st_size} bytes, {time.time() - t0:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
