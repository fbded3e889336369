"""The Dask engine: the per-article half as tasks on ``dask.distributed``.

``DaskEngine(jobs, settings, scheduler=None).annotate(articles, on_result, failed)`` has the
``Engine`` interface (``engine.base``). It connects to the scheduler at ``scheduler``
(``tcp://host:8786``, setting ``engine.scheduler``) or, when none is given, starts a
``LocalCluster`` of ``jobs`` worker processes with one thread each for the run.

- Each worker loads the spaCy pipeline and the sentence encoder once, when it starts (the
  ``WarmModels`` worker plugin; a worker that joins later, or is restarted after dying, loads them
  too) and runs every per-article stage, claim encoding included, so the client does no NLP.
- Articles are read lazily from ``articles`` and sent ``engine.dask_batch`` to a task; at most
  ``engine.dask_queue`` tasks per worker are in flight, so the per-article half holds at most
  workers x queue x batch articles at once, whatever the corpus size (the caller keeps the
  articles it needs for the cross-article half).
- A task returns each article's ``ArticleAnnotations`` (plain records) or its error in words.
  An article whose stages raise is retried once in a task of its own (possibly on another
  worker); a second failure puts it in ``failed`` (article id -> error), reported by name by the
  caller (``run.errors``, code ``analysis_failed``). A task that fails as a whole (it could not be
  sent, or its workers kept dying: dask's ``KilledWorker``) is treated as one failure of each of
  its articles, so a batch is never lost.
- ``task`` (default ``annotate_batch``) and ``plugins`` (worker plugins registered after
  ``WarmModels``) let a caller run something else per batch with the same batching, retries and
  accounting: the workspace store's workers write each article's records to PostgreSQL themselves
  and return ``Written`` (id and status) instead of the records (``store.workers``); ``on_result``
  then gets the ``Written``.
- A worker that dies mid-task: the scheduler re-runs its tasks on the other workers (dask does
  this). Results are keyed by article id and the first one wins, so every article is in the
  output exactly once and ``on_result`` is called once per article.
"""
from __future__ import annotations

import itertools
import logging
import os
from typing import Callable, Iterable, Iterator, NamedTuple, Optional, Sequence

from ..models import Article, ArticleAnnotations, StageTiming
from ..settings import Settings, current, set_process_settings
from .base import Collector, OnResult, describe_failure

try:  # the plugin base class, when distributed is installed (it is a dependency; see pyproject.toml)
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover - distributed missing: DaskEngine says so when used
    WorkerPlugin = object  # type: ignore[assignment,misc]



class Written(NamedTuple):
    """What a task returns for an article it wrote away itself (``task`` of ``DaskEngine``, e.g. into
    the workspace store: ``store.workers``) instead of its records: its id and the writer's status."""

    article: str
    status: str


# (article id, annotations, or ``Written`` when the task wrote them away, or None; stage timings; error in words or None)
Outcome = tuple[str, Optional[ArticleAnnotations | Written], list[StageTiming], Optional[str]]


class WarmModels(WorkerPlugin):
    """A worker plugin: on a worker's start, the run's settings become the process's and the
    spaCy pipeline and the sentence encoder load (once per worker process)."""

    name = "rashomon-warm-models"

    def __init__(self, settings: Optional[Settings] = None):
        self.settings = settings

    def setup(self, worker=None) -> None:
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        set_process_settings(self.settings)
        from ..nlp import get_encoder, get_nlp

        get_nlp()
        get_encoder()


def annotate_batch(articles: list[Article], settings: Optional[Settings] = None) -> list[Outcome]:
    """A task: every per-article stage on each article of ``articles`` in this worker; one
    outcome per article, in order (an article whose stages raise gets ``None`` and its error in
    words; the rest of the batch goes on)."""
    from ..pipeline import ARTICLE_STAGES, run_article_stages

    out: list[Outcome] = []
    for a in articles:
        try:
            ann, timings = run_article_stages(a, ARTICLE_STAGES, settings=settings)
        except Exception as e:  # noqa: BLE001 - reported per article (see module doc)
            out.append((a.id, None, [], describe_failure(e)))
            continue
        out.append((a.id, ann, timings, None))
    return out


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(itertools.islice(it, size)):
        yield batch


class DaskEngine:
    """The per-article half on dask.distributed (see module doc). ``jobs``: worker processes of
    the ``LocalCluster`` started when ``scheduler`` is None (ignored with a scheduler)."""

    def __init__(self, jobs: int = 1, settings: Optional[Settings] = None, scheduler: Optional[str] = None,
                 batch: Optional[int] = None, queue: Optional[int] = None, task: Optional[Callable] = None,
                 plugins: Sequence = ()):
        self.settings = settings or current()
        self.task = task or annotate_batch
        self.plugins = list(plugins)
        self.jobs = max(1, jobs)
        self.scheduler = scheduler if scheduler is not None else self.settings.engine.scheduler
        self.batch = batch or self.settings.engine.dask_batch
        self.queue = queue or self.settings.engine.dask_queue
        self.tries: dict[str, int] = {}  # article id -> tasks that failed on it, in the last annotate()

    def _connect(self):
        """``(client, cluster or None)``: a client of the given scheduler, or of a new LocalCluster."""
        from distributed import Client, LocalCluster

        if self.scheduler:
            return Client(self.scheduler), None
        cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        return Client(cluster), cluster

    def annotate(self, articles: Iterable[Article], on_result: OnResult = None,
                 failed: Optional[dict[str, str]] = None, keep: bool = True) -> tuple[dict[str, ArticleAnnotations], list[StageTiming]]:
        from ..pipeline import ARTICLE_STAGES

        failed = failed if failed is not None else {}
        self.tries = {}
        done = Collector(on_result, keep)
        client, cluster = self._connect()
        try:
            client.register_plugin(WarmModels(self.settings))
            for plugin in self.plugins:
                client.register_plugin(plugin)
            self._run(client, articles, done, failed)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        return done.out, done.timings.out(s.name for s in ARTICLE_STAGES)

    def _run(self, client, articles: Iterable[Article], done: Collector, failed: dict[str, str]) -> None:
        from distributed import as_completed

        pending = as_completed()
        sent: dict[str, list[Article]] = {}  # task key -> its articles (for retries)
        source = _batches(articles, self.batch)

        def submit(batch: list[Article]) -> None:
            fut = client.submit(self.task, batch, self.settings, pure=False)
            sent[fut.key] = batch
            pending.add(fut)

        def refill() -> None:
            room = self.queue * (sum(client.nthreads().values()) or self.jobs)
            while pending.count() < room:
                batch = next(source, None)
                if batch is None:
                    return
                submit(batch)

        def failure(a: Article, error: str) -> None:
            if a.id in done.seen or a.id in failed:
                return
            self.tries[a.id] = self.tries.get(a.id, 0) + 1
            if self.tries[a.id] >= 2:
                failed[a.id] = error
            else:
                submit([a])  # the retry: a task of its own, on whichever worker is free

        refill()
        while pending.count():
            fut = next(pending)
            batch = sent.pop(fut.key)
            try:
                outcomes = fut.result()
            except Exception as e:  # noqa: BLE001 - the whole task failed: one failure of each article
                for a in batch:
                    failure(a, describe_failure(e))
                outcomes = []
            finally:
                fut.release()
            by_id = {a.id: a for a in batch}
            for aid, ann, ts, error in outcomes:
                if ann is None:
                    failure(by_id[aid], error or "unknown error")
                elif aid not in done.seen:  # the first result wins: each article once
                    failed.pop(aid, None)
                    done.add([(ann, ts)])
            refill()
