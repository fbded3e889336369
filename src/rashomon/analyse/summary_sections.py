"""The overview, established, claimed and numbers sections of the summary.

In: a ``_Ctx`` over one dossier (clusters with their sources and sides, claims, checks, the
articles' verb positions). Out: lists of ``SummarySentence`` per section: ``_overview`` (full claims
from the clusters carried by most articles), ``_established`` (facts with two independent sources,
see ``independent_sources``), ``_claimed`` (attributed claims not disputed) and ``_numbers``
(figures that disagree across sources).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from ..models import Claim, Cluster, Source, SummarySentence
from .summary_blocks import MAX_CLAIMED, MAX_ESTABLISHED, MAX_NUMBERS, _Ctx, _WORDS, _join, _outlets, _rep, _sentence, quote


# --------------------------------------------------------------------------- sections


_FIRST_PERSON = re.compile(_WORDS["first_person"])
_OPINION = re.compile(_WORDS["opinion"], re.I)


def is_opinion(c: Claim) -> bool:
    """A claim that is a quoted opinion or evaluation rather than a narrated or reported fact: a
    direct quotation, a claim in the first or second person, or one holding an evaluative word or
    a modal of obligation ("Flynn lied and it's like they ruined his life")."""
    return c.kind == "direct" or bool(_FIRST_PERSON.search(c.text)) or bool(_OPINION.search(c.text))


def _n_words(text: str) -> int:
    return len(re.findall(r"[^\W_][\w'’\-]*", text))


def _has_verb(ctx: _Ctx, text: str, spans: list[tuple[int, int]], article: str) -> bool:
    """Whether the passage ``text`` (cut from ``spans`` of ``article``) holds a verb or auxiliary:
    one of the VERB/AUX tokens the parse stage recorded (``ArticleAnnotations.verbs``); a
    word-shape guess when the dossier comes without those records. Reads records only."""
    starts = ctx.verbs.get(article) if ctx.verbs is not None else None
    if starts is None:
        return bool(re.search(_WORDS["verb_shapes_fallback"], text))
    return any(bisect_left(starts, s) < bisect_left(starts, e) for s, e in spans)


def _overview_passage(ctx: _Ctx, c: Claim) -> tuple[str, list[tuple[int, int]]]:
    """The passage of ``c`` the overview quotes, with its article offsets: its content for
    attributed claims, its text for narration; the whole claim when the content alone is under 8
    words."""
    if c.speaker is not None and c.kind != "narrative":
        content, spans = ctx.content_and_spans(c)
        return (content, spans) if _n_words(content) >= 8 else (c.text, [(c.start, c.end)])
    return c.text, [(c.start, c.end)]


def _overview_text(ctx: _Ctx, c: Claim) -> str:
    """The text of ``_overview_passage``."""
    return _overview_passage(ctx, c)[0]


def _overview_claim(ctx: _Ctx, mem: list[Claim]) -> Optional[Claim]:
    """The claim of a cluster the overview quotes: narration or indirect/according-to speech of
    8 or more words with a verb first, then direct speech of 8+ words with a verb, then anything of
    6+ words; never a fragment under 6 words."""
    def rank(c: Claim):
        n = _n_words(_overview_text(ctx, c))
        fragment = c.kind == "narrative" and not c.text.lstrip("\"“‘'(")[:1].isupper()  # a clause cut out of a sentence
        return (c.kind == "direct", n < 8, fragment, is_opinion(c), not (c.speaker and c.speaker.actor) and c.kind != "narrative",
                abs(n - 25), c.id)
    for c in sorted(mem, key=rank):
        text, spans = _overview_passage(ctx, c)
        n = _n_words(text)
        if n >= 6 and (n < 8 or _has_verb(ctx, text, spans, c.article)):
            return c
    return None


def _overview(ctx: _Ctx) -> list[SummarySentence]:
    """One sentence: how many articles were read and the most widely carried claim about the main
    event (clusters carried by the most articles of the main event first)."""
    d = ctx.d
    if not d.clusters or not d.articles:
        return []
    main = next((e for e in d.events if e.main), d.events[0] if d.events else None)
    main_arts = set(main.articles) if main and main.articles else {a.id for a in d.articles}

    def arts(k: Cluster) -> set[str]:
        return {ctx.claims[c].article for c in k.claims if c in ctx.claims} & main_arts

    ks = sorted((k for k in d.clusters if arts(k)), key=lambda k: (-len(arts(k)), k.corroboration == "narration_only", k.id))
    for k in ks[:40]:
        mem = [c for c in ctx.members(k) if c.article in main_arts]
        rep = _overview_claim(ctx, mem)
        if rep is None:
            continue
        outlets = _outlets(ctx, mem)
        n_art = len(arts(k))
        lead = f"{len(d.articles)} articles were read"
        if main and len(d.events) > 1:
            lead += f", reporting {len(d.events)} related events"
        if rep.speaker is not None and rep.kind != "narrative":
            text = (f"{lead}; the most widely carried claim about the main event, in {n_art} of them ({_join(outlets)}), "
                    f"is attributed to {ctx.who(rep, k)}: {quote(_overview_text(ctx, rep))}.")
        else:
            text = (f"{lead}; the most widely carried account of the main event, in {n_art} of them ({_join(outlets)}), "
                    f"is {ctx.who(rep)}'s: {quote(rep.text)}.")
        s = _sentence(ctx, text, [rep] + [c for c in mem if c is not rep], "overview")
        if s:
            return [s]
    return []


def _distinct_sources(ctx: _Ctx, cites: list[str]) -> int:
    """How many different speakers (or outlets, for narration) the cited claims come from: a
    claim is "established" only on two or more."""
    keys = set()
    for cid in cites:
        c = ctx.claims[cid]
        if c.speaker is not None and c.kind != "narrative":
            keys.add(("s", c.speaker.actor or c.speaker.name.lower()))
        else:
            keys.add(("o", c.article))
    return len(keys)


def _name_tokens(name: str) -> set[str]:
    """Lower-case name words of three or more letters ("Michael Steele" -> {"michael", "steele"})."""
    return {w.lower() for w in re.findall(r"[^\W\d_]{3,}", name or "")} - set(_WORDS["name_noise"])


_GENERIC = frozenset(_WORDS["generic"])
_DETERMINERS = frozenset(_WORDS["determiners"])


def _is_named(name: Optional[str]) -> bool:
    """Whether a speaker or source is identified ("Ann Ruiz", "interior ministry", "a witness"),
    not a bare pronoun, quantifier or generic noun ("source", "many", "those", "that", "man",
    "officials"), which cannot be counted as an independent source or stand for a side."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", (name or "").lower()) if w not in _DETERMINERS]
    return bool(words) and not all(w in _GENERIC for w in words)


