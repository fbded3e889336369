"""Do two claims state the same proposition? Slot-by-slot features of their ``Proposition``s.

In: two ``Claim``s (or two ``Proposition``s) whose propositions were read by
``rashomon.extract.propositions`` (in the dossier their actor ids are dossier-level).
Out: ``proposition_features(a, b) -> dict[str, float]``, every key always present (0.0 when a slot
is missing on either side), for a pair scorer to weigh; ``same_proposition(a, b) -> bool``, the
plain reading of those features (the predicates match and no slot conflicts).

- Predicate: ``predicate_same`` (same normalised head), ``predicate_synonym`` (both heads in one
  synonym set of ``data/en/proposition_words.yaml``: "shoot down" / "down"), ``predicate_match``
  (either).
- Arguments (agent, patient, attribute): ``<slot>_match`` is 1.0 for the same actor or the same
  head word (unless both have modifiers and share none: "northern army" / "southern army"; a
  capitalised name head needs no shared modifier: "President Biden" / "Joe Biden"), 0.5 when they share a content word ("Russian troops" / "Russian forces"), and
  ``<slot>_conflict`` is 1.0 when both are filled and neither holds, or when one is a part of the
  other ("a section of the bridge" / "the bridge"). A pronoun without an actor is neither.
  ``roles_swapped``: the agent of one is the patient of the other and the other way round.
- Place (same place entity, or one name inside the other: "Kursk" / "the Kursk region"), time (ISO
  values agree at the coarser precision), quantity (values within ``QUANTITY_TOLERANCE``, a
  relative difference; only when both count the same thing, or neither says what it counts):
  ``<slot>_match`` / ``<slot>_conflict``.
- ``polarity_conflict``: one asserted, the other denied; ``modality_differs``: a modal on one side
  only or of another class; ``hedge_differs``: a hedge on one side only.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Union

from ..data import load_yaml
from ..models import Claim, PropSlot, Proposition

# relative difference under which two numbers are the same figure (rounding: 1,200 / 1,186 differ by 1.2%);
# hand-set, not fitted: a difference of 5% or more is a different figure in news counts
QUANTITY_TOLERANCE = 0.03

_ARGS = ("agent", "patient", "attribute")
_OTHER = ("place", "time", "quantity")
KEYS = ("has_both", "predicate_same", "predicate_synonym", "predicate_match",
        *(f"{s}_{k}" for s in (*_ARGS, *_OTHER) for k in ("match", "conflict")),
        "roles_swapped", "polarity_conflict", "modality_differs", "hedge_differs", "conflicts")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, set[int]], set[str], set[str], set[str]]:
    """(predicate -> indices of its synonym sets, partitive nouns, words that carry no content,
    pronouns)."""
    raw = load_yaml("proposition_words.yaml", "en")
    sets: dict[str, set[int]] = {}
    for i, group in enumerate(raw.get("synonyms") or []):
        for w in group:
            sets.setdefault(str(w).lower(), set()).add(i)
    parts = {str(w).lower() for w in raw.get("partitives") or []}
    stop = {str(w).lower() for w in raw.get("function_words") or []}
    # number words are the quantity slot's business, not a modifier ("12 people" / "twelve people")
    numbers = load_yaml("number_words.yaml", "en")
    stop |= {str(w).lower() for key in ("units_words", "tens_words") for w in (numbers.get(key) or {})}
    pronouns = {str(w).lower() for w in raw.get("pronouns") or []}
    return sets, parts, stop, pronouns


def _prop(x: Union[Claim, Proposition, None]) -> Optional[Proposition]:
    return x.proposition if isinstance(x, Claim) else x


def _stems(slot: PropSlot) -> set[str]:
    """Content words of a slot, cut to 5 letters ("Russia" / "Russian" meet); numbers left out."""
    _, _, stop, _ = _lexicon()
    return {w[:5] for w in re.findall(r"[a-z0-9]+", slot.text.lower()) if w not in stop and len(w) > 1 and not w.isdigit()}


def _is_name(slot: PropSlot) -> bool:
    """The slot's head word is written with a capital (a proper name)."""
    head = (slot.head or "").lower()
    return any(w.lower() == head and w[:1].isupper() for w in re.findall(r"[\w'’-]+", slot.text))


def _dossier_actor(actor: Optional[str]) -> bool:
    return bool(actor) and not actor.startswith("a:")


def _arg_compare(x: Optional[PropSlot], y: Optional[PropSlot]) -> tuple[float, float]:
    """(match, conflict) of two argument slots (see module doc)."""
    if x is None or y is None:
        return 0.0, 0.0
    if x.actor and y.actor and x.actor == y.actor:
        return 1.0, 0.0
    hx, hy = (x.head or "").lower(), (y.head or "").lower()
    _, parts, _, pronouns = _lexicon()
    if (hx in pronouns and not x.actor) or (hy in pronouns and not y.actor):
        return 0.0, 0.0
    if hx and hx == hy:
        # the same head with other modifiers is another thing ("the northern army" / "the southern army")
        # (a name is its own evidence: "President Biden" / "Joe Biden")
        mx, my = _stems(x) - {hx[:5]}, _stems(y) - {hy[:5]}
        named = _is_name(x) and _is_name(y)
        return (1.0, 0.0) if named or not mx or not my or mx & my else (0.0, 1.0)
    if (hx in parts) != (hy in parts):
        return 0.0, 1.0  # a part and its whole
    if _dossier_actor(x.actor) and _dossier_actor(y.actor):
        return 0.0, 1.0  # two different dossier actors
    if _stems(x) & _stems(y):
        return 0.5, 0.0
    return 0.0, 1.0


