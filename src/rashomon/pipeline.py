"""The stages of rashomon, in order, each declaring the state fields it reads and writes.

Two halves:

- **per-article** stages take an ``ArticleState`` (the cleaned ``Article``, its spaCy ``doc``
  and the ``ArticleAnnotations`` being filled) and run independently per article, through an
  engine (``rashomon.engine``); the annotations are final when this half ends;
- **corpus** stages take a ``CorpusState`` (every article's annotations, the ``Dossier`` being
  assembled, typed cross-article findings) and never re-parse text or change the annotations.

A stage is named by ``module:function`` and imported lazily, so a worker process loads only what
it runs. ``reads``/``writes`` are dotted field names of the state models (``rashomon.state``);
``check_order`` verifies at import time that each is a field and that every field a stage reads
is given or written by an earlier stage, the way spaCy checks ``requires``/``assigns``.
"""
from __future__ import annotations

import time
from typing import Callable, Optional

from .errors import StageOrderError
from .models import Article, ArticleAnnotations, StageTiming
from .settings import current, use
from .state import ArticleState, CorpusState, Stage, check_fields

__all__ = ["ArticleState", "CorpusState", "Stage", "STAGES", "ARTICLE_STAGES", "CORPUS_STAGES", "check_order",
           "split_background", "run_article_stages", "run_corpus_stages"]

S = Stage
STAGES: tuple[Stage, ...] = (
    S("parse", "article", "rashomon.extract.parse:parse", ("article.text",),
      ("doc", "ann.sentences", "ann.entities", "ann.entity_labels", "ann.lemmas", "ann.noun_phrases"),
      "spaCy parse: sentences, entities (with the entity ruler), content lemmas, noun phrases"),
    S("actors", "article", "rashomon.extract.actors:extract_actors", ("doc", "ann.entities"), ("ann.actors", "actor_resolutions"),
      "people and bodies mentioned, grouped per article, typed, with affiliation"),
    S("attributions", "article", "rashomon.extract.attribution:extract_attributions", ("doc", "ann.actors", "actor_resolutions"),
      ("ann.attributions",), "who said what: speaker, cue, content, kind, chains, hedges"),
    S("quantities", "article", "rashomon.extract.quantities:extract_quantities", ("doc",), ("ann.quantities",),
      "numbers with units, ranges, bounds, SI conversion, what is counted"),
    S("times", "article", "rashomon.extract.times:extract_times", ("doc", "article.published"), ("ann.times",),
      "date, time and duration expressions with ISO values"),
    S("claims", "article", "rashomon.extract.claims:extract_claims",
      ("doc", "ann.attributions", "ann.actors", "ann.quantities", "ann.times"), ("ann.claims", "ann.quantities", "ann.times"),
      "clause-level claims, attributed or narration, with polarity and modality"),
    S("encode", "article", "rashomon.link.similarity:encode_claims", ("ann.claims", "ann.attributions"),
      ("ann.claim_vectors", "ann.proposition_vectors"),
      "sentence embeddings of each claim and of what it asserts", background=True),
    S("link_actors", "corpus", "rashomon.link.actors:link_actors", ("annotations", "dossier.claims", "dossier.attributions"),
      ("dossier.actors", "actor_map", "main_parties", "dossier.claims", "dossier.attributions"),
      "one actor across articles, with its side"),
    S("events", "corpus", "rashomon.link.events:group_events", ("dossier.claims", "dossier.actors", "dossier.times", "annotations"),
      ("dossier.events", "event_stats", "dossier.articles"), "which articles report the same event"),
    S("clusters", "corpus", "rashomon.link.clusters:cluster_claims", ("dossier.claims", "dossier.events", "annotations"),
      ("dossier.clusters", "cluster_stats", "dossier.claims"), "the same proposition across articles"),
    S("dates", "corpus", "rashomon.link.dates:infer_dates", ("dossier.clusters", "dossier.times", "annotations"),
      ("publication_dates", "dossier.articles", "dossier.times"),
      "publication dates inferred from other articles; relative times resolved against them"),
    S("independence", "corpus", "rashomon.link.independence:assess_independence",
      ("dossier.clusters", "dossier.actors", "main_parties"), ("dossier.clusters",),
      "independent original sources and sides behind each cluster"),
    S("checks", "corpus", "rashomon.link.numbers:cross_check", ("dossier.quantities", "dossier.clusters"), ("dossier.checks",),
      "numeric cross-checks across articles, with the arithmetic"),
    S("relations", "corpus", "rashomon.link.relations:find_relations", ("dossier.clusters", "dossier.articles", "dossier.checks"),
      ("dossier.relations",), "contradicts / supports / updates between clusters, explained"),
    S("disputes", "corpus", "rashomon.link.disputes:find_disputes",
      ("dossier.relations", "dossier.clusters", "dossier.claims", "dossier.articles", "dossier.actors"),
      ("dossier.disputes",),
      "contradictions grouped into the questions they contest, with positions and their history"),
    S("cross_support", "corpus", "rashomon.link.independence:apply_support_relations", ("dossier.relations", "dossier.clusters"),
      ("dossier.clusters",), "clusters confirmed across sides through a supports relation"),
    S("framing", "corpus", "rashomon.analyse.framing:compare_framing", ("annotations", "dossier.events"),
      ("dossier.framing", "dossier.distinctive_words"), "each outlet's word choice for the same thing"),
    S("timeline", "corpus", "rashomon.analyse.timeline:build_timeline", ("dossier.articles", "dossier.clusters"), ("dossier.timeline",),
      "dated events and statements in order"),
    S("summary", "corpus", "rashomon.analyse.summary:summarize", ("dossier.relations", "dossier.clusters", "dossier.timeline"),
      ("dossier.summary",), "a neutral summary in which every sentence cites claims"),
)
del S

