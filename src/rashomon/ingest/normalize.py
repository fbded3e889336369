"""Unicode normalisation of the decoded original, keeping where every character came from.

``normalize_text(raw) -> (norm, origin)``: ``norm`` is the normalised text and ``origin[i]`` the
index in ``raw`` of ``norm[i]``, or ``-1`` for a character that has no single original (a
composed NFC character). The documented normalisation (all of it):

- CRLF and lone CR become LF; U+2028, U+2029 and NEL (U+0085) become LF;
- tab, vertical tab, form feed, NBSP and every other Unicode space separator (category Zs)
  become an ASCII space;
- zero-width and other format characters (category Cf: ZWSP, ZWJ, ZWNJ, word joiner, BOM, soft
  hyphen, bidi marks) and control characters (Cc, except LF) are removed;
- the result is NFC; characters that NFC composes from several originals get origin ``-1``;
- curly quotes, dashes and every other character are KEPT as they are.

``fold_char(ch)`` is the per-character part: for every ``i`` with ``origin[i] >= 0``,
``norm[i] == fold_char(raw[origin[i]])``.
"""
from __future__ import annotations

import unicodedata

_NEWLINES = {"\n", "\r", "\u2028", "\u2029", "\x85"}


def fold_char(ch: str) -> str:
    """The one-character normalisation: LF for line breaks, a space for space variants, ``""``
    for characters that are removed, the character itself otherwise."""
    if ch in _NEWLINES:
        return "\n"
    if ch in "\t\x0b\x0c":
        return " "
    cat = unicodedata.category(ch)
    if cat == "Zs":
        return " "
    if cat in ("Cf", "Cc", "Cs"):
        return ""
    return ch


def _fold(raw: str) -> tuple[list[str], list[int]]:
    chars: list[str] = []
    origin: list[int] = []
    n = len(raw)
    i = 0
    while i < n:
        ch = raw[i]
        if ch == "\r" and i + 1 < n and raw[i + 1] == "\n":
            i += 1  # CRLF: keep the LF, drop the CR
            continue
        f = fold_char(ch)
        if f:
            chars.append(f)
            origin.append(i)
        i += 1
    return chars, origin


def _starter(ch: str) -> bool:
    """True for a character that NFC never composes with what precedes it."""
    if unicodedata.combining(ch):
        return False
    o = ord(ch)
    if 0x1160 <= o <= 0x11FF or 0xD7B0 <= o <= 0xD7FF:  # Hangul vowel/trailing jamo
        return False
    return unicodedata.category(ch)[0] != "M"


def _nfc(chars: list[str], origin: list[int]) -> tuple[str, list[int]]:
    text = "".join(chars)
    if unicodedata.is_normalized("NFC", text):
        return text, origin
    out: list[str] = []
    out_origin: list[int] = []
    i, n = 0, len(chars)
    while i < n:
        j = i + 1
        while j < n and not _starter(chars[j]):
            j += 1
        seg = "".join(chars[i:j])
        nfc = unicodedata.normalize("NFC", seg)
        if nfc == seg:
            out.extend(chars[i:j])
            out_origin.extend(origin[i:j])
        else:
            out.extend(nfc)
            out_origin.extend([-1] * len(nfc))
        i = j
    text = "".join(out)
    if not unicodedata.is_normalized("NFC", text):  # exotic sequences: normalise the whole, no origins
        text = unicodedata.normalize("NFC", text)
        return text, [-1] * len(text)
    return text, out_origin


def normalize_text(raw: str) -> tuple[str, list[int]]:
    """Normalise ``raw`` as the module docstring says; return ``(norm, origin)``."""
    chars, origin = _fold(raw)
    return _nfc(chars, origin)
