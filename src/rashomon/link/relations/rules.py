"""Rule signals between pairs of claims: denials/rebuttals, incompatible states, numbers and
dates that cannot both hold, and revisions by the same side.

Each ``*_findings(views)`` function takes the ``ClaimView`` list of ``relations.context`` and returns
``Finding`` records (claim pair, relation type, signal, score, explanation, the matched words as
extra evidence spans). ``relations.find_relations`` lifts them to cluster pairs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import Optional

from ...models import Span
from ...lexicon.units import in_si
from .context import ClaimView, far_apart, opposed_sides, same_sentence, topic_similarity, view_neighbours, view_pairs
from .lexicon import count_terms, find_terms, is_total, lexicon, tokens
from .targets import debunks, falsity_hits, negation_targets, object_points_back, roles_hold, said_denials
from ...data import load_yaml

_WORDS = load_yaml("relation_words.yaml", "en")  # word lists and patterns of this module (data/en/relation_words.yaml)
from ...settings import setting

# Thresholds (cosine of MiniLM claim embeddings, see topic_similarity): settings
# ``relations.state_*``, ``*_min_sim``, ``numeric_min_overlap`` (data/settings.yaml, which says
# how they were set).


@dataclass
class Finding:
    type: str                 # contradicts | supports | updates
    signal: str               # denial | incompatible_state | numeric | date | classifier | same_speaker_revision
    x: ClaimView
    y: ClaimView
    score: float
    explanation: str
    extra: list[Span] = field(default_factory=list)


def _q(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= n else text[: n - 1] + "…") + "”"


def who(v: ClaimView) -> str:
    """How a claim's source is named in explanations."""
    if v.speaker_name:
        return v.speaker_name + (f" ({v.side})" if v.side else "")
    return f"the narration of {v.claim.article}"


def term_spans(v: ClaimView, hits) -> list[Span]:
    """Spans of matched words inside a claim, in article coordinates."""
    out = []
    for s, e, _ in hits:
        a, b = v.span.start + s, v.span.start + e
        out.append(Span(article=v.span.article, start=a, end=b, text=v.span.text[s:e]))
    return out


def later(x: ClaimView, y: ClaimView) -> Optional[ClaimView]:
    """The later of two dated claims, or None when the dates are equal or unknown."""
    if x.date and y.date and x.date != y.date:
        return x if x.date > y.date else y
    return None


_REPORTING = frozenset(_WORDS["reporting"])


def content_overlap(x: ClaimView, y: ClaimView) -> float:
    """Jaccard overlap of the claims' content words, leaving out speaker names, reporting
    verbs and numbers: do the two claims say the same thing apart from the figure?"""
    def core(v: ClaimView) -> set:
        drop = set(_REPORTING)
        if v.speaker_name:
            drop |= {t.lower() for t in re.findall(r"[A-Za-z]+", v.speaker_name)}
        return {w for w in v.words if w not in drop and not w[0].isdigit()}

    a, b = core(x), core(y)
    return len(a & b) / (len(a | b) or 1)


def same_source(x: ClaimView, y: ClaimView) -> bool:
    """Same speaker, or same side (an authority and its own officials)."""
    if x.speaker and y.speaker and x.speaker == y.speaker:
        return True
    return opposed_sides(x, y) is False


# ---------------------------------------------------------------------------- incompatible states


def _partial(dim: str, v: ClaimView) -> bool:
    """The claim's pole must be total to clash (``total_poles`` in the lexicon) and is not."""
    pole = (lexicon().get("total_poles") or {}).get(dim)
    return pole is not None and v.poles[dim][0] == pole and not is_total(v.text)


def _group(v: ClaimView, dim: str) -> tuple:
    """Claims asserting the same pole of a dimension form a group; each claim is related to its
    closest claims of the opposite pole only (settings ``relations.state_top_*``, ``relations.state_tie``)."""
    return (dim, v.poles[dim][0])


