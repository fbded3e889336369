"""What was claimed, not the reporting frame: the statements of a long attributed claim.

In: the spaCy ``doc`` (offsets = cleaned-text offsets), the article text, the claim drafts of one
article (dicts with ``start``, ``end``, ``sent_i``, ``att``), the article's attributions and its
quotation spans (``rashomon.extract.quotes.find_quotes``).
Out: extra drafts, one per statement a long attributed draft holds, each spanning that
statement's content (what was said), carrying its attribution (speaker and cue stay on the
attribution record) and nested in the draft (``parent``: the draft's span, which stays a claim,
with its frame):

- "“A,” the ministry said in a statement posted on its channel on Friday" -> "“A,”";
- "X said in a televised address on Saturday that A, and that B" -> "that A, and that B";
- "X renewed an allegation, so far unsupported, that A, and said B" -> "that A" and "B" (two
  statements of one sentence, two claims);
- "On Monday X announced a march 'to restore justice' after alleging that A" -> "On Monday X
  announced a march 'to restore justice'" and "that A": a statement whose content is no clause
  keeps its speaker and cue (and the words before it, when it comes first).

Only a draft of at least ``claims.content_span_min_words`` words is opened, and only to contents
that state something of their own: a clause (a verb with its subject, not an indirect question
such as "whether the boom was caused by a meteorite", or a quotation of at least
``claims.min_clause_words`` words) reported by a speech cue (not a stance cue such as "praised",
whose object is no statement: "X praised the crew that landed the plane" stays whole); at least
one statement of the draft must have such a content. A content cut inside a quotation grows to
the whole quotation. Nothing is cut from a draft whose words outside the contents hold a clause
of their own (a finite verb or a verb with its subject that is neither a cue nor part of a
speaker's phrase nor a relative clause describing someone: "As the waters rose, X said A").

Why nested and not instead of the draft (measured 2026-12-08 on the public dev clusters,
eval_clusters.py): replacing the sentence by its contents lost the claims whose wording names
the source ("As many as 2,000 were feared dead, according to the prime minister of ...") and
contradiction recall 0.68 -> 0.64; nested, core-claim recall 0.95 -> 0.97 with contradiction
recall unchanged. Indirect questions were let in at first and gave FNC-1 stories dev a
contradiction between agreeing articles through a "whether ..." content (false rate 0.105 ->
0.211); without them the benchmark is as before.
"""
from __future__ import annotations

import re
from ..data import load_yaml
from ..settings import setting
from .claim_clauses import trim_span
from .lexicon import cues

_FINITE = ("VBD", "VBZ", "VBP", "MD")
_WORDS = load_yaml("claim_words.yaml", "en")  # question_openers


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _stance(doc, att) -> bool:
    """True for a stance cue (class "evaluative" in ``data/en/cues.yaml``: praised, thanked)."""
    if att.kind == "according_to" or att.cue_start is None:
        return False
    sp = doc.char_span(att.cue_start, att.cue_end or att.cue_start + 1, alignment_mode="expand")
    if sp is None:
        return False
    return cues()["verbs"].get(sp.root.lemma_.lower(), {}).get("class") == "evaluative"


