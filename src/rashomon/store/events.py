"""Stable event ids across linkings, and one event's slice of the workspace dossier.

The corpus half numbers events E1, E2... in its own order, which may change when articles are
added. The store gives each event an id that stays the same for URLs:

- a new event (no stored event shares an article with it) gets ``ev-`` and 10 hex digits of the
  hash of its sorted article content hashes at that moment (so the same first articles give the
  same id in any store);
- an event that grows keeps its id: after each linking every new event is matched to the stored
  event it shares the most articles with (ties: the older one), one to one;
- when two stored events merge into one, the merged event keeps the id of the one it shares the
  most articles with (ties: the older); the other id becomes an alias of it (``event_aliases``),
  so an old URL still finds the event that now holds its articles;
- when a stored event splits, the part with most of its articles keeps the id; the others are
  new events.

Claim clusters get lasting ids by the same rule (``cl-`` and the hash of their claim ids; a
cluster keeps its id when claims join it; merged clusters leave aliases).

In: the linked ``Dossier`` and the stored events. Out: ``assign_ids`` (dossier event id ->
stable id, new aliases), ``slice_dossier`` (one event's records), ``summary_row``.
"""
from __future__ import annotations

import hashlib
import json
from typing import Iterable, Optional

from ..models import Dossier, Event


def _new_id(hashes: Iterable[str], taken: set[str], prefix: str = "ev-") -> str:
    h = hashlib.sha256("\n".join(sorted(hashes)).encode("utf-8")).hexdigest()
    n = 10
    while f"{prefix}{h[:n]}" in taken:
        n += 2
    return f"{prefix}{h[:n]}"


def assign_ids(new_events: list[Event], stored: list[dict], content_hash: dict[str, str],
               taken: set[str], *, prefix: str = "ev-", members: str = "articles") -> tuple[dict[str, str], dict[str, str]]:
    """``(dossier event id -> stable id, alias -> stable id)``. ``stored``: rows of the stored
    events (``id``, ``articles`` list, ``created_seq``); ``content_hash``: article id -> hash;
    ``taken``: every id and alias already used (never given again). The same rule gives claim
    clusters their stable ids: ``members="claims"`` (the records' and the rows' member field),
    ``prefix="cl-"``, and ``content_hash`` empty (a new cluster's id is the hash of its claim ids,
    which are stable)."""
    pairs = []
    for ev in new_events:
        arts = set(getattr(ev, members))
        for row in stored:
            n = len(arts & set(row[members]))
            if n:
                pairs.append((-n, row["created_seq"], row["id"], ev.id))
    pairs.sort()
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for _, _, sid, eid in pairs:
        if sid not in used and eid not in mapping:
            mapping[eid], used = sid, used | {sid}
    taken = set(taken)
    for ev in sorted(new_events, key=lambda e: sorted(getattr(e, members))):
        if ev.id not in mapping:
            mapping[ev.id] = _new_id((content_hash.get(a, a) for a in getattr(ev, members)), taken, prefix)
            taken.add(mapping[ev.id])
    owner = {a: mapping[ev.id] for ev in new_events for a in getattr(ev, members)}
    aliases = {}
    for row in stored:
        if row["id"] in used:
            continue
        holders = [owner[a] for a in row[members] if a in owner]
        if holders:
            aliases[row["id"]] = max(sorted(set(holders)), key=holders.count)
    return mapping, aliases


def slice_dossier(d: Dossier, event_id: str) -> Dossier:
    """The records of the dossier's event ``event_id`` (a dossier id such as E1): its articles
    and their per-article records, the clusters with a claim in them and the relations,
    disputes, checks, framing, timeline entries and summary sentences that touch them."""
    ev = next(e for e in d.events if e.id == event_id)
    arts = set(ev.articles)
    claims = [c for c in d.claims if c.article in arts]
    claim_ids = {c.id for c in claims}
    clusters = [k for k in d.clusters if claim_ids & set(k.claims)]
    kids = {k.id for k in clusters}
    relations = [r for r in d.relations if r.a in kids or r.b in kids]
    rids = {r.id for r in relations}
    quantities = [q for q in d.quantities if q.article in arts]
    return Dossier(
        format=d.format, articles=[a for a in d.articles if a.id in arts], events=[ev],
        actors=[a for a in d.actors if arts & set(a.articles) or a.article in arts],
        attributions=[a for a in d.attributions if a.article in arts], claims=claims, clusters=clusters,
        relations=relations,
        disputes=[x for x in d.disputes if rids & set(x.relations + x.updates) or any(kids & set(p.clusters) for p in x.positions)],
        quantities=quantities, times=[t for t in d.times if t.article in arts],
        checks=[c for c in d.checks if any(q.article in arts for q in c.quantities)],
        framing=[f for f in d.framing if arts & set(f.terms)],
        distinctive_words={k: v for k, v in d.distinctive_words.items() if k in arts},
        timeline=[t for t in d.timeline if arts & set(t.articles) or claim_ids & set(t.claims)],
        summary=[s for s in d.summary if claim_ids & set(s.cites)],
        run=d.run,
    )


def digest(part: Dossier) -> str:
    """A hash of an event slice without its run report (changes when the event's results do)."""
    data = part.model_dump(mode="json", exclude={"run"})
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


def part_digest(key: str, event: Event) -> str:
    """The digest of an event linked on its own (``rashomon.event_parts``): its part's key (a
    hash of everything the part was computed from) with the event's label and date, so it
    changes when the event's results or its wording do, not when other events renumber the
    merged dossier's ids."""
    return hashlib.sha256(json.dumps([key, event.label, event.date]).encode("utf-8")).hexdigest()


def summary_row(part: Dossier) -> dict:
    """The summary columns of an event slice: label, first and last date, outlets, counts."""
    ev = part.events[0]
    dates = sorted(a.published for a in part.articles if a.published)
    outlets = sorted({a.outlet for a in part.articles if a.outlet})
    return {"dossier_id": ev.id, "label": ev.label, "first_date": dates[0] if dates else ev.date,
            "last_date": dates[-1] if dates else ev.date, "outlets": json.dumps(outlets),
            "articles": json.dumps(sorted(ev.articles)), "n_articles": len(ev.articles), "n_disputes": len(part.disputes)}


def find_event(d: Dossier, dossier_id: Optional[str]) -> Optional[Event]:
    return next((e for e in d.events if e.id == dossier_id), None)
