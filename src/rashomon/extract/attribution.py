"""The attributions stage: who said what, in one article.

In: ``state.doc`` (parsed), ``state.ann.actors`` (with resolutions in
``doc.user_data["rashomon.resolved"]``) and ``state.article.text``.
Out: ``state.ann.attributions`` — one ``Attribution`` (id ``at<index>-<n>``) per reported
statement: speaker (mention span, resolved actor, canonical name, how it was resolved), cue (verb
or phrase, with span), content spans, kind (direct / indirect / mixed / according_to), the
reporting chain (original speaker first), distancing cues and hedges.

Rules (lexicon in ``data/cues.yaml``):

- a verb whose lemma is a cue, with a subject (``nsubj``): content is its clausal complement
  (``ccomp``/``xcomp``), the quotation next to it, or — for verbs like "acknowledged", "denied" —
  its object; a quote split around the cue gives two content spans;
- a participle cue without subject ("..., adding that Z", "declaring that Z") takes the subject
  of the verb it hangs from; when that verb is itself a cue the content is added to the same
  statement;
- a relative clause cue ("the commander, who reported that ...") takes the noun it modifies;
- "reports from X", "a statement by X" as subject name X as the speaker;
- "according to X": content is the clause the phrase modifies; when that clause is itself a
  reported statement ("X said, according to reports from AFP") X is added to its chain;
- a statement inside another statement's content ("A acknowledged that Z, media reported"; "RIA
  quoted the commander, who reported ...") keeps the inner speaker as the original speaker and the
  outer one in ``chain``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Optional

from ..models import Attribution, Span, Speaker
from .actors import RESOLVED_KEY, actor_finder
from .attribution_model import learned_attributions
from .lexicon import actor_lexicon, cues
from .quotes import find_quotes
from .segment import datelines, doc_text, is_furniture, line_sentences

_REL_PRONOUNS = {"who", "which", "that", "whom"}
_CONTINUING = {"add", "continue", "note", "go"}  # "X said A, adding that B": one statement, two contents
_SPEAKER_STOP_DEPS = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj"}
_EVIDENCE_VERBS = {"show", "indicate", "reveal", "find", "confirm"}  # "returns showed", "data indicate"
_OFFICE_NOUNS = {"office", "offices", "chambers"}
_QUOTE_CHARS = "\"“”«»„"
_STRIP = " \t\n,;:—–-"


@dataclass
class _Found:
    cue_tok: object  # spaCy Token or None
    cue_text: str
    cue_start: int
    cue_end: int
    subj: object  # spaCy Token (speaker head) or None
    contents: list = field(default_factory=list)  # [(start, end)]
    kind: str = "indirect"
    outer: list = field(default_factory=list)  # [_Found] reporters of this statement, inner to outer
    cls: str = "neutral"
    dropped: bool = False
    sent: tuple = (0, 0)


def _span_of(tokens) -> tuple[int, int]:
    toks = sorted(tokens, key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _trim(text: str, start: int, end: int, keep_quotes: bool = True) -> tuple[int, int]:
    """Shrink ``[start, end)`` past spaces and joining punctuation at both ends; drop a closing
    quotation mark or opening mark whose partner is outside the span."""
    while start < end and text[start] in _STRIP + ".":
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    seg = text[start:end]
    opens = seg.count("“") + seg.count("«")
    closes = seg.count("”") + seg.count("»")
    straight = seg.count('"')
    if seg.startswith(("”", "»")) or (seg.startswith('"') and straight % 2 == 1 and not keep_quotes):
        start += 1
    elif seg.endswith(("“", "«")):
        end -= 1
    del opens, closes
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def _doc_spans(doc, key: str, make) -> list:
    """A per-doc cached list of character spans (datelines, idioms), sorted by start."""
    k = "rashomon.att." + key
    got = doc.user_data.get(k)
    if got is None:
        got = sorted(make(doc_text(doc)))
        doc.user_data[k] = got
    return got


def _in_spans(spans, pos: int) -> bool:
    k = bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _idiom_spans(text: str) -> list:
    low = text.lower()
    out = []
    for idiom in cues()["idioms"]:
        for m in re.finditer(r"(?<![\w’'])" + re.escape(idiom) + r"(?![\w’'])", low):
            out.append((m.start(), m.end()))
    return out


def _in_dateline(tok) -> bool:
    """True for a token of a dateline ("WASHINGTON -- ") at a paragraph start."""
    return _in_spans(_doc_spans(tok.doc, "datelines", datelines), tok.idx)


def _subject(verb):
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
                c.pos_ == "PROPN" or c.ent_type_ == "PERSON" or c.lower_ in actor_lexicon()["titles"]):
            return c
    return None


_PERSON_SUFFIXES = ("ist", "ists", "ian", "ians", "man", "men", "woman", "women", "person", "people",
                    "er", "ers", "or", "ors", "ant", "ants", "ent", "ents", "ee", "ees")


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
        return low in ("he", "she", "they", "we", "i", "you", "who", "it", "one", "someone", "somebody",
                       "everyone", "everybody", "nobody", "anyone", "both", "many", "some", "others", "all",
                       "whom", "that", "which", "each", "few", "several", "most", "none")
    if tok.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ", "DET"):
        return True
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
            if s is not None:
                return s
            if head.dep_ in ("ROOT",) or head.head.i == head.i:
                break
            head = head.head
    return None


def _speaker_head(subj):
    """The token that names the speaker: "reports from AFP" -> AFP; "AFP reports" -> AFP;
    "Ukraine's top commander, Gen. X," -> X; "Chief of the General Staff X" -> X."""
    if subj is None:
        return None
    if subj.lemma_.lower() in _OFFICE_NOUNS:
        # "Mr. Seel's office said": the office speaks for its holder
        poss = [c for c in subj.children if c.dep_ == "poss" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")]
        if poss:
            return poss[-1]
    if subj.ent_type_ != "PERSON":
        for c in subj.children:
            if c.dep_ == "appos" and c.ent_type_ == "PERSON":
                return c
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
                        return p
        for c in subj.children:
            if c.dep_ in ("compound", "poss", "amod", "nmod") and (c.ent_type_ or c.pos_ == "PROPN"):
                return c
    return subj


def _titles() -> set:
    return actor_lexicon()["titles"]


def _speaker_tokens(head):
    """The speaker phrase: the head's subtree without relative clauses/appositions, contiguous."""
    toks = [head]
    for c in head.lefts:
        toks.extend(c.subtree)
    for c in head.rights:
        if c.dep_ in _SPEAKER_STOP_DEPS:
            break
        toks.extend(c.subtree)
    toks = sorted(set(toks), key=lambda t: t.i)
    # never across a line break or a dateline dash ("RENO, Nev. (AP) — Officials ...")
    cut = [k for k, t in enumerate(toks) if t.i < head.i and ("\n" in t.text or "\n" in t.whitespace_ or t.text in ("—", "–", "--"))]
    if cut:
        toks = toks[cut[-1] + 1:]
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ == "cc"):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return toks or [head]


