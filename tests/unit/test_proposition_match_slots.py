"""proposition_features on hand-built propositions: dossier actor ids decide argument identity,
times agree at the coarser precision, numbers within the tolerance agree, a pronoun without an
actor gives no verdict, a claim without a proposition gives only zeros; ``with_actors`` maps slot
actors to dossier ids."""
from __future__ import annotations

from rashomon.link.proposition_match import KEYS, proposition_features, same_proposition
from rashomon.models import Claim, PropSlot, Proposition


def slot(text, head=None, **kw):
    return PropSlot(text=text, start=0, end=len(text), head=head, **kw)


def prop(**kw):
    kw.setdefault("predicate", slot("struck", "strike"))
    return Proposition(**kw)


def test_same_dossier_actor_matches_whatever_the_words():
    a = prop(agent=slot("the ministry", "ministry", actor="A3"))
    b = prop(agent=slot("Defence officials", "official", actor="A3"))
    f = proposition_features(a, b)
    assert f["agent_match"] == 1.0 and f["agent_conflict"] == 0.0
    assert same_proposition(a, b)


def test_two_dossier_actors_with_other_heads_conflict():
    a = prop(agent=slot("the ministry", "ministry", actor="A3"))
    b = prop(agent=slot("the rebels", "rebel", actor="A7"))
    assert proposition_features(a, b)["agent_conflict"] == 1.0


def test_time_values_agree_at_the_coarser_precision_and_differ_otherwise():
    a = prop(time=slot("in March", value="2024-03"))
    b = prop(time=slot("on 4 March", value="2024-03-04"))
    c = prop(time=slot("in April", value="2024-04"))
    assert proposition_features(a, b)["time_match"] == 1.0
    assert proposition_features(a, c)["time_conflict"] == 1.0


def test_rounded_numbers_agree_and_other_numbers_conflict():
    a = prop(quantity=slot("1,200 people", "people", value="1200"))
    b = prop(quantity=slot("1,186 people", "people", value="1186"))
    c = prop(quantity=slot("300 people", "people", value="300"))
    assert proposition_features(a, b)["quantity_match"] == 1.0
    assert proposition_features(a, c)["quantity_conflict"] == 1.0


def test_numbers_of_different_things_give_no_verdict():
    a = prop(quantity=slot("12 tanks", "tanks", value="12"))
    b = prop(quantity=slot("40 soldiers", "soldiers", value="40"))
    f = proposition_features(a, b)
    assert f["quantity_match"] == 0.0 and f["quantity_conflict"] == 0.0


def test_unresolved_pronoun_is_neither_match_nor_conflict():
    a = prop(agent=slot("they", "they"))
    b = prop(agent=slot("the rebels", "rebel"))
    f = proposition_features(a, b)
    assert f["agent_match"] == 0.0 and f["agent_conflict"] == 0.0


def test_different_predicates_outside_any_synonym_set_do_not_match():
    a = prop(predicate=slot("signed", "sign"))
    b = prop(predicate=slot("rejected", "reject"))
    f = proposition_features(a, b)
    assert f["predicate_match"] == 0.0 and not same_proposition(a, b)


def test_claim_without_proposition_gives_only_zeros():
    c = Claim(id="c:x:0-5", article="x", text="Hello", start=0, end=5)
    f = proposition_features(c, prop())
    assert set(f) == set(KEYS) and not any(f.values())


def test_with_actors_maps_slot_actors_and_keeps_unknown_ids():
    p = prop(agent=slot("the rebels", "rebel", actor="a:x:0-10"), patient=slot("the town", "town", actor="a:x:20-28"))
    q = p.with_actors({"a:x:0-10": "A2"})
    assert q.agent.actor == "A2" and q.patient.actor == "a:x:20-28"
    assert p.agent.actor == "a:x:0-10"  # the original is not changed
