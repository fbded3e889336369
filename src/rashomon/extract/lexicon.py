"""Lexicons for the who-said-what extractors, read once from ``rashomon/data``.

- ``cues()``: ``data/en/cues.yaml`` (reporting verbs with their class, cue phrases, report nouns,
  distancing markers, hedges, negations);
- ``actor_lexicon()``: ``data/en/actors.yaml`` (titles, body nouns, descriptions, pronouns, media
  outlets, demonyms, country aliases, countries).

Both return plain dicts (lower-cased keys where lookups are case-insensitive).
"""
from __future__ import annotations

from functools import lru_cache

from ..data import load_yaml


@lru_cache(maxsize=1)
def cues() -> dict:
    """The cue lexicon: ``verbs`` (lemma -> {class, object}), ``phrases``, ``report_nouns`` (set),
    ``distancing`` (set), ``hedges`` (set), ``negations`` (set), ``speaking_documents`` (set of
    inanimate nouns that can report), ``speaker_nouns`` (set of nouns for people/bodies),
    ``idioms`` (list of set phrases whose verb is not a cue), ``commentary_participles`` (set of
    lemmas: ", contradicting B" / ", citing B" after a reported clause belongs to the report),
    ``uncertainty_predicates`` (set: "it is not clear ..." is hedged, not denied)."""
    raw = load_yaml("cues.yaml", "en")
    return {
        "verbs": {k.lower(): (v or {}) for k, v in (raw.get("verbs") or {}).items()},
        "phrases": {k.lower(): (v or {}) for k, v in (raw.get("phrases") or {}).items()},
        "report_nouns": {w.lower() for w in raw.get("report_nouns") or []},
        "distancing": {w.lower() for w in raw.get("distancing") or []},
        "hedges": {w.lower() for w in raw.get("hedges") or []},
        "negations": {w.lower() for w in raw.get("negations") or []},
        "speaking_documents": {w.lower() for w in raw.get("speaking_documents") or []},
        "speaker_nouns": {w.lower() for w in raw.get("speaker_nouns") or []},
        "idioms": [w.lower() for w in raw.get("idioms") or []],
        "commentary_participles": {w.lower() for w in raw.get("commentary_participles") or []},
        "uncertainty_predicates": {w.lower() for w in raw.get("uncertainty_predicates") or []},
    }


@lru_cache(maxsize=1)
def actor_lexicon() -> dict:
    """The actor lexicon: ``titles`` (set), ``body_nouns`` (noun -> actor type), ``descriptions``
    (noun -> allowed antecedent types), ``pronouns`` (pronoun -> allowed types), ``media``
    (lower-cased outlet -> (name, affiliation)), ``demonyms`` (lower -> country),
    ``country_of`` (lower-cased country/alias/capital -> country), ``countries`` (set)."""
    raw = load_yaml("actors.yaml", "en")
    countries = list(raw.get("countries") or [])
    country_of = {c.lower(): c for c in countries}
    country_of.update({k.lower(): v for k, v in (raw.get("country_aliases") or {}).items()})
    return {
        "titles": {t.lower() for t in raw.get("titles") or []},
        "body_nouns": {k.lower(): v for k, v in (raw.get("body_nouns") or {}).items()},
        "descriptions": {k.lower(): list(v) for k, v in (raw.get("descriptions") or {}).items()},
        "pronouns": {k.lower(): list(v) for k, v in (raw.get("pronouns") or {}).items()},
        "media": {k.lower(): (k, v) for k, v in (raw.get("media_outlets") or {}).items()},
        "demonyms": {k.lower(): v for k, v in (raw.get("demonyms") or {}).items()},
        "country_of": country_of,
        "countries": set(countries),
        "adjective": dict(raw.get("country_adjective") or {}),
    }


def country_for(word: str) -> str | None:
    """The country a word names or implies: a country, alias, capital or demonym; else None."""
    lex = actor_lexicon()
    w = word.lower().strip().removesuffix("’s").removesuffix("'s")
    return lex["country_of"].get(w) or lex["demonyms"].get(w)