def _conj_heads(head):
    out = [head]
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN"):
            out.extend(_conj_heads(c))
    return out


def _is_cue_verb(tok) -> Optional[dict]:
    if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and False):
        return None
    return cues()["verbs"].get(tok.lemma_.lower())


def _quote_at(quotes, start, end):
    """Quotations overlapping ``[start, end)``; ``quotes`` sorted and non-overlapping (as
    ``find_quotes`` gives them), so ends are sorted too and a bisect finds the first one."""
    if _ENDS and _ENDS[0] is quotes and len(_ENDS[1]) == len(quotes):
        ends = _ENDS[1]
    else:
        ends = [q[1] for q in quotes]
        _ENDS[:] = [quotes, ends]
    k = bisect_right(ends, start)
    out = []
    while k < len(quotes) and quotes[k][0] < end:
        out.append(quotes[k])
        k += 1
    return out


_ENDS: list = []  # [quotes list, its ends] of the last list seen


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
    return [t for t in verb.subtree if t.i not in drop]


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
            if tok.dep_ in ("amod", "compound") or tok.tag_ == "VBN" and tok.dep_ in ("acl",) and _subject(tok) is None:
                continue  # "so-called", "claimed territory": modifiers, not reporting
            if _in_spans(idioms, tok.idx):
                continue  # "Needless to say", "Let's say", "so to speak": no one is reported
            subj = _inherited_subject(tok)
            if subj is None:
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
                      and tok.lemma_.lower() in ("call", "ask", "urge", "press", "push", "appeal")]
            comps += [c for c in tok.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
                      and tok.lemma_.lower() in ("ask", "question", "wonder")]
            if tok.lemma_ in ("tell", "inform", "brief"):
                comps = [c for c in tok.children if c.dep_ in ("ccomp",)] or comps
            cue_in_quote = bool(_quote_at(quotes, tok.idx, tok.idx + 1))
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
            if not cue_in_quote and (sent_quotes or near):
                # quotations next to the cue: before ("“...,” he said"), after ("he said: “...”"), or both
                adj = _adjacent_quotes(doc, text, tok, subj, sent_quotes + near)
                if not f.contents:
                    adj = adj or sent_quotes
                if adj:
                    qspans = [_trim(text, *_paragraph_part(text, qs, qe, tok.idx)) for qs, qe in adj]
                    # clause contents inside an adjacent quotation give way to the quotation
                    f.contents = [c for c in f.contents if not any(qs <= c[0] and c[1] <= qe for qs, qe in qspans)]
                    for q in qspans:
                        if not any(c[0] <= q[0] and q[1] <= c[1] for c in f.contents):
                            f.contents.append(q)
            f.contents = [(s, e) for s, e in f.contents if len(text[s:e].split()) >= 2]
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
                    toks = [t for o in objs for t in o.subtree]
                    s, e = _span_of(toks)
                    for qs, qe in _quote_at(quotes, s, e):
                        if qs < e < qe:
                            e = qe  # "called Trump “unhinged.”": keep the whole quotation
                    f.contents.append(_trim(text, s, e))
            if not f.contents and tok.dep_ == "parataxis" or (not f.contents and tok.dep_ in ("ROOT",) and
                                                              tok.i > sent.start + 2 and subj is not None):
                # "who, he said, fought ..." / "The units should be treated as terrorists, he stated"
                toks = [t for t in sent if t.i not in {x.i for x in tok.subtree} or t.dep_ == "ccomp"]
                if tok.dep_ == "ROOT":
                    toks = [t for t in sent if t.i < (subj.left_edge.i if subj is not None else tok.i)]
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


