"""Settings given to ``analyze`` reach the corpus stages and the worker processes."""
from __future__ import annotations

import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor

import rashomon
from rashomon.engine.pool import _init_worker
from rashomon.settings import Settings, current

FLOOD_A = ("The river flooded the town of Marlow on Monday, the mayor said. "
           "Rescue teams evacuated 300 residents from the lower streets.")
FLOOD_B = ("The mayor said the river flooded the town of Marlow on Monday. "
           "About 300 residents were evacuated from the lower streets by rescue teams.")


def _write(tmp_path):
    (tmp_path / "a.txt").write_text(FLOOD_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FLOOD_B, encoding="utf-8")
    return tmp_path


def _multi_article_clusters(d):
    by_claim = {c.id: c.article for c in d.claims}
    return [k for k in d.clusters if len({by_claim[c] for c in k.claims}) > 1]


def test_analyze_settings_dict_changes_what_the_cluster_stage_merges(tmp_path):
    folder = _write(tmp_path)
    default = rashomon.analyze([folder])
    assert _multi_article_clusters(default), "the two tellings share a proposition under the default cut"
    strict = rashomon.analyze([folder], settings={"clusters": {"link": 5.0, "cluster": 5.0, "learned_link": 5.0,
                                                                 "learned_cluster": 5.0}})
    assert _multi_article_clusters(strict) == []
    assert len(strict.claims) == len(default.claims)


def test_worker_processes_receive_the_run_settings():
    wanted = Settings(clusters={"link": 0.41}, engine={"prefetch": False})
    with ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn"), initializer=_init_worker,
                             initargs=(wanted,)) as pool:
        got = pool.submit(current).result()
    assert got == wanted and got != Settings()
