"""Disputes: contradictions grouped into the questions they contest, on sentences written for
these tests (a dam, a flood toll, a town held by rebels, a strike). The relation stage runs on
them where its rules see the contradiction; where no rule can (an agent swap, a demand), the
relation is given as the stage's input, the way a learned signal would give it."""
from __future__ import annotations

from rashomon.link.disputes import agreeing_contradictions, find_disputes
from rashomon.link.relations import find_relations
from rashomon.models import Actor, Article, Claim, Cluster, Dossier, Quantity, Relation, Span, Speaker
from rashomon.pipeline import CorpusState


def build(items, quantities=()):
    """``items``: (article, published, sentence, claim text inside it, speaker or None, side or
    None, cluster, polarity). Articles are the sentences joined; claims slice them exactly."""
    texts: dict[str, list[str]] = {}
    pubs = {}
    for art, pub, sent, *_ in items:
        texts.setdefault(art, []).append(sent)
        pubs[art] = pub
    articles = {a: Article(id=a, index=i, text=" ".join(ss), published=pubs[a], outlet=f"Outlet {a.upper()}")
                for i, (a, ss) in enumerate(texts.items())}
    cursor = {a: 0 for a in articles}
    claims, clusters, actors = [], {}, {}
    for i, (art, _pub, sent, piece, speaker, side, cluster, polarity) in enumerate(items):
        text = articles[art].text
        s0 = text.index(sent, cursor[art])
        cursor[art] = s0 + len(sent)
        start = text.index(piece, s0)
        sp = None
        if speaker:
            aid = "A" + "".join(ch for ch in speaker if ch.isalnum())
            actors[aid] = Actor(id=aid, name=speaker, side=side)
            sp = Speaker(name=speaker, actor=aid)
        qs = [q.id for q in quantities if q.article == art and start <= q.start < start + len(piece)]
        claims.append(Claim(id=f"c{i}", article=art, text=piece, start=start, end=start + len(piece), speaker=sp,
                            kind="indirect" if sp else "narrative", cluster=cluster, polarity=polarity, quantities=qs,
                            sentence_start=s0, sentence_end=s0 + len(sent)))
        clusters.setdefault(cluster, []).append(f"c{i}")
    return Dossier(articles=list(articles.values()), claims=claims, actors=list(actors.values()),
                   clusters=[Cluster(id=k, label=k, claims=v) for k, v in clusters.items()], quantities=list(quantities))


def qty(qid, d_or_texts, art, piece, value, unit, after=""):
    """A quantity for text ``piece`` in the sentence containing ``after`` of article ``art``."""
    text = d_or_texts[art]
    start = text.index(piece, text.index(after) if after else 0)
    return Quantity(id=qid, article=art, text=piece, start=start, end=start + len(piece), value=value, unit=unit,
                    about=unit)


def relation(d: Dossier, rid: str, a: str, b: str, signal: str = "classifier") -> Relation:
    """A contradicts relation between the clusters of claims ``a`` and ``b`` (claim ids), with
    both claims as evidence, as the relation stage writes it."""
    cl = {c.id: c for c in d.claims}
    ev = [Span(article=cl[x].article, start=cl[x].start, end=cl[x].end, text=cl[x].text) for x in (a, b)]
    return Relation(id=rid, type="contradicts", a=cl[a].cluster, b=cl[b].cluster, explanation="given", signal=signal,
                    score=0.9, evidence=ev)


def run(d: Dossier, relations: bool = True) -> CorpusState:
    """The relation and dispute stages on ``d``; with ``relations=False`` the relations given by
    the test stand for the relation stage's findings, and are filtered as that stage filters its
    own (``agreeing_contradictions``)."""
    state = CorpusState(dossier=d)
    if relations:
        find_relations(state, use_classifier=False)
    else:
        agreeing = agreeing_contradictions(state, d.relations)
        d.relations = [r for r in d.relations if r.id not in agreeing]
    find_disputes(state)
    return state


def assert_offsets(d: Dossier):
    texts = {a.id: a.text for a in d.articles}
    n = 0
    for dp in d.disputes:
        for p in dp.positions:
            for sp in p.evidence + [h.evidence for h in p.history]:
                assert texts[sp.article][sp.start:sp.end] == sp.text
                n += 1
    assert n > 0


def position_of(dp, claim_id):
    return next(p for p in dp.positions if claim_id in p.claims)


