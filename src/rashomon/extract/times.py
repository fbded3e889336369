"""The times stage: date, time and duration expressions with ISO 8601 / TimeML values.

In: ``state.article`` (``text``, ``published`` ISO date or None, ``index``) and ``state.doc`` (the
spaCy parse, used for the tense of the governing verb and to tell years from counts).
Out: ``state.ann.times``, one ``TimeExpr`` per expression, ids ``t<article index>-<n>``.

How values are set:

- explicit dates ("April 26, 2025", "August 2024", "in 2024") -> ``anchor="absolute"``;
- relative ones ("today", "on Saturday", "last week", "April 26") are resolved against the
  publication date -> ``anchor="publication"``; the direction (the Saturday before or after) comes
  from the tense of the verb that governs the expression (past -> on or before, future -> on or
  after, otherwise nearest);
- without a publication date they keep ``value=None`` with a ``reason`` and the machine form in
  ``relative`` so ``link/dates.py`` can resolve them once it infers the date; month-day and month
  expressions without a year may instead take their year from the latest explicit past date of
  the same article (``anchor="document_year"``, explained in ``reason``);
- durations ("five days" -> ``P5D``) and frequencies ("weekly" -> ``P1W``) need no anchor.

The recognisers themselves live in ``extract/timex_rules.py`` and the word lists in
``data/timex.yaml``.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Optional

from ..models import TimeExpr
from . import timex_rules as R

_FUTURE_VERBS = {"expect", "schedule", "plan", "intend", "hope", "aim", "set", "due", "prepare", "promise", "vow"}
_FUTURE_CUES = {"payable", "effective", "deadline", "due", "expires", "upcoming", "scheduled", "slated", "next"}
_TIME_NOUNS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century",
               "centuries", "quarter", "quarters", "election", "elections", "season", "seasons", "budget", "budgets",
               "games", "olympics", "census", "models", "levels", "figures", "results", "earnings", "prices", "rates"}
_TENSE = {"before": "past", "after": "future", "nearest": "present"}
_MOD_WORDS = {"START": "early/beginning", "MID": "mid", "END": "late/end"}


def parse_date(value: Optional[str]) -> Optional[date]:
    """``'2025-04-26'`` (or a longer ISO timestamp) -> ``date``; None when absent or not a day."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def direction(doc: Any, start: int, end: int) -> str:
    """Which way a relative date points, from the tense of the verb that governs the span:
    ``before`` (past), ``after`` (future) or ``nearest`` (present or unknown)."""
    if doc is None:
        return "before"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "before"
    v = span.root
    found = False
    path = []
    for _ in range(8):
        if v.pos_ in ("VERB", "AUX"):
            found = True
            break
        if v.head is v:
            break
        v = v.head
        path.append(v)
    cues = {t.lower_ for t in path} | {c.lower_ for c in span.root.head.children if c.dep_ in ("amod", "compound")}
    if cues & _FUTURE_CUES:
        return "after"
    if "since" in {t.lower_ for t in path[:2]} or (span.start > 0 and span.doc[span.start - 1].lower_ == "since"):
        return "before"
    if cues & {"by", "until", "till"} and found and v.tag_ not in ("VBD",) and not any(
            a.lemma_ == "have" for a in v.children if a.dep_ == "aux"):
        return "after"
    if not found:
        sw = {t.lower_ for t in span.sent}
        if sw & {"will", "'ll"}:
            return "after"
        return "before" if any(t.tag_ == "VBD" for t in span.sent) else "nearest"
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & {"will", "shall", "'ll", "wo"}:
        return "after"
    if v.tag_ == "VB" and any(c.lower_ == "to" for c in v.children) and v.dep_ == "xcomp" and v.head.lemma_.lower() in _FUTURE_VERBS | {"be"}:
        return "after"
    if v.head is not v and v.dep_ == "xcomp" and v.head.lemma_.lower() in _FUTURE_VERBS:
        return "after"
    if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "before"
    if v.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "before"
    if "would" in words or "could" in words:
        return "nearest"
    return "nearest"


def _is_count(doc: Any, mt: R.Match) -> bool:
    """True when a four-digit 'year' is really a count ("2000 troops", "$1990")."""
    if doc is None:
        return False
    span = doc.char_span(mt.start, mt.end, alignment_mode="expand")
    if span is None:
        return False
    for ent in doc.ents:
        if ent.start_char <= mt.start < ent.end_char and ent.label_ in ("MONEY", "PERCENT", "QUANTITY"):
            return True
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in _TIME_NOUNS:
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in ("about", "some", "nearly", "almost", "over", "than", "roughly", "approximately", "least"):
        return nxt is not None and nxt.pos_ == "NOUN"
    return False


