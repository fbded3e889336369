"""Finders of reported statements: reporting verbs with their clauses and adjacent quotes,
"according to X", and "Name: text" labels.

In: the spaCy ``doc``, the article text and its quote spans. Out: a list of ``_Found`` (speaker head,
cue token or span, content spans), which ``extract_attributions`` turns into ``Attribution`` records.
"""
from __future__ import annotations

import re

from .attribution_channels import channel_clauses
from .lexicon import cues
from .segment import is_furniture, line_sentences
from .attribution_spans import _Found, _WORDS, _doc_spans, _idiom_spans, _in_spans, _is_cue_verb, _kind, _line_sentence_of, _paragraph_part, _quote_at, _span_of, _trim
from .attribution_speakers import _animate, _can_speak, _inherited_subject, _inverted_subject, _speaker_head, _subject

_CONTINUING = {"add", "continue", "note", "go"}  # "X said A, adding that B": one statement, two contents
_EVIDENCE_VERBS = set(_WORDS["evidence_verbs"])  # "returns showed", "data indicate"


def _clause_tokens(verb, exclude_cues=True):
    """Subtree of ``verb`` without subtrees of nested reporting clauses joined by advcl/conj
    that carry their own subject ("..., though officials denied that ...")."""
    drop = set()
    for t in verb.subtree:
        if t.i == verb.i:
            continue
        if exclude_cues and _trailing_report_participle(t):
            drop.update(x.i for x in t.subtree)
            if t.left_edge.i > 0:
                drop.add(t.left_edge.i - 1)  # the comma before it
            continue
        if exclude_cues and t.dep_ in ("advcl", "conj") and _is_cue_verb(t) and _subject(t) is not None:
            mark = [c for c in t.children if c.dep_ in ("mark", "cc")]
            drop.update(x.i for x in t.subtree)
            drop.update(x.i for m in mark for x in m.subtree)
        elif exclude_cues and _second_cue_misread(t) is not None:
            # "He said A and said that B": the second "said" is his, not part of A
            drop.update(x.i for x in t.subtree)
            drop.update(c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i)
    return [t for t in verb.subtree if t.i not in drop]


def _second_cue_misread(t):
    """The outer cue verb when the parser hung a second cue of the same speaker inside the first
    one's clause: "He said his attacks have given his campaign momentum and said that B" reads
    "said that B" as a conjunct of "given", whose subject ("attacks") cannot speak. Only a
    subjectless conjunct cue with a clause of its own, under a clause complement of a cue verb
    whose subject can speak; else None."""
    if t.dep_ != "conj" or t.pos_ not in ("VERB", "AUX") or not _is_cue_verb(t) or _subject(t) is not None:
        return None
    head = t.head
    if head.dep_ != "ccomp" or not _is_cue_verb(head.head) or not any(c.dep_ == "ccomp" for c in t.children):
        return None
    inner, outer = _subject(head), _subject(head.head)
    if inner is None or outer is None or _can_speak(_speaker_head(inner)) or not _can_speak(_speaker_head(outer)):
        return None
    return head.head


def _trailing_report_participle(t) -> bool:
    """True for a subjectless participle clause after a comma that describes the reporting act,
    not what was said: "X said A, directly contradicting B" / "X denied A, saying B" / "..., citing
    B" (a reporting cue or a ``commentary_participles`` lemma; the parser hangs it on A's verb)."""
    if t.dep_ != "advcl" or t.tag_ != "VBG" or _subject(t) is not None:
        return False
    left = t.left_edge
    if left.i == 0 or t.doc[left.i - 1].text != "," or any(x.i < t.i and x.pos_ not in ("ADV", "PART") for x in t.subtree if x.i >= left.i):
        return False
    lemma = t.lemma_.lower()
    return lemma in cues()["commentary_participles"] or (bool(_is_cue_verb(t)) and lemma not in ("show", "suggest", "indicate"))


def _contiguous(tokens, anchor):
    """The longest run of consecutive token indices containing ``anchor`` (or the longest run)."""
    idx = sorted({t.i for t in tokens})
    if not idx:
        return []
    runs, cur = [], [idx[0]]
    for i in idx[1:]:
        if i == cur[-1] + 1:
            cur.append(i)
        else:
            runs.append(cur)
            cur = [i]
    runs.append(cur)
    for r in runs:
        if anchor is not None and anchor.i in r:
            return r
    return max(runs, key=len)


