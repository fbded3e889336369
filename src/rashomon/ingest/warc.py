"""WARC files (web archives: ``.warc``, ``.warc.gz``) read record by record with warcio.

``read_warc(batch, path, stem)`` is a generator: for each ``response`` record whose HTTP
``Content-Type`` is HTML (``text/html``, ``application/xhtml+xml``; a record without one is
sniffed) it decodes the payload like an ``.html`` file (``decode.decode_bytes``), runs the same
extractor (``readers._from_html``: trafilatura, then the cleaner) and adds the article, or an
error, to ``batch``; then it yields (so the caller can hand the article on before the next record
is read). Other records (requests, metadata, images, redirects) are skipped silently.

The article: id ``STEM-<first 8 hex digits of the payload's SHA-256>`` (the same page gets the same
id in any archive), ``source.line`` the record's number among the archive's records (1-based),
``source.format`` ``warc``, the record's ``WARC-Target-URI`` as ``url`` (and so the outlet from
its domain when the page names none). An archive that cannot be read (not a WARC file, cut short)
is an ``unreadable`` error naming the record where reading stopped (the records before it are kept).
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator

from ..models import SourceInfo
from .decode import DecodeError, decode_bytes
from .html import looks_like_html
from .metadata import Meta

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    """A WARC file, plain or gzipped, by its name."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def _is_html(record, payload: bytes) -> bool:
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or ""
    if ctype:
        return ctype.split(";")[0].strip().lower() in HTML_TYPES
    return looks_like_html(payload[:4096].decode("latin-1"))


def read_warc(batch, path: Path, stem: str) -> Iterator[None]:
    """Add each HTML response of the archive at ``path`` to ``batch`` (see module doc)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .readers import _from_html

    where = str(path)
    n = 0
    try:
        with open(path, "rb") as fh:
            for n, record in enumerate(ArchiveIterator(fh), 1):
                if not str(record.format).startswith("warc"):  # warcio falls back to the old ARC format on anything
                    batch.error(where, "unreadable", f"record {n} is not a WARC record: not a web archive, or a damaged one", n)
                    yield
                    return
                if record.rec_type != "response":
                    continue
                payload = record.content_stream().read()
                if not payload.strip() or not _is_html(record, payload):
                    continue
                try:
                    dec = decode_bytes(payload)
                except DecodeError as e:
                    batch.error(where, e.code, f"record {n}: {e.message}", n)
                    yield
                    continue
                digest = hashlib.sha256(payload).hexdigest()
                url = record.rec_headers.get_header("WARC-Target-URI")
                source = SourceInfo(path=where, line=n, format="warc", encoding=dec.encoding, sha256=digest)
                _from_html(batch, f"{stem}-{digest[:8]}", dec.text, Meta(url=url), source, where, n)
                yield
    except (OSError, EOFError, ArchiveLoadFailed, ValueError) as e:
        batch.error(where, "unreadable", f"cannot read the WARC file at record {n + 1}: {type(e).__name__}: {str(e)[:200]}", n + 1)
        yield
