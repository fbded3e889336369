"""Numbers, durations and ISO dates written for a reader.

``number(v)``: 432000 -> "432,000", 0.25 -> "0.25" (no exponent). ``si_text(value, unit)``: a
duration in seconds in the largest fitting unit ("5 days (432,000 s)"), other SI values with
``number``. ``readable_date(iso)``: "2024-SU" -> "summer 2024", "2024-W05" -> "week 5 of 2024",
"2024-Q1" -> "first quarter of 2024", "2024-H2" -> "second half of 2024"; any other value as it
is.
"""
from __future__ import annotations

import re
from typing import Optional

SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}
# (seconds, singular, plural), largest first
DURATION_UNITS = ((365 * 86400, "year", "years"), (7 * 86400, "week", "weeks"), (86400, "day", "days"),
                  (3600, "hour", "hours"), (60, "minute", "minutes"))


def number(v: float) -> str:
    """``v`` with thousands separators and at most four significant decimals, never in exponent
    notation."""
    if v == int(v) and abs(v) < 1e18:
        return f"{int(v):,}"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    return f"{v:.4g}" if abs(v) >= 1e-4 else f"{v:.6f}".rstrip("0").rstrip(".")


def si_text(value: float, unit: str) -> str:
    """An SI value for a reader: durations (unit ``s``) of a minute or more in the largest unit
    they reach, with the seconds after; other values ``number(value) unit``."""
    if unit == "s" and abs(value) >= 60:
        for secs, one, many in DURATION_UNITS:
            if abs(value) >= secs:
                n = value / secs
                shown = number(round(n, 1))
                return f"{shown} {one if shown == '1' else many} ({number(value)} s)"
    return f"{number(value)} {unit}"


def readable_date(iso: Optional[str]) -> Optional[str]:
    """An ISO date value as a reader writes it (see the module doc)."""
    if not iso:
        return iso
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", iso)
    if m:
        return f"{SEASONS[m.group(2)]} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-W(\d{2})", iso)
    if m:
        return f"week {int(m.group(2))} of {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-Q([1-4])", iso)
    if m:
        return f"{ORDINALS[int(m.group(2))]} quarter of {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-H([12])", iso)
    if m:
        return f"{ORDINALS[int(m.group(2))]} half of {m.group(1)}"
    return iso
