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