_PEOPLE = {"people", "voters", "critics", "supporters", "opponents", "residents", "lawmakers", "members",
           "delegates", "protesters", "activists", "leaders", "officials", "experts", "analysts", "democrats",
           "republicans", "candidates", "campaign", "man", "woman", "men", "women", "someone", "crowd"}


def _animate(tok) -> bool:
    """True when ``tok`` can name someone who speaks: a person/organisation/place name, a personal
    pronoun, a title, a body noun or a noun for people."""
    if tok is None:
        return False
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    low = tok.lower_
    if tok.pos_ == "PRON":
        return low in ("he", "she", "they", "we", "i", "you", "who")
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


def _paragraph_part(text: str, qs: int, qe: int, cue: int) -> tuple[int, int]:
    """A quotation over several paragraphs (each reopened with a mark) belongs whole to a cue in
    its first paragraph; a cue in a later paragraph ("“...,” he added.") takes only the part of
    the quotation in its own paragraph."""
    first_break = text.find("\n", qs, qe)
    if first_break < 0 or cue < first_break:
        return qs, qe
    ps = text.rfind("\n", qs, cue) + 1
    pe = text.find("\n", cue, qe)
    return max(qs, ps), (qe if pe < 0 else pe)


def _split_paragraph_quotes(text: str, found: list, quotes) -> None:
    """A content over several paragraphs ends before a later paragraph whose words another
    statement claims ("“A.\n\n“B,” he added." gives A to the first cue, B to "added")."""
    starts = sorted((s, id(f)) for f in found for s, _ in f.contents)
    keys = [x[0] for x in starts]
    for f in found:
        new = []
        for s, e in f.contents:
            brk = text.find("\n", s, e)
            if brk >= 0:
                k = bisect_right(keys, brk)
                while k < len(starts) and starts[k][0] < e:
                    if starts[k][1] != id(f):
                        cut = text.rfind("\n", s, starts[k][0])
                        if cut > s:
                            e = _trim(text, s, cut)[1]
                        break
                    k += 1
            new.append((s, e))
        if new != f.contents and f.kind in ("direct", "indirect", "mixed"):
            f.contents = new
            f.kind = _kind(text, new, quotes)
        f.contents = new


def _kind(text, contents, quotes) -> str:
    direct = mixed = 0
    for s, e in contents:
        # quotations inside the content, or the part of a multi-paragraph one the content holds
        qs_in = [q for q in _quote_at(quotes, s - 1, e + 1) if (q[0] >= s - 1 and q[1] <= e + 1)
                 or (text[s] in _QUOTE_CHARS and "\n" in text[q[0]:q[1]] and q[0] <= s)]
        if not qs_in:
            continue
        covered = sum(min(q[1], e) - max(q[0], s) for q in qs_in)
        if covered >= 0.85 * (e - s):
            direct += 1
        else:
            mixed += 1
    if mixed or (direct and direct < len(contents)):
        return "mixed"
    return "direct" if direct else "indirect"