def _content_from_clause(doc, text, comp, quotes):
    toks = _clause_tokens(comp)
    run = _contiguous(toks, comp)
    s, e = doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]].text)
    # extend to a quotation that the clause starts or ends inside
    for qs, qe in _quote_at(quotes, s, e):
        if qs < s <= qe or qs <= e < qe:
            qs, qe = _paragraph_part(text, qs, qe, comp.idx)
            s, e = min(s, qs), max(e, qe)
    return _trim(text, s, e)


def _find_verb_cues(doc, text, quotes) -> list[_Found]:
    found = []
    lex = cues()
    idioms = _doc_spans(doc, "idioms", _idiom_spans)
    for sent in line_sentences(doc):
        if is_furniture(sent):
            continue
        for tok in sent:
            info = _is_cue_verb(tok)
            if not info:
                continue
            noun_root = _noun_root_report(tok)  # "Bloggers reported that ..." parsed as a noun phrase
            if tok.dep_ in ("amod", "compound") or (tok.tag_ == "VBN" and tok.dep_ in ("acl",) and _subject(tok) is None
                                                    and noun_root is None):
                continue  # "so-called", "claimed territory": modifiers, not reporting
            if _in_spans(idioms, tok.idx):
                continue  # "Needless to say", "Let's say", "so to speak": no one is reported
            if any(c.dep_ == "prt" and c.lower_ in _WORDS["not_cue_particles"].get(tok.lemma_.lower(), ()) for c in tok.children):
                continue  # "called off the march": a phrasal verb, no statement
            dashed = _dash_inserted(tok, text, quotes)  # "“this flood – said Omar Haddad, an analyst – was man-made”"
            tail = _trailing_name(tok)  # "A, Denis Lund, the head of X, told TV": (name, its first token)
            if dashed is not None:
                tail = None
            subj = dashed[0] if dashed else tail[0] if tail else (noun_root[0] if noun_root else _inherited_subject(tok))
            outer_cue = _second_cue_misread(tok)
            if outer_cue is not None:
                subj = _subject(outer_cue)  # "He said A and said that B": B is his too
            if subj is None or (tok.dep_ == "conj" and _subject(tok) is None and _closing_conj(tok, _inverted_subject(tok))):
                # "The crew is unknown, reads the report": the name after the cue, not the conjunct's subject
                subj = _inverted_subject(tok)
            if (subj is not None and info.get("class") != "hedging" and tok.lemma_.lower() not in _EVIDENCE_VERBS
                    and not _can_speak(_speaker_head(subj))):
                continue  # "the bill ..., denying a candidate a spot": an inanimate does not speak
            cls = info.get("class", "neutral")
            f = _Found(cue_tok=tok, cue_text=tok.text, cue_start=tok.idx, cue_end=tok.idx + len(tok.text),
                       subj=subj, cls=cls, sent=(sent.start_char, sent.end_char))
            # particles and auxiliaries that belong to the cue ("pointed out", "has said")
            comps = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN")]
            comps += [c for c in tok.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                      and tok.lemma_.lower() in tuple(_WORDS["appeal_verbs"])]
            comps += [c for c in tok.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
                      and tok.lemma_.lower() in ("ask", "question", "wonder")]
            if tok.lemma_ in ("tell", "inform", "brief"):
                comps = [c for c in tok.children if c.dep_ in ("ccomp",)] or comps
            if not comps and noun_root is not None:
                comps = [noun_root[1]]
            if not comps:
                comps = channel_clauses(tok)  # "said in a statement that ...": the parser hangs it on the channel
            if dashed is not None:
                f.contents.extend(dashed[1])
                comps = []
            cue_in_quote = bool(_quote_at(quotes, tok.idx, tok.idx + 1)) or dashed is not None
            sent_quotes = [q for q in _quote_at(quotes, sent.start_char, sent.end_char)
                           if not (q[0] <= tok.idx < q[1])]
            for c in comps:
                if c.dep_ == "xcomp" and cls not in ("distancing", "denial") and not any(x.dep_ == "mark" for x in c.children) and c.i > tok.i and tok.lemma_ not in ("say", "add"):
                    continue  # "promised to act": an intention, handled only via ccomp
                s, e = _content_from_clause(doc, text, c, quotes)
                if e > s:
                    f.contents.append((s, e))
            local = _quote_at(quotes, sent.start_char - 20, sent.end_char + 4)
            near = [q for q in local if q not in sent_quotes and q[0] >= sent.end_char - 1 and q[0] - sent.end_char < 4
                    and text[sent.start_char:sent.end_char].rstrip().endswith(":")]
            # a quotation the parser cut off as its own sentence ("“...!” he tweeted.")
            near += [q for q in local if q not in sent_quotes and q[1] <= sent.start_char
                     and not text[q[1]:sent.start_char].strip() and "\n" not in text[q[1]:sent.start_char]
                     and (text[sent.start_char:sent.start_char + 1].islower()
                          or text[max(q[0], q[1] - 2):q[1] - 1] in (",", "!", "?", "—"))]
            if _passive_relative(tok):
                sent_quotes = [q for q in sent_quotes if q[0] > tok.idx]
                near = [q for q in near if q[0] > tok.idx]
            if not cue_in_quote and (sent_quotes or near):
                # quotations next to the cue: before ("“...,” he said"), after ("he said: “...”"), or both
                adj = _adjacent_quotes(doc, text, tok, subj, sent_quotes + near)
                # "A suspected the blasts were “sabotage,” and B blamed ...": the quotation is A's
                adj = [q for q in adj if not _in_other_clause(sent, tok, q)]
                if not f.contents and not adj and not (info.get("object") and _quote_in_object(tok, sent_quotes)):
                    # no clause and no quotation next to the cue: a quotation of the sentence that
                    # no other cue verb of it stands next to or holds ("that had been verified by
                    # X, and when asked, Y said: “...”" gives the quotation to Y, not to
                    # "verified"); a verb with an object says what its object says (below)
                    adj = [q for q in sent_quotes if not _next_to_other_cue(doc, text, sent, tok, q)
                           and not _in_other_clause(sent, tok, q)]
                if adj:
                    qspans = [_trim(text, *_paragraph_part(text, qs, qe, tok.idx)) for qs, qe in adj]
                    # clause contents inside an adjacent quotation give way to the quotation
                    f.contents = [c for c in f.contents if not any(qs <= c[0] and c[1] <= qe for qs, qe in qspans)]
                    for q in qspans:
                        if not any(c[0] <= q[0] and q[1] <= c[1] for c in f.contents):
                            f.contents.append(q)
            f.contents = [(s, e) for s, e in f.contents if len(text[s:e].split()) >= 2]
            if tail and not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
                # what stands before the name is what was said (its object is the channel)
                f.contents = [_trim(text, sent.start_char, doc[tail[1]].idx)]
            if not f.contents and info.get("object") and _animate(_speaker_head(subj)):
                # "acknowledged the participation of ...", "called the plan “reckless”",
                # "called for a ceasefire", "talked about the flood"
                objs = [c for c in tok.children if c.dep_ in ("dobj", "oprd") or (c.dep_ in ("xcomp", "ccomp", "attr") and c.i > tok.i and any(o.dep_ == "dobj" for o in tok.children))]
                if not objs:
                    for c in tok.children:
                        if c.dep_ == "prep" and c.lower_ in ("for", "about", "on", "of") and c.i == tok.i + 1:
                            objs = [p for p in c.children if p.dep_ in ("pobj", "pcomp")]
                            break
                if objs:
                    # "condemned the vote as a “total failure”": the object with what it is called
                    objs += [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and (
                        c.lower_ == "as" or (c.lower_ == "at" and info.get("figure")) or (c.lower_ in ("on", "for") and not any(
                            p.ent_type_ in ("DATE", "TIME") for p in c.subtree)))]  # "blamed the attack on X"
                    toks = [t for o in objs for t in o.subtree]
                    s, e = _span_of(toks)
                    for qs, qe in _quote_at(quotes, s, e):
                        if qs < e < qe:
                            e = qe  # "called Trump “unhinged.”": keep the whole quotation
                    f.contents.append(_trim(text, s, e))
            if not f.contents and tok.lemma_.lower() in _EVIDENCE_VERBS:
                small = _figure_clause(tok, subj)  # "results from the board show the Greens with 54%"
                if small is not None:
                    f.contents.append(_trim(text, *small))
            if not f.contents and tok.dep_ == "parataxis" or (not f.contents and (tok.dep_ == "ROOT" or _closing_conj(tok, subj)) and
                                                              tok.i > sent.start + 2 and subj is not None
                                                              and _after_statement(tok, subj)):
                # "who, he said, fought ..." / "The units should be treated as terrorists, he stated" /
                # "The crew is unknown, reads the report" (the parser joins the cue as a conjunct)
                toks = [t for t in sent if t.i not in {x.i for x in tok.subtree} or t.dep_ == "ccomp"]
                if tok.dep_ in ("ROOT", "conj"):
                    toks = [t for t in sent if t.i < min(subj.left_edge.i if subj is not None else tok.i, tok.i)]
                if len(toks) >= 3:
                    s, e = _span_of(toks)
                    f.contents.append(_trim(text, s, e))
            f.contents = [(s, e) for s, e in f.contents if len(text[s:e].split()) >= 2]
            if not f.contents:
                if tok.lemma_ in ("quote", "cite"):
                    found.append(f)  # may still head a chain ("RIA quoted X, who reported ...")
                continue
            if subj is None and tok.dep_ not in ("advcl", "conj", "xcomp", "relcl"):
                continue
            f.kind = _kind(text, f.contents, quotes)
            found.append(f)
    del lex
    return found


