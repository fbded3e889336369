"""Shares of one named holder that cannot both hold: "Party X secured 54% of the votes" vs "...,
while Party X - 41%".

In: the ``ClaimView`` list of ``relations.context`` (claims with their quantities). Out:
``Finding`` records of signal ``numeric``: ``contradicts`` when two sources give the same holder
shares (percentages, fractions) whose intervals (bounds, approximations:
``rules.quantity_interval``) do not meet and differ by at least 10%; ``updates`` when the later
figure comes from the same source (a count that advances).

Why a rule of its own: the generic ``numeric`` rule asks the two claims to say the same thing
apart from the figure (``relations.numeric_min_overlap``), which a result and an exit poll
worded differently, each listing several holders, never do. Here the holder gives the scope:
the figure belongs to the name just before it in its clause (``shares`` of
``data/en/conflict_slots.yaml``), and two figures of one name in claims on one topic
(``relations.numeric_min_sim``, the generic rule's threshold) are about the same quantity.
Near misses that stay silent: another holder, two figures within 10% of each other, a measured
noun of another kind ("of the seats" / "of the votes"), two claims that name different places
or carry dates more than two weeks apart.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ...models import Span
from .context import ClaimView, far_apart, same_sentence, topic_similarity, view_pairs
from .lexicon import find_terms
from .rules import Finding, _q, _unit, later, quantity_interval, same_source, who
from .slots import _keep_closest, _two_sources, places, slot_words
from ...settings import setting

_WORD = re.compile(r"[\w’'&.-]+")
_BREAK = re.compile(r"[,;:.!?()\[\]]\s|[,;:!?()\[\]]$")


@lru_cache(maxsize=1)
def _spec() -> dict:
    return slot_words()["shares"]


def _is_share(q) -> bool:
    """A percentage or a fraction (the unit ``rules._unit`` compares is the share)."""
    return _unit(q) in ("fraction", "%")


def share_holder(v: ClaimView, q) -> Optional[str]:
    """The name the share ``q`` of claim ``v`` belongs to (``holder_in`` over the view's text)."""
    return holder_in(v.text, v.span.start, v.quantities, q)


def holder_in(text: str, offset: int, quantities, q) -> Optional[str]:
    """The name the share ``q`` belongs to, as written ("Harbour Party"), or None. In: the claim's
    ``text`` starting at article offset ``offset``, its ``quantities`` (article offsets) and one of
    them. The name is the last run of capitalised words (joined by ``shares.links`` words) in the
    stretch before the figure that starts after the previous figure of the claim, a clause word or
    punctuation, ending at most ``shares.max_gap`` words before the figure; None when a
    ``shares.source_verbs`` word stands between the name and the figure (the name measured the
    share)."""
    spec = _spec()
    s = q.start - offset
    if not (0 <= s <= len(text)):
        return None
    start = max([o.end - offset for o in quantities if o is not q and o.end - offset <= s] or [0])
    stretch = text[start:s]
    cuts = [m.end() for m in _BREAK.finditer(stretch)] + [e for _s, e, _ in find_terms(stretch, spec.get("clause_words", []))]
    stretch = stretch[max(cuts or [0]):]
    words = [w.strip("“”\"'’.-") for w in _WORD.findall(stretch)]
    words = [w for w in words if w]
    skip = {w.lower() for w in spec.get("skip", [])}
    links = {w.lower() for w in spec.get("links", [])}

    def cap(w: str) -> bool:
        return w[:1].isupper() and w.lower() not in skip

    end = max([i for i, w in enumerate(words) if cap(w)] or [-1])
    if end < 0 or len(words) - 1 - end > int(spec.get("max_gap", 4)):
        return None
    if {w.lower() for w in words[end + 1:]} & {w.lower() for w in spec.get("source_verbs", [])}:
        return None  # "the Institute found 54% of voters ...": who measured it, not who holds it
    first = end
    while first > 0 and (cap(words[first - 1]) or (words[first - 1].lower() in links and first > 1 and cap(words[first - 2]))):
        first -= 1
    return " ".join(words[first:end + 1])


def _nouns(q) -> set:
    """The measured nouns of a quantity (``about_keys`` with role ``n:``)."""
    return {k[2:] for k in q.about_keys if k.startswith("n:")}


def _held(v: ClaimView) -> list[tuple[str, object]]:
    """(holder, quantity) for the claim's shares that have a holder."""
    return held_shares(v.text, v.span.start, v.quantities)


def held_shares(text: str, offset: int, quantities) -> list[tuple[str, object]]:
    """(holder as written, quantity) for every share among ``quantities`` that has a holder
    (``holder_in``); the claim's text starts at article offset ``offset``."""
    out = []
    for q in quantities:
        if _is_share(q):
            h = holder_in(text, offset, quantities, q)
            if h:
                out.append((h, q))
    return out


def shares_clash(a: list[tuple[str, object]], b: list[tuple[str, object]]) -> bool:
    """Whether two claims' ``held_shares`` give one holder shares that cannot both hold
    (``_clash``): the two claims contradict on that holder."""
    return any(h.lower() == g.lower() and _clash(qx, qy) for h, qx in a for g, qy in b)


def _clash(qx, qy) -> bool:
    """The two shares cannot both hold: intervals apart and at least 10% apart, and no
    measured noun of another kind."""
    nx, ny = _nouns(qx), _nouns(qy)
    if nx and ny and not nx & ny:
        return False
    ix, iy = quantity_interval(qx), quantity_interval(qy)
    if ix is None or iy is None or not (ix[1] < iy[0] or iy[1] < ix[0]):
        return False
    a = ix[0] if ix[0] != float("-inf") else ix[1]
    b = iy[0] if iy[0] != float("-inf") else iy[1]
    return bool(max(abs(a), abs(b))) and abs(a - b) / max(abs(a), abs(b)) >= 0.1


def share_findings(views: list[ClaimView]) -> list[Finding]:
    """Shares of one holder that cannot both hold (see the module docstring)."""
    held = {v.claim.id: _held(v) for v in views}
    cands = []
    for x, y in view_pairs([v for v in views if held[v.claim.id]]):
        revised = x.cluster != y.cluster and later(x, y) is not None and same_source(x, y)
        if not (revised or _two_sources(x, y)) or far_apart(x, y) or same_sentence(x, y):
            continue
        px, py = places(x.text), places(y.text)
        if px and py and not (px & py):
            continue  # the same holder's share in two places
        sim = topic_similarity(x, y)
        if sim < setting("relations.numeric_min_sim"):
            continue
        pair = next(((h, qx, qy) for h, qx in held[x.claim.id] for g, qy in held[y.claim.id]
                     if h.lower() == g.lower() and _clash(qx, qy)), None)
        if pair is not None:
            cands.append((sim, x, y) + pair)
    out = []
    for sim, x, y, holder, qx, qy in _keep_closest(cands, setting("relations.slot_top")):
        spans = [Span(article=q.article, start=q.start, end=q.end, text=q.text) for q in (qx, qy)]
        lt = later(x, y)
        if lt is not None and same_source(x, y):
            first, second = (x, y) if lt is y else (y, x)
            out.append(Finding("updates", "numeric", first, second, round(sim, 3),
                               f"Later share: {who(first)} gave {_q(first.text, 80)} ({first.date}); "
                               f"{who(second)} later gives {_q(second.text, 80)} ({second.date}).", spans))
            continue
        out.append(Finding("contradicts", "numeric", x, y, round(min(1.0, 0.4 + sim / 2), 3),
                           f"Shares of {holder} that cannot both hold: “{qx.text}” in {_q(x.text, 80)} "
                           f"({who(x)}) vs “{qy.text}” in {_q(y.text, 80)} ({who(y)}).", spans))
    return out
