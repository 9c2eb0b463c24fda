"""News pages to article records: boilerplate removal and metadata with trafilatura, offline.

A crawled page is mostly navigation, teasers, cookie banners and footers; analysing all of it
would invent events from "Most read" boxes. trafilatura keeps the article body and reads the
metadata publishers put in the page (OpenGraph, JSON-LD, ``<meta>``): title, date, author and
site name. Nothing here touches the network: trafilatura is given the HTML, never a URL to fetch.

When trafilatura finds no article (a very short page, an unusual layout) the page falls back to
newsgraph's small block-text extractor, so a page is never dropped only for being odd.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import trafilatura

from newsgraph.html_text import extract_html
from newsgraph.inputs import english_ratio

_LANG = re.compile(r"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_CANONICAL = re.compile(
    r"<link[^>]+rel\s*=\s*[\"']canonical[\"'][^>]*href\s*=\s*[\"']([^\"']+)", re.IGNORECASE
)
_OG_URL = re.compile(
    r"<meta[^>]+property\s*=\s*[\"']og:url[\"'][^>]*content\s*=\s*[\"']([^\"']+)", re.IGNORECASE
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class HtmlArticle:
    """An article extracted from a page: its text and the metadata found."""

    text: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    language: str | None = None
    url: str | None = None
    extractor: str = "trafilatura"

    def record(self) -> dict[str, Any]:
        """The article as an ingest record (``html`` false: the text is already extracted)."""
        return {
            "text": self.text,
            "title": self.title,
            "published": self.published,
            "authors": list(self.authors),
            "outlet": self.outlet,
            "url": self.url,
            "language": self.language,
            "html": False,
        }


def _outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _language(html: str, text: str) -> str | None:
    """The page's declared language, else a guess from English function words."""
    declared = _LANG.search(html[:5000])
    if declared:
        return declared.group(1).lower()
    ratio, words = english_ratio(text)
    if words < 20:
        return None
    return "en" if ratio >= 0.08 else "und"


def _authors(value: str | None) -> list[str]:
    if not value:
        return []
    parts = re.split(r"\s*(?:;|\band\b|,|\|)\s*", value)
    return [p for p in (" ".join(part.split()) for part in parts) if p]


def extract_article(html: str, url: str | None = None) -> HtmlArticle | None:
    """Body text and metadata of a news page, or None when the page has no text at all.

    ``url`` (where the page came from) helps trafilatura's date and site-name guesses; the
    page's own canonical URL (``<link rel=canonical>`` or ``og:url``) wins over it.
    """
    page_url = url
    for pattern in (_CANONICAL, _OG_URL):
        found = pattern.search(html[:20000])
        if found and found.group(1).startswith(("http://", "https://")):
            page_url = found.group(1)
            break
    document = trafilatura.bare_extraction(
        html,
        url=page_url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
    )
    meta: dict[str, Any] = {}
    text = ""
    if document is not None:
        meta = document if isinstance(document, dict) else document.as_dict()
        text = str(meta.get("text") or "")
    extractor = "trafilatura"
    if not text.strip():
        fallback = extract_html(html)
        text, extractor = fallback.text, "newsgraph.html_text"
        meta.setdefault("title", fallback.title)
    if not text.strip():
        return None
    # trafilatura separates paragraphs with one newline; a blank line is the corpus convention.
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    date = meta.get("date")
    return HtmlArticle(
        text=text,
        title=meta.get("title") or None,
        published=date if isinstance(date, str) and _DATE.match(date) else None,
        authors=_authors(meta.get("author")),
        outlet=meta.get("sitename") or _outlet_from_url(page_url),
        language=_language(html, text),
        url=page_url,
        extractor=extractor,
    )
