"""The quantities stage: numbers with their unit or counted noun, ranges, bounds, SI values.

In: ``state.article.text`` and ``state.doc`` (the spaCy parse). Out: ``state.ann.quantities``, one
``Quantity`` per amount (ids ``q:<article>:<start>-<end>``), whose ``text`` slices the cleaned text
exactly and includes the qualifier, the number(s) and the unit or counted noun.

How: a rule layer over the text and spaCy's parse, with the knowledge in data files:

- ``numbers.find_numbers`` reads digits and number words in sentences that have any;
- ``data/en/qualifiers.yaml`` gives bound and approximation words ("more than", "about"), vague
  plurals as approximate ranges of their order of magnitude ("hundreds of miles": 100-999 mi, no
  single value) and range words ("between ... and", "to", "-");
- counts the text gives in words: "one" before its noun ("one plane"), a number word standing
  alone ("Three were hurt", not "the two"), "a mile" / "a gallon" (``one_with_article``), a
  hyphenated count before its head noun ("a 150-car train", not "a 12-gauge shotgun");
- ``data/en/units.yaml`` gives unit spellings -> canonical unit, dimension and SI factor, currency
  markers and groups of counted nouns; a percentage keeps the number written ("54.24%": 54.24,
  unit "%") with the share in ``si`` (0.5424 "fraction"), see docs/QUANTITIES.md;
- counts written without a plain number: "a week and a half", "7-and-a-half-mile", "a day-long
  siege", "one day after the vote", "the ninth time" / "a fourth term" (``ordinal_count``), "one of
  the polling stations" and a bare "one" in a list of counts ("One dissented and one abstained");
- the dependency parse gives the counted noun ("11,000 troops") and what is counted (``about``);
- numbers that are names, ordinals, dates, years, clock times or codes are dropped
  ("810th Brigade", "World War II", "April 26", "2024", "G7", "F-16");
- fractions in words are shares only with an "of" object, a numerator ("two-thirds", "one-fifth")
  or "half the ..."; ordinal adjectives ("a seventh term"), compounds ("half-hearted") and "by
  half" after anything but a verb of change (``change_verbs`` in ``data/en/qualifiers.yaml``) are
  dropped;
- "N of the M nouns" is a part of a total: ``about_keys`` get ``r:part`` and ``t:<M>`` and
  ``about`` starts "part of M ..."; a poll share ("Trump at 17 percent", "Trump got 17 percent")
  is about its holder ("Trump share", keys ``n:share``, ``s:trump``).

The stage and the assembly of a ``Quantity`` are here; the candidates and their rejection live in
``quantity_candidates``, what a quantity counts (``about``, shares, parts) in ``quantity_about``.
"""
from __future__ import annotations

import re
from typing import Optional

from ..ids import span_id
from ..models import Quantity
from ..lexicon.units import UnitTable, dimension_of, tables, to_base, unit_info  # noqa: F401  (re-exported)
from .quantity_candidates import Cand, _HAS_NUMBER, _MONTH_RE, _WORDS, _candidates, _qualifier_before, _reject, _si
from .quantity_about import _about, _counted_noun, _holder_share, _not_a_share, _of_object, _part_of_total, _share_about
from .segment import doc_text

_ONE_IDIOMS = set(_WORDS["one_not_a_count"])
_DETERMINERS = set(_WORDS["determiners"])
_HYPHEN_KINDS = set(_WORDS["hyphen_not_counted"])

__all__ = ["extract_quantities", "quantities_in_doc", "unit_info", "to_base"]


# --------------------------------------------------------------------------- the stage


def quantities_in_doc(doc, article_id: str) -> list[Quantity]:
    """All quantities in a parsed ``doc`` whose text is the article's cleaned text."""
    T = tables()
    text = doc_text(doc)
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]

    def ent_at(a: int, b: int) -> Optional[str]:
        for x, y, lab in ents:
            if x <= a and b <= y:
                return lab
        return None

    out: list[Quantity] = []
    taken: set[str] = set()
    for sent in doc.sents:
        s0, s1 = sent.start_char, sent.end_char
        if not _HAS_NUMBER.search(text, s0, s1):
            continue
        for c in _candidates(text, s0, s1):
            if _reject(c, text, s0, s1, ent_at):
                continue
            q = _finish(c, doc, text, s0, s1, T)
            if q is None:
                continue
            q["id"] = span_id("q", article_id, q["start"], q["end"], taken)
            q["article"] = article_id
            out.append(Quantity(**q))
    return out


