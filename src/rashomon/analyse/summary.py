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
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from typing import Optional

from ..models import Article, Claim, Cluster, Dossier, Source, SummarySentence
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
