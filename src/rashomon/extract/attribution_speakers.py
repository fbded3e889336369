"""Who speaks: the speaker of a reporting verb and the actor it names.

In: spaCy tokens (a cue verb, its subject) and the article's ``state`` (``ann.actors``,
``actor_resolutions``). Out: the speaker's head token and tokens (subject, inverted or inherited
subject, conjuncts), whether a token can speak, whether two findings share a speaker, and a
``Speaker`` record (mention span, resolved actor, canonical name, how it was resolved, with a
fallback antecedent for pronouns).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from ..models import Speaker
from .actors import actor_finder
from .attribution_descriptions import person_for_description
from .attribution_partitives import _PARTITIVE, partitive_name
from .lexicon import actor_lexicon, cues
from .attribution_spans import _Found, _WORDS, _clean, _in_dateline, _in_spans, _is_cue_verb, _quote_spans

_REL_PRONOUNS = {"who", "which", "that", "whom"}
_SPEAKER_STOP_DEPS = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj"}
_OFFICE_NOUNS = {"office", "offices", "chambers"}


def _subject(verb):
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and verb.lemma_ != "quote":
        # "reporters were told by Colonel X that ...": the agent speaks, not the passive subject
        for c in verb.children:
            if c.dep_ == "agent":
                agent = [p for p in c.children if p.dep_ == "pobj"]
                if agent:
                    return agent[0]
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and not (c.dep_ == "nsubjpass" and verb.lemma_ == "quote"):
            if _in_dateline(c):
                # "WASHINGTON -- Donald Trump said": the place is not the speaker; the parser may
                # hang the real subject on it as an apposition
                alt = [a for a in c.children if a.dep_ in ("appos", "conj") and not _in_dateline(a)]
                if alt:
                    return alt[0]
                continue
            return c
    return None


def _inverted_subject(verb):
    """The speaker of an inverted attribution the parser read as an object:
    '"...," summarized Roe.' -> Roe (a name right after a cue verb that follows a quotation)."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in ("\"", "”", ",", "’", "'"):
        return None
    for c in verb.rights:
        if c.dep_ in ("dobj", "attr", "npadvmod", "oprd", "nsubj") and c.i <= verb.i + 4 and (
                c.pos_ == "PROPN" or c.ent_type_ == "PERSON" or c.lower_ in actor_lexicon()["titles"]
                or (c.pos_ == "NOUN" and c.lower_ in cues()["speaking_documents"]
                    and any(d.lower_ in ("the", "this", "that", "its", "their") for d in c.lefts))):
            return c  # '"...," reads the report': a document named after its cue
    return None


_PERSON_SUFFIXES = tuple(_WORDS["person_suffixes"])
_ASCRIBING = set(_WORDS["ascribing_participles"])
_SHARES = set(_WORDS["share_words"])


def _can_speak(tok) -> bool:
    """True when the subject of a cue verb can say something: a name, a personal pronoun, a
    title, a body or people noun, or a document that speaks ("the report said"); False for
    other inanimate nouns ("the bill ... denying", "the remarks ask")."""
    if tok is None:
        return True
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC") or tok.pos_ == "PROPN":
        return True
    low = tok.lower_
    if tok.pos_ == "PRON":
        return low in tuple(_WORDS["speaking_pronouns"])
    if tok.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ", "DET"):
        return True
    if tok.lower_ in _PARTITIVE and partitive_name(tok, _animate) is not None:
        return True  # "Five of them said", "Of the seven agencies, five said": part of a group
    if _share_of_people(tok):
        return True  # "half of the voters said", "Six in 10 say": a share of people polled
    if tok.text[:1].isupper() and tok.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in tok.children):
        return True  # a name the tagger took for a noun ("Ruiz said"): a bare singular noun is no subject
    if tok.text[:1].isupper() and (any(ch.isupper() for ch in tok.text[1:]) or not tok.is_sent_start):
        return True  # "HuffPost", "NATO", a capitalised word inside a sentence: a name
    lex = actor_lexicon()
    c = cues()
    lemma = tok.lemma_.lower()
    if (low in lex["titles"] or low in lex["body_nouns"] or lemma in lex["body_nouns"] or lemma in lex["titles"]
            or low in c["speaker_nouns"] or lemma in c["speaker_nouns"] or low in c["report_nouns"]
            or low in c["speaking_documents"] or lemma in c["speaking_documents"]):
        return True
    return low.endswith(_PERSON_SUFFIXES) and len(low) > 4


