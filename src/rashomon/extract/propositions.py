"""A proposition for every claim: predicate and slots read from the parse of its content clause.

In: the spaCy ``doc`` of one article, its cleaned text, its claims (with ``quantities``/``times``
already linked), attributions, actors, quantities, times and the actors stage's
``actor_resolutions``.
Out: ``claim.proposition`` (a ``Proposition``) on every claim whose content has a predicate; each
slot's ``text == article.text[start:end]``.

- The content clause: for an attributed claim the attribution's content inside the claim (the
  proposition is what was said, not the saying); else the claim span. Its predicate is the root of
  that span, followed down through reporting verbs ("officials said that X ...": X's verb).
- The predicate's ``head`` is normalised: a phrasal verb keeps its particle ("shoot down"); a light
  verb with an event noun as object folds to that noun's verb ("carried out an attack" -> attack,
  ``data/en/proposition_words.yaml``); a noun root is its verb ("the destruction of the dam" ->
  destroy); a copula is "be" with the complement as ``attribute``.
- Agent: the active subject or the passive "by" phrase (a subject-less participle or conjunct
  clause borrows its head verb's subject). Patient: the object, the passive subject, the subject
  of a copula, or the object of "on"/"against" ("fired on the convoy").
- Place: a place-entity (GPE/LOC/FAC) phrase after a place preposition; time and quantity: the
  claim's first linked TimeExpr/Quantity inside the content; each with its record id.
- Polarity: "denied" when the predicate is negated or the cue is a denial (not both); modality:
  a modal auxiliary with its class; hedge: the first hedge word of the claim.
- Argument slots name the per-article actor whose mention they hold (pronouns through the actors
  stage's resolutions); ``link_actors`` maps these ids to dossier actors.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..data import load_yaml
from ..models import Claim, PropSlot, Proposition
from .lexicon import cues


@lru_cache(maxsize=1)
def words() -> dict:
    """The word lists of ``data/en/proposition_words.yaml`` as sets and maps (lower-case)."""
    raw = load_yaml("proposition_words.yaml", "en")
    return {
        "light_verbs": {w.lower() for w in raw.get("light_verbs") or []},
        "copulas": {k.lower(): v for k, v in (raw.get("copulas") or {}).items()},
        "modals": {k.lower(): v for k, v in (raw.get("modals") or {}).items()},
        "place_preps": {w.lower() for w in raw.get("place_preps") or []},
        "place_labels": set(raw.get("place_labels") or []),
        "patient_preps": {w.lower() for w in raw.get("patient_preps") or []},
        "noun_patient_preps": {w.lower() for w in raw.get("noun_patient_preps") or []},
        "partitives": {w.lower() for w in raw.get("partitives") or []},
        "nominalisations": {k.lower(): v.lower() for k, v in (raw.get("nominalisations") or {}).items()},
    }


_SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_SKIP_RIGHT = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis"}
_KEEP_RIGHT = {"compound", "amod", "nummod", "flat", "nmod", "case", "poss"}


def _slot(doc, a: int, b: int, head: Optional[str] = None, **kw) -> Optional[PropSlot]:
    """The slot over tokens ``doc[a:b]`` (character offsets of the text)."""
    if b <= a:
        return None
    s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    return PropSlot(text=doc.text[s:e], start=s, end=e, head=head, **kw)


def _phrase(tok, lo: int, hi: int) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok``: its left modifiers and, on the right, only
    compounds and "of" phrases (no relative clause, apposition or conjunct); kept within [lo, hi)."""
    left = tok.i
    for c in tok.lefts:
        if c.dep_ not in ("punct", "cc", "preconj"):
            left = min(left, c.left_edge.i)
    right = tok.i
    for c in tok.rights:
        if c.dep_ in _SKIP_RIGHT:
            break
        if c.dep_ in _KEEP_RIGHT or (c.dep_ == "prep" and c.lower_ == "of"):
            right = max(right, c.right_edge.i)
        else:
            break
    left, right = max(left, lo), min(right, hi - 1)
    while left < right and tok.doc[left].is_punct:
        left += 1
    while right > left and tok.doc[right].is_punct:
        right -= 1
    return left, right + 1


