"""Reading files, folders and JSON Lines into article records for ``analyze_many``.

Every problem is reported per item as a :class:`SourceError` with a coded one-line reason and
its location (file, line), and reading goes on with the next item: one bad line or file never
stops a batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsgraph.errors import BadRecordError, NewsgraphError
from newsgraph.inputs import decode_bytes

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


@dataclass(frozen=True)
class SourceError:
    """An item that could not be read: where it is and why."""

    location: str
    reason: str


Located = tuple[str, dict[str, Any] | SourceError]


def read_jsonl(stream: IO[bytes], name: str) -> Iterator[Located]:
    """``(location, record)`` for each line of a JSON Lines stream; malformed lines (bad JSON,
    bad UTF-8, not an object, a truncated last line) give a SourceError instead."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield where, SourceError(where, f"NG005 line is not valid UTF-8: {exc.reason}")
            continue
        except json.JSONDecodeError as exc:
            truncated = " (truncated?)" if not raw.endswith(b"\n") else ""
            yield where, SourceError(where, f"NG005 line is not valid JSON{truncated}: {exc.msg}")
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield where, SourceError(where, f"NG005 line is a JSON {kind}, not an object")
            continue
        yield where, record


def read_file(path: Path, encoding: str | None = None) -> dict[str, Any]:
    """One text or HTML file as a record; raises a coded NewsgraphError when unreadable."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadRecordError(f"cannot read {path}: {exc.strerror}") from exc
    text, warnings = decode_bytes(data, encoding)
    return {
        "text": text,
        "html": path.suffix.lower() in HTML_SUFFIXES or None,
        "warnings": warnings,
        "source": str(path),
    }


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and the readable files of folders (recursively, sorted)."""
    suffixes = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
    for path in paths:
        if path.is_dir():
            yield from (
                p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in suffixes
            )
        else:
            yield path


def iter_records(paths: Iterable[Path], encoding: str | None = None) -> Iterator[Located]:
    """Records from files and folders: JSONL files give one record a line, others one a file."""
    for path in iter_paths(paths):
        if path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with path.open("rb") as stream:
                    yield from read_jsonl(stream, str(path))
            except OSError as exc:
                yield str(path), SourceError(str(path), f"NG005 cannot read: {exc.strerror}")
            continue
        try:
            yield str(path), read_file(path, encoding)
        except NewsgraphError as exc:
            yield str(path), SourceError(str(path), str(exc))
