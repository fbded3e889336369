"""Slot contradictions (link/relations/slots.py) on sentences written for these tests: different
or denied agents for one event, and opposite descriptions of one thing; each with near misses
that must stay silent (the same agent in other words, another event, two denials, the same
description, a label on another thing)."""
from __future__ import annotations

from test_relations_signals import assert_evidence_slices, build, contradictions, run

DAM_ARMY = "Army engineers blew up the Kestrel dam on the upper river, the opposition said."
DAM_REBELS = "The Tarvish rebels were behind the destruction of the Kestrel dam, the defence ministry said."


def test_different_agents_for_the_same_event_contradict_with_evidence():
    d = build([
        ("a1", "2024-06-01", DAM_ARMY, "opposition", "Opposition", "k1", "asserted"),
        ("a2", "2024-06-02", DAM_REBELS, "defence ministry", "Government", "k2", "asserted"),
    ])
    rels = contradictions(run(d), "agent")
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    assert "Army engineers blew up" in rels[0].explanation and "Tarvish rebels were behind" in rels[0].explanation
    assert_evidence_slices(d, rels[0])
    assert {sp.text for sp in rels[0].evidence} >= {DAM_ARMY, DAM_REBELS}


def test_the_same_agent_in_other_words_is_no_contradiction():
    d = build([
        ("a1", "2024-06-01", "Tarvish fighters blew up the Kestrel dam on the upper river, the opposition said.",
         "opposition", "Opposition", "k1", "asserted"),
        ("a2", "2024-06-02", DAM_REBELS, "defence ministry", "Government", "k2", "asserted"),
    ])
    assert contradictions(run(d), "agent") == []


def test_different_agents_for_different_events_do_not_contradict():
    d = build([
        ("a1", "2024-06-01", DAM_ARMY, "opposition", "Opposition", "k1", "asserted"),
        ("a2", "2024-06-02", "The Tarvish rebels carried out a rocket strike on a market in Lomara, the police said.",
         "police", "Government", "k2", "asserted"),
    ])
    assert contradictions(run(d), "agent") == []


PIPE_NAVY = "The Valdorian navy planted the explosives that destroyed the Merrow gas pipeline, the report alleged."
PIPE_DENY = "Valdoria was not involved in the explosion of the Merrow gas pipeline, a government spokesman said."


def test_a_denied_agent_contradicts_the_claim_that_names_it():
    d = build([
        ("a1", "2024-02-08", PIPE_NAVY, "report", None, "k1", "asserted"),
        ("a2", "2024-02-09", PIPE_DENY, "government spokesman", "Valdoria", "k2", "asserted"),
    ])
    rels = contradictions(run(d))
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    assert rels[0].signal in ("agent", "denial")
    assert_evidence_slices(d, rels[0])


def test_two_denials_of_the_same_agent_agree():
    d = build([
        ("a1", "2024-02-08", "Valdoria had nothing to do with the explosion of the Merrow gas pipeline, the president said.",
         "president", "Valdoria", "k1", "asserted"),
        ("a2", "2024-02-09", PIPE_DENY, "government spokesman", "Valdoria", "k2", "asserted"),
    ])
    assert contradictions(run(d), "agent") == []


DRONE_CIVIL = "The foreign ministry said the drone was a civilian aircraft used for weather research."
DRONE_MILITARY = "The drone was a surveillance aircraft sent to photograph the naval base, the defence department said."


def test_opposite_descriptions_of_the_same_thing_contradict():
    d = build([
        ("a1", "2024-03-01", DRONE_CIVIL, "foreign ministry", "Ostrania", "k1", "asserted"),
        ("a2", "2024-03-01", DRONE_MILITARY, "defence department", "Belmar", "k2", "asserted"),
    ])
    rels = contradictions(run(d), "identity")
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    assert "civilian" in rels[0].explanation and "surveillance" in rels[0].explanation
    assert_evidence_slices(d, rels[0])
    assert {"civilian", "surveillance"} <= {sp.text for sp in rels[0].evidence}


def test_the_same_description_or_a_label_on_another_thing_is_no_contradiction():
    d = build([
        ("a1", "2024-03-01", DRONE_CIVIL, "foreign ministry", "Ostrania", "k1", "asserted"),
        ("a2", "2024-03-01", "The drone was used for weather observation only, its operator said.",
         "operator", "Belmar", "k2", "asserted"),
        ("a3", "2024-03-01", "The drone flew over a military airfield before it came down, the defence department said.",
         "defence department", "Belmar", "k3", "asserted"),
    ])
    assert contradictions(run(d), "identity") == []


