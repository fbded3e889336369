"""The package's data files (lexicons, patterns, unit tables), each with a comment saying where it
came from. Language-neutral files (thresholds) sit in ``rashomon/data/``; everything written in
or for one language (word lists, cue lexicons, regex word alternations, gazetteers) sits in
``rashomon/data/<lang>/`` (ISO 639-1 code; ``en`` today).

``load_yaml(name, lang=None)`` is the one reader: it parses ``rashomon/data/<name>`` (or
``rashomon/data/<lang>/<name>`` when ``lang`` is given) once per process; callers build their own
structures from the result and never mutate it. ``read_text(name, lang=None)`` gives a file's
text (for the non-YAML files) or None when the file is absent."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml

DEFAULT_LANG = "en"  # the language of the texts until ingest says otherwise


def _path(name: str, lang: Optional[str]):
    root = resources.files("rashomon.data")
    return root.joinpath(lang, name) if lang else root.joinpath(name)


def read_text(name: str, lang: Optional[str] = None) -> Optional[str]:
    """The text of ``rashomon/data/[<lang>/]<name>``, or None when the file is absent."""
    path = _path(name, lang)
    return path.read_text(encoding="utf-8") if path.is_file() else None


@lru_cache(maxsize=None)
def load_yaml(name: str, lang: Optional[str] = None) -> dict:
    """Parsed content of ``rashomon/data/[<lang>/]<name>`` (a YAML mapping); ``{}`` when the file
    is absent."""
    text = read_text(name, lang)
    if text is None:
        return {}
    return yaml.safe_load(text) or {}
