"""The Dask engine (engine/dask_engine.py) on one two-worker LocalCluster shared by this module: the
seed articles give the inline dossier; a failing article is retried once, then named, and the rest
of its batch is kept; articles are drawn from the input stream only as the workers have room; a
worker killed mid-run loses no article and repeats none."""
from __future__ import annotations

import logging
import os
import signal
from contextlib import contextmanager
from pathlib import Path

import pytest

import rashomon
from rashomon.api import Progress
from rashomon.engine.dask_engine import DaskEngine
from rashomon.ingest import read_inputs

KURSK = Path(__file__).resolve().parents[2] / "examples" / "kursk"
TEXT = ("The harbour authority said on Tuesday that the north pier would stay closed for three more weeks. "
        "Engineers found cracks in two pillars last month, the authority said. ")


@pytest.fixture(scope="module")
def cluster():
    """``(scheduler address, client)`` of a LocalCluster of two single-thread worker processes."""
    import distributed

    cl = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR)
    client = distributed.Client(cl)
    try:
        yield cl.scheduler_address, client
    finally:
        client.close()
        cl.close()


def _dask(address: str, batch: int) -> dict:
    return {"engine": {"kind": "dask", "scheduler": address, "dask_batch": batch}}


@contextmanager
def _boom_and_flaky(client, marker: Path):
    """In each worker, while the block runs: the article "boom" always fails, "flaky" fails on its
    first try only (``marker`` records that try)."""
    def patch():
        import rashomon.extract.quantities as q

        real = getattr(q, "_real_extract", q.extract_quantities)
        q._real_extract = real

        def extract(state):
            if state.article.id == "boom":
                raise RuntimeError("stage broke on this text")
            if state.article.id == "flaky" and not marker.exists():
                marker.touch()
                raise RuntimeError("first try broke")
            return real(state)

        q.extract_quantities = extract

    def unpatch():
        import rashomon.extract.quantities as q

        q.extract_quantities = q._real_extract

    client.run(patch)
    try:
        yield
    finally:
        client.run(unpatch)


def _comparable(dossier) -> dict:
    data = dossier.model_dump(mode="json")
    data["run"].pop("stages")  # timings
    return data


def test_two_workers_give_the_inline_dossier_of_the_seed_articles(cluster, kursk_dossier):
    address, _ = cluster
    done: list[str] = []
    d = rashomon.analyze([KURSK], settings=_dask(address, 2), progress=Progress(on_article_done=done.append))
    assert sorted(done) == sorted(a.id for a in kursk_dossier.articles)
    assert _comparable(d) == _comparable(kursk_dossier)


def test_a_failing_article_is_retried_once_then_named_and_its_batch_kept(cluster, tmp_path):
    address, client = cluster
    client.wait_for_workers(2)
    marker = tmp_path / "flaky-failed-once"

    with _boom_and_flaky(client, marker):
        d = rashomon.analyze([{"id": "boom", "text": TEXT}, {"id": "flaky", "text": TEXT.replace("Tuesday", "Monday")},
                              {"id": "fine", "text": TEXT.replace("three", "four")}], settings=_dask(address, 3))
    assert marker.exists()
    assert sorted(a.id for a in d.articles) == ["fine", "flaky"]  # the dossier lists articles by id
    (err,) = d.run.errors
    assert err.code == "analysis_failed" and "'boom'" in err.message and "stage broke" in err.message


def test_articles_are_drawn_from_the_stream_only_as_workers_have_room(cluster):
    address, client = cluster
    client.wait_for_workers(2)
    articles = read_inputs([KURSK]).articles
    drawn: list[str] = []
    at_first_result: list[int] = []

    def stream():
        for a in articles:
            drawn.append(a.id)
            yield a

    def on_result(ann):
        if not at_first_result:
            at_first_result.append(len(drawn))

    out, _ = DaskEngine(scheduler=address, batch=1, queue=1).annotate(stream(), on_result=on_result)
    # two single-thread workers x one task in flight x one article a task: two drawn before any result
    assert at_first_result == [2]
    assert set(out) == {a.id for a in articles}


