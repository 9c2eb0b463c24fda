"""Ingest: any mix of sources → records → analyses → a store, idempotently.

:func:`iter_sources` reads what a user names on the command line: text, HTML, JSONL, feed and
WARC files, folders of them (recursively, in sorted order, so every run sees the same order) and
feed URLs. :func:`ingest` then asks the store, **before analysis**, what each record is
(:meth:`~newsgraph.store.Store.classify`): an unchanged article or an exact copy under another URL
costs one indexed lookup instead of an analysis, which is what makes a rerun after a crash cheap
and what makes it resume exactly where the killed run stopped. Everything else is analysed
(``n_process`` workers) and stored one article per transaction, in input order.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newsgraph.corpus.dedup import content_key
from newsgraph.corpus.feeds import FEED_SUFFIXES, PoliteFetcher, iter_feed
from newsgraph.corpus.html import extract_article
from newsgraph.corpus.sources import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    Located,
    SourceError,
    read_file,
    read_jsonl,
)
from newsgraph.corpus.warc import is_warc, iter_warc
from newsgraph.errors import NewsgraphError
from newsgraph.inputs import decode_bytes
from newsgraph.pipeline import Analyzer, Failure
from newsgraph.store.base import Store

INGEST_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


def is_url(source: str) -> bool:
    """Whether a command-line source is a feed URL rather than a path."""
    return source.startswith(("http://", "https://"))


def _wanted(path: Path) -> bool:
    return path.is_file() and (path.suffix.lower() in INGEST_SUFFIXES or is_warc(path))


def _html_record(html: str, record: dict[str, Any]) -> dict[str, Any] | SourceError:
    """An HTML record with its text extracted (trafilatura) and metadata filled in."""
    article = extract_article(html, url=record.get("url"))
    if article is None:
        where = str(record.get("source") or record.get("url") or "")
        return SourceError(where, "NG001 page has no text")
    extracted = article.record()
    out = dict(record)
    out["text"] = extracted["text"]
    out["html"] = False
    for key in ("title", "published", "authors", "outlet", "url", "language"):
        if not out.get(key) and extracted.get(key):
            out[key] = extracted[key]
    return out


def _read_path(
    path: Path, encoding: str | None, fetcher: PoliteFetcher | None
) -> Iterator[Located]:
    name = str(path)
    suffix = path.suffix.lower()
    if is_warc(path):
        yield from iter_warc(path)
    elif suffix in FEED_SUFFIXES:
        yield from iter_feed(name, fetcher)
    elif suffix in JSONL_SUFFIXES:
        try:
            with path.open("rb") as stream:
                for where, item in read_jsonl(stream, name):
                    if (
                        isinstance(item, dict)
                        and item.get("html")
                        and isinstance(item.get("text"), str)
                    ):
                        yield where, _html_record(item["text"], item)
                    else:
                        yield where, item
        except OSError as exc:
            yield name, SourceError(name, f"NG005 cannot read: {exc.strerror}")
    elif suffix in HTML_SUFFIXES:
        try:
            data = path.read_bytes()
            html, warnings = decode_bytes(data, encoding)
        except OSError as exc:
            yield name, SourceError(name, f"NG005 cannot read {name}: {exc.strerror}")
            return
        except NewsgraphError as exc:
            yield name, SourceError(name, str(exc))
            return
        yield name, _html_record(html, {"source": name, "warnings": warnings})
    else:
        try:
            yield name, read_file(path, encoding)
        except NewsgraphError as exc:
            yield name, SourceError(name, str(exc))


def iter_sources(
    sources: Sequence[str | Path],
    *,
    encoding: str | None = None,
    fetcher: PoliteFetcher | None = None,
) -> Iterator[Located]:
    """Records from files, folders (recursively, sorted) and feed URLs, in a stable order."""
    for source in sources:
        if isinstance(source, str) and is_url(source):
            yield from iter_feed(source, fetcher)
            continue
        path = Path(source)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if _wanted(child):
                    yield from _read_path(child, encoding, fetcher)
        elif path.exists():
            yield from _read_path(path, encoding, fetcher)
        else:
            yield str(path), SourceError(str(path), f"NG005 no such file or folder: {path}")


@dataclass
class IngestStats:
    """What one ingest run did."""

    new: int = 0
    updated: int = 0
    copies: int = 0
    unchanged: int = 0
    failed: int = 0
    seconds: float = 0.0

    @property
    def seen(self) -> int:
        """Records read, whatever happened to them."""
        return self.new + self.updated + self.copies + self.unchanged + self.failed

    @property
    def analysed(self) -> int:
        """Articles that went through the pipeline and were stored."""
        return self.new + self.updated

    def rate(self) -> float:
        """Records per second over the run."""
        return self.seen / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Plain data, for ``--json`` output and benchmarks."""
        return {**asdict(self), "seen": self.seen, "per_second": round(self.rate(), 2)}

    def format(self) -> str:
        """One line for a person."""
        return (
            f"this run: {self.new} new, {self.updated} updated, {self.copies} exact copies,"
            f" {self.unchanged} unchanged, {self.failed} failed"
            f" in {self.seconds:.1f} s ({self.rate():.1f} articles/s)"
        )


def ingest(
    records: Iterable[Located],
    store: Store,
    analyzer: Analyzer,
    *,
    n_process: int = 1,
    batch_size: int = 32,
    on_error: Callable[[str, str], None] | None = None,
    on_progress: Callable[[IngestStats], None] | None = None,
) -> IngestStats:
    """Analyse and store every record that is not already stored; returns what happened.

    ``on_error(location, reason)`` hears about each record that could not be read or analysed
    (the run goes on); ``on_progress(stats)`` is called after each record.
    """
    stats = IngestStats()
    started = time.perf_counter()
    in_flight: deque[str] = deque()

    def tick() -> None:
        stats.seconds = time.perf_counter() - started
        if on_progress is not None:
            on_progress(stats)

    def fail(location: str, reason: str) -> None:
        stats.failed += 1
        if on_error is not None:
            on_error(location, reason)
        tick()

    def to_analyse() -> Iterator[dict[str, Any]]:
        for location, item in records:
            if isinstance(item, SourceError):
                fail(item.location, item.reason)
                continue
            text = item.get("text")
            if isinstance(text, str) and text.strip():
                chash = content_key(text)
                rid = item.get("id")
                decision = store.classify(
                    url=item.get("url") if isinstance(item.get("url"), str) else None,
                    content_hash=chash,
                    article_id=None if rid is None else str(rid),
                )
                if decision == "unchanged":
                    stats.unchanged += 1
                    tick()
                    continue
                if decision == "copy":
                    result = store.add_copy(
                        chash, str(item["url"]), item.get("outlet"), item.get("published")
                    )
                    if result.status == "copy":
                        stats.copies += 1
                    else:
                        stats.unchanged += 1
                    tick()
                    continue
            in_flight.append(location)
            yield item

    for result in analyzer.analyze_many(to_analyse(), n_process=n_process, batch_size=batch_size):
        location = in_flight.popleft()
        if isinstance(result, Failure):
            fail(location, result.reason)
            continue
        outcome = store.put(result)
        if outcome.status == "new":
            stats.new += 1
        elif outcome.status == "updated":
            stats.updated += 1
        elif outcome.status == "copy":
            stats.copies += 1
        else:
            stats.unchanged += 1
        tick()
    stats.seconds = time.perf_counter() - started
    return stats