def _share_of_people(tok) -> bool:
    """True for a share of a group of people as a subject: a share word (``share_words``: "half",
    "majorities", "percent") or a number with an "of" phrase naming people or bodies ("half of GOP
    voters", "large majorities of Republicans", "a third of the firms"), or a poll's "N in 10"
    ("Six in 10 say", where the parser makes "10" the subject)."""
    if tok.lemma_.lower() not in _SHARES and tok.lower_ not in _SHARES and not tok.like_num:
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            if any(p.dep_ == "pobj" and p.lower_ not in ("it", "this", "that") and _can_speak(p) and p.pos_ != "NUM"
                   for p in c.children):
                return True
    if tok.like_num:
        mods = [c for c in tok.children if c.dep_ == "quantmod"]
        return any(m.lower_ in ("in", "of") for m in mods) and any(m.like_num for m in mods)
    return False


def _inherited_subject(verb):
    """Subject for a participle/relative cue: "..., adding that" -> subject of the head verb;
    "the commander, who reported" -> "commander"."""
    subj = _subject(verb)
    if subj is not None and subj.text.lower() in _REL_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    if subj is not None:
        return subj
    if verb.dep_ == "relcl":
        return verb.head
    if (verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i
            and (verb.head.dep_ != "dobj" or _issued_report(verb.head))):
        # "despite exit polls suggesting that ...", "with officials saying ...": the noun the
        # participle modifies ("X released documents showing ..." stays X's)
        return verb.head
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and verb.tag_ in ("VBG", "VBN", "VBD", "VBZ", "VBP", "VB"):
        head = verb.head
        # "X denied that A, saying B": the participle after a comma belongs to the reporting verb
        if (verb.tag_ == "VBG" and head.dep_ == "ccomp" and _is_cue_verb(head.head)
                and verb.i > 0 and verb.doc[verb.left_edge.i - 1].text == ","):
            s = _subject(head.head)
            if s is not None:
                return s
        for _ in range(3):
            s = _subject(head)
            if s is not None and not _disagrees(verb, s):
                return s
            if head.dep_ in ("ROOT",) or head.head.i == head.i:
                break
            head = head.head
    return None


def _issued_report(noun) -> bool:
    """True for a report noun with its issuer ("rejected a report by the agency claiming ..."):
    what the participle says is the report's, not the subject's who rejected it."""
    if noun.lower_ not in cues()["report_nouns"] and noun.lemma_.lower() not in cues()["speaking_documents"]:
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i > noun.i for c in noun.children)


def _disagrees(verb, subj) -> bool:
    """True when a present-tense verb cannot have ``subj`` as its subject: "argues" (3rd person
    singular) after a plural noun ("Zaid said his clients were ... and argues that ..."): the
    parser hung the verb on the wrong clause, and the subject is further up."""
    return verb.tag_ == "VBZ" and subj.tag_ in ("NNS", "NNPS") and subj.lower_ not in ("news",)


