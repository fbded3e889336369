""""It said", "the company said": a body's pronoun or definite description read as the named body.

In: one article's speakers in text order with their head tokens, and the article's actors
(``state.ann.actors``). Out: ``resolve_body_anaphora(items, actors)`` rewrites, in place, the
speakers that are "it", "its/their <report noun>" ("according to their data") or "the <body noun>" ("the company", "the ministry", "the group") and that
nothing resolved yet ("the outlet's sources": the owner so, the sources keep their noun): to the last named body that spoke before them in the article (for a
description, one of the type its noun names), else, for a description, to the one named body of
that type in the article; a speaker that fits none stays as written (never a guess).
Body nouns and their actor types: ``body_nouns`` of ``data/en/actors.yaml`` and ``body_anaphors``
of ``data/en/cues.yaml``.
"""
from __future__ import annotations

from typing import Optional

from functools import lru_cache

from ..data import load_yaml
from .lexicon import actor_lexicon

_RELATIVE = {"who", "which", "that", "whom"}
_BODY_TYPES = {"government_body", "military_unit", "media_outlet", "country", "organization", "group"}


def _body_type(head) -> Optional[str]:
    """The actor type of a definite body description ("the ministry" -> government_body), or None."""
    if head is None or head.ent_type_ or head.pos_ != "NOUN" or head.tag_ != "NN":
        return None  # one body: "the agencies", "the news organizations" are not one named body
    kids = [c for c in head.children if c.dep_ != "case"]  # "the outlet's": the possessive mark aside
    if len(kids) != 1 or kids[0].dep_ != "det" or kids[0].lower_ != "the":
        return None  # a bare "the company"; "the other agency", "the state company" describe more
    bodies = actor_lexicon()["body_nouns"]
    extra = _anaphors()
    low, lemma = head.lower_, head.lemma_.lower()
    return extra.get(low) or extra.get(lemma) or bodies.get(low) or bodies.get(lemma)


@lru_cache(maxsize=1)
def _anaphors() -> dict:
    return {k.lower(): v for k, v in (load_yaml("cues.yaml", "en").get("body_anaphors") or {}).items()}


def _fits(actor, noun: str, btype: str) -> bool:
    """A named body a description can stand for: its name holds the noun ("the ministry" ->
    "Ministry of Health"), it is of the type the noun names, or its name holds a noun of that type
    ("the agency" -> "Ohio Department of Natural Resources", typed as an organisation)."""
    if noun in actor.name.lower() or actor.type == btype:
        return True
    words = set(actor.name.lower().split())
    return any(t == btype and w in words for w, t in _type_nouns().items())


@lru_cache(maxsize=1)
def _type_nouns() -> dict:
    """Body nouns and their actor types (``body_nouns`` and ``body_anaphors``), one-word ones."""
    out = {k: v for k, v in actor_lexicon()["body_nouns"].items() if " " not in k and isinstance(v, str)}
    out.update({k: v for k, v in _anaphors().items() if " " not in k})
    return out


def _owned_by_pronoun(head) -> bool:
    """True for a report noun owned by "its"/"their" ("according to their data", "its figures
    show"): the owner is the body that spoke before, as for "it"."""
    if head is None or head.pos_ != "NOUN":
        return False
    low, lemma = head.lower_, head.lemma_.lower()
    if low not in _report_nouns() and lemma not in _report_nouns():
        return False
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children)


@lru_cache(maxsize=1)
def _report_nouns() -> set:
    return {w.lower() for w in load_yaml("cues.yaml", "en").get("report_nouns") or []}


