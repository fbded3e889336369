"""A proposition for every claim: predicate and slots read from the parse of its content clause.

In: the spaCy ``doc`` of one article, its cleaned text, its claims (with ``quantities``/``times``
already linked), attributions, actors, quantities, times and the actors stage's
``actor_resolutions``.
Out: ``claim.proposition`` (a ``Proposition``) on every claim whose content has a predicate; each
slot's ``text == article.text[start:end]``.

- The content clause: for an attributed claim the attribution's content inside the claim (the
  proposition is what was said, not the saying); else the claim span. Its predicate is the root of
  that span, followed down through reporting verbs ("officials said that X ...": X's verb) and
  "going to" (future modality). A stance cue whose content is a plain noun object ("critics
  opposed the plan") is itself the predicate.
- The predicate's ``head`` is normalised: a phrasal verb keeps its particle ("shoot down"); a light
  verb with an event noun as object folds to that noun's verb ("carried out an attack" -> attack,
  ``data/en/proposition_words.yaml``); a noun root is its verb ("the destruction of the dam" ->
  destroy); a copula is "be" with the complement as ``attribute``, and so is a small clause after
  a reporting verb ("called the plan a waste" -> the plan be a waste).
- Agent: the active subject or the passive "by" phrase (a subject-less participle or conjunct
  clause borrows its head verb's subject). Patient: the object, the passive subject, the subject
  of a copula, or the object of "on"/"against" ("fired on the convoy"; never a date).
- Place: a place-entity (GPE/LOC/FAC) phrase after a place preposition, hanging from the predicate
  through phrases only (not from a relative clause) and not inside an argument; time and
  quantity: the claim's first linked TimeExpr/Quantity inside the content; each with its record id.
- Polarity: "denied" when the predicate is negated, an argument starts with a negative word ("No
  one was hurt") or the cue is a denial (not both); modality: a modal auxiliary with its class;
  hedge: the first hedge word of the claim.
- Argument slots name the per-article actor whose mention they hold (pronouns through the actors
  stage's resolutions); ``link_actors`` maps these ids to dossier actors.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..data import load_yaml
from ..models import Claim, PropSlot, Proposition
from ..lexicon.units import share
from .lexicon import cues
from .segment import doc_text


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
        "catenative_modals": {k.lower(): v for k, v in (raw.get("catenative_modals") or {}).items()},
        "negative_words": {w.lower() for w in raw.get("negative_words") or []},
    }


_SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_SKIP_RIGHT = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis"}
_CLAUSES = {"relcl", "appos", "acl", "advcl", "ccomp", "parataxis", "conj", "xcomp"}
_KEEP_RIGHT = {"compound", "amod", "nummod", "flat", "nmod", "case", "poss"}


def _slot(doc, a: int, b: int, head: Optional[str] = None, **kw) -> Optional[PropSlot]:
    """The slot over tokens ``doc[a:b]`` (character offsets of the text)."""
    if b <= a:
        return None
    s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
    return PropSlot(text=doc_text(doc)[s:e], start=s, end=e, head=head, **kw)


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
        if c.dep_ == "prep" and c.lower_ == "of" and _pobj(c) is not None:
            right = max(right, _phrase(_pobj(c), lo, hi)[1] - 1)  # "the cities of A, B and C", not what follows them
        elif c.dep_ in _KEEP_RIGHT:
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


def _content_span(doc, claim: Claim, att):
    """(span of the content clause, character start, character end): the largest part of the
    attribution's content inside the claim, else the claim."""
    cs, ce = claim.start, claim.end
    if att is not None and att.content:
        parts = [(max(c.start, cs), min(c.end, ce)) for c in att.content if c.start < ce and c.end > cs]
        parts = [p for p in parts if p[1] - p[0] > 3]
        if parts:
            cs, ce = max(parts, key=lambda p: p[1] - p[0])
    span = doc.char_span(cs, ce, alignment_mode="contract")
    if span is None or len(span) == 0:
        span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
        cs, ce = claim.start, claim.end
    return span, cs, ce


