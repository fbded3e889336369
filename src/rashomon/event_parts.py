"""The corpus half storyline by storyline: an event's dossier is a function of its storyline's articles.

With ``events.partition`` on (the default), ``api.link_articles`` runs the corpus half in two steps:

1. **over the whole batch** (``GLOBAL_STAGES``): ``link_actors`` and ``events``, only to decide
   which articles report the same event, and which events are ``related`` (the grouping needs
   every article; both are cheap); then ``link.event_bridges``: the pairs of events whose claims
   the claim-level stages could join (a candidate claim pair the clustering would score at its
   cut or above, or claims on one topic by their embeddings' cosine);
2. **per storyline** (``storylines``: the connected components of the events under ``related``
   and those bridges, most often one event, or every event of a batch about one story;
   ``EVENT_STAGES``: ``link_actors`` again, then clusters, dates, independence, checks,
   relations, disputes, cross support, framing, timeline, summary): each storyline's articles
   alone, in a fresh ``CorpusState`` (``link_event``). Actors and their sides, the main parties,
   clusters, inferred dates, numeric checks, framing statistics and the summary are found within
   the storyline; no claim of one storyline joins a cluster, a relation or a dispute of another.
   Related and bridged events stay together because the events stage splits one story into close
   events often (the seed articles: a report and a follow-up; most dev clusters: one stray
   article); their claims still meet. A batch that is one storyline gets the whole-batch dossier.

``merge_parts`` joins the parts into one ``Dossier``: per-article records in canonical article
order; actors, clusters, relations numbered across the parts in storyline order; disputes
ordered by size over all parts and numbered (as ``link.disputes`` orders one batch's); the
timeline sorted by date. Ids are those of the merged dossier (``A3``, ``k12``, ``r7``, ``D2.1``).

A part is written in its own ids (its events ``E1``, ``E2``..., articles indexed from 0,
actors, clusters and relations numbered from 1), so it depends only on its inputs, which
``part_key`` hashes: the storyline's articles as the part sees them (their ``copy_of``, which the
whole batch decides, is part of that), a fingerprint of each article's annotations (the
workspace store passes the content hash of the text they were made from), its events' articles,
dates and links, the settings that change results and the rashomon version. The events' labels
and reasons are worded from the whole batch's statistics, so a part does not see them: the merged
dossier carries the whole batch's event records (and the timeline's entry for an event's date is
worded from them). The workspace store keeps parts by key and links again only the storylines
whose key changed; ``analyze`` computes every part, so one ``analyze`` and any sequence of
``add`` give the same dossier.

What the whole-batch corpus half (``events.partition`` off) shares across storylines, and a part
does not (the bridges keep the claims that would meet in one part, not the statistics): ``link_actors`` merges actors and picks the main parties over every article (the sides
behind each cluster follow); ``clusters`` pairs claims of different events (with a penalty)
below ``blocking.event_claims_min`` claims; ``dates`` infers a publication date from any
article (other events pay a penalty); ``checks`` compares figures across articles; relations
and disputes pair clusters across events on small batches; ``framing`` weighs words against the
whole batch; the timeline and the summary (its main event, its counts) cover every article.

What stays corpus-wide: the grouping into events and storylines (and each event's label,
reason; the bridges), and near copies (``copy_of``): an article added to one event can change
another storyline's key only through these.
"""
from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Optional, Sequence

from . import __version__
from .analyse.timeline import shorten
from .models import Article, ArticleAnnotations, Dossier, Event, StageTiming, TimelineEntry
from .pipeline import CORPUS_STAGES, run_corpus_stages
from .link.event_bridges import event_bridges
from .link.union_find import UnionFind
from .settings import Settings, use
from .state import CorpusState

GLOBAL_STAGES = tuple(s for s in CORPUS_STAGES if s.name in ("link_actors", "events"))
EVENT_STAGES = tuple(s for s in CORPUS_STAGES if s.name != "events")
# setting groups that never change a result (how the run goes, where things are written)
_RUN_GROUPS = ("engine", "output", "store", "web")

