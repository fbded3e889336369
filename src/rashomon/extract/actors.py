"""The actors stage: people and bodies mentioned in one article, grouped, typed, with affiliation.

In: ``state.doc`` (parsed, entity ruler applied) and ``state.article``.
Out: ``state.ann.actors`` — one ``Actor`` per person or body (id ``a:<article>:<start>-<end>`` of its first mention) with every
mention (name, title, description, pronoun) and its character span; and, in
``state.actor_resolutions``, a map ``(start, end) -> (actor id, reason)`` for
each pronoun or description that was resolved to an earlier actor (the attribution stage reads
it to fill ``Speaker.resolved``).

How mentions are found (all lexicons in ``data/en/actors.yaml``):

- named entities: PERSON -> person; ORG -> media outlet / government body / military unit /
  organization; GPE naming a country, alias or capital -> country (capitals stand for their
  country); plural demonyms ("Ukrainians") -> group;
- noun phrases headed by a body noun ("the Russian military", "Ukrainian officials", "state
  media") or a title ("the acting commander of the brigade", "the president");
- subject pronouns (he, she; they/it/we only as subject of a reporting verb).

Grouping: people by surname ("Gen. Valery V. Gerasimov", "General Gerasimov", "Gerasimov");
bodies by their head phrase and affiliation (a bare "the General Staff" joins the most recent body
of that name); countries by the country they name. Pronouns and definite descriptions ("the
military", "the president") join the nearest preceding compatible actor: a person for he/she
(subjects first), a body for body nouns, a person carrying that title for a title; a body noun
narrowed by a clause ("the government based in the east") keeps its own words.

The stage and the lookups (``actor_finder``, ``actor_at``) are here; finding and grouping the
mentions (``_Builder``) lives in ``actor_mentions``.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional

from ..ids import span_id
from ..models import Actor
from .lexicon import actor_lexicon, country_for
from .actor_mentions import _Builder, _body_type, _is_cue_subject


def _before_possessive(ent):
    """A person's name without what the tagger ran on past its possessive mark: "Maria
    Lindqvist’s Telegram" -> "Maria Lindqvist" (the channel is his, not a part of his name)."""
    for t in ent[1:-1]:
        if t.tag_ == "POS":
            return ent.doc[ent.start:t.i]
    return ent


def _restricted(head) -> bool:
    """True when a description noun carries a clause that narrows it down ("the government based in
    the east", "the ministry that runs the ports"; no comma before the clause): it names a part or
    a kind, not the body of that kind named before, so it is not resolved to that body."""
    for c in head.children:
        if c.dep_ in ("acl", "relcl") and c.i > head.i and not any(t.is_punct for t in head.doc[head.i + 1:c.left_edge.i]):
            return True
    return False


