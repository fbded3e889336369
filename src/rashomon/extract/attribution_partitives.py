"""A quantifier as speaker stands for part of a group named before it.

"Some residents complained of headaches. Others questioned how the area could be safe." —
"Others" is other residents; "Of the seven agencies, five found ...", "Five of them found ...",
"One considered it unlikely" — some of the agencies named before. Such a speaker is named after
its group, so that the statement is credited to the group, never to the bare word.

In: the speaker's head token (spaCy) whose word is a quantifier of ``partitive_speakers``
(``data/en/attribution_words.yaml``), alone or with "of them/those".
Out: ``partitive_name(head, animate)`` -> ``(name, group token)`` such as ``("other residents",
tok)`` or ``("five of the agencies", tok)`` ("five of the seven agencies" names its own group),
or None when no group stands before it.

The group is the nearest plural noun for people or bodies (``animate``) before the head, within
``_WINDOW`` tokens, outside quotations and not itself a quantifier: a subject for a bare quantifier
("Others" contrasts with the group that spoke before), any noun for "five of them".
"""
from __future__ import annotations

from typing import Optional

from .attribution_spans import _WORDS, _in_spans, _quote_spans

_WINDOW = 120  # tokens back to look for the group (about two or three sentences)
_PARTITIVE = set(_WORDS["partitive_speakers"])
_OTHER = set(_WORDS["partitive_other"])
_GROUP_DETS = set(_WORDS["partitive_group_determiners"])
_BARE_OF = {"them", "those", "these"}
_MODIFIER_DEPS = ("amod", "compound", "nummod", "det", "nmod")
_ANY_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj")


def _own_group(head):
    """The group a quantifier names itself ("five of the seven agencies" -> agencies; "Of the seven
    agencies, five said", where the phrase hangs on the verb), or None."""
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
    preps += [c for c in head.head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < head.i] if head.dep_ == "nsubj" else []
    objs = [p for c in preps for p in c.children if p.dep_ == "pobj"]
    return next((p for p in objs if p.lower_ not in _BARE_OF and p.tag_ in ("NNS", "NNPS")), None)


def _is_partitive(head) -> bool:
    """True for a bare quantifier ("Others", "One") or one of a pronoun ("Five of them")."""
    if head.lower_ not in _PARTITIVE:
        return False
    if any(c.dep_ in ("compound", "amod") for c in head.children):
        return False
    objs = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return all(p.lower_ in _BARE_OF for p in objs)


def _group_words(tok) -> list:
    """The group's name tokens: the noun with its left modifiers, leading determiners cut."""
    toks = sorted([t for c in tok.lefts if c.dep_ in _MODIFIER_DEPS for t in c.subtree] + [tok],
                  key=lambda t: t.i)
    toks = toks[[k for k, t in enumerate(toks) if not t.is_punct][0]:] if any(not t.is_punct for t in toks) else [tok]
    while len(toks) > 1 and toks[0].lower_ in _GROUP_DETS:
        toks = toks[1:]
    return toks


def partitive_name(head, animate) -> Optional[tuple[str, object]]:
    """``(name, group token)`` for a quantifier speaker (see module docstring), else None.
    ``animate`` tells whether a token can name someone who speaks."""
    if head is None or head.lower_ not in _PARTITIVE:
        return None
    own = _own_group(head)
    if own is not None:
        return f"{head.lower_} of the {' '.join(x.text for x in _group_words(own))}", own
    if not _is_partitive(head):
        return None
    doc = head.doc
    of_them = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    quotes = _quote_spans(doc)
    for i in range(head.i - 1, max(-1, head.i - _WINDOW), -1):
        t = doc[i]
        if t.tag_ not in ("NNS", "NNPS") or t.dep_ not in (_ANY_DEPS if of_them else ("nsubj", "nsubjpass")):
            continue
        if t.lower_ in _PARTITIVE or _in_spans(quotes, t.idx) or not animate(t):
            continue
        words = _group_words(t)
        group = " ".join(x.lower_ if k == 0 and x.is_sent_start and x.pos_ != "PROPN" else x.text for k, x in enumerate(words))
        word = head.lower_
        name = f"other {group}" if word in _OTHER else f"{word} of the {group}"
        return name, t
    return None
