"""Scale: the per-article half on real articles with each engine, and (when wired) the
cross-article half on a large corpus.

    python benchmarks/scale.py [--data ../shared/bench] [--limit 500] [--engines inline,pool,dask1,dask2]
                               [--batch 8] [--json OUT.json]

Corpus (``--data``, default ``../shared/bench``): the dev clusters' ``input.jsonl`` (``../shared/gold/dev``),
the article-extraction pages (``article-extraction/html/*.html.gz``, through the HTML extractor),
then the PolNeAR texts (``polnear/data/*/text``), in that order, until ``--limit`` articles. They
are read once here (``read_inputs``; the reading rate is reported as ``ingest``) and handed to each
engine in a fresh subprocess, so every engine starts cold and its memory is its own:

- ``inline``: ``InlineEngine`` in the subprocess (claim encoding overlapped in a thread);
- ``pool``: ``ProcessPoolEngine`` with 2 worker processes (``--jobs``);
- ``dask1`` / ``dask2``: ``DaskEngine`` on a ``LocalCluster`` of 1 / 2 single-thread workers that
  the engine starts (models loaded once per worker by its plugin).

Per engine: wall seconds of ``annotate`` including start-up and model loads (``total_s``), articles
per second over it, the steady rate (the articles after the first result, or the first Dask batch,
over the time from it to the last: start-up and model loads excluded), the summed per-stage seconds, and the peak resident memory of the
client (``ru_maxrss`` of the subprocess) and of the largest worker process (``psutil`` samples of
every descendant process every 0.2 s; for dask the nannies are descendants too, and smaller); and
what comes back per article (claims and records per article, pickled ``ArticleAnnotations`` size).

The cross-article half: see the "Linking" section at the end (``linking_scale.measure``).
"""
from __future__ import annotations

import gzip
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import ROOT, bench_args, finish

ENGINES = ("inline", "pool", "dask1", "dask2")


