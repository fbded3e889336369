"""The workspace store on the seed articles, on SQLite (articles added one at a time, in reverse
order) and on PostgreSQL (one batch, reverse order): the stored dossier is the one ``analyze``
gives on all articles at once; events, search, clusters and export read it back."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.store import open_store
from rashomon.store.events import slice_dossier


def _plain(d) -> dict:
    return d.model_dump(mode="json", exclude={"run"})


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def kursk_store(request, tmp_path_factory, kursk_dir, nlp):
    files = sorted(p for p in kursk_dir.iterdir() if p.is_file())[::-1]
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('ws') / 'rashomon.db'}"
        store = open_store(url)
        results = [store.add(f) for f in files]
    else:
        url = request.getfixturevalue("pg_server").database()
        store = open_store(url)
        results = [store.add(files)]
    yield store, results, url
    store.close()


def test_a_workspace_built_in_any_order_gives_the_dossier_of_one_analyze_run(kursk_store, kursk_dossier):
    store, results, _ = kursk_store
    assert sorted(a for r in results for a in r.added) == sorted(a.id for a in kursk_dossier.articles)
    assert _plain(store.dossier()) == _plain(kursk_dossier)
    for ev in store.events():
        assert _plain(store.dossier(ev.id)) == _plain(slice_dossier(kursk_dossier, ev.dossier_id))


def test_adding_stored_articles_again_analyses_and_links_nothing(kursk_store, kursk_dir):
    store, _, _ = kursk_store
    again = store.add([kursk_dir])
    assert again.added == [] and len(again.skipped) == 5 and again.linked is False and again.events == []


def test_events_list_every_article_once_under_stable_ids(kursk_store):
    store, results, _ = kursk_store
    evs = store.events()
    assert sum(e.n_articles for e in evs) == 5
    assert all(e.id.startswith("ev-") and store.resolve_event(e.id) == e.id and e.updated_at for e in evs)
    assert set(results[-1].events) <= {e.id for e in evs}
    assert store.event(evs[0].id) == evs[0] and store.event("ev-none") is None
    with pytest.raises(KeyError):
        store.dossier("ev-none")


def test_claim_and_article_search_hits_point_at_their_text(kursk_store):
    store, _, _ = kursk_store
    claims = {c.id: c for c in store.dossier().claims}
    hits = store.search("Kursk", kind="claims", limit=5)
    assert hits and all(h.kind == "claim" for h in hits)
    for h in hits:
        assert store.article(h.article).text[h.start:h.end] == claims[h.id].text
    art_hits = store.search("kursk region", kind="articles", limit=3)
    assert art_hits and all(store.article(h.article).text[h.start:h.end].lower().startswith(("kursk", "region")) for h in art_hits)


def test_a_cluster_view_gives_claim_evidence_and_a_history_that_starts_with_the_first_report(kursk_store):
    store, _, _ = kursk_store
    biggest = max(store.dossier().clusters, key=lambda k: len(k.claims))
    view = store.cluster(biggest.id)
    assert {c.id for c in view.claims} == set(biggest.claims)
    for c in view.claims:
        assert store.article(c.article).text[c.start:c.end] == c.text
    assert view.history[0].step == "first_reported"
    assert sum(h.step == "repeated" for h in view.history) == len(biggest.claims) - 1
    assert view.event in {e.id for e in store.events()}
    assert store.cluster("no-such-cluster") is None


def test_an_article_keeps_its_raw_text_and_annotations(kursk_store, kursk_dossier):
    store, _, _ = kursk_store
    first = kursk_dossier.articles[0]
    art, ann = store.article(first.id), store.annotations(first.id)
    assert art.text == first.text and art.raw
    assert {c.id for c in ann.claims} == {c.id for c in kursk_dossier.claims if c.article == first.id}
    assert store.article("no-such-article") is None


def test_export_writes_one_events_dossier_and_reports(kursk_store, tmp_path):
    store, _, url = kursk_store
    ev = store.events()[0]
    res = CliRunner().invoke(app, ["export", "--db", url, "--event", ev.id, "--out", str(tmp_path), "--quiet"])
    assert res.exit_code == 0, res.output
    written = json.loads((tmp_path / "dossier.json").read_text(encoding="utf-8"))
    written.pop("run")
    histories = written.pop("histories")
    d = store.dossier(ev.id)
    assert {**written, "histories": None} == _plain(d)
    assert (tmp_path / "report.html").is_file() and (tmp_path / "claims.csv").is_file()
    # each cluster's history, under its stable id; its first step is the first report
    assert [h["cluster"] for h in histories] == [k.id for k in d.clusters]
    ids = store.cluster_ids()
    assert all(h["stable_id"] == ids[h["cluster"]] and h["steps"][0]["step"] == "first_reported" for h in histories)
