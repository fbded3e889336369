"""Mentions of actors and their grouping into draft actors, for the actors stage (``extract.actors``).

In: the article's ``state`` (``doc`` with entities, ``article.text``) and spaCy tokens or entities.
Out: ``_Builder``, which collects person, body, country and noun-phrase mentions in text order into
``_Draft`` actors (key, type, name, affiliation, mentions) and finds the nearest compatible earlier
actor for a pronoun or description (``recent``); helpers that clean names, split titles, read an
affiliation or body type, and test gender, titles and speaker positions.
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from typing import Optional

from ..models import Mention
from .lexicon import actor_lexicon, country_for, cues
from .quotes import find_quotes
from ..data import load_yaml

_WORDS = load_yaml("actor_words.yaml", "en")  # word lists and patterns of this module (data/en/actor_words.yaml)

_DETS = set(_WORDS["dets"])
_SPEAKER_VERBS_EXTRA = {"say"}
_WEAK_BODY_HEADS = set(_WORDS["weak_body_heads"])


def _qualifiers(name: Optional[str]) -> set[str]:
    """Capitalised words before the head noun of a common-noun actor name ("some Western
    officials" -> {"western"}); empty for a proper name or a name without them."""
    words = (name or "").split()
    if len(words) < 2 or not words[-1][:1].islower():
        return set()
    return {w.lower() for w in words[:-1] if w[:1].isupper()}


@dataclass
class _Draft:
    """An actor being built."""

    key: str
    type: str
    name: str
    affiliation: Optional[str] = None
    mentions: list = field(default_factory=list)  # Mention
    titles: set = field(default_factory=set)
    weak: bool = False  # a plain "forces"/"troops" phrase: never an antecedent for descriptions


def _strip_possessive(s: str) -> str:
    return re.sub(r"[’']s$", "", s)


def _clean_name(text: str) -> str:
    """Drop a leading determiner and trailing possessive/punctuation from a phrase."""
    words = text.split()
    while words and words[0].lower() in _DETS:
        words = words[1:]
    out = " ".join(words).strip(" ,.;:—–-\"“”'’")
    return _strip_possessive(out)


def _split_title(tokens) -> tuple[list, list]:
    """Split leading title tokens ("Gen.", "President", "Mr.") off a PERSON entity."""
    titles = actor_lexicon()["titles"]
    i = 0
    toks = list(tokens)
    while i < len(toks) - 1 and (toks[i].text.lower() in titles or toks[i].text.lower().rstrip(".") + "." in titles
                                 or toks[i].text.lower().rstrip(".") in titles):
        i += 1
    return toks[:i], toks[i:]


def _np_left_modifiers(head, stop_at: int):
    """Tokens left of ``stop_at`` that modify ``head`` (its left subtree), for titles/demonyms."""
    return [t for t in head.subtree if t.i < stop_at]


def _affiliation_of(tokens) -> Optional[str]:
    """The country named by a demonym or possessive country among ``tokens``."""
    words = [t.text for t in tokens]
    # multiword first: "North Korean", "South Korea's"
    for i in range(len(words) - 1):
        c = country_for(words[i] + " " + _strip_possessive(words[i + 1]))
        if c:
            return c
    for t in tokens:
        c = country_for(t.text)
        if c:
            return c
    return None


def _body_type(phrase_lower: str) -> Optional[tuple[str, str]]:
    """(matched body noun, actor type) when the phrase ends in a body noun, else None."""
    bodies = actor_lexicon()["body_nouns"]
    words = phrase_lower.split()
    for n in (3, 2, 1):
        if len(words) >= n:
            tail = " ".join(words[-n:])
            if tail in bodies:
                return tail, bodies[tail]
    return None


class _Builder:
    """Collects mentions in text order and groups them into actors."""

    def __init__(self, state):
        self.state = state
        self.doc = state.doc
        self.text = state.article.text
        self.drafts: list[_Draft] = []
        self.taken: set[int] = set()  # token indices already inside a mention
        self.order: list[tuple[int, int, int]] = []  # (start char, end char, draft index), text order
        self.by_start: list[tuple[int, int, int]] = []  # the same, kept sorted by start (bisect)
        self.resolved: dict[tuple[int, int], tuple[int, str]] = {}
        self.quotes = find_quotes(self.text)
        self._qstarts = [q[0] for q in self.quotes]
        self._rank_cache: dict[int, int] = {}

    # ------------------------------------------------------------------ adding mentions
    def _add(self, draft_idx: int, start: int, end: int, kind: str) -> None:
        d = self.drafts[draft_idx]
        if any(m.start == start and m.end == end for m in d.mentions):
            return
        d.mentions.append(Mention(start=start, end=end, text=self.text[start:end], kind=kind))
        self.order.append((start, end, draft_idx))
        insort(self.by_start, (start, end, draft_idx))

    def _new(self, key, type_, name, affiliation=None, weak=False) -> int:
        self.drafts.append(_Draft(key=key, type=type_, name=name, affiliation=affiliation, weak=weak))
        return len(self.drafts) - 1

    def person(self, ent) -> None:
        title_toks, name_toks = _split_title(ent)
        if not name_toks:
            return
        name = _strip_possessive(" ".join(t.text for t in name_toks)).strip(" ,.")
        if not name or not name[0].isalpha():
            return
        surname = _strip_possessive(name_toks[-1].text).lower()
        # titles: leading title tokens, and left modifiers ("President", "Chief of the ... Staff")
        mods = [t for t in _np_left_modifiers(ent.root, ent.start) if t.i not in self.taken]
        lex = actor_lexicon()
        titles = {t.text.lower().rstrip(".") for t in list(title_toks) + mods if t.text.lower() in lex["titles"]
                  or t.text.lower().rstrip(".") in lex["titles"] or t.text.lower() + "." in lex["titles"]}
        aff = _affiliation_of(mods)
        idx = None
        for i in range(len(self.drafts) - 1, -1, -1):
            d = self.drafts[i]
            if d.type == "person" and d.key == surname:
                idx = i
                break
        if idx is None:
            idx = self._new(surname, "person", name, aff)
        d = self.drafts[idx]
        if len(name) > len(d.name) and len(name_toks) > 1:
            d.name = name
        if aff and not d.affiliation:
            d.affiliation = aff
        d.titles |= {t for t in titles}
        self._add(idx, ent.start_char, ent.end_char, "name")
        for t in ent:
            self.taken.add(t.i)
        # appositive title: "General X, Chief of the General Staff, ..."
        for child in ent.root.children:
            if child.dep_ == "appos" and child.i > ent.end - 1:
                sub = list(child.subtree)
                words = {t.text.lower() for t in sub}
                if words & lex["titles"]:
                    s, e = sub[0].idx, sub[-1].idx + len(sub[-1].text)
                    d.titles |= words & lex["titles"]
                    self._add(idx, s, e, "title")
                    if not d.affiliation:
                        d.affiliation = _affiliation_of(sub)

    def named_body(self, ent) -> None:
        lex = actor_lexicon()
        text = ent.text
        low = _clean_name(text).lower()
        media = lex["media"].get(low) or (lex["media"].get(low[4:]) if low.startswith("the ") else None)
        mods = [t for t in _np_left_modifiers(ent.root, ent.start)]
        # include demonym / possessive country modifiers in the name ("Ukraine's General Staff")
        aff_mods = [t for t in mods if country_for(t.text)]
        aff = _affiliation_of(aff_mods) or _affiliation_of(list(ent))
        if media or ent.ent_id_ == "media":
            type_ = "media_outlet"
            if media and media[1] and not aff:
                aff = country_for(media[1]) or media[1]
        else:
            bt = _body_type(low)
            type_ = bt[1] if bt else ("government_body" if low in {"kremlin", "white house", "pentagon"} else "organization")
            if type_ in ("group", "person", "media_outlet"):
                type_ = "organization"
        start_tok = min([t.i for t in aff_mods] + [ent.start])
        if start_tok < ent.start and self.doc[start_tok].dep_ == "poss":
            pass
        name = _clean_name(self.doc[start_tok:ent.end].text)
        key = _clean_name(text).lower()
        for c in [country_for(w) for w in key.split()]:
            if c:
                key = " ".join(w for w in key.split() if not country_for(w))
                aff = aff or c
                break
        key = key or low
        idx = self._match_body(key, aff)
        if idx is None:
            idx = self._new(key, type_, name, aff)
        d = self.drafts[idx]
        if len(name) > len(d.name):
            d.name = name
        if aff and not d.affiliation:
            d.affiliation = aff
        self._add(idx, self.doc[start_tok].idx, ent.end_char, "name")
        for t in range(start_tok, ent.end):
            self.taken.add(t)

    def _match_body(self, key: str, aff: Optional[str], name: Optional[str] = None) -> Optional[int]:
        """The latest body draft with ``key`` and a compatible affiliation; two groups told apart
        by different capitalised qualifiers ("Swedish officials", "Western officials") are two."""
        quals = _qualifiers(name)
        for i in range(len(self.drafts) - 1, -1, -1):
            d = self.drafts[i]
            if d.type in ("person", "country") or d.key != key:
                continue
            other = _qualifiers(d.name)
            if quals and other and not quals & other:
                continue
            if aff is None or d.affiliation is None or d.affiliation == aff:
                if aff and d.affiliation is None:
                    d.affiliation = aff
                return i
        return None

    def country(self, ent) -> None:
        c = country_for(ent.text)
        if not c:
            return
        idx = None
        for i, d in enumerate(self.drafts):
            if d.type == "country" and d.key == c.lower():
                idx = i
                break
        if idx is None:
            idx = self._new(c.lower(), "country", c, c)
        self._add(idx, ent.start_char, ent.end_char, "name")
        for t in ent:
            self.taken.add(t.i)

    def noun_phrase(self, head) -> None:
        """A phrase headed by a body noun or a title ("the Russian military", "Ukrainian
        officials", "the acting commander of Russia's 810th Brigade")."""
        if head.i in self.taken or head.pos_ not in ("NOUN", "PROPN"):
            return
        lex = actor_lexicon()
        # the compound + head ("state media", "press service", "general staff")
        comp = [t for t in head.lefts if t.dep_ == "compound" and t.i == head.i - 1]
        phrase_toks = comp + [head]
        low = " ".join(t.text.lower() for t in phrase_toks)
        bt = _body_type(low)
        is_title = head.text.lower() in lex["titles"] and head.tag_ in ("NN", "NNS", "NNP")
        if not bt and not is_title:
            return
        if head.dep_ in ("compound", "poss") and not is_title:
            return
        if any(c.dep_ == "nummod" for c in head.children):
            return  # "11,000 troops" is a count, not an actor
        if is_title and any(a.ent_type_ == "PERSON" for a in list(head.ancestors)[:3]):
            return  # "President" in "President Vladimir Putin": a title of that person
        if is_title:
            # "Chief of the General Staff Valery Gerasimov", "the chief of staff, Gen. X": the title of X
            named = [t for t in _title_phrase(head) if t.ent_type_ == "PERSON" and t.i > head.i]
            if named:
                toks = [t for t in _title_phrase(head) if t.i < named[0].i and not (t.ent_type_ == "PERSON")]
                while toks and (toks[-1].is_punct or toks[-1].text.lower() in _DETS):
                    toks = toks[:-1]
                while toks and (toks[0].is_punct or toks[0].text.lower() in _DETS):
                    toks = toks[1:]
                lex_titles = actor_lexicon()["titles"]
                while len(toks) > 1 and (toks[-1].is_punct or toks[-1].text.lower() in lex_titles) and toks[-1].i > head.i:
                    toks = toks[:-1]  # "chief of the General Staff, Gen." -> "chief of the General Staff"
                if toks:
                    self.deferred_titles.append((toks[0].idx, toks[-1].idx + len(toks[-1].text), head.text.lower(),
                                                 named[0].i, _affiliation_of(toks)))
                return
        left = [t for t in head.subtree if t.i < head.i]
        cut = [k for k, t in enumerate(left) if "\n" in t.text or "\n" in t.whitespace_]
        if cut:
            left = left[cut[-1] + 1:]
        right = []
        # "officials in Kyiv", "the commander of Russia's 810th Brigade"
        for ch in head.rights:
            if ch.dep_ == "prep" and ch.text.lower() in tuple(_WORDS["attaching_prepositions"]):
                sub = list(ch.subtree)
                if len(sub) <= 8 and not any(t.dep_ in ("relcl", "acl") for t in sub):
                    right = sub
                break
        toks = left + [head] + right
        # trim leading punctuation / determiners from the span (keep "Russia's")
        while toks and (toks[0].is_punct or toks[0].text.lower() in _DETS):
            toks = toks[1:]
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        if not toks:
            return
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        aff = _affiliation_of([t for t in toks if t.i != head.i])
        name = _clean_name(self.text[start:end])
        has_det = any(t.dep_ == "det" and t.text.lower() == "the" for t in head.lefts)
        if is_title and not bt:
            type_ = "person"
            key = "title:" + head.text.lower()
        else:
            body_word, type_ = bt
            if type_ == "person":
                key = "title:" + head.text.lower()
            else:
                key = body_word
        weak = head.text.lower() in _WEAK_BODY_HEADS
        if (not is_title and len([t for t in toks if not t.is_punct]) == 1 and head.pos_ == "NOUN"
                and not _speaker_position(head)):
            return  # a bare generic noun ("took office"): not an actor unless it speaks
        bare = has_det and len([t for t in toks if not t.is_punct]) <= 2 and not aff  # "the military"
        if bare and not _speaker_position(head):
            return  # "in the campaign": a bare description that names no speaker
        self.pending.append((head, start, end, key, type_, name, aff, weak, bare, is_title or type_ == "person"))
        for t in toks:
            self.taken.add(t.i)

    # ------------------------------------------------------------------ resolution
    def recent(self, before: int, types, aff=None, title=None, subject_first=False, max_back=1500, strong_only=True,
               pronoun=None):
        """Index of the nearest actor (mention ending before ``before``) of one of ``types``.

        With ``subject_first`` (he/she): persons mentioned only inside quotations are skipped, and
        the nearest SPEAKER or main-clause subject (rank 0) wins over a subject inside reported
        content or an object (rank 1, used only when no rank-0 mention is in reach). Mentions
        are kept sorted by start, so one call walks back only over the ``max_back`` window."""
        best = None
        k = bisect_left(self.by_start, (before, -1, -1))
        while k > 0:
            k -= 1
            s, e, idx = self.by_start[k]
            if before - s > max_back + 200:
                break
            if e > before or before - e > max_back:
                continue
            d = self.drafts[idx]
            if d.type not in types or (strong_only and d.weak):
                continue
            if aff and d.affiliation and d.affiliation != aff:
                continue
            if title and title not in d.titles and not (d.key == "title:" + title):
                continue
            if pronoun and _gender_clash(d, pronoun):
                continue  # "she" never goes to a "Mr.", "he" never to a "Ms." or a "congresswoman"
            if subject_first:
                if self._in_quote(s):
                    continue
                if self._rank(s) > 0:
                    if best is None:
                        best = idx
                    continue
            return idx
        return best

    def _in_quote(self, pos: int) -> bool:
        k = bisect_left(self._qstarts, pos + 1) - 1
        return k >= 0 and self.quotes[k][0] < pos < self.quotes[k][1]

    def _rank(self, start: int) -> int:
        """0 for a speaker (subject of a reporting verb) or a main-clause subject outside any
        reported content; 1 otherwise (objects, subjects of clauses that are what someone said)."""
        if start in self._rank_cache:
            return self._rank_cache[start]
        r = 1
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None:
            tok = span[0]
            # climb from a title/first name to the head of the name ("Sen." -> "DeMint")
            for _ in range(3):
                if tok.dep_ in ("compound", "flat") and tok.head.i != tok.i and tok.head.i > tok.i:
                    tok = tok.head
                else:
                    break
            if tok.dep_ == "appos":
                tok = tok.head
            if tok.dep_ in ("nsubj", "nsubjpass"):
                verb = tok.head
                if verb.lemma_.lower() in cues()["verbs"]:
                    r = 0
                else:
                    r = 0
                    v = verb
                    for _ in range(6):  # inside the content of a reporting verb? then rank 1
                        if v.dep_ in ("ccomp", "xcomp", "parataxis") and v.head.lemma_.lower() in cues()["verbs"]:
                            r = 1
                            break
                        if v.head.i == v.i:
                            break
                        v = v.head
        self._rank_cache[start] = r
        return r

    def _is_subject(self, start: int) -> bool:
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            return False
        tok = span[0]
        for t in [tok] + list(tok.ancestors)[:2]:
            if t.dep_ in ("nsubj", "nsubjpass"):
                return True
        return False


_MALE = set(_WORDS["male"])
_FEMALE = set(_WORDS["female"])


def _gender_clash(d: "_Draft", pronoun: str) -> bool:
    """True when a person's honorifics or gendered titles contradict he/she."""
    words = set(d.titles)
    for m in d.mentions:
        words.update(w.lower() for w in m.text.split()[:3])
    if pronoun == "she":
        return bool(words & _MALE) and not words & _FEMALE
    if pronoun == "he":
        return bool(words & _FEMALE) and not words & _MALE
    return False


def _title_phrase(head):
    """The title noun with its complements and appositions, not relative clauses."""
    out = [head]
    for c in head.children:
        if c.dep_ in ("relcl", "acl", "advcl", "punct") and c.dep_ != "punct":
            continue
        if c.i > head.i or c.dep_ in ("compound", "amod", "poss", "det"):
            out.extend(c.subtree)
    return sorted(set(out), key=lambda t: t.i)


def _speaker_position(tok) -> bool:
    """True when ``tok`` is a subject, or the object of "according to" / "by" / "from"."""
    if tok.dep_ in ("nsubj", "nsubjpass", "appos"):
        return True
    if tok.dep_ == "pobj" and tok.head.text.lower() in ("to", "by", "from"):
        return True
    return False


def _is_cue_subject(tok) -> bool:
    verbs = cues()["verbs"]
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in verbs