Reuse = Callable[[str], Optional[Dossier]]


def gather_records(arts: Sequence[Article], anns: Mapping[str, ArticleAnnotations]) -> Dossier:
    """A ``Dossier`` of ``arts`` (in that order) holding their per-article records from ``anns``:
    attributions, claims, quantities and times, article by article; nothing linked yet."""
    d = Dossier(articles=list(arts))
    for a in arts:
        ann = anns[a.id]
        d.attributions += ann.attributions
        d.claims += ann.claims
        d.quantities += ann.quantities
        d.times += ann.times
    return d


def link_whole(ordered: Sequence[Article], anns: Mapping[str, ArticleAnnotations], settings: Settings,
               on_stage: Optional[Callable[[str], None]] = None
               ) -> tuple[list[Event], list[Article], list[StageTiming], set[tuple[str, str]]]:
    """Step 1 on the whole batch (``ordered``: canonical order): ``(events, articles with their
    event set, timings, bridges)``; ``bridges``: the event pairs whose claims the claim-level
    stages could join (``link.event_bridges``). Annotations are read, never changed."""
    state = CorpusState(dossier=gather_records(ordered, anns), annotations=dict(anns), settings=settings)
    timings = run_corpus_stages(state, GLOBAL_STAGES, progress=on_stage)
    t0 = time.perf_counter()
    with use(settings):
        bridges = event_bridges(state)
    timings.append(StageTiming(name="event_bridges", seconds=round(time.perf_counter() - t0, 4)))
    return state.dossier.events, state.dossier.articles, timings, bridges


def storylines(events: list[Event], bridges: Iterable[tuple[str, str]] = ()) -> list[list[Event]]:
    """The events grouped into storylines: connected through ``related`` (events whose articles
    the events stage found close, though not one event) and ``bridges`` (event id pairs whose
    claims the claim-level stages could join, ``link.event_bridges``). Each storyline lists its
    events in the batch's order; storylines come in the order of their first event."""
    index = {e.id: n for n, e in enumerate(events)}
    links = [(e.id, r) for e in events for r in e.related] + list(bridges)
    connected = UnionFind((index[x], index[y]) for x, y in links if x in index and y in index)
    groups: dict[int, list[Event]] = {}
    for n, e in enumerate(events):
        groups.setdefault(connected.root(n), []).append(e)
    return [groups[k] for k in sorted(groups)]


def _local_id(n: int) -> str:
    return f"E{n}"


def part_inputs(unit: Sequence[Event], arts: Sequence[Article]) -> tuple[list[Event], list[Article]]:
    """A storyline's events and articles as its part sees them: the events as ``E1``, ``E2``...
    (``E1`` the main one) with their articles, dates and ``related`` links among them, but no
    label or reason (the whole batch's statistics word those; the merged dossier carries the
    whole batch's records); the articles indexed from 0 with their local event, no ``source``.
    ``unit`` empty: articles in no event."""
    local = {e.id: _local_id(n) for n, e in enumerate(unit, start=1)}
    events = [Event(id=local[e.id], label="", articles=list(e.articles), main=(n == 1), date=e.date,
                    related=[local[r] for r in e.related if r in local]) for n, e in enumerate(unit, start=1)]
    out = [a.model_copy(update={"index": i, "event": local.get(a.event) if a.event else None, "source": None})
           for i, a in enumerate(arts)]
    return events, out


def part_key(events: Sequence[Event], arts: Sequence[Article], fingerprints: Mapping[str, str], settings: Settings) -> str:
    """SHA-256 over everything a part is computed from (see module doc); ``events`` and ``arts``
    as ``part_inputs`` gives them."""
    conf = settings.model_dump(mode="json", exclude=set(_RUN_GROUPS))
    data = [__version__, conf, [e.model_dump(mode="json") for e in events],
            [[a.model_dump(mode="json"), fingerprints[a.id]] for a in arts]]
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


