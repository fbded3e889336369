"""Speakers of quotations that go on after their statement, of quantifiers that stand for part of
a group named before ("Others", "Five of them"), and of "according to its figures"; on sentences
written for these tests (offsets checked by ``checked_attributions``)."""
from __future__ import annotations

import pytest

from extractkit import checked_attributions


def _with(atts, words):
    found = [a for a in atts if any(words in c.text for c in a.content)]
    assert found, [(a.speaker and a.speaker.name, [c.text for c in a.content]) for a in atts]
    return found[0]


@pytest.fixture(scope="module")
def bridge(run_article):
    text = ("“The bridge will reopen in May,” the mayor of Lowbury said on Monday. “The money is there. "
            "We only need to find out what the county wants.”\n\n"
            "“The contractors are ready,” Anna Lind told reporters.\n\n"
            "“They have waited since March for the permits and the steel.”\n\n"
            "The council met on Tuesday. “A total failure” was the verdict of the opposition.\n")
    return text, checked_attributions(run_article, text)


def test_a_quotation_that_goes_on_in_the_next_sentence_keeps_the_speaker(bridge):
    _, atts = bridge
    a = _with(atts, "The money is there")
    assert "mayor" in a.speaker.name
    assert a.kind == "direct"


def test_a_cue_inside_a_quotation_that_goes_on_is_not_a_new_statement(bridge):
    _, atts = bridge
    assert not [a for a in atts if a.cue == "find"]
    assert not [a for a in atts if a.speaker is not None and a.speaker.text == "We"]


def test_a_quotation_paragraph_after_an_attributed_quotation_keeps_the_speaker(bridge):
    _, atts = bridge
    a = _with(atts, "waited since March")
    assert a.speaker.name == "Anna Lind"


def test_a_quoted_phrase_after_narration_gets_no_speaker(bridge):
    _, atts = bridge
    assert not [a for a in atts if any("total failure" in c.text for c in a.content)]


@pytest.fixture(scope="module")
def residents(run_article):
    text = ("Some residents of Lowbury complained about headaches after the fire. "
            "Others questioned how the river could be safe when the fish had died.\n\n"
            "The inquiry weighed the views of seven agencies. Five of them found that the plant had "
            "not leaked, according to the summary.\n")
    return checked_attributions(run_article, text)


def test_others_is_named_after_the_group_that_spoke_before(residents):
    a = _with(residents, "river could be safe")
    assert a.speaker.name == "other residents"
    assert a.speaker.text == "Others"


def test_five_of_them_is_named_after_the_group_before_it(residents):
    a = _with(residents, "plant had")
    names = [a.speaker.name] + [s.name for s in a.chain]
    assert any("agencies" in n for n in names), names


def test_a_quantifier_with_its_own_group_is_named_by_it(run_article):
    text = "Of the seven agencies in the review, five said that the plant had not leaked."
    a = _with(checked_attributions(run_article, text), "plant had not leaked")
    assert "agencies" in a.speaker.name


def test_according_to_its_figures_is_the_body_that_spoke_before(run_article):
    text = ("The Harbour Board said on Monday that the port would reopen. "
            "According to its figures, 300 ships were waiting.")
    a = _with(checked_attributions(run_article, text), "300 ships")
    assert a.speaker.name == "Harbour Board"
    assert a.speaker.text == "its figures"


def test_the_outlets_sources_are_the_named_outlets_sources(run_article):
    text = ("On Tuesday, the Baltic News Network reported, citing officials, that a private group may have "
            "been behind the attack. The outlet’s sources also claimed that no foreign nationals were involved.")
    a = _with(checked_attributions(run_article, text), "no foreign nationals")
    assert a.speaker.name == "Baltic News Network sources"
    assert a.speaker.text == "The outlet’s sources"
    assert a.speaker.actor is None  # unnamed sources, not the outlet itself


def test_the_companys_lawyers_are_named_after_the_company(run_article):
    text = ("Northwind Airlines said on Monday that the jets would fly again. "
            "The company's lawyers said the claims had no merit.")
    a = _with(checked_attributions(run_article, text), "no merit")
    assert a.speaker.name == "Northwind Airlines lawyers"


def test_a_quotation_next_to_another_cue_is_not_given_to_a_verb_in_a_relative_clause(run_article):
    text = ("The spokesman, Omar Reyes, said on Monday that the agency had used figures that had been "
            "verified by the Red Cross, and when asked about the change, Reyes said: “In floods, the "
            "figures change every day.”")
    atts = checked_attributions(run_article, text)
    holders = [a for a in atts if any("figures change every day" in c.text for c in a.content)]
    assert holders, [(a.speaker and a.speaker.name, a.cue) for a in atts]
    assert all("Reyes" in a.speaker.name for a in holders), [(a.speaker.name, a.cue) for a in holders]


def test_names_in_apposition_to_a_plural_noun_are_the_speakers(run_article):
    text = ("The two newspapers, the Herald and the Courier, reported that the mayor had resigned.\n\n"
            "According to a report by the broadcasters Radio Nordia and Kanal Vest, the council will meet on Friday.")
    atts = checked_attributions(run_article, text)
    a = _with(atts, "mayor had resigned")
    assert "Herald" in a.speaker.name and "Courier" in a.speaker.name
    b = _with(atts, "council will meet")
    assert "Radio Nordia" in b.speaker.name


def test_according_to_their_data_is_the_named_body_that_is_the_subject_before(run_article):
    text = ("The polling firm Northfield Research forecasts a victory of the opposition in the election. "
            "According to their data, the opposition receives 51.9% of the votes.")
    atts = checked_attributions(run_article, text)
    a = _with(atts, "51.9%")
    assert a.speaker.name == "Northfield Research"
    assert a.speaker.text == "their data"
    b = _with(atts, "victory of the opposition")
    assert b.speaker.name == "Northfield Research"


