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

This module holds the recognisers (``find``); the lexicon and ``Match`` live in ``timex_lexicon``,
the value computation in ``timex_values``; their public names are importable from here too.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Optional

from ..data import load_yaml
from .timex_lexicon import Match, WEEKDAY_INDEX, _WORDS, _alt, _month_ok, _num, event_by_month_day, lexicon, named_event  # noqa: F401
from .timex_ranges import month_range_years, range_ends, year_ranges
from .timex_values import absolute_value, describe, precision_of, relative_form, resolve, shift_period, year_candidates  # noqa: F401


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
    b["CENTURY_ORDINALS"] = _alt(lx["century_ordinals"])
    b["DECADE_WORDS"] = _alt(lx["decade_words"])
    b["DURATION_FILLERS"] = _alt(lx["duration_fillers"])
    pats = [(name, template.format(**b)) for name, template in table["patterns"]]
    return [(name, re.compile(p, re.I)) for name, p in pats]


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
    if mt.kind in ("duration", "ago") and not re.match(r"(?i)the\s", text[mt.start:mt.end]):
        # "about two weeks", but not the preposition of "over the past two weeks"
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
    return month_range_years(year_ranges(range_ends(_range_starts(_merge(taken, text), text), text), text), text)


# the first day of a range of days that names its month once: "10 to 12 May", "23-24 June",
# "between 3 and 5 March 2024" ("from 10 to 12 May" -> "10" is 10 May)
_DAY_RANGE_START = re.compile(_WORDS["day_range_start"], re.I)


def _range_starts(ms: list[Match], text: str) -> list[Match]:
    """Add the first day of a day range ("10 to 12 May 2023") as a date of the second's month
    (and year); only where the second end is written day first ("12 May")."""
    out: list[Match] = []
    for mt in ms:
        if mt.kind in ("month_day", "full") and not mt.f.get("clock") and text[mt.start:mt.start + 1].isdigit():
            m = _DAY_RANGE_START.search(text[max(0, mt.start - 16):mt.start])
            if m:
                d1 = int(m.group(1))
                s = mt.start - (len(text[max(0, mt.start - 16):mt.start]) - m.start(1))
                e = s + len(m.group(1))
                if 1 <= d1 < mt.f["d"] and (not out or out[-1].end <= s):
                    f = dict(mt.f, d=d1)
                    first = _full(s, e, f["y"], f["m"], d1, None) if mt.kind == "full" else \
                        Match(s, e, "month_day", f={"m": f["m"], "d": d1})
                    if first is not None:
                        out.append(first)
        out.append(mt)
    return out


_DATEISH = ("month_day", "full", "weekday", "dayword")


_STAMP_WORDS = set(_WORDS.get("stamp_line_words", []))