def corpus_records(bench: Path, limit: int) -> list[dict]:
    """Up to ``limit`` article records (JSONL fields): dev clusters, extraction pages, PolNeAR texts."""
    recs: list[dict] = []
    gold = bench.parent / "gold" / "dev"
    for f in sorted(gold.glob("*/input.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                recs.append(json.loads(line))
    for f in sorted((bench / "article-extraction" / "html").glob("*.html.gz")):
        recs.append({"id": "page-" + f.name[:12], "html": gzip.decompress(f.read_bytes()).decode("utf-8", "replace")})
    for f in sorted((bench / "polnear" / "data").glob("*/text/*.txt")):
        recs.append({"id": f.stem, "text": f.read_text(encoding="utf-8", errors="replace")})
    return recs[:limit]


class PeakRss:
    """Samples the resident memory of every descendant process every ``every`` seconds; ``peak``
    is the largest seen in one process (bytes)."""

    def __init__(self, every: float = 0.2):
        self.every, self.peak, self.stop = every, 0, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self.stop.is_set():
            for p in me.children(recursive=True):
                try:
                    self.peak = max(self.peak, p.memory_info().rss)
                except psutil.Error:
                    pass
            self.stop.wait(self.every)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def run_one(kind: str, articles_path: Path, out_path: Path, jobs: int, batch: int) -> None:
    """In a subprocess: one engine on the pickled articles; writes its measurements as JSON."""
    from rashomon.settings import Settings

    articles = pickle.loads(articles_path.read_bytes())
    settings = Settings()
    if kind == "inline":
        from rashomon.engine import InlineEngine

        engine = InlineEngine(settings)
    elif kind == "pool":
        from rashomon.engine import ProcessPoolEngine

        engine = ProcessPoolEngine(jobs, settings)
    else:
        from rashomon.engine.dask_engine import DaskEngine

        engine = DaskEngine(int(kind[len("dask"):]), settings, batch=batch)
    stamps: list[float] = []
    failed: dict[str, str] = {}
    t0 = time.perf_counter()
    try:
        import psutil  # noqa: F401 - the sampler needs it
        sampler = PeakRss()
    except ImportError:  # pragma: no cover - then only the client's peak is known
        sampler = None
    if sampler:
        sampler.__enter__()
    try:
        out, timings = engine.annotate(articles, on_result=lambda ann: stamps.append(time.perf_counter()), failed=failed)
    finally:
        if sampler:
            sampler.__exit__()
    total = time.perf_counter() - t0
    # steady rate: the articles that came after the first result (a Dask task returns a batch at
    # once: the whole first batch counts as the first result) over the time they took
    first = sum(1 for s in stamps if s - stamps[0] < 0.05) if stamps else 0
    steady = (len(stamps) - first) / (stamps[-1] - stamps[0]) if len(stamps) > first and stamps[-1] > stamps[0] else None
    res = {
        "engine": kind, "articles": len(out), "failed": len(failed), "total_s": round(total, 2),
        "articles_per_s": round(len(out) / total, 3), "steady_articles_per_s": round(steady, 3) if steady else None,
        "first_result_s": round(stamps[0] - t0, 2) if stamps else None,
        "client_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_peak_mb": round(sampler.peak / 2**20, 1) if sampler and sampler.peak else None,
        "stages_s": {t.name: round(t.seconds, 2) for t in timings},
    }
    anns = list(out.values())
    if anns:  # what comes back per article: records (for the store) and bytes (for the network)
        n = len(anns)
        res["claims_per_article"] = round(sum(len(a.claims) for a in anns) / n, 1)
        res["records_per_article"] = round(sum(len(a.claims) + len(a.attributions) + len(a.quantities) + len(a.times)
                                               for a in anns) / n, 1)
        res["result_kb_per_article"] = round(sum(len(pickle.dumps(a)) for a in anns) / n / 1024, 1)
    out_path.write_text(json.dumps(res), encoding="utf-8")


def _linking(args) -> dict:
    """The cross-article half at scale, measured by ``benchmarks/linking_scale.py`` (written apart)."""
    # streamed (engine/streaming.py), each size in its own process; the table as linking_scale.py prints it
    import linking_scale

    sizes = [int(x) for x in args.linking_sizes.split(",") if x]
    progress = str(args.linking_progress) if args.linking_progress else None
    if progress:
        Path(progress).mkdir(parents=True, exist_ok=True)
    rows = linking_scale.measure(sizes, stream=True, jobs=args.linking_jobs, progress_dir=progress)
    print(linking_scale.table(rows), flush=True)
    return linking_scale.metrics_of(rows)


def main() -> None:
    def extra(p):
        p.add_argument("--limit", type=int, default=500, help="articles (default 500)")
        p.add_argument("--engines", default=",".join(ENGINES), help=f"engines to run, of {', '.join(ENGINES)}")
        p.add_argument("--jobs", type=int, default=2, help="worker processes of the pool (default 2)")
        p.add_argument("--batch", type=int, default=None, help="articles per Dask task (default: setting engine.dask_batch)")
        p.add_argument("--skip-linking", action="store_true", help="do not run the linking section")
        p.add_argument("--linking-sizes", default="1000,3000,10000,30000,100000",
                       help="articles of replicated records for the streamed linking section")
        p.add_argument("--linking-jobs", type=int, default=2,
                       help="worker processes of the streamed linking's step 2, overlapping step 1 (default 2)")
        p.add_argument("--linking-progress", type=Path, default=None,
                       help="a folder: progress-<n>.json there after every window and chunk of the linking section")
        p.add_argument("--run-one", default=None, help=argparse_hidden())
        p.add_argument("--articles", type=Path, default=None, help=argparse_hidden())
        p.add_argument("--out", type=Path, default=None, help=argparse_hidden())

    args = bench_args("scale", "", default_split="gold-dev+article-extraction+polnear", extra=extra, description=__doc__)
    if args.run_one:
        run_one(args.run_one, args.articles, args.out, args.jobs, args.batch)
        return
    from rashomon.ingest import read_inputs

    recs = corpus_records(args.data, args.limit)
    t = time.perf_counter()
    ingested = read_inputs(recs)
    ingest_s = time.perf_counter() - t
    articles = ingested.articles
    words = sum(len(a.text.split()) for a in articles)
    print(f"corpus: {len(recs)} records -> {len(articles)} articles ({words} words, {len(ingested.errors)} unreadable, "
          f"{len(ingested.duplicates)} duplicates); read in {ingest_s:.1f}s", flush=True)
    metrics: dict = {"articles": len(articles), "words": words, "ingest_articles_per_s": round(len(articles) / ingest_s, 2),
                     "cpus": len(os.sched_getaffinity(0))}
    tmp = Path(tempfile.mkdtemp(prefix="rashomon-scale-"))
    (tmp / "articles.pkl").write_bytes(pickle.dumps(articles))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    for kind in [e for e in args.engines.split(",") if e]:
        out = tmp / f"{kind}.json"
        cmd = [sys.executable, __file__, "--data", str(args.data), "--run-one", kind, "--articles", str(tmp / "articles.pkl"),
               "--out", str(out), "--jobs", str(args.jobs)] + (["--batch", str(args.batch)] if args.batch else [])
        subprocess.run(cmd, check=True, env=env)
        res = json.loads(out.read_text(encoding="utf-8"))
        print(json.dumps(res), flush=True)
        for k, v in res.items():
            if k not in ("engine", "stages_s"):
                metrics[f"{kind}_{k}"] = v
        metrics[f"{kind}_per_article_s"] = round(sum(res["stages_s"].values()) / max(1, res["articles"]), 3)
    if not args.skip_linking:
        metrics.update({f"linking_{k}": v for k, v in _linking(args).items()})
    finish(args, metrics, len(articles), title=f"per-article half, {len(articles)} articles ({metrics['cpus']} CPUs)")


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    main()
