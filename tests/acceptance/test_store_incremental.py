"""Incremental linking in the workspace store (``events.partition`` on): the seed articles (a storyline of two related
events) and a second story written for this test (a footbridge collapse, three articles from
three outlets that all repeat the mayor's statement). Adding the story's third article links its
event only: the seed events keep their stored part and rows as they were; the repeated claim's
cluster keeps its stable id, and its history counts the repetition."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from rashomon.store import open_store
from rashomon.store.schema import event_parts, events

ON = {"events": {"partition": True}}
STATEMENT = "four people were injured when the bridge fell"
BRIDGE = [
    {"id": "bridge-1", "outlet": "Valley Courier", "published": "2026-03-03", "title": "Footbridge over the Ormel river collapses",
     "text": "A footbridge over the Ormel river in the town of Castelby collapsed on Tuesday morning. The town's mayor, Hanna Loft, "
             f"said that {STATEMENT}. Police said the bridge had been closed for inspection since January. "
             "Engineers will examine the remains this week."},
    {"id": "bridge-2", "outlet": "Northern Ledger", "published": "2026-03-03", "title": "Castelby footbridge falls into river",
     "text": f"The Ormel river footbridge in Castelby collapsed on Tuesday. Mayor Hanna Loft said that {STATEMENT}. "
             "A resident said she heard a loud crack before the span dropped into the water. "
             "The regional council said repairs had been planned for the spring."},
    {"id": "bridge-3", "outlet": "Coastal Times", "published": "2026-03-04", "title": "Inquiry into Castelby bridge collapse",
     "text": f"An inquiry has begun into the collapse of the Ormel river footbridge in Castelby. Mayor Hanna Loft said that {STATEMENT}. "
             "The regional council said the bridge had passed its last inspection in 2024. "
             "Engineers said corrosion may have weakened the steel cables."},
]


def _rows(store):
    with store._read() as conn:
        parts = {r.key: r.linked_at for r in conn.execute(select(event_parts.c.key, event_parts.c.linked_at))}
        evs = {r.id: r._asdict() for r in conn.execute(events.select())}
    return parts, evs


def _statement_cluster(store):
    """(dossier id, stable id) of the cluster that holds bridge-1's statement."""
    d = store.dossier()
    claim = next(c for c in d.claims if c.article == "bridge-1" and STATEMENT in c.text)
    return claim.cluster, store.cluster_ids()[claim.cluster]


@pytest.fixture(scope="module")
def grown(tmp_path_factory, kursk_dir, nlp):
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('inc') / 'rashomon.db'}")
    store.add(sorted(p for p in kursk_dir.iterdir() if p.is_file()), settings=ON)
    store.add(BRIDGE[:2], settings=ON)
    before = {"rows": _rows(store), "cluster": _statement_cluster(store)}
    result = store.add(BRIDGE[2], settings=ON)
    yield store, before, result
    store.close()


def _bridge_event(store) -> str:
    return next(e.id for e in store.events() if any(a.startswith("bridge-") for a in store.dossier(e.id).events[0].articles))


def test_adding_an_article_of_one_event_links_only_that_event(grown):
    store, _, result = grown
    bridge = _bridge_event(store)
    assert result.added == ["bridge-3"] and result.linked
    assert result.relinked == [bridge] and result.events == [bridge]
    assert len(store.events()) == 3


def test_the_other_events_keep_their_stored_parts_and_rows_untouched(grown):
    store, before, _ = grown
    parts_before, events_before = before["rows"]
    parts_after, events_after = _rows(store)
    kept = set(parts_before.items()) & set(parts_after.items())  # same key, same time it was linked
    assert len(parts_before) == len(parts_after) >= 2 and len(kept) == len(parts_before) - 1  # the seed storyline's part is kept
    bridge = _bridge_event(store)
    for sid, row in events_after.items():
        if sid != bridge:
            assert row == events_before[sid]  # digest, updated_at, counts: the row was not written
    assert events_after[bridge]["n_articles"] == 3 and events_after[bridge]["updated_at"] >= events_before[bridge]["updated_at"]


def test_a_cluster_keeps_its_stable_id_when_a_third_article_repeats_its_claim(grown):
    store, before, _ = grown
    _, sid_before = before["cluster"]
    kid, sid = _statement_cluster(store)
    assert sid == sid_before and sid.startswith("cl-")
    view = store.cluster(sid)
    assert view is not None and view.cluster.id == kid and view.stable_id == sid
    assert sorted({c.article for c in view.claims}) == ["bridge-1", "bridge-2", "bridge-3"]
    steps = [(h.step, h.article) for h in view.history if h.step in ("first_reported", "repeated")]
    assert steps[0][0] == "first_reported" and [s for s, _ in steps].count("repeated") == 2
    assert steps[-1] == ("repeated", "bridge-3")  # the latest article, dated a day later, repeats it last
    for h in view.history:  # each step's offsets slice its text out of its article
        assert store.article(h.article).text[h.start:h.end] == h.text


def test_a_full_add_links_every_event_again(grown):
    store, _, _ = grown
    extra = {"id": "bridge-4", "outlet": "Valley Courier", "published": "2026-03-05", "title": "Castelby bridge remains removed",
             "text": "Cranes removed the remains of the Ormel river footbridge in Castelby on Thursday. "
                     "The regional council said a temporary crossing would open next month."}
    result = store.add(extra, full=True, settings=ON)
    assert result.added == ["bridge-4"] and sorted(result.relinked) == sorted(e.id for e in store.events())
