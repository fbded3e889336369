#!/usr/bin/env python3
"""BASIL benchmark: does rashomon's word-choice output point at the phrases BASIL marks as
lexical bias, and does the whole pipeline run on three outlets' takes on one event?

usage: python benchmarks/basil.py [--data DIR] [--years 2010-2017] [--limit 30] [--json OUT.json]
       [--keep DIR]

Data (BASIL, Fan et al. 2019): ``DIR/articles/<year>/<triplet>_<n>.json`` (``title``, ``date``,
``source`` fox|nyt|hpo, ``url``, ``body-paragraphs``: a list of paragraphs, each a list of
sentences) and ``DIR/annotations/<year>/<triplet>_<n>_ann.json`` (``phrase-level-annotations``:
``bias`` lex|inf, ``txt``, and ``start``/``end`` relative to the sentence that holds the phrase;
the sentence itself is not named, so it is found as the first sentence ``s`` of the article with
``s[start:end] == txt``, falling back to the first sentence containing ``txt``).

For each event triple (the years given; the first ``--limit`` triples, taking the years in turn and the triplet
ids in order within a year), the three articles are written to a temporary JSONL file (``id``, ``title``, ``outlet``,
``url``, ``published``, ``text`` = the paragraphs joined by blank lines) and
``rashomon.analyze`` runs on it as a user would.

Predicted lexical marks, per article: every occurrence in the article's cleaned text of a term
the dossier gives for that article in ``dossier.framing`` (``terms[article]``, plus the
``evidence`` spans of that article) and of its ``dossier.distinctive_words`` (whole-word,
case-insensitive; a word also matches its inflected forms, i.e. any word that starts with it
and adds at most 3 letters). Gold marks: BASIL phrases with ``bias == "lex"`` mapped to the
cleaned text (the sentence is located in the cleaned text; sentences that cleaning changed or
removed are skipped and counted in ``gold_unlocated``).

Metrics (micro over all articles):

- ``lex_span_recall``: gold lexical phrases that overlap (share >= 1 character with) some
  predicted mark;
- ``mark_precision``: predicted marks that overlap some gold lexical phrase;
- the same five figures with the prefix ``framing_`` (framing terms only) and ``distinctive_``
  (distinctive words only); unprefixed = both together;
- ``lex_sent_recall`` / ``lex_sent_precision`` / ``lex_sent_f1``: at the sentence level, a BASIL
  sentence is gold-positive when it holds >= 1 lexical phrase and predicted-positive when it
  holds >= 1 predicted mark; ``lex_sent_base_rate`` is the share of gold-positive sentences
  (the precision of flagging every sentence), to read the precision against;
- ``crash_free_rate``: triples whose analysis raised no exception; ``articles_read_rate``:
  articles that came out of ingestion (not dropped as errors);
- ``one_event_rate``: triples the dossier puts into a single event (they are one event);
- ``seconds_per_triple``: mean wall time of ``analyze`` (model loading excluded: the models
  are loaded before the clock starts).
"""
from __future__ import annotations

import json
import re
import sys
import tempfile
import time
import traceback
from pathlib import Path

from _common import bench_args, finish

OUTLETS = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}


def _years(spec: str) -> list[str]:
    out: list[str] = []
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            a, b = part.split("-", 1)
            out += [str(y) for y in range(int(a), int(b) + 1)]
        elif part:
            out.append(part)
    return out


def _sentences(doc: dict) -> list[list[str]]:
    paras = doc.get("body-paragraphs") or []
    if isinstance(paras, str):  # some releases store the list as its repr
        import ast
        paras = ast.literal_eval(paras)
    return [[s for s in p if isinstance(s, str)] for p in paras]


