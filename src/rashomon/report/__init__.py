"""The reports, views of a ``Dossier`` (nothing else is needed, so a saved dossier.json renders
the same reports again):

- ``report.html``: one self-contained page (CSS, script and data inline, no network request);
- ``report.md``: summary with citations, disputes, pairwise contradictions and the claim matrix, for pasting;
- ``claims.csv``: one row per claim.

``write_reports(dossier, out_dir, formats)`` writes the files for ``formats`` (a subset of
``{"html", "md", "csv"}``) and returns their paths.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .csvout import render_csv
from ..errors import UnknownFormatError
from .html import render_html
from .markdown import render_markdown

__all__ = ["write_reports", "render_html", "render_markdown", "render_csv"]

FILES = {"html": "report.html", "md": "report.md", "csv": "claims.csv"}


def write_reports(dossier, out_dir, formats: Iterable[str]) -> list[Path]:
    """Write the reports named in ``formats`` into ``out_dir`` (created if missing); return the
    paths written, in the order html, md, csv. Unknown format names raise ``UnknownFormatError`` (R204, a ``ValueError``)."""
    formats = set(formats)
    unknown = formats - set(FILES)
    if unknown:
        raise UnknownFormatError(unknown=sorted(unknown), known=sorted(FILES))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    renderers = {"html": render_html, "md": render_markdown, "csv": render_csv}
    for fmt in ("html", "md", "csv"):
        if fmt in formats:
            path = out / FILES[fmt]
            # newline="" keeps the CSV writer's \r\n row ends as they are
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(renderers[fmt](dossier))
            written.append(path)
    return written
