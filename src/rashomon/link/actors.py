"""Corpus stage ``link_actors``: one actor across articles, and the side it speaks for.

In: ``state.annotations[article].actors`` (per-article ``Actor`` records, ids ``a:<article>:<start>-<end>``,
with name, type, affiliation, aliases and mentions) and the claims and attributions of the
dossier, whose speakers point at per-article actor ids.

Out: ``state.dossier.actors`` (dossier-level ``Actor`` records, id ``A<n>``, ``article`` null,
``members`` = the per-article ids merged, ``articles``, ``aliases``; mentions are not copied),
each with ``side`` and ``side_reason`` (null side with a reason when the text does not support
one). ``state.actor_map`` holds the per-article -> dossier id map. The dossier's claims and
attributions become new copies whose ``speaker.actor``, ``chain[*].actor``, ``actors`` (and the actors
of the claim's ``proposition`` slots) hold
dossier ids (``speaker_in_dossier``); the per-article records keep their per-article ids.

Matching:
- people by surname with a compatible given name or initial, titles stripped ("Gen. Valery V.
  Gerasimov" = "Valery Gerasimov" = "General Gerasimov"); a bare surname joins the one full name
  that carries it, and stays apart when two different people share it;
- bodies (government bodies, military units, groups, outlets) by their name without country
  words plus the country they belong to ("Ukraine's General Staff" = "the Ukrainian General
  Staff" but not "Russia's General Staff"); a body named without country joins a same-named
  body only when exactly one country is known for that name;
- countries by their canonical name ("Kyiv" = "Ukraine" when they speak as a government).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, Optional

from ..models import Actor, Speaker
from ..state import CorpusState
from . import lexicon as lx
from .union_find import UnionFind
from ..data import load_yaml

_WORDS = load_yaml("actor_names.yaml", "en")  # word lists and patterns of this module (data/en/actor_names.yaml)

_SUFFIXES = set(_WORDS["suffixes"])
_GENERIC_BODY_TYPES = {"government_body", "military_unit", "group", "organization", "media_outlet", "other"}


# --------------------------------------------------------------------------- names


def strip_title(name: str) -> str:
    """A person's name without titles, demonyms, country words and honorifics:
    "Chief of the Russian General Staff Valery Gerasimov" -> "Valery Gerasimov"."""
    s = lx.fold(name)
    s = re.sub(r"^the\s+", "", s)
    # a title phrase before the name often ends at the last lower-case/title word; keep the
    # trailing run of capitalised tokens of the original
    toks = name.replace("\u2019", "'").split()
    tail: list[str] = []
    for t in reversed(toks):
        bare = t.strip(",;:()\"'")
        f = lx.fold(bare)
        if not bare:
            break
        if not (bare[0].isupper() or (len(bare) == 2 and bare.endswith("."))):
            break
        if (f in lx.titles() or f.rstrip(".") in lx.titles() or f in _body_nouns() or lx.canonical_country(bare)
                or f.endswith("'s")):
            break
        tail.append(bare)
    tail.reverse()
    if tail:
        s = lx.fold(" ".join(tail))
    # drop leading titles that the loop could not see (all-capitalised title words)
    changed = True
    while changed:
        changed = False
        for t in lx.titles():
            if s.startswith(t + " ") and len(s) > len(t) + 1:
                s = s[len(t) + 1:]
                changed = True
                break
    return s.strip()


def _body_nouns() -> set[str]:
    return set((lx.load("actors.yaml", "en").get("body_nouns") or {}).keys())


def _norm_surname(s: str) -> str:
    s = re.sub(r"[^a-z\-']", "", lx.fold(s))
    s = re.sub(r"(iy|yi|ij|yy)$", "y", s)
    s = re.sub(r"(.)\1", r"\1", s)
    return s


def person_key(name: str) -> tuple[str, list[str]]:
    """(normalised surname, given names/initials) of a person's name."""
    parts = [p for p in re.split(r"\s+", strip_title(name)) if p]
    parts = [p for p in parts if p.lower() not in _SUFFIXES]
    if not parts:
        return "", []
    surname = _norm_surname(parts[-1])
    given = [re.sub(r"[^a-z]", "", lx.fold(p)) for p in parts[:-1]]
    return surname, [g for g in given if g]


def given_compatible(a: list[str], b: list[str]) -> bool:
    """True when the first given names agree: equal, or one is the other's initial; missing
    given names are compatible with anything."""
    if not a or not b:
        return True
    x, y = a[0], b[0]
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x == y or x.startswith(y) or y.startswith(x)


