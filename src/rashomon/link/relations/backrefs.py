"""Agent claims whose event is only a generic back-reference, and the claim they point back to.

In: the ``ClaimView`` list of ``relations.context`` and each claim's agent mentions
(``slots.agent_mentions``). Out: ``event_antecedents`` -> claim id -> the ``ClaimView`` of the
claim its article reports just before it (within ``relations.anaphor_max_chars`` characters,
the reach of other back-references), for claims whose agent mention names its event only by a
generic word ("no foreign nationals were involved in the incident": ``backrefs`` of
``data/en/conflict_slots.yaml``). Such a short claim says little in its own words, so its
embedding is far from the claims that name the event; the agent signal reads the event from the
antecedent instead (``slots.agent_findings``: the topic similarity and the shared topic word
may come from it).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .context import ClaimView
from .lexicon import tokens
from ...settings import setting

@lru_cache(maxsize=1)
def _clause() -> re.Pattern:
    """Where the predicate's clause ends: punctuation or a clause word (``agent.clause_ends``)."""
    from .slots import slot_words

    ends = "|".join(re.escape(w) for w in slot_words()["agent"]["clause_ends"])
    return re.compile(rf"[.;:!?,()]|\s(?:{ends})\s")


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset, frozenset]:
    from .slots import slot_words

    spec = slot_words()["backrefs"]
    return (frozenset(w.lower() for w in spec["generic_events"]), frozenset(w.lower() for w in spec["generic_fillers"]))


def generic_event(text: str, end: int) -> bool:
    """The words after a predicate that ends at ``end``, up to the end of its clause, name the
    event only by generic words ("in the incident", "it"), and name it at all."""
    rest = _clause().split(text[end:].replace("”", " ").replace("“", " ").replace('"', " "), maxsplit=1)[0]
    events, fillers = _words()
    words = tokens(rest)
    return bool(words) and any(w in events for w in words) and all(w in events or w in fillers for w in words)


def _antecedent(v: ClaimView, same_article: list[ClaimView]) -> Optional[ClaimView]:
    """The claim reported last before ``v`` in its article (not overlapping it, another cluster),
    at most ``relations.anaphor_max_chars`` characters back; None when there is none."""
    reach = setting("relations.anaphor_max_chars")
    prev = [u for u in same_article if u.claim.end <= v.claim.start and v.claim.start - u.claim.end <= reach
            and u.cluster != v.cluster]
    return max(prev, key=lambda u: (u.claim.end, -u.claim.start)) if prev else None


def event_antecedents(views: list[ClaimView], mentions: dict) -> dict[str, ClaimView]:
    """Claim id -> its antecedent, for the claims with an agent mention (``mentions``: claim id ->
    ``AgentMention`` list) whose event is a generic back-reference."""
    by_article: dict[str, list[ClaimView]] = {}
    for v in views:
        by_article.setdefault(v.claim.article, []).append(v)
    out = {}
    for v in views:
        if any(generic_event(v.text, m.end) for m in mentions.get(v.claim.id, [])):
            a = _antecedent(v, by_article[v.claim.article])
            if a is not None:
                out[v.claim.id] = a
    return out
