"""The Python API: ``analyze(inputs) -> Dossier`` with the same power as ``rashomon analyze``."""
from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Optional, Sequence, Union

from . import __version__
from .engine import pick_engine
from .engine.threads import one_thread
from .errors import drain_warnings
from .event_parts import gather_records, link_by_event
from .ingest import read_inputs
from .ingest.copies import mark_copies
from .ingest.readers import input_label
from .models import Article, ArticleAnnotations, Dossier, InputError, RunReport, StageTiming
from .nlp import model_versions
from .pipeline import run_corpus_stages
from .settings import Settings, current as current_settings, use, validate
from .state import CorpusState

PathLike = Union[str, Path]


class Progress:
    """Callbacks a front end may pass to follow a run (all optional): ``on_articles(n)`` the
    number of articles to annotate (None while it is not known: with ``engine.kind`` dask the
    inputs are read as a stream, and the count follows when they are all read),
    ``on_article_done(article id)`` once per article, ``on_stage(name)`` per corpus stage."""

    def __init__(self, on_articles: Optional[Callable[[Optional[int]], None]] = None, on_article_done: Optional[Callable[[str], None]] = None,
                 on_stage: Optional[Callable[[str], None]] = None):
        self.on_articles = on_articles
        self.on_article_done = on_article_done
        self.on_stage = on_stage


def single_thread_blas():
    """numpy's BLAS on one thread inside the block (see ``engine.threads``)."""
    return one_thread("blas")


InputItem = Union[PathLike, Mapping, Article]


def analyze(inputs: Sequence[InputItem] | InputItem = (), *, texts: Optional[Iterable[str]] = None, jobs: Optional[int] = 1,
            stdin: Optional[BinaryIO] = None, progress: Optional[Progress] = None,
            settings: Union[Settings, dict, None] = None) -> Dossier:
    """Run the whole pipeline and return the dossier.

    ``inputs``: one item or a list of items, each

    - a ``str`` or ``Path``: always a path (file or directory), or ``"-"`` for ``stdin``; a string
      is never taken for article text, so a mistyped path is an error, not an article;
    - a ``dict`` with the JSONL fields (``id``, ``text`` or ``html``, ``title``, ``outlet``,
      ``url``, ``published``);
    - an ``Article`` record (used as it is).

    ``texts``: plain article texts, each one article (ids ``text-1``, ``text-2``...; the same as
    ``{"id": "text-1", "text": ...}``). Items that cannot be read (a missing path, a dict without
    text, an object of another type) are listed in ``dossier.run.errors`` naming the item
    (``input[3]``); an article whose analysis fails is listed there too (code
    ``analysis_failed``); the rest is analysed. ``jobs`` is the number of worker processes for
    the per-article half (None = one per core).

    ``settings``: a ``rashomon.settings.Settings``, or a nested dict of the settings to change
    (``{"clusters": {"link": 0.45}}``) over the defaults and the environment; None = the defaults
    and the environment. An unknown key raises ``UnknownSettingError`` (R101). Coded warnings of
    the run (fallbacks, R3xx) are added to ``dossier.run.notes``."""
    settings = validate(settings, "analyze(settings=...)")
    with single_thread_blas(), use(settings):
        return _analyze(inputs, texts=texts, jobs=jobs, stdin=stdin, progress=progress, settings=settings)


def _items(inputs, texts) -> list:
    if isinstance(inputs, (str, Path, Mapping, Article)):
        inputs = [inputs]
    items = list(inputs)
    if isinstance(texts, str):
        texts = [texts]
    items += [{"id": f"text-{n}", "text": t} if isinstance(t, str) else t for n, t in enumerate(texts or (), 1)]
    return items