def body_key(name: str, affiliation: Optional[str]) -> tuple[Optional[str], str]:
    """(country or None, name without country words and noise) of a body's name."""
    found = lx.country_in(name)
    country = found[0] if found else lx.canonical_country(affiliation) if affiliation else None
    if not country and affiliation:
        c = lx.country_in(affiliation)
        country = c[0] if c else None
    head = lx.strip_countries(name)
    noise = set(lx.load("sides.yaml", "en").get("name_noise", []) or [])
    head = " ".join(w for w in re.findall(r"[\w\-]+", head) if w not in noise)
    if not head and found:
        head = found[1]
    return country, head


# --------------------------------------------------------------------------- grouping


_SURNAME_LIKE_TYPES = {"organization", "group"}  # what spaCy makes of a lone surname in a headline


def _is_person(a: Actor) -> bool:
    return a.type == "person"


def group_actors(actors: list[Actor]) -> list[list[int]]:
    """Indices of ``actors`` grouped into cross-article actors (each group sorted)."""
    uf = UnionFind()
    # people
    by_surname: dict[str, list[int]] = defaultdict(list)
    keys = {}
    for i, a in enumerate(actors):
        if _is_person(a):
            sur, given = person_key(a.name)
            if sur:
                keys[i] = (sur, given)
                by_surname[sur].append(i)
    for sur, idx in by_surname.items():
        full = [i for i in idx if keys[i][1]]
        bare = [i for i in idx if not keys[i][1]]
        # compatibility reads only the first given name: people sharing it are joined at once,
        # and the pairwise test runs over the distinct first names (not over every mention pair,
        # which grows with the square of the corpus)
        by_first: dict[str, list[int]] = defaultdict(list)
        for i in full:
            by_first[keys[i][1][0]].append(i)
        firsts = list(by_first)
        for f in firsts:
            for i in by_first[f][1:]:
                uf.join(i, by_first[f][0])
        for x in range(len(firsts)):
            for y in range(x + 1, len(firsts)):
                if given_compatible([firsts[x]], [firsts[y]]):
                    uf.join(by_first[firsts[x]][0], by_first[firsts[y]][0])
        roots = {uf.root(i) for i in full}
        # two full names sharing a first name but with different initials could both be
        # compatible with a third one; keep it simple: roots are the distinct people
        if len(roots) == 1 and full:
            for i in bare:
                uf.join(i, full[0])
        elif not full:
            for i in bare[1:]:
                uf.join(i, bare[0])
    # a bare surname the parser typed as an organisation ("Marsh blocks pipe plan") is the one
    # person of that surname named in full elsewhere in the dossier
    one_person: dict[str, Optional[int]] = {}  # surname -> a member of its one fully named person
    for i, a in enumerate(actors):
        if a.type not in _SURNAME_LIKE_TYPES:
            continue
        words = a.name.split()
        if len(words) != 1 or not words[0][:1].isupper() or words[0].isupper():
            continue  # one capitalised word, not an acronym
        sur = _norm_surname(words[0])
        if sur not in one_person:  # once per surname: these unions never split or join people
            roots = {uf.root(j): j for j in by_surname.get(sur, []) if keys[j][1]}
            one_person[sur] = next(iter(roots.values())) if len(roots) == 1 else None
        if one_person[sur] is not None:
            uf.join(i, one_person[sur])
    # countries
    by_country: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(actors):
        if a.type == "country":
            c = lx.canonical_country(a.name) or (lx.country_in(a.name) or (None,))[0]
            if c:
                by_country[c].append(i)
    for idx in by_country.values():
        for i in idx[1:]:
            uf.join(i, idx[0])
    # bodies
    by_head: dict[str, dict[Optional[str], list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, a in enumerate(actors):
        if a.type in _GENERIC_BODY_TYPES:
            country, head = body_key(a.name, a.affiliation)
            if head:
                by_head[head][country].append(i)
    for head, per_country in by_head.items():
        named = {c: idx for c, idx in per_country.items() if c}
        for idx in named.values():
            for i in idx[1:]:
                uf.join(i, idx[0])
        loose = per_country.get(None, [])
        if loose and len(named) == 1:
            target = next(iter(named.values()))[0]
            for i in loose:
                uf.join(i, target)
        elif loose and not named and _specific_head(head, loose, actors):
            for i in loose[1:]:
                uf.join(i, loose[0])
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(actors)):
        groups[uf.root(i)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _specific_head(head: str, idx: list[int], actors: list[Actor]) -> bool:
    """A body name without country merges across articles only when it is a proper name (not a
    generic noun like 'the military' or 'officials')."""
    generic = set((lx.load("actors.yaml", "en").get("body_nouns") or {}).keys())
    if head in generic:
        return False
    return any(any(w[:1].isupper() for w in re.findall(r"[\w\-]+", actors[i].name) if lx.fold(w) not in ("the",))
               for i in idx)


# --------------------------------------------------------------------------- sides


def _evidence_texts(members: list[Actor]) -> Iterable[tuple[str, str]]:
    for a in members:
        yield a.name, a.id
        for al in a.aliases:
            yield al, a.id
        for m in a.mentions:
            if m.kind in ("name", "title", "description", "demonym"):
                yield m.text, a.id


def assign_side(members: list[Actor]) -> tuple[Optional[str], str]:
    """(side, reason) for a dossier actor from what the text says about its members."""
    name = members[0].name
    typ = Counter(a.type for a in members).most_common(1)[0][0]
    outlets = lx.media_outlets()
    fnames = {lx.fold(re.sub(r"^the\s+", "", a.name, flags=re.I)) for a in members} | {
        lx.fold(re.sub(r"^the\s+", "", al, flags=re.I)) for a in members for al in a.aliases}
    markers = [lx.fold(m) for m in lx.load("sides.yaml", "en").get("state_media_markers", []) or []]
    # state media, named or described ("Russian state media RIA Novosti")
    for f in sorted(fnames):
        if f in lx.state_media():
            country = outlets.get(f) or (lx.country_in(f) or (None,))[0]
            if country:
                return country, f"state media of {country} ('{f}' is state-controlled)"
    for text, aid in _evidence_texts(members):
        ft = lx.fold(text)
        if any(m in ft for m in markers):
            c = lx.country_in(text)
            if c:
                return c[0], f"described as state media: '{text}'"
    if typ == "media_outlet" or any(f in outlets for f in fnames):
        for f in sorted(fnames):
            if f in lx.wire_agencies():
                return lx.side_label("independent_media"), f"'{f}' is a news agency that does not speak for a government"
        return lx.side_label("independent_media"), "a news outlet, not described as state media"
    # a country speaking as a government
    if typ == "country":
        c = lx.canonical_country(name) or (lx.country_in(name) or (None,))[0]
        if c:
            return c, f"'{name}' stands for the government of {c}"
    # affiliation given by the per-article extractor
    affs = Counter()
    for a in members:
        c = lx.canonical_country(a.affiliation) or ((lx.country_in(a.affiliation) or (None,))[0] if a.affiliation else None)
        if c:
            affs[(c, a.affiliation)] += 1
    # names, aliases, titles and descriptions that carry a country ("Chief of the Russian General Staff")
    for text, aid in _evidence_texts(members):
        c = lx.country_in(text)
        if c:
            return c[0], f"'{c[1]}' in '{text}'"
    if affs:
        (c, aff), _ = affs.most_common(1)[0]
        return c, f"affiliation '{aff}' given in the text"
    return None, f"nothing in the text ties '{name}' to a government, party or outlet"


def _main_parties(actors: list[Actor], weight: dict[str, int]) -> list[str]:
    """The countries that are the main parties: sides of the most-quoted actors."""
    count: Counter = Counter()
    for a in actors:
        if a.side and a.side != lx.side_label("independent_media"):
            count[a.side] += 1 + weight.get(a.id, 0)
    n = int(lx.load("sides.yaml", "en").get("main_parties_max", 2) or 2)
    return [c for c, _ in count.most_common(n)]


# --------------------------------------------------------------------------- the stage


def _best_name(members: list[Actor]) -> str:
    if all(_is_person(a) for a in members):
        names = [strip_title(a.name) for a in members]
        names = [n for n in names if n] or [a.name for a in members]
        # the fullest form: most tokens, then most frequent
        cnt = Counter(names)
        best = max(names, key=lambda n: (len(n.split()), cnt[n], len(n)))
        # restore original casing from a member name ending with it
        for a in members:
            if lx.fold(a.name).endswith(best):
                return a.name[len(a.name) - len(best):]
        return best
    cnt = Counter(re.sub(r"^the\s+", "", a.name, flags=re.I) for a in members)
    return max(cnt, key=lambda n: (cnt[n], len(n)))


def link_actors(state: CorpusState) -> None:
    """Merge per-article actors into dossier actors with sides; the dossier's claims and attributions
    become copies that point at them (see module doc)."""
    dossier = state.dossier
    order = {a.id: a.index for a in dossier.articles}
    per_article: list[Actor] = []
    for aid in sorted(state.annotations, key=lambda x: order.get(x, 0)):
        per_article.extend(state.annotations[aid].actors)
    groups = group_actors(per_article)
    mapping: dict[str, str] = {}
    out: list[Actor] = []
    for n, g in enumerate(groups, 1):
        members = [per_article[i] for i in g]
        did = f"A{n}"
        aliases = list(dict.fromkeys(al for a in members for al in [a.name, *a.aliases] if al))
        side, reason = assign_side(members)
        aff = next((a.affiliation for a in members if a.affiliation), None)
        typ = Counter(a.type for a in members).most_common(1)[0][0]
        if any(_is_person(a) for a in members) and all(_is_person(a) or len(a.name.split()) == 1 for a in members):
            typ = "person"  # a full name and its bare surname (see group_actors)
        arts = list(dict.fromkeys(a.article for a in members if a.article))
        for a in members:
            mapping[a.id] = did
        out.append(Actor(id=did, name=_best_name(members), type=typ, affiliation=aff, side=side, side_reason=reason,
                         article=None, aliases=aliases, members=[a.id for a in members], articles=arts))
    dossier.actors = out
    state.actor_map = mapping
    by_id = {a.id: a for a in out}
    name_index = _name_index(out)
    articles_of = {a.id: set(a.articles) for a in out}  # membership tests stay O(1) for actors named in many articles

    def fix(sp: Optional[Speaker], article: str) -> Optional[Speaker]:
        if sp is None:
            return None
        if sp.actor and sp.actor in mapping:
            actor = mapping[sp.actor]
        elif sp.actor in by_id:
            return sp
        else:
            actor = _resolve_name(sp.name, article, name_index, articles_of)
        return sp.model_copy(update={"actor": actor})

    weight: Counter = Counter()
    claims = []
    for c in dossier.claims:
        c = c.model_copy(update={"speaker": fix(c.speaker, c.article), "chain": [fix(s, c.article) for s in c.chain],
                                 "actors": list(dict.fromkeys(mapping.get(x, x) for x in c.actors)),
                                 "proposition": c.proposition.with_actors(mapping) if c.proposition else None})
        claims.append(c)
        if c.speaker and c.speaker.actor:
            weight[c.speaker.actor] += 1
    dossier.claims = claims
    dossier.attributions = [at.model_copy(update={"speaker": fix(at.speaker, at.article), "chain": [fix(s, at.article) for s in at.chain]})
                            for at in dossier.attributions]
    # foreign governments: sides that are not one of the main parties
    parties = _main_parties(out, weight)
    state.main_parties = parties
    media = lx.side_label("independent_media")
    for a in out:
        if a.side and a.side != media and parties and a.side not in parties:
            a.side_reason = f"{a.side_reason}; {lx.side_label('foreign_government')} (not one of the main parties: {', '.join(parties)})"


def _name_index(actors: list[Actor]) -> dict[str, list[str]]:
    idx: dict[str, list[str]] = defaultdict(list)
    for a in actors:
        for al in a.aliases:
            idx[lx.fold(al)].append(a.id)
            if a.type == "person":
                sur, _ = person_key(al)
                if sur:
                    idx["@" + sur].append(a.id)
    return idx


def _resolve_name(name: Optional[str], article: str, idx: dict[str, list[str]], articles_of: dict[str, set[str]]) -> Optional[str]:
    """Dossier actor id for a speaker name that carries no actor id: an exact alias first (an
    actor of the same article preferred), then a person's surname when only one person has it."""
    if not name:
        return None
    cands = list(dict.fromkeys(idx.get(lx.fold(name), []) or idx.get(lx.fold(re.sub(r"^the\s+", "", name, flags=re.I)), [])))
    if not cands:
        sur, _ = person_key(name)
        cands = list(dict.fromkeys(idx.get("@" + sur, []))) if sur else []
    if len(cands) > 1:
        local = [c for c in cands if article in articles_of[c]]
        cands = local if len(local) == 1 else cands
    return cands[0] if len(cands) == 1 else None
