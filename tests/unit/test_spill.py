"""The spill file of a streamed run (engine/spill.py): records written as they come, read back a
window at a time, only annotated articles offered to the cross-article half. No models."""
from __future__ import annotations

import pytest

from rashomon.engine.spill import Spill
from rashomon.models import Article, ArticleAnnotations, Claim


def _art(aid: str, published: str | None = None) -> Article:
    text = f"Officials of {aid} said the bridge would reopen."
    return Article(id=aid, text=text, raw=text, published=published)


def _ann(aid: str) -> ArticleAnnotations:
    return ArticleAnnotations(article=aid, claims=[Claim(id=f"c:{aid}:0-9", article=aid, text="Officials", start=0, end=9)])


@pytest.fixture()
def spill(tmp_path):
    s = Spill(tmp_path / "records.sqlite", commit_every=2)
    for aid, day in (("b", "2024-01-02"), ("a", None), ("c", "2024-01-01")):
        s.put_article(_art(aid, day))
    s.put_annotations(_ann("b"))
    s.put_annotations(_ann("c"))
    yield s
    s.close()


def test_articles_come_back_in_the_order_they_were_put(spill):
    assert [a.id for a in spill.iter_articles()] == ["b", "a", "c"]
    assert (spill.articles, spill.annotated) == (3, 2)


def test_the_source_offers_only_annotated_articles_and_loads_them_in_the_order_asked(spill):
    src = spill.source()
    assert sorted(a.id for a in src.articles()) == ["b", "c"]
    arts, anns = src.load(["c", "b"])
    assert [a.id for a in arts] == ["c", "b"] and arts[0].published == "2024-01-01"
    claim = anns["b"].claims[0]
    assert arts[1].text[claim.start:claim.end] == claim.text


def test_loading_an_article_without_annotations_is_an_error(spill):
    with pytest.raises(KeyError, match="without records"):
        spill.source().load(["a"])


def test_annotations_of_an_article_never_put_are_refused(spill):
    with pytest.raises(KeyError, match="no article"):
        spill.put_annotations(_ann("zzz"))


def test_records_of_failed_articles_can_still_be_read_for_their_error(spill):
    assert [a.id for a in spill.records(["a", "missing"])] == ["a"]
