"""The workspace store: a database of articles, their annotations and the linked results.

``open_store(url=None) -> Store`` (SQLite ``./rashomon.db`` by default, or ``sqlite:///PATH``,
or ``postgresql://...``; migrated on open). See ``core`` for what ``Store.add`` stores and links
again, ``events`` for stable event ids, ``schema`` for the tables and migrations, ``search`` for
full-text search, ``history`` for claim cluster histories and ``jobs`` for background jobs.
"""
from .core import Store, content_hash, open_store
from .records import AddResult, ClaimEvidence, ClusterView, EventSummary, HistoryEntry, SearchHit

__all__ = ["open_store", "Store", "content_hash", "AddResult", "ClaimEvidence", "ClusterView", "EventSummary", "HistoryEntry",
           "SearchHit"]
