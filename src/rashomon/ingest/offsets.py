"""The offset map from an article's cleaned ``text`` back to its decoded original ``raw``, and
from there to the original bytes.

``Article.offsets`` is a list of ``OffsetRun(clean, raw, length)``: cleaned characters
``[clean, clean+length)`` came one to one from ``raw[raw:raw+length]``, equal up to
``rashomon.ingest.normalize.fold_char`` (NBSP -> space, CR -> LF...). Cleaned characters outside
every run are synthetic (paragraph breaks put between kept lines, NFC-composed characters);
``clean_to_raw`` maps them to the end of the nearest preceding run.

For ``.txt``/``.md`` files and standard input, ``raw`` is the decoded file, so
``clean_to_byte`` gives the byte offset in the file. For HTML, ``raw`` is the text trafilatura
extracted (it gives no offsets into the markup) and for JSON/JSONL the decoded ``text`` value;
``clean_to_byte`` returns ``None`` for those.
"""
from __future__ import annotations

import bisect
import codecs
from typing import Optional, Sequence

from ..models import Article, OffsetRun

#: formats whose ``raw`` is the decoded input file itself
FILE_BACKED = {"txt", "md", "stdin"}


def runs_from_origin(origin: Sequence[int]) -> list[OffsetRun]:
    """Compress a per-character origin list (``-1`` = synthetic) into ``OffsetRun``s."""
    runs: list[OffsetRun] = []
    start = None
    for i, r in enumerate(origin):
        if r < 0:
            if start is not None:
                runs.append(OffsetRun(clean=start, raw=origin[start], length=i - start))
                start = None
            continue
        if start is not None and r == origin[i - 1] + 1:
            continue
        if start is not None:
            runs.append(OffsetRun(clean=start, raw=origin[start], length=i - start))
        start = i
    if start is not None:
        runs.append(OffsetRun(clean=start, raw=origin[start], length=len(origin) - start))
    return runs


def clean_to_raw(article: Article, i: int) -> int:
    """Offset in ``article.raw`` of cleaned offset ``i`` (0 <= i <= len(text)). Offsets inside a
    run map exactly; synthetic ones map to the end of the nearest preceding run (0 before any);
    ``len(text)`` maps to the end of the last run."""
    runs = article.offsets
    if not runs:
        return 0
    k = bisect.bisect_right([r.clean for r in runs], i) - 1
    if k < 0:
        return 0
    run = runs[k]
    if i < run.clean + run.length:
        return run.raw + (i - run.clean)
    return run.raw + run.length


def raw_to_byte(raw: str, i: int, encoding: str, bom: int = 0) -> int:
    """Byte offset in the original file of character ``i`` of the decoded ``raw`` text, for a
    file in ``encoding`` with a byte-order mark of ``bom`` bytes."""
    return bom + len(codecs.encode(raw[:i], encoding, errors="strict"))


def clean_to_byte(article: Article, i: int, encoding: Optional[str] = None) -> Optional[int]:
    """Byte offset in the original input of cleaned offset ``i``, or ``None`` when ``raw`` is not
    the decoded input file (HTML, JSON, JSONL: see the module docstring). ``encoding`` defaults to
    ``article.source.encoding``; an encoding written with a BOM is given as e.g.
    ``utf-16-le+bom``."""
    src = article.source
    if article.raw is None or src is None or src.format not in FILE_BACKED:
        return None
    enc = encoding or src.encoding or "utf-8"
    bom = 0
    if enc.endswith("+bom"):
        enc = enc[:-4]
        bom = {"utf-8": 3, "utf-16-le": 2, "utf-16-be": 2, "utf-32-le": 4, "utf-32-be": 4}.get(enc, 0)
    return raw_to_byte(article.raw, clean_to_raw(article, i), enc, bom)