def test_two_outlets_blaming_each_other_form_one_responsibility_dispute_with_two_positions():
    d = build([
        ("a1", "2023-06-06", "The Ukrainian army said Russian forces blew up the Kakhovka dam overnight.",
         "Russian forces blew up the Kakhovka dam overnight", "Ukrainian army", "Ukraine", "k1", "asserted"),
        ("a2", "2023-06-06", "The Kremlin said Ukrainian saboteurs blew up the Kakhovka dam overnight.",
         "Ukrainian saboteurs blew up the Kakhovka dam overnight", "Kremlin", "Russia", "k2", "asserted"),
    ])
    d.relations = [relation(d, "r1", "c0", "c1")]
    run(d, relations=False)
    assert len(d.disputes) == 1
    dp = d.disputes[0]
    assert dp.type == "responsibility"
    assert dp.question == "Who blew up the Kakhovka dam overnight?"
    assert len(dp.positions) == 2 and dp.relations == ["r1"]
    pa, pb = position_of(dp, "c0"), position_of(dp, "c1")
    assert pa is not pb
    assert pa.sides == ["Ukraine"] and pb.sides == ["Russia"]
    assert pa.outlets == ["Outlet A1"] and pb.sources == ["Kremlin"]
    assert pa.first_date == "2023-06-06" and pa.history[0].step == "first_stated"
    assert_offsets(d)


def test_two_outlets_giving_different_tolls_form_one_number_dispute():
    texts = {"a1": "The health ministry said 3,958 people died in the city.",
             "a2": "The Red Crescent said 11,300 people died in the city."}
    q1 = qty("q1", texts, "a1", "3,958", 3958, "people")
    q2 = qty("q2", texts, "a2", "11,300", 11300, "people")
    d = build([
        ("a1", "2023-09-17", texts["a1"], "3,958 people died in the city", "health ministry", "Government", "k1", "asserted"),
        ("a2", "2023-09-17", texts["a2"], "11,300 people died in the city", "Red Crescent", "Aid agencies", "k2", "asserted"),
    ], quantities=[q1, q2])
    run(d)
    assert any(r.type == "contradicts" and r.signal == "numeric" for r in d.relations)
    assert len(d.disputes) == 1
    dp = d.disputes[0]
    assert dp.type == "number"
    assert dp.question == "How many people died in the city?"
    assert sorted(p.stance for p in dp.positions) == ["11,300", "3,958"]
    assert_offsets(d)


TOWN = [
    ("a1", "2024-06-01", "The army said all rebel fighters have been driven out of the town of Marlow.",
     "all rebel fighters have been driven out of the town of Marlow", "army", "Government", "k1", "asserted"),
    ("a2", "2024-06-01", "Our fighters continue to hold their positions in the town of Marlow, the rebel commander said.",
     "Our fighters continue to hold their positions in the town of Marlow", "rebel commander", "Rebels", "k2", "asserted"),
    ("a3", "2024-06-01", "A government spokesman said the town of Marlow has been completely cleared of rebel fighters.",
     "the town of Marlow has been completely cleared of rebel fighters", "government spokesman", "Government", "k3", "asserted"),
    ("a4", "2024-06-01", "Rebel fighters are still holding out in the town of Marlow, a rebel spokeswoman said.",
     "Rebel fighters are still holding out in the town of Marlow", "rebel spokeswoman", "Rebels", "k4", "asserted"),
    ("a5", "2024-06-01", "The interior minister said rebel fighters were expelled from every street of the town of Marlow.",
     "rebel fighters were expelled from every street of the town of Marlow", "interior minister", "Government", "k5", "asserted"),
    ("a6", "2024-06-01", "Rebel units remain in the town of Marlow and keep fighting, their leader said.",
     "Rebel units remain in the town of Marlow and keep fighting", "rebel leader", "Rebels", "k6", "asserted"),
]


def test_the_same_dispute_stated_in_three_article_pairs_is_one_dispute():
    d = build(TOWN)
    run(d)
    contra = [r for r in d.relations if r.type == "contradicts"]
    assert len(contra) >= 3
    assert len(d.disputes) == 1
    dp = d.disputes[0]
    assert dp.type == "state" and dp.question.startswith("Is it true that ")
    assert len(dp.positions) == 2
    by_side = {tuple(p.sides): p for p in dp.positions}
    assert set(by_side) == {("Government",), ("Rebels",)}
    assert set(by_side[("Government",)].clusters) == {"k1", "k3", "k5"}
    assert set(by_side[("Rebels",)].clusters) == {"k2", "k4", "k6"}
    assert {h.step for h in by_side[("Rebels",)].history} >= {"first_stated", "repeated"}
    assert_offsets(d)