def state_findings(views: list[ClaimView]) -> list[Finding]:
    """Claims that put the same thing in opposite states (troops expelled vs still holding
    positions; operation failed vs achieved its aim; road open vs closed). Kept when the claims
    come from opposed sides, or from the same side at different dates (then also an update).
    Each claim is paired only with its closest claims of the opposite pole (a pair is kept when
    either claim chooses the other), so that one contradiction is not echoed across every loosely related claim."""
    states = lexicon().get("states") or {}
    cands: list[tuple[float, ClaimView, ClaimView, str]] = []
    for x, y in view_pairs([v for v in views if v.poles]):
        if x.cluster == y.cluster or same_sentence(x, y):
            continue
        dims = [d for d in x.poles if d in y.poles and x.poles[d][0] != y.poles[d][0]
                and not _partial(d, x) and not _partial(d, y)]
        if not dims or far_apart(x, y):
            continue
        sim = topic_similarity(x, y)
        if sim < setting("relations.state_min_sim"):
            continue
        opp = opposed_sides(x, y)
        if opp is False and not later(x, y):
            continue  # one side, same day: a nuance or a different scope, not a contradiction
        if opp is None and (not x.speaker or not y.speaker or x.speaker == y.speaker) and not later(x, y):
            continue
        cands.append((sim, x, y, dims[0]))
    def kind(x, y):
        return "revision" if opposed_sides(x, y) is False else "cross"

    ranked: dict[tuple, list[float]] = {}
    for sim, x, y, dim in cands:
        for a, b in ((x, y), (y, x)):
            ranked.setdefault((a.claim.id, _group(b, dim), kind(x, y)), []).append(sim)
    cutoff = {k: sorted(v, reverse=True)[min(setting(f"relations.state_top_{k[2]}"), len(v)) - 1] - setting("relations.state_tie") for k, v in ranked.items()}
    out = []
    for sim, x, y, dim in cands:
        k = kind(x, y)
        if sim < cutoff[(x.claim.id, _group(y, dim), k)] and sim < cutoff[(y.claim.id, _group(x, dim), k)]:
            continue
        px, hx = x.poles[dim]
        py, hy = y.poles[dim]
        about = states[dim].get("about", dim)
        lt = later(x, y)
        revision = lt is not None and same_source(x, y)
        first, second = (x, y) if lt is None or lt is y else (y, x)
        p1, p2 = (px, py) if first is x else (py, px)
        expl = (f"Incompatible states ({about}): {who(first)} says {p1.replace('_', ' ')} — {_q(first.text)}"
                f"{' on ' + first.date if first.date else ''}; {who(second)} says {p2.replace('_', ' ')} — "
                f"{_q(second.text)}{' on ' + second.date if second.date else ''}.")
        if revision:
            expl += " The later statement comes from the same side, so it also revises (updates) the earlier claim."
        score = round(min(1.0, 0.5 + sim / 2), 3)
        extra = term_spans(x, hx) + term_spans(y, hy)
        out.append(Finding("contradicts", "incompatible_state", first, second, score, expl, extra))
        if revision:
            out.append(Finding("updates", "same_speaker_revision", first, second, score,
                               f"{who(second)} revises on {second.date} what {who(first)} said on {first.date}: "
                               f"{_q(first.text, 80)} → {_q(second.text, 80)}.", extra))
    return out


# ---------------------------------------------------------------------------- denials and rebuttals


_DOUBLE_QUOTES = re.compile(r'["“”„«»]')


def _rebuttal_hits(text: str) -> tuple[list, list]:
    """(rebuttal verbs aimed at a claim, rebuttal sentences) found in ``text``, as ``(start, end,
    matched text)`` offsets into ``text``. Double quotation marks are read as spaces, so a quoted
    word does not hide a rebuttal ('claims ... are “categorically false.”'). A verb counts
    only when a claim word (``denial.objects``: "that", "claims", "reports", "it"...) follows
    within three words, or nothing but punctuation does ("..., which Kyiv denied."). Worked out
    once per text (the relation rules ask it of a claim several times); callers get new lists."""
    verbs, sents = _rebuttal_hits_of(text)
    return list(verbs), list(sents)


@lru_cache(maxsize=100_000)
def _rebuttal_hits_of(text: str) -> tuple[tuple, tuple]:
    """``_rebuttal_hits`` as tuples, cached per text."""
    raw, text = text, _DOUBLE_QUOTES.sub(" ", text)  # same length: the offsets hold for ``raw``
    den = lexicon().get("denial") or {}
    verbs = []
    for hit in find_terms(text, den.get("verbs", [])):
        rest = text[hit[1]:]
        words = tokens(rest)[:3]
        own = tokens(hit[2])[-1:]  # "questioned whether", "will not accept that": the cue ends in its object word
        if not words or find_terms(" ".join(own + words), den.get("objects", [])):
            verbs.append(hit)
    sents = find_terms(text, den.get("sentences", [])) + said_denials(text)
    return tuple((a, b, raw[a:b]) for a, b, _ in verbs), tuple((a, b, raw[a:b]) for a, b, _ in sents)


