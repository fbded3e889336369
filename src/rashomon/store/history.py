"""A claim cluster's history and its claims with evidence, read off the linked dossier.

In: the workspace ``Dossier`` and a cluster id. Out: ``ClusterView`` with

- ``claims``: each claim of the cluster with its article, offsets, text, speaker, outlet, date;
- ``history``: the first report (the earliest dated claim; by whom), each repetition, and every
  denial or revision: a claim of another cluster joined to this one by a ``contradicts``
  relation with the ``denial`` signal (denied), or by an ``updates`` relation or one with the
  ``same_speaker_revision`` signal (revised). Dates are the articles' publication dates, given
  or inferred by the dates stage; undated steps come last, in article order.

The history is recomputed from the current dossier on every call, so it always matches the
clusters of the last linking (cluster ids are those of that linking). ``cluster_histories``
gives every cluster's history at once, for the exported dossier (``Dossier.histories``).
"""
from __future__ import annotations

from typing import Optional

from ..models import Claim, ClusterHistory, Dossier
from .records import ClaimEvidence, ClusterView, HistoryEntry

DENIAL_SIGNALS = {"denial"}
REVISION_SIGNALS = {"same_speaker_revision"}


def _evidence(c: Claim, d: Dossier, arts: dict) -> ClaimEvidence:
    a = arts.get(c.article)
    return ClaimEvidence(id=c.id, article=c.article, start=c.start, end=c.end, text=a.text[c.start:c.end] if a else c.text,
                         speaker=c.speaker.name if c.speaker else None, outlet=a.outlet if a else None,
                         date=a.published if a else None)


def _key(e: ClaimEvidence, arts: dict) -> tuple:
    a = arts.get(e.article)
    return (e.date is None, e.date or "", a.index if a else 0, e.start)


def _entry(step: str, e: ClaimEvidence, cluster: str, relation: Optional[str] = None) -> HistoryEntry:
    return HistoryEntry(step=step, date=e.date, claim=e.id, cluster=cluster, by=e.speaker or e.outlet or e.article,
                        outlet=e.outlet, article=e.article, start=e.start, end=e.end, text=e.text, relation=relation)


def cluster_view(d: Dossier, cluster_id: str, event: Optional[str] = None) -> Optional[ClusterView]:
    """The ``ClusterView`` of ``cluster_id`` in ``d`` (None when no such cluster); ``event`` is
    the stable id of its event, given by the caller."""
    k = next((c for c in d.clusters if c.id == cluster_id), None)
    if k is None:
        return None
    arts = {a.id: a for a in d.articles}
    by_id = {c.id: c for c in d.claims}
    own = sorted((_evidence(by_id[i], d, arts) for i in k.claims if i in by_id), key=lambda e: _key(e, arts))
    history = [_entry("first_reported" if n == 0 else "repeated", e, k.id) for n, e in enumerate(own)]
    first = own[0] if own else None
    members = {c.id: c.claims for c in d.clusters}
    for r in d.relations:
        if k.id not in (r.a, r.b):
            continue
        other = r.b if r.a == k.id else r.a
        if r.type == "contradicts" and r.signal in DENIAL_SIGNALS:
            step = "denied"
        elif r.type == "updates" or r.signal in REVISION_SIGNALS:
            step = "revised"
        else:
            continue
        theirs = sorted((_evidence(by_id[i], d, arts) for i in members.get(other, []) if i in by_id), key=lambda e: _key(e, arts))
        # the earliest claim of the other side that is not older than the first report
        later = [e for e in theirs if first is None or e.date is None or first.date is None or e.date >= first.date]
        if later:
            history.append(_entry(step, later[0], other, relation=r.id))
    history.sort(key=lambda h: (h.step != "first_reported", h.date is None, h.date or "", arts[h.article].index if h.article in arts else 0, h.start))
    return ClusterView(cluster=k, event=event, claims=own, history=history)


def cluster_histories(d: Dossier, stable: dict[str, str]) -> list[ClusterHistory]:
    """Every cluster's history in ``d``, in cluster order; ``stable``: dossier cluster id ->
    stable id (missing ids give ``stable_id`` null)."""
    out = []
    for k in d.clusters:
        view = cluster_view(d, k.id)
        out.append(ClusterHistory(cluster=k.id, stable_id=stable.get(k.id), steps=view.history if view else []))
    return out
