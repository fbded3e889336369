"""Inputs read as streams (ingest/stream.py, ingest/warc.py): gzipped JSONL line by line, WARC
archives record by record through the HTML extractor, large directories listed in chunks."""
from __future__ import annotations

import gzip
import io
import json

from rashomon.ingest import read_inputs
from rashomon.ingest.stream import iter_inputs
from rashomon.models import Article, InputError

PARAS = [
    "The harbour authority of a coastal town said on Tuesday that the north pier would stay closed for three more weeks.",
    "Engineers found cracks in two of the supporting pillars during an inspection last month, the authority said in a statement.",
    "Fishing crews who use the pier said the closure was costing them about 400 euros a day in lost landings.",
    "\"We cannot keep waiting for a decision that never comes,\" said a skipper who has worked from the pier for twenty years.",
    "The town council said it would ask the regional government for emergency funds to pay for the repairs.",
    "A public meeting on the future of the pier is planned for next Thursday evening in the town hall.",
]
PAGE = ("<html><head><title>Pier to stay closed for three more weeks</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav><article><h1>Pier to stay closed for three more weeks</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAS) + "</article><footer>Copyright the Coast Herald</footer></body></html>")


def _record(i: int) -> dict:
    return {"id": f"pier-{i}", "text": f"Update {i}. " + " ".join(PARAS), "title": f"Pier update {i}"}


def test_jsonl_gz_articles_are_read_with_line_numbers_and_a_bad_line_named(tmp_path):
    rows = [json.dumps(_record(1)), "{not json", json.dumps(_record(3))]
    path = tmp_path / "wire.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(rows) + "\n")
    res = read_inputs([path])
    assert [a.id for a in res.articles] == ["pier-1", "pier-3"]
    assert [a.source.line for a in res.articles] == [1, 3]
    assert {a.source.format for a in res.articles} == {"jsonl"}
    assert [(e.code, e.line) for e in res.errors] == [("bad_json", 2)]
    art = res.articles[1]
    assert art.text.startswith("Update 3.") and art.raw.startswith("Update 3.")
    for run in art.offsets:  # cleaned text maps back onto the record's text
        assert art.text[run.clean:run.clean + run.length] == art.raw[run.raw:run.raw + run.length]


def test_a_gzip_cut_short_yields_the_articles_before_the_cut_then_an_error(tmp_path):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb") as fh:
        fh.write(("\n".join(json.dumps(_record(i)) for i in range(1, 400)) + "\n").encode("utf-8"))
    data = buf.getvalue()
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(iter_inputs([path]))
    arts = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert arts and arts[0].id == "pier-1"
    assert [e.code for e in errors] == ["unreadable"] and "after line" in errors[0].message
    assert items.index(errors[0]) > items.index(arts[-1])  # the articles came out before the end of the file


def _warc(path, records) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for kind, url, ctype, body in records:
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1") if kind == "response" else None
            w.write_record(w.create_warc_record(url, kind, payload=io.BytesIO(body), http_headers=http))


def test_warc_html_responses_are_articles_and_other_records_are_skipped(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [
        ("response", "https://www.coastherald.example/news/pier", "text/html; charset=utf-8", PAGE.encode("utf-8")),
        ("response", "https://www.coastherald.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        ("resource", "https://www.coastherald.example/notes.txt", "text/plain", b"crawler notes"),
    ])
    res = read_inputs([path])
    assert res.errors == []
    (art,) = res.articles
    assert art.id.startswith("crawl-") and art.source.format == "warc" and art.source.line == 1
    assert art.url == "https://www.coastherald.example/news/pier"
    assert art.outlet == "coastherald.example"
    assert PARAS[2] in art.text and "Sport" not in art.text
    start = art.text.index(PARAS[3])
    assert art.text[start:start + len(PARAS[3])] == PARAS[3]


def test_a_file_that_is_not_a_warc_archive_is_named_unreadable(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a web archive\n" * 20)
    res = read_inputs([path])
    assert res.articles == [] and [e.code for e in res.errors] == ["unreadable"]


def test_a_directory_larger_than_one_listing_chunk_is_read_whole_and_in_order_within_chunks(tmp_path):
    for i in range(5):
        (tmp_path / f"n{i}.txt").write_text(f"Report {i}. " + PARAS[i], encoding="utf-8")
    (tmp_path / "n1.meta.json").write_text(json.dumps({"outlet": "Coast Herald"}), encoding="utf-8")
    items = list(iter_inputs([tmp_path], chunk=2))
    arts = [i for i in items if isinstance(i, Article)]
    assert sorted(a.id for a in arts) == [f"n{i}" for i in range(5)]
    assert [a.index for a in arts] == list(range(5))
    assert next(a for a in arts if a.id == "n1").outlet == "Coast Herald"
    assert not [i for i in items if isinstance(i, InputError)]
