"""The package's data files (lexicons, patterns, unit tables), each with a comment saying where it
came from. ``load_yaml(name)`` is the one reader: it parses ``rashomon/data/<name>`` once per
process; callers build their own structures from the result and never mutate it."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=None)
def load_yaml(name: str) -> dict:
    """Parsed content of ``rashomon/data/<name>`` (a YAML mapping); ``{}`` when the file is absent."""
    path = resources.files("rashomon.data").joinpath(name)
    if not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
