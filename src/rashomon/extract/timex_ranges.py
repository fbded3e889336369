"""The second day of a range of days that names its month once ("April 24 and 25", "May 3-5, 2024"),
both ends of a range of years written with a dash ("1939-1945", "1990-91"), and the year of the
first end of a range of months or days that writes it once ("from June to August 2011").

In: the matches of ``timex_rules.find`` (in text order) and the text. Out: the same matches with
the second day of each such range added as a date of the first's month (and year), and each year
of a dashed year range added as a year.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

from .timex_lexicon import Match, _WORDS


def full_date(s: int, e: int, y: int, mo: int, d: int, mod: Optional[str]) -> Optional[Match]:
    """A ``full`` match for year ``y``, month ``mo``, day ``d`` over ``s:e``; None when no such day exists."""
    try:
        date(y, mo, d)
    except (ValueError, TypeError):
        return None
    return Match(s, e, "full", f={"y": y, "m": mo, "d": d}, mod=mod)


_DAY_RANGE_END = re.compile(_WORDS["day_range_end"], re.I)


def range_ends(ms: list[Match], text: str) -> list[Match]:
    """Add the second day of a range that names its month once ("April 24 and 25", "May 3-5, 2024")
    as a date of the first's month; a year written after the second day ("May 3-5, 2024") is given to
    both days and stops being a match of its own."""
    out: list[Match] = []
    drop: set[int] = set()
    for k, mt in enumerate(ms):
        if k in drop:
            continue
        out.append(mt)
        if mt.kind not in ("month_day", "full") or mt.f.get("clock") or mt.f.get("event") or not mt.f.get("d"):
            continue
        m = _DAY_RANGE_END.match(text, mt.end)
        if not m or not mt.f["d"] < int(m.group(1)) <= 31:
            continue
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        if nxt is not None and nxt.start < m.end(1):
            continue  # the second number is already part of another expression
        y = mt.f.get("y") or (int(m.group(2)) if m.group(2) else None)
        if m.group(2) and nxt is not None and nxt.kind == "year" and nxt.start == m.start(2):
            drop.add(k + 1)
        if y and mt.kind == "month_day":
            first = full_date(mt.start, mt.end, y, mt.f["m"], mt.f["d"], mt.mod)
            if first is None:
                continue
            out[-1] = first
        second = full_date(m.start(1), m.end(1), y, mt.f["m"], int(m.group(1)), None) if y else \
            Match(m.start(1), m.end(1), "month_day", f={"m": mt.f["m"], "d": int(m.group(1))})
        if second is not None:
            out.append(second)
    return out


_YEAR_RANGE = re.compile(_WORDS["year_range"])


def year_ranges(ms: list[Match], text: str) -> list[Match]:
    """Add both years of a dashed range ("1939-1945", "1990-91") that no match covers yet, as two
    ``year`` matches; the second must come after the first and within a century of it."""
    added: list[Match] = []
    for m in _YEAR_RANGE.finditer(text):
        y1, y2s = int(m.group(1)), m.group(2)
        y2 = int(y2s) if len(y2s) == 4 else y1 // 100 * 100 + int(y2s)
        if not y1 < y2 <= y1 + 100:
            continue
        over = [mt for mt in ms if mt.start < m.end() and m.start() < mt.end]
        if not over:
            added.append(Match(m.start(1), m.end(1), "year", f={"y": y1}))
        elif not (len(over) == 1 and over[0].kind == "year" and (over[0].start, over[0].end) == m.span(1)):
            continue  # the range is part of another expression
        added.append(Match(m.start(2), m.end(2), "year", f={"y": y2}))
    return sorted(ms + added, key=lambda mt: mt.start) if added else ms


_MONTH_RANGE_GAP = re.compile(_WORDS["month_range_gap"], re.I)


def month_range_years(ms: list[Match], text: str) -> list[Match]:
    """Give a yearless month or month-day the year of the dated month or day that closes its range
    ("from June to August 2011" -> 2011-06, "between March 30 and April 2, 2012" -> 2012-03-30);
    the year before when the first comes later in the calendar ("December to February 2012")."""
    out = list(ms)
    for k in range(len(ms) - 1):
        a, b = ms[k], ms[k + 1]
        if not _MONTH_RANGE_GAP.fullmatch(text[a.end:b.start]):
            continue
        if a.kind == "month" and a.f.get("det") is None and b.kind == "month_year":
            y = b.f["y"] - (a.f["m"] > b.f["m"])
            out[k] = Match(a.start, a.end, "month_year", a.type, {"y": y, "m": a.f["m"]}, a.mod)
        elif a.kind == "month_day" and not a.f.get("clock") and b.kind == "full" and not a.f.get("dir"):
            y = b.f["y"] - ((a.f["m"], a.f["d"]) > (b.f["m"], b.f["d"]))
            out[k] = full_date(a.start, a.end, y, a.f["m"], a.f["d"], a.mod) or a
    return out
