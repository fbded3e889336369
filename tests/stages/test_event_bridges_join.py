"""The bridges of the storyline partition (``link.event_bridges``) on reports written here: the
events whose claims the whole batch's clustering joins are bridged, an unrelated event is not,
and a batch large enough to pair claims only within events has no bridge."""
from __future__ import annotations

import itertools

import pytest
from linkkit import corpus

from rashomon.event_parts import storylines
from rashomon.link.clusters import cluster_claims
from rashomon.link.event_bridges import event_bridges
from rashomon.models import Event
from rashomon.settings import Settings, use

SPECS = [
    {"id": "d1", "outlet": "River Post", "text": "The Velka dam collapsed early on Tuesday, flooding three villages downstream.",
     "claims": [{"text": "The Velka dam collapsed early on Tuesday, flooding three villages downstream"}]},
    {"id": "d2", "outlet": "Valley Times", "text": "Early on Tuesday the dam at Velka gave way and water flooded villages downstream.",
     "claims": [{"text": "Early on Tuesday the dam at Velka gave way and water flooded villages downstream"}]},
    {"id": "d3", "outlet": "Morning Wire",
     "text": "The Velka dam burst on Tuesday morning, sending floodwater into nearby villages, officials said.",
     "claims": [{"text": "The Velka dam burst on Tuesday morning, sending floodwater into nearby villages", "speaker": "officials"}]},
    {"id": "s1", "outlet": "Court News", "text": "The chess federation elected a new president in Oslo on Friday.",
     "claims": [{"text": "The chess federation elected a new president in Oslo on Friday"}]},
]


def _state():
    st = corpus(SPECS)
    # the events as the events stage could have left them: one report of the collapse split off
    st.dossier.events = [Event(id="E1", label="", articles=["d1", "d2"], main=True), Event(id="E2", label="", articles=["d3"]),
                         Event(id="E3", label="", articles=["s1"])]
    return st


@pytest.fixture(scope="module")
def bridged():
    st = _state()
    with use(Settings()):
        bridges = event_bridges(st)
        cluster_claims(st)
    return st, bridges


def test_a_report_split_off_its_event_is_bridged_to_it_and_an_unrelated_event_is_not(bridged):
    _, bridges = bridged
    assert ("E1", "E2") in bridges
    assert not any("E3" in pair for pair in bridges)


def test_every_pair_of_events_the_whole_batch_clustering_joins_is_connected_by_bridges(bridged):
    st, bridges = bridged
    event_of = {a: e.id for e in st.dossier.events for a in e.articles}
    joined = {pair for k in st.dossier.clusters for pair in itertools.combinations(sorted({event_of[a] for a in k.articles}), 2)}
    parts = storylines(st.dossier.events, bridges)
    part_of = {e.id: n for n, unit in enumerate(parts) for e in unit}
    assert joined and all(part_of[a] == part_of[b] for a, b in joined)


def test_a_batch_paired_within_events_has_no_bridge():
    with use(Settings(blocking={"event_claims_min": 2})):
        assert event_bridges(_state()) == set()
