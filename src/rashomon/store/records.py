"""Typed records the workspace store returns (pydantic, like ``rashomon.models``).

- ``AddResult``: what one ``Store.add`` did (ids added, ids skipped because their text was
  already stored, inputs that could not be read or analysed, stable ids of the events touched);
- ``EventSummary``: one event of the workspace for a list view;
- ``HistoryEntry`` (defined in ``rashomon.models``, as the exported dossier carries it): one
  step in a claim cluster's history (first reported, repeated, denied, revised), with the claim's evidence;
- ``ClaimEvidence``: a claim with its article, offsets and text;
- ``ClusterView``: a cluster, its claims with evidence, and its history;
- ``SearchHit``: a full-text search hit with the offsets of its evidence.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from ..models import Cluster, HistoryEntry, HistoryStep, InputError, Record  # noqa: F401 - re-exported


class AddResult(Record):
    added: list[str] = Field(default_factory=list, description="ids of the articles analysed and stored by this call")
    skipped: list[str] = Field(default_factory=list, description="ids of stored articles whose text (content hash) an input repeated; not analysed again")
    errors: list[InputError] = Field(default_factory=list, description="inputs that could not be read, or articles whose analysis failed")
    events: list[str] = Field(default_factory=list, description="stable ids of the events whose dossier slice changed (new, grown, merged or re-linked)")
    linked: bool = Field(False, description="whether the corpus half ran (it does when an article was added or an earlier add was cut off)")
    relinked: list[str] = Field(default_factory=list, description="stable ids of the events whose claim-level stages ran again (the others kept their stored part; see rashomon.event_parts)")


class EventSummary(Record):
    id: str = Field(description="stable id (kept when the event grows; see rashomon.store.events)")
    dossier_id: Optional[str] = Field(None, description="the event's id inside the linked dossier (E1...), which may change")
    label: str = ""
    first_date: Optional[str] = None
    last_date: Optional[str] = None
    outlets: list[str] = Field(default_factory=list)
    n_articles: int = 0
    n_disputes: int = 0
    updated_at: str = Field(description="UTC time the event's dossier slice last changed")


class ClaimEvidence(Record):
    id: str
    article: str
    start: int
    end: int
    text: str = Field(description="the article's text from start to end")
    speaker: Optional[str] = None
    outlet: Optional[str] = None
    date: Optional[str] = Field(None, description="publication date of the article (given or inferred)")


class ClusterView(Record):
    cluster: Cluster
    stable_id: Optional[str] = Field(None, description="the workspace's lasting id of the cluster (cl-<hex>; see rashomon.store.events)")
    event: Optional[str] = Field(None, description="stable id of the event the cluster's articles belong to")
    claims: list[ClaimEvidence] = Field(default_factory=list)
    history: list[HistoryEntry] = Field(default_factory=list, description="in date order (undated last): first reported, each repetition, denials and revisions")


class SearchHit(Record):
    id: str = Field(description="article id or claim id")
    kind: Literal["article", "claim"]
    article: str
    start: int
    end: int
    snippet: str = Field(description="the text around the match")
    event: Optional[str] = Field(None, description="stable id of the article's event")
    title: Optional[str] = None