_DASHES = ("–", "—", "--", "-")


def _dash_inserted(verb, text, quotes):
    """``(name token, [content spans])`` for a cue set between dashes inside what it reports, the
    speaker named after it: "“This flood – denounced Omar Haddad, director of X – was made by
    men”" (the statement is the text around the dashes, in its quotation or sentence); else None."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text not in _DASHES:
        return None
    name = next((c for c in verb.rights if c.dep_ in ("dobj", "npadvmod", "attr", "nsubj", "oprd") and c.i <= verb.i + 4
                 and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")), None)
    if name is None:
        return None
    sent = verb.sent
    close = next((t for t in doc[verb.i + 1:sent.end] if t.text in _DASHES), None)
    if close is None:
        return None
    qs = [q for q in quotes if q[0] <= verb.idx < q[1]]
    lo, hi = (qs[0][0], qs[0][1]) if qs else (sent.start_char, sent.end_char)
    parts = [_trim(text, lo, doc[verb.i - 1].idx), _trim(text, close.idx + len(close.text), hi)]
    parts = [(s, e) for s, e in parts if len(text[s:e].split()) >= 2]
    return (name, parts) if parts else None


def _noun_root_report(verb):
    """``(subject noun, clause)`` when the parser read a whole reporting sentence as one noun
    phrase: "The military bloggers reported on Monday that the troops ..." with "bloggers" as the
    sentence root, "reported" a participle modifying it and the "that" clause hung on either; else
    None. Only a root noun with no verb of its own and a clause opened by "that" after the cue."""
    head = verb.head
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.i > verb.i or _subject(verb) is not None:
        return None
    for c in [*verb.children, *head.children]:
        if (c.i > verb.i and c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
            return head, c
    return None


def _trailing_name(verb):
    """``(person token, index of the name's first token)`` for an inverted statement whose speaker
    the parser hung on the content as an apposition: "The vote rallied support, Denis Lund, the
    acting head of the region, told a TV show." (a cue with no subject of its own, right after a
    comma that closes a person's name or its apposition, the name itself after a comma); else None."""
    if verb.dep_ not in ("conj", "ROOT", "parataxis") or _subject(verb) is not None:
        return None
    doc = verb.doc
    k = verb.i - 1
    if k < 1 or doc[k].text != ",":
        return None
    for t in reversed(doc[max(0, verb.i - 25):k]):
        if t.ent_type_ != "PERSON" or t.dep_ not in ("appos", "conj"):
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].ent_type_ == "PERSON" and doc[t.i + 1].ent_iob_ == "I":
            continue  # not the last word of the name
        first = t.i
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        if first == 0 or doc[first - 1].text != ",":
            return None
        inside = {x.i for x in t.subtree}
        if all(x.i in inside or x.is_punct for x in doc[t.i + 1:k]):
            return t, first - 1
        return None
    return None


