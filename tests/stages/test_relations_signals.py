"""Relations between claim clusters: each rule signal fires on sentences written for these tests
(floods, strikes, elections), explains itself with evidence on both sides, and stays silent on
compatible claims."""
from __future__ import annotations

import pytest

from rashomon.link.relations import find_relations
from rashomon.models import Actor, Article, Claim, Cluster, Dossier, Quantity, Speaker, TimeExpr
from rashomon.pipeline import CorpusState


def build(items, quantities=(), times=()):
    """``items``: (article id, published, sentence, speaker or None, side or None, cluster id,
    polarity). Each article's text is its sentences joined; claims slice it exactly."""
    texts: dict[str, list[str]] = {}
    pubs = {}
    for art, pub, sent, *_ in items:
        texts.setdefault(art, []).append(sent)
        pubs[art] = pub
    articles = {a: Article(id=a, text=" ".join(ss), published=pubs[a]) for a, ss in texts.items()}
    cursor = {a: 0 for a in articles}
    claims, clusters, actors = [], {}, {}
    for i, (art, _pub, sent, speaker, side, cluster, polarity) in enumerate(items):
        text = articles[art].text
        start = text.index(sent, cursor[art])
        cursor[art] = start + len(sent)
        sp = None
        if speaker:
            aid = "A" + str(abs(hash(speaker)) % 10_000)
            actors[aid] = Actor(id=aid, name=speaker, side=side)
            sp = Speaker(name=speaker, actor=aid)
        cid = f"c{i}"
        qs = [q.id for q in quantities if q.article == art and start <= q.start < start + len(sent)]
        ts = [t.id for t in times if t.article == art and start <= t.start < start + len(sent)]
        claims.append(Claim(id=cid, article=art, text=sent, start=start, end=start + len(sent), speaker=sp,
                            cluster=cluster, polarity=polarity, quantities=qs, times=ts))
        clusters.setdefault(cluster, []).append(cid)
    d = Dossier(articles=list(articles.values()), claims=claims, actors=list(actors.values()),
                clusters=[Cluster(id=k, label=k, claims=v) for k, v in clusters.items()],
                quantities=list(quantities), times=list(times))
    return d


def run(d: Dossier, classifier: bool = False) -> list:
    state = CorpusState(dossier=d)
    find_relations(state, use_classifier=classifier)
    return d.relations


def contradictions(rels, signal=None):
    return [r for r in rels if r.type == "contradicts" and (signal is None or r.signal == signal)]


def pairs_of(rels) -> set:
    """The unordered (a, b) claim pairs of relations ``rels``."""
    return {frozenset((r.a, r.b)) for r in rels}


def assert_evidence_slices(d: Dossier, rel):
    texts = {a.id: a.text for a in d.articles}
    assert len(rel.evidence) >= 2
    for sp in rel.evidence:
        assert texts[sp.article][sp.start:sp.end] == sp.text


def q(id_, art, text, sent_text, value, unit):
    start = sent_text.index(text)
    return Quantity(id=id_, article=art, text=text, start=start, end=start + len(text), value=value, unit=unit)


STRIKE_ARMY = "The army said all rebel fighters have been driven out of the town of Marlow."
STRIKE_REBELS = "Our fighters continue to hold their positions in the town of Marlow, the rebel commander said."


def test_opposite_states_from_opposed_sides_contradict_with_evidence():
    d = build([
        ("a1", "2024-06-01", STRIKE_ARMY, "army", "Government", "k1", "asserted"),
        ("a2", "2024-06-01", STRIKE_REBELS, "rebel commander", "Rebels", "k2", "asserted"),
    ])
    rels = contradictions(run(d), "incompatible_state")
    assert len(rels) == 1
    r = rels[0]
    assert {r.a, r.b} == {"k1", "k2"}
    assert "driven out" in r.explanation and "continue to hold" in r.explanation
    assert_evidence_slices(d, r)
    assert {sp.text for sp in r.evidence} >= {STRIKE_ARMY, STRIKE_REBELS, "driven out", "continue to hold"}