def analyze_ingested(ingested, inputs: Sequence[InputItem], *, jobs: Optional[int] = 1, progress: Optional[Progress] = None,
                     settings: Union[Settings, dict, None] = None, ingest_s: float = 0.0) -> Dossier:
    """``analyze`` on inputs already read: ``ingested`` (an ``IngestResult`` whose near copies are
    marked, as ``read_inputs`` leaves it) of ``inputs`` (for ``run.inputs``); ``ingest_s``: the
    seconds the reading took (the ``ingest`` timing). Used by the streamed run
    (``rashomon.stream_run``) when a batch turns out small enough to link at once."""
    settings = validate(settings, "analyze_ingested(settings=...)")
    with single_thread_blas(), use(settings):
        return _analyze(_items(inputs, None), texts=None, jobs=jobs, stdin=None, progress=progress, settings=settings,
                        ingested=ingested, ingest_s=ingest_s)


def _analyze(inputs, *, texts, jobs, stdin, progress, settings: Settings, ingested=None, ingest_s: float = 0.0) -> Dossier:
    inputs = _items(inputs, texts)
    progress = progress or Progress()
    drain_warnings()  # warnings of an earlier run in this process are not this run's
    failed: dict[str, str] = {}
    on_result = (lambda ann: progress.on_article_done(ann.article)) if progress.on_article_done else None
    if settings.engine.kind == "dask" and ingested is None:
        # a cluster: the inputs are read as a stream while the workers annotate the first batches
        ingested, annotations, timings = _streamed(inputs, stdin, jobs, settings, progress, on_result, failed)
    else:
        t0 = time.perf_counter()
        ingested = read_inputs(inputs, stdin=stdin) if ingested is None else ingested
        timings = [StageTiming(name="ingest", seconds=round(time.perf_counter() - t0 + ingest_s, 4))]
        if progress.on_articles:
            progress.on_articles(len(ingested.articles))
        # the per-article half runs through an engine; with one process, each article's claims are
        # encoded in a background thread while the next article is parsed (engine.prefetch false: in line)
        engine = pick_engine(len(ingested.articles), jobs, settings=settings, overlap=settings.engine.prefetch)
        annotations, art_timings = engine.annotate(ingested.articles, on_result=on_result, failed=failed)
        timings += art_timings
    articles = [a for a in ingested.articles if a.id in annotations]
    errors = list(ingested.errors) + [analysis_error(a, failed[a.id]) for a in ingested.articles if a.id in failed]
    run = RunReport(version=__version__, inputs=[input_label(p, k) for k, p in enumerate(inputs)], errors=errors,
                    duplicates=ingested.duplicates, models=model_versions(), notes=list(ingested.notes))
    dossier = link_articles(articles, annotations, run=run, settings=settings, on_stage=progress.on_stage)
    dossier.run.stages = timings + dossier.run.stages
    return dossier


def canonical_order(articles: Sequence[Article]) -> list[Article]:
    """``articles`` sorted by id (ids are unique in a batch and in a workspace), with ``index`` set
    to the position in that order, and near copies (``copy_of``) marked again over the whole set,
    earliest published first (undated last, ties by id: the original of a group of copies is the
    earliest dated one), so the corpus half sees the same articles the same way whatever order
    they were read or added in."""
    ordered = sorted(articles, key=lambda a: a.id)
    for i, a in enumerate(ordered):
        a.index = i
        a.copy_of = a.copy_similarity = None
    mark_copies(sorted(ordered, key=lambda a: (a.published is None, a.published or "", a.id)))
    return ordered


