"""Readers: from input paths (and standard input) to cleaned ``Article``s.

``read_inputs(inputs, stdin=None) -> IngestResult(articles, errors, duplicates, notes)``; the same
as a stream, one article or error at a time, in bounded memory: ``stream.iter_inputs``.

- a directory: the files directly inside it, sorted by name (not recursive: subdirectories and
  hidden files are listed in ``notes``); ``NAME.meta.json`` files are sidecar metadata for
  ``NAME.<ext>``, not articles (one without its article is an ``orphan_sidecar`` error);
- a file: ``.txt``/``.text``, ``.md``/``.markdown``, ``.html``/``.htm``/``.xhtml``, ``.json`` (one
  article, or a list of them), ``.jsonl``/``.ndjson`` (one article a line: ``id``, ``text`` or
  ``html``, optional ``title``, ``outlet``, ``url``, ``published``; also gzipped, ``.jsonl.gz``),
  ``.warc``/``.warc.gz`` (the HTML responses of a web archive, ``warc``); any other extension is an
  ``unsupported_format`` error;
- ``"-"``: standard input, sniffed as JSON, JSONL, HTML or plain text;
- a ``dict`` with the JSONL fields (``id``, ``text`` or ``html``, ``title``, ``outlet``, ``url``,
  ``published``): one article, named ``input[N]`` (its position) in errors;
- an ``Article`` record: taken as it is (a copy; its text is not cleaned again).

A directory with no file to read is an ``empty_dir`` error that says what it held instead.

Every input that cannot be read becomes one ``InputError(path, line, code, message)`` and the rest
of the batch goes on: codes ``not_found``, ``unreadable``, ``unsupported_format``, ``empty``,
``binary``, ``undecodable``, ``bad_json``, ``not_an_article``, ``no_text``, ``no_main_text``,
``empty_after_cleaning``, ``orphan_sidecar``, ``empty_dir``, ``not_an_input`` (an HTML page whose text is all furniture is
``no_main_text``). An article that does not read as English is analysed but noted
(``rashomon.ingest.language``). Articles with the same normalised text are analysed
once (``duplicates``); near copies (syndication under another title) are kept and marked with
``copy_of`` (``rashomon.ingest.copies``). Ids are the file stem or the id given in JSON (a JSON-list or JSONL record without one: the
file stem and a hash of the record, ``news-1a2b3c4d``, never its position); a repeated id gets a ``-2``
(``-3``...) suffix, said in ``notes``. ``index`` is the position in the batch after de-duplication (display order only; no id uses it).

Metadata precedence: JSON fields and sidecar > HTML metadata / YAML front matter > header lines
in the text > evidence in removed furniture > the URL's domain (outlet only, ``outlet_source``
'url').
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Optional, Union
from urllib.parse import urlparse

from ..models import Article, Duplicate, InputError, SourceInfo
from .clean import clean_text
from .copies import mark_copies
from .decode import DecodeError, decode_bytes
from .html import EXTRACTOR, NoMainText, extract_html, looks_like_html
from .metadata import Meta, meta_from_mapping
from .names import display_name

FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
           ".xhtml": "html", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
# read as streams by ``stream.iter_inputs`` (line by line, record by record), never whole
STREAMED = (".jsonl.gz", ".ndjson.gz", ".warc", ".warc.gz")
SIDECAR = ".meta.json"
CLEANER = "rashomon cleaner (data/en/boilerplate.yaml)"
STDIN = "<stdin>"


@dataclass
class IngestResult:
    """Articles ready for analysis, inputs that could not be read, exact duplicates dropped, and
    notes on what was skipped or renamed."""

    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def take(self, item) -> bool:
        """File one item of ``iter_inputs`` (an ``Article``, ``InputError``, ``Duplicate`` or a
        note) in its list; True when it is an article."""
        if isinstance(item, Article):
            self.articles.append(item)
            return True
        if isinstance(item, InputError):
            self.errors.append(item)
        elif isinstance(item, Duplicate):
            self.duplicates.append(item)
        else:
            self.notes.append(item)
        return False


class _Batch:
    """Collects articles and errors while reading."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.errors: list[InputError] = []
        self.notes: list[str] = []

    def error(self, path: Union[str, Path], code: str, message: str, line: Optional[int] = None) -> None:
        self.errors.append(InputError(path=str(path), line=line, code=code, message=message))


def _encoding_label(enc: str, bom: int) -> str:
    return f"{enc}+bom" if bom else enc


def _outlet_from_url(meta: Meta) -> None:
    if meta.outlet or not meta.url:
        return
    host = urlparse(meta.url).hostname or ""
    host = re.sub(r"^(?:www\d*|m|amp|mobile)\.", "", host.lower())
    if host and "." in host:
        meta.outlet, meta.outlet_source, meta.outlet_evidence = host, "url", f"domain of the given url {meta.url}"