def link_event(events: list[Event], arts: list[Article], anns: Mapping[str, ArticleAnnotations], settings: Settings,
               timings: Optional[dict[str, float]] = None) -> Dossier:
    """Step 2 for one storyline (``events``/``arts`` as ``part_inputs`` gives them): its part, a
    ``Dossier`` in its own ids. ``timings`` (optional) adds up seconds per stage."""
    d = gather_records(arts, anns)
    d.events = list(events)
    state = CorpusState(dossier=d, annotations={a.id: anns[a.id] for a in arts}, settings=settings)
    for t in run_corpus_stages(state, EVENT_STAGES):
        if timings is not None:
            timings[t.name] = timings.get(t.name, 0.0) + t.seconds
    state.dossier.run = None
    return state.dossier


def link_by_event(ordered: Sequence[Article], anns: Mapping[str, ArticleAnnotations], settings: Settings, *,
                  on_stage: Optional[Callable[[str], None]] = None, reuse: Optional[Reuse] = None,
                  fingerprints: Optional[Mapping[str, str]] = None,
                  parts_out: Optional[dict[str, Dossier]] = None) -> tuple[Dossier, list[StageTiming]]:
    """Both steps on ``ordered`` (canonical order): ``(merged dossier without run report,
    timings)``. With ``fingerprints`` (article id -> a hash of what its annotations were made
    from), each part gets its key: ``reuse(key)`` may return a stored part, which is then used as
    it is; ``parts_out`` receives every part of the result by key."""
    events, arts, timings, bridges = link_whole(ordered, anns, settings, on_stage)
    units: list[list[Event]] = storylines(events, bridges)
    members = [{a for e in unit for a in e.articles} for unit in units]
    groups = [(unit, [a for a in arts if a.id in m]) for unit, m in zip(units, members)]
    loose = [a for a in arts if a.event is None]
    if loose:
        groups.append(([], loose))
    spent: dict[str, float] = {}
    if on_stage:
        on_stage("events_linked")
    parts = []
    for unit, group in groups:
        local, inputs = part_inputs(unit, group)
        key = part_key(local, inputs, fingerprints, settings) if fingerprints is not None else None
        part = reuse(key) if (reuse is not None and key is not None) else None
        if part is None:
            part = link_event(local, inputs, anns, settings, spent)
        if parts_out is not None and key is not None:
            parts_out[key] = part
        parts.append((unit, part))
    t0 = time.perf_counter()
    merged = merge_parts(arts, events, parts)
    spent["merge"] = time.perf_counter() - t0
    return merged, timings + [StageTiming(name=n, seconds=round(s, 4)) for n, s in spent.items()]


def _rename(ids: list[str], prefix: str, start: int) -> dict[str, str]:
    return {old: f"{prefix}{start + n}" for n, old in enumerate(ids)}


def _speaker(sp, amap: dict[str, str]):
    if sp is None or sp.actor not in amap:
        return sp
    return sp.model_copy(update={"actor": amap[sp.actor]})


def _renamed_part(part: Dossier, emap: dict[str, str], amap: dict[str, str], kmap: dict[str, str], rmap: dict[str, str]) -> Dossier:
    """A copy of ``part`` with its actor, cluster, relation and event ids mapped to the merged dossier's."""
    p = part.model_copy(deep=True)
    for a in p.actors:
        a.id = amap.get(a.id, a.id)
    for c in p.claims:
        c.speaker = _speaker(c.speaker, amap)
        c.chain = [_speaker(s, amap) for s in c.chain]
        c.actors = [amap.get(x, x) for x in c.actors]
        if c.proposition is not None:
            c.proposition = c.proposition.with_actors(amap)
        c.cluster = kmap.get(c.cluster, c.cluster) if c.cluster else c.cluster
    for at in p.attributions:
        at.speaker = _speaker(at.speaker, amap)
        at.chain = [_speaker(s, amap) for s in at.chain]
    for k in p.clusters:
        k.id = kmap[k.id]
        for s in k.sources:
            s.actor = amap.get(s.actor, s.actor) if s.actor else s.actor
    for r in p.relations:
        r.id, r.a, r.b = rmap[r.id], kmap.get(r.a, r.a), kmap.get(r.b, r.b)
    for x in p.disputes:
        x.relations = [rmap.get(i, i) for i in x.relations]
        x.updates = [rmap.get(i, i) for i in x.updates]
        for pos in x.positions:
            pos.clusters = [kmap.get(i, i) for i in pos.clusters]
            for st in pos.history:
                st.cluster = kmap.get(st.cluster, st.cluster) if st.cluster else st.cluster
    for a in p.articles:
        a.event = emap.get(a.event) if a.event else None
    return p


