"""HTML pages: main text and metadata through trafilatura.

``extract_html(html, url=None) -> HtmlExtract``: the main text (paragraphs one per line, as
trafilatura gives them, comments excluded) and the page's title, date, site name, URL and
description. Raises ``NoMainText`` when trafilatura finds no article text. trafilatura gives no
offsets into the markup, so the article's ``raw`` is this extracted text (see ``EXTRACTOR``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .metadata import Meta, normalize_date

from importlib.metadata import PackageNotFoundError, version as _version

try:  # the version is reported in SourceInfo.extractor
    TRAFILATURA_VERSION = _version("trafilatura")
except PackageNotFoundError:  # pragma: no cover - a source checkout without the package metadata
    TRAFILATURA_VERSION = "?"

#: what ``SourceInfo.extractor`` says for HTML inputs
EXTRACTOR = (f"trafilatura {TRAFILATURA_VERSION} main text + rashomon cleaner; "
             "raw = the extracted text before cleaning (offsets do not point into the HTML)")


class NoMainText(ValueError):
    """trafilatura found no main text in the page."""


@dataclass
class HtmlExtract:
    text: str
    meta: Meta


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML document or fragment."""
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or bool(
        re.match(r"<(?:head|body|article|div|p|meta|title|section|main|span|h[1-6])\b", head)) or (
        head.startswith("<") and bool(re.search(r"</(?:p|div|html|body|article)>", text[:200000].lower())))


def extract_html(html: str, url: Optional[str] = None) -> HtmlExtract:
    """Main text and metadata of ``html`` (see the module docstring)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=True, include_images=False)
    except Exception as e:  # trafilatura raises on some broken documents
        raise NoMainText(f"trafilatura could not parse the page: {type(e).__name__}: {e}") from e
    if doc is None:
        raise NoMainText("trafilatura found no main text in the page")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = d.get("text") or ""
    if not text.strip():
        raise NoMainText("trafilatura found no main text in the page")
    meta = Meta()
    title = (d.get("title") or "").strip()
    if title:
        meta.title, meta.title_source = title, "html"
    site = (d.get("sitename") or "").strip()
    if site:
        meta.outlet, meta.outlet_source = site, "html"
        meta.outlet_evidence = f"site name in the page metadata: {site}"
    iso = normalize_date(d.get("date"))
    if iso:
        meta.published, meta.published_source = iso, "metadata"
        meta.published_reason = "page metadata (trafilatura/htmldate)"
    page_url = (d.get("url") or "").strip()
    if page_url.startswith(("http://", "https://")):
        meta.url = page_url
    desc = (d.get("description") or "").strip()
    if desc:
        meta.dek = desc
    return HtmlExtract(text=text, meta=meta)