def _quote_in_object(tok, quotes) -> bool:
    """True when one of ``quotes`` lies in the verb's object or its "as" phrase ("condemned the
    vote as a “total failure”"): the object with the quotation is the content, not the bare quote."""
    parts = [c for c in tok.children if c.dep_ in ("dobj", "oprd") or (c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i)]
    for c in parts:
        s, e = _span_of(list(c.subtree))
        if any(s <= q[0] + 1 and q[1] - 1 <= e for q in quotes):
            return True
    return False


def _figure_clause(tok, subj):
    """``(start, end)`` of the small clause an evidence verb reports when its subject is a document
    and its object is said to stand somewhere: "Preliminary results from the board show the Greens
    with 54%", "The poll shows the mayor at 41 percent" (the object and the "with"/"at"/"ahead"
    phrase of the verb, with a number in it); else None. What a document shows with no such phrase
    ("the video shows a man with a knife") is no statement."""
    if subj is None or subj.lower_ not in cues()["speaking_documents"] or subj.i > tok.i:
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None:
        return None
    tail = [c for c in tok.children if c.i > obj.i and c.dep_ in ("prep", "advmod") and c.lower_ in _WORDS["figure_clause_preps"]]
    if not tail or not any(t.like_num for c in tail for t in c.subtree):
        return None
    toks = list(obj.subtree) + [t for c in tail for t in c.subtree]
    return _span_of(toks)