def _tok_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _finish(c: Cand, doc, text: str, s0: int, s1: int, T: UnitTable) -> Optional[dict]:
    """Add the qualifier, the counted noun and ``about``; return Quantity fields or None."""
    # qualifiers before (after the range opener, if any)
    if c.qualifier is None and not c.vague:
        qb = _qualifier_before(text, c.start, s0)
        if qb:
            q, qs = qb
            e = T.before[q.lower()]
            c.qualifier, c.start = text[qs:qs + len(q)], qs
            c.bound = e.get("bound") or c.bound
            c.approx = bool(e.get("approx", False))
    elif c.vague:
        qb = _qualifier_before(text, c.start, s0)
        if qb and T.before[qb[0].lower()].get("approx"):
            c.start = qb[1]
    qa = T.after_re.match(text, c.end)
    if qa and qa.end() <= s1:
        e = T.after[qa.group(1).lower()]
        c.bound = e.get("bound") or c.bound
        c.approx = c.approx or bool(e.get("approx", False))
        c.qualifier = (c.qualifier + " … " if c.qualifier else "") + qa.group(1)
        c.end = qa.end()
    last = _tok_at(doc, c.num_end - 1)
    head_tok, noun_tok = last, None
    dim = dimension_of(c.unit)
    if c.unit is not None and c.unit_end:
        head_tok = _tok_at(doc, c.unit_end - 1) or last
        noun_tok = _of_object(head_tok)
    elif c.unit is not None and c.currency:
        head_tok = _tok_at(doc, c.num_end - 1) or last
        noun_tok = None
    share = dimension_of(c.unit) == "fraction"  # "54%", "two-thirds": a share of something
    if share:
        noun_tok = _of_object(head_tok) or _of_object(last)
        if not c.unit_end and _not_a_share(c, text, last, noun_tok):
            return None
    total = None
    # counted noun
    if c.unit is None and last is not None:
        noun = _counted_noun(last, c, text)
        if noun is None:
            words_only = c.kind in ("words", "vague")
            if (words_only and not _bare_word_count(c, last)) or c.kind == "fraction":
                return None  # "one of the", "the two", "half" without a unit: not a quantity
            head_tok = last
        else:
            noun_tok, conj = noun
            if noun_tok.pos_ == "PROPN" and noun_tok.text[:1].isupper() and not _people_of(noun_tok):
                return None  # "24 Hours", "Brigade": part of a name (but "two Ukrainians" are people)
            if noun_tok.lower_ in T.not_counted or _MONTH_RE.match(noun_tok.text):
                return None
            if re.fullmatch(r"\s?-\s?", text[c.num_end:noun_tok.idx]) and not _hyphen_count(noun_tok):
                return None  # "12-gauge shotgun": a compound modifier, not a count
            unit = noun_tok.text.lower()
            if conj is not None:
                g1 = T.count_group.get(noun_tok.lemma_.lower())
                g2 = T.count_group.get(conj.lemma_.lower())
                if g1 and g1 == g2:
                    unit = g1
            c.unit = unit
            head_tok = noun_tok
            total = _part_of_total(text[c.num_end:noun_tok.idx])
            if total is not None and last.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj"):
                head_tok = last  # "Nine of the 12 jurors voted": the verb governs the part's number
            end_tok = conj if conj is not None else noun_tok
            if end_tok.idx + len(end_tok.text) - c.end <= 40:
                c.end = max(c.end, end_tok.idx + len(end_tok.text))
    elif c.unit is None:
        return None
    if c.kind == "words" and c.words.lower() in ("one", "a", "an") and (c.unit is None or dimension_of(c.unit) is None) \
            and not _one_counts(c, last, noun_tok):
        return None
    if dimension_of(c.unit) == "time":
        if c.words.lower() in ("one", "a", "an") and c.value == 1 and not re.search(
                _WORDS["duration_prepositions"], text[max(s0, c.start - 12):c.start], re.IGNORECASE) \
                and not (c.unit_start is not None and text[c.num_end:c.unit_start] == "-") \
                and not re.match(_WORDS["duration_compound"], text[c.unit_start or c.end:c.end], re.IGNORECASE) \
                and not re.match(_WORDS["duration_offset_after"], text[c.end:s1], re.IGNORECASE):
            return None  # "One day he left"; but "the one-day mutiny", "a week-long audit" and "one
            # day after the vote" are durations
        if c.qualifier and c.qualifier.lower() in ("over", "under") and c.bound:
            c.bound, c.qualifier, c.start = None, None, c.num_start  # "over three days" = during
    # values as written ("54.24%" -> 54.24 "%"); the si value carries the share (0.5424 "fraction")
    info = unit_info(c.unit)
    val, lo, hi = c.value, c.low, c.high
    si = _si(val, c.unit) if val is not None else None
    if si is None and lo is not None and info and info.get("si"):
        si = _si((lo + hi) / 2, c.unit)
    held = _holder_share(head_tok) if share and noun_tok is None else None
    if held is not None:
        about, keys = held
    elif share and noun_tok is not None:
        about, keys = _share_about(head_tok, noun_tok)
    else:
        about, keys = _about(head_tok, noun_tok, dimension_of(c.unit))
    if c.unit is not None and not dimension_of(c.unit) and total is not None:
        # "Fifteen of the 19 hijackers": a part (15) of a total (19) of the same noun
        keys = keys + ["r:part", f"t:{_r(total)}"]
        about = f"part of {total:g} {about}" if about else about
    return dict(text=text[c.start:c.end], start=c.start, end=c.end, value=_r(val), low=_r(lo), high=_r(hi),
                unit=c.unit, si=si, approx=c.approx, bound=c.bound, qualifier=c.qualifier, about=about, about_keys=keys)


