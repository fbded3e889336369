"""A spill file: the per-article records of a streamed run on disk, so no process holds them all.

``Spill(path)`` opens (creating) a SQLite file with one row per article: its ``Article`` record
(written as the inputs are read), then its ``ArticleAnnotations`` (written as the per-article half
returns them), both as zlib-compressed JSON. Writes are committed every ``commit_every`` rows
and by ``flush``/``close``; the file has one writer, this process (WAL mode, so a reader could
look at it meanwhile).

- ``put_article(a)`` / ``put_annotations(ann)``: write (an article whose annotation failed
  keeps none and is left out of ``source()``);
- ``iter_articles()``: the stored ``Article`` records in the order they were put, read a page
  at a time (for the engine, which draws them lazily);
- ``source()``: a ``RecordSource`` (``engine.streaming``) over the annotated articles:
  ``articles()`` yields their ``Article`` records one at a time, ``load(ids)`` reads the records
  and annotations of ``ids``, so the cross-article half holds one window or chunk.

In: records. Out: records (copies: a loaded record is parsed from the file each time).
"""
from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path
from typing import Iterator, Optional, Sequence

from ..models import Article, ArticleAnnotations

PAGE = 256  # rows read at a time by the iterators
MAX_PARAMS = 500  # ids bound in one ``IN (...)`` query (SQLite allows 999 in older builds)


def _pack(model) -> bytes:
    return zlib.compress(model.model_dump_json().encode("utf-8"), 1)


def _unpack(cls, blob: bytes):
    return cls.model_validate_json(zlib.decompress(blob))


class Spill:
    """One spill file (see module doc)."""

    def __init__(self, path: Path, commit_every: int = 64):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(self.path))
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=OFF")  # a scratch file: a crash loses the run anyway
        self._db.execute("CREATE TABLE IF NOT EXISTS records (seq INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, "
                         "published TEXT, record BLOB NOT NULL, annotations BLOB)")
        self._pending = 0
        self._every = max(1, commit_every)
        self.articles = 0  # rows put
        self.annotated = 0  # rows with annotations

    def _wrote(self) -> None:
        self._pending += 1
        if self._pending >= self._every:
            self.flush()

    def flush(self) -> None:
        self._db.commit()
        self._pending = 0

    def put_article(self, a: Article) -> None:
        """Store ``a`` (an id already stored is replaced, its annotations cleared)."""
        self._db.execute("INSERT OR REPLACE INTO records (id, published, record, annotations) VALUES (?, ?, ?, NULL)",
                         (a.id, a.published, _pack(a)))
        self.articles += 1
        self._wrote()

    def put_annotations(self, ann: ArticleAnnotations) -> None:
        """Store the annotations of an article already put."""
        cur = self._db.execute("UPDATE records SET annotations = ? WHERE id = ?", (_pack(ann), ann.article))
        if cur.rowcount != 1:
            raise KeyError(f"no article {ann.article!r} in the spill {self.path}")
        self.annotated += 1
        self._wrote()

    def _pages(self, columns: str, where: str = "") -> Iterator[tuple]:
        last = 0
        while True:
            rows = self._db.execute(f"SELECT seq, {columns} FROM records WHERE seq > ? {where} ORDER BY seq LIMIT ?",
                                    (last, PAGE)).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            for r in rows:
                yield r[1:]

    def iter_articles(self) -> Iterator[Article]:
        """Every stored ``Article`` in the order put (annotated or not)."""
        self.flush()
        for (blob,) in self._pages("record"):
            yield _unpack(Article, blob)

    def rows(self, ids: Sequence[str]) -> dict[str, tuple[bytes, Optional[bytes]]]:
        """id -> (record, annotations or None) of the stored ``ids`` (packed; absent ids left out)."""
        self.flush()
        found: dict[str, tuple[bytes, Optional[bytes]]] = {}
        ids = list(ids)
        for s in range(0, len(ids), MAX_PARAMS):
            part = ids[s:s + MAX_PARAMS]
            q = f"SELECT id, record, annotations FROM records WHERE id IN ({','.join('?' * len(part))})"
            for aid, rec, ann in self._db.execute(q, part):
                found[aid] = (rec, ann)
        return found

    def records(self, ids: Sequence[str]) -> list[Article]:
        """The stored ``Article`` records of ``ids`` (those stored), in that order."""
        found = self.rows(ids)
        return [_unpack(Article, found[i][0]) for i in ids if i in found]

    def source(self) -> "SpillSource":
        self.flush()
        return SpillSource(self)

    def close(self) -> None:
        self.flush()
        self._db.close()


class SpillSource:
    """The ``RecordSource`` of a spill's annotated articles (see module doc)."""

    def __init__(self, spill: Spill):
        self._s = spill

    def articles(self) -> Iterator[Article]:
        for (blob,) in self._s._pages("record", "AND annotations IS NOT NULL"):
            yield _unpack(Article, blob)

    def load(self, ids: Sequence[str]) -> tuple[list[Article], dict[str, ArticleAnnotations]]:
        found = self._s.rows(ids)
        missing = [i for i in ids if i not in found or found[i][1] is None]
        if missing:
            raise KeyError(f"{len(missing)} article(s) without records in the spill, e.g. {missing[0]!r}")
        return ([_unpack(Article, found[i][0]) for i in ids],
                {i: _unpack(ArticleAnnotations, found[i][1]) for i in ids})
