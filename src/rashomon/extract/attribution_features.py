"""Features and labels of the learned attribution tagger (``attribution_model``), the same code at
training (``scripts/train_attribution.py``) and at inference.

In: a spaCy ``Doc`` (parsed by ``rashomon.nlp.get_nlp()``); for ``token_labels`` also gold
character spans per role. Out: ``doc_features(doc)`` -> per sentence its token range and a list
of crfsuite ``name=value`` feature strings per token; ``token_labels`` -> BIO labels per token.

Per token: word shape, lower form, lemma, POS, fine tag, dependency, head lemma/POS, entity type,
inside/next to a quotation, the lexicon's reporting verbs (``data/cues.yaml``) and the dependency
path up to the nearest reporting verb and to the sentence root, position in the sentence, and a
+-2 token window; per sentence: whether it holds a reporting verb or a quotation.
"""
from __future__ import annotations

from bisect import bisect_right

from .lexicon import cues
from .quotes import find_quotes
from .segment import doc_text

_PATH_STEPS = 8


def _shape(w: str) -> str:
    if w.isupper() and len(w) > 1:
        return "UP"
    if w[:1].isupper():
        return "Cap"
    if w.isdigit():
        return "D"
    if w.isalpha():
        return "low"
    return "other"


def _quote_flags(doc) -> tuple[list, list]:
    """Per token: inside a quotation (1) or not (0); and the quote mark side ('open'/'close'/'')."""
    quotes = find_quotes(doc_text(doc))
    starts = [q[0] for q in quotes]
    inq, mark = [], []
    for t in doc:
        k = bisect_right(starts, t.idx) - 1
        inside = k >= 0 and quotes[k][0] <= t.idx < quotes[k][1]
        inq.append(1 if inside else 0)
        if inside and t.idx == quotes[k][0]:
            mark.append("open")
        elif inside and t.idx + len(t.text) == quotes[k][1]:
            mark.append("close")
        else:
            mark.append("")
    return inq, mark


class _Columns:
    """Per-token attributes of a doc read once into plain lists (spaCy builds a ``Token`` object
    and a string on every access): lower form, lower-cased lemma, POS, dependency, head index."""

    def __init__(self, doc):
        self.low = [t.lower_ for t in doc]
        self.lem = [t.lemma_.lower() for t in doc]
        self.pos = [t.pos_ for t in doc]
        self.dep = [t.dep_ for t in doc]
        self.head = [t.head.i for t in doc]


def _path_features(i: int, c: _Columns, verbs: dict) -> list[str]:
    """Where token ``i`` hangs: the dependency of the child on the path to the nearest reporting
    verb above it (and that verb's lemma), and to the sentence root."""
    out = []
    head_of, lem, dep = c.head, c.lem, c.dep
    child, head = i, head_of[i]
    steps = 0
    found_cue = False
    while head != child and steps < _PATH_STEPS:
        if not found_cue and lem[head] in verbs and c.pos[head] in ("VERB", "AUX"):
            out.append("acue=" + dep[child])
            out.append("acue_l=" + lem[head] + "|" + dep[child])
            out.append("acue_d=" + str(min(steps, 3)))
            found_cue = True
        child, head = head, head_of[head]
        steps += 1
    # child is now the root (or the top reached)
    out.append("rootdep=" + (dep[i] if head_of[i] == i else _root_child_dep(i, c)))
    out.append("rootl=" + lem[child])
    if not found_cue:
        out.append("acue=none")
    return out


def _root_child_dep(i: int, c: _Columns) -> str:
    head_of = c.head
    child = i
    for _ in range(_PATH_STEPS * 2):
        if head_of[child] == head_of[head_of[child]]:
            return c.dep[child]
        child = head_of[child]
    return c.dep[child]