def _speaker_head(subj):
    """The token that names the speaker: "reports from AFP" -> AFP; "AFP reports" -> AFP;
    "Ukraine's top commander, Gen. X," -> X; "Chief of the General Staff X" -> X."""
    if subj is None:
        return None
    if subj.lower_ in _REL_PRONOUNS and subj.head.dep_ == "relcl" and subj.head.head.i != subj.head.i:
        # "the board, which said ...": the relative pronoun stands for the noun it follows
        subj = subj.head.head
    if subj.lemma_.lower() in _OFFICE_NOUNS:
        # "Mr. Seel's office said": the office speaks for its holder
        poss = [c for c in subj.children if c.dep_ == "poss" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")]
        if poss:
            return poss[-1]
    if subj.ent_type_ != "PERSON":
        for c in subj.children:
            if c.dep_ == "appos" and c.ent_type_ == "PERSON":
                return c
        if _apposed_names(subj) is not None:
            return _apposed_names(subj)
        left = [t for t in subj.lefts if t.ent_type_ == "PERSON" and t.dep_ in ("compound", "nmod")]
        if left and subj.pos_ in ("NOUN", "PROPN") and subj.text.lower() in _titles():
            return left[-1]
        # a title phrase whose name comes last: "Chief of the General Staff ... Valery Gerasimov"
        if subj.text.lower() in _titles():
            persons = [t for t in _speaker_tokens(subj) if t.ent_type_ == "PERSON" and t.i > subj.i]
            if persons:
                return persons[-1]
    rn = cues()["report_nouns"]
    if subj.text.lower() in rn or subj.lemma_.lower() in rn:
        for c in subj.children:
            if c.dep_ == "prep" and c.text.lower() in ("from", "by", "of"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        return _apposed_names(p) or p
        for c in subj.children:
            # "the AFP report" -> AFP; but "US intelligence", "Russian data" stay whole: a
            # country's services speak, not the country
            if c.dep_ in ("compound", "poss", "amod", "nmod") and (c.ent_type_ or c.pos_ == "PROPN") \
                    and c.ent_type_ not in ("GPE", "NORP"):
                return c
        for c in subj.children:
            # "footage attributed to the rebels alleges ...": the one it is attributed to speaks
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _ASCRIBING:
                to = [p for pr in c.children if pr.dep_ == "prep" and pr.lower_ == "to" for p in pr.children
                      if p.dep_ == "pobj" and _animate(p)]
                if to:
                    return to[0]
        for c in subj.children:
            # "intelligence reviewed by U.S. officials suggests": whoever reviewed it speaks
            if c.dep_ == "acl" and c.tag_ == "VBN":
                for ag in c.children:
                    if ag.dep_ == "agent":
                        by = [p for p in ag.children if p.dep_ == "pobj" and _animate(p)]
                        if by:
                            return by[0]
    return subj


def _apposed_names(tok):
    """The first name in apposition to a common noun ("the two newspapers, the Herald and the
    Courier" -> Herald, its conjuncts follow it as co-speakers; "the polling firm Acme Research"
    -> Research), else None."""
    if tok.tag_ not in ("NNS", "NN"):
        return None
    return next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)


def _titles() -> set:
    return actor_lexicon()["titles"]


def _speaker_tokens(head):
    """The speaker phrase: the head's subtree without relative clauses/appositions, contiguous."""
    toks = [head]
    for c in head.lefts:
        toks.extend(c.subtree)
    for c in head.rights:
        if _identifying_participle(head, c):
            toks.extend(c.subtree)  # "the government based in the east": which government
            continue
        if c.dep_ in _SPEAKER_STOP_DEPS or _misparsed_verb(c):
            break
        toks.extend(c.subtree)
    toks = sorted(set(toks), key=lambda t: t.i)
    # never across a line break or a dateline dash ("RENO, Nev. (AP) — Officials ...")
    cut = [k for k, t in enumerate(toks) if t.i < head.i and ("\n" in t.text or "\n" in t.whitespace_ or t.text in ("—", "–", "--"))]
    if cut:
        toks = toks[cut[-1] + 1:]
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ == "cc"):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space or (toks[-1].dep_ == "case" and toks[-1].i > head.i)):
        toks = toks[:-1]  # "the ministry's conclusion that ...": the ministry
    opens = [k for k, t in enumerate(toks) if t.text == "(" and t.i > head.i]
    if opens and not any(t.text == ")" for t in toks[opens[-1]:]):
        toks = toks[:opens[-1]]  # "the Ohio Department of Natural Resources (ODNR": the name, no stray bracket
    return toks or [head]


def _identifying_participle(head, c) -> bool:
    """True for a short past participle phrase right after a common noun that says which one it
    is ("the government based in the east", "troops stationed in the north"): at most seven words,
    with a preposition, no comma before it, and not a reporting verb."""
    if c.dep_ != "acl" or c.tag_ != "VBN" or head.pos_ != "NOUN" or _is_cue_verb(c) or _misparsed_verb(c):
        return False
    sub = list(c.subtree)
    return (len(sub) <= 7 and sub[0].i == head.i + 1 and any(x.dep_ == "prep" for x in c.children)
            and not any(x.is_punct for x in sub))


def _misparsed_verb(tok) -> bool:
    """True for the main verb of a sentence the parser read as one noun phrase ("Bloggers
    reported that ...": "reported" a participle modifying the root noun): the speaker ends there."""
    return tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN")


def _conj_heads(head):
    out = [head]
    stop = min((c.i for c in head.rights if _misparsed_verb(c)), default=None)
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and (stop is None or c.i < stop):
            out.extend(_conj_heads(c))
    return out


_PEOPLE = set(_WORDS["people"])


def _animate(tok) -> bool:
    """True when ``tok`` can name someone who speaks: a person/organisation/place name, a personal
    pronoun, a title, a body noun or a noun for people."""
    if tok is None:
        return False
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    low = tok.lower_
    if tok.pos_ == "PRON":
        return low in tuple(_WORDS["animate_pronouns"])
    lex = actor_lexicon()
    return (low in lex["titles"] or low in lex["body_nouns"] or tok.lemma_.lower() in lex["body_nouns"]
            or low in _PEOPLE or low in cues()["speaker_nouns"] or low in cues()["report_nouns"])


