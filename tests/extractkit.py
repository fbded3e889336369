"""Helpers shared by the extraction tests: run one stage on a written text and check that every
record's offsets slice the text it names."""
from __future__ import annotations


def checked_attributions(run_article, text):
    """The attributions of ``text`` (stages up to ``attributions``), after checking that every
    content, speaker and cue span slices ``text``."""
    st = run_article(text, until="attributions")
    for a in st.ann.attributions:
        for c in a.content:
            assert text[c.start:c.end] == c.text
        if a.speaker and a.speaker.start is not None:
            assert text[a.speaker.start:a.speaker.end] == a.speaker.text
        if a.cue_start is not None:
            assert text[a.cue_start:a.cue_end] == a.cue
    return st.ann.attributions


def checked_quantities(run_article, text):
    """The quantities of ``text`` (stages up to ``quantities``), after checking their offsets."""
    st = run_article(text, until="quantities")
    for q in st.ann.quantities:
        assert st.article.text[q.start:q.end] == q.text
    return st.ann.quantities


def one_quantity(qs, needle):
    """The first quantity whose text contains ``needle`` (fails, listing them, when none does)."""
    hits = [q for q in qs if needle in q.text]
    assert hits, f"no quantity containing {needle!r} in {[q.text for q in qs]}"
    return hits[0]
