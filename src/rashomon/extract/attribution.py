"""The attributions stage: who said what, in one article.

In: ``state.doc`` (parsed), ``state.ann.actors`` (with resolutions in
``state.actor_resolutions``) and ``state.article.text``.
Out: ``state.ann.attributions`` — one ``Attribution`` (id ``at:<article>:<start>-<end>`` of its first content span) per reported
statement: speaker (mention span, resolved actor, canonical name, how it was resolved), cue (verb
or phrase, with span), content spans, kind (direct / indirect / mixed / according_to), the
reporting chain (original speaker first), distancing cues and hedges.

Rules (lexicon in ``data/en/cues.yaml``):

- a verb whose lemma is a cue, with a subject (``nsubj``): content is its clausal complement
  (``ccomp``/``xcomp``), the quotation next to it, or — for verbs like "acknowledged", "denied" —
  its object; a quote split around the cue gives two content spans;
- a participle cue without subject ("..., adding that Z", "declaring that Z") takes the subject
  of the verb it hangs from; when that verb is itself a cue the content is added to the same
  statement;
- a relative clause cue ("the commander, who reported that ...") takes the noun it modifies;
- "reports from X", "a statement by X" as subject name X as the speaker;
- a noun that names a statement, with its issuer and a "that" clause ("a statement from X that
  Y", "X's conclusion that Y"; ``attribution_nominal``): X said Y;
- "according to X": content is the clause the phrase modifies; when that clause is itself a
  reported statement ("X said, according to reports from AFP") X is added to its chain;
- a statement inside another statement's content ("A acknowledged that Z, media reported"; "RIA
  quoted the commander, who reported ...") keeps the inner speaker as the original speaker and the
  outer one in ``chain``.

- the channel is never the speaker: "said in a statement" records ``Speaker.channel``; "the
  statement said" is the body that spoke through a statement before (``attribution_channels``);
  "it said", "the company said" are the named body (``attribution_anaphora``); "Ruritania's prime
  minister said" is the one person the article gives that title (``attribution_descriptions``);
  "were told by X" credits the agent X; "Others said", "Five of them found" are named after the
  group named before them ("other residents", ``attribution_partitives``); "the outlet's sources"
  are the named outlet's sources; "according to their data" is the named body that was the last
  subject before it.
- a quotation that goes on after its statement ("“A,” she said. “B.”") is the same speaker's,
  and a cue inside it is part of what is quoted (``attribution_continuation``).
- a sentence hedged as reported with no speaker of its own ("It reportedly left port") right after
  a report's statement is that report's (``attribution_reportedly``); a sentence of quoted words
  between two statements of one speaker is that speaker's (``attribution_between``).

The stage function is here; its parts live beside it: the finders in ``attribution_cues``, the
speaker and its actor in ``attribution_speakers``, spans, quotes and hedges in ``attribution_spans``.
"""
from __future__ import annotations

