"""Labelled sentence pairs for the claim matcher (``scripts/train_claim_matcher.py``).

Each reader returns ``[(sentence a, sentence b, label, source)]``, label 1 = same proposition,
0 = not. Training splits only:

- ``msrp_pairs``: MSRP ``msrp-train.tsv`` (``Quality`` 1 = paraphrase);
- ``sts_pairs``: STS news headlines 2013 (gold 0-5): >= ``pos_min`` -> 1, <= ``neg_max`` -> 0,
  the middle left out;
- ``ecb_pairs``: ECB+ topics (1-35): two sentences of different documents of one topic that
  mention the same cross-document event instance -> 1; two that each mention an event instance
  but none in common (often the topic's other, similar event) -> 0; capped per topic;
- ``fnc_candidates`` + ``closest_pairs``: FNC-1 training stances: the headline and the body
  sentence closest to it (embedding cosine) for ``agree`` -> 1, for ``unrelated`` -> 0;
- ``edit_pairs``: a sentence and a meaning-changing edit of it -> 0 (another number, another
  place or person, another day, negated, agent and patient swapped), or a meaning-preserving
  one -> 1 (a person named by surname only). Edits need the sentence's entities (spaCy labels)
  and, for the agent/patient swap, its parse.

Everything takes a ``random.Random`` so a run is reproducible.
"""
from __future__ import annotations

import csv
import random
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Callable, Optional, Sequence

from ..data import load_yaml
from .stance import negate as _negate_aux
from .stance import swap_number

Pair = tuple[str, str, int, str]
_WORDS = load_yaml("matcher_words.yaml", "en")
_WEEKDAYS = list(_WORDS["weekdays"])
_MONTHS = [m for m in _WORDS["months"] if len(m) > 3]
_DAY_WORD = re.compile(r"\b(" + "|".join(_WEEKDAYS + _MONTHS) + r")\b", re.I)
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'re|'ve|'ll|'d|n't|'m|')$", re.I)


