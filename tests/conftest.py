"""Shared fixtures and the test tiers; each model is loaded once per test session.

Tiers (the folder a test lives in sets its marker, see ``pytest_collection_modifyitems``):
``tests/unit`` (no spaCy or encoder model, fast), ``tests/stages`` (one or a few stages with the
real models), ``tests/acceptance`` (whole pipeline, command line, browser). Tests that use the
whole-pipeline ``kursk_dossier`` fixture are also marked ``slow``. ``make test-fast`` runs
``-m "(unit or stages) and not slow"``. Under ``CI=true`` a skipped test counts as a failure.

The helper modules beside this file (``dossier_fixture``, ``linkkit``) are importable from every
tier: this folder is put on ``sys.path``. Test data: ``tests/data/kursk.gold.json`` is a copy of the
human reading of the seed articles (``examples/kursk``). Three tests read the public evaluation data
in ``../shared``: the FNC stories tool, the workspace invariant on four dev clusters
(``tests/acceptance/test_store_invariant_dev.py``) and the Dask engine on the dev clusters
(``tests/acceptance/test_dask_engine.py``); nothing else does.

- ``nlp``: the spaCy pipeline from ``rashomon.nlp.get_nlp()``.
- ``run_article``: annotate one article text with the per-article stages (up to a stage name).
- ``kursk_dossier``: the dossier of ``examples/kursk`` (analysed once per session).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
KURSK = ROOT / "examples" / "kursk"
KURSK_GOLD = TESTS / "data" / "kursk.gold.json"
TIERS = ("unit", "stages", "acceptance")
# fixtures that run the whole pipeline: a test that asks for one is slow (tens of seconds)
SLOW_FIXTURES = {"kursk_dossier"}

if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


def pytest_collection_modifyitems(config, items):
    """Mark each test with its tier (the folder under ``tests/`` it lives in) and mark tests that
    use a whole-pipeline fixture ``slow``."""
    for item in items:
        try:
            rel = Path(str(item.path)).resolve().relative_to(TESTS)
        except ValueError:
            continue
        if rel.parts and rel.parts[0] in TIERS:
            item.add_marker(getattr(pytest.mark, rel.parts[0]))
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under ``CI=true`` a skip is a failure: on CI every dependency (Chromium included) is installed,
    so a test that skips there checks nothing."""
    outcome = yield
    rep = outcome.get_result()
    if rep.skipped and _ci() and not hasattr(rep, "wasxfail"):
        reason = rep.longrepr[2] if isinstance(rep.longrepr, tuple) else str(rep.longrepr)
        rep.outcome = "failed"
        rep.longrepr = f"skipped under CI=true, which counts as a failure: {reason}"


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


@pytest.fixture(scope="session")
def kursk_gold() -> dict:
    """The human reading of the seed articles (``tests/data/kursk.gold.json``)."""
    import json

    return json.loads(KURSK_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for this test session (``tests/pg.py``). When it cannot start
    the test is skipped, or fails under ``RASHOMON_REQUIRE_PG=1`` (set by ``.ci/run``)."""
    from pg import PgServer, PgUnavailable

    try:
        server = PgServer.start()
    except PgUnavailable as e:
        if os.environ.get("RASHOMON_REQUIRE_PG", "") == "1":
            pytest.fail(f"PostgreSQL is required (RASHOMON_REQUIRE_PG=1) but could not be started: {e}")
        pytest.skip(f"PostgreSQL could not be started: {e}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh, empty workspace store URL on each backend: a SQLite file, a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'rashomon.db'}"
    return request.getfixturevalue("pg_server").database()
