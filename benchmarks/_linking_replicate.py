"""Replicate real per-article records into a corpus of any size, as many synthetic events.

In: the real ``(articles, annotations)`` of ``_linking_records.real_records`` (R articles) and a
size ``n``. Out: a ``CorpusState`` of ``n`` articles whose annotations are those of the real
articles, perturbed so that the copies are other events, not the same story retold:

- **templates**: the real articles are grouped into stories (one dev cluster's ``input.jsonl``,
  the seed articles, the PolNeAR texts of one publication day); replica ``k`` of a story is one
  synthetic event. Replicas are made story by story, round robin (replica 0 of every story, then
  replica 1, ...) until ``n`` articles; so up to R articles every article is real and distinct
  (``distinct`` = min(n, R)), above that each real article appears about n / R times.
- **ids**: replica ``k > 0`` of article ``a`` is article ``a-r<k>``; every record id of it
  (``c:a:...`` becomes ``c:a-r<k>:...``) and every reference to one is rewritten.
- **dates**: every date of a replica (publication date, the ISO values of its time expressions,
  day and month precision) moves by one offset per replica, ``k * 97`` days (so two replicas of a
  story are more than 90 days apart: the event stage vetoes pairs 90 days apart, exp(-90/30) < 0.05).
- **names**: the person, organisation and place names of a replica's story (entity texts, actor
  names and aliases, speaker names) are swapped, one mapping per replica, for names drawn from the
  pool of all names of the same kind in the real records; the claim texts are unchanged, so the
  entity texts no longer match their offsets (a benchmark, not a dossier to read).
- **vectors**: each claim vector (and proposition vector) of replica ``k`` gets a random
  direction shared by the replica (norm 0.35) plus its own noise (norm 0.1), then is scaled to
  unit length again: copies of a claim in two replicas have cosine about 0.9, paraphrase range but
  not identical; the vectors are stored as float32 rows of one array per article.

Replica 0 is the real article unchanged. The record objects that no perturbation touches (lemmas,
sentences, texts) are shared between replicas, so memory grows with the records, not with copies
of strings.
"""
from __future__ import annotations

import random
import re
from collections import defaultdict
from datetime import date, timedelta

import numpy as np

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})(?!-\d)")
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
SHIFT_DAYS = 97


def shift_iso(value, days: int):
    """``value`` (an ISO date string of day or month precision, possibly longer) moved by ``days``; other values unchanged."""
    if not value or not days:
        return value
    m = _DAY.match(value)
    if m:
        try:
            d = date(int(m[1]), int(m[2]), int(m[3])) + timedelta(days=days)
        except ValueError:
            return value
        return d.isoformat() + value[10:]
    m = _MONTH.match(value)
    if m:
        months = int(m[1]) * 12 + int(m[2]) - 1 + round(days / 30.4)
        return f"{months // 12:04d}-{months % 12 + 1:02d}" + value[7:]
    return value


def stories(articles) -> list[list[int]]:
    """Indices of the real articles grouped into stories: the same input file (dev cluster,
    seed folder), else (JSON records without a file) the same publication day."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(articles):
        src = a.source.path if a.source and a.source.path else ""
        key = src if src and not src.startswith("input[") else f"day:{a.published or a.id}"
        if "/seeds/" in src or src.endswith("/seeds"):
            key = "seeds"
        groups[key].append(i)
    return list(groups.values())


def _name_pools(anns) -> dict[str, list[str]]:
    pools: dict[str, set[str]] = defaultdict(set)
    for ann in anns:
        for e, lab in zip(ann.entities, ann.entity_labels):
            if lab in NAME_LABELS and len(e.text) > 2:
                pools[lab].add(e.text)
    return {k: sorted(v) for k, v in pools.items()}


class Replicator:
    """Makes replica ``k`` of real article ``i`` (see module doc)."""

    def __init__(self, articles, anns, seed: int = 11):
        self.articles, self.anns = articles, anns
        self.pools = _name_pools(anns)
        self.seed = seed
        self.dim = next((len(v) for a in anns for v in a.claim_vectors.values()), 384)

    def name_map(self, story: list[int], k: int) -> dict[str, str]:
        """One replica's name swaps: every name of the story to a name of the same kind from the pool."""
        rng = random.Random(self.seed * 1_000_003 + k * 7919 + story[0])
        out = {}
        for i in story:
            ann = self.anns[i]
            for e, lab in zip(ann.entities, ann.entity_labels):
                if lab in self.pools and e.text not in out:
                    out[e.text] = rng.choice(self.pools[lab])
        return out

    def replica(self, i: int, k: int, names: dict[str, str], direction: np.ndarray):
        """``(article, annotations)`` of replica ``k`` of real article ``i``."""
        art, ann = self.articles[i], self.anns[i]
        if k == 0:
            return art, ann
        old, new = art.id, f"{art.id}-r{k}"
        days = k * SHIFT_DAYS
        tag_old, tag_new = f":{old}:", f":{new}:"

        def rid(x):
            return x.replace(tag_old, tag_new, 1) if x else x

        def speaker(s):
            if s is None:
                return None
            return s.model_copy(update={"actor": rid(s.actor), "name": names.get(s.name, s.name)})

        a2 = art.model_copy(update={"id": new, "published": shift_iso(art.published, days), "copy_of": None,
                                    "event": None, "index": art.index})
        actors = [a.model_copy(update={"id": rid(a.id), "article": new, "name": names.get(a.name, a.name),
                                       "aliases": [names.get(x, x) for x in a.aliases]}) for a in ann.actors]
        atts = [t.model_copy(update={"id": rid(t.id), "article": new, "speaker": speaker(t.speaker),
                                     "chain": [speaker(s) for s in t.chain],
                                     "content": [sp.model_copy(update={"article": new}) for sp in t.content]})
                for t in ann.attributions]
        claims = [c.model_copy(update={"id": rid(c.id), "article": new, "attribution": rid(c.attribution),
                                       "speaker": speaker(c.speaker), "chain": [speaker(s) for s in c.chain],
                                       "actors": [rid(x) for x in c.actors], "quantities": [rid(x) for x in c.quantities],
                                       "times": [rid(x) for x in c.times]}) for c in ann.claims]
        quants = [q.model_copy(update={"id": rid(q.id), "article": new, "claim": rid(q.claim)}) for q in ann.quantities]
        times = [t.model_copy(update={"id": rid(t.id), "article": new, "claim": rid(t.claim), "value": shift_iso(t.value, days)})
                 for t in ann.times]
        ents = [e.model_copy(update={"article": new, "text": names.get(e.text, e.text)}) for e in ann.entities]
        rng = np.random.default_rng(self.seed * 7 + k * 100_003 + i)
        cv, pv = self._jitter(ann.claim_vectors, rng, direction), self._jitter(ann.proposition_vectors, rng, direction)
        ann2 = ann.model_copy(update={"article": new, "actors": actors, "attributions": atts, "claims": claims,
                                      "quantities": quants, "times": times, "entities": ents,
                                      "claim_vectors": {rid(c): v for c, v in cv.items()},
                                      "proposition_vectors": {rid(c): v for c, v in pv.items()}})
        return a2, ann2

    def _jitter(self, vectors: dict, rng, direction: np.ndarray) -> dict:
        if not vectors:
            return {}
        keys = list(vectors)
        m = np.asarray([vectors[x] for x in keys], dtype=np.float32)
        noise = rng.standard_normal(m.shape).astype(np.float32)
        noise *= 0.1 / np.linalg.norm(noise, axis=1, keepdims=True)
        m = m + direction[None, :] + noise
        m /= np.linalg.norm(m, axis=1, keepdims=True)
        return dict(zip(keys, m))  # rows are views of one array per article