def _build(batch: _Batch, art_id: str, raw: str, meta: Meta, source: SourceInfo, *, headers: bool,
           where: str, line: Optional[int] = None, empty_code: str = "empty_after_cleaning") -> None:
    """Clean ``raw`` and add the article (or an ``empty_code`` error when nothing is left)."""
    cleaned = clean_text(raw, meta, headers=headers, guess_title=meta.title is None, markdown=source.format == "md")
    meta = cleaned.meta
    _outlet_from_url(meta)
    if not cleaned.text.strip():
        reasons = sorted({r.reason for r in cleaned.removed})
        batch.error(where, empty_code,
                    f"no article text left after removing page furniture ({', '.join(reasons) or 'nothing'})", line)
        return
    art = Article(id=art_id, text=cleaned.text, raw=raw, removed=cleaned.removed, offsets=cleaned.offsets, source=source)
    meta.apply(art)
    if art.published is None and not art.published_reason:
        art.published_reason = "no date in the metadata or at the top of the text"
    art.name = display_name(art)
    batch.articles.append(art)


def _from_html(batch: _Batch, art_id: str, html: str, meta: Meta, source: SourceInfo, where: str,
               line: Optional[int] = None) -> None:
    try:
        ext = extract_html(html, url=meta.url)
    except NoMainText as e:
        batch.error(where, "no_main_text", str(e), line)
        return
    meta.merge(ext.meta)
    source.extractor = EXTRACTOR
    _build(batch, art_id, ext.text, meta, source, headers=False, where=where, line=line, empty_code="no_main_text")


# placeholder in a default id, replaced by the first 8 hex digits of the record's SHA-256
CONTENT_ID = "{content}"


