"""Statements named by a noun: "a statement from the ministry that ...", "the agency's
conclusion that ...", "claims by the rebels that ...".

In: the spaCy ``doc``, the article text and its quote spans.
Out: ``_Found`` records (the noun as cue, its issuer as speaker head, the "that" clause as
content) for ``extract_attributions``. Only a noun of ``nominal_report_nouns``
(``data/en/attribution_words.yaml``) with a "that" clause of its own and a named issuer ("from"
/"by" phrase, a possessive that can speak, or the agent of a participle that says who holds it:
"a theory shared by some victims that ...", "the claim made by the union that ...") gives one:
"the claim that X" with no issuer names no speaker and gives nothing (never guessed).
"""
from __future__ import annotations

from .attribution_spans import _Found, _WORDS, _kind
from .attribution_speakers import _can_speak
from .segment import is_furniture, line_sentences

_DISTANCING = set(_WORDS["nominal_distancing_nouns"])
_POSSESSIVE_PRONOUNS = set(_WORDS["possessive_pronouns"])
_ISSUING = set(_WORDS["nominal_issuing_participles"])


def _that_clause(noun):
    """The "that" clause of ``noun``: a complement opened by "that" as a conjunction (the parser
    may call it a relative clause; a true one has "that" as its subject or object), or None."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "appos", "relcl") and c.pos_ in ("VERB", "AUX") and c.i > noun.i and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return c
    return None


def _complement_that(verb) -> bool:
    """True when clause ``verb`` opens with "that" and has a subject of its own besides it, as a
    "that" complement does; a relative clause with "that" as its subject ("the union that
    represents teachers") does not (one with "that" as its object cannot be told apart)."""
    if verb.pos_ not in ("VERB", "AUX") or verb.doc[verb.left_edge.i].lower_ != "that":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in verb.children)


def _held_by(noun):
    """``(issuer, "that" clause)`` for a report noun held by a named agent: "a theory shared by some
    victims that ...", "the claim made by the union that ..." (a participle of
    ``nominal_issuing_participles`` right after the noun, its "by" agent, and the "that" clause
    wherever the parser hung it: on the noun, the participle or the agent); else None."""
    part = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == noun.i + 1
                 and c.lemma_.lower() in _ISSUING), None)
    if part is None:
        return None
    agent = next((c for c in part.children if c.dep_ == "agent"), None)
    pobj = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent is not None else None
    if pobj is None:
        return None
    holders = [noun, part, pobj] + [c for c in pobj.children if c.dep_ == "conj"]
    for h in holders:
        for c in h.children:
            if c.dep_ in ("acl", "ccomp", "relcl", "appos") and c.i > pobj.i and _complement_that(c):
                return pobj, c
    return None


def _issuer(noun):
    """The issuer of a report noun: the object of "from"/"by" right after it, or its possessive."""
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ not in _POSSESSIVE_PRONOUNS:
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i > noun.i:
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _verb_clause_misread(noun) -> bool:
    """True when the noun sits in a phrase of a reporting verb that has no clause of its own
    ("said in response to X's report that Y": Y is what was said, the parser hung it on the noun)."""
    from .attribution_spans import _is_cue_verb

    t = noun
    while t.dep_ in ("pobj", "prep", "pcomp") and t.head.i != t.i:
        t = t.head
    if t is noun or t.pos_ not in ("VERB", "AUX") or not _is_cue_verb(t):
        return False
    return not any(c.dep_ in ("ccomp", "xcomp") for c in t.children)


def find_nominal_reports(doc, text: str, quotes) -> list[_Found]:
    """One ``_Found`` per report noun with an issuer and a "that" clause (see module docstring)."""
    from .attribution_cues import _content_from_clause  # the clause rules of the verb cues

    nouns = set(_WORDS["nominal_report_nouns"])
    out = []
    for sent in line_sentences(doc):
        if is_furniture(sent):
            continue
        for tok in sent:
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in nouns:
                continue
            clause = _that_clause(tok)
            issuer = _issuer(tok) if clause is not None else None
            if issuer is None:
                held = _held_by(tok)  # "a theory shared by some victims that ..."
                if held is not None:
                    issuer, clause = held
            if issuer is None or issuer.pos_ == "PRON" or not _can_speak(issuer):
                continue
            if issuer.i > clause.i or _verb_clause_misread(tok):
                continue
            s, e = _content_from_clause(doc, text, clause, quotes)
            if len(text[s:e].split()) < 3:
                continue
            f = _Found(cue_tok=tok, cue_text=tok.text, cue_start=tok.idx, cue_end=tok.idx + len(tok.text), subj=issuer,
                       cls="distancing" if tok.lemma_.lower() in _DISTANCING else "announcing",
                       sent=(sent.start_char, sent.end_char))
            f.contents.append((s, e))
            f.kind = _kind(text, f.contents, quotes)
            out.append(f)
    return out
