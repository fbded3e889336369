"""Claims: clause-level units, attributed or narration, with polarity and modality."""
from __future__ import annotations


def _claims(run_article, text, **kw):
    st = run_article(text, **kw)
    for c in st.ann.claims:
        assert text[c.start:c.end] == c.text
        if c.sentence_start is not None:
            assert c.sentence_start <= c.start and c.end <= c.sentence_end
    return st


def test_every_claim_and_attribution_offset_slices_the_text(run_article):
    text = ("Heavy rain flooded the valley on Saturday, forcing 3,000 people from their homes. "
            "“The water is still rising,” the regional governor said, “and more rain is coming.”\n\n"
            "According to the weather service, the river crested at 9 meters. Officials denied that the dam had failed. "
            "He added that rescuers had reached every village.")
    st = _claims(run_article, text)
    assert st.ann.claims and st.ann.attributions
    for a in st.ann.attributions:
        for c in a.content:
            assert text[c.start:c.end] == c.text
    ids = [c.id for c in st.ann.claims]
    assert len(ids) == len(set(ids)) and all(c.id == f"c:t1:{c.start}-{c.end}" for c in st.ann.claims)


def test_narration_split_into_clauses_at_trailing_participle(run_article):
    text = "The union launched a strike at the steel plant in March, reportedly halting production at three furnaces."
    claims = _claims(run_article, text).ann.claims
    assert len(claims) == 2
    assert all(c.kind == "narrative" and c.speaker is None for c in claims)
    assert claims[0].text.startswith("The union launched a strike")
    assert claims[1].text.startswith("reportedly halting")
    assert claims[1].hedged and "reportedly" in claims[1].hedges


def test_narration_split_at_coordinated_clauses_with_own_subject(run_article):
    text = "Voters queued for hours at polling stations in the north, and officials extended voting until midnight."
    claims = _claims(run_article, text).ann.claims
    assert len(claims) == 2
    assert "officials extended voting" in claims[1].text


def test_attributed_sentence_keeps_speaker_words_and_speaker(run_article):
    text = "“We have lost everything,” said farmer Ruth Okafor, standing in the mud."
    claims = _claims(run_article, text).ann.claims
    assert len(claims) == 1
    c = claims[0]
    assert c.speaker is not None and "Ruth Okafor" in c.speaker.name
    assert c.kind == "direct"
    assert c.text.startswith("“We have lost everything,”")


def test_adding_that_gives_two_claims_with_one_speaker(run_article):
    text = ("“The situation is difficult, but our crews continue to hold the levee,” the fire department said on Sunday, "
            "adding that there is no threat to the town centre.")
    claims = _claims(run_article, text).ann.claims
    assert len(claims) == 2
    assert claims[0].text.startswith("“The situation is difficult")
    assert "fire department said" in claims[0].text
    assert claims[1].text.startswith("adding that there is no threat")
    assert claims[0].speaker.name == claims[1].speaker.name


def test_description_speaker_resolved_in_claim(run_article):
    text = ("According to Ruritania’s General Staff, fighting continues near the border town. "
            "“The situation is difficult, but our units continue to hold certain positions,” the military said on April 3, "
            "adding that there is no threat of encirclement.")
    claims = _claims(run_article, text).ann.claims
    quote = [c for c in claims if "our units continue" in c.text]
    assert quote and "General Staff" in quote[0].speaker.name


def test_denied_that_makes_the_content_denied(run_article):
    text = "The company denied that its managers had locked out the workers."
    c = _claims(run_article, text).ann.claims[0]
    assert c.polarity == "denied"
    assert c.cue == "denied"


def test_negated_narration_is_denied(run_article):
    text = "The electoral board did not certify the results on Friday."
    c = _claims(run_article, text).ann.claims[0]
    assert c.polarity == "denied"


def test_two_statements_in_one_sentence_give_two_claims(run_article):
    text = ("The sheriff said on Saturday that the fire had been contained, though residents denied that the "
            "flames had stopped spreading.")
    claims = _claims(run_article, text).ann.claims
    assert len(claims) == 2
    assert claims[0].speaker.name.lower().endswith("sheriff")
    assert claims[1].polarity == "denied" and "residents" in claims[1].speaker.name.lower()


def test_statement_hanging_from_narration_is_split_off(run_article):
    text = ("The envoy met the rebel leaders in the capital on Friday, with the foreign minister stating that "
            "both sides were close to a deal.")
    claims = _claims(run_article, text).ann.claims
    assert len(claims) == 2
    assert claims[0].speaker is None and claims[0].kind == "narrative"
    assert claims[1].speaker is not None and "minister" in claims[1].speaker.name


def test_headings_bylines_and_reader_questions_are_not_claims(run_article):
    text = ("Flood Waters Rise Along The River\n\n"
            "The river burst its banks on Monday.\n\n"
            "What would you do if the water reached your door?\n\n"
            "Jane Doe contributed reporting.")
    claims = _claims(run_article, text).ann.claims
    assert [c.text for c in claims] == ["The river burst its banks on Monday."]


def test_claims_link_quantities_and_times_inside_them(run_article):
    text = "Rescuers evacuated 3,000 people from the valley on Monday. The storm moved east."
    st = _claims(run_article, text, published="2024-05-08")
    by_id = {c.id: c for c in st.ann.claims}
    assert st.ann.quantities and st.ann.times
    for item, field in [(q, "quantities") for q in st.ann.quantities] + [(t, "times") for t in st.ann.times]:
        assert item.claim in by_id
        c = by_id[item.claim]
        assert c.start <= item.start and item.end <= c.end
        assert item.id in getattr(c, field)


def test_claim_records_actors_mentioned(run_article):
    text = "Prime Minister Ana Ruiz visited the flooded town of Riverton on Monday."
    st = _claims(run_article, text)
    c = st.ann.claims[0]
    names = {a.id: a.name for a in st.ann.actors}
    assert any(names[i] == "Ana Ruiz" for i in c.actors)


def test_stance_verb_does_not_cut_a_statement_sentence(run_article):
    text = ("The governor also thanked the volunteers who, she said, “worked through the night” to save the "
            "old town from the water.")
    claims = _claims(run_article, text).ann.claims
    assert len(claims) == 1
    assert claims[0].text == text
    assert claims[0].speaker is not None


def test_sentence_cut_by_the_parser_is_not_taken_for_a_heading(run_article):
    text = ("He says he has taken pains to remain neutral in the race between the two candidates so he "
            "would not be accused of rigging the vote.")
    st = _claims(run_article, text)
    assert any(a.cue == "says" for a in st.ann.attributions)


def test_not_clear_is_unknown_not_a_denial(run_article):
    text = "It is not clear how many people were hurt in the blast. The old bridge did not collapse."
    st = _claims(run_article, text)
    unclear = next(c for c in st.ann.claims if "not clear" in c.text)
    assert unclear.polarity == "asserted" and unclear.hedged and "not clear" in unclear.hedges
    bridge = next(c for c in st.ann.claims if "did not collapse" in c.text)
    assert bridge.polarity == "denied"


def test_a_negated_reporting_verb_leaves_the_content_open(run_article):
    text = ("The minister did not say that the plant would close. "
            "The company did not deny that workers had been laid off. "
            "The union denied that it had called a strike.")
    st = _claims(run_article, text)
    said = next(c for c in st.ann.claims if "plant would close" in c.text)
    assert said.polarity == "asserted" and said.hedged
    deny = next(c for c in st.ann.claims if "laid off" in c.text)
    assert deny.polarity == "asserted" and deny.hedged
    union = next(c for c in st.ann.claims if "called a strike" in c.text)
    assert union.polarity == "denied"