def _anaphoric_target(x: ClaimView, verbs: list, same_article: list[ClaimView]) -> Optional[ClaimView]:
    """For a rebuttal whose object points back ("denied the allegations", "rejected them"): the
    nearest claim before it in the same article (within ``relations.anaphor_max_chars``), from
    another speaker and cluster, on a related topic (``relations.anaphor_min_sim``); else None."""
    den = lexicon().get("denial") or {}
    hits = verbs or find_terms(x.text, den.get("verbs", []))
    def points_back(end: int) -> bool:  # "the allegations." / "them", not "the claims of recapture"
        after = tokens(x.text[end:])[:3]
        if not after or not find_terms(" ".join(after[:2]), den.get("anaphors", [])):
            return False
        k = 1 if after[0] in ("them", "it", "this") else 2
        return len(after) <= k or after[k] not in den.get("object_links", [])

    if not any(points_back(e) for _s, e, _ in hits) and not object_points_back(x, hits):
        return None
    reach = setting("relations.anaphor_max_chars")
    prev = [v for v in same_article if v.claim.end <= x.claim.start and x.claim.start - v.claim.end <= reach
            and v.cluster != x.cluster and (not x.speaker or v.speaker != x.speaker)
            and opposed_sides(x, v) is not False and topic_similarity(x, v) >= setting("relations.anaphor_min_sim")]
    return max(prev, key=lambda v: v.claim.end) if prev else None


def _is_rebuttal(v: ClaimView) -> bool:
    """The claim itself rejects something (denied, a rebuttal verb or sentence, a denial cue):
    two rebuttals of the same thing agree, so one is never the other's target."""
    if v.claim.polarity == "denied":
        return True
    verbs, sents = _rebuttal_hits(v.text)
    if verbs or sents:
        return True
    cue = (v.claim.cue or "").lower()
    return bool(cue) and bool(find_terms(cue, (lexicon().get("denial") or {}).get("verbs", [])))


_CAPS = re.compile(r"[A-Z][\w-]+")


@lru_cache(maxsize=100_000)
def _capitalised(text: str) -> frozenset:
    """Lower-cased capitalised words of ``text``."""
    return frozenset(t.lower() for t in _CAPS.findall(text))


@lru_cache(maxsize=100_000)
def _head_name(name: Optional[str]) -> Optional[str]:
    """The last capitalised word of a speaker or side name, lower-cased ("Salome Zourabichvili"
    -> "zourabichvili", "the United Nations" -> "nations"), or None."""
    toks = [t.lower() for t in _CAPS.findall(name or "") if len(t) > 2]
    return toks[-1] if toks else None


def names_source(x: ClaimView, v: ClaimView) -> bool:
    """The rebuttal ``x`` names ``v``'s speaker or side ("asked about Zourabichvili's claims",
    "where the United Nations got this false information"), and not its own: ``v`` is a likely
    target."""
    said = _capitalised(x.text)
    own = {_head_name(x.speaker_name), _head_name(x.side)}
    return any(h and h in said and h not in own for h in (_head_name(v.speaker_name), _head_name(v.side)))


def same_voice(x: ClaimView, v: ClaimView) -> bool:
    """The two claims come from one voice: one side (``opposed_sides`` False), or speakers named
    with the same capitalised words ("a Water Authority spokeswoman" / "the Water Authority
    spokesman"; not "the Tarn Defence Ministry" / "the Vell Defence Ministry")."""
    if opposed_sides(x, v) is False:
        return True
    nx = frozenset(t for t in _capitalised(x.speaker_name or "") if len(t) > 2)
    return bool(nx) and nx == frozenset(t for t in _capitalised(v.speaker_name or "") if len(t) > 2)


def _reported_before(v: ClaimView, x: ClaimView) -> bool:
    """``v`` comes shortly before the rebuttal ``x`` in the same article (within
    ``relations.denial_before_chars``): what an article reports, it then has rebutted."""
    return (v.claim.article == x.claim.article and v.claim.end <= x.claim.start
            and x.claim.start - v.claim.end <= setting("relations.denial_before_chars"))


