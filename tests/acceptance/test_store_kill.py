"""Nothing lost: ``rashomon add`` killed (SIGKILL) in the middle of a batch leaves only whole
articles in the store, and running the same ``add`` again completes the batch."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from rashomon.store import open_store

SRC = Path(__file__).resolve().parents[2] / "src"


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


def test_a_killed_add_leaves_whole_articles_and_the_same_add_again_finishes_the_batch(tmp_path, kursk_dir, kursk_dossier):
    db = tmp_path / "rashomon.db"
    env = {**os.environ, "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen([sys.executable, "-m", "rashomon.cli", "add", str(kursk_dir), "--db", str(db), "--quiet", "--jobs", "1"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while _count(db) < 1 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode()[-2000:]

    store = open_store(f"sqlite:///{db}")
    try:
        with sqlite3.connect(db) as conn:
            rows = conn.execute("SELECT id, annotations FROM articles").fetchall()
            claim_rows = dict(conn.execute("SELECT article, count(*) FROM claims GROUP BY article").fetchall())
            indexed = {r[0] for r in conn.execute("SELECT id FROM articles_fts")}
        assert 1 <= len(rows) <= 5
        for aid, ann in rows:  # every stored article came with its annotations, claims and index entry
            assert claim_rows.get(aid, 0) == len(json.loads(ann)["claims"]) > 0 and aid in indexed
        if len(rows) < 5:
            assert store.needs_linking()
        again = store.add([kursk_dir])
        assert len(again.added) == 5 - len(rows) and sorted(again.skipped) == sorted(r[0] for r in rows)
        assert not store.needs_linking()
        plain = lambda d: d.model_dump(mode="json", exclude={"run"})  # noqa: E731
        assert plain(store.dossier()) == plain(kursk_dossier)
    finally:
        store.close()
