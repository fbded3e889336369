"""The view model the reports are drawn from: plain dicts and lists built from a ``Dossier`` alone
(no annotations, so ``rashomon report dossier.json`` renders the same thing again).

``build_view(dossier) -> dict`` with keys ``title``, ``events``, ``articles``, ``summary``,
``disputes`` (one card each: question, positions, history, its pairwise relations), ``contested``, ``updates``, ``corroborated``, ``repeated``, ``matrix``, ``numbers``, ``timeline``,
``framing``, ``distinctive``, ``data``, ``left_out`` (what the run skipped or warned about, see
``leftout.run_notices``), ``counts_text`` (what the page's script needs, as JSON-ready dicts).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from typing import Optional

from ..analyse.summary import article_label, relation_claims
from ..ingest.names import name_of
from ..models import Article, Claim, Dossier
from .fmt import number, readable_date, si_text
from .leftout import headline, plural, run_notices

SIDE_COLOURS = ["#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d"]
CORROBORATION = {
    "cross_side": "corroborated across sides",
    "independent_same_side": "independent sources, one side",
    "single_source_repeated": "one source, repeated",
    "single_source": "single source",
    "narration_only": "outlet narration only",
}


def _label(a: Article) -> str:
    return article_label(a).strip("‘’")


def short_label(a: Article, n: int = 22) -> str:
    """A column header for an article: outlet, else its short name (title, or first words), cut
    to ``n`` characters."""
    t = re.sub(r"\s+", " ", a.outlet or name_of(a)).strip()
    return t if len(t) <= n else t[: n - 1].rstrip() + "…"


def _claim_dict(c: Claim, arts: dict[str, Article]) -> dict:
    a = arts.get(c.article)
    return {"id": c.id, "article": c.article, "outlet": _label(a) if a else c.article, "text": c.text, "start": c.start, "end": c.end,
            "speaker": c.speaker.name if c.speaker else None, "cue": c.cue, "kind": c.kind, "polarity": c.polarity,
            "hedged": c.hedged, "hedges": c.hedges, "distancing": c.distancing, "cluster": c.cluster}


def _iso_to_date(v: str) -> Optional[date]:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", v or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _short(t: str, n: int = 90) -> str:
    t = re.sub(r"\s+", " ", t).strip()
    return t if len(t) <= n else t[: n - 1].rsplit(" ", 1)[0] + "…"


def build_view(d: Dossier) -> dict:
    arts = {a.id: a for a in d.articles}
    claims = {c.id: c for c in d.claims}
    clusters = {k.id: k for k in d.clusters}
    actors = {a.id: a for a in d.actors}

    # sides get stable colours in order of first appearance
    sides: list[str] = []
    for k in d.clusters:
        for s in k.sides + [x.side for x in k.sources if x.side]:
            if s and s not in sides:
                sides.append(s)
    for a in d.actors:
        if a.side and a.side not in sides:
            sides.append(a.side)
    side_colour = {s: SIDE_COLOURS[i % len(SIDE_COLOURS)] for i, s in enumerate(sides)}

    def side_of(c: Claim) -> Optional[str]:
        if c.speaker and c.speaker.actor in actors and actors[c.speaker.actor].side:
            return actors[c.speaker.actor].side
        k = clusters.get(c.cluster or "")
        if k and c.speaker:
            for s in k.sources:
                if c.id in s.claims or s.name == c.speaker.name:
                    return s.side
        return None

    def cd(c: Claim) -> dict:
        x = _claim_dict(c, arts)
        x["side"] = side_of(c)
        x["colour"] = side_colour.get(x["side"] or "", "#64748b")
        return x

    n_claims = Counter(c.article for c in d.claims)
    articles = []
    for a in d.articles:
        src = a.source
        articles.append({
            "id": a.id, "label": _label(a), "name": name_of(a), "copy_of": a.copy_of, "copy_similarity": a.copy_similarity, "outlet": a.outlet, "outlet_source": a.outlet_source, "title": a.title,
            "published": a.published, "published_source": a.published_source, "published_reason": a.published_reason,
            "published_after": a.published_after, "event": a.event, "url": a.url,
            "format": src.format if src else None, "extractor": src.extractor if src else None, "path": src.path if src else None,
            "words": len(a.text.split()), "claims": n_claims.get(a.id, 0), "removed": len(a.removed),
        })

    events = sorted(d.events, key=lambda e: (not e.main, e.id))
    events_v = [{"id": e.id, "label": e.label, "main": e.main or (i == 0), "date": e.date, "reason": e.reason,
                 "articles": [_label(arts[x]) if x in arts else x for x in e.articles], "article_ids": e.articles, "date_text": readable_date(e.date)}
                for i, e in enumerate(events)]

    def members(ref: str) -> list[Claim]:
        if ref in clusters:
            return [claims[c] for c in clusters[ref].claims if c in claims]
        return [claims[ref]] if ref in claims else []

    contested, updates = [], []
    contradicts_of: dict[str, set[str]] = defaultdict(set)
    for r in d.relations:
        a, b = members(r.a), members(r.b)
        if r.type == "contradicts":
            contradicts_of[r.a].add(r.b)
            contradicts_of[r.b].add(r.a)
        if not a or not b or r.type not in ("contradicts", "updates"):
            continue
        ca, cb = relation_claims(a, b, r.evidence)
        item = {"id": r.id, "type": r.type, "explanation": r.explanation, "signal": r.signal, "score": r.score,
                "a": cd(ca), "b": cd(cb),
                "a_more": [cd(c) for c in a if c.id != ca.id][:6], "b_more": [cd(c) for c in b if c.id != cb.id][:6],
                "a_label": clusters[r.a].label if r.a in clusters else None, "b_label": clusters[r.b].label if r.b in clusters else None}
        (contested if r.type == "contradicts" else updates).append(item)

    rel_items = {x["id"]: x for x in contested + updates}
    disputes = []
    for dp in d.disputes:
        positions = []
        for p in dp.positions:
            colour = side_colour.get(p.sides[0], "#64748b") if len(p.sides) == 1 else "#64748b"
            positions.append({
                "id": p.id, "label": p.label, "stance": p.stance, "colour": colour,
                "sides": [{"name": s, "colour": side_colour.get(s, "#64748b")} for s in p.sides],
                "sources": p.sources, "outlets": [_label(arts[o]) if o in arts else o for o in p.outlets], "first_date": p.first_date, "last_date": p.last_date,
                "claims": [cd(claims[c]) for c in p.claims if c in claims],
                "history": [{"step": h.step.replace("_", " "), "date": h.date, "speaker": h.speaker, "side": h.side,
                             "outlet": _label(arts[h.evidence.article]) if h.evidence.article in arts else h.outlet,
                             "article": h.evidence.article, "start": h.evidence.start, "end": h.evidence.end, "text": h.evidence.text,
                             "colour": side_colour.get(h.side or "", "#64748b")} for h in p.history],
            })
        disputes.append({"id": dp.id, "question": dp.question, "type": dp.type, "about": dp.about, "explanation": dp.explanation,
                         "positions": positions, "relations": [rel_items[r] for r in dp.relations if r in rel_items],
                         "updates": [rel_items[r] for r in dp.updates if r in rel_items]})

    def cluster_v(k) -> dict:
        mem = [claims[c] for c in k.claims if c in claims]
        return {"id": k.id, "label": k.label, "corroboration": k.corroboration, "corroboration_label": CORROBORATION.get(k.corroboration or "", k.corroboration or "unassessed"),
                "explanation": k.explanation, "sides": [{"name": s, "colour": side_colour.get(s, "#64748b")} for s in k.sides],
                "sources": [{"name": s.name, "side": s.side, "colour": side_colour.get(s.side or "", "#64748b"), "claims": s.claims} for s in k.sources],
                "claims": [cd(c) for c in mem], "n_articles": len({c.article for c in mem})}

    corroborated = [cluster_v(k) for k in d.clusters if k.corroboration in ("cross_side", "independent_same_side")]
    corroborated.sort(key=lambda k: (k["corroboration"] != "cross_side", -len(k["sources"]), -k["n_articles"]))
    repeated = [cluster_v(k) for k in d.clusters if k.corroboration == "single_source_repeated"]
    repeated.sort(key=lambda k: -k["n_articles"])

    # claim matrix: clusters carried by 2+ articles, or in a relation; columns = articles
    in_rel = {r.a for r in d.relations} | {r.b for r in d.relations}
    rows = []
    for k in d.clusters:
        mem = [claims[c] for c in k.claims if c in claims]
        arts_in = {c.article for c in mem}
        if len(arts_in) < 2 and k.id not in in_rel:
            continue
        cells = []
        for a in d.articles:
            mine = [c for c in mem if c.article == a.id]
            rival = [claims[c] for other in contradicts_of.get(k.id, ()) for c in (clusters[other].claims if other in clusters else [])
                     if c in claims and claims[c].article == a.id]
            if mine:
                c = mine[0]
                if c.polarity == "denied":
                    status = "disputes"
                elif c.speaker is not None and c.kind != "narrative":
                    status = "attributes"
                else:
                    status = "reports"
                if c.hedged or c.distancing:
                    status += " hedged"
                cells.append({"status": status, "claim": cd(c), "n": len(mine)})
            elif rival:
                cells.append({"status": "disputes", "claim": cd(rival[0]), "n": len(rival), "rival": True})
            else:
                cells.append({"status": "omits", "claim": None, "n": 0})
        rep = sorted(mem, key=lambda c: (c.speaker is None, len(c.text)))[0] if mem else None
        rows.append({"id": k.id, "label": _short(k.label or (rep.text if rep else k.id), 110),
                     "corroboration": k.corroboration, "corroboration_label": CORROBORATION.get(k.corroboration or "", ""),
                     "contested": k.id in contradicts_of, "cells": cells, "n": len(arts_in)})
    rows.sort(key=lambda r: (not r["contested"], -r["n"], r["id"]))
    matrix = {"columns": [{"id": a.id, "label": _label(a), "short": short_label(a)} for a in d.articles], "rows": rows[:60], "more": max(0, len(rows) - 60)}

    # numbers per topic
    checks_of_q: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, ch in enumerate(d.checks):
        for q in ch.quantities:
            checks_of_q[(q.article, q.text)].append(i)
    topics: dict[str, list[dict]] = defaultdict(list)
    for q in d.quantities:
        topic = (q.about or q.unit or "other").strip()
        val = q.value if q.value is not None else None
        shown = (f"{number(q.low)}–{number(q.high)}" if q.low is not None and q.high is not None else
                 (number(val) if val is not None else "?"))
        if q.bound == "lower":
            shown = "≥ " + shown
        elif q.bound == "upper":
            shown = "≤ " + shown
        if q.approx:
            shown = "≈ " + shown
        a = arts.get(q.article)
        topics[topic].append({"id": q.id, "article": q.article, "outlet": _label(a) if a else q.article, "text": q.text, "start": q.start,
                              "end": q.end, "value": shown, "unit": q.unit or "", "si": si_text(q.si.value, q.si.unit) if q.si else "",
                              "checks": [i + 1 for i in checks_of_q.get((q.article, q.text), [])]})
    numbers = {"topics": sorted(([t, qs] for t, qs in topics.items()), key=lambda x: (-len(x[1]), x[0])),
               "checks": [{"n": i + 1, "type": ch.type, "explanation": ch.explanation, "about": ch.about,
                           "quantities": [{"article": q.article, "outlet": _label(arts[q.article]) if q.article in arts else q.article,
                                           "text": q.text, "start": q.start, "end": q.end} for q in ch.quantities]}
                          for i, ch in enumerate(d.checks)]}

    # timeline with positions for the drawn axis
    tl = []
    dated = [(e, _iso_to_date(e.date or "")) for e in d.timeline]
    days = [x.toordinal() for _, x in dated if x]
    lo, hi = (min(days), max(days)) if days else (0, 1)
    span = max(hi - lo, 1)
    for e, dt in dated:
        tl.append({"date": readable_date(e.date), "iso": e.date, "label": e.label, "inferred": e.inferred, "pos": round(100 * (dt.toordinal() - lo) / span, 2) if dt else None,
                   "claims": [cd(claims[c]) for c in e.claims if c in claims][:6],
                   "articles": [_label(arts[x]) if x in arts else x for x in e.articles]})
    pubs = []
    for a in d.articles:
        dt = _iso_to_date(a.published or "")
        if dt:
            pubs.append({"label": _label(a), "date": a.published, "inferred": a.published_source == "inferred",
                         "pos": round(100 * (dt.toordinal() - lo) / span, 2) if lo <= dt.toordinal() <= hi else None})
    ticks = []
    if days:
        first, last = date.fromordinal(lo), date.fromordinal(hi)
        y, m = first.year, first.month
        months = []
        while (y, m) <= (last.year, last.month):
            months.append(date(y, m, 1))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        step = max(1, len(months) // 6)
        for md in months[::step]:
            if md.toordinal() >= lo:
                ticks.append({"label": md.strftime("%b %Y"), "pos": round(100 * (md.toordinal() - lo) / span, 2)})

    # framing
    framing = []
    for f in d.framing:
        cols = []
        for a in d.articles:
            cols.append({"article": a.id, "terms": f.terms.get(a.id, [])})
        ev = defaultdict(list)
        for sp in f.evidence:
            ev[sp.article].append({"start": sp.start, "end": sp.end, "text": sp.text})
        distinct = {t.lower() for ts in f.terms.values() for t in ts}
        framing.append({"concept": f.concept, "method": f.method, "cols": cols, "evidence": dict(ev),
                        "differs": len({tuple(sorted(t.lower() for t in ts)) for ts in f.terms.values()}) > 1, "n_terms": len(distinct)})
    distinctive = []
    for a in d.articles:
        words = d.distinctive_words.get(a.id, [])[:8]
        zmax = max([w.z for w in words] or [1])
        distinctive.append({"article": a.id, "label": _label(a),
                            "words": [{"word": w.word, "z": w.z, "count": w.count, "width": round(100 * w.z / zmax, 1) if zmax else 0} for w in words]})

    summary = defaultdict(list)
    cite_no: dict[str, int] = {}
    for s in d.summary:
        refs = []
        for c in s.cites:
            if c not in cite_no:
                cite_no[c] = len(cite_no) + 1
            if c in claims:
                refs.append({"n": cite_no[c], **cd(claims[c])})
        summary[s.section or "overview"].append({"text": s.text, "cites": refs})
    section_titles = [("overview", "Overview"), ("established", "What is established"), ("claimed", "What is claimed, and by whom"),
                      ("disputed", "What is disputed"), ("numbers", "Numbers")]
    summary_v = [{"key": k, "title": t, "sentences": summary[k]} for k, t in section_titles if summary.get(k)]
    summary_v += [{"key": k, "title": k.title(), "sentences": v} for k, v in summary.items() if k not in dict(section_titles)]

    main = events_v[0]["label"] if events_v else None
    notices = run_notices(d)
    left_out = {"headline": headline(len(notices.left_out)) if notices.left_out else None,
                "inputs": [{"what": x.what, "why": x.why} for x in notices.left_out],
                "copies": [{"what": x.what, "why": x.why} for x in notices.copies], "notes": notices.notes,
                "any": bool(notices)}
    data = {
        "articles": {a.id: {"label": _label(a), "text": a.text, "removed": [{"text": r.text, "reason": r.reason} for r in a.removed]}
                     for a in d.articles},
        "claims": {c.id: {"a": c.article, "s": c.start, "e": c.end, "who": c.speaker.name if c.speaker else None} for c in d.claims},
    }
    return {
        "title": main or "Rashomon dossier", "events": events_v, "articles": articles, "summary": summary_v,
        "disputes": disputes, "contested": contested, "updates": updates, "corroborated": corroborated, "repeated": repeated, "matrix": matrix,
        "numbers": numbers, "timeline": {"entries": tl, "pubs": pubs, "ticks": ticks}, "framing": framing, "distinctive": distinctive,
        "sides": [{"name": s, "colour": c} for s, c in side_colour.items()],
        "counts": {"articles": len(d.articles), "claims": len(d.claims), "clusters": len(d.clusters),
                   "contradictions": len(contested), "disputes": len(disputes), "outlets": len({a.outlet for a in d.articles if a.outlet})},
        "run": d.run.model_dump() if d.run else None, "data": data, "left_out": left_out,
        "counts_text": " · ".join([plural(len(d.articles), "article"), plural(len({a.outlet for a in d.articles if a.outlet}), "named outlet"),
                                   plural(len(d.claims), "claim"), plural(len(disputes), "dispute"), plural(len(contested), "pairwise contradiction")]),
    }
