"""A cheap check that an article reads as English, for a note in the run report.

``english_share(text) -> float``: the share of the words of ``text`` that are frequent English
function words (``data/en/language.yaml``). ``language_note(article_id, text) -> str | None``: a
note when a text long enough has too small a share (the models are English-only, so such an
article yields few or no claims); None otherwise. Nothing is dropped: the article is analysed.
``detect_language(text) -> (code, source)``: the ISO 639-1 code stored on ``Article.language``
and how it was found (``function_words``: the share test above; ``default``: a text too short to
tell, taken as English); ``(None, "function_words")`` for a text that does not read as English
(its language is not told apart further).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..data import load_yaml

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], int, float]:
    d = load_yaml("language.yaml", "en")
    return frozenset(d["english_function_words"].lower().split()), int(d["min_words"]), float(d["min_share"])


def english_share(text: str) -> float:
    """Share of the words of ``text`` that are frequent English function words (0 when no words)."""
    words, _, _ = _data()
    toks = [t.lower() for t in _WORD.findall(text)]
    return sum(t in words for t in toks) / len(toks) if toks else 0.0


def detect_language(text: str) -> tuple[Optional[str], str]:
    """``(ISO 639-1 code or None, how it was found)`` for ``text``; see the module docstring."""
    _, min_words, min_share = _data()
    if len(_WORD.findall(text)) < min_words:
        return "en", "default"
    if english_share(text) >= min_share:
        return "en", "function_words"
    return None, "function_words"


def language_note(article_id: str, text: str) -> Optional[str]:
    """A run-report note when ``text`` does not look like English, else None."""
    _, min_words, min_share = _data()
    if len(_WORD.findall(text)) < min_words:
        return None
    share = english_share(text)
    if share >= min_share:
        return None
    return (f"article {article_id!r} does not look like English text (English function words: {share:.0%} of its words); "
            "the models are English-only, so its claims, quotes and dates may be missing")