# what each half starts with: the article (and settings); the annotations and the dossier's
# per-article records (and a replacement encoder, in benchmarks)
GIVEN = {
    "article": ("article", "settings"),
    "corpus": ("annotations", "dossier.articles", "dossier.attributions", "dossier.claims", "dossier.quantities",
               "dossier.times", "dossier.run", "settings", "encoder"),
}


def _given(name: str, have: set[str]) -> bool:
    head = name.split(".")[0]
    return name in have or head in have


def check_order(stages: tuple[Stage, ...] = STAGES) -> None:
    """Raise ``StageFieldError`` (R205) when a stage names something that is not a state field, or reads a
    field that is neither given to its half nor written by an earlier stage of that half
    (``StageOrderError``, R201). Both are ``ValueError``s."""
    have = {scope: set(g) for scope, g in GIVEN.items()}
    for st in stages:
        check_fields(st)
        missing = [r for r in st.reads if not _given(r, have[st.scope])]
        if missing:
            raise StageOrderError(stage=st.name, missing=missing, scope=st.scope)
        have[st.scope].update(st.writes)


check_order()

ARTICLE_STAGES = tuple(s for s in STAGES if s.scope == "article")
CORPUS_STAGES = tuple(s for s in STAGES if s.scope == "corpus")


def split_background(stages: tuple[Stage, ...] = ARTICLE_STAGES) -> tuple[tuple[Stage, ...], tuple[Stage, ...]]:
    """``(head, tail)``: ``tail`` is the run of ``background`` stages at the end (they read no
    ``doc``, so an engine may run them in another thread while the next article is parsed)."""
    k = len(stages)
    while k > 0 and stages[k - 1].background:
        k -= 1
    return tuple(stages[:k]), tuple(stages[k:])


def run_article_stages(article: Article, stages: tuple[Stage, ...] = ARTICLE_STAGES, ann: Optional[ArticleAnnotations] = None,
                       settings=None) -> tuple[ArticleAnnotations, list[StageTiming]]:
    """Run per-article ``stages`` on one article, starting from ``ann`` (fresh when None); return
    its annotations and per-stage timings. The spaCy pipeline comes from
    ``rashomon.nlp.get_nlp()`` (loaded once per process)."""
    state = ArticleState(article=article, ann=ann if ann is not None else ArticleAnnotations(article=article.id),
                         settings=settings or current())
    timings = []
    with use(state.settings):
        for st in stages:
            t0 = time.perf_counter()
            st.load()(state)
            timings.append(StageTiming(name=st.name, seconds=time.perf_counter() - t0))
    return state.ann, timings


def run_corpus_stages(state: CorpusState, stages: tuple[Stage, ...] = CORPUS_STAGES, progress: Optional[Callable[[str], None]] = None) -> list[StageTiming]:
    """Run the cross-article half in order on ``state``, under ``state.settings`` (None: those of
    ``settings.current()``, which are then stored in ``state.settings``); return per-stage timings."""
    if state.settings is None:
        state.settings = current()
    timings = []
    with use(state.settings):
        for st in stages:
            if progress:
                progress(st.name)
            t0 = time.perf_counter()
            st.load()(state)
            timings.append(StageTiming(name=st.name, seconds=time.perf_counter() - t0))
    return timings
