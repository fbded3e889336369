"""Per-claim features for cross-article matching, read from records (never re-parsing).

``claim_features(state)`` returns, for each claim of ``state.dossier.claims`` (same order), a
``ClaimFeatures`` of its proposition (the text without speaker and cue, see
``similarity.proposition_text``): content words (lower-case, stop words out, plural ``s`` trimmed), the named
entities inside the claim's span (from the article's parse), the numbers it states (from its
quantities, or the digits in its text), its ISO dates (from its times), polarity, the
dossier actors it names, its original source (``original_source``), its rank in its article, and the event classes its verbs and nouns belong to
(``event_terms.event_classes``: "ousted" and "recaptured" are both ``retake_territory``; region
designators such as "Oblast" count as the word "region"), and the state poles it asserts
(``relations.lexicon.state_poles``: presence ended / continuing, outcome failed / succeeded...) and
the claim's ``proposition`` (its slots, dossier actor ids) and whether the claim rejects what
someone said (``rejects``: a rebuttal, denial cue or debunking word, ``relations/stance.py``; read
only while ``clusters.rebuttal_penalty`` is on). Cached in ``state.claim_features`` (dict claim id ->
ClaimFeatures).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from . import lexicon as lx
from .event_terms import designator_norm, event_classes
from .relations.lexicon import state_poles
from .relations.shares import held_shares
from .relations.stance import rejects
from ..data import load_yaml
from ..models import Proposition
from ..settings import setting

_STOPWORDS = load_yaml("stopwords.yaml", "en")  # word lists and patterns of this module (data/en/stopwords.yaml)

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_NUM = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
# words that carry no proposition of their own in news text
_EXTRA_STOP = frozenset(_STOPWORDS["claim_features_extra"])
_ENTITY_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}


def stem(w: str) -> str:
    """A very light stem: lower case, possessive and plural endings off."""
    w = w.lower().replace("\u2019", "'")
    w = re.sub(r"'s?$", "", w)
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def content_words(text: str) -> list[str]:
    """Content-word stems of ``text`` (a new list; a claim-sized text is read once and its words
    kept, since several stages read the same claims)."""
    return list(_kept_content_words(text) if len(text) <= _KEEP_CHARS else _content_words(text))


_KEEP_CHARS = 1000  # texts up to this length have their words kept (claims; not whole article bodies)


@lru_cache(maxsize=100_000)
def _kept_content_words(text: str) -> tuple[str, ...]:
    return _content_words(text)


def _content_words(text: str) -> tuple[str, ...]:
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0).lower()
        if w in ENGLISH_STOP_WORDS or w in _EXTRA_STOP or len(w) < 3:
            continue
        out.append(designator_norm(stem(w)))
    return tuple(out)


def numbers_in(text: str) -> set[float]:
    """Numbers written with digits (years 1900-2100 left out: they are dates)."""
    out = set()
    for m in _NUM.finditer(text):
        try:
            v = float(m.group(0).replace(",", ""))
        except ValueError:
            continue
        if 1900 <= v <= 2100 and "," not in m.group(0) and "." not in m.group(0):
            continue
        out.add(v)
    return out


@dataclass
class ClaimFeatures:
    words: list[str] = field(default_factory=list)
    entities: set[str] = field(default_factory=set)
    numbers: set[float] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    polarity: str = "asserted"
    speaker: str | None = None
    source: str | None = None
    side: str | None = None
    ordinal: int = 0
    events: set[str] = field(default_factory=set)
    states: dict[str, str] = field(default_factory=dict)
    proposition: Optional[Proposition] = None  # the claim's slots (extract/propositions.py), dossier actor ids
    rejects: bool = False  # the claim rebuts or debunks what someone said (relations/stance.py)
    shares: list = field(default_factory=list)  # (holder, Quantity) of the claim's shares (relations/shares.held_shares)

    def keys(self) -> list[str]:
        """Blocking and overlap keys: entities, numbers, words and event classes."""
        return ([f"e:{e}" for e in self.entities] + [f"n:{n:g}" for n in self.numbers] + [f"w:{w}" for w in set(self.words)]
                + [f"v:{v}" for v in self.events])


def names_meet(a: set[str], b: set[str]) -> bool:
    """Whether two sets of folded entity names share a name, counting a later short mention of a
    name as that name: one name's words end the other's ("stewart" / "martha stewart", "collins"
    / "jeffrey collins", "general staff" / "ukrainian general staff"). News names a person or
    body in full once and shortly after that."""
    if a & b:
        return True
    for x in a:
        xs = x.split()
        for y in b:
            ys = y.split()
            short, long_ = (xs, ys) if len(xs) <= len(ys) else (ys, xs)
            if short and len(short) < len(long_) and long_[-len(short):] == short:
                return True
    return False


_INITIAL_DOT = re.compile(r"(?<![a-z])([a-z])\.")


@lru_cache(maxsize=100_000)  # a name is normalised once, however many claims and articles carry it
def _entity_norm(text: str) -> str:
    """Folded entity text; demonyms, capitals and country names become ``country:<name>`` so
    "Kiev", "Kyiv", "Ukrainian" and "Ukraine" agree; a trailing region designator is dropped
    ("X Oblast" = "X province" = "X"); the dots of initials go ("U.S. Navy" = "US Navy")."""
    t = lx.fold(text)
    t = re.sub(r"^the\s+", "", t)
    t = re.sub(r"'s?$", "", t).strip()  # "Brotherhood '" (a headline's quote tagged with the name)
    t = _INITIAL_DOT.sub(r"\1", t)  # "u.s. geological survey" = "us geological survey"
    c = lx.canonical_country(t)
    if c:
        return f"country:{c}"
    words = t.split()
    if len(words) > 1 and designator_norm(words[-1]) == "region":
        t = " ".join(words[:-1])  # "Marel Oblast", "Marel province", "the Marel region" -> "marel"
    return t


def original_speaker(claim):
    """The speaker at the start of the claim's reporting chain (original speaker first: Gerasimov,
    then AFP), else its speaker; None for narration."""
    return claim.chain[0] if claim.chain else claim.speaker


def original_source(claim) -> str | None:
    """Who first said ``claim`` as a key: the original speaker's dossier actor id, else its folded
    name; None for narration."""
    sp = original_speaker(claim)
    if sp is None:
        return None
    return sp.actor or (lx.fold(sp.name) if sp.name else None)


def claim_features(state) -> dict[str, ClaimFeatures]:
    """Features of every claim (see module doc); cached in ``state.claim_features``."""
    cache = state.claim_features
    todo = [c for c in state.dossier.claims if c.id not in cache]
    if not todo:
        return cache
    quantities = {q.id: q for q in state.dossier.quantities}
    times = {t.id: t for t in state.dossier.times}
    sides = {a.id: a.side for a in state.dossier.actors if a.side}
    ents_by_article = {}
    for aid, ann in state.annotations.items():
        labels = ann.entity_labels if len(ann.entity_labels) == len(ann.entities) else [""] * len(ann.entities)
        items = sorted(((e.start, e.end, e.text, lab) for e, lab in zip(ann.entities, labels)), key=lambda x: x[0])
        ents_by_article[aid] = ([x[0] for x in items], items)
    from .similarity import proposition_texts

    props = proposition_texts(state)
    stance_read = setting("clusters.rebuttal_penalty") > 0
    by_article: dict[str, list] = {}
    for c in state.dossier.claims:
        if c.parent is None:
            by_article.setdefault(c.article, []).append((c.start, c.id))
    ordinal = {cid: k for items in by_article.values() for k, (_, cid) in enumerate(sorted(items))}
    # a clause claim (``Claim.parent``) stands where its statement stands: "the next claim" is the
    # next statement, whatever clauses a long statement gives
    ordinal.update({c.id: ordinal.get(c.parent, 0) for c in state.dossier.claims if c.parent is not None})
    for c in todo:
        prop = props.get(c.id, c.text)
        cut = [(sp.start, sp.end) for sp in [c.speaker, *c.chain] if sp is not None and sp.start is not None and sp.end is not None]
        f = ClaimFeatures(words=content_words(prop), polarity=c.polarity, events=event_classes(prop),
                          states={dim: pole for dim, (pole, _) in state_poles(prop).items()},
                          speaker=c.speaker.actor or lx.fold(c.speaker.name) if c.speaker else None)
        if c.speaker and c.speaker.actor and c.speaker.actor in sides:
            f.side = sides[c.speaker.actor]
        f.source = original_source(c)
        f.proposition = c.proposition
        if stance_read:  # read only where the pair score uses it (the lexicon scan costs at scale)
            f.rejects = rejects(c.text, c.cue)
        f.ordinal = ordinal[c.id]
        starts, items = ents_by_article.get(c.article, ([], []))
        lo = bisect.bisect_left(starts, c.start)
        for s, e, text, lab in items[lo:]:
            if s >= c.end:
                break
            if any(s < ce and e > cs for cs, ce in cut):
                continue  # the speaker's own name is not part of the proposition
            if e <= c.end and (not lab or lab in _ENTITY_LABELS):
                f.entities.add(_entity_norm(text))
        qs = [quantities[qid] for qid in c.quantities if qid in quantities]
        for q in qs:
            for v in (q.value, q.low, q.high):
                if v is not None:
                    f.numbers.add(float(v))
        f.shares = held_shares(c.text, c.start, qs)
        if not c.quantities:
            # digits that belong to a time expression ("On April 26") are dates, not counts
            bare = prop
            for tid in c.times:
                t = times.get(tid)
                if t is not None and t.text:
                    bare = bare.replace(t.text, " ")
            f.numbers = numbers_in(bare)
        for tid in c.times:
            t = times.get(tid)
            if t is not None and t.value and t.type == "date":
                f.dates.add(t.value)
        f.actors = set(c.actors)
        cache[c.id] = f
    return cache
