"""The summary stage: a neutral summary in which every sentence cites the claims it rests on.

In: ``state.dossier`` after linking (``clusters`` with ``corroboration``/``sources``/``sides``,
``relations``, ``checks``, ``claims``, ``actors``, ``articles``). Out: ``dossier.summary``, a list
of ``SummarySentence(text, cites, section)``; sections in order: ``overview``, ``established``,
``claimed``, ``disputed``, ``numbers``.

Template-built and deterministic (no language model). Every sentence quotes claim text verbatim
(between “ and ”) and names who said it. "Established" needs two independent sources for a
narrated or reported fact (never a quoted opinion): sources on different sides, or two named
sources whose names share no word, in different articles of different outlets (so "Michael
Steele" and "Steele" are one source); even then the sentence names them. Everything else is
attributed ("X said ..."). The overview quotes a full claim (8+ words with a verb, never under
6 words) from the clusters carried by the most articles of the main event; "disputed" follows
``dossier.disputes`` (one sentence per dispute: its question and each position's earliest named
statement, attributed; then revisions by one side), and without disputes keeps only
contradictions between different speakers or sides, each side attributed. ``check_summary`` states the criterion the tests hold the summary to:

1. every sentence cites at least one claim, and every cited id is a claim of the dossier;
2. every quoted passage (the text between “ and ”, split at "…") appears verbatim in one of the
   sentence's cited claims;
3. every cited claim is named in the sentence: by its speaker (a capitalised word of three or
   more letters of the speaker's name, e.g. the surname) or by the outlet that carries it (the
   outlet, else the article label); the outlet's own narration only by its outlet.

The stage and the disputed section are here; naming, the criterion and the shared building blocks
live in ``summary_blocks``, the overview, established, claimed and numbers sections in
``summary_sections``.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Optional

from ..models import Claim, Cluster, Dossier, SummarySentence
from .summary_blocks import MAX_DISPUTED, MAX_UPDATES, _Ctx, _sentence, article_label, check_summary, claim_named, quote, quotes_of, relation_claims  # noqa: F401
from .summary_sections import _claimed, _established, _has_verb, _is_named, _numbers, _overview, _same_person  # noqa: F401


def _relation_sides(ctx: _Ctx, ref: str) -> list[Claim]:
    if ref in ctx.clusters:
        return ctx.members(ctx.clusters[ref])
    if ref in ctx.claims:
        return [ctx.claims[ref]]
    return []


def _says_any(ctx: _Ctx, c: Claim, k: Optional[Cluster] = None) -> str:
    if c.speaker is not None and c.kind != "narrative":
        return ctx.says(c, k, 160)
    return f"{ctx.who(c)} reported {quote(c.text, 160)}"


def _voice(ctx: _Ctx, c: Claim) -> str:
    """Who a claim is attributed to: the speaker's name, or the outlet for narration."""
    if c.speaker is not None and c.kind != "narrative":
        return c.speaker.name
    a = ctx.articles.get(c.article)
    return article_label(a) if a else c.article


def _different_voices(ctx: _Ctx, a: Claim, b: Claim) -> bool:
    """Whether two claims are attributed to different speakers (names sharing no name word, or
    narration of an outlet against a named speaker) or to different known sides; a speaker known
    only by a bare description ("that", "those") cannot stand for a side, and two outlets' own
    narration is no dispute between speakers."""
    for c in (a, b):
        if c.speaker is not None and c.kind != "narrative" and not _is_named(c.speaker.name):
            return False
    if all(c.speaker is None or c.kind == "narrative" for c in (a, b)):
        return False  # two outlets' own narration: no speaker or side to attribute a dispute to
    sa, sb = ctx.side_of(a), ctx.side_of(b)
    if sa and sb and sa.lower() != sb.lower():
        return True
    va, vb = _voice(ctx, a), _voice(ctx, b)
    if a.speaker is None or a.kind == "narrative" or b.speaker is None or b.kind == "narrative":
        return va.lower() != vb.lower() and not _same_person(va, vb)
    return not _same_person(va, vb)


def _position_claim(ctx: _Ctx, p, avoid: set[str]) -> Optional[Claim]:
    """The claim that speaks for a dispute position in the summary: its earliest statement by a
    named speaker (else its earliest statement), not already quoted."""
    cs = [ctx.claims[h.claim] for h in p.history if h.step in ("first_stated", "repeated") and h.claim in ctx.claims
          and h.claim not in avoid]
    named = [c for c in cs if c.speaker is not None and c.kind != "narrative" and _is_named(c.speaker.name)]
    return (named or cs or [None])[0]