def test_same_state_or_partial_progress_is_not_a_contradiction():
    d = build([
        ("a1", "2024-06-01", "The army said its troops retook three villages near the town of Marlow.", "army", "Government", "k1", "asserted"),
        ("a2", "2024-06-01", STRIKE_REBELS, "rebel commander", "Rebels", "k2", "asserted"),
        ("a3", "2024-06-01", "Fighting continues in the town of Marlow, residents said.", "residents", "Civilians", "k3", "asserted"),
    ])
    assert contradictions(run(d)) == []


def test_opposite_states_on_different_topics_do_not_contradict():
    d = build([
        ("a1", "2024-06-01", "The electoral commission said all ballots have been counted and the count is complete.", "commission", "Government", "k1", "asserted"),
        ("a2", "2024-06-01", "Floodwaters remain in the lower districts of the river city, the mayor said.", "mayor", "City", "k2", "asserted"),
    ])
    assert contradictions(run(d)) == []


def test_same_side_later_reversal_is_contradiction_and_update():
    d = build([
        ("a1", "2024-06-01", STRIKE_ARMY, "army", "Government", "k1", "asserted"),
        ("a2", "2024-06-05", "Some rebel fighters remain hidden in the cellars of the town of Marlow, the defence minister admitted.",
         "defence minister", "Government", "k2", "asserted"),
    ])
    rels = run(d)
    con = contradictions(rels, "incompatible_state")
    upd = [r for r in rels if r.type == "updates"]
    assert len(con) == 1 and len(upd) == 1
    assert (upd[0].a, upd[0].b) == ("k1", "k2")  # earlier -> later
    assert upd[0].signal == "same_speaker_revision"
    assert "revises" in con[0].explanation or "updates" in con[0].explanation
    assert_evidence_slices(d, upd[0])


def test_failed_versus_succeeded_assessments_contradict():
    d = build([
        ("a1", "2024-03-02", "The company said the dockworkers' strike has completely failed to halt shipments at the port.",
         "company", "Management", "k1", "asserted"),
        ("a2", "2024-03-02", "The union said the dockworkers' strike succeeded and halted shipments at the port for a week.",
         "union", "Union", "k2", "asserted"),
    ])
    rels = contradictions(run(d), "incompatible_state")
    assert len(rels) == 1 and "failed" in rels[0].explanation


def test_denied_claim_contradicts_the_claim_it_negates():
    d = build([
        ("a1", "2024-11-06", "The ruling party won the northern district by a wide margin, the electoral commission said.",
         "electoral commission", "Government", "k1", "asserted"),
        ("a2", "2024-11-07", "The opposition denied that the ruling party had won the northern district.",
         "opposition", "Opposition", "k2", "denied"),
        ("a2", "2024-11-07", "Turnout in the southern provinces was low because of heavy rain.", None, None, "k3", "asserted"),
    ])
    rels = contradictions(run(d), "denial")
    assert len(rels) == 1
    assert {rels[0].a, rels[0].b} == {"k1", "k2"}
    assert "denied" in rels[0].explanation
    assert_evidence_slices(d, rels[0])


def test_bare_rebuttal_points_at_the_preceding_claim():
    d = build([
        ("a1", "2024-08-10", "Police said the dam on the upper river had burst overnight, flooding three villages.",
         "police", "Authorities", "k1", "asserted"),
        ("a1", "2024-08-10", "This is not true, the dam operator said.", "dam operator", "Operator", "k2", "asserted"),
    ])
    rels = contradictions(run(d), "denial")
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    assert any(sp.text == "This is not true" for sp in rels[0].evidence)


def test_different_numbers_for_the_same_toll_contradict_across_sources():
    s1 = "The flood killed 12 people in the valley, the Red Cross said."
    s2 = "The flood killed 40 people in the valley, the governor said."
    qs = [q("q1", "a1", "12 people", s1, 12, "people"), q("q2", "a2", "40 people", s2, 40, "people")]
    d = build([("a1", "2024-08-10", s1, "Red Cross", "Aid agencies", "k1", "asserted"),
               ("a2", "2024-08-10", s2, "governor", "Government", "k2", "asserted")], quantities=qs)
    rels = contradictions(run(d), "numeric")
    assert len(rels) == 1
    assert "12 people" in rels[0].explanation and "40 people" in rels[0].explanation
    assert_evidence_slices(d, rels[0])


