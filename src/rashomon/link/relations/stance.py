"""Whether a claim rejects something: the stance that keeps a claim and its rebuttal apart.

In: a claim's text and its cue (the reporting verb, may be None). Out: ``rejects(text, cue) ->
bool`` (and ``rebuts``, the same without debunking words, for ``link/disputes.py``): True when the claim rebuts or debunks what someone else said, read with the words of
``relations.rules`` and ``relations.targets``: a rebuttal verb aimed at a claim ("dismissed the
reports", "raised doubts about whether ..."), a rebuttal sentence ("is categorically false"), a
denial that a statement was made ("did not recall him saying that", "never said"), a debunking word
("a hoax", "unfounded", "it turned out ..."), or a denial cue ("X denied that ...").

Why: news reports a claim and, in the same words, the rebuttal of it ("the minister said troops
crossed the border" / "the ministry called the suggestion that troops crossed the border
categorically false"). Worded alike, the two land in one claim cluster unless the pair score pays
for the opposite stance; a cluster holding both sides makes every relation lifted to it join the
articles of one position with each other. Used by ``link/features.py`` (``ClaimFeatures.rejects``)
and the claim pair score (``link/clusters.py``, ``clusters.rebuttal_penalty``).
"""
from __future__ import annotations

from typing import Optional

from .lexicon import find_terms, lexicon
from .rules import _rebuttal_hits
from .targets import _WORDS


def rebuts(text: str, cue: Optional[str] = None) -> bool:
    """True when ``text`` (a claim as told) rebuts a statement it names, in words or by its ``cue``:
    a rebuttal verb aimed at a claim, a rebuttal sentence, a denial that it was said, a denial
    cue. What it names ("the report that the dam was opened is false") is then what it rejects."""
    verbs, sentences = _rebuttal_hits(text)
    if verbs or sentences:
        return True
    return bool(cue) and bool(find_terms(cue.lower(), (lexicon().get("denial") or {}).get("verbs", [])))


def rejects(text: str, cue: Optional[str] = None) -> bool:
    """True when ``text`` (a claim as told) or its ``cue`` rejects what someone said (see module
    doc): it ``rebuts`` a statement or carries a debunking word ("a hoax", "unfounded")."""
    return rebuts(text, cue) or bool(find_terms(text, _WORDS.get("debunk_words") or []))