def test_an_accident_and_a_deliberate_act_contradict_but_a_narrated_label_does_not():
    accident = "The fire at the Corvin refinery was an accident caused by a faulty valve, the company said."
    deliberate = "The fire at the Corvin refinery was deliberate sabotage, the police chief said."
    d = build([
        ("a1", "2024-09-01", accident, "company", "Company", "k1", "asserted"),
        ("a2", "2024-09-02", deliberate, "police chief", "Authorities", "k2", "asserted"),
        ("a3", "2024-09-02", "Smoke from the deliberate fire at the Corvin refinery drifted over the town.", None, None, "k3", "asserted"),
    ])
    rels = contradictions(run(d), "identity")
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    assert "accident" in rels[0].explanation and "deliberate" in rels[0].explanation


def _toll(art, sent, figure, value, bound=None, unit=None):
    from rashomon.models import Quantity

    start = sent.index(figure)
    return Quantity(id=f"q-{art}", article=art, text=figure, start=start, end=start + len(figure),
                    value=value, unit=unit, bound=bound)


TOLL_UN = "The death toll in the port city has risen to 9,800, the relief agency said."
TOLL_GOV = "The health ministry put the number of registered deaths in the port city at 2,900."


def test_two_counts_of_the_dead_from_two_sources_on_one_day_contradict():
    qs = [_toll("a1", TOLL_UN, "9,800", 9800), _toll("a2", TOLL_GOV, "2,900", 2900)]
    d = build([("a1", "2024-09-16", TOLL_UN, "relief agency", "Aid agencies", "k1", "asserted"),
               ("a2", "2024-09-16", TOLL_GOV, "health ministry", "Government", "k2", "asserted")], quantities=qs)
    rels = contradictions(run(d), "count")
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    assert "9,800" in rels[0].explanation and "2,900" in rels[0].explanation and "dead" in rels[0].explanation
    assert_evidence_slices(d, rels[0])
    assert {"9,800", "2,900"} <= {sp.text for sp in rels[0].evidence}


def test_a_higher_count_days_later_is_an_update_not_a_contradiction():
    early = "The health ministry said 2,900 people had died in the port city."
    late = "The death toll in the port city has risen to 9,800, the relief agency said."
    qs = [_toll("a1", early, "2,900 people", 2900, unit="people"), _toll("a2", late, "9,800", 9800)]
    d = build([("a1", "2024-09-12", early, "health ministry", "Government", "k1", "asserted"),
               ("a2", "2024-09-16", late, "relief agency", "Aid agencies", "k2", "asserted")], quantities=qs)
    rels = run(d)
    assert contradictions(rels) == []
    upd = [r for r in rels if r.type == "updates" and r.signal == "count"]
    assert len(upd) == 1 and (upd[0].a, upd[0].b) == ("k1", "k2")


def test_counts_in_different_places_a_bound_that_holds_or_a_possible_toll_do_not_contradict():
    s1 = "At least 300 people died in the floods in Arlow, the mayor said."
    s2 = "The floods killed 40 people in Bexmoor, the governor said."
    s3 = "The flood toll in Arlow is 520 dead, the relief agency said."
    s4 = "The mayor of Arlow warned the toll could reach 5,000 dead."
    qs = [_toll("a1", s1, "At least 300 people", 300, bound="lower", unit="people"),
          _toll("a2", s2, "40 people", 40, unit="people"), _toll("a3", s3, "520", 520), _toll("a4", s4, "5,000", 5000)]
    d = build([("a1", "2024-09-16", s1, "mayor", "City", "k1", "asserted"),
               ("a2", "2024-09-16", s2, "governor", "Government", "k2", "asserted"),
               ("a3", "2024-09-16", s3, "relief agency", "Aid agencies", "k3", "asserted"),
               ("a4", "2024-09-16", s4, "mayor", "City", "k4", "asserted")], quantities=qs)
    assert contradictions(run(d), "count") == []


