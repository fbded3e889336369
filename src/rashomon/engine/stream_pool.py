"""Step 2 of the streamed cross-article half (``engine/streaming.py``) in worker processes,
overlapping step 1.

Chunks of whole events are independent: each loads its own articles' records, runs every corpus
stage on them and hands its dossier to ``on_chunk``; nothing is shared but the events. So
``ChunkPool`` packs the events step 1 closes, window by window (``ChunkPacker``: the same chunks,
in the same order and with the same numbers, as ``pack_chunks`` on all events at the end), and
runs each chunk in one of ``jobs`` worker processes (``spawn``: a fresh interpreter each, no
threads or models inherited) while step 1 goes on in this process. While step 1 runs it holds a
core, so at most ``jobs - 1`` chunks run at once (never fewer than one); once ``finish`` is called,
``jobs``. Memory: each worker holds ``source`` and ``on_chunk`` (pickled to it once) and one
chunk's records and dossier at a time.

In: a picklable ``RecordSource`` and ``on_chunk(k, dossier)`` (run in the worker; what it returns,
small, comes back), the settings, ``jobs``. Out: ``on_result(k, value)`` in this process for each
chunk as it finishes (any order), ``progress`` lines, and the ``StreamReport`` filled: ``chunks``,
``chunk_max``, ``stage_s`` (summed over chunks), ``chunks_s`` (wall seconds from the first chunk
queued to the last done), ``chunks_cpu_s`` = ``worker_cpu_s`` (CPU seconds of the chunks in the
workers), ``worker_peak_mb`` (the largest peak RSS of one worker), ``jobs``.
"""
from __future__ import annotations

import multiprocessing
import queue
import resource
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Callable, Optional, Sequence

from ..models import Event
from ..settings import setting, use
from .streaming import ChunkPacker, RecordSource, StreamReport, link_chunk

__all__ = ["ChunkPool"]

_WORKER: dict = {}


def _init(source: RecordSource, on_chunk: Callable, settings) -> None:
    """Worker start: keep what every chunk of this process needs."""
    _WORKER.update(source=source, on_chunk=on_chunk, settings=settings)


def _work(k: int, chunk: Sequence[Event]) -> dict:
    """Chunk ``k`` in a worker: its dossier to ``on_chunk``; returns what ``on_chunk`` returned,
    the stage seconds, CPU and wall seconds of the chunk and the worker's peak RSS."""
    t0, c0 = time.perf_counter(), time.process_time()
    stage_s: dict = {}
    dossier = link_chunk(_WORKER["source"], chunk, _WORKER["settings"], stage_s)
    got = _WORKER["on_chunk"](k, dossier)
    del dossier
    return {"k": k, "result": got, "stage_s": stage_s, "cpu_s": time.process_time() - c0,
            "wall_s": time.perf_counter() - t0, "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def _give_back_freed_memory() -> None:
    """Return freed heap pages of this process to the system (glibc ``malloc_trim``; nothing elsewhere)."""
    import gc

    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


class ChunkPool:
    """Runs the chunks of the events given to ``add`` in worker processes (module doc). Use as a
    context manager; call ``finish`` once step 1 is over (it waits for every chunk)."""

    def __init__(self, source: RecordSource, on_chunk: Callable, *, settings, jobs: int, report: StreamReport,
                 progress: Optional[Callable[[str], None]] = None, on_result: Optional[Callable[[int, object], None]] = None):
        with use(settings):
            self.packer = ChunkPacker(setting("blocking.stream_chunk"))
        self.report, self.progress, self.on_result = report, progress, on_result
        self.jobs = max(1, jobs)
        report.jobs = self.jobs
        self.executor = ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_init, initargs=(source, on_chunk, settings))
        self.slots = threading.Semaphore(max(1, self.jobs - 1))  # step 1 holds a core until finish()
        self.todo: queue.Queue = queue.Queue()
        self.running: list[Future] = []
        self.lock = threading.Lock()
        self.error: Optional[BaseException] = None
        self.queued = self.handled = 0
        self.t0: Optional[float] = None
        self.sizes: dict[int, tuple[int, int]] = {}  # chunk -> (articles, events)
        self.dispatcher = threading.Thread(target=self._dispatch, name="chunk-dispatch", daemon=True)
        self.dispatcher.start()

    def __enter__(self) -> "ChunkPool":
        return self

    def __exit__(self, *exc) -> None:
        self.todo.put(None)
        for _ in range(self.jobs + self.queued):  # unblock the dispatcher whatever it waits for
            self.slots.release()
        self.dispatcher.join()
        self.executor.shutdown(wait=True, cancel_futures=exc[0] is not None)

    def add(self, events: Sequence[Event]) -> None:
        """Events just closed by step 1, in order: the chunks they complete are queued."""
        for ev in events:
            chunk = self.packer.add(ev)
            if chunk:
                self._queue(chunk)
        self.poll()

    def _queue(self, chunk: list[Event]) -> None:
        self.queued += 1
        n = sum(len(ev.articles) for ev in chunk)
        self.sizes[self.queued] = (n, len(chunk))
        self.report.chunk_max = max(self.report.chunk_max, n)
        if self.t0 is None:
            self.t0 = time.perf_counter()
        self.todo.put((self.queued, chunk))

    def _dispatch(self) -> None:
        """Thread: submits queued chunks, one per free slot, in order."""
        try:
            while True:
                item = self.todo.get()
                if item is None or self.error is not None:
                    return
                self.slots.acquire()
                fut = self.executor.submit(_work, *item)
                fut.add_done_callback(lambda _f: self.slots.release())
                with self.lock:
                    self.running.append(fut)
        except BaseException as e:  # noqa: BLE001 - handed to the main thread by poll()
            self.error = e

    def poll(self) -> None:
        """Hands every finished chunk to ``on_result`` and the report (a failed chunk raises here)."""
        if self.error is not None:
            raise self.error
        with self.lock:
            done = [f for f in self.running if f.done()]
            self.running = [f for f in self.running if not f.done()]
        for fut in done:
            self._handle(fut.result())

    def _handle(self, out: dict) -> None:
        rep = self.report
        self.handled += 1
        for name, s in out["stage_s"].items():
            rep.stage_s[name] = rep.stage_s.get(name, 0.0) + s
        rep.worker_cpu_s += out["cpu_s"]
        rep.chunks_cpu_s = rep.worker_cpu_s
        rep.worker_peak_mb = max(rep.worker_peak_mb, out["peak_mb"])
        if self.on_result:
            self.on_result(out["k"], out["result"])
        if self.progress:
            n, e = self.sizes[out["k"]]
            self.progress(f"chunk {out['k']} ({self.handled} done of {self.queued} queued): {n} articles, {e} events, "
                          f"{out['cpu_s']:.0f} CPU s, worker peak {out['peak_mb']} MB")

    def finish(self) -> None:
        """Step 1 is over: the last chunk is queued, its core goes to a worker; waits for every chunk."""
        last = self.packer.flush()
        if last:
            self._queue(last)
        self.report.chunks = self.queued
        _give_back_freed_memory()  # step 1's windows are gone; their pages go to the workers
        self.slots.release()
        self.todo.put(None)
        while self.handled < self.queued:
            self.poll()
            with self.lock:
                running = list(self.running)
            if running:
                wait(running, timeout=5, return_when=FIRST_COMPLETED)
            elif self.handled < self.queued:
                time.sleep(0.1)
        self.poll()
        if self.t0 is not None:
            self.report.chunks_s = time.perf_counter() - self.t0