def _noun_head(tok) -> str:
    """Lemma of the head noun; a partitive keeps its own head ("a section of the bridge" -> section)."""
    return tok.lemma_.lower() if tok.pos_ != "PROPN" else tok.text.lower()


def _arg(doc, tok, lo, hi, actor_of) -> Optional[PropSlot]:
    if tok is None:
        return None
    a, b = _phrase(tok, lo, hi)
    slot = _slot(doc, a, b, head=_noun_head(tok))
    if slot is not None:
        slot.actor = actor_of(tok, slot.start, slot.end)
    return slot


def _child(tok, *deps):
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj(prep):
    return _child(prep, "pobj", "pcomp")


def _reporting(tok) -> bool:
    return tok.lemma_.lower() in cues()["verbs"]


def _predicate_token(span, cue_i: Optional[int]):
    """The content's predicate token: the span root, followed down through reporting verbs (the cue
    itself included) to their complement clause inside the span."""
    r = span.root
    for _ in range(4):
        if r.i == cue_i or (_reporting(r) and r.pos_ == "VERB"):
            comp = next((c for c in r.children if c.dep_ in ("ccomp", "xcomp") and span.start <= c.i < span.end), None)
            if comp is None and r.i == cue_i:
                # "according to X, Y ...": the cue is outside the content; take the clause beside it
                comp = next((c for c in span if c.dep_ in ("ROOT", "ccomp", "conj") and c.i != r.i
                             and c.pos_ in ("VERB", "AUX")), None)
            if comp is None:
                break
            r = comp
        else:
            break
    return r


def _verb_lemma(tok) -> str:
    lemma = tok.lemma_.lower()
    prt = [c.lower_ for c in tok.children if c.dep_ == "prt"]
    return f"{lemma} {prt[0]}" if prt else lemma


