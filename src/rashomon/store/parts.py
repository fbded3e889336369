"""What a linking leaves in the store besides the dossier: event parts and stable cluster ids.

- ``event_parts`` rows: each event's part of the dossier (``rashomon.event_parts``) under the
  hash of its inputs. ``part_reader`` gives ``link_articles`` a ``reuse(key)`` that returns a
  stored part (so the event is not linked again); ``save_parts`` inserts the parts computed by
  this linking and deletes those no event uses any more. A part whose key did not change keeps
  its row as it was (same ``linked_at``): that is how an unaffected event can be told.
- ``claim_clusters`` rows: the stable id of each claim cluster (``cl-<hex>``, the rule of
  ``store.events.assign_ids``: a cluster keeps its id while it keeps most of its claims; when
  two merge, the other id becomes an alias in ``cluster_aliases``). ``save_cluster_ids`` returns
  the map from the dossier's cluster ids (``k12``, renumbered at each linking) to stable ids.

In: an open write connection and the linking's results. Out: the rows written, and the maps.
"""
from __future__ import annotations

import json
from typing import Callable, Optional

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..models import Dossier
from .events import assign_ids
from .schema import claim_clusters, cluster_aliases, event_parts


def stored_keys(conn: Connection) -> set[str]:
    """The keys of every stored part."""
    return {r[0] for r in conn.execute(select(event_parts.c.key))}


def part_reader(read: Callable, known: set[str]) -> Callable[[str], Optional[Dossier]]:
    """``reuse(key)``: the stored part under ``key`` (None when ``key`` is not in ``known``).
    ``read``: a context manager giving a read connection."""
    def reuse(key: str) -> Optional[Dossier]:
        if key not in known:
            return None
        with read() as conn:
            r = conn.execute(select(event_parts.c.part).where(event_parts.c.key == key)).first()
        return Dossier.model_validate_json(r[0]) if r else None
    return reuse


def save_parts(conn: Connection, parts: dict[str, Dossier], fresh: set[str], now: str) -> None:
    """Store the parts of ``fresh`` keys (computed by this linking; a row with the same key is
    replaced) and delete the rows of keys not in ``parts``; the other rows stay untouched."""
    have = stored_keys(conn)
    for key in sorted(fresh):
        row = {"part": parts[key].model_dump_json(), "linked_at": now}
        if key in have:
            conn.execute(event_parts.update().where(event_parts.c.key == key).values(**row))
        else:
            conn.execute(event_parts.insert().values(key=key, **row))
    for key in sorted(have - set(parts)):
        conn.execute(event_parts.delete().where(event_parts.c.key == key))


def save_cluster_ids(conn: Connection, dossier: Dossier) -> dict[str, str]:
    """Give the dossier's clusters their stable ids (see module doc); store them with their
    claims (a row changes only when its claims do) and the aliases of merged clusters; return
    ``{dossier cluster id: stable id}``."""
    stored = [{"id": r.id, "claims": json.loads(r.claims), "created_seq": r.created_seq} for r in conn.execute(claim_clusters.select())]
    taken = {r["id"] for r in stored} | {r[0] for r in conn.execute(select(cluster_aliases.c.alias))}
    mapping, aliases = assign_ids(dossier.clusters, stored, {}, taken, prefix="cl-", members="claims")
    old = {r["id"]: r for r in stored}
    next_seq = max((r["created_seq"] for r in stored), default=0) + 1
    for k in dossier.clusters:
        sid, claims = mapping[k.id], sorted(k.claims)
        if sid not in old:
            conn.execute(claim_clusters.insert().values(id=sid, claims=json.dumps(claims), created_seq=next_seq))
            next_seq += 1
        elif sorted(old[sid]["claims"]) != claims:
            conn.execute(claim_clusters.update().where(claim_clusters.c.id == sid).values(claims=json.dumps(claims)))
    live = set(mapping.values())
    for sid in old:
        if sid not in live:
            conn.execute(claim_clusters.delete().where(claim_clusters.c.id == sid))
            if sid in aliases:
                conn.execute(cluster_aliases.insert().values(alias=sid, cluster_id=aliases[sid]))
    for alias, target in aliases.items():  # aliases of an alias follow the merge
        conn.execute(cluster_aliases.update().where(cluster_aliases.c.cluster_id == alias).values(cluster_id=target))
    return mapping


def resolve_cluster(conn: Connection, cluster_id: str) -> Optional[str]:
    """The stable cluster id ``cluster_id`` names now (itself, or the cluster an alias was merged
    into); None when it is neither."""
    if conn.execute(select(claim_clusters.c.id).where(claim_clusters.c.id == cluster_id)).first():
        return cluster_id
    r = conn.execute(select(cluster_aliases.c.cluster_id).where(cluster_aliases.c.alias == cluster_id)).first()
    return r[0] if r else None
