"""How well a claim-pair similarity ranks the gold clusters' "same claim" pairs (average precision).

    python scripts/pair_ranking.py --annotations DIR [--clusters ../shared/gold/dev] [--space FILE] [--json OUT]

For each gold cluster (the seed articles and every folder of ``--clusters`` with an
``input.jsonl`` and ``gold.rashomon.json``) the corpus half runs on cached per-article
annotations (``--annotations``: a folder of pickles ``(articles, annotations)`` named by the first
16 hex digits of the SHA-1 of the input's absolute path, as the fast evaluation wrapper writes
them; an input without one is annotated here, slowly). The dossier is graded by the shared grader
(``score_dossier.Scorer``: each gold claim's evidence maps to the shortest covering claim), and
every pair of mapped claims in different articles is a *true* pair (they share a gold claim) or a
*false* one. Each similarity variant scores every pair from the clustering stage's own inputs
(proposition and told embeddings, claim features, events); a pair whose claims the stage never
saw together (different storylines) ranks last. Printed: per cluster and pooled, the average
precision (AP) of

- ``hand``: the pipeline's pair score (``PairScorer.score``) on the raw MiniLM embeddings;
- ``cosine``: the raw proposition cosine;
- with ``--space FILE`` (a matching space ``W``, ``scripts/train_matching_space.py``):
  ``hand@space`` and ``cosine@space``, the same with both embeddings projected (``x @ W``, unit
  length) before the clustering stage's scorer reads them.

In: the gold folders and the cached annotations. Out: the table (and ``--json``). The scores are
those the clustering stage computes with the settings in force (``RASHOMON_*`` overrides apply).
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import pickle
import sys
import tempfile
from itertools import combinations
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def average_precision(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Average precision of ``scores`` ranking the pairs with label 1 first (ties in score
    order as given, best first; 0.0 when there is no positive)."""
    s = np.asarray(scores, dtype=np.float64)
    y = np.asarray(labels, dtype=np.int64)
    if y.sum() == 0:
        return 0.0
    order = np.argsort(-s, kind="stable")
    hits = np.cumsum(y[order])
    prec = hits / np.arange(1, len(y) + 1)
    return float((prec * y[order]).sum() / y.sum())


def gold_pairs(found: dict) -> list[tuple[str, str, int]]:
    """``[(claim id, claim id, label)]`` for every pair of distinct mapped claims of different
    articles: 1 when they share a gold claim, else 0. ``found``: (gold claim id, article) ->
    the mapped dossier claim (a dict with ``id``), as the grader found it."""
    holds: dict[str, set] = {}
    art: dict[str, str] = {}
    for (kid, a), c in found.items():
        holds.setdefault(c["id"], set()).add(kid)
        art[c["id"]] = a
    out = []
    for x, y in combinations(sorted(holds), 2):
        if art[x] != art[y]:
            out.append((x, y, int(bool(holds[x] & holds[y]))))
    return out


def space_projection(path: Path):
    """rows -> unit rows of ``rows @ W``, ``W`` the array ``W`` of the ``.npz`` file at ``path``
    (``scripts/train_matching_space.py`` writes it)."""
    with np.load(path, allow_pickle=False) as z:
        w = z["W"].astype(np.float32)

    def project(rows: np.ndarray) -> np.ndarray:
        out = np.asarray(rows, dtype=np.float32) @ w
        n = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(n, 1e-9)

    return project


def _grader():
    for p in (ROOT.parent / "shared" / "tools" / "score_dossier.py", ROOT.parent.parent / "shared" / "tools" / "score_dossier.py"):
        if p.is_file():
            spec = importlib.util.spec_from_file_location("score_dossier", p)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod
    sys.exit("pair_ranking: no shared grader (score_dossier.py) found")


def _annotated(inp: Path, cache: Optional[Path]):
    """(articles, annotations) of ``inp``: from the cache when there, else annotated here."""
    if cache is not None:
        f = cache / (hashlib.sha1(os.path.abspath(inp).encode()).hexdigest()[:16] + ".pkl")
        if f.is_file():
            return pickle.loads(f.read_bytes())
    from rashomon.api import current_settings, pick_engine, read_inputs

    ing = read_inputs([inp], stdin=None)
    eng = pick_engine(len(ing.articles), 1, settings=current_settings(), overlap=False)
    anns, _ = eng.annotate(ing.articles, on_result=None, failed={})
    return ing.articles, anns