def doc_features(doc) -> list[tuple[tuple[int, int], list[list[str]]]]:
    """Features for every sentence of ``doc``: ``[((first token i, end token i), [features per
    token])]``; each token's features are crfsuite ``name=value`` strings."""
    verbs = cues()["verbs"]
    inq, mark = _quote_flags(doc)
    col = _Columns(doc)
    base = []
    is_cue = []
    for t in doc:
        i = t.i
        w = t.text
        lem, pos, dep, h = col.lem[i], col.pos[i], col.dep[i], col.head[i]
        hlem = col.lem[h]
        f = ["w=" + col.low[i], "l=" + lem, "p=" + pos, "t=" + t.tag_, "d=" + dep, "s=" + _shape(w),
             "suf=" + col.low[i][-3:], "hl=" + hlem, "hp=" + col.pos[h],
             "dhl=" + dep + "|" + hlem, "e=" + (t.ent_type_ or "O"), "q=" + str(inq[i])]
        if mark[i]:
            f.append("qm=" + mark[i])
        is_cue.append(lem in verbs and pos in ("VERB", "AUX"))
        if is_cue[-1]:
            f.append("cue=1")
            f.append("cuecls=" + str(verbs[lem].get("class", "neutral")))
        if hlem in verbs:
            f.append("hcue=1")
        if pos in ("VERB", "AUX"):
            deps = sorted({c.dep_ for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "ccomp", "xcomp", "dobj", "agent", "prep")})
            f.extend("kid=" + d for d in deps)
        if t.is_punct:
            f.append("punct=" + w)
        f.extend(_path_features(i, col, verbs))
        base.append(f)
    out = []
    low, pos, dep = col.low, col.pos, col.dep
    for sent in doc.sents:
        s0, s1 = sent.start, sent.end
        n = s1 - s0
        has_q = any(inq[s0:s1])
        has_cue = any(is_cue[s0:s1])
        feats = []
        for i in range(s0, s1):
            f = list(base[i])
            f.append("pos=" + ("first" if i == s0 else "last" if i == s1 - 1 else str(min(4, (i - s0) * 5 // max(n, 1)))))
            f.append("sq=" + str(int(has_q)))
            f.append("sc=" + str(int(has_cue)))
            for k in (-2, -1, 1, 2):
                j = i + k
                if s0 <= j < s1:
                    f.append(f"{k}w=" + low[j])
                    f.append(f"{k}p=" + pos[j])
                    if abs(k) == 1:
                        f.append(f"{k}d=" + dep[j])
                        f.append(f"{k}q=" + str(inq[j]))
                        if is_cue[j]:
                            f.append(f"{k}cue=1")
                else:
                    f.append(f"{k}w=<pad>")
            f.append("w+1=" + low[i] + "|" + (low[i + 1] if i + 1 < s1 else "<pad>"))
            feats.append(f)
        out.append(((s0, s1), feats))
    return out


def token_labels(doc, spans: dict) -> list[str]:
    """BIO labels for the tokens of ``doc`` from gold character spans ``{"source": [(s, e)],
    "cue": [...], "content": [...]}`` (a token takes the role of the span holding its first char)."""
    role_of = {"source": "SRC", "cue": "CUE", "content": "CNT"}
    marks = []  # (start, end, role, id)
    for kind, lst in spans.items():
        for k, (s, e) in enumerate(lst):
            marks.append((s, e, role_of[kind], (kind, k)))
    marks.sort()
    starts = [m[0] for m in marks]
    labels, prev_id = [], None
    for t in doc:
        k = bisect_right(starts, t.idx) - 1
        hit = None
        while k >= 0 and k >= bisect_right(starts, t.idx) - 6:
            if marks[k][0] <= t.idx < marks[k][1]:
                hit = marks[k]
                break
            k -= 1
        if hit is None or t.is_space:
            labels.append("O")
            prev_id = None
            continue
        labels.append(("I-" if prev_id == hit[3] and not t.is_sent_start else "B-") + hit[2])
        prev_id = hit[3]
    return labels
