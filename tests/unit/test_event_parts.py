"""Linking event by event without the models: parts written in their own ids are merged into one
dossier whose ids are unique and whose references still meet; a part's key changes with its
inputs only; claim clusters get stable ids with aliases (``store.events.assign_ids``)."""
from __future__ import annotations

from rashomon.event_parts import merge_parts, part_inputs, part_key, storylines
from rashomon.models import (Actor, Article, Claim, Cluster, Dispute, DisputePosition, Dossier, Event, Relation, Source, Speaker,
                             TimelineEntry)
from rashomon.settings import Settings
from rashomon.store.events import assign_ids

TEXTS = {
    "a1": "The mayor said the bridge had collapsed. Engineers denied that the bridge had collapsed.",
    "b1": "The company said the factory fire was put out. Firefighters said the fire still burned.",
}


def _part(aid: str) -> Dossier:
    """A part as ``event_parts.link_event`` writes it: event E1, actors A1.., clusters k1.., relations r1.., dispute D1."""
    text = TEXTS[aid]
    cut = text.index(". ") + 1
    c1 = Claim(id=f"c:{aid}:0-{cut}", article=aid, text=text[:cut], start=0, end=cut, cluster="k1",
               speaker=Speaker(name="speaker one", actor="A1"), actors=["A1"])
    c2 = Claim(id=f"c:{aid}:{cut + 1}-{len(text)}", article=aid, text=text[cut + 1:], start=cut + 1, end=len(text), cluster="k2",
               speaker=Speaker(name="speaker two", actor="A2"))
    return Dossier(
        articles=[Article(id=aid, index=0, event="E1", text=text)],
        events=[Event(id="E1", label="", articles=[aid], main=True, date="2026-01-05")],
        actors=[Actor(id="A1", name="speaker one"), Actor(id="A2", name="speaker two")],
        claims=[c1, c2],
        clusters=[Cluster(id="k1", label="one", claims=[c1.id], sources=[Source(name="speaker one", actor="A1")]),
                  Cluster(id="k2", label="two", claims=[c2.id])],
        relations=[Relation(id="r1", type="contradicts", a="k1", b="k2", explanation="they cannot both hold")],
        disputes=[Dispute(id="D1", question="What happened?", type="state", relations=["r1"],
                          positions=[DisputePosition(id="D1.1", label="one", clusters=["k1"]), DisputePosition(id="D1.2", label="two", clusters=["k2"])])],
        timeline=[TimelineEntry(date="2026-01-05", label="E1:", articles=[aid])],
    )


def _merged() -> Dossier:
    arts = [Article(id="a1", index=0, event="E2", text=TEXTS["a1"]), Article(id="b1", index=1, event="E1", text=TEXTS["b1"])]
    events = [Event(id="E1", label="factory fire", articles=["b1"], main=True), Event(id="E2", label="bridge collapse", articles=["a1"])]
    return merge_parts(arts, events, [([events[0]], _part("b1")), ([events[1]], _part("a1"))])


def test_merged_parts_get_unique_actor_cluster_relation_and_dispute_ids():
    d = _merged()
    assert [a.id for a in d.actors] == ["A1", "A2", "A3", "A4"]
    assert [k.id for k in d.clusters] == ["k1", "k2", "k3", "k4"]
    assert [r.id for r in d.relations] == ["r1", "r2"]
    assert [x.id for x in d.disputes] == ["D1", "D2"]
    assert [p.id for x in d.disputes for p in x.positions] == ["D1.1", "D1.2", "D2.1", "D2.2"]


def test_merged_references_still_meet_their_records():
    d = _merged()
    clusters = {k.id: k for k in d.clusters}
    for c in d.claims:  # each claim's cluster lists it, its speaker is a merged actor of its own part
        assert c.id in clusters[c.cluster].claims
    b_claims = [c for c in d.claims if c.article == "b1"]
    a_claims = [c for c in d.claims if c.article == "a1"]
    assert [c.speaker.actor for c in b_claims] == ["A1", "A2"] and [c.speaker.actor for c in a_claims] == ["A3", "A4"]
    assert a_claims[0].actors == ["A3"] and clusters["k3"].sources[0].actor == "A3"
    rel = {r.id: r for r in d.relations}
    for x in d.disputes:
        assert all(rel[r].a in x.positions[0].clusters for r in x.relations)


