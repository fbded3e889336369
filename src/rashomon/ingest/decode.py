"""Bytes to text, robustly.

``decode_bytes(data) -> Decoded(text, encoding, bom)`` tries, in order:

1. a byte-order mark (UTF-32 LE/BE, UTF-8, UTF-16 LE/BE): the BOM is stripped, ``bom`` is its
   length in bytes, ``encoding`` the codec of the rest;
2. UTF-16 without a BOM when NUL bytes fall regularly on odd (LE) or even (BE) positions (other
   content with NUL bytes is binary);
3. strict UTF-8;
4. charset-normalizer's guesses for legacy encodings (cp1251, latin-1, Shift-JIS, ...), best
   first, taking the first whose decoding encodes back to the same bytes.

Content that is not text raises ``DecodeError`` with a code: ``empty`` (no bytes, or only
whitespace), ``binary`` (NUL bytes, or more than 10% control characters after decoding),
``undecodable`` (no encoding fits). ``text`` is the decoded original, untouched: CRLF and every
Unicode oddity are kept (normalisation is ``rashomon.ingest.normalize``'s job), so
``text.encode(encoding)`` with the BOM in front gives the original bytes back.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: a decoded text with more than this share of control characters (other than tab, newline,
#: carriage return and form feed) is taken as binary.
CONTROL_RATIO = 0.10
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\x0b"}


class DecodeError(ValueError):
    """Raised when bytes are not readable text; ``code`` is empty | binary | undecodable."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Decoded:
    """The decoded original: ``text`` (nothing normalised), the Python codec of the bytes after
    the BOM, and the BOM length in bytes (0 when none)."""

    text: str
    encoding: str
    bom: int = 0


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    n = sum(1 for ch in text if (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0) and ch not in _ALLOWED_CONTROLS)
    return n / len(text)


def _check_text(text: str, encoding: str, bom: int) -> Decoded:
    if "\x00" in text:
        raise DecodeError("binary", f"content has NUL characters after decoding as {encoding}: not text")
    if _control_ratio(text) > CONTROL_RATIO:
        raise DecodeError("binary", f"more than {CONTROL_RATIO:.0%} control characters: not text")
    if not text.strip():
        raise DecodeError("empty", "no text (only whitespace)")
    return Decoded(text=text, encoding=encoding, bom=bom)


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 codec when NUL bytes sit on one parity (ASCII-heavy UTF-16), else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    odd = data[1::2].count(0)
    even = data[0::2].count(0)
    half = len(data) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` (see the module docstring); raise ``DecodeError`` when it is not text."""
    if not data or not data.strip():
        raise DecodeError("empty", "the input is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as e:
                raise DecodeError("undecodable", f"byte-order mark says {enc}, but byte {e.start + len(bom)} is not valid {enc}") from e
            return _check_text(text, enc, len(bom))
    if b"\x00" in data:
        enc = _utf16_without_bom(data)
        if enc:
            try:
                return _check_text(data.decode(enc), enc, 0)
            except UnicodeDecodeError:
                pass
        raise DecodeError("binary", "content has NUL bytes and is not UTF-16: not text")
    try:
        return _check_text(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    for match in from_bytes(data):
        try:
            enc = codecs.lookup(match.encoding).name
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):  # pragma: no cover - charset-normalizer checked it
            continue
        if text.encode(enc) == data:  # a codec that maps two bytes to one character loses offsets
            return _check_text(text, enc, 0)
    raise DecodeError("undecodable", "not UTF-8, and no legacy encoding fits the bytes")
