"""The offset map: every cleaned character maps back into the decoded original and the original
bytes, for any input (property tests with hypothesis)."""
from __future__ import annotations

import codecs
import io

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from rashomon.ingest import read_inputs
from rashomon.ingest.clean import clean_text
from rashomon.ingest.normalize import fold_char
from rashomon.ingest.offsets import clean_to_byte, clean_to_raw

FURNITURE_BITS = ["Share this article", "READ: Other story here", "Advertisement", "Home » News", "\u00a0", "\u200b",
                  "\r\n", "\n\n", "title: X", "---", "By Jane Doe", " date 2024-01-02 ", "Caf\u0065\u0301", "\t", "(File)",
                  "## ", "![x](y)"]


def check_runs(raw: str, text: str, runs) -> None:
    """Runs ascend, stay in bounds and match the original up to the documented normalisation."""
    last_clean = last_raw = -1
    for run in runs:
        assert run.length > 0
        assert 0 <= run.clean and run.clean + run.length <= len(text)
        assert 0 <= run.raw and run.raw + run.length <= len(raw)
        assert run.clean > last_clean and run.raw > last_raw
        for k in range(run.length):
            assert fold_char(raw[run.raw + k]) == text[run.clean + k]
        last_clean, last_raw = run.clean + run.length - 1, run.raw + run.length - 1


def check_article(art) -> None:
    check_runs(art.raw, art.text, art.offsets)
    for i in range(len(art.text) + 1):
        assert 0 <= clean_to_raw(art, i) <= len(art.raw)
    for r in art.removed:
        if r.raw_start is not None:
            assert art.raw[r.raw_start:r.raw_end] == r.text


text_with_furniture = st.lists(st.one_of(st.text(max_size=40), st.sampled_from(FURNITURE_BITS)), max_size=12).map("".join)


@settings(max_examples=150, deadline=None)
@given(raw=text_with_furniture)
@pytest.mark.parametrize("markdown", [False, True])
def test_cleaning_any_text_never_crashes_and_runs_map_back(markdown, raw):
    c = clean_text(raw, markdown=markdown)
    check_runs(raw, c.text, c.offsets)
    for r in c.removed:
        assert r.reason and r.rule
        if r.raw_start is not None:
            assert raw[r.raw_start:r.raw_end] == r.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_reading_arbitrary_bytes_never_crashes_and_offsets_stay_inside(data):
    res = read_inputs(["-"], stdin=io.BytesIO(data))
    assert len(res.articles) + len(res.errors) >= 1
    for art in res.articles:
        check_article(art)


@pytest.mark.parametrize("enc,bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                                     ("utf-16-be", codecs.BOM_UTF16_BE), ("cp1251", b""), ("latin-1", b"")])
def test_every_cleaned_offset_maps_into_the_original_bytes(tmp_path, enc, bom):
    body = ("Le maire a déclaré que la crue était exceptionnelle cette année.\r\n\r\n"
            "Share this article\r\n\r\n"
            "Selon la préfecture, 1\u00a0200 maisons ont été inondées jeudi.\r\n") if enc != "cp1251" else (
            "Министерство заявило, что войска освободили район.\r\n\r\nShare this article\r\n\r\n"
            "Официальные лица опровергли это заявление в четверг вечером.\r\n")
    data = bom + body.encode(enc)
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    res = read_inputs([path])
    assert not res.errors, res.errors
    art = res.articles[0]
    check_article(art)
    assert art.offsets
    for run in art.offsets:
        for i in range(run.clean, run.clean + run.length):
            b = clean_to_byte(art, i)
            original = art.raw[clean_to_raw(art, i)]
            # the bytes at that offset are the original character, which folds to the cleaned one
            assert data[b:b + len(original.encode(enc))].decode(enc) == original
            assert fold_char(original) == art.text[i]


def test_html_and_json_offsets_point_into_the_extracted_text_not_bytes(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "x", "text": "Share this article\\n\\nThe dam held on Friday, engineers said."}\n', encoding="utf-8")
    art = read_inputs([p]).articles[0]
    check_article(art)
    assert art.raw.startswith("Share this article")
    assert clean_to_byte(art, 0) is None
    assert art.raw[clean_to_raw(art, 0):].startswith("The dam held")
