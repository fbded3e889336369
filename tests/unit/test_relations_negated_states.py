"""State words and agent phrases that the relation rules must not misread (link/relations/lexicon.py,
slots.py), on sentences written for these tests: a state word right after a negation or inside an
open question is not asserted in the rules' strict reading; an abbreviation's dots do not cut the
agent phrase short."""
from __future__ import annotations

from rashomon.link.relations.lexicon import state_poles
from rashomon.link.relations.slots import agent_mentions


def test_a_state_word_after_a_negation_is_not_asserted():
    assert "alive" not in state_poles("Officials determined that the commander had not survived the raid.", strict=True)
    assert state_poles("Officials said the commander survived the raid.", strict=True)["alive"][0] == "alive"


def test_a_state_word_inside_an_open_question_is_not_asserted():
    text = "The group has stayed silent about whether its commander survived the raid."
    assert "alive" not in state_poles(text, strict=True)
    assert "alive" in state_poles(text)  # the plain reading (stance and pair features) is unchanged


def test_an_abbreviated_agent_keeps_its_dots():
    text = "The depot was destroyed on Monday in a raid carried out by U.S. drones, officials said."
    (m,) = agent_mentions(text)
    assert "us" in m.agent
    assert text[m.start:m.end] == "carried out by U.S. drones"
