"""Rebuttals and accusations across articles (link/relations/rules.py, slots.py, disputes.py) on
sentences written for these tests: a rebuttal contradicts every cluster that asserts what it
rejects, never another rebuttal; a named source's claim is its likelier target; refusals ("will
not accept that") are rebuttals; "accused X of" names an agent; near misses stay silent (two
rebuttals that agree, a refusal of a plain thing, the same agent accused twice, a winner against
an author of an act, a demand and its refusal)."""
from __future__ import annotations

from test_relations_signals import assert_evidence_slices, build, contradictions, pairs_of, run

from rashomon.link.relations.rules import _rebuttal_hits

DEPOT_MAYOR = "Militia fighters set fire to the grain depot in Corvel on Tuesday night, the mayor said."
DEPOT_RESIDENTS = "The grain depot in Corvel was burned down by militia fighters overnight, residents told reporters."
DEPOT_DENIAL = "The militia dismissed the reports that its fighters set fire to the grain depot in Corvel."
DEPOT_DENIAL_2 = "A militia commander rejected the claims that his men burned the Corvel grain depot."


def test_a_rebuttal_contradicts_each_cluster_that_asserts_what_it_rejects():
    d = build([
        ("a1", "2024-05-02", DEPOT_MAYOR, "mayor", "Town", "k1", "asserted"),
        ("a2", "2024-05-02", DEPOT_RESIDENTS, "residents", None, "k2", "asserted"),
        ("a3", "2024-05-03", DEPOT_DENIAL, "militia", "Militia", "k3", "asserted"),
    ])
    rels = contradictions(run(d), "denial")
    assert pairs_of(rels) == {frozenset(("k1", "k3")), frozenset(("k2", "k3"))}
    for r in rels:
        assert_evidence_slices(d, r)
        assert any(sp.text == "dismissed" for sp in r.evidence)


def test_two_rebuttals_of_the_same_report_agree():
    d = build([
        ("a1", "2024-05-02", DEPOT_MAYOR, "mayor", "Town", "k1", "asserted"),
        ("a3", "2024-05-03", DEPOT_DENIAL, "militia", "Militia", "k3", "asserted"),
        ("a4", "2024-05-03", DEPOT_DENIAL_2, "militia commander", "Militia", "k4", "asserted"),
    ])
    pairs = pairs_of(contradictions(run(d)))
    assert frozenset(("k3", "k4")) not in pairs
    assert frozenset(("k1", "k3")) in pairs and frozenset(("k1", "k4")) in pairs


FERRY_AUTHORITY = "The ferry service to Dunmore will stay suspended for three weeks, the Harbour Authority said."
FERRY_OPERATOR = "The ferry service to Dunmore will resume within a few days, a spokesman for the operator said."
FERRY_REBUTTAL = ("I do not know where the Harbour Authority got this false information about the Dunmore ferry from, "
                  "the union leader said.")


def test_a_rebuttal_that_names_a_source_targets_that_source():
    d = build([
        ("a1", "2024-03-01", FERRY_AUTHORITY, "Harbour Authority", None, "k1", "asserted"),
        ("a2", "2024-03-01", FERRY_OPERATOR, "spokesman for the operator", None, "k2", "asserted"),
        ("a3", "2024-03-02", FERRY_REBUTTAL, "union leader", None, "k3", "asserted"),
    ])
    pairs = pairs_of(contradictions(run(d), "denial"))
    assert frozenset(("k1", "k3")) in pairs
    assert frozenset(("k2", "k3")) not in pairs


def test_refusals_and_questions_are_rebuttals_but_plain_refusals_are_not():
    assert [h[2] for h in _rebuttal_hits("I will not accept that all these cases are coincidences")[0]] == ["will not accept"]
    assert [h[2] for h in _rebuttal_hits("Others questioned how the river can possibly be safe")[0]] == ["questioned how"]
    assert _rebuttal_hits("The club will not accept new members until the spring")[0] == []
    assert _rebuttal_hits("Police questioned the driver for two hours")[0] == []