def replicate(articles, anns, n: int, seed: int = 11):
    """A ``CorpusState`` of ``n`` articles replicated from the real records (see module doc), and
    the number of distinct real articles in it."""
    from rashomon.models import Dossier
    from rashomon.pipeline import CorpusState

    rep = Replicator(articles, anns, seed)
    groups = stories(articles)
    d = Dossier()
    out_anns = {}
    used: set[int] = set()
    k = 0
    while len(d.articles) < n:
        for g in groups:
            if len(d.articles) >= n:
                break
            names = rep.name_map(g, k) if k else {}
            rng = np.random.default_rng(seed * 31 + k * 1009 + g[0])
            direction = rng.standard_normal(rep.dim).astype(np.float32)
            direction *= 0.35 / np.linalg.norm(direction)
            for i in g:
                if len(d.articles) >= n:
                    break
                a2, ann2 = rep.replica(i, k, names, direction)
                a2 = a2.model_copy(update={"index": len(d.articles)})
                used.add(i)
                d.articles.append(a2)
                d.attributions += ann2.attributions
                d.claims += ann2.claims
                d.quantities += ann2.quantities
                d.times += ann2.times
                out_anns[a2.id] = ann2
        k += 1
    return CorpusState(dossier=d, annotations=out_anns), len(used)


def plan(articles, n: int) -> list[tuple[int, int, int]]:
    """The replicas ``replicate`` makes for ``n`` articles, in its order: ``(real article i,
    replica k, story number g)``."""
    groups = stories(articles)
    out: list[tuple[int, int, int]] = []
    k = 0
    while len(out) < n:
        for g, members in enumerate(groups):
            for i in members:
                if len(out) >= n:
                    return out
                out.append((i, k, g))
        k += 1
    return out


class ReplicaSource:
    """A ``rashomon.engine.streaming.RecordSource`` over the ``n`` replicated articles of
    ``replicate``, made on demand: ``load(ids)`` builds those replicas (the same records as
    ``replicate`` builds, at most the asked ones resident), ``articles()`` their ``Article`` records.
    ``distinct``: how many real articles are used."""

    def __init__(self, articles, anns, n: int, seed: int = 11):
        self.rep = Replicator(articles, anns, seed)
        self.groups = stories(articles)
        self.seed = seed
        self.plan = plan(articles, n)
        self.where = {(articles[i].id if k == 0 else f"{articles[i].id}-r{k}"): (i, k, g) for i, k, g in self.plan}
        self.distinct = len({i for i, _, _ in self.plan})

    def _story(self, g: int, k: int):
        names = self.rep.name_map(self.groups[g], k) if k else {}
        rng = np.random.default_rng(self.seed * 31 + k * 1009 + self.groups[g][0])
        direction = rng.standard_normal(self.rep.dim).astype(np.float32)
        direction *= 0.35 / np.linalg.norm(direction)
        return names, direction

    def articles(self):
        for i, k, _ in self.plan:
            a = self.rep.articles[i]
            if k:
                a = a.model_copy(update={"id": f"{a.id}-r{k}", "published": shift_iso(a.published, k * SHIFT_DAYS),
                                         "copy_of": None, "event": None})
            yield a

    def load(self, ids):
        stories_made: dict[tuple[int, int], tuple] = {}
        arts, anns = [], {}
        for aid in ids:
            i, k, g = self.where[aid]
            if (g, k) not in stories_made:
                stories_made[(g, k)] = self._story(g, k)
            names, direction = stories_made[(g, k)]
            a2, ann2 = self.rep.replica(i, k, names, direction)
            arts.append(a2.model_copy())
            anns[a2.id] = ann2
        return arts, anns
