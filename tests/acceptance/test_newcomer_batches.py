"""What a new user met on a fresh clone: a long text or one failing article must not lose the
batch; analyze() takes texts, dicts and Article records; readable names and titles; left-out
inputs named in the reports."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import rashomon
from rashomon.models import Article
from rashomon.report import render_csv, render_html, render_markdown

KURSK = Path(__file__).resolve().parents[2] / "examples" / "kursk"
LONG = ("The mayor of the river town said on Monday that the old bridge would reopen next week after repairs. "
        "Engineers from the regional authority said the work had cost about 2 million euros. ")


@pytest.fixture
def small_nlp_limit():
    """spaCy's length limit lowered to 3,000 characters, so a text of a few thousand characters
    behaves as a 5 MB one would (spaCy error E088 without chunking)."""
    from rashomon.nlp import get_nlp

    nlp = get_nlp()
    old = nlp.max_length
    nlp.max_length = 3000
    try:
        yield nlp
    finally:
        nlp.max_length = old


def test_a_text_longer_than_spacy_allows_is_analysed_with_the_rest(small_nlp_limit, tmp_path):
    good = sorted(KURSK.glob("*.txt"))[0]
    (tmp_path / good.name).write_bytes(good.read_bytes())
    (tmp_path / "long.txt").write_text(LONG * 60, encoding="utf-8")  # ~11,000 characters on one line
    d = rashomon.analyze([tmp_path])
    assert {a.id for a in d.articles} == {good.stem, "long"}
    assert d.run.errors == []
    long_claims = [c for c in d.claims if c.article == "long"]
    art = next(a for a in d.articles if a.id == "long")
    assert len(art.text) > small_nlp_limit.max_length
    assert long_claims and max(c.end for c in long_claims) > 6000
    for c in long_claims:
        assert art.text[c.start:c.end] == c.text


def test_an_article_whose_analysis_fails_is_named_and_the_rest_analysed(monkeypatch):
    import rashomon.extract.quantities as q

    real = q.extract_quantities

    def fails_on_one(state):
        if state.article.id == "boom":
            raise RuntimeError("stage broke on this text")
        return real(state)

    monkeypatch.setattr(q, "extract_quantities", fails_on_one)
    d = rashomon.analyze([{"id": "boom", "text": LONG * 3}, {"id": "fine", "text": LONG.replace("Monday", "Tuesday") * 3}])
    assert [a.id for a in d.articles] == ["fine"]
    err = [e for e in d.run.errors if e.code == "analysis_failed"]
    assert len(err) == 1 and "'boom'" in err[0].message and "stage broke" in err[0].message
    assert "boom" in render_markdown(d).split("## Articles")[0]


def test_analyze_takes_texts_dicts_and_article_records_and_names_bad_items():
    rec = {"id": "rec", "text": LONG, "title": "Bridge to reopen next week", "outlet": "River Post", "published": "2024-05-06"}
    art = Article(id="art", text=LONG.replace("mayor", "governor"), outlet="Valley News")
    d = rashomon.analyze([rec, art, {"id": "empty"}, 3.5, "/no/such/file.txt"], texts=["The council said the ferry would run again."])
    assert [a.id for a in d.articles] == ["art", "rec", "text-1"]  # canonical order (by id), whatever the input order
    assert next(a for a in d.articles if a.id == "rec").outlet == "River Post"
    codes = {e.path: e.code for e in d.run.errors}
    assert codes == {"input[2] (id 'empty')": "no_text", "input[3]": "not_an_input", "/no/such/file.txt": "not_found"}
    assert art.index == 0 and art.name is None  # the caller's record is not changed


def test_unnamed_articles_get_short_readable_names_in_every_report():
    d = rashomon.analyze(texts=[LONG, "The council said on Friday that the ferry to the island would run again from June."])
    a = d.articles[0]
    assert a.id == "text-1" and a.name.startswith("“The mayor of the river town")
    md, html = render_markdown(d), render_html(d)
    assert a.name in md and "outlet unknown" not in md
    assert a.name in html and "outlet unknown" not in html
    rows = list(csv.DictReader(io.StringIO(render_csv(d))))
    assert rows and {r["article_name"] for r in rows if r["article"] == "text-1"} == {a.name}
    assert all(r["article"] == "text-1" or r["article"] == "text-2" for r in rows)


def test_event_title_is_a_headline_of_its_articles():
    base = sorted(KURSK.glob("*.txt"))[:2]
    d = rashomon.analyze(base)
    titles = {a.title for a in d.articles if a.title}
    assert titles
    main = next(e for e in d.events if e.main)
    label = main.label.rsplit(" (", 1)[0] if main.date else main.label
    assert label in titles


def test_report_top_names_every_left_out_input(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "good.txt").write_text(LONG * 2, encoding="utf-8")
    d = rashomon.analyze([tmp_path])
    md = render_markdown(d)
    top = md.split("## Articles")[0]
    assert "Left out: 2 inputs" in top and "empty.txt" in top and "notes.pdf" in top
    html = render_html(d)
    head = html.split('id="overview"')[0]
    assert "Left out: 2 inputs" in head and "empty.txt" in head and "notes.pdf" in head


def test_a_syndicated_copy_is_marked_and_listed_in_the_reports():
    orig = sorted(KURSK.glob("*.txt"))[0]
    body = orig.read_text(encoding="utf-8")
    copy = {"id": "reprint", "title": "Kursk fighting over, Moscow says", "outlet": "Reprint Daily",
            "text": body.replace("Kursk region", "Kursk oblast", 1)}
    d = rashomon.analyze([orig, copy])
    rep = next(a for a in d.articles if a.id == "reprint")
    assert rep.copy_of == orig.stem and rep.copy_similarity >= 0.5
    top = render_markdown(d).split("## Articles")[0]
    assert "Near copies, counted as one source: 1" in top and "reprint" in top
    assert not any(k.corroboration == "single_source_repeated" and set(k.articles) <= {orig.stem, "reprint"}
                   for k in d.clusters)
