"""Stable, content-derived record ids.

A per-article record is named by its kind, its article and the character offsets of its evidence
in the cleaned text: ``c:<article>:<start>-<end>`` (a claim), ``at:`` (an attribution, at its
first content span), ``a:`` (an actor, at its first mention), ``q:`` (a quantity), ``t:`` (a
time expression). The id depends on nothing but the article's id and text, so the same article
gets the same ids analysed alone, in any batch and in any order. Two records of one kind on the
same span are told apart by a suffix in the order the extractor makes them (``~2``, ``~3``...),
which depends only on the article.

In: kind prefix, article id, offsets, and the ids already given in this article.
Out: the id (added to ``taken``).
"""
from __future__ import annotations


def span_id(prefix: str, article: str, start: int, end: int, taken: set[str]) -> str:
    """``<prefix>:<article>:<start>-<end>``, with ``~<k>`` appended when that id is taken."""
    base = f"{prefix}:{article}:{start}-{end}"
    rid, k = base, 2
    while rid in taken:
        rid = f"{base}~{k}"
        k += 1
    taken.add(rid)
    return rid
