"""``rashomon analyze`` on a corpus of any size: small batches as one dossier, large ones streamed.

``analyze_to(inputs, out, stream=None, ...) -> RunOutcome`` reads the inputs as a stream
(``ingest.iter_inputs``) and keeps the first articles in memory. When the inputs end within
``blocking.stream_min_articles`` articles (and ``stream`` is not True), the batch is analysed as
``rashomon.analyze`` does it (``api.analyze_ingested``): one dossier, returned for the caller to
write, exactly as before. Otherwise (``stream=True``, or more articles than the setting) the run
is **streamed**, and no process holds every article's records:

1. the articles read so far and every later one go to a spill file (``engine.spill``: SQLite
   under ``out``) as they are read, and are handed to the engine (any ``engine.kind``; it draws
   them lazily) as they arrive; each article's annotations are written to the spill as the
   engine returns them (``annotate(..., keep=False)``: the engine keeps none);
2. the cross-article half runs over the spill with ``engine.streaming.link_stream``: events found
   window by window, then linked a chunk of whole events at a time; each chunk's dossier is
   written to ``out/chunks/NNNN/dossier.json`` (with the reports of ``formats``) and dropped;
3. ``out/index.json`` (``StreamIndex``) lists each chunk's folder and counts, each event's chunk
   folder, what was left out and why (unreadable inputs, failed analyses, exact duplicates) and
   the notes; the spill file is removed at the end.

What differs from one batch is what ``engine.streaming`` lists (events per window, clusters and
disputes never across chunks, framing and summary per chunk), and near copies are not marked
(that needs every article's text at once). A corpus of one chunk gets the batch's events, claims
and clusters (tests/acceptance/test_stream_run.py).

In: inputs as ``rashomon.analyze`` takes them, an output folder, settings. Out: ``RunOutcome``
(``dossier`` for a batch, ``index`` and the files written for a streamed run).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, Sequence, Union

from . import __version__
from .api import InputItem, Progress, analysis_error, analyze_ingested, single_thread_blas, write_dossier
from .engine import pick_engine
from .engine.base import Timings
from .engine.spill import Spill
from .engine.streaming import link_stream
from .errors import drain_warnings
from .ingest import IngestResult, iter_inputs
from .ingest.copies import mark_copies
from .ingest.readers import input_label
from .models import Article, ChunkEntry, Dossier, IndexEvent, StageTiming, StreamIndex
from .nlp import model_versions
from .pipeline import CORPUS_STAGES
from .settings import Settings, use, validate

SPILL_NAME = ".records.sqlite"
INDEX_NAME = "index.json"


@dataclass
class RunOutcome:
    """What ``analyze_to`` did: ``dossier`` (a batch: not written yet) or ``index`` (streamed:
    ``written`` lists the files, the index last)."""

    dossier: Optional[Dossier] = None
    index: Optional[StreamIndex] = None
    written: list[Path] = field(default_factory=list)


class _Reader:
    """The inputs as a stream: ``head(limit)`` reads articles into ``ingested`` until more than
    ``limit`` are read (False) or the inputs end (True); ``rest(spill)`` then yields those and
    every later article, each put in ``spill`` first. Errors, duplicates and notes go to
    ``ingested`` as they come; ``seconds``: the time spent reading."""

    def __init__(self, inputs, stdin):
        self.items = iter_inputs(inputs, stdin=stdin)
        self.ingested = IngestResult()
        self.seconds = 0.0

    def _next(self):
        t0 = time.perf_counter()
        item = next(self.items, None)
        self.seconds += time.perf_counter() - t0
        return item

    def head(self, limit: int) -> bool:
        while len(self.ingested.articles) <= limit:
            item = self._next()
            if item is None:
                return True
            self.ingested.take(item)
        return False

    def rest(self, spill: Spill) -> Iterator[Article]:
        held, self.ingested.articles = self.ingested.articles, []
        for a in held:
            spill.put_article(a)
        yield from held
        del held
        while (item := self._next()) is not None:
            if isinstance(item, Article):
                spill.put_article(item)
                yield item
            else:
                self.ingested.take(item)


def analyze_to(inputs: Sequence[InputItem], out: Union[str, Path], *, stream: Optional[bool] = None, jobs: Optional[int] = 1,
               stdin: Optional[BinaryIO] = None, progress: Optional[Progress] = None, settings: Union[Settings, dict, None] = None,
               formats: frozenset = frozenset()) -> RunOutcome:
    """See the module doc. ``stream``: True always streams, False never, None above the setting
    ``blocking.stream_min_articles``; ``formats``: the reports to write per chunk besides
    ``dossier.json`` (``html``, ``md``, ``csv``)."""
    settings = validate(settings, "analyze_to(settings=...)")
    inputs = [inputs] if isinstance(inputs, (str, Path)) else list(inputs)
    progress = progress or Progress()
    with single_thread_blas(), use(settings):
        reader = _Reader(inputs, stdin)
        if stream is False:
            limit = None
        else:
            limit = 0 if stream else settings.blocking.stream_min_articles
        if limit is None or reader.head(limit):
            while (item := reader._next()) is not None:  # stream=False: everything in memory
                reader.ingested.take(item)
            mark_copies(reader.ingested.articles)
            return RunOutcome(dossier=analyze_ingested(reader.ingested, inputs, jobs=jobs, progress=progress, settings=settings,
                                                       ingest_s=reader.seconds))
        return _streamed(reader, inputs, Path(out), jobs, progress, settings, formats)


def _streamed(reader: _Reader, inputs, out: Path, jobs, progress: Progress, settings: Settings, formats) -> RunOutcome:
    drain_warnings()
    out.mkdir(parents=True, exist_ok=True)
    spill_path = out / SPILL_NAME
    for p in _spill_files(spill_path):
        p.unlink(missing_ok=True)  # a spill left by a run that was cut off
    spill = Spill(spill_path)
    failed: dict[str, str] = {}
    try:
        if progress.on_articles:
            progress.on_articles(None)

        def keep(ann) -> None:
            spill.put_annotations(ann)
            if progress.on_article_done:
                progress.on_article_done(ann.article)

        engine = pick_engine(None, jobs, settings=settings, overlap=settings.engine.prefetch)
        _, art_timings = engine.annotate(reader.rest(spill), on_result=keep, failed=failed, keep=False)
        if progress.on_articles:
            progress.on_articles(spill.articles)
        ingested = reader.ingested
        errors = list(ingested.errors) + [analysis_error(a, failed[a.id]) for a in spill.records(sorted(failed))]
        index = StreamIndex(version=__version__, inputs=[input_label(p, k) for k, p in enumerate(inputs)], articles=spill.annotated,
                            errors=errors, duplicates=ingested.duplicates, notes=list(ingested.notes))
        written: list[Path] = []
        corpus = Timings()
        on_chunk = _chunk_writer(out, index, written, corpus, formats)
        report = link_stream(spill.source(), on_chunk, settings=settings, progress=progress.on_stage)
    finally:
        spill.close()
    spill_bytes = sum(p.stat().st_size for p in _spill_files(spill_path) if p.exists())
    for p in _spill_files(spill_path):
        p.unlink(missing_ok=True)
    index.notes += [w for w in drain_warnings() if w not in index.notes]
    index.stages = ([StageTiming(name="ingest", seconds=round(reader.seconds, 4))] + art_timings
                    + corpus.out(s.name for s in CORPUS_STAGES))
    index.stream = {"windows": report.windows, "chunks": report.chunks, "window_max": report.window_max,
                    "chunk_max": report.chunk_max, "carried_max": report.carried_max,
                    "events_s": round(report.events_s, 3), "chunks_s": round(report.chunks_s, 3),
                    "spill_mb": round(spill_bytes / 2 ** 20, 2)}
    path = out / INDEX_NAME
    path.write_text(index.model_dump_json(indent=1), encoding="utf-8")
    written.append(path)
    return RunOutcome(index=index, written=written)


def _spill_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _chunk_writer(out: Path, index: StreamIndex, written: list[Path], corpus: Timings, formats):
    """The ``on_chunk`` of a streamed run: chunk ``k``'s dossier (its run report: the version,
    models and a note pointing at the index) and reports to ``out/chunks/<k:04d>/``, its entry and
    events added to ``index``, its corpus-stage timings to ``corpus``."""
    from .report import write_reports

    models = model_versions()

    def write(k: int, dossier: Dossier) -> None:
        rel = f"chunks/{k:04d}"
        folder = out / rel
        corpus.add(dossier.run.stages)
        dossier.run = dossier.run.model_copy(update={
            "version": __version__, "inputs": index.inputs, "models": models,
            "notes": [f"chunk {k} of a streamed run of {index.articles} articles: inputs left out and the other chunks "
                      f"are listed in ../../{INDEX_NAME}"] + [w for w in drain_warnings()]})
        written.append(write_dossier(dossier, folder / "dossier.json"))
        extra = set(formats) - {"json"}
        if extra:
            written.extend(write_reports(dossier, folder, extra))
        ids = [e.id for e in dossier.events]
        index.chunks.append(ChunkEntry(folder=rel, articles=len(dossier.articles), events=ids, claims=len(dossier.claims),
                                       clusters=len(dossier.clusters),
                                       contradictions=sum(r.type == "contradicts" for r in dossier.relations)))
        index.events += [IndexEvent(id=e.id, label=e.label, chunk=rel, date=e.date, articles=list(e.articles)) for e in dossier.events]

    return write
