#!/usr/bin/env python
"""Train the relation classifier and FNC-1 stance head and write the shipped weights.

    .venv/bin/python scripts/train_stance.py [--data ../shared/bench/fnc1] [--out src/rashomon/weights/stance.joblib]

Reads only training splits (FNC-1 9_1_train_train_stances.csv + train_bodies.csv, ARC
arc_stances_train.csv + arc_bodies.csv) plus rule-made sentence pairs, and the FNC-1 dev stances
only to choose the factor on P(disagree) (--no-dev-scale: not at all); seeded; MiniLM embeddings
cached in .bench-cache/fnc1/ (first run encodes ~60k sentences). Recipe: rashomon.train.stance.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "fnc1")
    p.add_argument("--out", type=Path, default=ROOT / "src" / "rashomon" / "weights" / "stance.joblib")
    p.add_argument("--cache", type=Path, default=ROOT / ".bench-cache" / "fnc1")
    p.add_argument("--synthetic", type=int, default=1500, help="source sentences for rule-made pairs")
    p.add_argument("--unrelated-frac", type=float, default=0.35, help="share of unrelated stance pairs kept")
    p.add_argument("--no-arc", action="store_true", help="train on FNC-1 only")
    p.add_argument("--stance-iter", type=int, default=150)
    p.add_argument("--relation-iter", type=int, default=150)
    p.add_argument("--disagree-weight", type=float, default=1.0, help="class weight of 'disagree' in the stance fit")
    p.add_argument("--keep-relation-from", type=Path, default=None,
                   help="a weights file whose relation head is kept (only the stance head is refitted)")
    p.add_argument("--no-dev-scale", action="store_true",
                   help="do not read the FNC-1 dev stances to choose the factor on P(disagree)")
    a = p.parse_args()
    if not (a.data / "9_1_train_train_stances.csv").exists():
        print(f"training data not found in {a.data}")
        return 1
    from rashomon.train.stance import train

    meta = train(a.data, a.out, a.cache, n_synth=a.synthetic, log=lambda m: print(m, flush=True),
                 unrelated_frac=a.unrelated_frac, use_arc=not a.no_arc, stance_iter=a.stance_iter,
                 relation_iter=a.relation_iter, disagree_weight=a.disagree_weight, tune_on_dev=not a.no_dev_scale,
                 keep_relation=a.keep_relation_from)
    print(json.dumps(meta, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
