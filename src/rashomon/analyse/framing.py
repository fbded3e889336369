"""The framing stage: how each outlet names the same things.

In: ``state.dossier`` (articles' cleaned ``text``, ``outlet``, ``url``, ``removed`` furniture,
claims with cues/hedges/distancing, attributions). Out: ``dossier.framing`` (a list of
``Framing``) and ``dossier.distinctive_words`` (article id -> top ``DistinctiveWord``).

Two methods, used together:

1. ``variant_set``: terms aligned to the same referent or event through the known variant sets of
   ``data/en/variants.yaml`` (Kyiv/Kiev, liberated/recaptured/retook, incursion/invasion, gay
   marriage/same-sex marriage, death tax/estate tax...). Verbs and nouns match in every inflection
   (``retake`` finds "retook", "retaken", "retaking"); the surface form found is the term
   reported, with its evidence span. A concept may declare a ``context`` (war vocabulary needs a
   military word in the sentence or the one before or after it, so "midterm campaigns" is no
   military operation). Head nouns ("incursion", "regime") are captured with their framing-relevant
   modifiers only (listed evaluative/characterising words, hyphenated words, names and demonyms:
   "attempted incursion", "Kiev regime", not "possible administration"). The non-neutral reporting
   verbs, distancing cues and hedges of the claims give three more concepts (method ``cues``).
2. ``log_odds``: each article's words against all the others with the log-odds ratio with an
   informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", eq. 22), the
   prior being the pooled counts of the dossier. Words are lower-cased surface forms of alphabetic
   tokens (two letters or more, Unicode kept) without stop words, reporting verbs, the article's
   own outlet name and the words of its removed furniture (``data/en/framing_stopwords.yaml``); no
   frequency floor.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Iterable, Optional

from ..data import load_yaml
from ..lexicon.wordforms import load_variants, noun_forms, verb_forms  # noqa: F401  (re-exported)
from ..models import DistinctiveWord, Dossier, Framing, Span
from ..errors import DataFileError
from ..settings import setting
from .framing_names import naming_framings

_STOPWORDS = load_yaml("stopwords.yaml", "en")  # word lists and patterns of this module (data/en/stopwords.yaml)
_WORDS = load_yaml("framing_words.yaml", "en")  # word lists and patterns of this module (data/en/framing_words.yaml)
_WORD = r"[^\W\d_][\w'’\-]*"
_TOKEN_RE = re.compile(r"[^\W\d_][\w'’\-]*[^\W_]|[^\W\d_]")


# --------------------------------------------------------------------------- data


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | set(_STOPWORDS["framing_extra"])


# Words that often stand right before a head noun but are verbs or function words, not
# modifiers ("launch incursions", "repel attacks"): a modifier run stops at them.
_NOT_MODIFIERS = frozenset(_WORDS["not_modifiers"])


# --------------------------------------------------------------------------- inflection
# (``verb_forms`` and ``noun_forms`` live in ``rashomon.lexicon.wordforms``)


def _phrase_re(words: list[str]) -> str:
    return r"\s+".join(re.escape(w) for w in words)


# --------------------------------------------------------------------------- matchers


class _Matcher:
    """Compiled patterns for one concept of the variant file."""

    def __init__(self, concept: dict, irregular: dict, contexts: Optional[dict] = None):
        self.id = concept["id"]
        ctx_words = (contexts or {}).get(concept.get("context") or "", []) if concept.get("context") else []
        if concept.get("context") and not ctx_words:
            raise DataFileError(name="variants.yaml", problem=f"concept {self.id} names an unknown context {concept.get('context')!r}")
        self.context_re = _word_list_re(ctx_words) if ctx_words else None
        self.concept = concept["concept"]
        self.patterns: list[tuple[re.Pattern, str, bool]] = []  # (regex, kind, then_word)
        self.needles: list[Optional[tuple[str, ...]]] = []  # per pattern, see _needles
        for v in concept.get("variants") or []:
            term, pos = v["term"], v.get("pos", "word")
            words = term.split()
            if pos == "verb":
                alts = sorted(verb_forms(words[0], irregular), key=len, reverse=True)
                head = "(?:" + "|".join(re.escape(a) for a in alts) + ")"
                if len(words) > 1:
                    rest = _phrase_re(words[1:])
                    gap = _WORDS["not_modifier_lookahead"] + _WORD
                    rx = rf"(?<![\w-]){head}(?:\s+{gap}){{0,3}}?\s+{rest}(?![\w-])"
                else:
                    rx = rf"(?<![\w-]){head}(?![\w-])"
                self.patterns.append((re.compile(rx, re.I), "word", False))
                self.needles.append(_needles(alts))
            elif pos == "noun":
                alts = sorted(noun_forms(term), key=len, reverse=True)
                rx = r"(?<![\w-])(?:" + "|".join(_phrase_re(a.split()) for a in alts) + r")(?![\w-])"
                self.patterns.append((re.compile(rx, re.I), "word", False))
                self.needles.append(_needles(a.split()[0] for a in alts))
            elif pos == "name":
                rx = r"(?<![\w-])" + _phrase_re(words) + r"(?![\w])"
                self.patterns.append((re.compile(rx), "name", False))
                self.needles.append(_needles([words[0]], case=True))
            else:
                rx = r"(?<![\w-])" + _phrase_re(words) + r"(?![\w-])"
                self.patterns.append((re.compile(rx, re.I), "word", bool(v.get("then_word"))))
                self.needles.append(_needles([words[0]]))
        self.heads = concept.get("heads") or []
        if self.heads:
            alts = set()
            for h in self.heads:
                alts |= noun_forms(h)
            rx = r"(?<![\w-])(?:" + "|".join(_phrase_re(a.split()) for a in sorted(alts, key=len, reverse=True)) + r")(?![\w-])"
            self.head_re = re.compile(rx, re.I)
            self.head_needles = _needles(a.split()[0] for a in alts)
        else:
            self.head_re = None
            self.head_needles = None
        self.designators = concept.get("designators") or []

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans ``(start, end)`` of the terms this concept finds in ``text``, not overlapping."""
        found: list[tuple[int, int]] = []
        low = None if any(c in text for c in _FOLD_TRAPS) else text.lower()
        for (rx, kind, then_word), needles in zip(self.patterns, self.needles):
            if not _may_match(needles, text, low):
                continue
            for m in rx.finditer(text):
                if kind == "word" and not _case_ok(text, m.start(), m.group(0)):
                    continue
                s, e = m.start(), m.end()
                if then_word:
                    nxt = re.match(r"\s+(" + _WORD + ")", text[e:])
                    if not nxt:
                        continue
                    e += nxt.end()
                found.append((s, e))
        if self.head_re is not None and _may_match(self.head_needles, text, low):
            for m in self.head_re.finditer(text):
                if not _case_ok(text, m.start(), m.group(0)):
                    continue
                found.append((_modifier_start(text, m.start()), m.end()))
        if self.context_re is not None:
            found = [(s, e) for s, e in found if self.in_context(text, s, e)]
        return _no_overlap(found)

    def in_context(self, text: str, start: int, end: int) -> bool:
        """True when the sentence holding ``text[start:end]``, or the sentence before or after it,
        holds one of the concept's context words outside the term itself."""
        ws, we = _sentence_window(text, start, end)
        window = text[ws:start] + " " + text[end:we]
        return bool(self.context_re.search(window))


