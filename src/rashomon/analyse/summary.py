"""The summary stage: a neutral summary in which every sentence cites the claims it rests on.

In: ``state.dossier`` after linking (``clusters`` with ``corroboration``/``sources``/``sides``,
``relations``, ``checks``, ``claims``, ``actors``, ``articles``). Out: ``dossier.summary``, a list
of ``SummarySentence(text, cites, section)``; sections in order: ``overview``, ``established``,
``claimed``, ``disputed``, ``numbers``.

Template-built and deterministic (no language model). Every sentence quotes claim text verbatim
(between “ and ”) and names who said it; nothing one side alone asserts is stated as fact: only
clusters backed by sources on more than one side go to "established", and even those are quoted
with their sources. ``check_summary`` states the criterion the tests hold the summary to:

1. every sentence cites at least one claim, and every cited id is a claim of the dossier;
2. every quoted passage (the text between “ and ”, split at "…") appears verbatim in one of the
   sentence's cited claims;
3. every cited claim is named in the sentence: by its speaker (a capitalised word of three or
   more letters of the speaker's name, e.g. the surname) or by the outlet that carries it (the
   outlet, else the article label); the outlet's own narration only by its outlet.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Optional

from ..models import Article, Claim, Cluster, Dossier, SummarySentence

QUOTE_CHARS = 200
MAX_ESTABLISHED, MAX_CLAIMED, MAX_DISPUTED, MAX_UPDATES, MAX_NUMBERS = 4, 5, 4, 2, 2


# --------------------------------------------------------------------------- naming


def article_label(a: Article) -> str:
    """How a sentence names an article's outlet: the outlet, else the short title, else the id."""
    if a.outlet:
        return a.outlet
    if a.title:
        t = re.sub(r"\s+", " ", a.title).strip()
        return "‘" + (t if len(t) <= 60 else t[:57].rsplit(" ", 1)[0] + "…") + "’"
    return f"{a.id} (outlet unknown)"