def link_articles(articles: Sequence[Article], annotations: Mapping[str, ArticleAnnotations], *, run: Optional[RunReport] = None,
                  settings: Optional[Settings] = None, on_stage: Optional[Callable[[str], None]] = None,
                  reuse=None, fingerprints: Optional[Mapping[str, str]] = None, parts_out: Optional[dict] = None) -> Dossier:
    """The corpus half on already annotated articles: ``articles`` (each with its entry in
    ``annotations``, the per-article half's records) in canonical order (``canonical_order``),
    their records gathered into a ``Dossier`` and every corpus stage run on it. ``run``: the run
    report to attach (a bare one when None); its ``stages`` get the corpus stages' timings and its
    ``notes`` the coded warnings raised. The articles are changed in place (index, copies, dates,
    event). Used by ``analyze`` and by the workspace store (``rashomon.store``), so a workspace
    built one article at a time links exactly like one run on all its articles.

    With ``events.partition`` on (the default), the claim-level stages run storyline by
    storyline (an event with its related events and the events bridged to it by claims the
    claim-level stages could join; ``rashomon.event_parts``): ``fingerprints`` (article id -> hash of
    its text) gives each storyline's part a key, ``reuse(key)`` may return a stored part to use
    as it is, and ``parts_out`` receives the parts by key (the workspace store links only the
    storylines that changed)."""
    settings = settings if settings is not None else current_settings()
    ordered = canonical_order(articles)
    if settings.events.partition:

        with single_thread_blas(), use(settings):
            dossier, timings = link_by_event(ordered, annotations, settings, on_stage=on_stage, reuse=reuse,
                                             fingerprints=fingerprints, parts_out=parts_out)
        dossier.run = run or RunReport(version=__version__, models=model_versions())
        dossier.run.stages = timings
        dossier.run.notes += [w for w in drain_warnings() if w not in dossier.run.notes]
        return dossier
    anns = {a.id: annotations[a.id] for a in ordered}
    dossier = gather_records(ordered, anns)
    dossier.run = run or RunReport(version=__version__, models=model_versions())
    state = CorpusState(dossier=dossier, annotations=anns, settings=settings)
    with single_thread_blas(), use(settings):
        dossier.run.stages = run_corpus_stages(state, progress=on_stage)
    dossier.run.notes += [w for w in drain_warnings() if w not in dossier.run.notes]
    return dossier


def _streamed(inputs, stdin, jobs, settings: Settings, progress: Progress, on_result, failed: dict[str, str]):
    """``(ingested, annotations, timings)``: the inputs read by ``iter_inputs`` and handed to the
    engine as they are read (the engine sends them to its workers in batches); near copies are
    marked when the stream ends. ``progress.on_articles`` is called with None first (the count is
    not known yet), then with the count once the inputs are read. The ``ingest`` timing is the
    reading time spent in this process, which overlaps the workers' annotation."""
    from .ingest.readers import IngestResult
    from .ingest.stream import iter_inputs

    ingested = IngestResult()
    spent = [0.0]

    def articles():
        stream = iter_inputs(inputs, stdin=stdin)
        while True:
            t0 = time.perf_counter()
            item = next(stream, None)
            spent[0] += time.perf_counter() - t0
            if item is None:
                break
            if ingested.take(item):
                yield item
        if progress.on_articles:
            progress.on_articles(len(ingested.articles))

    if progress.on_articles:
        progress.on_articles(None)
    engine = pick_engine(None, jobs, settings=settings, overlap=settings.engine.prefetch)
    annotations, art_timings = engine.annotate(articles(), on_result=on_result, failed=failed)
    return ingested, annotations, [StageTiming(name="ingest", seconds=round(spent[0], 4))] + art_timings


def analysis_error(a: Article, message: str) -> InputError:
    """The ``run.errors`` entry of an article whose per-article analysis raised."""
    src = a.source
    where = src.path if src and src.path else a.id
    return InputError(path=where, line=src.line if src else None, code="analysis_failed",
                      message=f"article {a.id!r} could not be analysed and is left out ({message})")


def write_dossier(dossier: Dossier, path: PathLike) -> Path:
    """Write ``dossier`` as indented UTF-8 JSON; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dossier.model_dump_json(indent=1), encoding="utf-8")
    return path


def load_dossier(path: PathLike) -> Dossier:
    """Read a ``dossier.json`` written by ``write_dossier``."""
    return Dossier.model_validate_json(Path(path).read_text(encoding="utf-8"))
