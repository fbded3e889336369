"""Shared plumbing for the benchmark commands (see BENCHMARKS.md in the design notes).

Every benchmark is ``python benchmarks/NAME.py [--data DIR] [--split SPLIT] [--json OUT.json]``:
it reads its data from ``../shared/bench/<folder>`` by default, says so and exits 0 when the data
is absent, prints a table of metrics, and with ``--json`` writes
``{"benchmark", "split", "metrics", "n", "seconds"}``.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
sys.path.insert(0, str(ROOT / "src"))


def bench_args(name: str, folder: str, default_split: str = "dev", extra=None, description: str = ""):
    """Parse the common options; ``extra(parser)`` may add more. Returns ``args`` with ``args.data``
    a Path and ``args.t0`` the start time. Exits 0 with a message when the data folder is absent."""
    p = argparse.ArgumentParser(prog=f"benchmarks/{name}.py", description=description)
    p.add_argument("--data", type=Path, default=BENCH / folder, help=f"data folder (default ../shared/bench/{folder})")
    p.add_argument("--split", default=default_split, help=f"split to measure (default {default_split})")
    p.add_argument("--json", type=Path, default=None, help="also write the metrics as JSON to this file")
    if extra:
        extra(p)
    args = p.parse_args()
    if not args.data.exists():
        print(f"{name}: data folder {args.data} is absent; nothing to measure.")
        sys.exit(0)
    args.t0 = time.perf_counter()
    args.name = name
    return args


def finish(args, metrics: dict, n: int, title: str | None = None) -> None:
    """Print ``metrics`` as a table and write the JSON file when ``--json`` was given."""
    seconds = round(time.perf_counter() - args.t0, 2)
    try:
        from rich.console import Console
        from rich.table import Table

        t = Table(title=title or f"{args.name} ({args.split}, n={n}, {seconds}s)")
        t.add_column("metric")
        t.add_column("value", justify="right")
        for k, v in metrics.items():
            t.add_row(k, f"{v:.4f}" if isinstance(v, float) else str(v))
        Console().print(t)
    except ImportError:  # pragma: no cover
        for k, v in metrics.items():
            print(f"{k}\t{v}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"benchmark": args.name, "split": args.split, "metrics": metrics, "n": n,
                                         "seconds": seconds}, indent=1), encoding="utf-8")
