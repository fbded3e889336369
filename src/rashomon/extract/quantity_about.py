"""What a quantity counts or measures: the counted noun, the ``about`` phrase and its keys, shares
and parts of a total.

In: spaCy tokens around a candidate (its head, its noun) and the candidate itself. Out: the counted
noun token, ``(about text, about_keys)`` pairs (``_about``, ``_share_about``, ``_holder_share``),
the share test (``_not_a_share``) and the total of "N of the M nouns" (``_part_of_total``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..data import load_yaml
from .numbers import DENOMINATORS, find_numbers
from .quantity_candidates import Cand, _PRONOUNS, _WORDS


# --------------------------------------------------------------------------- parse helpers


def _np_text(tok, max_tokens: int = 9) -> str:
    """A short noun phrase around ``tok``: its left modifiers, the noun, an 'of' phrase and a
    participle ('area initially occupied by Kiev')."""
    keep = {tok.i}
    for ch in tok.lefts:
        if ch.dep_ in ("amod", "compound", "nmod") and not ch.like_num:
            keep.update(t.i for t in ch.subtree if t.dep_ in ("amod", "compound", "nmod", "advmod") or t == ch)
    for ch in tok.rights:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            for p in ch.children:
                if p.dep_ == "pobj" and not p.like_num:
                    keep.add(ch.i)
                    keep.add(p.i)
                    keep.update(t.i for t in p.lefts if t.dep_ in ("amod", "compound") and not t.like_num)
        elif ch.dep_ in ("acl", "relcl") and ch.pos_ == "VERB" and ch.dep_ == "acl":
            keep.add(ch.i)
            keep.update(t.i for t in ch.lefts if t.dep_ == "advmod")
            for ag in ch.rights:
                if ag.dep_ == "agent":
                    for p in ag.children:
                        if p.dep_ == "pobj":
                            keep.update({ag.i, p.i})
                            keep.update(t.i for t in p.lefts if t.dep_ == "compound")
    idx = sorted(keep)
    lo, hi = idx[0], idx[-1]
    toks = [t for t in tok.doc[lo:hi + 1] if t.i in keep]
    toks = toks[:max_tokens]
    return " ".join(t.text for t in toks)


def _governor(tok):
    """The verb a noun is an argument of (through a preposition), and the noun's role."""
    t = tok
    if t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent"):
        prep = t.head
        if prep.head.pos_ in ("VERB", "AUX"):
            return prep.head, "prep"
        return None, None
    if t.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "nsubj", "npadvmod", "conj") and t.head.pos_ in ("VERB", "AUX"):
        return t.head, t.dep_
    if t.dep_ == "conj":
        return _governor(t.head)
    if t.dep_ in ("npadvmod", "advmod") and t.head.pos_ in ("ADP", "ADV") and t.head.head.pos_ in ("VERB", "AUX"):
        return t.head.head, "adv"  # "extends 16 km from the plant"
    return None, None


def _subject(verb, exclude) -> Optional[str]:
    for ch in verb.children:
        if ch.dep_ in ("nsubj",) and ch.i not in exclude and ch.lower_ not in _PRONOUNS:
            toks = [t for t in ch.lefts if t.dep_ in ("compound", "amod")] + [ch]
            return " ".join(t.text for t in toks)
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head, exclude)  # not through "advcl": another clause has another subject
    return None


_DIM_NOUN = {"length": "distance", "area": "area", "volume": "volume", "mass": "weight", "time": "duration",
             "speed": "speed", "energy": "energy", "power": "power", "temperature": "temperature", "data": "data"}


def _lemma(t) -> str:
    return t.lemma_.lower() if t.lemma_ else t.lower_


