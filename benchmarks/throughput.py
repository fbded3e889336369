"""Throughput: articles and words per second for bare spaCy parsing and for the whole pipeline on the
same articles in the same run, their ratio, the memory peak, and where the time goes.

    python benchmarks/throughput.py [--data DIR|FILE.jsonl] [--limit N] [--jobs J] [--json OUT.json]

The default corpus is the PolNeAR texts (``../shared/bench/polnear/data/<split>/text``). Bare
parsing is ``nlp.pipe`` of the same cleaned texts with the same spaCy pipeline in this process;
the pipeline runs ``rashomon.analyze`` with ``--jobs`` worker processes (1 = in-process, the fair
comparison with bare parsing; more shows the pool). Where the time goes comes from the dossier's
per-stage timings, plus a cProfile of the in-process run (top functions by cumulative time).

What is counted: both models (spaCy, the sentence encoder) are loaded before either side is
timed, and the pipeline is warmed up on a few other articles of the same folder (the ones after
``--limit``; ``--cold`` skips it), so the lazily loaded parts (the relation classifier, the
attribution tagger, the claim matcher, word lists, compiled patterns, module imports: one-off
costs of a process, ``warmup_s``) are not counted against the pipeline, as the spaCy load is not
counted against bare parsing. The timed pipeline run is everything ``rashomon.analyze`` does:
reading the files, the per-article half (parse, extraction, claim encoding in a second thread)
and the corpus half (linking, relations with the learned classifier, disputes, framing, summary).
Besides wall-clock rates the run reports CPU seconds (``time.process_time`` of this process and
its finished workers: all threads, the encoding thread included) and their ratio, which a busy
machine disturbs far less than the wall-clock ratio.
"""
from __future__ import annotations

import cProfile
import io
import json
import pstats
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _common import bench_args, finish


def _extra(p):
    p.add_argument("--limit", type=int, default=100, help="articles to use (default 100)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes for the pipeline run (default 1)")
    p.add_argument("--profile", action="store_true", help="print the top functions of a cProfile of the pipeline run")
    p.add_argument("--cold", action="store_true", help="no warm-up run: count the one-off loads against the pipeline")


def _corpus(data: Path, split: str, limit: int, skip: int = 0) -> Path:
    """A temporary folder holding ``limit`` article files from ``data`` (a folder of texts, the
    PolNeAR root, or a JSONL file), after the first ``skip``; it may be empty."""
    tmp = Path(tempfile.mkdtemp(prefix="rashomon-throughput-"))
    if data.is_file():
        lines = [x for x in data.read_text(encoding="utf-8").splitlines() if x.strip()][skip:skip + limit]
        if lines:
            (tmp / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return tmp
    src = data / "data" / split / "text" if (data / "data").is_dir() else data
    files = sorted(p for p in src.iterdir() if p.suffix in {".txt", ".md"})[skip:skip + limit]
    for f in files:
        shutil.copy(f, tmp / f.name)
    return tmp


WARMUP_ARTICLES = 3  # articles after --limit that the warm-up run analyses


def _warm_up(args, rashomon) -> tuple[float, int]:
    """Run the pipeline once on the ``WARMUP_ARTICLES`` articles after the timed ones (other
    texts, so no per-text cache of the timed run is filled); ``(seconds, articles)``."""
    warm = _corpus(args.data, args.split, WARMUP_ARTICLES, skip=args.limit)
    try:
        if not any(warm.iterdir()):
            return 0.0, 0
        t0 = time.perf_counter()
        d = rashomon.analyze([warm], jobs=1)
        return time.perf_counter() - t0, len(d.articles)
    finally:
        shutil.rmtree(warm, ignore_errors=True)


def _cpu() -> float:
    """CPU seconds of this process (all threads) and of its finished child processes."""
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + ch.ru_utime + ch.ru_stime


def main() -> None:
    args = bench_args("throughput", "polnear", default_split="dev", extra=_extra, description=__doc__)
    import rashomon
    from rashomon.ingest import read_inputs
    from rashomon.nlp import get_encoder, get_nlp

    corpus = _corpus(args.data, args.split, args.limit)
    arts = read_inputs([corpus]).articles
    texts = [a.text for a in arts]
    words = sum(len(t.split()) for t in texts)

    nlp = get_nlp()
    get_encoder()  # load both models before timing either
    nlp("warm up")
    warm_s, warm_n = (0.0, 0) if args.cold else _warm_up(args, rashomon)
    c0, t0 = _cpu(), time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    bare, bare_cpu = time.perf_counter() - t0, _cpu() - c0

    prof = cProfile.Profile() if args.profile and args.jobs == 1 else None
    c0, t0 = _cpu(), time.perf_counter()
    if prof:
        prof.enable()
    dossier = rashomon.analyze([corpus], jobs=args.jobs)
    if prof:
        prof.disable()
    full, full_cpu = time.perf_counter() - t0, _cpu() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    shutil.rmtree(corpus, ignore_errors=True)

    n = len(arts)
    metrics = {
        "articles": n,
        "words": words,
        "bare_spacy_articles_per_s": round(n / bare, 2),
        "bare_spacy_words_per_s": round(words / bare, 1),
        "pipeline_articles_per_s": round(n / full, 2),
        "pipeline_words_per_s": round(words / full, 1),
        "pipeline_over_bare_ratio": round(bare / full, 3),
        "bare_spacy_cpu_s": round(bare_cpu, 2),
        "pipeline_cpu_s": round(full_cpu, 2),
        "pipeline_over_bare_cpu_ratio": round(bare_cpu / full_cpu, 3) if full_cpu else 0.0,
        "warmup_s": round(warm_s, 2),
        "warmup_articles": warm_n,
        "jobs": args.jobs,
        "peak_rss_mb": round(peak_mb, 1),
        "peak_rss_worker_mb": round(child_mb, 1),
        "claims": len(dossier.claims),
        "clusters": len(dossier.clusters),
    }
    total = sum(s.seconds for s in dossier.run.stages) or 1.0
    for s in sorted(dossier.run.stages, key=lambda s: -s.seconds):
        metrics[f"stage_{s.name}_s"] = round(s.seconds, 3)
    finish(args, metrics, n)
    print("where the time goes (share of summed stage time; per-article stages are summed over articles):")
    for s in sorted(dossier.run.stages, key=lambda s: -s.seconds):
        print(f"  {s.name:<14} {s.seconds:8.2f}s  {100 * s.seconds / total:5.1f}%")
    if prof:
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(25)
        print(buf.getvalue())


if __name__ == "__main__":
    sys.exit(main())
