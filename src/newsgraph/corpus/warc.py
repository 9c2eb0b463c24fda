"""WARC files (web archives, e.g. Common Crawl's CC-NEWS) to article records.

Each ``response`` record holding an HTML page with HTTP status 200 (and each ``resource`` record
of type text/html, as ``wget --warc-file`` writes them) becomes one article: the page goes through
the same trafilatura extraction as any HTML file, with the record's ``WARC-Target-URI`` as its
URL. Requests, metadata, redirects, errors and non-HTML payloads are skipped silently: they are
not articles. A damaged archive yields one :class:`~newsgraph.corpus.sources.SourceError` at
the point of damage, after every record before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

from newsgraph.corpus.html import extract_article
from newsgraph.corpus.sources import Located, SourceError
from newsgraph.errors import NewsgraphError
from newsgraph.inputs import decode_bytes

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MAX_PAYLOAD = 5_000_000


def is_warc(path: Path) -> bool:
    """Whether the file name says web archive."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"'")
    return None


def iter_warc(path: Path) -> Iterator[Located]:
    """``(location, record)`` for each HTML page archived in the file."""
    name = str(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield name, SourceError(name, f"NG005 cannot read {name}: {exc.strerror}")
        return
    with stream:
        yield from read_warc(stream, name)


def read_warc(stream: IO[bytes], name: str) -> Iterator[Located]:
    """:func:`iter_warc` of an open binary stream (a local file, or the bytes of an archive on
    any Hadoop-compatible path, as the Spark job has them); ``name`` prefixes locations."""
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            if record.rec_type == "response":
                if record.http_headers is None:
                    continue
                if record.http_headers.get_statuscode() != "200":
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
            elif record.rec_type == "resource":
                content_type = record.rec_headers.get_header("Content-Type") or ""
            else:
                continue
            if not content_type.lower().startswith(_HTML_TYPES):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{name}@{record.rec_headers.get_header('WARC-Record-ID') or url}"
            payload = record.content_stream().read(_MAX_PAYLOAD + 1)
            if len(payload) > _MAX_PAYLOAD:
                yield where, SourceError(where, f"NG003 page larger than {_MAX_PAYLOAD:,} B")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than declared
                yield where, SourceError(where, f"NG005 truncated record in {name}")
                continue
            yield where, _page_record(payload, url, _charset(content_type), where)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield name, SourceError(name, f"NG005 damaged web archive {name}: {exc}")


def _page_record(
    payload: bytes, url: str | None, charset: str | None, where: str
) -> dict[str, object] | SourceError:
    try:
        if charset:
            try:
                page = payload.decode(charset)
            except (LookupError, UnicodeDecodeError):
                page, _ = decode_bytes(payload)
        else:
            page, _ = decode_bytes(payload)
    except NewsgraphError as exc:
        return SourceError(where, str(exc))
    article = extract_article(page, url=url)
    if article is None:
        return SourceError(where, "NG001 archived page has no text")
    record: dict[str, object] = dict(article.record())
    record["url"] = article.url or url
    return record
