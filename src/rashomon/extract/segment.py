"""Sentence boundaries at line breaks, datelines and page furniture.

News text comes as paragraphs and stand-alone lines (headings, captions, bylines); a sentence
never runs across a line break. The spaCy component ``rashomon_line_breaks`` that marks those
boundaries lives with the model loading (``rashomon.nlp``). Here: ``line_sentences(doc)``, the
doc's sentences split at line breaks (for a doc parsed without the component);
``datelines(text)``; ``is_furniture(sent)``.
"""
from __future__ import annotations

import re

from ..data import load_yaml

_WORDS = load_yaml("segment_words.yaml", "en")  # word lists and patterns of this module (data/en/segment_words.yaml)

_FURNITURE = re.compile(
    _WORDS["furniture"], re.I)
_SMALL = set(_WORDS["small"])


# A dateline at a paragraph start: an ALL-CAPS place, optional ", State/Month Day", optional
# "(AP)"/"(Reuters)", then a dash: "WASHINGTON -- ", "RIVERTON, March 3 (Reuters) - ", "RENO, Nev. (AP) — ".
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'’\-]{2,}(?:[ \t]+[A-Z][A-Z.'’\-]*)*"
    r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Za-z.]+)?(?:[ \t]+\d{1,2})?)*"
    r"[ \t]*(?:\([A-Za-z.'’ ]{1,25}\))?[ \t]*(?:--|—|–|-)[ \t]+(?=[A-Z\"“‘])")


def datelines(text: str) -> list[tuple[int, int]]:
    """Character spans of the datelines at paragraph starts ("WASHINGTON -- ", "NEW YORK
    (Reuters) - "), dash and following spaces included."""
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)]


def doc_text(doc) -> str:
    """``doc.text``, built once per doc (spaCy rebuilds the string on every access)."""
    got = doc.user_data.get("rashomon.text")
    if got is None:
        got = doc.text
        doc.user_data["rashomon.text"] = got
    return got


def line_sentences(doc) -> list:
    """The sentences of ``doc`` (spaCy ``Span`` objects), further split at line breaks (computed
    once per doc and kept in ``doc.user_data``)."""
    cached = doc.user_data.get("rashomon.line_sentences")
    if cached is not None:
        return cached
    out = []
    for sent in doc.sents:
        start = sent.start
        for t in sent:
            if t.i > start and ("\n" in doc[t.i - 1].text or "\n" in doc[t.i - 1].whitespace_):
                if not all(x.is_space for x in doc[start:t.i]):
                    out.append(doc[start:t.i])
                start = t.i
        if not all(x.is_space for x in doc[start:sent.end]):
            out.append(doc[start:sent.end])
    doc.user_data["rashomon.line_sentences"] = out
    return out


def is_furniture(sent) -> bool:
    """True for a heading, byline, caption, question to the reader or other page furniture:
    no verb; a known furniture phrase; a question outside quotes; a Title Case line; a short line
    without closing punctuation. ``sent``: a spaCy ``Span``; the answer is kept per doc, since the
    attribution finders and the claim stage each ask it of every sentence."""
    seen = sent.doc.user_data.setdefault("rashomon.furniture", {})
    key = (sent.start, sent.end)
    got = seen.get(key)
    if got is None:
        got = seen[key] = _is_furniture(sent)
    return got


def _is_furniture(sent) -> bool:
    text = sent.text.strip()
    if not text:
        return True
    words = [t for t in sent if t.is_alpha]
    if len(words) < 3:
        return True
    if _FURNITURE.search(text):
        return True
    if not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return True
    if text.endswith("?") and not any(q in text for q in "\"“”"):
        return True
    if not _whole_line(sent):
        return False  # headings and captions stand on their own line
    content = [t for t in words if t.lower_ not in _SMALL]
    if len(content) >= 4 and sum(t.text[0].isupper() for t in content) >= 0.8 * len(content):
        return True  # Title Case: a headline
    last = text.rstrip("\"”’')»")[-1:]
    if last not in ".!?" and not text.endswith(("”", '"', "’")) and len(words) < 20:
        return True  # a heading or a caption: no closing punctuation
    return False


def _whole_line(sent) -> bool:
    """True when ``sent`` is all of its line: a line break (or the text edge) on both sides."""
    text = doc_text(sent.doc)
    before = text[:sent.start_char].rstrip(" \t")
    after = text[sent.start_char + len(sent.text.rstrip()):].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))