def merge_parts(arts: Sequence[Article], events: list[Event], parts: list[tuple[Optional[Event], Dossier]]) -> Dossier:
    """One dossier from the parts (see module doc); ``arts``: the whole batch's articles in
    canonical order with their event (their ``index`` and ``source`` are kept), ``events``: the
    whole batch's events, ``parts``: (its storyline's events, empty for articles in no event;
    the part) in the order of their first events."""
    out = Dossier(events=[e.model_copy() for e in events])
    pos = {a.id: a for a in arts}
    n_actor = n_cluster = n_relation = 1
    linked: dict[str, Article] = {}
    disputes = []
    for unit, part in parts:
        emap = {_local_id(n): e.id for n, e in enumerate(unit, start=1)}
        amap = _rename([a.id for a in part.actors], "A", n_actor)
        kmap = _rename([k.id for k in part.clusters], "k", n_cluster)
        rmap = _rename([r.id for r in part.relations], "r", n_relation)
        n_actor, n_cluster, n_relation = n_actor + len(amap), n_cluster + len(kmap), n_relation + len(rmap)
        p = _renamed_part(part, emap, amap, kmap, rmap)
        for a in p.articles:
            linked[a.id] = a.model_copy(update={"index": pos[a.id].index, "source": pos[a.id].source})
        out.actors += p.actors
        out.attributions += p.attributions
        out.claims += p.claims
        out.quantities += p.quantities
        out.times += p.times
        out.clusters += p.clusters
        out.relations += p.relations
        disputes += p.disputes
        out.checks += p.checks
        out.framing += p.framing
        out.distinctive_words.update(p.distinctive_words)
        out.timeline += _event_entries(p.timeline, {_local_id(n): e for n, e in enumerate(unit, start=1)})
        out.summary += p.summary
    out.articles = [linked.get(a.id, a) for a in arts]
    index = {a.id: a.index for a in out.articles}
    for name in ("attributions", "claims", "quantities", "times"):
        setattr(out, name, sorted(getattr(out, name), key=lambda r: index.get(r.article, 0)))
    out.distinctive_words = {a.id: out.distinctive_words[a.id] for a in out.articles if a.id in out.distinctive_words}
    disputes.sort(key=lambda d: (-len(d.relations), -len(d.positions)))
    for i, d in enumerate(disputes, start=1):
        old, d.id = d.id, f"D{i}"
        for p in d.positions:
            p.id = d.id + p.id[len(old):]
    out.disputes = disputes
    out.timeline.sort(key=lambda e: (e.date or "9999", e.label))
    return out


def _event_entries(timeline: list[TimelineEntry], events: dict[str, Event]) -> list[TimelineEntry]:
    """A part's timeline with its events' own entries (the timeline stage adds one for an event's
    date that no claim gives: ``E2:``, from the part's bare record) worded from ``events`` (local id
    -> the whole batch's record), as the timeline stage words them."""
    out = []
    for e in timeline:
        head = e.label.split(":", 1)[0]
        if head in events and not e.claims and not e.times and e.label.rstrip() == f"{head}:":
            e = e.model_copy(update={"label": shorten(f"{events[head].id}: {events[head].label}")})
        out.append(e)
    return out
