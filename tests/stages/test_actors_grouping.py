"""Actors: mentions grouped per article, typed, with affiliation; pronouns and descriptions."""
from __future__ import annotations


def _actors(run_article, text):
    st = run_article(text, until="actors")
    for a in st.ann.actors:
        first = min(a.mentions, key=lambda m: m.start)
        assert a.id == f"a:t1:{first.start}-{first.end}"
        for m in a.mentions:
            assert text[m.start:m.end] == m.text
    return st


def _find(actors, name):
    found = [a for a in actors if a.name == name]
    assert found, [(a.name, a.type) for a in actors]
    return found[0]


def test_person_mentions_grouped_by_surname(run_article):
    text = ("Gen. Pedro L. Alvarez commands the national army. General Alvarez said the troops were ready. "
            "Alvarez added that the border was calm.")
    st = _actors(run_article, text)
    a = _find(st.ann.actors, "Pedro L. Alvarez")
    assert a.type == "person"
    assert len([m for m in a.mentions if m.kind == "name"]) >= 3


def test_body_typed_with_affiliation_from_possessive_country(run_article):
    text = "Ukraine’s General Staff said fighting continued near the border."
    st = _actors(run_article, text)
    a = [x for x in st.ann.actors if "General Staff" in x.name][0]
    assert a.type == "military_unit"
    assert a.affiliation == "Ukrainian"


def test_media_outlet_with_demonym(run_article):
    text = "Russian state media RIA Novosti reported the vote count on Monday."
    st = _actors(run_article, text)
    a = [x for x in st.ann.actors if "RIA Novosti" in x.name][0]
    assert a.type == "media_outlet"
    assert a.affiliation == "Russian"


def test_group_of_officials_with_demonym(run_article):
    text = "Ukrainian officials said the count would finish on Friday."
    st = _actors(run_article, text)
    a = [x for x in st.ann.actors if "officials" in x.name.lower()][0]
    assert a.type == "group"
    assert a.affiliation == "Ukrainian"


def test_capital_stands_for_its_country(run_article):
    text = "Seoul said the ferry had sunk. South Korea sent rescue boats."
    st = _actors(run_article, text)
    a = _find(st.ann.actors, "South Korea")
    assert a.type == "country"
    assert {m.text for m in a.mentions} == {"Seoul", "South Korea"}


def test_pronoun_joins_nearest_preceding_subject_person(run_article):
    text = "Mayor Lena Park met the flood victims. She promised new housing."
    st = _actors(run_article, text)
    a = _find(st.ann.actors, "Lena Park")
    assert any(m.kind == "pronoun" and m.text == "She" for m in a.mentions)


def test_title_description_joins_person_with_that_title(run_article):
    text = "President Omar Haddad toured the dam. The president said repairs would start soon."
    st = _actors(run_article, text)
    a = _find(st.ann.actors, "Omar Haddad")
    assert any(m.kind == "description" and m.text.lower() == "president" for m in a.mentions)


def test_appositive_title_is_a_mention(run_article):
    text = "Oleg Marchenko, chief of the rescue service, said the search would go on."
    st = _actors(run_article, text)
    a = _find(st.ann.actors, "Oleg Marchenko")
    assert any(m.kind == "title" and "chief of the rescue service" in m.text for m in a.mentions)


def test_gazetteer_corrects_place_labels(nlp):
    doc = nlp("Shelling hit Belgorod and Kharkiv overnight.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Belgorod") == "GPE" and labels.get("Kharkiv") == "GPE"
