"""The workspace store without the NLP models: schema migration, jobs, stable event ids, search
on hand-made rows, WAL reads during a write. Each store test runs on SQLite and PostgreSQL."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import select, text

from rashomon.errors import StoreURLError
from rashomon.models import Article, ArticleAnnotations, Claim, Event
from rashomon.store import content_hash, open_store
from rashomon.store.db import open_engines, resolve_url
from rashomon.store.events import assign_ids
from rashomon.store.jobs import INTERRUPTED
from rashomon.store.schema import VERSION, articles, current_version, jobs, migrate

BODY = "The harbour bridge reopened on Monday. Officials said the repairs cost four million dollars."


def _v1_article_row() -> dict:
    """An article row as version 1 of the schema stored it, with one claim in its annotations."""
    start = BODY.index("the repairs")
    claim = Claim(id=f"c:bridge:{start}-{len(BODY)}", article="bridge", text=BODY[start:], start=start, end=len(BODY))
    ann = ArticleAnnotations(article="bridge", claims=[claim])
    art = Article(id="bridge", title="Bridge reopens", text=BODY)
    return dict(id="bridge", content_hash=content_hash(BODY), seq=1, added_at="2026-01-01T00:00:00+00:00", title=art.title, outlet=None,
                url=None, published=None, text=BODY, raw="<p>" + BODY + "</p>", record=art.model_dump_json(), annotations=ann.model_dump_json())


def test_a_store_written_at_schema_version_1_is_migrated_and_keeps_its_articles(store_url):
    engines = open_engines(store_url)
    migrate(engines.write, target=1)
    with engines.write.begin() as conn:
        assert current_version(conn) == 1
        conn.execute(articles.insert().values(**_v1_article_row()))
    engines.write.dispose()
    store = open_store(store_url)
    try:
        with store._read() as conn:
            assert current_version(conn) == VERSION == 3
        a = store.article("bridge")
        assert a is not None and a.text == BODY and a.raw == "<p>" + BODY + "</p>"
        hits = store.search("repairs", kind="claims")
        assert [h.id for h in hits] == [f"c:bridge:{BODY.index('the repairs')}-{len(BODY)}"]
        assert BODY[hits[0].start:hits[0].end] == BODY[BODY.index("the repairs"):]
        art_hits = store.search("harbour", kind="articles")
        assert [h.id for h in art_hits] == ["bridge"] and BODY[art_hits[0].start:art_hits[0].end] == "harbour"
    finally:
        store.close()


def test_search_matches_word_beginnings_and_ignores_query_syntax(store_url):
    engines = open_engines(store_url)
    migrate(engines.write, target=1)
    with engines.write.begin() as conn:
        conn.execute(articles.insert().values(**_v1_article_row()))
    engines.write.dispose()
    with open_store(store_url) as store:
        assert [h.id for h in store.search("reopen", kind="articles")] == ["bridge"]
        assert store.search('"bridge" (', kind="articles")[0].id == "bridge"
        assert store.search("tunnel") == []
        with pytest.raises(ValueError):
            store.search("bridge", kind="people")


def test_jobs_keep_their_state_and_progress_across_opens(store_url):
    with open_store(store_url) as store:
        jid = store.create_job("add", 3, {"inputs": ["a.txt"]})
        assert store.get_job(jid)["state"] == "queued" and store.pending_jobs()[0]["id"] == jid
        store.update_job(jid, state="done", done=3, errors=[{"path": "b.txt", "code": "empty", "message": "no text"}])
    with open_store(store_url) as store:
        job = store.get_job(jid)
        assert (job["state"], job["done"], job["total"], job["payload"]) == ("done", 3, 3, {"inputs": ["a.txt"]})
        assert job["errors"][0]["path"] == "b.txt" and store.pending_jobs() == []
        assert store.get_job("no-such-job") is None


def test_a_job_left_running_by_a_dead_process_is_failed_on_open_but_a_live_ones_is_kept(store_url):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    with open_store(store_url) as store:
        gone = store.create_job("add", 2, {})
        live = store.create_job("add", 2, {})
        store.update_job(gone, state="running", done=1)
        store.update_job(live, state="running")
        with store._write() as conn:
            conn.execute(jobs.update().where(jobs.c.id == gone).values(owner=f"{__import__('socket').gethostname()}:{dead}"))
    with open_store(store_url) as store:
        job = store.get_job(gone)
        assert (job["state"], job["reason"], job["done"]) == ("failed", INTERRUPTED, 1)
        assert store.get_job(live)["state"] == "running"  # this test process still runs it


def test_an_unknown_store_address_is_refused_with_its_code():
    with pytest.raises(StoreURLError) as e:
        resolve_url("mysql://localhost/x")
    assert e.value.code == "R402"
    assert resolve_url("work/rashomon.db") == "sqlite:///work/rashomon.db"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def test_readers_keep_reading_while_a_write_transaction_is_open(tmp_path):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    with open_store(url) as store:
        jid = store.create_job("add", 1, {})
        with store._write() as conn:  # a long write: the job is running, not yet committed
            conn.execute(jobs.update().where(jobs.c.id == jid).values(state="running"))
            assert store.get_job(jid)["state"] == "queued"  # the reader sees the last commit, unblocked
        assert store.get_job(jid)["state"] == "running"
        with store._read() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def _ev(eid: str, arts: list[str]) -> Event:
    return Event(id=eid, label=eid, articles=arts)


def test_an_event_that_grows_keeps_its_stable_id():
    stored = [{"id": "ev-old", "articles": ["a", "b"], "created_seq": 1}]
    mapping, aliases = assign_ids([_ev("E1", ["a", "b", "c"])], stored, {}, {"ev-old"})
    assert mapping == {"E1": "ev-old"} and aliases == {}


def test_two_events_that_merge_keep_the_larger_ones_id_and_alias_the_other():
    stored = [{"id": "ev-x", "articles": ["a"], "created_seq": 1}, {"id": "ev-y", "articles": ["b", "c"], "created_seq": 2}]
    mapping, aliases = assign_ids([_ev("E1", ["a", "b", "c", "d"])], stored, {}, {"ev-x", "ev-y"})
    assert mapping == {"E1": "ev-y"} and aliases == {"ev-x": "ev-y"}


def test_a_split_event_keeps_its_id_on_the_part_with_most_of_its_articles_and_the_rest_is_new():
    stored = [{"id": "ev-x", "articles": ["a", "b", "c"], "created_seq": 1}]
    hashes = {"a": "h1", "b": "h2", "c": "h3"}
    mapping, _ = assign_ids([_ev("E1", ["c"]), _ev("E2", ["a", "b"])], stored, hashes, {"ev-x"})
    assert mapping["E2"] == "ev-x" and mapping["E1"].startswith("ev-") and mapping["E1"] != "ev-x"
    again, _ = assign_ids([_ev("E7", ["c"])], [], hashes, set())
    assert again["E7"] == mapping["E1"]  # a new id depends on the event's articles only


def _stored(store, aid: str, body: str) -> str:
    art = Article(id=aid, text=body)
    return store._store_article(art, content_hash(body), art.model_dump_json(), None, ArticleAnnotations(article=aid))


def test_a_second_writer_storing_the_same_text_or_id_meanwhile_is_told_not_overwritten(store_url):
    with open_store(store_url) as a, open_store(store_url) as b:
        assert _stored(a, "bridge", BODY) == "stored"
        assert _stored(b, "bridge-copy", BODY) == "duplicate"
        assert _stored(b, "bridge", BODY + " More.") == "id_taken"
        assert a.article_ids() == ["bridge"] and a.article("bridge").text == BODY


def test_a_linking_read_before_another_writer_added_an_article_is_not_saved(store_url):
    from rashomon.models import Dossier

    with open_store(store_url) as a, open_store(store_url) as b:
        _stored(a, "bridge", BODY)
        with a._read() as conn:
            seen = a._get(conn, "articles_version")
        _stored(b, "tunnel", "The tunnel stayed closed on Monday while engineers inspected it.")
        stale = Dossier(articles=[Article(id="bridge", text=BODY)], events=[_ev("E1", ["bridge"])])
        assert a._save_linking(stale, {"bridge": content_hash(BODY)}, seen) == ([], [])
        assert a.needs_linking() and a.events() == []