def _passive_relative(tok) -> bool:
    """True for a passive cue in a relative clause whose subject is the relative pronoun ("symptoms
    known as “X” that have been reported by officials"): what was reported is the noun before it,
    so a quotation before it is part of that noun, not a statement."""
    return tok.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.lower_ in ("that", "which", "who") for c in tok.children)


def _closing_conj(tok, subj) -> bool:
    """True when a cue the parser joined to the main clause as its last conjunct is an inverted
    attribution that closes the sentence: "The crew is unknown, reads the report." (no "and"
    before it, its speaker named after it, nothing of the sentence after the speaker)."""
    if tok.dep_ != "conj" or subj is None or subj.i < tok.i or tok.head.dep_ != "ROOT":
        return False
    if any(c.dep_ == "cc" and c.i < tok.i for c in tok.head.children):
        return False
    return all(t.is_punct for t in tok.doc[subj.right_edge.i + 1:tok.sent.end])


def _after_statement(tok, subj) -> bool:
    """True when a root cue closes the statement before it ("..., he stated", "..., reads the
    report"): a comma or quotation mark right before the cue clause, and no object of its own
    ("According to X, investigators found a boat" states nothing before "investigators")."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i != subj.i for c in tok.children):
        return False
    first = min(subj.left_edge.i, tok.i)
    return first > 0 and tok.doc[first - 1].text in (",", "\"", "”", "'", "’", "—", "–")


def _in_other_clause(sent, tok, q) -> bool:
    """True when quotation ``q`` lies inside the clause complement of another cue verb of
    ``sent`` that does not hold ``tok`` ("A suspected the blasts were “sabotage,” and B blamed
    Moscow": the quotation is what A suspected, not B's)."""
    for t in sent:
        if t.i == tok.i or not _is_cue_verb(t) or q[0] <= t.idx < q[1]:
            continue
        for c in t.children:
            if c.dep_ == "ccomp" and c.i > t.i and tok not in c.subtree:
                s, e = _span_of(list(c.subtree))
                if s <= q[0] + 1 and q[1] - 1 <= e + 2:
                    return True
    return False


def _next_to_other_cue(doc, text, sent, tok, q) -> bool:
    """True when quotation ``q`` stands next to a cue verb of ``sent`` other than ``tok``, or lies
    in the object of one ("condemned the vote as a “failure” and urged ...": not "urged"'s)."""
    for t in sent:
        if t.i == tok.i or not _is_cue_verb(t) or q[0] <= t.idx < q[1]:
            continue
        if _adjacent_quotes(doc, text, t, _subject(t), [q]):
            return True
        for c in t.children:
            if c.dep_ in ("dobj", "oprd", "prep", "attr") and c.i > t.i and tok not in c.subtree:
                s, e = _span_of(list(c.subtree))
                if s <= q[0] + 1 and q[1] - 1 <= e:
                    return True
    return False


def _cue_clause_span(tok, subj):
    """Character span of the cue, its speaker and its adverbials ("the military said on Sunday")."""
    toks = [tok]
    if subj is not None and subj.head.i == tok.i:
        toks.extend(subj.subtree)
    for c in tok.children:
        if c.dep_ in ("prep", "npadvmod", "advmod", "aux", "auxpass", "neg", "prt", "dative") or (c.dep_ == "dobj" and tok.lemma_ == "tell"):
            toks.extend(c.subtree)
    toks = sorted(set(toks), key=lambda t: t.i)
    # keep the run around the cue
    run = _contiguous(toks, tok)
    doc = tok.doc
    return doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]].text)


