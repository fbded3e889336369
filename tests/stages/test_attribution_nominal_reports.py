"""Statements named by a noun ("a statement from X that Y") and statements nested in another
speaker's act ("X rejected a report by Y claiming that Z"), on sentences written for these tests."""
from __future__ import annotations

from extractkit import checked_attributions


def _cue(atts, cue):
    found = [a for a in atts if a.cue and a.cue.lower() == cue]
    assert found, [a.cue for a in atts]
    return found[0]


def test_statement_from_a_body_with_a_that_clause_is_its_statement(run_article):
    text = ("It is a finding long in the making: a statement from the health authority that the rashes do not "
            "result from the water supply.")
    a = _cue(checked_attributions(run_article, text), "statement")
    assert a.speaker.name == "health authority"
    assert a.content[0].text.startswith("that the rashes do not result")


def test_possessive_issuer_of_a_conclusion_is_the_speaker_without_the_s(run_article):
    text = "The ministry's conclusion that the bridge collapsed was rejected by engineers."
    a = _cue(checked_attributions(run_article, text), "conclusion")
    assert a.speaker.text == "The ministry" and a.content[0].text == "that the bridge collapsed"


def test_claim_without_an_issuer_names_no_speaker(run_article):
    atts = checked_attributions(run_article, "The claim that the bridge collapsed because of rust spread quickly online.")
    assert not [a for a in atts if a.cue and a.cue.lower() == "claim"]


def test_report_by_a_body_claiming_something_is_the_body_s_statement_nested_in_the_rejection(run_article):
    text = ("The governor on Friday rejected a report by the audit office claiming that the new hospital wing "
            "was not built to the safety code.")
    st = run_article(text)
    claiming = _cue(st.ann.attributions, "claiming")
    assert claiming.speaker.name == "audit office"
    rejected = _cue(st.ann.attributions, "rejected")
    assert rejected.speaker.name == "governor"
    by_att = {c.attribution: c for c in st.ann.claims}
    assert by_att[rejected.id].text.startswith("The governor on Friday rejected a report")
    inner = by_att[claiming.id]
    assert inner.text.endswith("was not built to the safety code") and rejected.id != claiming.id
    assert by_att[rejected.id].start <= inner.start and inner.end <= by_att[rejected.id].end


def test_quotation_signed_with_a_dash_and_a_name_is_that_person_s(run_article):
    text = ("“He makes sweeping claims about people he knows nothing about.” ― Pamela Ortiz\n\n"
            "“I am tired of this campaign already.” ― Mark Delaney\n")
    atts = checked_attributions(run_article, text)
    assert [(a.speaker.text, a.cue, a.kind) for a in atts] == [("Pamela Ortiz", "―", "direct"), ("Mark Delaney", "―", "direct")]
    assert atts[1].content[0].text == "“I am tired of this campaign already.”"


def test_statement_about_someone_s_stance_keeps_its_own_speaker_and_cue(run_article):
    text = "Press secretary Anna Lind said Monday that the president has long called for lower taxes for working families."
    atts = checked_attributions(run_article, text)
    said = _cue(atts, "said")
    assert said.speaker.name == "Anna Lind"
    assert _cue(atts, "called").speaker.name == "president"
    assert [c.speaker.name for c in run_article(text).ann.claims] == ["Anna Lind"]


def test_that_clause_after_a_report_in_a_said_phrase_is_what_was_said(run_article):
    text = ("Ministry spokeswoman Ilse Varga said in response to the paper’s report that the government has "
            "“repeatedly stated” its view that the port was never at risk.")
    atts = checked_attributions(run_article, text)
    assert not [a for a in atts if a.cue and a.cue.lower() == "report"]
    said = _cue(atts, "said")
    assert said.speaker.name == "Ilse Varga"
