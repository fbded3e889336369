"""The quantities stage: numbers with their unit or counted noun, ranges, bounds, SI values.

In: ``state.article.text`` and ``state.doc`` (the spaCy parse). Out: ``state.ann.quantities``, one
``Quantity`` per amount (ids ``q:<article>:<start>-<end>``), whose ``text`` slices the cleaned text
exactly and includes the qualifier, the number(s) and the unit or counted noun.

How: a rule layer over the text and spaCy's parse, with the knowledge in data files:

- ``numbers.find_numbers`` reads digits and number words in sentences that have any;
- ``data/en/qualifiers.yaml`` gives bound and approximation words ("more than", "about"), vague
  plurals ("dozens of") and range words ("between ... and", "to", "-");
- ``data/en/units.yaml`` gives unit spellings -> canonical unit, dimension and SI factor, currency
  markers and groups of counted nouns;
- the dependency parse gives the counted noun ("11,000 troops") and what is counted (``about``);
- numbers that are names, ordinals, dates, years, clock times or codes are dropped
  ("810th Brigade", "World War II", "April 26", "2024", "G7", "F-16");
- fractions in words are shares only with an "of" object, a numerator ("two-thirds", "one-fifth")
  or "half the ..."; ordinal adjectives ("a seventh term"), compounds ("half-hearted") and "by
  half" after anything but a verb of change (``change_verbs`` in ``data/en/qualifiers.yaml``) are
  dropped;
- "N of the M nouns" is a part of a total: ``about_keys`` get ``r:part`` and ``t:<M>`` and
  ``about`` starts "part of M ..."; a poll share ("Trump at 17 percent", "Trump got 17 percent")
  is about its holder ("Trump share", keys ``n:share``, ``s:trump``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..ids import span_id
from ..data import load_yaml
from ..models import Quantity, SIValue
from ..lexicon.units import UnitTable, dimension_of, tables, to_base, unit_info  # noqa: F401  (re-exported)
from .numbers import DENOMINATORS, SCALE_WORDS, TENS_WORDS, UNITS_WORDS, NumberAtom, attached_scale, find_numbers

_WORDS = load_yaml("quantity_words.yaml", "en")  # word lists and patterns of this module (data/en/quantity_words.yaml)

__all__ = ["extract_quantities", "quantities_in_doc", "unit_info", "to_base"]

_MONTHS = (_WORDS["months"])
_MONTH_RE = re.compile(rf"^(?:{_MONTHS})\.?$", re.IGNORECASE)
_HAS_NUMBER = re.compile(
    r"\d|[½⅓⅔¼¾]|\b(?:" + "|".join(list(UNITS_WORDS) + list(TENS_WORDS) + list(SCALE_WORDS) + list(_WORDS["has_number"])) + r")\b",
    re.IGNORECASE)
_NAME_ENTS = {"PERSON", "ORG", "FAC", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "GPE", "LOC", "NORP", "LANGUAGE"}
_TIME_ENTS = {"DATE", "TIME"}
_NOUN_MODS = {"amod", "compound", "nmod", "nummod"}
_PRONOUNS = set(_WORDS["pronouns"])


# --------------------------------------------------------------------------- tables
# (the unit and qualifier tables live in ``rashomon.lexicon.units``)


def _si(value: Optional[float], unit: str) -> Optional[SIValue]:
    info = unit_info(unit)
    if value is None or not info or not info.get("si"):
        return None
    target = tables().units.get(info["si"])
    if not target:
        return None
    base = to_base(value, unit)
    v = (base - float(target.get("offset", 0.0))) / float(target["factor"])
    return SIValue(value=round(v, 6 if abs(v) < 1 else 4), unit=info["si"])


# --------------------------------------------------------------------------- candidates


@dataclass
class Cand:
    """A quantity being assembled from one or two number atoms (offsets into the article text)."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    unit_start: Optional[int] = None
    unit_end: Optional[int] = None
    bound: Optional[str] = None
    approx: bool = False
    qualifier: Optional[str] = None
    kind: str = "digits"
    is_fraction: bool = False
    integer_digits: bool = False
    vague: bool = False
    currency: bool = False
    words: str = ""
    atoms: list = field(default_factory=list)


