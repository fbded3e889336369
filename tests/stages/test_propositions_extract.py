"""The claims stage gives every claim a proposition read from the parse: predicate normalised,
agent and patient by voice, the content of reported speech (not the saying), place, time,
quantity, polarity, modality and hedge; every slot's offsets slice the text it names."""
from __future__ import annotations

import pytest

SENTENCES = {
    "active": "Rebels shot down the jet over Donetsk on Monday.",
    "passive": "The jet was downed by rebels.",
    "reported": "Officials said on Tuesday that the bridge was destroyed by government forces.",
    "according": "According to the governor, 12 people were killed in Belgorod.",
    "denial": "The army denied that its units had shelled the village.",
    "negated": "Moscow reportedly did not launch the missile.",
    "copula": "The balloon is a weather airship, the ministry said.",
    "light": "Ukrainian troops carried out an attack on the base in Crimea.",
    "light_passive": "An attack on the base was carried out by Ukrainian troops.",
    "modal": "Police may have arrested the suspect.",
    "part": "Rebels destroyed a section of the bridge.",
    "nobody": "No one was injured in the blast.",
    "small_clause": "The opposition called the plan a waste of public money.",
    "stance": "Critics opposed the plan for months.",
    "denied_object": "The ministry denied the allegations.",
    "going": "We are going to rebuild the school, the mayor said.",
    "relative_place": "Engineers repaired the pipeline, which runs from Norway to Poland.",
}


@pytest.fixture(scope="module")
def props(run_article):
    """name -> (article text, first claim, its proposition), each slot's offsets checked."""
    out = {}
    for name, text in SENTENCES.items():
        st = run_article(text, published="2024-03-06", article_id=f"p{len(out)}")
        claim = st.ann.claims[0]
        p = claim.proposition
        assert p is not None, text
        for slot_name, slot in p:
            if slot is not None and hasattr(slot, "start"):
                assert text[slot.start:slot.end] == slot.text, (name, slot_name)
        out[name] = (st, claim, p)
    return out


def test_active_clause_gives_phrasal_predicate_agent_patient_place_and_time(props):
    st, claim, p = props["active"]
    assert p.predicate.head == "shoot down"
    assert p.agent.text == "Rebels" and p.patient.text == "the jet"
    assert p.place.text == "Donetsk"
    assert p.time.text == "Monday" and p.time.ref in claim.times
    assert p.time.ref in {t.id for t in st.ann.times}
    assert p.polarity == "asserted" and p.negation is None


def test_passive_by_phrase_is_the_agent_and_the_subject_the_patient(props):
    _, _, p = props["passive"]
    assert p.predicate.head == "down"
    assert p.agent.text == "rebels" and p.patient.text == "The jet"


def test_reported_speech_gives_the_content_not_the_saying(props):
    _, _, p = props["reported"]
    assert p.predicate.head == "destroy"
    assert p.agent.text == "government forces" and p.patient.text == "the bridge"
    assert p.time is None  # "on Tuesday" dates the saying, not the content


def test_according_to_gives_the_content_with_its_quantity(props):
    st, claim, p = props["according"]
    assert p.predicate.head == "kill"
    assert p.patient.text == "12 people" and p.place.text == "Belgorod"
    assert p.quantity.ref in claim.quantities and p.quantity.value == "12"


def test_denial_cue_denies_the_content(props):
    _, _, p = props["denial"]
    assert p.predicate.head == "shell" and p.polarity == "denied"
    assert p.negation.text == "denied"


def test_negated_predicate_is_denied_and_hedge_is_kept(props):
    _, _, p = props["negated"]
    assert p.predicate.head == "launch" and p.polarity == "denied" and p.negation.text == "not"
    assert p.hedge.text == "reportedly"


def test_copula_gives_be_with_the_attribute(props):
    _, _, p = props["copula"]
    assert p.predicate.head == "be"
    assert p.patient.text == "The balloon" and p.attribute.text == "a weather airship"


def test_light_verb_folds_to_its_event_noun_in_both_voices(props):
    for name in ("light", "light_passive"):
        _, _, p = props[name]
        assert p.predicate.head == "attack" and p.predicate.text == "attack", name
        assert p.agent.text == "Ukrainian troops" and p.patient.text == "the base", name
    assert props["light"][2].place.text == "Crimea"


def test_modal_auxiliary_sets_modality(props):
    _, _, p = props["modal"]
    assert p.modality.text == "may" and p.modality.head == "possible"
    assert p.predicate.head == "arrest"


def test_partitive_object_keeps_the_part_as_head(props):
    _, _, p = props["part"]
    assert p.patient.text == "a section of the bridge" and p.patient.head == "section"


def test_argument_slots_name_the_per_article_actor(props):
    st, _, p = props["light"]
    ids = {a.id for a in st.ann.actors}
    assert p.agent.actor in ids
    actor = next(a for a in st.ann.actors if a.id == p.agent.actor)
    assert any(p.agent.start <= m.start and m.end <= p.agent.end for m in actor.mentions)


def test_negative_argument_denies_the_content(props):
    _, _, p = props["nobody"]
    assert p.predicate.head == "injure" and p.patient.text == "No one"
    assert p.polarity == "denied" and p.negation.text == "No"


def test_small_clause_after_a_cue_is_a_copula(props):
    _, _, p = props["small_clause"]
    assert p.predicate.head == "be"
    assert p.patient.text == "the plan" and p.attribute.text == "a waste of public money"


def test_stance_verb_with_a_plain_object_is_the_predicate(props):
    _, _, p = props["stance"]
    assert p.predicate.head == "oppose"
    assert p.agent.text == "Critics" and p.patient.text == "the plan"


def test_going_to_is_future_modality_of_the_verb_after_it(props):
    _, _, p = props["going"]
    assert p.predicate.head == "rebuild" and p.patient.text == "the school"
    assert p.modality.text == "going" and p.modality.head == "future"


def test_place_in_a_relative_clause_is_not_the_predicate_place(props):
    _, _, p = props["relative_place"]
    assert p.predicate.head == "repair" and p.place is None


def test_denial_cue_that_is_the_predicate_is_not_counted_twice(props):
    _, _, p = props["denied_object"]
    assert p.predicate.head == "deny" and p.patient.text == "the allegations"
    assert p.polarity == "asserted"