def extract_actors(state) -> None:
    """Fill ``state.ann.actors`` for one article (see module docstring)."""
    doc = state.doc
    if doc is None:
        state.ann.actors = []
        return
    b = _Builder(state)
    b.pending = []
    b.deferred_titles = []
    lex = actor_lexicon()
    ents_by_start = {e.start: e for e in doc.ents}
    events = []  # (token index, kind, payload) in text order
    for e in doc.ents:
        events.append((e.start, "ent", e))
    for t in doc:
        if t.pos_ in ("NOUN", "PROPN") and not t.ent_type_:
            events.append((t.i, "np", t))
        elif t.pos_ == "PRON" and t.text.lower() in lex["pronouns"] and t.dep_ in ("nsubj", "nsubjpass"):
            events.append((t.i, "pron", t))
    events.sort(key=lambda x: x[0])
    resolved: dict[tuple[int, int], tuple[int, str]] = {}
    for _, kind, x in events:
        if kind == "ent":
            if any(t.i in b.taken for t in x):
                continue
            if x.label_ == "PERSON":
                b.person(_before_possessive(x))
            elif x.label_ in ("ORG", "FAC") or (x.label_ in ("GPE", "NORP") and _body_type(x.text.lower())):
                b.named_body(x)
            elif x.label_ in ("GPE",):
                b.country(x)
            elif x.label_ == "NORP" and x.root.tag_ == "NNPS":
                c = country_for(x.text.rstrip("s")) or country_for(x.text)
                idx = b._new("people:" + (c or x.text).lower(), "group", x.text, c)
                b._add(idx, x.start_char, x.end_char, "demonym")
        elif kind == "np":
            b.noun_phrase(x)
            while b.pending:
                head, start, end, key, type_, name, aff, weak, bare, personal = b.pending.pop()
                idx = None
                how = None
                if bare or (personal and any(t.text.lower() == "the" for t in head.lefts)):
                    word = head.text.lower()
                    if personal:
                        idx = b.recent(start, ("person",), aff=aff, title=word)
                        how = f"description '{b.text[start:end]}' -> nearest preceding person titled '{word}'"
                    elif not _restricted(head):
                        types = lex["descriptions"].get(key) or lex["descriptions"].get(word)
                        if types:
                            idx = b.recent(start, tuple(types), aff=aff)
                            how = f"description '{b.text[start:end]}' -> nearest preceding {'/'.join(types)}"
                if idx is not None:
                    b._add(idx, start, end, "description")
                    resolved[(start, end)] = (idx, how)
                    continue
                if not personal:
                    idx = b._match_body(key, aff, name)
                if idx is None:
                    idx = b._new(key, type_, name, aff, weak=weak)
                d = b.drafts[idx]
                if personal:
                    d.titles.add(head.text.lower())
                b._add(idx, start, end, "description" if personal else "name")
        elif kind == "pron":
            p = x.text.lower()
            if p not in ("he", "she") and not _is_cue_subject(x):
                continue
            types = tuple(lex["pronouns"][p])
            idx = b.recent(x.idx, types, subject_first=p in ("he", "she"), pronoun=p)
            if idx is not None:
                s, e = x.idx, x.idx + len(x.text)
                b._add(idx, s, e, "pronoun")
                how = f"pronoun '{x.text}' -> nearest preceding {'speaker or subject ' if p in ('he', 'she') else ''}{'/'.join(types[:3])}"
                resolved[(s, e)] = (idx, how)
    # titles that name a person given next to them ("Chief of the General Staff Valery Gerasimov")
    for start, end, word, person_i, aff in b.deferred_titles:
        pt = doc[person_i]
        for idx, d in enumerate(b.drafts):
            if d.type == "person" and any(m.start <= pt.idx < m.end for m in d.mentions):
                d.titles.add(word)
                if aff and not d.affiliation:
                    d.affiliation = aff
                b._add(idx, start, end, "title")
                break
    # a description before its name ("The Russian president has ... President Vladimir Putin said"):
    # joins the next person carrying that title within a few sentences
    for i, d in enumerate(b.drafts):
        if d.type != "person" or not d.key.startswith("title:") or not d.mentions:
            continue
        if any(m.kind != "description" for m in d.mentions):
            continue
        word = d.key.split(":", 1)[1]
        first = min(m.start for m in d.mentions)
        nxt = None
        for j, e in enumerate(b.drafts):
            if j == i or e.type != "person" or e.key.startswith("title:") or word not in e.titles:
                continue
            if d.affiliation and e.affiliation and d.affiliation != e.affiliation:
                continue
            starts = [m.start for m in e.mentions if m.kind == "name" and m.start > first]
            if starts and min(starts) - first < 600 and (nxt is None or min(starts) < nxt[0]):
                nxt = (min(starts), j)
        if nxt is not None:
            e = b.drafts[nxt[1]]
            for m in d.mentions:
                e.mentions.append(m)
                resolved[(m.start, m.end)] = (nxt[1], f"description '{m.text}' -> the next person titled '{word}' (named later)")
            if d.affiliation and not e.affiliation:
                e.affiliation = d.affiliation
            d.mentions = []
    # number and write out
    actors = []
    id_of = {}
    taken: set[str] = set()
    for i, d in enumerate(b.drafts):
        if not d.mentions:
            continue
        ms = sorted(d.mentions, key=lambda m: m.start)
        aid = span_id("a", state.article.id, ms[0].start, ms[0].end, taken)
        id_of[i] = aid
        aliases = sorted({m.text for m in ms if m.kind in ("name", "title", "description")} - {d.name})
        actors.append(Actor(id=aid, name=d.name, type=d.type, affiliation=_demonym(d.affiliation),
                            article=state.article.id, aliases=aliases, mentions=ms, articles=[state.article.id]))
    state.ann.actors = actors
    state.actor_resolutions = {k: (id_of.get(v[0]), v[1]) for k, v in resolved.items() if v[0] in id_of}


def _demonym(country: Optional[str]) -> Optional[str]:
    """'Ukraine' -> 'Ukrainian' (the affiliation is given as an adjective, like the text)."""
    if not country:
        return None
    return actor_lexicon()["adjective"].get(country, country)


def actor_finder(actors: list[Actor]):
    """``find(start, end)`` -> the same answer as ``actor_at(actors, start, end)``, from an index
    of the mentions sorted by start (one bisect per call instead of a scan of every mention)."""
    entries = sorted(((m.start, m.end, k) for k, a in enumerate(actors) for m in a.mentions))
    starts = [e[0] for e in entries]
    longest = max((e[1] - e[0] for e in entries), default=0)

    def find(start: int, end: int) -> Optional[Actor]:
        best, best_ov, best_k = None, 0, None
        i = bisect_left(starts, start - longest)
        while i < len(entries) and entries[i][0] < end:
            s, e, k = entries[i]
            ov = min(end, e) - max(start, s)
            if ov > best_ov or (ov == best_ov and ov > 0 and k < best_k):
                best, best_ov, best_k = actors[k], ov, k
            i += 1
        return best

    return find


def actor_at(actors: list[Actor], start: int, end: int) -> Optional[Actor]:
    """The actor with a mention overlapping ``[start, end)`` the most (None when none)."""
    best, best_ov = None, 0
    for a in actors:
        for m in a.mentions:
            ov = min(end, m.end) - max(start, m.start)
            if ov > best_ov:
                best, best_ov = a, ov
    return best
