"""PLACEHOLDER reader: plain text only, no cleaning (to be replaced by the ingestion work)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..models import Article, Duplicate, InputError, OffsetRun, SourceInfo


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


def read_inputs(inputs, stdin=None) -> IngestResult:
    res = IngestResult()
    files = []
    for p in map(Path, inputs):
        files += sorted(x for x in p.iterdir() if x.is_file()) if p.is_dir() else [p]
    for i, f in enumerate(files):
        text = f.read_text(encoding="utf-8")
        res.articles.append(Article(id=f.stem, index=i, text=text, raw=text, offsets=[OffsetRun(clean=0, raw=0, length=len(text))],
                                    source=SourceInfo(path=str(f), format="txt", encoding="utf-8")))
    return res
