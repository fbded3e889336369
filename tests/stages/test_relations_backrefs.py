"""An agent denial whose event is only a generic back-reference ("no Tarnian nationals were
involved in the incident") is read with the event its article named just before it
(link/relations/backrefs.py, used by the agent signal of link/relations/slots.py); and a denial
meets an agent only by name when both name one ("Tarnian nationals" / "Ostlandian nationals" are
two agents). Near misses stay silent: an antecedent about another event, agents that share only
their noun. Sentences written for these tests."""
from __future__ import annotations

from test_relations_signals import assert_evidence_slices, build, contradictions, run

ALLEGED = "A veteran reporter alleged that Tarnian navy divers planted the explosives that wrecked the Halvor dam last spring."
REPORT = "The Daily Courier reported that a rebel group from Ostland may have been behind the attack on the Halvor dam."
STORM = "The Daily Courier reported that a storm flooded farms in the Brena valley on Tuesday."
BACKREF = "The outlet's sources also said that “no Tarnian nationals were involved” in the incident."


def _corpus(before: str):
    return build([("a1", "2024-03-08", ALLEGED, "veteran reporter", None, "k1", "asserted"),
                  ("a2", "2024-03-08", before, "Daily Courier", None, "k2", "asserted"),
                  ("a2", "2024-03-08", BACKREF, "Courier sources", None, "k3", "asserted")])


def test_a_denied_agent_of_the_incident_named_just_before_contradicts_the_claim_naming_that_agent():
    d = _corpus(REPORT)
    rels = [r for r in contradictions(run(d), "agent") if {r.a, r.b} == {"k1", "k3"}]
    assert len(rels) == 1
    assert "not involved" in rels[0].explanation
    assert "reports just before" in rels[0].explanation and "rebel group from Ostland" in rels[0].explanation
    assert_evidence_slices(d, rels[0])
    assert any("Tarnian nationals were involved" in sp.text for sp in rels[0].evidence)


def test_the_back_reference_is_resolved_to_the_claim_just_before_it_in_its_article():
    from rashomon.link.relations.backrefs import event_antecedents, generic_event
    from rashomon.link.relations.context import claim_views
    from rashomon.link.relations.slots import agent_mentions
    from rashomon.pipeline import CorpusState

    views = claim_views(CorpusState(dossier=_corpus(REPORT)))
    ante = event_antecedents(views, {v.claim.id: agent_mentions(v.text) for v in views})
    assert {k: v.text for k, v in ante.items()} == {next(v.claim.id for v in views if v.text == BACKREF): REPORT}
    assert generic_event("no nationals were involved in the incident.", len("no nationals were involved"))
    assert not generic_event("no nationals were involved in the attack on the dam.", len("no nationals were involved"))


def test_the_same_denial_without_a_claim_before_it_does_not_contradict():
    d = build([("a1", "2024-03-08", ALLEGED, "veteran reporter", None, "k1", "asserted"),
               ("a2", "2024-03-08", BACKREF, "Courier sources", None, "k3", "asserted"),
               ("a2", "2024-03-08", REPORT, "Daily Courier", None, "k2", "asserted")])
    assert [r for r in contradictions(run(d), "agent") if {r.a, r.b} == {"k1", "k3"}] == []


def test_a_back_reference_to_another_event_does_not_contradict():
    rels = [r for r in contradictions(run(_corpus(STORM)), "agent") if {r.a, r.b} == {"k1", "k3"}]
    assert rels == []


def test_a_denial_and_an_agent_that_share_only_their_noun_do_not_contradict():
    other = "Officials said that Ostlandian nationals carried out the attack on the Halvor dam last spring."
    denial = "The ministry said that no Tarnian nationals were involved in the attack on the Halvor dam."
    d = build([("a1", "2024-03-08", other, "officials", None, "k1", "asserted"),
               ("a2", "2024-03-08", denial, "ministry", None, "k2", "asserted")])
    assert contradictions(run(d), "agent") == []


def test_a_denial_that_names_the_same_agent_contradicts():
    other = "Officials said that Tarnian nationals carried out the attack on the Halvor dam last spring."
    denial = "The ministry said that no Tarnian nationals were involved in the attack on the Halvor dam."
    d = build([("a1", "2024-03-08", other, "officials", None, "k1", "asserted"),
               ("a2", "2024-03-08", denial, "ministry", None, "k2", "asserted")])
    assert len(contradictions(run(d), "agent")) == 1
