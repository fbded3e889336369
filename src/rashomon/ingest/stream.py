"""Reading inputs as a stream: ``iter_inputs(inputs, stdin=None)`` yields, as it reads them,

- ``Article``: cleaned, with a unique id, its ``index`` (position among the articles yielded) and
  its language, exact duplicates of an earlier article already dropped;
- ``InputError``: an input (or a line, a record) that could not be read;
- ``Duplicate``: an exact duplicate dropped (same normalised text as an earlier article);
- ``str``: a note (a skipped entry, a renamed id, a language note).

What it holds in memory does not grow with the size of one input: JSONL (``.jsonl``,
``.ndjson``) and gzipped JSONL (``.jsonl.gz``, ``.ndjson.gz``) are read line by line; WARC files
(``.warc``, ``.warc.gz``; ``rashomon.ingest.warc``) record by record; a directory is listed with
``os.scandir`` ``chunk`` entries at a time (setting ``ingest.dir_chunk``), each chunk in name
order (a directory of at most ``chunk`` entries is read in name order, as ``read_inputs`` always did; a larger one in name
order within each chunk). What it keeps across the stream: the ids given so far and a 16-byte
digest per distinct text (for unique ids and exact duplicates). Near copies (``copy_of``) need
every article and are marked by the caller when the stream ends (``read_inputs`` does;
``copies.mark_copies``).

The other inputs (a file of another format, ``-``, a dict, an ``Article``) are read as
``read_inputs`` reads them (see ``readers``), one at a time. A JSONL file that is not UTF-8
(UTF-16, a legacy code page: found on its first 64 KiB) is decoded whole, as before.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import zlib
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from ..models import Article, Duplicate, InputError
from ..settings import setting
from .decode import DecodeError, decode_bytes
from .language import detect_language, language_note
from .names import display_name
from .readers import (CONTENT_ID, SIDECAR, _article_stem, _Batch, _from_record, _read_file, _read_stdin,
                      _short_path, _sidecar_article_exists, input_label)
from .warc import is_warc, read_warc

Item = Union[Article, InputError, Duplicate, str]
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
SNIFF_BYTES = 65536


def is_jsonl(path: Path) -> bool:
    """A JSONL file, plain or gzipped, by its name."""
    return path.name.lower().endswith(JSONL_SUFFIXES)


def stem_of(path: Path) -> str:
    """The file name without its format suffixes (``news.jsonl.gz`` -> ``news``)."""
    name = path.name
    for suffix in JSONL_SUFFIXES + (".warc.gz", ".warc"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or name
    return path.stem


class _Stream:
    """Turns what the readers collect into yielded items: unique ids, exact duplicates, index,
    language (see module doc)."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.texts: dict[bytes, str] = {}  # digest of the normalised text -> id of the article kept
        self.index = 0

    def flush(self, batch: _Batch) -> Iterator[Item]:
        arts, errors, notes = batch.articles, batch.errors, batch.notes
        batch.articles, batch.errors, batch.notes = [], [], []
        yield from errors
        yield from notes
        for art in arts:
            yield from self._article(art)

    def _article(self, art: Article) -> Iterator[Item]:
        if art.id in self.ids:
            k = 2
            while f"{art.id}-{k}" in self.ids:
                k += 1
            new = f"{art.id}-{k}"
            where = art.source.path if art.source else "?"
            yield f"id {art.id!r} of {where} is already taken by an earlier input; renamed to {new!r}"
            art.id = new
        self.ids.add(art.id)
        key = hashlib.blake2b(" ".join(art.text.split()).encode("utf-8"), digest_size=16).digest()
        if key in self.texts:
            src = art.source
            dropped = f"{src.path}:{src.line}" if src and src.line else (src.path if src and src.path else art.id)
            yield Duplicate(kept=self.texts[key], dropped=f"{art.id} ({dropped})")
            return
        self.texts[key] = art.id
        art.index = self.index
        self.index += 1
        art.language, art.language_source = detect_language(art.text)
        note = language_note(art.id, art.text)
        yield art
        if note:
            yield note


def _open(path: Path) -> BinaryIO:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")


def _jsonl_lines(batch: _Batch, path: Path, st: _Stream) -> Iterator[Item]:
    """A JSONL file line by line (see module doc)."""
    where, stem = str(path), stem_of(path)
    try:
        with _open(path) as fh:
            head = fh.read(SNIFF_BYTES)
    except (OSError, EOFError, zlib.error) as e:
        batch.error(path, "unreadable", f"cannot read the file: {getattr(e, 'strerror', None) or e}")
        return
    cut = head.rfind(b"\n") + 1 if len(head) == SNIFF_BYTES and b"\n" in head else len(head)
    try:
        dec = decode_bytes(head[:cut])
    except DecodeError as e:
        batch.error(path, e.code, e.message)
        return
    if dec.encoding not in ("utf-8", "ascii") and not path.name.lower().endswith(".gz"):
        _read_file(batch, path)  # another encoding: decoded whole, as before
        return
    if batch.articles or batch.errors or batch.notes:
        yield from st.flush(batch)
    seen = False
    n = 0
    try:
        with _open(path) as fh:
            for n, raw in enumerate(fh, 1):
                if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if not raw.strip():
                    continue
                seen = True
                try:
                    row = raw.decode("utf-8")
                except UnicodeDecodeError:
                    try:
                        row = decode_bytes(raw).text
                    except DecodeError as e:
                        batch.error(where, e.code, f"line {n}: {e.message}", n)
                        continue
                try:
                    rec = json.loads(row)
                except json.JSONDecodeError as e:
                    batch.error(where, "bad_json", f"malformed JSON on line {n}: {e.msg} (column {e.colno})", n)
                else:
                    _from_record(batch, rec, where, n, f"{stem}-{CONTENT_ID}", "jsonl")
                yield from st.flush(batch)
    except (OSError, EOFError, zlib.error) as e:
        batch.error(path, "unreadable", f"cannot read the file after line {n}: {getattr(e, 'strerror', None) or e}", n or None)
    if not seen and not batch.errors:
        batch.error(path, "empty", "no JSON lines")


