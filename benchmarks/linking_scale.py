"""How the cross-article linking grows with the corpus: 100 -> 1,000 -> 10,000 articles.

Corpus: the PolNeAR texts (``polnear/data/*/text``) and the FNC-1 bodies
(``fnc1/train_bodies.csv``), about 2,600 distinct news texts. When more articles are asked for
than exist, article ``i`` re-tells text ``i mod N`` with a random 70% of its sentences (as another
outlet carrying the same story would), so larger corpora hold real near-duplicate stories.

To keep 10,000 articles tractable the per-article half is NOT run: claims are synthesised
cheaply as the article's sentences (a regex splitter, at most ``--claims-per-article``) taken as
narration, and lemmas as lower-cased words; there are no actors, entities, quantities or times.
Embeddings come from the real encoder (all-MiniLM-L6-v2, each distinct text encoded once: the
retellings repeat sentences; ``encoded_texts`` counts them) unless ``--encoder hash`` (a hashing
vectoriser, only to try the code fast); encoding (claims and proposition texts) is timed apart
(``encode_s``) because it is linear by nature; the first size also pays the model load.
Timed: the linking stages ``link_actors``, ``group_events``, ``cluster_claims``,
``assess_independence`` (and ``find_relations`` with ``--relations``). The table gives, per size,
articles, claims, seconds per stage, and the pairs each blocking step compared (claim pairs in
``cluster_claims``, article pairs in ``group_events``) next to n^2/2; below it, each stage's
growth exponent (least-squares slope of log seconds on log articles: 1 = linear, 2 = all pairs).

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


HASH_DIMS = [128]  # 384 with --relations: the shipped relation classifier expects MiniLM-sized vectors


def hash_encoder(texts: list[str]):
    """Hashing vectoriser + sparse random projection to ``HASH_DIMS[0]`` dimensions (for trying
    the code fast; with ``--relations`` the classifier's verdicts on these vectors mean nothing,
    only the time counts)."""
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.random_projection import SparseRandomProjection

    x = HashingVectorizer(n_features=2 ** 16, alternate_sign=True, norm="l2").transform(texts)
    return SparseRandomProjection(n_components=HASH_DIMS[0], random_state=0).fit_transform(x).toarray().astype("float32")


def dedup_minilm(texts: list[str]):
    """The real encoder (all-MiniLM-L6-v2, same settings as ``similarity.encode``) run once per
    distinct text: retellings repeat sentences, and encoding a sentence twice gives the same
    vector (up to float rounding), so only the distinct texts are encoded (their count is reported as ``encoded_texts``)."""
    from rashomon.nlp import get_encoder

    uniq = list(dict.fromkeys(texts))
    _ENCODED[0] += len(uniq)
    if not uniq:
        return get_encoder().encode([""], convert_to_numpy=True)[:0]
    vec = get_encoder().encode(uniq, batch_size=64, show_progress_bar=False, convert_to_numpy=True, normalize_embeddings=True)
    pos = {t: i for i, t in enumerate(uniq)}
    return vec[[pos[t] for t in texts]]


_ENCODED = [0]


def run_size(texts, n, args) -> dict:
    from rashomon.link.similarity import claim_embeddings, proposition_vectors

    st = build_state(texts, n, args.claims_per_article)
    st.encoder = hash_encoder if args.encoder == "hash" else dedup_minilm
    _ENCODED[0] = 0
    t0 = time.perf_counter()
    claim_embeddings(st)
    proposition_vectors(st, [c.id for c in st.dossier.claims])  # texts that differ from the claim's are encoded here too
    encode_s = time.perf_counter() - t0
    stages = [("actors", "rashomon.link.actors:link_actors"), ("events", "rashomon.link.events:group_events"),
              ("clusters", "rashomon.link.clusters:cluster_claims"),
              ("independence", "rashomon.link.independence:assess_independence")]
    if args.relations:
        stages.append(("relations", "rashomon.link.relations:find_relations"))
    row = {"articles": n, "claims": len(st.dossier.claims), "encode_s": round(encode_s, 2)}
    if args.encoder == "minilm":
        row["encoded_texts"] = _ENCODED[0]
    import importlib

    total = 0.0
    for name, target in stages:
        mod, fn = target.split(":")
        f = getattr(importlib.import_module(mod), fn)
        t0 = time.perf_counter()
        f(st)
        dt = time.perf_counter() - t0
        total += dt
        row[f"{name}_s"] = round(dt, 3)
    row["linking_s"] = round(total, 3)
    m = len(st.dossier.claims)
    row["claim_pairs_compared"] = st.cluster_stats.get("compared", 0)
    row["claim_pairs_all"] = m * (m - 1) // 2
    row["article_pairs_compared"] = st.event_stats.get("compared", 0)
    row["article_pairs_all"] = n * (n - 1) // 2
    row["events"] = len(st.dossier.events)
    row["clusters"] = len(st.dossier.clusters)
    row["multi_article_clusters"] = sum(1 for k in st.dossier.clusters if len(k.articles) > 1)
    return row


def fit_exponent(sizes: list[float], values: list[float]) -> float:
    """Least-squares slope of log(value) on log(size): the growth exponent (1 = linear, 2 = all
    pairs). Times below 10 ms are floored there (timer noise)."""
    import math

    xs = [math.log(x) for x in sizes]
    ys = [math.log(max(v, 0.01)) for v in values]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else float("nan")


def print_table(rows: list[dict], stages: list[str]) -> None:
    """The per-size table (articles, claims, seconds per stage, pairs compared vs n^2/2) and the
    fitted growth exponent of each stage against the number of articles (all sizes, and between
    consecutive sizes)."""
    cols = ["articles", "claims", "encode_s"] + [f"{s}_s" for s in stages] + ["linking_s"]
    print("\n| " + " | ".join(cols) + " | claim pairs compared | claim n^2/2 | share | article pairs compared | article n^2/2 | share |")
    print("|" + "---|" * (len(cols) + 6))
    for r in rows:
        cells = [str(r[c]) for c in cols]
        for what in ("claim", "article"):
            cmp_, all_ = r[f"{what}_pairs_compared"], r[f"{what}_pairs_all"]
            cells += [f"{cmp_:,}", f"{all_:,}", f"{cmp_ / all_:.4%}" if all_ else "-"]
        print("| " + " | ".join(cells) + " |")
    if len(rows) < 2:
        return
    sizes = [r["articles"] for r in rows]
    print("\ngrowth exponent of time vs articles (least-squares over all sizes; then between consecutive sizes):")
    for name in stages + ["linking"]:
        vals = [r[f"{name}_s"] for r in rows]
        steps = ", ".join(f"{sizes[i]}->{sizes[i + 1]}: {fit_exponent(sizes[i:i + 2], vals[i:i + 2]):.2f}" for i in range(len(rows) - 1))
        print(f"  {name:>13}: {fit_exponent(sizes, vals):.2f}   ({steps})")
    for what in ("claim", "article"):
        vals = [max(1, r[f"{what}_pairs_compared"]) for r in rows]
        print(f"  {what + ' pairs':>13}: {fit_exponent(sizes, vals):.2f}   (all pairs would be 2.00)")


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
    if args.relations:
        HASH_DIMS[0] = 384
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
    stages = ["actors", "events", "clusters", "independence"] + (["relations"] if args.relations else [])
    print_table(rows, stages)
    metrics = {}
    for r in rows:
        for k, v in r.items():
            if k != "articles":
                metrics[f"n{r['articles']}_{k}"] = v
    if len(rows) >= 2:
        for name in stages + ["linking"]:
            metrics[f"{name}_growth_exponent"] = round(fit_exponent([r["articles"] for r in rows], [r[f"{name}_s"] for r in rows]), 3)
        metrics["time_growth_exponent"] = metrics["linking_growth_exponent"]
        for what in ("claim", "article"):
            metrics[f"{what}_pairs_growth_exponent"] = round(
                fit_exponent([r["articles"] for r in rows], [max(1, r[f"{what}_pairs_compared"]) for r in rows]), 3)
    finish(args, metrics, sum(r["articles"] for r in rows), title="cross-article linking time vs corpus size")


if __name__ == "__main__":
    main()
