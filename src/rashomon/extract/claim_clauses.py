"""Finer claims inside a long claim: the clauses a long news sentence packs together.

In: the spaCy ``doc``, the article text, the claim drafts of one article (dicts with ``start``,
``end``, ``sent_i``, ``att``) and the article's quotation spans.
Out: extra drafts (same shape) for the parts of a long draft that state something of their own,
each nested in its draft and carrying the draft's attribution (or none for narration):

- a participle clause after a comma or opened by a time preposition ("..., vowing to topple the
  leadership", "..., killing about 1,000 of its men", "since calling his forces to revolt",
  "after examining over 1,500 cases", "with some sources predicting up to 20,000 deaths"), and a
  "with" clause with a subject of its own ("with the city cut off after the dams burst");
- complement clauses: each of several coordinated "that" clauses, and a "that" clause nested in
  another clause ("claimed that investigators had found that the boat belonged to ...");
- one verb phrase of several that share a subject ("... seized a headquarters in the south and
  rolled unopposed toward the capital", "congratulated the party on its win and is expected to
  visit"): each conjunct, and the first verb without the later ones;
- a quotation inside an attributed draft ("“This is utterly false,” the spokesperson told
  reporters in reply to a request ...").

Only drafts of at least ``claims.clause_parent_min_words`` words are opened; a part needs
``claims.min_clause_words`` words and must leave at least as many outside it. Words:
``clause_preps`` in ``data/en/claim_words.yaml``.
"""
from __future__ import annotations

import re

from ..data import load_yaml
from ..settings import setting
from .lexicon import cues

_WORDS = load_yaml("claim_words.yaml", "en")
_STRIP = " \t\n,;:—–-"


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _span(toks) -> tuple[int, int]:
    toks = sorted(toks, key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def trim_span(text: str, s: int, e: int, min_rest: int = 0) -> tuple[int, int]:
    """``(s, e)`` without surrounding spaces and clause punctuation, and without a lone leading
    conjunction ("and ...", "but ...") when more than ``min_rest`` characters follow it."""
    while s < e and text[s] in _STRIP:
        s += 1
    while e > s and text[e - 1] in _STRIP:
        e -= 1
    m = re.match(_WORDS["leading_conjunction"], text[s:e], re.I)
    if m and e - s - m.end() > min_rest:
        s += m.end()
    return s, e


def _participle_clauses(span) -> list[tuple[int, int]]:
    """Participle clauses in ``span`` (a spaCy Span), see the module docstring."""
    doc = span.doc
    out = []
    preps = set(_WORDS["clause_preps"])
    for t in span:
        if (t.dep_ == "pcomp" and t.pos_ in ("VERB", "AUX") and t.head.dep_ == "prep" and t.head.lower_ == "with"
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i for c in t.children)):
            out.append(_span(t.head.subtree))  # "with some sources predicting ...", "with the city cut off"
            continue
        if t.tag_ != "VBG" or t.pos_ not in ("VERB", "AUX"):
            continue
        left = t.left_edge
        if t.dep_ in ("advcl", "conj", "acl") and left.i > span.start and doc[left.i - 1].text == "," and left.i >= t.i - 1:
            out.append(_span(t.subtree))
        elif t.dep_ == "pcomp" and t.head.dep_ == "prep" and t.head.lower_ in preps and t.head.i == t.i - 1:
            out.append(_span(t.head.subtree))
        elif (t.dep_ == "acl" and t.head.dep_ == "pobj" and t.head.head.lower_ == "with"
              and t.head.head.dep_ == "prep"):
            out.append(_span(t.head.head.subtree))  # "with some sources predicting ..."
    return out


def _without_participles(verb) -> list:
    """The verb's phrase up to a participle clause after a comma ("seized the base, vowing to
    ..." -> "seized the base"): that clause is a part of its own."""
    doc = verb.doc
    cut = min((c.left_edge.i for c in verb.children if c.tag_ == "VBG" and c.dep_ in ("advcl", "conj")
               and c.i > verb.i and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","), default=None)
    return [x for x in verb.subtree if cut is None or x.i < cut - 1]


def _verbal(tok) -> bool:
    """A verb, or a verb the tagger took for a bare noun ("seize a city and roll unopposed"):
    no determiner, and a complement only a verb takes."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return (tok.pos_ == "NOUN" and tok.head.pos_ == "VERB" and not any(x.dep_ in ("det", "poss", "amod") for x in tok.children)
            and any(x.dep_ in ("acomp", "dobj", "advmod") for x in tok.children))


def _verb_phrases(span) -> list[tuple[int, int]]:
    """Conjoined verb phrases sharing one subject in ``span``: each later conjunct, the first
    verb's phrase without them (no subject, no conjunction), and after a subject of
    ``claims.min_clause_words`` words or more the whole predicate (all the verb phrases)."""
    out = []
    for t in span:
        if t.pos_ not in ("VERB", "AUX"):
            continue
        conjs = [c for c in t.children if c.dep_ == "conj" and _verbal(c)
                 and not any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children)]
        if not conjs:
            continue
        for c in conjs:
            out.append(_span(_without_participles(c)))
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i]
        if subj and len([x for x in subj[0].subtree if x.is_alpha]) >= setting("claims.min_clause_words"):
            # a long subject: the whole predicate, all its verb phrases ("All the messages ...
            # about the strike do not correspond to reality and are a provocation")
            first = min([x.i for x in t.children if x.dep_ in ("aux", "auxpass", "neg") and x.i < t.i] + [t.i])
            last = max(c.right_edge.i for c in conjs)
            if first > subj[0].right_edge.i:
                out.append(_span(span.doc[first:last + 1]))
        drop = {x.i for c in conjs for x in c.subtree}
        drop |= {x.i for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "cc", "punct") or
                 (c.dep_ == "advcl" and c.i < t.i) for x in c.subtree}
        own = [x for x in t.subtree if x.i not in drop and x.i >= t.i - 2]
        if own:
            # the contiguous run from the verb (with its auxiliaries) up to the first conjunct
            first = min(c.left_edge.i for c in conjs)
            run = [x for x in own if x.i < first]
            if run:
                out.append(_span(run))
    return out


def _clausal(tok) -> bool:
    """A finite clause of its own: a verb with a subject or a complementizer ("that ...")."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in tok.children)


