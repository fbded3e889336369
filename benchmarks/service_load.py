"""Load on `rashomon serve`: many concurrent readers while a job writes.

    python benchmarks/service_load.py [--seconds 30] [--readers 50] [--inputs examples/kursk | FILE.jsonl] [--json OUT.json]

What it does, on loopback only (127.0.0.1; nothing leaves the machine):

1. starts `rashomon serve` in a subprocess on a free port with a throwaway SQLite workspace in a
   temporary folder and a random token;
2. adds the first half of the articles of ``--inputs`` (files of a folder, or records of a JSONL
   file) through ``POST /api/articles`` and waits for that job (the seed: an event, claims and a dossier to read);
3. posts the other half as a second job and, while it runs (the writer), lets ``--readers``
   asyncio tasks (httpx, one connection each) loop for ``--seconds`` over four reads: the
   event's page ``/events/{id}`` (rendered once and cached; every write of the job clears the
   cache), the event's dossier ``/api/events/{id}/dossier``, a claim's page ``/claims/{id}`` and a
   search ``/api/claims?q=WORD``;
4. prints one row per read and one for all: requests, requests per second, p50/p95/p99 latency
   in milliseconds, errors (any status but 200, or a failed connection), and for how many seconds
   of the load the writer job ran (a small ``--inputs`` is written in a few seconds: the rest of
   the load then has no writer; a larger JSONL file keeps it writing longer).

Goal (issue 13): zero errors, p95 under 200 ms for the cached event page. ``--json`` writes the
table and, under ``metrics``, the figures `make eval` checks against ``benchmarks/floors.yaml``
(``errors``, ``requests_per_s``, ``event_page_p95_ms``, ``all_p95_ms``, ``all_p99_ms``). Latency includes the
writer's CPU use on the same machine: the server analyses articles in a thread of the same
process, so its reads share the interpreter with the analysis.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, token: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""), "RASHOMON_TOKEN": token}
    return subprocess.Popen([sys.executable, "-m", "rashomon.cli", "serve", "--db", f"sqlite:///{db}", "--host", HOST, "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_up(base: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("the server did not start in time")


FIELDS = ("id", "text", "html", "title", "outlet", "url", "published")


def batches(inputs: Path) -> tuple[list, list]:
    """The seed half and the writer's half: files of a folder, or records of a JSONL file."""
    if inputs.is_file():
        recs = [json.loads(line) for line in inputs.read_text(encoding="utf-8").splitlines() if line.strip()]
        items = [{k: v for k, v in r.items() if k in FIELDS and v is not None} for r in recs]
    else:
        items = sorted(p for p in inputs.iterdir() if p.is_file() and not p.name.startswith("."))
    if len(items) < 2:
        raise SystemExit("--inputs needs at least two articles")
    half = (len(items) + 1) // 2
    return items[:half], items[half:]


def post_articles(base: str, token: str, items: list) -> str:
    """One POST /api/articles: multipart files for paths, a JSON body for records."""
    auth = {"Authorization": f"Bearer {token}"}
    if items and isinstance(items[0], Path):
        r = httpx.post(base + "/api/articles", files=[("files", (p.name, p.read_bytes(), "text/plain")) for p in items], headers=auth, timeout=60)
    else:
        r = httpx.post(base + "/api/articles", json={"articles": items}, headers=auth, timeout=60)
    r.raise_for_status()
    return r.json()["job"]


def wait_job(base: str, job: str, timeout: float = 900) -> dict:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        j = httpx.get(f"{base}/api/jobs/{job}", timeout=10).json()
        if j["state"] in ("done", "failed"):
            return j
        time.sleep(0.5)
    raise SystemExit(f"job {job} did not finish in time")


def targets(base: str) -> dict[str, str]:
    """The four reads, from what the seed stored: its first event, a claim of it, a word of that claim."""
    events = httpx.get(base + "/api/events", timeout=30).json()
    if not events:
        raise SystemExit("the seed job stored no event")
    ev = events[0]["id"]
    d = httpx.get(f"{base}/api/events/{ev}/dossier", timeout=60).json()
    cluster = next(k for k in d["clusters"] if k["claims"])
    word = max((w.strip(".,;:\"'()") for w in cluster["label"].split()), key=len)
    return {"event page": f"/events/{ev}", "dossier json": f"/api/events/{ev}/dossier", "claim page": f"/claims/{cluster['id']}",
            "search": f"/api/claims?q={word}"}


