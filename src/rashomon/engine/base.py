"""The engine interface the per-article half runs through, and the in-process engine.

``Engine.annotate(articles, on_result=None) -> (annotations by article id, stage timings summed
over articles)``. An engine runs ``rashomon.pipeline.ARTICLE_STAGES`` on each article; what it
returns are plain records (``ArticleAnnotations``, picklable, no spaCy objects), so an engine may
run articles anywhere (this process, a process pool, later a cluster). ``on_result(ann)`` is
called once per article as soon as its annotations are final (e.g. for a progress bar).
``keep=False``: the returned dict stays empty and ``on_result`` is the only way out of the
engine, so a caller that writes each result away (the streamed run, ``rashomon.stream_run``)
holds no annotations; the engines also draw ``articles`` lazily, so neither grows with the corpus.
``failed`` (a dict, when given) receives ``article id -> error in words`` for each article whose
stages raised: that article gets no annotations, the rest of the batch goes on, and the caller
reports it by name (``run.errors``, code ``analysis_failed``).

``InlineEngine`` runs the stages in this process. The trailing ``background`` stages (claim
encoding) run in one background thread while the next article is parsed: the encoder releases
the GIL, so encoding uses a second core while spaCy parses on the first.
"""
from __future__ import annotations

from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, Iterable, Optional, Protocol

from ..models import Article, ArticleAnnotations, StageTiming

OnResult = Optional[Callable[[ArticleAnnotations], None]]


class Engine(Protocol):
    """Runs the per-article half (see module doc)."""

    def annotate(self, articles: Iterable[Article], on_result: OnResult = None,
                 failed: Optional[dict[str, str]] = None, keep: bool = True) -> tuple[dict[str, ArticleAnnotations], list[StageTiming]]:
        ...


def describe_failure(e: BaseException) -> str:
    """An article's failure in words, for ``run.errors``."""
    return f"{type(e).__name__}: {str(e)[:300]}"


class Timings:
    """Per-stage seconds summed over articles, in first-seen stage order."""

    def __init__(self) -> None:
        self.total: dict[str, float] = defaultdict(float)
        self.order: list[str] = []

    def add(self, timings: list[StageTiming]) -> None:
        for t in timings:
            if t.name not in self.total:
                self.order.append(t.name)
            self.total[t.name] += t.seconds

    def out(self, stage_order: Iterable[str] = ()) -> list[StageTiming]:
        rank = {n: i for i, n in enumerate(stage_order)}
        names = sorted(self.order, key=lambda n: rank.get(n, len(rank)))
        return [StageTiming(name=n, seconds=round(self.total[n], 4)) for n in names]


class Collector:
    """Gathers finished articles: ``out`` (annotations by article id; left empty when ``keep`` is
    False), ``seen`` (their ids), summed ``timings``, and ``on_result(ann)`` called once per
    article. ``add(items)`` takes ``(ann, timings)`` pairs as ``Background.ready``/``drain`` yield them."""

    def __init__(self, on_result: OnResult = None, keep: bool = True) -> None:
        self.out: dict[str, ArticleAnnotations] = {}
        self.seen: set[str] = set()
        self.keep = keep
        self.timings = Timings()
        self.on_result = on_result

    def add(self, items) -> None:
        for ann, ts in items:
            self.seen.add(ann.article)
            if self.keep:
                self.out[ann.article] = ann
            self.timings.add(ts)
            if self.on_result:
                self.on_result(ann)


class Background:
    """The trailing ``background`` stages of each article, run in order in one thread.

    ``submit(article, ann, timings)`` queues an article whose head stages are done;
    ``ready()`` yields the finished ones in submission order, ``drain()`` waits for all. When
    ``tail`` is empty or ``threaded`` is False the stages run at once in the caller's thread.
    An article whose background stage raises is left out of ``ready``/``drain`` and recorded in
    ``failed`` (article id -> error in words)."""

    def __init__(self, tail, settings=None, threaded: bool = True, failed: Optional[dict[str, str]] = None):
        self.tail = tail
        self.settings = settings
        self.failed = failed if failed is not None else {}
        self.pool = None
        if tail and threaded:
            from ..link.similarity import import_shared_libraries

            import_shared_libraries()  # before the thread starts: no two threads import one library at once
            self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rashomon-encode")
        self.pending: list[tuple[str, Future, list[StageTiming]]] = []

    def _run(self, article: Article, ann: ArticleAnnotations) -> tuple[ArticleAnnotations, list[StageTiming]]:
        from ..pipeline import run_article_stages

        return run_article_stages(article, self.tail, ann=ann, settings=self.settings)

    def submit(self, article: Article, ann: ArticleAnnotations, timings: list[StageTiming]) -> None:
        if self.pool is None:
            fut: Future = Future()
            try:
                fut.set_result(self._run(article, ann) if self.tail else (ann, []))
            except Exception as e:  # noqa: BLE001 - reported per article (see class doc)
                fut.set_exception(e)
        else:
            fut = self.pool.submit(self._run, article, ann)
        self.pending.append((article.id, fut, timings))

    def ready(self, wait: bool = False):
        while self.pending and (wait or self.pending[0][1].done()):
            aid, fut, head_timings = self.pending.pop(0)
            try:
                ann, tail_timings = fut.result()
            except Exception as e:  # noqa: BLE001 - reported per article (see class doc)
                self.failed[aid] = describe_failure(e)
                continue
            yield ann, head_timings + tail_timings

    def drain(self):
        yield from self.ready(wait=True)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True)


class InlineEngine:
    """The per-article half in this process (see module doc). ``overlap=False`` runs the
    background stages in line too."""

    def __init__(self, settings=None, overlap: bool = True):
        self.settings = settings
        self.overlap = overlap

    def annotate(self, articles: Iterable[Article], on_result: OnResult = None,
                 failed: Optional[dict[str, str]] = None, keep: bool = True) -> tuple[dict[str, ArticleAnnotations], list[StageTiming]]:
        from ..pipeline import ARTICLE_STAGES, run_article_stages, split_background

        failed = failed if failed is not None else {}
        head, tail = split_background(ARTICLE_STAGES)
        bg = Background(tail, self.settings, threaded=self.overlap, failed=failed)
        done = Collector(on_result, keep)

        try:
            for a in articles:
                try:
                    ann, ts = run_article_stages(a, head, settings=self.settings)
                except Exception as e:  # noqa: BLE001 - reported per article (see module doc)
                    failed[a.id] = describe_failure(e)
                    continue
                bg.submit(a, ann, ts)
                done.add(bg.ready())
            done.add(bg.drain())
        finally:
            bg.close()
        return done.out, done.timings.out(s.name for s in ARTICLE_STAGES)