def _from_record(batch: _Batch, rec: object, where: str, line: Optional[int], default_id: str, fmt: str,
                 sidecar: Optional[Meta] = None) -> None:
    """One JSON article: ``id``, ``text`` (or ``body``/``content``) or ``html``, metadata keys."""
    if not isinstance(rec, dict):
        batch.error(where, "not_an_article", f"expected a JSON object with 'text' or 'html', got {type(rec).__name__}", line)
        return
    meta = meta_from_mapping(rec, "metadata", "the JSON article")
    if sidecar:
        meta.merge(sidecar)
    digest = hashlib.sha256(json.dumps(rec, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()
    # a record without an id is named by its content, never by its line: the same record gets the
    # same id (and so the same record ids) in any file, batch or order
    art_id = str(rec["id"]).strip() if rec.get("id") not in (None, "") else default_id.replace(CONTENT_ID, digest[:8])
    text = next((rec[k] for k in ("text", "body", "content") if isinstance(rec.get(k), str) and rec[k].strip()), None)
    html = rec.get("html") if isinstance(rec.get("html"), str) and rec["html"].strip() else None
    source = SourceInfo(path=where, line=line, format=fmt, encoding="utf-8", sha256=digest, extractor=CLEANER)
    if text is not None:
        _build(batch, art_id, text, meta, source, headers=True, where=where, line=line)
    elif html is not None:
        _from_html(batch, art_id, html, meta, source, where, line)
    else:
        batch.error(where, "no_text", f"article {art_id!r} has no 'text' or 'html' field with content", line)


def _read_json(batch: _Batch, text: str, where: str, stem: str, sidecar: Optional[Meta]) -> None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        batch.error(where, "bad_json", f"malformed JSON: {e.msg} (line {e.lineno}, column {e.colno})", e.lineno)
        return
    if isinstance(data, list):
        for n, rec in enumerate(data, 1):
            _from_record(batch, rec, where, n, f"{stem}-{CONTENT_ID}", "json")
    else:
        _from_record(batch, data, where, None, stem, "json", sidecar)


def _read_jsonl(batch: _Batch, text: str, where: str, stem: str) -> None:
    seen = False
    for n, row in enumerate(text.splitlines(), 1):
        if not row.strip():
            continue
        seen = True
        try:
            rec = json.loads(row)
        except json.JSONDecodeError as e:
            batch.error(where, "bad_json", f"malformed JSON on line {n}: {e.msg} (column {e.colno})", n)
            continue
        _from_record(batch, rec, where, n, f"{stem}-{CONTENT_ID}", "jsonl")
    if not seen:  # pragma: no cover - decode_bytes already refuses blank input
        batch.error(where, "empty", "no JSON lines")


def _read_sidecar(batch: _Batch, path: Path) -> Optional[Meta]:
    try:
        data = json.loads(decode_bytes(path.read_bytes()).text)
    except OSError as e:
        batch.error(path, "unreadable", f"cannot read the sidecar: {e.strerror or e}")
        return None
    except DecodeError as e:
        batch.error(path, e.code, f"sidecar: {e.message}")
        return None
    except json.JSONDecodeError as e:
        batch.error(path, "bad_json", f"malformed sidecar JSON: {e.msg} (line {e.lineno}, column {e.colno})", e.lineno)
        return None
    if not isinstance(data, dict):
        batch.error(path, "bad_json", "a sidecar must be a JSON object of metadata")
        return None
    return meta_from_mapping(data, "metadata", f"sidecar {path.name}")


def _sidecar_for(path: Path) -> Optional[Path]:
    for cand in (path.with_name(path.stem + SIDECAR), path.with_name(path.name + SIDECAR)):
        if cand.is_file():
            return cand
    return None


def _read_file(batch: _Batch, path: Path) -> None:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        batch.error(path, "unsupported_format",
                    f"unknown extension {path.suffix or '(none)'!r}; supported: {', '.join(sorted(set(FORMATS) | set(STREAMED)))}")
        return
    sidecar_path = _sidecar_for(path)
    sidecar = _read_sidecar(batch, sidecar_path) if sidecar_path else None
    try:
        data = path.read_bytes()
    except OSError as e:
        batch.error(path, "unreadable", f"cannot read the file: {e.strerror or e}")
        return
    try:
        dec = decode_bytes(data)
    except DecodeError as e:
        batch.error(path, e.code, e.message)
        return
    where = str(path)
    if fmt == "json":
        _read_json(batch, dec.text, where, path.stem, sidecar)
        return
    if fmt == "jsonl":
        if sidecar:
            batch.notes.append(f"{sidecar_path} ignored: a JSONL file carries its metadata per line")
        _read_jsonl(batch, dec.text, where, path.stem)
        return
    source = SourceInfo(path=where, format=fmt, encoding=_encoding_label(dec.encoding, dec.bom),
                        sha256=hashlib.sha256(data).hexdigest(), extractor=CLEANER)
    meta = sidecar or Meta()
    if fmt == "html":
        _from_html(batch, path.stem, dec.text, meta, source, where)
    else:
        _build(batch, path.stem, dec.text, meta, source, headers=True, where=where)


def _article_stem(name: str) -> str:
    return name[: -len(SIDECAR)] if name.endswith(SIDECAR) else name


def _read_stdin(batch: _Batch, stdin: Optional[BinaryIO]) -> None:
    if stdin is None:
        batch.error(STDIN, "unreadable", "'-' was given but no standard input is available")
        return
    try:
        data = stdin.read()
    except OSError as e:
        batch.error(STDIN, "unreadable", f"cannot read standard input: {e}")
        return
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        dec = decode_bytes(data)
    except DecodeError as e:
        batch.error(STDIN, e.code, e.message)
        return
    text = dec.text.lstrip("\ufeff")
    head = text.lstrip()
    if head.startswith(("{", "[")):
        try:
            json.loads(text)
            _read_json(batch, text, STDIN, "stdin", None)
            return
        except json.JSONDecodeError:
            first = head.splitlines()[0]
            try:
                json.loads(first)
            except json.JSONDecodeError:
                pass
            else:
                _read_jsonl(batch, text, STDIN, "stdin")
                return
    source = SourceInfo(path=STDIN, format="stdin", encoding=_encoding_label(dec.encoding, dec.bom),
                        sha256=hashlib.sha256(data).hexdigest(), extractor=CLEANER)
    if looks_like_html(text):
        source.format = "html"
        _from_html(batch, "stdin", dec.text, Meta(), source, STDIN)
    else:
        _build(batch, "stdin", dec.text, Meta(), source, headers=True, where=STDIN)


def input_label(inp: Any, k: int) -> str:
    """How ``run.inputs`` and errors name input number ``k``: the path, or ``input[k]`` with the
    record's id."""
    if isinstance(inp, (str, Path)):
        return str(inp)
    if isinstance(inp, Article):
        return f"input[{k}] (Article {inp.id!r})"
    if isinstance(inp, Mapping) and inp.get("id") not in (None, ""):
        return f"input[{k}] (id {str(inp['id'])!r})"
    return f"input[{k}]"


def read_inputs(inputs: Iterable[Union[str, Path, Mapping, Article]], stdin: Optional[BinaryIO] = None) -> IngestResult:
    """Read every input (see the module docstring); never raises for bad input. The whole of
    ``stream.iter_inputs`` gathered in lists, then near copies marked (``copies.mark_copies``)."""
    from .stream import iter_inputs

    res = IngestResult()
    for item in iter_inputs(inputs, stdin=stdin):
        res.take(item)
    mark_copies(res.articles)
    return res


def _sidecar_article_exists(path: Path) -> bool:
    base = _article_stem(path.name)
    return any((path.parent / base).is_file() or (path.parent / (base + ext)).is_file() for ext in FORMATS)


def _short_path(p: str, n: int = 80) -> str:
    """A path (or a text given by mistake as one) short enough for one error line."""
    p = " ".join(p.split())
    return p if len(p) <= n else p[: n - 1] + "…"
