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
from dataclasses import dataclass, field
from typing import Optional

from ..models import Attribution, Span, Speaker
from .actors import RESOLVED_KEY, actor_at
from .lexicon import actor_lexicon, cues
from .quotes import find_quotes
from .segment import is_furniture, line_sentences

_REL_PRONOUNS = {"who", "which", "that", "whom"}
_CONTINUING = {"add", "continue", "note", "go"}  # "X said A, adding that B": one statement, two contents
_SPEAKER_STOP_DEPS = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj"}
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


def _subject(verb):
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and not (c.dep_ == "nsubjpass" and verb.lemma_ == "quote"):
            return c
    return None


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
    return [q for q in quotes if q[0] < end and q[1] > start]


def _clause_tokens(verb, exclude_cues=True):
    """Subtree of ``verb`` without subtrees of nested reporting clauses joined by advcl/conj
    that carry their own subject ("..., though officials denied that ...")."""
    drop = set()
    for t in verb.subtree:
        if t.i == verb.i:
            continue
        if exclude_cues and t.dep_ in ("advcl", "conj") and _is_cue_verb(t) and _subject(t) is not None:
            mark = [c for c in t.children if c.dep_ in ("mark", "cc")]
            drop.update(x.i for x in t.subtree)
            drop.update(x.i for m in mark for x in m.subtree)
    return [t for t in verb.subtree if t.i not in drop]


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
            s, e = min(s, qs), max(e, qe)
    return _trim(text, s, e)


def _find_verb_cues(doc, text, quotes) -> list[_Found]:
    found = []
    lex = cues()
    for sent in line_sentences(doc):
        if is_furniture(sent):
            continue
        for tok in sent:
            info = _is_cue_verb(tok)
            if not info:
                continue
            if tok.dep_ in ("amod", "compound") or tok.tag_ == "VBN" and tok.dep_ in ("acl",) and _subject(tok) is None:
                continue  # "so-called", "claimed territory": modifiers, not reporting
            subj = _inherited_subject(tok)
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
            near = [q for q in quotes if q not in sent_quotes and q[0] >= sent.end_char - 1 and q[0] - sent.end_char < 4
                    and text[sent.start_char:sent.end_char].rstrip().endswith(":")]
            # a quotation the parser cut off as its own sentence ("“...!” he tweeted.")
            near += [q for q in quotes if q not in sent_quotes and q[1] <= sent.start_char
                     and not text[q[1]:sent.start_char].strip() and "\n" not in text[q[1]:sent.start_char]
                     and (text[sent.start_char:sent.start_char + 1].islower()
                          or text[max(q[0], q[1] - 2):q[1] - 1] in (",", "!", "?", "—"))]
            if not cue_in_quote and (sent_quotes or near):
                # quotations next to the cue: before ("“...,” he said"), after ("he said: “...”"), or both
                adj = _adjacent_quotes(doc, text, tok, subj, sent_quotes + near)
                if not f.contents:
                    adj = adj or sent_quotes
                if adj:
                    qspans = [_trim(text, qs, qe) for qs, qe in adj]
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
            or low in _PEOPLE or low in cues()["report_nouns"])


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


def _kind(text, contents, quotes) -> str:
    direct = mixed = 0
    for s, e in contents:
        qs_in = [q for q in quotes if q[0] >= s - 1 and q[1] <= e + 1]
        if not qs_in:
            continue
        covered = sum(q[1] - q[0] for q in qs_in)
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
        a = actor_at(actors, hs, he)
        if a is not None:
            names.append(a.name)
            ids.append(a.id)
            for (rs, re_), (aid, how) in resolved.items():
                if rs <= hs and he <= re_ and aid == a.id:
                    hows.append(how)
        else:
            toks = _speaker_tokens(h)
            names.append(_clean(text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]))
            ids.append(None)
    toks = _speaker_tokens(head)
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    if len(names) > 1:
        toks_all = sorted(set(t for h in _conj_heads(head) for t in _speaker_tokens(h)) | set(toks), key=lambda t: t.i)
        s, e = toks_all[0].idx, toks_all[-1].idx + len(toks_all[-1].text)
    name = " and ".join(dict.fromkeys(n for n in names if n)) or _clean(text[s:e])
    how = hows[0] if hows else None
    if head.text.lower() in ("he", "she", "they", "it", "we") and not hows:
        how = f"pronoun '{head.text}' left unresolved: no compatible actor before it"
    return Speaker(name=name, actor=ids[0] if len(ids) == 1 else None, start=s, end=e, text=text[s:e], resolved=how)


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
        qs = [q for q in quotes if q[0] <= inner.cue_start < q[1]]
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
        if (t.dep_ in ("advcl", "conj", "xcomp") and t.tag_ == "VBG" and t.lemma_.lower() in _CONTINUING
                and _subject(t) is None and t.head.i in by_cue):
            head_f = by_cue[t.head.i]
            if not head_f.dropped and head_f is not f and head_f.contents:
                head_f.contents.extend(c for c in f.contents if c not in head_f.contents)
                f.dropped = True
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
    state.ann.attributions = out
