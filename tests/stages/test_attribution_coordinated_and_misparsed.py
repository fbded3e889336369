"""Attributions and claims where the parse hides the statement or one sentence holds two
speakers, on sentences written for these tests."""
from __future__ import annotations

from extractkit import checked_attributions


def _cue(atts, cue):
    found = [a for a in atts if a.cue and a.cue.lower() == cue]
    assert found, [a.cue for a in atts]
    return found[0]


def test_reporting_sentence_parsed_as_noun_phrase_still_has_speaker_and_content(run_article):
    # the parser reads "bloggers reported" as a noun with a participle; the speaker ends at the verb
    text = ("The local volunteer bloggers reported on March 3 that the rebels shot down one cargo plane, "
            "two transport helicopters and one drone.")
    a = _cue(checked_attributions(run_article, text), "reported")
    assert a.speaker.text == "The local volunteer bloggers"
    assert a.content[0].text.startswith("that the rebels shot down")
    claims = run_article(text).ann.claims
    assert any(c.speaker is not None and c.speaker.name.endswith("bloggers") and "cargo plane" in c.text for c in claims)


def test_two_groups_with_different_qualifiers_are_two_speakers(run_article):
    text = "Danish officials said the fire was arson, and some European officials said that smugglers were behind it."
    atts = checked_attributions(run_article, text)
    names = sorted(a.speaker.name for a in atts)
    assert names == ["Danish officials", "some European officials"]


def test_coordinated_stance_and_statement_give_a_claim_each(run_article):
    text = ("Danish officials suspected the fire was the result of “deliberate arson,” and some European "
            "officials were quick to blame the fire on smugglers.")
    st = run_article(text)
    blame = _cue(st.ann.attributions, "blame")
    assert blame.content[0].text == "the fire on smugglers"  # not the other clause's quotation
    by_speaker = {c.speaker.name: c.text for c in st.ann.claims if c.speaker is not None}
    assert by_speaker["Danish officials"].startswith("Danish officials suspected")
    assert by_speaker["some European officials"].startswith("some European officials were quick to blame")
    for c in st.ann.claims:
        assert text[c.start:c.end] == c.text


def test_statement_before_an_inverted_speaker_with_apposition_is_one_claim(run_article):
    text = ("The long strike strengthened support for the union leadership, Mara Olsen, the deputy head of "
            "the dockworkers’ association, told a radio show.")
    st = run_article(text)
    told = _cue(st.ann.attributions, "told")
    assert told.speaker.name == "Mara Olsen"
    claim = next(c for c in st.ann.claims if c.attribution == told.id)
    assert claim.text.startswith("The long strike strengthened support")
    assert not any(c.text.startswith("told") for c in st.ann.claims)


def test_figure_given_by_a_body_is_its_statement(run_article):
    text = "On Monday, the regional council based in the north of the island put the death toll at 412."
    a = _cue(checked_attributions(run_article, text), "put")
    assert a.speaker.name == "regional council based in the north of the island"
    assert a.content[0].text == "the death toll at 412"


def test_putting_things_somewhere_is_no_statement(run_article):
    atts = checked_attributions(run_article, "The porters put the crates at the gate before dawn.")
    assert not atts


def test_statement_closed_by_reads_the_report_goes_to_the_report_issuer(run_article):
    text = ("According to a joint report by the broadcasters Radio Nord and TV Sud, divers found a second wreck. "
            "The origin of the cargo is unclear as the crew likely used false papers, reads the report.")
    a = _cue(checked_attributions(run_article, text), "reads")
    assert a.speaker.text == "the report"
    assert a.speaker.name == "Radio Nord and TV Sud" and a.speaker.channel == "report"
    assert a.content[0].text.startswith("The origin of the cargo is unclear")


def test_according_to_before_a_clause_with_its_own_object_stays_according_to(run_article):
    text = "According to a report by the coast guard, divers found a second wreck near the harbour."
    atts = checked_attributions(run_article, text)
    assert [a.kind for a in atts] == ["according_to"]
    assert atts[0].content[0].text.startswith("divers found a second wreck")


def test_cue_between_dashes_inside_the_quotation_credits_the_name_after_it(run_article):
    text = ("Unlike the earthquake last week, “this flood – denounced Omar Haddad, director of the Tamar Institute, "
            "a think tank in the capital – was made by men who have blood on their hands”.")
    a = _cue(checked_attributions(run_article, text), "denounced")
    assert a.speaker.name == "Omar Haddad"
    assert [c.text for c in a.content] == ["“this flood", "was made by men who have blood on their hands”"]
