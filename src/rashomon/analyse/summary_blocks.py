"""Building blocks of the summary: how a sentence names an article or a speaker, the criterion the
summary is held to, and the shared context and sentence maker of the sections.

In: dossier records (``Article``, ``Claim``, ``Dossier``). Out: ``article_label`` (how a sentence
names an outlet), ``claim_named`` / ``quotes_of`` / ``check_summary`` (the citation criterion, a
list of problems), ``quote`` (a claim's text cut for quoting), ``relation_claims`` (the two claims
that show a relation), ``_Ctx`` (lookups over one dossier) and ``_sentence`` (a checked
``SummarySentence`` or ``None``).
"""
from __future__ import annotations

import re
from typing import Optional

from ..models import Article, Claim, Cluster, Dossier, SummarySentence
from ..data import load_yaml

_WORDS = load_yaml("summary_words.yaml", "en")  # word lists and patterns of this module (data/en/summary_words.yaml)

QUOTE_CHARS = 200
MAX_ESTABLISHED, MAX_CLAIMED, MAX_DISPUTED, MAX_UPDATES, MAX_NUMBERS = 4, 5, 4, 2, 2


# --------------------------------------------------------------------------- naming


def article_label(a: Article) -> str:
    """How a sentence names an article's outlet: the outlet, else the short title, else its short
    name (outlet and date, or its first words: ``ingest.names``); never a bare id."""
    if a.outlet:
        return a.outlet
    if a.title:
        t = re.sub(r"\s+", " ", a.title).strip()
        return "‘" + (t if len(t) <= 60 else t[:57].rsplit(" ", 1)[0] + "…") + "’"
    from ..ingest.names import name_of

    return name_of(a)


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
    def __init__(self, d: Dossier, verbs: Optional[dict[str, list[int]]] = None):
        self.d = d
        self.verbs = {a: sorted(v) for a, v in verbs.items()} if verbs is not None else None
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
        return self.content_and_spans(c)[0]

    def content_and_spans(self, c: Claim) -> tuple[str, list[tuple[int, int]]]:
        """``content(c)`` and the article offsets it was cut from (the claim's own span when it is
        the claim text)."""
        whole = (c.text, [(c.start, c.end)])
        at = self.attributions.get(c.attribution or "")
        art = self.articles.get(c.article)
        if at is None or art is None or c.kind == "narrative":
            return whole
        parts, spans = [], []
        for sp in at.content:
            s, e = max(sp.start, c.start), min(sp.end, c.end)
            if sp.article == c.article and e > s:
                parts.append(art.text[s:e])
                spans.append((s, e))
        text = " … ".join(p.strip() for p in parts if p.strip())
        text = re.sub(r"^(that|:)\s+", "", text.strip(" \"“”,")).strip(" \"“”,")
        # a short quoted fragment ("fortitude and heroism") says too little on its own
        return (text, spans) if len(text) >= 60 or len(text) >= 0.5 * len(c.text) else whole

    def says(self, c: Claim, cluster: Optional[Cluster] = None, limit: int = QUOTE_CHARS) -> str:
        """"X said “…”" / "according to X, “…”" for an attributed claim."""
        who = self.who(c, cluster)
        q = quote(self.content(c), limit)
        if c.kind == "according_to" or (c.cue or "").lower().startswith("according"):
            return f"according to {who}, {q}"
        return f"{who} {_past_cue(c.cue)} {q}"

    def members(self, k: Cluster) -> list[Claim]:
        return [self.claims[c] for c in k.claims if c in self.claims]


_PAST = set(_WORDS["past"])


def _past_cue(cue: Optional[str]) -> str:
    """The reporting verb as a past-tense verb after the speaker ("added", "denied"); a base form
    or participle the attribution kept ("say", "declaring", "respond") becomes "said"."""
    c = (cue or "").strip().lower()
    if re.fullmatch(r"[a-z]+ed", c) or c in _PAST:
        return c
    return "said"


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


def relation_claims(a: list[Claim], b: list[Claim], evidence) -> tuple[Claim, Claim]:
    """The two claims (one of ``a``, one of ``b``, the claims of a relation's two clusters) that
    carry a relation: those holding its ``evidence`` spans, else the pair with the most words in
    common."""
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