from ..ids import span_id
from ..models import Attribution, Span
from .attribution_model import learned_attributions
from .attribution_nominal import find_nominal_reports
from .quotes import find_quotes
from .attribution_spans import _hedges_and_distancing, _quote_at, _split_paragraph_quotes
from .attribution_anaphora import resolve_body_anaphora
from .attribution_continuation import continue_quotes
from .attribution_reportedly import reported_sentences
from .attribution_between import between_statements
from .attribution_source import widen_sources
from .attribution_cue_phrase import widen_cues
from .attribution_channels import channel_of, channel_subject, resolve_channel_speakers
from .attribution_speakers import _same_speaker, _speaker, _speaker_head, _subject
from .attribution_cues import (_CONTINUING, _find_according_to, _find_colon_labels, _find_dash_signatures, _find_verb_cues,
                               _trailing_report_participle)


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
    # "a statement from X that ...": a statement named by a noun (attribution_nominal)
    acc_found = acc_found + labelled + find_nominal_reports(doc, text, quotes) + _find_dash_signatures(doc, text, quotes)

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
            if inner.cls == "evaluative" and outer.cls != "evaluative" and inner.kind != "according_to":
                # "X said Monday that Y has long called for Z": X's statement about Y's stance;
                # both stand (Y's nested in X's), X is no reporter of Y
                continue
            if inner.cls in ("belief", "hedging") or _same_speaker(inner, outer):
                # "He says he believes X": one statement by the outer speaker, not a chain
                inner.dropped = True
                continue
            if (inner.cue_tok is not None and inner.cue_tok.tag_ == "VBG"
                    and not (inner.cue_tok.dep_ == "acl" and inner.subj is not None and inner.subj.i == inner.cue_tok.head.i)):
                # "said the attack amounted to Kyiv rejecting talks": part of what the outer speaker
                # says; "rejected a report by X claiming that ...": X's statement, kept
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
    taken: set[str] = set()
    channel_items = []  # (cue offset, speaker, channel of the cue, channel as the subject)
    body_items = []  # (cue offset, speaker, its head token)
    for f in final:
        head = _speaker_head(f.subj)
        sp = _speaker(state, head, f)
        channel_items.append((f.cue_start, sp, channel_of(f.cue_tok), channel_subject(head) if head is not None else None))
        body_items.append((f.cue_start, sp, head))
        contents = []
        for s, e in sorted(set(f.contents)):
            if any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2 in f.contents):
                continue
            contents.append(Span(article=state.article.id, start=s, end=e, text=text[s:e]))
        if not contents:
            continue
        chain = [sp] if sp is not None else []
        for o in f.outer:
            ohead = _speaker_head(o.subj)
            osp = _speaker(state, ohead, o)
            if osp is not None:
                chain.append(osp)
                channel_items.append((o.cue_start, osp, channel_of(o.cue_tok), channel_subject(ohead) if ohead is not None else None))
        hedges, dist = _hedges_and_distancing(doc, text, [(c.start, c.end) for c in contents] +
                                              [(f.sent[0], f.sent[1])], f.cls, f.cue_text.lower())
        for o in f.outer:
            if o.cls == "distancing":
                dist.append(o.cue_text.lower())
        out.append(Attribution(
            id=span_id("at", state.article.id, contents[0].start, contents[0].end, taken), article=state.article.id, speaker=sp,
            cue=f.cue_text, cue_start=f.cue_start, cue_end=f.cue_end, content=contents,
            kind=f.kind if f.kind in ("direct", "indirect", "mixed", "according_to") else "indirect",
            chain=chain if len(chain) > 1 else ([sp] if sp else []), distancing=dist, hedges=hedges))
    # "the ministry said in a statement" records the channel; "the statement said" is its issuer
    resolve_channel_speakers(channel_items)
    # "it said", "the company said": the named body that spoke before, or the article's one body of that kind
    resolve_body_anaphora(body_items, state.ann.actors)
    # the learned tagger adds confident attributions the rules missed (extract/attribution_model.py)
    out.extend(learned_attributions(state, out))
    # "“A,” she said. “B.”": the quotation that goes on is hers too (attribution_continuation)
    _, drop = continue_quotes(text, quotes, out, state.article.id)
    if drop:
        out = [a for a in out if a.id not in drop]
    # "According to a report by X, ... It reportedly left port": the hedged sentence is X's (attribution_reportedly)
    out.extend(reported_sentences(doc, text, state.article.id, out, {a.id: a.type for a in state.ann.actors}))
    # "“A,” the official said. It was “B”. C, the official noted.": the quoted middle is hers too (attribution_between)
    out.extend(between_statements(doc, text, state.article.id, quotes, out))
    # "Quentin Kidd, a political scientist at X, said": the source is the whole phrase (attribution_source)
    # "has also said", "pointed out": the cue phrase around the verb (attribution_cue_phrase)
    state.ann.attributions = widen_cues(doc, widen_sources(doc, text, out))
