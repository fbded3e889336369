"""The time-expression lexicon and the ``Match`` record shared by the recognisers (``timex_rules``)
and the value computation (``timex_values``).

In: ``data/en/timex.yaml`` and ``data/en/timex_words.yaml``. Out: ``lexicon()`` (the parsed
lexicon), ``Match`` (a found expression: span, kind, features, modifier), number words read as
numbers (``_num``) and named events (holidays) by name or by month and day.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..data import load_yaml

_WORDS = load_yaml("timex_words.yaml", "en")  # word lists and patterns of this module (data/en/timex_words.yaml)

WEEKDAY_INDEX = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The parsed ``data/en/timex.yaml``."""
    return load_yaml("timex.yaml", "en")


@dataclass
class Match:
    """One expression: span, TIMEX3 type, what kind of expression it is and its parts.

    ``kind`` is one of: full (y, m, d), month_year (y, m), month_relyear (m, yoff), month_day
    (m, d), month (m, det), year (y), decade (dec), season (s, det | y | yoff), weekday (wd,
    det, part), dayword (off, part), rel_unit (unit, off), ago (unit, n, sign), duration (iso),
    ref (val), set (val), quarter (q, y | latest), half (h, y), clock (h, mi), iso (value), century (c:
    the first two digits), week_of (m, d, y?: the week that holds the date), iso_week (y, w).
    """

    start: int
    end: int
    kind: str
    type: str = "date"
    f: dict = field(default_factory=dict)
    mod: Optional[str] = None

    @property
    def length(self) -> int:
        return self.end - self.start


# --------------------------------------------------------------------------- regex building


def _alt(words) -> str:
    ws = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws)


def _num(s: str) -> Optional[float | str]:
    """Number word or digits -> number; 'several' -> 'X'; None when not a number."""
    lx = lexicon()
    s = re.sub(r"\s+", " ", s.lower()).strip()
    half = re.search(_WORDS["half_suffix"], s)
    if half and half.start() > 0:
        whole = _num(s[:half.start()])
        return whole + 0.5 if isinstance(whole, (int, float)) else None
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        v = float(s)
        return int(v) if v.is_integer() else v
    nums = lx["numbers"]
    if s in nums:
        return nums[s]
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in nums and parts[1] in nums:
        return nums[parts[0]] + nums[parts[1]]
    return None


_AMBIG = None


def named_event(name: str) -> Optional[dict]:
    """The ``named_events`` entry of ``data/en/timex.yaml`` one of whose names is ``name`` (any case,
    any spacing), else None."""
    key = re.sub(r"\s+", " ", name.strip()).lower()
    for ev in lexicon().get("named_events", []):
        if key in {n.lower() for n in ev["names"]}:
            return ev
    return None


def event_by_month_day(m: int, d: int) -> Optional[dict]:
    """The ``named_events`` entry whose yearless ``month_day`` is (m, d), else None."""
    for ev in lexicon().get("named_events", []):
        if ev.get("month_day") and tuple(ev["month_day"]) == (m, d):
            return ev
    return None


def _month_ok(text: str, m: re.Match, name: str) -> bool:
    """A bare month name must be capitalised; ambiguous ones ('May', 'March') need a preposition,
    a modifier, or a day/year next to them."""
    global _AMBIG
    if _AMBIG is None:
        _AMBIG = set(lexicon()["ambiguous_months"])
    tok = m.group("mon")
    if not tok[0].isupper():
        return False
    if tok.isupper() and len(tok) > 3 and name not in ("full", "full_dmy", "month_day", "day_month"):
        return False  # "MARCH" alone is a heading word; "JANUARY 04" (a caption's date) is a date
    if name in ("month", "month_det"):
        key = tok.lower().rstrip(".")
        if m.groupdict().get("mod") or m.groupdict().get("det"):
            return True
        before = text[max(0, m.start() - 12):m.start()].lower()
        prep = re.search(_WORDS["month_preceding_words"], before) or re.search(_WORDS["mod_before"], before)
        if key in _AMBIG:
            # "of Jan Kavan": an abbreviation without its point before a capitalised word is a name
            name_next = tok.isalpha() and len(tok) <= 3 and re.match(r"\s+[A-Z][a-z]", text[m.end():m.end() + 3])
            return bool(prep) and not name_next
        return bool(prep) or not re.search(r"^\s*[A-Z]", text[m.end():m.end() + 2])
    return True
