"""Fixtures of the Spark tests: one loopback-only ``local[2]`` session, a varied corpus.

``SPARK_LOCAL_IP=127.0.0.1`` and a loopback driver address keep every socket on loopback;
executors run this interpreter (the venv with newsgraph installed).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "wikinews.jsonl"
OUTLETS = ("Wikinews", "Example Times", "Daily Sample", None)
_SENTENCE_END = re.compile(r"(?<=[.!?\"])(?=\s)")

# Lines that must reach the errors table (and stderr of `newsgraph analyze --jsonl`).
BAD_LINES: tuple[bytes, ...] = (
    b"this is not json {",
    b"[1, 2, 3]",
    b'{"id": "bad/empty", "text": "   "}',
    b'{"id": "bad/no-text", "title": "nothing"}',
    b'{"id": "bad/date", "text": "The minister spoke on Monday.", "published": "yesterday"}',
    b'{"id": "bad/utf8", "text": "caf\xe9 \xff"}',
)


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One SparkSession for the whole test session (starting one costs seconds; its Python
    workers keep their loaded pipeline between tests), stopped at the end."""
    pyspark_sql = pytest.importorskip("pyspark.sql")
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .appName("newsgraph-tests")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def bad_lines() -> tuple[bytes, ...]:
    """Input lines that must end in the errors table."""
    return BAD_LINES


@pytest.fixture(scope="session")
def make_corpus() -> Any:
    """``(n, seed) -> records``: see :func:`varied_corpus`."""
    return varied_corpus


@pytest.fixture(scope="session")
def jsonl_writer() -> Any:
    """``(path, records, bad=()) -> path``: see :func:`write_jsonl`."""
    return write_jsonl


@pytest.fixture(scope="session")
def warc_writer() -> Any:
    """``(path, pages) -> path``: see :func:`write_warc`."""
    return write_warc


def write_warc(path: Path, pages: list[tuple[str, str, bytes]]) -> Path:
    """A gzipped WARC of ``(url, content type, body)`` HTTP 200 responses, and one request
    record (not a page)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, kind, body in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
            )
            writer.write_record(record)
        request = b"GET / HTTP/1.1\r\n\r\n"
        writer.write_record(
            writer.create_warc_record(
                pages[0][0], "request", payload=io.BytesIO(request), length=len(request)
            )
        )
    return path


def varied_corpus(n: int, seed: int) -> list[dict[str, Any]]:
    """``n`` articles made from the Wikinews examples by light, seeded variation: a dropped
    sentence, a sentence borrowed from another article, a shifted date, another outlet."""
    base = [json.loads(line) for line in EXAMPLES.read_text("utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        article = base[i % len(base)]
        pieces = _SENTENCE_END.split(article["text"])
        if len(pieces) > 4 and rng.random() < 0.6:
            del pieces[rng.randrange(2, len(pieces))]
        if rng.random() < 0.3:
            other = _SENTENCE_END.split(rng.choice(base)["text"])
            pieces.append(" " + rng.choice(other).strip())
        record: dict[str, Any] = {"id": f"{article['id']}/v{i}", "text": "".join(pieces)}
        if article.get("published") and rng.random() < 0.9:
            day = dt.date.fromisoformat(article["published"]) + dt.timedelta(rng.randint(-3, 3))
            record["published"] = day.isoformat()
        if (outlet := rng.choice(OUTLETS)) is not None:
            record["outlet"] = outlet
            record["url"] = f"https://{outlet.lower().replace(' ', '')}.example/{i}"
        if rng.random() < 0.2:
            record["authors"] = [rng.choice(("A. Writer", "B. Reporter"))]
        out.append(record)
    return out


def write_jsonl(path: Path, records: list[dict[str, Any]], bad: tuple[bytes, ...] = ()) -> Path:
    """Records as JSON Lines, with the ``bad`` lines and a blank line spread among them."""
    lines = [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in records]
    step = max(1, len(lines) // (len(bad) + 1))
    for k, raw in enumerate(bad, start=1):
        lines.insert(k * step + k - 1, raw)
    lines.insert(len(lines) // 3, b"")
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path