def _one_file(batch: _Batch, path: Path, st: _Stream) -> Iterator[Item]:
    if is_jsonl(path):
        yield from _jsonl_lines(batch, path, st)
    elif is_warc(path):
        for _ in read_warc(batch, path, stem_of(path)):
            yield from st.flush(batch)
    else:
        _read_file(batch, path)
    yield from st.flush(batch)


def _scandir_chunks(path: Path, chunk: int) -> Iterator[list[os.DirEntry]]:
    with os.scandir(path) as it:
        while True:
            entries = []
            for e in it:
                entries.append(e)
                if len(entries) >= chunk:
                    break
            if not entries:
                return
            yield sorted(entries, key=lambda e: e.name)


def _kind(e: os.DirEntry) -> str:
    if e.name.startswith("."):
        return "hidden entries"
    if e.is_dir():
        return "subdirectories"
    return "metadata sidecars" if e.name.endswith(SIDECAR) else "other entries"


def _read_dir(batch: _Batch, path: Path, st: _Stream, chunk: int) -> Iterator[Item]:
    """The files directly inside ``path`` (see ``readers`` for sidecars, hidden entries,
    subdirectories and ``empty_dir``), listed ``chunk`` at a time."""
    held: Counter = Counter()
    readable = 0
    try:
        for entries in _scandir_chunks(path, chunk):
            for e in entries:
                p = Path(e.path)
                if e.name.startswith("."):
                    batch.notes.append(f"skipped hidden entry {p}")
                elif e.is_dir():
                    batch.notes.append(f"skipped subdirectory {p} (directories are read one level deep)")
                elif e.name.endswith(SIDECAR):
                    if not _sidecar_article_exists(p) and not (p.parent / _article_stem(e.name)).exists():
                        batch.error(p, "orphan_sidecar", f"metadata sidecar without an article named {_article_stem(e.name)}.*")
                elif e.is_file():
                    readable += 1
                    yield from _one_file(batch, p, st)
                    continue
                else:
                    batch.notes.append(f"skipped {p}: not a regular file")
                held[_kind(e)] += 1
                yield from st.flush(batch)
    except OSError as e:
        batch.error(path, "unreadable", f"cannot list the directory: {e.strerror or e}")
    if not readable:
        what = ", ".join(f"{kind}: {n}" for kind, n in sorted(held.items()))
        if held["subdirectories"]:
            what += "; directories are read one level deep"
        batch.error(path, "empty_dir", f"no article file in the directory ({what or 'it is empty'})")
    yield from st.flush(batch)


def iter_inputs(inputs: Iterable[Union[str, Path, Mapping, Article]], stdin: Optional[BinaryIO] = None,
                chunk: Optional[int] = None) -> Iterator[Item]:
    """Read every input as a stream (see the module doc); never raises for bad input. ``chunk``:
    directory entries listed at a time (None: setting ``ingest.dir_chunk``)."""
    chunk = chunk or int(setting("ingest.dir_chunk"))
    st = _Stream()
    batch = _Batch()
    for k, inp in enumerate(inputs):
        if isinstance(inp, Article):
            art = inp.model_copy(deep=True)
            art.name = art.name or display_name(art)
            batch.articles.append(art)
        elif isinstance(inp, Mapping):
            _from_record(batch, dict(inp), input_label(inp, k), None, f"input-{k}", "record")
        elif not isinstance(inp, (str, Path)):
            batch.error(input_label(inp, k), "not_an_input",
                        f"expected a path, a dict with 'text' or 'html', or an Article; got {type(inp).__name__}")
        elif str(inp) == "-":
            _read_stdin(batch, stdin)
        else:
            yield from _read_path(batch, Path(inp), str(inp), st, chunk)
        yield from st.flush(batch)


def _read_path(batch: _Batch, path: Path, given: str, st: _Stream, chunk: int) -> Iterator[Item]:
    if path.is_dir():
        yield from _read_dir(batch, path, st, chunk)
    elif path.is_file():
        if path.name.endswith(SIDECAR):
            batch.notes.append(f"{path} is a metadata sidecar; it is read with its article, not as one")
            if not _sidecar_article_exists(path):
                batch.error(path, "orphan_sidecar", f"metadata sidecar without an article named {_article_stem(path.name)}.*")
            return
        yield from _one_file(batch, path, st)
    elif path.exists():
        batch.error(path, "unreadable", "not a regular file or directory")
    else:
        looks_like_text = len(given) > 200 or any(ch in given for ch in "\n\t") or given.count(" ") > 5
        if looks_like_text:
            batch.error(_short_path(given), "not_found", "no such file or directory; a string is always a path: "
                        "to analyse a text, pass texts=[...] or {'text': ...}")
        else:
            batch.error(path, "not_found", "no such file or directory")


__all__ = ["Item", "iter_inputs", "is_jsonl", "stem_of"]