def _line_sentence_of(doc, tok):
    for s in line_sentences(doc):
        if s.start <= tok.i < s.end:
            return s
    return tok.sent


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


_LABEL = re.compile(r"(?m)^[ \t]*([A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,4})[ \t]*(:)[ \t]+(\S[^\n]*)$")
_NOT_LABELS = {"breaking", "update", "updated", "read", "watch", "related", "exclusive", "analysis", "opinion",
               "note", "photo", "video", "editor", "editors", "q", "a", "question", "answer", "source", "sources",
               "listen", "see", "more", "also", "warning", "image", "credit", "caption", "correction", "disclaimer"}


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


def _speaker(state, head, found: _Found) -> Optional[Speaker]:
    if head is None:
        return None
    text = state.article.text
    actors = state.ann.actors
    resolved = state.doc.user_data.get(RESOLVED_KEY, {}) if state.doc is not None else {}
    names, ids, hows = [], [], []
    for h in _conj_heads(head):
        hs, he = h.idx, h.idx + len(h.text)
        a = _find_actor(state)(hs, he)
        if a is not None and a.type == "country":
            # "State Treasurer Ana Lima" with the surname read as a capital: a titled person
            ptoks = _speaker_tokens(h)
            if any(t.i < h.i and (t.ent_type_ == "PERSON" or t.lower_ in _titles()) for t in ptoks):
                a = None
        if a is not None:
            names.append(a.name)
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


def _quote_spans(doc):
    got = doc.user_data.get("rashomon.att.quotes")
    if got is None:
        got = find_quotes(doc_text(doc))
        doc.user_data["rashomon.att.quotes"] = got
    return got


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


def _clean(s: str) -> str:
    words = s.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words).strip(" ,.;:")


def _hedges_and_distancing(doc, text, spans, cls, cue_text):
    lex = cues()
    hedges, dist = [], []
    if cls == "hedging":
        hedges.append(cue_text)
    if cls == "distancing":
        dist.append(cue_text)
    for s, e in spans:
        seg = text[s:e]
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            w = t.lower_
            if w in lex["hedges"] and (t.pos_ in ("ADV", "VERB", "AUX") or w in ("reportedly", "apparently")):
                if w not in hedges:
                    hedges.append(w)
        low = seg.lower()
        for d in ("so-called", "alleged", "purported", "supposed"):
            if d in low and d not in dist:
                dist.append(d)
    return hedges, dist