def _frame(root, span):
    """(predicate token, normalised head, the verb that carries subject/auxiliaries, event noun or
    None, copular complement or None, small-clause subject or None) for the content's root."""
    w = words()
    head = _verb_lemma(root)
    if root.pos_ in ("NOUN", "PROPN"):
        return root, _event_noun(root) or root.lemma_.lower(), root, root, None, None
    comp = _child(root, "attr", "acomp", "oprd")
    copula = w["copulas"].get(head) or w["copulas"].get(root.lower_)
    if copula and comp is not None:
        if _child(root, "expl") is not None and _event_noun(comp):
            return comp, _event_noun(comp), root, comp, None, None  # "there was an explosion" -> explode
        return root, copula, root, None, comp, None
    if copula:
        return root, copula, root, None, None, None  # "the program had been in operation"
    if head in w["light_verbs"]:
        obj = _child(root, "dobj") or _child(root, "nsubjpass")
        if _event_noun(obj):
            return obj, _event_noun(obj), root, obj, None, None
    if root.pos_ == "VERB" and head in cues()["verbs"]:
        comp, obj = _child(root, "oprd"), _child(root, "dobj")
        if comp is not None and obj is not None:
            return root, "be", root, None, comp, obj  # "called the plan a waste": the plan be a waste
    if root.pos_ in ("VERB", "AUX", "ADJ"):
        return root, head, root, None, None, None
    # "calling it a threat": a small clause (object + complement) with its verb outside the content
    comp = next((t for t in span if t.dep_ in ("oprd", "attr") and not (span.start <= t.head.i < span.end)), None)
    if comp is not None:
        subj = next((t for t in span if t.head.i == comp.head.i and t.dep_ in ("dobj", "nsubj")), None)
        return comp, "be", comp, None, comp, subj
    return None


def _going_to(root):
    """"are going to approach": (the xcomp verb, the "going" token) for a catenative of
    ``catenative_modals`` ("going to"), else (root, None)."""
    if root.lemma_.lower() in words()["catenative_modals"] and root.tag_ == "VBG":
        x = _child(root, "xcomp")
        if x is not None and x.pos_ in ("VERB", "AUX"):
            return x, root
    return root, None


def proposition_of(doc, claim: Claim, att=None, actor_of=None, times=None, quantities=None) -> Optional[Proposition]:
    """The proposition of ``claim`` read from ``doc`` (the parse of its article); ``att`` is its
    attribution or None, ``actor_of(token, start, end)`` gives the per-article actor id a slot
    names (or None), ``times``/``quantities`` map record ids to the article's records. None when
    the content has no usable predicate."""
    w = words()
    actor_of = actor_of or (lambda tok, s, e: None)
    span, cs, ce = _content_span(doc, claim, att)
    if span is None or len(span) == 0:
        return None
    cue_i = None
    if att is not None and att.cue_start is not None:
        cue = doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
        cue_i = cue.root.i if cue is not None else None
    lo, hi = span.sent.start, span.sent.end
    root, going = _going_to(_predicate_token(span, cue_i))
    if cue_i is not None and root.pos_ in ("NOUN", "PROPN") and not _event_noun(root) and root.head.i == cue_i \
            and root.dep_ in ("dobj", "obj") and doc[cue_i].pos_ == "VERB":
        root = doc[cue_i]  # "critics opposed the plan": the stance is the proposition, its object the patient
    frame = _frame(root, span)
    if frame is None:
        return None
    pred_tok, head, verb, nominal, attribute, small_subj = frame
    predicate = _slot(doc, pred_tok.i, pred_tok.i + 1, head=head)
    agent, patient = _arguments(doc, verb, nominal, attribute, small_subj, lo, hi, actor_of)
    attr_slot = None
    if attribute is not None:
        a, b = _phrase(attribute, lo, hi)
        attr_slot = _slot(doc, a, b, head=_noun_head(attribute))
    taken = [x for x in (agent, patient, attr_slot) if x is not None]
    place = _place(doc, pred_tok, verb, span, taken)
    neg, polarity = _polarity(doc, verb, att, (agent, patient, attr_slot))
    modal = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
    if modal is None and going is not None:
        modal = going
    modality = None
    if modal is not None:
        cls = w["modals"].get(modal.lower_) or w["modals"].get(modal.lemma_.lower()) or w["catenative_modals"].get(modal.lemma_.lower())
        modality = _slot(doc, modal.i, modal.i + 1, head=cls)
    return Proposition(predicate=predicate, attribute=attr_slot, agent=agent, patient=patient, place=place,
                       time=_record_slot(doc_text(doc), claim.times, times or {}, cs, ce, "time"),
                       quantity=_record_slot(doc_text(doc), claim.quantities, quantities or {}, cs, ce, "quantity"),
                       polarity=polarity, negation=neg, modality=modality, hedge=_hedge(doc, claim))


