"""HTML extraction (trafilatura, offline) and WARC reading (warcio)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.corpus.html import extract_article
from newsgraph.corpus.sources import SourceError
from newsgraph.corpus.synthetic import generate
from newsgraph.corpus.warc import iter_warc, read_warc

ARTICLES = generate(3, seed=4)


def test_html_page_gives_text_without_boilerplate_and_metadata() -> None:
    article = ARTICLES[0]
    extracted = extract_article(article.html())
    assert extracted is not None
    assert extracted.text == article.text
    assert "Most read" not in extracted.text and "Subscribe" not in extracted.text
    assert extracted.title == article.title
    assert extracted.published == article.published
    assert extracted.authors == article.authors
    assert extracted.outlet == article.outlet
    assert extracted.language == "en"
    assert extracted.url == article.url


def test_html_without_metadata_falls_back_gracefully() -> None:
    page = "<html><body><p>Rockets hit the base.</p></body></html>"
    extracted = extract_article(page, url="https://www.example.org/a")
    assert extracted is not None and "Rockets hit the base." in extracted.text
    assert extracted.outlet in ("example.org", "www.example.org")
    assert extract_article("<html><body></body></html>") is None


def _warc(path: Path) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i, article in enumerate(ARTICLES[:2]):
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            body = article.html().encode("utf-8")
            writer.write_record(
                writer.create_warc_record(
                    f"https://crawl.example/{i}",
                    "response",
                    payload=io.BytesIO(body),
                    length=len(body),
                    http_headers=http,
                )
            )
        skipped = [
            ("404 Not Found", "text/html", b"<html>missing</html>"),
            ("200 OK", "image/png", b"\x89PNG...."),
        ]
        for status, kind, body in skipped:
            writer.write_record(
                writer.create_warc_record(
                    "https://crawl.example/other",
                    "response",
                    payload=io.BytesIO(body),
                    length=len(body),
                    http_headers=StatusAndHeaders(status, [("Content-Type", kind)], "HTTP/1.1"),
                )
            )
        request = b"GET / HTTP/1.1\r\n\r\n"
        writer.write_record(
            writer.create_warc_record(
                "https://crawl.example/0",
                "request",
                payload=io.BytesIO(request),
                length=len(request),
            )
        )


def test_warc_response_records_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    records = [item for _, item in iter_warc(path)]
    assert len(records) == 2
    assert all(isinstance(r, dict) for r in records)
    first = records[0]
    assert isinstance(first, dict)
    assert first["text"] == ARTICLES[0].text and first["url"] == ARTICLES[0].url


def test_read_warc_of_a_stream_equals_iter_warc(tmp_path: Path) -> None:
    """The Spark job hands the bytes of an archive on any Hadoop path to ``read_warc``."""
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    assert list(read_warc(io.BytesIO(path.read_bytes()), str(path))) == list(iter_warc(path))


def test_damaged_warc_keeps_what_came_before(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    data = gzip.decompress(path.read_bytes())
    broken = tmp_path / "broken.warc"
    broken.write_bytes(data[: len(data) // 2] + b"\r\nWARC/1.0\r\ngarbage")
    items = [item for _, item in iter_warc(broken)]
    assert isinstance(items[0], dict)
    assert isinstance(items[-1], SourceError) and "NG005" in items[-1].reason
    missing = list(iter_warc(tmp_path / "none.warc"))
    assert isinstance(missing[0][1], SourceError)
