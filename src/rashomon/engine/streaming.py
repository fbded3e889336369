"""The cross-article half on a corpus too large to hold: events found window by window, then
linked a chunk of whole events at a time, each chunk's dossier written out and dropped.

``link_articles`` (``rashomon.api``) holds every article's records and runs every corpus stage on
all of them at once: right for one analysis of a few thousand articles, but its memory grows with
the corpus (about 0.35 MB of records an article, more in the stages). This module links a corpus
of any size with memory bounded by ``blocking.stream_window`` and ``blocking.stream_chunk``:

1. **Events first** (``find_events``). Dated articles are taken in order of publication day, in
   windows of about ``blocking.stream_window`` articles cut at day boundaries; undated ones
   (no publication day) follow in windows of their own, in id order. Each window's records are
   loaded from the ``RecordSource``, and the stages up to and including ``events``
   (``link_actors``, ``events``) run on them. An event whose last publication day lies within
   ``blocking.veto_days()`` (90 days: the event stage's date veto) of the next window's first day
   may still gain articles from it, so it stays **open**: its articles are carried into the next
   window and grouped again with it (at most ``blocking.stream_carry_max`` articles are carried; the
   oldest open events beyond that are closed). Every other event is **closed**: it gets its
   global id (``E1``, ``E2``, ... in the order events close) and only its ``Event`` record (ids,
   label, date, reason) is kept. The window's records are then dropped.
2. **Each chunk of events on its own** (``link_chunks``). Closed events are packed in order into
   chunks of at most ``blocking.stream_chunk`` articles (an event is never split; a larger
   event is a chunk of its own). For each chunk the records of its articles are loaded, every
   corpus stage runs on them with the ``events`` stage replaced by the events of step 1
   (``apply_events``), and the chunk's ``Dossier`` goes to ``on_chunk`` (e.g. written to a file by
   ``write_chunks``), then is dropped.

What differs from one batch (these are the price of bounded memory, and why the small path is
left as it is): events are grouped with each window's own statistics (the batch prior of
``events.adapt_to_batch``, in-batch name weights), and undated articles only among themselves, so
near-identical undated articles can form larger events than in one batch (docs/SCALE.md); one actor across articles (``link_actors``) is linked within a window and within a
chunk, not across the whole corpus; claim clusters, relations and disputes never span chunks (above
``blocking.event_claims_min`` claims they never span events anyway); framing, timeline and summary
are per chunk; ``related`` names only events closed in the same window; near copies are those the
source marked (``Article.copy_of``), not marked again. A corpus that fits one window and one chunk
gives the dossier ``link_articles`` gives with ``events.partition`` off (every stage over the
whole batch; the test in ``tests/stages/test_streaming_link.py``).

In: a ``RecordSource`` (``articles()``: every article's ``Article`` record, ``load(ids)``: their
records). Out: ``StreamReport`` (events, chunks, windows, the most articles held at once,
seconds per phase); the dossiers go to ``on_chunk``.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Optional, Protocol, Sequence

from .. import __version__
from ..models import Article, ArticleAnnotations, Dossier, Event, RunReport, StageTiming
from ..pipeline import CORPUS_STAGES
from ..settings import current, setting, use
from ..state import CorpusState
from .threads import one_thread

__all__ = ["RecordSource", "MemorySource", "StreamReport", "plan_windows", "windows_of", "split_open", "pack_chunks",
           "ChunkPacker", "step1_stages", "find_events", "apply_events", "link_chunk", "link_chunks", "link_stream",
           "ChunkWriter", "write_chunks"]

EVENTS_STAGE = "events"
# corpus stages before ``events`` that step 1 skips: ``group_events`` reads the articles, claims,
# times and annotations, not the actors linked across articles (the stage table's "dossier.actors"
# is not read by link/events.py); step 2 links actors again on every chunk, so the windows' links
# were never kept. Same events with and without it: tests/stages/test_streaming_link.py and the
# 1,000-article benchmark corpus (docs/SCALE.md).
STEP1_SKIP = ("link_actors",)


class RecordSource(Protocol):
    """Where the per-article records of a large corpus live (the store, files, a generator)."""

    def articles(self) -> Iterable[Article]:
        """Every article's ``Article`` record (light: no annotations), in any order."""

    def load(self, ids: Sequence[str]) -> tuple[list[Article], dict[str, ArticleAnnotations]]:
        """The ``Article`` records of ``ids`` (copies the caller may change) and their annotations."""


