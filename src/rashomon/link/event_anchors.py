"""One incident told in several aspects: reports whose leads name the same rare place.

Coverage of one incident goes on in many aspects - the fish killed by a spill, a town meeting,
a politician's visit, a hearing on the clean-up - and two such reports share few sentences, so
the same-event model (``link/events.py``) scores them low. What they share is where it happened:
each lead (headline and first sentences, where a news story says what it is about) names the
same small place. Two different incidents of one kind usually happen in different places, and
two reports months apart are kept apart by the dates. So, after the grouping, two events are
joined when most of their article pairs

- name in both leads a place (a name the parser labels GPE, LOC or FAC in some article of the
  batch; not a country) rarer in English than ``events.anchor_min_info`` (``term_info.info``:
  a small town, a pipeline, a dam - not a state or a capital);
- have a date agreement (the feature of ``link/events.py``, with the days a follow-up names) of
  at least ``events.anchor_date_min`` (about a month apart at most; undated pairs give 0.5 and
  pass: nothing speaks against them);
- and are neither a cannot-link of the grouping (dates that clearly disagree) nor "another X"
  of one another (``event_instances``: a second incident of the kind in the same place).

In: the groups of article indices, per article the place keys its lead names (``lead_places``),
the compared pairs with their date agreement, and the pairs that must stay apart. Out:
``join_anchored`` returns the groups after the joins and, per joined group, the place its pairs
share most. Only compared pairs are read (the blocking compares articles that share rare
names), so the cost follows the compared pairs.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Callable, Iterable, Optional

from ..settings import setting
from .term_info import info

PLACE_LABELS = ("GPE", "LOC", "FAC")
NOT_NAMES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY")


def place_key(folded: str) -> str:
    """A folded place name as a key: the part before a comma ("springfield, ohio" ->
    "springfield") without a trailing number ("pipeline 2" -> "pipeline"), so the variants of
    one name meet."""
    key = folded.split(",")[0].strip()
    return re.sub(r"(\s+\d+)+$", "", key).strip()


def lead_places(articles, annotations, norm: Callable[[str], str], sentences: int,
                min_info: Optional[float] = None, places_only: bool = True) -> dict[str, set[str]]:
    """Per article id: the keys (``place_key``) of the rare places its lead names.

    In: the articles, their annotations (entities with labels and sentences), ``norm`` (the
    folding of names, ``features._entity_norm``), ``sentences`` (how many sentences from the top
    make the lead) and ``min_info`` (default ``events.anchor_min_info``). A name counts as a place
    when at least half of its mentions in the batch are labelled GPE, LOC or FAC (the parser
    labels one pipeline a place in one article and an organisation in the next; a company
    labelled a place once stays a company); countries (``country:`` names) never count. The lead is the first ``sentences`` sentences of the text and the title. With
    ``places_only`` false, every rare name of the lead counts (people and bodies too; the events
    stage names events whose leads share one as related, the same storyline)."""
    floor = setting("events.anchor_min_info") if min_info is None else min_info
    votes: Counter = Counter()  # per name: mentions labelled a place minus the others
    named: dict[str, list[tuple[str, bool]]] = {}
    for a in articles:
        ann = annotations.get(a.id)
        rows: list[tuple[str, bool]] = []
        if ann is not None:
            spans = ann.sentences or [(0, len(a.text))]
            end = spans[min(sentences, len(spans)) - 1][1] if sentences > 0 else 0
            labels = ann.entity_labels if len(ann.entity_labels) == len(ann.entities) else [""] * len(ann.entities)
            for e, lab in zip(ann.entities, labels):
                n = norm(e.text)
                if not n or n.startswith("country:"):
                    continue
                key = place_key(n)
                votes[key] += 1 if (lab in PLACE_LABELS or (not places_only and lab not in NOT_NAMES)) else -1
                rows.append((key, e.start < end))
        named[a.id] = rows
    places = {k for k, v in votes.items() if v >= 0}
    title_words = {a.id: " " + " ".join(re.findall(r"\w+", (a.title or "").lower())) + " " for a in articles}
    out: dict[str, set[str]] = {}
    for aid, rows in named.items():
        keys = {k for k, in_lead in rows if in_lead and k in places and info(k) >= floor}
        keys |= {k for k, _ in rows if k in places and info(k) >= floor and f" {k} " in title_words[aid]}
        out[aid] = keys
    return out


def join_anchored(groups: list[list[int]], places: list[set[str]], pairs: Iterable[tuple[int, int]],
                  date_of: Callable[[int, int], float], apart: set[tuple[int, int]],
                  share: Optional[float] = None, date_min: Optional[float] = None
                  ) -> tuple[list[list[int]], dict[int, str]]:
    """Join the groups whose article pairs mostly share a lead place (see module doc).

    In: ``groups``; ``places[i]``, article i's lead place keys; ``pairs``, the compared pairs
    (i < j); ``date_of(i, j)``, their date agreement; ``apart``, pairs (i < j) that must never
    share a group; ``share`` (default ``events.anchor_share``) and ``date_min`` (default
    ``events.anchor_date_min``). Out: the groups after the joins (in the order of their first
    member's group) and {index of a joined group in the output: the place its pairs share most}.
    Two groups join when the anchored pairs between them are at least ``share`` of all their
    cross pairs and no pair between them is in ``apart``; the best-supported join first, as in
    average linkage."""
    share = setting("events.anchor_share") if share is None else share
    date_min = setting("events.anchor_date_min") if date_min is None else date_min
    gid = {i: g for g, members in enumerate(groups) for i in members}
    size = {g: len(m) for g, m in enumerate(groups)}
    anchored: dict[tuple[int, int], int] = Counter()
    blocked: set[tuple[int, int]] = set()
    named: dict[tuple[int, int], Counter] = defaultdict(Counter)
    for i, j in pairs:
        a, b = gid.get(i), gid.get(j)
        if a is None or b is None or a == b:
            continue
        key = (min(a, b), max(a, b))
        if (min(i, j), max(i, j)) in apart:
            blocked.add(key)
            continue
        common = places[i] & places[j]
        if common and date_of(i, j) >= date_min:
            anchored[key] += 1
            named[key].update(common)
    for i, j in apart:  # an apart pair never compared (another X) still blocks
        a, b = gid.get(i), gid.get(j)
        if a is not None and b is not None and a != b:
            blocked.add((min(a, b), max(a, b)))
    anchored = Counter({k: c for k, c in anchored.items() if k not in blocked})
    members = {g: list(m) for g, m in enumerate(groups)}
    where: dict[int, str] = {}
    while True:
        best, best_r = None, share
        for (a, b), c in anchored.items():
            r = c / (size[a] * size[b])
            if r >= best_r and (best is None or r > best_r or (a, b) < best):
                best, best_r = (a, b), r
        if best is None:
            break
        a, b = best
        place = named[best].most_common(1)[0][0]
        # b joins a: move b's counts onto a
        members[a] += members.pop(b)
        size[a] += size.pop(b)
        where[a] = place
        new_anchored: dict[tuple[int, int], int] = Counter()
        new_named: dict[tuple[int, int], Counter] = defaultdict(Counter)
        for (x, y), c in anchored.items():
            x2, y2 = (a if x == b else x), (a if y == b else y)
            if x2 == y2:
                continue
            k = (min(x2, y2), max(x2, y2))
            new_anchored[k] += c
            new_named[k].update(named[(x, y)])
        blocked = {(min(a if x == b else x, a if y == b else y), max(a if x == b else x, a if y == b else y))
                   for x, y in blocked}
        anchored = Counter({k: c for k, c in new_anchored.items() if k not in blocked})
        named = new_named
    out, joined = [], {}
    for g in range(len(groups)):
        if g in members:
            if g in where:
                joined[len(out)] = where[g]
            out.append(sorted(members[g]))
    return out, joined
