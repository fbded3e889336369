"""The workspace schema: one definition (SQLAlchemy Core tables) and its versioned migrations.

In: a SQLAlchemy ``Connection`` (SQLite or PostgreSQL). Out: the tables, migrated to ``VERSION``.

Migrations are numbered steps, each run in its own transaction (DDL is transactional on both
SQLite and PostgreSQL), with the version recorded in ``schema_version`` in the same transaction:
a store written by an older version of rashomon is migrated forward when it is opened and its
data is kept (a step that changes a table copies or backfills its rows); a crash inside a step
leaves the store at the version before it. This plays the part of Alembic's revision chain with
no migration scripts outside the package (the schema is small and ships with the code).

- version 1: articles (text, metadata, content hash, the ``Article`` and ``ArticleAnnotations``
  records as JSON), events (stable ids, summary columns, their slice digest), event aliases
  (ids of events merged into another), the workspace key/value table (the linked dossier, the
  "needs linking" flag), jobs;
- version 2: full-text search: a ``claims`` table (claim text and evidence offsets, its
  cluster) and the indexes, FTS5 tables on SQLite (``unicode61`` words), ``tsvector``
  columns with GIN indexes on PostgreSQL (``simple`` configuration: the same words, no
  language-specific stop words or stems, so both backends find the same records); existing rows
  are indexed by the step;
- version 3: linking event by event (``rashomon.event_parts``): ``event_parts`` keeps each
  event's part of the dossier under the hash of what it was computed from (an add links again
  only the events whose hash changed), ``claim_clusters`` the stable ids of claim clusters with
  their claims, ``cluster_aliases`` the ids of clusters merged into another. The step adds
  empty tables: the next add fills them (an older store is linked once in full then).
"""
from __future__ import annotations

from typing import Callable

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, UniqueConstraint, inspect, text
from sqlalchemy.engine import Connection

VERSION = 3

metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

articles = Table(
    "articles", metadata,
    Column("id", String(512), primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("seq", Integer, nullable=False),  # order in which articles were added (display only)
    Column("added_at", String(40), nullable=False),
    Column("title", Text), Column("outlet", Text), Column("url", Text), Column("published", String(40)),
    Column("text", Text, nullable=False),  # the cleaned text: every offset points into it
    Column("raw", Text),  # the decoded original, when the input had one
    Column("record", Text, nullable=False),  # the ingested Article (JSON), before any corpus stage
    Column("annotations", Text, nullable=False),  # its ArticleAnnotations (JSON)
    UniqueConstraint("content_hash", name="uq_articles_content_hash"),
)

events = Table(
    "events", metadata,
    Column("id", String(64), primary_key=True),  # stable id, for URLs
    Column("dossier_id", String(64)),  # the event's id in the linked dossier (E1...)
    Column("label", Text), Column("first_date", String(40)), Column("last_date", String(40)),
    Column("outlets", Text, nullable=False),  # JSON list
    Column("articles", Text, nullable=False),  # JSON list of article ids
    Column("n_articles", Integer, nullable=False), Column("n_disputes", Integer, nullable=False),
    Column("digest", String(64), nullable=False),  # hash of the event's dossier slice
    Column("created_seq", Integer, nullable=False),
    Column("updated_at", String(40), nullable=False),
)

event_aliases = Table(
    "event_aliases", metadata,
    Column("alias", String(64), primary_key=True),  # an id that no longer names an event of its own
    Column("event_id", String(64), nullable=False),  # the event it was merged into
)

workspace = Table("workspace", metadata, Column("key", String(64), primary_key=True), Column("value", Text))

jobs = Table(
    "jobs", metadata,
    Column("id", String(64), primary_key=True),
    Column("kind", String(64), nullable=False),
    Column("state", String(16), nullable=False),
    Column("done", Integer, nullable=False), Column("total", Integer, nullable=False),
    Column("errors", Text, nullable=False),  # JSON list
    Column("reason", Text),
    Column("payload", Text, nullable=False),  # JSON object
    Column("owner", String(300)),  # host:pid of the process that set it running
    Column("created_at", String(40), nullable=False), Column("updated_at", String(40), nullable=False),
)

claims = Table(
    "claims", metadata,
    Column("id", String(600), primary_key=True),
    Column("article", String(512), nullable=False),
    Column("start_off", Integer, nullable=False), Column("end_off", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("cluster", String(64)),
)

event_parts = Table(
    "event_parts", metadata,
    Column("key", String(64), primary_key=True),  # SHA-256 of the part's inputs (event_parts.part_key)
    Column("part", Text, nullable=False),  # the part: a Dossier in its own ids (JSON)
    Column("linked_at", String(40), nullable=False),  # UTC time it was computed
)

claim_clusters = Table(
    "claim_clusters", metadata,
    Column("id", String(64), primary_key=True),  # stable id (cl-<hex>), for URLs
    Column("claims", Text, nullable=False),  # JSON list of its claim ids at the last linking
    Column("created_seq", Integer, nullable=False),
)

cluster_aliases = Table(
    "cluster_aliases", metadata,
    Column("alias", String(64), primary_key=True),  # a cluster id merged into another
    Column("cluster_id", String(64), nullable=False),
)

V1_TABLES = (schema_version, articles, events, event_aliases, workspace, jobs)


def _v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=list(V1_TABLES))


def _v2(conn: Connection) -> None:
    metadata.create_all(conn, tables=[claims])
    if conn.dialect.name == "sqlite":
        conn.execute(text("CREATE VIRTUAL TABLE articles_fts USING fts5(id UNINDEXED, title, text, tokenize='unicode61')"))
        conn.execute(text("CREATE VIRTUAL TABLE claims_fts USING fts5(id UNINDEXED, text, tokenize='unicode61')"))
        conn.execute(text("INSERT INTO articles_fts (id, title, text) SELECT id, coalesce(title, ''), text FROM articles"))
    else:
        conn.execute(text("ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
                          "(to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED"))
        conn.execute(text("CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)"))
        conn.execute(text("ALTER TABLE claims ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED"))
        conn.execute(text("CREATE INDEX ix_claims_tsv ON claims USING gin (tsv)"))
    # the claims of articles stored at version 1 come from their annotations
    from .search import index_claims  # noqa: PLC0415 - search imports this module's tables
    rows = conn.execute(articles.select().with_only_columns(articles.c.annotations)).all()
    for (ann,) in rows:
        index_claims(conn, ann)


def _v3(conn: Connection) -> None:
    metadata.create_all(conn, tables=[event_parts, claim_clusters, cluster_aliases])


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1, 2: _v2, 3: _v3}


def current_version(conn: Connection) -> int:
    """The schema version of the store behind ``conn`` (0: an empty database)."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    row = conn.execute(schema_version.select()).first()
    return int(row[0]) if row else 0


def migrate(engine, target: int = VERSION) -> int:
    """Bring the store behind ``engine`` to schema version ``target``, one step per transaction;
    return the version it had before. A store newer than this code raises ``StoreVersionError``."""
    from ..errors import StoreVersionError

    with engine.begin() as conn:
        before = current_version(conn)
    if before > VERSION:
        raise StoreVersionError(found=before, known=VERSION)
    for step in range(before + 1, target + 1):
        with engine.begin() as conn:
            if current_version(conn) >= step:  # another process migrated it meanwhile
                continue
            MIGRATIONS[step](conn)
            conn.execute(schema_version.delete())
            conn.execute(schema_version.insert().values(version=step))
    return before
