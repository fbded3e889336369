"""Real per-article records for the linking scale benchmark, analysed once and cached.

``real_records(limit_bench=...)`` returns ``(articles, annotations)``: the ``Article`` records and
their ``ArticleAnnotations`` (actors, attributions, claims with embeddings, quantities, times,
entities, lemmas) produced by the real per-article half of rashomon (the inline engine) on

- the seed articles (``../shared/seeds``),
- every dev cluster's ``input.jsonl`` (``../shared/gold/dev/*``),
- the PolNeAR dev texts and the first PolNeAR train texts (``../shared/bench/polnear``; outlet,
  publication date and title from its ``metadata.tsv``), up to ``limit_bench`` bench texts.

The result is cached in ``.bench-cache/linking-records-<limit_bench>.pkl`` (a pickle of the
records' JSON dicts; the folder is git-ignored): analysing a few hundred articles takes minutes,
replicating them takes seconds. ``python benchmarks/_linking_records.py [--limit-bench N]`` builds
the cache and prints how many articles, claims and vectors it holds.
"""
from __future__ import annotations

import csv
import pickle
import sys
import time
from pathlib import Path

from _common import BENCH, ROOT

SHARED = ROOT.parent / "shared"
CACHE = ROOT / ".bench-cache"


def _bench_items(limit: int) -> list[dict]:
    """PolNeAR texts as JSONL-like dicts (dev split first, then train), at most ``limit``."""
    base = BENCH / "polnear" / "data"
    meta = {}
    tsv = base / "metadata.tsv"
    if tsv.exists():
        with tsv.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                meta[row["filename"]] = row
    out = []
    for split in ("dev", "train"):
        for f in sorted((base / split / "text").glob("*.txt")):
            if len(out) >= limit:
                return out
            m = meta.get(f.stem, {})
            item = {"id": f"pn-{f.stem}"[:60], "text": f.read_text(encoding="utf-8", errors="replace")}
            if m.get("publisher"):
                item["outlet"] = m["publisher"]
            if (m.get("publication_date") or "")[:4].isdigit():
                item["published"] = m["publication_date"][:10]
            if m.get("title") and m["title"] != "None":
                item["title"] = m["title"]
            out.append(item)
    return out


def _inputs(limit_bench: int) -> list:
    items: list = []
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        items.append(seeds)
    for d in sorted((SHARED / "gold" / "dev").glob("*/input.jsonl")):
        items.append(d)
    return items + _bench_items(limit_bench)


def build(limit_bench: int) -> tuple[list[dict], list[dict]]:
    """Analyse the inputs with the per-article half (inline engine); return the articles' and the
    annotations' JSON dicts (one per article that was analysed)."""
    sys.path.insert(0, str(ROOT / "src"))
    from rashomon.engine import pick_engine
    from rashomon.ingest import read_inputs

    ingested = read_inputs(_inputs(limit_bench))
    arts = ingested.articles
    engine = pick_engine(len(arts), 1)
    anns, _ = engine.annotate(arts, failed={})
    arts = [a for a in arts if a.id in anns]
    return [a.model_dump(mode="json") for a in arts], [anns[a.id].model_dump(mode="json") for a in arts]


def real_records(limit_bench: int = 150, verbose: bool = True):
    """``(articles, annotations)`` as rashomon records (see module doc), from the cache when it exists."""
    sys.path.insert(0, str(ROOT / "src"))
    from rashomon.models import Article, ArticleAnnotations

    path = CACHE / f"linking-records-{limit_bench}.pkl"
    if path.exists():
        arts, anns = pickle.loads(path.read_bytes())
    else:
        t0 = time.perf_counter()
        arts, anns = build(limit_bench)
        CACHE.mkdir(exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps((arts, anns), protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)
        if verbose:
            print(f"analysed {len(arts)} articles in {time.perf_counter() - t0:.0f}s; cached in {path}", flush=True)
    return [Article.model_validate(a) for a in arts], [ArticleAnnotations.model_validate(a) for a in anns]


if __name__ == "__main__":
    import argparse

    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--limit-bench", type=int, default=150)
    a = p.parse_args()
    arts, anns = real_records(a.limit_bench)
    print(f"{len(arts)} articles, {sum(len(x.claims) for x in anns)} claims, "
          f"{sum(len(x.claim_vectors) + len(x.proposition_vectors) for x in anns)} vectors")