class MemorySource:
    """A ``RecordSource`` over records already in memory (tests, small corpora)."""

    def __init__(self, articles: Sequence[Article], annotations: dict[str, ArticleAnnotations]):
        self._arts = {a.id: a for a in articles}
        self._anns = annotations

    def articles(self) -> Iterable[Article]:
        return iter(self._arts.values())

    def load(self, ids: Sequence[str]) -> tuple[list[Article], dict[str, ArticleAnnotations]]:
        return [self._arts[i].model_copy() for i in ids], {i: self._anns[i] for i in ids}


@dataclass
class StreamReport:
    """What a streamed linking did: counts, the most articles held at once, seconds per phase."""

    articles: int = 0
    windows: int = 0
    events: int = 0
    chunks: int = 0
    carried_max: int = 0  # most articles carried from one window into the next
    window_max: int = 0  # most articles linked at once in step 1 (window + carried)
    chunk_max: int = 0  # most articles linked at once in step 2
    events_s: float = 0.0  # wall-clock seconds of step 1
    chunks_s: float = 0.0
    events_cpu_s: float = 0.0  # CPU seconds of this process in step 1 (what a busy machine does not inflate)
    chunks_cpu_s: float = 0.0
    stage_s: dict = field(default_factory=dict)  # corpus stage -> seconds, summed over windows and chunks
    largest_event: int = 0  # articles of the largest event found
    jobs: int = 1  # processes that ran step 2 (1: this one)
    worker_cpu_s: float = 0.0  # with jobs > 1: CPU seconds of the chunks in the workers (in chunks_cpu_s too)
    worker_peak_mb: int = 0  # with jobs > 1: the largest peak RSS of one worker process


def _day(published: Optional[str]) -> Optional[int]:
    """A publication date's day as an ordinal, None when it has no day."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def plan_windows(articles: Iterable[Article], size: int) -> list[list[str]]:
    """Article ids in windows of about ``size``: dated articles by (publication day, id), a window
    closed at the first day boundary once it holds ``size`` articles (one day is never split);
    then the undated ones by id, ``size`` at a time. A corpus of at most ``size`` articles is one
    window, the undated after the dated."""
    return windows_of({a.id: _day(a.published) for a in articles}, size)


def windows_of(day_of: dict[str, Optional[int]], size: int) -> list[list[str]]:
    """``plan_windows`` from each article id's publication day (an ordinal, None when undated)."""
    dated, undated = [], []
    for aid, d in day_of.items():
        (undated if d is None else dated).append((d, aid))
    dated.sort()
    undated.sort(key=lambda x: x[1])
    if 0 < len(day_of) <= size:  # the whole corpus fits one window: undated with dated, as one batch groups them
        return [[aid for _, aid in dated] + [aid for _, aid in undated]]
    out: list[list[str]] = []
    cur: list[str] = []
    last = None
    for d, aid in dated:
        if len(cur) >= size and d != last:
            out.append(cur)
            cur = []
        cur.append(aid)
        last = d
    if cur:
        out.append(cur)
    for s in range(0, len(undated), max(1, size)):
        out.append([aid for _, aid in undated[s:s + size]])
    return out


