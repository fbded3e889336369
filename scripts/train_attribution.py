#!/usr/bin/env python
"""Train the attribution tagger (CRF, BIO tags for source / cue / content) on PolNeAR train.

    .venv/bin/python scripts/train_attribution.py [--data ../shared/bench/polnear]
        [--out src/rashomon/weights/attribution.crfsuite] [--cache /tmp/rashomon-attr-cache]

Reads only ``DATA/data/train`` (text + brat attributions; a text annotated by several annotators
counts once, with the first annotation file by name, as benchmarks/polnear.py scores it). Parses
every text once with the pipeline's spaCy model (``rashomon.nlp.get_nlp``) and caches the parses
as a DocBin under ``--cache``; features come from ``rashomon.extract.attribution_model`` (the
same code the pipeline runs). Training: crfsuite L-BFGS with elastic-net regularisation
(c1/c2 below), fixed iteration count, features seen fewer than ``--min-freq`` times dropped.
crfsuite's L-BFGS is deterministic for a given input; the sentence order is shuffled with a fixed
seed. Writes the weights and a JSON summary next to them (``attribution.json``).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from polnear import read_ann  # noqa: E402  (the benchmark's reader of the brat gold files)


def _texts(base: Path) -> list[tuple[str, str, Path]]:
    anns = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[0-9a-f]{4}$", "", p.stem), p)
    paths = sorted(p for p in (base / "text").glob("*.txt") if p.stem in anns)
    return [(p.stem, p.read_text(encoding="utf-8"), anns[p.stem]) for p in paths]


def _docs(items, cache: Path, log):
    from spacy.tokens import DocBin

    from rashomon.nlp import get_nlp

    nlp = get_nlp()
    names_file, bin_file = cache / "train.names", cache / "train.spacy"
    names = [n for n, _, _ in items]
    if bin_file.exists() and names_file.exists() and names_file.read_text().split("\n") == names:
        log(f"parses from cache {bin_file}")
        return list(DocBin().from_disk(bin_file).get_docs(nlp.vocab))
    t = time.time()
    db, docs = DocBin(store_user_data=False), []
    for k, d in enumerate(nlp.pipe([x for _, x, _ in items], batch_size=16)):
        db.add(d)
        docs.append(d)
        if k % 100 == 0:
            log(f"parsed {k}/{len(items)} ({time.time() - t:.0f}s)")
    cache.mkdir(parents=True, exist_ok=True)
    db.to_disk(bin_file)
    names_file.write_text("\n".join(names))
    return docs


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "bench" / "polnear")
    p.add_argument("--out", type=Path, default=ROOT / "src" / "rashomon" / "weights" / "attribution.crfsuite")
    p.add_argument("--cache", type=Path, default=Path("/tmp/rashomon-attr-cache"))
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--c1", type=float, default=0.05)
    p.add_argument("--c2", type=float, default=0.01)
    p.add_argument("--iterations", type=int, default=100)
    p.add_argument("--min-freq", type=int, default=2)
    a = p.parse_args()
    base = a.data / "data" / "train"
    if not (base / "text").is_dir():
        print(f"training data not found in {base}")
        return 1
    import pycrfsuite

    from rashomon.extract.attribution_features import doc_features, token_labels

    def log(m):
        print(m, flush=True)

    t0 = time.time()
    items = _texts(base)
    log(f"{len(items)} training texts")
    docs = _docs(items, a.cache, log)
    seqs = []
    for (_, text, ann), doc in zip(items, docs):
        assert doc.text == text
        labels = token_labels(doc, read_ann(ann))
        for (s0, s1), feats in doc_features(doc):
            seqs.append((feats, labels[s0:s1]))
    log(f"{len(seqs)} sentences, features in {time.time() - t0:.0f}s")
    random.Random(a.seed).shuffle(seqs)
    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, labels in seqs:
        trainer.append(feats, labels)
    trainer.set_params({"c1": a.c1, "c2": a.c2, "max_iterations": a.iterations,
                        "feature.minfreq": a.min_freq, "feature.possible_transitions": True})
    t1 = time.time()
    a.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(a.out))
    meta = {"texts": len(items), "sentences": len(seqs), "seed": a.seed, "c1": a.c1, "c2": a.c2,
            "iterations": a.iterations, "min_freq": a.min_freq, "train_seconds": round(time.time() - t1),
            "total_seconds": round(time.time() - t0), "bytes": a.out.stat().st_size,
            "last_iteration": trainer.logparser.last_iteration}
    log(json.dumps(meta, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