def _same_speaker(a: _Found, b: _Found) -> bool:
    """True when two statements have the same speaker token, or the inner one's speaker is a
    personal pronoun ("Weaver says he is expecting ...")."""
    if a.subj is None or b.subj is None:
        return False
    if a.subj.i == b.subj.i:
        return True
    return a.subj.lower_ in ("he", "she", "i", "we", "they") and a.subj.i > b.subj.i


def _speaker(state, head, found: _Found) -> Optional[Speaker]:
    if head is None:
        return None
    text = state.article.text
    actors = state.ann.actors
    resolved = state.actor_resolutions
    names, ids, hows = [], [], []
    for h in _conj_heads(head):
        hs, he = h.idx, h.idx + len(h.text)
        a = _find_actor(state)(hs, he)
        if a is not None and a.type == "country":
            # "State Treasurer Ana Lima" with the surname read as a capital: a titled person
            ptoks = _speaker_tokens(h)
            if any(t.i < h.i and (t.ent_type_ == "PERSON" or t.lower_ in _titles()) for t in ptoks):
                a = None
        behind = _person_behind(state, a) if a is not None and not a.name[:1].isupper() else None
        if behind is not None:
            # "he" resolved to "the head of the group", which the article gives one named person
            pa, pspan = behind
            names.append(pa.name if pa is not None else _clean(_strip_titles(pspan.text)))
            ids.append(pa.id if pa is not None else None)
            hows.append(f"'{h.text}' -> '{a.name}' -> the one person the article gives that title: '{names[-1]}'")
        elif a is not None:
            names.append(_unnamed_with_affiliation(text, h, a.name))
            ids.append(a.id)
            for aid, how in _resolutions_around(resolved, hs, he):
                if aid == a.id:
                    hows.append(how)
        else:
            toks = _speaker_tokens(h)
            if h.pos_ == "PROPN":
                # "State Treasurer Ana Lima" -> "Ana Lima": a name after its title
                tpos = [k for k, t in enumerate(toks) if t.i < h.i and t.lower_.rstrip(".") in _titles() | {
                    x.rstrip(".") for x in _titles()}]
                if tpos and tpos[-1] + 1 < len(toks):
                    toks = toks[tpos[-1] + 1:]
            names.append(_clean(text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]))
            ids.append(None)
    toks = _speaker_tokens(head)
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    if len(names) > 1:
        toks_all = sorted(set(t for h in _conj_heads(head) for t in _speaker_tokens(h)) | set(toks), key=lambda t: t.i)
        s, e = toks_all[0].idx, toks_all[-1].idx + len(toks_all[-1].text)
    uniq = list(dict.fromkeys(n for n in names if n))
    if len(uniq) > 2:
        # "A and B and C and D said": a list, not one name
        name = f"{uniq[0]} and {len(uniq) - 1} others"
    else:
        name = " and ".join(uniq) or _clean(text[s:e])
    how = hows[0] if hows else None
    actor = ids[0] if len(ids) == 1 else None
    if not hows and len(names) == 1:
        # "Ruritania's prime minister said": the one person the article gives that title
        person = person_for_description(head)
        if person is not None:
            a = _find_actor(state)(person.start_char, person.end_char)
            pname = a.name if a is not None else _clean(_strip_titles(person.text))
            name, actor = pname, (a.id if a is not None else None)
            how = f"description '{text[s:e]}' -> the one person the article gives that title: '{pname}'"
    part = partitive_name(head, _animate) if not hows and len(names) == 1 else None
    if part is not None:
        # "Some residents complained ... Others questioned": other residents, not "Others"
        name, group = part
        how = f"quantifier '{head.text}' -> part of the group '{group.text}' named before it"
    if head.lower_ in ("he", "she", "they") and not hows:
        ante = _fallback_antecedent(head)
        if ante is not None:
            a = _find_actor(state)(ante.idx, ante.idx + len(ante.text))
            atoks = _speaker_tokens(ante)
            name = a.name if a is not None else _clean(_strip_titles(text[atoks[0].idx:atoks[-1].idx + len(atoks[-1].text)]))
            actor = a.id if a is not None else None
            how = f"pronoun '{head.text}' -> nearest preceding speaker or subject '{name}'"
        else:
            name = f"unidentified speaker ('{head.lower_}')"
            actor = None
            how = f"unresolved pronoun '{head.text}': no compatible speaker before it"
    return Speaker(name=name, actor=actor, start=s, end=e, text=text[s:e], resolved=how)