def _denial_targets(x: ClaimView, others: list[ClaimView], need: float) -> list[tuple[float, ClaimView]]:
    """The claims a rebuttal ``x`` contradicts: each cluster's most similar claim (a named
    source's claims count ``relations.denial_named_bonus`` more, a claim the same article reported
    shortly before ``relations.denial_before_bonus`` more), kept when at least ``need``
    and within ``relations.denial_target_margin`` of the best, at most
    ``relations.denial_max_targets`` clusters (news repeats the rejected claim in several
    wordings, and one wording is rarely the only one)."""
    bonus, near = setting("relations.denial_named_bonus"), setting("relations.denial_before_bonus")
    best: dict[str, tuple[float, ClaimView]] = {}
    for v in others:
        if opposed_sides(x, v) is False and v.claim.article == x.claim.article:
            continue
        sim = topic_similarity(x, v) + (bonus if names_source(x, v) else 0.0) + (near if _reported_before(v, x) else 0.0)
        if v.cluster not in best or sim > best[v.cluster][0]:
            best[v.cluster] = (sim, v)
    ranked = sorted(best.values(), key=lambda t: -t[0])
    if not ranked or ranked[0][0] < need:
        return []
    top = ranked[0][0] - setting("relations.denial_target_margin")
    return [(s, v) for s, v in ranked[:setting("relations.denial_max_targets")] if s >= need and s >= top]


def denial_findings(views: list[ClaimView]) -> list[Finding]:
    """A claim marked ``denied``, or one carrying a rebuttal ("dismisses the claims of...",
    "This is not true", or, with the setting ``relations.falsity_rebuttals``, one that calls a
    statement false: "the lie is this: that ...", "the claim defies logic", ``targets.falsity_hits``),
    contradicts the asserted claims whose proposition it negates: the most
    similar claims from other speakers, one per cluster (``_denial_targets``; never another
    rebuttal, which agrees with it), or, for a bare "this is not true", the claim just before it
    in the same article; in corpora above ``relations.all_pairs_max`` claims only among its
    blocked candidates (``relations.context.view_neighbours``)."""
    out = []
    by_article: dict[str, list[ClaimView]] = {}
    for v in views:
        by_article.setdefault(v.claim.article, []).append(v)
    rebuttal = {id(v): _is_rebuttal(v) or debunks(v) for v in views}
    rejects = {id(v): rebuttal[id(v)] or v.claim.polarity == "denied" for v in views}
    members: dict[str, list[ClaimView]] = {}
    for v in views:
        members.setdefault(v.cluster, []).append(v)
    near: Optional[list] = None  # per claim, its blocked candidates (only computed for large corpora, when needed)
    for k, x in enumerate(views):
        verbs, sents = _rebuttal_hits(x.text)
        if not (verbs or sents) and setting("relations.falsity_rebuttals"):
            # "the lie is this: that ...", "defies logic": a claim that calls a statement false
            # rebuts, by topic, the claims that assert it (as a rebuttal sentence does)
            sents = falsity_hits(x.text)
        cue = (x.claim.cue or "").lower()
        cue_denial = bool(find_terms(cue, (lexicon().get("denial") or {}).get("verbs", []))) if cue else False
        denied = x.claim.polarity == "denied" or cue_denial
        if not (denied or verbs or sents):
            continue
        # a short stand-alone rebuttal sentence ("This is not true."), not a denial that something was said
        said = {(a, b) for a, b, _ in said_denials(_DOUBLE_QUOTES.sub(" ", x.text))}
        bare = any((h[0], h[1]) not in said for h in sents) and len(x.words) <= 8 and not denied
        if bare:  # "This is not true.": points at the claim just before it in the same article
            prev = [v for v in by_article[x.claim.article] if v.claim.end <= x.claim.start and v.cluster != x.cluster
                    and (v.speaker != x.speaker or v.speaker is None)]
            if not prev:
                continue
            targets = [(1.0, max(prev, key=lambda v: v.claim.end))]
        else:
            if near is None:
                near = view_neighbours(views) or [views] * len(views)
            others = [v for v in near[k] if v.cluster != x.cluster and not rebuttal[id(v)]
                      and not same_sentence(x, v) and (not x.speaker or v.speaker != x.speaker)]
            if not others:
                continue
            plain_negation = denied and not cue_denial and not verbs and not sents
            if plain_negation:
                # "operations were not interrupted": a negated sentence denies only a near-paraphrase
                # that asserts the positive, not any negative statement on the same topic
                others = [v for v in others if not count_terms(v.text, "negation")]
            if denied and not verbs and not sents:
                # a negation (or "X denied that P") rejects only a claim asserting its predicate
                # ("did not burrow" / "burrowed"), or, about a report itself, that report's topic
                others = negation_targets(x, others)
            elif object_points_back(x, verbs + sents):
                # "debunked that rumour": only what the article reported before, or the named source's claims
                others = [v for v in others if _reported_before(v, x) or names_source(x, v)]
            if verbs or sents:
                # a rebuttal rejects what another voice asserts, not a statement of its own body
                # ("the Water Authority spokeswoman" / "a Water Authority spokesman", one side)
                others = [v for v in others if not same_voice(x, v)]
            if not others and not (verbs or cue_denial):
                continue
            need = (setting("relations.negation_min_sim") if plain_negation else setting("relations.denial_min_sim")) if denied else setting("relations.rebuttal_min_sim") + 0.1
            targets = _denial_targets(x, others, need) if others else []
            # a bare negation points at its one paraphrase; past the best target, a negated claim
            # more likely agrees with the rebuttal ("did not recall him saying that")
            targets = targets[:1] + ([] if plain_negation else [t for t in targets[1:] if not count_terms(t[1].text, "negation")])
            if not targets:
                # "X denied the allegations": no claim of another side says what it rejects in its
                # words; the claim the article reported just before is its target
                prev = _anaphoric_target(x, verbs + sents, by_article[x.claim.article]) if (verbs or sents or cue_denial) else None
                if prev is None:
                    continue
                targets = [(topic_similarity(x, prev), prev)]
        # the contradiction is lifted to the two clusters: each must hold its role (most of the
        # rebuttal's cluster rejects, most of the target's asserts), or it would join the articles
        # of one position with each other
        targets = [(s, y) for s, y in targets if roles_hold(members[x.cluster], members[y.cluster], rejects)]
        if not targets:
            continue
        cue_words = [h[2] for h in verbs + sents] or ([x.claim.cue] if x.claim.cue else ["denied"])
        for sim, y in targets:
            expl = (f"Denial: {who(x)} rejects ({', '.join(dict.fromkeys(cue_words))}) {_q(x.text)}, which negates what "
                    f"{who(y)} asserts: {_q(y.text)}.")
            out.append(Finding("contradicts", "denial", y, x, round(min(1.0, 0.55 + min(sim, 1.0) / 2), 3), expl,
                               term_spans(x, verbs + sents)))
    return out


