"""The JSON API and pages of `rashomon serve` on a real SQLite workspace (fastapi's TestClient,
one store and one added batch for the whole module): every endpoint, the token (401/403),
read-only servers, size limits (413), bad JSON and bad files (400/422 naming the file), a job
that fails, escaped article text, and a restart with an interrupted and a queued job. The module
runs once on SQLite and once on a throwaway PostgreSQL server (``pg_server`` in tests/conftest.py)."""
from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from fastapi.testclient import TestClient

from rashomon.store import open_store
from rashomon.web import create_app

TOKEN = "test-token-1"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLES = [
    {"id": "harbour-a", "outlet": "Coast Daily", "published": "2026-03-02", "title": "Harbour fire closes port",
     "text": "A fire broke out at the northern harbour on Monday night. The port authority said the fire destroyed three warehouses. "
             "Fire chief Anna Berg said the blaze was started deliberately. Residents said <script>alert('x')</script> smoke covered the town."},
    {"id": "harbour-b", "outlet": "Evening Post", "published": "2026-03-03", "title": "Port fire was an accident, owner says",
     "text": "The owner of the harbour warehouses said the fire was an accident caused by faulty wiring. "
             "The port authority said the fire destroyed three warehouses at the northern harbour. Nobody was hurt, police said."},
]


def wait(client, job: str, timeout: float = 300) -> dict:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        j = client.get(f"/api/jobs/{job}").json()
        if j["state"] in ("done", "failed"):
            return j
        time.sleep(0.2)
    raise AssertionError(f"job {job} did not finish")


