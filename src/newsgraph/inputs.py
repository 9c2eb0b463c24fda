"""Turning what a user hands us (bytes, a string, a JSON record) into an :class:`Article`.

Bad input must give a clear, coded, one-line reason and never a traceback: this module is where
empty, binary, oversized, mis-encoded, HTML and non-English inputs are told apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from newsgraph.errors import (
    W_DECODED_FALLBACK,
    W_HTML_EXTRACTED,
    W_NOT_ENGLISH,
    BadRecordError,
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputTooLargeError,
)
from newsgraph.html_text import extract_html, looks_like_html
from newsgraph.normalize import NormalizedText, normalize
from newsgraph.record import Article

# Closed-class English words: common in any English prose, rare in other languages' text.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for it as was with be by on not he she they this are at from "
    "his her an which or have has had were but been their its said will would there who".split()
)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass
class PreparedInput:
    """An article ready for the pipeline: metadata, normalised text and any input warnings."""

    article: Article
    normalized: NormalizedText
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, list[str]]:
    """Decode file contents, refusing binary data and falling back loudly on bad UTF-8.

    UTF-8 (with or without BOM) is tried first; news archives often hold Windows-1252 text, so
    that is the fallback, reported as warning NG101. ``encoding`` forces one codec.
    """
    if not data:
        raise EmptyInputError("input is empty (0 bytes)")
    if _is_binary(data):
        raise BinaryInputError("input looks binary (NUL or control bytes), not text or HTML")
    if encoding is not None:
        try:
            return data.decode(encoding), []
        except (UnicodeDecodeError, LookupError) as exc:
            raise DecodeError(f"cannot decode input as {encoding}: {exc}") from exc
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        position = exc.start
    try:
        text = data.decode("cp1252")
        how = "as Windows-1252"
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        how = "as UTF-8 with replacement characters"
    warning = f"{W_DECODED_FALLBACK} input is not valid UTF-8 (byte {position}); decoded {how}"
    return text, [warning]


def _is_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def english_ratio(text: str, limit: int = 2000) -> tuple[float, int]:
    """Share of English function words among the first ``limit`` words, and the word count."""
    words = _WORD.findall(text[: limit * 12].lower())[:limit]
    if not words:
        return 0.0, 0
    hits = sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS)
    return hits / len(words), len(words)


def article_id(text: str, url: str | None) -> str:
    """Stable id: a hash of the URL and the normalised text (same article → same id)."""
    digest = hashlib.sha256(f"{url or ''}\n{text}".encode()).hexdigest()
    return f"ng:{digest[:20]}"


def parse_published(value: Any) -> str | None:
    """An ISO date or datetime string, validated; ``None`` stays ``None``."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadRecordError(f"'published' must be an ISO 8601 string, got {type(value).__name__}")
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat()
        return dt.datetime.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise BadRecordError(f"'published' is not an ISO 8601 date: {value!r}") from exc


def prepare(
    text: str,
    *,
    settings: dict[str, Any],
    id: str | None = None,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    authors: list[str] | None = None,
    html: bool | None = None,
    input_warnings: list[str] | None = None,
) -> PreparedInput:
    """Validate and normalise one article.

    ``html=None`` sniffs the text; HTML is reduced to its title and body text first, and the
    Analysis's offsets then index that extracted text (warning NG104 says so).
    ``input_warnings`` from reading the input (decoding) are kept.
    """
    warnings = list(input_warnings or [])
    if not isinstance(text, str):
        raise BadRecordError(f"'text' must be a string, got {type(text).__name__}")
    if html or (html is None and looks_like_html(text)):
        extracted = extract_html(text)
        text = extracted.text
        title = title or extracted.title
        warnings.append(f"{W_HTML_EXTRACTED} input was HTML; offsets index the extracted text")
    if not text.strip():
        raise EmptyInputError("input has no text (empty or only whitespace)")
    max_chars = int(settings["max_chars"])
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"text has {len(text):,} characters, over the limit of {max_chars:,} "
            "(split it, or raise [input] max_chars in a --config file)"
        )
    ratio, n_words = english_ratio(text)
    language = "en"
    if n_words >= int(settings["english_min_words"]) and ratio < settings["english_min_ratio"]:
        language = "und"
        warnings.append(
            f"{W_NOT_ENGLISH} text does not look like English ({ratio:.0%} English function "
            "words); only English is supported, results will be poor"
        )
    normalized = normalize(text)
    article = Article(
        id=id if id is not None else article_id(normalized.text, url),
        text=text,
        url=url,
        outlet=outlet,
        title=title,
        authors=list(authors or []),
        published=parse_published(published),
        language=language,
    )
    return PreparedInput(article, normalized, warnings)


def record_fields(record: Any) -> dict[str, Any]:
    """Check one JSONL record ``{id, text, published?, url?, …}`` and return analyse() kwargs."""
    if not isinstance(record, dict):
        raise BadRecordError(f"record must be a JSON object, got {type(record).__name__}")
    if "text" not in record:
        raise BadRecordError("record has no 'text' field")
    rid = record.get("id")
    if rid is not None and not isinstance(rid, str | int):
        raise BadRecordError(f"'id' must be a string or integer, got {type(rid).__name__}")
    authors = record.get("authors")
    if authors is not None and not (
        isinstance(authors, list) and all(isinstance(a, str) for a in authors)
    ):
        raise BadRecordError("'authors' must be a list of strings")
    for key in ("url", "outlet", "title"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise BadRecordError(f"'{key}' must be a string")
    return {
        "text": record["text"],
        "id": None if rid is None else str(rid),
        "published": record.get("published"),
        "url": record.get("url"),
        "outlet": record.get("outlet"),
        "title": record.get("title"),
        "authors": authors,
        "html": record.get("html"),
        "input_warnings": record.get("warnings"),
    }
