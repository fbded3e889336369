"""The workspace store: ``open_store(url) -> Store``.

A workspace holds articles (cleaned and raw text, metadata, content hash), each article's
annotations (``ArticleAnnotations``: attributions, claims with vectors, quantities, times,
actors), and the cross-article results of the last linking (the whole ``Dossier`` plus one row
per event with a stable id). ``Store.add`` reads inputs, skips articles whose cleaned text is
already stored (same SHA-256), analyses each new article once and stores it with its
annotations in ONE transaction per article, then links the workspace again.

What is linked again, after each ``add`` that stored an article (or whose previous run was cut
off before linking): with ``events.partition`` off the corpus half runs on ALL stored
articles, as one ``analyze`` does. With it on (the default), the events are found over all
stored articles (``link_actors`` and ``events``, cheap, and the bridges of
``link.event_bridges``), then the claim-level stages run only for the storylines (an event with
its related events and the events whose claims the claim-level stages could join with its
own) whose inputs changed (a new article, a merge, a split): each storyline's part of the dossier is a function of its articles
(``rashomon.event_parts``) and is kept in ``event_parts`` under the hash of its inputs, so an
unaffected event reuses its stored part as it is (its row is not written; ``AddResult.relinked``
lists the events linked again); ``add(full=True)`` (``rashomon add --full``) links every event
again. The per-article half, the expensive part, never runs twice for an article. Only events
whose dossier slice changed get a new ``updated_at`` and are listed in ``AddResult.events``. The
corpus half sees the articles in canonical order (``api.canonical_order``), so adding them one
at a time in any order gives the same dossier as one ``analyze`` run on all of them with the same
settings (``analyze`` computes every part the same way).

Claim clusters get lasting ids (``cl-<hex>``, ``store.parts``): ``cluster()`` takes one, an
alias of a merged cluster, or the dossier's id (``k12``, which may change at the next linking).

Who writes: the client, one transaction per article as the engine returns its annotations; with
``engine.kind`` dask on PostgreSQL, the Dask workers themselves, each through its own connection
(``store.workers``), and the client only counts their statuses. Either way the rows are those of
``store.writes.write_article``. Linking reads every stored article's records into memory (one
batch: ~2 GB at 1,000 articles, docs/SCALE.md); the workspace has no streamed linking (``rashomon
analyze --stream`` has).

Nothing lost: a kill during ``add`` leaves whole articles only (each is one transaction) and the
workspace marked "needs linking"; the next ``add`` (of the same inputs, or any) skips what is
stored, analyses the rest and links. Until then ``dossier()`` returns the last linking.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, Optional, Sequence, Union

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..api import InputItem, link_articles, single_thread_blas
from ..engine import pick_engine
from ..errors import CODES, drain_warnings
from ..ingest import read_inputs
from ..models import Article, ArticleAnnotations, Dossier, InputError, RunReport
from ..settings import Settings, use, validate
from . import jobs as jobs_mod
from .db import Engines, open_engines
from .events import assign_ids, digest, part_digest, slice_dossier, summary_row
from .history import cluster_histories, cluster_view
from .parts import part_reader, resolve_cluster, save_cluster_ids, save_parts, stored_keys
from .records import AddResult, ClusterView, EventSummary, SearchHit
from .schema import articles, event_aliases, events, migrate
from .search import search as run_search, set_claim_clusters
from .writes import ensure_keys, get_value, put_value, write_article

OnProgress = Optional[Callable[[int, int], None]]


def content_hash(text: str) -> str:
    """SHA-256 of an article's cleaned text: the same text is the same article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def open_store(url: Optional[str] = None) -> "Store":
    """Open (creating and migrating as needed) the store at ``url`` (see ``rashomon.store.db``);
    running jobs of processes that are gone are marked failed (``rashomon.store.jobs``)."""
    engines = open_engines(url)
    migrate(engines.write)
    store = Store(engines)
    with store._write() as conn:
        jobs_mod.fail_interrupted(conn)
    return store