def _same_person(a: str, b: str) -> bool:
    """Two source names that may be one person or body split in two ("Donald Trump" and "Trump",
    "Michael Steele" and "Steele"): they share a name word."""
    ta, tb = _name_tokens(a), _name_tokens(b)
    return not ta or not tb or bool(ta & tb)


def independent_sources(ctx: _Ctx, k: Cluster) -> tuple[list[tuple[Source, list[Claim]]], bool]:
    """The sources of cluster ``k`` that make it "established", and whether they are on different
    sides. A source counts only with a cited claim of the cluster that is a narrated or reported
    fact (not a quoted opinion, see ``is_opinion``). Two sources are independent when their names
    share no name word and (cross-side) they are on different known sides, or (same side) their
    claims come from different articles of different outlets. Returns ``([], False)`` when fewer
    than two independent sources remain."""
    members = {c.id for c in ctx.members(k)}
    srcs = []
    for src in k.sources:
        if not _is_named(src.name):
            continue  # "source", "many", "a man": no identifiable source to count
        cl = [ctx.claims[c] for c in src.claims if c in ctx.claims and c in members]
        cl = [c for c in cl if not is_opinion(c)]
        if cl:
            srcs.append((src, cl))

    def outlets_of(cl: list[Claim]) -> set[str]:
        return {_outlets(ctx, [c])[0] for c in cl}

    best: list = []
    cross = False
    for i, (sa, ca) in enumerate(srcs):
        for sb, cb in srcs[i + 1:]:
            if _same_person(sa.name, sb.name):
                continue
            if sa.side and sb.side and sa.side.lower() != sb.side.lower():
                return [(sa, ca), (sb, cb)], True
            arts_a, arts_b = {c.article for c in ca}, {c.article for c in cb}
            if not best and not (arts_a & arts_b) and not (outlets_of(ca) & outlets_of(cb)):
                best = [(sa, ca), (sb, cb)]
    return best, cross