def _unnamed_with_affiliation(text: str, head, actor_name: str) -> str:
    """An unnamed source keeps the words of its mention ("some Turkish sources said": not the
    actor's shorter "some sources"): the mention when the actor has no proper name and the mention
    says more, ending in the same noun; else the actor's name."""
    if actor_name[:1].isupper() or head.pos_ != "NOUN":
        return actor_name
    all_toks = _speaker_tokens(head)
    toks = [t for t in all_toks if t.i <= head.i]
    mention = _clean(text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]) if toks else ""
    words = actor_name.split()
    name = mention if words and mention.split()[-1:] == words[-1:] and len(mention.split()) > len(words) else actor_name
    tail = [t for t in all_toks if t.i > head.i]
    if tail and any(_identifying_participle(head, c) for c in head.rights):
        # "the government based in the east": which one, in its own words
        name = f"{name} {_clean(text[tail[0].idx:tail[-1].idx + len(tail[-1].text)])}"
    return name


def _person_behind(state, actor):
    """For an actor known only by a description ("head of the Wagner group"): ``(actor or None,
    person span)`` of the one person the article gives that title, or None."""
    doc = state.doc
    for m in actor.mentions:
        if m.kind not in ("title", "description"):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand") if doc is not None else None
        if span is None or not len(span):
            continue
        person = person_for_description(span.root)
        if person is not None:
            return _find_actor(state)(person.start_char, person.end_char), person
    return None


def _find_actor(state):
    """The actor finder for this article's actors (built once per stage run)."""
    if not (_FINDER and _FINDER[0] is state.ann.actors):
        _FINDER[:] = [state.ann.actors, actor_finder(state.ann.actors)]
    return _FINDER[1]


_FINDER: list = []  # [actors list, its finder] of the article being processed


def _resolutions_around(resolved: dict, hs: int, he: int) -> list:
    """``(actor id, how)`` of the resolved mentions that contain ``[hs, he)`` (a bisect over the
    resolved spans sorted by start; resolved mentions are short)."""
    if not (_RESOLVED and _RESOLVED[0] is resolved):
        keys = sorted(resolved)
        _RESOLVED[:] = [resolved, keys, [k[0] for k in keys]]
    keys, starts = _RESOLVED[1], _RESOLVED[2]
    out = []
    k = bisect_right(starts, hs) - 1
    while k >= 0 and hs - starts[k] < 400:
        rs, re_ = keys[k]
        if rs <= hs and he <= re_:
            out.append(resolved[keys[k]])
        k -= 1
    return out


_RESOLVED: list = []


def _strip_titles(s: str) -> str:
    words = s.split()
    titles = _titles()
    while len(words) > 1 and (words[0].lower() in titles or words[0].lower().rstrip(".") in titles):
        words = words[1:]
    return re.sub(r"[’']s$", "", " ".join(words))


def _fallback_antecedent(pron, window: int = 160):
    """The antecedent of a he/she/they speaker that the actors stage left unresolved: walking back,
    the nearest subject outside quotations that names someone (a name the tagger did not type,
    too); a speaker or main-clause subject beats a subject inside reported content."""
    doc = pron.doc
    quotes = _quote_spans(doc)
    plural = pron.lower_ == "they"
    second = None
    for i in range(pron.i - 1, max(-1, pron.i - window), -1):
        t = doc[i]
        if t.dep_ not in ("nsubj", "nsubjpass") or _in_spans(quotes, t.idx) or _in_dateline(t):
            continue
        if t.pos_ != "PROPN" and not (t.text[:1].isupper() and t.tag_ == "NN"
                                      and not any(c.dep_ in ("det", "poss") for c in t.children)):
            continue
        if t.ent_type_ not in ("", "PERSON", "ORG"):
            continue
        if t.ent_type_ == "ORG" and not plural:
            # a person the tagger typed ORG ("Ines Moro"): two or three capitalised words that
            # name no body ("the State Department", "Fox News")
            ent = next((e for e in doc.ents if e.start <= t.i < e.end), None) if t.ent_iob_ != "O" else None
            words = [x.lower_ for x in ent] if ent is not None else [t.lower_]
            lex = actor_lexicon()
            if (len(words) > 3 or words[0] == "the" or any(w in lex["body_nouns"] or w in lex["media"] for w in words)
                    or " ".join(words) in lex["media"]):
                continue
        if (plural and not (t.tag_ == "NNPS" or t.ent_type_ == "ORG")) or (not plural and t.tag_ == "NNPS"):
            continue
        v, inner = t.head, False
        for _ in range(6):
            if v.dep_ in ("ccomp", "xcomp", "parataxis") and _is_cue_verb(v.head):
                inner = True
                break
            if v.head.i == v.i:
                break
            v = v.head
        if not inner:
            return t
        if second is None:
            second = t
    return second
