"""Relations on large batches: from ``blocking.event_claims_min`` claims on (lowered here through
the settings' environment), the relation signals meet claims only within their event
(``relations.context.view_pairs`` / ``view_neighbours``); below it nothing is blocked by event."""
from __future__ import annotations

import numpy as np
import pytest

from rashomon.link.relations.context import ClaimView, event_blocks, view_neighbours, view_pairs
from rashomon.models import Claim, Dossier, Event

# two events of two articles each; every article holds two claims on one topic
_TEXTS = ["The dam burst on Monday.", "The dam held firm all week.",
          "Officials said the dam burst.", "Engineers denied that the dam burst.",
          "The mayor resigned on Friday.", "The mayor is still in office.",
          "Aides said the mayor quit.", "The mayor denied he had quit."]


def _dossier() -> Dossier:
    claims = [Claim(id=f"c{i}", article=f"a{i // 2}", text=t, start=0, end=len(t), cluster=f"k{i}")
              for i, t in enumerate(_TEXTS)]
    events = [Event(id="e1", label="dam", articles=["a0", "a1"]), Event(id="e2", label="mayor", articles=["a2", "a3"])]
    return Dossier(claims=claims, events=events)


def _views(d: Dossier) -> list[ClaimView]:
    blocks = event_blocks(d)
    vec = np.ones(4, dtype=np.float32) / 2.0  # one shared direction: every pair is a near candidate
    return [ClaimView(claim=c, text=c.text, span=None, cluster=c.cluster, side=None, speaker=None, speaker_name=None,
                      date=None, date_source="", vec=vec, block=None if blocks is None else blocks.get(c.article, ""))
            for c in d.claims]


def _event_of(d: Dossier) -> dict[str, str]:
    return {a: e.id for e in d.events for a in e.articles}


@pytest.mark.parametrize("all_pairs_max", ["2000", "1"])  # all pairs within an event, or its blocked candidates
def test_large_batch_relation_candidates_hold_no_pair_across_events(monkeypatch, all_pairs_max):
    monkeypatch.setenv("RASHOMON_BLOCKING__EVENT_CLAIMS_MIN", "8")
    monkeypatch.setenv("RASHOMON_RELATIONS__ALL_PAIRS_MAX", all_pairs_max)
    d = _dossier()
    views = _views(d)
    ev = _event_of(d)
    assert [v.block for v in views] == [ev[c.article] for c in d.claims]
    pairs = list(view_pairs(views))
    assert pairs, "each event's claims are still paired"
    assert {(x.claim.id, y.claim.id) for x, y in pairs} <= {(f"c{i}", f"c{j}") for i in range(8) for j in range(i + 1, 8)}
    assert all(ev[x.claim.article] == ev[y.claim.article] for x, y in pairs)
    near = view_neighbours(views)
    assert near is not None and len(near) == len(views)
    assert all(ev[w.claim.article] == ev[v.claim.article] for v, ws in zip(views, near) for w in ws)
    assert sum(len(ws) for ws in near) == 2 * len(pairs)


def test_large_batch_pairs_every_claim_pair_of_one_event_when_events_are_small(monkeypatch):
    monkeypatch.setenv("RASHOMON_BLOCKING__EVENT_CLAIMS_MIN", "8")
    views = _views(_dossier())
    ids = {(x.claim.id, y.claim.id) for x, y in view_pairs(views)}
    assert ids == {(f"c{i}", f"c{j}") for lo in (0, 4) for i in range(lo, lo + 4) for j in range(i + 1, lo + 4)}


def test_small_batch_keeps_every_pair_across_events(monkeypatch):
    monkeypatch.setenv("RASHOMON_BLOCKING__EVENT_CLAIMS_MIN", "9")  # one more than the batch holds
    d = _dossier()
    assert event_blocks(d) is None
    views = _views(d)
    assert all(v.block is None for v in views)
    assert len(list(view_pairs(views))) == 8 * 7 // 2
    assert view_neighbours(views) is None  # every view may meet every other


def test_large_batch_claims_of_articles_without_event_form_one_block(monkeypatch):
    monkeypatch.setenv("RASHOMON_BLOCKING__EVENT_CLAIMS_MIN", "8")
    d = _dossier()
    d.events = d.events[:1]  # a2, a3 left without an event
    views = _views(d)
    assert [v.block for v in views] == ["e1"] * 4 + [""] * 4
    ids = {(x.claim.id, y.claim.id) for x, y in view_pairs(views)}
    assert ("c4", "c7") in ids and not any(x < "c4" <= y for x, y in ids)


def test_block_index_finds_only_items_sharing_a_key_and_block_in_order_added():
    from rashomon.link.blocking import BlockIndex

    idx = BlockIndex()
    a, b, c = object(), object(), object()
    idx.add(a, "state", {"e1"})
    idx.add(b, "state", {"e2"})
    idx.add(c, "number", {"e1"})
    assert idx.near("state", {"e1"}) == [a]
    assert idx.near("state", {"e2", "e1"}) == [a, b]
    idx.add(a, "state", {"e3"})  # filed again: a group that gained an event
    assert idx.near("state", {"e3"}) == [a] and idx.items == [a, b, c]
    small = BlockIndex(by_block=False)  # small batches: every item is near
    small.add(a, "state", {"e1"})
    small.add(c, "number", {"e9"})
    assert small.near("state", {"e2"}) == [a, c]


def _state_group(claims: list[str], blocks: list):
    from rashomon.link.disputes import _Group

    d = _dossier()
    by_id = {c.id: c for c in d.claims}
    vec = np.ones(4, dtype=np.float32) / 2.0  # the same wording: groups that may merge do
    views = [ClaimView(claim=by_id[c], text=by_id[c].text, span=None, cluster=by_id[c].cluster, side=None, speaker=None,
                       speaker_name=None, date=None, date_source="", vec=vec, block=b) for c, b in zip(claims, blocks)]
    return _Group(key=("state", "dim"), positions={"held": views[:1], "failed": views[1:]})


def test_large_batch_disputes_merge_only_groups_sharing_an_event():
    from rashomon.link.disputes import _merge

    assert len(_merge([_state_group(["c0", "c1"], [None, None]), _state_group(["c4", "c5"], [None, None])])) == 1
    assert len(_merge([_state_group(["c0", "c1"], ["e1", "e1"]), _state_group(["c4", "c5"], ["e2", "e2"])])) == 2
    # a cluster spanning events belongs to each: its group meets the groups of both
    assert len(_merge([_state_group(["c0", "c5"], ["e1", "e2"]), _state_group(["c4", "c6"], ["e2", "e2"])])) == 1