def _match_unit(text: str, pos: int) -> Optional[tuple[str, int, int]]:
    """A unit written at ``text[pos:]`` (after optional space or hyphen): (unit, start, end)."""
    T = tables()
    best = None
    m = T.unit_re.match(text, pos)
    if m:
        uid = T.form_to_unit[m.group(1).lower()]
        best = (uid, m.start(1), m.end(1))
    if T.unit_cs_re is not None:
        m2 = T.unit_cs_re.match(text, pos)
        if m2 and (best is None or m2.end(1) > best[2]):
            best = (T.cs_form_to_unit[m2.group(1)], m2.start(1), m2.end(1))
    if best is None:
        return None
    uid, s, e = best
    guard = T.after_guard.get(uid)
    if guard and not guard.match(text[e:]):
        return None
    # a unit glued by a hyphen only in compounds ("27-kilometer ring"), not "10-12"
    return best


def _canonical_unit(uid: str) -> str:
    return uid[4:] if uid.startswith("cur:") else uid


def _qualifier_before(text: str, start: int, floor: int) -> Optional[tuple[str, int]]:
    T = tables()
    window = text[max(floor, start - 40):start]
    m = T.before_re.search(window)
    if not m:
        return None
    q = m.group(1)
    return q, start - len(window) + m.start(1)


def _range_join(text: str, a_end: int, b_start: int, opener: Optional[str]) -> bool:
    """Does ``text[a_end:b_start]`` join two ends of a range?"""
    gap = text[a_end:b_start]
    if re.fullmatch(r"\s?[-–—]\s?", gap):
        return True
    if re.fullmatch(r"-?\s+(?:to|through)\s+", gap, re.IGNORECASE):
        return True
    if opener == "between" and re.fullmatch(r"\s+and\s+", gap, re.IGNORECASE):
        return True
    if re.fullmatch(r"\s+or\s+", gap, re.IGNORECASE):
        return True
    return False


