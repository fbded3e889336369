"""Adding one article to a workspace: incremental linking against linking everything again.

    python benchmarks/incremental.py [--data ../shared/gold] [--split dev] [--seed-articles examples/kursk] [--json OUT.json]

What it does:

1. builds (``events.partition`` on) a SQLite workspace (in a temporary folder) from every ``<split>/*/input.jsonl`` of
   ``--data`` (the public dev clusters: 56 articles) and the seed articles, all but one article
   (the last record of the first cluster), in one ``add``;
2. copies that workspace three times and adds the held-out article to each copy:
   - ``incremental``: ``events.partition`` on (the default): events over all articles, the
     claim-level stages for the changed storylines only (a storyline: events joined by
     ``related`` or by claims the claim-level stages could join, ``link/event_bridges.py``);
   - ``full``: the same with ``add(full=True)`` (``rashomon add --full``): every storyline linked again;
   - ``whole``: ``events.partition`` off: every corpus stage over all articles;
3. prints, per mode, the seconds of the whole ``add``, of its linking (from the moment the new
   article is stored), the events linked again, and whether the incremental dossier equals the
   full one (1 or 0, run report aside; it must be 1).

The article's own analysis (parse, encode) is the same in every mode. Timings are wall-clock on
whatever machine runs it; run it alone (under ``flock /tmp/heavy.lock`` on a shared machine).
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, bench_args, finish  # noqa: E402


ON = {"events": {"partition": True}}


def _extra(p) -> None:
    p.add_argument("--seed-articles", type=Path, default=ROOT / "examples" / "kursk", help="folder of seed articles added too")


def _records(data: Path, split: str) -> list[list[dict]]:
    out = []
    for f in sorted((data / split).glob("*/input.jsonl")):
        out.append([json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()])
    return out


def _plain(d) -> dict:
    return d.model_dump(mode="json", exclude={"run": True, "articles": {"__all__": {"source"}}})


def _add(db: Path, item, **kw) -> dict:
    from rashomon.store import open_store

    stored_at = []
    with open_store(f"sqlite:///{db}") as store:
        t0 = time.perf_counter()
        res = store.add(item, on_progress=lambda done, total: stored_at.append(time.perf_counter()), **kw)
        t1 = time.perf_counter()
        return {"seconds": t1 - t0, "link_seconds": t1 - (stored_at[-1] if stored_at else t0), "relinked": len(res.relinked),
                "events": len(store.events()), "dossier": _plain(store.dossier())}


def main() -> None:
    args = bench_args("incremental", "../gold", extra=_extra, description=__doc__.split("\n\n")[0])
    from rashomon.store import open_store

    clusters = _records(args.data, args.split)
    if not clusters:
        print(f"incremental: no {args.split}/*/input.jsonl under {args.data}; nothing to measure.")
        return
    held = clusters[0][-1]
    items = [r for c in clusters for r in c if r is not held]
    seeds = sorted(p for p in args.seed_articles.iterdir() if p.is_file()) if args.seed_articles.is_dir() else []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.db"
        t0 = time.perf_counter()
        with open_store(f"sqlite:///{base}") as store:
            store.add(items + seeds, jobs=None, settings=ON)
            n_articles = len(store.article_ids())
        build = time.perf_counter() - t0
        runs = {}
        for mode, kw in (("incremental", {"settings": ON}), ("full", {"full": True, "settings": ON}),
                         ("whole", {"settings": {"events": {"partition": False}}})):
            db = Path(tmp) / f"{mode}.db"
            for suffix in ("", "-wal", "-shm"):  # the store was closed: the log is normally folded in already
                if Path(str(base) + suffix).exists():
                    shutil.copy(str(base) + suffix, str(db) + suffix)
            runs[mode] = _add(db, held, **kw)
    metrics = {"articles": n_articles + 1, "events": runs["incremental"]["events"], "build_seconds": round(build, 2)}
    for mode, r in runs.items():
        metrics[f"{mode}_add_seconds"] = round(r["seconds"], 2)
        metrics[f"{mode}_link_seconds"] = round(r["link_seconds"], 2)
        metrics[f"{mode}_events_linked"] = r["relinked"] if mode != "whole" else r["events"]
    metrics["incremental_equals_full"] = int(runs["incremental"]["dossier"] == runs["full"]["dossier"])  # 1: equal (the gate reads numbers)
    finish(args, metrics, n_articles + 1)


if __name__ == "__main__":
    main()
