"""The parse stage: spaCy over the cleaned text.

In: ``state.article.text``. Out: ``state.doc`` (a spaCy ``Doc`` whose character offsets are the
cleaned-text offsets), ``ann.sentences``, ``ann.entities``/``ann.entity_labels`` and
``ann.lemmas`` (lower-cased lemmas of content words, for framing and similarity), ``ann.verbs``
(start offsets of VERB/AUX tokens, so later stages never re-parse to find a verb) and
``ann.noun_phrases`` (``noun_phrases``: the parser's noun chunks without leading determiners and
possessives, for the naming concepts of framing).

A text longer than setting ``parse.chunk_chars`` (data/settings.yaml, never above spaCy's
``nlp.max_length``) is parsed in pieces cut at a paragraph break, else after a sentence end, else
at a space (``chunk_bounds``), and the pieces' docs are joined with ``Doc.from_docs`` without
adding whitespace, so the joined doc's text is the cleaned text character for character and
every offset points into the whole text. A 5 MB one-line text is analysed, not refused (spaCy's
error E088).
"""
from __future__ import annotations

import re

from ..models import Span
from ..nlp import get_nlp
from ..settings import setting
from ..state import ArticleState

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "ADV"}
# cut points, best first: after a blank line / line break, after a sentence end, after a space
_CUTS = (re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"\s+"))


def chunk_chars(nlp) -> int:
    """The longest piece parsed in one call: setting ``parse.chunk_chars``, at most
    ``nlp.max_length``."""
    return max(1, min(int(setting("parse.chunk_chars")), int(nlp.max_length)))


def chunk_bounds(text: str, limit: int) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` pieces covering ``text``, each at most ``limit`` characters,
    cut after the last paragraph break in the window, else after the last sentence end, else
    after the last run of whitespace, else (one word longer than ``limit``) at ``limit``."""
    out = []
    start, n = 0, len(text)
    while n - start > limit:
        window = text[start:start + limit]
        cut = 0
        for pat in _CUTS:
            ends = [m.end() for m in pat.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        if cut <= 0:
            cut = limit
        out.append((start, start + cut))
        start += cut
    out.append((start, n))
    return out


def parse_text(text: str):
    """A spaCy ``Doc`` of ``text`` (the whole text, whatever its length; see the module doc)."""
    nlp = get_nlp()
    limit = chunk_chars(nlp)
    if len(text) <= limit:
        return nlp(text)
    from spacy.tokens import Doc

    pieces = [text[a:b] for a, b in chunk_bounds(text, limit)]
    doc = Doc.from_docs(list(nlp.pipe(pieces)), ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - from_docs keeps every character
        raise RuntimeError("the joined parse of a long text does not reproduce the text")
    return doc


def parse(state: ArticleState) -> None:
    doc = parse_text(state.article.text)
    state.doc = doc
    ann = state.ann
    ann.sentences = [(s.start_char, s.end_char) for s in doc.sents]
    ann.entities = [Span(article=state.article.id, start=e.start_char, end=e.end_char, text=e.text) for e in doc.ents]
    ann.entity_labels = [e.label_ for e in doc.ents]
    ann.lemmas = [t.lemma_.lower() for t in doc if t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha]
    ann.verbs = [t.idx for t in doc if t.pos_ in ("VERB", "AUX")]
    ann.noun_phrases = noun_phrases(doc)


_LEADING = {"DET", "PRON"}


def noun_phrases(doc) -> list[tuple[int, int, str]]:
    """``(start, end, head lemma)`` of each noun chunk of ``doc`` whose head is a noun or proper
    noun, leading determiners, pronouns ("its", "their") and possessive endings cut off ("the
    Chinese surveillance balloon" -> "Chinese surveillance balloon"); the lemma is lower-cased for a
    common-noun head and empty for a proper-noun head. Chunks left with no word are skipped."""
    out = []
    try:
        chunks = list(doc.noun_chunks)
    except ValueError:  # no dependency parse (a pipeline without a parser)
        return out
    for ch in chunks:
        head = ch.root
        if head.pos_ not in ("NOUN", "PROPN"):
            continue
        i = ch.start
        while i < ch.end - 1 and (doc[i].pos_ in _LEADING or doc[i].tag_ == "POS" or doc[i].is_punct):
            i += 1
        start, end = doc[i].idx, doc[ch.end - 1].idx + len(doc[ch.end - 1].text)
        out.append((start, end, head.lemma_.lower() if head.pos_ == "NOUN" else ""))
    return out