def _adjacent_quotes(doc, text, tok, subj, quotes):
    """Quotations separated from the cue clause only by punctuation (or "that")."""
    cs, ce = _cue_clause_span(tok, subj)
    out = []
    for qs, qe in quotes:
        if qe <= cs:
            gap = text[qe:cs]
        elif qs >= ce:
            gap = text[ce:qs]
        else:
            continue
        if gap.strip(" \t\n,:;—–-").lower() in ("", "that"):
            out.append((qs, qe))
    return out


def _find_according_to(doc, text, quotes) -> list[_Found]:
    out = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        sent = _line_sentence_of(doc, tok)
        if is_furniture(sent):
            continue
        phrase = sorted(set(tok.subtree) | set(to.subtree), key=lambda t: t.i)
        pstart, pend = phrase[0].i, phrase[-1].i
        head = tok.head if tok.head.i != tok.i else None
        f = _Found(cue_tok=tok, cue_text=text[tok.idx:to.idx + len(to.text)], cue_start=tok.idx,
                   cue_end=to.idx + len(to.text), subj=pobj, cls="according_to", kind="according_to",
                   sent=(sent.start_char, sent.end_char))
        if head is not None and head.i in range(sent.start, sent.end) and _is_cue_verb(head):
            f.outer_of = head  # "X said, according to reports from AFP"
        # content: the sentence minus the "according to X" phrase
        before = [t for t in sent if t.i < pstart]
        after = [t for t in sent if t.i > pend]
        parts = [p for p in (before, after) if p and sum(not t.is_punct for t in p) >= 3]
        for p in parts:
            s, e = _trim(text, *_span_of(p))
            if e > s:
                f.contents.append((s, e))
        if f.contents:
            out.append(f)
    return out


# an opening quotation mark may lead the line: a transcript quoted paragraph by paragraph
# ('"MODERATOR: Will the city ...'), each paragraph opening with a mark and only the last closing
_LABEL = re.compile(r"(?m)^[ \t]*[\"“„‘']?[ \t]*([A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,4})[ \t]*(:)[ \t]+(\S[^\n]*)$")
_NOT_LABELS = set(_WORDS["not_labels"])


_SIGNATURE = re.compile(r"[ \t]*[―—–][ \t]*((?:[A-Z][\w.'’-]*[ \t]+){0,4}[A-Z][\w.'’-]*)")


def _find_dash_signatures(doc, text, quotes) -> list[_Found]:
    """A quotation signed with a dash and a name after it, as in pull quotes and collected
    comments: "“We will not move.” ― Ana Ruiz". The dash is the cue, the name the speaker (a
    person or organisation name by the parser, or every word capitalised), the quotation what
    was said."""
    out = []
    for qs, qe in quotes:
        m = _SIGNATURE.match(text, qe)
        if m is None or len(text[qs:qe].split()) < 2:
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if span is None or not len(span):
            continue
        if not any(t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN" for t in span):
            continue
        dash = text.index(m.group(0).strip()[0], qe)
        cs, ce = _trim(text, qs, qe)
        out.append(_Found(cue_tok=None, cue_text=text[dash], cue_start=dash, cue_end=dash + 1, subj=span[-1],
                          cls="neutral", kind="direct", contents=[(cs, ce)], sent=(qs, m.end())))
    return out


def _find_colon_labels(doc, text) -> list[_Found]:
    """Transcript-style lines "NAME: words": the label is the speaker, the colon the cue, the rest
    of the line the content. The label must be a person/organisation name or an all-caps name."""
    out = []
    for m in _LABEL.finditer(text):
        label = m.group(1)
        if label.lower().rstrip(".") in _NOT_LABELS or label.split()[0].lower() in _NOT_LABELS:
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None:
            continue
        is_name = all(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in span)
        caps = label.replace(".", "").replace(" ", "").isupper() and len(label) > 1
        if not (is_name or caps):
            continue
        cs, ce = _trim(text, m.start(3), m.end(3))
        if len(text[cs:ce].split()) < 2:
            continue
        f = _Found(cue_tok=None, cue_text=":", cue_start=m.start(2), cue_end=m.end(2), subj=span[-1], cls="neutral",
                   kind="direct", contents=[(cs, ce)], sent=(m.start(), m.end()))
        out.append(f)
    return out
