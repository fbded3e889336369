"""The claims stage: the clause-level units later matched across articles.

In: ``state.doc``, ``state.ann.attributions``, ``state.ann.actors``, ``state.ann.quantities``,
``state.ann.times`` and ``state.article.text``.
Out: ``state.ann.claims`` (ids ``c:<article>:<start>-<end>``, see ``rashomon.ids``), each with ``text == article.text[start:end]``,
and the links claim <-> quantities/times (``claim.quantities``/``claim.times`` and
``quantity.claim``/``time.claim``), and each claim's ``proposition`` (``rashomon.extract.propositions``).

- Every attributed statement gives claims: a sentence with one statement is one claim (the whole
  sentence, so "“...,” he said" keeps its speaker words); a sentence with several statements, or a
  statement that goes on with a second content ("..., adding that Z"), gives one claim per part;
  a quotation that runs over several sentences gives one claim per sentence, all with the speaker;
  a stance clause cut off before a statement of the same speaker ("X decry A and announce B") is
  X's claim too, not narration.
- Every other sentence is the outlet's own narration (speaker null, kind "narrative"), split into
  clauses where the parse shows several propositions: coordinated clauses with their own subject,
  and a trailing participle clause after a comma ("..., reportedly taking control of ...").
- A long claim also gives the clauses it packs together as claims nested in it (participle
  clauses, verb phrases sharing a subject, quotations; see ``rashomon.extract.claim_clauses``),
  with the same speaker.
- A long attributed claim also gives what was said without the reporting frame ("“A,” the
  ministry said in a statement posted on ..." -> "“A,”"), one claim per statement it holds, nested
  in it with each statement's speaker (see ``rashomon.extract.claim_content``).
- Headings, bylines, questions to the reader and page furniture (see ``is_furniture``) give no
  claims.
- Polarity is "denied" for a denial cue ("denied that X") or a negated main verb; ``hedged`` and
  ``hedges`` come from hedge words (``data/en/cues.yaml``) in the claim or its cue.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Optional

from ..ids import span_id
from ..models import Claim
from ..settings import setting
from .lexicon import cues
from .claim_clauses import clause_drafts, trim_span
from .claim_content import content_drafts
from .claim_splits import gap_draft, resumed_quotation, shared_speaker_regions, trailing_participle
from .propositions import add_propositions
from .quotes import find_quotes
from .segment import datelines, doc_text, is_furniture, line_sentences
from ..data import load_yaml

_WORDS = load_yaml("claim_words.yaml", "en")  # word lists and patterns of this module (data/en/claim_words.yaml)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """A claim's span trimmed (``trim_span``); a leading conjunction goes only before more than 20
    characters."""
    return trim_span(text, s, e, min_rest=20)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _negated(tok) -> bool:
    neg = cues()["negations"]
    return any(c.dep_ == "neg" or (c.lower_ in neg and c.dep_ in ("neg", "advmod", "det")) for c in tok.children)


def _negated_uncertainty(root) -> Optional[str]:
    """"not clear" / "not known" when ``root`` is a negated copula or passive whose predicate
    says something is unknown ("It is not clear how many were killed"), else None."""
    if not _negated(root):
        return None
    preds = cues()["uncertainty_predicates"]
    for c in [root, *root.children]:
        if c.lower_ in preds and (c is root or c.dep_ in ("acomp", "attr", "oprd")):
            return f"not {c.lower_}"
    return None


def _hedges(span, extra=()) -> list[str]:
    lex = cues()
    out = list(extra)
    for t in span:
        w = t.lower_
        if w in lex["hedges"] and (t.pos_ in ("ADV", "VERB", "AUX") or w in ("reportedly", "apparently")):
            if w not in out:
                out.append(w)
    return out


def _distancing(span, extra=()) -> list[str]:
    out = list(extra)
    low = span.text.lower()
    for d in ("so-called", "alleged", "purported", "supposed"):
        if d in low and d not in out:
            out.append(d)
    return out


def _participle_cue_before(doc, start: int, floor: int) -> Optional[int]:
    """Start of a participle cue ("adding", "saying") just before ``start`` (after ``floor``)."""
    span = doc.char_span(floor, start, alignment_mode="contract") if start > floor else None
    if span is None:
        return None
    verbs = cues()["verbs"]
    for t in reversed(list(span)[-4:]):
        if t.tag_ == "VBG" and t.lemma_.lower() in verbs:
            return t.idx
    return None


def _subordinate_statement_start(doc, att, sent) -> Optional[int]:
    """Where a statement hanging from a narrated clause begins ("..., declaring that ...",
    "..., with Z stating that ...", "... but claim to ..."), when the narration before it is a
    clause of its own (>= 6 words); else None."""
    if att.cue_start is None or att.kind == "according_to":
        return None
    i = _tok_at(doc, att.cue_start)
    if i is None:
        return None
    cue = doc[i]
    if cue.dep_ not in ("advcl", "pcomp", "acl", "conj", "xcomp") or cue.head.i == cue.i:
        return None
    head = cue.head
    if head.dep_ == "prep":
        head = head.head
    if cues()["verbs"].get(head.lemma_.lower(), {}).get("class", "none") not in ("none", "evaluative", "belief"):
        return None  # "X said A, adding that B" stays whole
    left = cue.left_edge
    if cue.dep_ == "pcomp" and cue.head.i < left.i:
        left = cue.head
    if cue.dep_ == "conj":
        cc = [c for c in cue.head.children if c.dep_ == "cc" and c.i < cue.i]
        if cc:
            left = min(left, cc[-1], key=lambda t: t.i)
    start = left.idx
    if start <= sent.start_char or _words(doc_text(doc)[sent.start_char:start]) < 6:
        return None
    if any(c.start < start for c in att.content):
        return None  # "A rallied support, Lund, the head of X, told TV": what was said comes first
    if att.speaker is not None and att.speaker.start is not None and att.speaker.start < start:
        # the speaker is named in the narrated part: keep the statement with the sentence
        # unless the statement is a participle of the speaker's own clause
        if cue.tag_ != "VBG" and cue.dep_ != "conj":
            return None
    return start


def _narration_clauses(sent) -> list[tuple[int, int]]:
    """Split a narration sentence into clause spans (character offsets)."""
    root = sent.root
    cuts = []  # token indices where a new clause begins
    for c in root.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children):
            left = c.left_edge.i
            # include the coordinator and comma before the conjunct into the cut
            cuts.append(left)
        elif c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > root.i:
            left = c.left_edge.i
            if left > sent.start and sent.doc[left - 1].text == ",":
                cuts.append(left)
    if not cuts:
        return [(sent.start_char, sent.end_char)]
    bounds = sorted(set(cuts))
    spans, prev = [], sent.start
    for b in bounds:
        spans.append((prev, b))
        prev = b
    spans.append((prev, sent.end))
    doc = sent.doc
    out = []
    for a, b in spans:
        if b <= a:
            continue
        s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        out.append((s, e))
    # do not leave tiny fragments: merge a short piece into its neighbour
    merged = []
    for s, e in out:
        if merged and (_words(doc_text(sent.doc)[s:e]) < setting("claims.min_clause_words") or _words(doc_text(sent.doc)[merged[-1][0]:merged[-1][1]]) < setting("claims.min_clause_words")):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def extract_claims(state) -> None:
    """Fill ``state.ann.claims`` and link quantities/times to them (see module docstring)."""
    doc = state.doc
    ann = state.ann
    if doc is None:
        ann.claims = []
        return
    text = state.article.text
    aid = state.article.id
    sents = line_sentences(doc)
    furniture = [is_furniture(s) for s in sents]
    quotes = find_quotes(text)

    sent_starts = [s.start_char for s in sents]

    def sent_index(pos: int) -> int:
        i = bisect_right(sent_starts, pos) - 1
        if 0 <= i < len(sents) and sents[i].start_char <= pos < sents[i].end_char:
            return i
        for j in range(max(0, i - 1), min(len(sents), i + 2)):
            if sents[j].start_char <= pos < sents[j].end_char:
                return j
        return len(sents) - 1 if i >= len(sents) - 1 or not sents else max(i, 0)

    drafts = []  # dicts: start, end, sent_i, att (or None), cue
    covered = set()
    by_sent: dict[int, list] = {}
    for att in ann.attributions:
        si = sent_index(att.cue_start if att.cue_start is not None else att.content[0].start)
        by_sent.setdefault(si, []).append(att)

    for si, atts in by_sent.items():
        sent = sents[si]
        speech = [a for a in atts if _speech(doc, a)]
        if speech and len(speech) < len(atts):
            # "X thanked the soldiers who, he said, fought ...": the statement carries the sentence;
            # stance verbs (thanked, praised) do not cut it into pieces; a stance clause of its own
            # beside the statement ("A suspected X, and B blamed Y") stays
            atts = [a for a in atts if a in speech or not any(_holds(a, b) or _holds(b, a) or _same_name(a, b) for b in speech)]
        ss, se = sent.start_char, sent.end_char
        nested = [a for a in atts if any(b is not a and _holds(b, a) for b in atts)]
        if nested and len(nested) < len(atts):
            # "X rejected a report by Y claiming that Z": X's claim is the sentence, Y's a claim
            # nested in it, from Y's words on
            for a in nested:
                pts = [c.start for c in a.content] + [a.cue_start]
                if a.speaker is not None and a.speaker.start is not None and ss <= a.speaker.start < a.cue_start:
                    pts.append(a.speaker.start)
                ns, ne = _trim(text, max(ss, min(pts)), min(se, max(c.end for c in a.content)))
                if _words(text[ns:ne]) >= 4:
                    drafts.append(dict(start=ns, end=ne, sent_i=si, att=a))
            atts = [a for a in atts if a not in nested]
        ss, se = sent.start_char, sent.end_char
        regions = []  # (start, end, att)
        for att in atts:
            groups: list[list[tuple[int, int]]] = []
            for c in sorted(att.content, key=lambda c: c.start):
                cs, ce = c.start, c.end
                if ce <= ss or cs >= se:
                    # a part of a quotation in another sentence: its own claim(s)
                    for sj in range(sent_index(cs), sent_index(max(cs, ce - 1)) + 1):
                        if sj == si:
                            continue
                        ps, pe = _trim(text, max(cs, sents[sj].start_char), min(ce, sents[sj].end_char))
                        if _words(text[ps:pe]) >= 3:
                            drafts.append(dict(start=ps, end=pe, sent_i=sj, att=att))
                            covered.add(sj)
                    continue
                # parts of this content outside this sentence (a quotation over several sentences)
                for sj in range(sent_index(cs), sent_index(max(cs, ce - 1)) + 1):
                    if sj != si and not furniture[sj]:
                        ps, pe = _trim(text, max(cs, sents[sj].start_char), min(ce, sents[sj].end_char))
                        if _words(text[ps:pe]) >= 3:
                            drafts.append(dict(start=ps, end=pe, sent_i=sj, att=att))
                            covered.add(sj)
                cs, ce = max(cs, ss), min(ce, se)
                pc = _participle_cue_before(doc, cs, groups[-1][-1][1] if groups else ss)
                if groups and pc is not None and pc >= groups[-1][-1][1]:
                    groups.append([(pc, ce)])
                elif groups:
                    groups[-1].append((cs, ce))
                else:
                    groups.append([(cs, ce)])
            # a speaker inherited from inside another statement ("X said that he crossed ...,
            # saying ...": "he") does not pull this statement's region over that one
            others = [(c.start, c.end) for b in atts if b is not att for c in b.content]
            for gi, g in enumerate(groups):
                s, e = min(x[0] for x in g), max(x[1] for x in g)
                core = s if att.cue_start is None or not ss <= att.cue_start < se else min(s, att.cue_start)
                if gi == 0:
                    for a, b in ((att.cue_start, att.cue_end), (att.speaker.start, att.speaker.end) if att.speaker and att.speaker.start is not None else (None, None)):
                        if a is not None and b is not None and a != att.cue_start and any(x <= a and b <= y for x, y in others):
                            continue
                        if a is not None and ss <= a and b <= se:
                            s, e = min(s, a), max(e, b)
                regions.append((s, e, att, core))
        if not regions:
            continue
        covered.add(si)
        n_words = _words(sent.text)
        if len(regions) == 1 and n_words <= setting("claims.max_whole_sentence_words"):
            att = regions[0][2]
            cut = _subordinate_statement_start(doc, att, sent)
            if cut is not None:
                # "X met Y on Friday, with Z stating that ...": narration, then the statement
                ls, le = _trim(text, ss, cut)
                # "X decry A and announce B": the stance clause before is X's too, not narration
                stance = next((b for b in by_sent[si] if b is not att and b.cue_start is not None and ls <= b.cue_start < le
                               and b.speaker is not None and att.speaker is not None and _same_name(b, att)), None)
                if _words(text[ls:le]) >= 3:
                    drafts.append(dict(start=ls, end=le, sent_i=si, att=stance))
                s, e = _trim(text, cut, se)
            else:
                s, e = _trim(text, ss, se)
            tail = trailing_participle(doc, sent, s, e, att, quotes)
            if tail is None:
                tail = resumed_quotation(text, s, e, att)
            if tail is not None:
                # "X protested on Sunday against ..., calling the move an overreaction": the
                # speaker's statement, then what X did beside it, two claims of X; "“A,” X said,
                # “Then B.”": two sentences of one quotation, two claims of X
                hs, he = _trim(text, s, tail)
                drafts.append(dict(start=hs, end=he, sent_i=si, att=att))
                s, e = _trim(text, tail, e)
            drafts.append(dict(start=s, end=e, sent_i=si, att=att))
            continue
        regions = shared_speaker_regions(regions)
        regions.sort(key=lambda r: r[0])
        # widen: the first region to the sentence start, the last to its end, when nothing else is there
        for k, (s, e, att, _core) in enumerate(regions):
            if k == 0 and _words(text[ss:s]) < 8:
                s = ss
            if k == len(regions) - 1 and _words(text[e:se]) < 8:
                e = se
            if k + 1 < len(regions):
                nxt = regions[k + 1][0]
                # words between two statements ("..., vowing to topple X and saying ...") stay
                # with the first rather than in no claim at all; a longer stretch is a claim of
                # its own (``claim_splits.gap_draft``)
                if e < nxt and _words(text[e:nxt]) >= setting("claims.gap_claim_words"):
                    gap = gap_draft(doc, text, e, nxt, si, att)
                    if gap is not None:
                        drafts.append(gap)
                e = nxt if e < nxt and _words(text[e:nxt]) < setting("claims.gap_claim_words") else min(e, nxt)
            s, e = _trim(text, s, e)
            tail = trailing_participle(doc, sent, s, e, att, quotes) if e > s else None
            if tail is not None:
                hs, he = _trim(text, s, tail)
                drafts.append(dict(start=hs, end=he, sent_i=si, att=att))
                s, e = _trim(text, tail, e)
            if e > s and _words(text[s:e]) >= 2:
                drafts.append(dict(start=s, end=e, sent_i=si, att=att))

    for si, sent in enumerate(sents):
        if si in covered or furniture[si]:
            continue
        for s, e in _narration_clauses(sent):
            s, e = _trim(text, s, e)
            if _words(text[s:e]) >= 3:
                drafts.append(dict(start=s, end=e, sent_i=si, att=None))

    drafts = _tidy(text, drafts, datelines(text))
    # what a long statement says, without its frame, a claim nested in it (claim_content); the
    # clauses a long sentence packs together, each its own (nested) claim (claim_clauses)
    said = content_drafts(doc, text, drafts, ann.attributions, quotes)
    parts = [d for d in clause_drafts(doc, text, drafts, quotes, ann.attributions)
             if (d["start"], d["end"]) not in {(x["start"], x["end"]) for x in said}]
    drafts = sorted(drafts + said + parts, key=lambda d: (d["start"], d["end"]))
    mentions = sorted((m.start, m.end, a.id) for a in ann.actors for m in a.mentions)
    m_starts = [m[0] for m in mentions]
    claims = []
    taken: set[str] = set()
    for d in drafts:
        att = d["att"]
        s, e = d["start"], d["end"]
        sent = sents[d["sent_i"]]
        span = doc.char_span(s, e, alignment_mode="expand") or sent
        polarity = "asserted"
        cue_cls = None
        cue_negated = False
        neg_cue = None
        if att is not None and att.cue:
            cue_cls = cues()["verbs"].get(_lemma(doc, att.cue_start), {}).get("class")
            cue_tok = doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
            cue_negated = cue_tok is not None and _negated(cue_tok.root)
            if cue_cls == "denial" and not cue_negated:
                polarity = "denied"
            elif cue_negated:
                # "did not say / did not confirm / did not deny that X": X is left open, not denied
                neg_cue = f"not {att.cue.lower()}"
        root = span.root
        unknown = _negated_uncertainty(root) or neg_cue
        if (polarity == "asserted" and root.pos_ in ("VERB", "AUX") and _negated(root) and not unknown
                and (att is None or root.i != _tok_at(doc, att.cue_start))):
            polarity = "denied"
        hedges = _hedges(span, att.hedges if att else ())
        if unknown and unknown not in hedges:
            hedges.append(unknown)
        dist = _distancing(span, att.distancing if att else ())
        claims.append(Claim(
            id=span_id("c", aid, s, e, taken), article=aid, text=text[s:e], start=s, end=e,
            speaker=att.speaker if att else None, cue=att.cue if att else None,
            kind=att.kind if att else "narrative", attribution=att.id if att else None,
            chain=list(att.chain) if att else [], polarity=polarity, hedged=bool(hedges), hedges=hedges,
            distancing=dist, sentence_start=sent.start_char, sentence_end=sent.end_char,
            actors=sorted({m[2] for m in mentions[bisect_left(m_starts, s):bisect_left(m_starts, e)] if m[1] <= e}),
        ))
    # a clause claim names the claim it is part of (claim_clauses)
    by_span = {(c.start, c.end): c.id for c in claims}
    for c, d in zip(claims, drafts):
        if d.get("parent") is not None:
            c.parent = by_span.get(d["parent"])
    _link(claims, ann)
    ann.claims = claims
    add_propositions(state)


_DANGLING = re.compile(_WORDS["dangling"], re.I)


def _whole_sentence(text: str, s: int, e: int) -> bool:
    """True when ``text[s:e]`` ends a sentence and starts like one (capital or quotation mark)."""
    seg = text[s:e].rstrip("\"”’' ")
    return bool(seg) and seg[-1] in ".!?" and (text[s].isupper() or text[s] in "\"“‘'")


def _tidy(text: str, drafts: list, dates: list) -> list:
    """Clean the claim drafts of one article (sorted by start):

    - a dateline at the start ("RIVERTON, March 3 (Reuters) - ") is cut off;
    - a dangling conjunction at the end ("..., but") is cut off;
    - fragments under 4 words are dropped (a whole three-word sentence stays);
    - two drafts with the same span keep one (the attributed one); a span nested in another of the
      same statement (or of narration inside narration) is dropped; a partial overlap is cut so
      the later draft starts where the earlier ends."""
    d_starts = [d[0] for d in dates]
    out = []
    for d in drafts:
        s, e = d["start"], d["end"]
        k = bisect_right(d_starts, s) - 1
        if k >= 0 and dates[k][0] <= s < dates[k][1]:
            s = dates[k][1]
        m = _DANGLING.search(text, s, e)
        if m and m.end() == e:
            e = m.start()
        s, e = _trim(text, s, e)
        n = _words(text[s:e])
        if n < 3 or (n == 3 and not _whole_sentence(text, s, e)):
            continue  # a fragment; a three-word sentence ("Nobody wants it.") stays
        out.append(dict(d, start=s, end=e))
    out.sort(key=lambda d: (d["start"], -d["end"]))
    kept: list = []
    for d in out:
        drop = False
        for k in range(len(kept) - 1, max(-1, len(kept) - 6), -1):
            p = kept[k]
            if p["end"] <= d["start"]:
                continue
            same = (p["att"] is None and d["att"] is None) or (p["att"] is not None and d["att"] is not None
                                                                and p["att"].id == d["att"].id)
            if (p["start"], p["end"]) == (d["start"], d["end"]):
                if p["att"] is None and d["att"] is not None:
                    kept[k] = d
                drop = True
                break
            if d["end"] <= p["end"]:  # nested in p
                if same:
                    drop = True
                    break
                continue
            # partial overlap: the later draft starts where p ends
            ns, ne = _trim(text, p["end"], d["end"])
            if _words(text[ns:ne]) < 4:
                drop = True
                break
            d = dict(d, start=ns, end=ne)
        if not drop:
            kept.append(d)
    kept.sort(key=lambda d: (d["start"], d["end"]))
    return kept


def _same_name(a, b) -> bool:
    """True when two statements have the same speaker name (or either has none)."""
    return a.speaker is None or b.speaker is None or a.speaker.name == b.speaker.name


def _holds(outer, inner) -> bool:
    """True when ``inner``'s cue lies inside ``outer``'s content (a statement within a stance)."""
    pos = inner.cue_start if inner.cue_start is not None else inner.content[0].start
    return any(c.start <= pos < c.end for c in outer.content)


def _speech(doc, att) -> bool:
    """True for a statement proper (said, claimed, according to ...), False for stance or belief
    cues (praised, thanked, believed)."""
    if att.kind == "according_to" or att.cue_start is None:
        return True
    cls = cues()["verbs"].get(_lemma(doc, att.cue_start), {}).get("class", "neutral")
    return cls not in ("evaluative", "belief")


def _tok_at(doc, pos):
    if pos is None:
        return None
    sp = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return sp[0].i if sp is not None else None


def _lemma(doc, pos) -> str:
    i = _tok_at(doc, pos)
    return doc[i].lemma_.lower() if i is not None else ""


def _link(claims: list[Claim], ann) -> None:
    """Tie quantities and times to the smallest claim whose span contains them."""
    order = sorted(claims, key=lambda c: c.start)
    starts = [c.start for c in order]
    longest = max((c.end - c.start for c in order), default=0)
    for items, field in ((ann.quantities or [], "quantities"), (ann.times or [], "times")):
        for it in items:
            best = None
            k = bisect_right(starts, it.start)
            lo = bisect_left(starts, it.start - longest)
            for c in order[lo:k]:
                if c.start <= it.start and it.end <= c.end and (best is None or c.end - c.start < best.end - best.start):
                    best = c
            if best is not None:
                getattr(best, field).append(it.id)
                if getattr(it, "claim", None) is None:
                    it.claim = best.id
