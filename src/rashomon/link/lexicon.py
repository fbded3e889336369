"""Lexicons the linking stages share, read once from the package data files.

- ``actors.yaml``: titles, demonyms, country aliases (capitals), media outlets and their
  affiliation (written for the per-article actor extractor, reused here);
- ``sides.yaml``: state media, wire agencies, seats of government, side labels;

``country_in(text)`` finds which country a phrase ties itself to ("Ukraine's General Staff",
"the Russian military", "the Kremlin", "Kyiv"); ``canonical_country(word)`` maps one demonym,
alias or country name to the country's short name.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

from ..data import load_yaml


load = load_yaml  # the parsed YAML data file ``name`` from ``rashomon/data[/<lang>]`` ({} when absent)


@lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """Lower-case, strip accents and normalise apostrophes and spaces (worked out once per string:
    the linking stages fold the same names many times)."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", s).strip().lower()


@lru_cache(maxsize=1)
def _country_table() -> dict[str, str]:
    """folded word or phrase -> country short name."""
    actors = load("actors.yaml", "en")
    sides = load("sides.yaml", "en")
    table: dict[str, str] = {}
    for c in actors.get("countries", []) or []:
        table[fold(c)] = c
    for k, v in (actors.get("demonyms") or {}).items():
        table[fold(k)] = v
    for k, v in (actors.get("country_aliases") or {}).items():
        table[fold(k)] = v
    for k, v in (sides.get("country_aliases") or {}).items():
        table[fold(k)] = v
    for k, v in (sides.get("institutions") or {}).items():
        table[fold(k)] = v
    # "South Korean"/"U.S." etc. are already keys; add plural demonyms ("Ukrainians")
    for k, v in list(table.items()):
        if k.endswith("n") and " " not in k and k + "s" not in table:
            table[k + "s"] = v
    return table


@lru_cache(maxsize=1)
def _country_regex() -> re.Pattern:
    keys = sorted(_country_table(), key=len, reverse=True)
    alts = "|".join(re.escape(k) for k in keys if k)
    return re.compile(r"(?<![\w.])(" + alts + r")(?:'s|')?(?![\w])")


def canonical_country(word: Optional[str]) -> Optional[str]:
    """Country for a demonym, country name, alias or capital ('Ukrainian', 'Kyiv', 'U.S.'), else None."""
    if not word:
        return None
    w = fold(word)
    w = re.sub(r"^the ", "", w)
    w = re.sub(r"'s?$", "", w)
    return _country_table().get(w)


@lru_cache(maxsize=100_000)  # a name is looked up once, however many mentions carry it
def country_in(text: Optional[str]) -> Optional[tuple[str, str]]:
    """The first country a phrase names (as demonym, name, alias, capital or seat of government):
    returns ``(country, the words that name it)`` or None."""
    if not text:
        return None
    m = _country_regex().search(fold(text))
    if not m:
        return None
    return _country_table()[m.group(1)], m.group(1)


def strip_countries(text: str) -> str:
    """``text`` (folded) without the country words in it: "ukraine's general staff" -> "general staff"."""
    return re.sub(r"\s+", " ", _country_regex().sub(" ", fold(text))).strip()


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Titles and honorifics (folded), longest first."""
    ts = {fold(t) for t in load("actors.yaml", "en").get("titles", []) or []}
    return tuple(sorted(ts, key=len, reverse=True))


@lru_cache(maxsize=1)
def media_outlets() -> dict[str, Optional[str]]:
    """folded outlet name -> its country (or None)."""
    out = {}
    for k, v in (load("actors.yaml", "en").get("media_outlets") or {}).items():
        out[fold(k)] = canonical_country(v) if v else None
    return out


@lru_cache(maxsize=1)
def state_media() -> frozenset[str]:
    return frozenset(fold(x) for x in load("sides.yaml", "en").get("state_media", []) or [])


@lru_cache(maxsize=1)
def wire_agencies() -> frozenset[str]:
    return frozenset(fold(x) for x in load("sides.yaml", "en").get("wire_agencies", []) or [])


def side_label(key: str) -> Optional[str]:
    return (load("sides.yaml", "en").get("labels") or {}).get(key, key.replace("_", " "))
