"""Why the event stage grouped as it did, in words (``Event.reason``; ``link/events.py``).

In: one group of article indices, the stage's ``ArticleFeatures``, the compared pairs'
probabilities and neighbours, all groups and events. Out: a sentence: for an event of several
articles their mean same-event probability, shared names and dates; for a lone article why it
stands apart (another incident of the kind, dates that disagree, a later happening, or too
little similarity).
"""
from __future__ import annotations

from typing import Optional

import numpy as np

from ..models import Event
from ..settings import setting


def reason(g: list[int], af,  prob: dict, neighbours: dict, groups: list[list[int]] = (),
            event_of: Optional[dict] = None, events: list[Event] = ()) -> str:
    """What the grouping rests on, in words (see module doc); ``af`` is the stage's
    ``ArticleFeatures``."""
    cut = setting("events.cut")
    ids = [af.ids[i] for i in g]
    if len(g) > 1:
        if len(g) <= setting("events.panel"):
            mean = np.mean([prob.get((min(i, j), max(i, j)), 0.0) for x, i in enumerate(g) for j in g[x + 1:]])
        else:  # from the compared pairs only (the others count 0): linear in the group's pairs
            inside = set(g)
            tot = sum(v for i in g for o, v in neighbours.get(i, []) if o > i and o in inside)
            mean = tot / (len(g) * (len(g) - 1) / 2)
        shared = set.intersection(*(af.ents[a] for a in ids)) if ids else set()
        shared = sorted(shared, key=lambda e: (-af.eidf.get(e, 0), e))[:4]  # ties by name: stable across runs
        dates = sorted({af.date[a] for a in ids if af.date[a]})
        parts = [f"{len(ids)} articles with mean same-event probability {mean:.2f} (cut {cut:.2f})"]
        if shared:
            parts.append("shared names: " + ", ".join(e.replace("country:", "") for e in shared))
        if dates:
            parts.append("dates: " + ", ".join(dates))
        return "; ".join(parts)
    i = g[0]
    if i in af.apart:  # its lead tells of another incident of the kind ("another collapse")
        w, stay = af.apart[i]
        return (f"its lead tells of another {w} than {', '.join(af.ids[j] for j in stay[:4])}{' ...' if len(stay) > 4 else ''}, "
                f"published earlier: a different incident of the same kind")
    if i in af.late:  # a later run of publication days that names none of the event's days
        stay = af.late[i]
        return (f"published weeks after {', '.join(af.ids[j] for j in stay[:4])}{' ...' if len(stay) > 4 else ''}, "
                f"and names none of their days ({af.date[af.ids[i]]}): a later happening of the storyline")
    best, bp, bc = None, -1.0, -2.0
    for o, v in neighbours.get(i, []):
        c = float(af.centroids[i] @ af.centroids[o])
        if (v, c) > (bp, bc):
            best, bp, bc = o, v, c
    if best is None:
        return "no other article is similar enough to report the same event"
    f = af.pair(min(i, best), max(i, best))
    da, db = af.date[af.ids[i]], af.date[af.ids[best]]
    months = ", ".join(sorted(af.months[af.ids[i]])) or "none"
    if event_of is not None and groups:
        e = event_of[best]
        members = groups[e]
        avg = sum(v for o, v in neighbours.get(i, []) if event_of.get(o) == e) / len(members)
        vetoed = [af.ids[o] for o, v in neighbours.get(i, []) if event_of.get(o) == e and v == 0.0]
        if avg >= cut and vetoed:  # similar enough, but the dates forbid it (a cannot-link)
            why = (f"average same-event probability with {events[e].id} ({len(members)} articles) is {avg:.2f}, "
                   f"but dates that clearly disagree keep it apart")
        else:
            why = f"average same-event probability with {events[e].id} ({len(members)} articles) is {avg:.2f} < {cut:.2f}"
        if vetoed:
            why += (f"; its dates disagree with {', '.join(vetoed)} (its day date {da or 'unknown'}, "
                    f"months it mentions: {months}; theirs {af.date[vetoed[0]] or 'unknown'})")
        return why + f"; closest article {af.ids[best]} (probability {bp:.2f}, proposition overlap {f['overlap']:.2f})"
    return (f"closest article {af.ids[best]} has same-event probability {bp:.2f} < {cut:.2f} "
            f"(proposition overlap {f['overlap']:.2f}, shared names {f['entities']:.2f}; dates {da or 'unknown'} vs {db or 'unknown'})")
