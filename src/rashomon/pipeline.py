"""The stages of rashomon, in order, each declaring what it needs and what it makes.

Two halves:

- **per-article** stages take an ``ArticleState`` (the cleaned ``Article``, its spaCy ``doc``
  and the ``ArticleAnnotations`` being filled) and run independently per article, in a process
  pool (see ``rashomon.engine``);
- **corpus** stages take a ``CorpusState`` (the ``Dossier`` being built and every article's
  annotations) and never re-parse text.

A stage is named by ``module:function`` and imported lazily, so a worker process loads only what
it runs. ``check_order`` verifies at import time that every stage's requirements are produced by
an earlier stage, the way spaCy checks ``requires``/``assigns`` of its components.
"""
from __future__ import annotations

import importlib
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Literal, Optional

from .models import Article, ArticleAnnotations, Dossier, StageTiming


@dataclass
class ArticleState:
    """What per-article stages read and write."""

    article: Article
    ann: ArticleAnnotations
    doc: Any = None  # spacy.tokens.Doc once the parse stage ran


@dataclass
class CorpusState:
    """What corpus stages read and write: the dossier under construction."""

    dossier: Dossier
    annotations: dict[str, ArticleAnnotations] = field(default_factory=dict)
    scratch: dict[str, Any] = field(default_factory=dict)  # shared between corpus stages (e.g. embeddings)


@dataclass(frozen=True)
class Stage:
    name: str
    scope: Literal["article", "corpus"]
    target: str  # "module:function"
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ()
    doc: str = ""

    def load(self) -> Callable:
        mod, fn = self.target.split(":")
        return getattr(importlib.import_module(mod), fn)


# Names used in requires/produces:
#   article-level: text, published, doc, sentences, entities, lemmas, actors, attributions,
#                  claims, quantities, times, claim_links
#   corpus-level:  dossier_actors, events, clusters, published_inferred, independence,
#                  checks, relations, corroboration, framing, timeline, summary
STAGES: tuple[Stage, ...] = (
    Stage("parse", "article", "rashomon.extract.parse:parse", ("text",), ("doc", "sentences", "entities", "lemmas"),
          "spaCy parse: sentences, entities (with the entity ruler), content lemmas"),
    Stage("actors", "article", "rashomon.extract.actors:extract_actors", ("doc", "entities"), ("actors",),
          "people and bodies mentioned, grouped per article, typed, with affiliation"),
    Stage("attributions", "article", "rashomon.extract.attribution:extract_attributions", ("doc", "actors"), ("attributions",),
          "who said what: speaker, cue, content, kind, chains, hedges"),
    Stage("quantities", "article", "rashomon.extract.quantities:extract_quantities", ("doc",), ("quantities",),
          "numbers with units, ranges, bounds, SI conversion, what is counted"),
    Stage("times", "article", "rashomon.extract.times:extract_times", ("doc", "published"), ("times",),
          "date, time and duration expressions with ISO values"),
    Stage("claims", "article", "rashomon.extract.claims:extract_claims", ("doc", "attributions", "actors", "quantities", "times"),
          ("claims", "claim_links"), "clause-level claims, attributed or narration, with polarity and modality"),
    Stage("link_actors", "corpus", "rashomon.link.actors:link_actors", ("actors", "claims"), ("dossier_actors",),
          "one actor across articles, with its side"),
    Stage("events", "corpus", "rashomon.link.events:group_events", ("claims", "dossier_actors", "times"), ("events",),
          "which articles report the same event"),
    Stage("clusters", "corpus", "rashomon.link.clusters:cluster_claims", ("claims", "events"), ("clusters",),
          "the same proposition across articles"),
    Stage("dates", "corpus", "rashomon.link.dates:infer_dates", ("clusters", "times"), ("published_inferred",),
          "publication dates inferred from other articles; relative times resolved again"),
    Stage("independence", "corpus", "rashomon.link.independence:assess_independence", ("clusters", "dossier_actors"),
          ("independence",), "independent original sources and sides behind each cluster"),
    Stage("checks", "corpus", "rashomon.link.numbers:cross_check", ("quantities", "clusters"), ("checks",),
          "numeric cross-checks across articles, with the arithmetic"),
    Stage("relations", "corpus", "rashomon.link.relations:find_relations", ("clusters", "independence", "published_inferred", "checks"),
          ("relations",), "contradicts / supports / updates between clusters, explained"),
    Stage("disputes", "corpus", "rashomon.link.disputes:find_disputes", ("relations",), ("disputes",),
          "contradictions grouped into the questions they contest, with positions and their history"),
    Stage("cross_support", "corpus", "rashomon.link.independence:apply_support_relations", ("relations", "independence"),
          ("corroboration",), "clusters confirmed across sides through a supports relation"),
    Stage("framing", "corpus", "rashomon.analyse.framing:compare_framing", ("lemmas", "events"), ("framing",),
          "each outlet's word choice for the same thing"),
    Stage("timeline", "corpus", "rashomon.analyse.timeline:build_timeline", ("published_inferred", "clusters"), ("timeline",),
          "dated events and statements in order"),
    Stage("summary", "corpus", "rashomon.analyse.summary:summarize", ("relations", "corroboration", "timeline"), ("summary",),
          "a neutral summary in which every sentence cites claims"),
)

_GIVEN = ("text", "published")


def check_order(stages: tuple[Stage, ...] = STAGES) -> None:
    """Raise ``ValueError`` when a stage requires something no earlier stage produces."""
    have = set(_GIVEN)
    for st in stages:
        missing = [r for r in st.requires if r not in have]
        if missing:
            raise ValueError(f"stage {st.name!r} requires {missing}, produced by no earlier stage")
        have.update(st.produces)


check_order()

ARTICLE_STAGES = tuple(s for s in STAGES if s.scope == "article")
CORPUS_STAGES = tuple(s for s in STAGES if s.scope == "corpus")


def run_article_stages(article: Article, stages: tuple[Stage, ...] = ARTICLE_STAGES) -> tuple[ArticleAnnotations, list[StageTiming]]:
    """Run the per-article half on one article; return its annotations and per-stage timings.
    The spaCy pipeline comes from ``rashomon.nlp.get_nlp()`` (loaded once per process)."""
    state = ArticleState(article=article, ann=ArticleAnnotations(article=article.id))
    timings = []
    for st in stages:
        t0 = time.perf_counter()
        st.load()(state)
        timings.append(StageTiming(name=st.name, seconds=time.perf_counter() - t0))
    return state.ann, timings


def run_corpus_stages(state: CorpusState, stages: tuple[Stage, ...] = CORPUS_STAGES, progress: Optional[Callable[[str], None]] = None) -> list[StageTiming]:
    """Run the cross-article half in order on ``state``; return per-stage timings."""
    timings = []
    for st in stages:
        if progress:
            progress(st.name)
        t0 = time.perf_counter()
        st.load()(state)
        timings.append(StageTiming(name=st.name, seconds=time.perf_counter() - t0))
    return timings
