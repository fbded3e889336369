"""Shared fixtures: each model is loaded once per test session.

- ``nlp``: the spaCy pipeline from ``rashomon.nlp.get_nlp()``.
- ``run_article``: annotate one article text with the per-article stages (up to a stage name).
- ``kursk_dossier``: the dossier of ``examples/kursk`` (analysed once per session).
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KURSK = ROOT / "examples" / "kursk"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from rashomon.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def run_article(nlp):
    """``run_article(text, published=None, until=None, article_id="t1") -> ArticleState``: run the
    per-article stages in order on ``text`` (stopping after stage ``until`` when given; the
    background stages, claim encoding, run only when ``until`` names one)."""
    from rashomon.models import Article, ArticleAnnotations, OffsetRun
    from rashomon.pipeline import ARTICLE_STAGES, ArticleState, split_background

    def run(text: str, published: str | None = None, until: str | None = None, article_id: str = "t1"):
        art = Article(id=article_id, text=text, raw=text, published=published,
                      published_source="metadata" if published else None,
                      offsets=[OffsetRun(clean=0, raw=0, length=len(text))])
        state = ArticleState(article=art, ann=ArticleAnnotations(article=art.id))
        # the background stages (claim encoding) only when asked for by name: most tests need no vectors
        stages = ARTICLE_STAGES if until in {s.name for s in ARTICLE_STAGES if s.background} else split_background()[0]
        for st in stages:
            st.load()(state)
            if st.name == until:
                break
        return state

    return run


@pytest.fixture(scope="session")
def kursk_dossier(nlp):
    import rashomon

    return rashomon.analyze([KURSK], jobs=1)


@pytest.fixture(scope="session")
def kursk_dir():
    return KURSK
