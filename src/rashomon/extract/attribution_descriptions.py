"""Definite descriptions read as the one person the article gives that title.

In: a speaker head token that is a title ("the head of the rail union", "Ruritania's prime
minister") and its parsed article. Out: ``person_for_description(head)`` -> the spaCy span of the
PERSON the article names with that title ("Prime Minister Ana Lind", "Ivo Tam, the head of the
rail union"), or None when no person or more than one person fits (never a guess).
Titles: ``titles`` of ``data/en/actors.yaml``.
"""
from __future__ import annotations

from typing import Optional

from ..data import load_yaml
from .lexicon import actor_lexicon

_SYN = load_yaml("title_synonyms.yaml", "en")  # data/en/title_synonyms.yaml
_SYNONYMS = {k.lower(): v.lower() for k, v in _SYN["synonyms"].items()}
_GENERIC = {w.lower() for w in _SYN["generic_body_words"]}
_PHRASES = [(frozenset(k.lower().split()), v.lower()) for k, v in (_SYN.get("phrase_synonyms") or {}).items()]


def _phrased(words) -> frozenset:
    """Title words with a title of several words read as the office it names ({kremlin, press,
    secretary} -> {kremlin, spokesperson})."""
    words = frozenset(words)
    for parts, office in _PHRASES:
        if parts <= words:
            words = (words - parts) | {office}
    return words


def _norm(word: str) -> str:
    """A title word read as the office it names ("chief" -> "head")."""
    return _SYNONYMS.get(word, word)


def _is_title(tok) -> bool:
    titles = actor_lexicon()["titles"]
    return tok.lower_ in titles or tok.lemma_.lower() in titles


def _title_words(head) -> frozenset:
    """The words of a title phrase without articles and possessors: "the acting head of the rail
    union" -> {acting, head, rail, union}; "Ruritania's prime minister" -> {prime, minister}."""
    words = {_norm(head.lemma_.lower())}
    for c in head.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ != "PERSON":
            words.add(_norm(c.lemma_.lower()))
        elif c.dep_ == "prep" and c.lower_ == "of":
            for p in c.subtree:
                if p.i != c.i and p.dep_ not in ("det", "punct", "case") and not p.is_punct:
                    words.add(_norm(p.lemma_.lower()))
    return _phrased(words)


def _index(doc) -> list:
    """``[(title words, person span)]``: each title the article gives a named person, from a title
    before the name ("Prime Minister Ana Lind") or an apposition ("Ivo Tam, the head of ...")."""
    if doc.user_data.get("_title_index") is not None:
        return doc.user_data["_title_index"]
    out = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        pre = []
        k = ent.start - 1
        # capitalised words and title words ("Prime Minister Ana Lind", "Wagner chief Ivo Tam")
        while k >= 0 and k >= ent.start - 4 and (doc[k].text[:1].isupper() or _is_title(doc[k])) \
                and not doc[k].is_punct and doc[k].ent_type_ != "PERSON":
            pre.insert(0, doc[k])
            k -= 1
        if pre and _is_title(pre[-1]):
            out.append((_phrased(_norm(t.lemma_.lower()) for t in pre), ent))
        for c in ent.root.children:
            if c.dep_ == "appos" and _is_title(c):
                out.append((_title_words(c), ent))
        if ent.root.dep_ == "appos" and _is_title(ent.root.head):
            out.append((_title_words(ent.root.head), ent))
    # a title before a name the recogniser did not type ("Prime Minister Ana Lindqvist" as ORG or
    # nothing): not resolved to, but counted, so that a shared title stays ambiguous
    in_person = {t.i for e in doc.ents if e.label_ == "PERSON" for t in e}
    for k, tok in enumerate(doc):
        if k == 0 or tok.i in in_person or tok.pos_ != "PROPN" or not _is_title(doc[k - 1]) or not doc[k - 1].text[:1].isupper():
            continue
        if _is_title(tok):
            continue
        pre = []
        j = k - 1
        while j >= 0 and j >= k - 4 and doc[j].text[:1].isupper() and _is_title(doc[j]):
            pre.insert(0, doc[j])
            j -= 1
        end = k
        while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and end + 1 not in in_person:
            end += 1
        out.append((_phrased(_norm(t.lemma_.lower()) for t in pre), doc[k:end + 1]))
    doc.user_data["_title_index"] = out
    return out


def _candidates(doc, want: frozenset) -> dict:
    """Persons whose title covers ``want``, by surname: ``{surname: [(exact?, span)]}``."""
    cands: dict = {}
    for words, ent in _index(doc):
        if want <= words:
            key = ent.text.split()[-1].lower()
            cands.setdefault(key, []).append((words == want, ent))
    return cands


def person_for_description(head) -> Optional[object]:
    """The one PERSON span whose title covers the description headed by ``head`` (see module
    docstring); None when ``head`` is no title, is a name, or when no single person fits."""
    if head is None or head.ent_type_ == "PERSON" or head.pos_ == "PRON" or not _is_title(head):
        return None
    if any(c.dep_ == "appos" for c in head.children):
        return None
    want = _title_words(head)
    cands = _candidates(head.doc, want)
    if not cands and want & _GENERIC and len(want - _GENERIC) >= 2:
        # "the head of the Wagner group" for "Wagner chief Ana Lind": the kind of body left out
        cands = _candidates(head.doc, want - _GENERIC)
    if len(cands) == 1:
        best = next(iter(cands.values()))
    else:
        exact = [v for v in cands.values() if any(e for e, _ in v)]
        if len(exact) != 1:
            return None
        best = [x for x in exact[0] if x[0]]
    persons = [ent for _, ent in best if ent.label_ == "PERSON"]
    return persons[0] if persons else None
