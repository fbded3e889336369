"""Candidate quantities in a sentence: numbers with their qualifier, range partner and unit, and the
reasons to drop one.

In: the article text and the character span of a sentence (plus, for ``_reject``, the entities at
each position). Out: ``Cand`` records (number atoms, qualifier, unit, range) from ``_candidates``;
``_reject`` returns why a candidate is not a quantity (a name, ordinal, date, year, clock time or
code) or ``None``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..data import load_yaml
from ..models import SIValue
from ..lexicon.units import dimension_of, in_si, tables, unit_info
from .numbers import SCALE_WORDS, TENS_WORDS, UNITS_WORDS, NumberAtom, attached_scale, find_numbers

_WORDS = load_yaml("quantity_words.yaml", "en")  # word lists and patterns of this module (data/en/quantity_words.yaml)

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
    v = in_si(value, unit)
    if v is None:
        return None
    return SIValue(value=round(v, 6 if abs(v) < 1 else 4), unit=unit_info(unit)["si"])


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


_ONE_WITH_ARTICLE = re.compile(r"\b(an?)\s+(?=(?:" + "|".join(
    sorted(map(re.escape, _WORDS["one_with_article"]), key=len, reverse=True)) + r")\b)", re.IGNORECASE)
_UNIT_AND_A_HALF = re.compile(_WORDS["unit_and_a_half"], re.IGNORECASE)
_ONE_BEFORE_UNIT = re.compile(_WORDS["one_before_unit"], re.IGNORECASE)
_ORDINAL_COUNT = re.compile(_WORDS["ordinal_count"], re.IGNORECASE)
_ORDINAL_VALUES = {k.lower(): v for k, v in _WORDS["ordinal_values"].items()}
# a sentence with any number, with "a mile", "a gallon", "a day-long" or "the ninth time" (see
# above) is read for quantities
_HAS_NUMBER = re.compile("|".join((_HAS_NUMBER.pattern, _ONE_WITH_ARTICLE.pattern, _ONE_BEFORE_UNIT.pattern,
                                   _ORDINAL_COUNT.pattern)), re.IGNORECASE)
_PER_RE = re.compile(_WORDS["per_unit_words"] + r"(" + "|".join(
    sorted(map(re.escape, _WORDS["per_units"]), key=len, reverse=True)) + r")\b", re.IGNORECASE)
_PER_UNITS = {k.lower(): v for k, v in _WORDS["per_units"].items()}


def _per_unit(text: str, pos: int, s1: int) -> Optional[re.Match]:
    """The per-unit phrase right after a money amount ("an hour", "per kg", "/barrel"), or None."""
    m = _PER_RE.match(text, pos)
    if m is None or m.end() > s1 or m.start(1) == pos:
        return None
    return m


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
        lo, hi = T.vague[phrase]
        one_value = lo == hi  # "a couple": about two; "hundreds": a range, no single value
        out.append(Cand(start=a, end=b, num_start=a, num_end=b, value=lo if one_value else None,
                        low=None if one_value else lo, high=None if one_value else hi, approx=True,
                        qualifier=m.group(1), kind="vague", vague=True, words=phrase))
        u = _match_unit(text, s0 + m.end()) if has_of else None
        if u and u[1] < s1 and dimension_of(_canonical_unit(u[0])):
            # "hundreds of miles": a measure, not a count of miles
            c = out[-1]
            c.unit, c.unit_start, c.unit_end, c.end = _canonical_unit(u[0]), u[1], u[2], u[2]
            c.currency = u[0].startswith("cur:")
    atoms = [NumberAtom(a.start + s0, a.end + s0, a.value, a.kind, a.is_fraction, a.integer_digits, a.scale)
             for a in find_numbers(sent)]
    atoms = [a for a in atoms if not any(x <= a.start < y or x < a.end <= y for x, y in vague_spans)]
    for m in _ONE_WITH_ARTICLE.finditer(sent):
        # "a gallon of fuel", "within a mile": one of a measure
        a, b = s0 + m.start(1), s0 + m.end(1)
        if not any(x.start <= a < x.end for x in atoms):
            atoms.append(NumberAtom(a, b, 1.0, "words"))
    for m in _ONE_BEFORE_UNIT.finditer(sent):
        # "the past week and a half", "a day-long siege": one of the unit that follows
        a, b = s0 + m.start(1), s0 + m.end(1)
        if not any(x.start <= a < x.end or a <= x.start < b for x in atoms):
            atoms.append(NumberAtom(a, b, 1.0, "words"))
    for m in _ORDINAL_COUNT.finditer(sent):
        # "the ninth time", "a fourth term": a count of repetitions
        a, b = s0 + m.start("ord"), s0 + m.end("ord")
        atoms = [x for x in atoms if not (a <= x.start < b)]
        word = m.group("ord").lower()
        atoms.append(NumberAtom(a, b, float(_ORDINAL_VALUES.get(word) or re.match(r"\d+", word).group()), "ordinal"))
    atoms.sort(key=lambda x: x.start)
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
        per = _per_unit(text, c.end, s1) if c.currency else None
        if i + 1 < len(atoms):
            b = atoms[i + 1]
            join_from = unit1[2] if unit1 else (per.end() if per else c.end)
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
                if lo > hi and hi < 0 and lo < 0 and not c.currency:
                    lo, hi = hi, lo  # "from -18 °C to -34 °C": a range of negative values
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
                    per2 = _per_unit(text, c.end, s1) if c.currency else None
                    per = per2 if (per is None or per2 is not None) else per
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
            half = _UNIT_AND_A_HALF.match(text, c.end)
            if half and half.end() <= s1 and c.value is not None and c.low is None and not c.currency:
                c.value += 0.5  # "a week and a half", "two miles and a half"
                c.end = half.end()
        elif c.is_fraction and not c.unit:
            c.unit = "fraction"
        if c.currency and per is not None and per.start() >= c.end:
            # "$15 an hour", "$350 per kg to $680 per kg": a price per unit
            c.unit = f"{c.unit}/{_PER_UNITS[per.group(1).lower()]}"
            c.end = per.end()
        out.append(c)
        i += 1
    out.sort(key=lambda c: c.start)
    for c1, c2 in zip(out, out[1:]):
        # "45 and 50 mg", "3, 4 or 5 km": a bare number listed before a measure shares its unit
        year_like = c1.integer_digits and c1.value is not None and 1000 <= c1.value <= 2100
        if c1.unit is None and c1.kind == "digits" and c1.low is None and not year_like and c2.unit_end and dimension_of(c2.unit) \
                and re.fullmatch(r"\s+(?:and|or)\s+|,\s+", text[c1.end:c2.start]):
            # (", or 18 percent" restates the number in other terms: not a list)
            c1.unit, c1.unit_start, c1.unit_end, c1.currency = c2.unit, c2.unit_start, c2.unit_end, c2.currency
    return out


# --------------------------------------------------------------------------- rejection rules


def _bare_number_entity(c: Cand, text: str, ent_at) -> bool:
    """True when the date/time entity over ``c`` is the bare number and nothing else ("The answer is
    42", "Hersh, 85", "45 and 50 mg": the tagger's guess, with no date word to back it); years,
    days beside a month and clock times are caught by the rules before this one."""
    a, b = c.num_start, c.num_end
    while a > 0 and ent_at(a - 1, b) is not None and not text[a - 1].isspace():
        a -= 1
    nxt = re.match(r"\s*\S+", text[b:])
    widened = nxt and ent_at(c.num_start, b + nxt.end()) is not None
    prev = re.search(r"\S+\s*$", text[:c.num_start])
    widened = widened or (prev and ent_at(prev.start(), c.num_end) is not None)
    return a == c.num_start and not widened


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
    if label in _TIME_ENTS and not (c.unit and dimension_of(c.unit)) and not _bare_number_entity(c, text, ent_at):
        return f"part of a date or time ({label})"
    # a capitalised word right before a bare number is a name: "Voyager 2", "Article 5"
    apposition = re.search(r"[A-Za-z],\s$", before) and re.match(r"[,;)]|\.(?!\d)", after)
    if c.unit is None and prev_word and prev_word.group(1)[0].isupper() and c.kind == "digits" and not apposition:
        pw_start = c.num_start - len(before) + prev_word.start(1)
        if pw_start > s0 and not text[s0:pw_start].rstrip().endswith((".", ":", "\"", "“")):
            return "numbered name"
    return None