def extract_attributions(state) -> None:
    """Fill ``state.ann.attributions`` for one article (see module docstring)."""
    doc = state.doc
    if doc is None:
        state.ann.attributions = []
        return
    text = state.article.text
    quotes = find_quotes(text)
    verb_found = _find_verb_cues(doc, text, quotes)
    acc_found = _find_according_to(doc, text, quotes)
    labelled = _find_colon_labels(doc, text)
    acc_found = acc_found + labelled

    # "X said, according to reports from AFP": AFP reports X's statement
    by_cue = {f.cue_tok.i: f for f in verb_found if f.cue_tok is not None}
    for a in acc_found:
        head = getattr(a, "outer_of", None)
        if head is not None and head.i in by_cue and by_cue[head.i].contents:
            by_cue[head.i].outer.append(a)
            a.dropped = True
    # "RIA quoted the commander, who reported ..." : the quoting outlet is outer
    for f in verb_found:
        if f.cue_tok is not None and f.cue_tok.lemma_ in ("quote", "cite"):
            objs = [c for c in f.cue_tok.children if c.dep_ == "dobj"]
            for g in verb_found:
                if g is f or g.dropped or g.subj is None:
                    continue
                if any(g.subj.i == o.i for o in objs):
                    g.outer.append(f)
                    f.dropped = True
            if not f.contents:
                f.dropped = True
    # a cue inside a quotation that is another statement's content is part of what is quoted
    # ("“I think we will win,” she said"): the quoted speaker's words, not a new statement
    live = [f for f in verb_found + acc_found if not f.dropped]
    for inner in live:
        qs = [q for q in _quote_at(quotes, inner.cue_start, inner.cue_start + 1) if q[0] <= inner.cue_start < q[1]]
        if not qs:
            continue
        for outer in live:
            if outer is inner or outer.dropped:
                continue
            if any(s <= q[0] + 1 and q[1] - 1 <= e for q in qs for s, e in outer.contents):
                inner.dropped = True
                break
    # a statement inside another statement's content: the outer one is a reporter in the chain
    live = [f for f in verb_found + acc_found if not f.dropped]
    for outer in live:
        for inner in live:
            if inner is outer or inner.dropped or outer.dropped:
                continue
            if not any(s <= inner.cue_start and inner.cue_end <= e for s, e in outer.contents):
                continue
            own_subject = inner.kind == "according_to" or (inner.cue_tok is not None and _subject(inner.cue_tok) is not None
                                                              and inner.cue_tok.dep_ not in ("advcl", "xcomp"))
            if inner.cls in ("belief", "hedging") or _same_speaker(inner, outer):
                # "He says he believes X": one statement by the outer speaker, not a chain
                inner.dropped = True
                continue
            if inner.cue_tok is not None and inner.cue_tok.tag_ == "VBG":
                # "said the attack amounted to Kyiv rejecting talks": part of what the outer speaker says
                inner.dropped = True
                continue
            if own_subject and inner.subj is not None and any(s <= inner.subj.idx < e for s, e in outer.contents):
                # outer content = inner statement
                starts = [inner.cue_start] + [s for s, _ in inner.contents]
                if inner.subj is not None:
                    starts.append(inner.subj.left_edge.idx)
                inner_ext = (min(starts), max([inner.cue_end] + [e for _, e in inner.contents]))
                cover = max((min(e, inner_ext[1]) - max(s, inner_ext[0])) for s, e in outer.contents)
                olen = sum(e - s for s, e in outer.contents)
                if cover >= 0.6 * olen:
                    inner.outer.append(outer)
                    outer.dropped = True
    # same speaker, participle cue under a cue verb: "X said A, adding that B" -> one statement
    for f in verb_found:
        if f.dropped or f.cue_tok is None:
            continue
        t = f.cue_tok
        head_f = None
        if (t.dep_ in ("advcl", "conj", "xcomp") and t.tag_ == "VBG" and t.lemma_.lower() in _CONTINUING
                and _subject(t) is None and t.head.i in by_cue):
            head_f = by_cue[t.head.i]
        elif _trailing_report_participle(t):
            # "X denied that A, saying B": the parser hangs "saying" on A's verb; B is X's too
            head_f = next((g for g in verb_found if g is not f and not g.dropped and g.cue_tok is not None
                           and g.cue_tok.i < t.i and any(s <= t.head.idx < e for s, e in g.contents)
                           and _same_speaker(f, g)), None)
        if head_f is not None:
            if not head_f.dropped and head_f is not f and head_f.contents:
                head_f.contents.extend(c for c in f.contents if c not in head_f.contents)
                f.dropped = True
    _split_paragraph_quotes(text, [f for f in verb_found + acc_found if not f.dropped], quotes)
    final = sorted((f for f in verb_found + acc_found if not f.dropped), key=lambda f: (min(s for s, _ in f.contents), f.cue_start))
    out = []
    idx = state.article.index
    for f in final:
        head = _speaker_head(f.subj)
        sp = _speaker(state, head, f)
        contents = []
        for s, e in sorted(set(f.contents)):
            if any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in f.contents):
                continue
            contents.append(Span(article=state.article.id, start=s, end=e, text=text[s:e]))
        if not contents:
            continue
        chain = [sp] if sp is not None else []
        for o in f.outer:
            osp = _speaker(state, _speaker_head(o.subj), o)
            if osp is not None:
                chain.append(osp)
        hedges, dist = _hedges_and_distancing(doc, text, [(c.start, c.end) for c in contents] +
                                              [(f.sent[0], f.sent[1])], f.cls, f.cue_text.lower())
        for o in f.outer:
            if o.cls == "distancing":
                dist.append(o.cue_text.lower())
        out.append(Attribution(
            id=f"at{idx}-{len(out) + 1}", article=state.article.id, speaker=sp,
            cue=f.cue_text, cue_start=f.cue_start, cue_end=f.cue_end, content=contents,
            kind=f.kind if f.kind in ("direct", "indirect", "mixed", "according_to") else "indirect",
            chain=chain if len(chain) > 1 else ([sp] if sp else []), distancing=dist, hedges=hedges))
    # the learned tagger adds confident attributions the rules missed (extract/attribution_model.py)
    out.extend(learned_attributions(state, out))
    state.ann.attributions = out