def _one_counts(c: Cand, last, noun_tok) -> bool:
    """"one" is a count of one when it modifies the counted noun directly ("one plane was shot
    down", "one official said") or picks one of a plural ("the closure of one of the polling
    stations"), not in an idiom ("one way or another", ``one_not_a_count``); or when it stands
    alone as the subject in a list of counts ("Five agencies agreed. One disagreed and one
    abstained", ``_enumerated_one``)."""
    if c.words.lower() != "one" or last is None:
        return False
    if noun_tok is None:
        return _enumerated_one(last)
    if noun_tok.lemma_.lower() in _ONE_IDIOMS or noun_tok.lower_ in _ONE_IDIOMS:
        return False
    return (last.dep_ == "nummod" and last.head.i == noun_tok.i) or _one_of_plural(last, noun_tok)


def _one_of_plural(last, noun_tok) -> bool:
    """"one of the polling stations": "one" with a plural "of" object (not "one of them"); not the
    ranking idiom "one of the largest investigations", "it is one of the reasons" (a superlative
    before the noun, or "one" as the predicate of a copula)."""
    if last.dep_ == "attr" or any(t.tag_ in ("JJS", "RBS") for t in noun_tok.subtree if t.i < noun_tok.i):
        return False
    return noun_tok.tag_ in ("NNS", "NNPS") and noun_tok.head.dep_ == "prep" and noun_tok.head.head.i == last.i


def _enumerated_one(last) -> bool:
    """A bare "one" that is the subject of a verb in a list of counts: another number stands
    before it in its sentence or the sentence before ("Those five agencies agreed. One
    disagreed and one abstained"), so it counts one of them; a generic "one" ("one could
    argue") has no such list."""
    verb = last.head
    if last.dep_ == "ROOT" and last.i + 1 < len(last.doc) and last.nbor(1).pos_ == "VERB":
        verb = last.nbor(1)  # "One dissented": the parser may make "one" the root
    elif last.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if last.lower_ != "one" or verb.pos_ not in ("VERB", "AUX") or any(ch.dep_ == "prep" for ch in last.children):
        return False  # "one of them said": "one of" counts only before a plural noun (``_one_of_plural``)
    if any(ch.tag_ == "MD" for ch in verb.children) or verb.tag_ == "MD":
        return False  # "one could argue", "one must ask": the generic pronoun
    doc = last.doc
    start = last.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    return any(t.like_num and t.i != last.i and not t.is_digit or t.is_digit and len(t.text) < 4
               for t in doc[start:last.i])


def _bare_word_count(c: Cand, last) -> bool:
    """A number in words with no noun after it still counts when it stands alone ("Two were killed",
    "five of them agreed", "a hundred and two", "zero"), but not "one" (a pronoun), "the two" or "those three"
    (a reference to a group already named)."""
    if c.kind != "words" or c.value is None or c.value < 0 or not c.value.is_integer():
        return False
    if c.value == 1 and not _enumerated_one(last):
        return False
    span = last.doc.char_span(c.num_start, c.num_end, alignment_mode="expand")
    first = span.start if span is not None else last.i
    return first == 0 or last.doc[first - 1].lower_ not in _DETERMINERS


def _hyphen_count(noun) -> bool:
    """"a 150-car train": a number glued to a singular noun that modifies another noun counts that
    noun, unless the noun names a kind ("12-gauge", ``hyphen_not_counted``)."""
    return (noun.tag_ == "NN" and noun.dep_ in ("compound", "amod", "nmod") and noun.head.i > noun.i
            and noun.head.pos_ == "NOUN" and noun.lemma_.lower() not in _HYPHEN_KINDS)


def _people_of(tok) -> bool:
    """A plural nationality or group name ("two Ukrainians", "three Britons"): people counted."""
    return tok.ent_type_ == "NORP" and tok.tag_ == "NNPS"


def _r(v: Optional[float]) -> Optional[float]:
    if v is None:
        return None
    if v == 0:
        return 0.0
    if abs(v) >= 10:
        return round(v, 4)
    return float(f"{v:.6g}")  # six significant digits: 2.48e-05 stays 2.48e-05


def extract_quantities(state) -> None:
    """Fill ``state.ann.quantities`` from ``state.doc`` (see the module docstring)."""
    if state.doc is None:
        return
    state.ann.quantities = quantities_in_doc(state.doc, state.article.id)