def _event_noun(tok) -> Optional[str]:
    """The verb an event noun names ("destruction" -> destroy), or None when ``tok`` is no listed
    event noun."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    return words()["nominalisations"].get(tok.lemma_.lower())


def proposition_of(doc, claim: Claim, att=None, actor_of=None, times=None, quantities=None) -> Optional[Proposition]:
    """The proposition of ``claim`` read from ``doc`` (the parse of its article); ``att`` is its
    attribution or None, ``actor_of(token, start, end)`` gives the per-article actor id a slot
    names (or None), ``times``/``quantities`` map record ids to the article's records. None when
    the content has no usable predicate."""
    w = words()
    actor_of = actor_of or (lambda tok, s, e: None)
    times, quantities = times or {}, quantities or {}
    cs, ce = claim.start, claim.end
    if att is not None and att.content:
        parts = [(max(c.start, cs), min(c.end, ce)) for c in att.content if c.start < ce and c.end > cs]
        parts = [p for p in parts if p[1] - p[0] > 3]
        if parts:
            cs, ce = max(parts, key=lambda p: p[1] - p[0])
    span = doc.char_span(cs, ce, alignment_mode="contract") or doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    cue_i = None
    if att is not None and att.cue_start is not None:
        cue = doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
        cue_i = cue.root.i if cue is not None else None
    sent = span.sent
    lo, hi = sent.start, sent.end
    root = _predicate_token(span, cue_i)
    verb = root  # the token that carries auxiliaries, negation, subject
    nominal = None  # the event noun when the predicate is a noun
    attribute = None
    head = _verb_lemma(root)
    if root.pos_ in ("NOUN", "PROPN"):
        nominal = root
        head = _event_noun(root) or root.lemma_.lower()
    elif head in w["copulas"] and _child(root, "attr", "acomp", "oprd") is not None:
        comp = _child(root, "attr", "acomp", "oprd")
        if _child(root, "expl") is not None and _event_noun(comp):
            nominal, head = comp, _event_noun(comp)  # "there was an explosion" -> explode
        else:
            head, attribute = w["copulas"][head], comp
    elif head in w["light_verbs"]:
        obj = _child(root, "dobj") or _child(root, "nsubjpass")
        if _event_noun(obj):
            nominal, head = obj, _event_noun(obj)
    if root.pos_ not in ("VERB", "AUX", "NOUN", "PROPN", "ADJ"):
        return None
    pred_tok = nominal if nominal is not None else root
    predicate = _slot(doc, pred_tok.i, pred_tok.i + 1, head=head)
    # a particle ("shot ... down") is part of the predicate's head but the slot is the verb itself
    subj = _child(verb, "nsubj", "csubj")
    pass_subj = _child(verb, "nsubjpass", "csubjpass")
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    if subj is None and pass_subj is None and verb.dep_ in ("conj", "advcl", "xcomp", "acl") and verb.head.i != verb.i:
        # "..., killing five": the participle borrows its head's subject
        up = verb.head
        subj = _child(up, "nsubj")
        if subj is None and _child(up, "nsubjpass") is not None and verb.dep_ == "conj":
            pass_subj = _child(up, "nsubjpass")
    agent = patient = None
    if attribute is not None:
        patient = _arg(doc, subj or pass_subj, lo, hi, actor_of)
    elif nominal is not None and nominal is not root:
        # light verb: "X carried out an attack on Y" / "an attack on Y was carried out by X"
        agent_tok = _pobj(by) if by is not None else (subj if nominal.dep_ != "nsubj" else None)
        agent = _arg(doc, agent_tok, lo, hi, actor_of)
        patient = _noun_patient(doc, nominal, verb, lo, hi, actor_of)
    elif nominal is not None:
        poss = _child(nominal, "poss")
        by_np = next((c for c in nominal.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None)
        agent = _arg(doc, poss if poss is not None else (_pobj(by_np) if by_np is not None else None), lo, hi, actor_of)
        patient = _noun_patient(doc, nominal, None, lo, hi, actor_of)
    else:
        if pass_subj is not None:
            agent = _arg(doc, _pobj(by) if by is not None else None, lo, hi, actor_of)
            patient = _arg(doc, pass_subj, lo, hi, actor_of)
        else:
            agent = _arg(doc, subj, lo, hi, actor_of)
            obj = _child(verb, "dobj", "obj")
            if obj is None:
                prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in w["patient_preps"]
                             and _pobj(c) is not None and not _is_place(_pobj(c))), None)
                obj = _pobj(prep) if prep is not None else None
            patient = _arg(doc, obj, lo, hi, actor_of)
    attr_slot = None
    if attribute is not None:
        a, b = _phrase(attribute, lo, hi)
        attr_slot = _slot(doc, a, b, head=_noun_head(attribute))
    place = _place(doc, pred_tok, verb, span)
    neg, polarity = _polarity(doc, verb, att)
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
    modality = _slot(doc, modal.i, modal.i + 1, head=w["modals"].get(modal.lower_, modal.lemma_.lower())) if modal is not None else None
    hedge = _hedge(doc, claim)
    time = _record_slot(doc.text, claim.times, times, cs, ce, "time")
    quantity = _record_slot(doc.text, claim.quantities, quantities, cs, ce, "quantity")
    return Proposition(predicate=predicate, attribute=attr_slot, agent=agent, patient=patient, place=place,
                       time=time, quantity=quantity, polarity=polarity, negation=neg, modality=modality, hedge=hedge)


def _is_place(tok) -> bool:
    return tok.ent_type_ in words()["place_labels"]


def _noun_patient(doc, nominal, verb, lo, hi, actor_of) -> Optional[PropSlot]:
    """The patient of an event noun: the object of "on"/"against"/"of" after it (or after the light
    verb: "launched an attack on Y", where the parser may hang "on Y" on the verb)."""
    w = words()
    for owner in (nominal, verb):
        if owner is None:
            continue
        for c in owner.children:
            if c.dep_ == "prep" and c.lower_ in w["noun_patient_preps"] and (owner is nominal or c.lower_ != "of"):
                obj = _pobj(c)
                if obj is not None and not (_is_place(obj) and c.lower_ in w["place_preps"] and owner is verb):
                    return _arg(doc, obj, lo, hi, actor_of)
    return None


def _place(doc, pred_tok, verb, span) -> Optional[PropSlot]:
    """The first place phrase ("in the Kursk region") on the predicate, else anywhere in the content."""
    w = words()
    preps = [c for owner in dict.fromkeys((pred_tok, verb)) for c in owner.children
             if c.dep_ == "prep" and c.lower_ in w["place_preps"]]
    preps += [t for t in span if t.dep_ == "prep" and t.lower_ in w["place_preps"] and t not in preps]
    for p in preps:
        obj = _pobj(p)
        if obj is None:
            continue
        a, b = _phrase(obj, span.sent.start, span.sent.end)
        ent = next((t for t in doc[a:b] if _is_place(t)), None)
        if ent is None:
            continue
        e = next((x for x in doc.ents if x.start <= ent.i < x.end), None)
        return _slot(doc, a, b, head=(e.text if e is not None else ent.text).lower())
    return None


def _polarity(doc, verb, att) -> tuple[Optional[PropSlot], str]:
    """(negation slot, polarity): a negated predicate or a denial cue (not both) deny the content."""
    neg_words = cues()["negations"]
    neg = next((c for c in verb.children if c.dep_ == "neg" or (c.lower_ in neg_words and c.dep_ in ("neg", "advmod"))), None)
    denial = None
    if att is not None and att.cue_start is not None:
        cue = doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
        if cue is not None and cues()["verbs"].get(cue.root.lemma_.lower(), {}).get("class") == "denial" \
                and not any(c.dep_ == "neg" for c in cue.root.children):
            denial = cue.root
    if (neg is None) == (denial is None):
        return None, "asserted"
    tok = neg if neg is not None else denial
    return _slot(doc, tok.i, tok.i + 1, head=tok.lemma_.lower()), "denied"


def _hedge(doc, claim: Claim) -> Optional[PropSlot]:
    """The first hedge word inside the claim ("reportedly"), as ``claims._hedges`` reads them."""
    hedges = cues()["hedges"]
    span = doc.char_span(claim.start, claim.end, alignment_mode="contract")
    for t in span or ():
        if t.lower_ in hedges and (t.pos_ in ("ADV", "VERB", "AUX") or t.lower_ in claim.hedges):
            return _slot(doc, t.i, t.i + 1, head=t.lower_)
    return None


def _record_slot(text: str, ids: list[str], records: dict, cs: int, ce: int, kind: str) -> Optional[PropSlot]:
    """The first linked time/quantity record inside the content [cs, ce) (one in the saying,
    "said on Monday that ...", is not the content's)."""
    recs = [records[i] for i in ids if i in records]
    inside = [r for r in recs if cs <= r.start and r.end <= ce]
    if not inside:
        return None
    r = min(inside, key=lambda r: r.start)
    if kind == "time":
        return PropSlot(text=text[r.start:r.end], start=r.start, end=r.end, ref=r.id, value=r.value)
    value = r.value if r.value is not None else r.low
    return PropSlot(text=text[r.start:r.end], start=r.start, end=r.end, ref=r.id, head=r.unit,
                    value=None if value is None else f"{value:g}")


def add_propositions(state) -> None:
    """Set ``claim.proposition`` on every claim of ``state.ann`` (see module doc); called by the
    claims stage once claims and their time/quantity links exist."""
    doc, ann = state.doc, state.ann
    if doc is None:
        return
    atts = {a.id: a for a in ann.attributions}
    mentions = sorted((m.start, m.end, a.id) for a in ann.actors for m in a.mentions)
    resolved = {k: v[0] for k, v in (getattr(state, "actor_resolutions", None) or {}).items()}

    def actor_of(tok, s: int, e: int) -> Optional[str]:
        t0, t1 = tok.idx, tok.idx + len(tok.text)
        for (ms, me), aid in resolved.items():
            if ms <= t0 and t1 <= me and s <= ms:
                return aid
        inside = [m for m in mentions if s <= m[0] and m[1] <= e]
        best = next((m for m in inside if m[0] <= t0 and t1 <= m[1]), None) or (inside[0] if inside else None)
        return best[2] if best else None

    times = {t.id: t for t in ann.times or []}
    quantities = {q.id: q for q in ann.quantities or []}
    for c in ann.claims:
        c.proposition = proposition_of(doc, c, atts.get(c.attribution) if c.attribution else None,
                                       actor_of, times, quantities)
