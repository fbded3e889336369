"""Cleaning: from the decoded original to the article body, recording every removal.

``clean_text(raw, meta, headers=True, guess_title=True) -> Cleaned`` works on lines of the
normalised text (``rashomon.ingest.normalize``):

1. header metadata at the top (only with ``headers``): YAML front matter, ``key: value`` header
   lines, and a date header sharing its line with the body (`` date 2025-04-26 The ...``);
   removed with reason ``header`` and their values put in ``meta`` where it is still empty;
2. page furniture: every line matched by a rule of ``boilerplate.yaml`` (reason and rule id);
   a line repeating the line just before it (a doubled caption) goes with the same reason;
3. title and standfirst: a line equal to the metadata title is removed as ``title`` (first
   occurrence) or ``repeated_title``; without a metadata title (and with ``guess_title``), the
   first kept line becomes the title when it reads as a headline (``rashomon.ingest.headline``),
   and a following short line without a final period becomes the dek (reason ``dek``); a
   sentence-case first line with articles or auxiliaries and no final period is a dek, not a title;
4. the outlet, when ``meta`` has none: evidence in removed furniture ("donation to the X",
   "Follow X on Facebook", "(c) 2024 X", "Subscribe to X newsletter"); failing that, a wire
   dateline opening the body ("RIVERTON, March 3 (Reuters) -") or a removed byline naming the
   outlet after the writer ("By Jane Doe, Reuters"; not "By Jane Doe, Staff Writer");
5. the body: kept lines with runs of spaces collapsed, separated as in the original (one LF) or
   by a blank line where lines were removed or blank lines stood; hard-wrapped lines (a long line
   ending mid-sentence followed by a lower-case start) are joined with a space.

The result carries the offset map (``OffsetRun``s into ``raw``) and ``Removed`` records with raw
offsets. Content is never removed by a rule that does not match the whole line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..models import OffsetRun, Removed
from .headline import body_like, colon_headline, dek_like, headline_like, same_text, sentence_headline
from .metadata import INLINE_DATE, Meta, meta_from_mapping, normalize_date, parse_front_matter, parse_header_line
from .normalize import normalize_text
from .offsets import runs_from_origin
from .rules import Boilerplate, load_rules


@dataclass
class Line:
    """One line (or hard-wrapped lines joined) of the normalised text: ``pieces`` are
    ``(start, end)`` ranges of ``norm`` with surrounding spaces trimmed."""

    pieces: list[tuple[int, int]]
    text: str = ""
    reason: Optional[str] = None
    rule: Optional[str] = None

    @property
    def kept(self) -> bool:
        return self.reason is None and bool(self.text)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


@dataclass
class Cleaned:
    """What cleaning made of one text: body, offset map, removals and the metadata found."""

    text: str
    offsets: list[OffsetRun]
    removed: list[Removed] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)


_SPACES = re.compile(r" {2,}")


def _trim(norm: str, s: int, e: int) -> tuple[int, int]:
    while s < e and norm[s] == " ":
        s += 1
    while e > s and norm[e - 1] == " ":
        e -= 1
    return s, e


def _line_text(norm: str, line: Line) -> str:
    return _SPACES.sub(" ", " ".join(norm[s:e] for s, e in line.pieces)).strip()


def _split_lines(norm: str) -> list[Line]:
    lines, pos = [], 0
    for part in norm.split("\n"):
        s, e = _trim(norm, pos, pos + len(part))
        lines.append(Line(pieces=[(s, e)], text=_SPACES.sub(" ", norm[s:e])))
        pos += len(part) + 1
    return lines


def _join_hard_wraps(norm: str, lines: list[Line]) -> list[Line]:
    """Join a line ending mid-sentence (40+ characters, no final punctuation) with a following
    line that starts in lower case: the text was wrapped at a fixed width."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if (prev is not None and prev.text and line.text and len(prev.pieces[-1:]) and
                len(norm[prev.pieces[-1][0]:prev.pieces[-1][1]]) >= 40 and prev.text[-1] not in ".!?:;\"”’)" and
                line.text[0].islower()):
            prev.pieces.append(line.pieces[0])
            prev.text = _line_text(norm, prev)
            continue
        out.append(line)
    return out


def _remove(line: Line, reason: str, rule: str) -> None:
    line.reason, line.rule = reason, rule


