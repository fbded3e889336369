"""Claims: a long attributed sentence also gives what was said without the reporting frame, a
claim nested in the sentence's claim (``rashomon.extract.claim_content``; sentences written for
these tests):

- a quotation followed by a long attribution tail gives the quotation, with the speaker and cue;
- an indirect statement with a long frame gives its content clause, and a time in the frame
  stays with the sentence's claim;
- two statements in one sentence give two claims, and so does a quotation followed by ", adding
  that ...";
- a statement whose content is no clause keeps its frame beside another statement's content;
- a stance cue, a frame that narrates something of its own, and a short sentence stay whole, and so
  does a sentence whose content was cut from its subject or is an indirect question;
- ``claims.content_span_min_words`` 0 turns the narrowing off.
"""
from __future__ import annotations

import pytest

from rashomon.settings import use, validate

QUOTE_TAIL = ("“The report is a complete fabrication and we reject it,” the foreign ministry said in a "
              "statement posted on its official website late on Tuesday evening.")
INDIRECT = ("Interior Minister Anna Kolar said in a televised address to the nation on Saturday that the "
            "protest had been organised from abroad, and that its leaders would face charges.")
TWO = ("The company renewed its denial, so far without offering any documents, that the valve had been "
       "faulty before the blast, and said the plant had passed every inspection in the past year.")
ADDING = ("“The dam was never inspected and the warnings from the engineers were ignored for many years,” the "
          "mayor of the coastal city told reporters at the port on Monday, adding that the government had refused "
          "to pay for the repairs.")
CITING = ("The city newspaper reported on Tuesday, citing two senior officials who had reviewed the files, that "
          "the army had moved the prisoners to a camp near the border.")
FRAMED = ("On Monday the union announced a strike “to defend our wages” after claiming that the management "
          "had cut the pay of night-shift workers at the northern plant without notice.")
STANCE = ("The mayor praised the rescue teams that worked through the night to pull dozens of residents "
          "from the flooded houses along the river in the eastern districts of the city.")
NARRATED = ("As the flood waters rose across the valley on Sunday, the regional governor told reporters that "
            "the dam had been inspected last month and was in good condition.")
QUESTION = ("Experts at the agency have raised doubts about whether the loud boom and the large crater found "
            "near the airport were caused by a small meteorite.")
CUT_SUBJECT = ("According to two reporters of the local paper, five of the seven agencies that took part in the "
               "review had high confidence that the outbreak was caused by contaminated water from the old well.")
SHORT = "“We will rebuild every house,” the mayor said on Monday."


@pytest.fixture(scope="module")
def run(run_article):
    cache = {}

    def get(text, min_words=None):
        key = (text, min_words)
        if key not in cache:
            over = {} if min_words is None else {"claims": {"content_span_min_words": min_words}}
            with use(validate(over, "test")):
                st = run_article(text)
            for c in st.ann.claims:
                assert text[c.start:c.end] == c.text
            cache[key] = st
        return cache[key]

    return get


def _texts(st):
    return [c.text for c in st.ann.claims]


def _claim(st, text):
    found = [c for c in st.ann.claims if c.text == text]
    assert found, _texts(st)
    return found[0]


def test_a_quotation_with_a_long_attribution_tail_gives_the_quotation(run):
    st = run(QUOTE_TAIL)
    c = _claim(st, "“The report is a complete fabrication and we reject it,”")
    assert c.speaker is not None and "ministry" in c.speaker.name.lower()
    assert c.cue == "said" and c.kind == "direct"
    assert c.parent == _claim(st, QUOTE_TAIL).id


def test_an_indirect_statement_with_a_long_frame_gives_its_content_and_the_frame_keeps_its_time(run):
    st = run(INDIRECT)
    c = _claim(st, "that the protest had been organised from abroad, and that its leaders would face charges")
    assert c.speaker is not None and c.speaker.name.endswith("Kolar")
    whole = _claim(st, INDIRECT)
    assert c.parent == whole.id
    saturday = [t for t in st.ann.times if t.text.startswith("Saturday")]
    assert saturday and saturday[0].id in whole.times


def test_a_relative_clause_describing_the_source_does_not_keep_the_frame_whole(run):
    st = run(CITING)
    c = _claim(st, "that the army had moved the prisoners to a camp near the border")
    assert c.parent == _claim(st, CITING).id and c.speaker is not None


def test_two_statements_in_one_sentence_give_two_claims(run):
    st = run(TWO)
    first = _claim(st, "that the valve had been faulty before the blast")
    second = _claim(st, "the plant had passed every inspection in the past year")
    assert first.attribution != second.attribution
    assert first.speaker is not None and second.speaker is not None
    assert first.parent == second.parent == _claim(st, TWO).id


def test_a_quotation_then_adding_that_gives_the_quotation_and_the_added_statement(run):
    st = run(ADDING)
    quote = _claim(st, "“The dam was never inspected and the warnings from the engineers were ignored for many years,”")
    added = [c for c in st.ann.claims if c.text.startswith("adding that the government")]
    assert added and added[0].speaker is not None and quote.speaker is not None
    assert added[0].speaker.name == quote.speaker.name
    assert quote.parent is not None and added[0].parent is None


def test_a_statement_without_a_clause_keeps_its_frame_beside_another_content(run):
    st = run(FRAMED)
    _claim(st, "On Monday the union announced a strike “to defend our wages”")
    _claim(st, "that the management had cut the pay of night-shift workers at the northern plant without notice")


@pytest.mark.parametrize("text", [STANCE, NARRATED, SHORT])
def test_stance_narrating_frames_and_short_sentences_stay_whole(run, text):
    st = run(text)
    assert _texts(st) == [text]


def test_a_content_cut_from_its_subject_is_no_statement_of_its_own(nlp):
    from types import SimpleNamespace

    from rashomon.extract.claim_content import _clausal

    doc = nlp(CUT_SUBJECT)
    att = SimpleNamespace(kind="according_to")
    cut = CUT_SUBJECT.index("had high confidence")
    whole = CUT_SUBJECT.index("five of the seven")
    end = len(CUT_SUBJECT) - 1
    assert not _clausal(doc, CUT_SUBJECT, cut, end, att)
    assert _clausal(doc, CUT_SUBJECT, whole, end, att)


def test_an_indirect_question_is_no_statement_of_its_own(nlp):
    from types import SimpleNamespace

    from rashomon.extract.claim_content import _clausal

    doc = nlp(QUESTION)
    att = SimpleNamespace(kind="indirect")
    end = len(QUESTION) - 1
    assert not _clausal(doc, QUESTION, QUESTION.index("whether"), end, att)
    assert _clausal(doc, QUESTION, QUESTION.index("the loud boom"), end, att)


def test_content_span_zero_keeps_the_whole_sentence_alone(run):
    st = run(QUOTE_TAIL, min_words=0)
    assert _texts(st) == [QUOTE_TAIL]
