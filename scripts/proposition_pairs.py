"""How the proposition features separate claim pairs that a gold reading puts in one claim from
pairs of different claims, on dossiers already written for gold clusters.

    python scripts/proposition_pairs.py GOLD_DIR DOSSIERS_DIR [--json OUT.json]

``GOLD_DIR`` holds one folder per cluster with ``gold.rashomon.json``; ``DOSSIERS_DIR`` one folder
per cluster (same name) with ``dossier.json`` (as ``../shared/tools/eval_clusters.py --out``
writes them). A gold claim's evidence in an article is held by the dossier claim of that article
that covers at least 60% of its words and is at most four times longer (the rule of
``score_dossier.py``). Pairs: claims of different articles holding evidence of the same gold claim
(positive) or of two different gold claims (negative). Prints, for each group, the share of pairs
with both propositions, a predicate match, ``same_proposition`` and each conflict feature.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from rashomon.link.proposition_match import proposition_features  # noqa: E402
from rashomon.models import Dossier  # noqa: E402

_W = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _W.findall(text.lower())


def holders(dossier: Dossier, gold: dict) -> dict[str, set[str]]:
    """dossier claim id -> the gold claim ids whose evidence it holds."""
    by_article: dict[str, list] = {}
    for c in dossier.claims:
        by_article.setdefault(c.article, []).append(c)
    out: dict[str, set[str]] = {}
    for g in gold.get("claims", []):
        for art, ev in (g.get("evidence") or {}).items():
            ew = _words(ev)
            if not ew:
                continue
            best, best_cov = None, 0.0
            for c in by_article.get(art, []):
                cw = set(_words(c.text))
                cov = sum(w in cw for w in ew) / len(ew)
                if cov >= 0.6 and len(_words(c.text)) <= 4 * len(ew) and cov > best_cov:
                    best, best_cov = c, cov
            if best is not None:
                out.setdefault(best.id, set()).add(g["id"])
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("gold_dir", type=Path)
    p.add_argument("dossiers_dir", type=Path)
    p.add_argument("--json", type=Path, default=None)
    args = p.parse_args()
    keys = ("has_both", "predicate_match", "same_proposition", "any_conflict", "agent_conflict", "patient_conflict",
            "attribute_conflict", "place_conflict", "time_conflict", "quantity_conflict", "polarity_conflict", "roles_swapped")
    sums = {"positive": dict.fromkeys(keys, 0.0), "negative": dict.fromkeys(keys, 0.0)}
    counts = {"positive": 0, "negative": 0}
    for gold_path in sorted(args.gold_dir.glob("*/gold.rashomon.json")):
        dpath = args.dossiers_dir / gold_path.parent.name / "dossier.json"
        if not dpath.exists():
            continue
        dossier = Dossier.model_validate_json(dpath.read_text(encoding="utf-8"))
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        held = {cid: g for cid, g in holders(dossier, gold).items() if len(g) == 1}
        claims = {c.id: c for c in dossier.claims if c.id in held}
        for a, b in combinations(sorted(claims), 2):
            if claims[a].article == claims[b].article:
                continue
            group = "positive" if held[a] == held[b] else "negative"
            f = proposition_features(claims[a], claims[b])
            row = {k: f.get(k, 0.0) for k in keys}
            row["predicate_match"] = f["predicate_match"]
            row["same_proposition"] = float(bool(f["has_both"] and f["predicate_match"] and not f["conflicts"]))
            row["any_conflict"] = float(f["conflicts"] > 0)
            for k in keys:
                sums[group][k] += row[k]
            counts[group] += 1
    result = {g: {"pairs": counts[g], **{k: round(v / counts[g], 4) if counts[g] else 0.0 for k, v in sums[g].items()}}
              for g in sums}
    print(f"{'share of pairs':20s} {'positive':>10s} {'negative':>10s}")
    print(f"{'pairs':20s} {counts['positive']:>10d} {counts['negative']:>10d}")
    for k in keys:
        print(f"{k:20s} {result['positive'][k]:>10.3f} {result['negative'][k]:>10.3f}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
