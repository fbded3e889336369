"""Event-type classes and place designators for claim matching, read from ``data/en/variants.yaml``.

Outlets name one event with different verbs ("ousted", "forced out", "recaptured", "liberated"
are all ``retake_territory``; "pulled out", "withdrew" are ``withdrawal``). ``event_classes(text)``
returns the ids of the variant concepts whose verb or noun variants occur in ``text``, so two
claims with different wordings of one event type share a feature. ``designator_norm(word)``
folds region designators ("Oblast", "province", "krai") to ``region``.

The variant sets are the framing stage's (``lexicon.wordforms.load_variants``); only concepts marked
``kind: event`` there (event types, not labels, loaded reporting verbs or place names) are used.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon.wordforms import load_variants, verb_forms

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], list[tuple[frozenset, str, str]], frozenset]:
    """(single word form -> concept, [(head forms, particle, concept)], designators)."""
    data = load_variants()
    irregular = data.get("irregular_verbs") or {}
    single: dict[str, str] = {}
    phrasal: list[tuple[frozenset, str, str]] = []
    designators: set[str] = set()
    for concept in data.get("concepts") or []:
        designators |= {str(d).lower() for d in concept.get("designators") or []}
        variants = concept.get("variants") or []
        if concept.get("kind") != "event":
            continue  # labels and loaded reporting verbs are word choice, not event types
        cid = concept["id"]
        for v in variants:
            term, pos = str(v.get("term", "")).lower(), v.get("pos")
            words = term.split()
            if pos == "verb" and len(words) == 2:
                phrasal.append((frozenset(verb_forms(words[0], irregular)), words[1], cid))
            elif pos == "verb" and len(words) == 1:
                for f in verb_forms(term, irregular):
                    single.setdefault(f, cid)
            elif pos == "noun" and len(words) == 1:
                single.setdefault(term, cid)
                single.setdefault(term + "s", cid)
    return single, phrasal, frozenset(designators)


def event_classes(text: str) -> set[str]:
    """Ids of the event-type concepts named in ``text`` (see module doc)."""
    single, phrasal, _ = _tables()
    toks = [t.lower().replace("\u2019", "'") for t in _TOKEN.findall(text)]
    out = {single[t] for t in toks if t in single}
    for i, t in enumerate(toks):
        for heads, particle, cid in phrasal:
            if t in heads and particle in toks[i + 1:i + 5]:
                out.add(cid)
    return out


def designator_norm(word: str) -> str:
    """``region`` for a region designator ("oblast", "province"), else ``word`` unchanged."""
    return "region" if word.lower() in _tables()[2] else word