def _body_type_word(tok) -> bool:
    """True when ``tok`` is a noun for a body ("center", "company", "ministry")."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    bodies = actor_lexicon()["body_nouns"]
    return bool(_anaphors().get(low) or _anaphors().get(lemma) or bodies.get(low) or bodies.get(lemma))


def _subject_body_before(head, actors, window: int = 80):
    """``(name, actor id or None)`` of the named body that is the nearest subject before ``head``
    ("Northfield Research forecasts ... According to their data"), within ``window`` tokens; None
    when that subject names none."""
    doc = head.doc
    named = [a for a in actors if _named(a)]
    for i in range(head.i - 1, max(-1, head.i - window), -1):
        t = doc[i]
        if t.dep_ not in ("nsubj", "nsubjpass") or t.lower_ in _RELATIVE or t.head.dep_ == "relcl":
            continue  # "Acme, which conducts polls, forecasts ...": the relative clause is aside
        names = [t] + [c for c in t.children if c.dep_ in ("appos", "compound")]  # "the firm Acme Research"
        for a in named:
            # a body, or a name the text itself calls a body ("the research center Gorby")
            if (a.type in _BODY_TYPES or t.pos_ == "NOUN") and any(m.start <= x.idx < m.end for m in a.mentions for x in names):
                return a.name, a.id
        appos = [c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if t.pos_ == "NOUN" and appos and _body_type_word(t):
            # a name the tagger did not take as one, in apposition to a body noun
            toks = [x for x in appos[0].lefts if x.dep_ == "compound"] + [appos[0]]
            return " ".join(x.text for x in toks), None
        return None  # the nearest subject is no named body: not guessed
    return None


def _named(actor) -> bool:
    return bool(actor.name) and actor.name[:1].isupper()


def resolve_body_anaphora(items: list, actors: list) -> None:
    """``items``: ``[(position, Speaker or None, head token or None)]`` of one article (see module
    docstring)."""
    by_id = {a.id: a for a in actors}
    spoken: list = []  # (position, Speaker, actor) of named bodies that spoke
    for pos, sp, head in sorted(items, key=lambda x: x[0]):
        if sp is None or head is None:
            continue
        actor = by_id.get(sp.actor) if sp.actor else None
        if actor is not None and actor.type in _BODY_TYPES and _named(actor) and _body_type(head) is None and head.lower_ != "it":
            spoken.append((pos, sp, actor))
            continue
        if sp.resolved:
            continue
        if (head.lower_ == "it" and head.pos_ == "PRON") or _owned_by_pronoun(head):
            prior = [x for x in spoken if x[0] < pos]
            if prior:
                src = prior[-1][1]
                sp.name, sp.actor = src.name, src.actor
                sp.resolved = f"pronoun '{sp.text}' -> the last named body that spoke before it '{src.name}'"
            elif head.lower_ != "it":
                body = _subject_body_before(head, actors)
                if body is not None:
                    sp.name, sp.actor = body
                    sp.resolved = f"pronoun '{sp.text}' -> the named body that is the last subject before it '{body[0]}'"
            continue
        owner = _body_owner(head)
        desc = owner if owner is not None else head
        btype = _body_type(desc)
        if btype is None:
            continue
        src = _body_for(desc.lemma_.lower(), btype, pos, spoken, actors)
        if src is None:
            continue
        if owner is not None:
            # "the outlet's sources said": unnamed sources of the named outlet, not the outlet itself
            sp.name, sp.actor = f"{src.name} {head.text}", None
            sp.resolved = f"owner '{owner.text}' of '{head.text}' -> the named {src.type.replace('_', ' ')} of the article '{src.name}'"
            continue
        sp.name, sp.actor = src.name, src.id
        sp.resolved = f"description '{sp.text}' -> the named {src.type.replace('_', ' ')} of the article '{src.name}'"


def _body_owner(head):
    """The body description that owns a speaker noun ("the outlet's sources" -> outlet), or None."""
    if head is None or head.pos_ != "NOUN" or head.ent_type_:
        return None
    poss = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "NOUN"]
    return poss[0] if len(poss) == 1 and _body_type(poss[0]) is not None else None


def _body_for(noun: str, btype: str, pos: int, spoken: list, actors: list):
    """The named body a description stands for: the last one of its kind that spoke before
    ``pos``, else the article's one named body of that kind; None when neither holds."""
    prior = [x for x in spoken if x[0] < pos and _fits(x[2], noun, btype)]
    if prior:
        return prior[-1][2]
    named = [a for a in actors if a.type in _BODY_TYPES and _named(a) and a.mentions and _fits(a, noun, btype)]
    return named[0] if len(named) == 1 else None
