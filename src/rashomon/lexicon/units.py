"""The unit and qualifier tables shared by the quantity extractor (``extract.quantities``) and the
numeric cross-checks (``link.numbers``), compiled once from ``data/en/units.yaml`` and
``data/en/qualifiers.yaml``.

``tables() -> UnitTable``; ``unit_info(unit) -> dict | None`` (the ``units.yaml`` entry of a
canonical unit); ``dimension_of(unit) -> str | None`` ("km2" -> "area", "USD" ->
"currency:USD"); ``to_base(value, unit) -> float | None`` (in the dimension's base unit);
``in_si(value, unit) -> float | None`` (in the unit's ``si`` unit: 5 mi -> 8.047 km, 54% -> 0.54
fraction); ``share(value, unit) -> float | None`` (a share as a fraction of one: 54 "%" -> 0.54,
0.6667 "fraction" -> 0.6667; None for anything that is not a share).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..data import load_yaml


@dataclass
class UnitTable:
    """The compiled content of ``units.yaml`` and ``qualifiers.yaml``."""

    units: dict
    dimensions: dict
    unit_re: re.Pattern
    unit_cs_re: Optional[re.Pattern]
    form_to_unit: dict
    cs_form_to_unit: dict
    currency_prefix_re: re.Pattern
    currency_prefix: dict
    count_group: dict
    not_counted: set
    before_re: re.Pattern
    before: dict
    after_re: re.Pattern
    after: dict
    vague_re: re.Pattern
    vague: dict
    after_guard: dict = field(default_factory=dict)


def alternation(forms) -> str:
    """A regex alternation of ``forms``, escaped, longest first (so a longer form wins)."""
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


@lru_cache(maxsize=1)
def tables() -> UnitTable:
    """Load and compile the unit and qualifier tables once per process."""
    u = load_yaml("units.yaml", "en")
    q = load_yaml("qualifiers.yaml", "en")
    form_to_unit, cs_form_to_unit, guard = {}, {}, {}
    for uid, spec in u["units"].items():
        for f in spec.get("forms", []):
            form_to_unit[str(f).lower()] = uid
        for f in spec.get("cs_forms", []):
            cs_form_to_unit[str(f)] = uid
        if spec.get("after"):
            guard[uid] = re.compile(spec["after"], re.IGNORECASE)
    for code, words in u.get("currency_words", {}).items():
        for w in words:
            form_to_unit[w.lower()] = "cur:" + code
    end = r"(?![A-Za-z0-9²³])(?![-‐]\d)"  # not a model name ("Mi-8", "T-90")
    unit_re = re.compile(r"(?:\s?-\s?|\s)?(" + alternation(form_to_unit) + r")" + end, re.IGNORECASE)
    unit_cs_re = re.compile(r"(?:\s?-\s?|\s)?(" + alternation(cs_form_to_unit) + r")" + end) if cs_form_to_unit else None
    count_group = {}
    for g, nouns in u.get("count_groups", {}).items():
        for n in nouns:
            count_group[n.lower()] = g
    before = {e["text"].lower(): e for e in q.get("before", [])}
    after = {e["text"].lower(): e for e in q.get("after", [])}
    # a vague phrase -> (low, high) for an order of magnitude, or (value, value) for one number
    vague = {k.lower(): (float(v[0]), float(v[1])) if isinstance(v, list) else (float(v), float(v))
             for k, v in q.get("vague", {}).items()}
    return UnitTable(
        units=u["units"], dimensions=u.get("dimensions", {}), unit_re=unit_re, unit_cs_re=unit_cs_re,
        form_to_unit=form_to_unit, cs_form_to_unit=cs_form_to_unit,
        currency_prefix_re=re.compile(r"(" + alternation(u.get("currency_prefix", {})) + r")\s?$"),
        currency_prefix=u.get("currency_prefix", {}), count_group=count_group,
        not_counted={w.lower() for w in u.get("not_counted", [])},
        before_re=re.compile(r"(?:^|(?<=[\s(]))(" + alternation(before) + r")\s+$", re.IGNORECASE), before=before,
        after_re=re.compile(r"^\s*(" + alternation(after) + r")(?![A-Za-z])", re.IGNORECASE), after=after,
        vague_re=re.compile(r"\b(" + alternation(vague) + r")\b(?:\s+of\b)?", re.IGNORECASE), vague=vague,
        after_guard=guard)


def unit_info(unit: Optional[str]) -> Optional[dict]:
    """The ``units.yaml`` entry of a canonical unit (``None`` for counted nouns and currencies)."""
    if not unit:
        return None
    return tables().units.get(unit)


def dimension_of(unit: Optional[str]) -> Optional[str]:
    """'km2' -> 'area', 'USD' -> 'currency:USD', 'USD/h' -> 'rate:USD/h' (a price per unit), a
    counted noun -> None."""
    info = unit_info(unit)
    if info:
        return info["dimension"]
    if unit and "/" in unit and dimension_of(unit.split("/", 1)[0]) in ("currency:" + unit.split("/", 1)[0],):
        return "rate:" + unit
    if unit and (unit.isupper() and len(unit) == 3 or unit == "cent"):
        return "currency:" + unit
    return None


def to_base(value: float, unit: str) -> Optional[float]:
    """``value`` in ``unit`` expressed in its dimension's base unit (m, m2, kg, s, K...)."""
    info = unit_info(unit)
    if not info:
        return None
    return value * float(info["factor"]) + float(info.get("offset", 0.0))


def in_si(value: Optional[float], unit: Optional[str]) -> Optional[float]:
    """``value`` in ``unit`` expressed in the unit's ``si`` unit (5 "mi" -> 8.04672 "km", 54 "%"
    -> 0.54 "fraction"); None when either is missing or the unit has no ``si`` unit."""
    info = unit_info(unit)
    if value is None or not info or not info.get("si"):
        return None
    target = tables().units.get(info["si"])
    if not target:
        return None
    return (to_base(value, unit) - float(target.get("offset", 0.0))) / float(target["factor"])


def share(value: Optional[float], unit: Optional[str]) -> Optional[float]:
    """A share as a fraction of one: 54 "%" -> 0.54, 0.6667 "fraction" -> 0.6667; None when
    ``unit`` is not a share (a count, a measure, "percentage points")."""
    if value is None or dimension_of(unit) != "fraction":
        return None
    return to_base(value, unit)
