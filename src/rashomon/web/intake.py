"""Articles sent to ``POST /api/articles``: from a JSON body or uploaded files to the plain dicts
``Store.add`` takes (the JSONL fields ``id``, ``text`` or ``html``, ``title``, ``outlet``, ``url``,
``published``), checked against the size limits, all in memory.

No name in a request ever reaches the filesystem: an uploaded file's name is only a label (its
last path part) and, by its extension, says how to read the bytes: ``.txt``/``.text``/``.md``/
``.markdown`` (plain text), ``.html``/``.htm``/``.xhtml`` (a page), ``.json`` (one article, a
list, or ``{"articles": [...]}``), ``.jsonl``/``.ndjson`` (one article a line).

Every refusal is a ``WebError``: R605 (400) for a body that is not JSON, R606 (422) for an
article or file that cannot be used, naming it (``articles[2]``, ``notes.pdf``, ``feed.jsonl line 3``),
R604 (413) for a file or batch over its limit.
"""
from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any

from ..errors import WebError
from ..ingest.decode import DecodeError, decode_bytes

FIELDS = ("id", "text", "html", "title", "outlet", "url", "published")
TEXT_EXT = {".txt", ".text", ".md", ".markdown"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSON_EXT = {".json"}
JSONL_EXT = {".jsonl", ".ndjson"}


def file_label(name: str | None) -> str:
    """The last part of an uploaded file's name (``../../etc/passwd`` -> ``passwd``), for messages and ids."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    return base or "upload"


def check_record(rec: Any, where: str, max_chars: int) -> dict:
    """One article record: an object with a non-empty ``text`` or ``html`` string and only the
    known fields, each a string (``published`` may be a number); returns a clean copy."""
    if not isinstance(rec, dict):
        raise WebError("R606", where=where, reason=f"an article must be a JSON object, not {type(rec).__name__}")
    unknown = sorted(set(rec) - set(FIELDS))
    if unknown:
        raise WebError("R606", where=where, reason=f"unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")
    body = [k for k in ("text", "html") if isinstance(rec.get(k), str) and rec[k].strip()]
    if not body:
        raise WebError("R606", where=where, reason="no text: give a non-empty 'text' or 'html' string")
    out = {}
    for k, v in rec.items():
        if v is None:
            continue
        if k == "published" and isinstance(v, (int, float)) and not isinstance(v, bool):
            v = str(v)
        if not isinstance(v, str):
            raise WebError("R606", where=where, reason=f"field '{k}' must be a string")
        if k in ("text", "html") and len(v) > max_chars:
            raise WebError("R604", what=f"{where} {k}", size=f"{len(v):,} characters", limit=f"{max_chars:,}", setting="web.max_text_chars")
        out[k] = v
    return out


def articles_from_json(body: bytes, *, max_chars: int, max_articles: int) -> list[dict]:
    """The articles of a ``{"articles": [...]}`` JSON body."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise WebError("R605", reason=f"not valid JSON ({e})") from None
    if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
        raise WebError("R606", where="body", reason='expected {"articles": [{...}, ...]}')
    recs = data["articles"]
    if not recs:
        raise WebError("R606", where="articles", reason="the list is empty")
    _check_count(len(recs), max_articles)
    return [check_record(r, f"articles[{i}]", max_chars) for i, r in enumerate(recs)]


def _check_count(n: int, max_articles: int) -> None:
    if n > max_articles:
        raise WebError("R604", what="the batch", size=f"{n} articles", limit=f"{max_articles}", setting="web.max_articles")


def _json_records(text: str, name: str, max_chars: int) -> list[dict]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise WebError("R606", where=name, reason=f"not valid JSON ({e})") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    recs = data if isinstance(data, list) else [data]
    out = [check_record(r, f"{name}[{i}]" if isinstance(data, list) else name, max_chars) for i, r in enumerate(recs)]
    for r in out:
        r.setdefault("id", PurePosixPath(name).stem)
    return out


def _jsonl_records(text: str, name: str, max_chars: int) -> list[dict]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise WebError("R606", where=f"{name} line {n}", reason=f"not valid JSON ({e.msg})") from None
        out.append(check_record(rec, f"{name} line {n}", max_chars))
    if not out:
        raise WebError("R606", where=name, reason="no article in the file")
    return out


def articles_from_file(name: str | None, data: bytes, *, max_chars: int, max_file_bytes: int) -> list[dict]:
    """The articles of one uploaded file (see the module docstring); ``name`` is only a label."""
    label = file_label(name)
    if len(data) > max_file_bytes:
        raise WebError("R604", what=f"file {label}", size=f"{len(data):,} bytes", limit=f"{max_file_bytes:,} bytes", setting="web.max_file_bytes")
    ext = PurePosixPath(label).suffix.lower()
    known = TEXT_EXT | HTML_EXT | JSON_EXT | JSONL_EXT
    if ext not in known:
        raise WebError("R606", where=label, reason=f"unsupported file type {ext or '(no extension)'}; use one of {', '.join(sorted(known))}")
    try:
        text = decode_bytes(data).text
    except DecodeError as e:
        raise WebError("R606", where=label, reason=str(e)) from None
    if ext in JSON_EXT:
        return _json_records(text, label, max_chars)
    if ext in JSONL_EXT:
        return _jsonl_records(text, label, max_chars)
    return [check_record({"id": PurePosixPath(label).stem, "html" if ext in HTML_EXT else "text": text}, label, max_chars)]


def articles_from_files(files: list[tuple[str | None, bytes]], *, max_chars: int, max_file_bytes: int, max_articles: int) -> list[dict]:
    """The articles of every uploaded ``(name, bytes)`` file, in order."""
    if not files:
        raise WebError("R606", where="files", reason="no file was sent (multipart field 'files')")
    out: list[dict] = []
    for name, data in files:
        out += articles_from_file(name, data, max_chars=max_chars, max_file_bytes=max_file_bytes)
        _check_count(len(out), max_articles)
    return out