# ---------------------------------------------------------------------------- numbers and dates


def quantity_interval(q) -> Optional[tuple[float, float]]:
    """The interval a ``Quantity`` allows: its value or range, open above for a lower bound ("at
    least"), open below for an upper bound, widened by 10% when approximate; None without a number.
    In the unit that ``_unit`` compares (the si unit when there is one: 54 "%" -> 0.54 fraction,
    so "54%" and "two-thirds" compare; 5 mi -> 8.05 km)."""
    lo = q.low if q.low is not None else q.value
    hi = q.high if q.high is not None else q.value
    if lo is None or hi is None:
        return None
    if q.si is not None and in_si(lo, q.unit) is not None:
        lo, hi = in_si(lo, q.unit), in_si(hi, q.unit)
    if q.bound == "lower":
        hi = float("inf")
    elif q.bound == "upper":
        lo = float("-inf")
    if q.approx:
        lo, hi = lo * 0.9 if lo != float("-inf") else lo, hi * 1.1 if hi != float("inf") else hi
    return lo, hi


def _unit(q) -> Optional[str]:
    return (q.si.unit if q.si else q.unit or "").lower() or None


def numeric_findings(views: list[ClaimView]) -> list[Finding]:
    """Claims about the same thing whose numbers (same unit) cannot both be true. From the same
    side at a later date a different number is an update (a toll that rises), not a
    contradiction."""
    out = []
    withq = [v for v in views if v.quantities]
    for x, y in view_pairs(withq):
        if x.cluster == y.cluster or same_sentence(x, y):
            continue
        if x.claim.article == y.claim.article and x.speaker and x.speaker == y.speaker:
            continue  # one speaker giving two figures in one report: two different things
        sim = topic_similarity(x, y)
        if sim < setting("relations.numeric_min_sim") or content_overlap(x, y) < setting("relations.numeric_min_overlap"):
            continue
        for qx in x.quantities:
            for qy in y.quantities:
                if not _unit(qx) or _unit(qx) != _unit(qy) or (_unit(qx) in ("year", "years")):
                    continue
                ix, iy = quantity_interval(qx), quantity_interval(qy)
                if ix is None or iy is None or not (ix[1] < iy[0] or iy[1] < ix[0]):
                    continue
                a, b = (ix[0] if ix[0] != float("-inf") else ix[1]), (iy[0] if iy[0] != float("-inf") else iy[1])
                if max(abs(a), abs(b)) and abs(a - b) / max(abs(a), abs(b)) < 0.1:
                    continue
                spans = [Span(article=q.article, start=q.start, end=q.end, text=q.text) for q in (qx, qy)]
                lt = later(x, y)
                if lt is not None and (same_source(x, y) or (x.speaker is None and y.speaker is None)):
                    first, second = (x, y) if lt is y else (y, x)
                    out.append(Finding("updates", "numeric", first, second, round(sim, 3),
                                       f"Later figure: {who(first)} gave {_q(first.text, 80)} ({first.date}); "
                                       f"{who(second)} later gives {_q(second.text, 80)} ({second.date}).", spans))
                else:
                    out.append(Finding("contradicts", "numeric", x, y, round(min(1.0, 0.4 + sim / 2), 3),
                                       f"Numbers that cannot both hold for the same thing ({_unit(qx)}): “{qx.text}” "
                                       f"in {_q(x.text, 80)} ({who(x)}) vs “{qy.text}” in {_q(y.text, 80)} ({who(y)}).",
                                       spans))
                break
            else:
                continue
            break
    return out


