"""A denial is aimed only at a claim that holds what it rejects (link/relations/targets.py, rules.py),
on sentences written for these tests. Each near miss must stay silent, each true rebuttal must
still be found:

- a negation contradicts a claim asserting its predicate, not any claim on the topic;
- a negated "be" needs what it says is (not) the case in the other claim;
- a rebuttal that only points back ("dismissed that rumour") is aimed at what its own article
  reported, not at a like claim elsewhere;
- a claim that itself calls the report a hoax sides with a rebuttal of it;
- a denial that something was said rebuts the report of it, a non-answer ("did not say when") does not;
- a lifted denial needs each cluster to hold its role (the rebuttal's cluster rejects more than the target's).

The claims carry the propositions that the per-article stages read from these sentences.
"""
from __future__ import annotations

import pytest
from test_relations_signals import assert_evidence_slices, build, contradictions, pairs_of, run

from rashomon.link.relations.targets import said_denials


@pytest.fixture(scope="module")
def with_props(run_article):
    """``with_props(items) -> Dossier``: ``build(items)`` with each claim's ``Proposition`` read by
    the per-article stages from its article's text (the claim extracted there that overlaps it most)."""
    def make(items):
        d = build(items)
        for a in d.articles:
            st = run_article(a.text, published=None, until="claims", article_id=a.id)
            for c in (c for c in d.claims if c.article == a.id):
                best = max(st.ann.claims, key=lambda e: min(e.end, c.end) - max(e.start, c.start), default=None)
                if best is not None and min(best.end, c.end) > max(best.start, c.start):
                    c.proposition = best.proposition
        return d
    return make


BRIDGE_OPENED = "The new bridge over the Tamsin river was opened to traffic on Monday, the mayor said."
BRIDGE_NOT_OPENED = "The new bridge over the Tamsin river was not opened to traffic on Monday, the transport office said."
BRIDGE_SILENT = "The transport office has not spoken about the new bridge over the Tamsin river since Monday."


def test_a_negation_contradicts_the_claim_that_asserts_its_predicate(with_props):
    d = with_props([
        ("a1", "2024-05-02", BRIDGE_OPENED, "mayor", None, "k1", "asserted"),
        ("a2", "2024-05-02", BRIDGE_NOT_OPENED, "transport office", None, "k2", "denied"),
    ])
    rels = contradictions(run(d), "denial")
    assert pairs_of(rels) == {frozenset(("k1", "k2"))}
    assert_evidence_slices(d, rels[0])


def test_a_negation_of_another_predicate_on_the_same_topic_is_no_denial(with_props):
    d = with_props([
        ("a1", "2024-05-02", BRIDGE_OPENED, "mayor", None, "k1", "asserted"),
        ("a2", "2024-05-02", BRIDGE_SILENT, "transport office", None, "k2", "denied"),
    ])
    assert contradictions(run(d), "denial") == []


def test_a_negated_be_needs_what_it_denies_in_the_other_claim(with_props):
    d = with_props([
        ("a1", "2024-05-02", "The flooding in Carran was caused by the opening of the Velt dam, the council said.",
         "council", None, "k1", "asserted"),
        ("a2", "2024-05-02", "It is not the first time the Velt dam has been opened after heavy rain in Carran.",
         None, None, "k2", "denied"),
    ])
    assert contradictions(run(d), "denial") == []


RUMOUR_REPORT = "Local radio reported that the governor of Pell had resigned over the budget cuts."
RUMOUR_DISMISSED = "The governor's office later dismissed that rumour."
BUDGET_ELSEWHERE = "The governor of Pell resigned over the budget cuts on Friday, a regional newspaper reported."


def test_a_rebuttal_that_points_back_is_aimed_at_what_its_article_reported(with_props):
    d = with_props([
        ("a1", "2024-02-01", RUMOUR_REPORT, "Local radio", None, "k1", "asserted"),
        ("a1", "2024-02-01", RUMOUR_DISMISSED, "governor's office", None, "k2", "asserted"),
        ("a2", "2024-02-01", BUDGET_ELSEWHERE, "regional newspaper", None, "k3", "asserted"),
    ])
    pairs = pairs_of(contradictions(run(d), "denial"))
    assert frozenset(("k1", "k2")) in pairs
    assert frozenset(("k2", "k3")) not in pairs


SHARK_SEEN = "A shark was seen swimming on the flooded highway near Varn, a resident said."
SHARK_DENIED = "The fire brigade denied that a shark was seen swimming on the flooded highway near Varn."
SHARK_HOAX = "The photos of a shark swimming on the flooded highway near Varn are an old hoax, the weather service said."


def test_a_claim_calling_the_report_a_hoax_is_never_a_rebuttals_target(with_props):
    d = with_props([
        ("a1", "2024-07-09", SHARK_SEEN, "resident", None, "k1", "asserted"),
        ("a2", "2024-07-09", SHARK_DENIED, "fire brigade", None, "k2", "asserted"),
        ("a3", "2024-07-09", SHARK_HOAX, "weather service", None, "k3", "asserted"),
    ])
    pairs = pairs_of(contradictions(run(d), "denial"))
    assert frozenset(("k1", "k2")) in pairs
    assert frozenset(("k2", "k3")) not in pairs


PLANT_CLOSING = "The minister said that the coal plant in Dorrow will close next year."
PLANT_NOT_SAID = "It later turned out that the minister had not made the comment about the coal plant in Dorrow."
PLANT_NO_ANSWER = "The minister did not say when the coal plant in Dorrow would close."


def test_a_denial_that_something_was_said_rebuts_the_report_of_it(with_props):
    d = with_props([
        ("a1", "2024-01-15", PLANT_CLOSING, "minister", None, "k1", "asserted"),
        ("a2", "2024-01-16", PLANT_NOT_SAID, None, None, "k2", "asserted"),
    ])
    rels = contradictions(run(d), "denial")
    assert pairs_of(rels) == {frozenset(("k1", "k2"))}
    assert any(sp.text == "not made the comment" for sp in rels[0].evidence)


def test_a_question_left_unanswered_is_no_denial_that_it_was_said():
    assert [m[2] for m in said_denials(PLANT_NOT_SAID)] == ["not made the comment"]
    assert said_denials(PLANT_NO_ANSWER) == []


def test_a_lifted_denial_needs_the_target_cluster_to_assert_more_than_the_rebuttals(with_props):
    # k1 holds the report and, from another article, its denial; k2 the denial alone: k2 still
    # rejects more than k1, so the contradiction stands
    kept = with_props([
        ("a1", "2024-07-09", SHARK_SEEN, "resident", None, "k1", "asserted"),
        ("a2", "2024-07-09", SHARK_DENIED, "fire brigade", None, "k2", "asserted"),
    ])
    assert pairs_of(contradictions(run(kept), "denial")) == {frozenset(("k1", "k2"))}
    # near miss: each cluster mixes the report with a denial of it, as much one as the other; a
    # relation between them would join the articles of one position with each other
    mixed = with_props([
        ("a1", "2024-07-09", SHARK_SEEN, "resident", None, "k1", "asserted"),
        ("a2", "2024-07-09", SHARK_DENIED, "fire brigade", None, "k2", "asserted"),
        ("a3", "2024-07-09", "Police denied that a shark was swimming on the flooded highway near Varn.", "police", None, "k1", "asserted"),
        ("a4", "2024-07-09", "A driver saw a shark swimming on the flooded highway near Varn, a neighbour said.", "neighbour", None, "k2", "asserted"),
    ])
    assert contradictions(run(mixed), "denial") == []
