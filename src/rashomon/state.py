"""What stages read and write: the per-article and corpus states, and the ``Stage`` declaration.

This module sits below every stage (stages import it, never ``rashomon.pipeline``).

- ``ArticleState``: one article on its way through the per-article half: the ``Article`` (given),
  its spaCy ``doc`` (after ``parse``), the ``ArticleAnnotations`` being filled, and
  ``actor_resolutions`` (the actors stage's map from a mention span to the actor it refers to,
  read by the attribution stage).
- ``CorpusState``: the cross-article half: every article's final ``ArticleAnnotations``
  (``annotations``, never changed by a corpus stage), the ``Dossier`` being assembled from new
  records, and typed fields for the cross-article findings and caches that pass between stages.
- ``Stage``: a stage's name, scope, ``module:function`` target and the state fields it
  ``reads`` and ``writes``, as dotted field names of the state models (``ann.claims``,
  ``article.published``, ``dossier.clusters``, ``actor_map``). ``check_fields`` refuses a name
  that is not a field; ``rashomon.pipeline.check_order`` refuses a stage that reads a field no
  earlier stage writes.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field, fields
from typing import Any, Callable, Literal, Optional

from pydantic import BaseModel

from .models import Article, ArticleAnnotations, Dossier, PublicationDate
from .errors import StageFieldError


@dataclass
class ArticleState:
    """What per-article stages read and write (see module doc)."""

    article: Article
    ann: ArticleAnnotations
    doc: Any = None  # spacy.tokens.Doc once the parse stage ran
    # (start, end) of a mention -> (per-article actor id, how it was resolved); from the actors stage
    actor_resolutions: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    settings: Any = None


@dataclass
class CorpusState:
    """What corpus stages read and write (see module doc). Caches are filled by whichever stage
    needs them first (``rashomon.link.similarity``, ``features``, ``events``)."""

    dossier: Dossier
    annotations: dict[str, ArticleAnnotations] = field(default_factory=dict)
    settings: Any = None
    # a replacement sentence encoder (list[str] -> ndarray) for scale benchmarks; production: None
    encoder: Optional[Callable] = None
    # findings of the corpus stages, pointing at per-article records by id
    actor_map: dict[str, str] = field(default_factory=dict)  # per-article actor id -> dossier actor id
    main_parties: list[str] = field(default_factory=list)  # the sides most actors speak for
    publication_dates: dict[str, PublicationDate] = field(default_factory=dict)  # article id -> inferred date
    cluster_stats: dict = field(default_factory=dict)  # pairs compared by the claim clustering
    event_stats: dict = field(default_factory=dict)  # pairs compared by the event grouping
    # caches shared between corpus stages
    claim_embeddings: Optional[dict] = None  # {"ids", "index", "vectors"}: see link.similarity
    proposition_embeddings: Optional[dict] = None
    proposition_texts: dict[str, str] = field(default_factory=dict)
    claim_features: dict = field(default_factory=dict)  # claim id -> features (link.features)
    article_units: Optional[dict] = None  # article id -> unit embeddings (link.events)
    claim_poles: dict = field(default_factory=dict)  # (claim id, text) -> state poles (link.relations.context)


@dataclass(frozen=True)
class Stage:
    """One stage: ``reads``/``writes`` are dotted field names of its state (see module doc)."""

    name: str
    scope: Literal["article", "corpus"]
    target: str  # "module:function"
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()
    doc: str = ""
    background: bool = False  # may run in a background thread after the stages before it (reads no doc)

    def load(self) -> Callable:
        mod, fn = self.target.split(":")
        return getattr(importlib.import_module(mod), fn)


# the pydantic model behind each state field that has sub-fields
_NESTED: dict[str, dict[str, type[BaseModel]]] = {
    "article": {"article": Article, "ann": ArticleAnnotations},
    "corpus": {"dossier": Dossier},
}
_STATE = {"article": ArticleState, "corpus": CorpusState}


def check_fields(stage: Stage) -> None:
    """Raise ``ValueError`` when ``stage`` reads or writes a name that is not a field of its state
    (``ann.claims`` must be a field ``claims`` of ``ArticleAnnotations``, and so on)."""
    top = {f.name for f in fields(_STATE[stage.scope])}
    nested = _NESTED[stage.scope]
    for name in (*stage.reads, *stage.writes):
        head, _, rest = name.partition(".")
        ok = head in top and (not rest or (head in nested and rest in nested[head].model_fields))
        if not ok:
            raise StageFieldError(stage=stage.name, name=name, state=_STATE[stage.scope].__name__)