class Store:
    """One workspace database (see module doc). Thread-safe: writes are serialised."""

    def __init__(self, engines: Engines):
        self._e = engines
        self._lock = threading.RLock()
        self._cached: tuple[Optional[str], Optional[Dossier]] = (None, None)

    @property
    def url(self) -> str:
        return self._e.url

    @property
    def dialect(self) -> str:
        return self._e.dialect

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._lock, self._e.write.begin() as conn:
            yield conn

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._e.read.connect() as conn:
            yield conn

    def close(self) -> None:
        self._e.write.dispose()
        if self._e.read is not self._e.write:
            self._e.read.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ workspace key/values
    _get = staticmethod(get_value)
    _put = staticmethod(put_value)

    # ------------------------------------------------------------------ add
    def add(self, inputs: Sequence[InputItem] | InputItem, *, settings: Union[Settings, dict, None] = None,
            on_progress: OnProgress = None, jobs: Optional[int] = 1, stdin: Optional[BinaryIO] = None, full: bool = False) -> AddResult:
        """Add ``inputs`` (as ``rashomon.api.analyze`` takes them; ``"-"`` reads ``stdin``) to the
        workspace and link it again; ``on_progress(done, total)`` after each new article is stored
        (total: the new articles of this call); ``jobs``: worker processes for the per-article half;
        ``full``: link every event again (else only the events the new articles changed)."""
        settings = validate(settings, "Store.add(settings=...)")
        with single_thread_blas(), use(settings):
            return self._add(inputs, settings, on_progress, jobs, stdin, full)

    def _add(self, inputs, settings: Settings, on_progress: OnProgress, jobs: Optional[int], stdin, full: bool = False) -> AddResult:
        items = [inputs] if isinstance(inputs, (str, Path, Mapping, Article)) else list(inputs)
        ingested = read_inputs(items, stdin=stdin)
        result = AddResult(errors=list(ingested.errors))
        with self._read() as conn:
            stored = {h: i for i, h in conn.execute(select(articles.c.id, articles.c.content_hash))}
        ids = set(stored.values())
        new: list[Article] = []
        hashes: dict[str, str] = {}
        for a in ingested.articles:
            h = content_hash(a.text)
            if h in stored:
                result.skipped.append(stored[h])
                continue
            if a.id in ids:  # another text under this id is stored: this one is renamed, never overwritten
                a.id = f"{a.id}-{h[:8]}"
            ids.add(a.id)
            hashes[a.id] = h
            new.append(a)
        records = {a.id: (a.model_dump_json(), a.raw) for a in new}
        by_id = {a.id: a for a in new}
        total, done = len(new), [0]

        def count(aid: str, status: str) -> None:
            if status == "stored":
                result.added.append(aid)
            elif status == "duplicate":  # another writer stored the same text meanwhile
                result.skipped.append(aid)
            else:
                a = by_id[aid]
                result.errors.append(InputError(path=(a.source.path if a.source and a.source.path else a.id), code="id_taken",
                                                message=CODES["R403"].format(article=a.id)))
            done[0] += 1
            if on_progress:
                on_progress(done[0], total)

        def keep(ann: ArticleAnnotations) -> None:
            count(ann.article, self._store_article(by_id[ann.article], hashes[ann.article], *records[ann.article], ann))

        failed: dict[str, str] = {}
        drain_warnings()
        if new and settings.engine.kind == "dask" and self.dialect == "postgresql":
            self._add_on_workers(new, jobs, settings, count, failed)
        elif new:
            pick_engine(len(new), jobs, settings=settings, overlap=settings.engine.prefetch).annotate(new, on_result=keep, failed=failed)
        result.errors += [InputError(path=(a.source.path if a.source and a.source.path else a.id), line=a.source.line if a.source else None,
                                     code="analysis_failed", message=f"article {a.id!r} could not be analysed and is left out ({failed[a.id]})")
                          for a in new if a.id in failed]
        with self._read() as conn:
            dirty = self._get(conn, "dirty") == "1"
        if dirty:
            result.events, result.relinked = self._relink(settings, full)
            result.linked = True
        return result

    def _add_on_workers(self, new: list[Article], jobs: Optional[int], settings: Settings, count, failed: dict[str, str]) -> None:
        """The per-article half on Dask workers that write each article to this PostgreSQL store
        themselves (``store.workers``); ``count(id, status)`` per article as their statuses return."""
        from ..engine.dask_engine import DaskEngine
        from ..engine.pool import default_jobs
        from .workers import StoreConnection, annotate_and_store

        with self._write() as conn:
            ensure_keys(conn)
        engine = DaskEngine(default_jobs() if jobs is None else jobs, settings, task=annotate_and_store,
                            plugins=[StoreConnection(self._e.url)])
        engine.annotate(new, on_result=lambda w: count(w.article, w.status), failed=failed, keep=False)

    def _store_article(self, a: Article, h: str, record: str, raw: Optional[str], ann: ArticleAnnotations) -> str:
        """Store one article with its annotations and search rows in one transaction; return
        "stored", or "duplicate" / "id_taken" when another writer stored the same text or id since
        this call looked (then nothing is written; ``store.writes``)."""
        ann_json = ann.model_dump_json()
        with self._write() as conn:
            return write_article(conn, a, h, record, raw, ann_json)

    # ------------------------------------------------------------------ linking
    def relink(self, settings: Union[Settings, dict, None] = None, full: bool = False) -> list[str]:
        """Run the corpus half on the stored articles and store the results (one transaction):
        the events over all articles, the claim-level stages for the events whose inputs changed
        (every event when ``full``); return the stable ids of the events whose slice changed."""
        settings = validate(settings, "Store.relink(settings=...)")
        return self._relink(settings, full)[0]

    def _relink(self, settings: Settings, full: bool) -> tuple[list[str], list[str]]:
        """``(events whose slice changed, events linked again)``, both stable ids."""
        with self._read() as conn:
            version = self._get(conn, "articles_version")
            known = set() if full else stored_keys(conn)
            rows = conn.execute(select(articles.c.id, articles.c.content_hash, articles.c.record, articles.c.annotations)).all()
        arts = [Article.model_validate_json(r.record) for r in rows]
        anns = {r.id: ArticleAnnotations.model_validate_json(r.annotations) for r in rows}
        hashes = {r.id: r.content_hash for r in rows}
        from .. import __version__
        from ..nlp import model_versions

        run = RunReport(version=__version__, inputs=sorted(hashes), models=model_versions())
        parts: dict[str, Dossier] = {}
        with single_thread_blas(), use(settings):
            dossier = link_articles(arts, anns, run=run, settings=settings, reuse=part_reader(self._read, known),
                                    fingerprints=hashes, parts_out=parts)
        return self._save_linking(dossier, hashes, version, parts, set(parts) - known)

    def _save_linking(self, dossier: Dossier, hashes: dict[str, str], version: Optional[str],
                      parts: Optional[dict[str, Dossier]] = None, fresh: frozenset = frozenset()) -> tuple[list[str], list[str]]:
        """Store a linking (and the event parts of ``fresh`` keys, computed by it); when another
        writer stored an article after this linking read the articles (``articles_version`` moved
        on), nothing is stored: that writer links again."""
        parts = parts or {}
        with self._write() as conn:
            if self._get(conn, "articles_version") != version:
                return [], []
            rows = {r.id: r._asdict() for r in conn.execute(events.select())}
            stored = [{"id": r["id"], "articles": json.loads(r["articles"]), "created_seq": r["created_seq"], "digest": r["digest"]}
                      for r in rows.values()]
            taken = {r["id"] for r in stored} | {r[0] for r in conn.execute(select(event_aliases.c.alias))}
            mapping, aliases = assign_ids(dossier.events, stored, hashes, taken)
            old = {r["id"]: r for r in stored}
            next_seq = max((r["created_seq"] for r in stored), default=0) + 1
            touched, now = [], jobs_mod.now()
            key_of = {a.id: k for k, p in parts.items() for a in p.articles}
            for ev in dossier.events:
                sid = mapping[ev.id]
                part = slice_dossier(dossier, ev.id)
                # linked event by event: the event's results are its part (whose key says what it
                # was made of) with the batch's wording of the event; else the slice itself
                key = next((key_of[a] for a in ev.articles if a in key_of), None)
                row = {**summary_row(part), "digest": part_digest(key, ev) if key else digest(part)}
                if sid in old:
                    changed = old[sid]["digest"] != row["digest"]
                    if any(rows[sid][c] != v for c, v in row.items()):
                        conn.execute(events.update().where(events.c.id == sid).values(**row, **({"updated_at": now} if changed else {})))
                else:
                    changed = True
                    conn.execute(events.insert().values(id=sid, created_seq=next_seq, updated_at=now, **row))
                    next_seq += 1
                if changed:
                    touched.append(sid)
            live = set(mapping.values())
            for sid in old:
                if sid not in live:
                    conn.execute(events.delete().where(events.c.id == sid))
                    if sid in aliases:
                        conn.execute(event_aliases.insert().values(alias=sid, event_id=aliases[sid]))
            for alias, target in aliases.items():  # aliases of an alias follow the merge
                conn.execute(event_aliases.update().where(event_aliases.c.event_id == alias).values(event_id=target))
            clusters = save_cluster_ids(conn, dossier)
            set_claim_clusters(conn, {c.id: clusters.get(c.cluster) if c.cluster else None for c in dossier.claims})
            save_parts(conn, parts, set(fresh), now)
            owner = {a: mapping[ev.id] for ev in dossier.events for a in ev.articles}
            relinked = (sorted({owner[a.id] for k, p in parts.items() if k in fresh for a in p.articles if a.id in owner}) if parts
                        else sorted(set(mapping.values())))  # linked as one batch: every event was linked again
            gen = int(self._get(conn, "generation") or 0) + 1
            self._put(conn, "dossier", dossier.model_dump_json())
            self._put(conn, "event_ids", json.dumps(mapping))
            self._put(conn, "cluster_ids", json.dumps(clusters))
            self._put(conn, "generation", str(gen))
            self._put(conn, "dirty", "0")
        return sorted(touched), relinked

    # ------------------------------------------------------------------ reading
    def _dossier(self) -> Dossier:
        with self._read() as conn:
            gen = self._get(conn, "generation")
            if gen is not None and self._cached[0] == gen and self._cached[1] is not None:
                return self._cached[1]
            text = self._get(conn, "dossier")
        d = Dossier.model_validate_json(text) if text else Dossier(run=None)
        self._cached = (gen, d)
        return d

    def _event_ids(self) -> dict[str, str]:
        """Dossier event id -> stable id, for the last linking."""
        with self._read() as conn:
            return json.loads(self._get(conn, "event_ids") or "{}")

    def resolve_event(self, event_id: str) -> Optional[str]:
        """The stable id ``event_id`` names now (itself, or the event an alias was merged into);
        None when unknown."""
        with self._read() as conn:
            if conn.execute(select(events.c.id).where(events.c.id == event_id)).first():
                return event_id
            r = conn.execute(select(event_aliases.c.event_id).where(event_aliases.c.alias == event_id)).first()
        return r[0] if r else None

    def events(self) -> list[EventSummary]:
        """Every event of the workspace, the largest first."""
        with self._read() as conn:
            rows = conn.execute(events.select()).all()
        out = [EventSummary(id=r.id, dossier_id=r.dossier_id, label=r.label or "", first_date=r.first_date, last_date=r.last_date,
                            outlets=json.loads(r.outlets), n_articles=r.n_articles, n_disputes=r.n_disputes, updated_at=r.updated_at)
               for r in rows]
        return sorted(out, key=lambda e: (-e.n_articles, e.first_date or "", e.id))

    def event(self, event_id: str) -> Optional[EventSummary]:
        """The summary of one event (a stable id or an alias of it); None when unknown."""
        sid = self.resolve_event(event_id)
        return next((e for e in self.events() if e.id == sid), None) if sid else None

    def dossier(self, event_id: Optional[str] = None) -> Dossier:
        """The dossier of the whole workspace (None), or of one event (a stable id or an alias);
        ``KeyError`` for an unknown event. The whole-workspace dossier is shared with later calls
        until the next linking: copy it before changing it."""
        d = self._dossier()
        if event_id is None:
            return d
        sid = self.resolve_event(event_id)
        inverse = {v: k for k, v in self._event_ids().items()}
        if sid is None or sid not in inverse:
            raise KeyError(f"no event {event_id!r} in this workspace")
        return slice_dossier(d, inverse[sid])

    def article(self, article_id: str) -> Optional[Article]:
        """The article as linked (with inferred date and event), else as stored, with its raw
        text (``raw``: the decoded original, when the input had one); None if absent."""
        with self._read() as conn:
            r = conn.execute(select(articles.c.record, articles.c.raw).where(articles.c.id == article_id)).first()
        if r is None:
            return None
        found = next((a for a in self._dossier().articles if a.id == article_id), None)
        a = found.model_copy() if found is not None else Article.model_validate_json(r.record)
        a.raw = r.raw
        return a

    def annotations(self, article_id: str) -> Optional[ArticleAnnotations]:
        """The per-article annotations of a stored article (None if absent)."""
        with self._read() as conn:
            r = conn.execute(select(articles.c.annotations).where(articles.c.id == article_id)).first()
        return ArticleAnnotations.model_validate_json(r[0]) if r else None

    def article_ids(self) -> list[str]:
        with self._read() as conn:
            return [r[0] for r in conn.execute(select(articles.c.id).order_by(articles.c.seq))]

    def _event_of_articles(self) -> dict[str, str]:
        with self._read() as conn:
            return {a: r.id for r in conn.execute(select(events.c.id, events.c.articles)) for a in json.loads(r.articles)}

    def cluster_ids(self) -> dict[str, str]:
        """Dossier cluster id (``k12``) -> stable id (``cl-<hex>``), for the last linking."""
        with self._read() as conn:
            return json.loads(self._get(conn, "cluster_ids") or "{}")

    def cluster(self, cluster_id: str) -> Optional[ClusterView]:
        """A cluster of the last linking with its claims' evidence and its history (None if
        absent). ``cluster_id``: its stable id (``cl-<hex>``, kept while articles are added), the
        stable id of a cluster merged into it, or its id in the dossier (``k12``)."""
        d = self._dossier()
        ids = self.cluster_ids()
        with self._read() as conn:
            stable = resolve_cluster(conn, cluster_id)
        if stable is not None:
            cluster_id = next((k for k, v in ids.items() if v == stable), cluster_id)
        k = next((c for c in d.clusters if c.id == cluster_id), None)
        if k is None:
            return None
        ev_of = self._event_of_articles()
        view = cluster_view(d, cluster_id, event=next((ev_of[a] for a in k.articles if a in ev_of), None))
        if view is not None:
            view.stable_id = ids.get(cluster_id)
        return view

    def histories(self, dossier: Dossier) -> Dossier:
        """A copy of ``dossier`` (the workspace's, or one event's, of the last linking) with
        ``histories`` filled: each claim cluster's history with its stable id (``rashomon export``)."""
        return dossier.model_copy(update={"histories": cluster_histories(dossier, self.cluster_ids())})

    def search(self, q: str, kind: str = "all", limit: int = 20) -> list[SearchHit]:
        """Full-text search (see ``rashomon.store.search``)."""
        ev_of = self._event_of_articles()
        with self._read() as conn:
            return run_search(conn, q, kind=kind, limit=limit, event_of=ev_of)

    def needs_linking(self) -> bool:
        """Whether articles were stored after the last linking (an ``add`` was cut off)."""
        with self._read() as conn:
            return self._get(conn, "dirty") == "1"

    # ------------------------------------------------------------------ jobs
    def create_job(self, kind: str, total: int, payload: dict) -> str:
        with self._write() as conn:
            return jobs_mod.create(conn, kind, total, payload)

    def update_job(self, job_id: str, *, state: Optional[str] = None, done: Optional[int] = None,
                   errors: Optional[list] = None, reason: Optional[str] = None) -> None:
        with self._write() as conn:
            jobs_mod.update(conn, job_id, state=state, done=done, errors=errors, reason=reason)

    def get_job(self, job_id: str) -> Optional[dict]:
        with self._read() as conn:
            return jobs_mod.get(conn, job_id)

    def pending_jobs(self) -> list[dict]:
        with self._read() as conn:
            return jobs_mod.pending(conn)
