"""Where the gold clusters' cluster pair F1 is lost: a breakdown of ``eval_clusters.py`` output.

    python scripts/cluster_misses.py EVAL_OUT [--gold DIR] [--grader score_dossier.py] [--json OUT.json]

``EVAL_OUT`` is the ``--out`` folder of ``../shared/tools/eval_clusters.py`` (one folder per
cluster holding ``dossier.json``). Each dossier is graded by the shared grader
(``score_dossier.Scorer``: a gold claim's evidence in an article maps to the shortest claim of that
article that covers it, see ``../shared/gold/FORMAT.md``), and its cluster pairs are sorted into
what cluster pair F1 counts and what it does not:

- ``evidence_pairs``: two articles' evidence of one gold claim;
- ``unmapped``: one side has no covering claim in the dossier (claim segmentation); the grader
  leaves these pairs out of F1 altogether;
- ``joined`` (F1's true positives); ``split_alone``: split, and one side is a cluster of one (its
  claim joined nothing: the pair scored below the cut); ``split_apart``: split between two larger
  clusters (each joined something else);
- ``wrong_joins`` (F1's false positives: evidence of different gold claims in one cluster) and of
  them ``wrong_via_shared``: one of the two claims covers evidence of two gold claims (a long
  claim that holds two propositions, again segmentation).

In: grader rows as plain records (``breakdown``). Out: one row of counts per cluster and the
totals. No model is loaded; the dossiers are read as they are.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Mapping, Optional

ROOT = Path(__file__).resolve().parent.parent
KEYS = ("evidence_pairs", "unmapped", "joined", "split_alone", "split_apart", "wrong_joins", "wrong_via_shared")


def breakdown(gold_claims: list[dict], found: Mapping[tuple[str, str], dict], cluster_of: Mapping[str, Optional[str]],
              cluster_size: Mapping[str, int]) -> dict[str, int]:
    """Counts of ``KEYS`` (see module doc) for one dossier. ``gold_claims``: the gold file's
    ``claims`` (each with ``id`` and ``evidence``: article -> text); ``found``: (gold claim id,
    article) -> the dossier claim (a dict with ``id``) its evidence maps to, as the grader found it;
    ``cluster_of``: dossier claim id -> cluster id (None or absent: in no cluster);
    ``cluster_size``: cluster id -> number of claims. Pairs are counted as the grader counts them:
    a wrong join only across articles, between claims that share no gold claim."""
    out = dict.fromkeys(KEYS, 0)
    holds: dict[str, set[str]] = defaultdict(set)
    for (kid, _), c in found.items():
        holds[c["id"]].add(kid)

    def cluster(c: dict) -> Optional[str]:
        return cluster_of.get(c["id"])

    for k in gold_claims:
        for x, y in combinations(list(k["evidence"]), 2):
            out["evidence_pairs"] += 1
            cx, cy = found.get((k["id"], x)), found.get((k["id"], y))
            if cx is None or cy is None:
                out["unmapped"] += 1
            elif cluster(cx) is not None and cluster(cx) == cluster(cy):
                out["joined"] += 1
            elif min(cluster_size.get(cluster(cx), 1), cluster_size.get(cluster(cy), 1)) <= 1:
                out["split_alone"] += 1
            else:
                out["split_apart"] += 1
    rows = [(kid, a, c) for (kid, a), c in found.items()]
    for (k1, a1, c1), (k2, a2, c2) in combinations(rows, 2):
        if a1 == a2 or k1 == k2 or c1["id"] == c2["id"] or holds[c1["id"]] & holds[c2["id"]]:
            continue
        if cluster(c1) is not None and cluster(c1) == cluster(c2):
            out["wrong_joins"] += 1
            out["wrong_via_shared"] += len(holds[c1["id"]]) > 1 or len(holds[c2["id"]]) > 1
    return out


def pair_f1(row: Mapping[str, int]) -> float:
    """Cluster pair F1 from a ``breakdown`` row (the grader's formula: split pairs are the false
    negatives, unmapped pairs are not counted)."""
    tp, fp, fn = row["joined"], row["wrong_joins"], row["split_alone"] + row["split_apart"]
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _grader(path: Optional[Path]):
    """The shared grader module (``score_dossier.py``): ``path``, else ``../shared/tools`` beside
    the repository or its parent (a worktree)."""
    tries = [path] if path else [ROOT.parent / "shared" / "tools" / "score_dossier.py",
                                 ROOT.parent.parent / "shared" / "tools" / "score_dossier.py"]
    for p in tries:
        if p is not None and p.is_file():
            spec = importlib.util.spec_from_file_location("score_dossier", p)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod
    sys.exit(f"cluster_misses: no grader found (tried {', '.join(map(str, tries))}); pass --grader")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="scripts/cluster_misses.py", description=__doc__.split("\n\n")[0])
    p.add_argument("eval_out", type=Path, help="the --out folder of eval_clusters.py")
    p.add_argument("--gold", type=Path, default=None, help="gold folder (default: the grader's ../gold)")
    p.add_argument("--grader", type=Path, default=None, help="path of score_dossier.py")
    p.add_argument("--json", type=Path, default=None)
    a = p.parse_args(argv)
    grader = _grader(a.grader)
    gold_root = a.gold or Path(grader.__file__).resolve().parent.parent / "gold"
    rows: dict[str, dict] = {}
    for d in sorted(x for x in a.eval_out.iterdir() if (x / "dossier.json").is_file()):
        gold = gold_root / "kursk.gold.json" if d.name == "kursk" else gold_root / "dev" / d.name / "gold.rashomon.json"
        if not gold.is_file():
            continue
        g = json.loads(gold.read_text(encoding="utf-8"))
        dossier = json.loads((d / "dossier.json").read_text(encoding="utf-8"))
        s = grader.Scorer(g, dossier)
        s.run()
        size = {k["id"]: len(k.get("claims") or []) for k in dossier.get("clusters") or []}
        rows[d.name] = breakdown(g.get("claims", []), s.found, s.cluster_of, size)
    total = {k: sum(r[k] for r in rows.values()) for k in KEYS}
    w = max([len(n) for n in rows] + [8])
    print(f"{'cluster':<{w}} " + " ".join(f"{k:>16}" for k in KEYS) + f" {'pair_f1':>8}")
    for n, r in list(rows.items()) + [("total", total)]:
        print(f"{n:<{w}} " + " ".join(f"{r[k]:>16}" for k in KEYS) + f" {pair_f1(r):>8.2f}")
    if a.json:
        a.json.write_text(json.dumps({"clusters": rows, "total": total}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
