#!/usr/bin/env python3
"""BASIL event separation: many events' articles mixed in one batch, grouped by rashomon's own
``group_events`` stage.

usage: python benchmarks/basil_events.py [--data DIR] [--years 2010-2017] [--limit 40] [--json OUT.json]
       [--cache FILE] [--jobs N]

Data (BASIL, Fan et al. 2019): ``DIR/articles/<year>/<triplet>_<n>.json``; each triplet is one
news event told by three outlets of different leaning (Fox News, The New York Times, HuffPost),
so it is the gold event of its three articles. The first ``--limit`` triples (years taken in
turn, as in ``benchmarks/basil.py``) are mixed into ONE batch; each article keeps its title,
outlet and publication date. The per-article stages run on every article (``--cache`` keeps
them in a pickle for reruns), then ``link_actors`` and ``group_events`` run on the whole batch
exactly as in ``rashomon analyze``.

Metrics: ``event_pair_p`` / ``event_pair_r`` / ``event_pair_f1`` (article pairs put in one event
against pairs of one triple), B-cubed precision/recall/F1, ``events`` (predicted events) next to
``gold_events`` (triples), and the same pair F1 for a TF-IDF average-linkage baseline (cosine 0.2).
"""
from __future__ import annotations

import pickle
import sys
from itertools import combinations
from pathlib import Path

from _common import bench_args, finish
from basil import OUTLETS, _years, load_triples
from ecbplus import b_cubed, f1, tfidf_baseline


def pair_scores(gold: list[str], pred: list[str]) -> tuple[float, float]:
    """Pair precision and recall of ``pred`` against ``gold`` (labels per item)."""
    tp = fp = fn = 0
    for i, j in combinations(range(len(gold)), 2):
        g, p = gold[i] == gold[j], pred[i] == pred[j]
        tp += g and p
        fp += p and not g
        fn += g and not p
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def batch_articles(triples: list[dict]):
    """The triples' articles as rashomon ``Article`` records (ids ``<triplet>-<source>-<n>``) and
    their gold event (the triplet id)."""
    from rashomon.models import Article, OffsetRun

    arts, gold = [], []
    for t in triples:
        for a in t["articles"]:
            m = a["meta"]
            text = "\n\n".join(" ".join(p) for p in a["paras"])
            arts.append(Article(id=f"{t['id'][:8]}-{a['name']}", index=len(arts), title=m.get("title"),
                                outlet=OUTLETS.get(str(m.get("source", "")).lower(), m.get("source")),
                                published=m.get("date"), text=text,
                                offsets=[OffsetRun(clean=0, raw=0, length=len(text))]))
            gold.append(t["id"])
    return arts, gold


def main() -> None:
    def extra(p):
        p.add_argument("--years", default="2010-2017", help="years to read (2018-2019 are held out)")
        p.add_argument("--limit", type=int, default=40, help="number of triples mixed in the batch (0 = all)")
        p.add_argument("--cache", type=Path, default=None, help="pickle of the per-article annotations")
        p.add_argument("--jobs", type=int, default=1, help="worker processes for the per-article stages")

    args = bench_args("basil_events", "basil", default_split="2010-2017", extra=extra,
                      description="BASIL triples mixed in one batch: event separation")
    args.split = args.years
    triples = load_triples(args.data, _years(args.years))
    if args.limit:
        triples = triples[:args.limit]
    if not triples:
        print(f"basil_events: no triples for {args.years} under {args.data}; nothing to measure.")
        sys.exit(0)
    arts, gold = batch_articles(triples)
    from rashomon.engine import annotate_articles
    from rashomon.link.actors import link_actors
    from rashomon.link.events import group_events
    from rashomon.models import Dossier
    from rashomon.pipeline import CorpusState

    if args.cache and args.cache.exists():
        anns = pickle.loads(args.cache.read_bytes())
    else:
        anns, _ = annotate_articles(arts, jobs=args.jobs)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(anns))
    d = Dossier(articles=arts)
    for a in arts:
        ann = anns[a.id]
        d.attributions += ann.attributions
        d.claims += ann.claims
        d.quantities += ann.quantities
        d.times += ann.times
    st = CorpusState(dossier=d, annotations=anns)
    link_actors(st)
    group_events(st)
    pred = [a.event or a.id for a in d.articles]
    p, r = pair_scores(gold, pred)
    bp, br = b_cubed(gold, pred)
    tp, tr = pair_scores(gold, [str(x) for x in tfidf_baseline([a.text for a in arts])])
    metrics = {"event_pair_p": round(p, 4), "event_pair_r": round(r, 4), "event_pair_f1": round(f1(p, r), 4),
               "bcubed_p": round(bp, 4), "bcubed_r": round(br, 4), "bcubed_f1": round(f1(bp, br), 4),
               "events": len(d.events), "gold_events": len(triples), "tfidf_pair_f1": round(f1(tp, tr), 4)}
    finish(args, metrics, len(arts), title=f"BASIL {args.years}: {len(triples)} triples in one batch ({len(arts)} articles)")


if __name__ == "__main__":
    main()