def _place_compare(x: Optional[PropSlot], y: Optional[PropSlot]) -> tuple[float, float]:
    if x is None or y is None:
        return 0.0, 0.0
    wx = set(re.findall(r"\w+", (x.head or x.text).lower()))
    wy = set(re.findall(r"\w+", (y.head or y.text).lower()))
    return (1.0, 0.0) if wx and wy and (wx <= wy or wy <= wx) else (0.0, 1.0)


def _time_compare(x: Optional[PropSlot], y: Optional[PropSlot]) -> tuple[float, float]:
    if x is None or y is None:
        return 0.0, 0.0
    if x.value and y.value:
        n = min(len(x.value), len(y.value))
        return (1.0, 0.0) if x.value[:n] == y.value[:n] else (0.0, 1.0)
    return (1.0, 0.0) if x.text.lower() == y.text.lower() else (0.0, 0.0)


def _number(slot: PropSlot) -> Optional[float]:
    try:
        return float(slot.value) if slot.value is not None else None
    except ValueError:
        return None


def _quantity_compare(x: Optional[PropSlot], y: Optional[PropSlot]) -> tuple[float, float]:
    if x is None or y is None:
        return 0.0, 0.0
    vx, vy = _number(x), _number(y)
    if vx is None or vy is None:
        return 0.0, 0.0
    if bool(x.head) != bool(y.head) or (x.head and y.head and x.head.lower().rstrip("s")[:5] != y.head.lower().rstrip("s")[:5]):
        return 0.0, 0.0  # different things counted, or what one counts is unknown ("a three-mile zone" / "a village of about 800"): no verdict
    same = abs(vx - vy) <= QUANTITY_TOLERANCE * max(abs(vx), abs(vy), 1e-9)
    return (1.0, 0.0) if same else (0.0, 1.0)


def _synonyms(a: str, b: str) -> bool:
    sets, _, _, _ = _lexicon()
    return bool(sets.get(a, set()) & sets.get(b, set()))


def predicates_match(a: Optional[str], b: Optional[str]) -> bool:
    """Two predicate heads are one predicate: the same lemma or one synonym set
    (``predicate_match`` of ``proposition_features``, without reading the slots)."""
    a, b = (a or "").lower(), (b or "").lower()
    return bool(a) and (a == b or _synonyms(a, b))


def proposition_features(a: Union[Claim, Proposition, None], b: Union[Claim, Proposition, None]) -> dict[str, float]:
    """Features of the pair's propositions (see module doc); all zeros but ``has_both`` = 0 when
    either has none."""
    out = dict.fromkeys(KEYS, 0.0)
    pa, pb = _prop(a), _prop(b)
    if pa is None or pb is None:
        return out
    out["has_both"] = 1.0
    ha, hb = (pa.predicate.head or "").lower(), (pb.predicate.head or "").lower()
    out["predicate_same"] = float(bool(ha) and ha == hb)
    out["predicate_synonym"] = float(_synonyms(ha, hb))
    out["predicate_match"] = max(out["predicate_same"], out["predicate_synonym"])
    for s in _ARGS:
        out[f"{s}_match"], out[f"{s}_conflict"] = _arg_compare(getattr(pa, s), getattr(pb, s))
    for s, cmp in (("place", _place_compare), ("time", _time_compare), ("quantity", _quantity_compare)):
        out[f"{s}_match"], out[f"{s}_conflict"] = cmp(getattr(pa, s), getattr(pb, s))
    if out["agent_conflict"] or out["patient_conflict"]:
        m1, c1 = _arg_compare(pa.agent, pb.patient)
        m2, c2 = _arg_compare(pa.patient, pb.agent)
        out["roles_swapped"] = float(m1 > 0 and m2 > 0 or (m1 > 0 and pa.patient is None and pb.agent is None)
                                     or (m2 > 0 and pa.agent is None and pb.patient is None))
    out["polarity_conflict"] = float(pa.polarity != pb.polarity)
    ma = pa.modality.head if pa.modality else None
    mb = pb.modality.head if pb.modality else None
    out["modality_differs"] = float(ma != mb)
    out["hedge_differs"] = float((pa.hedge is None) != (pb.hedge is None))
    out["conflicts"] = sum(out[f"{s}_conflict"] for s in (*_ARGS, *_OTHER)) + out["polarity_conflict"] + out["roles_swapped"]
    return out


def same_proposition(a: Union[Claim, Proposition, None], b: Union[Claim, Proposition, None]) -> bool:
    """True when both have propositions, their predicates match and no slot conflicts (the plain
    reading of ``proposition_features``)."""
    f = proposition_features(a, b)
    return bool(f["has_both"] and f["predicate_match"] and not f["conflicts"])
