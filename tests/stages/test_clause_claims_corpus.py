"""Clause claims (``Claim.parent``) in the corpus stages, on sentences written for these tests: a
relation is found on the clause that carries the contested figure, and a cluster counts a clause
and its statement as one source."""
from __future__ import annotations

from rashomon.link.disputes import find_disputes
from rashomon.link.independence import assess_independence
from rashomon.link.relations import find_relations
from rashomon.models import Actor, Article, Claim, Cluster, Dossier, Quantity, Speaker
from rashomon.pipeline import CorpusState

S1 = "The river burst its banks on Tuesday night, killing 12 people in the valley, the Red Cross said."
CLAUSE = "killing 12 people in the valley"
S2 = "Rising water ended up killing 40 people in the valley, the governor said."


def _claim(cid, art, text, sent, cluster, speaker=None, parent=None, quantities=()):
    start = text.index(sent)
    return Claim(id=cid, article=art, text=sent, start=start, end=start + len(sent), cluster=cluster, parent=parent,
                 speaker=speaker, quantities=list(quantities), sentence_start=0, sentence_end=len(text))


def _toll_dossier() -> Dossier:
    red, gov = Speaker(name="Red Cross", actor="A1"), Speaker(name="governor", actor="A2")
    q1 = Quantity(id="q1", article="a1", text="12 people", start=S1.index("12 people"), end=S1.index("12 people") + 9,
                  value=12, unit="people", claim="c1")
    q2 = Quantity(id="q2", article="a2", text="40 people", start=S2.index("40 people"), end=S2.index("40 people") + 9,
                  value=40, unit="people", claim="c2")
    # as extract.claims ties it, the figure belongs to the smallest claim around it: the clause
    claims = [_claim("c0", "a1", S1, S1, "k1", red), _claim("c1", "a1", S1, CLAUSE, "k1", red, parent="c0", quantities=["q1"]),
              _claim("c2", "a2", S2, S2, "k2", gov, quantities=["q2"])]
    return Dossier(articles=[Article(id="a1", text=S1, published="2024-08-10"), Article(id="a2", text=S2, published="2024-08-10")],
                   claims=claims, actors=[Actor(id="A1", name="Red Cross", side="Aid agencies"), Actor(id="A2", name="governor", side="Government")],
                   clusters=[Cluster(id="k1", label="k1", claims=["c0", "c1"]), Cluster(id="k2", label="k2", claims=["c2"])],
                   quantities=[q1, q2])


def test_a_toll_stated_in_a_clause_contradicts_another_sources_toll():
    d = _toll_dossier()
    state = CorpusState(dossier=d)
    find_relations(state, use_classifier=False)
    rels = [r for r in d.relations if r.type == "contradicts"]
    assert len(rels) == 1 and {rels[0].a, rels[0].b} == {"k1", "k2"}
    texts = {a.id: a.text for a in d.articles}
    assert any(sp.text == CLAUSE for sp in rels[0].evidence)
    for sp in rels[0].evidence:
        assert texts[sp.article][sp.start:sp.end] == sp.text
    find_disputes(state)
    assert d.disputes
    for p in d.disputes[0].positions:
        assert not {"c0", "c1"} <= set(p.claims)  # a statement and its clause are one claim of one source


def test_a_clause_beside_its_statement_is_no_second_telling():
    t1 = "The bridge over the canal was closed on Monday, stopping all traffic into the old town for a week."
    t2 = "A landslide hit the coastal road near the harbour and buried two parked cars."
    d = Dossier(articles=[Article(id="a1", text=t1, outlet="Daily A"), Article(id="a2", text=t2, outlet="Daily B")],
                claims=[_claim("c0", "a1", t1, t1, "k1"), _claim("c1", "a1", t1, "stopping all traffic into the old town for a week", "k1", parent="c0"),
                        _claim("c2", "a2", t2, t2, "k1")],
                clusters=[Cluster(id="k1", label="k1", claims=["c0", "c1", "c2"], articles=["a1", "a2"])])
    assess_independence(CorpusState(dossier=d))
    k = d.clusters[0]
    assert k.corroboration == "narration_only"
    assert all("c1" not in s.claims for s in k.sources)
    assert sorted(c for s in k.sources for c in s.claims) == ["c0", "c2"]


def test_the_claim_after_a_statement_with_clauses_is_its_next_claim():
    from rashomon.link.features import claim_features

    t = ("The minister said the plant would close in March, cutting 300 jobs and moving the work abroad. "
         "He said the decision was final.")
    first, second = t.split(". ")[0] + ".", "He said the decision was final."
    d = Dossier(articles=[Article(id="a1", text=t)],
                claims=[_claim("c0", "a1", t, first, None), _claim("c1", "a1", t, "cutting 300 jobs", None, parent="c0"),
                        _claim("c2", "a1", t, "moving the work abroad", None, parent="c0"), _claim("c3", "a1", t, second, None)])
    f = claim_features(CorpusState(dossier=d))
    assert f["c3"].ordinal - f["c0"].ordinal == 1  # the clauses do not stand between two statements
    assert f["c1"].ordinal == f["c2"].ordinal == f["c0"].ordinal