def _reference_point(matches: list[R.Match], dirs: list[str], text: str) -> Optional[tuple[date, str, str, bool]]:
    """For an undated article: the latest explicit date at month precision or finer that is not
    in a forward-looking sentence -> (its first day, its text, its value, whether it names the
    day); None when there is none."""
    best = None
    for mt, d in zip(matches, dirs):
        if d == "after" or mt.kind not in ("full", "month_year"):
            continue
        day = date(mt.f["y"], mt.f["m"], mt.f.get("d", 1))
        if best is None or day > best[0]:
            best = (day, text[mt.start:mt.end], R.absolute_value(mt), mt.kind == "full")
    return best


def _document_year(mt: R.Match, ref: tuple[date, str, str, bool]) -> Optional[tuple[str, str]]:
    """Value of a yearless month-day or month in an undated article, from the article's latest
    explicit past date ``ref`` -> (value, how). When ``ref`` names a day, the year that puts the
    date nearest to it; when it names only a month and year (writers add the year to a month
    when it is not the current one), the first occurrence on or after it."""
    day0, full = ref[0], ref[3]
    if mt.kind == "month_day":
        m, d = mt.f["m"], mt.f["d"]
    elif mt.kind == "month" and mt.f.get("det") is None:
        m, d = mt.f["m"], 1
    else:
        return None
    cands = []
    for y in (day0.year - 1, day0.year, day0.year + 1):
        try:
            cands.append(date(y, m, d))
        except ValueError:
            continue
    if not cands:
        return None
    if full:
        pick = min(cands, key=lambda c: abs((c - day0).days))
        how = "the year that puts it nearest to that date"
    else:
        later = [c for c in cands if (c.year, c.month) >= (day0.year, day0.month)]
        if not later:
            return None
        pick = min(later)
        how = "the first such date on or after it (a month is given its year when it is not the current one)"
    value = pick.isoformat() if mt.kind == "month_day" else f"{pick.year:04d}-{m:02d}"
    return value, how


def time_exprs(text: str, doc: Any, published: Optional[str], article_id: str, index: int = 0) -> list[TimeExpr]:
    """All time expressions of ``text`` (parsed as ``doc``; may be None) as ``TimeExpr`` records,
    resolved against ``published`` when it is an ISO date."""
    pub = parse_date(published)
    matches = [mt for mt in R.find(text) if not (mt.kind == "year" and _is_count(doc, mt))]
    dirs = [direction(doc, mt.start, mt.end) for mt in matches]
    ref = None if pub else _reference_point(matches, dirs, text)
    out: list[TimeExpr] = []
    last_quarter: Optional[TimeExpr] = None
    for mt, d in zip(matches, dirs):
        span_text = text[mt.start:mt.end]
        value = R.absolute_value(mt)
        form = None if value is not None else R.relative_form(mt, d)
        anchor = reason = None
        precision = R.precision_of(value)
        if value is not None:
            if mt.kind in ("duration", "set"):
                precision = None
            elif mt.kind == "ref":
                anchor, precision = "publication", None
                reason = "TimeML reference value: the present, past or future relative to the publication date"
            else:
                anchor = "absolute"
                reason = "explicit date"
        elif form is None:
            reason = "no rule gives this expression a value"
        elif pub is not None:
            value, precision = R.resolve(form, pub)
            anchor = "publication"
            reason = f"resolved against the publication date {pub.isoformat()}: {R.describe(form)} it ({form})"
        else:
            v2 = _document_year(mt, ref) if ref else None
            if v2:
                value, precision, anchor = v2[0], R.precision_of(v2[0]), "document_year"
                reason = (f"no year given and no publication date; the article's latest explicit past date is "
                          f"'{ref[1]}' ({ref[2]}), so the year is taken from it: {v2[1]}")
            else:
                reason = "relative to an unknown publication date"
        if mt.kind == "ref" and pub is None:
            anchor = None
        if (form == "offset:year:-1" and "year" in span_text.lower() and mt.kind in ("ago", "rel_unit") and last_quarter
                and last_quarter.value and mt.start - last_quarter.end < 400 and "last" not in span_text.lower()):
            # "profit rose from $5 million a year earlier" after "third-quarter": the same quarter a year before
            y, q = last_quarter.value.split("-Q")
            value, precision, anchor = f"{int(y) - 1:04d}-Q{q}", "quarter", "previous_time"
            reason = f"the quarter a year before '{last_quarter.text}' ({last_quarter.value}), mentioned just before"
        if mt.mod:
            reason = (reason + "; " if reason else "") + f"modifier {_MOD_WORDS.get(mt.mod, mt.mod)} ({mt.mod}) narrows the period without changing the value"
        out.append(TimeExpr(id=f"t{index}-{len(out) + 1}", article=article_id, text=span_text, start=mt.start, end=mt.end,
                            value=value, type=mt.type, precision=precision, anchor=anchor, reason=reason, relative=form,
                            tense=_TENSE[d], mod=mt.mod))
        if value and "-Q" in value and anchor != "previous_time":
            last_quarter = out[-1]
    return out


def extract_times(state) -> None:
    """Pipeline stage: fill ``state.ann.times`` from ``state.article`` and ``state.doc``."""
    art = state.article
    state.ann.times = time_exprs(art.text, state.doc, art.published, art.id, art.index)
