"""The boilerplate rules, loaded once from ``rashomon/data/en/boilerplate.yaml``.

``load_rules() -> Boilerplate``: line rules (``Rule``: id, reason, compiled regex, max_words),
outlet-evidence rules and the reasons whose lines may name the outlet, and the word lists for the
dateline and byline evidence (wire agencies, media words, byline roles). ``match_line(text)``
returns the first ``Rule`` whose pattern matches the whole line, or None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import yaml

from ..data import read_text


@dataclass(frozen=True)
class Rule:
    id: str
    reason: str
    regex: re.Pattern
    max_words: Optional[int] = None
    comment: str = ""


@dataclass(frozen=True)
class Boilerplate:
    rules: tuple[Rule, ...]
    outlet_rules: tuple[Rule, ...]
    outlet_reasons: frozenset[str]
    outlet_stoplist: frozenset[str]
    wire_agencies: tuple[str, ...] = ()
    media_words: frozenset[str] = frozenset()
    byline_roles: frozenset[str] = frozenset()

    def match_line(self, text: str) -> Optional[Rule]:
        """The first rule that removes the (normalised, trimmed) line ``text``, or None."""
        n_words = len(text.split())
        for rule in self.rules:
            if rule.max_words is not None and n_words > rule.max_words:
                continue
            if rule.regex.fullmatch(text):
                return rule
        return None


def _compile(entry: dict, outlet_name: str = "") -> Rule:
    pattern = entry["pattern"]
    if isinstance(pattern, list):
        pattern = "|".join(f"(?:{p})" for p in pattern)
    if outlet_name:
        pattern = pattern.replace("<OUTLET>", f"(?P<outlet>{outlet_name})").replace(
            "<OUTLET_SHORT>", f"(?P<outlet>{outlet_name.replace('{0,6}', '{0,6}?')})")
    flags = 0 if entry.get("case") == "sensitive" else re.IGNORECASE
    try:
        regex = re.compile(pattern, flags)
    except re.error as e:  # a broken data file is a bug: say which rule
        raise ValueError(f"boilerplate rule {entry.get('id')!r}: bad pattern: {e}") from e
    return Rule(id=entry["id"], reason=entry.get("reason", "other"), regex=regex, max_words=entry.get("max_words"),
                comment=entry.get("comment", ""))


@lru_cache(maxsize=4)
def load_rules(path: Optional[str] = None) -> Boilerplate:
    """Load and compile the rules from ``path`` (default: the packaged boilerplate.yaml)."""
    if path is None:
        text = read_text("boilerplate.yaml", "en")
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    data = yaml.safe_load(text)
    return Boilerplate(
        rules=tuple(_compile(e) for e in data.get("rules", [])),
        outlet_rules=tuple(_compile(e, data.get("outlet_name", "")) for e in data.get("outlet_evidence", [])),
        outlet_reasons=frozenset(data.get("outlet_reasons", [])),
        outlet_stoplist=frozenset(s.lower() for s in data.get("outlet_stoplist", [])),
        wire_agencies=tuple(sorted(data.get("wire_agencies", []), key=len, reverse=True)),
        media_words=frozenset(w.lower() for w in data.get("media_words", [])),
        byline_roles=frozenset(w.lower() for w in data.get("byline_roles", [])),
    )
