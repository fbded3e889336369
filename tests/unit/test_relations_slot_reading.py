"""Reading the slots of one claim (link/relations/slots.py, no models): who a claim says did
something, whether it denies that, and what it says a thing is."""
from __future__ import annotations

from rashomon.link.relations.slots import agent_mentions, identity_poles, stem


def test_agent_before_an_active_predicate_is_read_with_its_span():
    text = "The report said that Tarvish rebels blew up the Kestrel dam overnight."
    [m] = agent_mentions(text)
    assert not m.negated
    assert {"tarvish", "rebel"} <= m.agent
    assert text[m.start:m.end].strip() == "Tarvish rebels blew up"


def test_agent_after_by_and_after_blame_on():
    [m] = agent_mentions("The dam was blown up by the army, the governor said.")
    assert m.agent == {"army"} and not m.negated
    [b] = agent_mentions("Officials blamed the attacks on Moscow.")
    assert stem("Moscow") in b.agent and stem("Russia") in b.agent  # a capital carries its country


def test_negated_and_denied_agents():
    [m] = agent_mentions("The United States was not involved in the pipeline explosion, a spokesman said.")
    assert m.negated and "us" in m.agent  # initials of a multi-word name
    [r] = agent_mentions("The ministry rejected reports that Valdorian divers, under cover of an exercise, had planted explosives.")
    assert r.negated and {"valdor", "diver"} <= r.agent  # the aside is stepped over


def test_a_denial_in_another_clause_does_not_negate_the_agent():
    [m] = agent_mentions("The adviser denied any role and blamed the incident on Ostrania.")
    assert not m.negated and stem("Ostrania") in m.agent


def test_demonyms_meet_their_country():
    [a] = agent_mentions("Americans planted the explosives, the author wrote.")
    [b] = agent_mentions("The United States was not involved in the blast.")
    assert a.agent & b.agent


def test_a_verb_or_object_is_not_taken_for_an_agent():
    assert agent_mentions("Reports seeking to identify those responsible for the blast were dismissed.") == []


def test_identity_pole_after_a_copula_or_negated():
    assert identity_poles("It was a weather balloon, the ministry said.")["purpose"][0] == "civilian"
    assert identity_poles("The balloon had no military purpose.")["purpose"][0] == "civilian"
    assert identity_poles("We know it's a surveillance balloon.")["purpose"][0] == "military"


def test_a_claim_holding_both_poles_or_a_pole_word_before_a_verb_takes_none():
    assert "purpose" not in identity_poles("It was a civilian balloon carrying military sensors, the official said.")
    [hit] = identity_poles("Most victims were civilians and the military said it would help.")["purpose"][1]
    assert hit[3].startswith("?")  # only a label before a word: the caller checks that noun


def test_stems_meet_across_endings():
    assert stem("Ukrainian") == stem("Ukraine") and stem("divers") == stem("diver") and stem("U.S.") == "us"


def test_places_are_names_after_a_place_preposition():
    from rashomon.link.relations.slots import places

    assert places("At least 300 people died in the floods in Arlow, the Red Cross said.") == {"Arlow"}
    assert places("The World Health Organization said 4,000 people were killed in the floods.") == frozenset()


def test_a_negated_revolt_reads_as_a_protest():
    assert identity_poles("We marched to stage a protest and not to overthrow the government, he said.")["revolt"][0] == "protest"
    assert identity_poles("The president described the march as an armed mutiny.")["revolt"][0] == "revolt"


def test_an_aside_set_off_by_commas_is_stepped_over_to_the_agent():
    for text, agent, phrase in (
            ("Corvan navy divers, under the cover of a Baltic exercise, blew up the pipelines.", "diver",
             "Corvan navy divers, under the cover of a Baltic exercise, blew up"),
            ("Rebels, according to the army, blew up the dam.", "rebel", "Rebels, according to the army, blew up"),
            ("The ministry said that rebels, under cover of night, blew up the dam.", "rebel",
             "rebels, under cover of night, blew up")):
        [m] = agent_mentions(text)
        assert agent in m.agent and "exercis" not in m.agent and "army" not in m.agent, text
        assert text[m.start:m.end] == phrase  # the span runs from the agent's first word


def test_a_clause_after_a_comma_that_names_no_agent_takes_no_name_from_before_it():
    # "something else" is the subject; "Tallin", the name before the comma, did nothing
    text = ("The lack of any witnesses to a fireball over the capital, Tallin, suggest something else was "
            "behind the blast.")
    assert agent_mentions(text) == []


def test_a_pronoun_subject_after_a_comma_is_no_bare_comma_to_step_over():
    # "those who" is the subject of the clause: the word before the comma is no agent
    assert agent_mentions("Obviously, those who have masterminded the blast want it hidden.") == []
