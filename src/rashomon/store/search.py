"""Full-text search over the workspace's article texts and claims.

In: an open connection, a query (words; every word must match as a word or the start of one:
``reopen`` finds "reopened"; punctuation and operators are ignored), which kind of record, a
limit. Out: ``SearchHit`` records, best first, each with the offsets of the first matching
word in its article (an article hit) or the claim's offsets (a claim hit) and a snippet.

SQLite: FTS5 tables ``articles_fts`` and ``claims_fts`` (prefix queries, ranked by bm25).
PostgreSQL: ``tsvector`` columns (``simple``; prefix ``tsquery``), ranked by ``ts_rank``. Both are filled here when
an article is stored (``index_article``, ``index_claims``); the claims' clusters are updated
after each linking (``set_claim_clusters``).
"""
from __future__ import annotations

import json
import re
from typing import Iterable, Optional

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection

from .records import SearchHit
from .schema import articles, claims

_WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET = 80  # characters of context on each side of the match


def index_article(conn: Connection, article_id: str, title: Optional[str], body: str) -> None:
    """Add one stored article to the article index (SQLite; PostgreSQL indexes it by itself)."""
    if conn.dialect.name == "sqlite":
        conn.execute(text("INSERT INTO articles_fts (id, title, text) VALUES (:i, :t, :x)"), {"i": article_id, "t": title or "", "x": body})


def index_claims(conn: Connection, annotations_json: str) -> None:
    """Add the claims of one article's annotations (JSON of ``ArticleAnnotations``) to ``claims``
    and its index."""
    ann = json.loads(annotations_json)
    rows = [{"id": c["id"], "article": c["article"], "start_off": c["start"], "end_off": c["end"], "text": c["text"], "cluster": None}
            for c in ann.get("claims", [])]
    if not rows:
        return
    conn.execute(claims.insert(), rows)
    if conn.dialect.name == "sqlite":
        conn.execute(text("INSERT INTO claims_fts (id, text) VALUES (:id, :text)"), [{"id": r["id"], "text": r["text"]} for r in rows])


def set_claim_clusters(conn: Connection, clusters: dict[str, Optional[str]]) -> None:
    """Record each claim's cluster (claim id -> stable cluster id) after a linking; only the rows
    whose cluster changed are written."""
    have = dict(conn.execute(claims.select().with_only_columns(claims.c.id, claims.c.cluster)).all()) if clusters else {}
    changed = [{"cid": k, "cl": v} for k, v in clusters.items() if k in have and have[k] != v]
    if changed:
        stmt = claims.update().where(claims.c.id == bindparam("cid")).values(cluster=bindparam("cl"))
        conn.execute(stmt, changed)


def _terms(q: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(q)]


def locate(body: str, terms: Iterable[str]) -> tuple[int, int]:
    """Offsets of the first word of ``body`` that starts with a query term; (0, 0) when none does."""
    best: Optional[tuple[int, int]] = None
    for t in terms:
        m = re.search(r"(?<!\w)" + re.escape(t) + r"\w*", body, flags=re.IGNORECASE)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    return best or (0, 0)


def snippet(body: str, start: int, end: int) -> str:
    a, b = max(0, start - SNIPPET), min(len(body), end + SNIPPET)
    return ("…" if a > 0 else "") + body[a:b].replace("\n", " ") + ("…" if b < len(body) else "")


def _ids(conn: Connection, kind: str, terms: list[str], limit: int) -> list[str]:
    if conn.dialect.name == "sqlite":
        table = "articles_fts" if kind == "article" else "claims_fts"
        match = " ".join('"' + t + '"*' for t in terms)
        rows = conn.execute(text(f"SELECT id FROM {table} WHERE {table} MATCH :m ORDER BY rank LIMIT :n"), {"m": match, "n": limit})
    else:
        table = "articles" if kind == "article" else "claims"
        query = " & ".join(t + ":*" for t in terms)
        rows = conn.execute(text(f"SELECT id FROM {table} WHERE tsv @@ to_tsquery('simple', :q) "
                                 f"ORDER BY ts_rank(tsv, to_tsquery('simple', :q)) DESC, id LIMIT :n"), {"q": query, "n": limit})
    return [r[0] for r in rows]


def search(conn: Connection, q: str, kind: str = "all", limit: int = 20, event_of: Optional[dict[str, str]] = None) -> list[SearchHit]:
    """Hits for ``q`` among ``kind`` ("articles", "claims" or "all": articles first, then claims),
    at most ``limit`` of each kind; ``event_of`` maps an article id to its stable event id."""
    if kind not in ("articles", "claims", "all"):
        raise ValueError(f"kind must be 'articles', 'claims' or 'all', not {kind!r}")
    terms = _terms(q)
    if not terms:
        return []
    event_of = event_of or {}
    hits: list[SearchHit] = []
    if kind in ("articles", "all"):
        ids = _ids(conn, "article", terms, limit)
        rows = {r.id: r for r in conn.execute(articles.select().with_only_columns(articles.c.id, articles.c.title, articles.c.text)
                                                  .where(articles.c.id.in_(ids)))} if ids else {}
        for i in ids:
            r = rows[i]
            s, e = locate(r.text, terms)
            hits.append(SearchHit(id=i, kind="article", article=i, start=s, end=e, snippet=snippet(r.text, s, e),
                                  event=event_of.get(i), title=r.title))
    if kind in ("claims", "all"):
        ids = _ids(conn, "claim", terms, limit)
        rows = {r.id: r for r in conn.execute(claims.select().where(claims.c.id.in_(ids)))} if ids else {}
        bodies = {r.id: (r.text, r.title) for r in conn.execute(articles.select().with_only_columns(articles.c.id, articles.c.text, articles.c.title)
                                                               .where(articles.c.id.in_({c.article for c in rows.values()})))} if rows else {}
        for i in ids:
            c = rows[i]
            body, title = bodies[c.article]
            hits.append(SearchHit(id=i, kind="claim", article=c.article, start=c.start_off, end=c.end_off,
                                  snippet=snippet(body, c.start_off, c.end_off), event=event_of.get(c.article), title=title))
    return hits
