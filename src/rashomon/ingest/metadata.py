"""Article metadata: what an input says about itself besides its body.

- ``Meta``: the fields ingestion may learn (title, outlet, url, published...) with where each came
  from; readers fill it from JSON fields, a ``NAME.meta.json`` sidecar, YAML front matter, HTML
  metadata or header lines, and ``Meta.apply(article)`` copies it onto an ``Article``.
- ``meta_from_mapping(d, source)``: the known keys of a dict (JSON article, sidecar, front matter).
- ``parse_front_matter(lines)``, ``parse_header_line(line)``, ``INLINE_DATE``: header syntax in
  plain text (``---`` YAML block; ``title: ...`` lines; `` date 2025-04-26 Body...``).
- ``normalize_date(value)``: an ISO date (``YYYY-MM-DD``) from a date, datetime or string, or None.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from typing import Any, Optional

import yaml

from ..models import Article

#: keys accepted in JSON articles, sidecars, front matter and header lines, and what they fill
KEY_ALIASES: dict[str, str] = {
    "title": "title", "headline": "title",
    "outlet": "outlet", "source": "outlet", "publisher": "outlet", "site": "outlet", "site_name": "outlet",
    "sitename": "outlet", "publication": "outlet",
    "url": "url", "link": "url", "canonical_url": "url",
    "published": "published", "date": "published", "published_at": "published", "publication_date": "published",
    "pubdate": "published", "datepublished": "published",
    "dek": "dek", "standfirst": "dek", "subtitle": "dek", "description": "dek",
    "id": "id",
}


@dataclass
class Meta:
    """Metadata found for one article; each ``*_source`` says where the value came from."""

    id: Optional[str] = None
    title: Optional[str] = None
    title_source: Optional[str] = None
    dek: Optional[str] = None
    outlet: Optional[str] = None
    outlet_source: Optional[str] = None
    outlet_evidence: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    published_source: Optional[str] = None
    published_reason: Optional[str] = None

    def merge(self, other: "Meta") -> "Meta":
        """Fill the fields still empty here from ``other`` (``self`` wins); return ``self``. The date
        goes with its source and reason (a reason saying why an unreadable date was refused is
        replaced when ``other`` brings a date)."""
        if self.published is None and other.published is not None:
            self.published, self.published_source, self.published_reason = (
                other.published, other.published_source, other.published_reason)
        for f in fields(self):
            if getattr(self, f.name) is None and getattr(other, f.name) is not None:
                setattr(self, f.name, getattr(other, f.name))
        return self

    def apply(self, article: Article) -> Article:
        """Copy the metadata onto ``article`` (fields other than ``id``) and return it."""
        for name in ("title", "title_source", "dek", "outlet", "outlet_source", "outlet_evidence", "url",
                     "published", "published_source", "published_reason"):
            value = getattr(self, name)
            if value is not None:
                setattr(article, name, value)
        return article


def normalize_date(value: Any) -> Optional[str]:
    """``YYYY-MM-DD`` for a date, datetime, ISO string or a written date (``April 26, 2025``,
    ``26/04/2025`` read day first); None when ``value`` holds no full date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    if not s:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    if not re.search(r"\d", s) or len(s) > 80:
        return None
    try:
        import dateparser

        d = dateparser.parse(s, settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
                                          "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False},
                             languages=["en"])
    except Exception:  # dateparser raises on odd input; a date we cannot read is unknown
        return None
    return d.date().isoformat() if d else None


def _text_value(v: Any) -> Optional[str]:
    if v is None or isinstance(v, (dict, list)):
        return None
    s = re.sub(r"\s+", " ", str(v)).strip()
    return s or None


def meta_from_mapping(d: dict, source: str, where: str) -> Meta:
    """The known keys of ``d`` (see ``KEY_ALIASES``) as ``Meta``; ``source`` is the value for the
    ``*_source`` fields ('metadata' or 'text'), ``where`` names the origin for reasons and
    evidence (e.g. 'sidecar a.meta.json')."""
    m = Meta()
    for key, value in d.items():
        field = KEY_ALIASES.get(str(key).strip().lower().replace("-", "_"))
        if field is None or getattr(m, field) is not None:
            continue
        if field == "published":
            iso = normalize_date(value)
            if iso:
                m.published, m.published_source = iso, source
                m.published_reason = f"{key!s} in {where}"
            elif _text_value(value) and m.published_reason is None:
                m.published_reason = f"{key!s} in {where} is {_text_value(value)[:60]!r}, which cannot be read as a date"
            continue
        text = _text_value(value)
        if text is None:
            continue
        setattr(m, field, text)
        if field == "title":
            m.title_source = source
        elif field == "outlet":
            m.outlet_source, m.outlet_evidence = source, f"{key}: {text} ({where})"
    return m


_FM_OPEN = re.compile(r"^---\s*$")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)\s*$")


def parse_front_matter(lines: list[str], max_lines: int = 80) -> Optional[tuple[dict, int]]:
    """YAML front matter at the top of ``lines``: a ``---`` line, YAML, a ``---`` (or ``...``)
    line. Returns ``(mapping, number of lines it spans)`` or None when there is none (or it is not
    a YAML mapping)."""
    if not lines or not _FM_OPEN.match(lines[0]):
        return None
    for k in range(1, min(len(lines), max_lines)):
        if _FM_CLOSE.match(lines[k]):
            try:
                data = yaml.safe_load("\n".join(lines[1:k]))
            except yaml.YAMLError:
                return None
            return (data, k + 1) if isinstance(data, dict) else None
    return None


#: a header line of its own: ``Title: ...``, ``Source: ...``, ``Published: ...``
HEADER_LINE = re.compile(
    r"^(?P<key>title|headline|source|outlet|publisher|site|url|link|published|date|updated|dek|standfirst)\s*:\s*(?P<value>\S.{0,300})$",
    re.IGNORECASE)

#: a date header that shares its line with the body: `` date 2025-04-26 The Kremlin said...``
INLINE_DATE = re.compile(
    r"\s*(?P<key>date|published|posted|updated)\s*:?\s+(?P<value>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)\b\s*",
    re.IGNORECASE)


def parse_header_line(line: str) -> Optional[tuple[str, str]]:
    """``(field, value)`` when ``line`` is a ``key: value`` header line naming a known field."""
    m = HEADER_LINE.match(line.strip())
    if not m:
        return None
    key = m["key"].lower()
    if key == "updated":
        key = "date"
    field = KEY_ALIASES.get(key)
    if field is None:
        return None
    if field == "url" and not re.match(r"https?://\S+$", m["value"].strip()):
        return None
    if field == "published" and not normalize_date(m["value"]):
        return None
    return field, m["value"].strip()