def check_findings(views: list[ClaimView], checks) -> list[Finding]:
    """``inconsistent`` numeric cross-checks (``dossier.checks``) between quantities of claims in
    different clusters become contradictions between those clusters."""
    by_q: dict[tuple, ClaimView] = {}
    for v in views:
        for q in v.quantities:
            by_q[(q.article, q.text)] = v
            if q.id:
                by_q[("id", q.id)] = v
    out = []
    for ch in checks or []:
        if ch.type != "inconsistent":
            continue
        vs = []
        for qr in ch.quantities:
            v = by_q.get(("id", qr.id)) if qr.id else None
            v = v or by_q.get((qr.article, qr.text))
            if v is not None:
                vs.append((v, qr))
        for (x, qx), (y, qy) in combinations(vs, 2):
            if x.cluster == y.cluster:
                continue
            spans = [Span(article=q.article, start=q.start, end=q.end, text=q.text)
                     for q in (qx, qy) if q.start is not None and q.end is not None]
            out.append(Finding("contradicts", "numeric", x, y, 0.8,
                               f"Numeric cross-check found these inconsistent: {ch.explanation} "
                               f"({_q(x.text, 70)} vs {_q(y.text, 70)}).", spans))
    return out


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def date_findings(views: list[ClaimView], times: dict) -> list[Finding]:
    """Near-identical claims that put the same happening on different days."""
    out = []
    dated = []
    for v in views:
        # only dates of what is asserted: in "We reported on Monday that ..." Monday dates the report
        ts = [times[t] for t in v.claim.times if t in times and times[t].value and _DAY.match(times[t].value)
              and (not v.prop or times[t].text in v.prop)]
        if len(ts) == 1:
            dated.append((v, ts[0]))
    time_of = {id(v): t for v, t in dated}
    for x, y in view_pairs([v for v, _ in dated]):
        tx, ty = time_of[id(x)], time_of[id(y)]
        if x.cluster == y.cluster or tx.value == ty.value or same_sentence(x, y):
            continue
        if x.claim.article == y.claim.article and x.speaker == y.speaker:
            continue  # one voice giving two dates in one report: two different happenings
        sim = topic_similarity(x, y)
        if sim < setting("relations.date_min_sim"):
            continue
        spans = [Span(article=t.article, start=t.start, end=t.end, text=t.text) for t in (tx, ty)]
        out.append(Finding("contradicts", "date", x, y, round(sim, 3),
                           f"Dates that cannot both hold: {who(x)} puts it on {tx.value} (“{tx.text}”) — {_q(x.text, 80)}; "
                           f"{who(y)} on {ty.value} (“{ty.text}”) — {_q(y.text, 80)}.", spans))
    return out
