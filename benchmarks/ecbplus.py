"""ECB+ event grouping: cluster each topic's documents into its events with rashomon's own
``group_events`` stage.

Each ECB+ topic holds documents about two similar but different events (file names ``T_Necb.xml``
for one, ``T_Necbplus.xml`` for the other), e.g. two celebrities entering rehab years apart.
The documents' tokens are joined back into text, run through rashomon's per-article stages
(parse, actors, attributions, quantities, times, claims), then ``link_actors`` and
``group_events`` run per topic exactly as in ``rashomon analyze``. Reported, averaged over
topics: B-cubed precision/recall/F1 and the adjusted Rand index, next to two baselines (all
documents in one event; TF-IDF average-linkage at cosine 0.2).

``--fit`` instead fits the logistic same-event model of ``link/events.py`` on the article pairs
of the chosen topics (use the development topics 1-35 only) and prints the weights to write into
``src/rashomon/data/settings.yaml``.

usage: benchmarks/ecbplus.py [--data DIR] [--topics 1-35] [--json OUT] [--fit] [--cache FILE] [--jobs N]
"""
from __future__ import annotations

import pickle
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from _common import bench_args, finish

_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'re|'ve|'ll|'d|n't|'m|')$", re.I)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


def topics_arg(spec: str) -> list[int]:
    out = []
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            out += list(range(int(a), int(b) + 1))
        elif part:
            out.append(int(part))
    return out


def doc_lines(path: Path) -> list[tuple[int, str]]:
    """The document's sentences as (sentence number in the XML, tokens joined back into text). A
    first sentence that is only the source URL ("http: / / www. ...") is dropped: only the
    ``ecbplus`` documents carry one, so it would tell the two events of a topic apart by the
    corpus's layout, not by what the articles say."""
    root = ET.parse(path).getroot()
    sents: dict[int, list[str]] = defaultdict(list)
    for tok in root.iter("token"):
        sents[int(tok.get("sentence", 0))].append(tok.text or "")
    lines = []
    for k in sorted(sents):
        out = ""
        prev = ""
        for t in sents[k]:
            if not out:
                out = t
            elif _NO_SPACE_BEFORE.match(t) or prev in _NO_SPACE_AFTER:
                out += t
            else:
                out += " " + t
            prev = t
        lines.append((k, out))
    if lines and re.match(r"^https?\s*:\s*/\s*/", lines[0][1]):
        lines = lines[1:]
    return lines


def doc_text(path: Path) -> str:
    """The document's sentences (``doc_lines``) joined into text, one sentence a line."""
    return "\n".join(line for _, line in doc_lines(path))


def load_topics(data: Path, topics: list[int]) -> dict[int, list[tuple[str, str, str]]]:
    """topic -> [(doc id, text, gold event)] with gold event 'ecb' or 'ecbplus'."""
    out = {}
    for t in topics:
        folder = data / "ECB+" / str(t)
        if not folder.is_dir():
            folder = data / str(t)
        if not folder.is_dir():
            continue
        docs = []
        for f in sorted(folder.glob("*.xml")):
            gold = "ecbplus" if f.stem.endswith("ecbplus") else "ecb"
            docs.append((f.stem, doc_text(f), gold))
        out[t] = docs
    return out


def b_cubed(gold: list[str], pred: list[str]) -> tuple[float, float]:
    n = len(gold)
    p = r = 0.0
    for i in range(n):
        same_p = [j for j in range(n) if pred[j] == pred[i]]
        same_g = [j for j in range(n) if gold[j] == gold[i]]
        both = sum(1 for j in same_p if gold[j] == gold[i])
        p += both / len(same_p)
        r += both / len(same_g)
    return p / n, r / n


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def annotate(topics: dict, jobs: int, cache: Path | None):
    from rashomon.engine import annotate_articles
    from rashomon.models import Article, OffsetRun

    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    articles = []
    for t, docs in topics.items():
        for i, (doc, text, _) in enumerate(docs):
            articles.append(Article(id=doc, index=i, text=text, offsets=[OffsetRun(clean=0, raw=0, length=len(text))]))
    anns, _ = annotate_articles(articles, jobs=jobs)
    result = ({a.id: a for a in articles}, anns)
    if cache:
        cache.write_bytes(pickle.dumps(result))
    return result