def msrp_pairs(path: Path) -> list[Pair]:
    """MSRP file -> labelled pairs."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [(r["#1 String"], r["#2 String"], int(r["Quality"]), "msrp")
                for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


def sts_pairs(path: Path, pos_min: float = 3.5, neg_max: float = 2.0) -> list[Pair]:
    """STS file (``score\\ta\\tb``) -> labelled pairs (the middle band left out)."""
    out = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            try:
                score = float(parts[0])
            except (ValueError, IndexError):
                continue
            if len(parts) >= 3 and (score >= pos_min or score <= neg_max):
                out.append((parts[1], parts[2], int(score >= pos_min), "sts"))
    return out


def _ecb_doc(path: Path) -> tuple[dict[int, str], dict[int, set[str]]]:
    """One ECB+ document: sentence number -> text (tokens joined), and -> cross-document event
    instances (ACTION / NEG_ACTION notes) it mentions."""
    root = ET.parse(path).getroot()
    toks: dict[int, list[str]] = defaultdict(list)
    tok_sent = {}
    for t in root.iter("token"):
        k = int(t.get("sentence", 0))
        toks[k].append(t.text or "")
        tok_sent[t.get("t_id")] = k
    text = {}
    for k, ts in toks.items():
        out = ""
        for t in ts:
            out = t if not out else out + ("" if _NO_SPACE_BEFORE.match(t) or out.endswith(("(", "$", "``")) else " ") + t
        text[k] = out
    m_sent = {}
    markables = root.find("Markables")
    for m in (markables if markables is not None else []):
        if m.tag.startswith(("ACTION", "NEG_ACTION")):
            anchors = [a.get("t_id") for a in m.iter("token_anchor")]
            if anchors:
                m_sent[m.get("m_id")] = tok_sent.get(anchors[0])
    events: dict[int, set[str]] = defaultdict(set)
    rel = root.find("Relations")
    for r in (rel if rel is not None else []):
        if r.tag == "CROSS_DOC_COREF" and (r.get("note") or "").startswith(("ACT", "NEG")):
            for src in r.iter("source"):
                s = m_sent.get(src.get("m_id"))
                if s is not None:
                    events[s].add(r.get("note"))
    return text, events


def ecb_pairs(root: Path, topics: Sequence[int], rng: random.Random, per_topic: int = 60) -> list[Pair]:
    """Coreferent / non-coreferent event-mention sentence pairs across documents (see module doc);
    at most ``per_topic`` of each label per topic. Sentences of 6 to 60 words only (no URL lines)."""
    out: list[Pair] = []
    for t in topics:
        folder = root / "ECB+" / str(t)
        if not folder.is_dir():
            continue
        sents = []  # (doc, text, events)
        for f in sorted(folder.glob("*.xml")):
            text, events = _ecb_doc(f)
            for k, ev in sorted(events.items()):
                s = text.get(k, "")
                if 6 <= len(s.split()) <= 60 and "http" not in s:
                    sents.append((f.stem, s, frozenset(ev)))
        pos, neg = [], []
        for (da, sa, ea), (db, sb, eb) in combinations(sents, 2):
            if da == db or sa == sb:
                continue
            (pos if ea & eb else neg).append((sa, sb))
        for group, label in ((pos, 1), (neg, 0)):
            rng.shuffle(group)
            out.extend((a, b, label, "ecb") for a, b in group[:per_topic])
    return out


def fnc_candidates(stances: Path, bodies: Path, rng: random.Random, n_each: int = 600,
                   split: Optional[Callable[[str], list[str]]] = None) -> list[tuple[str, list[str], int]]:
    """``[(headline, body sentences, label)]``: ``agree`` -> 1, ``unrelated`` -> 0, ``n_each``
    of each, sampled; ``split`` cuts a body into sentences. ``closest_pairs`` turns them into pairs."""
    from ..link.relations.features import split_sentences

    split = split or split_sentences
    with open(stances, encoding="utf-8", newline="") as f:
        rows = [(r["Headline"], r["Body ID"], r["Stance"]) for r in csv.DictReader(f)]
    with open(bodies, encoding="utf-8", newline="") as f:
        body = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f)}
    out = []
    for stance, label in (("agree", 1), ("unrelated", 0)):
        chosen = [r for r in rows if r[2] == stance and r[1] in body]
        rng.shuffle(chosen)
        for h, b, _ in chosen[:n_each]:
            ss = [s for s in split(body[b]) if 5 <= len(s.split()) <= 60]
            if ss:
                out.append((h, ss, label))
    return out


def closest_pairs(cands: Sequence[tuple[str, list[str], int]], vec_of: dict) -> list[Pair]:
    """Each headline with its body sentence of highest cosine (``vec_of``: text -> unit vector)."""
    out: list[Pair] = []
    for h, ss, label in cands:
        sims = [float(vec_of[h] @ vec_of[s]) for s in ss]
        out.append((h, ss[sims.index(max(sims))], label, "fnc"))
    return out


# ------------------------------------------------------------------------------------ edits


def _replace_entity(s: str, ents: Sequence[tuple[str, str]], labels: set[str], pool: Sequence[str],
                    rng: random.Random) -> Optional[str]:
    """``s`` with one entity of ``labels`` replaced by another name from ``pool``."""
    cands = [t for t, lab in ents if lab in labels and t in s]
    if not cands or not pool:
        return None
    old = rng.choice(cands)
    new = rng.choice(pool)
    for _ in range(5):
        if new.lower() != old.lower() and new.split()[-1].lower() not in old.lower():
            return s.replace(old, new, 1)
        new = rng.choice(pool)
    return None


def swap_day(s: str, rng: random.Random) -> Optional[str]:
    """Another weekday or month name in place of the first one."""
    m = _DAY_WORD.search(s)
    if not m:
        return None
    word = m.group(1)
    names = _WEEKDAYS if word.lower() in _WEEKDAYS else _MONTHS
    new = rng.choice([n for n in names if n != word.lower()])
    return s[:m.start()] + (new.capitalize() if word[0].isupper() else new) + s[m.end():]


def negate(s: str) -> Optional[str]:
    """The sentence with its first auxiliary negated, or its negation removed."""
    return _negate_aux(s)


def swap_roles(doc) -> Optional[str]:
    """Agent and patient swapped: the subject's and the direct object's phrases exchange places
    ("the army shelled the rebels" -> "the rebels shelled the army"). ``doc``: a spaCy parse."""
    for tok in doc:
        if tok.dep_ != "ROOT":
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        obj = [c for c in tok.children if c.dep_ == "dobj"]
        if not subj or not obj:
            return None
        a, b = subj[0], obj[0]
        sa = (a.left_edge.idx, a.right_edge.idx + len(a.right_edge.text))
        sb = (b.left_edge.idx, b.right_edge.idx + len(b.right_edge.text))
        if sa[1] > sb[0]:
            return None
        t = doc.text
        pa, pb = t[sa[0]:sa[1]], t[sb[0]:sb[1]]
        if pa.lower() == pb.lower() or a.pos_ == "PRON" or b.pos_ == "PRON":
            return None
        pb_cap = pb[0].upper() + pb[1:] if sa[0] == 0 else pb
        pa_low = pa[0].lower() + pa[1:] if sa[0] == 0 and a.ent_type_ == "" and a.pos_ != "PROPN" else pa
        return t[:sa[0]] + pb_cap + t[sa[1]:sb[0]] + pa_low + t[sb[1]:]
    return None


def surname_only(s: str, ents: Sequence[tuple[str, str]]) -> Optional[str]:
    """A person named in full replaced by the surname (meaning kept)."""
    for t, lab in ents:
        if lab == "PERSON" and len(t.split()) >= 2 and t in s:
            return s.replace(t, t.split()[-1], 1)
    return None


def edit_pairs(sents: Sequence[str], ents: Sequence[Sequence[tuple[str, str]]], roles: Sequence[Optional[str]],
               rng: random.Random) -> list[Pair]:
    """Edited pairs of ``sents`` (with their entities, and their agent/patient swaps from
    ``swap_roles``, None where there is none): every sentence gets each edit that applies to it
    (see module doc)."""
    places = sorted({t for es in ents for t, lab in es if lab in ("GPE", "LOC")})
    people = sorted({t for es in ents for t, lab in es if lab == "PERSON" and len(t.split()) >= 2})
    out: list[Pair] = []
    for s, es, swapped in zip(sents, ents, roles):
        edits = [
            (swap_number(s, rng) if re.search(r"\d", s) else None, 0, "edit_number"),
            (_replace_entity(s, es, {"GPE", "LOC"}, places, rng), 0, "edit_place"),
            (_replace_entity(s, es, {"PERSON"}, people, rng), 0, "edit_person"),
            (swap_day(s, rng), 0, "edit_day"),
            (negate(s), 0, "edit_negate"),
            (swapped, 0, "edit_roles"),
            (surname_only(s, es), 1, "edit_surname"),
        ]
        out.extend((s, e, lab, src) for e, lab, src in edits if e and e != s)
    return out
