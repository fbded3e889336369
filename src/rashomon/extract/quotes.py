"""Quote scanner: the spans of quoted text in an article.

In: the article text. Out: a list of ``(start, end)`` character spans, each running from an
opening quotation mark to its closing mark inclusive. Handles curly quotes (“…”), straight double
quotes (paired left to right). A quote never runs across a line break unless the next paragraph
opens with a quotation mark (the convention for a quote over several paragraphs: each paragraph
reopens it, only the last one closes it); an unclosed quote ends with its paragraph, guillemets («…») and low-high quotes („…“). A quote may span sentences.
Single quotes are ignored (too often apostrophes).
"""
from __future__ import annotations

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Return the quoted spans of ``text`` in order (see module docstring)."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPEN_CLOSE or ch == '"':
            close = _OPEN_CLOSE.get(ch, '"')
            j = i + 1
            end = None
            while j < n:
                c = text[j]
                if c == close or (ch == "“" and c == '"') or (ch == '"' and c == "”"):
                    end = j + 1
                    break
                if c == "\n":
                    # paragraph break: a quote that goes on reopens in the next paragraph
                    k = j
                    while k < n and text[k] in "\n \t":
                        k += 1
                    if k < n and text[k] in ("“", '"') and ch in ("“", '"'):
                        j = k + 1
                        continue
                    # the quote was never closed: it ends with its paragraph, never beyond
                    e = j
                    while e > i + 1 and text[e - 1] in " \t":
                        e -= 1
                    if len(text[i + 1:e].split()) >= 2:
                        end = e
                    break
                if c == "“" and ch == "“":
                    break  # a new opening mark: the previous quote was never closed
                j += 1
            if end is not None and end - i > 2:
                out.append((i, end))
                i = end
                continue
        i += 1
    return out