REVISION = [
    ("a1", "2024-06-01", "The army said all rebel fighters have been driven out of the town of Marlow.",
     "all rebel fighters have been driven out of the town of Marlow", "army", "Government", "k1", "asserted"),
    ("a2", "2024-06-05", "Some rebel fighters remain hidden in the cellars of the town of Marlow, the defence minister admitted.",
     "Some rebel fighters remain hidden in the cellars of the town of Marlow", "defence minister", "Government", "k2", "asserted"),
]


def test_a_same_side_revision_is_an_update_not_a_dispute():
    d = build(REVISION)
    run(d)
    ups = [r for r in d.relations if r.type == "updates"]
    assert len(ups) == 1 and (ups[0].a, ups[0].b) == ("k1", "k2")
    assert d.disputes == []


def test_a_revision_inside_a_dispute_between_sides_is_kept_apart_as_an_update():
    d = build(REVISION + [
        ("a3", "2024-06-01", "Our fighters continue to hold their positions in the town of Marlow, the rebel commander said.",
         "Our fighters continue to hold their positions in the town of Marlow", "rebel commander", "Rebels", "k3", "asserted"),
    ])
    run(d)
    assert len(d.disputes) == 1
    dp = d.disputes[0]
    rels = {r.id: r for r in d.relations}
    assert dp.relations and all({rels[r].a, rels[r].b} != {"k1", "k2"} for r in dp.relations)
    assert any({rels[r].a, rels[r].b} == {"k1", "k2"} for r in dp.updates)
    ended = position_of(dp, "c0")
    revised = [h for h in ended.history if h.step == "revised"]
    assert [h.claim for h in revised] == ["c1"] and revised[0].date == "2024-06-05"
    assert position_of(dp, "c1") is position_of(dp, "c2")
    assert_offsets(d)


def test_a_denial_that_agrees_with_a_partial_withdrawal_is_not_a_dispute():
    d = build([
        ("a1", "2024-06-03", "The troops have since withdrawn from much of the valley but still hold some positions there.",
         "The troops have since withdrawn from much of the valley but still hold some positions there", None, None, "k1", "asserted"),
        ("a2", "2024-06-03", "The general staff denied that its troops had withdrawn fully from the valley.",
         "The general staff denied that its troops had withdrawn fully from the valley", "general staff", "North", "k2", "denied"),
    ])
    d.relations = [relation(d, "r1", "c0", "c1", signal="denial")]
    run(d, relations=False)
    assert d.disputes == []
    assert d.relations == []  # not a contradiction either


def test_a_state_word_conceded_in_a_despite_phrase_makes_no_dispute():
    d = build([
        ("a1", "2024-06-03", "Throughout the spring the rebels gradually lost control of the town.",
         "Throughout the spring the rebels gradually lost control of the town", None, None, "k1", "asserted"),
        ("a2", "2024-06-09", "Despite the declaration of victory, the president acknowledged that rebels remain in the town.",
         "Despite the declaration of victory, the president acknowledged that rebels remain in the town", "president", "Government", "k2", "asserted"),
    ])
    d.relations = [relation(d, "r1", "c0", "c1", signal="incompatible_state")]
    run(d, relations=False)
    assert d.disputes == []
    assert d.relations == []  # not a contradiction either


def test_a_demand_and_a_refusal_that_can_both_be_true_are_not_a_dispute():
    d = build([
        ("a1", "2024-03-02", "The union demanded that the port operator raise wages by ten percent.",
         "The union demanded that the port operator raise wages by ten percent", None, None, "k1", "asserted"),
        ("a2", "2024-03-02", "The port operator refused to raise wages, its chief executive said.",
         "The port operator refused to raise wages", "chief executive", "Management", "k2", "asserted"),
    ])
    d.relations = [relation(d, "r1", "c0", "c1")]
    run(d, relations=False)
    assert d.disputes == []
    assert d.relations == []  # not a contradiction either


