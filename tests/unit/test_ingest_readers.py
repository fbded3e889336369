"""Reading inputs: directories, file formats, sidecars, standard input, bad input, duplicates."""
from __future__ import annotations

import io
import json

from rashomon.ingest import read_inputs

BODY = "Both dams passed inspection on Thursday, the regional agency said in a statement."
BODY2 = "Engineers will return in June to check the spillways again, officials said."

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Flood Waters Rise Along the River Delta | The Riverside Courier</title>
<meta property="og:site_name" content="The Riverside Courier">
<meta property="og:title" content="Flood Waters Rise Along the River Delta">
<meta property="article:published_time" content="2024-03-14T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Flood Waters Rise Along the River Delta</h1>
<p>Thousands of residents were evacuated on Thursday as the river broke its banks in three places, the regional emergency service said.</p>
<p>"We have never seen the water this high," said Maria Lopez, the mayor of the delta town, adding that 1,200 homes were flooded.</p>
<p>Share this article</p>
<p>The national weather office said more rain was expected over the weekend, with up to 80 millimetres forecast in the hills.</p>
</article><footer><p>© 2024 The Riverside Courier. All rights reserved.</p></footer></body></html>"""


def codes(res):
    return sorted(e.code for e in res.errors)


def test_directory_reads_files_inside_in_name_order_with_indices_and_stems(tmp_path):
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.md").write_text(BODY2, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Something else entirely, said the agency.", encoding="utf-8")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    res = read_inputs([tmp_path])
    assert [(a.index, a.id, a.source.format) for a in res.articles] == [(0, "a", "md"), (1, "b", "txt")]
    assert not res.errors
    assert any("subdirectory" in n for n in res.notes) and any("hidden" in n for n in res.notes)


def test_unknown_extension_and_missing_path_are_errors_and_the_rest_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    res = read_inputs([tmp_path, tmp_path / "missing.txt"])
    assert [a.id for a in res.articles] == ["a"]
    assert codes(res) == ["not_found", "unsupported_format"]
    assert all(e.path and e.message for e in res.errors)


def test_sidecar_gives_metadata_and_is_not_an_article(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps(
        {"title": "Dams Pass Inspection", "outlet": "Harbor Ledger", "published": "2024-03-14", "url": "https://ledger.example/a"}))
    (tmp_path / "z.meta.json").write_text("{}")
    res = read_inputs([tmp_path])
    assert len(res.articles) == 1
    a = res.articles[0]
    assert (a.title, a.outlet, a.published, a.url) == ("Dams Pass Inspection", "Harbor Ledger", "2024-03-14", "https://ledger.example/a")
    assert a.outlet_source == "metadata" and a.published_source == "metadata" and a.title_source == "metadata"
    assert codes(res) == ["orphan_sidecar"]


def test_json_and_jsonl_articles_with_a_malformed_line_reported_by_number(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"id": "j1", "text": BODY, "outlet": "Harbor Ledger", "published": "14 March 2024"}))
    rows = [json.dumps({"id": "r1", "text": BODY2, "title": "Spillways To Be Checked"}), "{not json",
            json.dumps({"id": "r3", "title": "No body"}), "", json.dumps({"id": "r5", "html": PAGE})]
    (tmp_path / "many.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    res = read_inputs([tmp_path / "one.json", tmp_path / "many.jsonl"])
    assert [a.id for a in res.articles] == ["j1", "r1", "r5"]
    j1, r1, r5 = res.articles
    assert j1.outlet == "Harbor Ledger" and j1.published == "2024-03-14"
    assert r1.title == "Spillways To Be Checked" and r1.source.line == 1 and r1.source.format == "jsonl"
    assert r5.outlet == "The Riverside Courier" and r5.source.line == 5
    errs = {(e.code, e.line) for e in res.errors}
    assert errs == {("bad_json", 2), ("no_text", 3)}
    assert all(str(tmp_path / "many.jsonl") == e.path for e in res.errors)


def test_html_goes_through_trafilatura_with_title_date_and_site_name(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    res = read_inputs([tmp_path / "page.html"])
    a = res.articles[0]
    assert a.title == "Flood Waters Rise Along the River Delta" and a.title_source == "html"
    assert a.outlet == "The Riverside Courier" and a.outlet_source == "html"
    assert a.published == "2024-03-14" and a.published_source == "metadata"
    assert a.text.startswith("Thousands of residents were evacuated")
    assert "Share this article" not in a.text and "All rights reserved" not in a.text
    assert "trafilatura" in a.source.extractor and "raw" in a.source.extractor
    assert a.raw.startswith("Flood Waters Rise")  # raw = trafilatura's text, before cleaning


def test_html_without_main_text_is_an_error(tmp_path):
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    res = read_inputs([tmp_path / "empty.html"])
    assert not res.articles and codes(res) == ["no_main_text"]


def test_empty_binary_and_furniture_only_files_are_errors(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03PK\x00\x00\xff\xfe\x00" * 10)
    (tmp_path / "furniture.txt").write_text("Skip to content\n\nShare this article\n\nAdvertisement\n")
    (tmp_path / "ok.txt").write_text(BODY)
    res = read_inputs([tmp_path])
    assert [a.id for a in res.articles] == ["ok"]
    assert codes(res) == ["binary", "empty", "empty_after_cleaning"]


def test_exact_duplicates_are_reported_and_analysed_once(tmp_path):
    (tmp_path / "a.txt").write_text(BODY + "\n\n" + BODY2)
    (tmp_path / "b.txt").write_text("Share this article\n\n" + BODY + "\r\n\r\n" + BODY2 + "\n")
    (tmp_path / "c.txt").write_text(BODY)
    res = read_inputs([tmp_path])
    assert [a.id for a in res.articles] == ["a", "c"] and [a.index for a in res.articles] == [0, 1]
    assert len(res.duplicates) == 1 and res.duplicates[0].kept == "a" and "b" in res.duplicates[0].dropped


def test_colliding_ids_are_made_unique_and_said_so(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "story.txt").write_text(BODY)
    (tmp_path / "y" / "story.txt").write_text(BODY2)
    res = read_inputs([tmp_path / "x", tmp_path / "y"])
    assert [a.id for a in res.articles] == ["story", "story-2"]
    assert any("story-2" in n for n in res.notes)


def test_stdin_is_sniffed_as_jsonl_html_or_text():
    jl = (json.dumps({"id": "s1", "text": BODY}) + "\n" + json.dumps({"id": "s2", "text": BODY2}) + "\n").encode()
    assert [a.id for a in read_inputs(["-"], stdin=io.BytesIO(jl)).articles] == ["s1", "s2"]
    html = read_inputs(["-"], stdin=io.BytesIO(PAGE.encode("utf-8"))).articles[0]
    assert html.source.format == "html" and html.outlet == "The Riverside Courier"
    txt = read_inputs(["-"], stdin=io.BytesIO(("Dams Pass Inspection\n\n" + BODY).encode("utf-16"))).articles[0]
    assert txt.id == "stdin" and txt.source.format == "stdin" and txt.title == "Dams Pass Inspection"
    assert txt.source.path == "<stdin>" and txt.source.encoding.endswith("+bom")


def test_outlet_from_url_only_when_a_url_is_given(tmp_path):
    rows = [json.dumps({"id": "u1", "text": BODY, "url": "https://www.ledger.example/2024/03/dams"}),
            json.dumps({"id": "u2", "text": BODY2})]
    (tmp_path / "u.jsonl").write_text("\n".join(rows))
    u1, u2 = read_inputs([tmp_path / "u.jsonl"]).articles
    assert u1.outlet == "ledger.example" and u1.outlet_source == "url"
    assert u2.outlet is None and u2.outlet_source is None


def test_raw_is_excluded_from_json_but_offsets_are_written(tmp_path):
    (tmp_path / "a.txt").write_text("Advertisement\n\n" + BODY)
    a = read_inputs([tmp_path]).articles[0]
    dumped = json.loads(a.model_dump_json())
    assert "raw" not in dumped and dumped["offsets"] and dumped["removed"][0]["reason"] == "ad"
