"""Database connections of the workspace store: which database a URL names, and its engines.

In: a store URL (``sqlite:///PATH``, a plain file path, ``postgresql://...``; None: the
setting ``store.url``, by default ``sqlite:///rashomon.db`` in the working directory).
Out: ``Engines(write, read, dialect, url)``.

SQLite runs in WAL mode, so readers keep reading while a job writes; all writes of a process go
through ONE write connection (as datasette does), each transaction opened with ``BEGIN
IMMEDIATE`` so that two writers queue on the database lock (``busy_timeout``) instead of failing
half-way; reads use their own pooled connections. ``synchronous=NORMAL`` in WAL mode keeps every
committed transaction through a crash or kill of the process (only a power loss may roll back the
last commits, never corrupt the file). PostgreSQL (psycopg 3) uses one engine for both, writes
serialised in the process by ``Store``'s lock.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import QueuePool

from ..errors import StoreURLError
from ..settings import setting


@dataclass
class Engines:
    write: Engine
    read: Engine
    dialect: str  # "sqlite" | "postgresql"
    url: str


def resolve_url(url: Optional[str]) -> str:
    """The SQLAlchemy URL of a store URL (see module doc); ``StoreURLError`` (R402) for others."""
    url = url or setting("store.url")
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("postgresql+psycopg://"):
        return url
    if url.startswith("sqlite:///"):
        return url
    if "://" in url:
        raise StoreURLError(url=url, reason="the address must start with sqlite:/// or postgresql://")
    return "sqlite:///" + str(Path(url))


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    dbapi_conn.isolation_level = None  # transactions are opened by the 'begin' hook below
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=60000")
    cur.close()


def open_engines(url: Optional[str] = None) -> Engines:
    """Engines for the store at ``url`` (see module doc). A SQLite file's directory is created."""
    full = resolve_url(url)
    if full.startswith("sqlite"):
        path = full[len("sqlite:///"):]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        args = {"check_same_thread": False, "timeout": 60}
        write = create_engine(full, connect_args=args, poolclass=QueuePool, pool_size=1, max_overflow=0)
        read = create_engine(full, connect_args=args, poolclass=QueuePool, pool_size=4, max_overflow=4)
        for eng, begin in ((write, "BEGIN IMMEDIATE"), (read, "BEGIN")):
            event.listen(eng, "connect", _sqlite_pragmas)
            event.listen(eng, "begin", lambda conn, b=begin: conn.exec_driver_sql(b))
        return Engines(write=write, read=read, dialect="sqlite", url=full)
    try:
        eng = create_engine(full, pool_pre_ping=True)
    except Exception as e:  # noqa: BLE001 - a malformed address
        raise StoreURLError(url=url or full, reason=f"{type(e).__name__}: {e}") from e
    return Engines(write=eng, read=eng, dialect="postgresql", url=full)
