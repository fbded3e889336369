"""Slot contradictions (link/relations/slots.py) on sentences written for these tests: who did
the repair work (``agent.repair`` of data/en/conflict_slots.yaml, its own slot), what a thing is
for ("to surveil", "the civilian nature of", ``identity.purpose_markers`` / ``describing_nouns``),
a description set aside ("inconsistent with ... a weather balloon", ``identity.set_aside``),
and who did one happening named in other words ("the explosions" / "the attacks",
``topic_word_groups``); each with near misses that must stay silent (the same repairer in other
words, an accusation of another act, a purpose on the same side, a purpose of another thing,
agents of unrelated happenings)."""
from __future__ import annotations

from rashomon.pipeline import CorpusState
from test_relations_signals import assert_evidence_slices, build, contradictions, run

REP_CREW = "A Corvane crew replaced the cracked bolts on the cargo door, the airline said."
REP_SUPPLIER = "Mechanics from the supplier Veltra Works fixed the cracked bolts on the cargo door, the safety board said."


def test_two_sources_naming_different_repairers_of_one_part_contradict():
    d = build([("a1", "2024-02-07", REP_CREW, "airline", "Company", "k1", "asserted"),
               ("a2", "2024-03-06", REP_SUPPLIER, "safety board", "Regulator", "k2", "asserted")])
    rels = contradictions(run(d), "agent")
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    assert "Corvane crew replaced" in rels[0].explanation and "Veltra Works fixed" in rels[0].explanation
    assert_evidence_slices(d, rels[0])


def test_the_same_repairer_in_other_words_is_no_contradiction():
    d = build([("a1", "2024-02-07", REP_CREW, "airline", "Company", "k1", "asserted"),
               ("a2", "2024-03-06", "The union said that Corvane mechanics replaced the cracked bolts on the cargo door.",
                "union", "Workers", "k2", "asserted")])
    assert contradictions(run(d), "agent") == []


def test_a_repairer_and_an_accused_author_of_another_act_do_not_clash():
    d = build([("a1", "2024-03-06", REP_SUPPLIER, "safety board", "Regulator", "k1", "asserted"),
               ("a2", "2024-03-07", "The senator accused Corvane of hiding the records of the cracked bolts on the cargo door.",
                "senator", "Congress", "k2", "asserted")])
    assert contradictions(run(d), "agent") == []


P_CIVIL = "The foreign ministry stressed the civilian nature of the Zephyr airship that drifted over Belmar."
P_MILITARY = "Ostranian forces deploy airships like the Zephyr that drifted over Belmar to surveil foreign nations, a defence official said."


def test_a_stated_purpose_contradicts_the_opposite_description_of_the_thing():
    d = build([("a1", "2024-02-05", P_CIVIL, "foreign ministry", "Ostrania", "k1", "asserted"),
               ("a2", "2024-02-06", P_MILITARY, "defence official", "Belmar", "k2", "asserted")])
    rels = contradictions(run(d), "identity")
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    assert "surveil" in rels[0].explanation and "civilian" in rels[0].explanation
    assert_evidence_slices(d, rels[0])
    assert {"civilian", "surveil"} <= {sp.text for sp in rels[0].evidence}


def test_a_purpose_on_the_same_pole_is_no_contradiction():
    d = build([("a1", "2024-02-05", P_CIVIL, "foreign ministry", "Ostrania", "k1", "asserted"),
               ("a2", "2024-02-06", "Ostranian scientists deploy airships like the Zephyr that drifted over Belmar for meteorological research, a professor said.",
                "professor", "University", "k2", "asserted")])
    assert contradictions(run(d), "identity") == []


def test_a_purpose_of_another_thing_is_no_contradiction():
    d = build([("a1", "2024-02-05", P_CIVIL, "foreign ministry", "Ostrania", "k1", "asserted"),
               ("a2", "2024-02-06", "Harbour police in Lomara fly drones to surveil the fishing fleet, the mayor said.",
                "mayor", "Lomara", "k2", "asserted")])
    assert contradictions(run(d), "identity") == []


BLAST_NAVY = "Valdorian officials said they believe the Ostranian navy was involved in the explosions."
BLAST_BLAME = "Some Ostranian officials were quick to blame the attacks on Valdoria."


def test_different_agents_for_one_happening_named_in_other_words_contradict():
    d = build([("a1", "2024-02-08", BLAST_NAVY, "Valdorian officials", None, "k1", "asserted"),
               ("a2", "2024-02-08", BLAST_BLAME, "Ostranian officials", None, "k2", "asserted")])
    from rashomon.link.relations.context import claim_views
    from rashomon.link.relations.slots import _shared_topic_words

    x, y = claim_views(CorpusState(dossier=d))
    assert "explos" in _shared_topic_words(x, y, set()) or "attack" in _shared_topic_words(x, y, set())
    rels = contradictions(run(d), "agent")
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    assert_evidence_slices(d, rels[0])


def test_different_agents_of_unrelated_happenings_sharing_no_word_do_not_contradict():
    from rashomon.link.relations.context import claim_views
    from rashomon.link.relations.slots import _shared_topic_words

    other = "Some Ostranian officials were quick to blame the floods on Valdoria."
    d = build([("a1", "2024-02-08", "Valdorian officials said they believe the Ostranian navy was involved in the explosions.",
                "Valdorian officials", None, "k1", "asserted"),
               ("a2", "2024-02-08", other, "Ostranian officials", None, "k2", "asserted")])
    x, y = claim_views(CorpusState(dossier=d))
    assert _shared_topic_words(x, y, set()) <= {"official"}  # no happening word in common
    assert contradictions(run(d), "agent") == []


SET_ASIDE = ("The sensors aboard the Zephyr airship that drifted over Belmar were inconsistent with what would be aboard "
             "a weather airship, a defence official said.")
WEATHER = "The foreign ministry said the Zephyr airship that drifted over Belmar is a weather airship used for research."


def test_a_description_set_aside_from_further_back_counts_for_the_other_pole():
    d = build([("a1", "2024-02-05", WEATHER, "foreign ministry", "Ostrania", "k1", "asserted"),
               ("a2", "2024-02-09", SET_ASIDE, "defence official", "Belmar", "k2", "asserted")])
    rels = contradictions(run(d), "identity")
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    assert_evidence_slices(d, rels[0])


def test_a_description_set_aside_in_favour_of_the_same_pole_agrees():
    from rashomon.link.relations.slots import identity_poles

    agree = "The professor said the Zephyr airship that drifted over Belmar is a weather airship rather than a spy airship."
    assert identity_poles(agree)["purpose"][0] == "civilian"
    d = build([("a1", "2024-02-05", WEATHER, "foreign ministry", "Ostrania", "k1", "asserted"),
               ("a2", "2024-02-09", agree, "professor", "University", "k2", "asserted")])
    assert contradictions(run(d), "identity") == []
