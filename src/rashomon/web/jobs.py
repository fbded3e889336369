"""Background jobs of the web app: ``JobRunner`` runs each ``POST /api/articles`` batch through
``Store.add`` in ONE worker thread of the server process (the store has one write connection),
in the order they came.

In: a store (``rashomon.store`` API: ``create_job``, ``update_job``, ``get_job``,
``pending_jobs``, ``add``; the store serialises its writes on its one write connection), the run settings, and ``on_write`` (called whenever the store may
have changed, so the page cache can be cleared). Out: job ids; a job's state lives in the store
(``queued`` -> ``running`` -> ``done`` | ``failed``, with ``done``/``total`` counts and
``errors``), so it survives the server.

Restarts: the store marks a job it finds ``running`` when it opens as ``failed`` ("interrupted:
the server stopped while this job ran"); ``start()`` picks up every job still ``queued`` (its
articles are kept in the job's payload) and runs it, so a queued job is resumed, never lost. A
job ends ``failed`` when no article of it could be added (its errors say why), or when the store
raised (its ``reason`` says what); ``done`` otherwise, with the errors of the articles that were
left out.
"""
from __future__ import annotations

import logging
import queue
import threading
from typing import Callable, Optional

log = logging.getLogger("rashomon.web")


def error_text(e) -> str:
    """One line for an ``InputError`` (or any object with ``message``), naming the input."""
    where = getattr(e, "path", None) or ""
    line = getattr(e, "line", None)
    code = getattr(e, "code", None)
    msg = getattr(e, "message", None) or str(e)
    return f"{where}{f':{line}' if line else ''}: {msg}{f' [{code}]' if code else ''}" if where else msg


class JobRunner:
    """One worker thread that adds queued batches to the store (see the module docstring)."""

    def __init__(self, store, *, settings=None, on_write: Optional[Callable[[], None]] = None):
        self.store = store
        self.settings = settings
        self.on_write = on_write or (lambda: None)
        self._queue: "queue.Queue[Optional[tuple[str, list]]]" = queue.Queue()
        self._thread: Optional[threading.Thread] = None

    def start(self) -> None:
        """Queue the jobs left ``queued`` by an earlier server, then start the worker."""
        for job in self.store.pending_jobs():
            if job.get("state") != "queued":
                continue
            articles = (job.get("payload") or {}).get("articles")
            if articles:
                self._queue.put((job["id"], articles))
            else:
                self.store.update_job(job["id"], state="failed", reason="its articles were not kept; send them again")
        self._thread = threading.Thread(target=self._work, name="rashomon-jobs", daemon=True)
        self._thread.start()

    def submit(self, articles: list[dict], kind: str = "add") -> str:
        """Record a job for ``articles`` (plain dicts) and queue it; return its id."""
        job_id = self.store.create_job(kind, len(articles), {"articles": articles})
        self._queue.put((job_id, articles))
        return job_id

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the worker to stop after its current job (a job it cannot finish in time is marked
        failed by the store when it next opens)."""
        self._queue.put(None)
        if self._thread:
            self._thread.join(timeout)

    def idle(self) -> bool:
        """True when no job is queued or running."""
        return self._queue.unfinished_tasks == 0

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is None:
                    return
                self._run(*item)
            finally:
                self._queue.task_done()

    def _update(self, job_id: str, **kw) -> None:
        self.store.update_job(job_id, **kw)

    def _run(self, job_id: str, articles: list) -> None:
        total = len(articles)
        self._update(job_id, state="running", done=0)

        def progress(done: int, _total: int) -> None:
            self._update(job_id, done=done)
            self.on_write()

        try:
            result = self.store.add(articles, settings=self.settings, on_progress=progress)
        except Exception as e:  # noqa: BLE001 - a failed job records why; the server goes on
            log.exception("job %s failed", job_id)
            self._update(job_id, state="failed", reason=f"the job stopped: {type(e).__name__}: {e}")
        else:
            errors = [error_text(e) for e in result.errors]
            stored = len(result.added) + len(result.skipped)
            failed = not stored
            self._update(job_id, state="failed" if failed else "done", done=total, errors=errors,
                         reason="no article of the batch could be added (see errors)" if failed else None)
        finally:
            self.on_write()
