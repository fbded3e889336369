"""How the cross-article half grows with the corpus: 1,000 -> 100,000 articles of real records.

Records: the real per-article records (``ArticleAnnotations``) of the seed articles, the dev
clusters and PolNeAR texts, analysed once by the per-article half and cached under
``.bench-cache/`` (``_linking_records.py``), replicated with perturbation into as many articles
as asked (``_linking_replicate.py``: new ids, dates shifted by 97 days per replica, names swapped
among the pool of real names, claim vectors jittered, each replica of a story one synthetic
event). The table says how many source articles are distinct (min(n, R)).

Timed: every corpus stage of ``rashomon.pipeline.CORPUS_STAGES`` (``--stages`` picks some), on
one ``CorpusState`` per size; each size runs in its own process (``--one``), so its peak RSS
(``ru_maxrss``) is that size's alone. ``records_mb`` is the RSS once the replicated records are
built (before any stage), ``peak_mb`` the peak of the whole process.

``measure(sizes, ...)`` returns the rows (dicts: ``articles``, ``distinct``, ``claims``,
``<stage>_s``, ``total_s``, ``records_mb``, ``peak_mb``, pairs compared); the command prints the
table and each stage's growth exponent (least-squares slope of log seconds on log articles:
1 = linear, 2 = all pairs), and that of the peak memory.

usage: benchmarks/linking_scale.py [--sizes 1000,3000,10000] [--limit-bench 150] [--stages events,clusters]
                                   [--stream [--jobs N] [--progress-dir DIR] [--out-dir DIR]]
                                   [--profile OUT.prof --sizes N] [--json OUT]
"""
from __future__ import annotations

import json
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from _common import ROOT, bench_args, finish

