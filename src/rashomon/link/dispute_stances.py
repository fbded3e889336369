"""Stances of one claim for grouping contradictions into disputes (``link/disputes.py``).

In: a ``ClaimView`` (claim text, cue, polarity). Out: the state pole the claim stands by on each
state dimension (``claim_stances``), whether it demands rather than states (``is_directive``),
whether it rejects something (``_rejects``) or only might (``_hypothetical_rejection``), and whether
its proposition is too thin to state a position (``_too_thin``). Words in ``data/en/disputes.yaml``
and ``data/en/polarity.yaml``."""
from __future__ import annotations

import re
from functools import lru_cache

from ..data import load_yaml
from .relations.context import ClaimView
from .relations.stance import rebuts
from .relations.targets import falsity_hits
from ..settings import setting
from .relations.lexicon import find_terms, is_total, lexicon, pole_names, state_poles


def _cfg() -> dict:
    return load_yaml("disputes.yaml", "en")


# --------------------------------------------------------------------------- stances


def _mask_concessive(text: str) -> str:
    """``text`` with every concessive phrase ("despite X,") blanked out (same length)."""
    out = text
    for s, _e, _ in find_terms(text, _cfg().get("concessive", [])):
        m = re.compile(r"[,;—–]|\s-\s").search(text, s)
        end = m.start() if m else len(text)
        out = out[:s] + " " * (end - s) + out[end:]
    return out


def claim_stances(v: ClaimView) -> dict[str, str]:
    """State dimension -> the pole the claim stands by. A pole word in a concessive phrase does not
    count; a denied claim, or one that ``rebuts`` what it names, takes the other pole of what it denies
    (when the denied pole comes first: "denied that its forces had withdrawn fully, saying ..."), as
    does one that calls what it names false ("the lie is this: that the board opened the dam",
    ``relations.targets.falsity_hits``, with the setting ``relations.falsity_rebuttals``); an "ended"-like pole that must be total (``total_poles``)
    but is not becomes ``partial``."""
    rejected = (v.claim.polarity == "denied" or rebuts(v.text, v.claim.cue)
                or (setting("relations.falsity_rebuttals") and bool(falsity_hits(v.text))))
    return dict(_stances(v.text, rejected))


@lru_cache(maxsize=100_000)
def _stances(raw: str, denied: bool) -> tuple[tuple[str, str], ...]:
    text = _mask_concessive(raw)
    poles = state_poles(text)
    states = lexicon().get("states") or {}
    total = lexicon().get("total_poles") or {}
    out: dict[str, str] = {}
    for dim in states:
        names = pole_names(dim)
        if len(names) != 2:
            continue
        if dim in poles:
            pole = poles[dim][0]
            if denied:
                pole = names[1] if pole == names[0] else names[0]
            elif total.get(dim) == pole and not is_total(text):
                pole = "partial"
            out[dim] = pole
        elif denied:
            # mixed: the first pole named is the denied one; every other hit must agree with its opposite
            hits = sorted((s, p) for p in names for s, _e, _ in find_terms(text, states[dim].get(p, [])))
            if hits:
                first = hits[0][1]
                flipped = names[1] if first == names[0] else names[0]
                if all(p == flipped for _, p in hits[1:]):
                    out[dim] = flipped
    return tuple(out.items())


def is_directive(v: ClaimView) -> bool:
    """The claim demands, asks or proposes rather than states (``data/disputes.yaml``; "was asked" is no directive)."""
    cue = v.claim.cue or ""
    if cue and find_terms(cue, _cfg().get("directive_cues", [])) and not find_terms(v.text, _cfg().get("asked_passive", [])):
        return True
    return bool(find_terms(v.text, _cfg().get("directive_phrases", [])))


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return not (a[1] < b[0] or b[1] < a[0])


def _rejects(v: ClaimView) -> bool:
    """The claim rejects something: it is denied, or carries a denial verb (polarity.yaml)."""
    if v.claim.polarity == "denied":
        return True
    return bool(find_terms(v.text, (lexicon().get("denial") or {}).get("verbs", [])))


def _hypothetical_rejection(v: ClaimView) -> bool:
    """Every denial verb of the claim follows an irrealis word ("could", "would", "plans to")
    within its three preceding words: the rejection is possible, not made."""
    den = (lexicon().get("denial") or {}).get("verbs", [])
    hits = find_terms(v.text, den) + (find_terms(v.claim.cue, den) if v.claim.cue and v.claim.cue not in v.text else [])
    if not hits:
        return False
    irrealis = lexicon().get("irrealis", [])
    for s, _e, _ in hits:
        before = " ".join(v.text[:s].split()[-3:])
        if not find_terms(before, irrealis):
            return False
    return True


def _too_thin(v: ClaimView) -> bool:
    """The claim's proposition has fewer than three content words: it states no position."""
    return len([w for w in re.findall(r"[^\W\d_]{3,}", v.prop.lower())
                if w not in set(_cfg().get("function_words", []))]) < 3
