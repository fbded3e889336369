"""Short readable names for articles, for the reports (the id stays the id).

``display_name(article) -> str``: the title cut to ``MAX_CHARS`` at a word boundary; else the
outlet and the publication date ("Reuters, 2024-08-07"); else the first words of the text in
quotes ("“Russian troops crossed the border…”"). Never empty.
"""
from __future__ import annotations

import re

from ..models import Article

MAX_CHARS = 60


def shorten(text: str, n: int = MAX_CHARS) -> str:
    """``text`` with spaces squeezed, cut at the last word boundary before ``n`` characters with
    an ellipsis when longer (never mid-word unless one word is longer than ``n``)."""
    t = re.sub(r"\s+", " ", text).strip()
    if len(t) <= n:
        return t
    cut = t[: n - 1].rsplit(" ", 1)[0] if " " in t[: n - 1] else t[: n - 1]
    return cut.rstrip(" ,;:-–—") + "…"


def display_name(a: Article) -> str:
    """The short name of ``a`` (see the module doc)."""
    if a.title and a.title.strip():
        return shorten(a.title)
    if a.outlet:
        return f"{a.outlet}, {a.published}" if a.published else a.outlet
    words = shorten(a.text, 48)
    return f"“{words}”" if words else a.id


def name_of(a: Article) -> str:
    """``a.name`` when ingest set it (dossiers written before it existed have none), else
    ``display_name(a)``."""
    return a.name or display_name(a)
