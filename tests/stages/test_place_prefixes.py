"""A country's name inside another place's name ("New Mexico", "East Palestine") is that other
place, not the country; whole country names with a compass word stay countries."""
from __future__ import annotations

from rashomon.nlp import get_nlp


def _ents(text: str) -> list[tuple[str, str, str]]:
    doc = get_nlp("en")(text)
    return [(e.text, e.label_, e.ent_id_) for e in doc.ents]


def test_a_country_after_a_place_prefix_is_another_place_without_the_country_id():
    text = "Residents of East Palestine were evacuated. Officials in New Mexico said the fire spread."
    ents = _ents(text)
    assert ("East Palestine", "GPE", "") in ents and ("New Mexico", "GPE", "") in ents
    doc = get_nlp("en")(text)
    spans = {e.text: (e.start_char, e.end_char) for e in doc.ents}
    start, end = spans["New Mexico"]
    assert text[start:end] == "New Mexico"


def test_whole_country_names_and_bare_countries_keep_their_id():
    ents = _ents("North Korea and South Sudan replied. Mexico said no, and New Zealand agreed.")
    ids = {t: i for t, _, i in ents}
    assert ids["North Korea"] == "North Korea" and ids["South Sudan"] == "South Sudan"
    assert ids["Mexico"] == "Mexico" and ids["New Zealand"] == "New Zealand"
