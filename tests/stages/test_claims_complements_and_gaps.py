"""Claims: what a long sentence says is reachable as a claim of the right size and speaker
(sentences written for these tests):

- two statements of one speaker in one sentence ("X accused A of B, saying C") are one claim
  with both (the second is not lost), and with clause claims on the second is a nested claim;
- words between two statements of one sentence are a claim, not dropped;
- complement clauses packed into a statement (coordinated "that" clauses, a "that" clause inside
  another one) are nested claims of the speaker who made them (clause claims on, 20 words);
- "with some sources predicting ..." is a nested claim; an indirect question is not.
"""
from __future__ import annotations

import pytest

from rashomon.settings import use, validate

ON = {"claims": {"clause_parent_min_words": 20}}
OFF = {"claims": {"clause_parent_min_words": 0}}


@pytest.fixture(scope="module")
def claims_of(run_article):
    cache = {}

    def get(text, on=True):
        key = (text, on)
        if key not in cache:
            with use(validate(ON if on else OFF, "test")):
                st = run_article(text)
            for c in st.ann.claims:
                assert text[c.start:c.end] == c.text
            cache[key] = st.ann.claims
        return cache[key]

    return get


def _claim(claims, text):
    found = [c for c in claims if c.text == text]
    assert found, [c.text for c in claims]
    return found[0]


def test_two_statements_of_one_speaker_in_a_sentence_stay_one_claim_with_both(claims_of):
    text = ("Opposition leader Mara Velden has accused the governor of rigging the count, "
            "saying it was part of a \"long campaign of fraud\".")
    whole = _claim(claims_of(text, on=False), text)
    assert whole.speaker.name == "Mara Velden"
    part = _claim(claims_of(text), "saying it was part of a \"long campaign of fraud\"")
    assert part.speaker.name == "Mara Velden" and part.parent == whole.id


def test_words_between_two_statements_of_a_sentence_are_a_claim(claims_of):
    text = ("The relief agency said that the toll of the storm continues to mount, citing the health ministry as "
            "saying that the floods left 2,310 people dead and more than 5,000 missing in the coastal towns, "
            "while a local council that said 8,000 had died was accused of inflating the count.")
    claims = claims_of(text, on=False)
    gap = [c for c in claims if "citing the health ministry" in c.text and "relief agency" not in c.text]
    assert gap, [c.text for c in claims]
    assert "left 2,310 people dead" in gap[0].text
    assert gap[0].speaker is not None and gap[0].speaker.name == "relief agency"


def test_coordinated_that_clauses_are_each_a_claim_of_the_speaker(claims_of):
    text = ("President Alma Reyes said in a televised address to the nation on Monday evening that the strike by the "
            "dock workers was illegal, and that the leaders who had organised the blockade would be prosecuted.")
    claims = claims_of(text)
    first = _claim(claims, "that the strike by the dock workers was illegal")
    second = _claim(claims, "that the leaders who had organised the blockade would be prosecuted")
    assert first.speaker.name == second.speaker.name == "Alma Reyes"
    assert first.parent is not None and first.parent == second.parent


def test_that_clause_inside_another_is_a_claim_of_its_innermost_speaker(claims_of):
    text = ("On the same day, two regional newspapers claimed that police officers looking into the fire had found "
            "that the van seen near the warehouse belonged to a local company owned by two brothers.")
    c = _claim(claims_of(text), "that the van seen near the warehouse belonged to a local company owned by two brothers")
    assert c.speaker is not None and c.speaker.name == "police officers"  # as the newspapers claimed


def test_reported_claim_inside_a_rejection_is_the_reporters(claims_of):
    text = ("Senator Paul Okafor on Thursday rejected a report by the health inspectors claiming that the outbreak "
            "at the school known as the “spring fever” was not caused by the water supply.")
    c = _claim(claims_of(text), "that the outbreak at the school known as the “spring fever” was not caused by the water supply")
    assert c.speaker is not None and "inspectors" in c.speaker.name


def test_with_clause_with_its_own_subject_is_a_claim(claims_of):
    text = ("While the number of victims of the landslide keeps rising – with some officials predicting up to "
            "3,000 deaths – local engineers blame the poor maintenance of the retaining walls built in the 1970s.")
    _claim(claims_of(text), "with some officials predicting up to 3,000 deaths")


def test_indirect_question_is_not_a_claim(claims_of):
    text = ("The transport minister told reporters at the airport on Tuesday that investigators still did not know "
            "what caused the engine of the cargo plane to fail shortly after take-off.")
    claims = claims_of(text)
    assert not any(c.text.startswith("what caused") for c in claims)


def test_predicate_after_a_long_subject_is_a_claim(claims_of):
    text = ("“All the photos and messages shared on social media by the rebel commander about an alleged raid on "
            "the northern depots of the army do not correspond to the facts and are a deliberate provocation,” "
            "the ministry said in a statement.")
    c = _claim(claims_of(text), "do not correspond to the facts and are a deliberate provocation")
    assert c.speaker is not None and c.speaker.name == "ministry"


def test_with_clause_with_a_finite_verb_is_a_claim(claims_of):
    text = ("Dozens of people are feared dead in the south after heavy rain brought by the cyclone swept away bridges "
            "and roads in several mountain villages, with the town of Orrin cut off entirely following the collapse "
            "of an old levee.")
    _claim(claims_of(text), "with the town of Orrin cut off entirely following the collapse of an old levee")


def test_a_noun_phrase_between_two_statements_is_no_claim(claims_of):
    text = ("“The coastal towns, even the biggest and richest of them, are not prepared” for storms of this size, "
            "said Omar Haddad, a senior research fellow specialising in water policy at the Institute for Coastal "
            "Studies in Lisbon, adding that the damage was made worse by decades of neglect in the poorest districts.")
    claims = claims_of(text, on=False)
    assert any(c.text.startswith("adding that the damage") for c in claims), [c.text for c in claims]
    assert not any(c.text.startswith("a senior research fellow") for c in claims), [c.text for c in claims]


def test_participle_clause_ending_a_long_statement_is_a_claim_of_the_speaker(claims_of):
    text = ("The foreign ministry expressed strong dissatisfaction on Monday with the decision of the port authority "
            "to seize a cargo ship carrying grain for civilian use, calling the seizure an act of piracy and vowing "
            "to defend its interests.")
    claims = claims_of(text, on=False)
    head = next(c for c in claims if c.text.startswith("The foreign ministry expressed"))
    tail = _claim(claims, "calling the seizure an act of piracy and vowing to defend its interests.")
    assert head.end <= tail.start and "calling" not in head.text
    assert head.speaker.name == tail.speaker.name


def test_short_statement_with_a_participle_stays_whole(claims_of):
    text = "The minister said the port was closed to all ships, leaving dozens of them stranded."
    _claim(claims_of(text, on=False), text)


def test_quotation_resumed_with_a_new_sentence_after_the_cue_is_two_claims(claims_of):
    text = ("\"The blast would have been devastating,\" the governor said, \"Then we talked about what could be "
            "done to prevent it, and the only thing that could be done was to drain the tanks.\"")
    claims = claims_of(text, on=False)
    first = _claim(claims, "\"The blast would have been devastating,\" the governor said")
    second = next(c for c in claims if c.text.startswith("\"Then we talked"))
    assert first.speaker.name == second.speaker.name == "governor"
