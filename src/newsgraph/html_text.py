"""A small, dependency-free HTML-to-text reduction for single article pages.

Good enough for ``newsgraph analyze page.html``: keeps the title and the text of block elements,
drops scripts, styles, navigation, headers, footers, forms and asides. Malformed HTML is accepted
(the stdlib parser is forgiving); boilerplate removal at corpus scale belongs to the ingest layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_SKIP = frozenset(
    "script style noscript nav header footer aside form button svg iframe template select".split()
)
_BLOCK = frozenset(
    "p div br li h1 h2 h3 h4 h5 h6 blockquote article section tr td th pre figcaption dd dt".split()
)
_VOID = frozenset("br hr img input meta link area base col embed source track wbr".split())
_HTML_START = re.compile(r"\A\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_TAGS = re.compile(r"</?(p|div|span|a|br|body|html|head|title)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class ExtractedHtml:
    """The visible article text and the document title."""

    text: str
    title: str | None


def looks_like_html(text: str) -> bool:
    """True for a full HTML page, or text dense with common HTML tags."""
    if _HTML_START.match(text[:2000]):
        return True
    return len(_TAGS.findall(text[:5000])) >= 5


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.title_parts: list[str] = []
        self.skip_depth = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip_depth:
            self.current.append(data)

    def _flush(self) -> None:
        block = " ".join("".join(self.current).split())
        if block:
            self.blocks.append(block)
        self.current = []

    def result(self) -> ExtractedHtml:
        self._flush()
        title = " ".join("".join(self.title_parts).split()) or None
        body = "\n\n".join(self.blocks)
        if title and not body.startswith(title):
            body = f"{title}\n\n{body}" if body else title
        return ExtractedHtml(body, title)


def extract_html(html: str) -> ExtractedHtml:
    """Title and paragraph text of an HTML page, paragraphs separated by blank lines."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return collector.result()
