"""The source phrase of an attribution: the whole noun phrase that names its speaker.

In: the spaCy ``Doc`` of an article and its ``Attribution`` records, each speaker's mention span
as the speaker finder gives it (often the name alone: "Quentin Kidd").
Out: the same records, each speaker with ``phrase_start``/``phrase_end``: the noun phrase around
its mention (``start``/``end``, which stays as it is), as a reader (and PolNeAR's annotation)
takes the source: titles and
appositions ("Quentin Kidd, a political scientist at the university"; "A lawyer for the
outlets, David Schulz"), coordinated names, modifiers and relative clauses ("Americans worried
about immigration"). The phrase is the parse subtree of the mention's head (after climbing
from an apposition or a later conjunct to the noun it belongs to), kept contiguous around the
mention, stopped before the cue, any content span, a quotation mark, a dash, a colon or a line
break, and trimmed of edge punctuation, conjunctions and relative pronouns. The speaker's name,
actor and resolution are unchanged; pronouns are left as they are.
"""
from __future__ import annotations

from typing import Optional

_CLIMB = ("appos", "conj")
_STOP_TEXT = frozenset({"—", "–", "--", ":", ";", "\"", "“", "”", "‘", "’", "'"})
_DASHES = frozenset({"-"})  # a hyphen is a stop only with a space beside it ("D-Mass." stays whole)
_WH = frozenset({"WDT", "WP", "WP$"})
_EDGE_POS = frozenset({"PUNCT", "CCONJ", "ADP", "SCONJ"})


def widen_sources(doc, text: str, attributions: list) -> list:
    """``attributions`` with every speaker's source phrase set where it is wider than the mention
    (module doc); records without a speaker span are returned as they are."""
    if doc is None:
        return attributions
    out = []
    for a in attributions:
        sp = a.speaker
        span = _source_phrase(doc, a) if sp is not None and sp.start is not None and sp.end is not None else None
        if span is not None and span != (sp.start, sp.end):
            s, e = span
            a = a.model_copy(update={"speaker": sp.model_copy(update={"phrase_start": s, "phrase_end": e})})
        out.append(a)
    return out


def _source_phrase(doc, a) -> Optional[tuple[int, int]]:
    """Character span of the source phrase of ``a``'s speaker mention, or None to keep it."""
    sp = a.speaker
    mention = doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if mention is None or len(mention) == 0:
        return None
    root = mention.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    blocked = [(c.start, c.end) for c in a.content]
    if a.cue_start is not None and a.cue_end is not None:
        blocked.append((a.cue_start, a.cue_end))

    def free(t) -> bool:
        s, e = t.idx, t.idx + len(t.text)
        dash = t.text in _DASHES and (t.whitespace_ or (t.i > 0 and t.doc[t.i - 1].whitespace_))
        return (t.text not in _STOP_TEXT and not dash and "\n" not in t.text
                and not any(min(e, be) > max(s, bs) for bs, be in blocked))

    if not all(free(t) for t in mention):
        return None
    top = _cue_subject(doc, a, root) or root
    while top.dep_ in _CLIMB and top.head.i != top.i and top.head.pos_ in ("NOUN", "PROPN") and free(top.head):
        top = top.head
    inside = _phrase_tokens(top)
    a_i, b_i = mention.start, mention.end - 1
    while a_i - 1 in inside and free(doc[a_i - 1]) and not doc[a_i - 1].is_sent_end:
        a_i -= 1
    while b_i + 1 in inside and free(doc[b_i + 1]) and not doc[b_i].is_sent_end:
        b_i += 1
    if b_i + 2 < len(doc) and doc[b_i + 1].text == "(":
        # "Sen. Jane Roe (D-Ore.)": the party and state in brackets go with the name
        close = next((j for j in range(b_i + 2, min(b_i + 8, len(doc))) if doc[j].text == ")"), None)
        if close is not None and all(free(doc[j]) for j in range(b_i + 1, close + 1)):
            b_i = close
    while a_i < mention.start and (doc[a_i].pos_ in _EDGE_POS or doc[a_i].is_space):
        a_i += 1
    while b_i >= mention.end and doc[b_i].text != ")" and (doc[b_i].pos_ in _EDGE_POS or doc[b_i].is_space or doc[b_i].tag_ in _WH):
        b_i -= 1
    if _unbalanced(doc[a_i:b_i + 1].text):
        return None
    return doc[a_i].idx, doc[b_i].idx + len(doc[b_i].text)


def _cue_subject(doc, a, root):
    """The subject of the cue verb when the mention lies inside it ("a new report by X found":
    the report; "The wife of a man shot by police said": the wife), else None."""
    if a.cue_start is None or a.cue_end is None:
        return None
    cue = doc.char_span(a.cue_start, a.cue_end, alignment_mode="expand")
    for t in cue or ():
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= root.i <= c.right_edge.i and c.pos_ in ("NOUN", "PROPN"):
                return c
    return None


def _phrase_tokens(top) -> set[int]:
    """Token indices of ``top``'s subtree without the clauses that are no part of the name: a
    participle clause set off by a comma (", speaking to reporters,") and any clause under a verb
    other than a relative or participle clause (a misparse that hangs the sentence's own verb on
    the subject)."""
    out = set()
    stack = [top]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            if c.dep_ == "acl" and c.tag_ == "VBG" and c.i > 0 and c.doc[c.left_edge.i - 1].text == ",":
                continue  # "Trump, speaking to a veterans group, said": the occasion, not the source
            if c.pos_ in ("VERB", "AUX") and c.dep_ not in ("relcl", "acl", "amod", "compound", "aux", "auxpass"):
                continue
            stack.append(c)
    return out


def _unbalanced(s: str) -> bool:
    return s.count("(") != s.count(")") or s.count("[") != s.count("]")
