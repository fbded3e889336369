"""Text spans of reported statements, shared by the cue finders and the attribution stage.

In: the article text, its spaCy ``doc`` and the quote spans of ``extract.quotes``. Out: trimmed
``(start, end)`` offsets, the quote around a position, paragraph parts of long quotes, the kind of a
statement (direct / indirect / mixed), hedges and distancing words around a cue, and the
``_Found`` record that a finder returns (speaker head, cue, content spans).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional

from .lexicon import cues
from .quotes import find_quotes
from .segment import datelines, doc_text, line_sentences
from ..data import load_yaml

_WORDS = load_yaml("attribution_words.yaml", "en")  # word lists and patterns of this module (data/en/attribution_words.yaml)
_QUOTE_CHARS = "\"“”«»„"
_STRIP = " \t\n,;:—–-"


@dataclass
class _Found:
    cue_tok: object  # spaCy Token or None
    cue_text: str
    cue_start: int
    cue_end: int
    subj: object  # spaCy Token (speaker head) or None
    contents: list = field(default_factory=list)  # [(start, end)]
    kind: str = "indirect"
    outer: list = field(default_factory=list)  # [_Found] reporters of this statement, inner to outer
    cls: str = "neutral"
    dropped: bool = False
    sent: tuple = (0, 0)


def _span_of(tokens) -> tuple[int, int]:
    toks = sorted(tokens, key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _trim(text: str, start: int, end: int, keep_quotes: bool = True) -> tuple[int, int]:
    """Shrink ``[start, end)`` past spaces and joining punctuation at both ends; drop a closing
    quotation mark or opening mark whose partner is outside the span."""
    while start < end and text[start] in _STRIP + ".":
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    seg = text[start:end]
    opens = seg.count("“") + seg.count("«")
    closes = seg.count("”") + seg.count("»")
    straight = seg.count('"')
    if seg.startswith(("”", "»")) or (seg.startswith('"') and straight % 2 == 1 and not keep_quotes):
        start += 1
    elif seg.endswith(("“", "«")):
        end -= 1
    del opens, closes
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def _doc_spans(doc, key: str, make) -> list:
    """A per-doc cached list of character spans (datelines, idioms), sorted by start."""
    k = "rashomon.att." + key
    got = doc.user_data.get(k)
    if got is None:
        got = sorted(make(doc_text(doc)))
        doc.user_data[k] = got
    return got


def _in_spans(spans, pos: int) -> bool:
    k = bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _idiom_spans(text: str) -> list:
    low = text.lower()
    out = []
    for idiom in cues()["idioms"]:
        for m in re.finditer(r"(?<![\w’'])" + re.escape(idiom) + r"(?![\w’'])", low):
            out.append((m.start(), m.end()))
    return out


def _in_dateline(tok) -> bool:
    """True for a token of a dateline ("WASHINGTON -- ") at a paragraph start."""
    return _in_spans(_doc_spans(tok.doc, "datelines", datelines), tok.idx)


_FIGURE_CUE = {"class": "announcing", "object": True, "figure": True}


def _is_cue_verb(tok) -> Optional[dict]:
    """The cue entry (``data/en/cues.yaml``) of a reporting verb, or the figure cue for "put the
    toll at N" (``_gives_figure``); None for any other token."""
    if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and False):
        return None
    return cues()["verbs"].get(tok.lemma_.lower()) or (_FIGURE_CUE if _gives_figure(tok) else None)


def _gives_figure(tok) -> bool:
    """True for "put/placed the (death) toll at N": a figure verb whose object is a figure noun,
    with an "at" phrase on the verb or the object (``figure_verbs``/``figure_nouns``)."""
    if tok.lemma_.lower() not in _WORDS["figure_verbs"]:
        return False
    for o in tok.children:
        if o.dep_ == "dobj" and o.lemma_.lower() in _WORDS["figure_nouns"]:
            return any(p.dep_ == "prep" and p.lower_ == "at" for p in [*tok.children, *o.children])
    return False


