"""TempEval-3 task A (time expressions): rashomon's time extractor against TIMEX3 gold.

usage: python benchmarks/tempeval3.py [--data DIR] [--split dev|test] [--json OUT.json] [--limit N]
       [--misses N] [--breakdown N]

Data: ``../shared/bench/tempeval3``; ``dev`` = ``TBAQ-cleaned/`` (TimeBank + AQUAINT),
``test`` = ``Evaluation/te3-platinum/``. Each ``.tml`` file gives the raw text (inside
``<TEXT>``), the gold TIMEX3 spans and the document creation time (the TIMEX3 with
``functionInDocument="CREATION_TIME"``), which we pass as the publication date.

Metrics, as in TempEval-3 (UzZaman et al. 2013): span P/R/F1 strict (same offsets) and relaxed
(overlapping); ``value_f1`` / ``type_f1``: relaxed matches whose value (type) is also right,
over system and gold counts; ``value_accuracy``: right values among relaxed matches.
HeidelTime's value F1 on the TempEval-3 platinum test was 77.6.

``--breakdown N`` prints every wrong value, missed and spurious span by category (see
``error_kind``) with up to N examples each: expression, our value against gold, and the rule's
reason, so that the biggest general error classes can be told from gold conventions.
"""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from _common import bench_args, finish

TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> tuple[str, str | None, list[dict]]:
    """-> (text, DCT value, gold timexes with start/end/type/value/text)."""
    raw = path.read_text(encoding="utf-8")
    dct = None
    m = re.search(r"<DCT>(.*?)</DCT>", raw, re.S)
    if m:
        a = dict(ATTR.findall(m.group(1)))
        dct = a.get("value")
    m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    body = m.group(1) if m else ""
    out, gold, pos, open_t = [], [], 0, None
    n = 0
    for tm in TAG.finditer(body):
        piece = html.unescape(body[pos:tm.start()])
        out.append(piece)
        n += len(piece)
        pos = tm.end()
        closing, name, attrs = tm.group(1), tm.group(2), tm.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_t = dict(ATTR.findall(attrs))
            open_t["start"] = n
        elif open_t is not None:
            open_t["end"] = n
            gold.append(open_t)
            open_t = None
    piece = html.unescape(body[pos:])
    out.append(piece)
    text = "".join(out)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    return text, dct, gold


def files_for(data: Path, split: str) -> list[Path]:
    if split == "test":
        base = data / "Evaluation" / "te3-platinum"
        if not base.exists():
            base = data / "te3-platinum"
    else:
        base = data / "TBAQ-cleaned"
    return sorted(base.rglob("*.tml"))


_DAYLIKE = re.compile(r"\d{4}-\d\d-\d\d")


def error_kind(ours: str, gold: str) -> str:
    """The category of a wrong value: ``part-of-day`` (same day, other part), ``precision`` (one
    value refines the other, or gold pads it with X), ``type`` (a duration or set against a date),
    ``reference`` (PRESENT/PAST/FUTURE_REF against anything else), ``anchor`` (same shape, another
    point in time: a wrong reference date or direction) or ``other``."""
    if _DAYLIKE.match(ours) and _DAYLIKE.match(gold) and ours[:10] == gold[:10]:
        return "part-of-day"
    if ours.endswith("_REF") or gold.endswith("_REF"):
        return "reference"
    if ours.startswith("P") != gold.startswith("P") or ours.startswith("XXXX") != gold.startswith("XXXX"):
        return "type"
    g = gold.rstrip("X-")
    if ours.startswith(g) or g.startswith(ours):
        return "precision"
    shape = re.compile(r"\d")
    if shape.sub("9", ours) == shape.sub("9", gold):
        return "anchor"
    return "other"


def print_breakdown(errors: list[tuple[str, str, str, str, str]], n: int) -> None:
    """Print ``errors`` ((category, expression, ours, gold, reason) rows) by category, largest
    first, with up to ``n`` examples each."""
    from collections import Counter, defaultdict

    count = Counter(e[0] for e in errors)
    rows = defaultdict(list)
    for e in errors:
        rows[e[0]].append(e)
    for cat, k in count.most_common():
        print(f"== {cat}: {k}")
        for _, expr, ours, gold, why in rows[cat][:n]:
            print(f"   {expr!r}: ours {ours} / gold {gold}   [{(why or '')[:100]}]")


def prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    def extra(p):
        p.add_argument("--limit", type=int, default=0, help="only the first N documents (for quick runs)")
        p.add_argument("--misses", type=int, default=0, help="print up to N wrong values and missed/spurious spans")
        p.add_argument("--breakdown", type=int, default=0, help="print every value error by category, N examples each")

    args = bench_args("tempeval3", "tempeval3", extra=extra, description=__doc__.splitlines()[0])
    files = files_for(args.data, args.split)
    if not files:
        print(f"tempeval3: no .tml files for split {args.split!r} under {args.data}; nothing to measure.")
        sys.exit(0)
    if args.limit:
        files = files[: args.limit]
    docs = [read_tml(f) for f in files]

    from rashomon.extract.times import time_exprs, timeml_value
    from rashomon.nlp import get_nlp

    nlp = get_nlp()
    tp_strict = n_sys = n_gold = 0
    rel_sys = rel_gold = val_ok = typ_ok = matched = 0
    misses: list[str] = []
    errors: list[tuple[str, str, str, str, str]] = []
    for (text, dct, gold), doc, path in zip(docs, nlp.pipe([d[0] for d in docs], batch_size=16), files):
        pub = dct[:10] if dct and re.match(r"\d{4}-\d\d-\d\d", dct) else None
        sys_t = time_exprs(text, doc, pub, path.stem)
        n_sys += len(sys_t)
        n_gold += len(gold)
        gspans = {(g["start"], g["end"]) for g in gold}
        tp_strict += sum((t.start, t.end) in gspans for t in sys_t)
        used = set()
        for t in sys_t:
            hit = next((i for i, g in enumerate(gold) if g["start"] < t.end and t.start < g["end"]), None)
            if hit is None:
                errors.append(("spurious", t.text, timeml_value(t) or "", "-", t.reason or ""))
                if len(misses) < args.misses:
                    misses.append(f"spurious {t.text!r} ({timeml_value(t)}) in {path.stem}")
                continue
            rel_sys += 1
            if hit in used:
                continue
            used.add(hit)
            g = gold[hit]
            matched += 1
            if (timeml_value(t) or "") == g.get("value"):
                val_ok += 1
            else:
                errors.append((error_kind(timeml_value(t) or "", g.get("value", "")), t.text, timeml_value(t) or "",
                               g.get("value", ""), t.reason or ""))
            if (timeml_value(t) or "") != g.get("value") and len(misses) < args.misses:
                misses.append(f"value {t.text!r}: got {timeml_value(t)}, gold {g.get('value')} ({g['text']!r}, DCT {pub})")
            if t.type.upper() == g.get("type"):
                typ_ok += 1
        rel_gold += len(used)
        for i, g in enumerate(gold):
            if i not in used:
                errors.append(("missed", g["text"], "-", g.get("value", ""), g.get("type", "")))
            if i not in used and len(misses) < args.misses:
                misses.append(f"missed {g['text']!r} ({g.get('type')} {g.get('value')}) in {path.stem}")
    sp, sr, sf = prf(tp_strict, n_sys, tp_strict, n_gold)
    rp, rr, rf = prf(rel_sys, n_sys, rel_gold, n_gold)
    vp, vr, vf = prf(val_ok, n_sys, val_ok, n_gold)
    tpp, tr, tf = prf(typ_ok, n_sys, typ_ok, n_gold)
    metrics = {
        "strict_precision": sp, "strict_recall": sr, "strict_f1": sf,
        "relaxed_precision": rp, "relaxed_recall": rr, "relaxed_f1": rf,
        "value_precision": vp, "value_recall": vr, "value_f1": vf,
        "value_accuracy": val_ok / matched if matched else 0.0,
        "type_f1": tf,
        "gold_timexes": n_gold, "system_timexes": n_sys,
        "heideltime_value_f1_reference": 0.776,
    }
    for m in misses:
        print(m)
    if args.breakdown:
        print_breakdown(errors, args.breakdown)
    finish(args, metrics, len(docs))


if __name__ == "__main__":
    main()
