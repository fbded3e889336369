"""A rebuttal is aimed at what another voice asserts (link/relations/rules.py ``same_voice``,
``denial_findings``): not at a statement of its own body ("a Water Authority spokeswoman" and
"a Water Authority spokesman" are one voice), even when that statement is worded closer to it;
a claim and its rebuttal keep their opposite stances in the disputes stage (the rebuttal stands by
the other pole of what it names, ``disputes.claim_stances``). Sentences written for this test."""
from __future__ import annotations

from test_relations_signals import assert_evidence_slices, build, contradictions, run

from rashomon.link.disputes import claim_stances
from rashomon.link.relations.context import claim_views
from rashomon.link.relations.rules import same_voice
from rashomon.state import CorpusState

DAY = "2024-05-02"
MAYOR = "The mayor of Carran said the gates of the Velt dam were opened in the middle of the night on Sunday."
OWN_BODY = "A Velt Water Authority spokesman said the gates of the Velt dam were opened on schedule on Sunday morning."
REBUTTAL = ("The suggestion that the gates of the Velt dam were opened in the middle of the night on Sunday is "
            "categorically false, a Velt Water Authority spokeswoman said.")


def _rebuttal_pairs(items):
    d = build(items)
    rels = contradictions(run(d), "denial")
    return d, rels, {frozenset((r.a, r.b)) for r in rels}


def test_a_rebuttal_contradicts_the_other_voice_not_its_own_body():
    d, rels, pairs = _rebuttal_pairs([
        ("a1", DAY, MAYOR, "mayor", None, "k1", "asserted"),
        ("a2", DAY, OWN_BODY, "Velt Water Authority spokesman", None, "k2", "asserted"),
        ("a3", DAY, REBUTTAL, "Velt Water Authority spokeswoman", None, "k3", "asserted"),
    ])
    assert frozenset(("k1", "k3")) in pairs
    assert frozenset(("k2", "k3")) not in pairs
    assert_evidence_slices(d, next(r for r in rels if {r.a, r.b} == {"k1", "k3"}))


def test_one_voice_is_one_side_or_speakers_named_after_one_body():
    d = build([
        ("a1", DAY, MAYOR, "mayor", None, "k1", "asserted"),
        ("a2", DAY, OWN_BODY, "Velt Water Authority spokesman", None, "k2", "asserted"),
        ("a3", DAY, REBUTTAL, "Velt Water Authority spokeswoman", None, "k3", "asserted"),
    ])
    views = {v.cluster: v for v in claim_views(CorpusState(dossier=d))}
    assert same_voice(views["k3"], views["k2"])
    assert not same_voice(views["k3"], views["k1"])


def test_two_bodies_that_share_only_a_common_head_are_two_voices():
    d = build([
        ("a1", DAY, MAYOR, "Tarn Defence Ministry", None, "k1", "asserted"),
        ("a3", DAY, REBUTTAL, "Vell Defence Ministry", None, "k3", "asserted"),
    ])
    views = {v.cluster: v for v in claim_views(CorpusState(dossier=d))}
    assert not same_voice(views["k3"], views["k1"])


def test_a_rebuttal_stands_by_the_other_pole_of_what_it_names():
    d = build([
        ("a1", DAY, MAYOR, "mayor", None, "k1", "asserted"),
        ("a3", DAY, REBUTTAL, "Velt Water Authority spokeswoman", None, "k3", "asserted"),
    ])
    views = {v.cluster: v for v in claim_views(CorpusState(dossier=d))}
    said, rebutted = claim_stances(views["k1"]), claim_stances(views["k3"])
    dims = said.keys() & rebutted.keys()
    assert dims and all(said[k] != rebutted[k] for k in dims)
    # so the denial between them is a dispute, not two claims that agree
    assert {frozenset((r.a, r.b)) for r in contradictions(run(d), "denial")} == {frozenset(("k1", "k3"))}