def test_two_exact_passenger_counts_for_one_flight_contradict_but_crew_and_passengers_do_not():
    s1 = "The plane was carrying 174 passengers when the panel blew out, the airline said."
    s2 = "There were 171 passengers on board the plane when the panel blew out, the safety board said."
    s3 = "Six crew were on board the plane when the panel blew out, the union said."
    qs = [_toll("a1", s1, "174 passengers", 174, unit="passengers"), _toll("a2", s2, "171 passengers", 171, unit="passengers"),
          _toll("a3", s3, "Six crew", 6, unit="crew")]
    d = build([("a1", "2024-01-06", s1, "airline", "Company", "k1", "asserted"),
               ("a2", "2024-01-06", s2, "safety board", "Regulator", "k2", "asserted"),
               ("a3", "2024-01-06", s3, "union", "Workers", "k3", "asserted")], quantities=qs)
    rels = contradictions(run(d), "count")
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}


def test_a_rebuttal_of_the_allegations_points_at_the_claim_reported_just_before_it():
    told = "The regulator said the airline had withheld its maintenance records for months."
    denial = "A company vice-president denied the allegations and said it had cooperated fully."
    d = build([("a1", "2024-03-06", told, "regulator", "Regulator", "k1", "asserted"),
               ("a1", "2024-03-06", denial, "company vice-president", "Company", "k2", "asserted"),
               ("a2", "2024-03-07", "The airline's spokesman denied the allegations.", "airline spokesman", "Company", "k3", "asserted")])
    rels = contradictions(run(d), "denial")
    pairs = [{r.a, r.b} for r in rels]
    assert {"k1", "k2"} in pairs and {"k2", "k3"} not in pairs  # two denials of one side do not contradict
    r = rels[pairs.index({"k1", "k2"})]
    assert "withheld its maintenance records" in r.explanation
    assert_evidence_slices(d, r)


def test_agent_and_identity_contradictions_become_typed_disputes_with_their_question():
    from rashomon.link.disputes import find_disputes
    from rashomon.pipeline import CorpusState

    d = build([
        ("a1", "2024-06-01", DAM_ARMY, "opposition", "Opposition", "k1", "asserted"),
        ("a2", "2024-06-02", DAM_REBELS, "defence ministry", "Government", "k2", "asserted"),
        ("a3", "2024-03-01", DRONE_CIVIL, "foreign ministry", "Ostrania", "k3", "asserted"),
        ("a4", "2024-03-01", DRONE_MILITARY, "defence department", "Belmar", "k4", "asserted"),
    ])
    state = CorpusState(dossier=d)
    from rashomon.link.relations import find_relations

    find_relations(state, use_classifier=False)
    find_disputes(state)
    by_type = {x.type: x for x in d.disputes}
    assert set(by_type) == {"responsibility", "identity"}
    who = by_type["responsibility"]
    assert who.question.startswith("Who ") and "Kestrel dam" in who.question
    assert "Army engineers" in (who.about or "") and "Tarvish rebels" in (who.about or "")
    what = by_type["identity"]
    assert what.question == "Was it civilian or military?"
    assert sorted(p.stance for p in what.positions) == ["civilian", "military"]


def test_two_winners_of_one_vote_contradict_but_winners_in_two_places_do_not():
    gov = "The ruling Unity party won the parliamentary election in Corvania, the election commission said."
    opp = "The opposition Renewal bloc won the parliamentary election in Corvania, the president said."
    other = "The opposition Renewal bloc won the parliamentary election in Dastria, observers said."
    d = build([("a1", "2024-10-27", gov, "election commission", "Government", "k1", "asserted"),
               ("a2", "2024-10-27", opp, "president", "Opposition", "k2", "asserted")])
    rels = contradictions(run(d), "agent")
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    d = build([("a1", "2024-10-27", gov, "election commission", "Government", "k1", "asserted"),
               ("a3", "2024-10-27", other, "observers", "Observers", "k3", "asserted")])
    assert contradictions(run(d), "agent") == []


def test_a_demand_and_its_refusal_and_two_agreeing_accounts_are_no_contradiction():
    d = build([
        ("a1", "2024-05-02", "The dockworkers' union demanded that the company reopen the Kestrel port terminal.",
         "union", "Union", "k1", "asserted"),
        ("a2", "2024-05-02", "The company refused to reopen the Kestrel port terminal, its spokesman said.",
         "company spokesman", "Management", "k2", "asserted"),
        ("a3", "2024-05-02", DAM_REBELS, "defence ministry", "Government", "k3", "asserted"),
        ("a4", "2024-05-03", "Tarvish rebels blew up the Kestrel dam, the army said.", "army", "Army", "k4", "asserted"),
    ])
    assert contradictions(run(d)) == []