def load_triples(root: Path, years: list[str]) -> list[dict]:
    """Triples ``{"id", "year", "articles": [{"name", "meta", "paras", "lex": [(sent, start, end, txt)]}]}``."""
    triples: dict[str, dict] = {}
    for year in years:
        adir = root / "articles" / year
        if not adir.is_dir():
            continue
        for path in sorted(adir.glob("*.json")):
            trip, _, n = path.stem.rpartition("_")
            doc = json.loads(path.read_text(encoding="utf-8"))
            paras = _sentences(doc)
            sents = [s for p in paras for s in p]
            lex = []
            ann_path = root / "annotations" / year / f"{path.stem}_ann.json"
            if ann_path.exists():
                ann = json.loads(ann_path.read_text(encoding="utf-8"))
                for ph in ann.get("phrase-level-annotations", []):
                    if ph.get("bias") != "lex":
                        continue
                    txt, s, e = ph.get("txt", ""), int(ph.get("start", 0)), int(ph.get("end", 0))
                    where = next((i for i, sent in enumerate(sents) if sent[s:e] == txt), None)
                    if where is None:
                        where = next((i for i, sent in enumerate(sents) if txt and txt in sent), None)
                        if where is not None:
                            s = sents[where].index(txt)
                            e = s + len(txt)
                    lex.append((where, s, e, txt))
            t = triples.setdefault(trip, {"id": trip, "year": year, "articles": []})
            t["articles"].append({"name": str(doc.get("source", "x")).lower() + f"-{n}", "meta": doc, "paras": paras,
                                  "sents": sents, "lex": lex})
    by_year: dict[str, list[dict]] = {}
    for k in sorted(triples):
        by_year.setdefault(triples[k]["year"], []).append(triples[k])
    # interleave the years (first triple of each year, then the second...) so --limit spans them all
    out: list[dict] = []
    for i in range(max((len(v) for v in by_year.values()), default=0)):
        out += [v[i] for _, v in sorted(by_year.items()) if i < len(v)]
    return out


