"""Whether a denial can be aimed at a claim: the two must share the denied proposition.

A negated claim ("the bridge was not destroyed") or a denial told as a cue ("the ministry denied
that its troops shelled the market") carries the proposition it rejects; it contradicts only a
claim asserting that proposition (the same predicate), not any claim on the same topic ("he has
not spoken much about animals" does not deny "we will see our animals again"). A negated claim
about a report itself ("the story is not an accurate account") is a rebuttal of whatever that
report says and is aimed by topic, as rebuttal verbs are. A rebuttal whose object only points
back ("debunked that rumour", "raises doubts about that scenario") has no words of its own to be
matched: its target is what the same article reported just before, or a claim of the source it
names.

In: ``ClaimView`` records (``relations.context``) whose claims carry ``Proposition`` records
(``extract.propositions``). Out: booleans for ``relations.rules.denial_findings``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ...data import load_yaml
from ...models import Proposition
from ..proposition_match import predicates_match
from .context import ClaimView
from .lexicon import find_terms, lexicon, tokens

_WORDS = load_yaml("relation_words.yaml", "en")


def _prop(v: ClaimView) -> Optional[Proposition]:
    return v.claim.proposition


def _stem(word: str) -> str:
    """The first five letters of a lower-cased word ("burrowed" / "burrow" meet)."""
    return word.lower()[:5]


@lru_cache(maxsize=100_000)
def _said_stems(text: str) -> frozenset:
    """The stems (``_stem``) of the words of ``text``, worked out once per text (a denial is
    tested against every claim of its event)."""
    return frozenset(_stem(w) for w in tokens(text))


def _head_words(p: Proposition) -> list[str]:
    """The content words of a predicate head ("shoot down" -> ["shoot", "down"])."""
    return [w for w in tokens(p.predicate.head or p.predicate.text) if len(w) > 2]


def is_report_about_claim(v: ClaimView) -> bool:
    """The claim's proposition is about a statement or report itself ("the story is not an
    accurate account", "the claim was not true"): its patient, agent or attribute is headed by a
    claim noun (``claim_nouns`` of ``data/en/relation_words.yaml``), or it denies that something
    was said ("he never mentioned animals": a negated ``statement_verbs`` predicate)."""
    p = _prop(v)
    if p is None:
        return False
    if p.polarity == "denied" and (p.predicate.head or "").lower() in (_WORDS.get("statement_verbs") or []):
        return True  # "he did not refer to animals in his remarks": a denial that it was said
    nouns = _WORDS.get("claim_nouns") or []
    for slot in (p.patient, p.agent, p.attribute):
        if slot is not None and find_terms((slot.head or "").lower(), nouns):
            return True
    return False


def negates_predicate(x: ClaimView) -> bool:
    """The negation of ``x`` is on its own predicate (the proposition is ``denied``), not in a side
    clause ("he lost contact and couldn't hear": the loss is asserted)."""
    p = _prop(x)
    return p is not None and p.polarity == "denied"


def _slot_said(slot, said: set) -> bool:
    """The slot's head word (or, for a pronoun or an empty slot, nothing to check) occurs among
    the stems ``said``."""
    if slot is None:
        return True
    head = (slot.head or "").lower()
    if not head or head in (_WORDS.get("pronouns") or []):
        return True
    return _stem(head) in said


def shares_predicate(x: ClaimView, y: ClaimView) -> bool:
    """``y`` asserts the predicate that ``x`` negates: the same or a synonym predicate head
    (``proposition_match.predicates_match``), or the words of ``x``'s head occur in ``y``'s text
    together with the head of its agent and patient ("A spider did not burrow under his skin" /
    "Spider burrowed into scar, crawled ..."). A predicate that says little by itself (``be``,
    ``have``: ``generic_predicates`` of ``data/en/relation_words.yaml``) also needs its attribute
    or patient in ``y`` ("this is not the first time ..." does not deny "the lie is this: ...")."""
    px, py = _prop(x), _prop(y)
    if px is None:
        return False
    said = _said_stems(y.text)
    head = (px.predicate.head or "").lower()
    if head in (_WORDS.get("generic_predicates") or []):
        filled = [s for s in (px.attribute, px.patient) if s is not None and (s.head or "").lower() not in (_WORDS.get("pronouns") or [])]
        if not filled or not all(_slot_said(s, said) for s in filled):
            return False
    if py is not None and predicates_match(px.predicate.head, py.predicate.head):
        return True
    heads = _head_words(px)
    return (bool(heads) and all(_stem(w) in said for w in heads)
            and _slot_said(px.agent, said) and _slot_said(px.patient, said))


def negation_aims_at(x: ClaimView, y: ClaimView) -> bool:
    """A negated claim ``x`` (or one whose cue is a denial) can contradict ``y``: it rejects a
    statement or report by topic (``is_report_about_claim``), or its negation is on its predicate
    and ``y`` asserts that predicate without negating it."""
    if _prop(x) is None:
        return True  # no proposition read (no predicate): only the similarity rule of the caller
    if is_report_about_claim(x):
        return True
    py = _prop(y)
    return negates_predicate(x) and shares_predicate(x, y) and (py is None or py.polarity != "denied")


def negation_targets(x: ClaimView, ys: list[ClaimView]) -> list[ClaimView]:
    """The claims of ``ys`` (in their order) that ``x`` can contradict: ``negation_aims_at(x, y)``
    for each, with what depends on ``x`` alone decided once."""
    if _prop(x) is None or is_report_about_claim(x):
        return list(ys)
    if not negates_predicate(x):
        return []
    return [y for y in ys if shares_predicate(x, y) and (_prop(y) is None or _prop(y).polarity != "denied")]


def debunks(v: ClaimView) -> bool:
    """The claim itself calls something false, made up or mistaken ("a hoax video", "it turned out
    the minister had not said so": ``debunk_words`` of ``data/en/relation_words.yaml``): it sides
    with any rebuttal of the same thing and is never a rebuttal's target."""
    return bool(find_terms(v.text, _WORDS.get("debunk_words") or []))


def falsity_hits(text: str) -> list[tuple[int, int, str]]:
    """Matches of ``falsity_words`` (``data/en/relation_words.yaml``) in ``text``: words by which a
    claim says a statement is false ("the lie is this: that ...", "defies logic", "there is no
    evidence"), as ``(start, end, matched text)`` offsets into ``text``."""
    return find_terms(text, _WORDS.get("falsity_words") or [])


def roles_hold(rebuttal_cluster: list[ClaimView], target_cluster: list[ClaimView], rejects: dict[int, bool]) -> bool:
    """A denial lifted to its two clusters keeps its sense: a larger share of the rebuttal's
    cluster rejects something than of the target's cluster (``rejects``: ``id(view)`` -> whether
    that claim is a rebuttal, a denial or a debunking). When the target's cluster rejects as much
    as the rebuttal's (both mix the claim with its rebuttal), the relation would join the articles
    of one position with each other."""
    def share(vs: list[ClaimView]) -> float:
        return sum(rejects[id(v)] for v in vs) / (len(vs) or 1)

    return share(rebuttal_cluster) > share(target_cluster)


def said_denials(text: str) -> list[tuple[int, int, str]]:
    """Matches of ``denial.said`` in ``text`` ("had not made the comment", "never said"): a
    denial that a statement was made, which rebuts the reports of that statement. A match followed
    by a question word ("did not say when ...": ``denial.open_objects``) is left out."""
    den = lexicon().get("denial") or {}
    out = []
    for s, e, m in find_terms(text, den.get("said", [])):
        after = tokens(text[e:])[:1]
        if after and find_terms(after[0], den.get("open_objects", [])):
            continue
        out.append((s, e, m))
    return out


def object_points_back(x: ClaimView, verbs: list) -> bool:
    """The rebuttal's object is only a pointer to something said before ("debunked that rumour",
    "rejected them", "raises doubts about that scenario"): a demonstrative or pronoun, or a
    demonstrative with a claim noun, right after one of its rebuttal ``verbs`` (or inside the
    three words after it), with nothing after the noun that says what it is ("the claims of
    recapture", "the reports that ...")."""
    den = lexicon().get("denial") or {}
    demonstratives = _WORDS.get("demonstratives") or []
    nouns = _WORDS.get("claim_nouns") or []
    for _s, e, _ in verbs:
        after = tokens(x.text[e:])[:5]
        if after[:1] and after[0] in (_WORDS.get("object_prepositions") or []):
            after = after[1:]  # "raises doubts about that scenario"
        if not after:
            continue
        if after[0] in (_WORDS.get("pointer_pronouns") or []) and (len(after) == 1 or not find_terms(after[1], nouns)):
            return True
        if find_terms(after[0], demonstratives) and len(after) > 1 and find_terms(after[1], nouns):
            return len(after) <= 2 or after[2] not in den.get("object_links", [])
    return False
