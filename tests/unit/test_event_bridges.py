"""Topic bridges of the storyline partition (``link.event_bridges.topic_bridges``) on vectors
written by hand: two events are bridged when a claim of each reaches the cosine, never by claims
of one event, whether every pair is compared or only the blocked candidates."""
from __future__ import annotations

import numpy as np

from rashomon.link.event_bridges import topic_bridges


def _vectors() -> np.ndarray:
    # rows 0-1: event E1 (one topic); row 2: E2, close to row 0; row 3: E3, orthogonal to all
    return np.array([[1.0, 0.0, 0.0], [0.9, 0.1, 0.0], [0.8, 0.6, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32)


def test_events_whose_claims_reach_the_cosine_are_bridged_and_the_others_are_not():
    events = ["E1", "E1", "E2", "E3"]
    assert topic_bridges(_vectors(), events, 0.75, all_pairs_max=100) == {("E1", "E2")}
    assert topic_bridges(_vectors(), events, 0.95, all_pairs_max=100) == set()


def test_claims_of_one_event_bridge_nothing():
    assert topic_bridges(_vectors(), ["E1", "E1", "E1", "E2"], 0.5, all_pairs_max=100) == set()


def test_the_blocked_candidates_find_the_same_bridge_above_the_all_pairs_limit():
    assert topic_bridges(_vectors(), ["E1", "E1", "E2", "E3"], 0.75, all_pairs_max=1) == {("E1", "E2")}
