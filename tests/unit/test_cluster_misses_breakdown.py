"""The cluster-miss breakdown (``scripts/cluster_misses.py``): on a hand-made gold file and
dossier mapping, each pair lands in the one category the grader's cluster pair F1 gives it."""
from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import load_script

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "cluster_misses.py"


@pytest.fixture(scope="module")
def misses():
    return load_script(SCRIPT, "rashomon_bench_cluster_misses")


GOLD = [
    {"id": "G1", "evidence": {"a1": "The dam burst at dawn.", "a2": "At first light the dam gave way.",
                              "a3": "The dam failed early on Monday."}},
    {"id": "G2", "evidence": {"a1": "Forty homes were swept away.", "a2": "The flood destroyed 40 houses."}},
    {"id": "G3", "evidence": {"a2": "The mayor ordered an evacuation.", "a3": "Residents were told to leave."}},
]


def test_pairs_sorted_into_joined_split_unmapped_and_wrong(misses):
    found = {
        ("G1", "a1"): {"id": "c1"}, ("G1", "a2"): {"id": "c2"}, ("G1", "a3"): {"id": "c3"},
        ("G2", "a1"): {"id": "c4"}, ("G2", "a2"): {"id": "c5"},
        ("G3", "a2"): {"id": "c6"},  # the a3 evidence of G3 has no covering claim
    }
    cluster_of = {"c1": "k1", "c2": "k1", "c3": "k3", "c4": "k1", "c5": "k2", "c6": "k2"}
    size = {"k1": 3, "k2": 2, "k3": 1}
    row = misses.breakdown(GOLD, found, cluster_of, size)
    assert row["evidence_pairs"] == 5
    assert row["unmapped"] == 1  # G3 a2/a3
    assert row["joined"] == 1  # G1 a1/a2 in k1
    assert row["split_alone"] == 2  # G1 a1/a3 and a2/a3: c3 is a cluster of one
    assert row["split_apart"] == 1  # G2: k1 and k2, both larger
    # c2 (G1, a2) with c4 (G2, a1) in k1; c1 and c4 are of one article, so not counted
    assert row["wrong_joins"] == 1
    assert row["wrong_via_shared"] == 0
    assert misses.pair_f1(row) == pytest.approx(2 * 1 / (2 * 1 + 1 + 3))


def test_wrong_join_through_a_claim_holding_two_gold_claims(misses):
    # one long claim of a2 covers the evidence of G2 and G3; it shares a cluster with G1's claim of a1
    found = {("G1", "a1"): {"id": "c1"}, ("G2", "a2"): {"id": "c9"}, ("G3", "a2"): {"id": "c9"}}
    row = misses.breakdown(GOLD, found, {"c1": "k1", "c9": "k1"}, {"k1": 2})
    assert row["wrong_joins"] == 2  # c1 against c9 as G2 and as G3
    assert row["wrong_via_shared"] == 2
    assert row["joined"] == 0 and misses.pair_f1(row) == 0.0


def test_claims_in_no_cluster_are_split_not_joined(misses):
    found = {("G2", "a1"): {"id": "c4"}, ("G2", "a2"): {"id": "c5"}}
    row = misses.breakdown(GOLD, found, {}, {})
    assert row["joined"] == 0
    assert row["split_alone"] == 1
    assert row["wrong_joins"] == 0
