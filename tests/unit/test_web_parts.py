"""The parts of `rashomon serve` that need no store: the access policy, the article intake from
JSON bodies and uploaded files, the evidence highlighter, the page cache and the docs page."""
from __future__ import annotations

import json

import pytest
from starlette.requests import Request

from rashomon.errors import WebError
from rashomon.web.access import Access, is_loopback
from rashomon.web.cache import PageCache
from rashomon.web.docs import docs_context
from rashomon.web.highlight import segments
from rashomon.web.intake import articles_from_file, articles_from_files, articles_from_json, file_label

LIMITS = {"max_chars": 1000, "max_file_bytes": 2000}


def request(headers: dict | None = None, cookies: str = "") -> Request:
    raw = [(k.lower().encode(), v.encode()) for k, v in {"host": "127.0.0.1:8000", **(headers or {})}.items()]
    if cookies:
        raw.append((b"cookie", cookies.encode()))
    return Request({"type": "http", "method": "GET", "path": "/", "headers": raw, "query_string": b""})


def code_of(fn, *args, **kw) -> tuple[str, int]:
    with pytest.raises(WebError) as e:
        fn(*args, **kw)
    return e.value.code, e.value.status


def test_loopback_addresses_are_told_from_network_ones():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("[::1]")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")


def test_writes_need_the_right_token_in_a_header():
    acc = Access.for_server("s3cret", "127.0.0.1", public=False)
    assert code_of(acc.check_write, request()) == ("R601", 401)
    assert code_of(acc.check_write, request({"Authorization": "Bearer nope"})) == ("R602", 403)
    acc.check_write(request({"Authorization": "Bearer s3cret"}))
    acc.check_write(request({"X-Rashomon-Token": "s3cret"}))
    # the login cookie reads pages but never writes: a cross-site form would send it too
    assert code_of(acc.check_write, request(cookies="rashomon_token=s3cret")) == ("R601", 401)


def test_a_server_without_token_is_read_only():
    acc = Access.for_server(None, "127.0.0.1", public=False)
    assert acc.read_only
    assert code_of(acc.check_write, request({"Authorization": "Bearer anything"})) == ("R603", 403)
    acc.check_read(request())


def test_a_write_from_another_site_is_refused_even_with_the_token():
    acc = Access.for_server("s3cret", "127.0.0.1", public=False)
    bad = request({"Authorization": "Bearer s3cret", "Origin": "https://evil.example"})
    assert code_of(acc.check_write, bad) == ("R602", 403)
    acc.check_write(request({"Authorization": "Bearer s3cret", "Origin": "http://127.0.0.1:8000"}))


def test_off_loopback_reads_need_the_token_unless_public():
    acc = Access.for_server("s3cret", "0.0.0.0", public=False)
    assert code_of(acc.check_read, request()) == ("R601", 401)
    assert code_of(acc.check_read, request({"Authorization": "Bearer x"})) == ("R602", 403)
    acc.check_read(request(cookies="rashomon_token=s3cret"))
    Access.for_server("s3cret", "0.0.0.0", public=True).check_read(request())


def test_a_json_body_gives_checked_article_records():
    body = json.dumps({"articles": [{"id": "a", "text": "The mayor said the bridge will reopen.", "published": 2026},
                                    {"html": "<p>Hi there</p>", "outlet": "Daily"}]}).encode()
    arts = articles_from_json(body, max_chars=1000, max_articles=5)
    assert arts == [{"id": "a", "text": "The mayor said the bridge will reopen.", "published": "2026"},
                    {"html": "<p>Hi there</p>", "outlet": "Daily"}]


def test_bad_json_is_400_and_a_bad_article_is_422_naming_it():
    assert code_of(articles_from_json, b"{not json", max_chars=10, max_articles=5) == ("R605", 400)
    body = json.dumps({"articles": [{"text": "fine text"}, {"title": "no body"}]}).encode()
    with pytest.raises(WebError) as e:
        articles_from_json(body, max_chars=100, max_articles=5)
    assert e.value.status == 422 and "articles[1]" in str(e.value)
    body = json.dumps({"articles": [{"text": "x", "colour": "red"}]}).encode()
    assert "unknown field(s) colour" in str(pytest.raises(WebError, articles_from_json, body, max_chars=100, max_articles=5).value)


def test_too_many_articles_or_too_long_a_text_is_refused():
    body = json.dumps({"articles": [{"text": "one"}, {"text": "two"}]}).encode()
    assert code_of(articles_from_json, body, max_chars=100, max_articles=1) == ("R604", 413)
    with pytest.raises(WebError) as e:
        articles_from_json(json.dumps({"articles": [{"text": "x" * 50}]}).encode(), max_chars=10, max_articles=5)
    assert e.value.status == 413 and "articles[0] text" in str(e.value) and "web.max_text_chars" in str(e.value)


