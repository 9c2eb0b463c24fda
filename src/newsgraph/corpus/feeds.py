"""RSS/Atom feeds to article records, fetching each article page politely.

A feed lists articles; the article text is on each linked page. Fetching other people's sites
at volume carries obligations, so :class:`PoliteFetcher` always:

* sends an honest ``User-Agent`` naming newsgraph (configurable);
* obeys ``robots.txt`` (RFC 9309: a 4xx robots file allows everything, an unreachable one or a
  5xx forbids everything for that host) including its ``Crawl-delay``;
* waits ``delay_s`` between two requests to the same host (the larger of that and Crawl-delay);
* gives up on a request after ``timeout_s`` and refuses bodies over ``max_bytes``;
* only speaks http(s).

Every failure (robots disallow, timeout, HTTP error, oversized or binary body) becomes a
per-entry :class:`~newsgraph.corpus.sources.SourceError`; a feed entry whose page cannot be
fetched still yields an article when the feed itself carries enough of its text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import Message
from http.client import HTTPException
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser  # type: ignore[import-untyped]

from newsgraph.corpus.html import extract_article
from newsgraph.corpus.sources import Located, SourceError
from newsgraph.errors import BadRecordError, NewsgraphError
from newsgraph.inputs import decode_bytes
from newsgraph.version import __version__

DEFAULT_USER_AGENT = f"newsgraph/{__version__} (news research; polite crawler; obeys robots.txt)"
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
# A feed entry's own text is used instead of its page only when it is article-length.
_MIN_ENTRY_WORDS = 40


class FetchError(BadRecordError):
    """A page or feed could not be fetched (network, HTTP status, robots.txt, size, timeout)."""


@dataclass(frozen=True)
class FetchSettings:
    """How politely to fetch: identity, pacing, patience and size limits."""

    user_agent: str = DEFAULT_USER_AGENT
    delay_s: float = 1.0
    timeout_s: float = 20.0
    max_bytes: int = 5_000_000
    respect_robots: bool = True
    use_env_proxies: bool = True


@dataclass
class Fetched:
    """A fetched resource: the final URL (after redirects), status, type and body."""

    url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes


class PoliteFetcher:
    """HTTP GET with a user agent, robots.txt, per-host pacing, a timeout and a size cap.

    ``clock`` and ``sleep`` are injectable so tests check the pacing without waiting.
    """

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.clock = clock
        self.sleep = sleep
        handlers: list[urllib.request.BaseHandler] = []
        if not self.settings.use_env_proxies:
            handlers.append(urllib.request.ProxyHandler({}))
        self._opener = urllib.request.build_opener(*handlers)
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[urllib.robotparser.RobotFileParser | None, bool]] = {}

    @staticmethod
    def _host(url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}".lower()

    def _pace(self, host: str, delay: float) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _get(self, url: str, delay: float) -> Fetched:
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"cannot fetch {url}: only http and https URLs are fetched")
        self._pace(self._host(url), delay)
        request = urllib.request.Request(
            url, headers={"User-Agent": self.settings.user_agent, "Accept": "*/*"}
        )
        try:
            with self._opener.open(request, timeout=self.settings.timeout_s) as response:
                body = response.read(self.settings.max_bytes + 1)
                headers: Message = response.headers
                final, status = response.geturl(), response.status
        except urllib.error.HTTPError as exc:
            raise FetchError(f"cannot fetch {url}: HTTP {exc.code} {exc.reason}") from exc
        except urllib.error.URLError as exc:
            raise FetchError(f"cannot fetch {url}: {exc.reason}") from exc
        except TimeoutError as exc:
            raise FetchError(
                f"cannot fetch {url}: timed out after {self.settings.timeout_s:g} s"
            ) from exc
        except (HTTPException, OSError, ValueError) as exc:
            raise FetchError(f"cannot fetch {url}: {type(exc).__name__}: {exc}") from exc
        if len(body) > self.settings.max_bytes:
            raise FetchError(f"cannot fetch {url}: larger than {self.settings.max_bytes:,} bytes")
        return Fetched(
            url=final,
            status=status,
            content_type=headers.get_content_type(),
            charset=headers.get_content_charset(),
            body=body,
        )

    def _robots_for(self, url: str) -> tuple[urllib.robotparser.RobotFileParser | None, bool]:
        """(parser, allow-all) for the URL's host, fetched once per host."""
        host = self._host(url)
        if host not in self._robots:
            try:
                fetched = self._get(urljoin(host, "/robots.txt"), self.settings.delay_s)
            except FetchError as exc:
                cause = exc.__cause__
                client_error = isinstance(cause, urllib.error.HTTPError) and cause.code < 500
                self._robots[host] = (None, client_error)
            else:
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
                self._robots[host] = (parser, False)
        return self._robots[host]

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets this user agent fetch ``url``."""
        if not self.settings.respect_robots:
            return True
        parser, allow_all = self._robots_for(url)
        if parser is None:
            return allow_all
        return parser.can_fetch(self.settings.user_agent, url)

    def _delay(self, url: str) -> float:
        if not self.settings.respect_robots:
            return self.settings.delay_s
        parser, _ = self._robots_for(url)
        crawl_delay = parser.crawl_delay(self.settings.user_agent) if parser else None
        return max(self.settings.delay_s, float(crawl_delay or 0))

    def fetch(self, url: str) -> Fetched:
        """GET ``url`` if robots.txt allows it, after the host's delay; raises FetchError."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"cannot fetch {url}: only http and https URLs are fetched")
        if not self.allowed(url):
            raise FetchError(f"not fetching {url}: disallowed by robots.txt")
        return self._get(url, self._delay(url))