def test_a_later_higher_toll_from_the_same_source_is_an_update_not_a_contradiction():
    s1 = "The flood killed 12 people in the valley, the governor said."
    s2 = "The flood has now killed 40 people in the valley, the governor said."
    qs = [q("q1", "a1", "12 people", s1, 12, "people"), q("q2", "a2", "40 people", s2, 40, "people")]
    d = build([("a1", "2024-08-10", s1, "governor", "Government", "k1", "asserted"),
               ("a2", "2024-08-12", s2, "governor", "Government", "k2", "asserted")], quantities=qs)
    rels = run(d)
    assert contradictions(rels) == []
    upd = [r for r in rels if r.type == "updates"]
    assert len(upd) == 1 and (upd[0].a, upd[0].b) == ("k1", "k2") and upd[0].signal == "numeric"


def test_same_happening_on_different_days_contradicts():
    s1 = "The bridge over the river collapsed on Tuesday, officials said."
    s2 = "The bridge over the river collapsed on Thursday, witnesses said."
    ts = [TimeExpr(id="t1", article="a1", text="on Tuesday", start=s1.index("on Tuesday"), end=s1.index("on Tuesday") + 10, value="2024-05-07"),
          TimeExpr(id="t2", article="a2", text="on Thursday", start=s2.index("on Thursday"), end=s2.index("on Thursday") + 11, value="2024-05-09")]
    d = build([("a1", "2024-05-10", s1, "officials", "Authorities", "k1", "asserted"),
               ("a2", "2024-05-10", s2, "witnesses", "Civilians", "k2", "asserted")], times=ts)
    rels = contradictions(run(d), "date")
    assert len(rels) == 1 and "2024-05-07" in rels[0].explanation and "2024-05-09" in rels[0].explanation
    assert_evidence_slices(d, rels[0])


def test_embeddings_are_stored_for_later_stages():
    d = build([("a1", None, STRIKE_ARMY, "army", "Government", "k1", "asserted"),
               ("a2", None, STRIKE_REBELS, "rebel commander", "Rebels", "k2", "asserted")])
    state = CorpusState(dossier=d)
    find_relations(state, use_classifier=False)
    assert set(state.claim_embeddings["index"]) == {c.id for c in d.claims}


def test_relation_ids_and_types_are_well_formed():
    d = build([
        ("a1", "2024-06-01", STRIKE_ARMY, "army", "Government", "k1", "asserted"),
        ("a2", "2024-06-01", STRIKE_REBELS, "rebel commander", "Rebels", "k2", "asserted"),
    ])
    rels = run(d)
    assert rels
    assert [r.id for r in rels] == [f"r{i}" for i in range(1, len(rels) + 1)]
    assert all(r.type in {"contradicts", "supports", "updates"} and r.explanation for r in rels)


@pytest.mark.parametrize("text,expected", [
    ("They were pushed out of the town, but some units still hold positions there.", "continuing"),
    ("The last village has been retaken.", "ended"),
])
def test_contrast_clause_decides_a_mixed_state(text, expected):
    from rashomon.link.relations.lexicon import state_poles

    assert state_poles(text)["presence"][0] == expected


def test_deny_someone_something_is_not_a_rebuttal():
    from rashomon.link.relations.rules import _rebuttal_hits

    assert _rebuttal_hits("any attempt to deny the farmers their water will fail")[0] == []
    assert _rebuttal_hits("Parliament rejected the budget on Monday")[0] == []
    assert [h[2] for h in _rebuttal_hits("The ministry dismissed the reports of a strike")[0]] == ["dismissed"]
    assert [h[2] for h in _rebuttal_hits("a figure which the ministry denied.")[0]] == ["denied"]
