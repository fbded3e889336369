"""Sentences that go on with a report's speaker: "reportedly", "is believed to".

News prose names a report once and then goes on stating what it found, hedged as reported but with
no speaker of its own: ``Investigators found a boat, according to a report by the weekly Der
Abend. The boat is believed to have carried four people. It reportedly left port on May 2.`` The
two sentences after the first are the report's: the hedge says "reported", the sentence before
says by whom.

In: the parsed ``doc``, the article text and id, and the attributions found so far.
Out: ``reported_sentences`` returns new ``Attribution`` records (cue: the hedge word, content: the
sentence, speaker: the report's speaker, implicit (no mention span of its own), ``resolved`` saying
why).

A sentence goes on with the statement before it when all of these hold: its main verb carries a
reporting adverb ("reportedly") or is a reporting passive with "to" ("is said to", "are believed
to"; ``data/en/attribution_words.yaml``); no statement's cue or content lies in it; the sentence
right before it (across at most one paragraph break) holds a statement, or is itself such a
sentence; and that statement is a report's: spoken through a report channel ("according to a
report by X"), by a media outlet, or with a verb of publishing ("X reported", "X wrote").
Otherwise the hedge stays a hedge and the sentence the outlet's narration.
"""
from __future__ import annotations

from typing import Optional

from ..ids import span_id
from ..models import Attribution, Span
from .attribution_spans import _WORDS, _trim
from .segment import is_furniture, line_sentences

_ADVERBS = set(_WORDS["reporting_adverbs"])
_PASSIVES = set(_WORDS["reporting_passives"])
_CHANNELS = set(_WORDS["report_channels"])
_CUE_VERBS = set(_WORDS["report_cue_verbs"])


def reporting_hedge(sent):
    """The token that hedges ``sent``'s main clause as reported ("reportedly", the "believed" of
    "is believed to"), or None. Only the root verb and verbs coordinated with it count."""
    roots = [sent.root] + [c for c in sent.root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    for v in roots:
        if v.lemma_.lower() in _PASSIVES and v.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in v.children) \
                and any(c.dep_ == "xcomp" and any(m.lower_ == "to" for m in c.children) for c in v.children):
            return v
        for c in v.children:
            if c.dep_ == "advmod" and c.lower_ in _ADVERBS:
                return c
    return None


def _is_report(att: Attribution, doc, actor_types: dict) -> bool:
    """True when ``att`` is a report's statement (see module docstring)."""
    sp = att.speaker
    if sp is None:
        return False
    if sp.channel in _CHANNELS or actor_types.get(sp.actor) == "media_outlet":
        return True
    if att.cue_start is None:
        return False
    span = doc.char_span(att.cue_start, att.cue_end, alignment_mode="expand")
    return span is not None and span[0].lemma_.lower() in _CUE_VERBS


def reported_sentences(doc, text: str, article: str, atts: list[Attribution], actor_types: dict,
                       taken: Optional[set] = None) -> list[Attribution]:
    """New attributions for the hedged sentences that go on with a report's speaker (see module
    docstring); ``actor_types`` maps actor ids to their types; ``taken`` holds the ids in use."""
    taken = set(a.id for a in atts) if taken is None else taken
    sents = [s for s in line_sentences(doc) if not is_furniture(s)]
    spans = [(a, c.start, c.end) for a in atts for c in a.content]
    cues = [a.cue_start for a in atts if a.cue_start is not None]
    out: list[Attribution] = []
    last: Optional[Attribution] = None  # the statement of the sentence before, if any
    for i, sent in enumerate(sents):
        s, e = sent.start_char, sent.end_char
        here = [a for a, cs, ce in spans if cs < e and s < ce] + [a for a in atts if a.cue_start is not None and s <= a.cue_start < e]
        if here or any(s <= c < e for c in cues):
            last = max(here, key=lambda a: max(c.end for c in a.content)) if here else None
            continue
        prev = last
        last = None
        if prev is None or i == 0 or text[sents[i - 1].end_char:s].count("\n") > 2:
            continue
        hedge = reporting_hedge(sent)
        if hedge is None or not _is_report(prev, doc, actor_types):
            continue
        cs, ce = _trim(text, s, e)
        if len(text[cs:ce].split()) < 4:
            continue
        sp = prev.speaker.model_copy()
        sp.start = sp.end = sp.text = None  # implicit in the hedged sentence: no mention of its own
        sp.resolved = f"reported sentence '{hedge.text}' -> the report of the statement just before it '{sp.name}'"
        a = Attribution(
            id=span_id("at", article, cs, ce, taken), article=article, speaker=sp, cue=hedge.text,
            cue_start=hedge.idx, cue_end=hedge.idx + len(hedge.text),
            content=[Span(article=article, start=cs, end=ce, text=text[cs:ce])], kind="indirect",
            chain=[c.model_copy() for c in prev.chain], hedges=[hedge.text.lower()])
        out.append(a)
        last = a
    return out