@dataclass
class FeedEntry:
    """One feed item: its link and what the feed says about it."""

    link: str | None
    title: str | None
    published: str | None
    authors: list[str] = field(default_factory=list)
    content: str | None = None


@dataclass
class Feed:
    """A parsed feed: its title (the outlet, usually) and entries."""

    title: str | None
    entries: list[FeedEntry]


def _iso(parsed: Any) -> str | None:
    if not parsed:
        return None
    stamp = dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)
    return stamp.replace(tzinfo=None).isoformat()


def parse_feed(data: bytes, url: str | None = None) -> Feed:
    """Parse RSS or Atom bytes (never lets feedparser fetch anything); raises BadRecordError
    when the bytes are not a feed."""
    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": url or ""})
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed, "bozo_exception", "not RSS or Atom")
        raise BadRecordError(f"not a readable RSS/Atom feed: {reason}")
    entries = []
    for item in parsed.entries:
        content = None
        if item.get("content"):
            content = item["content"][0].get("value")
        content = content or item.get("summary")
        authors = [a.get("name") for a in item.get("authors", []) if a.get("name")]
        if not authors and item.get("author"):
            authors = [item["author"]]
        link = item.get("link")
        entries.append(
            FeedEntry(
                link=urljoin(url, link) if url and link else link,
                title=item.get("title"),
                published=_iso(item.get("published_parsed") or item.get("updated_parsed")),
                authors=authors,
                content=content,
            )
        )
    return Feed(parsed.feed.get("title"), entries)


def _decode(fetched: Fetched) -> str:
    if fetched.charset:
        try:
            return fetched.body.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    text, _ = decode_bytes(fetched.body)
    return text


def _entry_record(entry: FeedEntry, feed: Feed, fetcher: PoliteFetcher | None) -> dict[str, Any]:
    """The article of one entry: its page when it can be fetched, else the feed's own text."""
    page_error: NewsgraphError | None = None
    article = None
    if entry.link and fetcher is not None:
        try:
            fetched = fetcher.fetch(entry.link)
            article = extract_article(_decode(fetched), url=fetched.url)
        except NewsgraphError as exc:
            page_error = exc
    if article is None and entry.content:
        candidate = extract_article(entry.content, url=entry.link)
        if candidate is not None and len(candidate.text.split()) >= _MIN_ENTRY_WORDS:
            article = candidate
    if article is None:
        if page_error is not None:
            raise page_error
        raise BadRecordError(f"feed entry {entry.link or entry.title!r} has no article text")
    record = article.record()
    record["url"] = record.get("url") or entry.link
    record["title"] = record.get("title") or entry.title
    record["published"] = record.get("published") or entry.published
    record["authors"] = record.get("authors") or entry.authors
    record["outlet"] = feed.title or record.get("outlet")
    return record


def iter_feed(source: str, fetcher: PoliteFetcher | None) -> Iterator[Located]:
    """Records from a feed URL or feed file, one per entry (``fetcher`` None: no page fetching,
    entries must carry their text)."""
    try:
        if source.startswith(("http://", "https://")):
            if fetcher is None:
                raise FetchError(f"not fetching {source}: network fetching is off")
            fetched = fetcher.fetch(source)
            feed = parse_feed(fetched.body, fetched.url)
        else:
            feed = parse_feed(Path(source).read_bytes())
    except NewsgraphError as exc:
        yield source, SourceError(source, str(exc))
        return
    except OSError as exc:
        yield source, SourceError(source, f"NG005 cannot read {source}: {exc.strerror}")
        return
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{source}#{number}"
        try:
            yield where, _entry_record(entry, feed, fetcher)
        except NewsgraphError as exc:
            yield where, SourceError(where, str(exc))
