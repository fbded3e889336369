"""A claim that only doubts ("might not be an accurate account", ``possibility`` of
data/en/polarity.yaml) is compatible with the claim it doubts: no contradiction (link/dispute_edges.py
``AGREE["doubt"]``); the same sentence stated outright ("is not an accurate account") still denies
it. Sentences written for this test."""
from __future__ import annotations

from test_relations_signals import assert_evidence_slices, build, contradictions, run

CLAIM = "A spider burrowed under the skin of a tourist in Merrowby and lived there for three days, the tourist said."
DENIAL = "The story of a spider that burrowed under the skin of a tourist in Merrowby is not an accurate account, an entomologist said."
DOUBT = "The story of a spider that burrowed under the skin of a tourist in Merrowby might not be an accurate account, an entomologist said."


def _pair(second):
    return build([("a1", "2024-10-15", CLAIM, "tourist", None, "k1", "asserted"),
                  ("a2", "2024-10-17", second, "entomologist", None, "k2", "denied")])


def test_an_outright_denial_contradicts_the_claim():
    d = _pair(DENIAL)
    rels = contradictions(run(d), "denial")
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    assert_evidence_slices(d, rels[0])


def test_a_claim_that_only_says_it_might_not_hold_is_no_contradiction():
    assert contradictions(run(_pair(DOUBT))) == []
