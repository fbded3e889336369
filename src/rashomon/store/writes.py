"""Writing one analysed article into the workspace store, by whichever process holds a connection.

``write_article(conn, a, h, record, raw, ann_json, again=False) -> status`` stores an article,
its annotations and its search rows inside the caller's transaction ``conn`` and marks the
workspace "needs linking". It is what ``Store.add`` runs for each article in the client, and what
a Dask worker runs for its own articles when the store is PostgreSQL (``store.workers``), so both
paths write the same rows. Status: ``"stored"``; ``"duplicate"`` (the same text is stored under
another id, or, unless ``again``, under this id: another writer stored it meanwhile);
``"id_taken"`` (another text is stored under this id); on the last two nothing is written.
``again=True`` (a task that may be re-run after its worker died) takes an article already
stored with this id and text as its own earlier write: ``"stored"``.

Concurrent writers: the workspace row ``articles_version`` is locked first (``SELECT ... FOR
UPDATE`` on PostgreSQL; SQLite has one writer at a time anyway), so article numbers (``seq``) and
the version move one writer at a time. ``ensure_keys(conn)`` creates the workspace rows a worker
updates, before workers start (two first inserts of one key would collide).

``get_value``/``put_value``: the workspace key/value table.
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from ..models import Article
from . import jobs as jobs_mod
from .schema import articles, workspace
from .search import index_article, index_claims

KEYS_WRITTEN = ("dirty", "articles_version")


def get_value(conn: Connection, key: str) -> Optional[str]:
    r = conn.execute(select(workspace.c.value).where(workspace.c.key == key)).first()
    return r[0] if r else None


def put_value(conn: Connection, key: str, value: str) -> None:
    if conn.execute(select(workspace.c.key).where(workspace.c.key == key)).first():
        conn.execute(workspace.update().where(workspace.c.key == key).values(value=value))
    else:
        conn.execute(workspace.insert().values(key=key, value=value))


def ensure_keys(conn: Connection) -> None:
    """Create the workspace rows ``write_article`` updates (with their current meaning: nothing
    to link, no article version) when they are missing."""
    for key, empty in zip(KEYS_WRITTEN, ("0", "0")):
        if get_value(conn, key) is None:
            put_value(conn, key, empty)


def write_article(conn: Connection, a: Article, h: str, record: str, raw: Optional[str], ann_json: str, again: bool = False) -> str:
    """See the module doc."""
    conn.execute(select(workspace.c.value).where(workspace.c.key == "articles_version").with_for_update())
    same = conn.execute(select(articles.c.id).where(articles.c.content_hash == h)).first()
    if same:
        return "stored" if again and same[0] == a.id else "duplicate"
    if conn.execute(select(articles.c.id).where(articles.c.id == a.id)).first():
        return "id_taken"
    seq = (conn.execute(select(func.max(articles.c.seq))).scalar() or 0) + 1
    conn.execute(articles.insert().values(id=a.id, content_hash=h, seq=seq, added_at=jobs_mod.now(), title=a.title, outlet=a.outlet,
                                          url=a.url, published=a.published, text=a.text, raw=raw, record=record, annotations=ann_json))
    index_article(conn, a.id, a.title, a.text)
    index_claims(conn, ann_json)
    put_value(conn, "dirty", "1")
    put_value(conn, "articles_version", str(seq))
    return "stored"
