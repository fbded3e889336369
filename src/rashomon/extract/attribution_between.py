"""A sentence of quoted words between two statements of one speaker is that speaker's.

News prose paraphrases a source over several sentences, quoting words of it, and names the source
only in the sentences around: ``“The imagery was clear,” the official said. The equipment was
“inconsistent” with a weather balloon, as it had “multiple antennas”. The panels were large
enough to power it, the official noted.`` The middle sentence has no cue of its own; its quoted
words and the same speaker on both sides say whose they are.

In: the parsed ``doc``, the article text and id, its quote spans and the attributions found so far.
Out: ``between_statements`` returns new ``Attribution`` records (no cue, kind "mixed", content: the
sentence, speaker: the speaker of the statements around it, implicit, ``resolved`` saying why).

A sentence is taken when all of these hold: no statement's cue or content lies in it; it holds a
quotation of its own (``_MIN_QUOTED`` words or more, not all capitalised: "the “Safe Streets Act”"
is a name) that no statement holds; the sentence right
before it and the sentence right after it (across at most one paragraph break each) hold
statements; and the statement before and the one after have the same speaker (same actor, or the
same name when neither has an actor). Quoted words between two different speakers, or after the
last statement, stay the outlet's narration.
"""
from __future__ import annotations

import re
from typing import Optional

from ..ids import span_id
from ..models import Attribution, Span
from .attribution_spans import _trim
from .segment import is_furniture, line_sentences

_MIN_QUOTED = 1  # a quoted word is enough: the speakers on both sides say whose it is


def _a_name(quoted: str) -> bool:
    """True when quoted words are all capitalised: a name or a title ("the “Safe Streets Act”"),
    not words someone said."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", quoted)]
    return bool(words) and all(w[0].isupper() for w in words)


def _same_speaker(a: Attribution, b: Attribution) -> bool:
    sa, sb = a.speaker, b.speaker
    if sa is None or sb is None or sa.name.startswith("unidentified") or sb.name.startswith("unidentified"):
        return False
    if sa.actor is not None or sb.actor is not None:
        return sa.actor == sb.actor
    return sa.name.lower() == sb.name.lower()


def _statements_in(atts: list[Attribution], s: int, e: int) -> list[Attribution]:
    return [a for a in atts if any(c.start < e and s < c.end for c in a.content)
            or (a.cue_start is not None and s <= a.cue_start < e)]


def between_statements(doc, text: str, article: str, quotes: list[tuple[int, int]], atts: list[Attribution],
                       taken: Optional[set] = None) -> list[Attribution]:
    """New attributions for quoting sentences between two statements of one speaker (see module
    docstring); ``quotes`` are the article's quotation spans, ``taken`` the ids in use."""
    taken = set(a.id for a in atts) if taken is None else taken
    sents = [s for s in line_sentences(doc) if not is_furniture(s)]
    held = [(s, e) for s, e in quotes if _statements_in(atts, s, e)]
    out = []
    for i in range(1, len(sents) - 1):
        s, e = sents[i].start_char, sents[i].end_char
        if _statements_in(atts, s, e):
            continue
        own = [(qs, qe) for qs, qe in quotes if s <= qs and qe <= e and (qs, qe) not in held
               and len(text[qs:qe].split()) >= _MIN_QUOTED and not _a_name(text[qs:qe])]
        if not own:
            continue
        ps, ns = sents[i - 1], sents[i + 1]
        if text[ps.end_char:s].count("\n") > 2 or text[e:ns.start_char].count("\n") > 2:
            continue
        before = _statements_in(atts, ps.start_char, ps.end_char)
        after = _statements_in(atts, ns.start_char, ns.end_char)
        if not before or not after:
            continue
        prev = max(before, key=lambda a: max(c.end for c in a.content))
        nxt = min(after, key=lambda a: min(c.start for c in a.content))
        if not _same_speaker(prev, nxt):
            continue
        cs, ce = _trim(text, s, e)
        sp = prev.speaker.model_copy()
        sp.start = sp.end = sp.text = None  # implicit: named in the sentences around, not in this one
        sp.resolved = f"quoted words between two statements of '{sp.name}'"
        out.append(Attribution(
            id=span_id("at", article, cs, ce, taken), article=article, speaker=sp, cue=None,
            content=[Span(article=article, start=cs, end=ce, text=text[cs:ce])], kind="mixed",
            chain=[c.model_copy() for c in prev.chain]))
    return out
