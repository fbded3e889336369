"""Background jobs of a front end (the web app), kept in the store so their state survives a
restart.

In: an engine (writes in a transaction each). Out: job dicts
``{"id", "kind", "state", "done", "total", "errors", "reason", "payload", "created_at", "updated_at"}``
with ``state`` one of queued | running | done | failed.

A job left ``running`` by a process that stopped cannot be resumed from here (its work lives in
the front end): when a store is opened, ``fail_interrupted`` marks it ``failed`` with the reason
"interrupted: the server stopped while this job ran". A running job records its owner
(``host:pid``, set when its state becomes running); only jobs whose owner is a process of this
host that no longer exists (or that have no owner) are marked, so a second process opening the
same store (``rashomon add`` beside the server) does not fail the server's live jobs. A job owned
by another host is left as it is. Articles it had already added are kept (each
article is its own transaction), so submitting the same inputs again finishes the work.
"""
from __future__ import annotations

import json
import os
import socket
import uuid
from datetime import datetime, timezone
from typing import Optional

from sqlalchemy.engine import Connection

from .schema import jobs

STATES = ("queued", "running", "done", "failed")
INTERRUPTED = "interrupted: the server stopped while this job ran"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _row(r) -> dict:
    out = {c.name: getattr(r, c.name) for c in jobs.columns if c.name != "owner"}
    out["errors"], out["payload"] = json.loads(out["errors"]), json.loads(out["payload"])
    return out


def create(conn: Connection, kind: str, total: int, payload: dict) -> str:
    jid = uuid.uuid4().hex
    t = now()
    conn.execute(jobs.insert().values(id=jid, kind=kind, state="queued", done=0, total=int(total), errors="[]", reason=None,
                                      payload=json.dumps(payload), created_at=t, updated_at=t))
    return jid


def update(conn: Connection, job_id: str, *, state: Optional[str] = None, done: Optional[int] = None,
           errors: Optional[list] = None, reason: Optional[str] = None) -> None:
    if state is not None and state not in STATES:
        raise ValueError(f"job state must be one of {STATES}, not {state!r}")
    values: dict = {"updated_at": now()}
    if state is not None:
        values["state"] = state
        if state == "running":
            values["owner"] = owner()
    if done is not None:
        values["done"] = int(done)
    if errors is not None:
        values["errors"] = json.dumps([e.model_dump(mode="json") if hasattr(e, "model_dump") else e for e in errors])
    if reason is not None:
        values["reason"] = reason
    conn.execute(jobs.update().where(jobs.c.id == job_id).values(**values))


def get(conn: Connection, job_id: str) -> Optional[dict]:
    r = conn.execute(jobs.select().where(jobs.c.id == job_id)).first()
    return _row(r) if r else None


def pending(conn: Connection) -> list[dict]:
    rows = conn.execute(jobs.select().where(jobs.c.state.in_(("queued", "running"))).order_by(jobs.c.created_at, jobs.c.id))
    return [_row(r) for r in rows]


def owner() -> str:
    """``host:pid`` of this process."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(who: Optional[str]) -> bool:
    host, _, pid = (who or "").rpartition(":")
    if not who or not pid.isdigit():
        return False
    if host != socket.gethostname():
        return True  # another machine's process: cannot tell, so never failed from here
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def fail_interrupted(conn: Connection) -> int:
    """Mark failed every ``running`` job whose owner process is gone (see module doc); return how many."""
    dead = [r.id for r in conn.execute(jobs.select().where(jobs.c.state == "running")) if not _alive(r.owner)]
    if dead:
        conn.execute(jobs.update().where(jobs.c.id.in_(dead)).values(state="failed", reason=INTERRUPTED, updated_at=now()))
    return len(dead)
