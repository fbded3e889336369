"""A stance clause beside a statement of the same speaker ("X decry A and announce B") is that
speaker's claim, not narration; narration before another speaker's statement stays narration. On
sentences written for these tests (claim offsets checked)."""
from __future__ import annotations


def _claims(run_article, text):
    st = run_article(text, until="claims")
    for c in st.ann.claims:
        assert text[c.start:c.end] == c.text
    return [c for c in st.ann.claims if c.parent is None]


def _with(claims, words):
    found = [c for c in claims if words in c.text]
    assert found, [(c.kind, c.speaker and c.speaker.name, c.text) for c in claims]
    return found[0]


def test_a_stance_clause_before_a_statement_of_the_same_speaker_keeps_the_speaker(run_article):
    text = ("While the ruling party celebrates the victory, the president and the opposition parties decry the "
            "legitimacy of the elections and announce a new stage of protest.")
    cs = _claims(run_article, text)
    first = _with(cs, "legitimacy of the elections")
    assert first.kind != "narrative"
    assert "opposition parties" in first.speaker.name
    assert "opposition parties" in _with(cs, "new stage of protest").speaker.name


def test_narration_before_another_speakers_statement_stays_narration(run_article):
    text = ("The minister met the union leaders on Friday in the capital, with the mayor stating that the "
            "strike would end soon.")
    cs = _claims(run_article, text)
    assert _with(cs, "met the union leaders").speaker is None
    assert _with(cs, "strike would end soon").speaker.name == "mayor"