def _stamp_line(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` on a timestamp line of wire or web copy ("18:59 GMT 23.06.2023
    (Updated: 19:33 GMT 23.06.2023)", "05 February, 2023, 08:45 am")? Such a line dates the copy:
    its date is read as a date, not merged with the clock time into one time."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    line = text[a:b if b >= 0 else len(text)]
    words = re.findall(r"[A-Za-z]+", line)
    lx = lexicon()
    return all(w.lower() in _STAMP_WORDS or w.lower().rstrip(".") in lx["months"] or w.lower() in lx["weekdays"]
               or (w.isupper() and len(w) <= 4) for w in words)


def _merge(ms: list[Match], text: str) -> list[Match]:
    """Join "Friday, Oct. 23" (weekday + date: the date's value) and "9 a.m. Tuesday" /
    "noon Thursday" / "5 p.m. EST, Nov. 9" (clock + day: a time on that day) into one span."""
    out: list[Match] = []
    i = 0
    while i < len(ms):
        a = ms[i]
        b = ms[i + 1] if i + 1 < len(ms) else None
        gap = text[a.end:b.start] if b else None
        if b is not None and _stamp_line(text, a.start, b.end):
            out.append(a)  # a timestamp line: its date and its clock time stay apart
            i += 1
            continue
        if b is not None and re.fullmatch(r",?\s{1,3}|\s+on\s+", gap or "x"):
            if a.kind == "weekday" and b.kind in ("month_day", "full") and not a.f.get("part"):
                out.append(Match(a.start, b.end, b.kind, b.type, {**b.f, "wd": a.f["wd"]}, b.mod))
                i += 2
                continue
            if a.kind == "clock" and b.kind in _DATEISH:
                f = dict(b.f)
                f["clock"] = (a.f["h"], a.f["mi"])
                f["tz"] = a.f.get("tz")
                out.append(Match(a.start, b.end, b.kind, "time", f, b.mod))
                i += 2
                continue
        if b is not None and b.kind == "year" and not a.mod and (
                a.kind == "month" and a.f.get("det") is None and re.fullmatch(r",?\s+(?:of\s+)?", gap)
                or a.kind == "season" and set(a.f) == {"s"} and re.fullmatch(r"\s+of\s+", gap)):
            # "January nineteen ninety-seven", "the winter of nineteen ninety-four": the year the
            # month or season pattern could not read (a spoken year)
            kind, f = ("month_year", {"y": b.f["y"], "m": a.f["m"]}) if a.kind == "month" else ("season", {"s": a.f["s"], "y": b.f["y"]})
            out.append(Match(a.start, b.end, kind, a.type, f, a.mod))
            i += 2
            continue
        if b is not None and a.kind == "full" and not a.f.get("clock") and b.kind == "clock" \
                and re.fullmatch(r",?\s{1,3}(?:at\s+)?", gap or "x"):
            # "03.02.2024 14:05 GMT", "March 3, 2024, at 9:30 a.m.": a time on that day
            f = dict(a.f)
            f["clock"] = (b.f["h"], b.f["mi"])
            f["tz"] = b.f.get("tz")
            out.append(Match(a.start, b.end, "full", "time", f, a.mod))
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
        mt = _full(s, e, int(g["y"]), int(g["m"]), int(g["d"]), mod)
        if mt is not None and g.get("h"):  # an ISO timestamp: a time on that day
            mt.type, mt.f["clock"] = "time", (int(g["h"]), int(g["mi"]))
            mt.f["tz"] = "Z" if (g.get("z") or "").replace(":", "") in ("Z", "+0000", "-0000") else None
        return mt
    if name == "iso_week":
        w = int(g["w"])
        return Match(s, e, "iso_week", f={"y": int(g["y"]), "w": w}) if 1 <= w <= 53 else None
    if name == "dotted":
        return _full(s, e, int(g["y"]), int(g["m"]), int(g["d"]), mod)
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
    if name in ("month_day_det", "week_of"):
        d = int(g["d"])
        if not 1 <= d <= 31:
            return None
        if name == "week_of":  # "the week of March 6": the ISO week of that date
            return Match(s, e, "week_of", f={"m": mon, "d": d, **({"y": int(g["y"])} if g.get("y") else {})})
        return Match(s, e, "month_day", f={"m": mon, "d": d, "dir": dict(_WORDS["det_direction"])[g["det"].lower()]})
    if name == "century":
        n = int(g["cn"]) if g.get("cn") else lx["century_ordinals"][re.sub(r"[\s-]+", "-", g["cw"].lower())]
        return Match(s, e, "century", f={"c": n - 1}) if 1 <= n <= 30 else None
    if name == "decade_word":
        return Match(s, e, "decade", f={"dec": lx["decade_words"][g["dw"].lower()]}, mod=_mod(m))
    if name == "month_det":
        det = g["det"].lower()
        return Match(s, e, "month", f={"m": mon, "det": dict(_WORDS["det_offset"])[det]}, mod=mod)
    if name == "month":
        return Match(s, e, "month", f={"m": mon, "det": None}, mod=mod)
    if name == "month_set":  # "each July" -> XXXX-07, "every March 17" -> XXXX-03-17, "every spring" -> XXXX-SP
        if mon and g.get("d") and not 1 <= int(g["d"]) <= 31:
            return None
        val = (f"XXXX-{mon:02d}" + (f"-{int(g['d']):02d}" if g.get("d") else "")) if mon \
            else f"XXXX-{lx['seasons'][g['season'].lower()]}"
        return Match(s, e, "set", type="set", f={"val": val})
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
        return Match(s, e, "year", f={"y": int(g["y"]), "fiscal": True})
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
        f = {"q": ORDINAL_QUARTER[g["q"].lower()]}
        if g.get("y"):
            f["y"] = int(g["y"])
        elif g.get("rely"):
            f["yoff"] = _rely(g["rely"])  # "the first quarter of next year"
        return Match(s, e, "quarter", f=f)
    if name == "quarter_rely":
        return Match(s, e, "quarter", f={"q": ORDINAL_QUARTER[g["q"].lower()], "yoff": _rely(g["rely"])})
    if name == "report_year":
        return Match(s, e, "duration", type="duration", f={"iso": "P1Y"})
    if name == "fiscal_year":
        off = dict(_WORDS["fiscal_year_offset"])[re.sub(r"\s+", " ", g["fy"].lower())]
        return Match(s, e, "rel_unit", f={"unit": "year", "off": off})
    if name == "latest_period":
        return Match(s, e, "quarter", f={"latest": True, "period": True})
    if name == "year_period":
        return Match(s, e, "year", f={"y": int(g["y"]), "period": True})
    if name == "period_year_before":
        return Match(s, e, "rel_unit", f={"unit": "year", "off": -1, "period": True})
    if name == "latest_quarter":
        return Match(s, e, "quarter", f={"latest": True})
    if name == "half":
        if g["h"].lower() == "last" and " of" not in m.group(0).lower():
            return None  # "the last half hour"; "the last half of 1989" is the second half
        f = {"h": 1 if g["h"].lower() in ("first", "1") else 2}
        if g.get("y"):
            f["y"] = int(g["y"])
        elif g.get("rely"):
            f["yoff"] = _rely(g["rely"])  # "the second half of last year"
        return Match(s, e, "half", f=f)
    if name in ("weekday", "weekday_anaph"):
        if not g["wd"][0].isupper():
            return None
        wd = lx["weekdays"][g["wd"].lower()]
        det = g.get("det")
        part = lx["day_parts"].get((g.get("part") or "").lower())
        f = {"wd": wd, "det": det.lower() if det else None, "part": part}
        if g.get("ad"):  # "the previous Friday" (-1), "the following Monday" (+1)
            f["anaph"] = 1 if g["ad"].lower() == "following" else -1
        if g.get("wk"):  # "Monday of last week": that weekday in the week before
            f["wk"] = dict(_WORDS["det_offset"])[g["wk"].lower()]
        return Match(s, e, "weekday", type="time" if part else "date", f=f)
    if name == "weekday_set":
        if not g["wd"][0].isupper() or not (g.get("every") or g.get("pl") or g.get("pl2")):
            return None
        wd = lx["weekdays"][g["wd"].lower()]
        part = lx["day_parts"].get((g.get("part") or "").lower())
        val = f"XXXX-WXX-{WEEKDAY_INDEX[wd] + 1}" + (f"T{part}" if part else "")
        return Match(s, e, "set", type="set", f={"val": val, "wd": wd})
    if name == "dayword":
        w = g["w"].lower()
        part = lx["day_parts"].get((g.get("part") or "").lower())
        if w == "tonight":
            part = "NI"
        off = lx["day_words"][w] + {"before": -1, "after": 1}.get((g.get("dd") or "").lower(), 0)
        return Match(s, e, "dayword", type="time" if part else "date", f={"off": off, "part": part}, mod=mod)
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
        kind = "prev_unit" if det in _WORDS["anaphoric_dets"] else "rel_unit"
        return Match(s, e, kind, f={"unit": unit, "off": off}, mod=mod or _adv_mod(g.get("adv")))
    if name == "in_the_unit":
        return Match(s, e, "rel_unit", f={"unit": g["unit"].lower(), "off": 0}, mod=_adv_mod(g.get("adv")))
    if name == "prev_unit":
        return Match(s, e, "prev_unit", f={"unit": g["unit"].lower(), "off": 0}, mod=_adv_mod(g.get("adv")))
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
        named_day = re.fullmatch(r"(?:[A-Z][\w']*\s+)+(?:Day|Eve)", g["hol"])  # "Thanksgiving Day", "Election Day"
        if not (named_day or re.search(_WORDS["holiday_preceding_words"],
                                       text[max(0, s - 8):s], re.I) or re.match(r"\s*(?:[,.;:!?)]|$)", text[e:e + 2])):
            return None  # "Christmas trees": not a date
        if not re.fullmatch(r"\d\d-\d\d", md):  # a holiday of a weekday rule (timex_values.holiday_dates)
            return Match(s, e, "holiday", f={"hol": md})
        mo, d = (int(x) for x in md.split("-"))
        return Match(s, e, "month_day", f={"m": mo, "d": d})
    if name == "period_end":
        unit = (g.get("unit") or "year").lower()
        mod = {"end": "END", "beginning": "START", "start": "START", "middle": "MID"}[(g.get("pe") or "end").lower()]
        return Match(s, e, "rel_unit", f={"unit": unit, "off": 0}, mod=mod)
    if name == "the_weekend":
        return Match(s, e, "rel_unit", f={"unit": "weekend", "off": 0})
    if name == "year_ago" and g.get("q"):  # "the year-earlier third quarter"
        return Match(s, e, "quarter", f={"q": ORDINAL_QUARTER[g["q"].lower()], "yoff": -1})
    if name == "year_ago":  # "the year-ago period" is a period of report: the quarter a year before
        return Match(s, e, "rel_unit", f={"unit": "year", "off": -1, "period": bool(re.search(r"(?i)quarter|period", m.group(0)))})
    if name == "ago":
        n = _num(g["num"])
        if n is None:
            return None
        unit = g["unit"].lower()
        d = re.sub(r"\s+", " ", g["dir"].lower())
        sign = -1 if d in ("ago", "earlier") else 1
        if d in ("earlier", "later") and unit in _WORDS["event_relative_units"]:
            # "three days later", "an hour earlier": counted from an event, not from the writing; TimeML
            # annotates the stretch (P3D, PT1H)
            iso = _dur_iso(n, unit)
            return Match(s, e, "duration", type="duration", f={"iso": iso}) if iso else None
        if n == "X":
            return Match(s, e, "ref", f={"val": "PAST_REF" if sign < 0 else "FUTURE_REF"})
        return Match(s, e, "ago", f={"unit": unit, "n": n, "sign": sign, "later": d == "later"})
    if name == "duration":
        n = _num(g["num"])
        if n is None:
            return None
        if isinstance(n, (int, float)) and n > 1000:
            return None
        unit = g["unit"].lower()
        if g["num"].lower() in ("a", "an") and (not g.get("rel") and text[max(0, s - 4):s].lower().strip() in ("per",)
                                                or text[m.end("unit"):m.end("unit") + 1].lower() == "s"):
            return None  # "per a day"; "a years-long feud" (not one year)
        rel = (g.get("rel") or "").lower()
        if not rel and re.match(r"the\s+\S+-", m.group(0), re.I):
            s = s + len(re.match(r"the\s+", m.group(0), re.I).group(0))
        if unit == "second" and g["num"].lower() in ("a", "an", "one") and re.match(
                _WORDS["not_after_ordinal_second"], text[e:e + 12]):
            return None  # "a second device": an ordinal
        if unit == "quarter" and re.match(r"\s+of\b", text[e:e + 4]) and (
                "-" in m.group(0) or re.match(_WORDS["fraction_of_after"], text[e:e + 20])):
            return None  # "three-quarters of voters", "three quarters of the vote"; not "several quarters of losses"
        if g.get("half") and isinstance(n, (int, float)):
            n = n + 0.5  # "an hour and a half"
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
        # "recent years", "the past few weeks", "coming months": a stretch of unknown length
        # (TimeML: a DURATION with value PXY, PXW...), not the bare past or future
        iso = _dur_iso(1 if m.group(0).endswith("-long") and not g.get("pl") else "X", unit)
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
        return Match(s, e, "clock", type="time", f={"h": h, "mi": int(g["mi"] or 0), "tz": _tz(g.get("tz"))})
    if name == "clock_daypart":
        h, dp = int(g["h"]), g["dp"].lower()
        if not 1 <= h <= 12 or (dp == "morning" and h > 11 and h != 12) or (dp in ("afternoon", "evening") and h == 12):
            return None
        h = h % 12 + (12 if dp in ("afternoon", "evening") or (dp == "night" and h >= 6) else 0)
        return Match(s, e, "clock", type="time", f={"h": h, "mi": int(g["mi"] or 0)})
    if name in ("clock_zone", "clock_at"):
        return Match(s, e, "clock", type="time", f={"h": int(g["h"]), "mi": int(g["mi"]), "tz": _tz(g.get("tz"))})
    if name == "same_day":
        w = (g.get("ba") or g.get("nf") or "").lower()
        off, part = dict(_WORDS["same_day_offset"]).get(w, 0), lx["day_parts"].get((g.get("part") or "").lower())
        return Match(s, e, "same_day", "time" if part else "date", f={"off": off, "part": part}, mod=_adv_mod(g.get("adv")))
    if name == "noon":
        return Match(s, e, "clock", type="time", f={"h": 0 if g["nm"].lower() == "midnight" else 12, "mi": 0})
    return None


_APX_MOD = dict(_WORDS["apx_mod"])
ORDINAL_QUARTER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_UTC_ZONES = ("GMT", "UTC")


def _tz(zone: Optional[str]) -> Optional[str]:
    """A zone written after a clock time -> "Z" (GMT/UTC, the ISO suffix), "local" (any other
    zone: the value stays a local time), or None when no zone is written."""
    if not zone:
        return None
    return "Z" if zone.upper() in _UTC_ZONES else "local"


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


# half a unit in the next smaller unit (a day's half is "T12H": the time part of an ISO duration)
_HALF_UNIT = {"year": "6M", "hour": "30M", "minute": "30S", "day": "T12H"}


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
    if isinstance(n, float) and not n.is_integer() and (n * 2).is_integer() and unit in _HALF_UNIT:
        # a half of the unit written in the next smaller one, as TimeML does: P2Y6M, PT5H30M, PT1M30S
        big = f"{int(n)}{letter}" if int(n) else ""
        return ("PT" if is_time else "P") + big + _HALF_UNIT[unit]
    if isinstance(n, float) and not n.is_integer():
        ns = f"{n:g}"
    elif isinstance(n, (int, float)):
        ns = str(int(n))
    else:
        ns = "X"
    return f"PT{ns}{letter}" if is_time else f"P{ns}{letter}"
