"""English word forms and the variant concepts that several stages share: ``load_variants()``
(the parsed ``data/en/variants.yaml``: irregular verbs, concepts with their variant words),
``verb_forms(base, irregular) -> set[str]`` (every inflection of a verb) and
``noun_forms(noun) -> set[str]`` (singular and plural). Read by the framing stage
(``analyse.framing``) and by claim matching (``link.event_terms``)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..data import load_yaml


@lru_cache(maxsize=1)
def load_variants() -> dict:
    """The parsed ``data/en/variants.yaml``: ``{"irregular_verbs": {...}, "concepts": [...]}``."""
    return load_yaml("variants.yaml", "en")


def verb_forms(base: str, irregular: Optional[dict] = None) -> set[str]:
    """Every inflection of an English verb ``base`` (lower case): 3rd person, past, participle,
    gerund; irregular forms come from ``irregular`` (``{"take": ["took", "taken"]}``), compounds
    inherit them (``retake`` -> "retook", "retaken")."""
    b = base.lower()
    forms = {b}
    if re.search(r"(s|x|z|ch|sh)$", b):
        forms.add(b + "es")
    elif re.search(r"[^aeiou]y$", b):
        forms.add(b[:-1] + "ies")
    else:
        forms.add(b + "s")
    if b.endswith("ee"):
        forms |= {b + "d", b + "ing"}
    elif b.endswith("ie"):
        forms |= {b + "d", b[:-2] + "ying"}
    elif b.endswith("e"):
        forms |= {b + "d", b[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", b):
        forms |= {b[:-1] + "ied", b + "ing"}
    else:
        forms |= {b + "ed", b + "ing"}
        if re.search(r"[^aeiou][aeiou][^aeiouwxy]$", b):  # CVC: both spellings (expelled, targeted)
            forms |= {b + b[-1] + "ed", b + b[-1] + "ing"}
    for irr, (past, part) in (irregular or {}).items():
        if b == irr or (b.endswith(irr) and len(b) - len(irr) >= 2):
            prefix = b[: len(b) - len(irr)]
            forms |= {prefix + past, prefix + part}
            forms.discard(prefix + irr + "ed")
    return forms


def noun_forms(noun: str) -> set[str]:
    """Singular and plural of a noun or noun phrase (the last word is inflected)."""
    n = noun
    last = n.split()[-1]
    stem = n[: len(n) - len(last)]
    if re.search(r"(s|x|z|ch|sh)$", last):
        plural = last + "es"
    elif re.search(r"[^aeiou]y$", last):
        plural = last[:-1] + "ies"
    elif last.endswith("man"):
        plural = last[:-3] + "men"
    else:
        plural = last + "s"
    return {n, stem + plural}
