"""A denial that contests the question a state dispute already holds is folded into it (one
question, not the same dispute twice); a denial of other claims, or of claims spread over both
poles, stays its own dispute."""
from __future__ import annotations

from types import SimpleNamespace

from rashomon.link.dispute_groups import _fold_denials, _Group


def view(cid: str):
    return SimpleNamespace(claim=SimpleNamespace(id=cid, parent=None))


def state_group():
    return _Group(key=("state", "presence"), edges=["e-state"],
                  positions={"ended": [view("taken1"), view("taken2"), view("taken3")],
                             "continuing": [view("held1")]})


def test_a_denial_of_the_claims_of_one_pole_joins_the_other_pole():
    denial = _Group(key=("denial", None), edges=["e-denial"],
                    positions={"reported": [view("taken1"), view("taken2"), view("other")],
                               "denied": [view("contradicting")]})
    out = _fold_denials([state_group(), denial])
    assert len(out) == 1 and out[0].key[0] == "state"
    assert [v.claim.id for v in out[0].positions["continuing"]] == ["held1", "contradicting"]
    assert out[0].edges == ["e-state", "e-denial"]


def test_a_denial_of_other_claims_stays_its_own_dispute():
    denial = _Group(key=("denial", None), edges=["e-denial"],
                    positions={"reported": [view("x1"), view("x2")], "denied": [view("y1")]})
    out = _fold_denials([state_group(), denial])
    assert [g.key[0] for g in out] == ["state", "denial"]


def test_a_denial_whose_reported_claims_sit_in_both_poles_stays_apart():
    denial = _Group(key=("denial", None), edges=["e-denial"],
                    positions={"reported": [view("taken1"), view("held1")], "denied": [view("y1")]})
    assert len(_fold_denials([state_group(), denial])) == 2


def test_a_denial_touching_a_pole_with_a_minority_of_its_claims_stays_apart():
    denial = _Group(key=("denial", None), edges=["e-denial"],
                    positions={"reported": [view("taken1"), view("x1"), view("x2")], "denied": [view("y1")]})
    assert len(_fold_denials([state_group(), denial])) == 2