def _quote_at(quotes, start, end):
    """Quotations overlapping ``[start, end)``; ``quotes`` sorted and non-overlapping (as
    ``find_quotes`` gives them), so ends are sorted too and a bisect finds the first one."""
    if _ENDS and _ENDS[0] is quotes and len(_ENDS[1]) == len(quotes):
        ends = _ENDS[1]
    else:
        ends = [q[1] for q in quotes]
        _ENDS[:] = [quotes, ends]
    k = bisect_right(ends, start)
    out = []
    while k < len(quotes) and quotes[k][0] < end:
        out.append(quotes[k])
        k += 1
    return out


_ENDS: list = []  # [quotes list, its ends] of the last list seen


def _paragraph_part(text: str, qs: int, qe: int, cue: int) -> tuple[int, int]:
    """A quotation over several paragraphs (each reopened with a mark) belongs whole to a cue in
    its first paragraph; a cue in a later paragraph ("“...,” he added.") takes only the part of
    the quotation in its own paragraph."""
    first_break = text.find("\n", qs, qe)
    if first_break < 0 or cue < first_break:
        return qs, qe
    ps = text.rfind("\n", qs, cue) + 1
    pe = text.find("\n", cue, qe)
    return max(qs, ps), (qe if pe < 0 else pe)


def _split_paragraph_quotes(text: str, found: list, quotes) -> None:
    """A content over several paragraphs ends before a later paragraph whose words another
    statement claims ("“A.\n\n“B,” he added." gives A to the first cue, B to "added")."""
    starts = sorted((s, id(f)) for f in found for s, _ in f.contents)
    keys = [x[0] for x in starts]
    for f in found:
        new = []
        for s, e in f.contents:
            brk = text.find("\n", s, e)
            if brk >= 0:
                k = bisect_right(keys, brk)
                while k < len(starts) and starts[k][0] < e:
                    if starts[k][1] != id(f):
                        cut = text.rfind("\n", s, starts[k][0])
                        if cut > s:
                            e = _trim(text, s, cut)[1]
                        break
                    k += 1
            new.append((s, e))
        if new != f.contents and f.kind in ("direct", "indirect", "mixed"):
            f.contents = new
            f.kind = _kind(text, new, quotes)
        f.contents = new


def _kind(text, contents, quotes) -> str:
    direct = mixed = 0
    for s, e in contents:
        # quotations inside the content, or the part of a multi-paragraph one the content holds
        qs_in = [q for q in _quote_at(quotes, s - 1, e + 1) if (q[0] >= s - 1 and q[1] <= e + 1)
                 or (text[s] in _QUOTE_CHARS and "\n" in text[q[0]:q[1]] and q[0] <= s)]
        if not qs_in:
            continue
        covered = sum(min(q[1], e) - max(q[0], s) for q in qs_in)
        if covered >= 0.85 * (e - s):
            direct += 1
        else:
            mixed += 1
    if mixed or (direct and direct < len(contents)):
        return "mixed"
    return "direct" if direct else "indirect"


def _line_sentence_of(doc, tok):
    for s in line_sentences(doc):
        if s.start <= tok.i < s.end:
            return s
    return tok.sent


def _quote_spans(doc):
    got = doc.user_data.get("rashomon.att.quotes")
    if got is None:
        got = find_quotes(doc_text(doc))
        doc.user_data["rashomon.att.quotes"] = got
    return got


def _clean(s: str) -> str:
    words = s.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words).strip(" ,.;:")


def _hedges_and_distancing(doc, text, spans, cls, cue_text):
    lex = cues()
    hedges, dist = [], []
    if cls == "hedging":
        hedges.append(cue_text)
    if cls == "distancing":
        dist.append(cue_text)
    for s, e in spans:
        seg = text[s:e]
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            w = t.lower_
            if w in lex["hedges"] and (t.pos_ in ("ADV", "VERB", "AUX") or w in ("reportedly", "apparently")):
                if w not in hedges:
                    hedges.append(w)
        low = seg.lower()
        for d in ("so-called", "alleged", "purported", "supposed"):
            if d in low and d not in dist:
                dist.append(d)
    return hedges, dist
