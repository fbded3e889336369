"""Run the per-article stages over many articles, in-process or in a pool of worker processes.

Each worker loads the spaCy pipeline once (in its initializer) and then annotates articles one
after another. Workers are started with ``spawn`` so a parent that already holds threads (torch,
BLAS) is never forked. Small batches run in-process: starting a worker costs more than parsing a
handful of articles.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Optional

from ..models import Article, ArticleAnnotations, StageTiming

# Below this many articles per worker, a pool costs more than it saves.
MIN_ARTICLES_PER_WORKER = 4


def _init_worker() -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from ..nlp import get_nlp

    get_nlp()


def _annotate_one(article: Article) -> tuple[str, Optional[ArticleAnnotations], list[StageTiming], Optional[str]]:
    """One article's annotations, or ``None`` and the error in words when a stage failed (the
    rest of the batch goes on; the caller reports the article by name)."""
    from ..pipeline import run_article_stages

    try:
        ann, timings = run_article_stages(article)
    except Exception as e:  # noqa: BLE001 - reported per article as run.errors "analysis_failed"
        return article.id, None, [], f"{type(e).__name__}: {str(e)[:300]}"
    return article.id, ann, timings, None


def default_jobs() -> int:
    """Worker processes to use when the caller gives none: the usable cores."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - non-Linux
        return max(1, os.cpu_count() or 1)


def annotate_articles(
    articles: Iterable[Article],
    jobs: Optional[int] = None,
    on_done: Optional[Callable[[Article], None]] = None,
    on_result: Optional[Callable[[ArticleAnnotations], None]] = None,
    failed: Optional[dict[str, str]] = None,
) -> tuple[dict[str, ArticleAnnotations], list[StageTiming]]:
    """Annotate every article; return annotations by article id and stage timings summed over
    articles. An article whose stages raise gets no annotations; its error message goes into
    ``failed`` (article id -> message) when given, and the other articles are annotated. ``jobs`` is the number of worker processes (1 = in this process; None = cores).
    ``on_done`` is called after each article, for progress bars; ``on_result`` with each
    article's annotations as soon as they are made (e.g. to start encoding its claims)."""
    articles = list(articles)
    jobs = default_jobs() if jobs is None else max(1, jobs)
    jobs = min(jobs, max(1, len(articles) // MIN_ARTICLES_PER_WORKER))
    out: dict[str, ArticleAnnotations] = {}
    total: dict[str, float] = defaultdict(float)
    order: list[str] = []

    def collect(aid, ann, timings, error):
        if ann is None:
            if failed is not None:
                failed[aid] = error or "unknown error"
            return
        out[aid] = ann
        if on_result:
            on_result(ann)
        for t in timings:
            if t.name not in total:
                order.append(t.name)
            total[t.name] += t.seconds

    by_id = {a.id: a for a in articles}
    if jobs == 1:
        for a in articles:
            collect(*_annotate_one(a))
            if on_done:
                on_done(a)
    else:
        ctx = mp.get_context("spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker) as pool:
            for aid, ann, timings, error in pool.map(_annotate_one, articles, chunksize=1):
                collect(aid, ann, timings, error)
                if on_done:
                    on_done(by_id[aid])
    return out, [StageTiming(name=n, seconds=round(total[n], 4)) for n in order]
