"""Polarity knowledge from ``data/en/polarity.yaml``: negation, refuting and hedging words, denial
cues and opposite-state poles, compiled to regular expressions once per process.

``find_terms(text, terms)`` returns the ``(start, end, term)`` matches of a term list in a text;
``state_poles(text)`` says which pole of each state dimension a text asserts (the clause after a
contrast word wins when both poles occur).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...data import load_yaml

TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z'’]*|\d[\d,.]*\d|\d")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The parsed ``polarity.yaml``."""
    return load_yaml("polarity.yaml", "en")


def _term_pattern(term: str) -> str:
    parts = []
    for w in term.split():
        if w == "*":
            parts.append(r"[\w'’-]+(?:\s+[\w'’-]+){0,3}?")  # a short gap: "forced <Russia> to"
        elif w.endswith("*"):
            parts.append(re.escape(w[:-1]) + r"[\w'’]*")
        else:
            parts.append(re.escape(w).replace("'", "['’]"))
    body = r"\s+".join(parts)
    if term.startswith("n't") or term.startswith("n’t"):
        return body + r"\b"
    return r"\b" + body + r"\b"


@lru_cache(maxsize=256)
def compile_terms(terms: tuple[str, ...]) -> re.Pattern:
    """One case-insensitive regex matching any of ``terms`` (longest first)."""
    ordered = sorted(set(terms), key=len, reverse=True)
    return re.compile("|".join(f"(?:{_term_pattern(t)})" for t in ordered), re.IGNORECASE)


def find_terms(text: str, terms) -> list[tuple[int, int, str]]:
    """Matches of ``terms`` in ``text`` as ``(start, end, matched text)``."""
    if not terms:
        return []
    pat = compile_terms(tuple(terms))
    return [(m.start(), m.end(), m.group(0)) for m in pat.finditer(text)]


@lru_cache(maxsize=400_000)
def count_terms(text: str, key: str) -> int:
    """How many words of the lexicon list ``key`` (negation, refuting, hedging) occur."""
    return len(find_terms(text, lexicon().get(key, [])))


def tokens(text: str) -> list[str]:
    """Lower-cased word and number tokens."""
    return [t.lower().replace("’", "'") for t in TOKEN_RE.findall(text)]


def _contrast_cut(text: str) -> int:
    """Offset where the last contrast clause starts ("X, but Y" -> start of Y), or 0."""
    cut = 0
    for s, e, _ in find_terms(text, lexicon().get("contrast", [])):
        if s > 0:
            cut = s
    return cut


def state_poles(text: str, strict: bool = False) -> dict[str, tuple[str, list[tuple[int, int, str]]]]:
    """For each state dimension the text speaks to: ``dim -> (pole, matches)``. When a text holds
    both poles of a dimension, the pole found after the last contrast word counts; when that does
    not decide, the dimension is left out (the text is mixed). ``strict`` (the relation rules):
    a pole word right after a negation ("had not survived") or after an open question ("whether
    he survived") is not asserted either (the stance and pair features keep the plain reading)."""
    return {dim: (pole, list(hits)) for dim, (pole, hits) in _state_poles(text, strict).items()}


@lru_cache(maxsize=100_000)
def _state_poles(text: str, strict: bool) -> dict[str, tuple[str, list[tuple[int, int, str]]]]:
    """``state_poles`` worked out once per text (the same claim text is read by several stages);
    callers get a copy."""
    out = {}
    cut = _contrast_cut(text)
    states = lexicon().get("states") or {}
    raw = {(dim, p): find_terms(text, terms) for dim, spec in states.items() for p, terms in spec.items() if p not in ("about",)}
    spans = [(s, e, dim) for (dim, _), hs in raw.items() for s, e, _ in hs]

    def inside_longer(s, e, dim):  # "fell" inside "fell short" belongs to the longer phrase
        return any(d != dim and s2 <= s and e <= e2 and (e2 - s2) > (e - s) for s2, e2, d in spans)

    irrealis = [s for s, _, _ in find_terms(text, lexicon().get("irrealis", []) + (lexicon().get("open_questions", []) if strict else []))]

    negation = lexicon().get("negation", []) if strict else []

    def asserted(s):  # not after a wanted / planned / conditional word (strict: nor right after a negation, "had not survived")
        return not any(i < s for i in irrealis) and not (negation and find_terms(" ".join(text[:s].split()[-2:]), negation))

    for dim, spec in states.items():
        poles = {k: v for k, v in spec.items() if k not in ("about",)}
        hits = {p: [h for h in raw[(dim, p)] if not inside_longer(h[0], h[1], dim) and asserted(h[0])] for p in poles}
        present = [p for p, h in hits.items() if h]
        if len(present) == 1:
            out[dim] = (present[0], hits[present[0]])
        elif len(present) > 1 and cut:
            late = {p: [h for h in hits[p] if h[0] >= cut] for p in present}
            late = {p: h for p, h in late.items() if h}
            if late:  # the clause right after the contrast word decides
                first = min(late, key=lambda p: late[p][0][0])
                out[dim] = (first, late[first])
    return out


@lru_cache(maxsize=400_000)
def pole_vector(text: str) -> tuple[float, ...]:
    """Numeric form of ``state_poles``: per dimension +1 (first pole), -1 (second), 0."""
    poles = state_poles(text)
    vec = []
    for dim, spec in (lexicon().get("states") or {}).items():
        names = [k for k in spec if k not in ("about",)]
        p = poles.get(dim)
        vec.append(0.0 if p is None else (1.0 if p[0] == names[0] else -1.0))
    return tuple(vec)


def is_total(text: str) -> bool:
    """The text marks its state as total ("all", "completely", "the last", ...) and gives no
    percentage below 100 ("86% of the area" is partial)."""
    for m in _PERCENT.finditer(text):
        if float(m.group(1)) < 100:
            return False
    return bool(find_terms(text, lexicon().get("totality", [])))


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b)", re.I)


def pole_names(dim: str) -> list[str]:
    """The two pole names of a state dimension."""
    spec = (lexicon().get("states") or {}).get(dim, {})
    return [k for k in spec if k not in ("about",)]
