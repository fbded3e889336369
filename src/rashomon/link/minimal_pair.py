"""Which clashes of two propositions under one predicate make a near miss, and which may be a paraphrase.

In: two claims' ``ClaimFeatures`` (content ``words`` and ``proposition``), the slot features of
their propositions (``proposition_match.proposition_features``, ``predicate_match`` = 1), whether
their own specifics differ (rare names or numbers on each side that never meet; the clustering
stage's ``PairScorer._specifics_differ``) and the least word overlap of a minimal pair.
Out: ``counted_clashes(...) -> int``, the clashes the pair score should pay for.

Why: two tellings of one proposition in other words often fill a slot with another common noun
("identified a truck" / "identified a lorry", "the origin of the smugglers" / "the nationality of
the gang", "a heatwave scorched" / "record temperatures scorched") and name different extra
context (one names the heatwave, the other the provinces it crossed). Such a difference is a near
miss only when everything else the two claims say is alike (a *minimal pair*: "Rebels shot down
the jet" / "Government troops shot down the jet"). So clashes come in two kinds:

- **firm**, always counted: roles swapped, another place, day, figure of the same counted thing,
  opposite polarity, and an agent, patient or attribute clash between two *names* (both slots
  name a dossier actor or have a capitalised head: "Russia" / "Ukraine"), or a part and its whole;
- **none**: a country and a body of it in one slot ("Norway" / "the Norwegian Foreign Ministry"):
  one voice;
- **soft**, counted only in a minimal pair: an argument clash where a slot is a common noun
  ("the jet" / "the helicopter", "rebels" / "troops"), and specifics that differ outside the
  slots. A minimal pair: the content words of the two claims outside the clashing slots overlap
  (Jaccard) at least ``min_overlap``.
"""
from __future__ import annotations

from typing import Optional

from ..data import load_yaml
from ..models import PropSlot
from . import lexicon as lx
from .features import ClaimFeatures, content_words
from .proposition_match import _dossier_actor, _is_name

_ARGS = ("agent", "patient", "attribute")
# clashes that are counted whatever the rest of the claims says (keys of proposition_features)
_FIRM = ("roles_swapped", "place_conflict", "time_conflict", "quantity_conflict", "polarity_conflict")
_PARTS = {str(w).lower() for w in load_yaml("proposition_words.yaml", "en").get("partitives") or []}


def slot_is_name(slot: Optional[PropSlot]) -> bool:
    """The slot names something: a dossier actor (id without the per-article ``a:``) or a head
    written with a capital ("Varga", "the Tarn bloc")."""
    return slot is not None and (_dossier_actor(slot.actor) or _is_name(slot))


def state_and_its_body(x: PropSlot, y: PropSlot) -> bool:
    """One slot is a country ("Norway", "Oslo") and the other names a body of that same country
    ("the Norwegian Foreign Ministry", "Norwegian officials"): news tells a state's statement by
    either, so the two are not two different names."""
    for a, b in ((x, y), (y, x)):
        country, named = lx.canonical_country(a.text), lx.country_in(b.text)
        if country and named is not None and named[0] == country:
            return True
    return False


def _part_and_whole(x: PropSlot, y: PropSlot) -> bool:
    return ((x.head or "").lower() in _PARTS) != ((y.head or "").lower() in _PARTS)


def rest_overlap(fa: ClaimFeatures, fb: ClaimFeatures, slots: tuple[str, ...]) -> float:
    """Jaccard of the two claims' content words outside the text of ``slots`` (proposition slot
    names) on either side: how alike the rest of the two claims is (1.0: only those slots differ)."""
    drop: set[str] = set()
    for f in (fa, fb):
        for s in slots:
            slot = getattr(f.proposition, s, None) if f.proposition is not None else None
            if slot is not None:
                drop.update(content_words(slot.text))
    a, b = set(fa.words) - drop, set(fb.words) - drop
    return len(a & b) / len(a | b) if a | b else 1.0


def counted_clashes(fa: ClaimFeatures, fb: ClaimFeatures, pf: dict, specifics_differ: bool, min_overlap: float) -> int:
    """How many clashes of ``pf`` (``proposition_features`` of ``fa`` and ``fb``, one predicate)
    and of ``specifics_differ`` the pair score pays for (see module doc)."""
    pa, pb = fa.proposition, fb.proposition
    firm = sum(pf.get(k, 0.0) > 0 for k in _FIRM)
    soft_slots = []
    for s in _ARGS:
        if not pf.get(f"{s}_conflict", 0.0):
            continue
        x, y = getattr(pa, s), getattr(pb, s)
        if x is not None and y is not None and state_and_its_body(x, y):
            continue  # one voice: no clash at all
        if x is not None and y is not None and ((slot_is_name(x) and slot_is_name(y)) or _part_and_whole(x, y)):
            firm += 1
        else:
            soft_slots.append(s)
    soft = len(soft_slots) + int(specifics_differ)
    if soft and rest_overlap(fa, fb, tuple(soft_slots)) >= min_overlap:
        firm += soft
    return firm