def split_open(events: Sequence[Event], day_of: dict[str, Optional[int]], next_start: Optional[int], gap: int,
               carry_max: int) -> tuple[list[Event], list[Event]]:
    """``(closed, open)``: an event is open when ``next_start`` (the next window's first day) is
    given and its last publication day is at most ``gap`` days before it, so the next window may
    still join it. Open events beyond ``carry_max`` articles in all are closed, the oldest (by
    last day) first."""
    if next_start is None:
        return list(events), []
    closed, cand = [], []
    for ev in events:
        days = [d for d in (day_of.get(a) for a in ev.articles) if d is not None]
        if days and max(days) >= next_start - gap:
            cand.append((max(days), ev))
        else:
            closed.append(ev)
    opened, held = [], 0
    for last, ev in sorted(cand, key=lambda x: -x[0]):  # the latest first: they are the likeliest to grow
        if held + len(ev.articles) <= carry_max:
            opened.append(ev)
            held += len(ev.articles)
        else:
            closed.append(ev)
    keep = {id(e) for e in opened}
    return [e for e in events if id(e) not in keep], [e for e in events if id(e) in keep]


class ChunkPacker:
    """Packs events, given in order and a few at a time, into chunks of at most ``size`` articles
    (``pack_chunks`` one event at a time): ``add(event)`` returns the chunk it completes (the
    event starts the next) or None; ``flush()`` the last chunk, if any."""

    def __init__(self, size: int):
        self.size, self.cur, self.n = size, [], 0

    def add(self, ev: Event) -> Optional[list[Event]]:
        k, done = len(ev.articles), None
        if self.cur and self.n + k > self.size:
            done, self.cur, self.n = self.cur, [], 0
        self.cur.append(ev)
        self.n += k
        return done

    def flush(self) -> Optional[list[Event]]:
        done, self.cur, self.n = self.cur or None, [], 0
        return done


def pack_chunks(events: Sequence[Event], size: int) -> list[list[Event]]:
    """Events in their order, packed into chunks of at most ``size`` articles; an event is never
    split (one larger than ``size`` is a chunk of its own)."""
    packer = ChunkPacker(size)
    out = [c for c in (packer.add(ev) for ev in events) if c]
    last = packer.flush()
    return out + [last] if last else out


def _state(arts: list[Article], anns: dict[str, ArticleAnnotations], settings) -> CorpusState:
    """A ``CorpusState`` over these records: articles by id with ``index`` set, their records
    gathered in that order (as ``rashomon.api.link_articles`` gathers them)."""
    ordered = sorted(arts, key=lambda a: a.id)
    d = Dossier(articles=ordered)
    for i, a in enumerate(ordered):
        a.index = i
        ann = anns[a.id]
        d.attributions += ann.attributions
        d.claims += ann.claims
        d.quantities += ann.quantities
        d.times += ann.times
    d.run = RunReport(version=__version__)
    return CorpusState(dossier=d, annotations={a.id: anns[a.id] for a in ordered}, settings=settings)


def _run(state: CorpusState, stages, report: StreamReport, replace_events: Optional[list[Event]] = None) -> list[StageTiming]:
    timings = []
    for st in stages:
        t0 = time.perf_counter()
        if st.name == EVENTS_STAGE and replace_events is not None:
            apply_events(state, replace_events)
        else:
            st.load()(state)
        dt = time.perf_counter() - t0
        timings.append(StageTiming(name=st.name, seconds=dt))
        report.stage_s[st.name] = report.stage_s.get(st.name, 0.0) + dt
    return timings


_EVENT_ID = re.compile(r"\bE(\d+)\b")


def _renumber(ev: Event, ids: dict[str, str]) -> Event:
    """``ev`` with its id, related ids and the event ids in its reason mapped by ``ids`` (related
    events not in ``ids`` are dropped: they were not closed in the same window)."""
    reason = _EVENT_ID.sub(lambda m: ids.get(m.group(0), m.group(0)), ev.reason) if ev.reason else ev.reason
    return ev.model_copy(update={"id": ids[ev.id], "related": [ids[r] for r in ev.related if r in ids],
                                 "reason": reason, "main": False})