# The non-ASCII characters that a case-insensitive ASCII letter matches in ``re`` (or whose
# lower case is ASCII): in a text holding one, ``needle in text.lower()`` is no exact test.
_FOLD_TRAPS = frozenset("\u0130\u0131\u017f\u212a")


def _needles(words: Iterable[str], case: bool = False) -> Optional[tuple[str, ...]]:
    """Literal words one of which every match of a pattern starts with (lower-cased unless
    ``case``, for a case-sensitive pattern), so a text holding none of them cannot match; None
    (always run the pattern) when a word is not plain ASCII."""
    out = tuple(dict.fromkeys(w if case else w.lower() for w in words))
    if not out or not all(w.isascii() and w for w in out):
        return None
    return ("=",) + out if case else out


def _may_match(needles: Optional[tuple[str, ...]], text: str, low: Optional[str]) -> bool:
    """False only when the pattern with these ``needles`` surely finds nothing in ``text``
    (``low`` = ``text.lower()``, or None when the text holds a character of ``_FOLD_TRAPS``)."""
    if needles is None:
        return True
    if needles[0] == "=":
        return any(n in text for n in needles[1:])
    if low is None:
        return True
    return any(n in low for n in needles)


def _case_ok(text: str, start: int, surface: str) -> bool:
    """A lower-case vocabulary word matches in lower case anywhere, capitalised only at the start of
    a sentence or line (so "Free Press" is no verb "free")."""
    if not surface[:1].isupper():
        return True
    before = text[max(0, start - 3):start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:;"


def _modifier_start(text: str, head_start: int) -> int:
    """Extend a head noun leftwards over at most two framing-relevant modifiers: a word of the
    ``modifiers`` list of ``data/en/variants.yaml`` (evaluative or characterising: "brazen",
    "attempted", "so-called"), a hyphenated word ("cross-border") or a capitalised name or demonym
    inside a sentence ("Ukrainian", "Kiev"). Any other word (a verb, a determiner, an ordinary
    adjective such as "possible") ends the run."""
    start = head_start
    stop = _stop_words()
    allowed = _modifier_words()
    for _ in range(2):
        m = _last_word(text, start)
        if not m:
            break
        w = m.group(1)
        lw = w.lower().replace("’", "'")
        if lw in stop or lw in _NOT_MODIFIERS or lw.endswith(("'s", "'")) or len(w) < 3:
            break
        keep = lw in allowed or ("-" in lw.strip("-") and not lw.endswith("-"))
        if not keep and w[0].isupper():
            before = text[max(0, m.start(1) - 3):m.start(1)].rstrip(" \t\"'“‘(")
            keep = bool(before) and before[-1] not in ".!?\n:;"  # a name inside a sentence, not a sentence start
        if not keep:
            break
        start = m.start(1)
    return start


_LAST_WORD = re.compile(r"(" + _WORD + r")[ \t]+$")
_WORD_RUN = re.compile(r"[\w'’\-]*")
_WORD_RUN_BLANKS = re.compile(r"[\w'’\-]*[ \t]+")
_TAIL = 200  # characters searched before a head noun for its modifier


def _last_word(text: str, end: int) -> Optional[re.Match]:
    """The match of ``_LAST_WORD`` (the word before the trailing blanks) in ``text[:end]``,
    offsets in ``text``. Searches the last ``_TAIL`` characters, and the whole prefix only when
    the word or its blanks may reach back past them, so it finds what a search of ``text[:end]``
    finds."""
    off = max(0, end - _TAIL)
    m = _LAST_WORD.search(text, off, end)
    if off == 0:
        return m
    if m is None:
        return _LAST_WORD.search(text, 0, end) if _WORD_RUN_BLANKS.fullmatch(text, off, end) else None
    if _WORD_RUN.fullmatch(text, off - 1, m.start(1)):
        return _LAST_WORD.search(text, 0, end)
    return m


@lru_cache(maxsize=4)
def _sentence_ends(text: str) -> list[int]:
    """End offsets of the matches of ``[.!?]`` or a line break followed by a blank in ``text``, in order."""
    return [m.end() for m in re.finditer(r"[.!?\n]\s", text)]


def _sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    """``(ws, we)``: from the start of the sentence before the one holding ``start`` to the end of
    the sentence after the one holding ``end`` (sentences cut at . ! ? and line breaks)."""
    ws = start
    ends = _sentence_ends(text)
    for _ in range(2):
        # the last sentence end inside text[:ws - 1] (matches of the whole text ending there are
        # exactly the matches of that prefix)
        k = bisect_right(ends, max(0, ws - 1)) - 1
        ws = ends[k] if k >= 0 else 0
        if ws == 0:
            break
    we = end
    for _ in range(2):
        m = re.compile(r"[.!?\n](?:\s|$)").search(text, we)
        we = m.end() if m else len(text)
        if we >= len(text):
            break
    return ws, we


def _word_list_re(words: Iterable[str]) -> re.Pattern:
    """One case-insensitive whole-word pattern for ``words`` (single nouns also in the plural)."""
    alts: set[str] = set()
    for w in words:
        alts |= noun_forms(w) if " " not in w else {w}
    return re.compile(r"(?<![\w-])(?:" + "|".join(_phrase_re(a.split()) for a in sorted(alts, key=len, reverse=True)) + r")(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _modifier_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_variants().get("modifiers") or [])


def _no_overlap(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest of overlapping spans, in text order."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if out and s < out[-1][1]:
            if e - s > out[-1][1] - out[-1][0]:
                out[-1] = (s, e)
            continue
        out.append((s, e))
    return out


@lru_cache(maxsize=1)
def _matchers() -> tuple[_Matcher, ...]:
    data = load_variants()
    irregular = data.get("irregular_verbs") or {}
    contexts = data.get("contexts") or {}
    return tuple(_Matcher(c, irregular, contexts) for c in data.get("concepts") or [])


# --------------------------------------------------------------------------- variant sets


def _clean_term(t: str) -> str:
    return re.sub(r"\s+", " ", t).strip()


def variant_framings(dossier: Dossier) -> list[Framing]:
    """``Framing`` entries from the variant sets, one per concept used by at least one article
    (region designators: one per place, only when articles designate it differently)."""
    out: list[Framing] = []
    for matcher in _matchers():
        if matcher.designators:
            out += _designator_framings(dossier, matcher)
            continue
        terms: dict[str, list[str]] = {}
        evidence: list[Span] = []
        for art in dossier.articles:
            seen: dict[str, str] = {}
            n_ev = 0
            for s, e in matcher.find(art.text):
                surface = art.text[s:e]
                key = _clean_term(surface).lower()
                if key not in seen:
                    seen[key] = _clean_term(surface)
                if n_ev < setting("framing.max_evidence"):
                    evidence.append(Span(article=art.id, start=s, end=e, text=surface))
                    n_ev += 1
            if seen:
                terms[art.id] = list(seen.values())
        if terms:
            out.append(Framing(concept=matcher.concept, terms=terms, method="variant_set", evidence=evidence))
    return out


def _designator_framings(dossier: Dossier, matcher: _Matcher) -> list[Framing]:
    desig = "|".join(re.escape(d) for d in sorted(matcher.designators, key=len, reverse=True))
    rx = re.compile(r"(?<![\w-])([A-ZÀ-ÖØ-Þ][\w'’\-]+)\s+(" + desig + r")(?![\w-])")
    stop = _stop_words()
    by_place: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    ev: dict[str, list[Span]] = defaultdict(list)
    for art in dossier.articles:
        for m in rx.finditer(art.text):
            place = m.group(1)
            if place.lower() in stop or place.endswith(("'s", "’s")):
                continue
            surface = _clean_term(m.group(0))
            by_place[place][art.id].setdefault(surface.lower(), surface)
            if sum(1 for x in ev[place] if x.article == art.id) < setting("framing.max_evidence"):
                ev[place].append(Span(article=art.id, start=m.start(), end=m.end(), text=m.group(0)))
    out = []
    for place, per_art in by_place.items():
        forms = {k.split()[-1].rstrip("s") for d in per_art.values() for k in d}
        if len(forms) < 2:
            continue  # every article designates it the same way: no framing difference
        out.append(Framing(concept=f"{matcher.concept}: {place}", terms={a: list(d.values()) for a, d in per_art.items()},
                           method="variant_set", evidence=ev[place]))
    return out


@lru_cache(maxsize=1)
def _neutral_cues() -> frozenset[str]:
    """Every inflection of the verbs ``data/en/cues.yaml`` classes as neutral ("said", "told",
    "added") plus "according to": plain reporting, no word choice."""
    data = load_yaml("cues.yaml", "en")
    irregular = load_variants().get("irregular_verbs") or {}
    out = {"according to", "according"}
    for verb, info in (data.get("verbs") or {}).items():
        if isinstance(info, dict) and info.get("class") == "neutral":
            out |= verb_forms(str(verb), irregular)
    return frozenset(out)


def cue_framings(dossier: Dossier) -> list[Framing]:
    """Reporting verbs, distancing cues and hedges per article, from the claims and
    attributions (method ``cues``). Neutral reporting verbs ("said", "told", "according to") are
    left out: only the verbs that colour a statement ("claimed", "insisted", "admitted") are a
    word choice."""
    neutral = _neutral_cues()
    kinds = {"cue": "reporting verbs used to introduce statements", "distancing": "distancing cues (the writer keeps a distance from a claim)",
             "hedges": "hedges (weakened commitment)"}
    acc: dict[str, dict[str, dict[str, str]]] = {k: defaultdict(dict) for k in kinds}
    ev: dict[str, list[Span]] = {k: [] for k in kinds}
    art_text = {a.id: a.text for a in dossier.articles}
    for at in dossier.attributions:
        if at.cue and at.cue.lower() not in neutral and at.cue_start is not None and at.cue_end is not None and at.article in art_text:
            if art_text[at.article][at.cue_start:at.cue_end] == at.cue and len(ev["cue"]) < 200:
                ev["cue"].append(Span(article=at.article, start=at.cue_start, end=at.cue_end, text=at.cue))
    for c in list(dossier.claims) + list(dossier.attributions):
        art = getattr(c, "article", None)
        if art not in art_text:
            continue
        kind = getattr(c, "kind", None)
        if getattr(c, "cue", None) and kind != "narrative" and c.cue.lower() not in neutral:
            acc["cue"][art].setdefault(c.cue.lower(), c.cue)
        for d in getattr(c, "distancing", []) or []:
            acc["distancing"][art].setdefault(d.lower(), d)
        for h in getattr(c, "hedges", []) or []:
            acc["hedges"][art].setdefault(h.lower(), h)
    for k in ("distancing", "hedges"):
        for art, words in acc[k].items():
            text = art_text[art]
            for w in words.values():
                m = re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text, re.I)
                if m:
                    ev[k].append(Span(article=art, start=m.start(), end=m.end(), text=m.group(0)))
    out = []
    for k, label in kinds.items():
        if acc[k]:
            out.append(Framing(concept=label, terms={a: list(d.values()) for a, d in acc[k].items()}, method="cues", evidence=ev[k]))
    return out


# --------------------------------------------------------------------------- log-odds


def tokens_of(text: str) -> list[str]:
    """Lower-case content words of ``text`` (fallback when no lemmas were kept): Unicode letters,
    stop words and numbers dropped."""
    stop = _stop_words()
    words = (re.sub(r"['’]s$", "", m.group(0).lower()).strip("'’-") for m in _TOKEN_RE.finditer(text))
    return [w for w in words if len(w) > 1 and w not in stop]


def log_odds_dirichlet(counts: dict[str, Counter], top: Optional[int] = None) -> dict[str, list[DistinctiveWord]]:
    """Fightin' Words: for each group, the log-odds ratio of every word in it against all other
    groups pooled, with an informative Dirichlet prior ``alpha_w`` = the word's pooled count
    (so ``alpha_0`` = all tokens), divided by its estimated standard deviation (a z-score).
    Returns the ``top`` words with positive z for each group, highest first. No frequency floor:
    a word seen once can rank when the others never use it. ``top`` None: setting ``framing.top_words``."""
    top = setting("framing.top_words") if top is None else top
    pooled: Counter = Counter()
    for c in counts.values():
        pooled.update(c)
    a0 = sum(pooled.values())
    out: dict[str, list[DistinctiveWord]] = {}
    if len(counts) < 2 or a0 == 0:
        return {g: [] for g in counts}
    for g, ci in counts.items():
        ni = sum(ci.values())
        nj = a0 - ni
        scored = []
        for w, yi in ci.items():
            aw = pooled[w]
            yj = pooled[w] - yi
            li = math.log((yi + aw) / (ni + a0 - yi - aw))
            lj = math.log((yj + aw) / (nj + a0 - yj - aw))
            var = 1.0 / (yi + aw) + 1.0 / (yj + aw)
            z = (li - lj) / math.sqrt(var)
            if z > 0:
                scored.append((z, yi, w))
        scored.sort(key=lambda x: (-x[0], -x[1], x[2]))
        out[g] = [DistinctiveWord(word=w, z=round(z, 3), count=yi) for z, yi, w in scored[:top]]
    return out


@lru_cache(maxsize=1)
def _distinctive_stop() -> frozenset[str]:
    """spaCy's stop list plus ``data/en/framing_stopwords.yaml`` (reporting verbs, deictic and
    furniture words)."""
    data = load_yaml("framing_stopwords.yaml", "en")
    extra = {str(w).lower() for v in data.values() for w in (v or [])}
    return _stop_words() | extra


# removed pieces whose words are furniture (titles, deks and captions hold content words)
_FURNITURE_REASONS = {"nav", "promo", "donation", "newsletter", "social", "comment_form", "header", "byline", "markup", "other"}


def _own_name_tokens(art) -> set[str]:
    """Tokens of the article's own outlet name and web address ("fox", "huffpost",
    "huffingtonpost"), and of the furniture cleaning removed from it."""
    out: set[str] = set()
    for name in (art.outlet, art.outlet_evidence if art.outlet_evidence and len(art.outlet_evidence) < 80 else None):
        if name:
            out |= {w.lower() for w in re.findall(r"[^\W\d_]+", name)}
    if art.url:
        host = re.sub(r"^[a-z]+://", "", art.url.lower()).split("/")[0]
        out |= {w for w in re.findall(r"[^\W\d_]+", host) if w not in ("www", "com", "org", "net", "co", "uk")}
    for r in art.removed or []:
        if r.reason in _FURNITURE_REASONS and r.text:
            out |= {w.lower() for w in re.findall(r"[^\W\d_]+", r.text)}
    return out


def distinctive_tokens(art) -> list[str]:
    """The words of an article that may be distinctive: lower-cased surface forms of alphabetic
    tokens of two or more letters (Unicode kept; possessive 's dropped), without stop words,
    reporting verbs, deictic/furniture words, the article's own outlet name and the words of the
    furniture removed from it."""
    stop = _distinctive_stop()
    own = _own_name_tokens(art)
    out = []
    for w in tokens_of(art.text):
        if len(w) < 2 or w in stop or w in own or not any(ch.isalpha() for ch in w):
            continue
        parts = [p for p in re.split(r"[-'’]", w) if p]
        if parts and all(p in stop or p in own or len(p) == 1 for p in parts):
            continue
        if "-" in w and len(parts[0]) == 1:
            continue  # a party-and-state tag ("R-Texas", "D-N.Y."), not a word choice
        out.append(w)
    return out


def distinctive_words(dossier: Dossier, annotations: Optional[dict] = None) -> dict[str, list[DistinctiveWord]]:
    """Top distinctive words per article (article id -> words): the surface forms of
    ``distinctive_tokens`` (``annotations`` is accepted for the stage signature but lemmas are not
    used: surface forms do not turn "Christie" into "christi" or "held" into "eld")."""
    counts: dict[str, Counter] = {art.id: Counter(distinctive_tokens(art)) for art in dossier.articles}
    return log_odds_dirichlet(counts)


# --------------------------------------------------------------------------- stage


def _order(framings: Iterable[Framing]) -> list[Framing]:
    """Concepts where articles differ most come first: more distinct terms across articles, then
    more articles."""
    def key(f: Framing):
        distinct = {t.lower() for ts in f.terms.values() for t in ts}
        sets = {tuple(sorted(t.lower() for t in ts)) for ts in f.terms.values()}
        return (-(len(sets) > 1), -min(len(f.terms), 6), -len(distinct))
    return sorted(framings, key=key)


def frame_dossier(dossier: Dossier, annotations: Optional[dict] = None) -> None:
    """Fill ``dossier.framing`` and ``dossier.distinctive_words`` (pure function of the dossier and
    the optional per-article annotations)."""
    vf = _order(variant_framings(dossier) + naming_framings(dossier, annotations))
    dossier.framing = vf + cue_framings(dossier)
    dossier.distinctive_words = distinctive_words(dossier, annotations)


def compare_framing(state) -> None:
    """Pipeline stage (corpus): ``state.dossier`` -> ``dossier.framing``, ``dossier.distinctive_words``."""
    frame_dossier(state.dossier, getattr(state, "annotations", None))