def test_merged_articles_keep_the_batch_order_and_their_events():
    d = _merged()
    assert [(a.id, a.index, a.event) for a in d.articles] == [("a1", 0, "E2"), ("b1", 1, "E1")]
    assert [c.article for c in d.claims] == ["a1", "a1", "b1", "b1"]  # per-article records in article order
    assert [e.id for e in d.events] == ["E1", "E2"]


def test_a_parts_own_event_entry_is_worded_from_the_batch_event():
    d = _merged()
    labels = sorted(e.label for e in d.timeline)
    assert labels == ["E1: factory fire", "E2: bridge collapse"]


def test_a_part_key_changes_with_its_articles_and_not_with_their_batch_position_or_source():
    s = Settings()
    ev = Event(id="E4", label="bridge collapse", articles=["a1"], date="2026-01-05", reason="3 articles...")
    art = Article(id="a1", index=7, event="E4", text=TEXTS["a1"])
    local, inputs = part_inputs([ev], [art])
    assert local[0].id == "E1" and local[0].label == "" and inputs[0].index == 0 and inputs[0].event == "E1"
    key = part_key(local, inputs, {"a1": "h1"}, s)
    moved = art.model_copy(update={"index": 3, "event": "E9"})
    relabelled = ev.model_copy(update={"id": "E9", "label": "another wording", "reason": "other batch"})
    assert part_key(*part_inputs([relabelled], [moved]), {"a1": "h1"}, s) == key
    assert part_key(local, inputs, {"a1": "h2"}, s) != key  # other annotations
    assert part_key(local, inputs, {"a1": "h1"}, Settings(clusters={"link": 0.9})) != key  # a setting that changes results
    assert part_key(local, inputs, {"a1": "h1"}, Settings(engine={"jobs": 3})) == key  # one that does not


def test_related_events_form_one_storyline_and_keep_their_links_in_local_ids():
    evs = [Event(id="E1", label="", articles=["a"], related=["E3"]), Event(id="E2", label="", articles=["b"]),
           Event(id="E3", label="", articles=["c"], related=["E1"])]
    units = storylines(evs)
    assert [[e.id for e in u] for u in units] == [["E1", "E3"], ["E2"]]
    arts = [Article(id="a", event="E1", text="x"), Article(id="c", event="E3", text="y")]
    local, inputs = part_inputs(units[0], arts)
    assert [(e.id, e.related, e.main) for e in local] == [("E1", ["E2"], True), ("E2", ["E1"], False)]
    assert [(a.id, a.event) for a in inputs] == [("a", "E1"), ("c", "E2")]


def test_a_cluster_keeps_its_stable_id_when_a_claim_joins_and_a_merged_cluster_becomes_an_alias():
    first, _ = assign_ids([Cluster(id="k1", label="", claims=["c:x:0-9", "c:y:0-9"])], [], {}, set(), prefix="cl-", members="claims")
    sid = first["k1"]
    assert sid.startswith("cl-")
    stored = [{"id": sid, "claims": ["c:x:0-9", "c:y:0-9"], "created_seq": 1}, {"id": "cl-other", "claims": ["c:z:0-9"], "created_seq": 2}]
    grown = [Cluster(id="k7", label="", claims=["c:w:0-9", "c:x:0-9", "c:y:0-9", "c:z:0-9"])]
    mapping, aliases = assign_ids(grown, stored, {}, {sid, "cl-other"}, prefix="cl-", members="claims")
    assert mapping == {"k7": sid} and aliases == {"cl-other": sid}


def test_bridged_events_share_a_storyline_with_their_related_events():
    evs = [Event(id="E1", label="", articles=["a"], related=["E3"]), Event(id="E2", label="", articles=["b"]),
           Event(id="E3", label="", articles=["c"], related=["E1"]), Event(id="E4", label="", articles=["d"])]
    units = storylines(evs, {("E2", "E3")})
    assert [[e.id for e in u] for u in units] == [["E1", "E2", "E3"], ["E4"]]
    assert [[e.id for e in u] for u in storylines(evs, {("E4", "E9")})] == [["E1", "E3"], ["E2"], ["E4"]]  # an unknown event joins nothing