def step1_stages() -> list:
    """The corpus stages step 1 runs on a window: those up to and including ``events``, less those
    whose output ``group_events`` does not read (``STEP1_SKIP``)."""
    names = [s.name for s in CORPUS_STAGES]
    return [s for s in CORPUS_STAGES[:names.index(EVENTS_STAGE) + 1] if s.name not in STEP1_SKIP]


def find_events(source: RecordSource, *, settings=None, report: Optional[StreamReport] = None,
                progress: Optional[Callable[[str], None]] = None,
                on_closed: Optional[Callable[[list[Event]], None]] = None) -> list[Event]:
    """Step 1 (module doc): the corpus' events, window by window; returns them with global ids.
    ``on_closed`` gets each window's newly closed events (global ids, in order) as they close, so
    step 2 may start on them while later windows are grouped (``link_stream`` with ``jobs`` > 1)."""
    from ..link.blocking import veto_days

    settings = settings if settings is not None else current()
    report = report if report is not None else StreamReport()
    t0, c0 = time.perf_counter(), time.process_time()
    with use(settings):
        size, carry_max, gap = setting("blocking.stream_window"), setting("blocking.stream_carry_max"), veto_days()
    day_of = {a.id: _day(a.published) for a in source.articles()}  # one article record at a time
    windows = windows_of(day_of, size)
    report.articles, report.windows = len(day_of), len(windows)
    head = step1_stages()
    events: list[Event] = []
    carry: list[str] = []
    for w, ids in enumerate(windows):
        todo = carry + ids
        report.window_max = max(report.window_max, len(todo))
        arts, anns = source.load(todo)
        state = _state(arts, anns, settings)
        del arts, anns
        with use(settings), one_thread("blas"):
            _run(state, head, report)
        nxt = day_of.get(windows[w + 1][0]) if w + 1 < len(windows) else None
        closed, opened = split_open(state.dossier.events, day_of, nxt, gap, carry_max)
        ids_map = {ev.id: f"E{len(events) + k + 1}" for k, ev in enumerate(closed)}
        new = [_renumber(ev, ids_map) for ev in closed]
        events += new
        carry = [a for ev in opened for a in ev.articles]
        report.carried_max = max(report.carried_max, len(carry))
        del state
        if progress:
            progress(f"window {w + 1}/{len(windows)}: {len(todo)} articles, {len(closed)} events closed, {len(carry)} articles carried")
        if on_closed and new:
            on_closed(new)
    report.events = len(events)
    report.largest_event = max((len(e.articles) for e in events), default=0)
    report.events_s, report.events_cpu_s = time.perf_counter() - t0, time.process_time() - c0
    return events


def apply_events(state: CorpusState, events: Sequence[Event]) -> None:
    """Stand in for the ``events`` stage with events already found: ``dossier.events`` gets
    ``events`` (those with an article in this state; the largest, first on ties, is ``main``),
    the dossier's articles become copies with ``event`` set (as ``group_events`` leaves them)."""
    d = state.dossier
    have = {a.id for a in d.articles}
    mine = [e for e in events if any(a in have for a in e.articles)]
    big = max(range(len(mine)), key=lambda k: (len(mine[k].articles), -k)) if mine else -1
    d.events = [e.model_copy(update={"main": k == big}) for k, e in enumerate(mine)]
    by_article = {a: e.id for e in d.events for a in e.articles}
    d.articles = [a.model_copy(update={"event": by_article.get(a.id)}) for a in d.articles]
    state.event_stats = {"compared": 0, "articles": len(d.articles), "given": len(d.events)}


