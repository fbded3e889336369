"""Numeric cross-checks between articles: consistent ranges and derived wholes, inconsistent
bounds, and no checks between unrelated counts or within one article."""
from __future__ import annotations

from rashomon.link.numbers import cross_check
from rashomon.models import Article, Dossier
from rashomon.pipeline import CorpusState


def checks_for(run_article, *texts):
    d = Dossier()
    for i, text in enumerate(texts):
        st = run_article(text, until="quantities", article_id=f"a{i}")
        st.article.index = i
        d.articles.append(Article(id=f"a{i}", index=i, text=text))
        d.quantities += st.ann.quantities
    state = CorpusState(dossier=d)
    cross_check(state)
    return d.checks


def test_approximate_point_inside_a_range_is_consistent(run_article):
    cs = checks_for(run_article,
                    "Officials said between 5,000 and 6,000 residents were evacuated from the valley.",
                    "Officials said about 5,500 residents were evacuated from the valley.")
    assert [c.type for c in cs] == ["consistent"]
    assert {q.article for q in cs[0].quantities} == {"a0", "a1"}
    assert "inside" in cs[0].explanation


def test_whole_derived_from_part_and_share_matches_other_article(run_article):
    cs = checks_for(run_article,
                    "The water covered more than 600 square kilometres, or 40% of the district.",
                    "The district covers some 580 square miles of farmland and forest.")
    assert cs and cs[0].type == "consistent"
    assert "implies ~1,500 km2" in cs[0].explanation
    assert len({q.article for q in cs[0].quantities}) == 2


def test_count_below_a_lower_bound_is_inconsistent(run_article):
    cs = checks_for(run_article,
                    "At least 50 people died in the collapse, the mayor said.",
                    "Thirty people died in the collapse, the police said.")
    assert [c.type for c in cs] == ["inconsistent"]
    assert "lower bound" in cs[0].explanation


def test_unrelated_counts_are_not_checked(run_article):
    cs = checks_for(run_article,
                    "About 30 people attended the vigil on the square.",
                    "At least 50 people died in the collapse.",
                    "Twelve firefighters battled the blaze for three hours.")
    assert cs == []


def test_quantities_in_one_article_are_not_checked(run_article):
    cs = checks_for(run_article, "Between 10 and 20 boats sank; about 15 boats sank, the coast guard said.")
    assert cs == []


def test_miles_and_kilometres_are_compared_after_conversion(run_article):
    cs = checks_for(run_article,
                    "The evacuation zone extends 10 miles from the plant, officials said.",
                    "The evacuation zone extends about 16 kilometres from the plant.")
    assert [c.type for c in cs] == ["consistent"]


def test_one_check_for_a_figure_repeated_in_several_articles(run_article):
    cs = checks_for(run_article,
                    "The fire destroyed 140 homes in the county, officials said.",
                    "The fire destroyed 140 homes in the county.",
                    "Firefighters said the fire destroyed 140 homes in the county.")
    assert len(cs) == 1 and cs[0].type == "consistent"
    assert len({q.article for q in cs[0].quantities}) == 3


def test_different_modifiers_keep_counts_apart(run_article):
    cs = checks_for(run_article,
                    "Two correctional officers were wounded in the escape.",
                    "Two transport officers were wounded in the escape.")
    assert cs == []


def test_articles_about_different_events_are_not_compared(run_article):
    d = Dossier()
    for i, (text, event) in enumerate([("At least 50 people died in the collapse.", "E1"),
                                       ("Thirty people died in the collapse.", "E2")]):
        st = run_article(text, until="quantities", article_id=f"a{i}")
        d.articles.append(Article(id=f"a{i}", index=i, text=text, event=event))
        d.quantities += st.ann.quantities
    cross_check(CorpusState(dossier=d))
    assert d.checks == []


def test_check_references_slice_their_articles(run_article):
    texts = ["Officials said between 5,000 and 6,000 residents were evacuated from the valley.",
             "Officials said about 5,500 residents were evacuated from the valley."]
    cs = checks_for(run_article, *texts)
    assert cs and cs[0].quantities
    for ref in cs[0].quantities:
        assert texts[int(ref.article[1:])][ref.start:ref.end] == ref.text
