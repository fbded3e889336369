"""Rules that find time expressions in English text and compute their TIMEX3-style values.

Two jobs, kept apart so that a value can be computed again later (``link/dates.py``):

- ``find(text) -> list[Match]``: every date, time, duration and frequency expression, as
  non-overlapping character spans with a *meaning* (``Match.kind`` and ``Match.f``), found by
  regular expressions built from the lexicon ``data/en/timex.yaml``.
- ``relative_form(match, direction) -> str | None`` and ``resolve(form, anchor) -> (value,
  precision)``: the machine form of an expression that needs an anchor date ("weekday:SA:before",
  "offset:day:-1", "month:3:before", ...) and its value against a given anchor date.
  ``absolute_value(match)`` gives the value of expressions that need no anchor.

Values follow ISO 8601 / TimeML: ``2025-04-26``, ``2025-03``, ``2024``, ``2025-W16``,
``2024-SU``, ``2025-Q3``, ``199`` (the 1990s), ``P5D``, ``PT3H``, ``2025-04-25TNI``,
``PRESENT_REF``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
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
    ref (val), set (val), quarter (q, y | latest), half (h, y), clock (h, mi), iso (value).
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


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    """The compiled pattern table of ``data/en/timex_patterns.yaml``, filled with the month, weekday,
    season, number, holiday, reference, set and named-event alternations of ``data/en/timex.yaml``."""
    lx = lexicon()
    table = load_yaml("timex_patterns.yaml", "en")
    b = dict(table["blocks"])
    b["MON"] = rf"(?P<mon>{_alt(lx['months'])})\.?"
    b["WD"] = rf"(?P<wd>{_alt(k for k in lx['weekdays'] if len(k) > 4)})"
    b["SEAS"] = rf"(?P<season>{_alt(lx['seasons'])})"
    word_nums = [k for k in lx["numbers"] if k not in ("a", "an")]
    b["NUM"] = table["num"].format(WORD_NUMS=_alt(word_nums), **b)
    b["HOLIDAYS"] = _alt(lx['holidays'])
    b["REFS"] = _alt(lx['refs'])
    b["SETS"] = _alt(lx['sets'])
    b["EVENTS"] = _alt(n for e in lx.get('named_events', []) for n in e['names'])
    pats = [(name, template.format(**b)) for name, template in table["patterns"]]
    return [(name, re.compile(p, re.I)) for name, p in pats]


def _num(s: str) -> Optional[float | str]:
    """Number word or digits -> number; 'several' -> 'X'; None when not a number."""
    lx = lexicon()
    s = re.sub(r"\s+", " ", s.lower()).strip()
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
    if tok.isupper() and len(tok) > 3:
        return False
    if name in ("month", "month_det"):
        key = tok.lower().rstrip(".")
        if m.groupdict().get("mod") or m.groupdict().get("det"):
            return True
        before = text[max(0, m.start() - 12):m.start()].lower()
        prep = re.search(_WORDS["month_preceding_words"], before)
        if key in _AMBIG:
            return bool(prep)
        return bool(prep) or not re.search(r"^\s*[A-Z]", text[m.end():m.end() + 2])
    return True


_MOD_BEFORE = re.compile(_WORDS["mod_before"], re.I)
_APX_BEFORE = re.compile(_WORDS["apx_before"], re.I)
_MOD_KINDS = {"full", "month_year", "month_relyear", "month", "season", "year", "rel_unit", "dayword"}


def _extend(mt: Match, text: str) -> None:
    """Take in a part-of-period modifier ("early", "mid-", "the end of") or an approximation
    ("about", "more than") written just before the expression; record it in ``mod``."""
    before = text[max(0, mt.start - 24):mt.start]
    if mt.kind in _MOD_KINDS and mt.mod is None and not text[mt.start:mt.end].lower().startswith(("earlier", "later")):
        m = _MOD_BEFORE.search(before)
        if m:
            key = re.sub(r"\s+", " ", m.group(1).lower())
            table = lexicon()["period_mods"]
            mt.mod = table.get(key) or table.get(key.replace("the ", ""))
            mt.start -= len(before) - m.start()
            return
    if mt.kind in ("duration", "ago"):
        m = _APX_BEFORE.search(before)
        if m:
            mt.mod = _APX_MOD.get(re.sub(r"\s+", " ", m.group(1).lower()))
            mt.start -= len(before) - m.start()


def find(text: str) -> list[Match]:
    """All time expressions in ``text`` as non-overlapping ``Match`` records, in text order.
    Longer matches win over shorter ones that overlap them."""
    cands: list[Match] = []
    lx = lexicon()
    for name, rx in _patterns():
        for m in rx.finditer(text):
            mt = _make(name, m, text, lx)
            if mt is not None:
                _extend(mt, text)
                s, e = mt.start, mt.end
                while e > s and text[e - 1] in " \t\n,":
                    e -= 1
                while s < e and text[s] in " \t\n":
                    s += 1
                mt.start, mt.end = s, e
                if e > s:
                    cands.append(mt)
    cands.sort(key=lambda c: (-c.length, c.start))
    taken: list[Match] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return _merge(taken, text)


_DATEISH = ("month_day", "full", "weekday", "dayword")


def _merge(ms: list[Match], text: str) -> list[Match]:
    """Join "Friday, Oct. 23" (weekday + date: the date's value) and "9 a.m. Tuesday" /
    "noon Thursday" / "5 p.m. EST, Nov. 9" (clock + day: a time on that day) into one span."""
    out: list[Match] = []
    i = 0
    while i < len(ms):
        a = ms[i]
        b = ms[i + 1] if i + 1 < len(ms) else None
        gap = text[a.end:b.start] if b else None
        if b is not None and re.fullmatch(r",?\s{1,3}|\s+on\s+", gap or "x"):
            if a.kind == "weekday" and b.kind in ("month_day", "full") and not a.f.get("part"):
                out.append(Match(a.start, b.end, b.kind, b.type, dict(b.f), b.mod))
                i += 2
                continue
            if a.kind == "clock" and b.kind in _DATEISH:
                f = dict(b.f)
                f["clock"] = (a.f["h"], a.f["mi"])
                out.append(Match(a.start, b.end, b.kind, "time", f, b.mod))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _mod(m: re.Match) -> Optional[str]:
    g = m.groupdict().get("mod")
    if not g:
        return None
    g = re.sub(r"\s+", " ", g.lower()).strip()
    table = lexicon()["period_mods"]
    return table.get(g) or table.get(g.replace("the ", ""))


def _rely(s: str) -> int:
    s = re.sub(r"\s+", " ", s.lower())
    if s in ("last year", "the previous year", "the year before"):
        return -1
    if s in ("next year", "the following year"):
        return 1
    return 0


def _make(name: str, m: re.Match, text: str, lx: dict) -> Optional[Match]:
    g = m.groupdict()
    mon = lx["months"].get(g["mon"].lower().rstrip(".")) if g.get("mon") else None
    if g.get("mon") and not _month_ok(text, m, name):
        return None
    s, e = m.start(), m.end()
    if g.get("prep"):
        s = m.end("prep")
    mod = _mod(m)
    if name == "event":
        ev = named_event(g["ev"])
        if ev is None:
            return None
        y, mo, d = (int(x) for x in str(ev["date"]).split("-"))
        mt = _full(s, e, y, mo, d, None)
        if mt is not None:
            mt.f["event"] = ev["event"]
        return mt
    if name == "iso":
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        return _full(s, e, y, mo, d, mod)
    if name == "slash":
        y = int(g["y"])
        y = y + (1900 if y >= 50 else 2000) if y < 100 else y
        return _full(s, e, y, int(g["m"]), int(g["d"]), mod)
    if name in ("full", "full_dmy"):
        return _full(s, e, int(g["y"]), mon, int(g["d"]), mod)
    if name == "month_year":
        return Match(s, e, "month_year", f={"y": int(g["y"]), "m": mon}, mod=mod)
    if name == "month_relyear":
        return Match(s, e, "month_relyear", f={"m": mon, "yoff": _rely(g["rely"])}, mod=mod)
    if name in ("month_day", "day_month"):
        d = int(g["d"])
        if not 1 <= d <= 31:
            return None
        return Match(s, e, "month_day", f={"m": mon, "d": d}, mod=mod)
    if name == "month_det":
        det = g["det"].lower()
        return Match(s, e, "month", f={"m": mon, "det": dict(_WORDS["det_offset"])[det]}, mod=mod)
    if name == "month":
        return Match(s, e, "month", f={"m": mon, "det": None}, mod=mod)
    if name in ("season_of", "season_det", "season", "season_bare"):
        code = lx["seasons"][g["season"].lower()]
        f = {"s": code}
        if g.get("y"):
            f["y"] = int(g["y"])
        elif g.get("rely"):
            f["yoff"] = _rely(g["rely"])
        elif g.get("det"):
            f["det"] = dict(_WORDS["det_offset"])[g["det"].lower()]
        return Match(s, e, "season", f=f, mod=mod)
    if name == "decade":
        return Match(s, e, "decade", f={"dec": int(g["dec"])}, mod=_mod(m))
    if name == "decade2":
        return Match(s, e, "decade", f={"dec": 190 + int(g["dec2"])})
    if name == "fiscal":
        return Match(s, e, "year", f={"y": int(g["y"])})
    if name == "year":
        pre = text[max(0, s - 1):s]
        if pre.isdigit():
            return None
        if pre == "-" and not re.search(_WORDS["prefix_mod"], text[max(0, s - 6):s], re.I):
            return None
        return Match(s, e, "year", f={"y": int(g["y"])}, mod=mod)
    if name == "quarter":
        if "-" in m.group(0) and m.group(0).lower().startswith("the"):
            s = s + len(re.match(r"the\s+", m.group(0), re.I).group(0))
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[g["q"].lower()]
        f = {"q": q}
        if g.get("y"):
            f["y"] = int(g["y"])
        return Match(s, e, "quarter", f=f)
    if name == "latest_quarter":
        return Match(s, e, "quarter", f={"latest": True})
    if name == "half":
        f = {"h": 1 if g["h"].lower() == "first" else 2}
        if g.get("y"):
            f["y"] = int(g["y"])
        return Match(s, e, "half", f=f)
    if name == "weekday":
        if not g["wd"][0].isupper():
            return None
        wd = lx["weekdays"][g["wd"].lower()]
        det = g.get("det")
        part = lx["day_parts"].get((g.get("part") or "").lower())
        return Match(s, e, "weekday", type="time" if part else "date",
                     f={"wd": wd, "det": det.lower() if det else None, "part": part})
    if name == "dayword":
        w = g["w"].lower()
        part = lx["day_parts"].get((g.get("part") or "").lower())
        if w == "tonight":
            part = "NI"
        return Match(s, e, "dayword", type="time" if part else "date", f={"off": lx["day_words"][w], "part": part})
    if name == "daypart":
        det = g["det"].lower()
        part = lx["day_parts"][g["part"].lower()]
        off = {"this": 0, "last": -1 if part == "NI" else 0, "tomorrow": 1, "yesterday": -1}[det]
        if det == "last" and part != "NI":
            return None
        return Match(s, e, "dayword", type="time", f={"off": off, "part": part})
    if name == "rel_unit":
        det = re.sub(r"\s+", " ", g["det"].lower())
        unit = g["unit"].lower()
        if det in ("the past",) or (det == "last" and unit in ("hour", "minute", "second")):
            iso = _dur_iso(1, unit)
            return Match(s, e, "duration", type="duration", f={"iso": iso}) if iso else None
        off = dict(_WORDS["rel_unit_offset"])[det]
        if unit in ("hour", "minute", "second", "day", "night"):
            return None
        if g.get("adv") and not g.get("mod"):
            s = m.start("det")  # TimeML leaves "earlier" out of "earlier this week"
        return Match(s, e, "rel_unit", f={"unit": unit, "off": off}, mod=mod or _adv_mod(g.get("adv")))
    if name == "times_a":
        iso = _dur_iso(1, g["unit"].lower())
        return Match(s, e, "set", type="set", f={"val": iso}) if iso else None
    if name == "spoken_year":
        y = _spoken_year(g["sy"])
        return Match(s, e, "year", f={"y": y}) if y else None
    if name == "holiday":
        md = lx["holidays"][re.sub(r"\s+", " ", g["hol"].lower())]
        if not g["hol"][0].isupper():
            return None
        if not (re.search(_WORDS["holiday_preceding_words"],
                          text[max(0, s - 8):s], re.I) or re.match(r"\s*(?:[,.;:!?)]|$)", text[e:e + 2])):
            return None  # "Christmas trees": not a date
        if md == "thanksgiving":
            return Match(s, e, "holiday", f={"hol": "thanksgiving"})
        mo, d = (int(x) for x in md.split("-"))
        return Match(s, e, "month_day", f={"m": mo, "d": d})
    if name == "period_end":
        unit = (g.get("unit") or "year").lower()
        mod = {"end": "END", "beginning": "START", "start": "START", "middle": "MID"}[(g.get("pe") or "end").lower()]
        return Match(s, e, "rel_unit", f={"unit": unit, "off": 0}, mod=mod)
    if name == "the_weekend":
        return Match(s, e, "rel_unit", f={"unit": "weekend", "off": 0})
    if name == "year_ago":
        return Match(s, e, "rel_unit", f={"unit": "year", "off": -1})
    if name == "ago":
        n = _num(g["num"])
        if n is None:
            return None
        unit = g["unit"].lower()
        d = re.sub(r"\s+", " ", g["dir"].lower())
        sign = -1 if d in ("ago", "earlier") else 1
        if n == "X":
            return Match(s, e, "ref", f={"val": "PAST_REF" if sign < 0 else "FUTURE_REF"})
        return Match(s, e, "ago", f={"unit": unit, "n": n, "sign": sign})
    if name == "duration":
        n = _num(g["num"])
        if n is None:
            return None
        if isinstance(n, (int, float)) and n > 1000:
            return None
        unit = g["unit"].lower()
        if g["num"].lower() in ("a", "an") and not g.get("rel") and text[max(0, s - 4):s].lower().strip() in ("per",):
            return None
        rel = (g.get("rel") or "").lower()
        if not rel and re.match(r"the\s+\S+-", m.group(0), re.I):
            s = s + len(re.match(r"the\s+", m.group(0), re.I).group(0))
        if n == "X" and rel in ("past", "last", "previous"):
            return Match(s, e, "ref", f={"val": "PAST_REF"})
        if n == "X" and rel in ("next", "coming", "following"):
            return Match(s, e, "ref", f={"val": "FUTURE_REF"})
        if unit == "second" and g["num"].lower() in ("a", "an", "one") and re.match(
                _WORDS["not_after_ordinal_second"], text[e:e + 12]):
            return None  # "a second device": an ordinal
        if unit == "quarter" and re.match(r"\s+of\b", text[e:e + 4]):
            return None  # "three-quarters of the vote"
        iso = _dur_iso(n, unit)
        if iso is None:
            return None
        apx = (g.get("apx") or "").lower()
        return Match(s, e, "duration", type="duration", f={"iso": iso}, mod=_APX_MOD.get(re.sub(r"\s+", " ", apx)))
    if name == "duration_plural":
        unit = g["unit"].lower()
        pre = (g.get("pre") or "").lower()
        s2 = m.start("unit") if pre in ("for", "over", "in", "within") else s
        if pre.startswith("the "):
            s2 = s
        if pre in ("recent", "past", "the past", "the last"):
            return Match(s, e, "ref", f={"val": "PAST_REF"})
        if pre in ("coming", "the coming", "the next"):
            return Match(s, e, "ref", f={"val": "FUTURE_REF"})
        iso = _dur_iso("X", unit)
        return Match(s2, e, "duration", type="duration", f={"iso": iso}) if iso else None
    if name == "ref":
        key = re.sub(r"\s+", " ", g["ref"].lower())
        if key == "soon" and (re.search(r"\bas\s+$", text[max(0, s - 4):s], re.I) or re.match(r"\s+(?:as|after)\b", text[e:e + 7], re.I)):
            return None
        val = lx["refs"][key]
        s2 = s
        if key.startswith("in the "):
            s2 = s + 3
        return Match(s2, e, "ref", f={"val": val})
    if name == "set":
        if g["set"][0].isupper() and (re.search(r"\bthe\s+$", text[max(0, s - 4):s], re.I) or re.match(r"\s+[A-Z]", text[e:e + 2])):
            return None  # "The Daily Caller", "Weekly Standard": a name
        return Match(s, e, "set", type="set", f={"val": lx["sets"][g["set"].lower()]})
    if name == "every":
        n = g.get("num2")
        k = 2 if n and n.lower() == "other" else (_num(n) if n else 1)
        iso = _dur_iso(k, g["unit"].lower())
        return Match(s, e, "set", type="set", f={"val": iso}) if iso else None
    if name == "clock":
        h = int(g["h"])
        if not 1 <= h <= 12:
            return None
        ap = g["ap"].lower().replace(".", "")
        h = (h % 12) + (12 if ap == "pm" else 0)
        return Match(s, e, "clock", type="time", f={"h": h, "mi": int(g["mi"] or 0)})
    if name == "noon":
        return Match(s, e, "clock", type="time", f={"h": 12 if g["nm"].lower() == "noon" else 0, "mi": 0})
    return None


_APX_MOD = dict(_WORDS["apx_mod"])


def _spoken_year(s: str) -> Optional[int]:
    s = re.sub(r"[\s-]+", " ", s.lower()).replace(" and ", " ")
    w = s.split()
    if w[:2] == ["two", "thousand"]:
        rest = _num(" ".join(w[2:])) if len(w) > 2 else 0
        return 2000 + rest if isinstance(rest, int) else None
    if w[0] == "nineteen":
        if w[1:] == ["hundred"]:
            return 1900
        rest = _num(" ".join(w[1:]))
        return 1900 + rest if isinstance(rest, int) else None
    return None


def _adv_mod(adv: Optional[str]) -> Optional[str]:
    if not adv:
        return None
    return {"earlier": "START", "later": "END"}.get(adv.lower())


def _full(s, e, y, mo, d, mod) -> Optional[Match]:
    try:
        date(y, mo, d)
    except (ValueError, TypeError):
        return None
    return Match(s, e, "full", f={"y": y, "m": mo, "d": d}, mod=mod)


def _dur_iso(n, unit: str) -> Optional[str]:
    """ISO 8601 duration for ``n`` ``unit``s (n may be 'X' for an unknown count)."""
    unit = unit.lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    table = dict(_WORDS["duration_units"])
    if unit not in table:
        return None
    letter, is_time = table[unit]
    if unit == "fortnight" and isinstance(n, (int, float)):
        n = n * 2
    if unit in ("decade", "century"):
        k = 10 if unit == "decade" else 100
        letter = "Y"
        if isinstance(n, (int, float)):
            n = n * k
        elif unit == "century":
            letter = "CE"
    if isinstance(n, float) and not n.is_integer():
        ns = f"{n:g}"
    elif isinstance(n, (int, float)):
        ns = str(int(n))
    else:
        ns = "X"
    return f"PT{ns}{letter}" if is_time else f"P{ns}{letter}"


# --------------------------------------------------------------------------- values


def precision_of(value: Optional[str]) -> Optional[str]:
    """day | month | year | season | decade | week | quarter | time | None, from an ISO value."""
    if not value:
        return None
    if "T" in value and re.match(r"\d{4}-\d\d-\d\dT", value):
        return "time"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}-W\d\d(-WE)?", value):
        return "week"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"\d{4}-[QH]\d", value):
        return "quarter"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{3}", value):
        return "decade"
    if re.fullmatch(r"\d{2}", value):
        return "century"
    return None


def absolute_value(mt: Match) -> Optional[str]:
    """The value of an expression that needs no anchor date, else None."""
    f = mt.f
    k = mt.kind
    if k == "full":
        v = f"{f['y']:04d}-{f['m']:02d}-{f['d']:02d}"
        return v + (f"T{f['clock'][0]:02d}:{f['clock'][1]:02d}" if f.get("clock") else "")
    if k == "month_year":
        return f"{f['y']:04d}-{f['m']:02d}"
    if k == "year":
        return f"{f['y']:04d}"
    if k == "decade":
        return f"{f['dec']:03d}"
    if k == "season" and "y" in f:
        return f"{f['y']:04d}-{f['s']}"
    if k == "quarter" and "y" in f:
        return f"{f['y']:04d}-Q{f['q']}"
    if k == "half" and "y" in f:
        return f"{f['y']:04d}-H{f['h']}"
    if k in ("duration",):
        return f["iso"]
    if k == "set":
        return f["val"]
    if k == "ref":
        return f["val"]
    return None


def relative_form(mt: Match, direction: str = "before") -> Optional[str]:
    """Machine form of an expression that needs an anchor date; ``direction`` is before | after |
    nearest (from the tense of the sentence). None for absolute expressions."""
    f, k = mt.f, mt.kind
    if k == "month_day":
        return f"monthday:{f['m']}-{f['d']}:{direction}" + (f":{f['clock'][0]:02d}{f['clock'][1]:02d}" if f.get("clock") else "")
    if k == "holiday":
        return f"holiday:{f['hol']}:{direction}"
    if k == "month_relyear":
        return f"month:{f['m']}:year:{f['yoff']}"
    if k == "month":
        if f.get("det") is not None:
            return f"month:{f['m']}:det:{f['det']}"
        return f"month:{f['m']}:{direction}"
    if k == "season" and "y" not in f:
        if "yoff" in f:
            return f"season:{f['s']}:year:{f['yoff']}"
        if f.get("det") is not None:
            return f"season:{f['s']}:det:{f['det']}"
        return f"season:{f['s']}:{direction}"
    if k == "weekday":
        det = f.get("det")
        how = dict(_WORDS["weekday_det"]).get(det or "", direction)
        if how == "nearest":
            how = "before"  # news reports mostly look back: "said Thursday"
        form = f"weekday:{f['wd']}:{how}"
        if f.get("clock"):
            return form + f":{f['clock'][0]:02d}{f['clock'][1]:02d}"
        return form + (f":{f['part']}" if f.get("part") else "")
    if k == "dayword":
        if f.get("clock"):
            return f"offset:day:{f['off']}:{f['clock'][0]:02d}{f['clock'][1]:02d}"
        return f"offset:day:{f['off']}" + (f":{f['part']}" if f.get("part") else "")
    if k == "rel_unit":
        return f"offset:{f['unit']}:{f['off']}"
    if k == "ago":
        n = f["n"]
        if not isinstance(n, (int, float)) or not float(n).is_integer():
            return None
        return f"offset:{f['unit']}:{int(n) * f['sign']}"
    if k == "quarter" and "y" not in f:
        if f.get("latest"):
            return "quarter:latest"
        return f"quarter:{f['q']}:before"  # a numbered quarter is the latest one so named
    if k == "half" and "y" not in f:
        return f"half:{f['h']}:{direction}"
    if k == "clock":
        return f"clock:{f['h']:02d}:{f['mi']:02d}"
    return None


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _week(d: date) -> str:
    iy, iw, _ = d.isocalendar()
    return f"{iy:04d}-W{iw:02d}"


def year_candidates(ref: date, m: int, d: int) -> list[date]:
    """Month ``m`` day ``d`` in the year before, of and after ``ref`` (invalid dates skipped)."""
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(date(y, m, d))
        except ValueError:
            continue
    return cands


def _pick_year(ref: date, m: int, d: int, direction: str) -> Optional[date]:
    cands = year_candidates(ref, m, d)
    if not cands:
        return None
    if direction == "before":
        ok = [c for c in cands if c <= ref]
        return max(ok) if ok else None
    if direction == "after":
        ok = [c for c in cands if c >= ref]
        return min(ok) if ok else None
    return min(cands, key=lambda c: (abs((c - ref).days), c > ref))


def _season_year(ref: date, s: str, how: str) -> int:
    start = lexicon()["season_start_month"][s]
    if how == "det:0":  # this summer
        return ref.year - 1 if (s == "WI" and ref.month <= 2) else ref.year
    # season containing or most recently started before ref
    started = ref.year if start <= ref.month else ref.year - 1
    if s == "WI" and ref.month <= 2:
        started = ref.year - 1
    if how in ("before", "nearest"):
        return started
    if how == "after":
        return started + 1 if not (s == "WI" and ref.month == 12) else started
    if how == "det:-1":  # the most recent season that has ended
        end_y, end_m = _shift_month(started, start, 2)
        ended = (end_y, end_m) < (ref.year, ref.month)
        return started if ended else started - 1
    if how == "det:1":
        return started + 1
    return started


def _with_part(d: date, part: Optional[str]) -> tuple[str, str]:
    if not part:
        return d.isoformat(), "day"
    if part.isdigit():
        return f"{d.isoformat()}T{part[:2]}:{part[2:]}", "time"
    return f"{d.isoformat()}T{part}", "time"


def resolve(form: str, ref: date) -> tuple[Optional[str], Optional[str]]:
    """Value and precision of the machine form ``form`` against the anchor date ``ref``."""
    p = form.split(":")
    kind = p[0]
    try:
        if kind == "offset":
            unit, n = p[1], int(p[2])
            part = p[3] if len(p) > 3 else None
            if unit in ("day", "night"):
                return _with_part(ref + timedelta(days=n), part)
            if unit == "week":
                return _week(ref + timedelta(days=7 * n)), "week"
            if unit == "fortnight":
                return _week(ref + timedelta(days=14 * n)), "week"
            if unit == "weekend":
                d = ref + timedelta(days=7 * n)
                if n == 0 and ref.weekday() < 5:
                    d = ref - timedelta(days=ref.weekday() + 1)  # the weekend just past
                return _week(d) + "-WE", "week"
            if unit == "month":
                y, m = _shift_month(ref.year, ref.month, n)
                return f"{y:04d}-{m:02d}", "month"
            if unit == "quarter":
                q = (ref.month - 1) // 3 + n
                y = ref.year + q // 4
                return f"{y:04d}-Q{q % 4 + 1}", "quarter"
            if unit == "year":
                return f"{ref.year + n:04d}", "year"
            if unit == "decade":
                return f"{ref.year // 10 + n:03d}", "decade"
            if unit in ("century", "centurie"):
                return f"{ref.year // 100 + n:02d}", "century"
            if unit in ("hour", "minute", "second"):
                return ref.isoformat(), "day"
            return None, None
        if kind == "weekday":
            t = WEEKDAY_INDEX[p[1]]
            how = p[2]
            part = p[3] if len(p) > 3 else None
            wd = ref.weekday()
            if how == "before":
                d = ref - timedelta(days=(wd - t) % 7)
            elif how == "after":
                d = ref + timedelta(days=(t - wd) % 7)
            elif how == "last":
                d = ref - timedelta(days=((wd - t) % 7) or 7)
            elif how == "next":
                d = ref + timedelta(days=((t - wd) % 7) or 7)
            elif how == "this":
                d = ref + timedelta(days=t - wd)
            else:  # nearest
                back, fwd = (wd - t) % 7, (t - wd) % 7
                d = ref - timedelta(days=back) if back <= fwd else ref + timedelta(days=fwd)
            return _with_part(d, part)
        if kind == "monthday":
            m, dd = (int(x) for x in p[1].split("-"))
            d = _pick_year(ref, m, dd, p[2])
            return _with_part(d, p[3] if len(p) > 3 else None) if d else (None, None)
        if kind == "month":
            m = int(p[1])
            if p[2] == "year":
                return f"{ref.year + int(p[3]):04d}-{m:02d}", "month"
            if p[2] == "det":
                k = int(p[3])
                if k == 0:
                    y = ref.year
                elif k < 0:
                    y = ref.year if m < ref.month else ref.year - 1
                else:
                    y = ref.year if m > ref.month else ref.year + 1
                return f"{y:04d}-{m:02d}", "month"
            how = p[2]
            if how == "before":
                y = ref.year if m <= ref.month else ref.year - 1
            elif how == "after":
                y = ref.year if m >= ref.month else ref.year + 1
            else:
                y = min((ref.year - 1, ref.year, ref.year + 1), key=lambda yy: abs((yy * 12 + m) - (ref.year * 12 + ref.month)))
            return f"{y:04d}-{m:02d}", "month"
        if kind == "season":
            s = p[1]
            if p[2] == "year":
                return f"{ref.year + int(p[3]):04d}-{s}", "season"
            how = f"det:{p[3]}" if p[2] == "det" else p[2]
            return f"{_season_year(ref, s, how):04d}-{s}", "season"
        if kind == "quarter":
            cur = (ref.month - 1) // 3 + 1
            if len(p) > 2 and p[2] == "nearest":
                p[2] = "before"
            if p[1] == "latest":
                q, y = (cur - 1, ref.year) if cur > 1 else (4, ref.year - 1)
                return f"{y:04d}-Q{q}", "quarter"
            q = int(p[1])
            how = p[2]
            y = ref.year
            if how != "after" and q > cur:
                y -= 1
            elif how == "after" and q < cur:
                y += 1
            return f"{y:04d}-Q{q}", "quarter"
        if kind == "half":
            h = int(p[1])
            y = ref.year
            if p[2] == "before" and h == 2 and ref.month <= 6:
                y -= 1
            return f"{y:04d}-H{h}", "quarter"
        if kind == "holiday":  # US Thanksgiving: fourth Thursday of November
            def tg(y):
                d = date(y, 11, 1)
                return d + timedelta(days=(3 - d.weekday()) % 7 + 21)
            cands = [tg(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
            if p[2] == "before":
                d = max(c for c in cands if c <= ref)
            elif p[2] == "after":
                d = min(c for c in cands if c >= ref)
            else:
                d = min(cands, key=lambda c: abs((c - ref).days))
            return d.isoformat(), "day"
        if kind == "clock":
            return f"{ref.isoformat()}T{p[1]}:{p[2]}", "time"
    except (ValueError, KeyError, IndexError):
        return None, None
    return None, None


def describe(form: str) -> str:
    """A short English gloss of a machine form, for ``reason`` texts."""
    p = form.split(":")
    if p[0] == "offset":
        n = int(p[2])
        unit = p[1]
        if unit == "day":
            return {0: "the same day as", -1: "the day before", 1: "the day after"}.get(n, f"{abs(n)} days {'before' if n < 0 else 'after'}")
        return {0: f"the same {unit} as", -1: f"the {unit} before", 1: f"the {unit} after"}.get(n, f"{abs(n)} {unit}s {'before' if n < 0 else 'after'}")
    if p[0] == "weekday":
        wd = [k for k, v in WEEKDAY_INDEX.items() if v == WEEKDAY_INDEX[p[1]]][0]
        names = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}
        return {"before": f"the {names[wd]} on or before", "after": f"the {names[wd]} on or after", "last": f"the {names[wd]} before",
                "next": f"the {names[wd]} after", "this": f"the {names[wd]} in the week of"}.get(p[2], f"the {names[wd]} nearest to")
    if p[0] == "monthday":
        return {"before": "that month and day on or before", "after": "that month and day on or after"}.get(p[2], "that month and day nearest to")
    if p[0] == "month":
        if p[2] == "year":
            return f"that month in the year {int(p[3]):+d} from"
        return "that month nearest to (in the direction of the tense)"
    return "the period relative to"