def test_uploaded_files_are_read_by_extension_in_memory():
    assert articles_from_file("notes/Report.TXT", b"Police said two people were hurt.", **LIMITS) == [
        {"id": "Report", "text": "Police said two people were hurt."}]
    assert articles_from_file("page.html", b"<html><body><p>Text</p></body></html>", **LIMITS)[0]["html"].startswith("<html>")
    lines = b'{"id": "x", "text": "First one."}\n\n{"id": "y", "text": "Second one."}\n'
    assert [a["id"] for a in articles_from_file("feed.jsonl", lines, **LIMITS)] == ["x", "y"]
    assert articles_from_file("one.json", b'{"text": "A single article."}', **LIMITS) == [{"text": "A single article.", "id": "one"}]


def test_a_bad_file_is_422_or_413_naming_the_file():
    with pytest.raises(WebError) as e:
        articles_from_file("feed.jsonl", b'{"text": "ok"}\n{broken\n', **LIMITS)
    assert e.value.status == 422 and "feed.jsonl line 2" in str(e.value)
    with pytest.raises(WebError) as e:
        articles_from_file("slides.pdf", b"%PDF-1.4", **LIMITS)
    assert e.value.status == 422 and "slides.pdf" in str(e.value)
    with pytest.raises(WebError) as e:
        articles_from_file("blob.txt", b"\x00\x01\x02\x03" * 10, **LIMITS)
    assert e.value.status == 422 and "blob.txt" in str(e.value)
    with pytest.raises(WebError) as e:
        articles_from_file("big.txt", b"word " * 1000, **LIMITS)
    assert e.value.status == 413 and "big.txt" in str(e.value)
    assert code_of(articles_from_files, [], max_articles=3, **LIMITS) == ("R606", 422)


def test_a_file_name_is_only_a_label():
    assert file_label("../../etc/passwd") == "passwd"
    assert file_label("C:\\Users\\x\\story.md") == "story.md"
    assert file_label(None) == "upload"


def test_evidence_spans_cut_the_text_into_marked_pieces():
    text = "Officials said the dam held. Residents said it broke."
    a, b = text.index("the dam held"), text.index("it broke")
    pieces = segments(text, [(a, a + len("the dam held"), "ev-1"), (b, b + len("it broke"), "ev-2")])
    assert "".join(p for p, _ in pieces) == text
    assert [p for p, m in pieces if m] == ["the dam held", "it broke"]
    assert [m for _, m in pieces if m] == ["ev-1", "ev-2"]
    assert segments("short", [(3, 99, "x"), (4, 4, "empty")]) == [("sho", None), ("rt", "x")]


def test_the_page_cache_serves_until_cleared_and_never_keeps_a_value_made_during_a_write():
    cache, calls = PageCache(ttl=60), []

    def make():
        calls.append(1)
        return len(calls)

    assert cache.get("e1", make) == 1 and cache.get("e1", make) == 1
    cache.clear()
    assert cache.get("e1", make) == 2

    def make_while_writing():
        cache.clear()  # a job wrote while the page was being rendered
        return "stale"

    assert cache.get("e2", make_while_writing) == "stale"
    assert cache.get("e2", make) == 3
    assert PageCache(ttl=0).get("k", make) == 4


def test_the_docs_page_lists_every_operation_of_the_openapi_document():
    spec = {"info": {"title": "t", "version": "1"}, "paths": {
        "/api/x/{id}": {"get": {"summary": "One x", "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                                "responses": {"200": {"description": "ok"}}}},
        "/api/y": {"post": {"summary": "Add", "requestBody": {"content": {"application/json": {}}}, "responses": {"202": {"description": "job"}}}}}}
    ctx = docs_context(spec)
    assert [(e["method"], e["path"]) for e in ctx["endpoints"]] == [("GET", "/api/x/{id}"), ("POST", "/api/y")]
    assert ctx["endpoints"][0]["params"] == [{"name": "id", "in": "path", "required": True, "type": "string", "enum": None}]
    assert ctx["endpoints"][1]["bodies"] == ["application/json"]


def test_serve_refuses_a_network_address_without_token_or_public(monkeypatch):
    from typer.testing import CliRunner

    from rashomon.cli import app

    monkeypatch.delenv("RASHOMON_TOKEN", raising=False)
    res = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "9"])
    assert res.exit_code == 2 and "--public" in res.output
