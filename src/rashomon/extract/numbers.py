"""Numbers as written in news text -> float values.

``find_numbers(text)`` yields every number it can read in ``text`` as ``NumberAtom`` (start, end,
value, kind): digits ("10,000", "1.5", "2 1/2", "½", "4e14", "2.48×10−5"), digits with a scale
word ("2.5 million", "$3bn" is handled by the caller for the symbol), and number words
("two-thirds", "two and a half", "a hundred and two", "a dozen", "twenty-one"). ``parse_words``
turns a list of number words into a value. Pure functions, no models.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from ..data import load_yaml

_WORDS = load_yaml("number_words.yaml", "en")  # word lists and patterns of this module (data/en/number_words.yaml)

UNITS_WORDS = dict(_WORDS["units_words"])
TENS_WORDS = dict(_WORDS["tens_words"])
SCALE_WORDS = dict(_WORDS["scale_words"])
DENOMINATORS = dict(_WORDS["denominators"])
UNICODE_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
                     "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}

_NUMW = "|".join(sorted(list(UNITS_WORDS) + list(TENS_WORDS) + list(SCALE_WORDS) + ["dozen"], key=len, reverse=True))
_DENW = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
# a run of number words: "a hundred and two", "twenty-one", "two and a half", "two-thirds", "a dozen"
WORD_RUN = re.compile(
    rf"\b(?:(?:an?|one)[\s-]+(?:{_DENW})\b|(?:an?\s+)?(?:{_NUMW})(?:(?:[\s-]+|\s+and\s+|-and-)(?:a[\s-]+)?(?:{_NUMW}|{_DENW}))*|half)\b",
    re.IGNORECASE)
# thousands grouped by commas ("10,000") or by a space ("10 000", "10\u202f000", as wire copy and
# European outlets write them); a space-grouped run must be followed by no further digit; a comma
# with one or two digits before a percent sign is a decimal comma ("38,22%", as some outlets write it)
_DIGITS = r"\d{1,3},\d{1,2}(?=\s?%)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,.]\d)|\d+(?:\.\d+)?|\.\d+"
DIGIT_RUN = re.compile(
    rf"(?<![\w.,/:])(?P<neg>[-−](?=[\d.]))?(?P<num>{_DIGITS})"
    rf"(?P<exp>[eE][-−+]?\d+|\s?[×x]\s?10\^?[-−]?\d+)?"
    rf"(?P<frac>\s+\d+/\d+)?(?P<uf>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])?(?P<half>{_WORDS['and_a_half']})?")
FRACTION_RUN = re.compile(r"(?<![\w.,/:])(\d+)/(\d+)(?![\d/])")
UNICODE_RUN = re.compile("[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]")


@dataclass
class NumberAtom:
    """One number read from text: ``text[start:end]`` has ``value``; ``kind`` is digits | words |
    fraction | vague; ``is_fraction`` when it is a share ("two-thirds", "1/4") rather than a count."""

    start: int
    end: int
    value: float
    kind: str
    is_fraction: bool = False
    integer_digits: bool = False  # plain integer written in digits without separators (year-like)
    scale: float = 1.0


def parse_digits(s: str) -> Optional[float]:
    """'10,000' -> 10000.0, '1.5' -> 1.5, '2.48×10−5' -> 2.48e-05; None when unreadable."""
    if re.fullmatch(r"\d{1,3},\d{1,2}", s.strip()):
        s = s.replace(",", ".")  # a decimal comma ("38,22" before "%")
    s = re.sub(r"(?<=\d)[ \u00a0\u202f\u2009](?=\d{3}\b)", "", s.replace("−", "-").replace(",", "")).strip()
    m = re.fullmatch(r"(-?[\d.]+)\s?[×x]\s?10\^?(-?\d+)", s)
    try:
        if m:
            return float(m.group(1)) * 10 ** int(m.group(2))
        return float(s)
    except ValueError:
        return None


def parse_words(words: list[str]) -> Optional[float]:
    """Value of number words in order, e.g. ['two', 'and', 'a', 'half'] -> 2.5,
    ['a', 'hundred', 'and', 'two'] -> 102, ['two', 'thirds'] -> 0.667, ['a', 'dozen'] -> 12.
    None when the words do not form one number."""
    total, current, seen = 0.0, 0.0, False
    half_pending = False
    ws = [w.lower() for w in words if w]
    i = 0
    while i < len(ws):
        w = ws[i]
        if w in ("and",):
            i += 1
            continue
        if w in ("a", "an"):
            nxt = ws[i + 1] if i + 1 < len(ws) else ""
            if nxt in DENOMINATORS:  # "a half", "a third"
                val = 1 / DENOMINATORS[nxt]
                if seen:  # "two and a half", "a million and a half"
                    current += val
                else:
                    current, half_pending = val, True
                seen = True
                i += 2
                continue
            if nxt in SCALE_WORDS or nxt == "dozen":  # "a hundred", "a dozen", "a million"
                current = current + 1
                seen = True
            # otherwise an article before a number ("a two-year term"): skip it
            i += 1
            continue
        if w in UNITS_WORDS:
            current += UNITS_WORDS[w]
        elif w in TENS_WORDS:
            current += TENS_WORDS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[w]
            current = 0
        elif w in DENOMINATORS:
            if not seen:  # bare "half"
                current = 1 / DENOMINATORS[w]
            else:  # "two thirds": the number so far is the numerator
                num = current or 1
                if total and not current:
                    return None
                current = num / DENOMINATORS[w]
            half_pending = True
        else:
            return None
        seen = True
        i += 1
    if not seen:
        return None
    return total + current


def is_fraction_words(words: list[str]) -> bool:
    """True when the words end in a denominator and no scale: 'two thirds', 'a quarter', 'half'."""
    ws = [w.lower() for w in words]
    if not ws or ws[-1] not in DENOMINATORS:
        return False
    # "two and a half" is a mixed number, not a share
    return not ("and" in ws and any(w in UNITS_WORDS or w in TENS_WORDS for w in ws[:ws.index("and")]))


@lru_cache(maxsize=1)
def _scales() -> tuple[dict, dict]:
    data = load_yaml("units.yaml", "en")
    return data.get("scales", {}), data.get("attached_scales", {})


def _scale_after(text: str, pos: int) -> tuple[float, int]:
    """A scale word right after ``pos`` ('2.5 million', '3bn'): (factor, end) or (1, pos)."""
    scales, _ = _scales()
    m = re.match(r"\s?(" + "|".join(sorted(map(re.escape, scales), key=len, reverse=True)) + r")\b", text[pos:], re.IGNORECASE)
    if m:
        return float(scales[m.group(1).lower()]), pos + m.end()
    m = re.match(r"[kK](?![A-Za-z])", text[pos:])
    if m:
        return 1e3, pos + 1
    return 1.0, pos


def attached_scale(text: str, pos: int) -> tuple[float, int]:
    """A letter scale glued to the number after a currency symbol ('$2.174T', '€10M')."""
    _, attached = _scales()
    m = re.match(r"(" + "|".join(sorted(map(re.escape, attached), key=len, reverse=True)) + r")(?![A-Za-z])", text[pos:])
    if m:
        return float(attached[m.group(1)]), pos + m.end()
    return 1.0, pos


def find_numbers(text: str) -> Iterator[NumberAtom]:
    """Every number in ``text``, left to right, without overlaps."""
    atoms: list[NumberAtom] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in FRACTION_RUN.finditer(text):
        num, den = int(m.group(1)), int(m.group(2))
        if den < 2 or num >= den or den > 1000 or (num > 1 and den >= 10):
            continue  # "9/11", "24/7", "1/0": names and idioms, not shares
        # a mixed number "2 1/2" is read by DIGIT_RUN
        if re.search(r"\d\s+$", text[:m.start()]):
            continue
        atoms.append(NumberAtom(m.start(), m.end(), num / den, "fraction", is_fraction=True))
        taken.append((m.start(), m.end()))
    for m in DIGIT_RUN.finditer(text):
        if not free(m.start(), m.end()):
            continue
        raw = m.group("num")
        val = parse_digits(raw + (m.group("exp") or "").replace(" ", ""))
        if val is None:
            continue
        if m.group("neg"):
            val = -val
        end = m.end()
        if m.group("frac"):
            n, d = m.group("frac").split("/")
            if int(d) == 0:
                continue
            val += (-1 if val < 0 else 1) * int(n) / int(d)
        if m.group("uf"):
            val += UNICODE_FRACTIONS[m.group("uf")]
        if m.group("half"):
            val += -0.5 if val < 0 else 0.5  # "7-and-a-half-mile", "3 and a half hours"
        scale, end2 = _scale_after(text, end)
        atom = NumberAtom(m.start(), end2, val * scale, "digits",
                          integer_digits=bool(re.fullmatch(r"\d+", raw)) and scale == 1.0 and not m.group("frac"),
                          scale=scale)
        atoms.append(atom)
        taken.append((atom.start, atom.end))
    for m in UNICODE_RUN.finditer(text):
        if free(m.start(), m.end()):
            atoms.append(NumberAtom(m.start(), m.end(), UNICODE_FRACTIONS[m.group()], "fraction", is_fraction=True))
            taken.append((m.start(), m.end()))
    for m in WORD_RUN.finditer(text):
        if not free(m.start(), m.end()):
            continue
        words = re.split(r"[\s-]+", m.group())
        # trailing "and"/"a" are not part of the number
        while words and words[-1].lower() in ("and", "a", "an"):
            words.pop()
        if not words or all(w.lower() in ("a", "an", "and") for w in words):
            continue
        if len(words) == 1 and words[0].lower() in SCALE_WORDS and words[0].lower() != "hundred":
            continue  # a bare "million" is a scale, not a number
        val = parse_words(words)
        if val is None:
            continue
        # end at the last real word of the run
        end = m.start() + len(m.group().rstrip())
        tail = re.search(r"(?:[\s-]+(?:and|a|an))+$", m.group(), re.IGNORECASE)
        if tail:
            end = m.start() + tail.start()
        scale, end2 = _scale_after(text, end) if words[-1].lower() not in SCALE_WORDS else (1.0, end)
        atoms.append(NumberAtom(m.start(), end2, val * scale, "words", is_fraction=is_fraction_words(words) and scale == 1.0))
        taken.append((m.start(), end2))
    atoms.sort(key=lambda a: a.start)
    return iter(atoms)
