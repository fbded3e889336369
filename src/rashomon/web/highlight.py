"""Article text cut into pieces for the claim page: ``segments(text, spans)`` -> a list of
``(piece, mark)`` where ``mark`` is the id of the span the piece belongs to, or None. The
template prints each piece escaped and wraps marked ones in ``<mark>``, so article text is never
markup. Overlapping spans: a piece inside two spans takes the one that started first."""
from __future__ import annotations

from typing import Optional


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, Optional[str]]]:
    """``spans``: ``(start, end, id)`` character offsets into ``text`` (out-of-range ones are clipped, empty ones dropped)."""
    spans = sorted((max(0, s), min(len(text), e), k) for s, e, k in spans if min(len(text), e) > max(0, s))
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[tuple[str, Optional[str]]] = []
    for a, b in zip(cuts, cuts[1:]):
        mark = next((k for s, e, k in spans if s <= a and b <= e), None)
        if out and out[-1][1] == mark and mark is None:
            out[-1] = (out[-1][0] + text[a:b], None)
        else:
            out.append((text[a:b], mark))
    return out
