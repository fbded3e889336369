"""Reports: the three files, escaping of hostile article text, no external resource, CSV and
Markdown contents, and re-rendering from a saved dossier.json (fixture written for these tests)."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest

from dossier_fixture import analysed
from rashomon.report import render_csv, render_html, render_markdown, write_reports


def test_write_reports_writes_the_requested_files(tmp_path):
    d = analysed()
    paths = write_reports(d, tmp_path, {"html", "md", "csv"})
    assert [p.name for p in paths] == ["report.html", "report.md", "claims.csv"]
    assert write_reports(d, tmp_path / "only", {"csv"})[0].name == "claims.csv"
    with pytest.raises(ValueError):
        write_reports(d, tmp_path, {"pdf"})


def test_article_markup_is_escaped_and_cannot_close_the_data_block():
    html = render_html(analysed(hostile=True))
    assert "<script>window.__pwned" not in html
    assert 'onerror="window.__pwned' not in html
    data = re.search(r'<script type="application/json" id="rashomon-data">(.*?)</script>', html, re.S).group(1)
    assert "</" not in data and "\\u003cscript" in data
    assert json.loads(data)["articles"]["blog"]["text"].count("<script>") == 1


def test_the_page_loads_nothing_from_the_network():
    html = render_html(analysed())
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', html)
    assert "@import" not in html and "url(" not in html
    assert "Content-Security-Policy" in html


def test_every_section_and_every_article_is_in_the_page():
    d = analysed()
    html = render_html(d)
    for sec in ("overview", "contested", "summary", "corroborated", "matrix", "numbers", "timeline", "framing", "articles"):
        assert f'<section id="{sec}"' in html
    for a in d.articles:
        assert f'id="art-{a.id}"' in html
    assert "Subscribe to our newsletter" not in html.split('id="rashomon-data"')[0], "removed text is rendered on demand"


def test_claims_csv_has_one_row_per_claim_with_exact_offsets():
    d = analysed()
    rows = list(csv.DictReader(io.StringIO(render_csv(d))))
    assert len(rows) == len(d.claims)
    texts = {a.id: a.text for a in d.articles}
    for r in rows:
        assert texts[r["article"]][int(r["start"]):int(r["end"])] == r["text"]
    assert set(rows[0]) == {"id", "article", "article_name", "outlet", "speaker", "cue", "kind", "polarity", "hedged", "cluster", "start", "end", "text"}


def test_markdown_has_cited_summary_contradictions_and_matrix():
    md = render_markdown(analysed())
    assert "## Summary" in md and "[^c1-2]" in md and "[^c1-2]: State Herald" in md
    assert "## Contested points" in md and "Not a single officer was hurt" in md
    assert "## Claim matrix" in md and "| Claim | Harbor Times |" in md


def test_report_command_rerenders_from_a_saved_dossier(tmp_path):
    d = analysed()
    path = tmp_path / "dossier.json"
    path.write_text(d.model_dump_json(), encoding="utf-8")
    out = tmp_path / "again"
    r = subprocess.run([sys.executable, "-m", "rashomon.cli", "report", str(path), "--out", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (out / "report.html").read_text(encoding="utf-8") == render_html(d)
    assert (out / "claims.csv").exists() and (out / "report.md").exists()


def test_an_empty_dossier_still_renders():
    from rashomon.models import Dossier

    html = render_html(Dossier())
    assert "No contradiction was found" in html
    assert render_markdown(Dossier()).startswith("# ")