def test_a_refusal_to_accept_a_finding_contradicts_it():
    d = build([
        ("a1", "2024-04-10", "The inquiry found that the outbreak at the Larch Hill school was caused by contaminated water.",
         "inquiry", None, "k1", "asserted"),
        ("a2", "2024-04-11", "I will not accept that the outbreak at the Larch Hill school was caused by the water, the headteacher said.",
         "headteacher", None, "k2", "asserted"),
    ])
    rels = contradictions(run(d), "denial")
    assert pairs_of(rels) == {frozenset(("k1", "k2"))}
    assert_evidence_slices(d, rels[0])


VOTE_ACCUSE_A = "President Ilse Marn accused Valdoria of meddling in the parliamentary vote."
VOTE_ACCUSE_B = "The Valdorian spokesman instead accused Western states of meddling in the parliamentary vote."


def test_accused_of_names_different_agents_that_contradict():
    d = build([
        ("a1", "2024-10-27", VOTE_ACCUSE_A, "Ilse Marn", "Opposition", "k1", "asserted"),
        ("a2", "2024-10-28", VOTE_ACCUSE_B, "Valdorian spokesman", "Valdoria", "k2", "asserted"),
    ])
    rels = contradictions(run(d), "agent")
    assert pairs_of(rels) == {frozenset(("k1", "k2"))}
    assert "accused Valdoria of" in rels[0].explanation
    assert_evidence_slices(d, rels[0])


def test_the_same_agent_accused_twice_is_no_contradiction():
    d = build([
        ("a1", "2024-10-27", VOTE_ACCUSE_A, "Ilse Marn", "Opposition", "k1", "asserted"),
        ("a2", "2024-10-28", "Observers accused Valdorian agents of meddling in the parliamentary vote.",
         "Observers", "Monitors", "k2", "asserted"),
    ])
    assert contradictions(run(d), "agent") == []


def test_a_winner_and_an_accused_agent_answer_different_questions():
    d = build([
        ("a1", "2024-10-27", VOTE_ACCUSE_A, "Ilse Marn", "Opposition", "k1", "asserted"),
        ("a2", "2024-10-28", "The ruling party won the parliamentary vote, the election commission said.",
         "election commission", "Government", "k2", "asserted"),
    ])
    assert contradictions(run(d), "agent") == []


def test_a_speaker_asked_about_a_claim_answers_it_but_a_request_stays_a_directive():
    from rashomon.link.disputes import is_directive
    from rashomon.link.relations.context import claim_views

    d = build([
        ("a1", "2024-10-28", "These accusations are baseless, the spokesman said when he was asked about the claims.",
         "spokesman", "Valdoria", "k1", "asserted"),
        ("a2", "2024-10-28", "The union asked the company to raise wages by ten percent.", "union", None, "k2", "asserted"),
    ])
    d.claims[0].cue, d.claims[1].cue = "asked", "asked"
    from rashomon.pipeline import CorpusState

    views = {v.claim.id: v for v in claim_views(CorpusState(dossier=d))}
    assert not is_directive(views["c0"])
    assert is_directive(views["c1"])


def test_a_rebuttal_does_not_reach_a_claim_that_already_says_no():
    # the negated claim is about as close as the mayor's (within the target margin), yet it
    # agrees with the rebuttal
    d = build([
        ("a1", "2024-05-02", DEPOT_MAYOR, "mayor", "Town", "k1", "asserted"),
        ("a2", "2024-05-02", "The fire at the Corvel grain depot was not started by militia fighters, a local priest said.",
         "local priest", None, "k2", "asserted"),
        ("a3", "2024-05-03", DEPOT_DENIAL, "militia", "Militia", "k3", "asserted"),
    ])
    pairs = pairs_of(contradictions(run(d), "denial"))
    assert frozenset(("k1", "k3")) in pairs
    assert frozenset(("k2", "k3")) not in pairs


def test_rebuttal_hits_are_worked_out_once_per_text_and_handed_out_as_new_lists():
    verbs, sents = _rebuttal_hits(DEPOT_DENIAL)
    assert [h[2] for h in verbs] == ["dismissed"] and sents == []
    verbs.append((0, 1, "x"))  # a caller changing its copy changes nobody else's
    again, _ = _rebuttal_hits(DEPOT_DENIAL)
    assert [h[2] for h in again] == ["dismissed"] and again is not verbs
    assert DEPOT_DENIAL[again[0][0]:again[0][1]] == "dismissed"
