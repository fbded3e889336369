"""The channel a speaker speaks through, and channels read as their issuer.

In: the cue token of a finding (spaCy) and the findings' speakers of one article in text order.
Out: ``channel_of(cue_tok)`` -> the channel noun's lemma ("statement" for "said Sunday in a
statement", "interview" for "told ... in an interview") or None; ``channel_subject(tok)`` -> the
channel lemma when a speaker token is an anaphoric channel ("the statement said", "according to
its report"), else None; ``resolve_channel_speakers(speakers)`` replaces such channel speakers by
the issuer, the last speaker before it in the article that spoke through the same channel ("X
said in a statement"; none such: left as written, never guessed), and records the channel beside it (``Speaker.channel``). A channel is never the speaker.
Words: ``channel_nouns``, ``channel_preps``, ``channel_anaphors`` in ``data/en/cues.yaml``.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..data import load_yaml
from ..models import Speaker


@lru_cache(maxsize=1)
def _words() -> dict:
    raw = load_yaml("cues.yaml", "en")
    return {k: {w.lower() for w in raw.get(k) or []} for k in ("channel_nouns", "channel_preps", "channel_anaphors",
                                                               "findings_nouns", "issuer_nouns")}


_NEAR_CHARS = 300  # "the statement just before": a cue at most this many characters back (about two sentences)


def _channel_lemma(tok) -> Optional[str]:
    if tok is None or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return None
    for w in (tok.lower_, tok.lemma_.lower()):
        if w in _words()["channel_nouns"]:
            return tok.lemma_.lower() if tok.lemma_.lower() in _words()["channel_nouns"] else w
    return None


def channel_of(cue_tok) -> Optional[str]:
    """The channel of a reporting verb: the noun of an "in/during/on/via/through" phrase hanging
    from it ("said in a statement" -> "statement"); None when there is none."""
    if cue_tok is None:
        return None
    for prep in cue_tok.children:
        # "according to a report by X": X spoke through a report
        if prep.dep_ != "prep" or (prep.lower_ not in _words()["channel_preps"]
                                   and not (cue_tok.lower_ == "according" and prep.lower_ == "to")):
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                ch = _channel_lemma(pobj)
                if ch is not None:
                    return ch
    return None


def channel_subject(tok) -> Optional[str]:
    """The channel lemma when ``tok`` (a speaker head) is a channel referring back to its issuer:
    "the statement", "this report", "its statement", with no named owner ("a statement from X",
    "the ministry's statement" name their issuer and are not anaphoric)."""
    ch = _channel_lemma(tok)
    if ch is None:
        return None
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    if not dets or any(c.lower_ not in _words()["channel_anaphors"] for c in dets):
        return None
    if any(c.dep_ in ("compound", "nmod", "amod") and (c.ent_type_ or c.pos_ == "PROPN") for c in tok.children):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            # "a statement from X", "the report of the commission" name their issuer; "the review
            # of newly collected intelligence" says what it is about and stays anaphoric
            if any(p.ent_type_ or p.pos_ in ("PROPN", "PRON") or p.lower_ in _words()["issuer_nouns"]
                   for p in c.subtree if p.i != c.i):
                return None
    return ch


def resolve_channel_speakers(items: list) -> None:
    """``items``: ``[(start offset, Speaker or None, channel of its cue, channel of its subject)]``
    of one article. Sets ``channel`` on every speaker that spoke through one; a speaker that is an
    anaphoric channel becomes the last preceding issuer that spoke through the same channel
    (none: left as written). The mention span stays the channel phrase as written."""
    issuers: list = []  # (position, Speaker, channel)
    for pos, sp, cue_ch, subj_ch in sorted(items, key=lambda x: x[0]):
        if sp is None:
            continue
        if subj_ch is None:
            if cue_ch is not None and sp.channel is None:
                sp.channel = cue_ch
            if not sp.name.startswith("unidentified"):
                issuers.append((pos, sp, cue_ch))
            continue
        same = [x for x in issuers if x[0] < pos and x[2] == subj_ch]
        pick = same[-1] if same else None  # no body spoke through that channel before: not guessed
        sp.channel = subj_ch
        if pick is not None:
            src = pick[1]
            sp.name, sp.actor = src.name, src.actor
            sp.resolved = f"channel '{sp.text}' -> its issuer, the last speaker before it through a {subj_ch} '{src.name}'"
        elif subj_ch in _words()["findings_nouns"]:
            # "X reported, citing officials who reviewed new intelligence, that ... The intelligence
            # suggests ...": findings with no issuer of their own are the statement just before
            near = [x for x in issuers if 0 < pos - x[0] <= _NEAR_CHARS]
            if near:
                src = near[-1][1]
                sp.name, sp.actor = src.name, src.actor
                sp.resolved = f"findings '{sp.text}' -> the speaker of the statement just before it '{src.name}'"


def channel_clauses(cue_tok) -> list:
    """The "that" clauses the parser hung on the channel instead of the reporting verb: "said in a
    statement that the bridge would reopen" -> [reopen] (what was said, not a description of the
    statement); [] when there is none."""
    out = []
    if cue_tok is None:
        return out
    for prep in cue_tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in _words()["channel_preps"]:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or _channel_lemma(pobj) is None:
                continue
            for c in pobj.children:
                if c.dep_ in ("acl", "relcl", "ccomp") and c.pos_ in ("VERB", "AUX") and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                    out.append(c)
    return out