def fresh_url(request, tmp_path_factory, name: str) -> str:
    """A new, empty store on the backend of ``request.param``."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('web') / name}"
    return request.getfixturevalue("pg_server").database()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served(request, tmp_path_factory):
    store = open_store(fresh_url(request, tmp_path_factory, "ws.db"))
    app = create_app(store, token=TOKEN)
    with TestClient(app) as client:
        r = client.post("/api/articles", json={"articles": ARTICLES}, headers=AUTH)
        assert r.status_code == 202, r.text
        job = wait(client, r.json()["job"])
        yield client, store, job, lambda: fresh_url(request, tmp_path_factory, "restart.db")
    store.close()


def test_health_says_the_server_is_up_and_writable(served):
    client, *_ = served
    r = client.get("/api/health")
    assert r.status_code == 200 and r.json()["status"] == "ok" and r.json()["read_only"] is False


def test_posted_articles_run_as_a_job_that_reports_progress(served):
    _, _, job, _ = served
    assert job["state"] == "done" and job["done"] == job["total"] == 2 and job["errors"] == []


def test_events_list_and_event_dossier(served):
    client, *_ = served
    events = client.get("/api/events").json()
    assert sum(e["n_articles"] for e in events) == 2
    ev = events[0]
    r = client.get(f"/api/events/{ev['id']}/dossier")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    d = r.json()
    assert d["format"] == "rashomon.dossier/1" and {a["id"] for a in d["articles"]} <= {"harbour-a", "harbour-b"}
    assert client.get("/api/events/no-such-event/dossier").status_code == 404


def test_claim_search_and_claim_view(served):
    client, *_ = served
    hits = client.get("/api/claims", params={"q": "warehouses"}).json()
    assert hits and all(h["kind"] == "claim" for h in hits)
    h = hits[0]
    art = client.get(f"/api/events/{h['event']}/dossier").json()
    text = next(a["text"] for a in art["articles"] if a["id"] == h["article"])
    assert "warehouses" in text[h["start"]:h["end"]]
    cluster = next(c["cluster"] for c in art["claims"] if c["id"] == h["id"])
    view = client.get(f"/api/claims/{cluster}").json()
    assert view["cluster"]["id"] == cluster and view["claims"] and view["history"]
    assert client.get("/api/claims/no-such-cluster").status_code == 404
    assert client.get("/api/claims", params={"q": "  "}).status_code == 422


def test_pages_render_and_mark_the_evidence(served):
    client, *_ = served
    home = client.get("/")
    assert home.status_code == 200 and "Events" in home.text and "default-src 'self'" in home.headers["content-security-policy"]
    ev = client.get("/api/events").json()[0]["id"]
    page = client.get(f"/events/{ev}")
    assert page.status_code == 200 and 'class="sitenav"' in page.text and 'class="claimpage"' in page.text
    cluster = page.text.split('class="claimpage" href="/claims/', 1)[1].split('"', 1)[0]
    assert cluster.startswith("cl-")  # linked by the cluster's lasting id, which outlives the next add
    claim = client.get(f"/claims/{cluster}")
    assert claim.status_code == 200 and "<mark id=\"ev-" in claim.text
    search = client.get("/search", params={"q": "fire"})
    assert search.status_code == 200 and "/claims/" in search.text
    assert client.get("/add").status_code == 200 and client.get("/static/app.js").status_code == 200
    assert client.get("/static/..%2Fapp.py").status_code == 404 and client.get("/static/app.py").status_code == 404


def test_article_text_is_always_escaped(served):
    client, *_ = served
    ev = client.get("/api/events").json()
    pages = [client.get(f"/events/{e['id']}").text for e in ev]
    assert not any("<script>alert" in p for p in pages)
    hits = client.get("/api/claims", params={"q": "smoke", "kind": "all"}).json()
    assert hits, "the sentence with markup is stored and found"
    art = next(h for h in hits if h["article"] == "harbour-a")
    clusters = [c["cluster"] for c in client.get(f"/api/events/{art['event']}/dossier").json()["claims"]
                if c["article"] == "harbour-a" and c["cluster"]]
    page = client.get(f"/claims/{clusters[0]}").text
    assert "&lt;script&gt;alert(" in page and "<script>alert(" not in page


def test_the_docs_page_and_openapi_are_served_offline(served):
    client, *_ = served
    spec = client.get("/openapi.json").json()
    assert {"/api/articles", "/api/jobs/{job_id}", "/api/events", "/api/events/{event_id}/dossier", "/api/claims", "/api/health"} <= set(spec["paths"])
    docs = client.get("/docs").text
    assert "/api/articles" in docs and "cdn" not in docs.lower()
    assert "src=\"http" not in docs and "href=\"http" not in docs


def test_writes_need_the_token(served):
    client, *_ = served
    body = {"articles": [{"text": "Short text."}]}
    assert client.post("/api/articles", json=body).status_code == 401
    r = client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 403 and r.json()["error"] == "R602"
    r = client.post("/api/articles", json=body, headers={**AUTH, "Origin": "https://elsewhere.example"})
    assert r.status_code == 403 and "cross-site" in r.json()["detail"]


def test_a_server_without_token_is_read_only_and_says_so(served):
    _, store, _, _ = served
    ro = TestClient(create_app(store, token=None))
    r = ro.post("/api/articles", json={"articles": [{"text": "x"}]}, headers=AUTH)
    assert r.status_code == 403 and r.json()["error"] == "R603" and "read-only" in r.json()["detail"]
    assert "Read-only" in ro.get("/").text and "cannot add articles" in ro.get("/add").text


def test_off_loopback_reads_need_the_token_unless_public(served):
    _, store, _, _ = served
    net = TestClient(create_app(store, token=TOKEN, host="0.0.0.0"))
    assert net.get("/api/events").status_code == 401
    assert net.get("/api/events", headers={"Authorization": "Bearer nope"}).status_code == 403
    assert net.get("/api/events", headers=AUTH).status_code == 200
    assert net.post("/login", data={"token": TOKEN}, follow_redirects=False).status_code == 303
    assert net.get("/").status_code == 200  # the login cookie reads pages
    assert TestClient(create_app(store, token=TOKEN, host="0.0.0.0", public=True)).get("/api/events").status_code == 200


def test_size_limits_answer_413_and_bad_bodies_400_or_422_naming_the_file(served):
    _, store, _, _ = served
    small = TestClient(create_app(store, token=TOKEN, settings={"web": {"max_request_bytes": 3000, "max_file_bytes": 500}}))
    r = small.post("/api/articles", json={"articles": [{"text": "word " * 1000}]}, headers=AUTH)
    assert r.status_code == 413 and r.json()["error"] == "R604" and "web.max_request_bytes" in r.json()["detail"]
    r = small.post("/api/articles", files=[("files", ("long.txt", b"word " * 200, "text/plain"))], headers=AUTH)
    assert r.status_code == 413 and "long.txt" in r.json()["detail"]
    r = small.post("/api/articles", content=b'{"articles": [', headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "R605"
    r = small.post("/api/articles", files=[("files", ("feed.jsonl", b'{"text": "fine"}\nnot json\n', "application/x-ndjson"))], headers=AUTH)
    assert r.status_code == 422 and "feed.jsonl line 2" in r.json()["detail"]
    r = small.post("/api/articles", files=[("files", ("scan.pdf", b"%PDF-1.7", "application/pdf"))], headers=AUTH)
    assert r.status_code == 422 and "scan.pdf" in r.json()["detail"]


def test_a_job_whose_articles_all_fail_ends_failed_with_the_reasons(served):
    client, *_ = served
    r = client.post("/api/articles", files=[("files", ("menu.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "text/html"))],
                    headers=AUTH)
    assert r.status_code == 202
    j = wait(client, r.json()["job"])
    assert j["state"] == "failed" and j["errors"] and "menu" in j["errors"][0] and j["reason"]


RESTART = """
import sys, os
from rashomon.store import open_store
s = open_store(sys.argv[1])
running = s.create_job("add", 1, {"articles": [{"id": "gone", "text": "Never finished."}]})
s.update_job(running, state="running")
queued = s.create_job("add", 1, {"articles": [{"id": "harbour-a2", "text": "The port authority said the fire destroyed three warehouses."}]})
print(running, queued, flush=True)
os._exit(0)  # the server process dies with a job running
"""


def test_a_restart_fails_the_interrupted_job_and_resumes_the_queued_one(served):
    url = served[3]()
    out = subprocess.run([sys.executable, "-c", RESTART, url], capture_output=True, text=True, check=True).stdout.split()
    running, queued = out
    store = open_store(url)
    try:
        with TestClient(create_app(store, token=TOKEN)) as client:
            j = client.get(f"/api/jobs/{running}").json()
            assert j["state"] == "failed" and "interrupted" in j["reason"]
            assert wait(client, queued)["state"] == "done"
            assert client.get("/api/events").json()
    finally:
        store.close()
