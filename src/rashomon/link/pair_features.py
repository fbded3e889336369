"""Named features of one claim pair, read by the learned claim matcher (``link/matcher.py``).

In: a ``PairView`` of a batch of claims (their ``ClaimFeatures``, overlap keys with IDF weights
over the batch, rare entities; ``link.clusters.PairScorer`` is one) and two row indices with the
embedding cosine of the pair. Out: ``{feature name: float}``. The matcher's weight file lists the
names it was trained on and reads only those (a name it does not know is ignored, one it knows
but the dict lacks counts 0), so a new feature (e.g. the proposition helper's
``proposition_features(a, b)``, merged in through ``extra``) needs only a retrained weight file.

Features (all symmetric in the two claims):
- ``cosine``, ``cosine_sq``: MiniLM cosine of what the claims assert, and its square;
- ``lexical_jaccard`` (IDF-weighted Jaccard of the claims' entity, number, word and event-class
  keys), ``lexical_containment`` (the shared weight over the smaller side's weight: a short claim
  inside a long one), ``cosine_x_lexical``, ``similarity_blend`` (``w_cos * cosine + (1 - w_cos) *
  lexical_jaccard``, the hand score's similarity, ``clusters.w_cos``), ``word_jaccard`` (plain Jaccard of content words),
  ``length_ratio`` (fewer content words over more);
- agreement or conflict of specifics: ``entity_shared`` / ``entity_conflict`` (rare names;
  a surname meets the full name), ``number_shared`` / ``number_conflict`` (no number within 10%) /
  ``number_one_side``, ``date_conflict`` (day dates), ``polarity_conflict``, ``event_shared`` /
  ``event_conflict`` / ``event_one_side`` (event classes), ``state_conflict`` (opposite poles of
  one state) / ``state_mismatch`` (states on different dimensions); ``entity_unmatched`` /
  ``number_unmatched``: each side has a name (a number) the other lacks, though others may be
  shared (one name swapped); each conflict also times the cosine (``<name>_x_cosine``: a conflict
  weighs more when the rest of the two claims is alike).

Who said it, which article and which side are not features: the public pairs the matcher learns
from have no speakers, so the clustering stage applies those as structural terms.
"""
from __future__ import annotations

import re
from typing import Callable, Optional, Protocol, Sequence

from ..data import load_yaml
from .features import ClaimFeatures, names_meet

_WORDS = load_yaml("matcher_words.yaml", "en")
_NEGATION = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in _WORDS["negation"]) + r")(?![\w'])", re.I)
_MONTH_DAY = re.compile(r"\b(" + "|".join(_WORDS["months"]) + r")\.?\s+([0-3]?\d)" + _WORDS["ordinal_suffix"] + r"?\b", re.I)
_WEEKDAY = re.compile(r"\b(" + "|".join(_WORDS["weekdays"]) + r")\b", re.I)


BLEND_W_COS = 0.75  # the cosine's share in ``similarity_blend`` when the view has no ``p["w_cos"]`` (clusters.w_cos)


class PairView(Protocol):
    f: Sequence[ClaimFeatures]
    keys: Sequence[set]
    idf: dict
    rare_entities: Sequence[set]


def text_polarity(text: str) -> str:
    """"denied" when a plain sentence holds an odd number of negation tokens (data/en/matcher_words.yaml
    ``negation``), else "asserted". For texts without a claim record (training pairs, benchmarks)."""
    return "denied" if len(_NEGATION.findall(text)) % 2 else "asserted"


def text_day_keys(text: str) -> set[str]:
    """Day-date keys of a plain sentence: "march 5" or a weekday name, lower case. Stand-ins for
    the ISO dates of time records where a text has none (training pairs, benchmarks)."""
    out = {f"{m.group(1).lower()[:3]} {int(m.group(2))}" for m in _MONTH_DAY.finditer(text)}
    out |= {m.group(1).lower() for m in _WEEKDAY.finditer(text)}
    return out


def _numbers_close(a: set, b: set) -> bool:
    return any(abs(x - y) <= 0.1 * max(abs(x), abs(y)) for x in a for y in b)


def _day_dates(dates: set[str]) -> set[str]:
    """ISO day dates (``2023-06-24``) and text day keys (``jun 24``, ``saturday``); months and
    years left out (too coarse to conflict)."""
    return {d for d in dates if len(d) == 10 or not d[:1].isdigit()}