def write_jsonl(triple: dict, folder: Path) -> Path:
    """The triple as one JSONL file in ``folder``; returns its path."""
    path = folder / f"{triple['id']}.jsonl"
    lines = []
    for a in triple["articles"]:
        m = a["meta"]
        rec = {"id": a["name"], "title": m.get("title"), "outlet": OUTLETS.get(str(m.get("source", "")).lower(), m.get("source")),
               "url": m.get("url"), "published": m.get("date"),
               "text": "\n\n".join(" ".join(p) for p in a["paras"])}
        lines.append(json.dumps({k: v for k, v in rec.items() if v}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _locate_sentences(text: str, sents: list[str]) -> list[tuple[int, int] | None]:
    """Where each BASIL sentence sits in the cleaned text (searching forward), or None."""
    out, pos = [], 0
    for s in sents:
        i = text.find(s, pos)
        if i < 0:
            i = text.find(s)
        if i < 0:
            out.append(None)
            continue
        out.append((i, i + len(s)))
        pos = i + len(s)
    return out


def predicted_marks(dossier, art, which: str = "all") -> list[tuple[int, int]]:
    """Character spans in ``art.text`` that the dossier's word-choice output points at:
    ``which`` = "framing" (framing terms and evidence), "distinctive" (distinctive words) or "all"."""
    text = art.text
    terms: set[str] = set()
    spans: list[tuple[int, int]] = []
    if which in ("framing", "all"):
        for f in dossier.framing:
            for t in f.terms.get(art.id, []) or []:
                if t and t.strip():
                    terms.add(t.strip())
            for ev in f.evidence:
                if ev.article == art.id and 0 <= ev.start < ev.end <= len(text):
                    spans.append((ev.start, ev.end))
    if which in ("distinctive", "all"):
        for w in dossier.distinctive_words.get(art.id, []) or []:
            if w.word and w.word.strip():
                terms.add(w.word.strip())
    for t in terms:
        pat = r"(?<!\w)" + re.escape(t) + r"[a-z]{0,3}(?!\w)"
        spans += [(m.start(), m.end()) for m in re.finditer(pat, text, flags=re.IGNORECASE)]
    return sorted(set(spans))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


KINDS = ("all", "framing", "distinctive")


def score_article(dossier, art, gold: dict, acc: dict) -> None:
    """Add one article's counts to ``acc`` (keys ``<kind>:<counter>`` for each of ``KINDS``)."""
    text = art.text
    where = _locate_sentences(text, gold["sents"])
    gold_spans = []
    for sent, s, e, txt in gold["lex"]:
        if sent is None or where[sent] is None:
            acc["gold_unlocated"] += 1
            continue
        base = where[sent][0]
        gold_spans.append((base + s, base + e, sent))
    acc["gold"] += len(gold_spans)
    pos = {g[2] for g in gold_spans}
    acc["sents"] += sum(loc is not None for loc in where)
    acc["s_pos"] += sum(loc is not None and i in pos for i, loc in enumerate(where))
    for kind in KINDS:
        marks = predicted_marks(dossier, art, kind)
        k = kind + ":"
        acc[k + "gold_hit"] += sum(any(_overlaps(g[:2], m) for m in marks) for g in gold_spans)
        acc[k + "marks"] += len(marks)
        acc[k + "marks_hit"] += sum(any(_overlaps(g[:2], m) for g in gold_spans) for m in marks)
        for i, loc in enumerate(where):
            if loc is None:
                continue
            g = i in pos
            p = any(_overlaps(loc, m) for m in marks)
            acc[k + "s_tp"] += g and p
            acc[k + "s_fp"] += (not g) and p
            acc[k + "s_fn"] += g and not p


def _div(a: float, b: float) -> float:
    return round(a / b, 4) if b else 0.0


def main() -> None:
    def extra(p):
        p.add_argument("--years", default="2010-2017", help="years to read, e.g. 2010-2017 or 2018,2019")
        p.add_argument("--limit", type=int, default=30, help="number of triples (0 = all)")
        p.add_argument("--keep", type=Path, default=None, help="write each triple's dossier.json into this folder")

    args = bench_args("basil", "basil", default_split="2010-2017", extra=extra,
                      description="lexical-bias recall of the framing output on BASIL triples; crash-free rate")
    args.split = args.years  # BASIL has no named splits: the years are the split
    triples = load_triples(args.data, _years(args.years))
    if args.limit:
        triples = triples[: args.limit]
    if not triples:
        print(f"basil: no triples under {args.data} for years {args.years}; nothing to measure.")
        sys.exit(0)

    from rashomon import analyze
    from rashomon.nlp import get_encoder, get_nlp

    get_nlp()
    get_encoder()
    from collections import Counter

    acc: Counter = Counter()
    ok = one_event = arts_in = arts_read = 0
    secs: list[float] = []
    with tempfile.TemporaryDirectory(prefix="basil-") as tmp:
        for t in triples:
            path = write_jsonl(t, Path(tmp))
            arts_in += len(t["articles"])
            t0 = time.perf_counter()
            try:
                dossier = analyze([path], jobs=1)
            except Exception:  # noqa: BLE001 - a crash is what we count
                print(f"CRASH {t['year']}/{t['id']}:\n{traceback.format_exc()}", file=sys.stderr)
                continue
            secs.append(time.perf_counter() - t0)
            ok += 1
            arts_read += len(dossier.articles)
            if len(dossier.events) == 1 and len(dossier.events[0].articles) == len(dossier.articles):
                one_event += 1
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"{t['year']}-{t['id']}.json").write_text(dossier.model_dump_json(indent=1), encoding="utf-8")
            by_name = {a["name"]: a for a in t["articles"]}
            for art in dossier.articles:
                if art.id in by_name:
                    score_article(dossier, art, by_name[art.id], acc)
    metrics: dict = {}
    for kind in KINDS:
        k = kind + ":"
        pre = "" if kind == "all" else kind + "_"
        sp = _div(acc[k + "s_tp"], acc[k + "s_tp"] + acc[k + "s_fp"])
        sr = _div(acc[k + "s_tp"], acc[k + "s_tp"] + acc[k + "s_fn"])
        metrics[pre + "lex_span_recall"] = _div(acc[k + "gold_hit"], acc["gold"])
        metrics[pre + "mark_precision"] = _div(acc[k + "marks_hit"], acc[k + "marks"])
        metrics[pre + "lex_sent_recall"] = sr
        metrics[pre + "lex_sent_precision"] = sp
        metrics[pre + "lex_sent_f1"] = _div(2 * sp * sr, sp + sr)
        metrics[pre + "predicted_marks"] = acc[k + "marks"]
    metrics.update({
        "lex_sent_base_rate": _div(acc["s_pos"], acc["sents"]),
        "gold_lex_phrases": acc["gold"],
        "gold_unlocated": acc["gold_unlocated"],
        "crash_free_rate": _div(ok, len(triples)),
        "articles_read_rate": _div(arts_read, arts_in),
        "one_event_rate": _div(one_event, ok),
        "seconds_per_triple": round(sum(secs) / len(secs), 2) if secs else 0.0,
    })
    finish(args, metrics, n=len(triples), title=f"basil (years {args.years}, {len(triples)} triples)")


if __name__ == "__main__":
    main()