def clustering_views(articles, annotations):
    """Run the corpus half; return the dossier and, for every run of the clusters stage (one per
    storyline part), its claim ids, proposition and told embeddings, claim features and events."""
    import rashomon.link.clusters as cl
    from rashomon.api import link_articles
    from rashomon.link.features import claim_features
    from rashomon.link.similarity import proposition_vectors, vectors_for

    views = []
    original = cl.cluster_claims

    def spy(state):
        original(state)
        ids = [c.id for c in state.dossier.claims]
        feats = claim_features(state)
        ev = {a: e.id for e in state.dossier.events for a in e.articles}
        views.append({"ids": ids, "vectors": proposition_vectors(state, ids), "told": vectors_for(state, ids),
                      "feats": [feats[i] for i in ids], "articles": [c.article for c in state.dossier.claims],
                      "events": [ev.get(c.article) for c in state.dossier.claims]})

    cl.cluster_claims = spy
    try:
        dossier = link_articles(articles, annotations)
    finally:
        cl.cluster_claims = original
    return dossier, views


def variant_scores(views, pairs, project=None) -> dict[str, list[float]]:
    """Scores of ``pairs`` under ``hand`` and ``cosine`` (suffixed ``@space`` with ``project``,
    a function rows -> projected unit rows); a pair seen by no view scores -inf."""
    from rashomon.link.clusters import PairScorer

    suffix = "@space" if project else ""
    out = {f"hand{suffix}": [-np.inf] * len(pairs), f"cosine{suffix}": [-np.inf] * len(pairs)}
    for v in views:
        vec, told = v["vectors"], v["told"]
        if project is not None:
            vec, told = project(vec), project(told)
        scorer = PairScorer(vec, v["feats"], v["articles"], events=v["events"], told=told)
        row = {cid: k for k, cid in enumerate(v["ids"])}
        for n, (x, y, _) in enumerate(pairs):
            if x in row and y in row:
                i, j = sorted((row[x], row[y]))
                c = float(vec[i] @ vec[j])
                out[f"hand{suffix}"][n] = scorer.score(i, j, c)
                out[f"cosine{suffix}"][n] = c
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="scripts/pair_ranking.py", description=__doc__.split("\n\n")[0])
    p.add_argument("--annotations", type=Path, default=None, help="folder of cached (articles, annotations) pickles")
    p.add_argument("--clusters", type=Path, default=ROOT.parent / "shared" / "gold" / "dev")
    p.add_argument("--space", type=Path, default=None, help="a matching-space weight file to compare")
    p.add_argument("--only", default=None, help="comma-separated cluster names")
    p.add_argument("--json", type=Path, default=None)
    a = p.parse_args(argv)
    grader = _grader()
    shared = Path(grader.__file__).resolve().parent.parent
    todo = [("kursk", shared / "seeds", shared / "gold" / "kursk.gold.json")]
    todo += [(d.name, d / "input.jsonl", d / "gold.rashomon.json") for d in sorted(a.clusters.iterdir())
             if (d / "input.jsonl").is_file() and (d / "gold.rashomon.json").is_file()]
    if a.only:
        keep = set(a.only.split(","))
        todo = [t for t in todo if t[0] in keep]
    project = None
    if a.space is not None:
        project = space_projection(a.space)
    import rashomon

    rows: dict[str, dict] = {}
    pooled: dict[str, list] = {}
    labels_all: list[int] = []
    for name, inp, gold in todo:
        arts, anns = _annotated(inp, a.annotations)
        dossier, views = clustering_views(arts, anns)
        with tempfile.TemporaryDirectory() as tmp:
            rashomon.write_dossier(dossier, Path(tmp) / "dossier.json")
            d = json.loads((Path(tmp) / "dossier.json").read_text(encoding="utf-8"))
        s = grader.Scorer(json.loads(gold.read_text(encoding="utf-8")), d)
        s.run()
        pairs = gold_pairs(s.found)
        labels = [y for _, _, y in pairs]
        scores = variant_scores(views, pairs)
        if project is not None:
            scores.update(variant_scores(views, pairs, project))
        rows[name] = {"true": sum(labels), "false": len(labels) - sum(labels),
                      **{k: round(average_precision(v, labels), 3) for k, v in scores.items()}}
        for k, v in scores.items():
            pooled.setdefault(k, []).extend(v)
        labels_all.extend(labels)
        print(name, rows[name], flush=True)
    keys = list(pooled)
    total = {"true": sum(labels_all), "false": len(labels_all) - sum(labels_all),
             **{k: round(average_precision(pooled[k], labels_all), 3) for k in keys}}
    mean = {k: round(float(np.mean([r[k] for r in rows.values()])), 3) for k in keys}
    w = max(len(n) for n in list(rows) + ["pooled"])
    print(f"{'cluster':<{w}} {'true':>5} {'false':>6} " + " ".join(f"{k:>12}" for k in keys))
    for n, r in list(rows.items()) + [("pooled", total)]:
        print(f"{n:<{w}} {r['true']:>5} {r['false']:>6} " + " ".join(f"{r[k]:>12.3f}" for k in keys))
    print(f"{'mean':<{w}} {'':>5} {'':>6} " + " ".join(f"{mean[k]:>12.3f}" for k in keys))
    if a.json:
        a.json.write_text(json.dumps({"clusters": rows, "pooled": total, "mean": mean}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
