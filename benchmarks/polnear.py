#!/usr/bin/env python3
"""PolNeAR attribution benchmark: source, cue and content spans against the gold annotation.

usage: python benchmarks/polnear.py [--data DIR] [--split dev|test|train] [--json OUT.json] [--limit N]
                                   [--mode combined|rules|model]

Data: ``DIR/data/<split>/text/<name>.txt`` and ``DIR/data/<split>/attributions/<name>_<annotator>.ann``
(brat standoff: ``Source``/``Cue``/``Content`` text-bound spans, discontinuous spans as
``start end;start end``). A text annotated by several annotators is scored against the first
annotation file (sorted by name), so every text counts once.

The per-article stages ``parse``, ``actors`` and ``attributions`` run on each text as shipped.
Predicted items: the speaker mention span (source), the cue span, and each content span. Gold
items: every Source, Cue span and every fragment of a Content span.

Metrics (micro over all texts):

- ``<kind>_exact_{p,r,f1}``: same offsets after trimming whitespace and the punctuation
  ``.,;:`` at both edges;
- ``<kind>_overlap_{p,r,f1}``: the spans share at least one character (recall: gold spans that
  overlap some prediction; precision: predictions that overlap some gold span);
- ``content_chars_{p,r,f1}``: character-level overlap of all content (how much of the gold
  content text is covered, and how much predicted content is gold).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from _common import bench_args, finish

_EDGE = " \t\n.,;:"


def read_ann(path: Path) -> dict[str, list[tuple[int, int]]]:
    """Gold spans per kind from one brat file: {"source": [...], "cue": [...], "content": [...]}."""
    out = {"source": [], "cue": [], "content": []}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        head = parts[1].split(" ", 1)
        kind = head[0].lower()
        if kind not in out or len(head) < 2:
            continue
        for frag in head[1].split(";"):
            s, e = frag.split()
            out[kind].append((int(s), int(e)))
    return out


def _norm(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return s, e


def match(gold, pred, text, mode: str) -> int:
    """How many of ``gold`` are matched by some span of ``pred``: exact matches are one-to-one;
    overlap matches are not exclusive (a long predicted quote may recall several gold fragments)."""
    if mode == "overlap":
        norm_p = [_norm(text, *p) for p in pred]
        hit = 0
        for g in gold:
            gs, ge = _norm(text, *g)
            hit += any(min(ge, pe) - max(gs, ps) > 0 for ps, pe in norm_p)
        return hit
    used = set()
    hit = 0
    for g in gold:
        gs, ge = _norm(text, *g)
        best, best_ov = None, 0
        for k, p in enumerate(pred):
            if k in used:
                continue
            ps, pe = _norm(text, *p)
            if mode == "exact":
                if (ps, pe) == (gs, ge):
                    best = k
                    break
            else:
                ov = min(ge, pe) - max(gs, ps)
                if ov > best_ov:
                    best, best_ov = k, ov
        if best is not None:
            used.add(best)
            hit += 1
    return hit


def _chars(spans, text) -> set[int]:
    out = set()
    for s, e in spans:
        s, e = _norm(text, s, e)
        out.update(range(s, e))
    return out


def predict(text: str, name: str, mode: str = "combined"):
    """Run parse -> actors -> attributions and return predicted spans per kind. ``mode``:
    ``combined`` (the pipeline as shipped), ``rules`` (without the learned tagger's additions) or
    ``model`` (the learned tagger's linked candidates alone, every confidence)."""
    from rashomon.extract import attribution, attribution_model
    from rashomon.models import Article, ArticleAnnotations
    from rashomon.pipeline import ARTICLE_STAGES, ArticleState

    art = Article(id=name, text=text)
    st = ArticleState(article=art, ann=ArticleAnnotations(article=name))
    shipped = attribution.learned_attributions
    if mode == "rules":
        attribution.learned_attributions = lambda state, existing: []
    try:
        for stage in ARTICLE_STAGES:
            if stage.name in ("parse", "actors", "attributions"):
                stage.load()(st)
    finally:
        attribution.learned_attributions = shipped
    out = {"source": [], "cue": [], "content": []}
    if mode == "model":
        for c in attribution_model.predict(st.doc):
            if c.source is not None:
                out["source"].append(c.source)
            out["cue"].append(c.cue)
            out["content"].extend(c.contents)
        return out
    for a in st.ann.attributions:
        if a.speaker is not None and a.speaker.start is not None:
            out["source"].append((a.speaker.start, a.speaker.end))
        if a.cue_start is not None:
            out["cue"].append((a.cue_start, a.cue_end))
        out["content"].extend((c.start, c.end) for c in a.content)
    return out


def _prf(hit_p, n_pred, hit_r, n_gold):
    p = hit_p / n_pred if n_pred else 0.0
    r = hit_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def main() -> None:
    def extra(p):
        p.add_argument("--limit", type=int, default=None, help="score only the first N texts")
        p.add_argument("--mode", choices=("combined", "rules", "model"), default="combined",
                       help="combined: the pipeline as shipped (default); rules: without the learned tagger; "
                            "model: the tagger's candidates alone")

    args = bench_args("polnear", "polnear", extra=extra, description=__doc__.split("\n")[0])
    base = args.data / "data" / args.split
    if not (base / "text").is_dir():
        print(f"polnear: no split {args.split!r} under {args.data / 'data'}; nothing to measure.")
        sys.exit(0)
    anns = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", p.stem)
        anns.setdefault(stem, p)
    texts = sorted(p for p in (base / "text").glob("*.txt") if p.stem in anns)
    if args.limit:
        texts = texts[: args.limit]
    tot = {k: {"gold": 0, "pred": 0, "exact_p": 0, "exact_r": 0, "overlap_p": 0, "overlap_r": 0}
           for k in ("source", "cue", "content")}
    ch_inter = ch_pred = ch_gold = 0
    for path in texts:
        text = path.read_text(encoding="utf-8")
        gold = read_ann(anns[path.stem])
        pred = predict(text, path.stem, args.mode)
        for k in tot:
            g, p = gold[k], pred[k]
            t = tot[k]
            t["gold"] += len(g)
            t["pred"] += len(p)
            for mode in ("exact", "overlap"):
                t[f"{mode}_r"] += match(g, p, text, mode)
                t[f"{mode}_p"] += match(p, g, text, mode)
        gc, pc = _chars(gold["content"], text), _chars(pred["content"], text)
        ch_inter += len(gc & pc)
        ch_pred += len(pc)
        ch_gold += len(gc)
    metrics = {}
    for k, t in tot.items():
        for mode in ("exact", "overlap"):
            p, r, f = _prf(t[f"{mode}_p"], t["pred"], t[f"{mode}_r"], t["gold"])
            metrics[f"{k}_{mode}_p"], metrics[f"{k}_{mode}_r"], metrics[f"{k}_{mode}_f1"] = p, r, f
        metrics[f"{k}_gold"], metrics[f"{k}_pred"] = t["gold"], t["pred"]
    p, r, f = _prf(ch_inter, ch_pred, ch_inter, ch_gold)
    metrics["content_chars_p"], metrics["content_chars_r"], metrics["content_chars_f1"] = p, r, f
    finish(args, metrics, len(texts))


if __name__ == "__main__":
    main()
