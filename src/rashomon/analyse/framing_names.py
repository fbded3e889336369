"""Naming concepts of the framing stage: how each outlet phrases the things and names the actors
the story is about, found from the articles themselves, with no word list.

In: the ``Dossier`` (articles' cleaned ``text``, dossier actors with the per-article actor ids they
merge, ``members``) and the per-article ``ArticleAnnotations`` (``noun_phrases`` of the parse stage,
per-article ``actors`` with their mentions). Out: ``Framing`` entries (methods ``thing_names`` and
``actor_names``), each term with its evidence spans in the cleaned text.

1. ``thing_framings``: the story's salient things are the common-noun heads of noun phrases used
   by at least ``framing.thing_min_articles`` articles, ranked by the share of articles using them
   times their rarity in general English (7 minus the wordfreq Zipf frequency of the head word as
   written, so "balloon" outranks "people"); the top ``framing.salient_things``. For each, every
   article's phrases with that head ("Chinese surveillance balloon", "weather balloon").
2. ``actor_framings``: every dossier actor named in at least two articles, countries aside (a
   country's name is geography, not word choice): every article's mentions of it (names, titles,
   descriptions; pronouns aside), each widened to the noun phrase it ends ("ruling pro-Russian
   Grand Coalition party" around "Grand Coalition party"); the ``framing.max_actor_concepts`` actors
   named in most articles.

A concept is reported only when the articles phrase it differently (at least two distinct phrases
across at least two articles, compared lower-cased with spaces and quote marks folded): one name
used by every outlet is no framing. Phrases longer than ``framing.max_phrase_words`` words are
left out (a noun chunk running over a list).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Optional

from ..data import load_yaml
from ..models import ArticleAnnotations, Dossier, Framing, Span
from ..settings import setting

_LABELS = load_yaml("framing_words.yaml", "en")["naming_labels"]
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_NOT_NAMING = frozenset({"pronoun"})
_COUNTRY = "country"


def _key(term: str) -> str:
    """A phrase compared across articles: lower-cased, spaces and quote marks folded."""
    return re.sub(r"\s+", " ", term.translate(_QUOTES)).strip().lower()


@lru_cache(maxsize=4096)
def _rarity(word: str) -> float:
    """7 minus the Zipf frequency of ``word`` in general English (wordfreq), at least 0."""
    from wordfreq import zipf_frequency

    return max(0.0, 7.0 - zipf_frequency(word, "en"))


class _Collector:
    """Terms and evidence of one concept, article by article (first surface form of each key)."""

    def __init__(self) -> None:
        self.terms: dict[str, dict[str, str]] = defaultdict(dict)
        self.evidence: list[Span] = []
        self._ev_count: Counter = Counter()

    def add(self, article: str, text: str, start: int, end: int) -> None:
        surface = re.sub(r"\s+", " ", text[start:end]).strip()
        if not surface or len(surface.split()) > int(setting("framing.max_phrase_words")):
            return
        self.terms[article].setdefault(_key(surface), surface)
        if self._ev_count[article] < int(setting("framing.max_evidence")):
            self.evidence.append(Span(article=article, start=start, end=end, text=text[start:end]))
            self._ev_count[article] += 1

    def framing(self, concept: str, method: str) -> Optional[Framing]:
        """The ``Framing`` when the articles phrase the concept differently, else None."""
        if len(self.terms) < 2 or len({k for ts in self.terms.values() for k in ts}) < 2:
            return None
        terms = {a: list(ts.values()) for a, ts in self.terms.items()}
        return Framing(concept=concept, terms=terms, method=method, evidence=self.evidence)


def thing_framings(dossier: Dossier, annotations: dict[str, ArticleAnnotations]) -> list[Framing]:
    """How each article phrases the story's salient things (module doc, 1)."""
    texts = {a.id: a.text for a in dossier.articles}
    by_head: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    surfaces: dict[str, Counter] = defaultdict(Counter)
    for aid, text in texts.items():
        ann = annotations.get(aid)
        for start, end, lemma in (ann.noun_phrases if ann else ()):
            if not lemma or not lemma.isalpha():
                continue
            by_head[lemma].append((aid, start, end))
            last = text[start:end].split()[-1].lower() if text[start:end].split() else lemma
            surfaces[lemma][last] += 1
    n = max(1, len(texts))
    min_articles = int(setting("framing.thing_min_articles"))
    ranked = []
    for lemma, uses in by_head.items():
        df = len({aid for aid, _, _ in uses})
        if df < min_articles:
            continue
        word = surfaces[lemma].most_common(1)[0][0]
        ranked.append((-(df / n) * _rarity(word), lemma))
    out = []
    for _, lemma in sorted(ranked)[: int(setting("framing.salient_things"))]:
        col = _Collector()
        for aid, start, end in by_head[lemma]:
            col.add(aid, texts[aid], start, end)
        f = col.framing(_LABELS["thing"].format(head=lemma), "thing_names")
        if f:
            out.append(f)
    return out


def _widen(start: int, end: int, phrases: list[tuple[int, int, str]]) -> tuple[int, int]:
    """The noun phrase that ends with the mention ``start:end`` (the mention is its head,
    the words before it its modifiers: "ruling Grand Coalition party" for "Grand Coalition party"),
    else the mention itself; a phrase in which the mention only modifies another noun ("the
    ministry's rejection", "ministry officials") is not the actor's name."""
    best = (start, end)
    for s, e, _ in phrases:
        if s <= start and e == end and s < best[0]:
            best = (s, e)
    return best


def actor_framings(dossier: Dossier, annotations: dict[str, ArticleAnnotations]) -> list[Framing]:
    """How each article names the actors of the story (module doc, 2)."""
    texts = {a.id: a.text for a in dossier.articles}
    local = {act.id: (aid, act) for aid, ann in annotations.items() for act in ann.actors}
    candidates = [a for a in dossier.actors if a.type != _COUNTRY and len(set(a.articles)) >= 2]
    candidates.sort(key=lambda a: (-len(set(a.articles)), a.id))
    out = []
    for actor in candidates:
        col = _Collector()
        for member in actor.members:
            aid, act = local.get(member, (None, None))
            if act is None or aid not in texts:
                continue
            phrases = annotations[aid].noun_phrases
            for m in act.mentions:
                if m.kind in _NOT_NAMING:
                    continue
                s, e = _widen(m.start, m.end, phrases)
                col.add(aid, texts[aid], s, e)
        f = col.framing(_LABELS["actor"].format(name=actor.name), "actor_names")
        if f:
            out.append(f)
        if len(out) >= int(setting("framing.max_actor_concepts")):
            break
    return out


def naming_framings(dossier: Dossier, annotations: Optional[dict[str, ArticleAnnotations]]) -> list[Framing]:
    """Both naming concepts (things first); none without per-article annotations."""
    if not annotations:
        return []
    return thing_framings(dossier, annotations) + actor_framings(dossier, annotations)