HERE = Path(__file__).resolve().parent


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run_one(n: int, limit_bench: int = 150, stages: tuple[str, ...] = (), profile: str | None = None) -> dict:
    """Build the replicated corpus of ``n`` articles in this process and time the corpus stages
    on it; returns the row (see module doc)."""
    sys.path.insert(0, str(HERE))
    from _linking_records import real_records
    from _linking_replicate import replicate
    from rashomon.pipeline import CORPUS_STAGES
    from rashomon.settings import current, use

    arts, anns = real_records(limit_bench, verbose=False)
    t0 = time.perf_counter()
    state, distinct = replicate(arts, anns, n)
    del arts, anns
    build_s = time.perf_counter() - t0
    row = {"articles": n, "distinct": distinct, "claims": len(state.dossier.claims), "build_s": round(build_s, 1),
           "records_mb": round(_rss_mb())}
    state.settings = current()
    todo = [s for s in CORPUS_STAGES if not stages or s.name in stages]
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
    total = 0.0
    from rashomon.engine.threads import one_thread

    with use(state.settings), one_thread("blas"):  # as rashomon.analyze runs the corpus half
        for st in todo:
            fn = st.load()
            t0 = time.perf_counter()
            if prof:
                prof.enable()
            fn(state)
            if prof:
                prof.disable()
            dt = time.perf_counter() - t0
            total += dt
            row[f"{st.name}_s"] = round(dt, 2)
            print(f"  n={n} {st.name}: {dt:.2f}s rss {_rss_mb():.0f} MB", file=sys.stderr, flush=True)
    if prof:
        prof.dump_stats(profile)
    row["total_s"] = round(total, 2)
    row["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    row["events"] = len(state.dossier.events)
    row["clusters"] = len(state.dossier.clusters)
    row["multi_article_clusters"] = sum(1 for k in state.dossier.clusters if len(k.articles) > 1)
    row["largest_event"] = max((len(e.articles) for e in state.dossier.events), default=0)
    row["largest_cluster"] = max((len(k.claims) for k in state.dossier.clusters), default=0)
    row["claim_pairs_compared"] = state.cluster_stats.get("compared", 0)
    row["article_pairs_compared"] = state.event_stats.get("compared", 0)
    return row


class ChunkStats:
    """``on_chunk`` of the streamed run (picklable: with ``--jobs`` it runs in the workers): writes
    the chunk's dossier as JSON under ``folder`` (deleted again unless ``keep``) and returns its
    counts: bytes of JSON, claims, clusters."""

    def __init__(self, folder: str, keep: bool):
        self.folder, self.keep = folder, keep

    def __call__(self, k: int, dossier) -> dict:
        path = Path(self.folder) / f"chunk-{k:05d}.json"
        path.write_text(dossier.model_dump_json(), encoding="utf-8")
        size = path.stat().st_size
        if not self.keep:
            path.unlink()
        return {"bytes": size, "claims": len(dossier.claims), "clusters": len(dossier.clusters)}


class RssSampler:
    """A thread that samples the resident memory of this process and of all its descendants every
    ``every`` seconds (psutil); ``peak_total_mb``: the largest sum seen, ``peak_one_mb``: the largest
    single process seen."""

    def __init__(self, every: float = 2.0):
        import threading

        self.every, self.peak_total_mb, self.peak_one_mb = every, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def sample(self) -> None:
        import psutil

        me = psutil.Process()
        rss = []
        for p in [me] + me.children(recursive=True):
            try:
                rss.append(p.memory_info().rss)
            except psutil.Error:
                pass
        self.peak_total_mb = max(self.peak_total_mb, round(sum(rss) / 2 ** 20))
        self.peak_one_mb = max(self.peak_one_mb, round(max(rss, default=0) / 2 ** 20))

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.sample()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def _cpu_s(who) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def run_one_stream(n: int, limit_bench: int = 150, out: str | None = None, progress_file: str | None = None,
                   jobs: int = 1, profile: str | None = None) -> dict:
    """The streamed cross-article half (``rashomon.engine.streaming``) on ``n`` replicated articles
    made on demand (``_linking_replicate.ReplicaSource``: only a window's or a chunk's records are
    ever built); each chunk's dossier is written under ``out`` (a temporary folder when None, removed
    after) and dropped. ``jobs`` > 1: step 2 in that many worker processes, overlapping step 1
    (``engine/stream_pool.py``). Returns the row: seconds per step and per stage (summed over windows
    and chunks), CPU seconds of this process and of all the workers, peak RSS per process and of all
    together, counts; ``progress_file`` gets the row so far after every window and chunk. ``profile``
    (with ``jobs`` = 1): a cProfile of step 2 written there."""
    import shutil
    import tempfile

    sys.path.insert(0, str(HERE))
    from _linking_records import real_records
    from _linking_replicate import ReplicaSource
    from rashomon.engine.streaming import StreamReport, find_events, link_chunks, link_stream
    from rashomon.settings import current

    arts, anns = real_records(limit_bench, verbose=False)
    source = ReplicaSource(arts, anns, n)
    del arts, anns
    row = {"articles": n, "distinct": source.distinct, "mode": "stream", "jobs": jobs, "records_mb": round(_rss_mb())}
    folder = Path(out) if out else Path(tempfile.mkdtemp(prefix="linkstream-"))
    folder.mkdir(parents=True, exist_ok=True)
    rep = StreamReport()
    stats = {"claims": 0, "bytes": 0, "clusters": 0, "largest_chunk_mb": 0}
    sampler = RssSampler()
    t_start, c_start = time.perf_counter(), _cpu_s(resource.RUSAGE_SELF)

    def note(msg: str) -> None:
        print(f"  n={n} {msg} rss {_rss_mb():.0f} MB t {time.perf_counter() - t_start:.0f}s", file=sys.stderr, flush=True)
        if progress_file:
            Path(progress_file).write_text(json.dumps(dict(row, **_report_row(rep), **stats, at_s=round(time.perf_counter() - t_start, 1),
                                                           last=msg, peak_mb=_peak_mb(), peak_total_mb=sampler.peak_total_mb,
                                                           peak_one_mb=sampler.peak_one_mb)))

    def on_result(k: int, got: dict) -> None:
        stats["bytes"] += got["bytes"]
        stats["claims"] += got["claims"]
        stats["clusters"] += got["clusters"]
        stats["largest_chunk_mb"] = max(stats["largest_chunk_mb"], round(got["bytes"] / 2 ** 20))

    settings = current()
    on_chunk = ChunkStats(str(folder), keep=bool(out))
    if jobs > 1:
        link_stream(source, on_chunk, settings=settings, progress=note, jobs=jobs, on_result=on_result, report=rep)
    else:
        events = find_events(source, settings=settings, report=rep, progress=note)
        row["events_mb"] = round(_rss_mb())
        prof = None
        if profile:  # step 2 only, in this process
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        link_chunks(source, events, on_chunk, settings=settings, report=rep, progress=note, on_result=on_result)
        if prof:
            prof.disable()
            prof.dump_stats(profile)
    wall = time.perf_counter() - t_start
    sampler.stop()
    if not out:
        shutil.rmtree(folder, ignore_errors=True)
    row.update(_report_row(rep))
    row.update(stats)
    row["total_s"] = round(wall, 2)  # wall seconds of both steps (with jobs > 1 they overlap)
    row["main_cpu_s"] = round(_cpu_s(resource.RUSAGE_SELF) - c_start, 1)
    row["workers_cpu_s"] = round(_cpu_s(resource.RUSAGE_CHILDREN), 1)  # the workers, start-up included (waited for)
    row["total_cpu_s"] = round(row["main_cpu_s"] + row["workers_cpu_s"], 1)  # BLAS on one thread: CPU time is the cost a loaded machine does not inflate
    row["peak_mb"] = _peak_mb()  # this process
    row["worker_peak_mb"] = rep.worker_peak_mb
    row["peak_total_mb"] = sampler.peak_total_mb  # all processes together, sampled every 2 s
    row["largest_event"] = rep.largest_event
    return row


def plan_memory(n: int, limit_bench: int = 150) -> dict:
    """What the streamed half holds for the whole corpus of ``n`` replicated articles, apart from
    one window or chunk: the source's plan, each article's publication day and the windows
    (``rashomon.engine.streaming.windows_of``); RSS and seconds of building them."""
    sys.path.insert(0, str(HERE))
    from _linking_records import real_records
    from _linking_replicate import ReplicaSource
    from rashomon.engine.streaming import _day, windows_of
    from rashomon.settings import setting

    arts, anns = real_records(limit_bench, verbose=False)
    base = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    source = ReplicaSource(arts, anns, n)
    day_of = {a.id: _day(a.published) for a in source.articles()}
    windows = windows_of(day_of, setting("blocking.stream_window"))
    return {"articles": n, "windows": len(windows), "undated": sum(1 for d in day_of.values() if d is None),
            "plan_mb": round(_rss_mb() - base), "plan_s": round(time.perf_counter() - t0, 1),
            "plan_cpu_s": round(time.process_time() - c0, 1), "peak_mb": _peak_mb()}


def _peak_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _report_row(rep) -> dict:
    out = {"windows": rep.windows, "events": rep.events, "chunks": rep.chunks, "carried_max": rep.carried_max,
           "window_max": rep.window_max, "chunk_max": rep.chunk_max, "find_events_s": round(rep.events_s, 2),
           "link_chunks_s": round(rep.chunks_s, 2), "find_events_cpu_s": round(rep.events_cpu_s, 1),
           "link_chunks_cpu_s": round(rep.chunks_cpu_s, 1), "jobs": rep.jobs}
    out.update({f"{k}_s": round(v, 2) for k, v in rep.stage_s.items()})
    return out


def measure(sizes=(1000, 3000, 10000, 30000, 100000), limit_bench: int = 150, stages: tuple[str, ...] = (),
            verbose: bool = True, stream: bool = False, progress_dir: str | None = None, jobs: int = 1,
            out_dir: str | None = None) -> list[dict]:
    """One row per size (see module doc), each measured in a fresh Python process so that its
    peak memory is its own. ``stages`` = names of corpus stages to time (empty: all; one batch
    only). ``stream``: the streamed cross-article half (``run_one_stream``) instead of one batch;
    ``progress_dir`` then gets ``progress-<n>.json``, the row so far, after every window and chunk;
    ``jobs``: worker processes of step 2; ``out_dir``: the chunk dossiers kept under ``out_dir/<n>/``."""
    rows = []
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    for n in sizes:
        cmd = [sys.executable, str(HERE / "linking_scale.py"), "--one", str(n), "--limit-bench", str(limit_bench),
               "--stages", ",".join(stages)]
        if stream:
            cmd += ["--stream", "--jobs", str(jobs)]
            if out_dir:
                cmd += ["--out", str(Path(out_dir) / str(n))]
            if progress_dir:
                cmd += ["--progress", str(Path(progress_dir) / f"progress-{n}.json")]
        res = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=None if verbose else subprocess.DEVNULL, text=True)
        if res.returncode:
            raise RuntimeError(f"linking_scale --one {n} failed with exit status {res.returncode}")
        row = json.loads(res.stdout.strip().splitlines()[-1])
        rows.append(row)
        if verbose:
            print(" | ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    return rows


def fit_exponent(sizes: list[float], values: list[float]) -> float:
    """Least-squares slope of log(value) on log(size): the growth exponent (1 = linear, 2 = all
    pairs). Values below 0.01 are floored there (timer noise)."""
    xs = [math.log(x) for x in sizes]
    ys = [math.log(max(v, 0.01)) for v in values]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else float("nan")


def stage_names(rows: list[dict]) -> list[str]:
    """The timed stages, in pipeline order, as they appear in the rows."""
    return [k[:-2] for k in rows[0] if k.endswith("_s") and k not in ("total_s", "build_s")] if rows else []


def table(rows: list[dict]) -> str:
    """The per-size table in Markdown, then the growth exponents (all sizes; consecutive sizes)."""
    stages = stage_names(rows)
    cols = ["articles", "distinct", "claims"] + [f"{s}_s" for s in stages] + ["total_s", "records_mb", "peak_mb"]
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        out.append("| " + " | ".join(f"{r[c]:,}" if isinstance(r[c], int) else str(r[c]) for c in cols) + " |")
    if len(rows) >= 2:
        sizes = [r["articles"] for r in rows]
        out.append("\ngrowth exponent vs articles (least squares over all sizes; then between consecutive sizes):")
        keys = [(s, f"{s}_s") for s in stages + ["total"]] + [(k, k) for k in ("peak_mb", "claim_pairs_compared", "article_pairs_compared")
                                                                if k in rows[0]]
        for name, key in keys:  # (a stage's seconds, not the count of events or clusters of the same name)
            vals = [max(r[key], 1e-9) for r in rows]
            steps = ", ".join(f"{sizes[i]}->{sizes[i + 1]}: {fit_exponent(sizes[i:i + 2], vals[i:i + 2]):.2f}"
                              for i in range(len(rows) - 1))
            out.append(f"  {name:>22}: {fit_exponent(sizes, vals):.2f}   ({steps})")
    return "\n".join(out)


def main() -> None:
    if "--plan" in sys.argv:  # the corpus-sized part of the streamed half only: python linking_scale.py --plan 100000
        print(json.dumps(plan_memory(int(sys.argv[sys.argv.index("--plan") + 1]))))
        return
    if "--one" in sys.argv:  # a child of measure(): one size, the row as JSON on the last line
        import argparse

        p = argparse.ArgumentParser()
        p.add_argument("--one", type=int)
        p.add_argument("--limit-bench", type=int, default=150)
        p.add_argument("--stages", default="")
        p.add_argument("--profile", default=None)
        p.add_argument("--stream", action="store_true")
        p.add_argument("--progress", default=None)
        p.add_argument("--jobs", type=int, default=1)
        p.add_argument("--out", default=None)
        a = p.parse_args()
        if a.stream:
            row = run_one_stream(a.one, a.limit_bench, out=a.out, progress_file=a.progress, jobs=a.jobs, profile=a.profile)
        else:
            row = run_one(a.one, a.limit_bench, tuple(x for x in a.stages.split(",") if x), a.profile)
        print(json.dumps(row))
        return

    def extra(p):
        p.add_argument("--sizes", default="1000,3000,10000", help="corpus sizes in articles")
        p.add_argument("--limit-bench", type=int, default=150, help="PolNeAR texts among the real records")
        p.add_argument("--stages", default="", help="corpus stages to time, comma-separated (default all)")
        p.add_argument("--fnc", default=None, help=argparse_suppress())
        p.add_argument("--stream", action="store_true", help="the streamed cross-article half (engine/streaming.py)")
        p.add_argument("--progress-dir", default=None, help="with --stream: progress-<n>.json there after every window and chunk")
        p.add_argument("--jobs", type=int, default=1, help="with --stream: worker processes for step 2 (overlapping step 1)")
        p.add_argument("--out-dir", default=None, help="with --stream: keep the chunk dossiers under OUT_DIR/<n>/")

    args = bench_args("linking_scale", "polnear", default_split="records", extra=extra,
                      description="growth of the cross-article half's time and memory with corpus size")
    sizes = [int(x) for x in args.sizes.split(",") if x]
    rows = measure(sizes, args.limit_bench, tuple(x for x in args.stages.split(",") if x), stream=args.stream,
                   progress_dir=args.progress_dir, jobs=args.jobs, out_dir=args.out_dir)
    print()
    print(table(rows))
    finish(args, metrics_of(rows), sum(r["articles"] for r in rows), title="cross-article half: time and memory vs corpus size")


def metrics_of(rows: list[dict]) -> dict:
    """The rows flattened (``n<articles>_<key>``) with the growth exponents of each stage, the
    total time, the peak memory and the pairs compared."""
    metrics = {}
    for r in rows:
        for k, v in r.items():
            if k != "articles":
                metrics[f"n{r['articles']}_{k}"] = v
    if len(rows) >= 2:
        ns = [r["articles"] for r in rows]
        for name in stage_names(rows) + ["total"]:
            metrics[f"{name}_growth_exponent"] = round(fit_exponent(ns, [r[f"{name}_s"] for r in rows]), 3)
        metrics["time_growth_exponent"] = metrics["total_growth_exponent"]
        metrics["memory_growth_exponent"] = round(fit_exponent(ns, [r["peak_mb"] for r in rows]), 3)
        for what in [w for w in ("claim", "article") if f"{w}_pairs_compared" in rows[0]]:
            metrics[f"{what}_pairs_growth_exponent"] = round(
                fit_exponent(ns, [max(1, r[f"{what}_pairs_compared"]) for r in rows]), 3)
    return metrics


def argparse_suppress():
    import argparse

    return argparse.SUPPRESS


if __name__ == "__main__":
    main()