def topic_state(docs, arts, anns):
    from rashomon.models import Dossier
    from rashomon.pipeline import CorpusState

    d = Dossier(articles=[arts[doc].model_copy(deep=True) for doc, _, _ in docs])
    annotations = {}
    for a in d.articles:
        ann = anns[a.id].model_copy(deep=True)
        annotations[a.id] = ann
        d.attributions += ann.attributions
        d.claims += ann.claims
        d.quantities += ann.quantities
        d.times += ann.times
    return CorpusState(dossier=d, annotations=annotations)


def tfidf_baseline(texts: list[str], cut: float = 0.2) -> list[int]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from rashomon.link.clusters import average_linkage

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    sim = (x @ x.T).toarray()
    n = len(texts)
    pairs = {(i, j): float(sim[i, j]) for i in range(n) for j in range(i + 1, n)}
    groups = average_linkage(list(range(n)), pairs, cut)
    lab = [0] * n
    for k, g in enumerate(groups):
        for i in g:
            lab[i] = k
    return lab


def fit(topics, arts, anns) -> None:
    """Fit the same-event logistic model on all within-topic article pairs."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from rashomon.link.actors import link_actors
    from rashomon.link.events import FEATURES, ArticleFeatures

    X, y = [], []
    for t, docs in topics.items():
        st = topic_state(docs, arts, anns)
        link_actors(st)
        af = ArticleFeatures(st)
        gold = [g for _, _, g in docs]
        pairs = list(combinations(range(len(docs)), 2))
        X.extend(af.pair_matrix(pairs).tolist())
        y.extend(int(gold[i] == gold[j]) for i, j in pairs)
    X, y = np.array(X), np.array(y)
    model = LogisticRegression(C=1.0, max_iter=1000).fit(X, y)
    print(f"pairs: {len(y)} (same event: {int(y.sum())})")
    print("events:")
    print(f"  bias: {model.intercept_[0]:.3f}")
    print("  weights:")
    for k, w in zip(FEATURES, model.coef_[0]):
        print(f"    {k}: {w:.3f}")
    p = model.predict_proba(X)[:, 1]
    for cut in (0.3, 0.4, 0.5, 0.6, 0.7):
        pred = p >= cut
        tp = int((pred & (y == 1)).sum())
        prec = tp / max(1, pred.sum())
        rec = tp / max(1, y.sum())
        print(f"  pair cut {cut}: P={prec:.3f} R={rec:.3f} F1={f1(prec, rec):.3f}")


def coref_sentences(path: Path) -> dict[int, set[str]]:
    """sentence number -> the cross-document event instances (ACTION mentions) it mentions."""
    root = ET.parse(path).getroot()
    tok_sent = {t.get("t_id"): int(t.get("sentence", 0)) for t in root.iter("token")}
    m_sent = {}
    markables = root.find("Markables")
    for m in (markables if markables is not None else []):
        if m.tag.startswith("ACTION") or m.tag.startswith("NEG_ACTION"):
            anchors = [a.get("t_id") for a in m.iter("token_anchor")]
            if anchors:
                m_sent[m.get("m_id")] = tok_sent.get(anchors[0])
    out: dict[int, set[str]] = defaultdict(set)
    rel = root.find("Relations")
    for r in (rel if rel is not None else []):
        if r.tag != "CROSS_DOC_COREF" or not (r.get("note") or "").startswith(("ACT", "NEG")):
            continue
        for src in r.iter("source"):
            s = m_sent.get(src.get("m_id"))
            if s is not None:
                out[s].add(r.get("note"))
    return out


def fit_claims(topics, arts, anns, data: Path) -> None:
    """Sweep the claim-cluster cut on ECB+ sentences: two sentences of different documents are
    'the same' when they mention the same cross-document event instance."""
    import numpy as np

    from rashomon.link import lexicon
    from rashomon.link.clusters import _params, cluster_indices
    from rashomon.link.features import claim_features
    from rashomon.link.similarity import proposition_vectors
    from rashomon.models import Claim, Dossier
    from rashomon.pipeline import CorpusState

    cuts = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6]
    tot = {c: [0, 0, 0] for c in cuts}
    for t, docs in topics.items():
        d = Dossier(articles=[arts[doc] for doc, _, _ in docs])
        gold = {}
        for doc, text, _ in docs:
            folder = data / "ECB+" / str(t)
            inst = coref_sentences(folder / f"{doc}.xml")
            lines = doc_lines(folder / f"{doc}.xml")  # the lines of ``text``, with their sentence numbers
            pos = 0
            for k, line in lines:
                if k in inst and len(line) > 20:
                    cid = f"{doc}:{k}"
                    d.claims.append(Claim(id=cid, article=doc, text=line, start=pos, end=pos + len(line)))
                    gold[cid] = inst[k]
                pos += len(line) + 1
        st = CorpusState(dossier=d, annotations={a.id: anns[a.id] for a in d.articles})
        ids = [c.id for c in d.claims]
        if len(ids) < 2:
            continue
        vec = proposition_vectors(st, ids)
        feats = claim_features(st)
        fl = [feats[i] for i in ids]
        art = [c.article for c in d.claims]
        for cut in cuts:
            p = dict(_params())
            p["cluster"] = cut
            p["link"] = min(p["link"], cut - 0.1)
            groups = cluster_indices(vec, fl, art, p)
            lab = {}
            for g_i, g in enumerate(groups):
                for i in g:
                    lab[i] = g_i
            for i in range(len(ids)):
                for j in range(i + 1, len(ids)):
                    if art[i] == art[j]:
                        continue
                    same_g = bool(gold[ids[i]] & gold[ids[j]])
                    same_p = lab[i] == lab[j]
                    tot[cut][0] += same_g and same_p
                    tot[cut][1] += same_p and not same_g
                    tot[cut][2] += same_g and not same_p
    for cut in cuts:
        tp, fp, fn = tot[cut]
        prec, rec = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(f"clusters.cluster={cut}: pairs P={prec:.3f} R={rec:.3f} F1={f1(prec, rec):.3f} (tp={tp} fp={fp} fn={fn})")


def main() -> None:
    def extra(p):
        p.add_argument("--topics", default="1-35", help="topics to use (default 1-35; 36-45 are held out)")
        p.add_argument("--fit", action="store_true", help="fit the same-event model and print its weights")
        p.add_argument("--fit-claims", action="store_true", help="sweep the claim-cluster cut on coreferent sentences")
        p.add_argument("--cache", type=Path, default=None, help="pickle of the per-article annotations (speeds reruns)")
        p.add_argument("--jobs", type=int, default=1, help="worker processes for the per-article stages")
        p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                       help="override an events threshold for a sweep, e.g. --set cut=0.4 --set date_veto=0")

    args = bench_args("ecbplus", "ecbplus", default_split="1-35", extra=extra,
                      description="ECB+ event grouping with rashomon's group_events")
    topics = load_topics(args.data, topics_arg(args.topics))
    if not topics:
        print(f"ecbplus: no topics {args.topics} under {args.data}; nothing to measure.")
        sys.exit(0)
    args.split = args.topics
    arts, anns = annotate(topics, args.jobs, args.cache)
    if args.fit:
        fit(topics, arts, anns)
        return
    if args.fit_claims:
        fit_claims(topics, arts, anns, args.data)
        return
    from rashomon.link.actors import link_actors
    from rashomon.link.events import group_events
    from sklearn.metrics import adjusted_rand_score

    from rashomon.settings import load_settings, set_process_settings

    set_process_settings(load_settings(None, [f"events.{kv}" for kv in args.set]))
    sums: dict[str, float] = Counter()
    ndocs = 0
    for t, docs in topics.items():
        st = topic_state(docs, arts, anns)
        link_actors(st)
        group_events(st)
        gold = [g for _, _, g in docs]
        pred = [a.event or a.id for a in st.dossier.articles]
        base_one = ["all"] * len(docs)
        base_tf = tfidf_baseline([text for _, text, _ in docs])
        for name, lab in (("rashomon", pred), ("all_in_one", base_one), ("tfidf", base_tf)):
            p, r = b_cubed(gold, lab)
            sums[f"{name}_bcubed_p"] += p
            sums[f"{name}_bcubed_r"] += r
            sums[f"{name}_bcubed_f1"] += f1(p, r)
            sums[f"{name}_ari"] += adjusted_rand_score(gold, lab)
        sums["rashomon_events_per_topic"] += len(st.dossier.events)
        ndocs += len(docs)
    k = len(topics)
    metrics = {m: round(v / k, 4) for m, v in sums.items()}
    metrics["topics"] = k
    finish(args, metrics, ndocs, title=f"ECB+ event grouping, topics {args.topics} ({k} topics, {ndocs} documents)")


if __name__ == "__main__":
    main()
