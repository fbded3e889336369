"""The process-pool engine: the per-article stages over a pool of worker processes.

Each worker loads the spaCy pipeline once (in its initializer) and then runs the stages before
the ``background`` ones (parse ... claims) on one article after another; the background stages
(claim encoding) run in one thread of this process as the results come in, so the workers never
load the sentence encoder. Articles are drawn from the input lazily, at most
``IN_FLIGHT_PER_WORKER`` per worker ahead of the results, in their order. Workers are started with ``spawn`` so a parent that already holds
threads (torch, BLAS) is never forked. Small batches run in-process (``InlineEngine``): starting a
worker costs more than parsing a handful of articles.

``annotate_articles(articles, jobs)`` picks the engine for ``jobs`` and runs it.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Optional

from ..models import Article, ArticleAnnotations, StageTiming
from ..settings import Settings, current, set_process_settings
from .base import Background, Collector, InlineEngine, OnResult, describe_failure

# articles sent ahead per worker process: enough that a worker never waits for the next article,
# few enough that a stream of any length holds only these (a parse takes ~0.2-0.5 s, a send ~1 ms)
IN_FLIGHT_PER_WORKER = 4


def _init_worker(settings: Optional[Settings] = None) -> None:
    """A worker's start: the run's settings become the process's, then the spaCy pipeline loads."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    set_process_settings(settings)
    from ..nlp import get_nlp

    get_nlp()


def _annotate_head(article: Article, settings=None) -> tuple[str, Optional[ArticleAnnotations], list[StageTiming], Optional[str]]:
    """One article's head stages in a worker: its annotations, or ``None`` and the error in words
    when a stage raised (the rest of the batch goes on; the caller reports the article by name)."""
    from ..pipeline import ARTICLE_STAGES, run_article_stages, split_background

    try:
        ann, timings = run_article_stages(article, split_background(ARTICLE_STAGES)[0], settings=settings)
    except Exception as e:  # noqa: BLE001 - reported per article as run.errors "analysis_failed"
        return article.id, None, [], describe_failure(e)
    return article.id, ann, timings, None


def default_jobs() -> int:
    """Worker processes to use when the caller gives none: the usable cores."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)


class ProcessPoolEngine:
    """``jobs`` worker processes (see module doc)."""

    def __init__(self, jobs: int, settings=None):
        self.jobs = max(1, jobs)
        self.settings = settings or current()

    def annotate(self, articles: Iterable[Article], on_result: OnResult = None,
                 failed: Optional[dict[str, str]] = None, keep: bool = True) -> tuple[dict[str, ArticleAnnotations], list[StageTiming]]:
        from ..pipeline import ARTICLE_STAGES, split_background

        failed = failed if failed is not None else {}
        bg = Background(split_background(ARTICLE_STAGES)[1], self.settings, failed=failed)
        done = Collector(on_result, keep)
        source = iter(articles)
        room = self.jobs * IN_FLIGHT_PER_WORKER  # articles drawn ahead of the results: bounded, whatever the corpus

        ctx = mp.get_context("spawn")
        try:
            with ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx, initializer=_init_worker,
                                     initargs=(self.settings,)) as pool:
                pending: deque = deque()  # (article, future) in submission order
                while True:
                    while len(pending) < room and (a := next(source, None)) is not None:
                        pending.append((a, pool.submit(_annotate_head, a, self.settings)))
                    if not pending:
                        break
                    a, fut = pending.popleft()
                    aid, ann, ts, error = fut.result()
                    if ann is None:
                        failed[aid] = error or "unknown error"
                        continue
                    bg.submit(a, ann, ts)
                    done.add(bg.ready())
            done.add(bg.drain())
        finally:
            bg.close()
        return done.out, done.timings.out(s.name for s in ARTICLE_STAGES)


def pick_engine(n_articles: Optional[int], jobs: Optional[int] = None, settings=None, overlap: bool = True):
    """The engine for ``jobs`` worker processes (1 = in this process; None = one per core), in
    process when there are too few articles per worker. ``overlap=False``: the in-process engine
    runs the background stages in line. ``settings`` (None: ``settings.current()``) go to every
    worker; ``engine.min_articles_per_worker`` of them sets when a pool is worth starting.
    Setting ``engine.kind`` overrides the choice: ``inline``, ``pool`` (``jobs`` processes
    whatever the count), ``dask`` (``DaskEngine``: a LocalCluster of ``jobs`` workers or the
    scheduler of ``engine.scheduler``). ``n_articles`` may be None (a stream of unknown length)."""
    settings = settings or current()
    jobs = default_jobs() if jobs is None else max(1, jobs)
    kind = settings.engine.kind
    if kind == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(jobs, settings)
    if kind == "inline":
        return InlineEngine(settings, overlap=overlap)
    if kind == "pool":
        return ProcessPoolEngine(jobs, settings)
    if n_articles is None:
        return InlineEngine(settings, overlap=overlap) if jobs == 1 else ProcessPoolEngine(jobs, settings)
    jobs = min(jobs, max(1, n_articles // settings.engine.min_articles_per_worker))
    return InlineEngine(settings, overlap=overlap) if jobs == 1 else ProcessPoolEngine(jobs, settings)


def annotate_articles(
    articles: Iterable[Article],
    jobs: Optional[int] = None,
    on_done: Optional[Callable[[Article], None]] = None,
    on_result: OnResult = None,
    settings: Optional[Settings] = None,
    failed: Optional[dict[str, str]] = None,
) -> tuple[dict[str, ArticleAnnotations], list[StageTiming]]:
    """Annotate every article with the engine for ``jobs`` (``pick_engine``); return annotations
    by article id and stage timings summed over articles. ``on_done(article)`` and
    ``on_result(ann)`` are called once per article when its annotations are final; an article
    whose stages raise is left out and named in ``failed`` (see ``engine.base``)."""
    articles = list(articles)
    by_id = {a.id: a for a in articles}

    def both(ann: ArticleAnnotations) -> None:
        if on_result:
            on_result(ann)
        if on_done:
            on_done(by_id[ann.article])

    return pick_engine(len(articles), jobs, settings=settings).annotate(articles, on_result=both, failed=failed)