def _complements(span) -> list[tuple[int, int]]:
    """Complement clauses in ``span`` that are a statement of their own: each of several
    coordinated complements of one verb ("said that A was treason, and that B would be
    punished"), and a complement nested inside another clause ("claimed that investigators had
    found that the yacht belonged to ..."). The complement of the sentence's main verb alone is
    not a part: it is the sentence's content. A complement is a "that" clause or the clause of a
    reporting verb (``data/en/cues.yaml``), never an indirect question ("asked what went wrong")."""
    out = []
    verbs = cues()["verbs"]
    for t in span:
        if t.dep_ != "ccomp" or not _clausal(t) or t.left_edge.tag_.startswith("W"):
            continue  # an indirect question ("what went wrong") states nothing
        if not (any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children) or t.head.lemma_.lower() in verbs):
            continue  # "make sure it can never happen again": no statement
        conjs = [c for c in t.children if c.dep_ == "conj" and c.i > t.i and _clausal(c)]
        if t.head.dep_ != "ROOT" or t.head.head.i != t.head.i:
            out.append(_span(t.subtree))
        if conjs:
            drop = {x.i for c in conjs for x in c.subtree}
            first = min(c.left_edge.i for c in conjs)
            run = [x for x in t.subtree if x.i not in drop and x.i < first]
            while run and run[-1].dep_ in ("cc", "punct") and run[-1].head.i == t.i:
                run.pop()  # "that A was treason, and": the coordinator goes with the next part
            if run:
                out.append(_span(run))
            out.extend(_span(c.subtree) for c in conjs)
    return out


def _quotations(text: str, s: int, e: int, att, quotes) -> list[tuple[int, int]]:
    """Quotations inside an attributed draft's content."""
    if att is None or att.kind not in ("direct", "mixed"):
        return []
    out = []
    for qs, qe in quotes:
        if s <= qs and qe <= e and any(c.start <= qs + 1 and qe - 1 <= c.end for c in att.content):
            out.append((qs, qe))
    return out


def _crosses(att, s: int, e: int) -> bool:
    """True when ``[s, e)`` cuts across what was said: part of a content span and part outside it
    (a parse that hung the speaker's words on the statement), unless it holds the whole content
    and the cue ("after alleging that X")."""
    if att is None:
        return False
    for c in att.content:
        inside = max(s, c.start) < min(e, c.end)
        if inside and not (c.start <= s and e <= c.end) and not (s <= c.start and c.end <= e):
            return True
    return False


def _speaker_of(doc, att, s: int, e: int, atts=()):
    """The draft's attribution for a part inside what was said, or a part that is itself a
    reporting act ("..., vowing to topple ...", "..., calling the move an overreaction"); None
    for narration around the statement ("after examining 1,500 cases, analysts said ...").
    Another attribution of the article (``atts``) whose content holds the part more closely
    than the draft's wins ("X rejected a report by Y claiming that Z": "that Z" is Y's); so does
    one whose cue and content all lie in the part ("after alleging that Z")."""
    inner = [(sum(c.end - c.start for c in b.content), b) for b in ([att] if att is not None else []) + list(atts)
             if b is not None and any(c.start <= s and e <= c.end for c in b.content)]
    if inner:
        return min(inner, key=lambda x: x[0])[1]
    for b in atts:
        if (b.cue_start is not None and s <= b.cue_start < e and b.content
                and all(s <= c.start and c.end <= e for c in b.content)):
            return b
    if att is None:
        return None
    if att.cue_start is not None and s <= att.cue_start < e and not any(s < c.start < e or s < c.end < e for c in att.content):
        return att  # "after alleging that X": the reporting act with all of what it reports
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is not None and cues()["verbs"].get(span.root.lemma_.lower()) is not None and span.root.pos_ == "VERB":
        return att
    return None


def clause_drafts(doc, text: str, drafts: list, quotes: list, atts=()) -> list:
    """Nested drafts for the clauses of long drafts (see the module docstring); ``atts``: the
    article's attributions, which may name a part's speaker more closely than its draft's."""
    min_parent = setting("claims.clause_parent_min_words")
    if not min_parent:  # 0: clause claims off
        return []
    min_words = setting("claims.min_clause_words")
    have = {(d["start"], d["end"]) for d in drafts}
    out = []
    for d in drafts:
        s, e = d["start"], d["end"]
        n = _words(text[s:e])
        if n < min_parent:
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        parts = (_participle_clauses(span) + _verb_phrases(span) + _complements(span)
                 + _quotations(text, s, e, d["att"], quotes))
        for ps, pe in parts:
            ps, pe = trim_span(text, max(ps, s), min(pe, e))
            k = _words(text[ps:pe])
            if k < min_words or n - k < min_words or (ps, pe) in have or _crosses(d["att"], ps, pe):
                continue
            have.add((ps, pe))
            out.append(dict(start=ps, end=pe, sent_i=d["sent_i"], att=_speaker_of(doc, d["att"], ps, pe, atts), parent=(s, e)))
    return out