def _arguments(doc, verb, nominal, attribute, small_subj, lo, hi, actor_of) -> tuple[Optional[PropSlot], Optional[PropSlot]]:
    """(agent, patient) of the predicate by voice (see module doc)."""
    w = words()
    if small_subj is not None:
        return None, _arg(doc, small_subj, lo, hi, actor_of)
    subj = _child(verb, "nsubj", "csubj")
    pass_subj = _child(verb, "nsubjpass", "csubjpass")
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    if subj is None and pass_subj is None and verb.dep_ in ("conj", "advcl", "xcomp", "acl") and verb.head.i != verb.i:
        # "..., killing five": the participle borrows its head's subject
        up = verb.head
        subj = _child(up, "nsubj")
        if subj is None and _child(up, "nsubjpass") is not None and verb.dep_ == "conj":
            pass_subj = _child(up, "nsubjpass")
    if attribute is not None or (nominal is None and words()["copulas"].get(_verb_lemma(verb))):
        return None, _arg(doc, subj or pass_subj, lo, hi, actor_of)  # a copula's subject is its theme
    if nominal is not None and nominal is not verb:
        # light verb: "X carried out an attack on Y" / "an attack on Y was carried out by X"
        agent_tok = _pobj(by) if by is not None else (subj if nominal.dep_ != "nsubj" else None)
        return _arg(doc, agent_tok, lo, hi, actor_of), _noun_patient(doc, nominal, verb, lo, hi, actor_of)
    if nominal is not None:
        poss = _child(nominal, "poss")
        by_np = next((c for c in nominal.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None)
        agent_tok = poss if poss is not None else (_pobj(by_np) if by_np is not None else None)
        return _arg(doc, agent_tok, lo, hi, actor_of), _noun_patient(doc, nominal, None, lo, hi, actor_of)
    if pass_subj is not None:
        return _arg(doc, _pobj(by) if by is not None else None, lo, hi, actor_of), _arg(doc, pass_subj, lo, hi, actor_of)
    obj = _child(verb, "dobj", "obj")
    if obj is None:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in w["patient_preps"]
                     and _pobj(c) is not None and not _is_place(_pobj(c)) and not _is_time(_pobj(c))), None)
        obj = _pobj(prep) if prep is not None else None
    return _arg(doc, subj, lo, hi, actor_of), _arg(doc, obj, lo, hi, actor_of)


def _is_place(tok) -> bool:
    return tok.ent_type_ in words()["place_labels"]


def _is_time(tok) -> bool:
    return tok.ent_type_ in ("DATE", "TIME")


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
                if obj is not None and not _is_time(obj) and not (_is_place(obj) and c.lower_ in w["place_preps"] and owner is verb):
                    return _arg(doc, obj, lo, hi, actor_of)
    return None


def _place(doc, pred_tok, verb, span, taken) -> Optional[PropSlot]:
    """The first place phrase ("in the Kursk region") on the predicate, else anywhere in the content;
    never one that overlaps an argument slot in ``taken`` ("an attack on the pipelines")."""
    w = words()
    preps = [c for owner in dict.fromkeys((pred_tok, verb)) for c in owner.children
             if c.dep_ == "prep" and c.lower_ in w["place_preps"]]
    preps += [t for t in span if t.dep_ == "prep" and t.lower_ in w["place_preps"] and t not in preps
              and _attached(t, verb)]
    for p in preps:
        obj = _pobj(p)
        if obj is None:
            continue
        a, b = _phrase(obj, span.sent.start, span.sent.end)
        ent = next((t for t in doc[a:b] if _is_place(t)), None)
        if ent is None or any(doc[a].idx < x.end and x.start < doc[b - 1].idx + len(doc[b - 1]) for x in taken):
            continue
        e = next((x for x in doc.ents if x.start <= ent.i < x.end), None)
        return _slot(doc, a, b, head=(e.text if e is not None else ent.text).lower())
    return None


def _attached(tok, verb) -> bool:
    """``tok`` hangs from ``verb`` through phrases, not through a clause of its own (relative,
    apposition, adverbial, complement, conjunct)."""
    for _ in range(12):
        if tok.i == verb.i:
            return True
        if tok.dep_ in _CLAUSES or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _polarity(doc, verb, att, args) -> tuple[Optional[PropSlot], str]:
    """(negation slot, polarity): a negated predicate, an argument that starts with a negative
    word ("No one was hurt", "found no pattern") or a denial cue (not both) deny the content; a
    denial cue that is itself the predicate ("denied the allegations") denies nothing more."""
    neg_words = cues()["negations"]
    neg = next((c for c in verb.children if c.dep_ == "neg" or (c.lower_ in neg_words and c.dep_ in ("neg", "advmod"))), None)
    if neg is None:
        negative = words()["negative_words"]
        for slot in args:
            first = doc.char_span(slot.start, slot.end, alignment_mode="contract") if slot is not None else None
            if first is not None and len(first) and first[0].lower_ in negative:
                neg = first[0]
                break
    denial = None
    if att is not None and att.cue_start is not None:
        cue = doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
        if cue is not None and cue.root.i != verb.i and cues()["verbs"].get(cue.root.lemma_.lower(), {}).get("class") == "denial" \
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
    head = r.unit
    if share(value, r.unit) is not None:  # "54%" and "about half" compare as shares: 0.54, 0.5
        value, head = share(value, r.unit), "fraction"
    return PropSlot(text=text[r.start:r.end], start=r.start, end=r.end, ref=r.id, head=head,
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