def test_a_worker_killed_mid_run_leaves_every_article_analysed_once(cluster):
    address, client = cluster
    client.wait_for_workers(2)
    articles = read_inputs([KURSK]).articles
    pids = client.run(os.getpid)
    seen: list[str] = []
    killed: list[str] = []

    def on_result(ann):
        seen.append(ann.article)
        if not killed:  # after the first article: kill the worker that holds the most tasks
            busy = {w: len(keys) for w, keys in client.processing().items() if keys}
            victim = max(busy or pids, key=lambda w: busy.get(w, 0))
            os.kill(pids[victim], signal.SIGKILL)
            killed.append(victim)

    failed: dict[str, str] = {}
    out, timings = DaskEngine(scheduler=address, batch=1).annotate(iter(articles), on_result=on_result, failed=failed)
    assert killed
    assert sorted(seen) == sorted(a.id for a in articles)  # each article reported once
    assert set(out) == {a.id for a in articles} and failed == {}
    assert all(out[a.id].claims for a in articles)
    assert "parse" in {t.name for t in timings}


def test_rashomon_add_with_engine_dask_stores_what_the_workers_analysed(cluster, tmp_path):
    from typer.testing import CliRunner

    from rashomon.cli import app
    from rashomon.store import open_store

    address, _ = cluster
    src = tmp_path / "pier.txt"
    src.write_text(TEXT, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'ws.db'}"
    res = CliRunner().invoke(app, ["add", str(src), "--db", db, "--engine", "dask", "--scheduler", address, "--quiet"])
    assert res.exit_code == 0, res.output
    with open_store(db) as store:
        assert store.article_ids() == ["pier"]
        claims = store.dossier().claims
        text = store.article("pier").text
        assert claims and all(text[c.start:c.end] == c.text for c in claims)


DEV = Path(__file__).resolve().parents[3] / "shared" / "gold" / "dev"


@pytest.mark.skipif(not DEV.is_dir(), reason=f"{DEV} is absent: the public dev clusters are needed for this check")
def test_two_workers_give_the_inline_dossier_of_the_dev_clusters_in_one_batch(cluster):
    """All eight public dev clusters (56 articles of real news) in one batch: the Dask engine's
    dossier is the inline engine's, timings aside."""
    address, _ = cluster
    inputs = sorted(DEV.glob("*/input.jsonl"))
    assert len(inputs) >= 4, f"dev clusters missing under {DEV}"
    inline = rashomon.analyze(inputs, settings={"engine": {"kind": "inline"}})
    dask = rashomon.analyze(inputs, settings=_dask(address, 4))
    assert not dask.run.errors and len(dask.articles) == len(inline.articles) >= 28
    assert _comparable(dask) == _comparable(inline)


def test_workers_write_the_seed_articles_to_postgresql_and_the_client_links_the_inline_dossier(cluster, pg_server, kursk_dossier):
    """``add --engine dask`` on a PostgreSQL store: each worker writes its articles through its own
    connection (the store plugin is on every worker), the client gets ids and statuses only, links
    from the store, and the dossier is the inline one."""
    from rashomon.store import open_store
    from rashomon.store.workers import PLUGIN

    address, client = cluster
    client.wait_for_workers(2)
    files = sorted(p for p in KURSK.iterdir() if p.is_file())
    with open_store(pg_server.database()) as store:
        result = store.add(files, settings=_dask(address, 2))
        assert all(client.run(lambda dask_worker: PLUGIN in dask_worker.plugins).values())
        assert sorted(result.added) == sorted(a.id for a in kursk_dossier.articles) and not result.errors
        assert result.linked and not store.needs_linking()
        assert store.dossier().model_dump(mode="json", exclude={"run"}) == kursk_dossier.model_dump(mode="json", exclude={"run"})
        again = store.add(files, settings=_dask(address, 2))
        assert again.added == [] and sorted(again.skipped) == sorted(result.added)


def test_an_article_that_fails_on_a_store_writing_worker_is_retried_once_then_named(cluster, pg_server, tmp_path):
    address, client = cluster
    client.wait_for_workers(2)
    marker = tmp_path / "flaky-failed-once"

    from rashomon.store import open_store

    with _boom_and_flaky(client, marker), open_store(pg_server.database()) as store:
        result = store.add([{"id": "boom", "text": TEXT}, {"id": "flaky", "text": TEXT.replace("Tuesday", "Monday")},
                            {"id": "fine", "text": TEXT.replace("three", "four")}], settings=_dask(address, 3))
        stored = store.article_ids()
    assert marker.exists()
    assert sorted(result.added) == sorted(stored) == ["fine", "flaky"]
    (err,) = result.errors
    assert err.code == "analysis_failed" and "'boom'" in err.message and "stage broke" in err.message
