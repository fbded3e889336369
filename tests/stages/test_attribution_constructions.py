"""Attributions: each construction of reported speech, on sentences written for these tests."""
from __future__ import annotations

from extractkit import checked_attributions

import pytest


def _atts(run_article, text):
    return checked_attributions(run_article, text)


def _one(atts, cue):
    found = [a for a in atts if a.cue and a.cue.lower() == cue]
    assert found, [a.cue for a in atts]
    return found[0]


def test_split_quote_around_cue_gives_one_statement_with_two_parts(run_article):
    text = "“The river has peaked,” the mayor said, “but the levees are still under strain.”"
    a = _one(_atts(run_article, text), "said")
    assert a.kind == "direct"
    assert len(a.content) == 2
    assert "river has peaked" in a.content[0].text and "levees" in a.content[1].text
    assert a.speaker.text == "the mayor"


def test_curly_and_straight_quotes_are_both_direct(run_article):
    for text in ('"We will not give up," the striking nurses said.', "“We will not give up,” the striking nurses said."):
        a = _one(_atts(run_article, text), "said")
        assert a.kind == "direct"
        assert "We will not give up" in a.content[0].text


def test_cue_after_indirect_content(run_article):
    text = "The dam will hold through the weekend, the water authority said."
    a = _one(_atts(run_article, text), "said")
    assert a.kind == "indirect"
    assert a.content[0].text.startswith("The dam will hold")
    assert "water authority" in a.speaker.name.lower()


def test_cue_before_that_clause(run_article):
    text = "Governor Maria Lopez said on Tuesday that 400 homes had been flooded."
    a = _one(_atts(run_article, text), "said")
    assert a.speaker.name == "Maria Lopez"
    assert "400 homes had been flooded" in a.content[0].text


def test_quote_spanning_two_sentences(run_article):
    text = "“Turnout was high across the country. Counting will take two days,” the election commission said."
    a = _one(_atts(run_article, text), "said")
    assert a.kind == "direct"
    joined = " ".join(c.text for c in a.content)
    assert "Turnout was high" in joined and "Counting will take two days" in joined


def test_adding_that_gives_second_content_same_speaker(run_article):
    text = ("The strike will continue until wages rise, union leader Tom Baker said on Monday, "
            "adding that talks with management had collapsed.")
    atts = _atts(run_article, text)
    a = _one(atts, "said")
    assert len(a.content) == 2
    assert "talks with management had collapsed" in a.content[1].text
    assert a.speaker.name == "Tom Baker"
    assert not any(x.cue == "adding" for x in atts)


def test_pronoun_speaker_resolves_to_named_person(run_article):
    text = "Election chief Anna Weber spoke to reporters in the capital. She said the count was accurate."
    a = _one(_atts(run_article, text), "said")
    assert a.speaker.text == "She"
    assert a.speaker.name == "Anna Weber"
    assert a.speaker.resolved and "pronoun" in a.speaker.resolved


def test_description_resolves_to_body_not_to_person_in_between(run_article):
    text = ("According to Ruritania’s General Staff, fighting continues near the border town. "
            "President Karl Olsen visited the front on Sunday. "
            "“The situation is difficult, but our units hold their positions,” the military said on Sunday, "
            "adding that there is no threat of encirclement.")
    a = _one(_atts(run_article, text), "said")
    assert "General Staff" in a.speaker.name
    assert a.speaker.text == "the military"
    assert a.speaker.resolved


def test_the_president_resolves_to_person_with_that_title(run_article):
    text = ("President Elena Marsh toured the flooded district on Sunday with the fire chief. "
            "“We will rebuild every home,” the president said.")
    a = _one(_atts(run_article, text), "said")
    assert a.speaker.name == "Elena Marsh"


def test_according_to(run_article):
    text = "According to the election commission, turnout reached 64 percent."
    atts = _atts(run_article, text)
    a = _one(atts, "according to")
    assert a.kind == "according_to"
    assert "election commission" in a.speaker.name.lower()
    assert "turnout reached 64 percent" in a.content[0].text


def test_chain_reported_according_to_outlet_keeps_original_speaker_first(run_article):
    text = "“The bridge collapsed at dawn,” the county engineer said, according to Reuters."
    atts = _atts(run_article, text)
    assert len(atts) == 1
    a = atts[0]
    assert "engineer" in a.speaker.name
    assert [s.name for s in a.chain][-1] == "Reuters"
    assert "engineer" in a.chain[0].name


def test_chain_outlet_quoted_relative_clause_speaker(run_article):
    text = ("State broadcaster NTV on Monday quoted the regional governor, who told residents that "
            "“the worst of the flooding is over.”")
    atts = _atts(run_article, text)
    assert len(atts) == 1
    a = atts[0]
    assert "governor" in a.speaker.name
    assert "NTV" in a.chain[-1].name
    assert a.chain[0].name == a.speaker.name


