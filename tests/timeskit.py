"""What the times-stage tests share: one text through the parse and times stages only.

Use in a test module::

    from timeskit import times_by_text, times_of

    @pytest.fixture(scope="module")
    def times(nlp):
        return times_by_text("2024-06-01")
"""
from __future__ import annotations

from rashomon.models import Article, ArticleAnnotations
from rashomon.pipeline import ArticleState


def times_of(text: str, published=None, index: int = 0) -> list:
    """The ``TimeExpr`` records of ``text`` (article ``a`` at ``index``, published ``published``)
    after the parse and times stages only; each record's span is checked to slice ``text``."""
    from rashomon.extract.parse import parse
    from rashomon.extract.times import extract_times

    art = Article(id="a", index=index, text=text, published=published)
    st = ArticleState(article=art, ann=ArticleAnnotations(article="a"))
    parse(st)
    extract_times(st)
    for t in st.ann.times:
        assert text[t.start:t.end] == t.text
    return st.ann.times


def times_by_text(default_published: str):
    """``times(text, published=default_published) -> {text: TimeExpr}``: ``times_of`` keyed by
    the expression as written (the fixture every times-stage test module uses)."""
    def run(text: str, published=default_published) -> dict:
        return {t.text: t for t in times_of(text, published)}

    return run
