"""Values of found time expressions, in ISO 8601 / TimeML form.

In: a ``Match`` (from ``timex_rules.find``) and, for relative expressions, an anchor ``date``.
Out: ``absolute_value(match)`` for expressions that need no anchor, ``relative_form(match,
direction)`` (a machine form such as ``weekday:SA:before`` or ``offset:day:-1``),
``resolve(form, anchor) -> (value, precision)``, ``precision_of(value)``, ``year_candidates`` and
``describe(form)`` (the reasoning in words).
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from .timex_lexicon import Match, WEEKDAY_INDEX, _WORDS, lexicon


# --------------------------------------------------------------------------- values


# the precision of an ISO value, by its shape (first match wins)
_PRECISION = [(re.compile(p), name) for p, name in (
    (r"\d{4}-\d\d-\d\dT.*", "time"), (r"\d{4}-\d\d-\d\d", "day"), (r"\d{4}-\d\d", "month"),
    (r"\d{4}-W\d\d(-WE)?", "week"), (r"\d{4}-(SP|SU|FA|WI)", "season"), (r"\d{4}-[QH]\d", "quarter"),
    (r"\d{4}", "year"), (r"\d{3}", "decade"), (r"\d{2}", "century"))]


def precision_of(value: Optional[str]) -> Optional[str]:
    """day | month | year | season | decade | century | week | quarter | time | None, from an ISO value."""
    if not value:
        return None
    return next((name for rx, name in _PRECISION if rx.fullmatch(value)), None)


def _zone(f: dict) -> str:
    """ISO 8601 zone suffix of a clock time: "Z" when the text gives GMT/UTC, else none (local time)."""
    return "Z" if f.get("tz") == "Z" else ""


def _clock_code(f: dict) -> str:
    """The "HHMM" (+ "Z") code of a clock time kept inside a machine form."""
    return f"{f['clock'][0]:02d}{f['clock'][1]:02d}" + _zone(f)


def absolute_value(mt: Match) -> Optional[str]:
    """The value of an expression that needs no anchor date, else None."""
    f = mt.f
    k = mt.kind
    if k == "full":
        v = f"{f['y']:04d}-{f['m']:02d}-{f['d']:02d}"
        return v + (f"T{f['clock'][0]:02d}:{f['clock'][1]:02d}" + _zone(f) if f.get("clock") else "")
    if k == "month_year":
        return f"{f['y']:04d}-{f['m']:02d}"
    if k == "year":
        return f"{f['y']:04d}"
    if k == "decade":
        return f"{f['dec']:03d}"
    if k == "iso_week":
        return f"{f['y']:04d}-W{f['w']:02d}"
    if k == "century":
        return f"{f['c']:02d}"
    if k == "week_of" and "y" in f:
        try:
            return _week(date(f["y"], f["m"], f["d"]))
        except ValueError:
            return None
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
    if k == "week_of" and "y" not in f:
        return f"weekof:{f['m']}-{f['d']}:{direction}"
    if k == "month_day":
        direction = f.get("dir") or direction  # "last Oct. 23": the determiner's direction
        if f.get("wd"):
            direction = f"wd{f['wd']}"  # "Monday, Oct. 26": the year in which Oct. 26 is a Monday
        form = f"monthday:{f['m']}-{f['d']}:{direction}"
        return form + (f":{_clock_code(f)}" if f.get("clock") else "")
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
    if k == "weekday" and f.get("wk") is not None:  # "Monday of last week": that weekday in the week named
        return f"weekday:{f['wd']}:wk:{f['wk']}"
    if k == "weekday" and f.get("anaph"):  # "the previous Friday": counted from the day mentioned before
        return f"prevwd:{f['wd']}:{f['anaph']}"
    if k == "weekday":
        det = f.get("det")
        how = dict(_WORDS["weekday_det"]).get(det or "", direction)
        if how == "nearest":
            how = "before"  # news reports mostly look back: "said Thursday"
        form = f"weekday:{f['wd']}:{how}"
        if f.get("clock"):
            return form + f":{_clock_code(f)}"
        return form  # "Tuesday morning" is dated to the day, as TimeBank/TempEval annotate it
    if k == "dayword":
        if f.get("clock"):
            return f"offset:day:{f['off']}:{_clock_code(f)}"
        return f"offset:day:{f['off']}"  # "last night", "tonight": the day
    if k == "rel_unit":
        if f["unit"] == "weekend" and f["off"] == 0 and direction == "after":
            return "offset:weekend:0:ahead"  # "will meet this weekend" on a weekday: the coming one
        return f"offset:{f['unit']}:{f['off']}"
    if k == "ago":
        n = f["n"]
        if isinstance(n, float) and f["unit"].lower() in ("hour", "minute", "second"):
            n = int(n)  # "half an hour ago": within the day of the anchor all the same
        if not isinstance(n, (int, float)) or not float(n).is_integer():
            return None
        years = {"decade": 10, "century": 100, "centurie": 100}.get(f["unit"].lower())
        if f.get("later") and (years or f["unit"].lower() in ("month", "quarter", "year")):
            # "a year later", "two months later": counted from the time mentioned before, not from the writing
            return f"prevunit:{'year' if years else f['unit'].lower()}:{int(n) * (years or 1)}"
        if years:  # "a decade ago" is the year ten years back (1989 in 1999), not the 1980s
            return f"offset:year:{int(n) * years * f['sign']}"
        return f"offset:{f['unit']}:{int(n) * f['sign']}"
    if k == "quarter" and "y" not in f:
        if "yoff" in f:
            return f"quarter:{f['q']}:year:{f['yoff']}"  # "last year's third quarter"
        if f.get("latest"):
            return "quarter:latest"
        return f"quarter:{f['q']}:before"  # a numbered quarter is the latest one so named
    if k == "half" and "y" not in f:
        if "yoff" in f:
            return f"half:{f['h']}:year:{f['yoff']}"  # "the second half of last year"
        return f"half:{f['h']}:{direction}"
    if k == "same_day":
        return f"prevday:{f['off']}"
    if k == "prev_unit":
        return f"prevunit:{f['unit']}:{f['off']}"
    if k == "clock":
        return f"clock:{f['h']:02d}:{f['mi']:02d}" + (":Z" if f.get("tz") == "Z" else "")
    return None


def shift_period(value: str, unit: str, n: int) -> Optional[str]:
    """The ``unit`` (year | month | week | quarter) that holds the time ``value`` (an ISO date,
    month, week, quarter...), moved by ``n`` units; None when ``value`` is not that precise."""
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?|-Q(\d)|-W(\d\d))?", value or "")
    if not m or not value[:4].isdigit():
        return None
    y, mo, d, q, w = m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)
    y = int(y)
    if unit == "year":
        return f"{y + n:04d}"
    if unit == "month" and mo:
        yy, mm = _shift_month(y, int(mo), n)
        return f"{yy:04d}-{mm:02d}"
    if unit == "quarter" and (q or mo):
        k = y * 4 + (int(q) - 1 if q else (int(mo) - 1) // 3) + n
        return f"{k // 4:04d}-Q{k % 4 + 1}"
    if unit == "week" and (d or w):
        day = date(y, int(mo), int(d)) if d else date.fromisocalendar(y, int(w), 1)
        return _week(day + timedelta(days=7 * n))
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


# a month and day within this many days of the anchor is that date, whatever the tense says
# ("Jan. 14" in a story of Jan. 15 that says "will" is not next year's); chosen on TempEval-3 train
_CLOSE_DAYS = 31


def _pick_year(ref: date, m: int, d: int, direction: str) -> Optional[date]:
    """The date of month ``m`` day ``d`` nearest ``ref`` in ``direction`` (before | after | nearest |
    ``wd:<MO..SU>``, the weekday the text gives beside it: the year in which that date falls on it)."""
    cands = year_candidates(ref, m, d)
    if not cands:
        return None
    nearest = min(cands, key=lambda c: (abs((c - ref).days), c > ref))
    if direction.startswith("wd") and direction[2:] in WEEKDAY_INDEX:
        ok = [c for c in cands if c.weekday() == WEEKDAY_INDEX[direction[2:]]]
        return min(ok, key=lambda c: abs((c - ref).days)) if ok else nearest
    close = abs((nearest - ref).days) <= _CLOSE_DAYS
    if direction == "before":
        ok = [c for c in cands if c <= ref]
        return nearest if close or not ok else max(ok)
    if direction == "after":
        ok = [c for c in cands if c >= ref]
        return nearest if close or not ok else min(ok)
    ok = [c for c in cands if (c - ref).days <= _future_horizon()]
    return nearest if close or not ok else min(ok, key=lambda c: (abs((c - ref).days), c > ref))


def _future_horizon() -> int:
    """``future_horizon_days`` of ``data/en/timex.yaml``: how far ahead an undirected yearless date may lie."""
    return int(lexicon().get("future_horizon_days", 366))


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
    if part[:4].isdigit():  # "HHMM", or "HHMMZ" for a time given in GMT/UTC
        return f"{d.isoformat()}T{part[:2]}:{part[2:4]}{part[4:]}", "time"
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
                if n == 0 and ref.weekday() < 5 and part != "ahead":
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
            if how == "wk":  # that weekday in the week ``p[3]`` weeks from the anchor's
                return (ref + timedelta(days=7 * int(p[3]) + t - ref.weekday())).isoformat(), "day"
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
        if kind == "weekof":
            m, dd = (int(x) for x in p[1].split("-"))
            d = _pick_year(ref, m, dd, p[2])
            return (_week(d), "week") if d else (None, None)
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
            else:  # nearest, a month ahead only within the future horizon
                ahead = round(_future_horizon() / 30.44)  # in months
                ys = [yy for yy in (ref.year - 1, ref.year, ref.year + 1)
                      if (yy * 12 + m) - (ref.year * 12 + ref.month) <= ahead]
                y = min(ys, key=lambda yy: abs((yy * 12 + m) - (ref.year * 12 + ref.month)))
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
            if how == "year":
                return f"{ref.year + int(p[3]):04d}-Q{q}", "quarter"
            y = ref.year
            if how != "after" and q > cur:
                y -= 1
            elif how == "after" and q < cur:
                y += 1
            return f"{y:04d}-Q{q}", "quarter"
        if kind == "half":
            h = int(p[1])
            if p[2] == "year":
                return f"{ref.year + int(p[3]):04d}-H{h}", "quarter"
            y = ref.year
            if p[2] == "before" and h == 2 and ref.month <= 6:
                y -= 1
            return f"{y:04d}-H{h}", "quarter"
        if kind == "holiday":  # a holiday of a weekday rule: US Thanksgiving, US Election Day
            cands = [holiday_date(p[1], y) for y in (ref.year - 1, ref.year, ref.year + 1)]
            if p[2] == "before":
                d = max(c for c in cands if c <= ref)
            elif p[2] == "after":
                d = min(c for c in cands if c >= ref)
            else:
                d = min(cands, key=lambda c: abs((c - ref).days))
            return d.isoformat(), "day"
        if kind == "prevunit":  # the period of the time mentioned before; the anchor's when none is
            return resolve(f"offset:{p[1]}:{p[2]}", ref)
        if kind == "prevday":  # the day of the time mentioned before; the anchor when none is
            return (ref + timedelta(days=int(p[1]))).isoformat(), "day"
        if kind == "prevwd":  # that weekday strictly before (-1) or after (+1) the day mentioned before
            return resolve(f"weekday:{p[1]}:{'last' if int(p[2]) < 0 else 'next'}", ref)
        if kind == "clock":
            return f"{ref.isoformat()}T{p[1]}:{p[2]}" + (p[3] if len(p) > 3 else ""), "time"
    except (ValueError, KeyError, IndexError):
        return None, None
    return None, None


def holiday_date(name: str, year: int) -> date:
    """The day of a holiday that follows a weekday rule in ``year``: ``thanksgiving`` (US, the fourth
    Thursday of November) or ``us_election`` (the Tuesday after the first Monday of November)."""
    nov1 = date(year, 11, 1)
    if name == "thanksgiving":
        return nov1 + timedelta(days=(3 - nov1.weekday()) % 7 + 21)
    if name == "us_election":
        return nov1 + timedelta(days=(0 - nov1.weekday()) % 7 + 1)
    raise KeyError(name)


def describe(form: str) -> str:
    """A short English gloss of a machine form, for ``reason`` texts."""
    p = form.split(":")
    if p[0] == "prevunit":
        n = int(p[2])
        return {0: f"the same {p[1]} as", -1: f"the {p[1]} before", 1: f"the {p[1]} after"}.get(
            n, f"{abs(n)} {p[1]}s {'before' if n < 0 else 'after'}")
    if p[0] == "prevwd":
        return f"that weekday {'before' if int(p[2]) < 0 else 'after'}"
    if p[0] == "prevday":
        return {0: "the same day as", -1: "the day before", 1: "the day after"}.get(int(p[1]), "the day near")
    if p[0] == "offset":
        n = int(p[2])
        unit = p[1]
        if unit == "day":
            return {0: "the same day as", -1: "the day before", 1: "the day after"}.get(n, f"{abs(n)} days {'before' if n < 0 else 'after'}")
        return {0: f"the same {unit} as", -1: f"the {unit} before", 1: f"the {unit} after"}.get(n, f"{abs(n)} {unit}s {'before' if n < 0 else 'after'}")
    if p[0] == "weekday":
        wd = [k for k, v in WEEKDAY_INDEX.items() if v == WEEKDAY_INDEX[p[1]]][0]
        names = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}
        if p[2] == "wk":
            return f"the {names[wd]} of the week {int(p[3]):+d} from the week of"
        return {"before": f"the {names[wd]} on or before", "after": f"the {names[wd]} on or after", "last": f"the {names[wd]} before",
                "next": f"the {names[wd]} after", "this": f"the {names[wd]} in the week of"}.get(p[2], f"the {names[wd]} nearest to")
    if p[0] == "weekof":
        return "the week that holds that month and day nearest to (in the direction of the tense)"
    if p[0] == "monthday":
        return {"before": "that month and day on or before", "after": "that month and day on or after"}.get(p[2], "that month and day nearest to")
    if p[0] == "month":
        if p[2] == "year":
            return f"that month in the year {int(p[3]):+d} from"
        return "that month nearest to (in the direction of the tense)"
    return "the period relative to"
