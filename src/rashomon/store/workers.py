"""Dask workers that write their articles into a PostgreSQL workspace themselves.

With ``engine.kind`` dask and a PostgreSQL store, ``Store.add`` runs the per-article half as
``DaskEngine(task=annotate_and_store, plugins=[StoreConnection(url)])``:

- ``StoreConnection``, a worker plugin, opens the worker's own connection pool to the store when
  the worker starts (and closes it when the worker stops); the client has already created and
  migrated the schema;
- ``annotate_and_store(articles, settings)``, the task, runs every per-article stage on each
  article (``engine.dask_engine.annotate_batch``) and writes the article, its annotations and its
  search rows in ONE transaction (``store.writes.write_article``, the rows the client would write),
  then returns only ``Written(id, status)`` per article: the records never travel back to the
  client. An article whose stages or write raise comes back with its error and is retried once by
  the engine, then named (``analysis_failed``); a task re-run after its worker died finds its
  own earlier writes and reports them ``stored``.

The client then links from the store, as after any ``add``. SQLite keeps the client-writes path
(one write connection per database file: a worker on another host could not share it anyway).

In: articles with unique ids (``Store.add`` renames clashes first), the run's settings. Out:
rows in the store, one ``Written`` per article.
"""
from __future__ import annotations

from typing import Optional

from ..engine.base import describe_failure
from ..engine.dask_engine import Outcome, WorkerPlugin, Written, annotate_batch  # WorkerPlugin: distributed's (object when missing)
from ..models import Article
from ..settings import Settings
from .core import content_hash
from .db import open_engines
from .writes import write_article

PLUGIN = "rashomon-store-connection"


class StoreConnection(WorkerPlugin):
    """A worker plugin: the worker's own connection pool to the store at ``url``."""

    name = PLUGIN

    def __init__(self, url: str):
        self.url = url
        self.engines = None

    def setup(self, worker=None) -> None:
        self.engines = open_engines(self.url)

    def teardown(self, worker=None) -> None:
        if self.engines is not None:
            self.engines.write.dispose()


def _connection() -> StoreConnection:
    from distributed import get_worker

    return get_worker().plugins[PLUGIN]


def annotate_and_store(articles: list[Article], settings: Optional[Settings] = None) -> list[Outcome]:
    """The task (see module doc): one outcome per article, in order."""
    records = {a.id: a.model_dump_json() for a in articles}  # as ingested, before any stage
    by_id = {a.id: a for a in articles}
    engines = _connection().engines
    out: list[Outcome] = []
    for aid, ann, timings, error in annotate_batch(articles, settings):
        if ann is None:
            out.append((aid, None, [], error))
            continue
        a = by_id[aid]
        try:
            with engines.write.begin() as conn:
                status = write_article(conn, a, content_hash(a.text), records[aid], a.raw, ann.model_dump_json(), again=True)
        except Exception as e:  # noqa: BLE001 - retried by the engine, then reported by name
            out.append((aid, None, [], describe_failure(e)))
            continue
        out.append((aid, Written(aid, status), timings, None))
    return out
