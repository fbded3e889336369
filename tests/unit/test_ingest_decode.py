"""Decoding bytes: BOMs, strict UTF-8, legacy encodings, binary and empty input; and the Unicode
normalisation with its origin map."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings, strategies as st

from rashomon.ingest.decode import DecodeError, decode_bytes
from rashomon.ingest.normalize import fold_char, normalize_text

TEXT = "Officials said the bridge “would reopen” on Monday — after 3 weeks. Тест."


@pytest.mark.parametrize("bom,enc", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
])
def test_bom_selects_the_encoding_and_is_stripped(bom, enc):
    dec = decode_bytes(bom + TEXT.encode(enc))
    assert dec.text == TEXT and dec.encoding == enc and dec.bom == len(bom)


def test_plain_utf8_is_read_strictly():
    dec = decode_bytes(TEXT.encode("utf-8"))
    assert dec.text == TEXT and dec.encoding == "utf-8" and dec.bom == 0


def test_utf16_without_bom_is_recognised_from_nul_parity():
    dec = decode_bytes("The council met on Tuesday.".encode("utf-16-le"))
    assert dec.text == "The council met on Tuesday." and dec.encoding == "utf-16-le"


def test_cp1251_cyrillic_is_decoded_with_charset_normalizer():
    text = ("Министерство обороны заявило, что войска полностью освободили район. "
            "Официальные лица в Киеве опровергли это заявление и сказали, что бои продолжаются.")
    dec = decode_bytes(text.encode("cp1251"))
    assert dec.text == text


def test_latin1_accents_are_decoded():
    text = "Le maire de Besançon a déclaré que la crue était « exceptionnelle » cette année, selon la préfecture."
    dec = decode_bytes(text.encode("latin-1"))
    assert dec.text == text


def test_crlf_is_kept_in_the_decoded_original():
    assert decode_bytes(b"one\r\ntwo\r\n").text == "one\r\ntwo\r\n"


@pytest.mark.parametrize("data,code", [
    (b"", "empty"), (b"   \n\t\n", "empty"), (codecs.BOM_UTF8 + b"  \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
    (bytes(range(0, 32)) * 20, "binary"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "undecodable"),
])
def test_non_text_raises_decode_error_with_a_code(data, code):
    with pytest.raises(DecodeError) as e:
        decode_bytes(data)
    assert e.value.code == code


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_decoding_arbitrary_bytes_never_crashes(data):
    try:
        dec = decode_bytes(data)
    except DecodeError as e:
        assert e.code in {"empty", "binary", "undecodable"}
    else:
        assert dec.text.strip()
        # the decoded original re-encodes to the bytes after the BOM
        assert dec.text.encode(dec.encoding) == data[dec.bom:]


def test_normalisation_folds_spaces_and_removes_zero_width_but_keeps_curly_quotes():
    raw = "A\u00a0B\u2009C\u200bD\r\nE \u201cq\u201d \u2018s\u2019\u00adx"
    norm, origin = normalize_text(raw)
    assert norm == "A B CD\nE \u201cq\u201d \u2018s\u2019x"
    assert len(origin) == len(norm)
    for i, r in enumerate(origin):
        assert fold_char(raw[r]) == norm[i]


def test_nfc_composes_and_marks_composed_characters_without_origin():
    raw = "Cafe\u0301 ok"
    norm, origin = normalize_text(raw)
    assert norm == "Café ok"
    assert origin[3] == -1 and origin[4] == 5


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_normalisation_origin_map_holds_for_any_text(raw):
    import unicodedata

    norm, origin = normalize_text(raw)
    assert len(origin) == len(norm)
    assert unicodedata.is_normalized("NFC", norm)
    last = -1
    for i, r in enumerate(origin):
        if r < 0:
            continue
        assert 0 <= r < len(raw) and r > last
        assert fold_char(raw[r]) == norm[i]
        last = r