def _has_subject(tok, s: int, e: int) -> bool:
    """True when ``tok`` has a subject (or expletive) child inside ``[s, e)``."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and s <= c.idx < e for c in tok.children)


def _clausal(doc, text: str, s: int, e: int, att) -> bool:
    """True when ``text[s:e]`` (a content of ``att``) states something of its own: a quotation
    (direct or mixed report) of ``claims.min_clause_words`` words; a clause whose head verb has
    its subject inside the content ("that the dam had been inspected"; not "had high confidence
    that ..." cut from its subject) and that is no indirect question ("whether the boom was
    caused by ...", ``question_openers`` in ``data/en/claim_words.yaml``); or a noun with such a
    clause ("information that divers had planted explosives")."""
    if _words(text[s:e]) < setting("claims.min_clause_words"):
        return False
    if att.kind in ("direct", "mixed") and text[s] in "\"“‘'":
        return True
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return False
    first = next((t for t in span if not t.is_punct), span[0])
    if first.tag_.startswith("W") or first.lower_ in _WORDS["question_openers"]:
        return False  # an indirect question ("whether the boom was caused by ...") states nothing
    root = span.root
    if root.pos_ in ("VERB", "AUX"):
        return _has_subject(root, s, e)
    return root.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and _has_subject(c, s, e) for c in root.children)


def _whole_quotes(s: int, e: int, quotes, lo: int, hi: int, text: str) -> tuple[int, int]:
    """``(s, e)`` grown to the quotations it cuts into and to the closing bracket of a bracket it
    opens (within ``[lo, hi)``)."""
    for qs, qe in quotes:
        if qs < s < qe and qs >= lo:
            s = qs
        if qs < e < qe and qe <= hi:
            e = qe
    if text.count("(", s, e) > text.count(")", s, e):
        close = text.find(")", e, hi)
        if close >= 0:
            e = close + 1
    return s, e


def _inside(att, s: int, e: int) -> list[tuple[int, int]]:
    """The parts of ``att``'s content inside ``[s, e)``, in order."""
    return sorted((max(c.start, s), min(c.end, e)) for c in att.content if max(c.start, s) < min(c.end, e))


def _statements(doc, text: str, d: dict, atts, quotes) -> list[tuple[int, int, object]]:
    """The statements of draft ``d`` with a clausal content: ``(start, end, attribution)``
    sorted by start; empty when the draft must stay whole (see the module docstring)."""
    s, e = d["start"], d["end"]
    mine = [b for b in atts if b.content and ((b.cue_start is not None and s <= b.cue_start < e)
                                               or (b is d["att"]))]
    # a statement inside another one's words ("... what he called a 'march of justice'") is part
    # of that content, not a statement of the draft
    mine = [b for b in mine if not any(o is not b and any(c.start <= (b.cue_start if b.cue_start is not None else b.content[0].start) < c.end
                                                         for c in o.content) for o in mine)]
    out, framed = [], []
    for b in mine:
        if _stance(doc, b):
            return []
        parts = _inside(b, s, e)
        if not parts:
            continue
        cs, ce = _whole_quotes(parts[0][0], parts[-1][1], quotes, s, e, text)
        cs, ce = trim_span(text, cs, ce, min_rest=20)
        if ce <= cs:
            return []
        if _clausal(doc, text, cs, ce, b):
            out.append((cs, ce, b))
            continue
        # no statement of its own ("announced a march 'to restore justice'"): it keeps its frame,
        # from its speaker or cue on
        own = [x for x in (cs, b.cue_start, b.speaker.start if b.speaker is not None else None)
               if x is not None and s <= x < e]
        framed.append((min(own), ce, b))
    if not out:
        return []
    for fs, fe, b in framed:
        if not any(cs < fs for cs, _ce, _b in out):
            fs = s  # the first claim of the draft starts with it ("On June 23, X announced ...")
        out.append((fs, fe, b))
    out.sort(key=lambda x: x[0])
    for (a0, a1, _), (b0, _b1, _) in zip(out, out[1:]):
        if b0 < a1:
            return []  # overlapping contents: the parse does not separate them
    return out


def _frame_has_clause(doc, d: dict, stmts, atts) -> bool:
    """True when the words of draft ``d`` outside its statements' contents hold a finite verb or
    a verb with its own subject ("The army has not commented, but a spokesman said A") that is no
    statement's cue, not in a speaker's phrase and no relative clause ("officials who
    reviewed the files", a description of someone): a narrated clause of its own."""
    keep = [(cs, ce) for cs, ce, _ in stmts]
    for b in atts:
        for a0, a1 in ((b.cue_phrase_start if b.cue_phrase_start is not None else b.cue_start,
                        b.cue_phrase_end if b.cue_phrase_end is not None else b.cue_end),
                       ((b.speaker.phrase_start if b.speaker.phrase_start is not None else b.speaker.start,
                         b.speaker.phrase_end if b.speaker.phrase_end is not None else b.speaker.end)
                        if b.speaker is not None else (None, None))):
            if a0 is not None and a1 is not None:
                keep.append((a0, a1))
    span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
    if span is None:
        return True
    for t in span:
        if (t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass", "relcl")
                and (t.tag_ in _FINITE or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children))):
            if not any(a <= t.idx < b for a, b in keep):
                return True
    return False


def content_drafts(doc, text: str, drafts: list, atts, quotes) -> list:
    """Nested drafts (with ``parent``, the span of the draft they are cut from) for the statements
    of each long attributed draft (see the module docstring); ``claims.content_span_min_words``
    0: none."""
    min_words = setting("claims.content_span_min_words")
    if not min_words:
        return []
    have = {(d["start"], d["end"]) for d in drafts}
    out = []
    for d in drafts:
        if d["att"] is None or d.get("parent") is not None or _words(text[d["start"]:d["end"]]) < min_words:
            continue
        stmts = _statements(doc, text, d, atts, quotes)
        if not stmts or _frame_has_clause(doc, d, stmts, atts):
            continue
        for cs, ce, b in stmts:
            if (cs, ce) not in have:
                have.add((cs, ce))
                out.append(dict(d, start=cs, end=ce, att=b, parent=(d["start"], d["end"])))
    return out