def _established(ctx: _Ctx) -> list[SummarySentence]:
    """Clusters backed by two or more independent sources (see ``independent_sources``), each
    stated with its sources and quoted from one of them."""
    out = []
    ks = [k for k in ctx.d.clusters if len(k.sources) >= 2]
    ranked = []
    for k in ks:
        pair, cross = independent_sources(ctx, k)
        if pair:
            ranked.append((not cross, -len(k.sources), -len(k.claims), k.id, k, pair, cross))
    ranked.sort(key=lambda x: x[:4])
    for *_, k, pair, cross in ranked[:MAX_ESTABLISHED]:
        rep = _rep([c for _, cl in pair for c in cl])
        names, cites = [], [rep]
        for src, cl in pair:
            label = f"{src.name} ({src.side})" if src.side and src.side.lower() not in src.name.lower() else src.name
            names.append(label)
            cites += cl
        where = _outlets(ctx, [rep])[0]
        if cross:
            text = f"Sources on more than one side — {_join(names)} — report the same: {quote(ctx.content(rep))} ({ctx.who(rep, with_side=False)}, in {where})."
        else:
            side = pair[0][0].side
            on = f"on the {side} side, " if side else ""
            text = (f"Independent sources {on}in different outlets ({_join(names)}) report the same: {quote(ctx.content(rep))} "
                    f"({ctx.who(rep, with_side=False)}, in {where}).")
        s = _sentence(ctx, text, cites, "established")
        if s and _distinct_sources(ctx, s.cites) >= 2:
            out.append(s)
        elif s:
            ctx.used.difference_update(s.cites)
    return out


def _claimed(ctx: _Ctx, disputed: set[str]) -> list[SummarySentence]:
    out = []
    # everything not established is attributed: single-source clusters first, then clusters whose
    # "independent" sources did not hold up (one person split in two, one article, opinions)
    ks = [k for k in ctx.d.clusters if k.id not in disputed and k.corroboration != "narration_only"
          and not any(c in ctx.used for c in k.claims)]
    ks = [k for k in ks if any(c.speaker is not None and c.kind != "narrative" for c in ctx.members(k))]
    ks.sort(key=lambda k: (k.corroboration not in ("single_source_repeated", "single_source"), k.corroboration != "single_source_repeated",
                           -len(set(k.articles) or k.claims), k.id))
    for k in ks[:MAX_CLAIMED]:
        mem = ctx.members(k)
        attributed = [c for c in mem if c.speaker is not None and c.kind != "narrative"]
        rep = _rep(attributed)
        if rep.id in ctx.used or _n_words(ctx.content(rep)) < 4:
            continue
        outlets = _outlets(ctx, mem)
        says = ctx.says(rep, k)
        says = says[0].upper() + says[1:]
        if k.corroboration == "single_source_repeated" and len(outlets) > 1:
            text = (f"{says} — a single source, repeated by {len(outlets)} outlets "
                    f"({_join(outlets)}) with no independent confirmation in these articles.")
        else:
            text = f"{says} (reported by {_join(outlets)})."
        same_speaker = [c for c in mem if c.speaker and rep.speaker and c.speaker.name == rep.speaker.name]
        s = _sentence(ctx, text, [rep] + same_speaker + mem, "claimed")
        if s:
            out.append(s)
    return out


def _claims_holding(ctx: _Ctx, article: str, start: Optional[int], end: Optional[int], qid: Optional[str]) -> list[Claim]:
    res = []
    for c in ctx.d.claims:
        if c.article != article:
            continue
        if (qid and qid in c.quantities) or (start is not None and end is not None and c.start <= start and end <= c.end):
            res.append(c)
    return sorted(res, key=lambda c: len(c.text))[:1]


def _numbers(ctx: _Ctx) -> list[SummarySentence]:
    out = []
    checks = sorted(ctx.d.checks, key=lambda c: c.type != "inconsistent")
    for ch in checks[:MAX_NUMBERS]:
        parts, cites = [], []
        for q in ch.quantities:
            holders = _claims_holding(ctx, q.article, q.start, q.end, q.id)
            if not holders:
                continue
            c = holders[0]
            cites.append(c)
            parts.append(f"{ctx.who(c, with_side=False)} gives “{q.text}”")
        if len(cites) < 2:
            continue
        verdict = "do not agree" if ch.type == "inconsistent" else "agree"
        text = f"The figures {verdict}: {'; '.join(parts)} ({ch.explanation.rstrip('.')})."
        # the quotes here are quantities: they must be in the cited claims' text
        s = _sentence(ctx, text, cites, "numbers")
        if s:
            out.append(s)
    return out