def _headers(norm: str, lines: list[Line], meta: Meta) -> None:
    """Step 1: front matter, header lines and an inline date header at the top."""
    texts = [ln.text for ln in lines]
    fm = parse_front_matter(texts)
    i = 0
    if fm:
        data, n = fm
        meta.merge(meta_from_mapping(data, "metadata", "YAML front matter"))
        for ln in lines[:n]:
            _remove(ln, "header", "header.front_matter")
        i = n
    found = Meta()
    while i < len(lines):
        ln = lines[i]
        if not ln.text:
            i += 1
            continue
        kv = parse_header_line(ln.text)
        if not kv:
            break
        key, value = kv
        if getattr(found, key) is None:
            if key == "published":
                found.published, found.published_source = normalize_date(value), "text"
                found.published_reason = f"header line {ln.text!r}"
            else:
                setattr(found, key, value)
                if key == "title":
                    found.title_source = "text"
                elif key == "outlet":
                    found.outlet_source, found.outlet_evidence = "text", ln.text
        _remove(ln, "header", "header.line")
        i += 1
    while i < len(lines) and not lines[i].text:
        i += 1
    if i < len(lines):
        ln = lines[i]
        s, e = ln.pieces[0]
        m = INLINE_DATE.match(norm, s, e)
        iso = normalize_date(m["value"]) if m else None
        if m and iso and m.end() < e:
            header = Line(pieces=[_trim(norm, s, m.end())], text=norm[s:m.end()].strip(), reason="header", rule="header.inline_date")
            ln.pieces[0] = _trim(norm, m.end(), e)
            ln.text = _line_text(norm, ln)
            lines.insert(i, header)
            if found.published is None:
                found.published, found.published_source = iso, "text"
                found.published_reason = f"date header {header.text!r} at the top of the text"
    meta.merge(found)


_MD_HEADING = re.compile(r"#{1,6}[ \t]+")
_MD_ONLY_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|(?:[-*_][ \t]*){3,}|<!--.*-->")


def _markdown(norm: str, lines: list[Line]) -> list[Line]:
    """Markdown structure: a heading marker (``## ``) is cut off its line (reason ``markup``);
    lines holding only an image, a rule or an HTML comment are removed as ``markup``. Inline
    markup (emphasis, links) is left in the text."""
    out: list[Line] = []
    for ln in lines:
        if ln.reason or not ln.text:
            out.append(ln)
            continue
        s, e = ln.pieces[0]
        if _MD_ONLY_MARKUP.fullmatch(ln.text):
            _remove(ln, "markup", "markdown.markup_line")
        else:
            m = _MD_HEADING.match(norm, s, e)
            if m and m.end() < e:
                out.append(Line(pieces=[_trim(norm, s, m.end())], text=norm[s:m.end()].strip(), reason="markup",
                                rule="markdown.heading"))
                ln.pieces[0] = _trim(norm, m.end(), e)
                ln.text = _line_text(norm, ln)
        out.append(ln)
    return out


def _furniture(lines: list[Line], rules: Boilerplate) -> None:
    """Step 2: lines matched by a boilerplate rule; a line doubling the one before it."""
    prev: Optional[Line] = None
    for ln in lines:
        if not ln.text or ln.reason:
            if ln.text:
                prev = ln
            continue
        rule = rules.match_line(ln.text)
        if rule:
            _remove(ln, rule.reason, rule.id)
        elif prev is not None and prev.reason and prev.reason != "header" and ln.text == prev.text:
            _remove(ln, prev.reason, prev.rule or "repeated")
        prev = ln


def _title_and_dek(lines: list[Line], meta: Meta, guess_title: bool) -> None:
    """Step 3: title (metadata or first headline-like line), repeated titles, standfirst."""
    kept = [ln for ln in lines if ln.kept]
    if not kept:
        return
    first = kept[0]
    after: list[Line] = []
    if meta.title:
        if same_text(first.text, meta.title):
            _remove(first, "title", "title.metadata")
            after = kept[1:]
    elif guess_title:
        nxt = kept[1] if len(kept) > 1 else None
        if nxt is not None and (headline_like(first.text) or sentence_headline(first.text)
                                or (colon_headline(first.text) and body_like(nxt.text))):
            meta.title, meta.title_source = first.text, "text"
            _remove(first, "title", "title.first_line")
            after = kept[1:]
        elif dek_like(first.text) and nxt is not None and body_like(nxt.text) and meta.dek is None:
            meta.dek = first.text
            _remove(first, "dek", "dek.first_line")
    if meta.title:
        for ln in lines:
            if ln.kept and same_text(ln.text, meta.title):
                _remove(ln, "repeated_title", "title.repeated")
        after = [ln for ln in after if ln.kept]
        if after:
            cand = after[0]
            if meta.dek and same_text(cand.text, meta.dek) and dek_like(cand.text):
                _remove(cand, "dek", "dek.metadata")
            elif guess_title and meta.dek is None and dek_like(cand.text) and not headline_like(cand.text) and len(after) > 1:
                meta.dek = cand.text
                _remove(cand, "dek", "dek.after_title")


def _outlet(lines: list[Line], rules: Boilerplate, meta: Meta) -> None:
    """Step 4: the outlet named in removed furniture, with the sentence that names it; failing
    that, in a wire dateline or a byline (``_outlet_dateline_or_byline``)."""
    if meta.outlet:
        return
    for ln in lines:
        if ln.reason not in rules.outlet_reasons:
            continue
        for rule in rules.outlet_rules:
            for m in rule.regex.finditer(ln.text):
                name = re.sub(r"(?:[’']s)?[\s.,;:’']*$", "", m["outlet"]).strip()
                if not name or name.lower() in rules.outlet_stoplist or len(name) < 2:
                    continue
                cut = max(ln.text.rfind(". ", 0, m.start()), ln.text.rfind(": ", 0, m.start()))
                start = cut + 2 if cut >= 0 else 0
                meta.outlet, meta.outlet_source = name, "text"
                meta.outlet_evidence = ln.text[start:m.end("outlet")].strip()
                return
    _outlet_dateline_or_byline(lines, rules, meta)


