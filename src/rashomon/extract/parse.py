"""The parse stage: spaCy over the cleaned text.

In: ``state.article.text``. Out: ``state.doc`` (a spaCy ``Doc`` whose character offsets are the
cleaned-text offsets), ``ann.sentences``, ``ann.entities``/``ann.entity_labels`` and
``ann.lemmas`` (lower-cased lemmas of content words, for framing and similarity), ``ann.verbs``
(start offsets of VERB/AUX tokens, so later stages never re-parse to find a verb).
"""
from __future__ import annotations

from ..models import Span
from ..nlp import get_nlp
from ..state import ArticleState

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "ADV"}


def parse(state: ArticleState) -> None:
    doc = get_nlp()(state.article.text)
    state.doc = doc
    ann = state.ann
    ann.sentences = [(s.start_char, s.end_char) for s in doc.sents]
    ann.entities = [Span(article=state.article.id, start=e.start_char, end=e.end_char, text=e.text) for e in doc.ents]
    ann.entity_labels = [e.label_ for e in doc.ents]
    ann.lemmas = [t.lemma_.lower() for t in doc if t.pos_ in _CONTENT_POS and not t.is_stop and t.is_alpha]
    ann.verbs = [t.idx for t in doc if t.pos_ in ("VERB", "AUX")]
