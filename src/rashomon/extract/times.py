"""The times stage: date, time and duration expressions with ISO 8601 / TimeML values.

In: ``state.article`` (``text``, ``published`` ISO date or None) and ``state.doc`` (the
spaCy parse, used for the tense of the governing verb and to tell years from counts).
Out: ``state.ann.times``, one ``TimeExpr`` per expression, ids ``t:<article>:<start>-<end>``.

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
- durations ("five days" -> ``P5D``, "recent years" -> ``PXY``) and frequencies ("weekly" ->
  ``P1W``, "each Thursday" -> ``XXXX-WXX-4``, the "a year" of "$5 million a year") need no anchor;
- a part of the day ("Friday night") is kept in ``part`` beside the day value; ``timeml_value``
  joins them as TimeML writes it (``2024-01-05TNI``);
- "later that year", "that quarter", "the following year" count from the time mentioned before;
- periods of company results: "the 1988 period" and "the latest period" are the quarter the article
  names first (its lede's), "the year-ago period" and "a year earlier" that quarter a year before;
  "the year ended March 31" is a stretch of one year (``P1Y``);
- time words that are part of a name are dropped: a weekday, "this week", "today" or "weekly"
  capitalised inside a name entity, a quoted title or next to capitalised name words ("Fox News
  Sunday", ABC's "This Week", the Weekly Standard, USA Today);
- well-known past events named by a date ("9/11", "D-Day", "the Sept. 11 attacks") take the
  date of ``named_events`` in ``data/en/timex.yaml``; any other yearless month-day followed by an
  event noun ("the April 3 bombing") keeps ``value=None`` ("names an event; year not given")
  unless it falls within ``recent_event_days`` before the publication date.

The recognisers themselves live in ``extract/timex_rules.py`` and the word lists in
``data/en/timex.yaml``.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Optional

from ..ids import span_id
from ..models import TimeExpr
from . import timex_rules as R
from .segment import doc_text
from ..data import load_yaml

_WORDS = load_yaml("time_words.yaml", "en")  # word lists and patterns of this module (data/en/time_words.yaml)

_FUTURE_VERBS = set(_WORDS["future_verbs"])
_FUTURE_CUES = set(_WORDS["future_cues"])
_TIME_NOUNS = set(_WORDS["time_nouns"])
_FUTURE_MODALS = set(_WORDS["future_modals"])
_PLAN_VERBS = set(_WORDS["plan_verbs"])
_FUTURE_LIMIT = re.compile(_WORDS["future_limit_before"], re.I)
_LIMIT_WORDS = set(_WORDS["limit_words"])
_DEFER_VERBS = set(_WORDS["defer_verbs"])
_SAY_VERBS = set(_WORDS["say_verbs"])
_YEAR_PREFIX = re.compile(_WORDS["year_prefix_before"], re.I)
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
    if _FUTURE_LIMIT.search(doc_text(doc)[max(0, start - 20):start]):
        return "after"  # "as soon as Tuesday"
    v = span.root
    found = False
    path = []
    for _ in range(8):
        if v.pos_ in ("VERB", "AUX"):
            found = True
            break
        if v.head.i == v.i:
            break
        v = v.head
        path.append(v)
    cues = {t.lower_ for t in path} | {c.lower_ for c in span.root.head.children if c.dep_ in ("amod", "compound")}
    if found and _past_perfect(v):
        return "before"  # "the offer had been due to expire Friday": a plan that lay ahead of a past time
    if cues & _FUTURE_CUES:
        return "after"
    if "since" in {t.lower_ for t in path[:2]} or (span.start > 0 and span.doc[span.start - 1].lower_ == "since"):
        return "before"
    if cues & {"by", "until", "till"} and found and v.tag_ not in ("VBD",) and not any(
            a.lemma_ == "have" and a.tag_ == "VBD" for a in v.children if a.dep_ == "aux"):
        return "after"  # "will stay until Tuesday", "has given them until 9 a.m. Tuesday" (not "had stayed until")
    if cues & _LIMIT_WORDS and found and v.lemma_.lower() in _DEFER_VERBS and not _past_perfect(v):
        return "after"  # "postponed the vote until Tuesday": the limit lies after the putting off
    if cues & _LIMIT_WORDS and found and (v.tag_ == "VBD" or v.tag_ == "VBN" and any(a.lemma_ == "have" for a in v.children)):
        return "nearest"  # "gave them until mid-November", "has extended loans through January": the limit may lie ahead
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
    if v.head.i != v.i and v.dep_ == "xcomp" and v.head.lemma_.lower() in _FUTURE_VERBS:
        return "after"
    if v.lemma_.lower() in _FUTURE_VERBS and v.tag_ in ("VBZ", "VBP"):
        return "after"  # "On Tuesday, the league plans to hold a news conference"
    if v.lemma_.lower() in _FUTURE_VERBS and v.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "after"  # "a hearing is set for Tuesday", "talks are planned for Monday"
    if v.lemma_.lower() in _PLAN_VERBS and (v.tag_ == "VBD" or (v.tag_ == "VBN" and any(a.dep_ == "auxpass" for a in auxes))) \
            and span.root.head.i != v.i:
        return "after"  # "planned a rally on Saturday", "was planned for March": the planned thing lies ahead of the planning
    perfect = any(a.lemma_ == "have" for a in auxes)
    if words & _FUTURE_MODALS and not perfect:
        return "after"  # "the father would be traveling Thursday", "could come as early as Tuesday"
    if v.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "before"
    if v.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "before"
    if "would" in words or "could" in words:
        return "nearest"
    if v.tag_ in ("VBZ", "VBP") and not auxes and v.pos_ == "VERB" and v.lemma_.lower() not in _SAY_VERBS \
            and span.root.dep_ not in ("poss", "compound", "nsubj", "dobj") and not any(t.tag_ == "VBD" for t in span.sent):
        return "after"  # "the leaders meet Monday", "the law takes effect Friday": a present that is scheduled
    return "nearest"


def _past_perfect(v: Any) -> bool:
    """True when the verb ``v`` or a verb it complements ("had been due to expire", "had planned to
    leave") carries the past-perfect auxiliary "had": the time it governs lies before the writing."""
    for _ in range(4):
        if any(a.lemma_ == "have" and a.tag_ == "VBD" for a in v.children if a.dep_ == "aux"):
            return True
        if v.dep_ not in ("xcomp", "acomp") or v.head.i == v.i:
            return False
        v = v.head
    return False


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
    if _YEAR_PREFIX.search(doc_text(doc)[max(0, mt.start - 12):mt.start]) or mt.f.get("fiscal"):
        return False  # "fiscal 1989 sales", "the post-1959 politics": a year, whatever follows
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in _TIME_NOUNS:
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in tuple(_WORDS["approximators"]):
        return nxt is not None and nxt.pos_ == "NOUN"
    return False


def _as_rate(doc: Any, mt: R.Match, text: str) -> R.Match:
    """``mt`` itself, or, when "a year", "a week", "a night"... is the denominator of a rate ("$500
    million a year", "four flights a week", "24 hours a day", "$55 a night"), the same span as a
    frequency (TimeML type SET, value ``P1Y``...) instead of a stretch of time."""
    if _is_rate(doc, mt, text):
        return R.Match(mt.start, mt.end, "set", type="set", f={"val": mt.f["iso"]})
    return mt


def _is_rate(doc: Any, mt: R.Match, text: str) -> bool:
    """True when "a year", "a week", "a night"... follows a number, an amount or a plural noun
    ("$500 million a year", "four flights a week"): the denominator of a rate."""
    if doc is None or mt.kind != "duration" or not re.match(r"(?i)an?\s", text[mt.start:mt.end]):
        return False
    span = doc.char_span(mt.start, mt.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.like_num or prev.tag_ in ("CD", "NNS", "NNPS", "$"):
        return True
    return any(e.start <= prev.i < e.end and e.label_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") for e in doc.ents)


_NAME_ENTS = {"ORG", "WORK_OF_ART", "PERSON", "FAC", "PRODUCT", "NORP", "GPE", "LOC", "EVENT"}
_NAME_KINDS = {"weekday", "rel_unit", "set", "dayword", "duration"}
_CAL_WORDS = None


def _cal_words() -> set[str]:
    """Month, weekday, part-of-day and calendar-unit words (lower case): capitalised neighbours
    that do not make a time word part of a name ("Friday March 3", "Sunday Morning")."""
    global _CAL_WORDS
    if _CAL_WORDS is None:
        lx = R.lexicon()
        _CAL_WORDS = ({k for k in lx["months"]} | {k for k in lx["weekdays"]} | set(lx["day_parts"])
                      | set(lx["units"]) | set(_WORDS["cal_words"]))
    return _CAL_WORDS


def _names_something(doc: Any, mt: R.Match, text: str) -> bool:
    """True when a weekday, "this week", a day word, a frequency word or a duration is part of a proper name
    ("Fox News Sunday", ABC's "This Week", CBS's "60 Minutes", the Weekly Standard, The Daily Caller, the Sunday
    Times) rather than a time: it is capitalised mid-sentence and lies inside a name entity
    (ORG, WORK_OF_ART, PERSON, FAC...) that reaches beyond it, sits in quotation marks as a
    title, or touches a capitalised proper-noun token that is not itself a calendar word."""
    if doc is None or mt.kind not in _NAME_KINDS:
        return False
    span_text = text[mt.start:mt.end]
    words = span_text.split()
    if not words or not words[-1][:1].isupper():
        return False  # "said on Sunday" is written "Sunday", but "this week" / "weekly" in lower case are times
    span = doc.char_span(mt.start, mt.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    first, last = span[0], span[-1]
    # the first word of a sentence (after opening quotes or brackets) is capitalised anyway
    sent_start = first.is_sent_start or all(t.is_punct or t.is_space for t in doc[first.sent.start:first.i]) or bool(
        re.search(r"(?:^|[.!?:;]['\"”’`)]*\s+|\n\s*)[\"“‘'`(]*\s*$", text[max(0, mt.start - 40):mt.start]))
    for ent in doc.ents:
        if ent.label_ in _NAME_ENTS and ent.start <= first.i and ent.end >= last.i + 1 and len(ent) > len(span):
            return True
    if mt.kind in ("rel_unit",) and len(words) >= 2 and all(w[:1].isupper() for w in words) and not sent_start:
        return True  # "This Week" mid-sentence: a title
    before = text[max(0, mt.start - 2):mt.start]
    after = text[mt.end:mt.end + 2]
    if len(words) >= 2 and all(w[:1].isupper() or w.isdigit() for w in words) and re.search(r"[\"“‘'`]\s*$", before) \
            and re.match(r"[,.]?[\"”’'`]", after):
        return True  # a quoted title: ABC's "This Week", CBS's "60 Minutes"
    if mt.kind in ("set", "dayword") and not sent_start and span_text[:1].isupper() and not mt.f.get("wd"):
        return True  # capitalised "Weekly"/"Daily"/"Today" mid-sentence is a name ("Business Weekly", "USA Today")
    cal = _cal_words()
    media = {w.lower() for w in R.lexicon().get("media_words", [])}

    def name_tok(t) -> bool:
        return (t.is_title or t.is_upper) and t.pos_ == "PROPN" and t.lower_.rstrip(".") not in cal and t.is_alpha

    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    prv = doc[first.i - 1] if first.i > 0 else None
    glued_next = nxt is not None and not text[last.idx + len(last.text):nxt.idx].strip()
    if glued_next and name_tok(nxt):
        if mt.kind == "set" or nxt.lower_ in media:
            return True  # "Weekly Standard", "Daily Caller", "Sunday Times"
        if prv is not None and prv.lower_ == "the" and not sent_start:
            return True  # "the Sunday Courier"
    if prv is not None and (prv.is_title or prv.is_upper) and prv.is_alpha and not text[prv.idx + len(prv.text):first.idx].strip():
        # "Fox News Sunday", "Channel Nine News Sunday": a run of capitalised words with a media
        # word; not "the Rose Garden Wednesday" or "the New York Stock Exchange Friday"
        j = prv.i
        while j >= 0 and (doc[j].is_title or doc[j].is_upper) and doc[j].is_alpha and first.i - j <= 5:
            if doc[j].lower_ in media:
                return nxt is None or nxt.pos_ not in ("VERB", "AUX")
            j -= 1
    return False


def _event_date(doc: Any, mt: R.Match, text: str, pub: Optional[date]) -> Optional[tuple[Optional[str], str]]:
    """A yearless month-day directly followed by an event noun ("the Sept. 11 attacks", "the March 3
    bombing") names an event -> (value, reason): the date of a known event of ``named_events``
    with that month-day; the resolved date when it falls within ``recent_event_days`` before the
    publication date; otherwise (None, "names an event; year not given"). None when the month-day
    is not followed by an event noun."""
    if mt.kind != "month_day" or mt.f.get("y"):
        return None
    lx = R.lexicon()
    m = re.match(r"[\s-]+([A-Za-z]+)", text[mt.end:mt.end + 30])
    if not m or m.group(1).lower() not in set(lx.get("event_nouns", [])):
        return None
    ev = R.event_by_month_day(mt.f["m"], mt.f["d"])
    if ev is not None:
        return str(ev["date"]), f"a month-day naming a well-known event: {ev['event']} ({ev['date']})"
    if pub is not None:
        value, _ = R.resolve(R.relative_form(mt, "before"), pub)
        if value and 0 <= (pub - date.fromisoformat(value[:10])).days <= int(lx.get("recent_event_days", 90)):
            return None  # a recent event: the ordinary resolution stands
    return None, "names an event; year not given"


def _reference_point(matches: list[R.Match], dirs: list[str], text: str) -> Optional[tuple[date, str, str, bool]]:
    """For an undated article: the latest explicit date at month precision or finer that is not
    in a forward-looking sentence -> (its first day, its text, its value, whether it names the
    day); None when there is none."""
    best = None
    for mt, d in zip(matches, dirs):
        if d == "after" or mt.kind not in ("full", "month_year") or mt.f.get("event"):
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
    cands = R.year_candidates(day0, m, d)
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


def time_exprs(text: str, doc: Any, published: Optional[str], article_id: str) -> list[TimeExpr]:
    """All time expressions of ``text`` (parsed as ``doc``; may be None) as ``TimeExpr`` records,
    resolved against ``published`` when it is an ISO date."""
    pub = parse_date(published)
    matches = [_as_rate(doc, mt, text) for mt in R.find(text) if not (mt.kind == "year" and _is_count(doc, mt))
               and not _names_something(doc, mt, text)]
    dirs = [direction(doc, mt.start, mt.end) for mt in matches]
    ref = None if pub else _reference_point(matches, dirs, text)
    out: list[TimeExpr] = []
    taken: set[str] = set()
    last_quarter: Optional[TimeExpr] = None
    first_quarter: Optional[TimeExpr] = None
    for mt, d in zip(matches, dirs):
        span_text = text[mt.start:mt.end]
        value = R.absolute_value(mt)
        form = None if value is not None else R.relative_form(mt, d)
        anchor = reason = None
        precision = R.precision_of(value)
        ev = _event_date(doc, mt, text, pub)
        if ev is not None:
            value, form = ev[0], None
        if ev is not None:
            anchor = "absolute" if value else None
            precision = R.precision_of(value)
            reason = ev[1]
        elif mt.f.get("event"):
            anchor, reason = "absolute", f"names a well-known event: {mt.f['event']} ({value})"
        elif value is not None:
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
        period = bool(mt.f.get("period"))  # "the year-ago period", "the 1988 period", "the latest period"
        # the quarter a period of report refers to: the first quarter the article names (its lede's);
        # "a year earlier" refers to the quarter named just before it
        quarter = first_quarter if period else last_quarter
        if (form == "offset:year:-1" and "year" in span_text.lower() and mt.kind in ("ago", "rel_unit") and quarter
                and (mt.start - quarter.end < 400 or period) and ("last" not in span_text.lower() or period)):
            # "profit rose from $5 million a year earlier" after "third-quarter": the same quarter a year before
            y, q = quarter.value.split("-Q")
            value, precision, anchor = f"{int(y) - 1:04d}-Q{q}", "quarter", "previous_time"
            reason = f"the quarter a year before '{quarter.text}' ({quarter.value}), mentioned before"
        elif period and mt.kind in ("year", "quarter") and quarter:
            # "the 1988 period", "the latest period": the quarter under report, in the year given
            q = quarter.value.split("-Q")[1]
            y = mt.f["y"] if mt.kind == "year" else int(quarter.value[:4])
            value, precision, anchor = f"{y:04d}-Q{q}", "quarter", "previous_time"
            reason = f"the period of report: the quarter of '{quarter.text}' ({quarter.value}), the first the article names"
        if anchor == "previous_time" and quarter is not None and quarter.relative is None:
            form = None  # counted from a quarter given outright: nothing to resolve again
        if mt.mod:
            reason = (reason + "; " if reason else "") + f"modifier {_MOD_WORDS.get(mt.mod, mt.mod)} ({mt.mod}) narrows the period without changing the value"
        out.append(TimeExpr(id=span_id("t", article_id, mt.start, mt.end, taken), article=article_id, text=span_text, start=mt.start, end=mt.end,
                            value=value, type=mt.type, precision=precision, anchor=anchor, reason=reason, relative=form,
                            tense=_TENSE[d], mod=mt.mod, part=None if mt.f.get("clock") else mt.f.get("part")))
        if value and "-Q" in value and anchor != "previous_time" and not mt.f.get("yoff"):  # not "last year's quarter"
            last_quarter = out[-1]
            first_quarter = first_quarter or out[-1]
    _clock_on_named_day(out, doc)
    _same_day_as_before(out)
    _same_period_as_before(out)
    _offset_restating_a_date(out, text)
    return out


def timeml_value(t: TimeExpr) -> Optional[str]:
    """The TIMEX3 value of a record: its ``value``, with the part of the day appended to a day
    value as TimeML writes it ("Friday night" -> ``2024-01-05TNI``); the record's own ``value``
    stays the day so that dates compare across articles."""
    if t.part and t.value and precision_of_day(t.value):
        return f"{t.value}T{t.part}"
    return t.value


def precision_of_day(value: str) -> bool:
    """True when ``value`` is a calendar day (``YYYY-MM-DD``)."""
    return R.precision_of(value) == "day"


_OFFSET_AFTER = re.compile(_WORDS["offset_after_words"], re.I)
_OFFSET_SIGNAL_END = re.compile(_WORDS["offset_signal_end"], re.I)
_APPOSED_DATE = re.compile(_WORDS["apposed_date_between"], re.I)


def _offset_restating_a_date(out: list[TimeExpr], text: str) -> None:
    """A duration that offsets an event and stands in apposition to a date names that date: "The
    release came on Feb. 6, 2023, three days after the derailment" -> "three days" is 2023-02-06
    (type date, ``anchor="previous_time"``). In: the records of one article, in text order, and
    its text; changed in place. The date may also follow an offset written with "earlier" / "later"
    ("a warning it had issued three days earlier, on September 9" -> 2023-09-09)."""
    for prev, t in zip(out, out[1:]):
        if t.type != "duration" or not _OFFSET_AFTER.match(text[t.end:t.end + 20]):
            continue
        if not re.fullmatch(r",\s*", text[prev.end:t.start]) or not prev.value or prev.precision != "day":
            continue
        t.value, t.type, t.precision, t.anchor = prev.value, "date", "day", "previous_time"
        t.reason = f"an offset in apposition to the date before it: '{prev.text}' ({prev.value})"
        t.relative = None if prev.anchor == "absolute" else prev.relative
    for t, nxt in zip(out, out[1:]):
        if t.type != "duration" or not _OFFSET_SIGNAL_END.search(t.text) or not nxt.value or nxt.precision != "day" \
                or not _APPOSED_DATE.fullmatch(text[t.end:nxt.start]):
            continue
        t.value, t.type, t.precision, t.anchor = nxt.value, "date", "day", "previous_time"
        t.reason = f"an offset in apposition to the date after it: '{nxt.text}' ({nxt.value})"
        t.relative = None if nxt.anchor == "absolute" else nxt.relative


def _same_day_as_before(out: list[TimeExpr]) -> None:
    """"On the same day", "earlier in the day", "the day before", "the next day", "the previous
    Friday", "the following Monday" name a day by the time mentioned before them: take the latest earlier expression with a day value (within 600
    characters) and shift it (``anchor="previous_time"``); without one they keep the publication
    day. In: the records of one article, in text order; changed in place."""
    for i, t in enumerate(out):
        if not (t.relative or "").startswith(("prevday:", "prevwd:")):
            continue
        prev = [o for o in out[:i] if o.value and len(o.value) >= 10 and o.value[:4].isdigit()
                and o.value[4:5] == "-" and o.value[7:8] == "-" and t.start - o.end <= 600]
        if not prev:
            continue
        p = prev[-1]
        d = parse_date(p.value)
        if d is None:
            continue
        t.value = R.resolve(t.relative, d)[0]  # "the day before" (prevday), "the previous Friday" (prevwd)
        t.precision, t.anchor = "day", "previous_time"
        t.reason = f"{R.describe(t.relative)} '{p.text}' ({p.value}), the time mentioned just before"
        t.relative = None if p.anchor == "absolute" else t.relative


def _same_period_as_before(out: list[TimeExpr]) -> None:
    """"Later that year", "that same month", "the following year" name a period by the time
    mentioned before them: take the latest earlier expression precise enough for that unit
    (within 600 characters) and shift it (``anchor="previous_time"``); without one they keep
    their value against the publication date. In: the records of one article, in text order;
    changed in place."""
    for i, t in enumerate(out):
        if not (t.relative or "").startswith("prevunit:"):
            continue
        _, unit, n = t.relative.split(":")
        for p in reversed(out[:i]):
            if t.start - p.end > 600:
                break
            value = R.shift_period(p.value, unit, int(n)) if p.value and p.type in ("date", "time") else None
            if value is None:
                continue
            t.value, t.precision, t.anchor = value, R.precision_of(value), "previous_time"
            t.reason = f"{R.describe(t.relative)} '{p.text}' ({p.value}), the time mentioned before"
            t.relative = None if p.relative is None else t.relative  # a date given outright needs no re-resolving
            break


_NEW_DAY = re.compile(_WORDS["new_day_words"], re.I)


def _clock_on_named_day(out: list[TimeExpr], doc: Any) -> None:
    """A bare clock time ("at 7 p.m.", "0430GMT") lies on the day named in the same sentence
    ("Polls closed on Saturday, October 26, at 8 p.m."), or else in the sentence just before it,
    not on the publication day: take the nearest expression with a day value there
    (``anchor="previous_time"``). In: the records of one article and its parse; changed in place."""
    if doc is None:
        return
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    for t in out:
        if not (t.relative or "").startswith("clock:") or t.anchor not in ("publication", None):
            continue
        k = next((i for i, (a, b) in enumerate(sents) if a <= t.start < b), None)
        if k is None:
            continue
        def days_in(a: int, b: int) -> list[TimeExpr]:
            return [o for o in out if o is not t and a <= o.start < b and o.value
                    and o.precision == "day" and len(o.value) == 10]
        days = days_in(*sents[k])
        if days:
            day = min(days, key=lambda o: abs(o.start - t.start))
        elif k > 0 and days_in(*sents[k - 1]) and not _NEW_DAY.search(t.text):
            day = days_in(*sents[k - 1])[-1]  # "The polls opened on Saturday. They closed at 8 p.m."
        else:
            continue
        p = t.relative.split(":")
        t.value = f"{day.value}T{p[1]}:{p[2]}" + (p[3] if len(p) > 3 else "")
        t.precision, t.anchor = "time", "previous_time"
        t.reason = f"a clock time on the day named in its sentence or the one before: '{day.text}' ({day.value})"
        if day.anchor == "absolute":
            t.relative = None


def extract_times(state) -> None:
    """Pipeline stage: fill ``state.ann.times`` from ``state.article`` and ``state.doc``."""
    art = state.article
    state.ann.times = time_exprs(art.text, state.doc, art.published, art.id)
