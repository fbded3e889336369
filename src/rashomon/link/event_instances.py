"""Another incident of the same kind: an article whose lead says it tells of *another* X
("Another collapse involving ...", "it was a second Dutch drone") reports a different
incident than an earlier article whose lead names X, however many names, words and days the two
share. The event stage (``link/events.py``) takes such an article out of its event
(``split_other_instances``).

In: per article its lead text (title and first sentences), the words of its headline lines and
lead, and its publication day. Out: ``instance_nouns(lead)``, the folded words the lead says
there is one more of; ``another_instance(...)``, the word that sets a pair apart, or None.

The cue phrases and the words that end a noun phrase are in ``data/en/event_words.yaml``. A word
counts only when it is not a common function-like word (``info`` of at least
``events.instance_min_info``) and the other article's headline lines or lead name it; the other article
must be dated earlier (it told of the earlier incident) and its own lead must not say "another"
of the same word (then both tell of the later one).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..data import load_yaml
from ..settings import setting
from .term_info import info

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*")


@lru_cache(maxsize=1)
def _cue_regex() -> tuple[re.Pattern, frozenset]:
    data = load_yaml("event_words.yaml", "en")
    cues = sorted((str(c).lower() for c in data.get("another_instance") or []), key=len, reverse=True)
    stop = frozenset(str(w).lower() for w in data.get("phrase_stop") or [])
    alts = "|".join(r"\s+".join(map(re.escape, c.split())) for c in cues) or r"(?!x)x"
    # the cue, then up to four words of the noun phrase after it
    rx = re.compile(rf"\b(?:{alts})\s+((?:[A-Za-z][A-Za-z'\u2019\-]*[\s,]+){{0,3}}[A-Za-z][A-Za-z'\u2019\-]*)", re.I)
    return rx, stop


def fold_word(word: str) -> str:
    """Lower case, curly apostrophe straightened, a plural -s / -ies folded to the singular."""
    w = word.lower().replace("\u2019", "'")
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def words(text: str) -> set[str]:
    """The folded words of ``text`` (``fold_word``)."""
    return {fold_word(w) for w in _WORD.findall(text or "")}


def instance_nouns(lead: str) -> set[str]:
    """Folded words of the noun phrases that ``lead`` introduces with a cue of one more incident
    ("another Dutch surveillance drone" -> surveillance, drone), each phrase cut at the first
    function word ("another train of the operator" -> train); capitalised words (names) count only
    when the whole phrase is capitalised, as in a title-case headline."""
    rx, stop = _cue_regex()
    out: set[str] = set()
    for m in rx.finditer(lead or ""):
        phrase = []
        for w in _WORD.findall(m.group(1)):
            if fold_word(w) in stop:
                break
            phrase.append(w)
        # in running text a capitalised word is a name or its adjective ("another Corven Rail
        # train", "another Dutch drone"): what there is one more of is the common noun; a
        # headline in title case capitalises everything, so there every word counts
        common = [w for w in phrase if not w[0].isupper()]
        out |= {fold_word(w) for w in (common or phrase)}
    return out


def another_instance(nouns_a: set[str], nouns_b: set[str], head_words_b: set[str],
                     day_a: Optional[str], day_b: Optional[str]) -> Optional[str]:
    """The word by which article A ("another X" in its lead, ``nouns_a``) tells of a later
    incident than article B (headline words ``head_words_b``, its own cue nouns ``nouns_b``), or
    None. Both must be dated (ISO days ``day_a``, ``day_b``) and B earlier than A (a report of the
    same day may call the very incident it tells "another" in a series); the word must
    be in B's headline lines or lead, informative (``events.instance_min_info``) and not one B's lead
    also says "another" of."""
    if not nouns_a or not day_a or not day_b or day_b[:10] >= day_a[:10]:
        return None
    floor = setting("events.instance_min_info")
    hits = sorted((-info(w), w) for w in nouns_a & head_words_b if w not in nouns_b and info(w) >= floor)
    return hits[0][1] if hits else None  # the rarest word: "drone" rather than "dutch"


def lead_text(article, ann) -> str:
    """The article's title and its first ``events.instance_sentences`` sentences (the news lead:
    what the article reports happened), as one text."""
    spans = (ann.sentences if ann is not None and ann.sentences else [(0, min(len(article.text), 600))])
    parts = [article.title or ""] + [article.text[s:e] for s, e in spans[:setting("events.instance_sentences")]]
    return "\n".join(p for p in parts if p)


def split_other_instances(groups: list[list[int]], another, cued: Optional[set[int]] = None
                          ) -> tuple[list[list[int]], dict[int, tuple[str, list[int]]]]:
    """Take out of each group the articles that tell of another incident than an earlier member.

    In: ``groups`` (article indices) and ``another(i, j)``: the word by which article i tells of
    another incident than article j (``another_instance``), or None; ``cued``: the articles whose
    lead has a cue at all (only they are checked; None: all). Out: the groups after the
    split, and {article: (the word, the members of the group it left)} for each article taken
    out; the articles leaving one group form one group (they may tell of the same later
    incident). Done after the grouping, not as a cannot-link inside it, so that the earlier
    incident's reports stay together whichever of them the other article resembled most."""
    out: list[list[int]] = []
    left: dict[int, tuple[str, list[int]]] = {}
    for g in groups:
        gone = {}
        for i in g:
            if cued is not None and i not in cued:
                continue
            for j in g:
                if i != j and (w := another(i, j)):
                    gone[i] = w
                    break
        if not gone or len(gone) == len(g):
            out.append(g)
            continue
        stay = [i for i in g if i not in gone]
        out += [stay, sorted(gone)]
        left.update({i: (w, stay) for i, w in gone.items()})
    return out, left
