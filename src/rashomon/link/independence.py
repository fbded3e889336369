"""Corpus stage ``assess_independence``: who really stands behind each claim cluster.

In: ``state.dossier.clusters`` and their claims (speaker, chain, kind), ``state.dossier.actors``
(with ``side``), ``state.main_parties`` (from ``link_actors``) and the claim
embeddings cache (to spot copied narration).

Out, for every cluster: ``sources`` (the independent original sources), ``sides`` (their
sides), ``corroboration`` and ``explanation`` (in words a reader can check).

Counting rules:
- the original source of an attributed claim is the first speaker of its chain (Gerasimov in
  "Gerasimov said, according to AFP"), else its speaker; outlets repeating it add nothing;
- speakers who speak for the same government (its ministries, army, officials, state media:
  actors whose side is that country) are ONE source - "the Kremlin", "the Russian military" and
  the chief of its general staff announcing the same thing is one announcement;
- a speaker naming several countries ("Ukraine, the U.S. and South Korea") is one source per
  country;
- narration (no speaker): each outlet telling it in its own words is a source of its own, but
  outlets whose sentences are near copies (embedding cosine >= ``independence.copy_cosine``)
  count once; the explanation says "narration".

Near copies (``Article.copy_of``, set at ingest: the same body syndicated under another title or
outlet) count as the article they copy: they carry its outlet key, so a copy adds no outlet and
no narration source, and the explanation names the copies.

``corroboration``: ``cross_side`` when the sources include two different main parties (the
sides most actors speak for, e.g. both belligerents), ``independent_same_side`` when there are
two or more sources otherwise, ``single_source_repeated`` for one original source carried by
several outlets, ``single_source`` for one source in one outlet, ``narration_only`` when no
claim names a speaker (see above for how narration sources are counted).

Corroboration here is computed from the sources *inside* each cluster. Confirmation across
clusters (Russia's general acknowledging what Ukraine reported, found by the relations stage
as ``supports``) is applied afterwards by ``apply_support_relations(state)``, which the
relations stage (or the lead's pipeline) can call once relations exist.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Optional

import numpy as np

from ..models import Claim, Cluster, Source
from ..state import CorpusState
from . import lexicon as lx
from .features import original_speaker
from .similarity import vectors_for
from ..settings import setting


def _countries_named(name: str) -> list[str]:
    """Countries a speaker name names, in order ("Ukraine, the U.S. and South Korea")."""
    out = []
    rest = name
    while True:
        found = lx.country_in(rest)
        if not found:
            break
        c, words = found
        if c not in out:
            out.append(c)
        pos = lx.fold(rest).find(words)
        if pos < 0:
            break
        rest = rest[pos + len(words):]
    return out


def _source_keys(c: Claim, actors: dict, outlet: str) -> list[tuple[str, str, Optional[str], Optional[str]]]:
    """(key, display name, actor id, side) of each original source behind claim ``c``."""
    sp = original_speaker(c)
    if sp is None:
        return [(f"narration:{outlet}", outlet, None, None)]
    actor = actors.get(sp.actor) if sp.actor else None
    side = actor.side if actor else None
    name = actor.name if actor else sp.name
    countries = _countries_named(sp.name or "")
    if len(countries) > 1:
        return [(f"side:{k}", k, None, k) for k in countries]
    media = lx.side_label("independent_media")
    if side and side != media:
        return [(f"side:{side}", name, actor.id if actor else None, side)]
    if not actor and countries:
        return [(f"side:{countries[0]}", name, None, countries[0])]
    key = f"actor:{actor.id}" if actor else f"name:{lx.fold(sp.name)}"
    return [(key, name, actor.id if actor else None, side)]


def _copy_groups(claim_ids: list[str], state: CorpusState, cut: float) -> list[list[str]]:
    """Narration claims grouped when their texts are near copies."""
    if len(claim_ids) < 2:
        return [claim_ids]
    v = vectors_for(state, claim_ids)
    sim = v @ v.T
    groups: list[list[int]] = []
    for i in range(len(claim_ids)):
        for g in groups:
            if all(sim[i, j] >= cut for j in g):
                g.append(i)
                break
        else:
            groups.append([i])
    return [[claim_ids[i] for i in g] for g in groups]


def _names(items: list[str], limit: int = 4) -> str:
    items = list(dict.fromkeys(items))
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def assess_cluster(k: Cluster, claims: list[Claim], state: CorpusState, actors: dict, outlet_of: dict,
                   parties: list[str]) -> None:
    """Fill ``sources``, ``sides``, ``corroboration`` and ``explanation`` of one cluster."""
    copy_cut = setting("independence.copy_cosine")
    outlets = list(dict.fromkeys(outlet_of.get(c.article, c.article) for c in claims))
    attributed = [c for c in claims if original_speaker(c) is not None]
    narration = [c for c in claims if original_speaker(c) is None]
    sources: dict[str, Source] = {}
    speakers_of: dict[str, list[str]] = defaultdict(list)
    for c in attributed:
        for key, name, aid, side in _source_keys(c, actors, outlet_of.get(c.article, c.article)):
            src = sources.get(key)
            if src is None:
                label = side if key.startswith("side:") else name
                src = sources[key] = Source(name=label, actor=aid, side=side, claims=[])
            if c.id not in src.claims:
                src.claims.append(c.id)
            speakers_of[key].append(name)
    narr_groups: list[list[str]] = []
    if narration and not attributed:
        narr_groups = _copy_groups([c.id for c in narration], state, copy_cut)
        by_id = {c.id: c for c in narration}
        for g in narr_groups:
            arts = list(dict.fromkeys(outlet_of.get(by_id[x].article, by_id[x].article) for x in g))
            key = "narration:" + "|".join(arts)
            sources[key] = Source(name=" / ".join(arts), actor=None, side=None, claims=list(g))
    k.sources = list(sources.values())
    k.sides = sorted({s.side for s in k.sources if s.side})
    n_src = len(k.sources)
    main_sides = [s for s in k.sides if s in parties] if parties else [s for s in k.sides if s != lx.side_label("independent_media")]
    out_txt = f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''} ({_names(outlets)})"

    def describe(key: str, src: Source) -> str:
        spk = list(dict.fromkeys(speakers_of.get(key, [])))
        if key.startswith("side:") and spk and spk != [src.name]:
            return f"{src.name} ({_names(spk)})"
        return src.name + (f" [{src.side}]" if src.side and not key.startswith("side:") else "")

    desc = [describe(key, s) for key, s in sources.items()]
    if not attributed:
        k.corroboration = "narration_only"
        if len(narr_groups) > 1:
            k.explanation = (f"narration: told in their own voice by {out_txt}, no source named; "
                             f"{len(narr_groups)} independently worded tellings")
        else:
            copied = " in near-identical words" if len(narration) > 1 else ""
            k.explanation = f"narration: told in its own voice by {out_txt}{copied}, no source named"
        return
    if len(set(main_sides)) >= 2:
        k.corroboration = "cross_side"
        k.explanation = (f"{n_src} independent sources on opposite sides ({_names(main_sides)}): {_names(desc)}; "
                         f"carried by {out_txt}")
    elif n_src >= 2:
        k.corroboration = "independent_same_side"
        side_txt = f" all on one side ({_names(k.sides)})" if len(k.sides) == 1 else ""
        k.explanation = f"{n_src} independent sources{side_txt}: {_names(desc)}; carried by {out_txt}"
    elif len(outlets) > 1:
        k.corroboration = "single_source_repeated"
        k.explanation = (f"one original source, {desc[0]}, repeated by {out_txt}; "
                         f"the outlets do not confirm it independently")
    else:
        k.corroboration = "single_source"
        k.explanation = f"one source, {desc[0]}, in {out_txt}"
    if narration:
        k.explanation += f"; {len(narration)} of its claims are the outlets' own narration"


def assess_independence(state: CorpusState) -> None:
    """Fill the independence fields of every cluster (see module doc)."""
    d = state.dossier
    actors = {a.id: a for a in d.actors}
    claims = {c.id: c for c in d.claims}
    outlet_of = source_outlets(d.articles)
    copies = {a.id: a for a in d.articles if a.copy_of}
    parties = state.main_parties
    for k in d.clusters:
        # a clause claim beside the statement it was cut from is counted once, as that statement
        held = set(k.claims)
        members = [claims[c] for c in k.claims if c in claims and claims[c].parent not in held]
        assess_cluster(k, members, state, actors, outlet_of, parties)
        copied = list(dict.fromkeys(c.article for c in members if c.article in copies))
        if copied:
            named = [f"{copies[a].outlet or copies[a].name or a} (copy of {copies[a].copy_of})" for a in copied]
            k.explanation = (k.explanation or "") + f"; near copies counted once with their original: {_names(named)}"


def source_outlets(articles) -> dict[str, str]:
    """Article id -> the outlet key it counts as: its outlet (else its id), or, for a near copy
    (``copy_of``), the key of the article it copies."""
    own = {a.id: (a.outlet or a.id) for a in articles}
    return {a.id: own.get(a.copy_of, a.copy_of) if a.copy_of else own[a.id] for a in articles}


def apply_support_relations(state: CorpusState) -> int:
    """Upgrade clusters to ``cross_side`` when a ``supports`` relation joins them to a cluster
    whose sources are on another main party's side; returns how many clusters changed. Meant to
    run after the relations stage."""
    d = state.dossier
    by_id = {k.id: k for k in d.clusters}
    parties = state.main_parties
    changed = 0
    for r in d.relations:
        if r.type != "supports" or r.a not in by_id or r.b not in by_id:
            continue
        a, b = by_id[r.a], by_id[r.b]
        sa = [s for s in a.sides if not parties or s in parties]
        sb = [s for s in b.sides if not parties or s in parties]
        if sa and sb and set(sa) != set(sb) and (set(sa) | set(sb)) and len(set(sa) | set(sb)) >= 2:
            for k, other, mine in ((a, b, sa), (b, a, sb)):
                if k.corroboration != "cross_side":
                    k.corroboration = "cross_side"
                    k.explanation = (f"{k.explanation}; confirmed across sides by cluster {other.id} "
                                     f"({_names(other.sides)}) which supports it")
                    changed += 1
    return changed
