"""Quotations that go on after their attribution: ``“A,” she said. “B.”``.

News prose attributes a long quotation once, at its first part, and lets the quotation go on in
the next sentence (or the next paragraph) with no cue of its own: ``“We will rebuild,” the mayor
said on Monday. “The money is there. We only need the permits.”``. The second quotation is the
same speaker's words; a reporting verb inside it (“We only need to find out”) is part of what is
quoted, not a new statement.

In: the article text, its quote spans (``extract.quotes``) and the attributions found so far.
Out: ``continue_quotes`` adds each continued quotation to the previous statement as a further
content span (one statement, as "“A,” she said, “B.”" is one), and returns the statements so grown
and the ids of found attributions whose cue lies inside a continued quotation (to drop).

A quotation continues the statement before it when all of these hold: no statement's content
covers it; it opens a sentence; it holds a sentence of its own (at least ``_MIN_WORDS`` words,
ending in sentence punctuation, not a comma, or running to the end of its paragraph); the statement before it
quotes its speaker (direct or mixed) and has a speaker; and nothing but the rest of that
statement's sentence stands between the two (no other sentence, at most one paragraph break).
"""
from __future__ import annotations

import re

from ..models import Attribution, Span

_MIN_WORDS = 4  # a quotation of fewer words is a phrase (scare quotes), not a sentence
_QUOTE_MARKS = "\"“”«»„"
_SENTENCE_END = re.compile(r"[.!?…][\"“”»’']?\s+\S")  # a sentence that ends and another that starts


def _covered(q: tuple[int, int], atts: list[Attribution]) -> bool:
    """True when some statement whose cue is outside quotation ``q`` holds most of it in its content."""
    qs, qe = q
    for a in atts:
        if a.cue_start is not None and qs < a.cue_start < qe:
            continue  # a cue inside the quotation is part of what is quoted
        for c in a.content:
            if min(c.end, qe) - max(c.start, qs) >= 0.5 * (qe - qs):
                return True
    return False


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?…\n\"”»"


def _is_sentence(text: str, q: tuple[int, int]) -> bool:
    """A quotation that holds a sentence: enough words, and it ends in sentence punctuation (or
    runs, unclosed, to the end of its paragraph)."""
    inner = text[q[0]:q[1]].strip(_QUOTE_MARKS + " \t")
    if len(inner.split()) < _MIN_WORDS:
        return False
    if text[q[1] - 1] not in _QUOTE_MARKS:
        return True  # unclosed: it ran to the end of its paragraph
    return inner[-1:] in (".", "!", "?", "…")  # "“...,” X said": a comma asks for a cue of its own


def _statement_end(a: Attribution) -> int:
    ends = [c.end for c in a.content]
    if a.cue_end is not None:
        ends.append(a.cue_end)
    if a.speaker is not None and a.speaker.end is not None:
        ends.append(a.speaker.end)
    return max(ends)


def _quotes_speaker(a: Attribution, quotes: list[tuple[int, int]]) -> bool:
    """True when the statement's content holds a quotation (direct or mixed speech)."""
    if a.kind in ("direct", "mixed"):
        return True
    return any(c.start <= qs and qe <= c.end for c in a.content for qs, qe in quotes)


def _only_rest_of_sentence(gap: str) -> bool:
    """True when ``gap`` (text between a statement and the quotation) is at most the end of the
    statement's own sentence: no second sentence, at most one paragraph break."""
    if re.search(r"\n\s*\S", gap.rstrip()):
        return False
    return not _SENTENCE_END.search(gap.rstrip())


def continue_quotes(text: str, quotes: list[tuple[int, int]], atts: list[Attribution],
                    article: str) -> tuple[list[Attribution], set[str]]:
    """Add each quotation that continues the statement before it to that statement's content (in
    place); return the statements so grown and the ids of statements whose cue lies inside such a
    quotation (see module docstring)."""
    grown: list[Attribution] = []
    drop: set[str] = set()
    for q in quotes:
        if _covered(q, atts) or not _opens_sentence(text, q[0]) or not _is_sentence(text, q):
            continue
        before = [a for a in atts if a.id not in drop and a.content and _statement_end(a) <= q[0]]
        if not before:
            continue
        prev = max(before, key=_statement_end)
        if prev.speaker is None or not _quotes_speaker(prev, quotes):
            continue
        if not _only_rest_of_sentence(text[_statement_end(prev):q[0]]):
            continue
        inside = [a for a in atts if a.cue_start is not None and q[0] < a.cue_start < q[1]]
        for a in inside:
            if all(q[0] <= c.start and c.end <= q[1] for c in a.content):
                drop.add(a.id)
        # one statement in several quotations, as "“A,” she said, “B.”": a further content span
        prev.content.append(Span(article=article, start=q[0], end=q[1], text=text[q[0]:q[1]]))
        if prev.kind in ("indirect", "according_to"):
            prev.kind = "mixed"
        grown.append(prev)
    return grown, drop
