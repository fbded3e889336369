"""Check the workspace invariant on JSONL batches: adding the articles one at a time, in a shuffled
order, to a fresh store gives the same dossier (run report aside) as one ``analyze`` run on all
of them; also in a second store, the whole batch added in reverse order.

Usage: ``python scripts/store_invariant.py INPUT.jsonl... [--seed N]``. Prints one line per
file (equal or the dossier fields that differ) and exits 1 when any differs. Reads the files it
is given only (e.g. the public dev clusters' input.jsonl); writes stores to a temporary folder.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

from rashomon.api import analyze
from rashomon.store import open_store


def plain(d) -> dict:
    """The dossier without run metadata: the run report, and each article's ``source`` (where it
    was read from in that call: ``input[3]`` of a batch is ``input[0]`` when added alone)."""
    return d.model_dump(mode="json", exclude={"run": True, "articles": {"__all__": {"source"}}})


def check(path: Path, seed: int, tmp: Path, settings: Optional[dict] = None) -> list[str]:
    """The dossier fields that differ (empty: the invariant holds); ``settings`` go to every
    ``analyze`` and ``add`` call (e.g. ``{"events": {"partition": True}}``)."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.perf_counter()
    whole = plain(analyze(records, settings=settings))
    t1 = time.perf_counter()
    order = records[:]
    random.Random(seed).shuffle(order)
    with open_store(f"sqlite:///{tmp / (path.parent.name + '-one.db')}") as store:
        for rec in order:
            store.add(rec, settings=settings)
        one = plain(store.dossier())
        n_events = len(store.events())
    t2 = time.perf_counter()
    with open_store(f"sqlite:///{tmp / (path.parent.name + '-batch.db')}") as store:
        store.add(records[::-1], settings=settings)
        batch = plain(store.dossier())
    diff = [k for k in whole if whole[k] != one[k]] + [f"batch:{k}" for k in whole if whole[k] != batch[k]]
    print(f"{path.parent.name}: {len(records)} articles, {n_events} events; analyze {t1 - t0:.1f}s, one at a time {t2 - t1:.1f}s; "
          + ("equal" if not diff else "DIFFERENT: " + ", ".join(diff)), flush=True)
    return diff


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", type=Path)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--partition", action="store_true", help="link storyline by storyline (setting events.partition)")
    args = ap.parse_args()
    settings = {"events": {"partition": True}} if args.partition else None
    with tempfile.TemporaryDirectory() as tmp:
        bad = [p for p in args.inputs if check(p, args.seed, Path(tmp), settings)]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
