"""Long texts are parsed in pieces, and every offset still points into the whole cleaned text."""
from __future__ import annotations

import pytest

import rashomon.extract.parse as parse_mod

SENTENCES = ("The governor of the northern region said on Monday that 2,000 residents had been evacuated. "
             "Officials in the capital denied the report.\n\nA spokesman for the army said troops had left the town. ")


def test_chunk_bounds_cover_the_text_and_cut_at_boundaries():
    from rashomon.extract.parse import chunk_bounds

    text = SENTENCES * 20
    bounds = chunk_bounds(text, 500)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a == b for (_, a), (b, _) in zip(bounds, bounds[1:]))
    assert all(e - s <= 500 for s, e in bounds)
    # every cut falls after a paragraph break or a sentence end, never inside a word
    assert all(text[e - 1].isspace() for _, e in bounds[:-1])


def test_one_line_text_without_spaces_is_still_cut():
    from rashomon.extract.parse import chunk_bounds

    assert chunk_bounds("x" * 1050, 500) == [(0, 500), (500, 1000), (1000, 1050)]


def test_long_text_parsed_in_pieces_keeps_offsets(monkeypatch):
    from rashomon.extract.parse import parse_text

    text = SENTENCES * 12
    monkeypatch.setattr(parse_mod, "chunk_chars", lambda nlp: 700)
    doc = parse_text(text)
    assert doc.text == text
    ents = [e for e in doc.ents]
    assert len(ents) >= 12
    for e in ents:
        assert text[e.start_char:e.end_char] == e.text
    last = [e for e in ents if e.text == "2,000"][-1]
    assert last.start_char > len(text) - len(SENTENCES)
    sents = list(doc.sents)
    assert len(sents) >= 36 and all(text[s.start_char:s.end_char] == s.text for s in sents)


@pytest.mark.slow
def test_text_over_spacy_max_length_is_parsed_whole(nlp):
    """A real one-line text longer than spaCy's limit (E088 before): about 1.05 MB."""
    from rashomon.extract.parse import parse_text

    line = SENTENCES.replace("\n", " ")
    text = line * (1_050_000 // len(line) + 1)
    assert len(text) > nlp.max_length
    doc = parse_text(text)
    assert doc.text == text
    tail = doc.ents[-1]
    assert text[tail.start_char:tail.end_char] == tail.text and tail.start_char > 1_000_000
