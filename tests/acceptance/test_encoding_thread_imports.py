"""No import race between the background encoding thread and the main thread's linking imports
(it once died with "cannot import name 'clone' from partially initialized module
'sklearn.base'", about one run in twenty): the encoding thread is started and the linking
modules imported at once, several times, each in a fresh interpreter. The race itself is rare,
so each run also records which thread first imports each module of the libraries both sides use
(scikit-learn, SciPy, and torch itself; torch's own lazily loaded parts are the encoder's
alone): none may be imported first by the encoding thread."""
from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

SCRIPT = r"""
import sys, threading
first_by = {}

class Witness:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("sklearn", "scipy") or name == "torch":
            first_by.setdefault(name, threading.current_thread().name)
        return None

sys.meta_path.insert(0, Witness())
from rashomon.engine.base import Background
from rashomon.models import Article, ArticleAnnotations, Claim
from rashomon.pipeline import ARTICLE_STAGES, split_background
text = "The bridge will reopen next week."
bg = Background(split_background(ARTICLE_STAGES)[1], threaded=True)
bg.submit(Article(id="a", text=text), ArticleAnnotations(article="a", claims=[Claim(id="c0", article="a", text=text, start=0, end=len(text))]), [])
import rashomon.link.features, rashomon.link.events, rashomon.link.clusters, rashomon.link.relations
from sklearn.feature_extraction.text import TfidfVectorizer
from scipy.cluster.hierarchy import linkage
done = list(bg.drain())
bg.close()
assert done and "c0" in done[0][0].claim_vectors, "the encoding thread failed: " + repr(bg.failed)
late = sorted(n for n, t in first_by.items() if t != "MainThread")
assert not late, "imported first by the encoding thread: " + ", ".join(late[:10])
print("ok")
"""

RUNS = int(os.environ.get("RASHOMON_RACE_RUNS", "6"))


@pytest.mark.slow
def test_encoding_thread_and_linking_imports_never_race():
    env = dict(os.environ, PYTHONFAULTHANDLER="1")

    def one(_):
        r = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=300)
        return r.returncode, r.stdout + r.stderr[-2000:]

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(one, range(RUNS)))
    bad = [out for rc, out in results if rc != 0 or "ok" not in out]
    assert bad == [], bad[0]
