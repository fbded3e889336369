"""Cross-article actor linking: aliases merge, namesakes and other countries' bodies stay apart,
sides come from what the text says, and claim speakers point at dossier actors."""
from __future__ import annotations

from linkkit import claim_by_text, corpus

from rashomon.link.actors import given_compatible, link_actors, person_key, strip_title


def _three_articles():
    return corpus([
        {"id": "x1", "outlet": "Harbor Daily",
         "text": "Chief of the Polish General Staff Gen. Marek T. Wolski said the drills were over. Poland's General Staff confirmed it.",
         "actors": [
             {"id": "a0-1", "name": "Marek T. Wolski", "type": "person",
              "aliases": ["Chief of the Polish General Staff Gen. Marek T. Wolski"]},
             {"id": "a0-2", "name": "Poland's General Staff", "type": "military_unit"},
         ],
         "claims": [{"text": "the drills were over", "speaker": "Gen. Marek T. Wolski", "actor": "a0-1"}]},
        {"id": "x2", "outlet": "Baltic Wire",
         "text": "General Wolski told reporters the drills were over, AFP reported. The Polish General Staff agreed. Belarus's General Staff disagreed.",
         "actors": [
             {"id": "a1-1", "name": "General Wolski", "type": "person"},
             {"id": "a1-2", "name": "the Polish General Staff", "type": "military_unit"},
             {"id": "a1-3", "name": "Belarus's General Staff", "type": "military_unit"},
             {"id": "a1-4", "name": "AFP", "type": "media_outlet"},
         ],
         "claims": [{"text": "the drills were over", "speaker": "General Wolski", "actor": "a1-1",
                     "chain": [("General Wolski", "a1-1"), ("AFP", "a1-4")]}]},
        {"id": "x3", "text": "Marek Wolski said so. Xinhua carried the statement. A local resident said she heard nothing.",
         "actors": [
             {"id": "a2-1", "name": "Marek Wolski", "type": "person"},
             {"id": "a2-2", "name": "Xinhua", "type": "media_outlet"},
             {"id": "a2-3", "name": "a local resident", "type": "person"},
         ],
         "claims": [{"text": "she heard nothing", "speaker": "a local resident", "actor": "a2-3"},
                    {"text": "Marek Wolski said so", "speaker": "Wolski"}]},
    ])


def test_titles_are_stripped_from_person_names():
    assert strip_title("Chief of the Polish General Staff Gen. Marek T. Wolski") == "marek t. wolski"
    assert person_key("General Wolski") == ("wolski", [])
    assert person_key("Gen. Marek T. Wolski") == ("wolski", ["marek", "t"])


def test_initials_are_compatible_with_full_given_names():
    assert given_compatible(["m"], ["marek"])
    assert not given_compatible(["jan"], ["marek"])


def test_one_person_under_three_spellings_becomes_one_actor():
    st = _three_articles()
    link_actors(st)
    people = [a for a in st.dossier.actors if "Wolski" in a.name]
    assert len(people) == 1
    assert sorted(people[0].members) == ["a0-1", "a1-1", "a2-1"]
    assert people[0].article is None and people[0].id.startswith("A")
    assert set(people[0].articles) == {"x1", "x2", "x3"}


def test_same_body_of_one_country_merges_but_not_another_country():
    st = _three_articles()
    link_actors(st)
    staffs = [a for a in st.dossier.actors if "General Staff" in a.name]
    assert len(staffs) == 2
    polish = next(a for a in staffs if "a0-2" in a.members)
    assert "a1-2" in polish.members and "a1-3" not in polish.members
    assert polish.side == "Poland"


def test_sides_follow_titles_state_media_and_wire_agencies():
    st = _three_articles()
    link_actors(st)
    by_member = {m: a for a in st.dossier.actors for m in a.members}
    assert by_member["a0-1"].side == "Poland" and "polish" in by_member["a0-1"].side_reason.lower()
    assert by_member["a1-3"].side == "Belarus"
    assert by_member["a2-2"].side == "China" and "state media" in by_member["a2-2"].side_reason
    assert by_member["a1-4"].side == "independent media"
    assert by_member["a2-3"].side is None and by_member["a2-3"].side_reason


def test_claim_speakers_and_chains_point_at_dossier_actors():
    st = _three_articles()
    link_actors(st)
    wolski = next(a for a in st.dossier.actors if "Wolski" in a.name)
    c = claim_by_text(st, "the drills were over")
    assert c.speaker.actor == wolski.id
    c2 = [x for x in st.dossier.claims if x.article == "x2"][0]
    assert c2.chain[0].actor == wolski.id and c2.chain[1].actor.startswith("A")
    # a speaker given only by name is resolved by surname
    c3 = claim_by_text(st, "Marek Wolski said so")
    assert c3.speaker.actor == wolski.id


def test_two_people_sharing_a_surname_keep_a_bare_surname_apart():
    st = corpus([
        {"id": "y1", "text": "Anna Novak spoke.", "actors": [{"id": "a0-1", "name": "Anna Novak", "type": "person"}]},
        {"id": "y2", "text": "Peter Novak spoke.", "actors": [{"id": "a1-1", "name": "Peter Novak", "type": "person"}]},
        {"id": "y3", "text": "Novak spoke.", "actors": [{"id": "a2-1", "name": "Novak", "type": "person"}]},
    ])
    link_actors(st)
    assert len(st.dossier.actors) == 3


def test_a_lone_surname_typed_as_an_organisation_joins_the_one_person_of_that_name():
    from rashomon.link.actors import group_actors
    from rashomon.models import Actor

    actors = [Actor(id="a0-1", article="x", name="Ellen Marsh", type="person"),
              Actor(id="a1-1", article="y", name="Marsh", type="organization"),
              Actor(id="a1-2", article="y", name="NATO", type="organization"),
              Actor(id="a2-1", article="z", name="Carl Ruiz", type="person"),
              Actor(id="a2-2", article="z", name="Ruiz", type="organization"),
              Actor(id="a2-3", article="z", name="Maria Ruiz", type="person")]
    groups = [[actors[i].id for i in g] for g in group_actors(actors)]
    assert ["a0-1", "a1-1"] in groups
    assert ["a1-2"] in groups
    # two people named Ruiz: the bare "Ruiz" cannot be told apart, so it stays alone
    assert ["a2-2"] in groups
