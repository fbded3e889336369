"""Article extraction: rashomon's HTML path against plain trafilatura on the same pages.

    python benchmarks/article_extraction.py [--data DIR] [--split all] [--json OUT.json] [--limit N]

Data: ``../shared/bench/article-extraction/`` (the Scrapinghub article-extraction benchmark:
``html/<id>.html.gz`` and ``ground-truth.json`` with each page's ``articleBody``). For every page
it runs

- ``ours``: ``rashomon.ingest.read_inputs`` on the page (fed as standard input, sniffed as
  HTML): trafilatura's main text, then the rashomon cleaner (furniture, title, dek removed); the
  article ``text`` is the prediction;
- ``trafilatura``: ``trafilatura.extract(html)`` with its defaults.

Metrics follow the benchmark's own ``evaluate.py``: ``\\w+`` tokens, 4-token shingles, per-page
true/false positives and negatives normalised per page, precision and recall averaged over pages,
F1 from the averages; ``tok_*`` are the same with single tokens. A page an extractor returns
nothing for counts with empty output.
"""
from __future__ import annotations

import gzip
import io
import json
import re
import statistics
import time
from collections import Counter

from _common import bench_args, finish

TOKEN = re.compile(r"\w+", re.UNICODE)


def _ngrams(text: str, n: int) -> Counter:
    toks = TOKEN.findall(text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def tp_fp_fn(true: str, pred: str, n: int) -> tuple[float, float, float]:
    """Shingle overlap of one page, normalised to sum 1 (as evaluate.py does)."""
    t, p = _ngrams(true, n), _ngrams(pred, n)
    tp = sum(min(t[k], p[k]) for k in t.keys() | p.keys())
    fp = sum(max(0, p[k] - t[k]) for k in p)
    fn = sum(max(0, t[k] - p[k]) for k in t)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _prec(tp, fp, fn):
    return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))


def _rec(tp, fp, fn):
    return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))


def prf(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Macro precision and recall over pages, F1 of the two (evaluate.py's definition)."""
    p = statistics.mean([_prec(*r) for r in rows if r[0] + r[1] > 0] or [0.0])
    r = statistics.mean([_rec(*x) for x in rows if x[0] + x[2] > 0] or [0.0])
    return p, r, (2 * p * r / (p + r)) if p + r else 0.0


def ours(html: bytes) -> str:
    from rashomon.ingest import read_inputs

    res = read_inputs(["-"], stdin=io.BytesIO(html))
    return res.articles[0].text if res.articles else ""


def plain_trafilatura(html: bytes) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def main() -> None:
    args = bench_args("article_extraction", "article-extraction", default_split="all",
                      extra=lambda p: p.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by id)"),
                      description=__doc__.splitlines()[0])
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)
    if args.limit:
        keys = keys[: args.limit]
    systems = {"ours": ours, "trafilatura": plain_trafilatura}
    rows = {name: {"shingle": [], "token": []} for name in systems}
    secs = {name: 0.0 for name in systems}
    n = 0
    for key in keys:
        path = args.data / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        html = gzip.decompress(path.read_bytes())
        true = truth[key].get("articleBody", "")
        n += 1
        for name, fn in systems.items():
            t0 = time.perf_counter()
            pred = fn(html)
            secs[name] += time.perf_counter() - t0
            rows[name]["shingle"].append(tp_fp_fn(true, pred, 4))
            rows[name]["token"].append(tp_fp_fn(true, pred, 1))
    metrics: dict[str, float] = {}
    for name in systems:
        p, r, f = prf(rows[name]["shingle"])
        tp, tr, tf = prf(rows[name]["token"])
        metrics.update({f"{name}_precision": p, f"{name}_recall": r, f"{name}_f1": f,
                        f"{name}_tok_precision": tp, f"{name}_tok_recall": tr, f"{name}_tok_f1": tf,
                        f"{name}_ms_per_page": round(1000 * secs[name] / max(n, 1), 2)})
    finish(args, metrics, n, title=f"article_extraction ({args.split}, n={n}): ours = read_inputs(HTML) vs plain trafilatura.extract")


if __name__ == "__main__":
    main()
