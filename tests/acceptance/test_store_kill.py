"""Nothing lost: ``rashomon add`` killed (SIGKILL) in the middle of a batch leaves only whole
articles in the store, and running the same ``add`` again completes the batch (SQLite and
PostgreSQL)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from rashomon.store import open_store
from rashomon.store.db import resolve_url

SRC = Path(__file__).resolve().parents[2] / "src"


def _count(engine) -> int:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM articles")).scalar()
    except Exception:  # noqa: BLE001 - not created or not migrated yet
        return 0


def test_a_killed_add_leaves_whole_articles_and_the_same_add_again_finishes_the_batch(store_url, kursk_dir, kursk_dossier):
    env = {**os.environ, "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "rashomon.cli", "add", str(kursk_dir), "--db", store_url, "--quiet", "--jobs", "1"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    probe = create_engine(resolve_url(store_url))
    deadline = time.monotonic() + 300
    while _count(probe) < 1 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    probe.dispose()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode()[-2000:]

    store = open_store(store_url)
    try:
        with store._read() as conn:
            rows = conn.execute(text("SELECT id, annotations FROM articles")).all()
            claim_rows = dict(conn.execute(text("SELECT article, count(*) FROM claims GROUP BY article")).all())
        assert 1 <= len(rows) <= 5
        for aid, ann in rows:  # every stored article came with its annotations and its claims' search rows
            assert claim_rows.get(aid, 0) == len(json.loads(ann)["claims"]) > 0
        assert store.needs_linking() or len(rows) == 5  # killed before the linking
        again = store.add([kursk_dir])
        assert len(again.added) == 5 - len(rows) and sorted(again.skipped) == sorted(r[0] for r in rows)
        assert not store.needs_linking()
        plain = lambda d: d.model_dump(mode="json", exclude={"run"})  # noqa: E731
        assert plain(store.dossier()) == plain(kursk_dossier)
        assert {h.article for h in store.search("Kursk", kind="articles", limit=10)} == {a.id for a in kursk_dossier.articles}
    finally:
        store.close()
