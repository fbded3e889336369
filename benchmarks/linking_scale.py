"""How the cross-article linking grows with the corpus: 100 -> 1,000 -> 10,000 articles.

Corpus: the PolNeAR texts (``polnear/data/*/text``) and the FNC-1 bodies
(``fnc1/train_bodies.csv``), about 2,600 distinct news texts. When more articles are asked for
than exist, article ``i`` re-tells text ``i mod N`` with a random 70% of its sentences (as another
outlet carrying the same story would), so larger corpora hold real near-duplicate stories.

To keep 10,000 articles tractable the per-article half is NOT run: claims are synthesised
cheaply as the article's sentences (a regex splitter, at most ``--claims-per-article``) taken as
narration, and lemmas as lower-cased words; there are no actors, entities, quantities or times.
Embeddings come from the real encoder (all-MiniLM-L6-v2) unless ``--encoder hash`` (a hashing
vectoriser, only to try the code fast); encoding is timed apart because it is linear by nature.
Timed: the linking stages ``link_actors``, ``group_events``, ``cluster_claims``,
``assess_independence`` (and ``find_relations`` with ``--relations``). The table gives
articles, claims, seconds per stage, and the pairs each blocking step compared next to n^2/2.

usage: benchmarks/linking_scale.py [--sizes 100,1000,10000] [--claims-per-article 8] [--encoder minilm|hash] [--relations] [--json OUT]
"""
from __future__ import annotations

import csv
import random
import re
import sys
import time
from pathlib import Path

from _common import BENCH, bench_args, finish

_SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d\u2019)]))\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by a simple punctuation splitter (no parser)."""
    spans = []
    pos = 0
    for m in _SENT.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 25:
            out.append((s, e))
    return out


def load_texts(polnear: Path, fnc: Path) -> list[str]:
    texts = []
    for f in sorted(polnear.glob("data/*/text/*.txt")):
        texts.append(f.read_text(encoding="utf-8", errors="replace"))
    if fnc.exists():
        csv.field_size_limit(10 ** 8)
        with fnc.open(encoding="utf-8", errors="replace") as fh:
            for row in csv.DictReader(fh):
                texts.append(row["articleBody"])
    return [t for t in texts if len(t) > 200]


def build_state(texts: list[str], n: int, per_article: int, seed: int = 7):
    from rashomon.models import Article, ArticleAnnotations, Claim, Dossier
    from rashomon.pipeline import CorpusState

    rng = random.Random(seed)
    d = Dossier()
    anns = {}
    for i in range(n):
        base = texts[i % len(texts)]
        spans = split_sentences(base)
        if i >= len(texts):  # another outlet's retelling: a random 70% of the sentences
            spans = sorted(rng.sample(spans, max(1, int(0.7 * len(spans)))))
        body = "\n".join(base[s:e] for s, e in spans)
        aid = f"s{i:05d}"
        art = Article(id=aid, index=i, text=body, outlet=f"outlet {i % 97}")
        ann = ArticleAnnotations(article=aid, lemmas=re.findall(r"[a-z]{3,}", body.lower()))
        pos = 0
        for k, (s, e) in enumerate(spans):
            seg = base[s:e]
            start = body.index(seg, pos)
            ann.sentences.append((start, start + len(seg)))
            if k < per_article:
                ann.claims.append(Claim(id=f"c{i}-{k}", article=aid, text=seg, start=start, end=start + len(seg)))
            pos = start + len(seg)
        d.articles.append(art)
        d.claims += ann.claims
        anns[aid] = ann
    return CorpusState(dossier=d, annotations=anns)


def hash_encoder(texts: list[str]):
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.random_projection import SparseRandomProjection

    x = HashingVectorizer(n_features=2 ** 16, alternate_sign=True, norm="l2").transform(texts)
    return SparseRandomProjection(n_components=128, random_state=0).fit_transform(x).toarray().astype("float32")


def run_size(texts, n, args) -> dict:
    from rashomon.link.similarity import claim_embeddings

    st = build_state(texts, n, args.claims_per_article)
    if args.encoder == "hash":
        st.scratch["encoder"] = hash_encoder
    t0 = time.perf_counter()
    claim_embeddings(st)
    encode_s = time.perf_counter() - t0
    stages = [("actors", "rashomon.link.actors:link_actors"), ("events", "rashomon.link.events:group_events"),
              ("clusters", "rashomon.link.clusters:cluster_claims"),
              ("independence", "rashomon.link.independence:assess_independence")]
    if args.relations:
        stages.append(("relations", "rashomon.link.relations:find_relations"))
    row = {"articles": n, "claims": len(st.dossier.claims), "encode_s": round(encode_s, 2)}
    import importlib

    total = 0.0
    for name, target in stages:
        mod, fn = target.split(":")
        f = getattr(importlib.import_module(mod), fn)
        t0 = time.perf_counter()
        f(st)
        dt = time.perf_counter() - t0
        total += dt
        row[f"{name}_s"] = round(dt, 2)
    row["linking_s"] = round(total, 2)
    m = len(st.dossier.claims)
    row["claim_pairs_compared"] = st.scratch.get("cluster_stats", {}).get("compared", 0)
    row["claim_pairs_all"] = m * (m - 1) // 2
    row["article_pairs_compared"] = st.scratch.get("event_stats", {}).get("compared", 0)
    row["article_pairs_all"] = n * (n - 1) // 2
    row["events"] = len(st.dossier.events)
    row["clusters"] = len(st.dossier.clusters)
    row["multi_article_clusters"] = sum(1 for k in st.dossier.clusters if len(k.articles) > 1)
    return row


def main() -> None:
    def extra(p):
        p.add_argument("--sizes", default="100,1000,10000", help="corpus sizes in articles")
        p.add_argument("--claims-per-article", type=int, default=8)
        p.add_argument("--encoder", choices=("minilm", "hash"), default="minilm")
        p.add_argument("--relations", action="store_true", help="also time find_relations")
        p.add_argument("--fnc", type=Path, default=BENCH / "fnc1" / "train_bodies.csv")

    args = bench_args("linking_scale", "polnear", default_split="polnear+fnc1", extra=extra,
                      description="growth of the cross-article linking time with corpus size")
    texts = load_texts(args.data, args.fnc)
    if not texts:
        print("linking_scale: no texts found; nothing to measure.")
        sys.exit(0)
    print(f"corpus: {len(texts)} distinct texts (PolNeAR + FNC-1 bodies); claims synthesised as sentences "
          f"(<= {args.claims_per_article} per article, regex splitter, narration); encoder {args.encoder}; "
          "per-article NLP stages not run")
    rows = []
    for n in [int(x) for x in args.sizes.split(",") if x]:
        row = run_size(texts, n, args)
        rows.append(row)
        print(" | ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    cols = ["articles", "claims", "encode_s", "events_s", "clusters_s", "independence_s", "linking_s",
            "claim_pairs_compared", "claim_pairs_all", "article_pairs_compared", "article_pairs_all"]
    if args.relations:
        cols.insert(6, "relations_s")
    print("\n" + " ".join(f"{c:>22}" for c in cols))
    for r in rows:
        print(" ".join(f"{r.get(c, ''):>22}" for c in cols))
    metrics = {}
    for r in rows:
        for k, v in r.items():
            if k != "articles":
                metrics[f"n{r['articles']}_{k}"] = v
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        import math

        growth = math.log(max(b["linking_s"], 1e-3) / max(a["linking_s"], 1e-3)) / math.log(b["claims"] / a["claims"])
        metrics["time_growth_exponent"] = round(growth, 3)
        metrics["pairs_growth_exponent"] = round(math.log(max(1, b["claim_pairs_compared"]) / max(1, a["claim_pairs_compared"]))
                                                 / math.log(b["claims"] / a["claims"]), 3)
    finish(args, metrics, sum(r["articles"] for r in rows), title="cross-article linking time vs corpus size")


if __name__ == "__main__":
    main()
