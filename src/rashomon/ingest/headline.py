"""Does a line read as a headline, a standfirst (dek) or a sentence of the body?

- ``headline_like(line)``: a Title Case line (most significant words capitalised), short, with no
  final period: "Russia Claims to Have Retaken Final Village in Its Region".
- ``sentence_headline(line)``: a short sentence-case headline in headline-ese (no final period,
  at most one article, no auxiliaries): "Army says it retook border town".
- ``colon_headline(line)``: a short one-sentence line led by a name and a colon, the headline
  form for a quote or a claim ("Sanders: Clinton needs to get away from personality stuff"),
  a final period allowed;
- ``dek_like(line)``: a short summarising line without a final period that is not a headline:
  "The president has listened to a report on military operations in the area".
- ``same_text(a, b)``: equal up to case, quotes, punctuation and spacing.

Word lists come from ``boilerplate.yaml`` (``headline:``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import load_yaml

_WORD = re.compile(r"[\w’'-]+")


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    h = _headline_data()
    return frozenset(h.get("minor_words", [])), frozenset(h.get("sentence_words", []))


@lru_cache(maxsize=1)
def _headline_data() -> dict:
    return load_yaml("boilerplate.yaml", "en").get("headline", {})


def _ends_like_sentence(line: str) -> bool:
    s = line.rstrip(" \"'”’»)]")
    return not s or s[-1] in ".,;:" or line.rstrip()[-1:] in ",;:"


def _starts_capitalised(line: str) -> bool:
    m = re.search(r"[^\W_]", line)
    return bool(m) and (m.group(0).isupper() or m.group(0).isdigit())


def headline_like(line: str) -> bool:
    """True for a short Title Case line without a final period (or with one when every
    significant word of at least three is capitalised: "Obama Power Plant Rules Face Key Test.")."""
    words = _WORD.findall(line)
    if not 2 <= len(words) <= 25 or len(line) > 220 or not _starts_capitalised(line):
        return False
    minor, _ = _lists()
    significant = [w for w in words[1:] if w.lower() not in minor and w[0].isalpha()]
    if not significant:
        return False
    caps = sum(1 for w in significant if w[0].isupper()) / len(significant)
    if _ends_like_sentence(line):
        stripped = line.rstrip(" \"'”’»)]")
        return stripped.endswith(".") and not stripped.endswith("..") and len(significant) >= 3 and caps == 1.0
    return caps >= 0.75


def sentence_headline(line: str) -> bool:
    """True for a short sentence-case headline in headline-ese (few articles, no auxiliaries)."""
    words = _WORD.findall(line)
    if not 3 <= len(words) <= 12 or _ends_like_sentence(line) or not _starts_capitalised(line):
        return False
    _, sentence_words = _lists()
    markers = [w for w in words if w.lower() in sentence_words]
    articles = [w for w in markers if w.lower() in ("the", "a", "an")]
    return len(markers) == len(articles) and len(articles) <= 1


_COLON_HEAD = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}:\s+[\"'“‘]?[A-Z0-9]")


def colon_headline(line: str) -> bool:
    """True for "Name: a claim" (name of one to three capitalised words, not all capitals as in a
    dateline, not a note lead such as "Update:"), 4 to 20 words, one sentence."""
    words = _WORD.findall(line)
    m = _COLON_HEAD.match(line)
    if not 4 <= len(words) <= 20 or not m:
        return False
    lead = line[:line.index(":")]
    stop = {w.lower() for w in _headline_data().get("colon_lead_stop", [])}
    if lead.isupper() or any(w.lower() in stop for w in lead.split()):
        return False
    return not re.search(r"[.!?][\"'”’)]?\s+[\"'“‘(]?[A-Z]", line.rstrip(" .\"'”’"))


def dek_like(line: str) -> bool:
    """True for a short single-sentence line without final punctuation (a standfirst candidate)."""
    words = _WORD.findall(line)
    if not 4 <= len(words) <= 45 or _ends_like_sentence(line) or not _starts_capitalised(line):
        return False
    if line.rstrip(" \"'”’»)]")[-1:] in "?!…":
        return False
    return not re.search(r"[.!?][\"'”’)]?\s+[\"'“‘(]?[A-Z]", line)


def body_like(line: str) -> bool:
    """True for a line that ends like a sentence and is long enough to be reporting."""
    return len(_WORD.findall(line)) >= 6 and _ends_like_sentence(line)


def _key(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.casefold()))


def same_text(a: str, b: str) -> bool:
    """Equal up to case, punctuation, quotes and spacing (and non-empty)."""
    ka = _key(a)
    return bool(ka) and ka == _key(b)