async def reader(base: str, paths: list[str], stop: float, out: dict[str, list], errors: dict[str, int], k: int) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=httpx.Limits(max_connections=1)) as client:
        i = k
        while time.monotonic() < stop:
            name, path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                r = await client.get(path)
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                out[name].append(time.perf_counter() - t0)
            else:
                errors[name] += 1


def pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] * 1000


async def watch(base: str, job: str, stop: float, t0: float) -> float:
    """Seconds from the start of the load until the writer job ended (the whole load if it did not)."""
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.monotonic() < stop:
            if (await client.get(f"/api/jobs/{job}")).json()["state"] in ("done", "failed"):
                return time.monotonic() - t0
            await asyncio.sleep(0.25)
    return stop - t0


async def load(base: str, reads: dict[str, str], readers: int, seconds: float, writer: str) -> tuple[dict, dict, float, float]:
    out = {n: [] for n in reads}
    errors = {n: 0 for n in reads}
    paths = list(reads.items())
    t0 = time.monotonic()
    wrote, *_ = await asyncio.gather(watch(base, writer, t0 + seconds, t0), *(reader(base, paths, t0 + seconds, out, errors, k) for k in range(readers)))
    return out, errors, time.monotonic() - t0, wrote


def table(out: dict, errors: dict, elapsed: float) -> list[dict]:
    rows = []
    for name in list(out) + ["all"]:
        xs = [x for v in out.values() for x in v] if name == "all" else out[name]
        errs = sum(errors.values()) if name == "all" else errors[name]
        rows.append({"read": name, "requests": len(xs) + errs, "rps": round((len(xs) + errs) / elapsed, 1), "p50_ms": round(pct(xs, 50), 1),
                     "p95_ms": round(pct(xs, 95), 1), "p99_ms": round(pct(xs, 99), 1), "errors": errs})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--readers", type=int, default=50)
    ap.add_argument("--inputs", type=Path, default=ROOT / "examples" / "kursk", help="a folder of article files, or a JSONL file (the first half is the seed, the rest is written under load)")
    ap.add_argument("--json", type=Path, help="also write the table here")
    args = ap.parse_args(argv)
    seed, later = batches(args.inputs)
    token, port = secrets.token_urlsafe(16), free_port()
    base = f"http://{HOST}:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        proc = start_server(Path(tmp) / "rashomon.db", port, token)
        try:
            wait_up(base, proc)
            t = time.perf_counter()
            seeded = wait_job(base, post_articles(base, token, seed))
            print(f"seed: {len(seed)} articles, job {seeded['state']} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
            reads = targets(base)
            writer = post_articles(base, token, later)
            out, errors, elapsed, wrote = asyncio.run(load(base, reads, args.readers, args.seconds, writer))
            still = httpx.get(f"{base}/api/jobs/{writer}", timeout=30).json()["state"]
            wait_job(base, writer)
        finally:
            proc.terminate()
            proc.wait(30)
    rows = table(out, errors, elapsed)
    print(f"{args.readers} readers for {elapsed:.1f} s on {HOST}; the writer job ({len(later)} articles) wrote during the first "
          f"{wrote:.1f} s of the load (at the end: {still})")
    print(f"{'read':<14}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for r in rows:
        print(f"{r['read']:<14}{r['requests']:>10}{r['rps']:>9}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['p99_ms']:>9}{r['errors']:>8}")
    if args.json:
        by = {r["read"]: r for r in rows}
        metrics = {"errors": by["all"]["errors"], "requests_per_s": by["all"]["rps"], "event_page_p95_ms": by["event page"]["p95_ms"],
                   "all_p95_ms": by["all"]["p95_ms"], "all_p99_ms": by["all"]["p99_ms"]}
        args.json.write_text(json.dumps({"metrics": metrics, "readers": args.readers, "seconds": elapsed, "writer_seconds": wrote,
                                         "writer_state_at_end": still, "rows": rows}, indent=1))
    return 0 if all(r["errors"] == 0 for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