_BYLINE_HEAD = re.compile(r"(?:By|BY|by)\s+(?P<rest>.+)")
_BYLINE_SEP = re.compile(r"\s*(?:[,|•·]|\s[–—-])\s*")


def _dateline_regex(rules: Boilerplate) -> Optional[re.Pattern]:
    if not rules.wire_agencies:
        return None
    agencies = "|".join(re.escape(a) for a in rules.wire_agencies)
    # a place in capitals (maybe with a region), maybe a date, then the agency in brackets and a dash
    return re.compile(r"(?P<dateline>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?"
                      r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\((?P<outlet>" + agencies + r")\))\s*(?:[-–—:]|--)")


def _outlet_dateline_or_byline(lines: list[Line], rules: Boilerplate, meta: Meta) -> None:
    """The agency of a wire dateline opening the first kept line, else the outlet a removed
    byline names after its last separator (a wire agency, or words holding a media word and no
    byline role)."""
    rx = _dateline_regex(rules)
    first = next((ln for ln in lines if ln.kept), None)
    if rx is not None and first is not None:
        m = rx.match(first.text)
        if m:
            meta.outlet, meta.outlet_source, meta.outlet_evidence = m["outlet"], "text", m["dateline"].strip()
            return
    agencies = {a.lower(): a for a in rules.wire_agencies}
    for ln in lines:
        if ln.reason != "byline":
            continue
        head = _BYLINE_HEAD.fullmatch(ln.text.strip())
        if not head:
            continue
        parts = _BYLINE_SEP.split(head["rest"])
        if len(parts) < 2:
            continue
        name = re.sub(r"[\s.,;:]+$", "", parts[-1]).strip()
        words = re.findall(r"[\w’'&-]+", name)
        if not words or len(words) > 6 or name.lower() in rules.outlet_stoplist:
            continue
        lowered = {w.lower() for w in words}
        if name.lower() in agencies:
            name = agencies[name.lower()]
        elif not (lowered & rules.media_words) or (lowered & rules.byline_roles) or not name[0].isupper():
            continue
        meta.outlet, meta.outlet_source, meta.outlet_evidence = name, "text", ln.text.strip()
        return


def _removed_record(raw: str, origin: list[int], line: Line) -> Removed:
    idx = [origin[k] for s, e in line.pieces for k in range(s, e) if origin[k] >= 0]
    if not idx:
        return Removed(text=line.text, reason=line.reason, rule=line.rule)
    rs, re_ = idx[0], idx[-1] + 1
    return Removed(text=raw[rs:re_], reason=line.reason, rule=line.rule, raw_start=rs, raw_end=re_)


def _body(norm: str, origin: list[int], lines: list[Line]) -> tuple[str, list[int]]:
    """Step 5: the kept lines with their origins; separators as described in the docstring."""
    chars: list[str] = []
    orig: list[int] = []
    prev: Optional[Line] = None
    gap_removed = False
    for ln in lines:
        if not ln.kept:
            gap_removed = gap_removed or ln.reason is not None
            continue
        if prev is not None:
            gap = norm[prev.end:ln.start]
            if not gap_removed and gap.count("\n") == 1:
                nl = prev.end + gap.index("\n")
                chars.append("\n")
                orig.append(origin[nl])
            else:
                chars.extend("\n\n")
                orig.extend((-1, -1))
        for n_piece, (s, e) in enumerate(ln.pieces):
            if n_piece:
                chars.append(" ")
                orig.append(-1)
            for k in range(s, e):
                ch = norm[k]
                if ch == " " and chars and chars[-1] == " ":
                    continue
                chars.append(ch)
                orig.append(origin[k])
        prev, gap_removed = ln, False
    return "".join(chars), orig


def clean_text(raw: str, meta: Optional[Meta] = None, *, headers: bool = True, guess_title: bool = True,
               markdown: bool = False, rules: Optional[Boilerplate] = None) -> Cleaned:
    """Clean ``raw`` (the decoded original) as the module docstring says. ``meta`` holds what is
    already known (metadata wins over what the text says) and is filled in place. ``markdown``
    strips heading markers and markup-only lines first."""
    meta = meta if meta is not None else Meta()
    rules = rules or load_rules()
    norm, origin = normalize_text(raw)
    lines = _join_hard_wraps(norm, _split_lines(norm))
    if headers:
        _headers(norm, lines, meta)
    if markdown:
        lines = _markdown(norm, lines)
    _furniture(lines, rules)
    _title_and_dek(lines, meta, guess_title)
    _outlet(lines, rules, meta)
    text, orig = _body(norm, origin, lines)
    removed = [_removed_record(raw, origin, ln) for ln in lines if ln.reason is not None and ln.text]
    return Cleaned(text=text, offsets=runs_from_origin(orig), removed=removed, meta=meta)