def _disputed_questions(ctx: _Ctx) -> tuple[list[SummarySentence], set[str]]:
    """One sentence per dispute (``dossier.disputes``), in their order: the question, then each
    position's earliest named statement, attributed; then, where one side later revised its
    position, one sentence on that revision."""
    out, involved = [], set()
    used: set[str] = set()
    revisions = []
    for dp in ctx.d.disputes[:MAX_DISPUTED]:
        picks = []
        for p in dp.positions[:3]:
            c = _position_claim(ctx, p, used | {x.id for x in picks})
            if c is not None:
                picks.append(c)
        if len(picks) < 2 or not any(_different_voices(ctx, a, b) for a in picks for b in picks if a is not b):
            continue
        parts = "; ".join(_says_any(ctx, c, ctx.clusters.get(c.cluster or "")) for c in picks)
        s = _sentence(ctx, f"Disputed — {dp.question} {parts[0].upper() + parts[1:]}.", picks, "disputed")
        if s:
            out.append(s)
            used.update(c.id for c in picks)
            involved |= {k for p in dp.positions for k in p.clusters}
        for p in dp.positions:
            for h in p.history:
                if h.step == "revised" and h.claim in ctx.claims:
                    mine = [x for x in p.history if x.step in ("first_stated", "repeated") and x.side == h.side
                            and x.claim in ctx.claims and x.claim not in used and x.claim != h.claim]
                    if mine:
                        revisions.append((ctx.claims[mine[0].claim], ctx.claims[h.claim]))
    n = 0
    for old, new in revisions:
        if n >= MAX_UPDATES or old.id in used or new.id in used:
            continue
        s = _sentence(ctx, f"Later account: {_says_any(ctx, new)}, which revises an earlier one from the same side: {_says_any(ctx, old)}.",
                      [old, new], "disputed")
        if s:
            out.append(s)
            used.update((old.id, new.id))
            n += 1
    return out, involved


def _disputed(ctx: _Ctx) -> tuple[list[SummarySentence], set[str]]:
    if ctx.d.disputes:
        return _disputed_questions(ctx)
    out, involved = [], set()
    rels = [r for r in ctx.d.relations if r.type == "contradicts"]
    uses: dict[str, int] = defaultdict(int)
    n = 0
    for r in rels:
        if n >= MAX_DISPUTED:
            break
        a, b = _relation_sides(ctx, r.a), _relation_sides(ctx, r.b)
        if not a or not b:
            continue
        ca, cb = relation_claims(a, b, r.evidence)
        if not _different_voices(ctx, ca, cb):
            continue  # a claim against its own speaker's (or the same outlet's) is no dispute between sides
        if uses[ca.id] >= 2 or uses[cb.id] >= 2 or (uses[ca.id] and uses[cb.id]):
            continue  # each claim quoted at most twice; no pair of already-quoted claims again
        ka, kb = ctx.clusters.get(ca.cluster or ""), ctx.clusters.get(cb.cluster or "")
        text = f"Disputed: {_says_any(ctx, ca, ka)}; {_says_any(ctx, cb, kb)}."
        s = _sentence(ctx, text, [ca, cb], "disputed")
        if s:
            out.append(s)
            n += 1
            uses[ca.id] += 1
            uses[cb.id] += 1
            involved |= {r.a, r.b}
    ups = [r for r in ctx.d.relations if r.type == "updates"]
    n = 0
    for r in ups:
        if n >= MAX_UPDATES:
            break
        a, b = _relation_sides(ctx, r.a), _relation_sides(ctx, r.b)
        if not a or not b:
            continue
        ca, cb = relation_claims(a, b, r.evidence)
        if uses[ca.id] or uses[cb.id]:
            continue
        text = f"Later account: {_says_any(ctx, cb)}, which updates an earlier one: {_says_any(ctx, ca)}."
        s = _sentence(ctx, text, [ca, cb], "disputed")
        if s:
            out.append(s)
            n += 1
            uses[ca.id] += 1
            uses[cb.id] += 1
    return out, involved


def summary_of(dossier: Dossier, verbs: Optional[dict[str, list[int]]] = None) -> list[SummarySentence]:
    """The summary sentences of ``dossier`` (see the module docstring). ``verbs``: per article id,
    the start offsets of its VERB/AUX tokens (``ArticleAnnotations.verbs``); without them a
    word-shape guess tells whether a passage has a verb."""
    ctx = _Ctx(dossier, verbs)
    overview = _overview(ctx)
    disputed, involved = _disputed(ctx)
    established = _established(ctx)
    claimed = _claimed(ctx, involved)
    numbers = _numbers(ctx)
    return overview + established + claimed + disputed + numbers


def summarize(state) -> None:
    """Pipeline stage (corpus): ``state.dossier`` and the per-article ``state.annotations``
    (their ``verbs``) -> ``dossier.summary``."""
    verbs = {aid: ann.verbs for aid, ann in (state.annotations or {}).items()}
    state.dossier.summary = summary_of(state.dossier, verbs)