def link_chunk(source: RecordSource, chunk: Sequence[Event], settings, stage_s: Optional[dict] = None) -> Dossier:
    """One chunk of step 2: its articles' records loaded from ``source``, every corpus stage run on
    them with ``chunk`` standing in for the ``events`` stage; returns the chunk's dossier (its
    ``run.stages`` timed). ``stage_s`` (stage -> seconds) gets the timings added."""
    ids = [a for ev in chunk for a in ev.articles]
    arts, anns = source.load(ids)
    state = _state(arts, anns, settings)
    del arts, anns
    rep = StreamReport(stage_s=stage_s if stage_s is not None else {})
    with use(settings), one_thread("blas"):
        state.dossier.run.stages = _run(state, CORPUS_STAGES, rep, replace_events=list(chunk))
    return state.dossier


def link_chunks(source: RecordSource, events: Sequence[Event], on_chunk: Callable[[int, Dossier], object], *,
                settings=None, report: Optional[StreamReport] = None, progress: Optional[Callable[[str], None]] = None,
                on_result: Optional[Callable[[int, object], None]] = None) -> StreamReport:
    """Step 2 (module doc), in this process: every corpus stage on each chunk of whole events; each
    chunk's dossier goes to ``on_chunk(chunk number from 1, dossier)`` and is then dropped;
    ``on_result(k, what on_chunk returned)`` follows when given."""
    settings = settings if settings is not None else current()
    report = report if report is not None else StreamReport()
    t0, c0 = time.perf_counter(), time.process_time()
    with use(settings):
        size = setting("blocking.stream_chunk")
    chunks = pack_chunks(events, size)
    report.chunks = len(chunks)
    for k, chunk in enumerate(chunks, 1):
        n = sum(len(ev.articles) for ev in chunk)
        report.chunk_max = max(report.chunk_max, n)
        got = on_chunk(k, link_chunk(source, chunk, settings, report.stage_s))
        if on_result:
            on_result(k, got)
        if progress:
            progress(f"chunk {k}/{len(chunks)}: {n} articles, {len(chunk)} events")
    report.chunks_s, report.chunks_cpu_s = time.perf_counter() - t0, time.process_time() - c0
    return report


def link_stream(source: RecordSource, on_chunk: Callable[[int, Dossier], object], *, settings=None,
                progress: Optional[Callable[[str], None]] = None, jobs: int = 1,
                on_result: Optional[Callable[[int, object], None]] = None, report: Optional[StreamReport] = None) -> StreamReport:
    """Both steps (module doc) on ``source``; the dossiers go to ``on_chunk``. ``jobs`` > 1: step 2
    runs in ``jobs`` worker processes and overlaps step 1 (``engine/stream_pool.py``: ``source`` and
    ``on_chunk`` are pickled to the workers, ``on_chunk`` runs there and what it returns comes back
    to ``on_result``); the chunks and their dossiers are those of ``jobs`` = 1. ``report``: filled as
    it goes (a new one when None), and returned."""
    report = report if report is not None else StreamReport()
    if jobs > 1:
        from .stream_pool import ChunkPool

        settings = settings if settings is not None else current()
        with ChunkPool(source, on_chunk, settings=settings, jobs=jobs, report=report, progress=progress,
                       on_result=on_result) as pool:
            find_events(source, settings=settings, report=report, progress=progress, on_closed=pool.add)
            pool.finish()
        return report
    events = find_events(source, settings=settings, report=report, progress=progress)
    return link_chunks(source, events, on_chunk, settings=settings, report=report, progress=progress, on_result=on_result)


class ChunkWriter:
    """An ``on_chunk`` that writes chunk ``k``'s dossier to ``folder/chunk-<k:05d>.json`` and
    returns the file's size in bytes (picklable, so worker processes can run it)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)

    def __call__(self, k: int, dossier: Dossier) -> int:
        path = self.folder / f"chunk-{k:05d}.json"
        path.write_text(dossier.model_dump_json(), encoding="utf-8")
        return path.stat().st_size


def write_chunks(folder: Path) -> ChunkWriter:
    """An ``on_chunk`` that writes chunk ``k``'s dossier to ``folder/chunk-<k:05d>.json``."""
    return ChunkWriter(folder)
