"""Attribution behaviours fixed after the robustness audit on unseen US political news
(2026-11-22). Sentences written for these tests."""
from __future__ import annotations


def _atts(run_article, text):
    return run_article(text, published="2012-03-04", until="attributions").ann.attributions


def test_pronoun_after_indirect_speech_resolves_to_the_reporting_subject(run_article):
    atts = _atts(run_article, "Mayor Lena Ortiz said Commissioner Hart must resign before the vote. "
                              "\u201cThe city deserves better,\u201d she said.")
    she = [a for a in atts if a.speaker and a.speaker.text == "she"]
    assert she and "Ortiz" in she[0].speaker.name


def test_person_named_only_inside_a_quote_is_not_an_antecedent(run_article):
    atts = _atts(run_article, "Senator Paul Brandt spoke first. \u201cI told Governor Hale to drop the plan,\u201d "
                              "he said.")
    he = [a for a in atts if a.speaker and a.speaker.text == "he"]
    assert he and "Brandt" in he[0].speaker.name


def test_pronoun_speaker_after_an_untyped_surname_takes_that_name(run_article):
    atts = _atts(run_article, "Okafor spoke on Monday. He added, \u201cWe are not done with this fight.\u201d")
    assert atts and atts[-1].speaker.name == "Okafor"


def test_unresolvable_pronoun_is_not_used_as_the_name(run_article):
    atts = _atts(run_article, "The storm hit at night. He said, \u201cWe lost everything in the water.\u201d")
    assert atts
    sp = atts[0].speaker
    assert sp.name.lower() != "he" and sp.actor is None and "unresolved" in (sp.resolved or "")


def test_dateline_place_is_not_the_speaker(run_article):
    atts = _atts(run_article, "BOSTON -- State Treasurer Ana Lima said on Monday that the fund had recovered.")
    assert atts and atts[0].speaker.name.endswith("Ana Lima") and "BOSTON" not in atts[0].speaker.text


def test_idioms_built_on_say_are_not_cues(run_article):
    for text in ("Needless to say, the budget talks collapsed on Friday night.",
                 "Let's say the council approves the tax next month.",
                 "The deal was, so to speak, dead on arrival in the chamber."):
        assert not [a for a in _atts(run_article, text) if a.cue.lower() == "say"], text


def test_inanimate_subject_of_a_cue_verb_is_not_a_speaker(run_article):
    atts = _atts(run_article, "The new rule passed in May, denying a challenger a place on the ballot.")
    assert not [a for a in atts if a.cue.lower().startswith("deny")]
    atts = _atts(run_article, "His remarks ask a great deal of patience from the voters.")
    assert not atts


def test_document_subject_still_reports(run_article):
    atts = _atts(run_article, "The audit said the agency had lost track of 300 laptops.")
    assert atts and "audit" in atts[0].speaker.name.lower()


def test_inverted_attribution_with_a_rarer_verb(run_article):
    for verb in ("countered", "cautioned", "summarized"):
        atts = _atts(run_article, f"\u201cThis budget will not survive the winter,\u201d {verb} Delgado.")
        assert atts and atts[0].speaker.name == "Delgado" and atts[0].kind == "direct", verb


def test_called_with_quoted_words_is_a_mixed_attribution(run_article):
    atts = _atts(run_article, "Rep. Dana Whitfield called the mayor's plan \"reckless\" on Tuesday.")
    assert atts and "Whitfield" in atts[0].speaker.name and atts[0].kind == "mixed"


def test_participle_saying_takes_the_main_subject(run_article):
    atts = _atts(run_article, "Ms. Varga released a statement on Sunday, saying, \u201cI regret the words I chose.\u201d")
    assert atts and atts[0].speaker.name == "Varga"


def test_office_of_a_person_speaks_for_that_person(run_article):
    atts = _atts(run_article, "Mr. Albrecht's office said the letter had never been received.")
    assert atts and atts[0].speaker.name == "Albrecht"


def test_apposition_gives_the_person_not_the_title(run_article):
    atts = _atts(run_article, "Tom Reyes, a spokesman for the state party, said the count was fair.")
    assert atts and atts[0].speaker.name == "Tom Reyes"


def test_long_list_of_speakers_is_summarised(run_article):
    atts = _atts(run_article, "Anne Cole and Bill Dorn and Carla Estes and Dave Ford said the vote was rigged.")
    assert atts and atts[0].speaker.name == "Anne Cole and 3 others" and atts[0].speaker.actor is None


def test_quote_does_not_run_into_the_next_paragraph(run_article):
    text = ("Ines Moro said, \u201cThe bridge will reopen in June.\n\n"
            "The council meets again on Thursday to approve the repairs.")
    atts = _atts(run_article, text)
    assert atts and all("\n" not in c.text for a in atts for c in a.content)
    assert "June" in atts[0].content[0].text


def test_multi_paragraph_quote_splits_between_two_cues(run_article):
    text = ("Ines Moro said, \u201cThe bridge will reopen in June. The money is there.\n\n"
            "\u201cNobody should worry about the schedule,\u201d she added.")
    atts = _atts(run_article, text)
    said = [a for a in atts if a.cue == "said"][0]
    added = [a for a in atts if a.cue == "added"][0]
    assert "Nobody" not in said.content[0].text and "June" in said.content[0].text
    assert added.content[0].text.startswith("\u201cNobody") and added.kind == "direct"
    assert added.speaker.name == "Ines Moro"


def test_she_skips_a_man_named_with_mr(run_article):
    atts = _atts(run_article, "Ms. Dana Price met Mr. Hal Grant on Monday. Grant said the deal was done. "
                              "\u201cWe are happy with it,\u201d she said.")
    she = [a for a in atts if a.speaker and a.speaker.text == "she"]
    assert she and she[0].speaker.name == "Dana Price"


def test_capitalised_outlet_name_tagged_as_a_noun_still_reports(run_article):
    atts = _atts(run_article, "HuffPost reported in May that the senator had skipped the hearing.")
    assert atts and atts[0].speaker.name == "HuffPost"
