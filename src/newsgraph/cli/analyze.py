"""``newsgraph analyze``: one file, stdin or a JSON Lines stream → Analysis JSON on stdout."""

from __future__ import annotations

import argparse
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsgraph.cli.common import report_failure, warn
from newsgraph.corpus.sources import SourceError, read_jsonl
from newsgraph.errors import BadRecordError
from newsgraph.inputs import decode_bytes
from newsgraph.pipeline import Analyzer, Failure, default_analyzer
from newsgraph.summary import format_analysis


def register(commands: Any) -> None:
    """Add the command to the top-level parser."""
    parser = commands.add_parser(
        "analyze",
        help="analyse a text or HTML file, stdin, or a JSONL stream",
        description="Analyse one article (a text or HTML file, or '-' for stdin) and print its "
        "Analysis as JSON, or analyse every line of --jsonl IN.jsonl ({id, text, published?, "
        "url?}) and print one Analysis per line with the same id, in input order.",
    )
    parser.add_argument("path", nargs="?", help="text or HTML file, or '-' for stdin")
    parser.add_argument("--jsonl", metavar="IN.jsonl", help="JSON Lines input ('-' for stdin)")
    parser.add_argument("--published", help="publication date (ISO 8601) of a single article")
    parser.add_argument("--url", help="URL of a single article")
    parser.add_argument("--id", help="id to give a single article (default: content hash)")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.add_argument("--pretty", action="store_true", help="indent the JSON")
    parser.add_argument(
        "--encoding",
        help="force the input encoding (default: UTF-8, loudly falling back to Windows-1252)",
    )
    parser.add_argument("--n-process", type=int, default=1, help="worker processes for --jsonl")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command; returns the exit code."""
    if (args.path is None) == (args.jsonl is None):
        warn("error: give exactly one of PATH (or '-') and --jsonl IN.jsonl")
        return 2
    analyzer = default_analyzer(args.config)
    if args.jsonl is not None:
        return _run_jsonl(args, analyzer)
    data = sys.stdin.buffer.read() if args.path == "-" else _read(Path(args.path))
    text, warnings = decode_bytes(data, args.encoding)
    analysis = analyzer.analyze(
        text,
        published=args.published,
        url=args.url,
        id=args.id,
        html=Path(args.path).suffix.lower() in (".html", ".htm") or None,
        input_warnings=warnings,
    )
    for warning in analysis.warnings:
        warn(f"warning: {warning}")
    if args.format == "text":
        print(format_analysis(analysis))
    else:
        print(analysis.to_json(indent=2 if args.pretty else None))
    return 0


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BadRecordError(f"cannot read {path}: {exc.strerror}") from exc


def _run_jsonl(args: argparse.Namespace, analyzer: Analyzer) -> int:
    stream: IO[bytes]
    if args.jsonl == "-":
        stream, name = sys.stdin.buffer, "<stdin>"
    else:
        stream, name = Path(args.jsonl).open("rb"), args.jsonl  # noqa: SIM115 - closed below
    # Results come back in input order, so the location of each in-flight record is a FIFO.
    locations: deque[str] = deque()
    failed = 0

    def records() -> Iterator[dict[str, Any]]:
        nonlocal failed
        for location, item in read_jsonl(stream, name):
            if isinstance(item, SourceError):
                warn(f"{item.location}: {item.reason}")
                failed += 1
                continue
            locations.append(location)
            yield item

    with stream:
        for result in analyzer.analyze_many(
            records(), n_process=args.n_process, batch_size=args.batch_size
        ):
            location = locations.popleft()
            if isinstance(result, Failure):
                failed += 1
                report_failure(result, location)
                continue
            for warning in result.warnings:
                warn(f"warning: {location} (id {result.id}): {warning}")
            if args.format == "text":
                print(format_analysis(result))
            else:
                print(result.to_json(indent=2 if args.pretty else None))
    if failed:
        warn(f"{failed} record(s) failed")
    return 1 if failed else 0
