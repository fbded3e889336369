"""Where one sentence's statements are cut into claims (used by ``rashomon.extract.claims``).

In: the spaCy ``doc`` (offsets = cleaned-text offsets), a sentence, the character span of a
statement's claim and its attribution. Out: cut positions or extra claim drafts (dicts with
``start``, ``end``, ``sent_i``, ``att``):

- ``shared_speaker_regions``: statement regions of one sentence that share a speaker standing
  before both ("X accused A of B, saying C") become one region instead of one swallowing the other;
- ``gap_draft``: the words between two statements of a sentence, a claim of their own;
- ``trailing_participle``: a participle clause ending a long statement ("..., calling the move an
  overreaction"), cut off as a claim of the same speaker;
- ``resumed_quotation``: a quotation resumed with a new sentence after the cue ("“A,” X said,
  “Then B.”"), cut into two claims.

Settings: ``claims.gap_claim_words``, ``claims.participle_split_min_words``,
``claims.min_clause_words``.
"""
from __future__ import annotations

import re
from typing import Optional

from ..settings import setting
from .claim_clauses import trim_span
from .segment import doc_text


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    return trim_span(text, s, e, min_rest=20)


def _same_name(a, b) -> bool:
    """True when two statements have the same speaker name (or either has none)."""
    return a.speaker is None or b.speaker is None or a.speaker.name == b.speaker.name


def shared_speaker_regions(regions: list) -> list:
    """The statement regions of one sentence (``(start, end, att, core)``, ``core`` where the
    statement's own words and cue begin), where a region widened back to its speaker reaches over
    another statement's core: in "X accused A of B, saying C" (or "X denied A and said B") the
    second statement's speaker X stands before the first statement, and widening "saying C" back
    to X swallowed "accused A of B" and left one of the two in no claim. Statements of one speaker
    become one region (the whole sentence, with the first statement's attribution; clause claims
    give the parts); a speaker of another name is not widened to."""
    out = list(regions)
    changed = True
    while changed:
        changed = False
        for i, (s, e, att, core) in enumerate(out):
            j = next((j for j, (_os, _oe, o, oc) in enumerate(out) if j != i and s <= oc < core), None)
            if j is None or s >= core:
                continue
            os_, oe, o, oc = out[j]
            if _same_name(att, o):
                merged = (min(s, os_), max(e, oe), o, min(core, oc))
                out = [r for k, r in enumerate(out) if k not in (i, j)] + [merged]
            else:
                out[i] = (core, e, att, core)
            changed = True
            break
    return out


def trailing_participle(doc, sent, s: int, e: int, att, quotes) -> Optional[int]:
    """Where a participle clause that ends a long statement ``text[s:e]`` of a sentence begins
    ("China protested on Sunday against the move to shoot down ..., calling the move an
    overreaction and vowing to respond"), or None. Only after the cue, after a comma, outside
    quotation marks, in a statement of at least ``claims.participle_split_min_words`` words, and
    when both parts have ``claims.min_clause_words`` words."""
    min_sent = setting("claims.participle_split_min_words")
    if not min_sent or _words(doc_text(doc)[s:e]) < min_sent:
        return None
    text = doc_text(doc)
    floor = max(s, att.cue_end if att.cue_end is not None else s)
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return None
    last = max((t.i for t in span if not t.is_punct and not t.is_space), default=span.end - 1)
    min_part = setting("claims.min_clause_words")
    for t in span:
        if t.tag_ != "VBG" or t.pos_ != "VERB" or t.dep_ not in ("advcl", "conj") or t.idx < floor:
            continue
        left = t.left_edge
        if left.i < t.i - 1 or left.i <= sent.start or doc[left.i - 1].text != "," or t.right_edge.i < last:
            continue
        cut = left.idx
        if any(qs < cut < qe for qs, qe in quotes) or cut >= e:
            continue
        if _words(text[cut:e]) >= min_part and _words(text[s:cut]) >= min_part:
            return cut
    return None


def resumed_quotation(text: str, s: int, e: int, att) -> Optional[int]:
    """Where a quotation resumes with a new sentence after the speaker and cue ("“A,” X said,
    “Then B.”"), in a statement ``text[s:e]`` of at least ``claims.participle_split_min_words``
    words, or None: the part of the quotation after the cue opens with a quotation mark and a
    capital letter after a comma."""
    min_sent = setting("claims.participle_split_min_words")
    if not min_sent or att.kind not in ("direct", "mixed") or att.cue_end is None or _words(text[s:e]) < min_sent:
        return None
    min_part = setting("claims.min_clause_words")
    for c in sorted(att.content, key=lambda c: c.start):
        if not (att.cue_end <= c.start and s < c.start < e) or c.end - c.start < 2:
            continue
        opened = text[c.start] in "\"“‘'" and text[c.start + 1:c.start + 2].isupper()
        if (opened and text[:c.start].rstrip().endswith(",") and _words(text[c.start:e]) >= min_part
                and _words(text[s:c.start]) >= min_part):
            return c.start
    return None


def gap_draft(doc, text: str, s: int, e: int, si: int, att) -> Optional[dict]:
    """A draft for the words between two statements of one sentence (``text[s:e]``, at least
    ``claims.gap_claim_words`` words: "A, X said, citing Y as saying that Z (...), B"), which
    would otherwise be in no claim; None when the stretch is no clause (its head word is no
    verb). Its attribution is the earlier statement's (``att``) when the
    stretch hangs from that statement in the parse (a participle clause of its content), else
    none (narration)."""
    s, e = _trim(text, s, e)
    span = doc.char_span(s, e, alignment_mode="contract")
    if span is None or _words(text[s:e]) < 4:
        return None
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return None  # a noun phrase ("an associate researcher at the institute") says nothing
    head = root.head
    inside = any(c.start <= head.idx < c.end for c in att.content) or (
        att.cue_start is not None and att.cue_start <= head.idx < (att.cue_end or att.cue_start + 1))
    return dict(start=s, end=e, sent_i=si, att=att if inside and head.i != root.i else None)
