"""Speakers of reports that go on: "..., reads the report", sentences hedged as reported right after
a report's statement, and body nouns narrowed by a clause; on sentences written for these tests
(offsets checked by ``checked_attributions``)."""
from __future__ import annotations

from extractkit import checked_attributions


def _with(atts, words):
    found = [a for a in atts if any(words in c.text for c in a.content)]
    assert found, [(a.speaker and a.speaker.name, a.cue, [c.text for c in a.content]) for a in atts]
    return found[0]


def _none_with(atts, words):
    return not any(words in c.text for a in atts for c in a.content)


REPORT_GOES_ON = ("Investigators have identified a van used in the robbery, according to a report by the weekly "
                  "Harbour Gazette.\n\n"
                  "The van, rented in Leeds by two brothers, is believed to have carried a crew of four. "
                  "It reportedly left the depot at dawn and returned a day later.")


def test_reads_the_report_closing_a_sentence_is_the_reports_statement(run_article):
    text = "The dam had not been inspected since 2010 and its gates were rusted, reads the report."
    a = _with(checked_attributions(run_article, text), "gates were rusted")
    assert a.cue == "reads"
    assert a.speaker.text == "the report"
    assert a.content[0].text.startswith("The dam had not been inspected")
    assert "reads" not in a.content[0].text


def test_reads_the_report_takes_the_issuer_of_the_report_named_before(run_article):
    text = ("According to a report by the weekly Harbour Gazette, the bank was robbed by four men. "
            "The nationality of the crew is unclear as they likely used forged papers, reads the report.")
    a = _with(checked_attributions(run_article, text), "nationality of the crew")
    assert "Harbour Gazette" in a.speaker.name
    assert a.speaker.text == "the report"


def test_a_clause_joined_by_and_is_no_inverted_statement(run_article):
    text = "The ferry was overloaded, and the captain ignored the report."
    assert _none_with(checked_attributions(run_article, text), "ferry was overloaded")


def test_a_sentence_hedged_as_believed_after_a_report_is_that_reports(run_article):
    a = _with(checked_attributions(run_article, REPORT_GOES_ON), "carried a crew of four")
    assert "Harbour Gazette" in a.speaker.name
    assert a.cue == "believed"
    assert REPORT_GOES_ON[a.cue_start:a.cue_end] == "believed"
    assert a.speaker.resolved and "reported sentence" in a.speaker.resolved


def test_a_reportedly_sentence_after_a_reported_sentence_goes_on_with_the_report(run_article):
    a = _with(checked_attributions(run_article, REPORT_GOES_ON), "left the depot at dawn")
    assert "Harbour Gazette" in a.speaker.name
    assert a.cue == "reportedly"
    assert a.content[0].text == "It reportedly left the depot at dawn and returned a day later."


def test_a_reportedly_sentence_after_a_person_speaking_stays_narration(run_article):
    text = ("The mayor said on Monday that the levee held.\n\n"
            "Two families reportedly refused to leave their homes near the river.")
    atts = checked_attributions(run_article, text)
    assert _with(atts, "levee held").speaker.name.lower() == "mayor"
    assert _none_with(atts, "refused to leave")


def test_a_reportedly_sentence_with_no_statement_before_stays_narration(run_article):
    text = ("The storm reached the coast on Sunday night.\n\n"
            "Two families reportedly refused to leave their homes near the river.")
    assert _none_with(checked_attributions(run_article, text), "refused to leave")


def test_a_reportedly_sentence_after_a_narrated_sentence_stays_narration(run_article):
    text = ("The van was found on Tuesday, according to a report by the weekly Harbour Gazette. "
            "The police sealed off the street. "
            "The driver reportedly fled to Spain.")
    assert _none_with(checked_attributions(run_article, text), "fled to Spain")


def test_a_government_narrowed_by_a_clause_keeps_its_own_words(run_article):
    text = ("Peru has been split between two rival administrations since 2014. The mayor said the levee held. "
            "But on Saturday, the government based in the north of the country put the number of deaths at 3,252.")
    a = _with(checked_attributions(run_article, text), "number of deaths")
    assert "north of the country" in a.speaker.name
    assert a.speaker.name != "Peru"


def test_a_bare_government_still_stands_for_the_country_named_before(run_article):
    text = "Peru sent aid on Monday. The government said the levee held."
    a = _with(checked_attributions(run_article, text), "levee held")
    assert a.speaker.name == "Peru"


def test_a_theory_shared_by_a_group_is_that_groups_statement(run_article):
    text = ("The review dismissed a leading theory shared by some sailors and lawmakers that the crew "
            "had been poisoned by a rival fleet.")
    a = _with(checked_attributions(run_article, text), "poisoned by a rival fleet")
    assert a.cue == "theory"
    assert "sailors and lawmakers" in a.speaker.name


def test_a_claim_made_by_a_body_is_that_bodys_statement(run_article):
    text = "The minister rejected the claim made by the union that wages had fallen for a decade."
    atts = checked_attributions(run_article, text)
    a = next(a for a in atts if a.cue == "claim")
    assert a.speaker.name == "union"
    assert a.content[0].text.endswith("wages had fallen for a decade")