def test_a_denied_report_forms_a_denial_dispute_with_the_denial_in_the_history():
    d = build([
        ("a1", "2024-11-06", "The ruling party won the northern district by a wide margin, the electoral commission said.",
         "The ruling party won the northern district by a wide margin", "electoral commission", "Government", "k1", "asserted"),
        ("a2", "2024-11-07", "The opposition denied that the ruling party had won the northern district.",
         "The opposition denied that the ruling party had won the northern district", "opposition", "Opposition", "k2", "denied"),
    ])
    run(d)
    assert any(r.signal == "denial" for r in d.relations)
    assert len(d.disputes) == 1
    dp = d.disputes[0]
    assert dp.question.startswith("Is it true that the ruling party won the northern district")
    reported = position_of(dp, "c0")
    assert reported.first_date == "2024-11-06"
    assert [h.claim for h in reported.history if h.step == "denied"] == ["c1"]
    assert_offsets(d)


def test_two_sides_naming_different_killers_dispute_who_did_it_though_both_say_people_died():
    d = build([
        ("a1", "2024-02-10", "The city council said an army drone killed four civilians at the market.",
         "an army drone killed four civilians at the market", "city council", "Opposition", "k1", "asserted"),
        ("a2", "2024-02-10", "The defence ministry said a rebel rocket killed four civilians at the market.",
         "a rebel rocket killed four civilians at the market", "defence ministry", "Government", "k2", "asserted"),
    ])
    d.relations = [relation(d, "r1", "c0", "c1")]
    run(d, relations=False)
    assert len(d.disputes) == 1
    assert d.disputes[0].type == "responsibility"
    assert d.disputes[0].question == "Who killed four civilians at the market?"


def test_two_descriptions_of_one_object_dispute_what_it_was():
    d = build([
        ("a1", "2023-02-03", "The foreign ministry said the object over the lake was a civilian weather airship.",
         "the object over the lake was a civilian weather airship", "foreign ministry", "East", "k1", "asserted"),
        ("a2", "2023-02-03", "The defence department said the object over the lake was a surveillance balloon.",
         "the object over the lake was a surveillance balloon", "defence department", "West", "k2", "asserted"),
    ])
    d.relations = [relation(d, "r1", "c0", "c1")]
    run(d, relations=False)
    assert len(d.disputes) == 1
    dp = d.disputes[0]
    assert dp.type == "identity"
    assert dp.question == "What was the object over the lake: a civilian weather airship or a surveillance balloon?"
    assert {p.sides[0] for p in dp.positions} == {"East", "West"}


def test_the_same_tolls_in_two_article_pairs_are_one_number_dispute_and_equal_figures_one_position():
    texts = {"a1": "The health ministry said 3,958 people died in the city.",
             "a2": "The Red Crescent said 11,300 people died in the city.",
             "a3": "Officials in the east said 3,958 people have died in the city so far.",
             "a4": "Aid workers said 11,300 people have died in the city so far."}
    qs = [qty(f"q{i}", texts, a, v, float(v.replace(",", "")), "people") for i, (a, v) in
          enumerate([("a1", "3,958"), ("a2", "11,300"), ("a3", "3,958"), ("a4", "11,300")])]
    d = build([
        ("a1", "2023-09-17", texts["a1"], "3,958 people died in the city", "health ministry", "Government", "k1", "asserted"),
        ("a2", "2023-09-17", texts["a2"], "11,300 people died in the city", "Red Crescent", "Aid agencies", "k2", "asserted"),
        ("a3", "2023-09-17", texts["a3"], "3,958 people have died in the city so far", "officials in the east", "Government", "k3", "asserted"),
        ("a4", "2023-09-17", texts["a4"], "11,300 people have died in the city so far", "aid workers", "Aid agencies", "k4", "asserted"),
    ], quantities=qs)
    run(d)
    assert sum(r.type == "contradicts" for r in d.relations) >= 2
    assert len(d.disputes) == 1
    dp = d.disputes[0]
    assert sorted(p.stance for p in dp.positions) == ["11,300", "3,958"]
    low = next(p for p in dp.positions if p.stance == "3,958")
    assert sorted(low.claims) == ["c0", "c2"] and low.sides == ["Government"]
    assert_offsets(d)


