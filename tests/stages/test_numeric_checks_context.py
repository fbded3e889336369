"""Inconsistent numeric checks need the same thing at the same moment: never a part against its
total, never different time expressions, never different subjects."""
from __future__ import annotations

from rashomon.link.numbers import cross_check
from rashomon.models import Article, Dossier
from rashomon.pipeline import CorpusState


def checks_for(run_article, *texts):
    d = Dossier()
    for i, text in enumerate(texts):
        st = run_article(text, published="2015-03-01", until="times", article_id=f"a{i}")
        d.articles.append(Article(id=f"a{i}", index=i, text=text))
        d.quantities += st.ann.quantities
        d.times += st.ann.times
    cross_check(CorpusState(dossier=d))
    return d.checks


def test_part_of_a_total_is_not_compared_with_the_total(run_article):
    cs = checks_for(run_article,
                    "Nine of the 12 jurors voted for conviction in the trial.",
                    "The 12 jurors voted for conviction in the trial.")
    assert not [c for c in cs if c.type == "inconsistent"], [c.explanation for c in cs]


def test_two_totals_that_disagree_are_still_inconsistent(run_article):
    cs = checks_for(run_article,
                    "At least 50 people died in the collapse, the mayor said.",
                    "Thirty people died in the collapse, the police said.")
    assert [c.type for c in cs] == ["inconsistent"]


def test_counts_at_different_moments_are_not_inconsistent(run_article):
    cs = checks_for(run_article,
                    "Rescuers freed 40 people from the rubble in five days.",
                    "Rescuers freed 90 people from the rubble since the quake.")
    assert not [c for c in cs if c.type == "inconsistent"], [c.explanation for c in cs]


def test_counts_with_different_dates_are_not_inconsistent(run_article):
    cs = checks_for(run_article,
                    "On Monday, police arrested 20 protesters in the square.",
                    "On Thursday, police arrested 45 protesters in the square.")
    assert not [c for c in cs if c.type == "inconsistent"], [c.explanation for c in cs]


def test_counts_with_different_subjects_are_not_inconsistent(run_article):
    cs = checks_for(run_article,
                    "The northern union recruited 300 volunteers for the campaign.",
                    "The southern union recruited 800 volunteers for the campaign.")
    assert not [c for c in cs if c.type == "inconsistent"], [c.explanation for c in cs]