def _about(head_tok, noun_tok, dim: Optional[str]) -> tuple[Optional[str], list[str]]:
    """What is counted or measured, and its role-tagged lemmas: the noun phrase, the verb it
    depends on and the verb's subject ('North Korea dispatched troops', 'Russian territory
    controlled by Ukraine'). Returns (about, keys)."""
    if head_tok is None:
        return None, []
    keys: list[str] = []
    np = _np_text(noun_tok) if noun_tok is not None else None
    if noun_tok is not None:
        keys.append("n:" + _lemma(noun_tok))
        keys += ["m:" + _lemma(t) for t in noun_tok.lefts if t.dep_ in ("amod", "compound") and t.is_alpha]
    elif dim:
        word = "money" if dim.startswith("currency") else _DIM_NOUN.get(dim)
        if word:
            keys.append("n:" + word)
            np = np or word
    verb, role = _governor(head_tok)
    parts = [np] if np else []
    if verb is not None and verb.pos_ == "VERB":
        keys.append("v:" + _lemma(verb))
        subj_tok = None
        for ch in verb.children:
            if ch.dep_ == "nsubj" and ch.i != head_tok.i and (noun_tok is None or ch.i != noun_tok.i) and ch.lower_ not in _PRONOUNS:
                subj_tok = ch
        subj = _subject(verb, {head_tok.i} | ({noun_tok.i} if noun_tok is not None else set()))
        if subj_tok is not None:
            keys += ["s:" + _lemma(t) for t in list(subj_tok.lefts) + [subj_tok] if t.dep_ in ("compound", "amod", "nsubj") and t.is_alpha]
        skip = {head_tok.i} | ({noun_tok.i} if noun_tok is not None else set())
        for prep in verb.children:
            if prep.dep_ == "prep":
                keys += ["p:" + _lemma(p) for p in prep.children
                         if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") and p.i not in skip and not p.like_num]
        passive = verb.tag_ == "VBN" and any(ch.dep_ in ("auxpass", "agent") for ch in verb.children) or role == "nsubjpass"
        if role in ("nsubj", "nsubjpass") or not subj:
            parts.append(verb.text)
        elif passive:
            parts += [verb.text, "by " + subj]
        else:
            parts = [subj, verb.text] + parts
    text = " ".join(parts).strip()
    return (text or None), list(dict.fromkeys(keys))


@lru_cache(maxsize=1)
def _change_verbs() -> frozenset:
    """``change_verbs`` of ``data/en/qualifiers.yaml``: verbs after which 'by half' is a change."""
    return frozenset(w.lower() for w in load_yaml("qualifiers.yaml", "en").get("change_verbs", []))


def _not_a_share(c: Cand, text: str, last, noun_tok) -> bool:
    """True when a fraction written in words ('a seventh', 'half') is not a share: an ordinal
    used as an adjective ('a seventh term', 'a second round'), 'half' inside a compound
    ('half-hearted', 'half-brother'), or the idiom 'by half' after a word that is not a verb of
    change ('too cute by half', unlike 'cut by half'). Shares keep: 'a seventh of', 'one-seventh',
    'two-thirds', 'half of', 'half the', '1/4'."""
    if c.kind == "fraction" or last is None:
        return False  # "1/4", "½": numerator-denominator forms
    words = text[c.num_start:c.num_end]
    after = text[c.num_end:c.num_end + 40]
    if re.match(r"[-‐][A-Za-z]", after):
        return True  # "half-hearted", "half-brother"
    if noun_tok is not None:
        return False  # "a seventh of the budget", "half of the voters"
    before = text[max(0, c.num_start - 5):c.num_start]
    if re.search(r"\bby\s+$", before, re.IGNORECASE):
        t = last
        by = None
        for _ in range(4):
            if t.lower_ == "by":
                by = t
                break
            if t.head.i == t.i:
                break
            t = t.head
        if by is None:
            by = next((x for x in last.doc[max(0, last.i - 3):last.i] if x.lower_ == "by"), None)
        gov = by.head if by is not None else None
        return not (gov is not None and gov.pos_ in ("VERB", "AUX", "NOUN") and gov.lemma_.lower() in _change_verbs())
    lead = re.match(r"([A-Za-z]+)", words)
    numerator_word = lead is not None and lead.group(1).lower() not in ("a", "an", "half") and lead.group(1).lower() not in DENOMINATORS
    nxt = re.match(r"\s+([A-Za-z]+)", after)
    if lead is not None and lead.group(1).lower() == "half" and nxt and nxt.group(1).lower() in tuple(_WORDS["determiners"]):
        return False  # "half the voters"
    if numerator_word:
        # "two-thirds voted", "one third said"; but "one second ..." read as a time elsewhere
        return False
    return True  # "a seventh term", "a third time", "half" alone: an ordinal or an idiom


_POLL_VERBS = set(_WORDS["poll_verbs"])


def _holder_share(head_tok) -> Optional[tuple[str, list[str]]]:
    """A share that belongs to someone, as in polls: 'Donald Trump at 17 percent', 'with Trump at
    17 percent', 'Trump got 17 percent' -> ('Donald Trump share', ['n:share', 's:donald',
    's:trump']); the holder is taken from the share's own phrase or the subject of its own verb,
    never from another clause. None when there is no such holder."""
    if head_tok is None:
        return None
    holder = None
    if head_tok.dep_ == "pobj" and head_tok.head.dep_ == "prep" and head_tok.head.lower_ in ("at", "with", "on"):
        h = head_tok.head.head
        prev = head_tok.doc[head_tok.head.i - 1] if head_tok.head.i > 0 else None
        if prev is not None and prev.pos_ == "PROPN" and prev.i != h.i:
            holder = prev  # "with Donald Trump at 17 percent": the parser hangs 'at' on the verb
        elif h.pos_ in ("PROPN", "NOUN") and h.lower_ not in _PRONOUNS:
            holder = h
        elif h.pos_ in ("VERB", "AUX") and _lemma(h) in _POLL_VERBS:
            holder = next((ch for ch in h.children if ch.dep_ == "nsubj" and ch.lower_ not in _PRONOUNS), None)
    elif head_tok.dep_ in ("dobj", "attr") and head_tok.head.pos_ in ("VERB", "AUX") and _lemma(head_tok.head) in _POLL_VERBS:
        holder = next((ch for ch in head_tok.head.children if ch.dep_ == "nsubj" and ch.lower_ not in _PRONOUNS), None)
    if holder is None:
        return None
    toks = [t for t in holder.lefts if t.dep_ in ("compound", "amod") and t.is_alpha] + [holder]
    name = " ".join(t.text for t in toks)
    keys = ["n:share"] + ["s:" + _lemma(t) for t in toks]
    return f"{name} share", list(dict.fromkeys(keys))


def _share_about(head_tok, noun_tok) -> tuple[str, list[str]]:
    """What a share is a share of: '86% of the area initially occupied by Kiev' -> the 'of'
    object with its participle (attached to the noun or, as parsers often do, to the '%')."""
    np = _np_text(noun_tok)
    keys = ["n:" + _lemma(noun_tok)] + ["m:" + _lemma(t) for t in noun_tok.lefts if t.dep_ in ("amod", "compound") and t.is_alpha]
    acl = [ch for ch in list(noun_tok.rights) + list(head_tok.rights) if ch.dep_ == "acl" and ch.pos_ == "VERB"]
    if acl:
        v = acl[0]
        keys.append("v:" + _lemma(v))
        if v.head.i == head_tok.i and v.head.i != noun_tok.i:
            extra = [t for t in v.lefts if t.dep_ == "advmod"] + [v]
            for ag in v.rights:
                if ag.dep_ == "agent":
                    for p in ag.children:
                        if p.dep_ == "pobj":
                            extra += [ag] + [t for t in p.lefts if t.dep_ == "compound"] + [p]
                            keys.append("s:" + _lemma(p))
            np = np + " " + " ".join(t.text for t in extra)
    return np, list(dict.fromkeys(keys))


def _of_object(tok):
    """The object of an 'of' right after ``tok``: 'miles of territory' -> territory."""
    if tok is None:
        return None
    for ch in tok.rights:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            for p in ch.children:
                if p.dep_ == "pobj":
                    return p
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "of":
        for p in nxt.children:
            if p.dep_ == "pobj":
                return p
    return None


_PART_GAP = re.compile(_WORDS["part_gap"], re.IGNORECASE)


def _part_of_total(gap: str) -> Optional[float]:
    """The total in "N of the M nouns", from the text between the part's number and the noun
    (" of the 19 "); None when the gap names no number."""
    m = _PART_GAP.match(gap)
    if not m:
        return None
    nums = [a for a in find_numbers(m.group(1)) if a.value is not None]
    return float(nums[0].value) if len(nums) == 1 else None


def _counted_noun(last, c: Cand, text: str):
    """The noun a number counts ('11,000 troops', 'dozens of villages', '24 towns and villages'),
    with a coordinated noun of the same kind; or None."""
    noun = None
    if c.vague or last.lower_ in tuple(_WORDS["vague_plurals"]):
        noun = _of_object(last)
        if noun is None and last.i + 1 < len(last.doc) and last.nbor(1).pos_ == "NOUN":
            noun = last.nbor(1)
    if noun is None and last.dep_ in ("nummod", "quantmod", "amod", "compound") and last.head.i > last.i \
            and last.head.pos_ in ("NOUN", "PROPN") and last.head.i - last.i <= 5:
        noun = last.head
    if noun is None:
        # the parser missed it: take the next noun after adjectives
        j = last.i + 1
        doc = last.doc
        while j < len(doc) and j - last.i <= 4 and doc[j].pos_ in ("ADJ", "PROPN", "PUNCT") and doc[j].text not in (",", ".", ";", ":"):
            j += 1
        if j < len(doc) and doc[j].pos_ == "NOUN" and j - last.i <= 4:
            noun = doc[j]
    if noun is None:
        # "of" after a word number: "two of the soldiers"
        if c.kind == "words":
            ob = _of_object(last)
            if ob is not None and ob.pos_ == "NOUN" and (last.lower_ != "one" or ob.tag_ in ("NNS", "NNPS")):
                noun = ob
    if noun is None or not noun.is_alpha and "-" not in noun.text:
        return None
    conj = None
    for ch in noun.rights:
        if ch.dep_ == "conj" and ch.pos_ == "NOUN" and ch.i - noun.i <= 3 and not any(g.like_num for g in ch.lefts):
            conj = ch
            break
    return noun, conj