def pair_features(view: PairView, i: int, j: int, cos: float,
                  extra: Optional[Callable[[int, int], dict]] = None) -> dict[str, float]:
    """The features of claims ``i`` and ``j`` of ``view`` (see module doc); ``extra(i, j)`` may add
    more named features."""
    fi, fj = view.f[i], view.f[j]
    w_cos = getattr(view, "p", {}).get("w_cos", BLEND_W_COS)
    a, b = view.keys[i], view.keys[j]
    idf = view.idf
    wa = sum(idf[k] for k in a)
    wb = sum(idf[k] for k in b)
    inter = sum(idf[k] for k in a & b)
    union = wa + wb - inter
    jac = inter / union if union > 0 else 0.0
    wi, wj = set(fi.words), set(fj.words)
    ei, ej = view.rare_entities[i], view.rare_entities[j]
    ent_shared = bool(ei & ej)
    ent_conflict = bool(ei and ej and not ent_shared and not names_meet({k[2:] for k in ei}, {k[2:] for k in ej}))
    ni, nj = fi.numbers, fj.numbers
    num_shared = bool(ni & nj) or bool(ni and nj and _numbers_close(ni, nj))
    # a swap: each side has a name (a number) the other side lacks, though others may be shared
    names_i, names_j = {k[2:] for k in ei}, {k[2:] for k in ej}
    ent_unmatched = bool(ei and ej and any(not names_meet({x}, names_j) for x in names_i)
                         and any(not names_meet({y}, names_i) for y in names_j))
    num_unmatched = bool(ni and nj and any(not _numbers_close({x}, nj) for x in ni) and any(not _numbers_close({y}, ni) for y in nj))
    di, dj = _day_dates(fi.dates), _day_dates(fj.dates)
    state_conflict = state_mismatch = 0.0
    if fi.states and fj.states:
        shared = fi.states.keys() & fj.states.keys()
        state_conflict = float(any(fi.states[d] != fj.states[d] for d in shared))
        state_mismatch = float(not shared)
    out = {
        "cosine": cos,
        "cosine_sq": cos * cos,
        "lexical_jaccard": jac,
        "lexical_containment": inter / min(wa, wb) if min(wa, wb) > 0 else 0.0,
        "cosine_x_lexical": cos * jac,
        "similarity_blend": w_cos * cos + (1 - w_cos) * jac,
        "word_jaccard": len(wi & wj) / len(wi | wj) if wi | wj else 0.0,
        "length_ratio": min(len(wi), len(wj)) / max(len(wi), len(wj)) if wi and wj else 0.0,
        "entity_shared": float(ent_shared),
        "entity_conflict": float(ent_conflict),
        "entity_unmatched": float(ent_unmatched),
        "number_unmatched": float(num_unmatched),
        "number_shared": float(num_shared),
        "number_conflict": float(bool(ni and nj) and not num_shared),
        "number_one_side": float(bool(ni) != bool(nj)),
        "date_conflict": float(bool(di and dj and not (di & dj))),
        "polarity_conflict": float(fi.polarity != fj.polarity),
        "event_shared": float(bool(fi.events & fj.events)),
        "event_conflict": float(bool(fi.events and fj.events and not (fi.events & fj.events))),
        "event_one_side": float(bool(fi.events) != bool(fj.events)),
        "state_conflict": state_conflict,
        "state_mismatch": state_mismatch,
    }
    # a conflict weighs more the closer the rest of the two claims is (an edit of one sentence)
    for name in ("entity_unmatched", "number_unmatched", "date_conflict", "polarity_conflict", "state_conflict", "event_conflict"):
        out[f"{name}_x_cosine"] = out[name] * cos
    if extra is not None:
        out.update(extra(i, j))
    return out


def sentence_features(text: str, entities: Sequence[tuple[str, str]] = ()) -> ClaimFeatures:
    """The ``ClaimFeatures`` of a plain sentence read as a narrated claim (no record around it):
    content words, digits, event classes, state poles, the named entities given as
    ``(text, spaCy label)``, polarity from negation tokens (``text_polarity``) and day keys
    (``text_day_keys``), whether it rejects what someone said (``relations.stance.rejects``). What training pairs and ``benchmarks/pairs.py`` score."""
    from .event_terms import event_classes
    from .features import _ENTITY_LABELS, _entity_norm, content_words, numbers_in
    from .relations.lexicon import state_poles
    from .relations.stance import rejects

    bare = _MONTH_DAY.sub(lambda m: m.group(1), text)  # "March 5": a day, not a count
    return ClaimFeatures(words=content_words(text), numbers=numbers_in(bare), events=event_classes(text),
                         states={dim: pole for dim, (pole, _) in state_poles(text).items()},
                         entities={_entity_norm(t) for t, lab in entities if not lab or lab in _ENTITY_LABELS},
                         polarity=text_polarity(text), dates=text_day_keys(text), rejects=rejects(text))