def test_nested_report_puts_reporter_in_chain(run_article):
    text = "The mayor admitted that the sirens had failed, local media reported."
    atts = _atts(run_article, text)
    assert len(atts) == 1
    a = atts[0]
    assert "mayor" in a.speaker.name
    assert len(a.chain) == 2 and "media" in a.chain[1].name


def test_distancing_cue_recorded(run_article):
    text = "The rebels claimed that they had captured the airport."
    a = _one(_atts(run_article, text), "claimed")
    assert "claimed" in a.distancing


def test_hedging_cue_recorded(run_article):
    text = "Early returns suggested that the incumbent had lost the seat."
    a = _one(_atts(run_article, text), "suggested")
    assert "suggested" in a.hedges


def test_conjoined_speakers_named_together(run_article):
    text = "Berlin and Paris have said that they will send pumps to the flooded region."
    a = _one(_atts(run_article, text), "said")
    assert "Germany" in a.speaker.name or "Berlin" in a.speaker.name
    assert "France" in a.speaker.name or "Paris" in a.speaker.name


def test_reports_from_x_names_x(run_article):
    text = "Reports from the Red Cross suggested that 2,000 people had been displaced."
    a = _one(_atts(run_article, text), "suggested")
    assert "Red Cross" in a.speaker.name


@pytest.mark.parametrize("text", [
    "Flood Waters Rise Along The River",
    "What would you do if the water reached your door?",
])
def test_no_attribution_in_furniture(run_article, text):
    assert _atts(run_article, text) == []


def test_cue_inside_a_quote_belongs_to_the_quoted_speaker(run_article):
    text = "“I think the levee will hold,” the engineer said."
    atts = _atts(run_article, text)
    assert [a.cue for a in atts] == ["said"]


def test_says_he_believes_is_one_statement_not_a_chain(run_article):
    text = "The candidate says he believes the recount will confirm his victory."
    atts = _atts(run_article, text)
    assert len(atts) == 1 and atts[0].cue == "says"
    assert len(atts[0].chain) <= 1


def test_transcript_label_colon(run_article):
    text = "MODERATOR: Will the city rebuild the bridge?\n\nMAYOR JONES: We will rebuild it within a year."
    atts = _atts(run_article, text)
    a = [x for x in atts if x.cue == ":" and "JONES" in (x.speaker.text or "")]
    assert a and a[0].content[0].text == "We will rebuild it within a year."
    assert a[0].kind == "direct"


def test_called_x_quote_is_an_evaluative_statement(run_article):
    text = "The opposition leader called the flood response “a disgrace.”"
    a = _one(_atts(run_article, text), "called")
    assert "disgrace" in " ".join(c.text for c in a.content)


def test_physical_action_verbs_are_not_cues(run_article):
    text = "Rebel fighters attacked the airport and defended the bridge overnight."
    assert _atts(run_article, text) == []


def test_stance_verb_with_inanimate_subject_is_not_a_statement(run_article):
    text = "The storm's arrival could remove the last obstacle to the talks, which aim to discuss a ceasefire."
    assert _atts(run_article, text) == []


def test_quote_cut_off_by_the_parser_stays_with_its_cue(run_article):
    text = "“The water is gone and so is my shop!” she wrote on social media after the flood."
    a = _one(_atts(run_article, text), "wrote")
    assert "The water is gone" in a.content[0].text


def test_ask_if_gives_the_question_as_content(run_article):
    text = "The mayor shook hands and asked residents if they planned to leave before the storm."
    a = _one(_atts(run_article, text), "asked")
    assert a.content[0].text.startswith("if they planned")


def test_trailing_comment_participle_is_not_part_of_what_was_said(run_article):
    text = ("The port authority said that the cranes were back in service on Tuesday, "
            "directly contradicting the shipping company's account of a week-long closure.")
    a = _one(_atts(run_article, text), "said")
    joined = " ".join(c.text for c in a.content)
    assert "cranes were back in service" in joined
    assert "contradicting" not in joined and "week-long closure" not in joined


def test_saying_after_a_denial_is_a_second_content_of_the_same_speaker(run_article):
    text = ("The health ministry denied that its hospitals had run out of oxygen, "
            "saying the supply chain was working normally.")
    atts = _atts(run_article, text)
    a = _one(atts, "denied")
    texts = [c.text for c in a.content]
    assert any("run out of oxygen" in t and "saying" not in t for t in texts)
    assert any("supply chain was working normally" in t for t in texts)
    assert not [b for b in atts if b.cue and b.cue.lower() == "saying"]