def test_a_verb_with_an_object_says_what_it_calls_the_object(run_article):
    text = "The mayor, Anna Berg, condemned the vote as a “total failure” and urged residents to stay calm."
    atts = checked_attributions(run_article, text)
    a = _with(atts, "total failure")
    assert a.cue == "condemned"
    assert a.content[0].text == "the vote as a “total failure”"
    assert not [x for x in atts if x.cue == "urged" and any("total failure" in c.text for c in x.content)]


def test_he_after_a_persons_possessive_is_that_person_not_his_channel(run_article):
    text = ("On Friday evening, several audio recordings were posted on Ivan Sorokin’s Telegram channel. "
            "He claimed that his units had come under attack.")
    a = _with(checked_attributions(run_article, text), "units had come under attack")
    assert a.speaker.name == "Ivan Sorokin"
    assert a.speaker.text == "He"


def test_according_to_their_data_skips_a_relative_clause_and_takes_an_untagged_name(run_article):
    text = ("The American polling company Northfield Research, which conducts exit polls for the largest "
            "media groups, forecasts a victory of the opposition. According to their data, the opposition "
            "receives 51.9% of the votes.\n\nThe local sociological center Varta, which conducted surveys for a "
            "television channel, has opposite results. According to their data, the ruling party received 56.1%.")
    atts = checked_attributions(run_article, text)
    assert _with(atts, "51.9%").speaker.name == "Northfield Research"
    assert _with(atts, "56.1%").speaker.name == "Varta"


def test_a_participle_after_a_noun_has_that_noun_as_speaker(run_article):
    text = ("Preliminary results from the election board show the ruling party ahead, despite exit polls "
            "suggesting four opposition parties had won.")
    a = _with(checked_attributions(run_article, text), "four opposition parties had won")
    assert "exit polls" in a.speaker.name
    assert "board" not in a.speaker.name


def test_an_inverted_statement_ending_in_name_and_title_credits_the_name(run_article):
    text = ("LOWBURY, June 25. The crisis rallied support for the governor, Denis Lund, the acting head of "
            "the northern region, told a television show.")
    a = _with(checked_attributions(run_article, text), "rallied support")
    assert a.speaker.name == "Denis Lund"
    assert "Denis Lund" not in a.content[0].text


def test_a_name_in_apposition_before_and_then_is_not_an_inverted_speaker(run_article):
    text = "The minister met the mayor, Anna Berg, and told reporters that the bridge would reopen."
    a = _with(checked_attributions(run_article, text), "bridge would reopen")
    assert "Anna Berg" not in a.speaker.name


def test_hailed_by_credits_the_agent(run_article):
    text = ("The army shot down the balloon on Saturday. The action was hailed by the President Anna Berg "
            "as \"a success,\" according to media reports.")
    a = _with(checked_attributions(run_article, text), "a success")
    assert a.speaker.name == "Anna Berg"


def test_attributed_a_cause_is_the_subjects_statement_but_a_participle_is_not(run_article):
    text = ("Ahmed Saleh, a spokesman for the army, told a news conference that the toll had passed 2,000. "
            "Saleh attributed the catastrophe to the collapse of two nearby dams.\n\n"
            "The footage, attributed to the rebels, showed a burning tank.")
    atts = checked_attributions(run_article, text)
    assert _with(atts, "collapse of two nearby dams").speaker.name == "Saleh"
    assert not [a for a in atts if a.cue == "attributed" and "rebels" in (a.speaker.name if a.speaker else "")]


def test_a_statement_attributed_to_someone_is_theirs(run_article):
    text = "A statement attributed to the rebels said that the camp had been shelled."
    a = _with(checked_attributions(run_article, text), "camp had been shelled")
    assert a.speaker.name == "rebels"


def test_the_intelligence_suggests_is_the_statement_just_before(run_article):
    text = ("The Baltic Herald reported on March 7, citing unidentified officials who reviewed new intelligence, "
            "that a private group might have carried out the attack. The intelligence suggests that the group "
            "included opponents of the government.")
    a = _with(checked_attributions(run_article, text), "included opponents")
    assert a.speaker.name == "Baltic Herald"
    assert a.speaker.channel == "intelligence"


def test_a_report_of_named_inspectors_is_theirs_not_the_speaker_before(run_article):
    text = "The water board said in its report that leaks had doubled. The report of the inspectors said the pipes were old."
    a = _with(checked_attributions(run_article, text), "pipes were old")
    assert "inspectors" in a.speaker.name


def test_each_sentence_of_a_quotation_that_goes_on_is_a_claim_with_the_speaker(run_article):
    text = ("“The bridge will reopen in May,” the mayor of Lowbury said on Monday. “The money is there. "
            "We only need the permits from the county.”\n\n“The contractors are ready,” Anna Lind told reporters.\n\n"
            "“They have waited since March for the permits and the steel.”\n")
    st = run_article(text, until="claims")
    for words, who in (("The money is there", "mayor"), ("permits from the county", "mayor"), ("waited since March", "Anna Lind")):
        claims = [c for c in st.ann.claims if words in c.text]
        assert claims, [c.text for c in st.ann.claims]
        assert all(c.speaker is not None and who in c.speaker.name for c in claims), [(c.text, c.speaker) for c in claims]
        assert all(text[c.start:c.end] == c.text for c in claims)


def test_unnamed_sources_keep_their_affiliation(run_article):
    text = ("The toll continues to rise, with some sources predicting up to 20,000 deaths. Analysts blame "
            "the delays. Not to mention, some Nordian sources tell the agency that the storm was underestimated.")
    a = _with(checked_attributions(run_article, text), "storm was underestimated")
    assert a.speaker.name == "some Nordian sources"
