"""A follow-up names the day of what it follows up: date evidence for two reports weeks apart.

Coverage of one incident goes on for weeks (investigations, hearings, reactions), and a later
report says which day it is about ("the Jan. 5 blowout", "the burn on Feb. 6"). When two dated
articles share such a day - a day one of them mentions that the other mentions too or was
published on, on or before the earlier publication day - their date evidence is that of the
earlier article's distance to that day, not of the weeks between the two publications. A later,
different incident of the storyline is told with its own days ("crashed on Wednesday"), so it
shares none and keeps the weak evidence of its publication date.

In: the two articles' publication days (ISO) and the sets of day dates their times mention
(``mentioned_days``). Out: ``anchor_agreement``, exp(-(earlier publication day - shared day) /
``events.date_scale_days``) for the latest shared day, or 0 when they share none. The event
stage (``link/events.py``) takes the larger of this and the publication-date agreement, only
for pairs its date veto lets through (the veto stays on publication dates).
"""
from __future__ import annotations

import math
import re
from datetime import date
from typing import Iterable, Optional

from ..settings import setting

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def mentioned_days(times: Iterable) -> set[str]:
    """The day dates (``YYYY-MM-DD``) that ``times`` (records with a ``value``) resolve to."""
    return {t.value[:10] for t in times if t.value and _DAY.fullmatch(t.value[:10])}


def anchor_agreement(pub_a: Optional[str], pub_b: Optional[str], days_a: set[str], days_b: set[str]) -> float:
    """Date evidence from a day both articles name (see module doc); 0 when none."""
    if not pub_a or not pub_b:
        return 0.0
    first, second = sorted((pub_a[:10], pub_b[:10]))
    days_first, days_second = (days_a, days_b) if pub_a[:10] == first else (days_b, days_a)
    shared = {d for d in (days_first | {first}) & days_second if d <= first}
    if pub_a[:10] == pub_b[:10]:
        shared |= {d for d in days_a & days_b if d <= first}
    if not shared:
        return 0.0
    try:
        gap = (date.fromisoformat(first) - date.fromisoformat(max(shared))).days
    except ValueError:
        return 0.0
    return math.exp(-gap / setting("events.date_scale_days"))


def split_late_strays(groups: list[list[int]], pub: list[Optional[str]], named: list[set[str]],
                      gap_days: Optional[int] = None) -> tuple[list[list[int]], dict[int, list[int]]]:
    """Take out of each group the later reports that tell of something that happened later.

    In: ``groups`` (article indices), per article its publication day ``pub[i]`` (ISO, None when
    undated) and the day dates it names ``named[i]``; ``gap_days`` (default
    ``events.stray_gap_days``). Out: the groups after the split, and {article: the members of the
    group it left} for each article taken out.

    The dated members of a group are cut into runs of publication days with no gap over
    ``gap_days``. The first run stays, and so does every member that names no day (no evidence
    either way) or is undated. A member of a later run stays when it names a day that a staying
    member was published on or names, or is published on a day a staying member names (repeated
    in date order until nothing changes, at most five passes: a follow-up names the day it follows up, and a reaction the day of
    that follow-up). The others leave, each later run's leavers forming one group: reports
    published weeks after the others that never name the others' days tell of a later happening
    (a plane crash two months after a mutiny)."""
    gap = setting("events.stray_gap_days") if gap_days is None else gap_days
    out: list[list[int]] = []
    left: dict[int, list[int]] = {}
    for g in groups:
        dated = sorted((i for i in g if pub[i]), key=lambda i: (pub[i], i))
        run_of: dict[int, int] = {}
        for k, i in enumerate(dated):
            run_of[i] = run_of[dated[k - 1]] + (_days_apart(pub[dated[k - 1]], pub[i]) > gap) if k else 0
        doubt = [i for i in dated if run_of[i] > 0 and named[i]]
        if not doubt:
            out.append(g)
            continue
        stay = set(g) - set(doubt)
        seen_days = {pub[i][:10] for i in stay if pub[i]} | set().union(*(named[i] for i in stay))
        seen_named = set().union(*(named[i] for i in stay))
        changed, passes = True, 0
        while changed and passes < 5:  # in date order one pass mostly settles it; the cap bounds the cost
            changed, passes = False, passes + 1
            for i in doubt:
                if i not in stay and (named[i] & seen_days or pub[i][:10] in seen_named):
                    stay.add(i)
                    seen_days |= named[i] | {pub[i][:10]}
                    seen_named |= named[i]
                    changed = True
        gone = [i for i in doubt if i not in stay]
        if not gone:
            out.append(g)
            continue
        kept = [i for i in g if i in stay]
        out.append(kept)
        runs: dict[int, list[int]] = {}
        for i in gone:
            runs.setdefault(run_of[i], []).append(i)
            left[i] = kept
        out.extend(sorted(r) for r in runs.values())
    return out, left


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days)
    except ValueError:
        return 0
