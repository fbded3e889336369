"""Entity names fold their initials' dots (link/features.py ``_entity_norm``): one body written
"U.S. Geological Survey" in one article and "US Geological Survey" in another is one name, so the
claim pair score does not charge them as different rare names."""
from __future__ import annotations

from rashomon.link.features import _entity_norm, names_meet


def test_initials_with_and_without_dots_are_one_name():
    assert _entity_norm("the U.S. Geological Survey") == _entity_norm("the US Geological Survey")
    assert _entity_norm("J.P. Varga Holdings") == "jp varga holdings"
    assert names_meet({_entity_norm("U.N. Security Council")}, {_entity_norm("UN Security Council")})


def test_a_dot_after_a_word_stays_and_different_names_stay_apart():
    assert _entity_norm("St. Vell") == "st. vell"
    assert _entity_norm("the U.S. Geological Survey") != _entity_norm("the UK Geological Survey")
