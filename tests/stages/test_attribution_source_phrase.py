"""The source phrase of a speaker (``Speaker.phrase_start/phrase_end``, extract/attribution_source.py),
on sentences written for the test."""
from __future__ import annotations



def _said(run_article, text: str, cue: str = "said"):
    state = run_article(text, until="attributions")
    got = [a for a in state.ann.attributions if a.cue == cue]
    assert got, [a.cue for a in state.ann.attributions]
    return text, got[0]


def _phrase(text: str, a) -> str:
    sp = a.speaker
    assert sp is not None and sp.phrase_start is not None
    return text[sp.phrase_start:sp.phrase_end]


def test_apposition_is_part_of_the_source_phrase_but_not_of_the_mention(run_article):
    text, a = _said(run_article, "Jane Roe, a historian at the state university, said the reform would fail.")
    assert _phrase(text, a) == "Jane Roe, a historian at the state university"
    assert text[a.speaker.start:a.speaker.end] == a.speaker.text == "Jane Roe"


def test_party_and_state_in_brackets_go_with_the_name(run_article):
    text, a = _said(run_article, "Sen. Mark Doe (D-Ore.) said the bill would pass next week.")
    assert _phrase(text, a) == "Sen. Mark Doe (D-Ore.)"


def test_a_report_by_a_body_is_the_whole_source_phrase(run_article):
    text, a = _said(run_article, "A new report by the Lakeside Institute found that rents rose sharply last year.", cue="found")
    assert _phrase(text, a) == "A new report by the Lakeside Institute"


def test_a_pronoun_has_no_wider_phrase(run_article):
    text, a = _said(run_article, "She said the plan would work.")
    assert a.speaker.phrase_start is None and a.speaker.text == "She"


def test_a_participle_clause_set_off_by_commas_is_no_part_of_the_source(run_article):
    text, a = _said(run_article, "The governor, speaking to reporters on Monday, said the roads would reopen.")
    phrase = _phrase(text, a) if a.speaker.phrase_start is not None else a.speaker.text
    assert "speaking" not in phrase and "governor" in phrase
