"""Feeds and polite fetching, against a local HTTP server on 127.0.0.1 (never the network)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from newsgraph.corpus.feeds import (
    FetchError,
    FetchSettings,
    PoliteFetcher,
    iter_feed,
    parse_feed,
)
from newsgraph.corpus.sources import SourceError
from newsgraph.corpus.synthetic import generate
from newsgraph.errors import BadRecordError

ARTICLES = generate(4, seed=8)


def _rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>{a.title}</title><link>{base}/news/{i}</link>"
        f"<pubDate>Wed, 07 Jul 2021 10:00:00 GMT</pubDate><author>desk@x.example (Desk)</author>"
        f"<description>Short teaser {i}.</description></item>"
        for i, a in enumerate(ARTICLES[:3])
    )
    items += (
        f"<item><title>Blocked</title><link>{base}/private/secret</link>"
        "<description>Teaser only.</description></item>"
        f"<item><title>Slow</title><link>{base}/slow</link>"
        "<description>Teaser only.</description></item>"
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
        f"<link>{base}/</link>{items}</channel></rss>"
    ).encode()


class _Handler(BaseHTTPRequestHandler):
    log: ClassVar[list[tuple[str, str]]] = []

    def do_GET(self) -> None:
        self.log.append((self.path, self.headers.get("User-Agent", "")))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/robots.txt":
            self._send(b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif self.path == "/feed.xml":
            self._send(_rss(base), "application/rss+xml")
        elif self.path.startswith("/news/"):
            article = ARTICLES[int(self.path.rsplit("/", 1)[1])]
            self._send(article.html().encode(), "text/html; charset=utf-8")
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(b"<html><body><p>late</p></body></html>", "text/html")
        else:
            self.send_error(404)

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.log = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def _fetcher(**settings: object) -> PoliteFetcher:
    values: dict[str, object] = {
        "delay_s": 0.0,
        "timeout_s": 0.5,
        "use_env_proxies": False,
        "user_agent": "newsgraph-test/1.0",
    }
    values.update(settings)
    return PoliteFetcher(FetchSettings(**values))  # type: ignore[arg-type]


def test_feed_pages_are_fetched_extracted_and_robots_obeyed(server: str) -> None:
    results = list(iter_feed(f"{server}/feed.xml", _fetcher()))
    records = [r for _, r in results if isinstance(r, dict)]
    errors = [r for _, r in results if isinstance(r, SourceError)]
    assert [r["title"] for r in records] == [a.title for a in ARTICLES[:3]]
    first = records[0]
    assert first["text"] == ARTICLES[0].text
    assert first["url"] == ARTICLES[0].url  # the page's canonical URL
    assert first["outlet"] == "Test Wire" and first["published"] == ARTICLES[0].published
    assert first["authors"] == ARTICLES[0].authors
    reasons = [e.reason for e in errors]
    assert any("robots.txt" in r and r.startswith("NG005") for r in reasons)
    assert any("timed out" in r for r in reasons)
    paths = [path for path, _ in _Handler.log]
    assert "/private/secret" not in paths
    assert paths.count("/robots.txt") == 1
    assert {agent for _, agent in _Handler.log} == {"newsgraph-test/1.0"}


def test_requests_to_one_host_are_paced(server: str) -> None:
    now = [100.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    fetcher = PoliteFetcher(
        FetchSettings(delay_s=2.0, use_env_proxies=False), clock=lambda: now[0], sleep=sleep
    )
    fetcher.fetch(f"{server}/news/0")  # robots.txt, then the page: one wait
    fetcher.fetch(f"{server}/news/1")
    assert sleeps == [pytest.approx(2.0), pytest.approx(2.0)]


def test_fetch_errors_are_coded(server: str) -> None:
    fetcher = _fetcher()
    with pytest.raises(FetchError, match=r"NG005 .*HTTP 404"):
        fetcher.fetch(f"{server}/missing")
    with pytest.raises(FetchError, match="only http and https"):
        fetcher.fetch("file:///etc/passwd")
    with pytest.raises(FetchError, match="larger than"):
        _fetcher(max_bytes=100).fetch(f"{server}/news/0")
    unreachable = _fetcher(timeout_s=2.0)
    assert not unreachable.allowed("http://127.0.0.1:1/page")  # robots unreachable: disallow


def test_feed_file_without_network_uses_entry_content(tmp_path: Path) -> None:
    body = ARTICLES[3].text.replace("\n\n", "</p><p>")
    feed = tmp_path / "feed.atom"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom Desk</title><entry><title>Full</title>"
        "<link href='https://atom.example/full'/><updated>2021-07-08T09:30:00Z</updated>"
        f"<author><name>Ann Author</name></author><content type='html'><![CDATA[<p>{body}</p>]]>"
        "</content></entry><entry><title>Teaser</title><link href='https://atom.example/t'/>"
        "<summary>Too short.</summary></entry></feed>",
        "utf-8",
    )
    (full, teaser) = [item for _, item in iter_feed(str(feed), None)]
    assert isinstance(full, dict) and isinstance(teaser, SourceError)
    assert full["url"] == "https://atom.example/full" and full["outlet"] == "Atom Desk"
    assert full["published"] == "2021-07-08T09:30:00" and full["authors"] == ["Ann Author"]
    assert "no article text" in teaser.reason


def test_not_a_feed_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(BadRecordError, match="NG005 not a readable RSS/Atom feed"):
        parse_feed(b"<html><body>nope</body></html>")
    bad = tmp_path / "bad.xml"
    bad.write_text("just text", "utf-8")
    ((where, item),) = list(iter_feed(str(bad), None))
    assert where == str(bad) and isinstance(item, SourceError)