def test_two_rejections_of_the_same_accusation_from_one_camp_are_not_a_dispute():
    d = build([
        ("a1", "2024-10-28", "The ministry said it firmly rejects accusations of meddling in the harbour vote.",
         "it firmly rejects accusations of meddling in the harbour vote", "ministry", "North", "k1", "asserted"),
        ("a2", "2024-10-28", "A ministry spokesman denied any meddling in the harbour vote this weekend.",
         "A ministry spokesman denied any meddling in the harbour vote this weekend", "ministry spokesman", None, "k2", "denied"),
    ])
    d.relations = [relation(d, "r1", "c0", "c1", signal="denial")]
    run(d, relations=False)
    assert d.disputes == [] and d.relations == []


def test_a_rejection_that_is_only_possible_is_no_denial():
    d = build([
        ("a1", "2024-07-08", "The settlement came days after prosecutors offered the airline a plea deal.",
         "The settlement came days after prosecutors offered the airline a plea deal", None, None, "k1", "asserted"),
        ("a2", "2024-07-08", "The judge said he could reject the settlement, which would force new talks with the airline.",
         "he could reject the settlement, which would force new talks with the airline", "judge", None, "k2", "denied"),
    ])
    d.relations = [relation(d, "r1", "c0", "c1", signal="denial")]
    run(d, relations=False)
    assert d.disputes == [] and d.relations == []


def test_one_allegation_denied_in_two_article_pairs_is_one_denial_dispute():
    d = build([
        ("a1", "2023-02-08", "A reporter alleged that navy divers planted the explosives on the gas pipeline.",
         "navy divers planted the explosives on the gas pipeline", "reporter", None, "k1", "asserted"),
        ("a2", "2023-02-08", "The government denied that navy divers planted explosives on the gas pipeline.",
         "The government denied that navy divers planted explosives on the gas pipeline", "government", "West", "k2", "denied"),
        ("a3", "2023-02-09", "According to a blog post, divers from the navy planted the explosives on the pipeline.",
         "divers from the navy planted the explosives on the pipeline", "blog post", None, "k3", "asserted"),
        ("a4", "2023-02-09", "The defence ministry rejected claims that navy divers had planted explosives on the pipeline.",
         "The defence ministry rejected claims that navy divers had planted explosives on the pipeline", "defence ministry", "West", "k4", "denied"),
    ])
    d.relations = [relation(d, "r1", "c0", "c1", signal="denial"), relation(d, "r2", "c2", "c3", signal="denial")]
    run(d, relations=False)
    assert len(d.disputes) == 1
    dp = d.disputes[0]
    assert dp.type == "denial" and sorted(dp.relations) == ["r1", "r2"]
    by = {p.stance: p for p in dp.positions}
    assert set(by) == {"reported", "denied"}
    assert sorted(by["reported"].claims) == ["c0", "c2"] and sorted(by["denied"].claims) == ["c1", "c3"]
    assert [h.step for h in by["reported"].history].count("denied") == 2
    assert dp.question.startswith("Is it true that ")


def test_two_dates_for_one_collapse_form_a_date_dispute():
    from rashomon.models import TimeExpr

    d = build([
        ("a1", "2023-06-07", "Officials said the dam collapsed on June 6 after heavy shelling.",
         "the dam collapsed on June 6 after heavy shelling", "officials", "East", "k1", "asserted"),
        ("a2", "2023-06-07", "Residents said the dam collapsed on June 5 after heavy shelling.",
         "the dam collapsed on June 5 after heavy shelling", "residents", "Civilians", "k2", "asserted"),
    ])
    texts = {a.id: a.text for a in d.articles}
    times = []
    for n, (art, piece, value) in enumerate([("a1", "June 6", "2023-06-06"), ("a2", "June 5", "2023-06-05")]):
        s = texts[art].index(piece)
        times.append(TimeExpr(id=f"t{n}", article=art, text=piece, start=s, end=s + len(piece), value=value, precision="day"))
    d.times = times
    rel = relation(d, "r1", "c0", "c1", signal="date")
    rel.evidence += [Span(article=t.article, start=t.start, end=t.end, text=t.text) for t in times]
    d.relations = [rel]
    run(d, relations=False)
    assert len(d.disputes) == 1
    dp = d.disputes[0]
    assert dp.type == "date"
    assert sorted(p.stance for p in dp.positions) == ["2023-06-05", "2023-06-06"]
    assert "June" not in dp.question and "dam collapsed" in dp.question
    assert_offsets(d)