def test_a_theory_held_by_a_group_that_is_described_gives_no_statement(run_article):
    text = "The review dismissed a theory shared by the sailors who served on the ship."
    assert not any(a.cue == "theory" for a in checked_attributions(run_article, text))


def test_a_quoted_name_before_a_passive_relative_cue_is_not_a_statement(run_article):
    text = ('The review found no link to the mysterious symptoms known as "Harbour Fever" that have been '
            "reported by more than a thousand sailors since 2016.")
    atts = checked_attributions(run_article, text)
    assert not any(a.speaker and "sailors" in a.speaker.name for a in atts)


def test_a_quotation_after_a_passive_relative_cue_is_still_its_content(run_article):
    text = ('The crew described symptoms that were reported by the captain as "unlike anything I have seen '
            'at sea in forty years."')
    a = next(a for a in checked_attributions(run_article, text) if a.speaker and a.speaker.name == "captain")
    assert "unlike anything" in a.content[0].text


def test_results_from_a_body_showing_a_party_with_a_figure_are_that_bodys_statement(run_article):
    text = ("Preliminary results from the election board show the Green Party with an outright majority of 54%, "
            "despite exit polls suggesting three rival parties had won.")
    a = next(a for a in checked_attributions(run_article, text) if a.cue == "show")
    assert "election board" in a.speaker.name
    assert a.content[0].text == "the Green Party with an outright majority of 54%"



BETWEEN = ("“The imagery was clear,” the official said, referring to the spy planes. The equipment aboard was "
           "“inconsistent” with a weather balloon, as it had “multiple antennas to collect signals.”\n\n"
           "The panels were large enough to power that activity, the official noted.")


def test_quoted_words_between_two_statements_of_one_speaker_are_that_speakers(run_article):
    a = _with(checked_attributions(run_article, BETWEEN), "multiple antennas")
    assert a.speaker.name == "official"
    assert a.speaker.start is None  # named around it, not in it
    assert a.kind == "mixed"
    assert a.content[0].text.startswith("The equipment aboard was")


def test_quoted_words_between_two_different_speakers_stay_narration(run_article):
    text = ("“We will rebuild,” the mayor said on Monday. The town's motto, “Never Again”, hangs over the hall. "
            "The money is there, the governor added.")
    assert _none_with(checked_attributions(run_article, text), "Never Again")


def test_a_sentence_without_quoted_words_between_one_speakers_statements_stays_narration(run_article):
    text = "“We will rebuild,” the mayor said on Monday. The hall was packed. The money is there, the mayor added."
    assert _none_with(checked_attributions(run_article, text), "hall was packed")


def test_the_spokesman_is_the_person_the_article_titles_press_secretary(run_article):
    text = ("Palace Press Secretary Ivo Marten said on Wednesday that the reports were false.\n\n"
            "The palace spokesman also noted that the envoy had not been invited to the inquiry.")
    a = _with(checked_attributions(run_article, text), "not been invited")
    assert a.speaker.name == "Ivo Marten"
    assert a.speaker.text == "The palace spokesman"


def test_a_quoted_name_between_two_statements_of_one_speaker_stays_narration(run_article):
    text = ("“We will rebuild,” the mayor said on Monday. The law, known as the “Safe Streets Act”, passed "
            "in 2019. The money is there, the mayor added.")
    assert _none_with(checked_attributions(run_article, text), "Safe Streets Act")


def test_a_share_of_voters_is_a_speaker(run_article):
    text = "In Ohio, half of the registered voters said they were angry about the economy."
    a = _with(checked_attributions(run_article, text), "angry about the economy")
    assert a.speaker.name == "half of the registered voters"


def test_a_poll_share_n_in_10_is_a_speaker(run_article):
    text = "Six in 10 say the governor is at least somewhat decisive."
    a = _with(checked_attributions(run_article, text), "somewhat decisive")
    assert a.speaker.text == "Six in 10"


def test_a_share_of_a_thing_is_no_speaker(run_article):
    text = "A third of the budget said to be wasted on consultants was never audited."
    assert not any(a.speaker and "budget" in a.speaker.name for a in checked_attributions(run_article, text))


def test_a_person_noun_ending_in_ess_is_a_speaker(run_article):
    text = "The actress said she was tired of the status quo."
    a = _with(checked_attributions(run_article, text), "tired of the status quo")
    assert a.speaker.name == "actress"


def test_a_second_said_the_parser_hung_inside_the_first_clause_is_the_same_speakers(run_article):
    text = "The mayor said the storm had damaged the roof and added that repairs would take a week."
    atts = checked_attributions(run_article, text)
    first = _with(atts, "damaged the roof")
    second = _with(atts, "repairs would take a week")
    assert first is not second
    assert second.speaker.name == "mayor"
    assert "added" not in first.content[0].text


def test_a_conjoined_cue_of_people_in_the_clause_keeps_them_as_speaker(run_article):
    text = "He said officials met on Monday and agreed that the talks would resume."
    a = next(a for a in checked_attributions(run_article, text) if a.cue == "agreed")
    assert a.speaker.name == "officials"