def _candidates(text: str, s0: int, s1: int) -> list[Cand]:
    """Number candidates in the sentence ``text[s0:s1]``, ranges merged, units and qualifiers read."""
    T = tables()
    sent = text[s0:s1]
    out: list[Cand] = []
    vague_spans = []
    for m in T.vague_re.finditer(sent):
        phrase = m.group(1).lower()
        # "hundreds" alone is vague only with "of" or a plural noun after it
        has_of = m.group(0).lower().endswith("of")
        if not has_of and not phrase.startswith(("several", "a few")):
            continue
        a, b = s0 + m.start(1), s0 + m.end(1)
        vague_spans.append((a, s0 + m.end()))
        out.append(Cand(start=a, end=b, num_start=a, num_end=b, value=T.vague[phrase], bound="lower", approx=True,
                        qualifier=m.group(1), kind="vague", vague=True, words=phrase))
    atoms = [NumberAtom(a.start + s0, a.end + s0, a.value, a.kind, a.is_fraction, a.integer_digits, a.scale)
             for a in find_numbers(sent)]
    atoms = [a for a in atoms if not any(x <= a.start < y or x < a.end <= y for x, y in vague_spans)]
    i = 0
    while i < len(atoms):
        a = atoms[i]
        c = Cand(start=a.start, end=a.end, num_start=a.start, num_end=a.end, value=a.value, kind=a.kind,
                 is_fraction=a.is_fraction, integer_digits=a.integer_digits, words=text[a.start:a.end], atoms=[a])
        # currency symbol before
        pm = T.currency_prefix_re.search(text[max(s0, a.start - 8):a.start])
        if pm:
            c.start = a.start - (len(text[max(s0, a.start - 8):a.start]) - pm.start(1))
            c.unit = T.currency_prefix[pm.group(1)]
            c.currency = True
            if a.scale == 1.0:
                f, e = attached_scale(text, a.end)
                if f != 1.0:
                    c.value *= f
                    c.end = c.num_end = e
        pos = c.end
        unit1 = None if c.currency else _match_unit(text, pos)
        if unit1 and unit1[1] >= s1:
            unit1 = None
        # a range: "10,000-12,000", "between 10,000 and 12,000", "44 mg to 50 mg", "8- to 16-meter"
        opener_m = re.search(r"\b(between|from)\s+(?:\$|€|£)?$", text[max(s0, c.start - 10):c.start], re.IGNORECASE)
        opener = opener_m.group(1).lower() if opener_m else None
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            join_from = unit1[2] if unit1 else c.end
            b_start = b.start
            bp = T.currency_prefix_re.search(text[max(join_from, b.start - 8):b.start]) if c.currency else None
            if bp:
                b_start = b.start - (len(text[max(join_from, b.start - 8):b.start]) - bp.start(1))
            gap_ok = _range_join(text, join_from, b_start, opener) or (
                unit1 is None and _range_join(text, c.end, b_start, opener))
            if not gap_ok and re.fullmatch(r"-\s+to\s+", text[c.end:b_start]):
                gap_ok = True
            if gap_ok and a.kind != "fraction" and b.kind != "fraction" and a.is_fraction == b.is_fraction:
                bval = b.value
                if c.currency and a.scale == 1.0:
                    f, e = attached_scale(text, b.end)
                    bval *= f
                unit2 = None if c.currency else _match_unit(text, b.end if not c.currency else e)
                # "2 to 3 million": the scale of the second end applies to the first
                lo, hi = c.value, bval
                if b.scale > 1 and a.scale == 1 and lo * b.scale <= hi:
                    lo = lo * b.scale
                same_unit = unit1 is None or (unit2 is not None and unit2[0] == unit1[0])
                year_like = a.integer_digits and b.integer_digits and 1000 <= a.value <= 2100
                if lo < hi and same_unit and not year_like:
                    c.low, c.high, c.value = lo, hi, None
                    c.num_end = c.end = b.end
                    c.atoms.append(b)
                    c.words = text[c.num_start:c.num_end]
                    if c.currency and a.scale == 1.0:
                        f, e = attached_scale(text, b.end)
                        if f != 1.0:
                            c.num_end = c.end = e
                    unit1 = None if c.currency else _match_unit(text, c.end)
                    if opener:
                        c.start = max(s0, c.start - 10) + opener_m.start(1)
                        c.qualifier = opener
                    i += 1
        if unit1 and unit1[0] == "lb" and (a.scale >= 1e6 or re.search(_WORDS["scale_suffix"], text[c.num_start:unit1[1]])):
            unit1 = ("cur:GBP",) + unit1[1:]  # "20 million pounds" is money, not weight
        if unit1 and unit1[1] < s1:
            c.unit = _canonical_unit(unit1[0])
            c.unit_start, c.unit_end = unit1[1], unit1[2]
            c.end = unit1[2]
            c.currency = unit1[0].startswith("cur:")
        elif c.is_fraction and not c.unit:
            c.unit = "fraction"
        out.append(c)
        i += 1
    out.sort(key=lambda c: c.start)
    return out


# --------------------------------------------------------------------------- rejection rules


def _reject(c: Cand, text: str, s0: int, s1: int, ent_at) -> Optional[str]:
    """Why ``c`` is not a quantity (a name, ordinal, date, year, time, code), or None."""
    before = text[max(s0, c.num_start - 12):c.num_start]
    after = text[c.num_end:min(s1, c.num_end + 12)]
    if c.vague:
        return None
    if c.unit is None and re.match(_WORDS["ordinal_suffix"], after, re.IGNORECASE):
        return "ordinal"
    if re.search(r"[A-Za-z][-‐]$", before) and not c.currency:
        return "code or name (letters before the number)"
    if re.match(r"[A-Za-z]", after) and c.unit is None and c.kind == "digits":
        return "code or name (letters glued after the number)"
    if re.search(r"(?:\bNo\.?|#|\bNos\.?|\bnumber)\s?$", before, re.IGNORECASE):
        return "a numbered name"
    if re.match(r"\s?(?:[ap]\.?m\.?\b|:\d)", after, re.IGNORECASE) or re.search(r"\d:$", before):
        return "clock time"
    if re.match(r"[-./]\d", after) and c.low is None and c.kind == "digits":
        return "code, date or phone number (digits joined by punctuation)"
    if re.search(r"\d[-./]$", before) and c.kind == "digits":
        return "code, date or phone number (digits joined by punctuation)"
    if c.kind == "digits" and re.match(r"0\d", text[c.num_start:c.num_end]):
        return "code (leading zero)"
    if c.integer_digits and c.unit is None and c.value is not None and 1000 <= c.value <= 2100:
        return "year"
    if c.integer_digits and c.low is not None and 1000 <= c.low <= 2100 and c.unit is None:
        return "years"
    prev_word = re.search(r"([A-Za-z]+)\.?,?\s+$", before)
    next_word = re.match(r",?\s*([A-Za-z]+)", after)
    if (prev_word and _MONTH_RE.match(prev_word.group(1))) or (next_word and _MONTH_RE.match(next_word.group(1)) and c.unit is None):
        if not (c.unit and dimension_of(c.unit) not in (None, "time")):
            return "date"
    label = ent_at(c.num_start, c.num_end)
    if label in _NAME_ENTS and not c.unit:
        return f"part of a name ({label})"
    if label in _TIME_ENTS and not (c.unit and dimension_of(c.unit) == "time") and not (c.unit and dimension_of(c.unit)):
        return f"part of a date or time ({label})"
    # a capitalised word right before a bare number is a name: "Voyager 2", "Article 5"
    if c.unit is None and prev_word and prev_word.group(1)[0].isupper() and c.kind == "digits":
        pw_start = c.num_start - len(before) + prev_word.start(1)
        if pw_start > s0 and not text[s0:pw_start].rstrip().endswith((".", ":", "\"", "“")):
            return "numbered name"
    return None


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


