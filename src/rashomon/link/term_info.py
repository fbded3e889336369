"""How informative a word or a name is in general English, independent of the batch.

In: a lemma or a folded entity name ("derna", "national transportation safety board",
"country:Russia"). Out: ``info(term)`` >= 0, the term's surprise in news-like English:
``events.info_ceiling - zipf`` clipped at 0, where ``zipf`` is the term's Zipf frequency from
the ``wordfreq`` package (log10 of its uses per billion words; a multi-word name gets the
frequency wordfreq gives the phrase, about that of its rarest word; a word it has never seen
gets 0, hence the full ceiling).

Why: the same-event features of ``link/events.py`` used to weight shared words and names by
their inverse document frequency *in the batch*. In a batch about one story every article
names the place, the people and the thing that happened, so those shared specifics weighed
nothing and the same event told by two sides looked like two stories. A background weight keeps
"Derna" or "Homendy" informative however many articles of the batch name them, and "said" or
"government" weak.
"""
from __future__ import annotations

from functools import lru_cache

from ..settings import setting


@lru_cache(maxsize=200_000)
def _zipf(term: str) -> float:
    from wordfreq import zipf_frequency

    try:
        return float(zipf_frequency(term, "en"))
    except Exception:  # pragma: no cover - wordfreq refuses odd input (empty after its tokenizer)
        return 0.0


def info(term: str) -> float:
    """Background informativeness of ``term`` (see module doc); 0 for an empty term."""
    t = (term or "").strip().lower()
    if t.startswith("country:"):
        t = t[len("country:"):]
    if not t:
        return 0.0
    ceiling = setting("events.info_ceiling")
    return max(0.0, ceiling - _zipf(t))
