"""Quantities benchmark on quantulum3's English test sentences.

    python benchmarks/quantulum3.py [--data DIR] [--split quantities|ambiguity|all] [--json OUT.json]

Data: ``../shared/bench/quantulum3-tests/quantulum3/_lang/en_US/tests/quantities.json`` (split
``quantities``, the default) and ``quantities.ambiguity.json`` (split ``ambiguity``): each item
is a sentence (``req``) with the quantities it holds (``res``: surface, value, unit name; ranges
as the midpoint value with ``uncertainty``).

For each gold quantity we look for a predicted quantity whose text overlaps its surface:

- ``recall``: share of gold quantities found by overlapping text;
- ``value_accuracy``: share of gold quantities found with the right value (within 1%; for our
  ranges the midpoint is compared, as quantulum3 writes ranges; percentages are compared as
  percent, as both store them: 86% is 86, unit '%');
- ``unit_accuracy``: share of gold quantities found with the right unit, after mapping
  quantulum3's unit names to our canonical ids (``UNIT_MAP`` below: 'square kilometre' -> km2,
  'mile' -> mi, 'pound sterling' -> GBP, 'percentage' -> %...); quantulum3's
  'dimensionless' matches a quantity of ours with no unit or with a plain counted noun; a gold unit
  our table does not know counts as a miss;
- ``spurious``: predicted quantities that overlap no gold quantity (per sentence, summed).

quantulum3 itself (with ``classifier.USE_CLF = False``; its classifier breaks on current
scikit-learn) is scored on the same sentences with its own unit names, so its unit accuracy is an
upper reference, not a like-for-like number.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from _common import bench_args, finish

UNIT_MAP = {
    "metre": "m", "kilometre": "km", "centimetre": "cm", "millimetre": "mm", "nanometre": "nm", "mile": "mi", "inch": "in",
    "foot": "ft", "yard": "yd", "square kilometre": "km2", "square mile": "mi2", "square metre": "m2", "cubic kilometre": "km3",
    "cubic metre": "m3", "litre": "l", "centilitre": "cl", "cubic centimetre": "ml", "gallon": "gal", "cup": "cup",
    "tablespoon": "tbsp", "kilogram": "kg", "gram": "g", "milligram": "mg", "tonne": "t", "pound-mass": "lb",
    "second": "s", "minute": "min", "hour": "h", "day": "d", "week": "w", "month": "mo", "year": "y",
    "dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "cent": "cent", "percentage": "%",
    "degree Celsius": "degC", "degree fahrenheit": "degF", "kilometre per hour": "km/h", "electronvolt": "eV",
    "teraelectronvolt": "TeV", "watt hour": "Wh", "megawatt hour": "MWh", "gigahertz": "GHz", "megabyte": "MB",
    "exabyte": "EB", "watt": "W",
}


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def locate(sentence: str, surface: str, used: set) -> tuple[int, int] | None:
    start = 0
    while True:
        i = sentence.find(surface, start)
        if i < 0:
            return None
        if i not in used:
            used.add(i)
            return i, i + len(surface)
        start = i + 1


def score(items, predict, unit_ok) -> dict:
    """``predict(sentence) -> [(start, end, value, unit)]``; ``unit_ok(gold_unit, pred_unit, gold)``."""
    n = found = val_ok = u_ok = spurious = 0
    for it in items:
        sent = it["req"]
        preds = predict(sent)
        used: set = set()
        gold_spans = []
        for g in it["res"]:
            span = locate(sent, g["surface"], used)
            if span is None:
                continue
            gold_spans.append(span)
            n += 1
            cands = [p for p in preds if overlaps((p[0], p[1]), span)]
            if not cands:
                continue
            found += 1
            want = float(g["value"])
            if any(p[2] is not None and abs(p[2] - want) <= 0.01 * abs(want) + 1e-9 for p in cands):
                val_ok += 1
            if any(unit_ok(g["unit"], p[3], g) for p in cands):
                u_ok += 1
        spurious += sum(1 for p in preds if not any(overlaps((p[0], p[1]), s) for s in gold_spans))
    return {"gold": n, "recall": found / n if n else 0.0, "value_accuracy": val_ok / n if n else 0.0,
            "unit_accuracy": u_ok / n if n else 0.0, "spurious": spurious}


def main() -> None:
    args = bench_args("quantulum3", "quantulum3-tests", default_split="quantities",
                      description="numbers with units on quantulum3's English test sentences")
    tests = args.data / "quantulum3" / "_lang" / "en_US" / "tests"
    files = {"quantities": ["quantities.json"], "ambiguity": ["quantities.ambiguity.json"],
             "all": ["quantities.json", "quantities.ambiguity.json"]}.get(args.split)
    if files is None:
        sys.exit(f"unknown split {args.split!r}: quantities, ambiguity or all")
    items = []
    for f in files:
        p = tests / f
        if p.exists():
            items += json.loads(p.read_text(encoding="utf-8"))
    if not items:
        print(f"quantulum3: no test files under {tests}; nothing to measure.")
        return

    from rashomon.extract.quantities import quantities_in_doc, tables
    from rashomon.nlp import get_nlp

    nlp = get_nlp()
    known = set(tables().units) | {"USD", "EUR", "GBP", "JPY", "cent"}

    def ours(sent):
        out = []
        for q in quantities_in_doc(nlp(sent), "b"):
            v = q.value if q.value is not None else ((q.low + q.high) / 2 if q.low is not None and q.high is not None else None)
            out.append((q.start, q.end, v, q.unit))
        return out

    def ours_unit_ok(gold_unit, unit, g):
        if gold_unit == "dimensionless":
            return unit is None or unit not in known or unit == "fraction" and "/" in g["surface"] or unit == "fraction"
        return UNIT_MAP.get(gold_unit) == unit

    import time as _t

    t0 = _t.perf_counter()
    m_ours = score(items, ours, ours_unit_ok)
    t_ours = _t.perf_counter() - t0

    metrics = {f"rashomon_{k}": v for k, v in m_ours.items()}
    metrics["rashomon_seconds"] = round(t_ours, 2)
    # this file is named quantulum3.py: take its folder off the path so the package is imported
    here = Path(__file__).resolve().parent
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != here]
    sys.modules.pop("quantulum3", None)
    try:
        import quantulum3.classifier as qclf

        qclf.USE_CLF = False
        from quantulum3 import parser as qparser

        def theirs(sent):
            try:
                return [(q.span[0], q.span[1], q.value, q.unit.name) for q in qparser.parse(sent)]
            except Exception:  # quantulum3 raises on some inputs
                return []

        t0 = _t.perf_counter()
        m_q = score(items, theirs, lambda gu, pu, g: gu == pu)
        metrics.update({f"quantulum3_{k}": v for k, v in m_q.items() if k != "gold"})
        metrics["quantulum3_seconds"] = round(_t.perf_counter() - t0, 2)
    except ImportError:
        print("quantulum3 is not installed: its column is left out")
    finish(args, metrics, n=len(items))


if __name__ == "__main__":
    main()