# --------------------------------------------------------------------------- the stage


def quantities_in_doc(doc, article_id: str) -> list[Quantity]:
    """All quantities in a parsed ``doc`` whose text is the article's cleaned text."""
    T = tables()
    text = doc.text
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]

    def ent_at(a: int, b: int) -> Optional[str]:
        for x, y, lab in ents:
            if x <= a and b <= y:
                return lab
        return None

    out: list[Quantity] = []
    taken: set[str] = set()
    for sent in doc.sents:
        s0, s1 = sent.start_char, sent.end_char
        if not _HAS_NUMBER.search(text, s0, s1):
            continue
        for c in _candidates(text, s0, s1):
            if _reject(c, text, s0, s1, ent_at):
                continue
            q = _finish(c, doc, text, s0, s1, T)
            if q is None:
                continue
            q["id"] = span_id("q", article_id, q["start"], q["end"], taken)
            q["article"] = article_id
            out.append(Quantity(**q))
    return out


def _tok_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _finish(c: Cand, doc, text: str, s0: int, s1: int, T: UnitTable) -> Optional[dict]:
    """Add the qualifier, the counted noun and ``about``; return Quantity fields or None."""
    # qualifiers before (after the range opener, if any)
    if c.qualifier is None and not c.vague:
        qb = _qualifier_before(text, c.start, s0)
        if qb:
            q, qs = qb
            e = T.before[q.lower()]
            c.qualifier, c.start = text[qs:qs + len(q)], qs
            c.bound = e.get("bound") or c.bound
            c.approx = bool(e.get("approx", False))
    elif c.vague:
        qb = _qualifier_before(text, c.start, s0)
        if qb and T.before[qb[0].lower()].get("approx"):
            c.start = qb[1]
    qa = T.after_re.match(text, c.end)
    if qa and qa.end() <= s1:
        e = T.after[qa.group(1).lower()]
        c.bound = e.get("bound") or c.bound
        c.approx = c.approx or bool(e.get("approx", False))
        c.qualifier = (c.qualifier + " … " if c.qualifier else "") + qa.group(1)
        c.end = qa.end()
    last = _tok_at(doc, c.num_end - 1)
    head_tok, noun_tok = last, None
    dim = dimension_of(c.unit)
    if c.unit is not None and c.unit_end:
        head_tok = _tok_at(doc, c.unit_end - 1) or last
        noun_tok = _of_object(head_tok)
    elif c.unit is not None and c.currency:
        head_tok = _tok_at(doc, c.num_end - 1) or last
        noun_tok = None
    if c.unit == "fraction":
        noun_tok = _of_object(head_tok) or _of_object(last)
        if not c.unit_end and _not_a_share(c, text, last, noun_tok):
            return None
    total = None
    # counted noun
    if c.unit is None and last is not None:
        noun = _counted_noun(last, c, text)
        if noun is None:
            words_only = c.kind in ("words", "vague")
            if words_only or c.kind == "fraction":
                return None  # "one of the", "the two", "half" without a unit: not a quantity
            head_tok = last
        else:
            noun_tok, conj = noun
            if noun_tok.pos_ == "PROPN" and noun_tok.text[:1].isupper():
                return None  # "24 Hours", "Brigade": part of a name
            if noun_tok.lower_ in T.not_counted or _MONTH_RE.match(noun_tok.text):
                return None
            if re.fullmatch(r"\s?-\s?", text[c.num_end:noun_tok.idx]):
                return None  # "12-gauge shotgun": a compound modifier, not a count
            unit = noun_tok.text.lower()
            if conj is not None:
                g1 = T.count_group.get(noun_tok.lemma_.lower())
                g2 = T.count_group.get(conj.lemma_.lower())
                if g1 and g1 == g2:
                    unit = g1
            c.unit = unit
            head_tok = noun_tok
            total = _part_of_total(text[c.num_end:noun_tok.idx])
            if total is not None and last.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj"):
                head_tok = last  # "Nine of the 12 jurors voted": the verb governs the part's number
            end_tok = conj if conj is not None else noun_tok
            if end_tok.idx + len(end_tok.text) - c.end <= 40:
                c.end = max(c.end, end_tok.idx + len(end_tok.text))
    elif c.unit is None:
        return None
    if c.kind == "words" and c.words.lower() in ("one", "a", "an") and (c.unit is None or dimension_of(c.unit) is None):
        return None
    if dimension_of(c.unit) == "time":
        if c.words.lower() in ("one", "a", "an") and not re.search(
                _WORDS["duration_prepositions"], text[max(s0, c.start - 12):c.start], re.IGNORECASE):
            return None  # "One day he left"
        if c.qualifier and c.qualifier.lower() in ("over", "under") and c.bound:
            c.bound, c.qualifier, c.start = None, None, c.num_start  # "over three days" = during
    # values: percent -> fraction
    info = unit_info(c.unit)
    vf = float(info.get("value_factor", 1.0)) if info and c.unit_end else 1.0
    val = c.value * vf if c.value is not None else None
    lo = c.low * vf if c.low is not None else None
    hi = c.high * vf if c.high is not None else None
    si = _si(val, c.unit) if val is not None else None
    if si is None and lo is not None and info and info.get("si"):
        si = _si((lo + hi) / 2, c.unit)
    held = _holder_share(head_tok) if c.unit == "fraction" and noun_tok is None else None
    if held is not None:
        about, keys = held
    elif c.unit == "fraction" and noun_tok is not None:
        about, keys = _share_about(head_tok, noun_tok)
    else:
        about, keys = _about(head_tok, noun_tok, dimension_of(c.unit))
    if c.unit is not None and not dimension_of(c.unit) and total is not None:
        # "Fifteen of the 19 hijackers": a part (15) of a total (19) of the same noun
        keys = keys + ["r:part", f"t:{_r(total)}"]
        about = f"part of {total:g} {about}" if about else about
    return dict(text=text[c.start:c.end], start=c.start, end=c.end, value=_r(val), low=_r(lo), high=_r(hi),
                unit=c.unit, si=si, approx=c.approx, bound=c.bound, qualifier=c.qualifier, about=about, about_keys=keys)


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


def _r(v: Optional[float]) -> Optional[float]:
    if v is None:
        return None
    if v == 0:
        return 0.0
    if abs(v) >= 10:
        return round(v, 4)
    return float(f"{v:.6g}")  # six significant digits: 2.48e-05 stays 2.48e-05


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
            if ob is not None and ob.pos_ == "NOUN" and last.lower_ not in ("one",):
                noun = ob
    if noun is None or not noun.is_alpha and "-" not in noun.text:
        return None
    conj = None
    for ch in noun.rights:
        if ch.dep_ == "conj" and ch.pos_ == "NOUN" and ch.i - noun.i <= 3 and not any(g.like_num for g in ch.lefts):
            conj = ch
            break
    return noun, conj


def extract_quantities(state) -> None:
    """Fill ``state.ann.quantities`` from ``state.doc`` (see the module docstring)."""
    if state.doc is None:
        return
    state.ann.quantities = quantities_in_doc(state.doc, state.article.id)