def _norm(s: str) -> str:
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def _cmp(s: str) -> str:
    """Form used to test that a quotation is in a claim: quote marks dropped, spaces squeezed."""
    return re.sub(r"\s+", " ", re.sub(r"[\"“”„«»]", "", _norm(s))).strip(" .,;:")


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_][\w'’\-]*", name) if len(w) >= 3 and w[0].isupper()] or \
           [w for w in re.findall(r"[^\W\d_]+", name) if len(w) >= 3]


def claim_named(sentence: str, claim: Claim, articles: dict[str, Article]) -> bool:
    """Criterion 3: ``claim`` is named in ``sentence`` (speaker word, or outlet for narration)."""
    low = _norm(sentence)
    if claim.speaker is not None and claim.kind != "narrative":
        if any(_norm(w) in low for w in _name_words(claim.speaker.name)):
            return True
    art = articles.get(claim.article)
    return bool(art) and _norm(article_label(art)).strip('"') in low


def quotes_of(sentence: str) -> list[str]:
    """The quoted passages of a summary sentence (between “ and ”), split at the ellipsis."""
    out = []
    for q in re.findall(r"“([^”]*)”", sentence):
        out += [p.strip() for p in q.split("…") if p.strip()]
    return out


def check_summary(dossier: Dossier) -> list[str]:
    """Problems with ``dossier.summary`` under the criterion of the module docstring (empty = ok)."""
    claims = {c.id: c for c in dossier.claims}
    articles = {a.id: a for a in dossier.articles}
    labels = {_norm(article_label(a)) for a in dossier.articles}
    problems = []
    for i, s in enumerate(dossier.summary):
        if not s.cites:
            problems.append(f"sentence {i} cites nothing: {s.text!r}")
            continue
        missing = [c for c in s.cites if c not in claims]
        if missing:
            problems.append(f"sentence {i} cites unknown claims {missing}")
            continue
        cited = [claims[c] for c in s.cites]
        for q in quotes_of(s.text):
            if _norm(q) in labels:
                continue  # a quoted title used as an article label
            if not any(_cmp(q) in _cmp(c.text) for c in cited):
                problems.append(f"sentence {i}: quote {q!r} is in none of its cited claims")
        for c in cited:
            if not claim_named(s.text, c, articles):
                problems.append(f"sentence {i}: cited claim {c.id} is not named (speaker/outlet) in {s.text!r}")
    return problems


# --------------------------------------------------------------------------- building blocks


class _Ctx:
    def __init__(self, d: Dossier):
        self.d = d
        self.attributions = {a.id: a for a in d.attributions}
        self.claims = {c.id: c for c in d.claims}
        self.articles = {a.id: a for a in d.articles}
        self.actors = {a.id: a for a in d.actors}
        self.clusters = {k.id: k for k in d.clusters}
        self.used: set[str] = set()

    def side_of(self, c: Claim, cluster: Optional[Cluster] = None) -> Optional[str]:
        if c.speaker and c.speaker.actor and c.speaker.actor in self.actors:
            side = self.actors[c.speaker.actor].side
            if side:
                return side
        if cluster and c.speaker:
            for s in cluster.sources:
                if s.name == c.speaker.name or c.id in s.claims:
                    return s.side
        return None

    def who(self, c: Claim, cluster: Optional[Cluster] = None, with_side: bool = True) -> str:
        if c.speaker is not None and c.kind != "narrative":
            side = self.side_of(c, cluster) if with_side else None
            return f"{c.speaker.name} ({side})" if side and side.lower() not in c.speaker.name.lower() else c.speaker.name
        return article_label(self.articles[c.article]) if c.article in self.articles else "an article"

    def content(self, c: Claim) -> str:
        """What the speaker said, without the attribution around it: the part of the claim inside
        its attribution's content spans (else the claim text)."""
        at = self.attributions.get(c.attribution or "")
        art = self.articles.get(c.article)
        if at is None or art is None or c.kind == "narrative":
            return c.text
        parts = []
        for sp in at.content:
            s, e = max(sp.start, c.start), min(sp.end, c.end)
            if sp.article == c.article and e > s:
                parts.append(art.text[s:e])
        text = " … ".join(p.strip() for p in parts if p.strip())
        text = re.sub(r"^(that|:)\s+", "", text.strip(" \"“”,")).strip(" \"“”,")
        # a short quoted fragment ("fortitude and heroism") says too little on its own
        return text if len(text) >= 60 or len(text) >= 0.5 * len(c.text) else c.text

    def says(self, c: Claim, cluster: Optional[Cluster] = None, limit: int = QUOTE_CHARS) -> str:
        """"X said “…”" / "according to X, “…”" for an attributed claim."""
        who = self.who(c, cluster)
        q = quote(self.content(c), limit)
        if c.kind == "according_to" or (c.cue or "").lower().startswith("according"):
            return f"according to {who}, {q}"
        return f"{who} {(c.cue or 'said').lower()} {q}"

    def members(self, k: Cluster) -> list[Claim]:
        return [self.claims[c] for c in k.claims if c in self.claims]


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """A claim's text as a verbatim quotation (cut at a word boundary with "…" when long)."""
    t = re.sub(r"\s+", " ", text).strip().strip("\"“”")
    t = t.replace("“", "").replace("”", "")
    if len(t) > limit:
        t = t[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return f"“{t.rstrip('.')}”"


def _rep(members: list[Claim], prefer_speaker: bool = True) -> Claim:
    """The representative claim of a group: attributed to a known actor first, then direct, then
    the shortest."""
    return sorted(members, key=lambda c: ((c.speaker is None) if prefer_speaker else 0, not (c.speaker and c.speaker.actor),
                                          c.kind != "direct", len(c.text), c.id))[0]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{3,}", text.lower())}


def _pair(ctx: "_Ctx", a: list[Claim], b: list[Claim], evidence) -> tuple[Claim, Claim]:
    """The two claims that carry a relation: those holding its evidence spans, else the pair
    with the most words in common."""
    def holding(cs):
        for sp in evidence or []:
            for c in cs:
                if c.article == sp.article and c.start <= sp.start and sp.end <= c.end:
                    return c
        return None
    ca, cb = holding(a), holding(b)
    if ca and cb:
        return ca, cb
    best = None
    for x in ([ca] if ca else a):
        for y in ([cb] if cb else b):
            wx, wy = _words(x.text), _words(y.text)
            bx = set(zip(x.text.lower().split(), x.text.lower().split()[1:]))
            by = set(zip(y.text.lower().split(), y.text.lower().split()[1:]))
            score = len(wx & wy) / (len(wx | wy) or 1) + len(bx & by)
            key = (score, x.speaker is not None, y.speaker is not None)
            if best is None or key > best[0]:
                best = (key, x, y)
    return best[1], best[2]


def _outlets(ctx: _Ctx, claims: list[Claim]) -> list[str]:
    out = []
    for c in claims:
        a = ctx.articles.get(c.article)
        lab = article_label(a) if a else c.article
        if lab not in out:
            out.append(lab)
    return out


def _join(xs: list[str]) -> str:
    if len(xs) <= 2:
        return " and ".join(xs)
    return ", ".join(xs[:-1]) + " and " + xs[-1]


def _sentence(ctx: _Ctx, text: str, cites: list[Claim], section: str) -> Optional[SummarySentence]:
    """Keep only the cited claims the sentence names; None when none remains."""
    ok = [c.id for c in cites if claim_named(text, c, ctx.articles)]
    ok = list(dict.fromkeys(ok))
    if not ok:
        return None
    qs = quotes_of(text)
    labels = {_norm(article_label(a)) for a in ctx.d.articles}
    if any(not any(_cmp(q) in _cmp(ctx.claims[c].text) for c in ok) for q in qs if _norm(q) not in labels):
        return None
    ctx.used.update(ok)
    return SummarySentence(text=text, cites=ok, section=section)


# --------------------------------------------------------------------------- sections


def _overview(ctx: _Ctx) -> list[SummarySentence]:
    d = ctx.d
    if not d.clusters or not d.articles:
        return []
    k = sorted(d.clusters, key=lambda k: (-len(set(k.articles) or {ctx.claims[c].article for c in k.claims if c in ctx.claims}),
                                          k.corroboration == "narration_only", k.id))[0]
    mem = ctx.members(k)
    if not mem:
        return []
    rep = _rep(mem)
    outlets = _outlets(ctx, mem)
    n_art = len({c.article for c in mem})
    main = next((e for e in d.events if e.main), d.events[0] if d.events else None)
    lead = f"{len(d.articles)} articles were read"
    if main and len(d.events) > 1:
        lead += f", reporting {len(d.events)} related events"
    who = ctx.who(rep, k)
    text = (f"{lead}; the most widely carried claim, in {n_art} of them ({_join(outlets)}), is that of {who}: {quote(ctx.content(rep))}."
            if rep.speaker else
            f"{lead}; the most widely carried account, in {n_art} of them ({_join(outlets)}), is {quote(rep.text)}.")
    s = _sentence(ctx, text, [rep] + [c for c in mem if c is not rep], "overview")
    return [s] if s else []


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


def _established(ctx: _Ctx) -> list[SummarySentence]:
    out = []
    ks = [k for k in ctx.d.clusters if k.corroboration in ("cross_side", "independent_same_side") and len(k.sources) >= 2]
    ks.sort(key=lambda k: (k.corroboration != "cross_side", -len(k.sources), -len(k.claims), k.id))
    for k in ks[:MAX_ESTABLISHED]:
        mem = ctx.members(k)
        src_claims = [ctx.claims[c] for src in k.sources for c in src.claims if c in ctx.claims]
        if not mem:
            continue
        rep = _rep(src_claims or mem)
        names = []
        cites = [rep]
        for src in k.sources:
            label = f"{src.name} ({src.side})" if src.side and src.side.lower() not in src.name.lower() else src.name
            names.append(label)
            cites += [ctx.claims[c] for c in src.claims if c in ctx.claims]
        if k.corroboration == "cross_side":
            text = f"Sources on more than one side — {_join(names)} — agree: {quote(ctx.content(rep))} ({ctx.who(rep, with_side=False)}, in {_outlets(ctx, [rep])[0]})."
        else:
            side = k.sides[0] if k.sides else "one"
            text = (f"{len(k.sources)} independent sources, all on the {side} side ({_join(names)}), report: {quote(ctx.content(rep))} "
                    f"({ctx.who(rep, with_side=False)}, in {_outlets(ctx, [rep])[0]}).")
        s = _sentence(ctx, text, cites + mem, "established")
        if s and _distinct_sources(ctx, s.cites) >= 2:
            out.append(s)
        elif s:
            ctx.used.difference_update(s.cites)
    return out


def _claimed(ctx: _Ctx, disputed: set[str]) -> list[SummarySentence]:
    out = []
    ks = [k for k in ctx.d.clusters if k.id not in disputed and k.corroboration in ("single_source_repeated", "single_source")]
    ks = [k for k in ks if any(c.speaker is not None and c.kind != "narrative" for c in ctx.members(k))]
    ks.sort(key=lambda k: (k.corroboration != "single_source_repeated", -len(set(k.articles) or k.claims), k.id))
    for k in ks[:MAX_CLAIMED]:
        mem = ctx.members(k)
        attributed = [c for c in mem if c.speaker is not None and c.kind != "narrative"]
        rep = _rep(attributed)
        if rep.id in ctx.used:
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


def _disputed(ctx: _Ctx) -> tuple[list[SummarySentence], set[str]]:
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
        ca, cb = _pair(ctx, a, b, r.evidence)
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
        ca, cb = _pair(ctx, a, b, r.evidence)
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


def summary_of(dossier: Dossier) -> list[SummarySentence]:
    """The summary sentences of ``dossier`` (see the module docstring)."""
    ctx = _Ctx(dossier)
    overview = _overview(ctx)
    disputed, involved = _disputed(ctx)
    established = _established(ctx)
    claimed = _claimed(ctx, involved)
    numbers = _numbers(ctx)
    return overview + established + claimed + disputed + numbers


def summarize(state) -> None:
    """Pipeline stage (corpus): ``state.dossier`` -> ``dossier.summary``."""
    state.dossier.summary = summary_of(state.dossier)
